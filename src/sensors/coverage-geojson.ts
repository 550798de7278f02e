/**
 * A radar coverage footprint (coverage.ts) as RFC 7946 GeoJSON: a FeatureCollection with one
 * Feature whose geometry is a Polygon (a MultiPolygon when it is cut at the antimeridian), or
 * null when the radar sees nothing at that altitude.
 *
 * Conventions (RFC 7946):
 * - positions are [lon, lat] in degrees (WGS-84), rounded to 1e-6° (≈ 0.1 m, §11.2);
 * - rings are closed (last position = first) and exterior rings run counterclockwise, holes
 *   clockwise (§3.1.6), checked by the sign of the shoelace area in the lon/lat plane;
 * - longitudes stay in [−180, 180]: a footprint crossing the antimeridian is cut along it into
 *   a MultiPolygon (§3.1.9), and one enclosing a pole is closed along the antimeridian and the
 *   pole's parallel (the usual lon/lat representation of a polar cap). A footprint enclosing both
 *   poles cannot be drawn this way and is an error.
 * Boundary points are the far (and near) edges of the coverage rays, placed with WGS-84 geodesics
 * (frames/geodesic.ts, Karney 2013).
 */
import { AspisError } from '../core/errors.ts';
import { geodesicDirect, geodesicInverse } from '../frames/geodesic.ts';
import type { Coverage } from './coverage.ts';

export type Position = [number, number];
export type Ring = Position[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}

export interface CoverageFeatureCollection<P> {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: PolygonGeometry | MultiPolygonGeometry | null;
    properties: P;
  }[];
}

/** The footprint of `cov` around the site as a FeatureCollection carrying `properties`. */
export function coverageGeoJson<P>(
  cov: Coverage,
  site: { lat_deg: number; lon_deg: number },
  properties: P,
): CoverageFeatureCollection<P> {
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: coverageGeometry(cov, site), properties }],
  };
}

export function coverageGeometry(
  cov: Coverage,
  site: { lat_deg: number; lon_deg: number },
): PolygonGeometry | MultiPolygonGeometry | null {
  if (!cov.visible) return null;
  const lon0 = normalizeLon(site.lon_deg);
  const at = (az: number, d: number): Position => {
    if (d <= 0) return [lon0, site.lat_deg];
    const g = geodesicDirect(site.lat_deg, site.lon_deg, az, d);
    return [g.lon_deg, g.lat_deg];
  };
  const rays = cov.rays;
  let outer: Ring;
  let hole: Ring | undefined;
  if (cov.fullCircle) {
    outer = rays.map((r) => at(r.az_deg, r.far_m));
    if (rays.every((r) => r.visible && r.near_m > 0))
      hole = rays.map((r) => at(r.az_deg, r.near_m));
  } else {
    // Near edge in increasing azimuth (the site itself where the near range is 0), far edge back.
    outer = [
      ...rays.map((r) => at(r.az_deg, r.near_m)),
      ...[...rays].reverse().map((r) => at(r.az_deg, r.far_m)),
    ];
  }
  outer = unwrap(dedupe(outer), lon0);
  const winding =
    outer[outer.length - 1][0] - outer[0][0] + wrapStep(outer[0][0] - outer[outer.length - 1][0]);
  const holes = hole ? [orient(close(unwrap(dedupe(hole), lon0)), false)] : [];
  if (Math.abs(winding) > 180) {
    const polePolygon = [orient(poleCap(outer, winding, poleInside(cov, site)), true), ...holes];
    return { type: 'Polygon', coordinates: polePolygon.map(roundRing) };
  }
  const exterior = orient(close(outer), true);
  const pieces = splitAtAntimeridian([exterior, ...holes]);
  if (pieces.length === 1) return { type: 'Polygon', coordinates: pieces[0].map(roundRing) };
  return { type: 'MultiPolygon', coordinates: pieces.map((p) => p.map(roundRing)) };
}

