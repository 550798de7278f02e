/**
 * Small dense linear algebra on row-major Float64Array, written for the ≤ 9×9 matrices of
 * tracking filters. Every routine writes into `out` (no allocation); `out` must not alias an
 * input unless the function says it may. Sizes are explicit arguments so one routine serves
 * 6×6, 6×3, 9×9 and so on without a generic matrix type in the hot path.
 */

/** out (m×p) = A (m×k) · B (k×p) */
export function matMul(
  A: ArrayLike<number>,
  B: ArrayLike<number>,
  m: number,
  k: number,
  p: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += A[ai + l] * B[l * p + j];
      out[i * p + j] = s;
    }
  }
  return out;
}

/** out (m×p) = A (m×k) · Bᵀ, with B stored p×k. */
export function matMulBt(
  A: ArrayLike<number>,
  B: ArrayLike<number>,
  m: number,
  k: number,
  p: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    for (let j = 0; j < p; j++) {
      const bj = j * k;
      let s = 0;
      for (let l = 0; l < k; l++) s += A[ai + l] * B[bj + l];
      out[i * p + j] = s;
    }
  }
  return out;
}

/** out (m×p) = Aᵀ · B, with A stored k×m and B stored k×p. */
export function matTMul(
  A: ArrayLike<number>,
  B: ArrayLike<number>,
  k: number,
  m: number,
  p: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += A[l * m + i] * B[l * p + j];
      out[i * p + j] = s;
    }
  }
  return out;
}

/** out (n×n) = A · P · Aᵀ for square A, P (n×n); `tmp` is n×n scratch. Result symmetrised. */
export function congruence(
  A: ArrayLike<number>,
  P: ArrayLike<number>,
  n: number,
  tmp: Float64Array,
  out: Float64Array,
): Float64Array {
  matMul(A, P, n, n, n, tmp);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let l = 0; l < n; l++) s += tmp[i * n + l] * A[j * n + l];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/** out = A + s·B (element-wise, length len). out may alias A or B. */
export function addScaledMat(
  A: ArrayLike<number>,
  B: ArrayLike<number>,
  s: number,
  len: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < len; i++) out[i] = A[i] + s * B[i];
  return out;
}

/** Replaces a square matrix by (A + Aᵀ)/2 in place. */
export function symmetrize(A: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * (A[i * n + j] + A[j * n + i]);
      A[i * n + j] = s;
      A[j * n + i] = s;
    }
  }
  return A;
}

export function identity(n: number, out: Float64Array): Float64Array {
  out.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

export function trace(A: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += A[i * n + i];
  return s;
}

/**
 * Cholesky factor L (lower triangular, row-major, upper part zeroed) with A = L·Lᵀ.
 * Returns false if A is not (numerically) positive definite. out may alias A.
 */
export function cholesky(A: ArrayLike<number>, n: number, out: Float64Array): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= out[i * n + k] * out[j * n + k];
      if (i === j) {
        if (!(s > 0)) return false;
        out[i * n + i] = Math.sqrt(s);
      } else {
        out[i * n + j] = s / out[j * n + j];
      }
    }
    for (let j = i + 1; j < n; j++) out[i * n + j] = 0;
  }
  return true;
}

/** Solves L·Lᵀ·x = b given the Cholesky factor L; x may alias b. */
export function choleskySolve(
  L: ArrayLike<number>,
  n: number,
  b: ArrayLike<number>,
  x: Float64Array,
): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * x[k];
    x[i] = s / L[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

/** log det A from its Cholesky factor. */
export function choleskyLogDet(L: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(L[i * n + i]);
  return 2 * s;
}

/**
 * Inverse of a square matrix (n ≤ 9 intended) by Gauss–Jordan elimination with partial
 * pivoting. `work` needs 2n² entries. Returns false if A is singular. out may alias A.
 */
export function invert(
  A: ArrayLike<number>,
  n: number,
  out: Float64Array,
  work: Float64Array = new Float64Array(2 * n * n),
): boolean {
  const w = 2 * n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      work[i * w + j] = A[i * n + j];
      work[i * w + n + j] = i === j ? 1 : 0;
    }
  }
  for (let c = 0; c < n; c++) {
    let piv = c;
    let best = Math.abs(work[c * w + c]);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(work[r * w + c]);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (!(best > 0)) return false;
    if (piv !== c) {
      for (let j = 0; j < w; j++) {
        const t = work[c * w + j];
        work[c * w + j] = work[piv * w + j];
        work[piv * w + j] = t;
      }
    }
    const d = 1 / work[c * w + c];
    for (let j = 0; j < w; j++) work[c * w + j] *= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = work[r * w + c];
      if (f === 0) continue;
      for (let j = 0; j < w; j++) work[r * w + j] -= f * work[c * w + j];
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = work[i * w + n + j];
  return true;
}

/**
 * Inverse of a symmetric positive-definite matrix via Cholesky; `work` needs n² entries.
 * Returns log det A, or NaN if A is not positive definite. out may not alias A.
 */
