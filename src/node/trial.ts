/**
 * The pluggable unit of a Monte Carlo run: a trial function, registered by name, that turns
 * (scenario, master seed, trial index) into one plain JSON record (DESIGN.md §3).
 *
 * A trial function must be deterministic in its context alone: every random draw comes from
 * `randomStream(ctx.seed, ctx.trial, path)`, so a record does not depend on the worker count, the
 * batch it ran in or what ran before it in the same worker. Worker threads find trial functions by
 * name: each worker imports `./trial-fns.ts` (the list of built-in trial modules) and any extra
 * module URLs given to the pool, and those modules call `registerTrialFn` at import time.
 *
 * The types here are structural, so an engine module (which may not import this edge folder)
 * can export a function of the same shape and an edge module registers it.
 */
import { AspisError } from '../core/errors.ts';

/** What a trial function is given. */
export interface TrialContext {
  /** Scenario reference as the user gave it: a path or `builtin:<name>`. */
  scenarioRef: string;
  /** Master seed of the run. */
  seed: number;
  /** Trial index, 0-based. */
  trial: number;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/**
 * One event of a trial. The store projects `time_s`, `kind`, `actors` and `reason` into the events
 * table for queries; any further fields are kept in the trial's record.
 */
export interface TrialEvent {
  time_s: number;
  kind: string;
  actors?: string[];
  reason?: string;
  [k: string]: JsonValue | undefined;
}

/** One trial's outcome: plain JSON-able data, `trial` first by convention, `events` last. */
export interface TrialRecord {
  trial: number;
  events: TrialEvent[];
  [k: string]: JsonValue | TrialEvent[] | undefined;
}

export type TrialFn = (ctx: TrialContext) => TrialRecord;

const registry = new Map<string, TrialFn>();

/** Registers a trial function under a name (at module import time). Re-registering replaces. */
export function registerTrialFn(name: string, fn: TrialFn): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(name)) {
    throw new Error(`trial function name must be [A-Za-z0-9._/-]+, got ${JSON.stringify(name)}`);
  }
  registry.set(name, fn);
}

export function trialFnNames(): string[] {
  return [...registry.keys()].sort();
}

/** The registered function, or an input error listing the known names. */
export function getTrialFn(name: string): TrialFn {
  const fn = registry.get(name);
  if (!fn) {
    throw new AspisError({
      file: 'trial function',
      expected: 'a registered trial function',
      got: name,
      hint: `known: ${trialFnNames().join(', ') || 'none'}`,
    });
  }
  return fn;
}

/**
 * Imports the modules that register trial functions: the built-in list (`./trial-fns.ts`, or
 * `.js` when compiled) and any extra module URLs or absolute paths.
 */
export async function loadTrialModules(modules: readonly string[] = []): Promise<void> {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  await import(new URL(`./trial-fns${ext}`, import.meta.url).href);
  for (const m of modules) await import(m);
}

/**
 * Runs one trial and returns its canonical JSON text: the form that goes to the store and that
 * every copy of the record is parsed from, so a record read back equals a record just computed
 * (JSON has no -0, NaN or undefined; structured clone would keep them).
 */
export function runTrialToText(fn: TrialFn, ctx: TrialContext, fnName: string): string {
  const record = fn(ctx);
  if (record === null || typeof record !== 'object' || record.trial !== ctx.trial) {
    throw new AspisError({
      file: `trial function ${fnName}`,
      path: `trial ${ctx.trial}`,
      expected: `a record whose trial field is ${ctx.trial}`,
      got: record === null || typeof record !== 'object' ? record : record.trial,
      kind: 'runtime',
    });
  }
  if (!Array.isArray(record.events)) {
    throw new AspisError({
      file: `trial function ${fnName}`,
      path: `trial ${ctx.trial}.events`,
      expected: 'a list of events',
      got: record.events,
      kind: 'runtime',
    });
  }
  return JSON.stringify(record);
}
