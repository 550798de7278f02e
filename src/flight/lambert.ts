/**
 * Lambert's problem, single revolution: the conic from r₁ to r₂ in a given time of flight about a
 * point mass. Universal-variable formulation of Curtis, "Orbital Mechanics for Engineering
 * Students", 3rd ed. (2014), Algorithm 5.2 (eqs. 5.35–5.46), equivalently Vallado,
 * "Fundamentals of Astrodynamics and Applications", 4th ed. (2013), Algorithm 58, solved with a
 * bracketed Newton iteration so that it cannot diverge. Allocation-free.
 *
 * With z = αχ² (α = 1/a) the time of flight is
 *   √μ Δt = (y/C)^{3/2} S + A √y,  y(z) = r₁ + r₂ + A (zS − 1)/√C,  A = sin Δθ √(r₁r₂/(1 − cos Δθ)),
 * S = S(z), C = C(z) the Stumpff functions. For a single revolution z lies below 4π², where the
 * time grows without bound; on the admissible set y > 0 it increases with z, and it falls to zero as
 * y → 0⁺ (A > 0) or z → −∞ (A < 0). So every Δt > 0 has exactly one solution, which a bracket
 * [z_lo, 4π²) holds; Newton steps that would leave the bracket are replaced by bisection.
 */
import { stumpffC, stumpffS } from './kepler.ts';

const Z_MAX = 4 * Math.PI * Math.PI;
/** Below this z, cosh√−z overflows double precision (√−z ≈ 700); no solution is sought there. */
const Z_MIN = -4.5e5;

export interface LambertOptions {
  /**
   * Take the transfer angle Δθ in (π, 2π) instead of (0, π). The short way moves along
   * h ∝ r₁ × r₂ and the long way along −(r₁ × r₂); choose the one whose sense you want
   * (prograde about +z: longWay = (r₁ × r₂)_z < 0).
   */
  longWay?: boolean;
}

/**
 * Solves Lambert's problem for one revolution, writing the departure velocity at r₁ into `outV1`
 * and the arrival velocity at r₂ into `outV2`. Returns false (writing NaN) when there is no unique
 * solution: r₁ and r₂ collinear (the transfer plane is undefined), Δt ≤ 0, non-finite input, or a
 * Δt so short that the hyperbola is beyond double precision.
 */
