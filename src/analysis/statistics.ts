/**
 * Estimates with confidence intervals for the analysis layer (DESIGN.md §7: "Summaries carry
 * estimates with 95 % confidence intervals (Wilson for proportions)").
 *
 * - Wilson score interval for a binomial proportion: E. B. Wilson, "Probable inference, the law of
 *   succession, and statistical inference", J. Am. Stat. Assoc. 22 (1927) 209–212; recommended
 *   over the Wald interval by A. Agresti & B. A. Coull, "Approximate is better than 'exact' for
 *   interval estimation of binomial proportions", Am. Stat. 52 (1998) 119–126.
 * - Student-t interval for a mean, with the t quantile obtained by inverting the t CDF written as
 *   a regularised incomplete beta function (Abramowitz & Stegun 26.7.1 / 26.5.27), evaluated by
 *   the modified Lentz continued fraction (Press et al., Numerical Recipes, 3rd ed., §6.4).
 * - Normal quantile: P. J. Acklam's rational approximation (2003, relative error 1.15e-9) refined
 *   by one Halley step on an accurate normal CDF (erfc from the regularised incomplete gamma
 *   function, Numerical Recipes §6.2), which brings it to about machine precision.
 * - Percentile bootstrap for a mean (B. Efron & R. Tibshirani, An Introduction to the Bootstrap,
 *   1993, ch. 13), driven by a counter-based RandomStream so that it is deterministic.
 * - Streaming mean/variance: B. P. Welford, Technometrics 4 (1962) 419–420; merging of partial
 *   results: T. F. Chan, G. H. Golub & R. J. LeVeque, "Updating formulae and a pairwise algorithm
 *   for computing sample variances", Stanford CS report STAN-CS-79-773 (1979).
 *
 * Pure: no Node built-ins, no allocation beyond results; runs in a browser or worker.
 */
import type { RandomStream } from '../core/random.ts';

/** A point estimate with a two-sided confidence interval. */
export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
  /** Two-sided confidence level, e.g. 0.95. */
  confidence: number;
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must lie in (0, 1), got ${confidence}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Special functions
// ---------------------------------------------------------------------------------------------

/**
 * ln Γ(x) for x > 0: Lanczos approximation with g = 7, n = 9 (coefficients as tabulated by
 * P. Godfrey; relative error ~1e-15), with the reflection formula not needed for x > 0.
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lnGamma needs x > 0, got ${x}`);
  if (x < 0.5) {
    // Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Stirling-series remainder of ln Γ(x): ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], x ≥ 10. */
function stirlingTail(x: number): number {
  const r = 1 / (x * x);
  return (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r / 1680))) / x;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When the larger argument is ≥ 10 the difference
 * ln Γ(big + small) − ln Γ(big) is formed from Stirling's series without cancelling two large
 * logarithms, so the t CDF keeps its digits for ν up to 1e7 and beyond.
 */
export function lnBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 10) return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  const s = big + small;
  const lnGammaRatio = // ln Γ(s) − ln Γ(big)
    (big - 0.5) * Math.log1p(small / big) +
    small * Math.log(s) -
    small +
    stirlingTail(s) -
    stirlingTail(big);
  return lnGamma(small) - lnGammaRatio;
}

const TINY = 1e-300;
const EPS = 1e-16;

/** Regularised lower incomplete gamma P(a, x) by its series (x < a + 1). */
function gammaPSeries(a: number, x: number): number {
  let sum = 1 / a;
  let term = sum;
  let ap = a;
  for (let i = 0; i < 100000; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

/** Regularised upper incomplete gamma Q(a, x) by its continued fraction (x ≥ a + 1). */
function gammaQContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a). */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQContinuedFraction(a, x);
}

