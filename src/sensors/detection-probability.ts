/**
 * Probability of detection from SNR and false-alarm probability, single pulse (or SNR after
 * coherent integration), square-law or envelope detector with a fixed threshold.
 *
 * Swerling 0 (steady target): Pd = Q₁(√(2·SNR), √(−2 ln Pfa)), Marcum's Q function
 * (Marcum, "A statistical theory of target detection by pulsed radar", IRE Trans. IT-6, 1960;
 * Skolnik, "Introduction to Radar Systems", 3rd ed., 2001, §2.5 eq. 2.25 and Fig. 2.7).
 * Evaluated exactly through its Poisson-mixture form: the non-central χ² with 2 degrees of
 * freedom is a Poisson(SNR) mixture of central χ²(2n+2), and P(χ²(2n+2) > 2y) = P(Poisson(y) ≤ n),
 * so Pd = P(M ≤ N) with N ~ Poisson(SNR) and M ~ Poisson(−ln Pfa) independent (Richards,
 * "Fundamentals of Radar Signal Processing", 2005, §6.3.2). The sum runs over a window of ±12σ
 * of N, so the truncation error is below 1e-30.
 *
 * Swerling 1 (Rayleigh-fluctuating, scan-to-scan), single pulse: Pd = Pfa^(1/(1+SNR))
 * (Skolnik 2001 eq. 2.50; Richards 2005 eq. 6.60).
 */

/** ln Γ(x) for x > 0, Lanczos approximation (g = 7, 9 terms), |relative error| < 1e-15
 * (C. Lanczos, SIAM J. Numer. Anal. B 1, 1964; coefficients as in Press et al., "Numerical
 * Recipes", 3rd ed., 2007, §6.1 and Boost.Math). */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Swerling 0 (non-fluctuating) single-pulse Pd for a linear SNR and a false-alarm probability.
 * Pd(0) = Pfa; Pd → 1 as SNR → ∞.
 */
export function pdSwerling0(snr: number, pfa: number): number {
  if (!(pfa > 0 && pfa < 1)) throw new RangeError(`Pfa must be in (0, 1), got ${pfa}`);
  const x = snr > 0 ? snr : 0;
  const y = -Math.log(pfa);
  if (x === 0) return pfa;
  // N − M has mean x − y and variance x + y: beyond 12σ the answer is 1 to double precision.
  const sd = Math.sqrt(x + y);
  if (x - y > 12 * sd + 10) return 1;
  const sdN = Math.sqrt(x);
  const nLo = Math.max(0, Math.floor(x - 12 * sdN - 10));
  const nHi = Math.ceil(x + 12 * sdN + 10);
  // P(M ≤ n) for n < nLo, accumulated by the Poisson(y) recursion.
  let pM = Math.exp(-y);
  let cdfM = pM;
  for (let m = 1; m <= nLo; m++) {
    pM *= y / m;
    cdfM += pM;
  }
  // Poisson(x) pmf at nLo in log space (e^{−x} underflows for large x), then by recursion.
  let pN = Math.exp(-x + nLo * Math.log(x) - lnGamma(nLo + 1));
  let sum = pN * Math.min(cdfM, 1);
  for (let n = nLo + 1; n <= nHi; n++) {
    pN *= x / n;
    pM *= y / n;
    cdfM += pM;
    sum += pN * Math.min(cdfM, 1);
  }
  if (sum <= 0.5) return Math.max(0, sum);
  // Near Pd = 1 the forward sum loses the last digits to rounding; sum the miss probability
  // 1 − Pd = Σ P(N = n)·P(M > n) backward instead, so Pd stays monotone to the last bit.
  const lny = Math.log(y);
  let m = nHi + 1;
  let q = Math.exp(-y + m * lny - lnGamma(m + 1));
  let tail = 0;
  while (q > 1e-320 && m < nHi + 100000) {
    tail += q;
    m++;
    q *= y / m;
  }
  let pNb = Math.exp(-x + nHi * Math.log(x) - lnGamma(nHi + 1));
  let pMb = Math.exp(-y + nHi * lny - lnGamma(nHi + 1));
  let miss = 0;
  for (let n = nHi; n >= nLo; n--) {
    miss += pNb * tail;
    tail += pMb;
    pNb *= n / x;
    pMb *= n / y;
  }
  return Math.min(1, Math.max(0, 1 - miss));
}

/** Swerling 1 single-pulse Pd = Pfa^(1/(1+SNR)). */
export function pdSwerling1(snr: number, pfa: number): number {
  if (!(pfa > 0 && pfa < 1)) throw new RangeError(`Pfa must be in (0, 1), got ${pfa}`);
  const x = snr > 0 ? snr : 0;
  return Math.pow(pfa, 1 / (1 + x));
}

export type SwerlingCase = 0 | 1;

export function probabilityOfDetection(
  snr: number,
  pfa: number,
  swerling: SwerlingCase = 0,
): number {
  return swerling === 1 ? pdSwerling1(snr, pfa) : pdSwerling0(snr, pfa);
}

/** SNR (linear) needed for Swerling 1: SNR = ln Pfa / ln Pd − 1. */
export const requiredSnrSwerling1 = (pd: number, pfa: number): number =>
  Math.log(pfa) / Math.log(pd) - 1;

/** SNR (linear) needed for Swerling 0, by bisection on log SNR (Pd is monotone in SNR). */
export function requiredSnrSwerling0(pd: number, pfa: number): number {
  if (!(pd > pfa && pd < 1)) throw new RangeError(`Pd must be in (Pfa, 1), got ${pd}`);
  let lo = -40;
  let hi = 60;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (pdSwerling0(Math.pow(10, mid / 10), pfa) < pd) lo = mid;
    else hi = mid;
  }
  return Math.pow(10, (0.5 * (lo + hi)) / 10);
}
