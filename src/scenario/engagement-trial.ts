/**
 * One trial of the kill chain, from launch to leak or kill, with its event log: the discrete-event
 * loop of DESIGN.md §3 over truth, a fast sensing model, tracks and the engagement layer.
 *
 * Built for bulk Monte Carlo: `buildEngagementWorld` does the expensive, trial-independent work
 * once per scenario (the targeting solve and boost of every threat, sensors, interceptor specs
 * and fly-out fans, parameters); `runEngagementTrial` redoes only what a trial draws — the bus's
 * release dispersions (`threats/<id>/bus`), the free flight of the released objects, sensing,
 * classification, shots and assessments — each from its own random stream keyed by component
 * path, so a trial's result does not depend on the order of work.
 *
 * FAST SENSING MODEL (not the detection-level tracker of track-run.ts, which costs ~0.6 s per
 * nmd-2001 trial). Each object becomes a track when
 *   - a radar detects it on M-of-N = 3 of 4 consecutive looks on the radar's revisit grid,
 *     coarsened to ≥ 5 s steps (`radarLook` with the stream `sensors/<radar>/noise/<object>`,
 *     Swerling 1); or
 *   - (boosters only) two IR satellites each detect its plume on 3 of 4 looks (a stereo boost
 *     track; `irLook`, stream `sensors/<sat>/noise/<object>`).
 * The estimate the engagement sees is drawn once, at commit time t_c = track time + commit delay:
 * truth at t_c plus a Gaussian error whose covariance is that of a least-squares line fit to the
 * n = 3 + commitDelay/step looks of the confirming radar, with the per-look accuracy the radar has
 * at the SNR of its confirming look (σ_R, σ_angle·R across; Skolnik 2001 §6.3–6.4 via
 * `radarLook`): position σ·√((4n−2)/(n(n+1))), velocity σ/Δ·√(12/(n(n²−1))) (straight-line
 * regression, e.g. Bar-Shalom, Li & Kirubarajan, "Estimation with Applications to Tracking and
 * Navigation", 2001, §6.2), and the radar's range-rate accuracy / √n along the line of sight when
 * it measures range rate (stream `tracks/<object>/estimate`). The engagement propagates that
 * estimate with `keplerTrajectory` for PIP, windows and WTA; it never reads truth. Truth is read
 * only by the named oracle `interceptOracle` (intercept outcome) and to log leaks and impacts.
 * IR boost tracks count for `firstTrack_s` but do not cue radars here (radars search on their own).
 *
 * Engagement: an object tracked by radar is classified at its track time (`believedWarhead`,
 * stream `tracks/<object>/discrimination`); an object believed a warhead is committed on at
 * t_c. Each site's engagement window comes from `analyseEngagement` on the estimate (launch not
 * before t_c + the interceptor's reaction time); the site is chosen by `greedyWta` over sites
 * with inventory and a feasible window (value 1, p = SSPK_rv × reliability); `planShots` lays out
 * the salvos. Inventories decrement at interceptor launch. An intercept kills by `salvoKills`
 * (SSPK of the object's true class × reliability, stream `defense/<site>/shots/<object>`), and
 * misses whatever the draw when |estimate − truth| at intercept exceeds the kill vehicle's divert
 * reach (divert Δv × coast time after the booster's burnout). Kill assessment (`assessKill`,
 * stream `tracks/<object>/kill-assessment`) decides whether the next planned salvo is fired.
 */
import { OMEGA_EARTH_radps } from '../core/constants.ts';
import { randomStream, type RandomStream } from '../core/random.ts';
import { ellipsoidHeightApprox_m } from '../dynamics/drag.ts';
import { BallisticFlyer, newBallisticResult } from '../flight/ballistic-flyer.ts';
import { deployPayload } from '../flight/deployment.ts';
import type { ReentryVehicleSpec } from '../flight/missile-spec.ts';
import { irLook } from '../sensors/ir-satellite.ts';
import { newLookResult, radarLook } from '../sensors/radar.ts';
import { rcsOf } from '../sensors/rcs.ts';
import { believedWarhead, type DiscriminationModel } from '../engagement/discrimination.ts';
import { planShots, type Doctrine, type Salvo } from '../engagement/doctrine.ts';
import { flyoutFan, type FlyoutFan } from '../engagement/flyout-fan.ts';
import {
  analyseEngagement,
  judgeIntercept,
  keplerTrajectory,
  type EngagementAnalysis,
  type InfeasibleReason,
  type InterceptorSite,
  type ThreatTrajectory,
} from '../engagement/intercept-point.ts';
import type { InterceptorSpec } from '../engagement/interceptor-spec.ts';
import { assessKill, salvoKills, type KillAssessmentModel } from '../engagement/kill-assessment.ts';
import { greedyWta } from '../engagement/wta.ts';
import type { Catalog } from './catalog.ts';
import type { Scenario, SitePosition } from './schema.ts';
import { buildSensors, type WorldRadar, type WorldSensor } from './sensor-world.ts';
import {
  aimThreat,
  DECOY_END_ALT_m,
  endTime,
  flyBoost,
  toTruth,
  truncateBelow,
  truthStateAt,
  type TruthObject,
} from './truth.ts';

