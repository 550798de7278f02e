import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  lnGamma,
  pdSwerling0,
  pdSwerling1,
  requiredSnrSwerling0,
  requiredSnrSwerling1,
} from './detection-probability.ts';
import { toDb } from '../core/units.ts';

test('lnGamma matches factorials', () => {
  assert.ok(Math.abs(lnGamma(11) - Math.log(3628800)) < 1e-12);
  assert.ok(Math.abs(lnGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-12);
});

test('Swerling 0: Pd(SNR = 0) = Pfa and Pd rises monotonically to 1', () => {
  assert.equal(pdSwerling0(0, 1e-6), 1e-6);
  let prev = 0;
  for (let db = -10; db <= 30; db += 0.5) {
    const pd = pdSwerling0(10 ** (db / 10), 1e-6);
    assert.ok(pd >= prev - 1e-15);
    prev = pd;
  }
  assert.ok(prev > 0.999999);
});

// Skolnik, "Introduction to Radar Systems", 3rd ed. (2001), Fig. 2.7 (steady target, single
// pulse): Pd = 0.9 at Pfa = 1e-6 needs ≈ 13.2 dB (Albersheim gives 13.1 dB).
test('Swerling 0: Pd 0.9 at Pfa 1e-6 needs 13.2 dB (Skolnik 2001 Fig. 2.7)', () => {
  const snr = toDb(requiredSnrSwerling0(0.9, 1e-6));
  assert.ok(Math.abs(snr - 13.2) < 0.15, `got ${snr.toFixed(3)} dB`);
  // Pd 0.5 at Pfa 1e-6: ≈ 11.2 dB on the same figure.
  const snr50 = toDb(requiredSnrSwerling0(0.5, 1e-6));
  assert.ok(Math.abs(snr50 - 11.2) < 0.25, `got ${snr50.toFixed(3)} dB`);
});

// Skolnik 2001 eq. 2.50 / Fig. 2.23: Swerling 1, one pulse, Pd 0.9, Pfa 1e-6 → ≈ 21 dB.
test('Swerling 1: Pd 0.9 at Pfa 1e-6 needs ≈ 21.1 dB (Skolnik 2001 Fig. 2.23)', () => {
  const snr = requiredSnrSwerling1(0.9, 1e-6);
  assert.ok(Math.abs(toDb(snr) - 21.14) < 0.05);
  assert.ok(Math.abs(pdSwerling1(snr, 1e-6) - 0.9) < 1e-12);
});

test('Swerling 0 at large SNR and at Pfa 1e-10 stays finite and in [0, 1]', () => {
  for (const db of [40, 60, 80]) assert.equal(pdSwerling0(10 ** (db / 10), 1e-10), 1);
  const pd = pdSwerling0(10 ** 1.5, 1e-10);
  assert.ok(pd > 0 && pd < 1);
});