export function invertSpd(
  A: ArrayLike<number>,
  n: number,
  out: Float64Array,
  work: Float64Array,
): number {
  if (!cholesky(A, n, work)) return NaN;
  const logDet = choleskyLogDet(work, n);
  // Columns of A⁻¹ are solutions of A x = e_j; solve into out's rows (A⁻¹ is symmetric).
  for (let j = 0; j < n; j++) {
    const row = out.subarray(j * n, j * n + n);
    row.fill(0);
    row[j] = 1;
    choleskySolve(work, n, row, row);
  }
  return logDet;
}

/**
 * Closed-form inverse of a symmetric 2×2, 3×3 or 4×4 (via invertSpd for 4) and log det. Returns
 * NaN log det when singular / not positive definite. Hot path for measurement covariances S.
 */
export function invertSymSmall(
  S: ArrayLike<number>,
  m: number,
  out: Float64Array,
  work: Float64Array,
): number {
  if (m === 2) {
    const a = S[0];
    const b = S[1];
    const d = S[3];
    const det = a * d - b * b;
    if (!(det > 0) || !(a > 0)) return NaN;
    const r = 1 / det;
    out[0] = d * r;
    out[1] = -b * r;
    out[2] = -b * r;
    out[3] = a * r;
    return Math.log(det);
  }
  if (m === 3) {
    const a = S[0];
    const b = S[1];
    const c = S[2];
    const d = S[4];
    const e = S[5];
    const f = S[8];
    const A0 = d * f - e * e;
    const B0 = c * e - b * f;
    const C0 = b * e - c * d;
    const det = a * A0 + b * B0 + c * C0;
    if (!(det > 0) || !(a > 0)) return NaN;
    const r = 1 / det;
    out[0] = A0 * r;
    out[1] = B0 * r;
    out[2] = C0 * r;
    out[3] = B0 * r;
    out[4] = (a * f - c * c) * r;
    out[5] = (b * c - a * e) * r;
    out[6] = C0 * r;
    out[7] = out[5];
    out[8] = (a * d - b * b) * r;
    return Math.log(det);
  }
  if (m === 1) {
    if (!(S[0] > 0)) return NaN;
    out[0] = 1 / S[0];
    return Math.log(S[0]);
  }
  return invertSpd(S, m, out, work);
}

/** xᵀ A⁻¹ x given A⁻¹ (m×m). */
export function quadForm(Ainv: ArrayLike<number>, x: ArrayLike<number>, m: number): number {
  let s = 0;
  for (let i = 0; i < m; i++) {
    let r = 0;
    for (let j = 0; j < m; j++) r += Ainv[i * m + j] * x[j];
    s += x[i] * r;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// χ² quantiles for gates and consistency bands.

/**
 * Standard normal quantile Φ⁻¹(p). P. J. Acklam, "An algorithm for computing the inverse normal
 * cumulative distribution function" (2003), rational approximations with relative error
 * < 1.15e-9 (ample for gates and consistency bands).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
    -3.066479806614716e1, 2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
    -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/**
 * Exact χ² quantiles for the common gate probabilities and dimensions (Abramowitz & Stegun,
 * "Handbook of Mathematical Functions" (1964), Table 26.8; NIST/SEMATECH e-Handbook, χ² critical values).
 */
const CHI2_TABLE: Record<string, readonly number[]> = {
  // dof 1..9
  '0.9': [2.706, 4.605, 6.251, 7.779, 9.236, 10.645, 12.017, 13.362, 14.684],
  '0.95': [3.841, 5.991, 7.815, 9.488, 11.07, 12.592, 14.067, 15.507, 16.919],
  '0.99': [6.635, 9.21, 11.345, 13.277, 15.086, 16.812, 18.475, 20.09, 21.666],
  '0.995': [7.879, 10.597, 12.838, 14.86, 16.75, 18.548, 20.278, 21.955, 23.589],
  '0.999': [10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.124, 27.877],
};

/**
 * χ² quantile with k degrees of freedom at probability p. Exact for k = 2 (−2 ln(1−p)) and from
 * the table above for the listed (p, k ≤ 9); otherwise the Wilson–Hilferty approximation
 * χ²_p(k) ≈ k (1 − 2/(9k) + z_p √(2/(9k)))³ (Wilson & Hilferty, "The distribution of
 * chi-square", PNAS 17 (1931) 684–688), relative error < 1 % for k ≥ 3 and central p.
 */
export function chi2Quantile(p: number, k: number): number {
  if (k === 2) return -2 * Math.log(1 - p);
  const row = CHI2_TABLE[String(p)];
  if (row && Number.isInteger(k) && k >= 1 && k <= row.length) return row[k - 1];
  const z = normalQuantile(p);
  const h = 2 / (9 * k);
  const t = 1 - h + z * Math.sqrt(h);
  return k * t * t * t;
}

/**
 * Two-sided 95 % (by default) acceptance band for the average of N independent NEES/NIS values
 * of dimension n: [χ²_{α/2}(Nn)/N, χ²_{1−α/2}(Nn)/N] (Bar-Shalom, Li & Kirubarajan,
 * "Estimation with Applications to Tracking and Navigation" (2001), §5.4.2).
 */
export function chi2AverageBand(n: number, N: number, prob = 0.95): [number, number] {
  const a = (1 - prob) / 2;
  return [chi2Quantile(a, N * n) / N, chi2Quantile(1 - a, N * n) / N];
}