/** Defaults of the defense parameters the scenario may leave out (our assumptions). */
export const ENGAGEMENT_DEFAULTS = {
  /** Wilkening (2000)'s illustrative discrimination level, as in `aspis effectiveness`. */
  discrimination: { pRvAsRv: 0.9, pDecoyAsDecoy: 0.9 } as DiscriminationModel,
  killAssessment: { pMissedKill: 0.05, pFalseKill: 0.05, time_s: 30 },
  commitDelay_s: 30,
  /** Truth sample interval of the per-trial free flight. */
  truthDt_s: 5,
  /** Coarsest sensor revisit the fast sensing model uses. */
  minLookStep_s: 5,
  /** M-of-N confirmation. */
  m: 3,
  n: 4,
} as const;

/** A threat missile's nominal boost, flown once per scenario. */
export interface WorldThreat {
  /** Instance id (`nk-1`, or `nk-1#2` in a salvo). */
  id: string;
  launchTime_s: number;
  booster: TruthObject;
  /** Burnout state in the missile's launch frame, and burnout time after launch. */
  burnoutStateEci: Float64Array;
  burnoutTime_s: number;
  warheads: number;
  decoys: number;
  rv: ReentryVehicleSpec;
}

export interface WorldSite {
  id: string;
  spec: InterceptorSpec;
  fan: FlyoutFan;
  site: InterceptorSite;
  count: number;
  /** The kill vehicle's booster burnout time (sum of burn times and coasts). */
  burnout_s: number;
}

export interface EngagementWorld {
  name: string;
  seed: number;
  threats: WorldThreat[];
  sensors: WorldSensor[];
  sites: WorldSite[];
  doctrine: Doctrine;
  discrimination: DiscriminationModel;
  killAssessment: KillAssessmentModel & { time_s: number };
  commitDelay_s: number;
  /** Idealised defense (perfect sensing and discrimination, always-feasible shots), or null. */
  ideal: { sspk: number; reliability: number } | null;
}

export type TrialEventKind =
  | 'launch'
  | 'detect'
  | 'track'
  | 'classify'
  | 'commit'
  | 'no-shot'
  | 'interceptor-launch'
  | 'intercept'
  | 'kill-assessment'
  | 're-engage'
  | 'leak'
  | 'impact';

export interface TrialEvent {
  time_s: number;
  kind: TrialEventKind;
  actors: string[];
  reason: string;
}

export interface ThreatOutcome {
  threat: string;
  rvs: number;
  killed: number;
  leaked: number;
}

export interface TrialOutcome {
  rvs: number;
  leakers: number;
  killed: number;
  interceptorsUsed: number;
  perThreat: ThreatOutcome[];
  /** No-shot and failed-intercept reasons, by count. */
  failures: Record<string, number>;
  firstTrack_s: number | null;
}

export interface TrialResult {
  trial: number;
  outcome: TrialOutcome;
  events: TrialEvent[];
}

function sitePosition(
  pos: SitePosition,
  catalog: Catalog,
  file: string,
  path: string,
): InterceptorSite {
  if (typeof pos === 'string') {
    const s = catalog.site(pos, { file, path });
    return { lat_deg: s.lat_deg, lon_deg: s.lon_deg, alt_m: s.alt_m ?? 0 };
  }
  return { lat_deg: pos.lat_deg, lon_deg: pos.lon_deg, alt_m: pos.alt_m ?? 0 };
}

/** The trial-independent part of a scenario: targeting solutions, boosts, sensors, sites. */
export function buildEngagementWorld(
  scenario: Scenario,
  catalog: Catalog,
  file: string,
): EngagementWorld {
  const dt = ENGAGEMENT_DEFAULTS.truthDt_s;
  const threats: WorldThreat[] = [];
  scenario.threats.forEach((t, i) => {
    // The boost is deterministic: aim and fly it once (salvo spacing 10 s, as buildTruth).
    const aimed = aimThreat(t, i, catalog, file);
    const missile = aimed.missile;
    const { rows, boost } = flyBoost(aimed, dt);
    if (boost.crashedInBoost) return;
    for (let k = 0; k < t.count; k++) {
      const tid = t.count > 1 ? `${t.id}#${k + 1}` : t.id;
      const tLaunch = t.launch.time_s + k * 10;
      threats.push({
        id: tid,
        launchTime_s: tLaunch,
        booster: toTruth(`${tid}/booster`, tid, 'booster', rows, tLaunch, dt),
        burnoutStateEci: boost.burnoutStateEci.slice(),
        burnoutTime_s: boost.burnoutTime_s,
        warheads: t.payload.warheads,
        decoys: t.payload.decoys,
        rv: missile.reentryVehicle,
      });
    }
  });
  const defense = scenario.defense;
  const sites: WorldSite[] = (defense?.sites ?? []).map((s, i) => {
    const spec = catalog.interceptor(s.interceptor, {
      file,
      path: `defense.sites[${i}].interceptor`,
    });
    const burnout_s = spec.stages.reduce((a, st) => a + st.burnTime_s + (st.coastAfter_s ?? 0), 0);
    return {
      id: s.id,
      spec,
      fan: flyoutFan(spec),
      site: sitePosition(s.site, catalog, file, `defense.sites[${i}].site`),
      count: s.count,
      burnout_s,
    };
  });
  const d = defense?.discrimination;
  const ka = defense?.killAssessment;
  return {
    name: scenario.name,
    seed: scenario.seed,
    threats,
    sensors: buildSensors(scenario, catalog, file),
    sites,
    doctrine: {
      kind: defense?.doctrine.kind ?? 'barrage',
      shotsPerSalvo: defense?.doctrine.shotsPerSalvo,
      maxShotsPerThreat: defense?.doctrine.maxShotsPerThreat,
    },
    discrimination: d
      ? {
          pRvAsRv: d.pRvAsRv,
          pDecoyAsDecoy: d.pDecoyAsDecoy,
          filterAltitude_m:
            d.filterAltitude_km === undefined ? undefined : d.filterAltitude_km * 1000,
        }
      : { ...ENGAGEMENT_DEFAULTS.discrimination },
    killAssessment: ka
      ? { pMissedKill: ka.pMissedKill, pFalseKill: ka.pFalseKill, time_s: ka.time_s }
      : { ...ENGAGEMENT_DEFAULTS.killAssessment },
    commitDelay_s: defense?.commitDelay_s ?? ENGAGEMENT_DEFAULTS.commitDelay_s,
    ideal: defense?.ideal ?? null,
  };
}

