/**
 * One truth realisation of a scenario's threats, seen by its sensors and followed by a tracker:
 * what `aspis track` reports. Sensors and tracker meet only through `Detection`s (DESIGN.md §1);
 * truth is used here to generate looks and, separately, to score the tracks.
 *
 * Tracker: central measurement fusion of every included sensor into one multi-target tracker —
 * GNN association, M-of-N (3 of 4) confirmation, deletion after missed scans — with an EKF on a
 * ballistic (J2) model when only radars report, and an IMM over boost and ballistic models when
 * infrared satellites report boost-phase lines of sight too.
 */
import type { Detection } from '../core/detection.ts';
import { OMEGA_EARTH_radps } from '../core/constants.ts';
import { randomStream } from '../core/random.ts';
import { radarLook, newLookResult } from '../sensors/radar.ts';
import { irLook } from '../sensors/ir-satellite.ts';
import { rcsOf, type RcsObjectClass } from '../sensors/rcs.ts';
import { BallisticModel } from '../tracking/ballistic-model.ts';
import { BoostModel } from '../tracking/boost-model.ts';
import { createEkf } from '../tracking/ekf.ts';
import { BallisticIn9, Imm } from '../tracking/imm.ts';
import { GnnAssociator } from '../tracking/gnn.ts';
import { MofNInitiator } from '../tracking/initiator.ts';
import { MissesCovarianceDeleter } from '../tracking/deleter.ts';
import { createTracker, type Tracker } from '../tracking/tracker.ts';
import type { GaussianState } from '../tracking/gaussian-state.ts';
import { gospa, nees, ospa, summarizeTracks, trackPurity } from '../tracking/metrics.ts';
import { covarianceIntersection } from '../tracking/covariance-intersection.ts';
import type { WorldSensor } from './sensor-world.ts';
import { endTime, truthStateAt, type TruthObject } from './truth.ts';

export interface TrackRunOptions {
  seed: number;
  trial: number;
  /** Which sensors feed the tracker (default: all). */
  include?: (s: WorldSensor) => boolean;
  /** Interval of the OSPA/GOSPA evaluation (default 10 s). */
  evalEvery_s?: number;
  /** OSPA/GOSPA cut-off c (default 10 km) and order p (default 2). */
  cutoff_m?: number;
  order?: number;
  /** Filter: IMM over boost and ballistic models (default) or an EKF on the ballistic model. */
  tracker?: 'imm-boost-ballistic' | 'ekf-ballistic';
}

export interface SensorReport {
  id: string;
  kind: 'radar' | 'ir';
  nation: string | null;
  looks: number;
  detections: number;
  objectsSeen: string[];
  /** Why looks at live objects gave no detection, by reason. */
  reasons: Record<string, number>;
  /** Set when the sensor saw nothing, with the dominant reason. */
  note?: string;
}

export interface TrackReportRow {
  /** Tracker's id; `NATION:id` under track-to-track fusion. */
  id: number | string;
  truthId: string | null;
  purity: number;
  confirmed_s: number | null;
  updates: number;
  sensors: string[];
  rmsPos_m: number | null;
}

export interface TrackRunReport {
  tracker: 'ekf-ballistic' | 'imm-boost-ballistic';
  /** One tracker fed every detection, or one per nation with tracks fused by CI. */
  fusion: 'measurement' | 'track';
  sensors: SensorReport[];
  tracks: TrackReportRow[];
  truthObjects: number;
  falseTracks: number;
  missedObjects: string[];
  metrics: {
    ospa_m: number;
    gospa_m: number;
    cutoff_m: number;
    order: number;
    neesMean: number | null;
    neesDof: number;
    /** Earliest confirmation of a track on a real object (scenario time). */
    firstTrack_s: number | null;
    /** RMS position error over every update of every confirmed track. */
    rmsPos_m: number | null;
    /**
     * RMS position error over the whole flight: at every evaluation time, each object in flight
     * scores its distance to the nearest confirmed track, capped at the cut-off (also its score
     * when nothing tracks it). Unlike rmsPos_m it does not reward a track that lives briefly.
     */
    rmsPosFlight_m: number;
  };
  detections: number;
}

const OBJECT_CLASS: Record<TruthObject['kind'], RcsObjectClass> = {
  booster: 'booster',
  rv: 'rv',
  decoy: 'decoy',
};

