/**
 * A worker_threads pool that runs batches of trials of one registered trial function
 * (./trial.ts). A batch (e.g. 100 trial indices) is the unit of work: the unit the store commits
 * and the distributed queue will hand out later. Batches go to whichever worker is idle; the
 * results come back as canonical JSON texts and `runBatches` merges them in trial order, so the
 * output is byte-identical for any worker count.
 *
 * The worker entry is `pool-worker.ts` beside this module under tsx (workers inherit the parent's
 * `--import tsx`) and `pool-worker.js` in the compiled dist/.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { AspisError } from '../core/errors.ts';

export interface WorkerInit {
  trialFn: string;
  modules: string[];
  scenarioRef: string;
  seed: number;
}
export interface WorkerRequest {
  batch: number;
  trials: number[];
}
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'batch'; batch: number; texts: string[] }
  | { type: 'error'; batch: number; trial?: number; message: string; stack?: string };

/** One batch: its index and the trial indices it holds (ascending). */
export interface Batch {
  index: number;
  trials: number[];
}

export interface BatchResult extends Batch {
  /** Canonical JSON text of each trial's record, in `trials` order. */
  texts: string[];
}

export interface Progress {
  /** Trials finished, counting those finished before a resume. */
  done: number;
  total: number;
  /** Trials finished in this invocation. */
  doneNow: number;
  elapsed_s: number;
  /** Trials per second in this invocation (0 until the first batch). */
  trialsPerSecond: number;
  /** Estimated seconds to go, or undefined until there is a rate. */
  eta_s: number | undefined;
}

export interface PoolOptions extends Partial<Pick<WorkerInit, 'modules'>> {
  trialFn: string;
  scenarioRef: string;
  seed: number;
  /** Worker threads; default `os.availableParallelism()`. */
  size?: number;
}

export const DEFAULT_BATCH_SIZE = 100;

export function defaultPoolSize(): number {
  return availableParallelism();
}

/** Splits trial indices (ascending) into consecutive batches of `batchSize`, numbered by position. */
export function makeBatches(trials: readonly number[], batchSize: number, firstIndex = 0): Batch[] {
  const out: Batch[] = [];
  for (let i = 0; i < trials.length; i += batchSize) {
    out.push({ index: firstIndex + out.length, trials: trials.slice(i, i + batchSize) });
  }
  return out;
}

/**
 * Starts a worker on `pool-worker.js` (compiled dist/) or, when this module runs as TypeScript
 * source under tsx, on `pool-worker.ts` through tsx's ESM API: Node 20 does not apply the
 * parent's `--import tsx` hooks inside worker threads, so the worker registers them itself.
 */
