/**
 * The truth of one trial: every object the threats put in flight — boosters while they burn,
 * then the reentry vehicles and decoys the post-boost bus releases — as states sampled on a
 * fixed time grid in the simulation's inertial frame.
 *
 * Simulation frame: inertial, coinciding with ECEF at scenario time 0 (Earth angle θ(t) = ωt).
 * A missile is flown in its own launch frame (ECEF at its launch time); its states are rotated
 * by ω·t_launch about the polar axis into the simulation frame.
 */
import { DEG, OMEGA_EARTH_radps } from '../core/constants.ts';
import { randomStream } from '../core/random.ts';
import { BallisticFlyer, newBallisticResult } from '../flight/ballistic-flyer.ts';
import { deployPayload } from '../flight/deployment.ts';
import {
  Flyer,
  newFlightResult,
  type FlightControls,
  type FlightResult,
  type LaunchPoint,
} from '../flight/flyer.ts';
import type { MissileSpec } from '../flight/missile-spec.ts';
import { Targeter } from '../flight/targeting.ts';
import type { Catalog } from './catalog.ts';
import type { Scenario, ThreatSpec } from './schema.ts';
import { threatLaunch, threatTarget, trajectoryShape } from './threat-flights.ts';
import { AspisError } from '../core/errors.ts';
import { ellipsoidHeightApprox_m } from '../dynamics/drag.ts';

export type TruthKind = 'booster' | 'rv' | 'decoy';

export interface TruthObject {
  /** `<threat id>[#k]/<booster|rv1|decoy2…>` */
  id: string;
  threatId: string;
  kind: TruthKind;
  /** Simulation time of the first sample. */
  t0_s: number;
  dt_s: number;
  /** Number of samples. */
  n: number;
  /** Row-major [x, y, z, vx, vy, vz] per sample, simulation inertial frame. */
  states: Float64Array;
}

export interface TruthOptions {
  /** Master seed and trial index for the bus's release dispersions. */
  seed: number;
  trial: number;
  /** Sample interval (default 1 s). */
  dt_s?: number;
  /** Time between missiles of one salvo (default 10 s). */
  salvoInterval_s?: number;
}

/** Ends a truth object's life: last sample time. */
export const endTime = (o: TruthObject): number => o.t0_s + (o.n - 1) * o.dt_s;

/**
 * State of a truth object at time t by cubic Hermite interpolation of position with velocity
 * (and linear velocity); false outside the object's life.
 */
export function truthStateAt(o: TruthObject, t: number, out: Float64Array): boolean {
  const u = (t - o.t0_s) / o.dt_s;
  if (u < 0 || u > o.n - 1) return false;
  let i = Math.floor(u);
  if (i >= o.n - 1) i = o.n - 2;
  if (i < 0) {
    for (let k = 0; k < 6; k++) out[k] = o.states[k];
    return true;
  }
  const s = u - i;
  const h = o.dt_s;
  const a = i * 6;
  const b = a + 6;
  const s2 = s * s;
  const s3 = s2 * s;
  const h00 = 2 * s3 - 3 * s2 + 1;
  const h10 = s3 - 2 * s2 + s;
  const h01 = -2 * s3 + 3 * s2;
  const h11 = s3 - s2;
  const st = o.states;
  for (let k = 0; k < 3; k++) {
    out[k] = h00 * st[a + k] + h10 * h * st[a + 3 + k] + h01 * st[b + k] + h11 * h * st[b + 3 + k];
    out[3 + k] = (1 - s) * st[a + 3 + k] + s * st[b + 3 + k];
  }
  return true;
}

/** Rotates launch-frame rows [τ, x, y, z, vx, vy, vz] into a truth object's sample array. */
export function toTruth(
  id: string,
  threatId: string,
  kind: TruthKind,
  rows: number[],
  tLaunch: number,
  dt: number,
): TruthObject {
  const n = rows.length / 7;
  const a = OMEGA_EARTH_radps * tLaunch;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const states = new Float64Array(n * 6);
  for (let i = 0; i < n; i++) {
    const r = i * 7;
    const o = i * 6;
    states[o] = c * rows[r + 1] - s * rows[r + 2];
    states[o + 1] = s * rows[r + 1] + c * rows[r + 2];
    states[o + 2] = rows[r + 3];
    states[o + 3] = c * rows[r + 4] - s * rows[r + 5];
    states[o + 4] = s * rows[r + 4] + c * rows[r + 5];
    states[o + 5] = rows[r + 6];
  }
  return { id, threatId, kind, t0_s: tLaunch + rows[0], dt_s: dt, n, states };
}