/** Complementary error function, erfc(x) = Q(½, x²) for x ≥ 0, relative error ~1e-15. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  return regularizedGammaQ(0.5, x * x);
}

/** Standard normal CDF Φ(x) = ½ erfc(−x/√2). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

// Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal cumulative
// distribution function", 2003).
const AA = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const AB = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const AC = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const AD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Inverse of the standard normal CDF: Acklam's approximation plus one Halley refinement. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must lie in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((AC[0] * q + AC[1]) * q + AC[2]) * q + AC[3]) * q + AC[4]) * q + AC[5]) /
      ((((AD[0] * q + AD[1]) * q + AD[2]) * q + AD[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((AA[0] * r + AA[1]) * r + AA[2]) * r + AA[3]) * r + AA[4]) * r + AA[5]) * q) /
      (((((AB[0] * r + AB[1]) * r + AB[2]) * r + AB[3]) * r + AB[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((AC[0] * q + AC[1]) * q + AC[2]) * q + AC[3]) * q + AC[4]) * q + AC[5]) /
      ((((AD[0] * q + AD[1]) * q + AD[2]) * q + AD[3]) * q + 1);
  }
  // One Halley step (Acklam's refinement). In the upper tail work with the upper tail
  // probability so that 1 − p does not lose digits.
  const e = x > 0 ? -(0.5 * erfc(x / Math.SQRT2) - (1 - p)) : 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Continued fraction of the incomplete beta function (Numerical Recipes §6.4, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 1_000_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta function I_x(a, b), a, b > 0, x in [0, 1]. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x must lie in [0, 1], got ${x}`);
  return incompleteBeta(x, 1 - x, a, b);
}

/** I_x(a, b) given both x and y = 1 − x (y passed exactly when x is close to 1). */
function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  // Logarithms from whichever of x, y is small, so that large a or b do not magnify rounding.
  const lnX = y < 0.5 ? Math.log1p(-y) : Math.log(x);
  const lnY = x < 0.5 ? Math.log1p(-x) : Math.log(y);
  const lnFront = a * lnX + b * lnY - lnBeta(a, b);
  const front = Math.exp(lnFront);
  // The continued fraction converges fast for x < (a + 1)/(a + b + 2); use symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** Upper tail P(T > t) of Student's t with `dof` degrees of freedom, for t ≥ 0. */
function studentTUpperTail(t: number, dof: number): number {
  // A&S 26.7.1: P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0. Written with t² in the
  // denominator so that large t keeps its digits.
  // 1 − x = t²/(ν + t²) is formed directly: for small t, 1 − x would keep few digits.
  const d = dof + t * t;
  return 0.5 * incompleteBeta(dof / d, (t * t) / d, dof / 2, 0.5);
}

