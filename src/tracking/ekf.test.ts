import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomStream } from '../core/random.ts';
import { BallisticModel } from './ballistic-model.ts';
import { createEkf } from './ekf.ts';
import { createUkf } from './ukf.ts';
import { gaussianState } from './gaussian-state.ts';
import { chi2AverageBand, invert, quadForm } from './linalg.ts';
import { detect, enuToEci, sampleGaussian, site, type Site } from './test-scenario.ts';
import { measure } from './measurement.ts';
import type { Predictor, Updater } from './filter.ts';
import type { MeasurementKind } from '../core/detection.ts';

const radar = site(45, 10);
const q = 1; // m²/s³

function initialTruth(): Float64Array {
  // 600 km north, 300 km up, moving south at 4 km/s (ENU of the radar at t = 0).
  const r = enuToEci(radar, 0, [-200e3, 600e3, 300e3]);
  const v = enuToEci(radar, 0, [1000, -4000, 800], true);
  return Float64Array.of(r[0], r[1], r[2], v[0], v[1], v[2]);
}

const P0 = [1e6, 1e6, 1e6, 1e4, 1e4, 1e4]; // (1 km)², (100 m/s)²

/**
 * Monte Carlo consistency: truth follows the filter's own model (ballistic J2 + CWNA noise drawn
 * from Q), the initial estimate is drawn from N(truth, P0). Then the NEES averaged over N runs at
 * each step lies in [χ²_0.025(6N)/N, χ²_0.975(6N)/N] about 95 % of the time (Bar-Shalom, Li &
 * Kirubarajan (2001), §5.4.2).
 */
function neesRun(
  make: () => { predictor: Predictor; updater: Updater },
  kind: MeasurementKind,
  runs: number,
  steps: number,
  dt: number,
  sensors: Site[] = [radar],
): { neesMean: number[]; nisMean: number[] } {
  const neesSum = new Array<number>(steps).fill(0);
  const nisSum = new Array<number>(steps).fill(0);
  const truthModel = new BallisticModel({ q_m2ps3: q, maxStep_s: 1 });
  const Q = new Float64Array(36);
  const Pinv = new Float64Array(36);
  const zp = new Float64Array(4);
  for (let run = 0; run < runs; run++) {
    const rng = randomStream(4, run, 'tracking/test/nees');
    const { predictor, updater } = make();
    let truth = initialTruth();
    const P0full = new Float64Array(36);
    for (let i = 0; i < 6; i++) P0full[i * 7] = P0[i];
    const est = gaussianState(sampleGaussian(truth, P0full, rng), P0, 0);
    const next = new Float64Array(6);
    for (let k = 0; k < steps; k++) {
      const t = (k + 1) * dt;
      truthModel.transition(truth, dt, next, null);
      truthModel.processNoise(next, dt, Q);
      truth = sampleGaussian(next, Q, rng);
      predictor.predict(est, t, est);
      const det = detect(
        sensors[k % sensors.length],
        t,
        truth,
        kind,
        { sigmaRange_m: 20, sigmaAngle_rad: 1e-3, sigmaRangeRate_mps: 2 },
        rng,
      );
      const mp = updater.predictMeasurement(est, det, {
        m: 0,
        n: 0,
        z: zp,
        S: new Float64Array(16),
        Sinv: new Float64Array(16),
        logDetS: 0,
        K: new Float64Array(36),
        PHt: new Float64Array(36),
        nu: new Float64Array(4),
      });
      updater.update(est, det, est, mp);
      // NIS from the innovation left in mp.nu.
      nisSum[k] += quadForm(mp.Sinv.subarray(0, mp.m * mp.m), mp.nu, mp.m);
      const e = new Float64Array(6);
      for (let i = 0; i < 6; i++) e[i] = truth[i] - est.x[i];
      assert.ok(invert(est.P, 6, Pinv));
      neesSum[k] += quadForm(Pinv, e, 6);
    }
  }
  return { neesMean: neesSum.map((s) => s / runs), nisMean: nisSum.map((s) => s / runs) };
}

