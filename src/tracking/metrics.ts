/**
 * Tracking performance metrics.
 *
 * OSPA (Schuhmacher, Vo & Vo, "A consistent metric for performance evaluation of multi-object
 * filters", IEEE Trans. Signal Processing 56(8) (2008) 3447–3457): for sets X (m points),
 * Y (n points), m ≤ n, with cutoff c and order p,
 *   d̄_p^(c)(X, Y) = ( (1/n) (min_π Σ_{i≤m} d^(c)(x_i, y_π(i))^p + c^p (n − m)) )^{1/p},
 *   d^(c)(x, y) = min(c, ‖x − y‖);  0 for two empty sets.
 * GOSPA with α = 2 (Rahmathullah, García-Fernández & Svensson, "Generalized optimal sub-pattern
 * assignment metric", FUSION 2017):
 *   d_p^(c,2)(X, Y) = ( min_γ Σ_{(i,j)∈γ} ‖x_i − y_j‖^p + (c^p/2)(|X| + |Y| − 2|γ|) )^{1/p},
 * over partial assignments γ, which splits into localisation, missed (c^p/2 each) and false
 * (c^p/2 each) parts. Both are computed with the JV/SSP assignment solver.
 * Points are compared on their first `dim` coordinates (default 3: position).
 */
import type { GaussianState } from './gaussian-state.ts';
import { assign } from './assignment.ts';
import { invert, quadForm } from './linalg.ts';
import type { Track } from './track.ts';

export type Point = ArrayLike<number>;

function dist(a: Point, b: Point, dim: number): number {
  let s = 0;
  for (let i = 0; i < dim; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

export function ospa(
  X: readonly Point[],
  Y: readonly Point[],
  c: number,
  p: number,
  dim = 3,
): number {
  if (X.length > Y.length) return ospa(Y, X, c, p, dim);
  const m = X.length;
  const n = Y.length;
  if (n === 0) return 0;
  const cost = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) cost[i * n + j] = Math.min(c, dist(X[i], Y[j], dim)) ** p;
  const r = m > 0 ? assign(cost, m, n).cost : 0;
  return ((r + c ** p * (n - m)) / n) ** (1 / p);
}

export interface GospaResult {
  gospa: number;
  /** Σ ‖x − y‖^p over assigned pairs (before the 1/p root). */
  localisation: number;
  /** Number of missed (unassigned truth, X) and false (unassigned estimate, Y) objects. */
  missed: number;
  false: number;
}

/** GOSPA with α = 2; X is the truth set, Y the estimates. */
export function gospa(
  X: readonly Point[],
  Y: readonly Point[],
  c: number,
  p: number,
  dim = 3,
): GospaResult {
  const m = X.length;
  const n = Y.length;
  const half = c ** p / 2;
  if (m === 0 || n === 0)
    return { gospa: (half * (m + n)) ** (1 / p), localisation: 0, missed: m, false: n };
  const cost = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const d = dist(X[i], Y[j], dim);
      // A pair at distance ≥ c is never better than a miss plus a false target (c^p).
      cost[i * n + j] = d < c ? d ** p - 2 * half : Infinity;
    }
  }
  // Each truth either pairs (cost d^p, counted relative to missing both: d^p − c^p) or not (0).
  const r = assign(cost, m, n, 0);
  let loc = 0;
  let pairs = 0;
  for (let i = 0; i < m; i++) {
    const j = r.rowToCol[i];
    if (j >= 0) {
      loc += dist(X[i], Y[j], dim) ** p;
      pairs++;
    }
  }
  const missed = m - pairs;
  const fals = n - pairs;
  return {
    gospa: (loc + half * (missed + fals)) ** (1 / p),
    localisation: loc,
    missed,
    false: fals,
  };
}

/** Normalised estimation error squared (x − x̂)ᵀ P⁻¹ (x − x̂) over the first dim components. */
export function nees(truth: ArrayLike<number>, est: GaussianState, dim = est.n): number {
  const n = est.n;
  const P = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) P[i * dim + j] = est.P[i * n + j];
  const Pi = new Float64Array(dim * dim);
  if (!invert(P, dim, Pi)) return NaN;
  const e = new Float64Array(dim);
  for (let i = 0; i < dim; i++) e[i] = truth[i] - est.x[i];
  return quadForm(Pi, e, dim);
}

/** Normalised innovation squared νᵀ S⁻¹ ν. */
export function nis(nu: ArrayLike<number>, S: ArrayLike<number>, m: number): number {
  const Si = new Float64Array(m * m);
  if (!invert(S, m, Si)) return NaN;
  return quadForm(Si, nu, m);
}

/** RMS of position errors ‖r_est − r_true‖ over paired samples. */
export function rmsPositionError(est: readonly Point[], truth: readonly Point[]): number {
  if (est.length !== truth.length || est.length === 0)
    throw new RangeError('rmsPositionError: need equal, non-empty lists');
  let s = 0;
  for (let i = 0; i < est.length; i++) s += dist(est[i], truth[i], 3) ** 2;
  return Math.sqrt(s / est.length);
}

/**
 * A track's dominant truth object and purity: the fraction of its detections that came from the
 * most frequent truthId (false alarms count as their own, null, object).
 */
export function trackPurity(track: Track<GaussianState>): {
  truthId: string | null;
  purity: number;
} {
  const counts = new Map<string | null, number>();
  let total = 0;
  for (const h of track.history) {
    if (!h.detection) continue;
    total++;
    const k = h.detection.truthId;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: string | null = null;
  let bc = 0;
  for (const [k, v] of counts) {
    if (v > bc) {
      bc = v;
      best = k;
    }
  }
  return { truthId: best, purity: total > 0 ? bc / total : 0 };
}

export interface TrackScore {
  trackId: number;
  truthId: string | null;
  purity: number;
  confirmed_s: number | null;
}

export interface TrackSummary {
  tracks: TrackScore[];
  /** Confirmed tracks whose dominant source is a false alarm or with purity below minPurity. */
  falseTracks: number;
  /** Truth objects with no confirmed track. */
  missedObjects: string[];
  /** Earliest confirmation time of a track on each truth object. */
  firstConfirmed_s: Map<string, number>;
}

/**
 * Scores confirmed (or once-confirmed) tracks against truth ids: purity, false tracks, missed
 * objects, time to first confirmed track per object.
 */
export function summarizeTracks(
  tracks: readonly Track<GaussianState>[],
  truthIds: readonly string[],
  minPurity = 0.5,
): TrackSummary {
  const scores: TrackScore[] = [];
  const first = new Map<string, number>();
  let falseTracks = 0;
  for (const t of tracks) {
    if (t.confirmed_s === null) continue;
    const { truthId, purity } = trackPurity(t);
    scores.push({ trackId: t.id, truthId, purity, confirmed_s: t.confirmed_s });
    if (truthId === null || purity < minPurity) {
      falseTracks++;
      continue;
    }
    const f = first.get(truthId);
    if (f === undefined || t.confirmed_s < f) first.set(truthId, t.confirmed_s);
  }
  return {
    tracks: scores,
    falseTracks,
    missedObjects: truthIds.filter((id) => !first.has(id)),
    firstConfirmed_s: first,
  };
}