/** Student t CDF P(T ≤ t); `dof` > 0 (real), `Infinity` gives the normal CDF. */
export function studentTCdf(t: number, dof: number): number {
  if (!(dof > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${dof}`);
  if (dof === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return t >= 0 ? 1 - studentTUpperTail(t, dof) : studentTUpperTail(-t, dof);
}

function studentTDensity(t: number, dof: number): number {
  const lnC = -lnBeta(dof / 2, 0.5) - 0.5 * Math.log(dof); // Γ(½) = √π
  return Math.exp(lnC - ((dof + 1) / 2) * Math.log1p((t * t) / dof));
}

/**
 * Quantile of Student's t: the t with P(T ≤ t) = p. Closed forms for ν = 1 (Cauchy) and ν = 2;
 * otherwise safeguarded Newton iteration on the upper tail from a bracket, converged to ~1e-14
 * relative (far inside the 1e-6 asked of it). ν = Infinity gives the normal quantile.
 */
export function studentTQuantile(p: number, dof: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must lie in [0, 1], got ${p}`);
  if (!(dof > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${dof}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (dof === Infinity) return normalQuantile(p);
  if (p < 0.5) return -studentTQuantile(1 - p, dof);
  const q = 1 - p; // upper tail, exact in binary for the usual p
  if (dof === 1) return 1 / Math.tan(Math.PI * q); // Cauchy: t = tan(π(p − ½)) = cot(πq)
  if (dof === 2) return (2 * p - 1) / Math.sqrt(2 * p * q);
  if (dof >= 1e5) {
    // Large ν: the Cornish–Fisher expansion in 1/ν (Abramowitz & Stegun 26.7.5); the first
    // omitted term is O(ν⁻⁵) < 1e-20 here, while ln Γ of huge arguments would cost digits.
    const z = normalQuantile(p);
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
    return z + (g1 + (g2 + (g3 + g4 / dof) / dof) / dof) / dof;
  }
  // Bracket [lo, hi] with tail(lo) ≥ q > tail(hi).
  let lo = 0;
  let hi = Math.max(1, normalQuantile(p));
  while (studentTUpperTail(hi, dof) > q) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  let t = Math.min(Math.max(normalQuantile(p), lo), hi);
  if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const f = studentTUpperTail(t, dof) - q; // decreasing in t
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    const dens = studentTDensity(t, dof);
    let next = t + f / dens; // Newton on tail(t) − q, with d tail/dt = −density
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next) || hi - lo <= 1e-15 * hi) return next;
    t = next;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Intervals
// ---------------------------------------------------------------------------------------------

/**
 * Wilson score interval for a binomial proportion x/n (Wilson 1927; Agresti & Coull 1998):
 *   centre = (p̂ + z²/2n) / (1 + z²/n),
 *   half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),  z = Φ⁻¹((1 + confidence)/2).
 * No continuity correction (Newcombe 1998, method 3). The bounds are exactly 0 for x = 0 and
 * exactly 1 for x = n. With n = 0 nothing is known: estimate NaN and interval [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  checkConfidence(confidence);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`trials must be a non-negative integer, got ${n}`);
  }
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, ${n}], got ${successes}`);
  }
  if (n === 0) return { estimate: NaN, lo: 0, hi: 1, confidence };
  const z = normalQuantile((1 + confidence) / 2);
  const z2 = z * z;
  const p = successes / n;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return { estimate: p, lo, hi, confidence };
}

/** Sample size, mean and unbiased variance of a sample (what a t interval needs). */
export interface MeanSummary {
  n: number;
  mean: number;
  /** Unbiased sample variance (divisor n − 1); NaN when n < 2. */
  variance: number;
}

/**
 * Student-t interval for a mean: mean ± t_{(1+c)/2, n−1} · s/√n. Accepts raw values or a
 * summary (e.g. from `RunningStats`). With n < 2 the spread is unknown: bounds are NaN
 * (n = 1) and the estimate is NaN for n = 0.
 */
export function tInterval(data: ArrayLike<number> | MeanSummary, confidence = 0.95): Interval {
  checkConfidence(confidence);
  const s = isSummary(data) ? data : RunningStats.of(data).summary();
  if (s.n < 2) return { estimate: s.n === 1 ? s.mean : NaN, lo: NaN, hi: NaN, confidence };
  const t = studentTQuantile((1 + confidence) / 2, s.n - 1);
  const half = t * Math.sqrt(s.variance / s.n);
  return { estimate: s.mean, lo: s.mean - half, hi: s.mean + half, confidence };
}

function isSummary(d: ArrayLike<number> | MeanSummary): d is MeanSummary {
  return typeof (d as MeanSummary).mean === 'number' && typeof (d as MeanSummary).n === 'number';
}

/**
 * Sample quantile by linear interpolation between order statistics (Hyndman & Fan 1996,
 * type 7, R's default). `sorted` must be in ascending order.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  if (i >= n - 1) return sorted[n - 1];
  return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
}

export interface BootstrapOptions {
  confidence?: number;
  /** Number of bootstrap resamples B (default 2000). */
  resamples?: number;
}

/**
 * Percentile bootstrap interval for the mean (Efron & Tibshirani 1993, §13.3): draw B resamples
 * of size n with replacement (index = ⌊u·n⌋ from `stream.uniform()`), take their means, and
 * report the (1 − c)/2 and (1 + c)/2 type-7 quantiles of those means. Deterministic for a
 * given stream: pass e.g. `randomStream(seed, 0, 'analysis/bootstrap/interceptors')`.
 * The estimate is the sample mean.
 */
export function bootstrapMeanInterval(
  values: ArrayLike<number>,
  stream: RandomStream,
  options: BootstrapOptions = {},
): Interval {
  const confidence = options.confidence ?? 0.95;
  checkConfidence(confidence);
  const B = options.resamples ?? 2000;
  if (!Number.isSafeInteger(B) || B < 1) {
    throw new RangeError(`resamples must be an integer ≥ 1, got ${B}`);
  }
  const n = values.length;
  if (n === 0) return { estimate: NaN, lo: NaN, hi: NaN, confidence };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const means = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(stream.uniform() * n)];
    means[b] = s / n;
  }
  means.sort();
  const alpha = 1 - confidence;
  return {
    estimate: sum / n,
    lo: quantileSorted(means, alpha / 2),
    hi: quantileSorted(means, 1 - alpha / 2),
    confidence,
  };
}

