/**
 * Kepler's equation and its companions: anomaly conversions and the Stumpff functions of the
 * universal-variable formulation. Pure functions of plain numbers; nothing allocates.
 *
 * Sources:
 * - Vallado, D. A., "Fundamentals of Astrodynamics and Applications", 4th ed. (2013), §2.2–2.3,
 *   Algorithm 2 (KepEqtnE), Algorithm 4 (KepEqtnH), eqs. 2-9, 2-10, 2-35.
 * - Curtis, H. D., "Orbital Mechanics for Engineering Students", 3rd ed. (2014), §3.7,
 *   eqs. 3.52 (Stumpff functions S(z), C(z)).
 */

const TWO_PI = 2 * Math.PI;

/**
 * Stumpff function C(z) = (1 − cos√z)/z for z > 0, (cosh√−z − 1)/(−z) for z < 0, 1/2 at 0
 * (Curtis eq. 3.52b). Written with half-angle squares so no digits are lost to cancellation, and
 * as its Maclaurin series near 0 (the series terms fall as 1/(2k+2)!, so 9 terms reach 1e-20).
 */
export function stumpffC(z: number): number {
  if (z > 1) {
    const s = Math.sin(0.5 * Math.sqrt(z));
    return (2 * s * s) / z;
  }
  if (z < -1) {
    const s = Math.sinh(0.5 * Math.sqrt(-z));
    return (2 * s * s) / -z;
  }
  // 1/2! − z/4! + z²/6! − … (Horner form of the alternating series).
  let term = 1;
  let sum = 0;
  for (let k = 0; k < 10; k++) {
    term = k === 0 ? 0.5 : (-term * z) / ((2 * k + 1) * (2 * k + 2));
    sum += term;
  }
  return sum;
}

/**
 * Stumpff function S(z) = (√z − sin√z)/√z³ for z > 0, (sinh√−z − √−z)/√−z³ for z < 0, 1/6 at 0
 * (Curtis eq. 3.52a). Series near 0 for the same reason as `stumpffC`.
 */
export function stumpffS(z: number): number {
  if (z > 1) {
    const sz = Math.sqrt(z);
    return (sz - Math.sin(sz)) / (z * sz);
  }
  if (z < -1) {
    const sz = Math.sqrt(-z);
    return (Math.sinh(sz) - sz) / (-z * sz);
  }
  // 1/3! − z/5! + z²/7! − …
  let term = 0;
  let sum = 0;
  for (let k = 0; k < 10; k++) {
    term = k === 0 ? 1 / 6 : (-term * z) / ((2 * k + 2) * (2 * k + 3));
    sum += term;
  }
  return sum;
}

/** Mean anomaly from eccentric anomaly, Kepler's equation M = E − e sin E (Vallado eq. 2-4). */
export const meanFromEccentric = (E_rad: number, e: number): number => E_rad - e * Math.sin(E_rad);

/**
 * Eccentric anomaly E from true anomaly ν for an ellipse (0 ≤ e < 1), in the same revolution as ν
 * (atan2 form of Vallado eq. 2-9, exact at ν = ±π).
 */
export function eccentricFromTrue(nu_rad: number, e: number): number {
  const E = Math.atan2(Math.sqrt(1 - e * e) * Math.sin(nu_rad), e + Math.cos(nu_rad));
  return E + TWO_PI * Math.round((nu_rad - E) / TWO_PI);
}

/** True anomaly ν from eccentric anomaly E for an ellipse, same revolution (Vallado eq. 2-10). */
export function trueFromEccentric(E_rad: number, e: number): number {
  const nu = Math.atan2(Math.sqrt(1 - e * e) * Math.sin(E_rad), Math.cos(E_rad) - e);
  return nu + TWO_PI * Math.round((E_rad - nu) / TWO_PI);
}

/**
 * Solves Kepler's equation M = E − e sin E for E (0 ≤ e < 1) by Newton–Raphson (Vallado
 * Algorithm 2). For |M| in [0, π] the root lies in [0, π], where f(E) = E − e sin E − |M| is
 * increasing and convex; the starter E₀ = min(|M| + e, π) is never below the root (the root is
 * |M| + e sin E ≤ |M| + e), so the iteration descends monotonically onto it for every e < 1.
 * The result lies in the same revolution as M.
 */
export function solveKeplerElliptic(M_rad: number, e: number): number {
  const rev = Math.round(M_rad / TWO_PI);
  const M = M_rad - rev * TWO_PI; // in [−π, π]
  const m = Math.abs(M);
  let E = Math.min(m + e, Math.PI);
  for (let i = 0; i < 60; i++) {
    const dE = (E - e * Math.sin(E) - m) / (1 - e * Math.cos(E));
    E -= dE;
    if (Math.abs(dE) <= 1e-15 * (1 + E)) break;
  }
  return (M < 0 ? -E : E) + rev * TWO_PI;
}

/** Hyperbolic Kepler's equation M = e sinh F − F (Vallado eq. 2-38). */
export const meanFromHyperbolic = (F: number, e: number): number => e * Math.sinh(F) - F;

/**
 * Solves the hyperbolic Kepler equation M = e sinh F − F for F (e > 1) by Newton–Raphson
 * (Vallado Algorithm 4). For M ≥ 0, f(F) = e sinh F − F − M is increasing and convex on F ≥ 0.
 * Since e sinh F − F ≥ (e − 1)F the root is at most M/(e − 1), hence at most
 * asinh((M + M/(e − 1))/e) = asinh(M/(e − 1)); starting there, Newton descends monotonically.
 * Odd in M.
 */
export function solveKeplerHyperbolic(M: number, e: number): number {
  const m = Math.abs(M);
  let F = Math.asinh(m / (e - 1));
  for (let i = 0; i < 200; i++) {
    const dF = (e * Math.sinh(F) - F - m) / (e * Math.cosh(F) - 1);
    F -= dF;
    if (Math.abs(dF) <= 1e-15 * (1 + F)) break;
  }
  return M < 0 ? -F : F;
}

/** Hyperbolic anomaly F from true anomaly ν (e > 1, |ν| below the asymptote; Vallado eq. 2-35). */
export function hyperbolicFromTrue(nu_rad: number, e: number): number {
  return 2 * Math.atanh(Math.sqrt((e - 1) / (e + 1)) * Math.tan(nu_rad / 2));
}

/** True anomaly ν from hyperbolic anomaly F (e > 1; Vallado eq. 2-35). */
export function trueFromHyperbolic(F: number, e: number): number {
  return 2 * Math.atan(Math.sqrt((e + 1) / (e - 1)) * Math.tanh(F / 2));
}
