import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geodesicInverse } from '../frames/geodesic.ts';
import { radarCoverage } from './coverage.ts';
import { coverageGeometry, signedArea2, type Ring } from './coverage-geojson.ts';
import type { RadarParams } from './radar-equation.ts';
import { radarRange } from './radar-range.ts';

/** TPY-2-like (catalog/radars.yaml), all round, no elevation limits. */
const ROUND: RadarParams = {
  peakPower_W: 405000,
  aperture_m2: 7.4,
  frequency_Hz: 9.5e9,
  pulseWidth_s: 0.001,
  pulsesIntegrated: 110,
  integration: 'coherent',
  noiseFigure_dB: 3,
  losses_dB: 4,
  requiredSnr_dB: 13,
  minElevation_deg: -90,
  maxElevation_deg: 90,
  azimuthCenter_deg: 0,
  azimuthHalfWidth_deg: 180,
  maxInstrumentedRange_m: 1e8,
  revisit_s: 1,
  rangeAccuracy_m: 1,
  angleAccuracy_rad: 1e-3,
  measuresRangeRate: false,
};

/** Every ring closed, exterior counterclockwise, holes clockwise, longitudes in [−180, 180]. */
function assertValidPolygons(polys: Ring[][]): void {
  for (const rings of polys)
    rings.forEach((r, k) => {
      assert.ok(r.length >= 4);
      assert.deepEqual(r[0], r[r.length - 1], 'ring closed');
      assert.equal(signedArea2(r) > 0, k === 0, k === 0 ? 'exterior CCW' : 'hole CW');
      for (const [lon, lat] of r) assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
    });
}
const polygonsOf = (g: ReturnType<typeof coverageGeometry>): Ring[][] =>
  g === null ? [] : g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

test('all-round radar, no elevation limits: a near-circle of the radar-range effective ground range', () => {
  for (const [rcs, limit] of [
    [0.01, 'detection'],
    [100, 'horizon'],
  ] as const) {
    const site = { lat_deg: 40, lon_deg: 38 };
    const cov = radarCoverage({
      params: ROUND,
      ...site,
      targetAlt_m: 300e3,
      rcs_m2: rcs,
      azimuthStep_deg: 5,
    });
    const expected = radarRange(ROUND, rcs, 300e3).effectiveGroundRange_m;
    assert.equal(cov.limitedBy, limit);
    assert.equal(cov.fullCircle, true);
    assert.equal(cov.rays.length, 72);
    assert.equal(cov.minGroundRange_m, 0);
    // Spherical (R_MEAN) radar-range against WGS-84 geodesics and ellipsoidal heights: < 1 %.
    for (const r of cov.rays)
      assert.ok(Math.abs(r.far_m / expected - 1) < 0.01, `${r.az_deg}°: ${r.far_m}`);
    const g = coverageGeometry(cov, site);
    assert.equal(g?.type, 'Polygon');
    const polys = polygonsOf(g);
    assertValidPolygons(polys);
    assert.equal(polys[0].length, 1); // no hole: it sees overhead
    for (const [lon, lat] of polys[0][0]) {
      const d = geodesicInverse(site.lat_deg, site.lon_deg, lat, lon).distance_m;
      assert.ok(Math.abs(d / expected - 1) < 0.01);
    }
  }
});

test('a sector radar covers only its sector, with the near edge from its maximum elevation', () => {
  const params = {
    ...ROUND,
    azimuthHalfWidth_deg: 60,
    minElevation_deg: 0.5,
    maxElevation_deg: 60,
  };
  const site = { lat_deg: 40, lon_deg: 38 };
  const cov = radarCoverage({
    params,
    ...site,
    targetAlt_m: 300e3,
    rcs_m2: 0.01,
    boresightAz_deg: 90,
  });
  assert.equal(cov.fullCircle, false);
  assert.equal(cov.rays[0].az_deg, 30);
  assert.equal(cov.rays[cov.rays.length - 1].az_deg, 150);
  assert.ok(cov.minGroundRange_m > 100e3, 'annulus sector: 60° max elevation at 300 km altitude');
  const g = coverageGeometry(cov, site);
  assert.equal(g?.type, 'Polygon');
  assertValidPolygons(polygonsOf(g));
  for (const [lon, lat] of polygonsOf(g)[0][0]) {
    const inv = geodesicInverse(site.lat_deg, site.lon_deg, lat, lon);
    const az = (inv.azi1_deg + 360) % 360;
    // Positions are rounded to 1e-6° (RFC 7946 §11.2): azimuths to ~1e-5° near the site.
    assert.ok(az >= 30 - 1e-4 && az <= 150 + 1e-4, `azimuth ${az}`);
    assert.ok(inv.distance_m >= cov.minGroundRange_m - 1);
  }
});

test('antimeridian: a footprint around Shemya (174.1°E) is cut into a valid MultiPolygon', () => {
  const params = { ...ROUND, maxElevation_deg: 85 };
  const site = { lat_deg: 52.72, lon_deg: 174.1 };
  const cov = radarCoverage({
    params,
    ...site,
    targetAlt_m: 1000e3,
    rcs_m2: 1,
    azimuthStep_deg: 2,
  });
  const g = coverageGeometry(cov, site);
  assert.equal(g?.type, 'MultiPolygon');
  const polys = polygonsOf(g);
  assert.equal(polys.length, 2);
  assertValidPolygons(polys);
  const lons = polys.flat(2).map((p) => p[0]);
  assert.ok(lons.includes(180) && lons.includes(-180));
});

test('pole: a footprint around Thule encloses the North Pole and closes along it', () => {
  const site = { lat_deg: 76.53, lon_deg: -68.7 };
  const cov = radarCoverage({
    params: ROUND,
    ...site,
    targetAlt_m: 1000e3,
    rcs_m2: 1,
    azimuthStep_deg: 2,
  });
  const g = coverageGeometry(cov, site);
  assert.equal(g?.type, 'Polygon');
  assertValidPolygons(polygonsOf(g));
  assert.ok(polygonsOf(g)[0][0].some(([, lat]) => lat === 90));
});

test('a radar that cannot see the target gives no footprint', () => {
  const cov = radarCoverage({
    params: { ...ROUND, maxInstrumentedRange_m: 50e3 },
    lat_deg: 0,
    lon_deg: 0,
    targetAlt_m: 100e3,
    rcs_m2: 1,
    azimuthStep_deg: 30,
  });
  assert.equal(cov.visible, false);
  assert.equal(coverageGeometry(cov, { lat_deg: 0, lon_deg: 0 }), null);
});