for (const [name, make] of [
  ['EKF', () => createEkf(new BallisticModel({ q_m2ps3: q }))],
  ['UKF', () => createUkf(new BallisticModel({ q_m2ps3: q }))],
] as const) {
  for (const kind of ['range-az-el', 'range-az-el-rr'] as const) {
    test(`${name} ${kind}: NEES and NIS averaged over 50 Monte Carlo runs lie in the 95 % χ² band (Bar-Shalom et al. 2001 §5.4.2)`, () => {
      const runs = 50;
      const { neesMean, nisMean } = neesRun(make, kind, runs, 60, 5);
      const [lo, hi] = chi2AverageBand(6, runs);
      const m = kind === 'range-az-el' ? 3 : 4;
      const [nlo, nhi] = chi2AverageBand(m, runs);
      const inBand = neesMean.filter((v) => v >= lo && v <= hi).length / neesMean.length;
      const nisIn = nisMean.filter((v) => v >= nlo && v <= nhi).length / nisMean.length;
      const avg = neesMean.reduce((a, b) => a + b, 0) / neesMean.length;
      // Expect ≈ 95 % of steps inside; allow for the serial correlation of the averages.
      assert.ok(inBand >= 0.85, `NEES in band ${inBand}, mean ${avg}, band [${lo}, ${hi}]`);
      assert.ok(nisIn >= 0.85, `NIS in band ${nisIn}`);
      assert.ok(avg > 5.4 && avg < 6.6, `time-averaged NEES ${avg}`);
    });
  }
}

for (const [name, make] of [
  ['EKF', () => createEkf(new BallisticModel({ q_m2ps3: q }))],
  ['UKF', () => createUkf(new BallisticModel({ q_m2ps3: q }))],
] as const) {
  test(`${name} angle-only (az-el) updates from two alternating sensors: NEES in the 95 % χ² band`, () => {
    // Two sensors ~1200 km apart take turns; angles only, 1 mrad.
    const runs = 50;
    const other = site(50, 25);
    const { neesMean } = neesRun(make, 'az-el', runs, 60, 5, [radar, other]);
    const [lo, hi] = chi2AverageBand(6, runs);
    const inBand = neesMean.filter((v) => v >= lo && v <= hi).length / neesMean.length;
    const avg = neesMean.reduce((a, b) => a + b, 0) / neesMean.length;
    assert.ok(inBand >= 0.85, `NEES in band ${inBand}, mean ${avg}`);
  });
}

test('measurement Jacobian matches central differences (range, az, el, range rate)', () => {
  const x = initialTruth();
  const rng = randomStream(1, 0, 'tracking/test/jac');
  const det = detect(radar, 10, x, 'range-az-el-rr', { sigmaAngle_rad: 1e-3 }, rng);
  const H = new Float64Array(4 * 6);
  const z = new Float64Array(4);
  measure(x, 6, det, z, H);
  const zp = new Float64Array(4);
  const zm = new Float64Array(4);
  for (let j = 0; j < 6; j++) {
    const h = j < 3 ? 1 : 0.01;
    const xp = x.slice();
    const xm = x.slice();
    xp[j] += h;
    xm[j] -= h;
    measure(xp, 6, det, zp, null);
    measure(xm, 6, det, zm, null);
    for (let i = 0; i < 4; i++) {
      const fd = (zp[i] - zm[i]) / (2 * h);
      assert.ok(
        Math.abs(fd - H[i * 6 + j]) <= 1e-6 * Math.max(1, Math.abs(fd)),
        `H[${i},${j}] ${H[i * 6 + j]} vs ${fd}`,
      );
    }
  }
});