/** Fly-out time of the idealised interceptor: any intercept is reachable in this time. */
const IDEAL_FLYOUT_s = 100;

/**
 * One RV against the idealised defense: shots planned by the doctrine over a window from release
 * to 60 s before impact, each salvo killing with 1 − (1 − sspk·R)^n, assessments as configured.
 * Returns interceptors used; kills go into killedAt.
 */
function idealEngagement(
  world: EngagementWorld,
  o: TruthObject,
  seed: number,
  trial: number,
  inventory: Map<string, number>,
  killedAt: Map<string, number>,
  log: (t: number, kind: TrialEventKind, actors: string[], reason?: string) => void,
): number {
  const ideal = world.ideal!;
  const site = world.sites.find((w) => (inventory.get(w.id) ?? 0) > 0);
  if (!site) {
    log(o.t0_s, 'no-shot', [o.id], 'inventory-empty');
    return 0;
  }
  const plan = planShots(
    {
      earliest_s: o.t0_s + IDEAL_FLYOUT_s,
      latest_s: Math.max(o.t0_s + IDEAL_FLYOUT_s, endTime(o) - 60),
    },
    world.doctrine,
    {
      now_s: o.t0_s,
      flyoutTime_s: () => IDEAL_FLYOUT_s,
      killAssessment_s: world.killAssessment.time_s,
    },
  );
  log(
    o.t0_s,
    'commit',
    [o.id, site.id],
    `${plan.doctrine}${plan.reason === 'ok' ? '' : ` (${plan.reason})`}`,
  );
  const shots = randomStream(seed, trial, `defense/${site.id}/shots/${o.id}`);
  let used = 0;
  for (let k = 0; k < plan.salvos.length; k++) {
    const salvo = plan.salvos[k];
    const left = inventory.get(site.id) ?? 0;
    const n = Math.min(salvo.shots, left);
    if (n <= 0) {
      log(salvo.launch_s, 'no-shot', [o.id, site.id], 'inventory-empty');
      break;
    }
    inventory.set(site.id, left - n);
    used += n;
    log(
      salvo.launch_s,
      'interceptor-launch',
      [site.id, o.id],
      `${n} shot${n > 1 ? 's' : ''}, salvo ${k + 1}`,
    );
    const hit = salvoKills(n, ideal.sspk, ideal.reliability, shots);
    if (hit && !killedAt.has(o.id)) killedAt.set(o.id, salvo.intercept_s);
    log(salvo.intercept_s, 'intercept', [site.id, o.id], hit ? 'hit' : 'miss');
    const believedKilled = assessKill(
      killedAt.has(o.id),
      world.killAssessment,
      randomStream(seed, trial, `tracks/${o.id}/kill-assessment/${k}`),
    );
    log(
      salvo.intercept_s + world.killAssessment.time_s,
      'kill-assessment',
      [o.id],
      believedKilled ? 'killed' : 'alive',
    );
    if (believedKilled) break;
  }
  return used;
}

/**
 * Two-body time from a release state to its descent through DECOY_END_ALT_m, plus 60 s for the
 * drag that slows a balloon above that height (its record is cut at the crossing either way).
 */
function decoyFlightTime(state: ArrayLike<number>): number | undefined {
  const traj = keplerTrajectory(state, 0, 6 * 3600);
  const y = new Float64Array(6);
  const below = (t: number): boolean => {
    if (!traj.stateAt(t, y)) return true;
    const desc = y[0] * y[3] + y[1] * y[4] + y[2] * y[5] < 0;
    return desc && ellipsoidHeightApprox_m(y) < DECOY_END_ALT_m;
  };
  for (let t = 20; t <= 6 * 3600; t += 20) {
    if (below(t)) {
      let lo = t - 20;
      let hi = t;
      for (let i = 0; i < 20; i++) {
        const mid = (lo + hi) / 2;
        if (below(mid)) hi = mid;
        else lo = mid;
      }
      return hi + 60;
    }
  }
  return undefined;
}

