import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createElements, elementsToState, propagateKepler, stateToElements } from './two-body.ts';
import {
  meanFromEccentric,
  solveKeplerElliptic,
  eccentricFromTrue,
  trueFromEccentric,
} from './kepler.ts';
import { GM_EARTH_m3ps2, R_MEAN_m } from '../core/constants.ts';

const km = 1000;
const MU_CURTIS = 398600 * km ** 3; // Curtis uses μ = 398 600 km³/s²

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

const energy = (r: ArrayLike<number>, v: ArrayLike<number>, mu: number): number =>
  0.5 * (v[0] ** 2 + v[1] ** 2 + v[2] ** 2) - mu / Math.hypot(r[0], r[1], r[2]);

const angMom = (r: ArrayLike<number>, v: ArrayLike<number>): number[] => [
  r[1] * v[2] - r[2] * v[1],
  r[2] * v[0] - r[0] * v[2],
  r[0] * v[1] - r[1] * v[0],
];

test('Kepler propagation: Vallado 4th ed. Example 2-4 (KEPLER, 40 min)', () => {
  // r0, v0 and the printed answer from Vallado (2013), Example 2-4, μ = 398 600.4418 km³/s².
  const r0 = [1131.34 * km, -2282.343 * km, 6672.423 * km];
  const v0 = [-5.64305 * km, 4.30333 * km, 2.42879 * km];
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  assert.equal(propagateKepler(r0, v0, 40 * 60, GM_EARTH_m3ps2, r, v), true);
  // Book prints r to 0.1 m and v to 1 mm/s.
  assertClose(r, [-4219.7527 * km, 4363.0292 * km, -3958.7666 * km], 0.1, 'r');
  assertClose(v, [3.689866 * km, -1.916735 * km, -6.112511 * km], 1e-3, 'v');
});

test('Kepler propagation: Curtis 3rd ed. Example 3.7 (60 min, μ = 398 600 km³/s²)', () => {
  // Curtis (2014), Example 3.7: r = (−3297.8, 7413.4, 0) km, v = (−8.2977, −0.96309, 0) km/s.
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  propagateKepler([7000 * km, -12124 * km, 0], [2.6679 * km, 4.621 * km, 0], 3600, MU_CURTIS, r, v);
  assertClose(r, [-3297.8 * km, 7413.4 * km, 0], 0.5 * km, 'r'); // printed to 0.1 km, rounded inputs
  assertClose(v, [-8.2977 * km, -0.96309 * km, 0], 1e-3 * km, 'v');
});

test('Kepler propagation agrees with Kepler’s equation via eccentric anomaly (Vallado Alg. 2, 10)', () => {
  const el = createElements();
  el.p_m = 9000 * km * (1 - 0.6 ** 2);
  el.e = 0.6;
  el.i_rad = 0.9;
  el.raan_rad = 2.1;
  el.argp_rad = 0.4;
  el.nu_rad = 0.3;
  const r0 = new Float64Array(3);
  const v0 = new Float64Array(3);
  elementsToState(el, GM_EARTH_m3ps2, r0, v0);
  const a = 9000 * km;
  const n = Math.sqrt(GM_EARTH_m3ps2 / a ** 3);
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  const rK = new Float64Array(3);
  const vK = new Float64Array(3);
  for (const dt of [60, 1234.5, 5000, -7000, 3.3e5]) {
    propagateKepler(r0, v0, dt, GM_EARTH_m3ps2, r, v);
    const M = meanFromEccentric(eccentricFromTrue(0.3, 0.6), 0.6) + n * dt;
    el.nu_rad = trueFromEccentric(solveKeplerElliptic(M, 0.6), 0.6);
    elementsToState(el, GM_EARTH_m3ps2, rK, vK);
    assertClose(r, rK, 1e-4 * (1 + Math.abs(dt) / 1e4), `r(dt=${dt})`);
    assertClose(v, vK, 1e-7 * (1 + Math.abs(dt) / 1e4), `v(dt=${dt})`);
  }
});

