/**
 * Monte Carlo (issue 6): builtin:nmd-2001 trials per second on the worker pool with 1 and 2
 * workers, their ratio, peak memory, and the store's write throughput — each against its
 * baseline in this same process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsStore } from '../src/node/store.ts';
import { runMonteCarlo } from '../src/node/monte-carlo.ts';
import { ENGAGEMENT_TRIAL } from '../src/node/engagement-trial-fn.ts';
import { SELF_TEST } from '../src/node/self-test-trial.ts';
import { line } from './util.ts';

async function rate(
  trialFn: string,
  ref: string,
  trials: number,
  workers: number,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-bench-'));
  const store = await ResultsStore.open(join(dir, 'b.duckdb'));
  try {
    const r = await runMonteCarlo({
      store,
      trialFn,
      scenarioRef: ref,
      seed: 1,
      trials,
      workers,
      keepRecords: false,
    });
    return trials / r.elapsed_s;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchMonteCarlo(): Promise<void> {
  line('## Monte Carlo');
  const n = 2000;
  const one = await rate(ENGAGEMENT_TRIAL, 'builtin:nmd-2001', n, 1);
  const two = await rate(ENGAGEMENT_TRIAL, 'builtin:nmd-2001', n, 2);
  line(`builtin:nmd-2001, ${n} trials incl. worker start-up and store writes:`);
  line(
    `  1 worker ${one.toFixed(0)} trials/s, 2 workers ${two.toFixed(0)} trials/s, speed-up ${(two / one).toFixed(2)}×`,
  );
  line(
    `  10,000 trials ≈ ${(10_000 / two).toFixed(0)} s with 2 workers (budget ≤ 60 s, speed-up ≥ 1.8×)`,
  );
  const store = await rate(SELF_TEST, 'self-test', 20_000, 2);
  line(`store write throughput (self-test records, 2 workers): ${store.toFixed(0)} trials/s`);
  line(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (budget ≤ 1 GB)`);
}
