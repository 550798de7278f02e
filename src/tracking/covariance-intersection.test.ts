import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomStream } from '../core/random.ts';
import { covarianceIntersection } from './covariance-intersection.ts';
import { gaussianState } from './gaussian-state.ts';
import { invert, quadForm, trace } from './linalg.ts';

test('CI of two consistent, correlated estimates is consistent and no worse than either (Julier & Uhlmann 1997)', () => {
  // Two "radars" estimate the same 3-D position: A accurate along x, B along y, with an error
  // component they share (common prior), so naive independent fusion would be overconfident.
  const Pa = [100, 0, 0, 0, 2500, 0, 0, 0, 400];
  const Pb = [2500, 0, 0, 0, 100, 0, 0, 0, 400];
  const rng = randomStream(9, 0, 'tracking/test/ci');
  const runs = 2000;
  let neesSum = 0;
  let seFused = 0;
  let seA = 0;
  let seB = 0;
  let trF = 0;
  for (let k = 0; k < runs; k++) {
    // Shared error: 0.8 of each axis' smaller variance; independent remainder.
    const common = [rng.normal() * 8, rng.normal() * 8, rng.normal() * 16];
    const ea = [
      common[0] + rng.normal() * 6,
      common[1] + rng.normal() * Math.sqrt(2500 - 64),
      common[2] + rng.normal() * Math.sqrt(400 - 256),
    ];
    const eb = [
      common[0] + rng.normal() * Math.sqrt(2500 - 64),
      common[1] + rng.normal() * 6,
      common[2] + rng.normal() * Math.sqrt(400 - 256),
    ];
    const a = gaussianState(ea, Pa, 5);
    const b = gaussianState(eb, Pb, 5);
    const { fused, omega } = covarianceIntersection(a, b, 'trace');
    assert.ok(omega > 0.2 && omega < 0.8, `ω = ${omega}`);
    const Pi = new Float64Array(9);
    invert(fused.P, 3, Pi);
    neesSum += quadForm(Pi, fused.x, 3);
    seFused += fused.x[0] ** 2 + fused.x[1] ** 2 + fused.x[2] ** 2;
    seA += ea[0] ** 2 + ea[1] ** 2 + ea[2] ** 2;
    seB += eb[0] ** 2 + eb[1] ** 2 + eb[2] ** 2;
    trF = trace(fused.P, 3);
  }
  // Consistent: mean NEES ≤ n = 3 (CI is conservative by construction).
  assert.ok(neesSum / runs <= 3, `mean NEES ${neesSum / runs}`);
  // No worse than either: covariance trace and actual mean squared error.
  assert.ok(trF <= Math.min(trace(Pa, 3), trace(Pb, 3)), `trace ${trF}`);
  assert.ok(
    seFused < Math.min(seA, seB),
    `MSE fused ${seFused / runs} vs ${seA / runs}, ${seB / runs}`,
  );
});

test('CI of two identical estimates returns that estimate; determinant criterion too', () => {
  const a = gaussianState([1, 2], [4, 9], 0);
  for (const c of ['trace', 'determinant'] as const) {
    const { fused } = covarianceIntersection(a, a, c);
    assert.ok(Math.abs(fused.x[0] - 1) < 1e-9 && Math.abs(fused.x[1] - 2) < 1e-9);
    assert.ok(Math.abs(fused.P[0] - 4) < 1e-6 && Math.abs(fused.P[3] - 9) < 1e-6);
  }
});

test('CI with one estimate far better picks ω at that end (trace criterion)', () => {
  const a = gaussianState([0, 0], [1, 1], 0);
  const b = gaussianState([0, 0], [100, 100], 0);
  const { omega, fused } = covarianceIntersection(a, b);
  assert.ok(omega > 0.999, `ω = ${omega}`);
  assert.ok(trace(fused.P, 2) <= 2 + 1e-6);
});
