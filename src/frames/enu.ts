/**
 * Local East-North-Up frames at geodetic sites (WGS-84), and azimuth / elevation / range.
 * ENU axes at geodetic latitude φ and longitude λ, expressed in ECEF (Vallado, "Fundamentals of
 * Astrodynamics and Applications", §3.4; the topocentric-horizon frame with "up" along the
 * ellipsoid normal):
 *   e = (−sinλ, cosλ, 0)
 *   n = (−sinφ cosλ, −sinφ sinλ, cosφ)
 *   u = ( cosφ cosλ,  cosφ sinλ, sinφ)
 * Azimuth is measured from north, clockwise (towards east), in [0, 2π); elevation from the local
 * horizontal plane (the plane normal to u). Every function writes into `out` and allocates
 * nothing; `out` may alias a vector input.
 */
import { geodeticToEcef } from './wgs84.ts';
import { WGS84_A_m, WGS84_E2 } from '../core/constants.ts';

/**
 * Rotation matrix taking ECEF vectors to ENU at a site, row-major 3×3 (rows e, n, u):
 * v_enu = M · v_ecef. `out` needs 9 elements.
 */
export function enuFromEcef(lat_rad: number, lon_rad: number, out: Float64Array): Float64Array {
  const sLat = Math.sin(lat_rad);
  const cLat = Math.cos(lat_rad);
  const sLon = Math.sin(lon_rad);
  const cLon = Math.cos(lon_rad);
  out[0] = -sLon;
  out[1] = cLon;
  out[2] = 0;
  out[3] = -sLat * cLon;
  out[4] = -sLat * sLon;
  out[5] = cLat;
  out[6] = cLat * cLon;
  out[7] = cLat * sLon;
  out[8] = sLat;
  return out;
}

/** ENU coordinates of an ECEF point relative to a site (its ECEF position, latitude, longitude). */
export function ecefToEnu(
  siteEcef_m: ArrayLike<number>,
  lat_rad: number,
  lon_rad: number,
  targetEcef_m: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const dx = targetEcef_m[0] - siteEcef_m[0];
  const dy = targetEcef_m[1] - siteEcef_m[1];
  const dz = targetEcef_m[2] - siteEcef_m[2];
  return rotateToEnu(lat_rad, lon_rad, dx, dy, dz, out);
}

/** ECEF point of ENU coordinates `enu_m` relative to a site (inverse of `ecefToEnu`). */
export function enuToEcef(
  siteEcef_m: ArrayLike<number>,
  lat_rad: number,
  lon_rad: number,
  enu_m: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const sx = siteEcef_m[0];
  const sy = siteEcef_m[1];
  const sz = siteEcef_m[2];
  rotateFromEnu(lat_rad, lon_rad, enu_m[0], enu_m[1], enu_m[2], out);
  out[0] += sx;
  out[1] += sy;
  out[2] += sz;
  return out;
}

/**
 * Azimuth (from north, clockwise, [0, 2π)), elevation ([−π/2, π/2]) and range of an ECEF target
 * seen from a geodetic site: out = [az_rad, el_rad, range_m]. Straight up (or down) the azimuth
 * is whatever rounding leaves in the horizontal components (0 when they are exactly 0).
 */
export function azElRange(
  siteLat_rad: number,
  siteLon_rad: number,
  siteAlt_m: number,
  targetEcef_m: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  // Site ECEF inline (geodeticToEcef without an out vector) to stay allocation-free.
  const sLat = Math.sin(siteLat_rad);
  const cLat = Math.cos(siteLat_rad);
  const n = WGS84_A_m / Math.sqrt(1 - WGS84_E2 * sLat * sLat);
  const rho = (n + siteAlt_m) * cLat;
  const dx = targetEcef_m[0] - rho * Math.cos(siteLon_rad);
  const dy = targetEcef_m[1] - rho * Math.sin(siteLon_rad);
  const dz = targetEcef_m[2] - (n * (1 - WGS84_E2) + siteAlt_m) * sLat;
  rotateToEnu(siteLat_rad, siteLon_rad, dx, dy, dz, out);
  const e = out[0];
  const nn = out[1];
  const u = out[2];
  const horiz = Math.hypot(e, nn);
  let az = Math.atan2(e, nn);
  // A tiny negative azimuth plus 2π rounds to 2π itself, which is north again.
  if (az < 0) az += 2 * Math.PI;
  if (az >= 2 * Math.PI) az = 0;
  out[0] = az;
  out[1] = Math.atan2(u, horiz);
  out[2] = Math.hypot(horiz, u);
  return out;
}

/** ECEF point at an azimuth, elevation and range from a geodetic site (inverse of `azElRange`). */
export function azElRangeToEcef(
  siteLat_rad: number,
  siteLon_rad: number,
  siteAlt_m: number,
  az_rad: number,
  el_rad: number,
  range_m: number,
  out: Float64Array,
): Float64Array {
  const cEl = Math.cos(el_rad);
  const e = range_m * cEl * Math.sin(az_rad);
  const nn = range_m * cEl * Math.cos(az_rad);
  const u = range_m * Math.sin(el_rad);
  rotateFromEnu(siteLat_rad, siteLon_rad, e, nn, u, out);
  const dx = out[0];
  const dy = out[1];
  const dz = out[2];
  geodeticToEcef(siteLat_rad, siteLon_rad, siteAlt_m, out);
  out[0] += dx;
  out[1] += dy;
  out[2] += dz;
  return out;
}

function rotateToEnu(
  lat_rad: number,
  lon_rad: number,
  dx: number,
  dy: number,
  dz: number,
  out: Float64Array,
): Float64Array {
  const sLat = Math.sin(lat_rad);
  const cLat = Math.cos(lat_rad);
  const sLon = Math.sin(lon_rad);
  const cLon = Math.cos(lon_rad);
  const t = cLon * dx + sLon * dy; // component along the meridian plane's horizontal axis
  out[0] = -sLon * dx + cLon * dy;
  out[1] = -sLat * t + cLat * dz;
  out[2] = cLat * t + sLat * dz;
  return out;
}

function rotateFromEnu(
  lat_rad: number,
  lon_rad: number,
  e: number,
  n: number,
  u: number,
  out: Float64Array,
): Float64Array {
  const sLat = Math.sin(lat_rad);
  const cLat = Math.cos(lat_rad);
  const sLon = Math.sin(lon_rad);
  const cLon = Math.cos(lon_rad);
  const t = -sLat * n + cLat * u; // horizontal component in the meridian plane
  out[0] = -sLon * e + cLon * t;
  out[1] = cLon * e + sLon * t;
  out[2] = cLat * n + sLat * u;
  return out;
}
