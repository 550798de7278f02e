/**
 * ECI ↔ ECEF for the simulator's Earth: a rotation about the z axis by the Earth rotation angle
 * θ (time/epoch.ts `earthRotationAngle_rad`), turning at the constant WGS-84 rate ω
 * (DESIGN.md §2). Precession, nutation and polar motion are neglected: with θ0 = GMST at the
 * scenario epoch, ECI's x axis is the mean equinox of that epoch, held fixed for the run (a
 * J2000-like frame good to the ≈ 0.014°/yr of precession since 2000).
 *
 * r_ecef = R3(θ) r_eci with R3(θ) = [[cosθ, sinθ, 0], [−sinθ, cosθ, 0], [0, 0, 1]]
 * (Vallado, "Fundamentals of Astrodynamics and Applications", §3.7). Every function writes into
 * `out`, allocates nothing and tolerates `out` aliasing an input.
 */
import { OMEGA_EARTH_radps } from '../core/constants.ts';

const W = OMEGA_EARTH_radps;

/** ECEF position of an ECI position at Earth angle `theta_rad`. */
export function ecefFromEci(
  posEci_m: ArrayLike<number>,
  theta_rad: number,
  out: Float64Array,
): Float64Array {
  const c = Math.cos(theta_rad);
  const s = Math.sin(theta_rad);
  const x = posEci_m[0];
  const y = posEci_m[1];
  out[0] = c * x + s * y;
  out[1] = -s * x + c * y;
  out[2] = posEci_m[2];
  return out;
}

/** ECI position of an ECEF position at Earth angle `theta_rad` (the transpose rotation). */
export function eciFromEcef(
  posEcef_m: ArrayLike<number>,
  theta_rad: number,
  out: Float64Array,
): Float64Array {
  const c = Math.cos(theta_rad);
  const s = Math.sin(theta_rad);
  const x = posEcef_m[0];
  const y = posEcef_m[1];
  out[0] = c * x - s * y;
  out[1] = s * x + c * y;
  out[2] = posEcef_m[2];
  return out;
}

/**
 * Earth-relative velocity (ECEF) of a body with ECI position and velocity:
 * v_ecef = R3(θ) (v_eci − ω × r_eci), ω = (0, 0, ω) (transport theorem).
 */
export function velEcefFromEci(
  posEci_m: ArrayLike<number>,
  velEci_mps: ArrayLike<number>,
  theta_rad: number,
  out: Float64Array,
): Float64Array {
  // ω × r = (−ω y, ω x, 0)
  const vx = velEci_mps[0] + W * posEci_m[1];
  const vy = velEci_mps[1] - W * posEci_m[0];
  const vz = velEci_mps[2];
  const c = Math.cos(theta_rad);
  const s = Math.sin(theta_rad);
  out[0] = c * vx + s * vy;
  out[1] = -s * vx + c * vy;
  out[2] = vz;
  return out;
}

/**
 * Inertial velocity (ECI) of a body with ECEF position and velocity:
 * v_eci = R3(θ)ᵀ (v_ecef + ω × r_ecef) (a rotation about z commutes with ω ×).
 */
export function velEciFromEcef(
  posEcef_m: ArrayLike<number>,
  velEcef_mps: ArrayLike<number>,
  theta_rad: number,
  out: Float64Array,
): Float64Array {
  const vx = velEcef_mps[0] - W * posEcef_m[1];
  const vy = velEcef_mps[1] + W * posEcef_m[0];
  const vz = velEcef_mps[2];
  const c = Math.cos(theta_rad);
  const s = Math.sin(theta_rad);
  out[0] = c * vx - s * vy;
  out[1] = s * vx + c * vy;
  out[2] = vz;
  return out;
}
