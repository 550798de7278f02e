/**
 * WGS-84 geodetic (LLA) ↔ ECEF. Ellipsoid constants from NIMA TR8350.2 (core/constants.ts).
 * All functions write into `out` and allocate nothing: sensors and flight call them per step.
 */
import { WGS84_A_m, WGS84_B_m, WGS84_E2, WGS84_F } from '../core/constants.ts';

/** (1 − f)² = 1 − e² */
const E2M = (1 - WGS84_F) * (1 - WGS84_F);
/** e⁴ */
const E4 = WGS84_E2 * WGS84_E2;

/**
 * ECEF position of a geodetic point: (N + h) cosφ cosλ, (N + h) cosφ sinλ, (N(1 − e²) + h) sinφ
 * with the prime-vertical radius N = a / √(1 − e² sin²φ) (NIMA TR8350.2, eq. 4-14).
 */
export function geodeticToEcef(
  lat_rad: number,
  lon_rad: number,
  alt_m: number,
  out: Float64Array,
): Float64Array {
  const sinLat = Math.sin(lat_rad);
  const cosLat = Math.cos(lat_rad);
  const n = WGS84_A_m / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  const r = (n + alt_m) * cosLat;
  out[0] = r * Math.cos(lon_rad);
  out[1] = r * Math.sin(lon_rad);
  out[2] = (n * E2M + alt_m) * sinLat;
  return out;
}

/**
 * Geodetic latitude, longitude and height above the ellipsoid of an ECEF point, written as
 * out = [lat_rad, lon_rad, alt_m]. Closed form of H. Vermeille, "An analytical method to
 * transform geocentric into geodetic coordinates", J. Geodesy 85 (2011) 105–117, with the
 * cancellation-avoiding rearrangements of C. F. F. Karney's GeographicLib `Geocentric` class
 * (2009–2023). No iteration; ECEF → LLA → ECEF reproduces the point to ≈ 1 nm near the surface
 * and < 1 µm out to 1e9 m, at the poles, at the centre and deep inside the Earth (tests).
 * Within ≈ 43 km of the centre (inside the evolute) several surface normals pass through a
 * point; the nearest foot point is returned. On the polar axis the longitude is 0 (any value
 * is valid); `ecef` may alias `out`.
 */
export function ecefToGeodetic(ecef: ArrayLike<number>, out: Float64Array): Float64Array {
  const x = ecef[0];
  const y = ecef[1];
  const z = ecef[2];
  const rxy = Math.hypot(x, y);
  const lon = rxy !== 0 ? Math.atan2(y, x) : 0;
  const p = (rxy / WGS84_A_m) ** 2;
  const q = E2M * (z / WGS84_A_m) ** 2;
  const r = (p + q - E4) / 6;
  let sinLat: number;
  let cosLat: number;
  let h: number;
  if (!(E4 * q === 0 && r <= 0)) {
    // S = r³·s and T = r·t of Vermeille's eqs. (scaled to avoid dividing by r, which may be 0).
    const s = (E4 * p * q) / 4;
    const r2 = r * r;
    const r3 = r * r2;
    const disc = s * (2 * r3 + s);
    let u = r;
    if (disc >= 0) {
      let t3 = s + r3;
      // Take the sign of the root that maximises |t3| (less cancellation); u is unchanged.
      t3 += t3 < 0 ? -Math.sqrt(disc) : Math.sqrt(disc);
      const t = Math.cbrt(t3);
      u += t + (t !== 0 ? r2 / t : 0);
    } else {
      // Three real roots (only when r < 0, i.e. close to the centre); pick the one without
      // cancellation.
      const ang = Math.atan2(Math.sqrt(-disc), -(s + r3));
      u += 2 * r * Math.cos(ang / 3);
    }
    const v = Math.sqrt(u * u + E4 * q);
    // u + v, rewritten when u < 0 so that it keeps its precision.
    const uv = u < 0 ? (E4 * q) / (v - u) : u + v;
    const w = Math.max(0, (WGS84_E2 * (uv - q)) / (2 * v));
    const k = uv / (Math.sqrt(uv + w * w) + w);
    const k2 = k + WGS84_E2;
    const d = (k * rxy) / k2;
    const zk = z / k;
    const rk = rxy / k2;
    const hyp = Math.hypot(zk, rk);
    sinLat = zk / hyp;
    cosLat = rk / hyp;
    h = (1 - E2M / k) * Math.hypot(d, z);
  } else {
    // Equatorial plane inside the evolute (z = 0, ρ < a e²): k → 0 and the general formulas
    // give 0/0; take the limit instead.
    const zz = Math.sqrt((E4 - p) / E2M);
    const xx = Math.sqrt(p);
    const hyp = Math.hypot(zz, xx);
    sinLat = zz / hyp;
    cosLat = xx / hyp;
    if (z < 0) sinLat = -sinLat;
    h = (-WGS84_A_m * E2M * hyp) / WGS84_E2;
  }
  out[0] = Math.atan2(sinLat, cosLat);
  out[1] = lon;
  out[2] = h;
  return out;
}

/**
 * Distance from the Earth's centre to the ellipsoid surface at geodetic latitude `lat_rad`:
 * r² = ((a² cosφ)² + (b² sinφ)²) / ((a cosφ)² + (b sinφ)²). Gives a at the equator, b at a pole.
 */
export function geocentricRadius(lat_rad: number): number {
  const c = Math.cos(lat_rad);
  const s = Math.sin(lat_rad);
  const a2c = WGS84_A_m * WGS84_A_m * c;
  const b2s = WGS84_B_m * WGS84_B_m * s;
  const ac = WGS84_A_m * c;
  const bs = WGS84_B_m * s;
  return Math.sqrt((a2c * a2c + b2s * b2s) / (ac * ac + bs * bs));
}

/** Outward unit normal to the ellipsoid (local "up", ECEF) at a geodetic latitude and longitude. */
export function surfaceNormal(lat_rad: number, lon_rad: number, out: Float64Array): Float64Array {
  const cosLat = Math.cos(lat_rad);
  out[0] = cosLat * Math.cos(lon_rad);
  out[1] = cosLat * Math.sin(lon_rad);
  out[2] = Math.sin(lat_rad);
  return out;
}
