/**
 * Earth gravitation: point mass and point mass + J2 zonal term.
 *
 * Positions are in any Earth-centred frame whose z axis is the rotation axis (ECI or ECEF): the
 * zonal field is symmetric about that axis, so the formulas hold in both. These are force models
 * only (Orekit habit): they know nothing of the integrator and are called inside its derivative,
 * so they allocate nothing and write into `out`.
 *
 * Constants (core/constants.ts): GM = 3.986004418e14 m³/s² and the J2 reference radius
 * a = 6 378 137 m (NIMA TR8350.2, Table 3.1); J2 = 1.08262998905e-3 (WGS-84 C̄20 × −√5).
 *
 * The result is gravitation only: no centrifugal term (that belongs to a rotating-frame
 * equation of motion, not to the force model).
 */
import { GM_EARTH_m3ps2, J2_EARTH, WGS84_A_m } from '../core/constants.ts';

/** 3/2 · J2 · a² — the J2 acceleration's common factor. */
/** Module-local copy: read on every force evaluation, and a local binding is the cheapest. */
const GM = GM_EARTH_m3ps2;
const J2_TERM_m2 = 1.5 * J2_EARTH * WGS84_A_m * WGS84_A_m;
/** J2 · a² / 2 — the potential's common factor. */
const J2_POT_m2 = 0.5 * J2_EARTH * WGS84_A_m * WGS84_A_m;

/**
 * Point-mass (Keplerian) gravitational acceleration a = −GM r / |r|³, m/s².
 * Bate, Mueller & White, "Fundamentals of Astrodynamics" (1971), §1.3, the two-body equation.
 */
export function gravityPointMass(pos: ArrayLike<number>, out: Float64Array): Float64Array {
  const x = pos[0];
  const y = pos[1];
  const z = pos[2];
  const r2 = x * x + y * y + z * z;
  const k = -GM / (r2 * Math.sqrt(r2));
  out[0] = k * x;
  out[1] = k * y;
  out[2] = k * z;
  return out;
}

/**
 * Point mass + J2 gravitational acceleration, m/s² (Vallado, "Fundamentals of Astrodynamics and
 * Applications", 4th ed., 2013, ch. 8, the J2 acceleration in Cartesian components, eq. 8-30):
 *
 *   aₓ = −GM x/r³ · [1 + 3/2 J2 (a/r)² (1 − 5 z²/r²)]
 *   a_y = −GM y/r³ · [1 + 3/2 J2 (a/r)² (1 − 5 z²/r²)]
 *   a_z = −GM z/r³ · [1 + 3/2 J2 (a/r)² (3 − 5 z²/r²)]
 *
 * It is −∇ of `gravityPotentialJ2` (checked by central differences in the tests).
 */
export function gravityJ2(pos: ArrayLike<number>, out: Float64Array): Float64Array {
  const x = pos[0];
  const y = pos[1];
  const z = pos[2];
  const r2 = x * x + y * y + z * z;
  const k = -GM / (r2 * Math.sqrt(r2));
  const c = J2_TERM_m2 / r2;
  const s = (5 * z * z) / r2;
  const kxy = k * (1 + c * (1 - s));
  out[0] = kxy * x;
  out[1] = kxy * y;
  out[2] = k * (1 + c * (3 - s)) * z;
  return out;
}

/**
 * Gravitational potential energy per unit mass of the point mass + J2 field, J/kg (negative,
 * zero at infinity), so that the acceleration is −∇V and the specific energy ½v² + V is
 * conserved in an inertial frame without drag or thrust:
 *
 *   V = −GM/r · [1 − J2 (a/r)² P₂(z/r)],  P₂(s) = (3 s² − 1)/2
 *
 * (Vallado 2013, ch. 8, the zonal-harmonic potential truncated after n = 2.)
 */
export function gravityPotentialJ2(pos: ArrayLike<number>): number {
  const x = pos[0];
  const y = pos[1];
  const z = pos[2];
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  return (-GM / r) * (1 - (J2_POT_m2 / r2) * ((3 * z * z) / r2 - 1));
}