function newWorker(workerData: WorkerInit): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./pool-worker.js', import.meta.url), { workerData });
  }
  const entry = new URL('./pool-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

function trialError(opts: PoolOptions, reply: { trial?: number; message: string }): AspisError {
  return new AspisError({
    file: `trial function ${opts.trialFn}`,
    path: reply.trial === undefined ? undefined : `trial ${reply.trial}`,
    expected: 'the trial to complete',
    got: `an error: ${reply.message}`,
    kind: 'runtime',
  });
}

interface Slot {
  worker: Worker;
  busy: Batch | undefined;
}

/**
 * A started pool. `run(batch)` resolves with the batch's texts; at most `size` batches run at
 * once, the rest wait in order. Call `close()` when done (also after a failure).
 */
export class TrialPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: {
    batch: Batch;
    resolve: (r: BatchResult) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (r: BatchResult) => void; reject: (e: unknown) => void; batch: Batch }
  >();
  private failure: unknown;
  private closed = false;

  private constructor(private readonly opts: PoolOptions) {
    this.size = opts.size ?? defaultPoolSize();
  }

  /** Starts `size` workers and waits until each has loaded the trial function. */
  static async start(opts: PoolOptions): Promise<TrialPool> {
    const size = opts.size ?? defaultPoolSize();
    if (!Number.isInteger(size) || size < 1) {
      throw new AspisError({ file: '--workers', expected: 'an integer ≥ 1', got: size });
    }
    const pool = new TrialPool({ ...opts, size });
    try {
      await Promise.all(Array.from({ length: size }, () => pool.spawn()));
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  private spawn(): Promise<void> {
    const init: WorkerInit = {
      trialFn: this.opts.trialFn,
      modules: this.opts.modules ?? [],
      scenarioRef: this.opts.scenarioRef,
      seed: this.opts.seed,
    };
    const worker = newWorker(init);
    const slot: Slot = { worker, busy: undefined };
    this.slots.push(slot);
    return new Promise<void>((resolveReady, rejectReady) => {
      let ready = false;
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') {
          ready = true;
          resolveReady();
          this.pump();
        } else if (m.type === 'batch') {
          const p = this.pending.get(m.batch);
          this.pending.delete(m.batch);
          slot.busy = undefined;
          if (p) p.resolve({ ...p.batch, texts: m.texts });
          this.pump();
        } else {
          const err = trialError(this.opts, m);
          if (!ready) rejectReady(err);
          else this.fail(err);
        }
      });
      worker.on('error', (e) => {
        const err = trialError(this.opts, { trial: slot.busy?.trials[0], message: e.message });
        if (!ready) rejectReady(err);
        else this.fail(err);
      });
      worker.on('exit', (code) => {
        if (this.closed) return;
        const err = new AspisError({
          file: 'worker thread',
          expected: 'to keep running until the run ends',
          got: `exit code ${code}`,
          kind: 'runtime',
        });
        if (!ready) rejectReady(err);
        else this.fail(err);
      });
    });
  }

  private fail(e: unknown): void {
    if (this.failure) return;
    this.failure = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    for (const q of this.queue.splice(0)) q.reject(e);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0 || this.failure) continue;
      const job = this.queue.shift()!;
      slot.busy = job.batch;
      this.pending.set(job.batch.index, job);
      slot.worker.postMessage({
        batch: job.batch.index,
        trials: job.batch.trials,
      } satisfies WorkerRequest);
    }
  }

  run(batch: Batch): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('trial pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

export interface RunBatchesOptions extends PoolOptions {
  /** The batches, drawn lazily (an array or a generator; trials ascending and disjoint). */
  batches: Iterable<Batch>;
  /**
   * Called once per finished batch, one call at a time, in completion order (e.g. to commit it).
   * A batch counts as done for progress when this resolves.
   */
  onBatch?: (r: BatchResult) => void | Promise<void>;
  onProgress?: (p: Progress) => void;
  /** Trials already finished before this invocation (for progress on a resume). */
  doneBefore?: number;
  /** Total trials of the run (for progress); default doneBefore + trials in `batches` (an array). */
  total?: number;
  /** Keep the texts to return them (default true); false returns an empty list. */
  keepTexts?: boolean;
}

/**
 * Runs batches on a fresh pool and returns every trial's text in ascending trial order
 * (batches' trials must be ascending and disjoint). Closes the pool at the end.
 */
export async function runBatches(
  opts: RunBatchesOptions,
): Promise<{ trials: number[]; texts: string[] }> {
  const keep = opts.keepTexts ?? true;
  const doneBefore = opts.doneBefore ?? 0;
  const it = opts.batches[Symbol.iterator]();
  let head = it.next();
  if (head.done) return { trials: [], texts: [] };
  let total = opts.total;
  let size = opts.size ?? defaultPoolSize();
  if (Array.isArray(opts.batches)) {
    const list = opts.batches as Batch[];
    total ??= doneBefore + list.reduce((s, b) => s + b.trials.length, 0);
    size = Math.min(size, list.length);
  }
  const totalTrials = total ?? Infinity;
  const results: BatchResult[] = [];
  const pool = await TrialPool.start({ ...opts, size });
  // Batches are drawn lazily, at most two per worker in flight, and a batch leaves the window
  // only when its callback (the commit) is done: memory stays bounded for any trial count and
  // a slow store holds the workers back.
  const window = 2 * pool.size;
  const t0 = performance.now();
  let doneNow = 0;
  let chain: Promise<void> = Promise.resolve();
  const finish = async (r: BatchResult): Promise<void> => {
    if (opts.onBatch) await opts.onBatch(r);
    if (keep) results.push(r);
    doneNow += r.trials.length;
    if (opts.onProgress) {
      const elapsed_s = (performance.now() - t0) / 1000;
      const rate = elapsed_s > 0 ? doneNow / elapsed_s : 0;
      const done = doneBefore + doneNow;
      opts.onProgress({
        done,
        total: totalTrials,
        doneNow,
        elapsed_s,
        trialsPerSecond: rate,
        eta_s: rate > 0 ? (totalTrials - done) / rate : undefined,
      });
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      let failed = false;
      const pump = (): void => {
        while (!failed && !head.done && inFlight < window) {
          const batch = head.value;
          head = it.next();
          inFlight++;
          pool
            .run(batch)
            .then((r) => {
              // Serialise the callbacks: one commit at a time, in completion order.
              chain = chain.then(() => finish(r));
              return chain;
            })
            .then(
              () => {
                inFlight--;
                pump();
              },
              (e: unknown) => {
                if (!failed) reject(e);
                failed = true;
              },
            );
        }
        if (!failed && head.done && inFlight === 0) resolve();
      };
      pump();
    });
  } finally {
    await pool.close();
  }
  results.sort((a, b) => a.trials[0] - b.trials[0]);
  const trials: number[] = [];
  const texts: string[] = [];
  for (const r of results) {
    for (let i = 0; i < r.trials.length; i++) {
      trials.push(r.trials[i]);
      texts.push(r.texts[i]);
    }
  }
  return { trials, texts };
}
