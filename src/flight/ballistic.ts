/**
 * Free flight of a ballistic missile over a spherical, non-rotating Earth in vacuum: the closed
 * forms of Bate, Mueller & White (BMW), "Fundamentals of Astrodynamics", Dover (1971), ch. 6
 * (§6.2 the general ballistic missile problem, §6.3 time of free flight).
 *
 * The trajectory is the ellipse through the burnout point; re-entry is taken at the burnout radius,
 * so the free-flight arc is symmetric about apogee. Notation (BMW §6.2):
 *   r   burnout radius, v burnout speed, φ flight-path angle above the local horizontal,
 *   Q = v²r/μ  (Q = 1 is circular speed, Q = 2 escape),
 *   Ψ   free-flight range angle, the central angle from burnout to re-entry.
 * All angles in radians, SI units; the functions are pure and return NaN outside their domain
 * (as Math.asin does) so callers validate at the boundary. `minimumEnergyBallistic` is that
 * boundary for the `aspis ballistic` reference.
 */
import { AspisError } from '../core/errors.ts';
import { GM_EARTH_m3ps2, R_MEAN_m, RAD } from '../core/constants.ts';
import { eccentricFromTrue, meanFromEccentric } from './kepler.ts';

/** Q = v²r/μ, the burnout "speed parameter" (BMW §6.2). */
export const speedParameter = (r_m: number, v_mps: number, mu: number): number =>
  (v_mps * v_mps * r_m) / mu;

/**
 * Free-flight range angle Ψ from Q and φ, the free-flight range equation (BMW §6.2):
 *   cos(Ψ/2) = (1 − Q cos²φ) / √(1 + Q(Q − 2) cos²φ).
 * The denominator is the eccentricity and the numerator is −e cos ν_bo with ν_bo = π − Ψ/2 the
 * burnout true anomaly; the polar equation gives the matching e sin ν_bo = Q sin φ cos φ, so the atan2
 * form below is the same equation without the loss of digits of acos near Ψ = 0.
 * Defined for 0 < Q < 2 (elliptic) and 0 ≤ φ < π/2.
 */
export function freeFlightRangeAngle(Q: number, phi_rad: number): number {
  if (!(Q > 0 && Q < 2)) return NaN;
  const c = Math.cos(phi_rad);
  return 2 * Math.atan2(Q * Math.sin(phi_rad) * c, 1 - Q * c * c);
}

/**
 * The two burnout flight-path angles that give range angle Ψ at speed parameter Q (BMW §6.2):
 *   sin(2φ + Ψ/2) = ((2 − Q)/Q) sin(Ψ/2),
 * high trajectory first. NaN when Q is too small to reach Ψ (right side > 1) or an angle would be
 * negative (for Q > 1 only the high one is a real trajectory; BMW p. 291). Not for hot loops.
 */
export function flightPathAnglesForRange(Q: number, psi_rad: number): [number, number] {
  const s = ((2 - Q) / Q) * Math.sin(psi_rad / 2);
  if (!(Q > 0 && Q < 2) || !(s <= 1)) return [NaN, NaN];
  const a = Math.asin(s);
  const high = (Math.PI - a - psi_rad / 2) / 2;
  const low = (a - psi_rad / 2) / 2;
  return [high >= 0 ? high : NaN, low >= 0 ? low : NaN];
}

/**
 * Largest range angle reachable at speed parameter Q (BMW §6.2): sin(Ψ/2) = Q/(2 − Q).
 * Defined for 0 < Q ≤ 1; at Q = 1 it is π (the burnout is a circular-orbit grazing point).
 */
export function maxRangeAngle(Q: number): number {
  if (!(Q > 0 && Q <= 1)) return NaN;
  return 2 * Math.asin(Q / (2 - Q));
}

/**
 * Flight-path angle of the maximum-range trajectory at speed parameter Q (BMW §6.2):
 *   φ = ¼(π − Ψ_max(Q)).
 */
export const maxRangeFlightPathAngle = (Q: number): number => 0.25 * (Math.PI - maxRangeAngle(Q));

/**
 * Minimum speed parameter that reaches range angle Ψ, i.e. the minimum-energy trajectory
 * (BMW eq. 6.2-20; the maximum-range condition solved for Q): Q = 2 sin(Ψ/2) / (1 + sin(Ψ/2)). For 0 < Ψ < π.
 */
export function minimumEnergyQ(psi_rad: number): number {
  if (!(psi_rad > 0 && psi_rad < Math.PI)) return NaN;
  const s = Math.sin(psi_rad / 2);
  return (2 * s) / (1 + s);
}

/** Eccentricity of the free-flight ellipse, e² = 1 + Q(Q − 2) cos²φ (BMW §6.2, from e² = 1 + 2εh²/μ²). */
export function freeFlightEccentricity(Q: number, phi_rad: number): number {
  const c = Math.cos(phi_rad);
  return Math.sqrt(Math.max(0, 1 + Q * (Q - 2) * c * c));
}

/**
 * Apogee radius of the free-flight ellipse, r_a = a(1 + e) with a = r/(2 − Q) (the energy
 * equation ε = v²/2 − μ/r = −μ/2a written with Q) and e as above. For 0 < Q < 2.
 */