/** The trial's truth: cached boosters plus freshly deployed and flown payload objects. */
/** The objects one trial puts in flight (boosters, RVs, decoys), sampled in the simulation frame. */
export function trialTruth(world: EngagementWorld, seed: number, trial: number): TruthObject[] {
  const dt = ENGAGEMENT_DEFAULTS.truthDt_s;
  const free = new BallisticFlyer();
  const res = newBallisticResult();
  const out: TruthObject[] = [];
  for (const th of world.threats) {
    out.push(th.booster);
    const objects = deployPayload(
      th.burnoutStateEci,
      th.burnoutTime_s,
      { warheads: th.warheads, decoys: th.decoys },
      th.rv,
      undefined,
      randomStream(seed, trial, `threats/${th.id}/bus`),
    );
    for (const o of objects) {
      const rows: number[] = [];
      free.fly(o.stateEci, o.releaseTime_s, o.beta_kgpm2, res, {
        sampleEvery_s: dt,
        sampleFrom_s: o.releaseTime_s,
        stateRows: rows,
        // A balloon's record ends at 60 km (truth.ts); flying it on to the ground through the
        // dense air at β < 1 kg/m² costs ~6,000 steps (12 ms), so stop shortly after.
        maxDuration_s: o.kind === 'decoy' ? decoyFlightTime(o.stateEci) : undefined,
      });
      if (o.kind === 'decoy') truncateBelow(rows, DECOY_END_ALT_m);
      if (rows.length >= 14)
        out.push(toTruth(`${th.id}/${o.id}`, th.id, o.kind, rows, th.launchTime_s, dt));
    }
  }
  return out;
}

/** When and how an object was first detected and tracked. */
interface Sighting {
  detect_s: number | null;
  detectBy: string[];
  track_s: number | null;
  trackBy: string[];
  /** Radar confirmation: the radar and its per-look σ (range, angle) at the confirming SNR. */
  radar: WorldRadar | null;
  sigmaR_m: number;
  sigmaA_rad: number;
  sigmaRr_mps: number | null;
  step_s: number;
}

const lookStep = (revisit_s: number): number => {
  const b = ENGAGEMENT_DEFAULTS.minLookStep_s;
  return Math.max(b, Math.ceil(revisit_s / b) * b);
};

const pe = new Float64Array(3);
const ve = new Float64Array(3);
const x6 = new Float64Array(6);
const sp = new Float64Array(3);
const sv = new Float64Array(3);
const look = newLookResult();

function toEcef(t: number, x: Float64Array): void {
  const th = OMEGA_EARTH_radps * t;
  const c = Math.cos(th);
  const sn = Math.sin(th);
  pe[0] = c * x[0] + sn * x[1];
  pe[1] = -sn * x[0] + c * x[1];
  pe[2] = x[2];
  const vx = x[3] + OMEGA_EARTH_radps * x[1];
  const vy = x[4] - OMEGA_EARTH_radps * x[0];
  ve[0] = c * vx + sn * vy;
  ve[1] = -sn * vx + c * vy;
  ve[2] = x[5];
}

/**
 * The fast sensing model for one object: looks on a common 5 s base grid, each sensor at its
 * own (coarsened) revisit, until a radar confirms a track (boosters: until two IR satellites
 * have each confirmed, or a radar has).
 */
