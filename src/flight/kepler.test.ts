import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  eccentricFromTrue,
  hyperbolicFromTrue,
  meanFromEccentric,
  meanFromHyperbolic,
  solveKeplerElliptic,
  solveKeplerHyperbolic,
  stumpffC,
  stumpffS,
  trueFromEccentric,
  trueFromHyperbolic,
} from './kepler.ts';

const DEG = Math.PI / 180;

test("Kepler's equation: Vallado 4th ed. Example 2-1, M = 235.4°, e = 0.4 → E = 220.512 074 767 522°", () => {
  const E = solveKeplerElliptic(235.4 * DEG, 0.4);
  // Book gives E in (−π, π] terms as 220.5°; same angle.
  const E360 = ((E % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  assert.ok(Math.abs(E360 / DEG - 220.512074767522) < 1e-9, `E = ${E360 / DEG}°`);
});

test("hyperbolic Kepler's equation: Vallado 4th ed. Example 2-3, M = 235.4°, e = 2.4 → F = 1.601 376 144", () => {
  const F = solveKeplerHyperbolic(235.4 * DEG, 2.4);
  assert.ok(Math.abs(F - 1.601376144) < 1e-9, `F = ${F}`);
});

test("property: Kepler's equation is solved to ~1e-15 for every e < 1 and every M", () => {
  fc.assert(
    fc.property(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: 0, max: 0.999999, noNaN: true }),
      (M, e) => {
        const E = solveKeplerElliptic(M, e);
        assert.ok(Math.abs(meanFromEccentric(E, e) - M) <= 4e-15 * (1 + Math.abs(M)));
      },
    ),
    { numRuns: 2000, seed: 1 },
  );
  fc.assert(
    fc.property(
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      fc.double({ min: 1.000001, max: 20, noNaN: true }),
      (M, e) => {
        const F = solveKeplerHyperbolic(M, e);
        assert.ok(Math.abs(meanFromHyperbolic(F, e) - M) <= 1e-12 * (1 + Math.abs(M)));
      },
    ),
    { numRuns: 2000, seed: 2 },
  );
});

test('anomaly conversions invert each other and keep the revolution', () => {
  for (const e of [0, 0.1, 0.7, 0.99]) {
    for (const nu of [-3, -1, 0, 0.5, 3.1, 7, 20]) {
      const E = eccentricFromTrue(nu, e);
      assert.ok(Math.abs(trueFromEccentric(E, e) - nu) < 1e-12, `e ${e} ν ${nu}`);
      assert.ok(Math.abs(E - nu) < Math.PI);
    }
  }
  for (const nu of [-1.5, 0, 0.7, 1.9]) {
    const F = hyperbolicFromTrue(nu, 2.4);
    assert.ok(Math.abs(trueFromHyperbolic(F, 2.4) - nu) < 1e-12);
  }
});

test('Stumpff functions match their closed forms (Curtis eq. 3.52) on both sides of the series switch', () => {
  const C = (z: number) =>
    z > 0 ? (1 - Math.cos(Math.sqrt(z))) / z : (Math.cosh(Math.sqrt(-z)) - 1) / -z;
  const S = (z: number) =>
    z > 0
      ? (Math.sqrt(z) - Math.sin(Math.sqrt(z))) / Math.sqrt(z) ** 3
      : (Math.sinh(Math.sqrt(-z)) - Math.sqrt(-z)) / Math.sqrt(-z) ** 3;
  for (const z of [-50, -1.0001, -0.9999, -0.3, 0.3, 0.9999, 1.0001, 39.4]) {
    assert.ok(Math.abs(stumpffC(z) - C(z)) < 1e-14, `C(${z})`);
    assert.ok(Math.abs(stumpffS(z) - S(z)) < 1e-14, `S(${z})`);
  }
  assert.equal(stumpffC(0), 0.5);
  assert.equal(stumpffS(0), 1 / 6);
  // Near zero the closed forms lose digits; the series does not: C ≈ 1/2 − z/24, S ≈ 1/6 − z/120.
  assert.ok(Math.abs(stumpffC(1e-9) - (0.5 - 1e-9 / 24)) < 1e-17);
  assert.ok(Math.abs(stumpffS(-1e-9) - (1 / 6 + 1e-9 / 120)) < 1e-17);
});