export function apogeeRadius(r_m: number, Q: number, phi_rad: number): number {
  if (!(Q > 0 && Q < 2)) return NaN;
  return (r_m / (2 - Q)) * (1 + freeFlightEccentricity(Q, phi_rad));
}

/**
 * Time of free flight from burnout back to the burnout radius (BMW §6.3):
 *   t_ff = 2 √(a³/μ) [(π − E₁) + e sin E₁],
 * Kepler's equation from the burnout eccentric anomaly E₁ to apogee (E = π) and doubled by
 * symmetry. E₁ follows from the burnout true anomaly ν₁ = π − Ψ/2. For 0 < Q < 2.
 */
export function timeOfFreeFlight(r_m: number, Q: number, phi_rad: number, mu: number): number {
  if (!(Q > 0 && Q < 2)) return NaN;
  const a = r_m / (2 - Q);
  const e = freeFlightEccentricity(Q, phi_rad);
  const nu1 = Math.PI - freeFlightRangeAngle(Q, phi_rad) / 2;
  const E1 = eccentricFromTrue(nu1, e);
  return 2 * Math.sqrt((a * a * a) / mu) * (Math.PI - meanFromEccentric(E1, e));
}

/** Where each input came from, for error messages: `{ file: '--range-km' }` on the CLI. */
export interface InputLabel {
  file?: string;
  path?: string;
}

export interface MinimumEnergyBallisticInput {
  /** Ground range along the sphere of radius `radius_m`, km, in (0, π·radius). */
  range_km: number;
  /** Burnout (and re-entry) altitude above that sphere, km, ≥ 0. Default 0. */
  burnoutAlt_km?: number;
  /** Radius of the spherical Earth, m. Default the IUGG mean radius 6 371 km. */
  radius_m?: number;
  /** Gravitational parameter, m³/s². Default WGS-84 GM. */
  mu?: number;
}

export interface MinimumEnergyBallistic {
  range_km: number;
  burnoutAlt_km: number;
  burnoutSpeed_mps: number;
  /** Above the local horizontal at burnout. */
  flightPathAngle_deg: number;
  /** Burnout to re-entry at the burnout altitude. */
  timeOfFlight_s: number;
  /** Above the sphere of radius `radius_m`. */
  apogeeAlt_km: number;
}

/**
 * The minimum-energy (maximum-range) ballistic trajectory for a ground range, the closed-form
 * reference of `aspis ballistic`. Model: spherical, non-rotating Earth of radius `radius_m`, point
 * mass gravity, vacuum; burnout and re-entry both at radius R + H; the free-flight range angle is
 * Ψ = range / R (the ground arc under the trajectory). Then Q = 2 sin(Ψ/2)/(1 + sin(Ψ/2)),
 * φ = (π − Ψ)/4, v = √(Qμ/(R + H)) (BMW §6.2), and the time and apogee from BMW §6.3.
 *
 * Throws AspisError (kind `input`) naming `where.<field>` (default: the field name as path) when
 * range, altitude, radius or μ is out of its domain or not finite.
 */
export function minimumEnergyBallistic(
  input: MinimumEnergyBallisticInput,
  where: {
    range_km?: InputLabel;
    burnoutAlt_km?: InputLabel;
    radius_m?: InputLabel;
    mu?: InputLabel;
  } = {},
): MinimumEnergyBallistic {
  const { range_km, burnoutAlt_km = 0, radius_m = R_MEAN_m, mu = GM_EARTH_m3ps2 } = input;
  const fail = (field: keyof typeof where, expected: string, got: unknown): never => {
    const label = where[field] ?? { path: field };
    throw new AspisError({ file: label.file, path: label.path, expected, got });
  };
  if (typeof radius_m !== 'number' || !Number.isFinite(radius_m) || !(radius_m > 0)) {
    fail('radius_m', 'a finite radius > 0 m', radius_m);
  }
  if (typeof mu !== 'number' || !Number.isFinite(mu) || !(mu > 0)) {
    fail('mu', 'a finite gravitational parameter > 0 m³/s²', mu);
  }
  const maxRange_km = (Math.PI * radius_m) / 1000;
  if (
    typeof range_km !== 'number' ||
    !Number.isFinite(range_km) ||
    !(range_km > 0 && range_km < maxRange_km)
  ) {
    fail('range_km', `a range in km between 0 and ${maxRange_km.toFixed(1)} (exclusive)`, range_km);
  }
  if (
    typeof burnoutAlt_km !== 'number' ||
    !Number.isFinite(burnoutAlt_km) ||
    !(burnoutAlt_km >= 0)
  ) {
    fail('burnoutAlt_km', 'a finite altitude ≥ 0 km', burnoutAlt_km);
  }

  const psi = (range_km * 1000) / radius_m;
  const r = radius_m + burnoutAlt_km * 1000;
  const Q = minimumEnergyQ(psi);
  const phi = 0.25 * (Math.PI - psi);
  return {
    range_km,
    burnoutAlt_km,
    burnoutSpeed_mps: Math.sqrt((Q * mu) / r),
    flightPathAngle_deg: phi * RAD,
    timeOfFlight_s: timeOfFreeFlight(r, Q, phi, mu),
    apogeeAlt_km: (apogeeRadius(r, Q, phi) - radius_m) / 1000,
  };
}
