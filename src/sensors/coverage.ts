/**
 * Ground coverage of a radar against a target at a fixed altitude: for each azimuth of its
 * sector, the interval of ground ranges [near, far] over which a target at that altitude would
 * be detected by one deterministic look (radar.ts `radarLook`: 4/3-Earth horizon, elevation
 * limits on the apparent elevation, instrumented range, SNR ≥ requiredSnr_dB). The near edge
 * comes from the maximum elevation (a target almost overhead is outside the beam), so the
 * footprint is an annulus sector in general.
 *
 * Geometry: target points are placed on WGS-84 geodesics from the site (frames/geodesic.ts,
 * Karney 2013) at the target altitude above the ellipsoid, and judged by `radarLook` itself, so
 * the footprint is exactly what the sensor model would see. The azimuth sector is imposed by
 * the azimuths sampled (the look's own sector test is switched off, so that a ray on the sector
 * edge is not lost to the difference between geodesic and ENU azimuths). Along each ray,
 * visibility is one interval (elevation falls and slant range grows with ground range), found by
 * sampling seeded with the spherical estimate of radar-range.ts and refined by bisection to 1 m.
 */
import { DEG } from '../core/constants.ts';
import { geodesicDirect } from '../frames/geodesic.ts';
import { geodeticToEcef } from '../frames/wgs84.ts';
import type { RadarParams } from './radar-equation.ts';
import { type LookReason, createRadarSite, newLookResult, radarLook } from './radar.ts';
import { K_STANDARD, radarHorizonRange_m } from './horizon.ts';
import { type RangeLimit, radarRange } from './radar-range.ts';

export interface CoverageInput {
  params: RadarParams;
  lat_deg: number;
  lon_deg: number;
  siteAlt_m?: number;
  targetAlt_m: number;
  rcs_m2: number;
  /** Boresight azimuth, clockwise from north; the catalog's azimuthCenter_deg when absent. */
  boresightAz_deg?: number;
  /** Spacing of the rays; 1° when absent. */
  azimuthStep_deg?: number;
}

export interface CoverageRay {
  az_deg: number;
  /** Nearest and farthest ground (geodesic) range of detection; both 0 when none. */
  near_m: number;
  far_m: number;
  /** What ends detection beyond far_m. */
  limitedBy: RangeLimit;
  visible: boolean;
}

export interface Coverage {
  /** True when the sector is all round (azimuthHalfWidth_deg = 180). */
  fullCircle: boolean;
  /** Rays in increasing azimuth; for a sector, the first and last lie on its edges. */
  rays: CoverageRay[];
  maxGroundRange_m: number;
  minGroundRange_m: number;
  /** The limit at the farthest ray. */
  limitedBy: RangeLimit;
  visible: boolean;
}

const SAMPLES = 48;
const TOL_m = 1;

const REASON_LIMIT: Partial<Record<LookReason, RangeLimit>> = {
  'below-horizon': 'horizon',
  'outside-fov': 'min-elevation',
  'beyond-instrumented-range': 'instrumented',
  'low-snr': 'detection',
};

export function radarCoverage(input: CoverageInput): Coverage {
  const p = input.params;
  const siteAlt_m = input.siteAlt_m ?? 0;
  const hT = input.targetAlt_m;
  const center = input.boresightAz_deg ?? p.azimuthCenter_deg;
  // Sector imposed by the sampled azimuths; the look tests everything else.
  const lookParams: RadarParams = { ...p, azimuthHalfWidth_deg: 180, azimuthCenter_deg: 0 };
  const site = createRadarSite(
    'coverage',
    lookParams,
    input.lat_deg * DEG,
    input.lon_deg * DEG,
    siteAlt_m,
  );
  const look = newLookResult();
  const target = new Float64Array(3);
  const still = new Float64Array(3);
  const lookAt = (az_deg: number, d_m: number): LookReason => {
    const g = geodesicDirect(input.lat_deg, input.lon_deg, az_deg, d_m);
    geodeticToEcef(g.lat_deg * DEG, g.lon_deg * DEG, hT, target);
    return radarLook(
      site,
      target,
      still,
      input.rcs_m2,
      { time_s: 0, theta_rad: 0 },
      undefined,
      look,
    ).reason;
  };

  const guess = radarRange(p, input.rcs_m2, hT, siteAlt_m);
  // The look's masking uses R_MEAN × central angle; geodesic distances differ by < 0.5 %.
  const dUpper = radarHorizonRange_m(Math.max(0, siteAlt_m), Math.max(0, hT), K_STANDARD) * 1.02;
  const samples = [...Array.from({ length: SAMPLES + 1 }, (_, i) => (dUpper * i) / SAMPLES)];
  if (guess.visible)
    samples.push(
      guess.minGroundRange_m,
      guess.effectiveGroundRange_m * 0.999,
      0.5 * (guess.minGroundRange_m + guess.effectiveGroundRange_m),
    );
  samples.sort((a, b) => a - b);

  const fullCircle = p.azimuthHalfWidth_deg >= 180;
  const step = input.azimuthStep_deg ?? 1;
  const azimuths: number[] = [];
  if (fullCircle) {
    const n = Math.max(3, Math.round(360 / step));
    for (let i = 0; i < n; i++) azimuths.push(center + (360 * i) / n);
  } else {
    const n = Math.max(1, Math.ceil((2 * p.azimuthHalfWidth_deg) / step));
    for (let i = 0; i <= n; i++)
      azimuths.push(center - p.azimuthHalfWidth_deg + (2 * p.azimuthHalfWidth_deg * i) / n);
  }

  const rays = azimuths.map((az): CoverageRay => {
    const ok = samples.map((d) => lookAt(az, d) === 'ok');
    const first = ok.indexOf(true);
    if (first < 0)
      return { az_deg: az, near_m: 0, far_m: 0, limitedBy: guess.limitedBy, visible: false };
    const last = ok.lastIndexOf(true);
    const near =
      first === 0 ? 0 : edge(samples[first - 1], samples[first], (d) => lookAt(az, d) === 'ok');
    const far =
      last === samples.length - 1
        ? samples[last]
        : edge(samples[last + 1], samples[last], (d) => lookAt(az, d) === 'ok');
    const beyond = lookAt(az, far + TOL_m);
    return {
      az_deg: az,
      near_m: near,
      far_m: far,
      limitedBy: REASON_LIMIT[beyond] ?? guess.limitedBy,
      visible: true,
    };
  });

  const seen = rays.filter((r) => r.visible);
  const farthest = seen.reduce<CoverageRay | undefined>(
    (a, r) => (!a || r.far_m > a.far_m ? r : a),
    undefined,
  );
  return {
    fullCircle,
    rays,
    maxGroundRange_m: farthest?.far_m ?? 0,
    minGroundRange_m: seen.length ? Math.min(...seen.map((r) => r.near_m)) : 0,
    limitedBy: farthest?.limitedBy ?? guess.limitedBy,
    visible: seen.length > 0,
  };
}

/**
 * Bisection between a ground range where the predicate is false (`outside`) and one where it is
 * true (`inside`); returns the inside end, to within TOL_m.
 */
function edge(outside: number, inside: number, isIn: (d: number) => boolean): number {
  let o = outside;
  let i = inside;
  for (let k = 0; k < 64 && Math.abs(o - i) > TOL_m; k++) {
    const mid = 0.5 * (o + i);
    if (isIn(mid)) i = mid;
    else o = mid;
  }
  return i;
}
