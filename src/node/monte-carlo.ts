/**
 * Monte Carlo runs on the worker pool and the results store (DESIGN.md §3, §7).
 *
 * `runMonteCarlo` creates a run (or resumes one), runs the trials that are not stored yet in
 * batches on worker threads, commits each finished batch in one transaction, and returns every
 * record in trial order. Batch `b` always holds trials `b·batchSize … (b+1)·batchSize − 1`, so a
 * resumed run redoes exactly the batches that were not committed. Records depend only on
 * (scenario, seed, trial), so the result is byte-identical for any worker count and for a run
 * that was killed and resumed; `runSingleTrial` replays one trial in-process (`--trial I`).
 */
import { AspisError } from '../core/errors.ts';
import {
  DEFAULT_BATCH_SIZE,
  defaultPoolSize,
  runBatches,
  type Batch,
  type Progress,
} from './pool.ts';
import type { ResultsStore, RunInfo } from './store.ts';
import { getTrialFn, loadTrialModules, runTrialToText, type TrialRecord } from './trial.ts';

/** Largest trial count: trial indices are stored as 32-bit integers. */
export const MAX_TRIALS = 2 ** 31 - 1;
/** Below this much free space a run does not start (DuckDB needs room for its WAL and blocks). */
export const MIN_FREE_BYTES = 16 * 2 ** 20;

export interface MonteCarloOptions {
  store: ResultsStore;
  /** Registered trial function name (required for a new run; a resume uses the run's). */
  trialFn?: string;
  /** Extra modules (URLs or absolute paths) that register trial functions. */
  modules?: string[];
  scenarioRef?: string;
  /** Hash of the scenario's content; a resume refuses a scenario whose hash changed. */
  scenarioHash?: string;
  seed?: number;
  trials?: number;
  /** Worker threads; default `os.availableParallelism()`. */
  workers?: number;
  /** Trials per batch (the commit unit); default 100. A resume uses the run's. */
  batchSize?: number;
  /** Id for a new run (default: time-based). */
  runId?: string;
  /** Id of a run to finish: its stored trials are skipped. */
  resume?: string;
  onProgress?: (p: Progress) => void;
  /** After each batch commit (e.g. for a progress file). */
  onBatchCommitted?: (info: { batch: number; trials: number; done: number; total: number }) => void;
  /** Return the records (default true). */
  keepRecords?: boolean;
  /** Refuse to start or continue when the disk cannot hold the results (default true). */
  checkDiskSpace?: boolean;
}

export interface MonteCarloResult {
  run: RunInfo;
  resumed: boolean;
  /** Trials found stored and skipped. */
  skipped: number;
  /** Trials run now. */
  ran: number;
  /** Every record of the run in trial order (empty when keepRecords is false). */
  records: TrialRecord[];
  elapsed_s: number;
}

function checkInt(x: unknown, option: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min || x > max) {
    throw new AspisError({
      file: option,
      expected:
        max === Number.MAX_SAFE_INTEGER
          ? `an integer ≥ ${min}`
          : `an integer from ${min} to ${max}`,
      got: x,
    });
  }
  return x;
}

