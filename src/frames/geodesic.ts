/**
 * Geodesics on the WGS-84 ellipsoid: thin wrapper over `geographiclib-geodesic` (C. F. F. Karney,
 * "Algorithms for geodesics", J. Geodesy 87 (2013) 43–55, doi:10.1007/s00190-012-0578-z),
 * accurate to ≈ 15 nm and convergent for every pair of points, antipodes included. Degrees at this
 * boundary because scenario files and the package use them; these run per scenario set-up, not
 * per step, so returning small objects is fine.
 */
// The package is CommonJS; under NodeNext its module.exports is the default import.
import geographiclib from 'geographiclib-geodesic';
import { AspisError } from '../core/errors.ts';

const WGS84 = geographiclib.Geodesic.WGS84;
/** Ask only for what we return (lat/lon/azimuth/distance); skips reduced length and area. */
const OUT_MASK =
  geographiclib.Geodesic.LATITUDE |
  geographiclib.Geodesic.LONGITUDE |
  geographiclib.Geodesic.AZIMUTH |
  geographiclib.Geodesic.DISTANCE;

export interface GeodesicInverse {
  /** Length of the shortest geodesic between the points. */
  distance_m: number;
  /** Azimuth of the geodesic at the first point, clockwise from north, (−180, 180]. */
  azi1_deg: number;
  /** Forward azimuth of the geodesic at the second point, (−180, 180]. */
  azi2_deg: number;
}

export interface GeodesicDirect {
  lat_deg: number;
  /** Longitude of the end point, reduced to [−180, 180]. */
  lon_deg: number;
  /** Forward azimuth at the end point, (−180, 180]. */
  azi2_deg: number;
}

/**
 * Throws an AspisError unless lat_deg ∈ [−90, 90] and lon_deg ∈ [−180, 360) (both finite).
 * `where.path` names the object holding the pair (e.g. `threats[0].target`); the error path
 * appends `.lat_deg` or `.lon_deg`.
 */
export function validateLatLon(
  lat_deg: number,
  lon_deg: number,
  where: { file?: string; path: string },
): void {
  if (typeof lat_deg !== 'number' || !(lat_deg >= -90 && lat_deg <= 90)) {
    throw new AspisError({
      file: where.file,
      path: `${where.path}.lat_deg`,
      expected: 'a latitude in degrees between -90 and 90',
      got: lat_deg,
    });
  }
  if (typeof lon_deg !== 'number' || !(lon_deg >= -180 && lon_deg < 360)) {
    throw new AspisError({
      file: where.file,
      path: `${where.path}.lon_deg`,
      expected: 'a longitude in degrees, at least -180 and below 360',
      got: lon_deg,
    });
  }
}

/** Shortest geodesic between two points: its length and its azimuths at both ends. */
export function geodesicInverse(
  lat1_deg: number,
  lon1_deg: number,
  lat2_deg: number,
  lon2_deg: number,
): GeodesicInverse {
  validateLatLon(lat1_deg, lon1_deg, { path: 'geodesicInverse.from' });
  validateLatLon(lat2_deg, lon2_deg, { path: 'geodesicInverse.to' });
  const r = WGS84.Inverse(lat1_deg, lon1_deg, lat2_deg, lon2_deg, OUT_MASK);
  return { distance_m: r.s12 ?? NaN, azi1_deg: r.azi1 ?? NaN, azi2_deg: r.azi2 ?? NaN };
}

/** End point and end azimuth of the geodesic leaving a point at `azi_deg` for `distance_m`. */
export function geodesicDirect(
  lat_deg: number,
  lon_deg: number,
  azi_deg: number,
  distance_m: number,
): GeodesicDirect {
  validateLatLon(lat_deg, lon_deg, { path: 'geodesicDirect.from' });
  if (!Number.isFinite(azi_deg)) {
    throw new AspisError({
      path: 'geodesicDirect.azi_deg',
      expected: 'a finite azimuth in degrees',
      got: azi_deg,
    });
  }
  if (!Number.isFinite(distance_m)) {
    throw new AspisError({
      path: 'geodesicDirect.distance_m',
      expected: 'a finite distance in metres',
      got: distance_m,
    });
  }
  const r = WGS84.Direct(lat_deg, lon_deg, azi_deg, distance_m, OUT_MASK);
  return { lat_deg: r.lat2 ?? NaN, lon_deg: r.lon2 ?? NaN, azi2_deg: r.azi2 ?? NaN };
}