// Elliptic, parabolic (v = √(2μ/r)), hyperbolic and a radial ellipse, each forward and backward.
const cases: Array<[string, number[], number[]]> = [
  ['ellipse', [7000 * km, 0, 0], [0, 7.5 * km, 1 * km]],
  ['parabola', [7000 * km, 0, 0], [0, Math.sqrt((2 * GM_EARTH_m3ps2) / (7000 * km)), 0]],
  ['hyperbola', [7000 * km, 100 * km, 0], [0.5 * km, 15 * km, 2 * km]],
  ['radial ellipse', [7000 * km, 0, 0], [3 * km, 0, 0]],
];

test('energy and angular momentum are conserved on every conic', () => {
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  for (const [name, r0, v0] of cases) {
    const E0 = energy(r0, v0, GM_EARTH_m3ps2);
    const h0 = angMom(r0, v0);
    const h0n = Math.hypot(...h0);
    for (const dt of [-600, 1, 1500, 3600]) {
      assert.equal(propagateKepler(r0, v0, dt, GM_EARTH_m3ps2, r, v), true);
      const scale = GM_EARTH_m3ps2 / Math.hypot(...r0);
      assert.ok(
        Math.abs(energy(r, v, GM_EARTH_m3ps2) - E0) <= 1e-11 * scale,
        `${name} energy dt=${dt}`,
      );
      const h = angMom(r, v);
      assertClose(h, h0, 1e-11 * (h0n + Math.hypot(...r0) * 1e4), `${name} h dt=${dt}`);
    }
  }
});

test('propagate forward then backward returns to the start within 1e-6 m', () => {
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  for (const [name, r0, v0] of cases) {
    for (const dt of [10, 900, 3000]) {
      propagateKepler(r0, v0, dt, GM_EARTH_m3ps2, r, v);
      propagateKepler(r, v, -dt, GM_EARTH_m3ps2, r, v); // out aliases input
      assertClose(r, r0, 1e-6, `${name} r after ±${dt} s`);
      assertClose(v, v0, 1e-9, `${name} v after ±${dt} s`);
    }
  }
});

test('property: forward/backward round trip for random bound and unbound states', () => {
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  const comp = fc.double({ min: -1, max: 1, noNaN: true });
  fc.assert(
    fc.property(
      fc.tuple(comp, comp, comp),
      fc.tuple(comp, comp, comp),
      fc.double({ min: 6600e3, max: 42000e3, noNaN: true }),
      fc.double({ min: 0.3, max: 1.6, noNaN: true }), // speed / escape speed
      fc.double({ min: -3600, max: 3600, noNaN: true }),
      (ur, uv, rn, speedRatio, dt) => {
        const nr = Math.hypot(...ur);
        const nv = Math.hypot(...uv);
        fc.pre(nr > 0.1 && nv > 0.1);
        const r0 = ur.map((c) => (c / nr) * rn);
        const vs = speedRatio * Math.sqrt((2 * GM_EARTH_m3ps2) / rn);
        const v0 = uv.map((c) => (c / nv) * vs);
        // Free flight in vacuum: periapsis above the Earth's surface. (Orbits diving to within a few
        // hundred km of the centre reach ~1e-13 relative error, i.e. a few 1e-6 m, in an hour.)
        const h = Math.hypot(...angMom(r0, v0));
        const E = energy(r0, v0, GM_EARTH_m3ps2);
        const e = Math.sqrt(Math.max(0, 1 + (2 * E * h * h) / GM_EARTH_m3ps2 ** 2));
        fc.pre((h * h) / GM_EARTH_m3ps2 / (1 + e) > R_MEAN_m);
        assert.equal(propagateKepler(r0, v0, dt, GM_EARTH_m3ps2, r, v), true);
        propagateKepler(r, v, -dt, GM_EARTH_m3ps2, r, v);
        assertClose(r, r0, 1e-6, 'r');
      },
    ),
    { numRuns: 500, seed: 20240601 },
  );
});

