/**
 * The little geometry the treaty rules need: distances and azimuths on the WGS-84 ellipsoid
 * (frames/geodesic.ts, Karney 2013) and angle differences.
 */
import { geodesicInverse } from '../frames/geodesic.ts';
import type { LatLon } from './facts.ts';

export const distance_m = (a: LatLon, b: LatLon): number =>
  geodesicInverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg).distance_m;

/** Azimuth from a to b, degrees clockwise from north in [0, 360). */
export function azimuth_deg(a: LatLon, b: LatLon): number {
  const az = geodesicInverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg).azi1_deg;
  return ((az % 360) + 360) % 360;
}

/** Smallest angle between two azimuths, degrees in [0, 180]. */
export function angleBetween_deg(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
