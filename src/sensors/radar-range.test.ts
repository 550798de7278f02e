import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEG } from '../core/constants.ts';
import { horizonRule412_km, refractedElevation_rad } from './horizon.ts';
import type { RadarParams } from './radar-equation.ts';
import { detectionRange_m } from './radar-equation.ts';
import { groundFromSlant_m, radarRange, slantFromGround_m } from './radar-range.ts';

/** A TPY-2-like parameter set (catalog/radars.yaml) with the elevation limits opened. */
const BASE: RadarParams = {
  peakPower_W: 405000,
  aperture_m2: 7.4,
  frequency_Hz: 9.5e9,
  pulseWidth_s: 0.001,
  pulsesIntegrated: 110,
  integration: 'coherent',
  noiseFigure_dB: 3,
  losses_dB: 4,
  requiredSnr_dB: 13,
  minElevation_deg: -5,
  maxElevation_deg: 90,
  azimuthCenter_deg: 0,
  azimuthHalfWidth_deg: 180,
  maxInstrumentedRange_m: 1e8,
  revisit_s: 1,
  rangeAccuracy_m: 1,
  angleAccuracy_rad: 1e-3,
  measuresRangeRate: false,
};

test('slant ↔ ground range conversions invert each other', () => {
  for (const d of [0, 1e3, 5e5, 3e6])
    assert.ok(Math.abs(groundFromSlant_m(slantFromGround_m(d, 100, 3e5), 100, 3e5) - d) < 1e-3);
  assert.equal(groundFromSlant_m(1e5, 0, 3e5), -1); // shorter than the altitude: never
});

test('horizon-limited: ground range matches 4.12(√h_r + √h_t) km within 1 % (Skolnik 2001 eq. 8.5)', () => {
  for (const [hR, hT] of [
    [0, 10e3],
    [30, 20e3],
    [1000, 30e3],
  ]) {
    const r = radarRange(BASE, 1, hT, hR);
    assert.equal(r.limitedBy, 'horizon');
    const rule = horizonRule412_km(hR, hT);
    assert.ok(Math.abs(r.effectiveGroundRange_m / 1000 / rule - 1) < 0.01, `${hR}, ${hT}`);
  }
});

test('detection-limited: range scales as σ^¼ (radar range equation) and equals the free-space range', () => {
  const r1 = radarRange(BASE, 0.01, 1000e3);
  const r2 = radarRange(BASE, 0.16, 1000e3);
  assert.equal(r1.limitedBy, 'detection');
  assert.ok(Math.abs(r1.effectiveRange_m - detectionRange_m(BASE, 0.01)) < 1e-6);
  assert.ok(Math.abs(r2.detectionRange_m / r1.detectionRange_m - 2) < 1e-12);
});

test('minimum elevation and instrumented range limit where they bind', () => {
  const el = radarRange({ ...BASE, minElevation_deg: 3 }, 10, 100e3);
  assert.equal(el.limitedBy, 'min-elevation');
  const elAt = refractedElevation_rad(0, 100e3, el.effectiveGroundRange_m) / DEG;
  assert.ok(Math.abs(elAt - 3) < 1e-6, `${elAt}`);
  assert.ok(el.minElevationRange_m < el.horizonRange_m);
  const inst = radarRange({ ...BASE, maxInstrumentedRange_m: 500e3 }, 10, 100e3);
  assert.equal(inst.limitedBy, 'instrumented');
  assert.ok(Math.abs(inst.effectiveRange_m - 500e3) < 1e-6);
});

test('a target the radar cannot reach is reported as not visible', () => {
  const far = radarRange({ ...BASE, maxInstrumentedRange_m: 50e3 }, 1, 100e3);
  assert.equal(far.visible, false);
  const overhead = radarRange({ ...BASE, maxElevation_deg: 30, minElevation_deg: 20 }, 1e-9, 100e3);
  assert.equal(overhead.visible, false);
});