/** Generates every detection of the included sensors, sorted by time (stable in sensor order). */
export function generateDetections(
  truth: readonly TruthObject[],
  sensors: readonly WorldSensor[],
  seed: number,
  trial: number,
): { detections: Detection[]; reports: SensorReport[] } {
  const tEnd = truth.reduce((a, o) => Math.max(a, endTime(o)), 0);
  const x = new Float64Array(6);
  const pe = new Float64Array(3);
  const ve = new Float64Array(3);
  const sp = new Float64Array(3);
  const sv = new Float64Array(3);
  const look = newLookResult();
  const detections: Detection[] = [];
  const reports: SensorReport[] = [];
  for (const s of sensors) {
    const rng = randomStream(seed, trial, `sensors/${s.id}/noise`);
    const rep: SensorReport = {
      id: s.id,
      kind: s.kind,
      nation: s.nation,
      looks: 0,
      detections: 0,
      objectsSeen: [],
      reasons: {},
    };
    const seen = new Set<string>();
    for (let t = 0; t <= tEnd; t += s.revisit_s) {
      rep.looks++;
      const th = OMEGA_EARTH_radps * t;
      const c = Math.cos(th);
      const sn = Math.sin(th);
      if (s.kind === 'ir') {
        s.position(t, sp);
        s.velocity(t, sv);
      }
      for (const o of truth) {
        if (!truthStateAt(o, t, x)) continue;
        let det: Detection | undefined;
        let reason: string;
        if (s.kind === 'radar') {
          // ECEF = R3(θ)·ECI; velocity relative to the rotating Earth.
          pe[0] = c * x[0] + sn * x[1];
          pe[1] = -sn * x[0] + c * x[1];
          pe[2] = x[2];
          const vx = x[3] + OMEGA_EARTH_radps * x[1];
          const vy = x[4] - OMEGA_EARTH_radps * x[0];
          ve[0] = c * vx + sn * vy;
          ve[1] = -sn * vx + c * vy;
          ve[2] = x[5];
          const aspect = o.kind === 'booster' ? 'broadside' : 'nose-on';
          const rcs = rcsOf(OBJECT_CLASS[o.kind], aspect, s.band);
          radarLook(
            s.site,
            pe,
            ve,
            rcs,
            { time_s: t, theta_rad: th, truthId: o.id, swerling: 1 },
            rng,
            look,
          );
          det = look.detection;
          reason = look.reason;
        } else {
          const r = irLook(
            s.id,
            s.params,
            sp,
            sv,
            x,
            o.kind === 'booster',
            { time_s: t, theta_rad: th, truthId: o.id },
            rng,
          );
          det = r.detection;
          reason = r.reason;
        }
        if (det) {
          detections.push(det);
          rep.detections++;
          seen.add(o.id);
        } else {
          rep.reasons[reason] = (rep.reasons[reason] ?? 0) + 1;
        }
      }
    }
    rep.objectsSeen = [...seen].sort();
    if (rep.detections === 0) {
      const top = Object.entries(rep.reasons).sort((a, b) => b[1] - a[1])[0];
      rep.note = top
        ? `saw nothing: ${top[0]} on ${top[1]} looks`
        : 'saw nothing: no object in flight';
    }
    reports.push(rep);
  }
  // Stable sort: equal times keep sensor order, so the stream is the same on every run.
  detections.sort((a, b) => a.time_s - b.time_s);
  return { detections, reports };
}

/**
 * Process noise of the ballistic model (m²/s³): exo-atmospheric flight is modelled to the
 * J2 level, so only a little is needed; it keeps the filter honest in reentry, where drag is not
 * in the model.
 */
const Q_BALLISTIC = 0.01;

function buildTracker(withBoost: boolean): Tracker<GaussianState> {
  const initiator = new MofNInitiator({ m: 3, n: 4 });
  const deleter = new MissesCovarianceDeleter({ maxConsecutiveMisses: 4 });
  const associator = new GnnAssociator({ gateProbability: 0.999 });
  if (!withBoost) {
    const { predictor, updater } = createEkf(new BallisticModel({ q_m2ps3: Q_BALLISTIC }));
    return createTracker({ predictor, updater, associator, initiator, deleter });
  }
  const imm = new Imm({
    modes: [
      createEkf(new BoostModel({ qJerk_m2ps5: 5 })),
      createEkf(new BallisticIn9(new BallisticModel({ q_m2ps3: Q_BALLISTIC }))),
    ],
    // Boost lasts minutes, so ~1 % per scan leaves it; ballistic flight is (nearly) absorbing.
    transition: [0.98, 0.02, 0.001, 0.999],
    initialProbabilities: [0.5, 0.5],
  });
  return createTracker({
    predictor: imm,
    updater: imm,
    associator,
    initiator,
    deleter,
    toTrackState: (g) => imm.createState(g),
    cloneState: (s) => imm.clone(s as Parameters<Imm['clone']>[0]),
  }) as unknown as Tracker<GaussianState>;
}

