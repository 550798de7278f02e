/**
 * Tracking (issue 4): EKF predict + update throughput against the UKF on the same loop, optimal
 * (Jonker–Volgenant) assignment of 1,000 tracks × 1,000 detections against a greedy baseline,
 * and a full `aspis track builtin:nmd-2001` run.
 */
import { createUkf } from '../src/tracking/ukf.ts';
import { randomStream } from '../src/core/random.ts';
import { AssignmentSolver } from '../src/tracking/assignment.ts';
import { loadScenarioFile } from '../src/node/files.ts';
import { trackScenario } from '../src/scenario/track-scenario.ts';
import { filterCyclesPerSecond } from './tracking-probes.ts';
import { line } from './util.ts';

/** Greedy assignment: cheapest remaining pair first (sort all pairs). */
function greedy(c: Float64Array, n: number): number {
  const idx = new Uint32Array(n * n);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort((a, b) => c[a] - c[b]);
  const rowUsed = new Uint8Array(n);
  const colUsed = new Uint8Array(n);
  let cost = 0;
  let left = n;
  for (let k = 0; k < idx.length && left > 0; k++) {
    const r = Math.floor(idx[k] / n);
    const col = idx[k] % n;
    if (rowUsed[r] || colUsed[col]) continue;
    rowUsed[r] = colUsed[col] = 1;
    cost += c[idx[k]];
    left--;
  }
  return cost;
}

export function benchTracking(): void {
  line('## Tracking');
  const ekf = filterCyclesPerSecond(1_000_000);
  const ukf = filterCyclesPerSecond(100_000, createUkf as never);
  line(`EKF predict+update, 6-state ballistic, range-az-el: ${(ekf / 1e6).toFixed(2)} M/s`);
  line(`  EKF / UKF (same loop) = ${(ekf / ukf).toFixed(1)}×   (budget ≥ 2 M/s on one core)`);

  const n = 1000;
  const rng = randomStream(1, 0, 'bench/assignment');
  const c = new Float64Array(n * n);
  const solver = new AssignmentSolver();
  const jv: number[] = [];
  const gr: number[] = [];
  let costJv = 0;
  let costGr = 0;
  for (let rep = 0; rep < 5; rep++) {
    for (let i = 0; i < c.length; i++) c[i] = rng.uniform() * 100;
    let t0 = performance.now();
    costJv = solver.solve(c, n, n).cost;
    jv.push(performance.now() - t0);
    t0 = performance.now();
    costGr = greedy(c, n);
    gr.push(performance.now() - t0);
  }
  const med = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1];
  line(`GNN assignment 1000×1000 (Jonker–Volgenant): ${med(jv).toFixed(1)} ms   (budget ≤ 50 ms)`);
  line(
    `  JV / greedy time = ${(med(jv) / med(gr)).toFixed(2)}×; greedy's total cost is ${((costGr / costJv - 1) * 100).toFixed(0)} % higher`,
  );

  const { scenario, catalog, file } = loadScenarioFile('builtin:nmd-2001');
  trackScenario(scenario, catalog, file); // warm-up
  const t0 = performance.now();
  const r = trackScenario(scenario, catalog, file);
  const ms = performance.now() - t0;
  line(
    `aspis track builtin:nmd-2001: ${ms.toFixed(0)} ms (${r.detections} detections, ${r.tracks.length} confirmed tracks, ${r.truthObjects} objects)`,
  );
}