function senseObject(
  o: TruthObject,
  sensors: readonly WorldSensor[],
  seed: number,
  trial: number,
): Sighting {
  const s: Sighting = {
    detect_s: null,
    detectBy: [],
    track_s: null,
    trackBy: [],
    radar: null,
    sigmaR_m: 0,
    sigmaA_rad: 0,
    sigmaRr_mps: null,
    step_s: ENGAGEMENT_DEFAULTS.minLookStep_s,
  };
  const { m, n } = ENGAGEMENT_DEFAULTS;
  const base = ENGAGEMENT_DEFAULTS.minLookStep_s;
  const booster = o.kind === 'booster';
  const used = sensors.filter((w) => w.kind === 'radar' || booster);
  if (used.length === 0) return s;
  const steps = used.map((w) => lookStep(w.revisit_s));
  const hist = new Int32Array(used.length);
  const rngs: (RandomStream | null)[] = used.map(() => null);
  const irConfirmed: string[] = [];
  const cosMin = used.map((w) =>
    w.kind === 'radar' ? Math.sin(w.site.params.minElevation_deg * (Math.PI / 180) - 0.03) : 0,
  );
  const t0 = Math.ceil(o.t0_s / base) * base;
  const t1 = endTime(o);
  for (let t = t0; t <= t1; t += base) {
    if (!truthStateAt(o, t, x6)) continue;
    let ecefDone = false;
    for (let i = 0; i < used.length; i++) {
      const w = used[i];
      if (Math.round(t / base) % Math.round(steps[i] / base) !== 0) continue;
      if (w.kind === 'ir' && irConfirmed.includes(w.id)) continue;
      let hit = false;
      let snr_dB = 0;
      if (w.kind === 'radar') {
        if (!ecefDone) {
          toEcef(t, x6);
          ecefDone = true;
        }
        // Cheap pre-check before the full look: instrumented range and a rough elevation floor
        // (2° below the radar's floor, so refraction cannot turn a skip into a detection).
        const site = w.site;
        const dx = pe[0] - site.posEcef_m[0];
        const dy = pe[1] - site.posEcef_m[1];
        const dz = pe[2] - site.posEcef_m[2];
        const r = Math.hypot(dx, dy, dz);
        const u = site.enuFromEcef;
        const sinEl = (u[6] * dx + u[7] * dy + u[8] * dz) / r;
        if (r <= site.params.maxInstrumentedRange_m && sinEl >= cosMin[i]) {
          rngs[i] ??= randomStream(seed, trial, `sensors/${w.id}/noise/${o.id}`);
          const rcs = rcsOf(o.kind, booster ? 'broadside' : 'nose-on', w.band);
          const th = OMEGA_EARTH_radps * t;
          radarLook(site, pe, ve, rcs, { time_s: t, theta_rad: th, swerling: 1 }, rngs[i]!, look);
          hit = look.reason === 'ok';
          snr_dB = look.snr_dB;
        }
      } else {
        rngs[i] ??= randomStream(seed, trial, `sensors/${w.id}/noise/${o.id}`);
        w.position(t, sp);
        w.velocity(t, sv);
        const r = irLook(
          w.id,
          w.params,
          sp,
          sv,
          x6,
          true,
          {
            time_s: t,
            theta_rad: OMEGA_EARTH_radps * t,
          },
          rngs[i]!,
        );
        hit = r.detection !== undefined;
      }
      hist[i] = ((hist[i] << 1) | (hit ? 1 : 0)) & ((1 << n) - 1);
      if (!hit) continue;
      if (s.detect_s === null) s.detect_s = t;
      if (s.detect_s === t && !s.detectBy.includes(w.id)) s.detectBy.push(w.id);
      if (popcount(hist[i]) < m) continue;
      if (w.kind === 'ir') {
        irConfirmed.push(w.id);
        if (irConfirmed.length >= 2 && s.track_s === null) {
          s.track_s = t;
          s.trackBy = irConfirmed.slice(0, 2);
          return s;
        }
        continue;
      }
      // Radar confirmation: per-look accuracy at this SNR (radar.ts: σ = σ_ref·√(SNR_ref/SNR)).
      const p = w.site.params;
      const k = Math.sqrt(w.site.referenceSnr / Math.pow(10, snr_dB / 10));
      s.track_s = t;
      s.trackBy = [w.id];
      s.radar = w;
      s.sigmaR_m = p.rangeAccuracy_m * k;
      s.sigmaA_rad = p.angleAccuracy_rad * k;
      s.sigmaRr_mps = p.measuresRangeRate ? (p.rangeRateAccuracy_mps ?? 0) * k : null;
      s.step_s = steps[i];
      return s;
    }
  }
  return s;
}

function popcount(v: number): number {
  let c = 0;
  for (let b = v; b; b &= b - 1) c++;
  return c;
}

/**
 * The track's state estimate at time t: truth + an error drawn from the confirming radar's
 * least-squares covariance after `looks` looks (module comment). Null when truth has no state.
 */
