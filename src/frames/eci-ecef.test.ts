import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ecefFromEci, eciFromEcef, velEcefFromEci, velEciFromEcef } from './eci-ecef.ts';
import { geodeticToEcef } from './wgs84.ts';
import { earthRotationAngle_rad } from '../time/epoch.ts';
import { DEG, OMEGA_EARTH_radps } from '../core/constants.ts';

const near = (a: number, b: number, tol: number, msg = ''): void =>
  assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b} (tol ${tol})`);

test('ecefFromEci: at θ = 90° the ECI x axis is seen along ECEF −y (Earth turned east by 90°)', () => {
  const o = new Float64Array(3);
  ecefFromEci([1, 0, 0], Math.PI / 2, o);
  near(o[0], 0, 1e-16);
  near(o[1], -1, 1e-16);
  ecefFromEci([0, 0, 5], 1.234, o);
  assert.deepEqual([...o], [0, 0, 5]);
  eciFromEcef([1, 0, 0], Math.PI / 2, o);
  near(o[0], 0, 1e-16);
  near(o[1], 1, 1e-16);
});

const coord = fc.double({ min: -5e7, max: 5e7, noNaN: true });
const speed = fc.double({ min: -1e4, max: 1e4, noNaN: true });
const angle = fc.double({ min: 0, max: 2 * Math.PI, noNaN: true, maxExcluded: true });

test('position and velocity round trips ECI → ECEF → ECI are the identity (property)', () => {
  const p = new Float64Array(3);
  const v = new Float64Array(3);
  const p2 = new Float64Array(3);
  const v2 = new Float64Array(3);
  fc.assert(
    fc.property(coord, coord, coord, speed, speed, speed, angle, (x, y, z, vx, vy, vz, th) => {
      const r = [x, y, z];
      const vel = [vx, vy, vz];
      ecefFromEci(r, th, p);
      velEcefFromEci(r, vel, th, v);
      eciFromEcef(p, th, p2);
      velEciFromEcef(p, v, th, v2);
      for (let i = 0; i < 3; i++) {
        near(p2[i], r[i], 1e-8 * (1 + Math.abs(r[i])), 'pos');
        near(v2[i], vel[i], 1e-8, 'vel');
      }
      // A rotation keeps lengths.
      near(Math.hypot(p[0], p[1], p[2]), Math.hypot(x, y, z), 1e-7);
    }),
    { numRuns: 2000 },
  );
});

test('a point fixed on Earth moves in ECI at ω·r·cos(lat) due east (Vallado §3.7, transport theorem)', () => {
  const pe = new Float64Array(3);
  const pi = new Float64Array(3);
  const vi = new Float64Array(3);
  for (const [lat, lon, alt] of [
    [0, 0, 0],
    [52.72, 174.1, 30],
    [63.95, -145.73, 500],
    [-33.9, 18.4, 0],
    [90, 0, 0],
  ]) {
    geodeticToEcef(lat * DEG, lon * DEG, alt, pe);
    const theta = 2.1;
    eciFromEcef(pe, theta, pi);
    velEciFromEcef(pe, [0, 0, 0], theta, vi);
    const rho = Math.hypot(pe[0], pe[1]); // r·cos(geocentric lat): distance from the axis
    near(Math.hypot(vi[0], vi[1], vi[2]), OMEGA_EARTH_radps * rho, 1e-9, `speed at ${lat}`);
    near(vi[0] * pi[0] + vi[1] * pi[1] + vi[2] * pi[2], 0, 1e-3, 'perpendicular to r');
    near(vi[2], 0, 0, 'no vertical motion');
    // Eastward: r × v points along +z (the Earth turns counter-clockwise seen from the north).
    if (lat !== 90) assert.ok(pi[0] * vi[1] - pi[1] * vi[0] > 0, 'eastward');
    // Equator: 465.10 m/s (a·ω).
    if (lat === 0) near(Math.hypot(vi[0], vi[1]), 465.1011, 1e-4);
    // Back to ECEF it is at rest.
    const ve = new Float64Array(3);
    velEcefFromEci(pi, vi, theta, ve);
    near(Math.hypot(ve[0], ve[1], ve[2]), 0, 1e-10);
  }
});

test('velEcefFromEci equals the finite-difference derivative of the ECEF track of a moving body', () => {
  // r_ecef(t) = R3(θ0 + ωt) r_eci; its numerical derivative must equal velEcefFromEci.
  const r = [7.0e6, -1.2e6, 3.3e6];
  const vEci = [1200, 6500, -800];
  const th0 = 0.7;
  const t = 100;
  const h = 1e-3;
  const rPlus = [0, 1, 2].map((i) => r[i] + vEci[i] * (t + h));
  const rMinus = [0, 1, 2].map((i) => r[i] + vEci[i] * (t - h));
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  ecefFromEci(rPlus, earthRotationAngle_rad(th0, t + h), a);
  ecefFromEci(rMinus, earthRotationAngle_rad(th0, t - h), b);
  const rNow = [0, 1, 2].map((i) => r[i] + vEci[i] * t);
  const v = new Float64Array(3);
  velEcefFromEci(rNow, vEci, earthRotationAngle_rad(th0, t), v);
  for (let i = 0; i < 3; i++) near(v[i], (a[i] - b[i]) / (2 * h), 1e-4, `axis ${i}`);
});

test('conversions allow out to alias the input', () => {
  const v = Float64Array.of(1, 2, 3);
  ecefFromEci(v, 0.4, v);
  eciFromEcef(v, 0.4, v);
  near(v[0], 1, 1e-15);
  near(v[1], 2, 1e-15);
  const r = Float64Array.of(7e6, 1e5, 2e5);
  const vel = Float64Array.of(10, 7000, 20);
  velEcefFromEci(r, vel, 1.1, vel);
  ecefFromEci(r, 1.1, r);
  velEciFromEcef(r, vel, 1.1, vel);
  near(vel[0], 10, 1e-9);
  near(vel[1], 7000, 1e-9);
  near(vel[2], 20, 1e-12);
});