/** A confirmed track's estimate at an evaluation time: position/velocity and its covariance. */
interface Estimate {
  x: Float64Array;
  P: Float64Array;
}

const evalTimes = (truth: readonly TruthObject[], every: number): number[] => {
  const tStart = truth.reduce((a, o) => Math.min(a, o.t0_s), Infinity);
  const tEnd = truth.reduce((a, o) => Math.max(a, endTime(o)), 0);
  const out: number[] = [];
  for (let t = Number.isFinite(tStart) ? tStart : 0; t <= tEnd; t += every) out.push(t);
  return out;
};

/** The 6-state (position, velocity) marginal of a filter state. */
function marginal6(x: Float64Array, P: Float64Array, n: number): Estimate {
  const P6 = new Float64Array(36);
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) P6[i * 6 + j] = P[i * n + j];
  return { x: x.slice(0, 6), P: P6 };
}

/**
 * Feeds detections to a tracker scan by scan (one sensor, one time stamp) and records the
 * confirmed tracks' estimates at each evaluation time.
 */
function runTracker(
  detections: readonly Detection[],
  withBoost: boolean,
  times: readonly number[],
) {
  const tracker = buildTracker(withBoost);
  const estimates: Estimate[][] = [];
  let i = 0;
  const scan: Detection[] = [];
  const flushUntil = (t: number): void => {
    while (i < detections.length && detections[i].time_s <= t) {
      scan.length = 0;
      const t0 = detections[i].time_s;
      const sid = detections[i].sensorId;
      while (
        i < detections.length &&
        detections[i].time_s === t0 &&
        detections[i].sensorId === sid
      ) {
        scan.push(detections[i++]);
      }
      tracker.process(scan);
    }
  };
  for (const t of times) {
    flushUntil(t);
    estimates.push(
      tracker
        .statesAt(t)
        .filter((e) => e.track.status === 'confirmed')
        .map((e) => marginal6(e.state.x, e.state.P, e.state.n)),
    );
  }
  flushUntil(Infinity);
  return { tracker, estimates };
}

/** OSPA, GOSPA and the capped RMS over the flight, from estimates at the evaluation times. */
function scoreEstimates(
  truth: readonly TruthObject[],
  times: readonly number[],
  estimates: readonly Estimate[][],
  c: number,
  p: number,
): { ospa_m: number; gospa_m: number; rmsPosFlight_m: number } {
  const x = new Float64Array(6);
  let ospaSum = 0;
  let gospaSum = 0;
  let flightSq = 0;
  let flightN = 0;
  times.forEach((t, k) => {
    const truthPts: Float64Array[] = [];
    for (const o of truth) if (truthStateAt(o, t, x)) truthPts.push(x.slice(0, 3));
    const est = estimates[k].map((e) => e.x.subarray(0, 3));
    for (const tp of truthPts) {
      let d = c;
      for (const e of est) d = Math.min(d, Math.hypot(e[0] - tp[0], e[1] - tp[1], e[2] - tp[2]));
      flightSq += d * d;
      flightN++;
    }
    ospaSum += ospa(truthPts, est, c, p);
    gospaSum += gospa(truthPts, est, c, p).gospa;
  });
  const n = times.length;
  return {
    ospa_m: n > 0 ? Number((ospaSum / n).toFixed(1)) : 0,
    gospa_m: n > 0 ? Number((gospaSum / n).toFixed(1)) : 0,
    rmsPosFlight_m: flightN > 0 ? Number(Math.sqrt(flightSq / flightN).toFixed(1)) : c,
  };
}