function drawEstimate(
  o: TruthObject,
  s: Sighting,
  t: number,
  looks: number,
  rng: RandomStream,
): Float64Array | null {
  const x = new Float64Array(6);
  if (!truthStateAt(o, t, x) || !s.radar) return null;
  // Line of sight in the inertial frame: site ECEF rotated by +ωt.
  const th = OMEGA_EARTH_radps * t;
  const c = Math.cos(th);
  const sn = Math.sin(th);
  const p = s.radar.site.posEcef_m;
  const site = [c * p[0] - sn * p[1], sn * p[0] + c * p[1], p[2]];
  const los = [x[0] - site[0], x[1] - site[1], x[2] - site[2]];
  const R = Math.hypot(los[0], los[1], los[2]);
  for (let k = 0; k < 3; k++) los[k] /= R;
  // Two unit vectors across the line of sight.
  const ref = Math.abs(los[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const a = [
    los[1] * ref[2] - los[2] * ref[1],
    los[2] * ref[0] - los[0] * ref[2],
    los[0] * ref[1] - los[1] * ref[0],
  ];
  const an = Math.hypot(a[0], a[1], a[2]);
  for (let k = 0; k < 3; k++) a[k] /= an;
  const b = [
    los[1] * a[2] - los[2] * a[1],
    los[2] * a[0] - los[0] * a[2],
    los[0] * a[1] - los[1] * a[0],
  ];
  const nl = Math.max(2, looks);
  const fPos = Math.sqrt((4 * nl - 2) / (nl * (nl + 1)));
  const fVel = Math.sqrt(12 / (nl * (nl * nl - 1))) / s.step_s;
  const sR = s.sigmaR_m;
  const sX = s.sigmaA_rad * R;
  const dR = sR * fPos * rng.normal();
  const dA = sX * fPos * rng.normal();
  const dB = sX * fPos * rng.normal();
  const vR =
    s.sigmaRr_mps !== null
      ? Math.min(sR * fVel, s.sigmaRr_mps / Math.sqrt(nl)) * rng.normal()
      : sR * fVel * rng.normal();
  const vA = sX * fVel * rng.normal();
  const vB = sX * fVel * rng.normal();
  for (let k = 0; k < 3; k++) {
    x[k] += dR * los[k] + dA * a[k] + dB * b[k];
    x[3 + k] += vR * los[k] + vA * a[k] + vB * b[k];
  }
  return x;
}

/** Time at which a two-body estimate descends through the surface (its predicted impact). */
function estimateImpact(est: Float64Array, t0: number): number {
  const traj = keplerTrajectory(est, t0, t0 + 6 * 3600);
  const y = new Float64Array(6);
  const h = (t: number): number => (traj.stateAt(t, y) ? ellipsoidHeightApprox_m(y) : -1);
  let prev = t0;
  for (let t = t0 + 30; t <= t0 + 6 * 3600; t += 30) {
    if (h(t) < 0) {
      let lo = prev;
      let hi = t;
      for (let i = 0; i < 30; i++) {
        const mid = (lo + hi) / 2;
        if (h(mid) < 0) hi = mid;
        else lo = mid;
      }
      return lo;
    }
    prev = t;
  }
  return t0 + 6 * 3600;
}

/** How long before intercept the last in-flight target update is taken. */
const IFTU_LEAD_s = 10;

/**
 * In-flight target update: the error of the freshest radar estimate of the object shortly before
 * intercept, from the most accurate radar that sees it then (σ per look scaled with SNR as in
 * radar.ts), drawn as range and two cross-range components; null when no radar sees it, in which
 * case the kill vehicle flies on the estimate it was committed with. Ground-based interceptors
 * are command-guided or receive such updates (Sprint by its Missile Site Radar, GBI by in-flight
 * interceptor communications, PAC-3 by its fire-control radar before seeker acquisition).
 */
function inFlightUpdateMiss(
  o: TruthObject,
  t: number,
  world: EngagementWorld,
  rng: RandomStream,
): number | null {
  if (!truthStateAt(o, t, x6)) return null;
  toEcef(t, x6);
  let bestR = Infinity;
  let bestX = Infinity;
  for (const w of world.sensors) {
    if (w.kind !== 'radar') continue;
    const rcs = rcsOf(o.kind, o.kind === 'booster' ? 'broadside' : 'nose-on', w.band);
    radarLook(
      w.site,
      pe,
      ve,
      rcs,
      { time_s: t, theta_rad: OMEGA_EARTH_radps * t },
      undefined,
      look,
    );
    if (look.reason !== 'ok') continue;
    const k = Math.sqrt(w.site.referenceSnr / Math.pow(10, look.snr_dB / 10));
    const sr = w.site.params.rangeAccuracy_m * k;
    const sx = w.site.params.angleAccuracy_rad * k * look.range_m;
    if (Math.hypot(sr, sx, sx) < Math.hypot(bestR, bestX, bestX)) {
      bestR = sr;
      bestX = sx;
    }
  }
  if (!Number.isFinite(bestR)) return null;
  return Math.hypot(bestR * rng.normal(), bestX * rng.normal(), bestX * rng.normal());
}

/**
 * The truth oracle of an intercept (DESIGN.md §1: explicit and named): the object's true state
 * at the intercept time against the state the interceptor was aimed at — or, when a radar gave
 * an in-flight update, against that update — then the salvo's draws.
 */
function interceptOracle(
  o: TruthObject,
  estimate: ThreatTrajectory,
  t: number,
  shots: number,
  site: WorldSite,
  flightTime_s: number,
  rng: RandomStream,
  updateMiss_m: number | null,
): { killed: boolean; reason: string; miss_m: number } {
  const truth = new Float64Array(6);
  const est = new Float64Array(6);
  if (!truthStateAt(o, t, truth)) return { killed: false, reason: 'target-gone', miss_m: NaN };
  const ok = estimate.stateAt(t, est);
  const aimed = ok ? Math.hypot(truth[0] - est[0], truth[1] - est[1], truth[2] - est[2]) : Infinity;
  const miss = updateMiss_m ?? aimed;
  // The kill vehicle closes what it can divert, and its warhead kills within its lethal radius
  // (centimetres for hit-to-kill, hundreds of metres to kilometres for a nuclear interceptor).
  const reach =
    site.spec.killVehicle.divert_mps * Math.max(0, flightTime_s - site.burnout_s) +
    site.spec.killVehicle.lethalRadius_m;
  const cls = o.kind === 'decoy' ? 'decoy' : 'rv';
  // Draw every shot whatever happens, so the stream advances the same way.
  const hit = salvoKills(shots, site.spec.sspk[cls], site.spec.reliability, rng);
  if (!(miss <= reach)) return { killed: false, reason: 'divert-exceeded', miss_m: miss };
  return { killed: hit, reason: hit ? 'hit' : 'miss', miss_m: miss };
}

interface Engagement {
  obj: TruthObject;
  site: WorldSite;
  estimate: ThreatTrajectory;
  salvos: Salvo[];
  next: number;
  flyout: (t: number) => number;
}

type QItem =
  | { t: number; seq: number; kind: 'commit'; obj: TruthObject; sighting: Sighting }
  | { t: number; seq: number; kind: 'launch'; e: Engagement }
  | { t: number; seq: number; kind: 'intercept'; e: Engagement; shots: number }
  | { t: number; seq: number; kind: 'assess'; e: Engagement; killed: boolean };

/** A queue item before it gets its sequence number. */
type DistOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type QNew = DistOmit<QItem, 'seq'>;

/** The dominant reason a site cannot engage (too-late when only the launch time rules it out). */
function noShotReason(analyses: EngagementAnalysis[]): InfeasibleReason {
  let best: InfeasibleReason = 'no-track';
  let bestSec = -1;
  for (const a of analyses) {
    if (a.candidates.some((c) => c.reasons.length === 1 && c.reasons[0] === 'too-late'))
      return 'too-late';
    for (const [r, sec] of Object.entries(a.reasons) as [InfeasibleReason, number][]) {
      if (sec > bestSec) {
        best = r;
        bestSec = sec;
      }
    }
  }
  return best;
}

/** Runs one trial. Deterministic in (world, seed, trial). */
export function runEngagementTrial(
  world: EngagementWorld,
  seed: number,
  trial: number,
): TrialResult {
  const events: TrialEvent[] = [];
  const log = (time_s: number, kind: TrialEventKind, actors: string[], reason = ''): void => {
    events.push({ time_s: Number(time_s.toFixed(3)), kind, actors, reason });
  };
  const failures: Record<string, number> = {};
  const fail = (r: string): void => {
    failures[r] = (failures[r] ?? 0) + 1;
  };
  for (const th of world.threats) log(th.launchTime_s, 'launch', [th.id], 'scenario');
  const truth = trialTruth(world, seed, trial);
  const inventory = new Map(world.sites.map((s) => [s.id, s.count]));
  let used = 0;
  const killedAt = new Map<string, number>();
  let firstTrack: number | null = null;

  const queue: QItem[] = [];
  let seq = 0;
  const push = (q: QNew): void => {
    const item = { ...q, seq: seq++ } as QItem;
    let i = queue.length;
    while (
      i > 0 &&
      (queue[i - 1].t > item.t || (queue[i - 1].t === item.t && queue[i - 1].seq > item.seq))
    )
      i--;
    queue.splice(i, 0, item);
  };

  for (const o of truth) {
    if (world.ideal) {
      // Perfect sensing and discrimination: each RV is tracked and recognised at release.
      if (o.kind !== 'rv') continue;
      log(o.t0_s, 'track', [o.id], 'ideal');
      firstTrack = firstTrack === null ? o.t0_s : Math.min(firstTrack, o.t0_s);
      used += idealEngagement(world, o, seed, trial, inventory, killedAt, log);
      continue;
    }
    const s = senseObject(o, world.sensors, seed, trial);
    if (s.detect_s !== null) log(s.detect_s, 'detect', [o.id, ...s.detectBy]);
    if (s.track_s === null) {
      if (o.kind === 'rv') {
        log(o.t0_s, 'no-shot', [o.id], 'no-track');
        fail('no-track');
      }
      continue;
    }
    log(s.track_s, 'track', [o.id, ...s.trackBy], s.radar ? 'radar 3/4' : 'ir stereo 3/4');
    firstTrack = firstTrack === null ? s.track_s : Math.min(firstTrack, s.track_s);
    if (o.kind === 'booster' || !s.radar) continue;
    truthStateAt(o, s.track_s, x6);
    const r = Math.hypot(x6[0], x6[1], x6[2]);
    const descending = x6[0] * x6[3] + x6[1] * x6[4] + x6[2] * x6[5] < 0 && r > 0;
    const believed = believedWarhead(
      o.kind,
      world.discrimination,
      randomStream(seed, trial, `tracks/${o.id}/discrimination`),
      ellipsoidHeightApprox_m(x6),
      descending,
    );
    log(s.track_s, 'classify', [o.id], believed ? 'warhead' : 'not-warhead');
    if (!believed) {
      log(s.track_s, 'no-shot', [o.id], 'not-believed-warhead');
      fail('not-believed-warhead');
      continue;
    }
    push({ t: s.track_s + world.commitDelay_s, kind: 'commit', obj: o, sighting: s });
  }

  while (queue.length > 0) {
    const q = queue.shift()!;
    const now = q.t;
    if (q.kind === 'commit') {
      const o = q.obj;
      if (killedAt.has(o.id)) continue;
      const looks = ENGAGEMENT_DEFAULTS.m + Math.floor(world.commitDelay_s / q.sighting.step_s);
      const est = drawEstimate(
        o,
        q.sighting,
        now,
        looks,
        randomStream(seed, trial, `tracks/${o.id}/estimate`),
      );
      if (!est) {
        log(now, 'no-shot', [o.id], 'too-late');
        fail('too-late');
        continue;
      }
      const traj = keplerTrajectory(est, now, estimateImpact(est, now));
      const analyses = world.sites.map((w) =>
        analyseEngagement(
          w.spec,
          w.fan,
          w.site,
          traj,
          { from_s: now + w.spec.reactionTime_s },
          {
            step_s: 10,
          },
        ),
      );
      const feasible = analyses.map((a) => a.feasible);
      if (!feasible.some((f) => f)) {
        const reason = world.sites.length === 0 ? 'inventory-empty' : noShotReason(analyses);
        log(now, 'no-shot', [o.id], reason);
        fail(reason);
        continue;
      }
      const inv = world.sites.map((w) => inventory.get(w.id) ?? 0);
      const wta = greedyWta({
        values: [1],
        inventory: inv,
        pKill: world.sites.map((w, i) =>
          feasible[i] && inv[i] > 0 ? w.spec.sspk.rv * w.spec.reliability : 0,
        ),
        maxShots: [1],
      });
      const si = wta.shots.findIndex((n) => n > 0);
      if (si < 0) {
        log(now, 'no-shot', [o.id], 'inventory-empty');
        fail('inventory-empty');
        continue;
      }
      const w = world.sites[si];
      const a = analyses[si];
      const flyout = (t: number): number => {
        const c = judgeIntercept(w.spec, w.fan, w.site, traj, { from_s: -Infinity }, t);
        return c && Number.isFinite(c.flightTime_s) ? c.flightTime_s : Infinity;
      };
      const plan = planShots(
        { earliest_s: a.earliest!.time_s, latest_s: a.latest!.time_s },
        world.doctrine,
        {
          now_s: now + w.spec.reactionTime_s,
          flyoutTime_s: flyout,
          killAssessment_s: world.killAssessment.time_s,
        },
      );
      if (plan.salvos.length === 0) {
        const reason = plan.reason === 'no-shots' ? 'inventory-empty' : 'too-late';
        log(now, 'no-shot', [o.id], reason);
        fail(reason);
        continue;
      }
      log(
        now,
        'commit',
        [o.id, w.id],
        `${plan.doctrine}${plan.reason === 'ok' ? '' : ` (${plan.reason})`}`,
      );
      const e: Engagement = {
        obj: o,
        site: w,
        estimate: traj,
        salvos: plan.salvos,
        next: 0,
        flyout,
      };
      push({ t: plan.salvos[0].launch_s, kind: 'launch', e });
    } else if (q.kind === 'launch') {
      const e = q.e;
      const salvo = e.salvos[e.next];
      const left = inventory.get(e.site.id) ?? 0;
      const n = Math.min(salvo.shots, left);
      if (n <= 0) {
        log(now, 'no-shot', [e.obj.id, e.site.id], 'inventory-empty');
        fail('inventory-empty');
        continue;
      }
      inventory.set(e.site.id, left - n);
      used += n;
      log(
        now,
        'interceptor-launch',
        [e.site.id, e.obj.id],
        `${n} shot${n > 1 ? 's' : ''}, salvo ${e.next + 1}`,
      );
      push({ t: salvo.intercept_s, kind: 'intercept', e, shots: n });
    } else if (q.kind === 'intercept') {
      const e = q.e;
      const salvo = e.salvos[e.next];
      const r = interceptOracle(
        e.obj,
        e.estimate,
        now,
        q.shots,
        e.site,
        salvo.intercept_s - salvo.launch_s,
        randomStream(seed, trial, `defense/${e.site.id}/shots/${e.obj.id}`),
        inFlightUpdateMiss(
          e.obj,
          now - IFTU_LEAD_s,
          world,
          randomStream(seed, trial, `tracks/${e.obj.id}/update/${e.next}`),
        ),
      );
      if (r.killed && !killedAt.has(e.obj.id)) killedAt.set(e.obj.id, now);
      if (!r.killed) fail(r.reason);
      log(now, 'intercept', [e.site.id, e.obj.id], r.reason);
      push({ t: now + world.killAssessment.time_s, kind: 'assess', e, killed: r.killed });
    } else {
      const e = q.e;
      const believedKilled = assessKill(
        killedAt.has(e.obj.id),
        world.killAssessment,
        randomStream(seed, trial, `tracks/${e.obj.id}/kill-assessment/${e.next}`),
      );
      log(now, 'kill-assessment', [e.obj.id], believedKilled ? 'killed' : 'alive');
      e.next++;
      if (believedKilled || e.next >= e.salvos.length) continue;
      const nx = e.salvos[e.next];
      // planShots lays out the next salvo's launch after this assessment; never earlier.
      if (nx.launch_s < now) continue;
      log(now, 're-engage', [e.obj.id, e.site.id], `salvo ${e.next + 1}`);
      push({ t: nx.launch_s, kind: 'launch', e });
    }
  }

  const perThreat: ThreatOutcome[] = world.threats.map((th) => ({
    threat: th.id,
    rvs: 0,
    killed: 0,
    leaked: 0,
  }));
  const byThreat = new Map(perThreat.map((p) => [p.threat, p]));
  for (const o of truth) {
    if (o.kind !== 'rv') continue;
    const p = byThreat.get(o.threatId)!;
    p.rvs++;
    if (killedAt.has(o.id)) {
      p.killed++;
      continue;
    }
    p.leaked++;
    log(endTime(o), 'leak', [o.id], 'not killed');
    log(endTime(o), 'impact', [o.id], 'ground');
  }
  // Stable: equal times keep the order in which they were logged.
  events.sort((a, b) => a.time_s - b.time_s);
  const rvs = perThreat.reduce((a, p) => a + p.rvs, 0);
  const killed = perThreat.reduce((a, p) => a + p.killed, 0);
  const sortedFailures: Record<string, number> = {};
  for (const k of Object.keys(failures).sort()) sortedFailures[k] = failures[k];
  return {
    trial,
    outcome: {
      rvs,
      leakers: rvs - killed,
      killed,
      interceptorsUsed: used,
      perThreat,
      failures: sortedFailures,
      firstTrack_s: firstTrack,
    },
    events,
  };
}
