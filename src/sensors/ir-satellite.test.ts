import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GEO_RADIUS_m,
  type IrSensorParams,
  geoPositionEci,
  irLook,
  keplerPositionEci,
  molniyaElements,
  triangulate,
} from './ir-satellite.ts';
import { geodeticToEcef } from '../frames/wgs84.ts';
import { eciFromEcef } from '../frames/eci-ecef.ts';
import { DEG } from '../core/constants.ts';
import { randomStream } from '../core/random.ts';

const dsp: IrSensorParams = { losAccuracy_rad: 5e-5, revisit_s: 10, fieldOfRegardHalfAngle_deg: 9 };
const theta = 0.3;
const zero = new Float64Array(3);
const ctx = { time_s: 60, theta_rad: theta, truthId: 'm1' };

const eciAt = (lat_deg: number, lon_deg: number, alt_m: number): Float64Array =>
  eciFromEcef(
    geodeticToEcef(lat_deg * DEG, lon_deg * DEG, alt_m, new Float64Array(3)),
    theta,
    new Float64Array(3),
  );

test('GEO radius from GM and ω is 42,164 km (Vallado 2013 §2.3)', () => {
  assert.ok(Math.abs(GEO_RADIUS_m - 42164.17e3) < 100);
});

test('IR: a burning launch directly below a GEO satellite is seen; burnout and clouds hide it', () => {
  const sat = geoPositionEci(70 * DEG, theta, new Float64Array(3));
  const tgt = eciAt(0, 70, 30e3);
  const r = irLook('dsp', dsp, sat, zero, tgt, true, ctx);
  assert.equal(r.reason, 'ok');
  assert.ok(
    Math.abs(r.detection!.measurement[0]) < 1e-6 && Math.abs(r.detection!.measurement[1]) < 1e-6,
  );
  assert.equal(irLook('dsp', dsp, sat, zero, tgt, false, ctx).reason, 'not-burning');
  assert.equal(
    irLook('dsp', dsp, sat, zero, eciAt(0, 70, 5e3), true, ctx).reason,
    'below-cloud-top',
  );
});

test('IR: a launch over the limb (95° of longitude away) is not seen', () => {
  const sat = geoPositionEci(70 * DEG, theta, new Float64Array(3));
  assert.equal(irLook('dsp', dsp, sat, zero, eciAt(0, 165, 50e3), true, ctx).reason, 'behind-limb');
  // 60° away at 50 km: above the horizon but outside a field of regard of 5°.
  const narrow = { ...dsp, fieldOfRegardHalfAngle_deg: 5 };
  assert.equal(
    irLook('dsp', narrow, sat, zero, eciAt(0, 130, 50e3), true, ctx).reason,
    'outside-field-of-regard',
  );
});

test('triangulate: two exact lines of sight recover the point; covariance is finite and positive', () => {
  const s1 = geoPositionEci(40 * DEG, theta, new Float64Array(3));
  const s2 = geoPositionEci(100 * DEG, theta, new Float64Array(3));
  const tgt = eciAt(35, 70, 80e3);
  const d1 = irLook('a', dsp, s1, zero, tgt, true, ctx).detection!;
  const d2 = irLook('b', dsp, s2, zero, tgt, true, ctx).detection!;
  const fix = triangulate(d1, d2);
  const err = Math.hypot(
    fix.posEci_m[0] - tgt[0],
    fix.posEci_m[1] - tgt[1],
    fix.posEci_m[2] - tgt[2],
  );
  assert.ok(err < 1e-3, `error ${err} m`);
  assert.ok(fix.missDistance_m < 1e-3);
  for (const i of [0, 4, 8]) assert.ok(fix.covariance[i] > 0 && Number.isFinite(fix.covariance[i]));
  // 50 µrad at ~38,000 km is ~1.9 km per axis: the fix's σ is of that order.
  const sigma = Math.sqrt((fix.covariance[0] + fix.covariance[4] + fix.covariance[8]) / 3);
  assert.ok(sigma > 300 && sigma < 20e3, `σ ${sigma}`);
  // With noise the fix stays within a few σ.
  const rng = randomStream(3, 0, 'sensors/ir');
  const n1 = irLook('a', dsp, s1, zero, tgt, true, ctx, rng).detection!;
  const n2 = irLook('b', dsp, s2, zero, tgt, true, ctx, rng).detection!;
  const nf = triangulate(n1, n2);
  const ne = Math.hypot(nf.posEci_m[0] - tgt[0], nf.posEci_m[1] - tgt[1], nf.posEci_m[2] - tgt[2]);
  assert.ok(ne < 6 * Math.sqrt(nf.covariance[0] + nf.covariance[4] + nf.covariance[8]));
});

test('Molniya orbit: period of half a sidereal day, apogee altitude ≈ 39,700 km in the north', () => {
  const el = molniyaElements(0, Math.PI);
  const r = keplerPositionEci(el, 0, new Float64Array(3));
  const rApo = el.semiMajorAxis_m * (1 + el.eccentricity);
  assert.ok(Math.abs(Math.hypot(r[0], r[1], r[2]) - rApo) < 1);
  assert.ok(r[2] > 0);
  const period = 2 * Math.PI * Math.sqrt(el.semiMajorAxis_m ** 3 / 3.986004418e14);
  const r2 = keplerPositionEci(el, period, new Float64Array(3));
  assert.ok(Math.hypot(r2[0] - r[0], r2[1] - r[1], r2[2] - r[2]) < 1e-3);
});
