/**
 * Tracking throughput probes for `npm run bench` (tests never time anything). The EKF probe
 * takes the filter factory so that the UKF runs the same loop as its baseline.
 */
import type { Detection } from '../src/core/detection.ts';
import { randomStream } from '../src/core/random.ts';
import { AssignmentSolver } from '../src/tracking/assignment.ts';
import { BallisticModel } from '../src/tracking/ballistic-model.ts';
import { createEkf } from '../src/tracking/ekf.ts';
import { createMeasurementPrediction } from '../src/tracking/filter.ts';
import { gaussianState } from '../src/tracking/gaussian-state.ts';
import { detect, enuToEci, site } from '../src/tracking/test-scenario.ts';

/**
 * EKF predict + update cycles per second for a 6-state ballistic target (J2 gravity, RK4, dt =
 * 1 s, range-az-el radar updates), over `cycles` cycles after a warm-up.
 */
export function filterCyclesPerSecond(
  cycles = 2_000_000,
  factory: typeof createEkf = createEkf,
): number {
  const radar = site(45, 10);
  const r = enuToEci(radar, 0, [-200e3, 600e3, 300e3]);
  const v = enuToEci(radar, 0, [1000, -4000, 800], true);
  const x0 = [r[0], r[1], r[2], v[0], v[1], v[2]];
  const rng = randomStream(1, 0, 'tracking/bench/ekf');
  // A fixed set of detections reused cyclically, so the loop times the filter only.
  const model = new BallisticModel({ q_m2ps3: 1 });
  const truth = new Float64Array(x0);
  const next = new Float64Array(6);
  const dets: Detection[] = [];
  for (let k = 1; k <= 200; k++) {
    model.transition(truth, 1, next, null);
    truth.set(next);
    dets.push(
      detect(radar, k, truth, 'range-az-el', { sigmaRange_m: 20, sigmaAngle_rad: 1e-3 }, rng),
    );
  }
  const { predictor, updater } = factory(model);
  const mp = createMeasurementPrediction();
  const run = (n: number): number => {
    const start = gaussianState(x0, [1e4, 1e4, 1e4, 100, 100, 100], 0);
    const s = gaussianState(x0, [1e4, 1e4, 1e4, 100, 100, 100], 0);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const k = i % 200;
      if (k === 0) {
        // Restart the pass of 200 detections from the initial estimate.
        s.x.set(start.x);
        s.P.set(start.P);
        s.time_s = 0;
      }
      predictor.predict(s, k + 1, s);
      updater.update(s, dets[k], s, updater.predictMeasurement(s, dets[k], mp));
    }
    return performance.now() - t0;
  };
  run(Math.min(200_000, cycles));
  const ms = run(cycles);
  return cycles / (ms / 1000);
}

/** Median time (ms) of a dense n×n assignment with uniform random costs, square and with an
 * unassigned (miss) cost of half the cost range. */
export function assignmentTime_ms(
  n = 1000,
  reps = 9,
): { square_ms: number; withMissCost_ms: number } {
  const rng = randomStream(1, 0, 'tracking/bench/assignment');
  const solver = new AssignmentSolver();
  const c = new Float64Array(n * n);
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const time = (miss: number | undefined): number => {
    const ts: number[] = [];
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < c.length; i++) c[i] = rng.uniform() * 100;
      const t0 = performance.now();
      solver.solve(c, n, n, miss);
      ts.push(performance.now() - t0);
    }
    return med(ts);
  };
  return { square_ms: time(undefined), withMissCost_ms: time(50) };
}