/** Per-track rows (truth, purity, RMS at updates) and the run's NEES over every update. */
function scoreTracks(tracker: Tracker<GaussianState>, truth: readonly TruthObject[], prefix = '') {
  const x = new Float64Array(6);
  const byId = new Map(truth.map((o) => [o.id, o]));
  const summary = summarizeTracks(
    tracker.tracks,
    truth.map((o) => o.id),
  );
  const rows: TrackReportRow[] = [];
  let neesSum = 0;
  let neesN = 0;
  let errSum = 0;
  let errN = 0;
  for (const tr of tracker.tracks) {
    if (tr.confirmed_s === null) continue;
    const { truthId, purity } = trackPurity(tr);
    const obj = truthId === null ? undefined : byId.get(truthId);
    let se = 0;
    let ne = 0;
    if (obj) {
      for (const h of tr.history) {
        if (!h.detection || !truthStateAt(obj, h.time_s, x)) continue;
        const e = Math.hypot(h.x[0] - x[0], h.x[1] - x[1], h.x[2] - x[2]);
        se += e * e;
        ne++;
        const n = nees(x, { n: tr.state.n, x: h.x, P: h.P, time_s: h.time_s }, 6);
        if (Number.isFinite(n)) {
          neesSum += n;
          neesN++;
        }
      }
    }
    errSum += se;
    errN += ne;
    rows.push({
      id: prefix === '' ? tr.id : `${prefix}${tr.id}`,
      truthId,
      purity: Number(purity.toFixed(3)),
      confirmed_s: tr.confirmed_s,
      updates: tr.updates,
      sensors: [...tr.sensors].sort(),
      rmsPos_m: ne > 0 ? Number(Math.sqrt(se / ne).toFixed(1)) : null,
    });
  }
  return { rows, summary, neesSum, neesN, errSum, errN };
}

/**
 * Runs the included sensors into one tracker (central measurement fusion) over one truth
 * realisation and scores the tracks.
 */
export function runTracking(
  truth: readonly TruthObject[],
  sensors: readonly WorldSensor[],
  opts: TrackRunOptions,
): TrackRunReport {
  const used = sensors.filter(opts.include ?? (() => true));
  const { detections, reports } = generateDetections(truth, used, opts.seed, opts.trial);
  // Boosters are seen by radars too, so the boost/ballistic IMM is the default.
  const withBoost = opts.tracker !== 'ekf-ballistic';
  const c = opts.cutoff_m ?? 10_000;
  const p = opts.order ?? 2;
  const times = evalTimes(truth, opts.evalEvery_s ?? 10);
  const { tracker, estimates } = runTracker(detections, withBoost, times);
  const scores = scoreEstimates(truth, times, estimates, c, p);
  const t = scoreTracks(tracker, truth);
  const firsts = [...t.summary.firstConfirmed_s.values()];
  return {
    tracker: withBoost ? 'imm-boost-ballistic' : 'ekf-ballistic',
    fusion: 'measurement',
    sensors: reports,
    tracks: t.rows,
    truthObjects: truth.length,
    falseTracks: t.summary.falseTracks,
    missedObjects: t.summary.missedObjects,
    metrics: {
      ospa_m: scores.ospa_m,
      gospa_m: scores.gospa_m,
      cutoff_m: c,
      order: p,
      neesMean: t.neesN > 0 ? Number((t.neesSum / t.neesN).toFixed(3)) : null,
      neesDof: 6,
      firstTrack_s: firsts.length > 0 ? Math.min(...firsts) : null,
      rmsPos_m: t.errN > 0 ? Number(Math.sqrt(t.errSum / t.errN).toFixed(1)) : null,
      rmsPosFlight_m: scores.rmsPosFlight_m,
    },
    detections: detections.length,
  };
}

/** χ²(3 dof) at 0.999: the gate for deciding that two nations' tracks are one object. */
const CHI2_3_999 = 16.266;

/** Squared Mahalanobis distance of two position estimates under their summed covariance. */
function positionDistance2(a: Estimate, b: Estimate): number {
  const S = new Float64Array(9);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) S[i * 3 + j] = a.P[i * 6 + j] + b.P[i * 6 + j];
  const Si = new Float64Array(9);
  if (!invertSym3(S, Si)) return Infinity;
  const d = [a.x[0] - b.x[0], a.x[1] - b.x[1], a.x[2] - b.x[2]];
  let q = 0;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) q += d[i] * Si[i * 3 + j] * d[j];
  return q;
}

function invertSym3(m: Float64Array, out: Float64Array): boolean {
  const [a, b, c, , e, f, , , i] = m;
  const A = e * i - f * f;
  const B = c * f - b * i;
  const C = b * f - c * e;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 0)) return false;
  out[0] = A / det;
  out[1] = out[3] = B / det;
  out[2] = out[6] = C / det;
  out[4] = (a * i - c * c) / det;
  out[5] = out[7] = (b * c - a * f) / det;
  out[8] = (a * e - b * b) / det;
  return true;
}

/**
 * Fuses several track pictures at one time: estimates from different pictures that gate
 * together (χ² 3 dof, 0.999 on position) are combined by covariance intersection, greedily by
 * distance; the rest pass through. CI needs no knowledge of the correlation between the two
 * nations' errors (Julier & Uhlmann 1997), which is what makes it fit for exchanged tracks.
 */
