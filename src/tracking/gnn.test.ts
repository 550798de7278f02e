import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Detection } from '../core/detection.ts';
import type { MeasurementPrediction, Updater } from './filter.ts';
import { gaussianState, type GaussianState } from './gaussian-state.ts';
import { GnnAssociator } from './gnn.ts';

/** A stand-in updater measuring position directly with S = I (m = 3), to test association alone. */
const positionUpdater: Updater = {
  predictMeasurement(pred: GaussianState, _det: Detection, mp: MeasurementPrediction) {
    mp.m = 3;
    mp.n = pred.n;
    for (let i = 0; i < 3; i++) mp.z[i] = pred.x[i];
    mp.S.fill(0);
    mp.Sinv.fill(0);
    for (let i = 0; i < 3; i++) mp.S[i * 4] = mp.Sinv[i * 4] = 1;
    mp.logDetS = 0;
    return mp;
  },
  update: (_p, _d, out) => out,
  updateWeighted: (_p, _d, _w, _m, out) => out,
};

const det = (x: number): Detection => ({
  time_s: 0,
  sensorId: 's',
  kind: 'range-az-el',
  measurement: Float64Array.of(x, 0, 0),
  covariance: new Float64Array(9),
  originEci_m: new Float64Array(3),
  originVelEci_mps: new Float64Array(3),
  frameFromEci: Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1),
  features: {},
  truthId: null,
});
const track = (x: number) => gaussianState([x, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]);

test('GNN takes the global optimum where nearest-first greed would not', () => {
  // Tracks A at 0, B at 2; detections d1 at 1.2, d2 at 3.5 (S = I, so d² = distance²).
  //   A–d1 1.44, A–d2 12.25, B–d1 0.64, B–d2 2.25.
  // Greedy nearest pair first: B–d1 (0.64), then A–d2 (12.25) → 12.89.
  // Global: A–d1 + B–d2 = 1.44 + 2.25 = 3.69. Gate χ²_0.999(3) = 16.266: all pairs inside.
  const a = new GnnAssociator({ gateProbability: 0.999 }).associate(
    [track(0), track(2)],
    [det(1.2), det(3.5)],
    positionUpdater,
  );
  assert.deepEqual(a[0].detections, [0]);
  assert.deepEqual(a[1].detections, [1]);
  assert.equal(a[0].missWeight, 0);
});

test('GNN leaves a track unassigned when its only detection is outside the gate or taken', () => {
  // A at 0, B at 30; one detection at 0.5: A takes it; B (d² = 870.25 > 16.266) gets nothing.
  const a = new GnnAssociator().associate([track(0), track(30)], [det(0.5)], positionUpdater);
  assert.deepEqual(a[0].detections, [0]);
  assert.deepEqual(a[1].detections, []);
  assert.equal(a[1].missWeight, 1);
  // Two tracks, one detection between them: exactly one track gets it.
  const b = new GnnAssociator().associate([track(0), track(1)], [det(0.6)], positionUpdater);
  assert.equal(b[0].detections.length + b[1].detections.length, 1);
  assert.deepEqual(b[1].detections, [0]); // 0.16 < 0.36
});
