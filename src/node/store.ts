/**
 * The results store (DESIGN.md §7): one embedded DuckDB file, by default
 * `./aspis-results/aspis.duckdb`, holding runs, trials, events and summaries.
 *
 * - `trials.record` is the trial's canonical JSON text exactly as the trial function's record was
 *   serialised (VARCHAR, not DuckDB's JSON type, so the text is kept byte for byte); DuckDB's JSON
 *   functions still query it: `SELECT record->>'$.leaked' FROM trials`.
 * - `events` is a projection of each record's `events` for queries (seq = position in the list);
 *   the record stays the source of truth.
 * - A batch of trials (and their events) is written in one transaction, so a killed process
 *   leaves every committed batch intact and the file readable (DuckDB replays its WAL on open).
 * - DuckDB lets one process open a file for writing; a second one gets a clear error naming the
 *   process that holds the lock. Within one process, open a file once (a second `open` of the same
 *   path is refused rather than risking two engines on one file).
 */
import { existsSync, mkdirSync, statSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DuckDBInstance,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { AspisError } from '../core/errors.ts';
import type { TrialEvent, TrialRecord } from './trial.ts';

export const DEFAULT_STORE_PATH = './aspis-results/aspis.duckdb';
export const SCHEMA_VERSION = 1;

/** `running` is what a live run writes; a `running` run no live process owns reads `interrupted`. */
export type RunStatus = 'running' | 'interrupted' | 'complete' | 'failed';

export interface RunInfo {
  id: string;
  scenarioRef: string;
  scenarioHash: string | null;
  seed: number;
  trialsRequested: number;
  trialFn: string;
  batchSize: number;
  /** ISO-8601 UTC. */
  created: string;
  finished: string | null;
  status: RunStatus;
  trialsDone: number;
}

export interface NewRun {
  /** Default: `YYYYMMDD-HHMMSS-xxxx` (UTC time and 4 random hex digits). */
  id?: string;
  scenarioRef: string;
  scenarioHash?: string | null;
  seed: number;
  trials: number;
  trialFn: string;
  batchSize: number;
}

/** One trial of a batch: its index and canonical JSON text (the parsed record if at hand). */
export interface TrialRow {
  trial: number;
  text: string;
  record?: TrialRecord;
}

export interface StoredEvent {
  trial: number;
  seq: number;
  time_s: number | null;
  kind: string | null;
  actors: string[] | null;
  reason: string | null;
}

export interface OpenOptions {
  readOnly?: boolean;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const openPaths = new Set<string>();

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS aspis_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS runs (
     id VARCHAR PRIMARY KEY,
     scenario_ref VARCHAR NOT NULL,
     scenario_hash VARCHAR,
     seed BIGINT NOT NULL,
     trials_requested INTEGER NOT NULL,
     trial_fn VARCHAR NOT NULL,
     batch_size INTEGER NOT NULL,
     created TIMESTAMP NOT NULL,
     finished TIMESTAMP,
     status VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS trials (
     run_id VARCHAR NOT NULL,
     trial INTEGER NOT NULL,
     batch INTEGER NOT NULL,
     record VARCHAR NOT NULL,
     PRIMARY KEY (run_id, trial))`,
  `CREATE TABLE IF NOT EXISTS events (
     run_id VARCHAR NOT NULL,
     trial INTEGER NOT NULL,
     seq INTEGER NOT NULL,
     time_s DOUBLE,
     kind VARCHAR,
     actors VARCHAR[],
     reason VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS summaries (
     run_id VARCHAR PRIMARY KEY,
     summary VARCHAR NOT NULL,
     created TIMESTAMP NOT NULL)`,
];

/**
 * Turns a DuckDB or file-system failure into an AspisError: input errors (exit 2) for a file that
 * is not a usable database, run-time errors (exit 1) for locks, disk space and the rest.
 */
export function storeError(e: unknown, path: string): AspisError {
  if (e instanceof AspisError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as NodeJS.ErrnoException)?.code;
  if (/not a valid DuckDB database file/i.test(msg)) {
    return new AspisError({
      file: path,
      expected: 'a DuckDB results store (or a path that does not exist yet)',
      got: 'a file that is not a DuckDB database',
      hint: 'give another --store path or move the file away',
    });
  }
  const lock = /Could not set lock on file.*?Conflicting lock is held in (.*?) \(PID (\d+)\)/s.exec(
    msg,
  );
  if (lock || /Could not set lock/i.test(msg)) {
    const who = lock ? `${lock[1]} (PID ${lock[2]})` : 'another process';
    return new AspisError({
      file: path,
      expected: 'a results store no other process has open (DuckDB allows one writer process)',
      got: `a lock held by ${who}`,
      kind: 'runtime',
      hint: 'wait for that process to finish, stop it, or use another --store file',
    });
  }
  if (code === 'ENOSPC' || /no space left on device|disk is full|out of disk/i.test(msg)) {
    return new AspisError({
      file: path,
      expected: 'free disk space for the results',
      got: 'a full disk',
      kind: 'runtime',
      hint: 'committed batches are kept; free space, then resume the run',
    });
  }
  if (/Permission denied|EACCES|EPERM/i.test(msg) || code === 'EACCES' || code === 'EPERM') {
    return new AspisError({
      file: path,
      expected: 'a results store this user can read and write',
      got: 'permission denied',
    });
  }
  if (/database file version|created with an? (newer|older)|incompatible/i.test(msg)) {
    return new AspisError({
      file: path,
      expected: 'a DuckDB file this DuckDB version can read',
      got: msg.split('\n')[0],
    });
  }
  return new AspisError({
    file: path,
    expected: 'the results store to accept the operation',
    got: `a DuckDB error: ${msg.split('\n')[0]}`,
    kind: 'runtime',
  });
}

/** Free bytes for an unprivileged user on the file system holding `dir`, if the OS says. */
export function freeBytes(dir: string): number | undefined {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return undefined;
  }
}

function newRunId(): string {
  const t = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const r = Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `${t}-${r}`;
}

/** UTC now as DuckDB TIMESTAMP text (timestamps are stored in UTC, without zone). */
function utcNow(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '');
}

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  // DuckDB returns TIMESTAMP as 'YYYY-MM-DD HH:MM:SS[.fff]' text here (cast in the query).
  return `${String(v).replace(' ', 'T')}Z`;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export class ResultsStore {
  /** Ids of runs this store instance is writing now (any other `running` run was interrupted). */
  private readonly live = new Set<string>();
  private lock: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
    readonly readOnly: boolean,
  ) {}

  /**
   * Opens (creating unless read-only) the store file. Errors: a directory or a non-DuckDB file
   * (exit 2), a file another process holds open (exit 1, naming that process).
   */
  static async open(path = DEFAULT_STORE_PATH, opts: OpenOptions = {}): Promise<ResultsStore> {
    const abs = resolve(path);
    const readOnly = opts.readOnly ?? false;
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      throw new AspisError({ file: path, expected: 'a results store file', got: 'a directory' });
    }
    if (readOnly && !existsSync(abs)) {
      throw new AspisError({
        file: path,
        expected: 'an existing results store',
        got: 'no such file',
        hint: 'a run creates it',
      });
    }
    if (openPaths.has(abs)) {
      throw new AspisError({
        file: path,
        expected: 'a results store not already open in this process',
        got: 'a second open of the same file',
        kind: 'runtime',
      });
    }
    let instance: DuckDBInstance | undefined;
    try {
      if (!readOnly) mkdirSync(dirname(abs), { recursive: true });
      instance = await DuckDBInstance.create(abs, readOnly ? { access_mode: 'READ_ONLY' } : {});
      const db = await instance.connect();
      const store = new ResultsStore(path, instance, db, readOnly);
      await store.init();
      openPaths.add(abs);
      return store;
    } catch (e) {
      instance?.closeSync();
      throw storeError(e, path);
    }
  }

  private async init(): Promise<void> {
    if (!this.readOnly) {
      for (const sql of SCHEMA) await this.db.run(sql);
      await this.db.run(
        `INSERT INTO aspis_meta VALUES ('schema_version', $v) ON CONFLICT DO NOTHING`,
        { v: String(SCHEMA_VERSION) },
      );
    }
    const r = await this.db.runAndReadAll(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'aspis_meta'`,
    );
    if (num(r.getRowObjectsJS()[0].n) === 0) {
      throw new AspisError({
        file: this.path,
        expected: 'an Aspis results store',
        got: 'a DuckDB database without Aspis tables',
      });
    }
    const v = await this.db.runAndReadAll(
      `SELECT value FROM aspis_meta WHERE key = 'schema_version'`,
    );
    const version = Number(v.getRowObjectsJS()[0]?.value);
    if (version > SCHEMA_VERSION) {
      throw new AspisError({
        file: this.path,
        expected: `a store of schema version ≤ ${SCHEMA_VERSION}`,
        got: `version ${version}`,
        hint: 'written by a newer Aspis',
      });
    }
  }

  /** Runs `f` alone on the connection (a batch's transaction must not interleave with reads). */
  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    if (this.closed) {
      return Promise.reject(
        new AspisError({
          file: this.path,
          expected: 'an open store',
          got: 'a closed one',
          kind: 'runtime',
        }),
      );
    }
    const next = this.lock.then(f, f);
    this.lock = next.catch(() => undefined);
    return next.catch((e: unknown) => {
      throw storeError(e, this.path);
    });
  }

  async createRun(run: NewRun): Promise<RunInfo> {
    const id = run.id ?? newRunId();
    if (!RUN_ID.test(id)) {
      throw new AspisError({
        file: '--run-id',
        expected: 'a run id of letters, digits, ".", "_" or "-" (at most 64)',
        got: id,
      });
    }
    await this.exclusive(async () => {
      const exists = await this.db.runAndReadAll(`SELECT 1 FROM runs WHERE id = $id`, { id });
      if (exists.currentRowCount > 0) {
        throw new AspisError({
          file: '--run-id',
          expected: 'a new run id',
          got: id,
          hint: 'it exists; use --resume',
        });
      }
      const created = utcNow();
      await this.db.run(
        `INSERT INTO runs VALUES ($id, $ref, $hash, $seed, $n, $fn, $bs, $created::TIMESTAMP, NULL, 'running')`,
        {
          id,
          ref: run.scenarioRef,
          hash: run.scenarioHash ?? null,
          seed: run.seed,
          n: run.trials,
          fn: run.trialFn,
          bs: run.batchSize,
          created,
        } as Record<string, DuckDBValue>,
      );
    });
    this.live.add(id);
    return (await this.getRun(id))!;
  }

  /** Marks a run as being written by this process (on resume). */
  async claimRun(id: string): Promise<void> {
    await this.setStatus(id, 'running');
    this.live.add(id);
  }

  async setStatus(id: string, status: Exclude<RunStatus, 'interrupted'>): Promise<void> {
    await this.exclusive(() =>
      this.db.run(`UPDATE runs SET status = $s, finished = $f::TIMESTAMP WHERE id = $id`, {
        s: status,
        f: status === 'running' ? null : utcNow(),
        id,
      }),
    );
    if (status !== 'running') this.live.delete(id);
  }

  private rowToRun(r: Record<string, unknown>): RunInfo {
    const stored = r.status as RunStatus;
    const id = r.id as string;
    return {
      id,
      scenarioRef: r.scenario_ref as string,
      scenarioHash: str(r.scenario_hash),
      seed: num(r.seed),
      trialsRequested: num(r.trials_requested),
      trialFn: r.trial_fn as string,
      batchSize: num(r.batch_size),
      created: iso(r.created)!,
      finished: iso(r.finished),
      status: stored === 'running' && !this.live.has(id) ? 'interrupted' : stored,
      trialsDone: num(r.trials_done),
    };
  }

  private static readonly RUN_SELECT = `SELECT r.id, r.scenario_ref, r.scenario_hash, r.seed, r.trials_requested,
      r.trial_fn, r.batch_size, r.created::VARCHAR AS created, r.finished::VARCHAR AS finished, r.status,
      (SELECT count(*) FROM trials t WHERE t.run_id = r.id) AS trials_done
    FROM runs r`;

  /** Every run, oldest first. */
  async listRuns(): Promise<RunInfo[]> {
    const r = await this.exclusive(() =>
      this.db.runAndReadAll(`${ResultsStore.RUN_SELECT} ORDER BY r.created, r.id`),
    );
    return r.getRowObjectsJS().map((row) => this.rowToRun(row));
  }

  async getRun(id: string): Promise<RunInfo | undefined> {
    const r = await this.exclusive(() =>
      this.db.runAndReadAll(`${ResultsStore.RUN_SELECT} WHERE r.id = $id`, { id }),
    );
    const row = r.getRowObjectsJS()[0];
    return row ? this.rowToRun(row) : undefined;
  }

  /** The run, or an input error naming the store and the nearest ids. */
  async requireRun(id: string, label = 'RUN'): Promise<RunInfo> {
    const run = await this.getRun(id);
    if (run) return run;
    const ids = (await this.listRuns()).map((x) => x.id);
    const similar = ids.filter((x) => x.includes(id) || id.includes(x)).slice(0, 3);
    throw new AspisError({
      file: label,
      expected: `a run id in ${this.path}`,
      got: id,
      hint:
        ids.length === 0
          ? 'the store has no runs'
          : `e.g. ${(similar.length ? similar : ids.slice(-3)).join(', ')}`,
    });
  }

  /**
   * Writes one batch of trials and their events in one transaction: all of it is stored or none.
   */
  async writeBatch(runId: string, batch: number, rows: readonly TrialRow[]): Promise<void> {
    if (this.readOnly) {
      throw new AspisError({
        file: this.path,
        expected: 'a store opened for writing',
        got: 'read-only',
        kind: 'runtime',
      });
    }
    await this.exclusive(async () => {
      await this.db.run('BEGIN TRANSACTION');
      // Appenders buffer rows; one left unflushed when a batch fails would flush later, outside
      // the transaction. So both are flushed inside it and cleared on failure.
      let trials: Awaited<ReturnType<DuckDBConnection['createAppender']>> | undefined;
      let events: typeof trials;
      try {
        trials = await this.db.createAppender('trials');
        events = await this.db.createAppender('events');
        const actorsType = LIST(VARCHAR);
        for (const row of rows) {
          trials.appendVarchar(runId);
          trials.appendInteger(row.trial);
          trials.appendInteger(batch);
          trials.appendVarchar(row.text);
          trials.endRow();
          const record = row.record ?? (JSON.parse(row.text) as TrialRecord);
          const evs: TrialEvent[] = Array.isArray(record.events) ? record.events : [];
          for (let seq = 0; seq < evs.length; seq++) {
            const ev = evs[seq];
            events.appendVarchar(runId);
            events.appendInteger(row.trial);
            events.appendInteger(seq);
            if (typeof ev?.time_s === 'number' && Number.isFinite(ev.time_s))
              events.appendDouble(ev.time_s);
            else events.appendNull();
            if (typeof ev?.kind === 'string') events.appendVarchar(ev.kind);
            else events.appendNull();
            if (Array.isArray(ev?.actors))
              events.appendList(listValue(ev.actors.map(String)), actorsType);
            else events.appendNull();
            if (typeof ev?.reason === 'string') events.appendVarchar(ev.reason);
            else events.appendNull();
            events.endRow();
          }
        }
        trials.flushSync();
        events.flushSync();
        trials.closeSync();
        events.closeSync();
        await this.db.run('COMMIT');
      } catch (e) {
        for (const a of [trials, events]) {
          try {
            a?.clear();
            a?.closeSync();
          } catch {
            // already failed or closed: nothing buffered is left to flush
          }
        }
        await this.db.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /** Indices of the trials stored for a run, ascending (what a resume skips). */
  async completedTrials(runId: string): Promise<number[]> {
    const r = await this.exclusive(() =>
      this.db.runAndReadAll(`SELECT trial FROM trials WHERE run_id = $id ORDER BY trial`, {
        id: runId,
      }),
    );
    return r.getRowsJS().map((row) => num(row[0]));
  }

  /** Canonical JSON texts of a run's trials in trial order, with their indices. */
  async trialTextsOf(runId: string): Promise<{ trials: number[]; texts: string[] }> {
    const r = await this.exclusive(() =>
      this.db.runAndReadAll(`SELECT trial, record FROM trials WHERE run_id = $id ORDER BY trial`, {
        id: runId,
      }),
    );
    const trials: number[] = [];
    const texts: string[] = [];
    for (const row of r.getRowsJS()) {
      trials.push(num(row[0]));
      texts.push(row[1] as string);
    }
    return { trials, texts };
  }

  /** A run's trial records in trial order. */
  async trialsOf(runId: string): Promise<TrialRecord[]> {
    return (await this.trialTextsOf(runId)).texts.map((t) => JSON.parse(t) as TrialRecord);
  }

  /** One stored trial's record, or undefined. */
  async trialOf(runId: string, trial: number): Promise<TrialRecord | undefined> {
    const r = await this.exclusive(() =>
      this.db.runAndReadAll(`SELECT record FROM trials WHERE run_id = $id AND trial = $t`, {
        id: runId,
        t: trial,
      }),
    );
    const row = r.getRowsJS()[0];
    return row ? (JSON.parse(row[0] as string) as TrialRecord) : undefined;
  }

  /** A run's events (of one trial, or all), in trial then seq order. */
  async eventsOf(runId: string, trial?: number): Promise<StoredEvent[]> {
    const r = await this.exclusive(() =>
      trial === undefined
        ? this.db.runAndReadAll(
            `SELECT trial, seq, time_s, kind, actors, reason FROM events WHERE run_id = $id ORDER BY trial, seq`,
            { id: runId },
          )
        : this.db.runAndReadAll(
            `SELECT trial, seq, time_s, kind, actors, reason FROM events WHERE run_id = $id AND trial = $t ORDER BY seq`,
            { id: runId, t: trial },
          ),
    );
    return r.getRowObjectsJS().map((row) => ({
      trial: num(row.trial),
      seq: num(row.seq),
      time_s: row.time_s === null ? null : num(row.time_s),
      kind: str(row.kind),
      actors: Array.isArray(row.actors) ? (row.actors as string[]) : null,
      reason: str(row.reason),
    }));
  }

  /** Stores (or replaces) a run's summary. */
  async putSummary(runId: string, summary: unknown): Promise<void> {
    await this.exclusive(() =>
      this.db.run(`INSERT OR REPLACE INTO summaries VALUES ($id, $s, $t::TIMESTAMP)`, {
        id: runId,
        s: JSON.stringify(summary),
        t: utcNow(),
      }),
    );
  }

  async getSummary(runId: string): Promise<unknown> {
    const r = await this.exclusive(() =>
      this.db.runAndReadAll(`SELECT summary FROM summaries WHERE run_id = $id`, { id: runId }),
    );
    const row = r.getRowsJS()[0];
    return row ? (JSON.parse(row[0] as string) as unknown) : undefined;
  }

  /** Free bytes where the store file lives (undefined if the OS does not say). */
  freeBytes(): number | undefined {
    return freeBytes(dirname(resolve(this.path)));
  }

  /** Closes the store (checkpointing the WAL into the file). Runs still `running` stay so. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.lock;
    this.closed = true;
    openPaths.delete(resolve(this.path));
    try {
      this.db.closeSync();
      this.instance.closeSync();
    } catch (e) {
      throw storeError(e, this.path);
    }
  }
}