export function fusePictures(pictures: readonly (readonly Estimate[])[]): Estimate[] {
  let fused: Estimate[] =
    pictures.length > 0 ? pictures[0].map((e) => ({ x: e.x.slice(), P: e.P.slice() })) : [];
  for (let k = 1; k < pictures.length; k++) {
    const next = pictures[k];
    const pairs: { i: number; j: number; d2: number }[] = [];
    fused.forEach((a, i) =>
      next.forEach((b, j) => {
        const d2 = positionDistance2(a, b);
        if (d2 < CHI2_3_999) pairs.push({ i, j, d2 });
      }),
    );
    pairs.sort((u, v) => u.d2 - v.d2);
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    const out: Estimate[] = [];
    for (const { i, j } of pairs) {
      if (usedA.has(i) || usedB.has(j)) continue;
      usedA.add(i);
      usedB.add(j);
      const r = covarianceIntersection(
        { n: 6, x: fused[i].x, P: fused[i].P, time_s: 0 },
        { n: 6, x: next[j].x, P: next[j].P, time_s: 0 },
      );
      out.push({ x: r.fused.x.slice(), P: r.fused.P.slice() });
    }
    fused.forEach((a, i) => {
      if (!usedA.has(i)) out.push(a);
    });
    next.forEach((b, j) => {
      if (!usedB.has(j)) out.push({ x: b.x.slice(), P: b.P.slice() });
    });
    fused = out;
  }
  return fused;
}

/**
 * Track-to-track fusion: each group of sensors (a nation) runs its own tracker, and only the
 * tracks are exchanged and fused by covariance intersection at each evaluation time.
 */
export function runTrackFusion(
  truth: readonly TruthObject[],
  sensors: readonly WorldSensor[],
  groups: readonly string[],
  opts: TrackRunOptions,
): TrackRunReport {
  const c = opts.cutoff_m ?? 10_000;
  const p = opts.order ?? 2;
  const times = evalTimes(truth, opts.evalEvery_s ?? 10);
  const groupOf = (s: WorldSensor): string => s.nation ?? 'unspecified';
  const pictures: Estimate[][][] = [];
  const reports: SensorReport[] = [];
  const rows: TrackReportRow[] = [];
  let detections = 0;
  let neesSum = 0;
  let neesN = 0;
  let errSum = 0;
  let errN = 0;
  let falseTracks = 0;
  const firstConfirmed: number[] = [];
  const tracked = new Set<string>();
  for (const g of groups) {
    const used = sensors.filter((s) => groupOf(s) === g);
    const gen = generateDetections(truth, used, opts.seed, opts.trial);
    detections += gen.detections.length;
    reports.push(...gen.reports);
    const { tracker, estimates } = runTracker(
      gen.detections,
      opts.tracker !== 'ekf-ballistic',
      times,
    );
    pictures.push(estimates);
    const t = scoreTracks(tracker, truth, `${g}:`);
    rows.push(...t.rows);
    neesSum += t.neesSum;
    neesN += t.neesN;
    errSum += t.errSum;
    errN += t.errN;
    falseTracks += t.summary.falseTracks;
    for (const [id, t0] of t.summary.firstConfirmed_s) {
      tracked.add(id);
      firstConfirmed.push(t0);
    }
  }
  const fusedEstimates = times.map((_, k) => fusePictures(pictures.map((pic) => pic[k])));
  const scores = scoreEstimates(truth, times, fusedEstimates, c, p);
  return {
    tracker: opts.tracker === 'ekf-ballistic' ? 'ekf-ballistic' : 'imm-boost-ballistic',
    fusion: 'track',
    sensors: reports,
    tracks: rows,
    truthObjects: truth.length,
    falseTracks,
    missedObjects: truth.map((o) => o.id).filter((id) => !tracked.has(id)),
    metrics: {
      ospa_m: scores.ospa_m,
      gospa_m: scores.gospa_m,
      cutoff_m: c,
      order: p,
      neesMean: neesN > 0 ? Number((neesSum / neesN).toFixed(3)) : null,
      neesDof: 6,
      firstTrack_s: firstConfirmed.length > 0 ? Math.min(...firstConfirmed) : null,
      rmsPos_m: errN > 0 ? Number(Math.sqrt(errSum / errN).toFixed(1)) : null,
      rmsPosFlight_m: scores.rmsPosFlight_m,
    },
    detections,
  };
}
