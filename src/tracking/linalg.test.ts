import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomStream } from '../core/random.ts';
import {
  chi2AverageBand,
  chi2Quantile,
  cholesky,
  choleskySolve,
  invert,
  invertSpd,
  matMul,
  matMulBt,
  normalQuantile,
} from './linalg.ts';

const close = (a: number, b: number, rel: number) =>
  assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} vs ${b}`);

test('normal quantile: Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.5) = 0, Φ⁻¹(0.001) = −3.090232 (A&S Table 26.1)', () => {
  close(normalQuantile(0.975), 1.959963985, 1e-8);
  assert.ok(Math.abs(normalQuantile(0.5)) < 1e-15);
  close(normalQuantile(0.001), -3.090232306, 1e-8);
});

test('χ² quantiles: table values, exact 2-dof, Wilson–Hilferty for large dof (A&S Table 26.8)', () => {
  assert.equal(chi2Quantile(0.95, 1), 3.841);
  assert.equal(chi2Quantile(0.99, 3), 11.345);
  close(chi2Quantile(0.99, 2), 9.21034, 1e-5); // −2 ln 0.01
  // χ²_0.975(300) = 349.874, χ²_0.025(300) = 253.912 (NIST/SEMATECH table extended; R qchisq).
  close(chi2Quantile(0.975, 300), 349.874, 1e-4);
  close(chi2Quantile(0.025, 300), 253.912, 1e-4);
  // The 95 % band for the mean of 50 NEES values of a 6-state: [χ²_0.025(300)/50, χ²_0.975(300)/50].
  const [lo, hi] = chi2AverageBand(6, 50);
  close(lo, 253.912 / 50, 1e-4);
  close(hi, 349.874 / 50, 1e-4);
});

test('Cholesky, solve and inverses agree on random SPD matrices up to 9×9', () => {
  const rng = randomStream(3, 0, 'tracking/test/linalg');
  for (const n of [2, 3, 4, 6, 7, 9]) {
    const B = new Float64Array(n * n).map(() => rng.normal());
    const A = matMulBt(B, B, n, n, n, new Float64Array(n * n));
    for (let i = 0; i < n; i++) A[i * n + i] += 0.5;
    const L = new Float64Array(n * n);
    assert.ok(cholesky(A, n, L));
    const b = new Float64Array(n).map(() => rng.normal());
    const x = choleskySolve(L, n, b, new Float64Array(n));
    const Ax = matMul(A, x, n, n, 1, new Float64Array(n));
    for (let i = 0; i < n; i++) assert.ok(Math.abs(Ax[i] - b[i]) < 1e-9);
    const Ai = new Float64Array(n * n);
    assert.ok(invert(A, n, Ai));
    const Ai2 = new Float64Array(n * n);
    assert.ok(Number.isFinite(invertSpd(A, n, Ai2, new Float64Array(n * n))));
    const I = matMul(A, Ai, n, n, n, new Float64Array(n * n));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        assert.ok(Math.abs(I[i * n + j] - (i === j ? 1 : 0)) < 1e-9);
        assert.ok(Math.abs(Ai[i * n + j] - Ai2[i * n + j]) < 1e-9 * (1 + Math.abs(Ai[i * n + j])));
      }
  }
  assert.equal(cholesky([1, 2, 2, 1], 2, new Float64Array(4)), false);
});
