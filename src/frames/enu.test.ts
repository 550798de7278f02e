import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { azElRange, azElRangeToEcef, ecefToEnu, enuFromEcef, enuToEcef } from './enu.ts';
import { geodeticToEcef, surfaceNormal } from './wgs84.ts';
import { DEG, WGS84_A_m, WGS84_B_m } from '../core/constants.ts';

const near = (a: number, b: number, tol: number, msg = ''): void =>
  assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b} (tol ${tol})`);

test('enuFromEcef: orthonormal rows; at (0°, 0°) east = +y, north = +z, up = +x', () => {
  const m = new Float64Array(9);
  enuFromEcef(0, 0, m);
  assert.deepEqual([...m], [-0, 1, 0, -0, -0, 1, 1, 0, 0]);
  for (const [lat, lon] of [
    [52.72, 174.1],
    [-89, -30],
    [63.95, -145.73],
  ]) {
    enuFromEcef(lat * DEG, lon * DEG, m);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const d = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
        near(d, i === j ? 1 : 0, 1e-15);
      }
    }
    // Up is the ellipsoid normal; right-handed: e × n = u.
    const u = surfaceNormal(lat * DEG, lon * DEG, new Float64Array(3));
    near(m[6], u[0], 1e-15);
    near(m[7], u[1], 1e-15);
    near(m[8], u[2], 1e-15);
    near(m[1] * m[5] - m[2] * m[4], m[6], 1e-15);
    near(m[2] * m[3] - m[0] * m[5], m[7], 1e-15);
    near(m[0] * m[4] - m[1] * m[3], m[8], 1e-15);
  }
});

test('azElRange: a target straight up is at elevation 90° and range = height difference', () => {
  const out = new Float64Array(3);
  const tgt = new Float64Array(3);
  for (const [lat, lon] of [
    [0, 0],
    [52.72, 174.1],
    [-45, -70],
  ]) {
    geodeticToEcef(lat * DEG, lon * DEG, 1000e3, tgt);
    azElRange(lat * DEG, lon * DEG, 100, tgt, out);
    near(out[1], Math.PI / 2, 1e-12, 'el');
    near(out[2], 1000e3 - 100, 1e-6, 'range');
  }
});

test('azElRange: from (0°, 0°), a point on the pole axis is due north, one on the equator due east', () => {
  const out = new Float64Array(3);
  azElRange(0, 0, 0, [WGS84_A_m + 5, 0, 0], out);
  assert.deepEqual([...out], [0, Math.PI / 2, 5]); // exactly overhead: azimuth 0 by convention
  // The site is (a, 0, 0); its horizon plane is x = a. The north pole (0, 0, b) lies below it.
  azElRange(0, 0, 0, [WGS84_A_m, 0, 1000], out);
  near(out[0], 0, 1e-15, 'az north');
  near(out[1], 0, 1e-15, 'el');
  near(out[2], 1000, 1e-9);
  azElRange(0, 0, 0, [WGS84_A_m, 1000, 0], out);
  near(out[0], Math.PI / 2, 1e-15, 'az east');
  azElRange(0, 0, 0, [WGS84_A_m, 0, -1000], out);
  near(out[0], Math.PI, 1e-15, 'az south');
  azElRange(0, 0, 0, [WGS84_A_m, -1000, 0], out);
  near(out[0], 1.5 * Math.PI, 1e-15, 'az west');
  azElRange(0, 0, 0, [0, 0, WGS84_B_m], out);
  near(out[0], 0, 1e-15, 'pole is north');
  near(out[1], -45 * DEG, 0.2 * DEG, 'pole below horizon'); // atan(b/a) ≈ 44.9°
  near(out[1], -Math.atan2(WGS84_A_m, WGS84_B_m), 1e-15);
  near(out[2], Math.hypot(WGS84_A_m, WGS84_B_m), 1e-8);
  // 45° up to the north-east: e = n = u/√2.
  azElRange(0, 0, 0, [WGS84_A_m + 1000, 1000 / Math.SQRT2, 1000 / Math.SQRT2], out);
  near(out[0], 45 * DEG, 1e-14);
  near(out[1], 45 * DEG, 1e-14);
  near(out[2], Math.SQRT2 * 1000, 1e-9);
});

test('azElRange: from the north pole every direction is south (az = 180°) toward the equator', () => {
  const out = new Float64Array(3);
  // At lon 0 the pole's north axis is −x; a point on +x is toward lon 0, i.e. "south".
  azElRange(90 * DEG, 0, 0, [WGS84_A_m, 0, 0], out);
  near(out[0], Math.PI, 1e-12);
});

test('ecefToEnu / enuToEcef and azElRange / azElRangeToEcef round-trip (property)', () => {
  const site = new Float64Array(3);
  const tgt = new Float64Array(3);
  const enu = new Float64Array(3);
  const back = new Float64Array(3);
  const aer = new Float64Array(3);
  fc.assert(
    fc.property(
      fc.double({ min: -90, max: 90, noNaN: true }),
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -400, max: 9000, noNaN: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      (lat, lon, alt, x, y, z) => {
        const la = lat * DEG;
        const lo = lon * DEG;
        geodeticToEcef(la, lo, alt, site);
        tgt[0] = site[0] + x;
        tgt[1] = site[1] + y;
        tgt[2] = site[2] + z;
        ecefToEnu(site, la, lo, tgt, enu);
        near(Math.hypot(enu[0], enu[1], enu[2]), Math.hypot(x, y, z), 1e-6, 'norm kept');
        enuToEcef(site, la, lo, enu, back);
        for (let i = 0; i < 3; i++) near(back[i], tgt[i], 1e-6, `enu axis ${i}`);
        azElRange(la, lo, alt, tgt, aer);
        assert.ok(aer[0] >= 0 && aer[0] < 2 * Math.PI);
        near(aer[2], Math.hypot(x, y, z), 1e-6, 'range');
        near(Math.sin(aer[1]) * aer[2], enu[2], 1e-6, 'up');
        azElRangeToEcef(la, lo, alt, aer[0], aer[1], aer[2], back);
        for (let i = 0; i < 3; i++) near(back[i], tgt[i], 1e-6, `aer axis ${i}`);
      },
    ),
    { numRuns: 3000 },
  );
});

test('ENU functions allow out to alias a vector input', () => {
  const site = geodeticToEcef(0.5, 0.5, 0, new Float64Array(3));
  const v = Float64Array.of(site[0] + 10, site[1] - 20, site[2] + 30);
  ecefToEnu(site, 0.5, 0.5, v, v);
  enuToEcef(site, 0.5, 0.5, v, v);
  near(v[0], site[0] + 10, 1e-8);
  near(v[1], site[1] - 20, 1e-8);
  near(v[2], site[2] + 30, 1e-8);
  azElRange(0.5, 0.5, 0, v, v);
  near(v[2], Math.hypot(10, 20, 30), 1e-8);
});
