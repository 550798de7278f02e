import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lambert } from './lambert.ts';
import { propagateKepler } from './two-body.ts';
import { GM_EARTH_m3ps2 } from '../core/constants.ts';

const km = 1000;

function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
  what: string,
) {
  for (let k = 0; k < expected.length; k++) {
    assert.ok(
      Math.abs(actual[k] - expected[k]) <= tol,
      `${what}[${k}]: got ${actual[k]}, expected ${expected[k]} ± ${tol}`,
    );
  }
}

const v1 = new Float64Array(3);
const v2 = new Float64Array(3);

test('Lambert: Curtis 3rd ed. Example 5.2, 1 h transfer (μ = 398 600 km³/s²)', () => {
  const ok = lambert(
    [5000 * km, 10000 * km, 2100 * km],
    [-14600 * km, 2500 * km, 7000 * km],
    3600,
    398600 * km ** 3,
    {},
    v1,
    v2,
  );
  assert.equal(ok, true);
  // Curtis prints v1 = (−5.9925, 1.9254, 3.2456) km/s and v2 = (−3.3125, −4.1966, −0.38529) km/s,
  // i.e. to 0.1 m/s: half a printed unit plus a little for the book's rounded intermediates.
  assertClose(v1, [-5.9925 * km, 1.9254 * km, 3.2456 * km], 0.06, 'v1 (m/s)');
  assertClose(v2, [-3.3125 * km, -4.1966 * km, -0.38529 * km], 0.06, 'v2 (m/s)');
});

test('Lambert: Vallado 4th ed. Example 7-5, short way, transfer in 76 min', () => {
  // r1 = 2.5 ER on +x, r2 = (1.9151111, 1.6069690, 0) ER; book answer in km/s to 6 decimals.
  const ok = lambert(
    [15945.34 * km, 0, 0],
    [12214.83899 * km, 10249.46731 * km, 0],
    76 * 60,
    GM_EARTH_m3ps2,
    { longWay: false },
    v1,
    v2,
  );
  assert.equal(ok, true);
  // Printed to 1 mm/s.
  assertClose(v1, [2.058913 * km, 2.915965 * km, 0], 2e-3, 'v1 (m/s)');
  assertClose(v2, [-3.451565 * km, 0.910315 * km, 0], 2e-3, 'v2 (m/s)');
});

test('Lambert: Vallado 4th ed. Example 7-5, long way', () => {
  // Book: v1 = (−3.811158, −2.003854, 0) km/s, v2 = (4.207569, 0.914724, 0) km/s.
  const ok = lambert(
    [15945.34 * km, 0, 0],
    [12214.83899 * km, 10249.46731 * km, 0],
    76 * 60,
    GM_EARTH_m3ps2,
    { longWay: true },
    v1,
    v2,
  );
  assert.equal(ok, true);
  assertClose(v1, [-3.811158 * km, -2.003854 * km, 0], 2e-3, 'v1 (m/s)');
  assertClose(v2, [4.207569 * km, 0.914724 * km, 0], 2e-3, 'v2 (m/s)');
});

test('Lambert: Curtis 3rd ed. Example 5.3, 13.5 h transfer (printed v_y sign is an erratum)', () => {
  // Curtis prints v1 = (−2.4356, −0.26741, 0) km/s; poliastro's tests/test_iod.py (test_curtis53)
  // records the j component as positive, which the transfer geometry requires.
  const ok = lambert(
    [273378 * km, 0, 0],
    [145820 * km, 12758 * km, 0],
    13.5 * 3600,
    398600 * km ** 3,
    {},
    v1,
    v2,
  );
  assert.equal(ok, true);
  // The book's 5 figures carry rounding from its intermediate steps: 1e-4 relative, as poliastro.
  assertClose(v1, [-2.4356 * km, 0.26741 * km, 0], 0.25, 'v1 (m/s)');
});