test('azimuth innovation wraps across north (359.9° measured, 0.1° predicted → +0.2°·(−1))', () => {
  // Target due north of the radar: predicted az ≈ 0; a measurement of 2π − 0.001 must give an
  // innovation of −0.001 rad, not 2π − 0.001.
  const x = enuToEci(radar, 0, [0, 500e3, 200e3]);
  const state = gaussianState([...x, 0, 0, 0], [1e6, 1e6, 1e6, 1e4, 1e4, 1e4], 0);
  const rng = randomStream(1, 0, 'tracking/test/wrap');
  const det = detect(radar, 0, state.x, 'range-az-el', { sigmaAngle_rad: 1e-3 }, rng);
  det.measurement[1] = 2 * Math.PI - 0.001;
  const { updater } = createEkf(new BallisticModel({ q_m2ps3: 1 }));
  const out = gaussianState(state.x, state.P, 0);
  updater.update(state, det, out);
  const moved = Math.hypot(out.x[0] - state.x[0], out.x[1] - state.x[1], out.x[2] - state.x[2]);
  assert.ok(moved < 2000, `update moved the state by ${moved} m`);
});

test('6-state fast path (kernels6.ts) equals the textbook EKF written with linalg.ts', async () => {
  const { matMul, matMulBt, congruence, invert } = await import('./linalg.ts');
  const model = new BallisticModel({ q_m2ps3: 3 });
  const { predictor, updater } = createEkf(model);
  const x = initialTruth();
  const rng = randomStream(2, 0, 'tracking/test/fastpath');
  const P = new Float64Array(36);
  // A full (correlated) covariance.
  const B = new Float64Array(36).map(() => rng.normal());
  matMulBt(B, B, 6, 6, 6, P);
  for (let i = 0; i < 6; i++) P[i * 7] += i < 3 ? 1e4 : 10;
  const s = gaussianState(x, P, 0);
  const pred = gaussianState(x, P, 0);
  predictor.predict(s, 7, pred);
  // Reference prediction.
  const Phi = new Float64Array(36);
  const xr = new Float64Array(6);
  model.transition(x, 7, xr, Phi);
  const Q = new Float64Array(36);
  model.processNoise(xr, 7, Q);
  const Pr = congruence(Phi, P, 6, new Float64Array(36), new Float64Array(36));
  for (let i = 0; i < 36; i++) Pr[i] += Q[i];
  for (let i = 0; i < 36; i++)
    assert.ok(Math.abs(Pr[i] - pred.P[i]) <= 1e-9 * (1 + Math.abs(Pr[i])));
  // Reference update: K = P Hᵀ (H P Hᵀ + R)⁻¹, x += K ν, P −= K H P.
  const det = detect(radar, 7, xr, 'range-az-el', { sigmaRange_m: 20, sigmaAngle_rad: 1e-3 }, rng);
  const H = new Float64Array(18);
  const z = new Float64Array(3);
  measure(pred.x, 6, det, z, H);
  const PHt = matMulBt(pred.P, H, 6, 6, 3, new Float64Array(18));
  const S = matMul(H, PHt, 3, 6, 3, new Float64Array(9));
  for (let i = 0; i < 9; i++) S[i] += det.covariance[i];
  const Si = new Float64Array(9);
  invert(S, 3, Si);
  const K = matMul(PHt, Si, 6, 3, 3, new Float64Array(18));
  const nu = Float64Array.from([0, 1, 2].map((i) => det.measurement[i] - z[i]));
  const xu = pred.x.map(
    (v, i) => v + K[i * 3] * nu[0] + K[i * 3 + 1] * nu[1] + K[i * 3 + 2] * nu[2],
  );
  const KHP = matMul(
    K,
    matMul(H, pred.P, 3, 6, 6, new Float64Array(18)),
    6,
    3,
    6,
    new Float64Array(36),
  );
  const out = gaussianState(x, P, 0);
  updater.update(pred, det, out);
  for (let i = 0; i < 6; i++) assert.ok(Math.abs(out.x[i] - xu[i]) < 1e-6);
  for (let i = 0; i < 36; i++)
    assert.ok(Math.abs(out.P[i] - (pred.P[i] - KHP[i])) <= 1e-8 * (1 + Math.abs(pred.P[i])));
});
