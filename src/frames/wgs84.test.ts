import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ecefToGeodetic, geocentricRadius, geodeticToEcef, surfaceNormal } from './wgs84.ts';
import { DEG, WGS84_A_m, WGS84_B_m, WGS84_E2 } from '../core/constants.ts';

const near = (a: number, b: number, tol: number, msg = ''): void =>
  assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b} (tol ${tol})`);

test('geodeticToEcef: equator and poles land on a and b (NIMA TR8350.2, Table 3.1)', () => {
  const o = new Float64Array(3);
  geodeticToEcef(0, 0, 0, o);
  assert.deepEqual([...o], [WGS84_A_m, 0, 0]);
  geodeticToEcef(0, 90 * DEG, 100, o);
  near(o[0], 0, 1e-9);
  near(o[1], WGS84_A_m + 100, 1e-9);
  geodeticToEcef(90 * DEG, 0, 0, o);
  near(o[0], 0, 1e-9);
  near(o[2], WGS84_B_m, 1e-9);
  near(WGS84_B_m, 6356752.3142, 1e-4); // TR8350.2 Table 3.3
  geodeticToEcef(-90 * DEG, 0, 1000, o);
  near(o[2], -WGS84_B_m - 1000, 1e-9);
});

test('geodeticToEcef: 45° N, 0 m matches the closed form N = a/√(1 − e²/2)', () => {
  const o = new Float64Array(3);
  geodeticToEcef(45 * DEG, 0, 0, o);
  const n = WGS84_A_m / Math.sqrt(1 - WGS84_E2 / 2);
  near(o[0], n * Math.SQRT1_2, 1e-8);
  near(o[2], n * (1 - WGS84_E2) * Math.SQRT1_2, 1e-8);
});

test('ecefToGeodetic: known points — axes, poles, the centre (−b below the pole)', () => {
  const g = new Float64Array(3);
  ecefToGeodetic([WGS84_A_m, 0, 0], g);
  assert.deepEqual([...g], [0, 0, 0]);
  ecefToGeodetic([0, 0, WGS84_B_m + 500], g);
  near(g[0], Math.PI / 2, 1e-15);
  near(g[2], 500, 1e-6);
  ecefToGeodetic([0, 0, -WGS84_B_m], g);
  near(g[0], -Math.PI / 2, 1e-15);
  near(g[2], 0, 1e-6);
  ecefToGeodetic([0, -WGS84_A_m - 2e6, 0], g);
  near(g[0], 0, 1e-15);
  near(g[1], -Math.PI / 2, 1e-15);
  near(g[2], 2e6, 1e-6);
  // The centre: nearest surface points are the poles, at depth b.
  ecefToGeodetic([0, 0, 0], g);
  near(Math.abs(g[0]), Math.PI / 2, 1e-15);
  near(g[2], -WGS84_B_m, 1e-6);
});

test('ecefToGeodetic ∘ geodeticToEcef is the identity to < 1 mm, 6000 km deep to 1e9 m high (property)', () => {
  const ecef = new Float64Array(3);
  const lla = new Float64Array(3);
  const back = new Float64Array(3);
  fc.assert(
    fc.property(
      fc.double({ min: -90, max: 90, noNaN: true }),
      fc.double({ min: -180, max: 180, noNaN: true, maxExcluded: true }),
      fc.oneof(
        fc.double({ min: -6.0e6, max: 0, noNaN: true }),
        fc.double({ min: -2e4, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
      ),
      (lat_deg, lon_deg, alt_m) => {
        geodeticToEcef(lat_deg * DEG, lon_deg * DEG, alt_m, ecef);
        ecefToGeodetic(ecef, lla);
        geodeticToEcef(lla[0], lla[1], lla[2], back);
        const err = Math.hypot(back[0] - ecef[0], back[1] - ecef[1], back[2] - ecef[2]);
        assert.ok(err < 1e-3, `position error ${err} m`);
        near(lla[2], alt_m, 1e-3, 'height');
        // Latitude to ≈ 0.1 mm on the surface (1.6e-11 rad); longitude wherever it is defined.
        near(lla[0], lat_deg * DEG, 1e-10 + 1e-3 / Math.max(1, Math.abs(alt_m) + 6.3e6), 'lat');
        if (Math.abs(lat_deg) < 89.99) {
          const dLon = Math.abs(lla[1] - lon_deg * DEG);
          assert.ok(Math.min(dLon, 2 * Math.PI - dLon) < 1e-9, `lon ${lla[1]} vs ${lon_deg * DEG}`);
        }
      },
    ),
    { numRuns: 5000 },
  );
});

test('ecefToGeodetic: any ECEF point, even inside the evolute near the centre, maps back to itself', () => {
  const lla = new Float64Array(3);
  const back = new Float64Array(3);
  fc.assert(
    fc.property(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: -9, max: 0 }),
      (x, y, z, e) => {
        // Coordinates from 1e-10 m (or exactly 0) up to 1e8 m: the centre, the evolute, space.
        const p = [x * 10 ** (e - 1), y * 10 ** (e - 1), z * 10 ** (e - 1)];
        ecefToGeodetic(p, lla);
        geodeticToEcef(lla[0], lla[1], lla[2], back);
        const err = Math.hypot(back[0] - p[0], back[1] - p[1], back[2] - p[2]);
        assert.ok(err < 1e-3, `error ${err} m at ${p}`);
      },
    ),
    { numRuns: 5000 },
  );
  // The degenerate equatorial-plane branch: z = 0 inside a·e² of the axis.
  for (const rho of [0, 1, 1000, 20_000, 42_000]) {
    ecefToGeodetic([rho, 0, 0], lla);
    geodeticToEcef(lla[0], lla[1], lla[2], back);
    near(back[0], rho, 1e-6, 'x');
    near(back[2], 0, 1e-6, 'z');
  }
});

test('ecefToGeodetic allows out to alias its input', () => {
  const v = new Float64Array(3);
  geodeticToEcef(0.3, -1.2, 4321, v);
  ecefToGeodetic(v, v);
  near(v[0], 0.3, 1e-14);
  near(v[1], -1.2, 1e-14);
  near(v[2], 4321, 1e-7);
});

test('geocentricRadius: a at the equator, b at the poles, and |geodeticToEcef(φ, λ, 0)| between', () => {
  near(geocentricRadius(0), WGS84_A_m, 1e-8);
  near(geocentricRadius(Math.PI / 2), WGS84_B_m, 1e-8);
  near(geocentricRadius(-Math.PI / 2), WGS84_B_m, 1e-8);
  const o = new Float64Array(3);
  for (let lat = -90; lat <= 90; lat += 7.5) {
    geodeticToEcef(lat * DEG, 0.7, 0, o);
    near(geocentricRadius(lat * DEG), Math.hypot(o[0], o[1], o[2]), 1e-8, `lat ${lat}`);
  }
});

test('surfaceNormal: unit length and perpendicular to the ellipsoid (gradient of x²/a² + y²/a² + z²/b²)', () => {
  const nrm = new Float64Array(3);
  const p = new Float64Array(3);
  for (let lat = -90; lat <= 90; lat += 15) {
    for (let lon = -180; lon < 180; lon += 40) {
      surfaceNormal(lat * DEG, lon * DEG, nrm);
      near(Math.hypot(nrm[0], nrm[1], nrm[2]), 1, 1e-15);
      geodeticToEcef(lat * DEG, lon * DEG, 0, p);
      const gx = p[0] / WGS84_A_m ** 2;
      const gy = p[1] / WGS84_A_m ** 2;
      const gz = p[2] / WGS84_B_m ** 2;
      const g = Math.hypot(gx, gy, gz);
      near(nrm[0], gx / g, 1e-12);
      near(nrm[1], gy / g, 1e-12);
      near(nrm[2], gz / g, 1e-12);
    }
  }
});
