import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type RadarParams,
  albersheimSnr_dB,
  antennaGain,
  apertureFromGain,
  checkRadarParams,
  detectionRange_m,
  gainFromAperture,
  integrationGain,
  snrAtRange_dB,
  wavelength_m,
} from './radar-equation.ts';
import { toDb } from '../core/units.ts';

const base: RadarParams = {
  peakPower_W: 1.5e6,
  gain_dB: 45,
  frequency_Hz: 5.6e9,
  pulseWidth_s: 0.2e-6,
  pulsesIntegrated: 1,
  noiseFigure_dB: 3,
  losses_dB: 0,
  requiredSnr_dB: 20,
  minElevation_deg: 0,
  maxElevation_deg: 90,
  azimuthCenter_deg: 0,
  azimuthHalfWidth_deg: 180,
  maxInstrumentedRange_m: 1e6,
  revisit_s: 1,
  rangeAccuracy_m: 10,
  angleAccuracy_rad: 1e-3,
  measuresRangeRate: false,
};

// Mahafza, "Radar Systems Analysis and Design Using MATLAB" (2000), ch. 1 example: C-band radar,
// Pt = 1.5 MW, f0 = 5.6 GHz, G = 45 dB, Te = 290 K, τ = 0.2 µs (B = 5 MHz), F = 3 dB,
// (SNR)min = 20 dB, σ = 0.1 m². The worked dB table (Pt 61.76, G² 90, λ² −25.35, σ −10,
// (4π)³ 32.98, kT0B −136.99, F 3, SNR 20) gives R⁴ = 5.52e19 m⁴, Rmax ≈ 86.2 km (with
// λ = 0.054 m; with c = 299,792,458 m/s λ = 0.0535 m and R ≈ 85.9 km).
test('radar equation: Mahafza (2000) ch. 1 C-band example, Rmax ≈ 86 km on 0.1 m² at 20 dB', () => {
  const r = detectionRange_m(base, 0.1) / 1000;
  assert.ok(Math.abs(r - 86.2) / 86.2 < 0.01, `got ${r.toFixed(2)} km`);
});

test('radar equation: SNR at the detection range equals the required SNR', () => {
  const r = detectionRange_m(base, 0.1);
  assert.ok(Math.abs(snrAtRange_dB(base, 0.1, r) - 20) < 1e-9);
});

test('property: detection range scales as (P·G²·λ²·σ)^¼ (Skolnik 2001 eq. 2.1)', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.05, max: 20, noNaN: true }),
      fc.double({ min: 0.05, max: 20, noNaN: true }),
      fc.double({ min: 0.2, max: 5, noNaN: true }),
      fc.double({ min: 1e-3, max: 100, noNaN: true }),
      (kp, kg, kf, sigma) => {
        const p2: RadarParams = {
          ...base,
          peakPower_W: base.peakPower_W * kp,
          gain_dB: base.gain_dB! + toDb(kg),
          frequency_Hz: base.frequency_Hz * kf,
        };
        const r1 = detectionRange_m(base, 1);
        const r2 = detectionRange_m(p2, sigma);
        const kLambda2 = 1 / (kf * kf);
        const expected = r1 * Math.pow(kp * kg * kg * kLambda2 * sigma, 0.25);
        return Math.abs(r2 / expected - 1) < 1e-9;
      },
    ),
  );
});

test('antenna gain from aperture: G = 4πA_e/λ² and back', () => {
  const lam = wavelength_m(10e9);
  const g = gainFromAperture(7.4, lam);
  assert.ok(Math.abs(apertureFromGain(g, lam) - 7.4) < 1e-9);
  const p = { ...base, gain_dB: undefined, aperture_m2: 7.4, frequency_Hz: 10e9 };
  assert.ok(Math.abs(antennaGain(p) - g) < 1e-6);
});

test('integration: coherent gain n; Albersheim single-pulse 13.1 dB at Pd 0.9, Pfa 1e-6', () => {
  assert.equal(integrationGain(10, 'coherent'), 10);
  const s1 = albersheimSnr_dB(0.9, 1e-6, 1);
  assert.ok(Math.abs(s1 - 13.1) < 0.1, `got ${s1}`);
  // Non-coherent gain lies between √n and n (Skolnik 2001 Fig. 2.8).
  const g = integrationGain(10, 'noncoherent');
  assert.ok(g > Math.sqrt(10) && g < 10, `got ${g}`);
});

test('parameter checks name the field', () => {
  assert.equal(checkRadarParams(base), null);
  assert.equal(checkRadarParams({ ...base, peakPower_W: -1 })?.[0], 'peakPower_W');
  assert.equal(
    checkRadarParams({ ...base, minElevation_deg: 10, maxElevation_deg: 5 })?.[0],
    'maxElevation_deg',
  );
});
