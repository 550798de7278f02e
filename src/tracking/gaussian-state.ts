/**
 * A Gaussian state estimate: mean x (length n), covariance P (n×n, row-major) and the time it
 * refers to (s from the scenario epoch). Stone Soup's GaussianState, on Float64Array.
 *
 * Conventions for the state vectors used in tracking/:
 * - 6-state ballistic: [posEci_m(3), velEci_mps(3)]
 * - 7-state ballistic with drag: [..6, ballisticCoefficient_kgpm2]
 * - 9-state boost: [..6, accelEci_mps2(3)] (non-gravitational acceleration: thrust and drag)
 */
export interface GaussianState {
  readonly n: number;
  readonly x: Float64Array;
  readonly P: Float64Array;
  time_s: number;
}

export function createGaussianState(n: number, time_s = 0): GaussianState {
  return { n, x: new Float64Array(n), P: new Float64Array(n * n), time_s };
}

/** A state from plain numbers (copies). P may be given as a diagonal (length n) or full (n²). */
export function gaussianState(
  x: ArrayLike<number>,
  P: ArrayLike<number>,
  time_s = 0,
): GaussianState {
  const n = x.length;
  const s = createGaussianState(n, time_s);
  s.x.set(x);
  if (P.length === n) for (let i = 0; i < n; i++) s.P[i * n + i] = P[i];
  else if (P.length === n * n) s.P.set(P);
  else throw new RangeError(`covariance must have ${n} or ${n * n} entries, got ${P.length}`);
  return s;
}

/** Copies src into out (same n) and returns out. */
export function copyGaussianState(src: GaussianState, out: GaussianState): GaussianState {
  if (src.n !== out.n) throw new RangeError(`state sizes differ: ${src.n} vs ${out.n}`);
  out.x.set(src.x);
  out.P.set(src.P);
  out.time_s = src.time_s;
  return out;
}

export function cloneGaussianState(src: GaussianState): GaussianState {
  return copyGaussianState(src, createGaussianState(src.n, src.time_s));
}