/** Longitude in [−180, 180). */
export function normalizeLon(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** The step (±360 multiple) that makes a longitude difference lie in (−180, 180]. */
const wrapStep = (d: number): number => -360 * Math.round(d / 360);

/** Longitudes made continuous along the ring, the first within 180° of lon0. */
function unwrap(ring: Ring, lon0: number): Ring {
  const out: Ring = [];
  let prev = lon0;
  for (const [lon, lat] of ring) {
    const l = lon + wrapStep(lon - prev);
    out.push([l, lat]);
    prev = l;
  }
  return out;
}

function dedupe(ring: Ring): Ring {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

function close(ring: Ring): Ring {
  const [a, b] = [ring[0], ring[ring.length - 1]];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, [a[0], a[1]]];
}

/** Twice the signed area in the lon/lat plane (positive: counterclockwise). */
export function signedArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

function orient(ring: Ring, counterclockwise: boolean): Ring {
  return signedArea2(ring) > 0 === counterclockwise ? ring : [...ring].reverse();
}

function poleInside(cov: Coverage, site: { lat_deg: number; lon_deg: number }): 90 | -90 {
  const reach = (pole: number) =>
    geodesicInverse(site.lat_deg, site.lon_deg, pole, 0).distance_m < cov.maxGroundRange_m;
  const north = reach(90);
  const south = reach(-90);
  if (north && south)
    throw new AspisError({
      kind: 'runtime',
      path: 'coverage',
      expected:
        'a footprint enclosing at most one pole (one enclosing both cannot be drawn in lon/lat)',
      got: `${(cov.maxGroundRange_m / 1000).toFixed(0)} km of ground range`,
    });
  return north || !south ? 90 : -90;
}

/**
 * A ring that winds once around a pole (unwrapped longitudes advance by ±360), opened at its
 * antimeridian crossing and closed through the pole: its longitudes then run over exactly
 * [−180, 180].
 */
function poleCap(open: Ring, winding: number, poleLat: number): Ring {
  const n = open.length;
  const dir = Math.sign(winding);
  const pts: Ring = [...open, [open[0][0] + 360 * dir, open[0][1]]];
  const cell = (lon: number) => Math.floor((lon + 180) / 360);
  let i = 0;
  while (i < n && cell(pts[i][0]) === cell(pts[i + 1][0])) i++;
  const [l1, a1] = pts[i];
  const [l2, a2] = pts[i + 1];
  const star = 360 * Math.max(cell(l1), cell(l2)) - 180;
  const lat = a1 + ((star - l1) / (l2 - l1)) * (a2 - a1);
  const path: Ring = [[star, lat]];
  for (let k = i + 1; k <= n; k++) path.push(pts[k]);
  for (let k = 1; k <= i; k++) path.push([pts[k][0] + 360 * dir, pts[k][1]]);
  path.push([star + 360 * dir, lat]);
  const shift = (dir > 0 ? -180 : 180) - star;
  const ring: Ring = dedupe(path.map(([l, a]) => [l + shift, a]));
  const end = ring[ring.length - 1][0];
  const start = ring[0][0];
  ring.push([end, poleLat], [start, poleLat], [start, ring[0][1]]);
  return ring;
}

/** Sutherland–Hodgman clip of a closed ring to lon ≥ lo (keepAbove) or lon ≤ lo. */
function clipLon(ring: Ring, lo: number, keepAbove: boolean): Ring {
  const inside = (p: Position) => (keepAbove ? p[0] >= lo : p[0] <= lo);
  const out: Ring = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b)) {
      const t = (lo - a[0]) / (b[0] - a[0]);
      out.push([lo, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out.length >= 3 ? close(dedupe(out)) : [];
}

/**
 * Cuts a polygon (exterior + holes, unwrapped longitudes) along the meridians ±180 and shifts
 * each piece into [−180, 180]. Holes go with the piece they fall in (they are clipped too if they
 * straddle the cut, which leaves them touching it: only for a site within the hole's radius of
 * the antimeridian).
 */
function splitAtAntimeridian(polygon: Ring[]): Ring[][] {
  const pieces: Ring[][] = [];
  for (const k of [-1, 0, 1]) {
    const lo = -180 + 360 * k;
    const hi = 180 + 360 * k;
    const cut = (r: Ring) => {
      const c = clipLon(clipLon(r, lo, true), hi, false);
      return c.length >= 4 && signedArea2(c) !== 0
        ? c.map(([l, a]): Position => [l - 360 * k, a])
        : [];
    };
    const ext = cut(polygon[0]);
    if (ext.length === 0) continue;
    pieces.push([
      ext,
      ...polygon
        .slice(1)
        .map(cut)
        .filter((h) => h.length > 0),
    ]);
  }
  return pieces;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;
function roundRing(ring: Ring): Ring {
  return ring.map(([l, a]) => [round6(l), round6(a)]);
}
