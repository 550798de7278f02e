import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jpdaWeights } from './jpda.ts';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} vs ${b}`);
// P_D = 0.9, P_G = 1 (no gate truncation), λ = 0.1: a detection with likelihood g weighs
// P_D·g/λ = 9g; a miss weighs 1 − P_D·P_G = 0.1 (Bar-Shalom & Fortmann 1988, §9.3).
const opts = { detectionProbability: 0.9, clutterDensity: 0.1, gateProbability: 1 };

test('JPDA, one track, two detections (PDA): β = (18, 9, 0.1)/27.1', () => {
  // g1 = 2 → 18; g2 = 1 → 9; miss 0.1; total 27.1.
  const [a] = jpdaWeights(
    [
      { track: 0, detection: 0, d2: 0, logLikelihood: Math.log(2) },
      { track: 0, detection: 1, d2: 0, logLikelihood: 0 },
    ],
    1,
    opts,
  );
  close(a.weights[0], 18 / 27.1);
  close(a.weights[1], 9 / 27.1);
  close(a.missWeight, 0.1 / 27.1);
});

test('JPDA, two tracks sharing a detection: joint events enumerated by hand', () => {
  // Track A gates detections 1 (weight 18) and 2 (9); track B gates detection 2 (9); miss 0.1.
  // Feasible events and weights:
  //   {A–, B–} 0.1·0.1 = 0.01   {A1, B–} 18·0.1 = 1.8   {A2, B–} 9·0.1 = 0.9
  //   {A–, B2} 0.1·9 = 0.9      {A1, B2} 18·9 = 162     ({A2, B2} infeasible)
  // Total 165.61. β_A1 = 163.8/165.61, β_A2 = 0.9/165.61, β_A0 = 0.91/165.61,
  // β_B2 = 162.9/165.61, β_B0 = 2.71/165.61.
  const [A, B] = jpdaWeights(
    [
      { track: 0, detection: 0, d2: 0, logLikelihood: Math.log(2) },
      { track: 0, detection: 1, d2: 0, logLikelihood: 0 },
      { track: 1, detection: 1, d2: 0, logLikelihood: 0 },
    ],
    2,
    opts,
  );
  const T = 165.61;
  close(A.weights[A.detections.indexOf(0)], 163.8 / T);
  close(A.weights[A.detections.indexOf(1)], 0.9 / T);
  close(A.missWeight, 0.91 / T);
  close(B.weights[B.detections.indexOf(1)], 162.9 / T);
  close(B.missWeight, 2.71 / T);
});
