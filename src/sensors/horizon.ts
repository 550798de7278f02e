/**
 * Radar horizon with standard atmospheric refraction: the effective-Earth (k-Earth) model.
 *
 * In a standard atmosphere the refractive index falls with height at ≈ −39e-9 per metre, which
 * bends rays downward with curvature ≈ 1/4 of the Earth's. Replacing the Earth radius R by
 * a_e = kR with k = 4/3 lets rays be drawn straight (Skolnik, "Introduction to Radar Systems",
 * 3rd ed., 2001, §8.2 eq. 8.4; Doerry, "Earth curvature and atmospheric refraction effects on
 * radar signal propagation", Sandia SAND2012-10690, 2013). Ground ranges and heights are the
 * same in the true and in the effective geometry, so horizon and masking tests are done there.
 *
 * Derivation of the 4.12 rule: a ray from height h grazing the effective Earth touches it at
 * central angle ψ with cos ψ = a_e/(a_e + h); the ground distance is
 *   d = a_e · acos(a_e/(a_e + h)) ≈ √(2 a_e h)   (h ≪ a_e, from cos ψ ≈ 1 − ψ²/2).
 * With R = 6,371 km and k = 4/3, √(2 · 8,494,667 m · h) = 4,121.8 m · √(h/m), i.e.
 *   d_km = 4.12 (√h_radar_m + √h_target_m).
 */
import { R_MEAN_m } from '../core/constants.ts';
import { angleBetween } from '../core/vec3.ts';

/** Standard-atmosphere effective Earth radius factor (Skolnik 2001 §8.2). */
export const K_STANDARD = 4 / 3;

/** Exact ground distance (m) from a point at height h to its horizon on the k-Earth. */
export function horizonGroundRange_m(
  h_m: number,
  k = K_STANDARD,
  earthRadius_m = R_MEAN_m,
): number {
  if (h_m <= 0) return 0;
  const ae = k * earthRadius_m;
  return ae * Math.acos(ae / (ae + h_m));
}

/**
 * Maximum ground distance (m) at which a target at height hTarget_m is above the horizon of a
 * radar at height hRadar_m (exact k-Earth geometry).
 */
export function radarHorizonRange_m(
  hRadar_m: number,
  hTarget_m: number,
  k = K_STANDARD,
  earthRadius_m = R_MEAN_m,
): number {
  return (
    horizonGroundRange_m(hRadar_m, k, earthRadius_m) +
    horizonGroundRange_m(hTarget_m, k, earthRadius_m)
  );
}

/** The rule of thumb d_km = 4.12 (√h_radar_m + √h_target_m) (Skolnik 2001 eq. 8.5 in SI form). */
export const horizonRule412_km = (hRadar_m: number, hTarget_m: number): number =>
  4.12 * (Math.sqrt(Math.max(0, hRadar_m)) + Math.sqrt(Math.max(0, hTarget_m)));

/**
 * Slant range (m) from the radar to a target at height hTarget_m that sits exactly on the
 * radar horizon (used for the `radar-range` command's horizon range).
 */
export function horizonSlantRange_m(
  hRadar_m: number,
  hTarget_m: number,
  k = K_STANDARD,
  earthRadius_m = R_MEAN_m,
): number {
  const ae = k * earthRadius_m;
  const psi = radarHorizonRange_m(hRadar_m, hTarget_m, k, earthRadius_m) / ae;
  const r1 = ae + Math.max(0, hRadar_m);
  const r2 = ae + Math.max(0, hTarget_m);
  return Math.sqrt(r1 * r1 + r2 * r2 - 2 * r1 * r2 * Math.cos(psi));
}

/** True when a straight line on the k-Earth between the two points clears the surface. */
export function lineOfSightClears(
  hRadar_m: number,
  hTarget_m: number,
  groundRange_m: number,
  k = K_STANDARD,
  earthRadius_m = R_MEAN_m,
): boolean {
  return groundRange_m <= radarHorizonRange_m(hRadar_m, hTarget_m, k, earthRadius_m);
}

/**
 * Apparent (refracted) elevation angle of a target seen from a radar, on the k-Earth:
 * with ψ = d/a_e, el = atan2((a_e + h_t) cos ψ − (a_e + h_r), (a_e + h_t) sin ψ).
 * With k = 1 it is the geometric elevation over a spherical Earth.
 */
export function refractedElevation_rad(
  hRadar_m: number,
  hTarget_m: number,
  groundRange_m: number,
  k = K_STANDARD,
  earthRadius_m = R_MEAN_m,
): number {
  const ae = k * earthRadius_m;
  const psi = groundRange_m / ae;
  const rt = ae + hTarget_m;
  return Math.atan2(rt * Math.cos(psi) - (ae + hRadar_m), rt * Math.sin(psi));
}

/** Great-circle ground distance (m) between the sub-points of two ECEF (or ECI) positions. */
export const groundRangeBetween_m = (
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  earthRadius_m = R_MEAN_m,
): number => earthRadius_m * angleBetween(a, b);
