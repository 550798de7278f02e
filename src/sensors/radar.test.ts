import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type RadarParams } from './radar-equation.ts';
import { createRadarSite, radarLook } from './radar.ts';
import { geodeticToEcef } from '../frames/wgs84.ts';
import { azElRangeToEcef } from '../frames/enu.ts';
import { randomStream } from '../core/random.ts';
import { DEG } from '../core/constants.ts';

const params: RadarParams = {
  peakPower_W: 405e3,
  aperture_m2: 7.4,
  frequency_Hz: 9.5e9,
  pulseWidth_s: 1e-3,
  pulsesIntegrated: 20,
  noiseFigure_dB: 3,
  losses_dB: 4,
  requiredSnr_dB: 13,
  minElevation_deg: 1,
  maxElevation_deg: 80,
  azimuthCenter_deg: 90,
  azimuthHalfWidth_deg: 60,
  maxInstrumentedRange_m: 3e6,
  revisit_s: 1,
  rangeAccuracy_m: 1,
  angleAccuracy_rad: 1e-3,
  measuresRangeRate: true,
  rangeRateAccuracy_mps: 0.3,
};
const lat = 38.35 * DEG;
const lon = 37.79 * DEG;
const site = createRadarSite('tpy2-test', params, lat, lon, 1900);
const zero = new Float64Array(3);
const ctx = { time_s: 12, theta_rad: 0.7, truthId: 'rv-1' };

function target(az_deg: number, el_deg: number, range_m: number): Float64Array {
  return azElRangeToEcef(lat, lon, 1900, az_deg * DEG, el_deg * DEG, range_m, new Float64Array(3));
}

test('radarLook: a target in the sector at 500 km is detected, exact without a random stream', () => {
  const r = radarLook(site, target(90, 20, 500e3), zero, 0.01, ctx);
  assert.equal(r.reason, 'ok');
  assert.ok(r.detection);
  const d = r.detection!;
  assert.equal(d.kind, 'range-az-el-rr');
  assert.ok(Math.abs(d.measurement[0] - 500e3) < 1e-6);
  assert.ok(Math.abs(d.measurement[1] - 90 * DEG) < 1e-9);
  assert.ok(Math.abs(d.measurement[2] - 20 * DEG) < 1e-9);
  // frameFromEci·(target_eci − origin_eci) reproduces the ENU vector.
  const cth = Math.cos(ctx.theta_rad);
  const sth = Math.sin(ctx.theta_rad);
  const t = target(90, 20, 500e3);
  const te = [cth * t[0] - sth * t[1], sth * t[0] + cth * t[1], t[2]];
  const rel = te.map((v, i) => v - d.originEci_m[i]);
  const f = d.frameFromEci;
  const up = f[6] * rel[0] + f[7] * rel[1] + f[8] * rel[2];
  assert.ok(Math.abs(up - 500e3 * Math.sin(20 * DEG)) < 1e-3);
});

test('radarLook reasons: outside-fov, below-horizon, beyond range, low-snr', () => {
  assert.equal(radarLook(site, target(270, 20, 500e3), zero, 0.01, ctx).reason, 'outside-fov');
  assert.equal(radarLook(site, target(90, 85, 500e3), zero, 0.01, ctx).reason, 'outside-fov');
  // A target on the ground 1,000 km away is over the horizon.
  const far = geodeticToEcef(lat, lon + 12 * DEG, 0, new Float64Array(3));
  assert.equal(radarLook(site, far, zero, 1, ctx).reason, 'below-horizon');
  assert.equal(
    radarLook(site, target(90, 30, 3.2e6), zero, 1, ctx).reason,
    'beyond-instrumented-range',
  );
  assert.equal(radarLook(site, target(90, 30, 2.5e6), zero, 0.001, ctx).reason, 'low-snr');
});

test('radarLook: noise scales as 1/√SNR and Pd draws are replayable from the stream', () => {
  const near = radarLook(
    site,
    target(90, 20, 300e3),
    zero,
    0.01,
    ctx,
    randomStream(1, 0, 'sensors/t/noise'),
  );
  const far = radarLook(
    site,
    target(90, 20, 900e3),
    zero,
    0.01,
    ctx,
    randomStream(1, 0, 'sensors/t/noise'),
  );
  assert.ok(near.detection && far.detection);
  // σ² ∝ 1/SNR ∝ R⁴: 3⁴ = 81.
  assert.ok(Math.abs(far.detection!.covariance[0] / near.detection!.covariance[0] - 81) < 1e-6);
  const a = radarLook(site, target(90, 20, 900e3), zero, 0.01, ctx, randomStream(7, 3, 'p'));
  const b = radarLook(site, target(90, 20, 900e3), zero, 0.01, ctx, randomStream(7, 3, 'p'));
  assert.deepEqual(a.detection?.measurement, b.detection?.measurement);
});

test('radarLook: range rate of a receding target', () => {
  const t = target(90, 0.5 * 90, 400e3);
  const rel = [t[0] - site.posEcef_m[0], t[1] - site.posEcef_m[1], t[2] - site.posEcef_m[2]];
  const n = Math.hypot(rel[0], rel[1], rel[2]);
  const v = Float64Array.from(rel.map((x) => (x / n) * 3000));
  const r = radarLook(site, t, v, 1, ctx);
  assert.ok(Math.abs(r.detection!.measurement[3] - 3000) < 1e-6);
});
