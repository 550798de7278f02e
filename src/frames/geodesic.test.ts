import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { geodesicDirect, geodesicInverse, validateLatLon } from './geodesic.ts';
import { AspisError } from '../core/errors.ts';

const near = (a: number, b: number, tol: number, msg = ''): void =>
  assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b} (tol ${tol})`);
/** Difference of two angles in degrees, folded into [0, 180]. */
const angDiff = (a: number, b: number): number => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

// Reference geodesics on WGS-84 from Karney's own test suite for GeographicLib (the C library's
// geodtest.c, also in geographiclib-js test/geodesictest.js), computed in high precision:
// lat1, lon1, azi1, lat2, lon2, azi2, s12 (degrees, metres), rounded here to doubles. They are
// of the kind of the published test set (C. F. F. Karney, "Test set for geodesics", 2010,
// doi:10.5281/zenodo.32156), not lines copied from it.
const KARNEY_CASES: [number, number, number, number, number, number, number][] = [
  [
    35.60777, -139.44815, 111.09874842956033, -11.17491, -69.95921, 129.28927088970877,
    8935244.56048183,
  ],
  [
    55.52454, 106.05087, 22.0200598809828, 77.03196, 197.18234, 109.11204111067151,
    4105086.171392441,
  ],
  [
    -21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466,
    8394328.894657671,
  ],
  [
    -66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 2.512956620913668,
    11150344.231208025,
  ],
  [
    -17.42761, 173.34268, -159.03355766119293, -15.84784, 5.93557, -20.78748465153699,
    16076603.163118068,
  ],
  [
    -87.85331, 85.66836, -65.12031304024275, 66.48646, 16.09921, -4.888658719272296,
    17286615.314714465,
  ],
];

test("geodesicInverse reproduces Karney's GeographicLib reference geodesics to 1 mm", () => {
  for (const [lat1, lon1, azi1, lat2, lon2, azi2, s12] of KARNEY_CASES) {
    const r = geodesicInverse(lat1, lon1, lat2, lon2);
    near(r.distance_m, s12, 1e-3, 's12');
    assert.ok(angDiff(r.azi1_deg, azi1) < 1e-8, `azi1 ${r.azi1_deg} vs ${azi1}`);
    assert.ok(angDiff(r.azi2_deg, azi2) < 1e-8, `azi2 ${r.azi2_deg} vs ${azi2}`);
  }
});

test("geodesicDirect reproduces Karney's GeographicLib reference geodesics to 1 mm", () => {
  for (const [lat1, lon1, azi1, lat2, lon2, azi2, s12] of KARNEY_CASES) {
    const r = geodesicDirect(lat1, lon1, azi1, s12);
    near(r.lat_deg, lat2, 1e-8, 'lat2'); // 1e-8° ≈ 1.1 mm
    assert.ok(angDiff(r.lon_deg, lon2) < 1e-8, `lon2 ${r.lon_deg} vs ${lon2}`);
    assert.ok(r.lon_deg >= -180 && r.lon_deg <= 180);
    assert.ok(angDiff(r.azi2_deg, azi2) < 1e-8, `azi2 ${r.azi2_deg} vs ${azi2}`);
  }
});

test('Karney, "Algorithms for geodesics", J. Geodesy 87 (2013), Table 2: direct problem, 40°N 30° 10000 km', () => {
  const r = geodesicDirect(40, 0, 30, 10_000e3);
  near(r.lat_deg, 41.79331020506, 1e-10);
  near(r.lon_deg, 137.84490004377, 1e-10);
  near(r.azi2_deg, 149.09016931807, 1e-10);
});

test('Karney (2013), Tables 4–5: nearly antipodal inverse problem, 30°S → 29.9°N across 179.8°', () => {
  const r = geodesicInverse(-30, 0, 29.9, 179.8);
  near(r.distance_m, 19_989_832.82761, 1e-4);
  near(r.azi1_deg, 161.890524736, 1e-8);
});

test('geodesic along the equator and a meridian: a·Δλ and the WGS-84 quarter meridian 10 001 965.729 m', () => {
  const eq = geodesicInverse(0, 0, 0, 90);
  near(eq.distance_m, (6378137 * Math.PI) / 2, 1e-6);
  near(eq.azi1_deg, 90, 1e-12);
  // Quarter meridian = (π/2)·A with the rectifying radius A = a/(1 + n)·(1 + n²/4 + n⁴/64 +
  // n⁶/256 + 25n⁸/16384), n = f/(2 − f) (Helmert 1880; Karney, "Transverse Mercator with an
  // accuracy of a few nanometers", J. Geodesy 85 (2011), eq. 14). It is 10 001 965.729 m.
  const f = 1 / 298.257223563;
  const n = f / (2 - f);
  const n2 = n * n;
  const A =
    (6378137 / (1 + n)) * (1 + n2 / 4 + (n2 * n2) / 64 + n2 ** 3 / 256 + (25 * n2 ** 4) / 16384);
  const quarter = geodesicInverse(0, 0, 90, 0).distance_m;
  near(quarter, (Math.PI / 2) * A, 1e-6);
  near(quarter, 10_001_965.729, 1e-3);
});

test('geodesicDirect then geodesicInverse returns the distance and azimuth (property)', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -89.9, max: 89.9, noNaN: true }),
      fc.double({ min: -180, max: 180, noNaN: true, maxExcluded: true }),
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: 1, max: 19_000e3, noNaN: true }),
      (lat, lon, azi, s) => {
        const d = geodesicDirect(lat, lon, azi, s);
        // Below 19 000 km every geodesic is still the shortest (the cut locus lies beyond
        // π·b ≈ 19 970 km); skip end points on a pole, where longitude is arbitrary.
        if (Math.abs(d.lat_deg) > 89.999) return;
        const i = geodesicInverse(lat, lon, d.lat_deg, d.lon_deg);
        near(i.distance_m, s, 1e-3, 'distance');
        assert.ok(angDiff(i.azi1_deg, azi) < 1e-6, `azi ${i.azi1_deg} vs ${azi}`);
        assert.ok(d.lon_deg >= -180 && d.lon_deg <= 180, `lon ${d.lon_deg}`);
      },
    ),
    { numRuns: 500 },
  );
});

test('validateLatLon: accepts lat in [-90, 90] and lon in [-180, 360); names the field otherwise', () => {
  for (const [la, lo] of [
    [0, 0],
    [-90, -180],
    [90, 359.999],
    [52.72, 174.1],
  ]) {
    validateLatLon(la, lo, { path: 'site' });
  }
  const cases: [number, number, string][] = [
    [
      NaN,
      0,
      'nmd.yaml: threats[0].target.lat_deg: expected a latitude in degrees between -90 and 90, got NaN',
    ],
    [
      90.5,
      0,
      'nmd.yaml: threats[0].target.lat_deg: expected a latitude in degrees between -90 and 90, got 90.5',
    ],
    [
      0,
      360,
      'nmd.yaml: threats[0].target.lon_deg: expected a longitude in degrees, at least -180 and below 360, got 360',
    ],
    [
      0,
      -180.1,
      'nmd.yaml: threats[0].target.lon_deg: expected a longitude in degrees, at least -180 and below 360, got -180.1',
    ],
    [
      0,
      Infinity,
      'nmd.yaml: threats[0].target.lon_deg: expected a longitude in degrees, at least -180 and below 360, got Infinity',
    ],
  ];
  for (const [la, lo, msg] of cases) {
    assert.throws(
      () => validateLatLon(la, lo, { file: 'nmd.yaml', path: 'threats[0].target' }),
      (e: unknown) => e instanceof AspisError && e.message === msg && e.exitCode === 2,
    );
  }
  assert.throws(() => geodesicInverse(0, 0, NaN, 0), AspisError);
  assert.throws(() => geodesicDirect(0, 0, 45, NaN), AspisError);
});