test('a whole number of periods returns to the start', () => {
  const r0 = [7000 * km, 0, 0];
  const v0 = [0, 7.5 * km, 1 * km];
  const a = 1 / (2 / (7000 * km) - ((7.5 ** 2 + 1) * km ** 2) / GM_EARTH_m3ps2);
  const T = 2 * Math.PI * Math.sqrt(a ** 3 / GM_EARTH_m3ps2);
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  propagateKepler(r0, v0, 3 * T, GM_EARTH_m3ps2, r, v);
  assertClose(r, r0, 1e-5, 'r');
});

test('degenerate input returns false and NaN', () => {
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  assert.equal(propagateKepler([0, 0, 0], [1, 0, 0], 10, GM_EARTH_m3ps2, r, v), false);
  assert.ok(Number.isNaN(r[0]));
  assert.equal(propagateKepler([7e6, 0, 0], [0, 7e3, 0], NaN, GM_EARTH_m3ps2, r, v), false);
});

test('elements: Vallado 4th ed. Example 2-5 (RV2COE)', () => {
  // r = (6524.834, 6862.875, 6448.296) km, v = (4.901327, 5.533756, −1.976341) km/s →
  // p = 11 067.790 km, e = 0.832 853, i = 87.870°, Ω = 227.89°, ω = 53.38°, ν = 92.335°.
  const el = stateToElements(
    [6524.834 * km, 6862.875 * km, 6448.296 * km],
    [4.901327 * km, 5.533756 * km, -1.976341 * km],
    GM_EARTH_m3ps2,
    createElements(),
  );
  const deg = Math.PI / 180;
  assert.ok(Math.abs(el.p_m - 11067.79 * km) < 0.5 * km, `p ${el.p_m}`);
  assert.ok(Math.abs(el.e - 0.832853) < 1e-5, `e ${el.e}`);
  assert.ok(Math.abs(el.i_rad - 87.87 * deg) < 0.01 * deg, `i ${el.i_rad / deg}`);
  assert.ok(Math.abs(el.raan_rad - 227.89 * deg) < 0.01 * deg, `raan ${el.raan_rad / deg}`);
  assert.ok(Math.abs(el.argp_rad - 53.38 * deg) < 0.01 * deg, `argp ${el.argp_rad / deg}`);
  assert.ok(Math.abs(el.nu_rad - 92.335 * deg) < 0.01 * deg, `nu ${el.nu_rad / deg}`);
});

test('elements round trip, including circular, equatorial and retrograde-equatorial orbits', () => {
  const r2 = new Float64Array(3);
  const v2 = new Float64Array(3);
  const el = createElements();
  const states: Array<[number[], number[]]> = [
    [
      [7000 * km, 1000 * km, 200 * km],
      [-1 * km, 7.2 * km, 2 * km],
    ],
    [
      [7000 * km, 0, 0],
      [0, Math.sqrt(GM_EARTH_m3ps2 / (7000 * km)), 0],
    ], // circular equatorial
    [
      [7000 * km, 0, 0],
      [
        0,
        0.6 * Math.sqrt(GM_EARTH_m3ps2 / (7000 * km)),
        0.8 * Math.sqrt(GM_EARTH_m3ps2 / (7000 * km)),
      ],
    ], // circular inclined
    [
      [7000 * km, 500 * km, 0],
      [1 * km, -7.9 * km, 0],
    ], // retrograde equatorial ellipse
    [
      [7000 * km, 0, 0],
      [0, 11 * km, 3 * km],
    ], // hyperbola
  ];
  for (const [r0, v0] of states) {
    stateToElements(r0, v0, GM_EARTH_m3ps2, el);
    elementsToState(el, GM_EARTH_m3ps2, r2, v2);
    assertClose(r2, r0, 1e-6, 'r');
    assertClose(v2, v0, 1e-9, 'v');
  }
});
