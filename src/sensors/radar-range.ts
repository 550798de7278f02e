/**
 * How far a radar sees a target of given RCS at a given altitude, and what limits it: the range
 * equation (detection), the 4/3-Earth horizon, the minimum elevation of its beam, or its
 * instrumented range. Used by `aspis radar-range` and as the first guess of `coverage.ts`.
 *
 * Geometry (the same split as radar.ts `radarLook`, so the answers agree with a look):
 * - horizon and apparent elevation on the k-Earth, k = 4/3 (horizon.ts; Skolnik, "Introduction
 *   to Radar Systems", 3rd ed., 2001, §8.2): ground ranges and heights are the same in the true
 *   and in the effective geometry;
 * - slant range (what the range equation and the instrumented range apply to) is the straight
 *   line between the two points over a sphere of radius R_MEAN (6,371 km):
 *   S² = r₁² + r₂² − 2r₁r₂ cos(d/R), r = R + h.
 * Slant range grows and apparent elevation falls monotonically with ground range d (up to the
 * horizon), so each limit is one ground range and the effective range is the least of them.
 */
import { DEG, R_MEAN_m } from '../core/constants.ts';
import { type RadarParams, detectionRange_m } from './radar-equation.ts';
import { K_STANDARD, radarHorizonRange_m, refractedElevation_rad } from './horizon.ts';

export type RangeLimit = 'detection' | 'horizon' | 'instrumented' | 'min-elevation';

export interface RadarRangeResult {
  /** Range-equation range at requiredSnr_dB (free space, no geometry). */
  detectionRange_m: number;
  /** Slant range to a target at targetAlt_m on the 4/3-Earth horizon. */
  horizonRange_m: number;
  /** Slant range at which the target sinks to minElevation_deg (≥ the horizon when 0° or less). */
  minElevationRange_m: number;
  instrumentedRange_m: number;
  /** The least of the four slant ranges above. */
  effectiveRange_m: number;
  /** Ground (great-circle, R_MEAN) distance from the radar to the target at effectiveRange_m. */
  effectiveGroundRange_m: number;
  /** Nearest ground range at which the target is below maxElevation_deg (0 if never above). */
  minGroundRange_m: number;
  limitedBy: RangeLimit;
  /** False when no ground range satisfies every limit (e.g. detection range below the altitude). */
  visible: boolean;
}

/** Slant range (m) between points at heights h1, h2 separated by ground range d (sphere R_MEAN). */
export function slantFromGround_m(d_m: number, h1_m: number, h2_m: number): number {
  const r1 = R_MEAN_m + h1_m;
  const r2 = R_MEAN_m + h2_m;
  return Math.sqrt(Math.max(0, r1 * r1 + r2 * r2 - 2 * r1 * r2 * Math.cos(d_m / R_MEAN_m)));
}

/** Ground range (m) at which the slant range is s (the inverse of slantFromGround_m); −1 if never. */
export function groundFromSlant_m(s_m: number, h1_m: number, h2_m: number): number {
  const r1 = R_MEAN_m + h1_m;
  const r2 = R_MEAN_m + h2_m;
  if (s_m < Math.abs(r2 - r1)) return -1;
  const c = (r1 * r1 + r2 * r2 - s_m * s_m) / (2 * r1 * r2);
  return R_MEAN_m * Math.acos(Math.min(1, Math.max(-1, c)));
}

/**
 * Ground range in [0, dMax] where the apparent elevation of a target at hT equals el_rad
 * (elevation falls with ground range); 0 if it is below el_rad already at 0, dMax if still above.
 */
export function groundRangeAtElevation_m(
  hR_m: number,
  hT_m: number,
  el_rad: number,
  dMax_m: number,
): number {
  const el = (d: number): number => refractedElevation_rad(hR_m, hT_m, d, K_STANDARD);
  if (el(0) <= el_rad) return 0;
  if (el(dMax_m) >= el_rad) return dMax_m;
  let lo = 0;
  let hi = dMax_m;
  for (let i = 0; i < 60 && hi - lo > 1e-3; i++) {
    const mid = 0.5 * (lo + hi);
    if (el(mid) > el_rad) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The limits on seeing a target of RCS `rcs_m2` at altitude `targetAlt_m` from a radar at
 * `siteAlt_m` (heights above the surface; negative site heights count as 0, as in radarLook).
 */
export function radarRange(
  p: RadarParams,
  rcs_m2: number,
  targetAlt_m: number,
  siteAlt_m = 0,
): RadarRangeResult {
  const hR = Math.max(0, siteAlt_m);
  const hT = targetAlt_m;
  const dHorizon = radarHorizonRange_m(hR, Math.max(0, hT), K_STANDARD);
  const dMinEl = groundRangeAtElevation_m(hR, hT, p.minElevation_deg * DEG, dHorizon);
  const detection = detectionRange_m(p, rcs_m2);
  const instrumented = p.maxInstrumentedRange_m;
  const dDetection = groundFromSlant_m(detection, hR, hT);
  const dInstrumented = groundFromSlant_m(instrumented, hR, hT);
  // Ties go to the earlier entry: the horizon before the elevation limit it coincides with.
  const limits: [RangeLimit, number][] = [
    ['detection', dDetection],
    ['horizon', dHorizon],
    ['instrumented', dInstrumented],
    ['min-elevation', dMinEl],
  ];
  let [limitedBy, dEff] = limits[0];
  for (const [name, d] of limits.slice(1))
    if (d < dEff) {
      limitedBy = name;
      dEff = d;
    }
  const dNear = groundRangeAtElevation_m(hR, hT, p.maxElevation_deg * DEG, dHorizon);
  const visible = hT >= 0 && dEff >= 0 && dNear <= dEff;
  const slant = (d: number): number => slantFromGround_m(d, hR, hT);
  return {
    detectionRange_m: detection,
    horizonRange_m: slant(dHorizon),
    minElevationRange_m: slant(dMinEl),
    instrumentedRange_m: instrumented,
    effectiveRange_m: Math.min(detection, instrumented, slant(dHorizon), slant(dMinEl)),
    effectiveGroundRange_m: Math.max(0, dEff),
    minGroundRange_m: dNear,
    limitedBy,
    visible,
  };
}
