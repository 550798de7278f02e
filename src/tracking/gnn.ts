/**
 * Global nearest neighbour association: one detection per track at most, chosen by the
 * minimum-cost 2-D assignment over gated pairs (Blackman & Popoli (1999); Konstantinova,
 * Udvarev & Semerdjiev, "A study of a target tracking algorithm using global nearest neighbor
 * approach", CompSysTech 2003). Cost of a pair: the negative log-likelihood
 * ½(d² + ln det S + m ln 2π); a track left unassigned pays the same with d² replaced by the gate γ,
 * so only the difference ½(d² − γ) < 0 enters the assignment (ln det S is paid either way and
 * cancels) and a pair never beats a miss from outside the gate. Problems are split into
 * independent clusters (connected components of the
 * gating graph) before the JV/SSP solver, so sparse gating stays fast.
 */
import type { Detection } from '../core/detection.ts';
import type { GaussianState } from './gaussian-state.ts';
import type { Updater } from './filter.ts';
import { AssignmentSolver } from './assignment.ts';
import { gatePairs, gateThreshold, type GatedPair } from './gating.ts';
import { measurementDim } from './measurement.ts';

/** Association of one track in one scan: detections with weights (Σ weights + missWeight = 1). */
export interface TrackAssociation {
  track: number;
  detections: number[];
  weights: number[];
  missWeight: number;
}

export interface Associator<S extends GaussianState = GaussianState> {
  /** preds: track states predicted to the scan time; returns one entry per track. */
  associate(
    preds: readonly S[],
    dets: readonly Detection[],
    updater: Updater<S>,
  ): TrackAssociation[];
}

/** Connected components of the bipartite gating graph: lists of pair indices. */
export function clusters(
  pairs: readonly GatedPair[],
  nTracks: number,
  nDets: number,
): GatedPair[][] {
  const parent = Array.from({ length: nTracks + nDets }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  for (const p of pairs) {
    const a = find(p.track);
    const b = find(nTracks + p.detection);
    if (a !== b) parent[a] = b;
  }
  const groups = new Map<number, GatedPair[]>();
  for (const p of pairs) {
    const r = find(p.track);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(p);
  }
  return [...groups.values()];
}

export interface GnnOptions {
  /** Gate probability P_G (default 0.999). */
  gateProbability?: number;
}

export class GnnAssociator<S extends GaussianState = GaussianState> implements Associator<S> {
  readonly gateProbability: number;
  private readonly solver = new AssignmentSolver();

  constructor(opts: GnnOptions = {}) {
    this.gateProbability = opts.gateProbability ?? 0.999;
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
    const pairs = gatePairs(preds, dets, updater, this.gateProbability);
    for (const cl of clusters(pairs, preds.length, dets.length)) {
      const tracks = [...new Set(cl.map((p) => p.track))];
      const ds = [...new Set(cl.map((p) => p.detection))];
      const ti = new Map(tracks.map((t, i) => [t, i]));
      const di = new Map(ds.map((d, i) => [d, i]));
      const cost = new Float64Array(tracks.length * ds.length).fill(Infinity);
      // Per-track miss cost folded in as an offset: cost' = cost − missCost(track), so one shared
      // unassigned cost (0) serves every row.
      for (const p of cl) {
        const m = measurementDim(dets[p.detection].kind);
        const gamma = gateThreshold(this.gateProbability, m);
        // −ln N = ½(d² + ln det S + m ln 2π); the miss costs ½(γ + ln det S + m ln 2π).
        cost[ti.get(p.track)! * ds.length + di.get(p.detection)!] = 0.5 * (p.d2 - gamma);
      }
      const r = this.solver.solve(cost, tracks.length, ds.length, 0);
      for (let i = 0; i < tracks.length; i++) {
        const j = r.rowToCol[i];
        if (j < 0) continue;
        const a = result[tracks[i]];
        a.detections.push(ds[j]);
        a.weights.push(1);
        a.missWeight = 0;
      }
    }
    return result;
  }
}