// ---------------------------------------------------------------------------------------------
// Streaming accumulator
// ---------------------------------------------------------------------------------------------

/** Plain-data state of a RunningStats (what a worker posts back; JSON-safe except ±Infinity). */
export interface RunningStatsState {
  n: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  m2: number;
  min: number;
  max: number;
}

/**
 * Streaming count, mean, variance, min and max (Welford 1962), mergeable (Chan, Golub & LeVeque
 * 1979): δ = b.mean − a.mean, n = nₐ + n_b, mean = a.mean + δ·n_b/n, M2 = M2ₐ + M2_b + δ²·nₐn_b/n.
 *
 * Determinism. Floating-point merging is commutative in exact arithmetic but not bit-for-bit
 * associative, so a result depends on the shape of the merge tree. The Monte Carlo layer gets
 * bit-identical summaries for any number of workers and any completion order by
 * 1. fixing batch boundaries from the run configuration alone (batch b = trials
 *    [b·B, (b+1)·B), B not depending on the worker count),
 * 2. accumulating each batch with `push` in trial order, and
 * 3. folding the batch results left to right in batch order, `total.merge(batch[0])`,
 *    `total.merge(batch[1])`, … — `OrderedMerge` does this whatever order batches arrive in.
 * Then the sequence of floating-point operations is fixed, hence so are the result bits. Counts
 * (n, and integer tallies such as leakers) are exact integers below 2⁵³ and are order-free.
 */
export class RunningStats {
  n = 0;
  mean = 0;
  m2 = 0;
  min = Infinity;
  max = -Infinity;

  static of(values: ArrayLike<number>): RunningStats {
    const s = new RunningStats();
    for (let i = 0; i < values.length; i++) s.push(values[i]);
    return s;
  }

  static fromState(state: RunningStatsState): RunningStats {
    const s = new RunningStats();
    s.n = state.n;
    s.mean = state.mean;
    s.m2 = state.m2;
    s.min = state.min;
    s.max = state.max;
    return s;
  }

  push(x: number): this {
    this.n += 1;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    return this;
  }

  /** Adds the observations summarised by `other` to this one (Chan et al. 1979). */
  merge(other: RunningStats | RunningStatsState): this {
    if (other.n === 0) return this;
    if (this.n === 0) {
      this.n = other.n;
      this.mean = other.mean;
      this.m2 = other.m2;
      this.min = other.min;
      this.max = other.max;
      return this;
    }
    const n = this.n + other.n;
    const delta = other.mean - this.mean;
    this.mean += (delta * other.n) / n;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.n = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    return this;
  }

  /** Unbiased sample variance (divisor n − 1); NaN when n < 2. */
  get variance(): number {
    return this.n < 2 ? NaN : this.m2 / (this.n - 1);
  }

  get stdDev(): number {
    return Math.sqrt(this.variance);
  }

  summary(): MeanSummary {
    return { n: this.n, mean: this.n === 0 ? NaN : this.mean, variance: this.variance };
  }

  state(): RunningStatsState {
    return { n: this.n, mean: this.mean, m2: this.m2, min: this.min, max: this.max };
  }
}

/**
 * Folds partial results in index order whatever order they arrive in: `add(i, part)` buffers
 * part i and merges every contiguous part from the next expected index on. After all parts
 * 0..k−1 have been added, `result` is bit-identical to `parts[0] ⊕ parts[1] ⊕ … ⊕ parts[k−1]`
 * folded left to right, for any arrival order (the determinism rule of `RunningStats`).
 */
export class OrderedMerge<T> {
  private readonly pending = new Map<number, T>();
  private nextIndex = 0;

  constructor(
    readonly result: T,
    private readonly mergeInto: (acc: T, part: T) => void,
  ) {}

  /** Index of the next part the fold waits for (= number of parts folded so far). */
  get folded(): number {
    return this.nextIndex;
  }

  add(index: number, part: T): void {
    if (!Number.isSafeInteger(index) || index < this.nextIndex || this.pending.has(index)) {
      throw new RangeError(`part ${index} is out of range or was already added`);
    }
    this.pending.set(index, part);
    for (let p = this.pending.get(this.nextIndex); p !== undefined;) {
      this.pending.delete(this.nextIndex);
      this.mergeInto(this.result, p);
      this.nextIndex++;
      p = this.pending.get(this.nextIndex);
    }
  }
}