export function lambert(
  r1: ArrayLike<number>,
  r2: ArrayLike<number>,
  tof_s: number,
  mu: number,
  opts: LambertOptions,
  outV1: Float64Array,
  outV2: Float64Array,
): boolean {
  const ax = r1[0];
  const ay = r1[1];
  const az = r1[2];
  const bx = r2[0];
  const by = r2[1];
  const bz = r2[2];
  const r1n = Math.sqrt(ax * ax + ay * ay + az * az);
  const r2n = Math.sqrt(bx * bx + by * by + bz * bz);
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  const sinShort = Math.sqrt(cx * cx + cy * cy + cz * cz) / (r1n * r2n);
  const cosDth = (ax * bx + ay * by + az * bz) / (r1n * r2n);
  if (
    !(tof_s > 0) ||
    !(mu > 0) ||
    !Number.isFinite(tof_s) ||
    !(sinShort > 1e-12) ||
    !Number.isFinite(sinShort) ||
    !Number.isFinite(cosDth)
  ) {
    return fail(outV1, outV2);
  }
  // 1 − cos Δθ = 2 sin²(Δθ/2), from the half angle of the short-way angle (same for the long way).
  const halfShort = 0.5 * Math.atan2(sinShort, cosDth);
  const oneMinusCos = 2 * Math.sin(halfShort) ** 2;
  const sinDth = opts.longWay ? -sinShort : sinShort;
  const A = sinDth * Math.sqrt((r1n * r2n) / oneMinusCos); // Curtis eq. 5.35
  const sqrtMu = Math.sqrt(mu);
  const target = sqrtMu * tof_s;
  const rSum = r1n + r2n;

  // Bracket: hi is the single-revolution limit (Δt → ∞); lo is pushed down until Δt(lo) < target.
  let hi = Z_MAX;
  let lo = -Z_MAX;
  for (;;) {
    const C = stumpffC(lo);
    const S = stumpffS(lo);
    const y = rSum + (A * (lo * S - 1)) / Math.sqrt(C);
    if (y <= 0) break; // the time of flight tends to 0 as y → 0⁺
    const F = Math.pow(y / C, 1.5) * S + A * Math.sqrt(y) - target;
    if (F < 0) break;
    hi = lo;
    lo *= 2;
    if (lo < Z_MIN) return fail(outV1, outV2);
  }

  let z = lo < 0 && hi > 0 ? 0 : 0.5 * (lo + hi);
  for (let k = 0; k < 200; k++) {
    const C = stumpffC(z);
    const S = stumpffS(z);
    const sqrtC = Math.sqrt(C);
    const y = rSum + (A * (z * S - 1)) / sqrtC;
    let next: number;
    if (!(y > 0)) {
      lo = z;
      next = 0.5 * (lo + hi);
    } else {
      const u = y / C;
      const sqrtU = Math.sqrt(u);
      const sqrtY = Math.sqrt(y);
      const F = u * sqrtU * S + A * sqrtY - target;
      if (F === 0) break;
      if (F < 0) lo = z;
      else hi = z;
      // dF/dz from the Stumpff derivatives, written to stay accurate near z = 0.
      const dC = stumpffCPrime(z, C, S);
      const dS = stumpffSPrime(z, C, S);
      const dy = A * ((S + z * dS) / sqrtC - ((z * S - 1) * dC) / (2 * C * sqrtC));
      const du = (dy * C - y * dC) / (C * C);
      const dF = 1.5 * sqrtU * du * S + u * sqrtU * dS + (A * dy) / (2 * sqrtY);
      next = z - F / dF;
      if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    }
    const step = Math.abs(next - z);
    z = next;
    if (step <= 1e-15 * Math.max(1, Math.abs(z)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(z))) {
      break;
    }
  }
  const y = rSum + (A * (z * stumpffS(z) - 1)) / Math.sqrt(stumpffC(z));
  if (!(y > 0)) return fail(outV1, outV2);

  // Lagrange coefficients (Curtis eq. 5.46).
  const f = 1 - y / r1n;
  const g = A * Math.sqrt(y / mu);
  const gDot = 1 - y / r2n;
  const ig = 1 / g;
  outV1[0] = (bx - f * ax) * ig;
  outV1[1] = (by - f * ay) * ig;
  outV1[2] = (bz - f * az) * ig;
  outV2[0] = (gDot * bx - ax) * ig;
  outV2[1] = (gDot * by - ay) * ig;
  outV2[2] = (gDot * bz - az) * ig;
  return Number.isFinite(outV1[0] + outV1[1] + outV1[2] + outV2[0] + outV2[1] + outV2[2]);
}

function fail(outV1: Float64Array, outV2: Float64Array): false {
  outV1[0] = outV1[1] = outV1[2] = NaN;
  outV2[0] = outV2[1] = outV2[2] = NaN;
  return false;
}

/**
 * dC/dz = (1 − zS − 2C)/(2z), from differentiating the definitions (Curtis §5.3, behind eq. 5.43),
 * by its Maclaurin series Σ k(−z)^{k−1}(−1)/(2k+2)! for |z| < 1 where the closed form cancels.
 */
function stumpffCPrime(z: number, C: number, S: number): number {
  if (Math.abs(z) >= 1) return (1 - z * S - 2 * C) / (2 * z);
  // C = Σ (−z)^k/(2k+2)!  ⇒  C′ = Σ_{k≥1} −k(−z)^{k−1}/(2k+2)!
  let p = 1; // (−z)^{k−1}
  let fact = 24; // (2k+2)! at k = 1
  let sum = 0;
  for (let k = 1; k <= 12; k++) {
    sum -= (k * p) / fact;
    p *= -z;
    fact *= (2 * k + 3) * (2 * k + 4);
  }
  return sum;
}

/** dS/dz = (C − 3S)/(2z), by its Maclaurin series for |z| < 1 (same reason as above). */
function stumpffSPrime(z: number, C: number, S: number): number {
  if (Math.abs(z) >= 1) return (C - 3 * S) / (2 * z);
  // S = Σ (−z)^k/(2k+3)!  ⇒  S′ = Σ_{k≥1} −k(−z)^{k−1}/(2k+3)!
  let p = 1;
  let fact = 120; // 5!
  let sum = 0;
  for (let k = 1; k <= 12; k++) {
    sum -= (k * p) / fact;
    p *= -z;
    fact *= (2 * k + 4) * (2 * k + 5);
  }
  return sum;
}