/**
 * A light balloon decoy does not survive reentry: it is stopped and heated to destruction high
 * up. Its record ends where it first descends through this altitude (an assumption of ours; the
 * exact height matters only for how long a dead decoy would otherwise clutter the sky).
 */
export const DECOY_END_ALT_m = 60_000;

/** Cuts sample rows [t, r, v] after the first descending crossing of an altitude. */
export function truncateBelow(rows: number[], alt_m: number): void {
  for (let i = 7; i < rows.length; i += 7) {
    const rv = rows[i + 1] * rows[i + 4] + rows[i + 2] * rows[i + 5] + rows[i + 3] * rows[i + 6];
    if (rv < 0 && ellipsoidHeightApprox_m(rows.slice(i + 1, i + 4)) < alt_m) {
      rows.length = i + 7;
      return;
    }
  }
}

/** A threat's missile, flyer, launch point and the targeting solution that aims it. */
export interface AimedThreat {
  missile: MissileSpec;
  flyer: Flyer;
  launch: LaunchPoint;
  controls: FlightControls;
}

/** Solves the targeting of scenario threat `i` (the expensive, trial-independent part). */
export function aimThreat(t: ThreatSpec, i: number, catalog: Catalog, file: string): AimedThreat {
  const path = `threats[${i}]`;
  const missile = catalog.missile(t.missile, { file, path: `${path}.missile` });
  const flyer = new Flyer(missile, t.payload.throwWeight_kg ?? missile.payload_kg);
  const from = threatLaunch(t, catalog, file, path);
  const to = threatTarget(t, catalog, file, path);
  const launch = { lat_rad: from.lat_deg * DEG, lon_rad: from.lon_deg * DEG, alt_m: from.alt_m };
  try {
    const sol = new Targeter(flyer).solve(
      launch,
      { lat_rad: to.lat_deg * DEG, lon_rad: to.lon_deg * DEG },
      trajectoryShape(t.trajectory),
      `${path}.target`,
    );
    return {
      missile,
      flyer,
      launch,
      controls: { azimuth_rad: sol.azimuth_rad, kick_rad: sol.kick_rad, cutoff_s: sol.cutoff_s },
    };
  } catch (e) {
    throw e instanceof AspisError && e.file === undefined ? e.inFile(file) : e;
  }
}

/** Flies an aimed threat's boost, sampling launch-frame rows every dt. */
export function flyBoost(
  aimed: AimedThreat,
  dt_s: number,
): { rows: number[]; boost: FlightResult } {
  const rows: number[] = [];
  const boost = aimed.flyer.fly(aimed.launch, aimed.controls, newFlightResult(), {
    sampleEvery_s: dt_s,
    toBurnout: true,
    stateRows: rows,
  });
  return { rows, boost };
}

/** Flies every threat of the scenario and deploys its payload. */
export function buildTruth(
  scenario: Scenario,
  catalog: Catalog,
  file: string,
  opts: TruthOptions,
): TruthObject[] {
  const dt = opts.dt_s ?? 1;
  const salvo = opts.salvoInterval_s ?? 10;
  const out: TruthObject[] = [];
  const free = new BallisticFlyer();
  scenario.threats.forEach((t, i) => {
    const aimed = aimThreat(t, i, catalog, file);
    const { rows, boost } = flyBoost(aimed, dt);
    // The booster's record ends at the last grid sample before burnout (uniform spacing).
    if (boost.crashedInBoost) return;
    const missile = aimed.missile;
    for (let k = 0; k < t.count; k++) {
      const tid = t.count > 1 ? `${t.id}#${k + 1}` : t.id;
      const tLaunch = t.launch.time_s + k * salvo;
      out.push(toTruth(`${tid}/booster`, tid, 'booster', rows, tLaunch, dt));
      const objects = deployPayload(
        boost.burnoutStateEci,
        boost.burnoutTime_s,
        { warheads: t.payload.warheads, decoys: t.payload.decoys },
        missile.reentryVehicle,
        undefined,
        randomStream(opts.seed, opts.trial, `threats/${tid}/bus`),
      );
      for (const o of objects) {
        const orows: number[] = [];
        free.fly(o.stateEci, o.releaseTime_s, o.beta_kgpm2, newBallisticResult(), {
          sampleEvery_s: dt,
          sampleFrom_s: o.releaseTime_s,
          stateRows: orows,
        });
        if (o.kind === 'decoy') truncateBelow(orows, DECOY_END_ALT_m);
        if (orows.length >= 14)
          out.push(toTruth(`${tid}/${o.id}`, tid, o.kind, orows, tLaunch, dt));
      }
    }
  });
  return out;
}