test('Lambert: long way, poliastro issue #840 regression (Izzo and Vallado solvers agree to 1e-6)', () => {
  // r2 lies 32° clockwise of r1, so the prograde (+z) transfer is the long way round (328°).
  const ok = lambert(
    [10000 * km, 0, 0],
    [8000 * km, -5000 * km, 0],
    2 * 3600,
    GM_EARTH_m3ps2,
    { longWay: true },
    v1,
    v2,
  );
  assert.equal(ok, true);
  assertClose(v1, [0.36591277 * km, 5.8228806 * km, 0], 1e-3, 'v1 (m/s)');
  assertClose(v2, [3.99397599 * km, 4.78236576 * km, 0], 1e-3, 'v2 (m/s)');
  // h = r1 × v1 points along +z: the long way here is prograde.
  assert.ok(10000 * km * v1[1] > 0);
});

test('Lambert: no solution for collinear positions or a non-positive time', () => {
  assert.equal(lambert([7e6, 0, 0], [8e6, 0, 0], 1000, GM_EARTH_m3ps2, {}, v1, v2), false);
  assert.ok(Number.isNaN(v1[0]));
  assert.equal(lambert([7e6, 0, 0], [-8e6, 0, 0], 1000, GM_EARTH_m3ps2, {}, v1, v2), false);
  assert.equal(lambert([7e6, 0, 0], [0, 8e6, 0], 0, GM_EARTH_m3ps2, {}, v1, v2), false);
  assert.equal(lambert([7e6, 0, 0], [0, 8e6, 0], -5, GM_EARTH_m3ps2, {}, v1, v2), false);
});

test('property: propagating v1 from r1 for the time of flight lands on r2 within 1 m', () => {
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  const unit = fc
    .tuple(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    )
    .filter(([x, y, z]) => Math.hypot(x, y, z) > 0.1);
  fc.assert(
    fc.property(
      unit,
      unit,
      fc.double({ min: 6500e3, max: 45000e3, noNaN: true }),
      fc.double({ min: 6500e3, max: 45000e3, noNaN: true }),
      fc.double({ min: 0.02, max: 3, noNaN: true }), // tof as a fraction of a circular period
      fc.boolean(),
      (u1, u2, rn1, rn2, frac, longWay) => {
        const n1 = Math.hypot(...u1);
        const n2 = Math.hypot(...u2);
        const r1 = u1.map((c) => (c / n1) * rn1);
        const r2 = u2.map((c) => (c / n2) * rn2);
        const cosang = (u1[0] * u2[0] + u1[1] * u2[1] + u1[2] * u2[2]) / (n1 * n2);
        fc.pre(Math.abs(cosang) < 0.9999); // keep the transfer plane defined
        const rm = 0.5 * (rn1 + rn2);
        const tof = frac * 2 * Math.PI * Math.sqrt(rm ** 3 / GM_EARTH_m3ps2);
        const ok = lambert(r1, r2, tof, GM_EARTH_m3ps2, { longWay }, v1, v2);
        assert.equal(ok, true, 'a single-revolution solution always exists');
        assert.equal(propagateKepler(r1, v1, tof, GM_EARTH_m3ps2, r, v), true);
        assertClose(r, r2, 1, 'r(tof)');
        // The arrival velocity is the propagated one (1 mm/s).
        assertClose(v, v2, 1e-3, 'v(tof)');
        // The transfer runs the requested way round: h ∥ ±(r1 × r2).
        const hz = [
          r1[1] * v1[2] - r1[2] * v1[1],
          r1[2] * v1[0] - r1[0] * v1[2],
          r1[0] * v1[1] - r1[1] * v1[0],
        ];
        const c = [
          r1[1] * r2[2] - r1[2] * r2[1],
          r1[2] * r2[0] - r1[0] * r2[2],
          r1[0] * r2[1] - r1[1] * r2[0],
        ];
        const s = hz[0] * c[0] + hz[1] * c[1] + hz[2] * c[2];
        assert.ok(longWay ? s < 0 : s > 0, 'direction of motion');
      },
    ),
    { numRuns: 1000, seed: 7 },
  );
});