function mismatch(option: string, run: RunInfo, expected: unknown, got: unknown): AspisError {
  return new AspisError({
    file: option,
    expected: `${String(expected)} as in run ${run.id}`,
    got,
    hint: 'a resumed run keeps its scenario, seed, trial count and trial function',
  });
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** Batches of the trials not in `done`, lazily: batch b holds trials b·size … (b+1)·size − 1. */
export function* pendingBatches(
  total: number,
  batchSize: number,
  done: ReadonlySet<number>,
): Generator<Batch> {
  for (let start = 0; start < total; start += batchSize) {
    const trials: number[] = [];
    for (let t = start; t < Math.min(total, start + batchSize); t++)
      if (!done.has(t)) trials.push(t);
    if (trials.length > 0) yield { index: start / batchSize, trials };
  }
}

export async function runMonteCarlo(opts: MonteCarloOptions): Promise<MonteCarloResult> {
  const t0 = performance.now();
  const { store } = opts;
  const workers = checkInt(opts.workers ?? defaultPoolSize(), '--workers', 1, 1024);
  let run: RunInfo;
  let resumed = false;
  if (opts.resume !== undefined) {
    run = await store.requireRun(opts.resume, '--resume');
    if (opts.scenarioRef !== undefined && opts.scenarioRef !== run.scenarioRef)
      throw mismatch('SCENARIO', run, run.scenarioRef, opts.scenarioRef);
    if (
      opts.scenarioHash !== undefined &&
      run.scenarioHash !== null &&
      opts.scenarioHash !== run.scenarioHash
    ) {
      throw new AspisError({
        file: run.scenarioRef,
        expected: `the scenario run ${run.id} was made from (hash ${run.scenarioHash.slice(0, 12)}…)`,
        got: `a changed scenario (hash ${opts.scenarioHash.slice(0, 12)}…)`,
        hint: 'start a new run for the changed scenario',
      });
    }
    if (opts.seed !== undefined && opts.seed !== run.seed)
      throw mismatch('--seed', run, run.seed, opts.seed);
    if (opts.trials !== undefined && opts.trials !== run.trialsRequested)
      throw mismatch('--trials', run, run.trialsRequested, opts.trials);
    if (opts.trialFn !== undefined && opts.trialFn !== run.trialFn)
      throw mismatch('trial function', run, run.trialFn, opts.trialFn);
    await loadTrialModules(opts.modules);
    getTrialFn(run.trialFn);
    resumed = true;
  } else {
    if (opts.scenarioRef === undefined || opts.scenarioRef === '')
      throw new AspisError({
        file: 'SCENARIO',
        expected: 'a scenario reference',
        got: opts.scenarioRef,
      });
    if (opts.trialFn === undefined)
      throw new AspisError({
        file: 'trial function',
        expected: 'a registered trial function name',
        got: undefined,
      });
    const trials = checkInt(opts.trials, '--trials', 1, MAX_TRIALS);
    const seed = checkInt(opts.seed, '--seed', 0, Number.MAX_SAFE_INTEGER);
    const batchSize = checkInt(opts.batchSize ?? DEFAULT_BATCH_SIZE, '--batch-size', 1, 1_000_000);
    await loadTrialModules(opts.modules);
    getTrialFn(opts.trialFn);
    checkFreeSpace(store, opts.checkDiskSpace, 0, 0, 0);
    run = await store.createRun({
      id: opts.runId,
      scenarioRef: opts.scenarioRef,
      scenarioHash: opts.scenarioHash ?? null,
      seed,
      trials,
      trialFn: opts.trialFn,
      batchSize,
    });
  }

  const done = new Set(resumed ? await store.completedTrials(run.id) : []);
  const remaining = run.trialsRequested - done.size;
  if (resumed && remaining > 0) {
    checkFreeSpace(store, opts.checkDiskSpace, 0, 0, 0);
    await store.claimRun(run.id);
  }
  let doneCount = done.size;
  let bytesNow = 0;
  let trialsNow = 0;
  try {
    await runBatches({
      trialFn: run.trialFn,
      modules: opts.modules,
      scenarioRef: run.scenarioRef,
      seed: run.seed,
      // No more workers than batches (a lower bound on their number).
      size: Math.min(workers, Math.max(1, Math.ceil(remaining / run.batchSize))),
      batches: pendingBatches(run.trialsRequested, run.batchSize, done),
      doneBefore: done.size,
      total: run.trialsRequested,
      keepTexts: false,
      onProgress: opts.onProgress,
      onBatch: async (b) => {
        await store.writeBatch(
          run.id,
          b.index,
          b.trials.map((trial, i) => ({ trial, text: b.texts[i] })),
        );
        doneCount += b.trials.length;
        trialsNow += b.trials.length;
        for (const t of b.texts) bytesNow += t.length;
        opts.onBatchCommitted?.({
          batch: b.index,
          trials: b.trials.length,
          done: doneCount,
          total: run.trialsRequested,
        });
        if (doneCount < run.trialsRequested)
          checkFreeSpace(
            store,
            opts.checkDiskSpace,
            bytesNow / trialsNow,
            run.trialsRequested - doneCount,
            doneCount,
          );
      },
    });
  } catch (e) {
    await store.setStatus(run.id, 'failed').catch(() => undefined);
    throw e;
  }
  const stored = await store.trialTextsOf(run.id);
  if (stored.trials.length !== run.trialsRequested) {
    throw new AspisError({
      file: store.path,
      path: `run ${run.id}`,
      expected: `${run.trialsRequested} stored trials`,
      got: stored.trials.length,
      kind: 'runtime',
    });
  }
  if (run.status !== 'complete' || remaining > 0) await store.setStatus(run.id, 'complete');
  const keep = opts.keepRecords ?? true;
  return {
    run: (await store.getRun(run.id))!,
    resumed,
    skipped: done.size,
    ran: run.trialsRequested - done.size,
    records: keep ? stored.texts.map((t) => JSON.parse(t) as TrialRecord) : [],
    elapsed_s: (performance.now() - t0) / 1000,
  };
}

/**
 * Refuses to go on when the store's file system has less than MIN_FREE_BYTES free, or (once
 * there is a measured size per trial) less than the remaining trials need. The estimate is the
 * record's JSON text length, an upper bound on what DuckDB's compressed columns take.
 */
function checkFreeSpace(
  store: ResultsStore,
  enabled: boolean | undefined,
  bytesPerTrial: number,
  remaining: number,
  kept: number,
): void {
  if (enabled === false) return;
  const free = store.freeBytes();
  if (free === undefined) return;
  const need = Math.max(MIN_FREE_BYTES, bytesPerTrial * remaining);
  if (free < need) {
    throw new AspisError({
      file: store.path,
      expected: `about ${mb(need)} of free disk space for ${remaining > 0 ? `the remaining ${remaining} trials` : 'the store'}`,
      got: `${mb(free)} free`,
      kind: 'runtime',
      hint:
        kept > 0
          ? `the ${kept} finished trials are kept; free space and resume the run`
          : undefined,
    });
  }
}

export interface SingleTrialOptions {
  trialFn: string;
  modules?: string[];
  scenarioRef: string;
  seed: number;
  trial: number;
}

/** Runs one trial in this thread and returns its record exactly as a run would store it. */
export async function runSingleTrial(opts: SingleTrialOptions): Promise<TrialRecord> {
  checkInt(opts.seed, '--seed', 0, Number.MAX_SAFE_INTEGER);
  checkInt(opts.trial, '--trial', 0, MAX_TRIALS - 1);
  await loadTrialModules(opts.modules);
  const fn = getTrialFn(opts.trialFn);
  const text = runTrialToText(
    fn,
    { scenarioRef: opts.scenarioRef, seed: opts.seed, trial: opts.trial },
    opts.trialFn,
  );
  return JSON.parse(text) as TrialRecord;
}
