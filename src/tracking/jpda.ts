/**
 * Joint probabilistic data association for small clusters (an RV among decoys and tank debris).
 * Within each cluster of the gating graph, every feasible joint event (each detection to at most
 * one track, each track at most one detection) is enumerated and scored
 *   P(θ) ∝ Π_{(t,j)∈θ} P_D·N(ν_tj; 0, S_t)/λ · Π_{t unassigned} (1 − P_D·P_G),
 * λ the clutter (false-alarm) density per unit measurement volume. The marginal β_tj = Σ_{θ∋(t,j)}
 * P(θ) and β_t0 = 1 − Σ_j β_tj then weight a PDA update (filter.ts, pdaUpdate).
 * Bar-Shalom & Fortmann, "Tracking and Data Association" (1988), JPDA;
 * Fortmann, Bar-Shalom & Scheffe, "Sonar tracking of multiple targets using joint probabilistic
 * data association", IEEE J. Oceanic Eng. 8(3) (1983).
 * Clusters with more tracks than maxClusterTracks (or more events than maxEvents) fall back to
 * independent PDA per track (each track's own β from its gated detections), which is documented
 * as an approximation.
 */
import type { Detection } from '../core/detection.ts';
import type { GaussianState } from './gaussian-state.ts';
import type { Updater } from './filter.ts';
import { gatePairs, type GatedPair } from './gating.ts';
import { clusters, type Associator, type TrackAssociation } from './gnn.ts';

export interface JpdaOptions {
  /** Probability of detection P_D. */
  detectionProbability: number;
  /** Clutter density λ (false alarms per unit measurement volume, e.g. per m·rad²). */
  clutterDensity: number;
  /** Gate probability P_G (default 0.999). */
  gateProbability?: number;
  maxClusterTracks?: number;
  maxEvents?: number;
}

export class JpdaAssociator<S extends GaussianState = GaussianState> implements Associator<S> {
  readonly pd: number;
  readonly lambda: number;
  readonly pg: number;
  readonly maxClusterTracks: number;
  readonly maxEvents: number;

  constructor(o: JpdaOptions) {
    this.pd = o.detectionProbability;
    this.lambda = o.clutterDensity;
    this.pg = o.gateProbability ?? 0.999;
    this.maxClusterTracks = o.maxClusterTracks ?? 8;
    this.maxEvents = o.maxEvents ?? 200000;
  }

  associate(
    preds: readonly S[],
    dets: readonly Detection[],
    updater: Updater<S>,
  ): TrackAssociation[] {
    const result: TrackAssociation[] = preds.map((_, t) => ({
      track: t,
      detections: [],
      weights: [],
      missWeight: 1,
    }));
    const pairs = gatePairs(preds, dets, updater, this.pg);
    for (const cl of clusters(pairs, preds.length, dets.length)) this.solveCluster(cl, result);
    return result;
  }

  /** β for one cluster, written into result. Exposed for tests through `jpdaWeights`. */
  solveCluster(cl: readonly GatedPair[], result: TrackAssociation[]): void {
    const tracks = [...new Set(cl.map((p) => p.track))];
    const ds = [...new Set(cl.map((p) => p.detection))];
    const di = new Map(ds.map((d, i) => [d, i]));
    // Per track: options (detection index in ds, log weight of the assignment).
    const logMiss = Math.log(1 - this.pd * this.pg);
    const opts = tracks.map((t) =>
      cl
        .filter((p) => p.track === t)
        .map((p) => ({
          j: di.get(p.detection)!,
          lw: Math.log(this.pd) + p.logLikelihood - Math.log(this.lambda),
        })),
    );
    const T = tracks.length;
    const beta = tracks.map(() => new Float64Array(ds.length));
    const beta0 = new Float64Array(T);
    let events = 1;
    for (const o of opts) events *= o.length + 1;
    if (T > this.maxClusterTracks || events > this.maxEvents) {
      // Independent PDA per track (Bar-Shalom & Fortmann 1988): β_j ∝ P_D N_j/λ, β_0 ∝ 1 − P_D P_G.
      for (let t = 0; t < T; t++) {
        let z = Math.exp(logMiss);
        for (const o of opts[t]) z += Math.exp(o.lw);
        beta0[t] = Math.exp(logMiss) / z;
        for (const o of opts[t]) beta[t][o.j] = Math.exp(o.lw) / z;
      }
    } else {
      // Enumerate feasible joint events depth-first; log weights shifted by their maximum at the end.
      const used = new Uint8Array(ds.length);
      const choice = new Int32Array(T);
      const logs: number[] = [];
      const choices: Int32Array[] = [];
      const rec = (t: number, acc: number): void => {
        if (t === T) {
          logs.push(acc);
          choices.push(choice.slice());
          return;
        }
        choice[t] = -1;
        rec(t + 1, acc + logMiss);
        for (const o of opts[t]) {
          if (used[o.j]) continue;
          used[o.j] = 1;
          choice[t] = o.j;
          rec(t + 1, acc + o.lw);
          used[o.j] = 0;
        }
      };
      rec(0, 0);
      const mx = Math.max(...logs);
      let z = 0;
      const w = logs.map((l) => Math.exp(l - mx));
      for (const x of w) z += x;
      for (let e = 0; e < w.length; e++) {
        const p = w[e] / z;
        const c = choices[e];
        for (let t = 0; t < T; t++) {
          if (c[t] < 0) beta0[t] += p;
          else beta[t][c[t]] += p;
        }
      }
    }
    for (let t = 0; t < T; t++) {
      const a = result[tracks[t]];
      a.missWeight = beta0[t];
      for (let j = 0; j < ds.length; j++) {
        if (beta[t][j] > 0) {
          a.detections.push(ds[j]);
          a.weights.push(beta[t][j]);
        }
      }
    }
  }
}

/** β for hand-built clusters (tests): pairs with given log-likelihoods. */
export function jpdaWeights(
  pairs: readonly GatedPair[],
  nTracks: number,
  o: JpdaOptions,
): TrackAssociation[] {
  const a = new JpdaAssociator(o);
  const result: TrackAssociation[] = Array.from({ length: nTracks }, (_, t) => ({
    track: t,
    detections: [],
    weights: [],
    missWeight: 1,
  }));
  for (const cl of clusters(pairs, nTracks, 1 + Math.max(0, ...pairs.map((p) => p.detection))))
    a.solveCluster(cl, result);
  return result;
}
