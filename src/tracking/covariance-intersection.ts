/**
 * Track-to-track fusion by covariance intersection (Julier & Uhlmann, "A non-divergent estimation
 * algorithm in the presence of unknown correlations", Proc. American Control Conference 1997,
 * 2369–2373): P⁻¹ = ω Pa⁻¹ + (1 − ω) Pb⁻¹, x = P (ω Pa⁻¹ a + (1 − ω) Pb⁻¹ b), ω ∈ [0, 1] chosen to
 * minimise trace P or det P (golden-section search; both criteria are convex in ω for the
 * determinant, and unimodal in practice for the trace). Consistent whatever the unknown
 * cross-correlation of the two tracks (e.g. a US and a Russian radar track of the same object that
 * share a common prior or process noise).
 */
import { createGaussianState, type GaussianState } from './gaussian-state.ts';
import { invertSpd, trace } from './linalg.ts';

export type CiCriterion = 'trace' | 'determinant';

export interface CiResult {
  fused: GaussianState;
  omega: number;
}

export function covarianceIntersection(
  a: GaussianState,
  b: GaussianState,
  criterion: CiCriterion = 'trace',
  out: GaussianState = createGaussianState(a.n, a.time_s),
): CiResult {
  const n = a.n;
  if (b.n !== n) throw new RangeError(`CI: state sizes differ (${n} vs ${b.n})`);
  if (Math.abs(a.time_s - b.time_s) > 1e-9)
    throw new RangeError(
      `CI: estimates at different times (${a.time_s} s vs ${b.time_s} s); predict first`,
    );
  const work = new Float64Array(n * n);
  const Ai = new Float64Array(n * n);
  const Bi = new Float64Array(n * n);
  if (Number.isNaN(invertSpd(a.P, n, Ai, work)) || Number.isNaN(invertSpd(b.P, n, Bi, work))) {
    throw new RangeError('CI: covariance not positive definite');
  }
  const info = new Float64Array(n * n);
  const P = new Float64Array(n * n);
  const cost = (w: number): number => {
    for (let i = 0; i < n * n; i++) info[i] = w * Ai[i] + (1 - w) * Bi[i];
    const logDetInfo = invertSpd(info, n, P, work);
    if (Number.isNaN(logDetInfo)) return Infinity;
    return criterion === 'trace' ? trace(P, n) : -logDetInfo;
  };
  // Golden-section search on [0, 1] (Press et al., "Numerical Recipes", 3rd ed. (2007), §10.2).
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = 1;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = cost(x1);
  let f2 = cost(x2);
  for (let it = 0; it < 60 && hi - lo > 1e-10; it++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = cost(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = cost(x2);
    }
  }
  let w = (lo + hi) / 2;
  // The ends (use one track alone) are candidates too.
  const fw = cost(w);
  if (cost(0) < fw) w = 0;
  else if (cost(1) < Math.min(fw, cost(0))) w = 1;
  cost(w);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += w * Ai[i * n + j] * a.x[j] + (1 - w) * Bi[i * n + j] * b.x[j];
    y[i] = s;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += P[i * n + j] * y[j];
    out.x[i] = s;
  }
  out.P.set(P);
  out.time_s = a.time_s;
  return { fused: out, omega: w };
}
