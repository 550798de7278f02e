import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AspisError } from '../core/errors.ts';
import { ResultsStore } from './store.ts';
import { selfTestTrial } from './self-test-trial.ts';

function tempDir(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const rowsFor = (trials: number[]) =>
  trials.map((trial) => ({
    trial,
    text: JSON.stringify(selfTestTrial({ scenarioRef: 'x', seed: 3, trial })),
  }));

test('store: runs, trials in trial order, events and summaries round-trip', async (t) => {
  const path = join(tempDir(t), 'sub', 'r.duckdb'); // the folder is created
  const store = await ResultsStore.open(path);
  try {
    const run = await store.createRun({
      id: 'r1',
      scenarioRef: 'builtin:x',
      scenarioHash: 'abc',
      seed: 3,
      trials: 6,
      trialFn: 'self-test',
      batchSize: 3,
    });
    assert.equal(run.status, 'running');
    assert.equal(run.trialsDone, 0);
    const rows = rowsFor([0, 1, 2, 3, 4, 5]);
    await store.writeBatch('r1', 1, rows.slice(3)); // batches may commit out of order
    await store.writeBatch('r1', 0, rows.slice(0, 3));
    assert.deepEqual(await store.completedTrials('r1'), [0, 1, 2, 3, 4, 5]);
    const texts = (await store.trialsOf('r1')).map((r) => JSON.stringify(r));
    assert.deepEqual(
      texts,
      rows.map((r) => r.text),
    );
    const rec = JSON.parse(rows[4].text);
    const evs = await store.eventsOf('r1', 4);
    assert.equal(evs.length, rec.events.length);
    assert.deepEqual(evs[0], { trial: 4, seq: 0, ...rec.events[0] });
    await store.putSummary('r1', { pNoLeak: { estimate: 0.5, ci95: [0.2, 0.8] } });
    await store.setStatus('r1', 'complete');
    const got = await store.getRun('r1');
    assert.equal(got?.status, 'complete');
    assert.equal(got?.trialsDone, 6);
    assert.match(got?.finished ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(await store.getSummary('r1'), {
      pNoLeak: { estimate: 0.5, ci95: [0.2, 0.8] },
    });
    assert.deepEqual(
      (await store.listRuns()).map((r) => r.id),
      ['r1'],
    );
    await assert.rejects(
      store.requireRun('nope'),
      (e: unknown) => e instanceof AspisError && e.exitCode === 2,
    );
  } finally {
    await store.close();
  }
  // Reopened read-only, everything is there; a run left `running` reads as interrupted.
  const again = await ResultsStore.open(path, { readOnly: true });
  try {
    assert.equal((await again.trialsOf('r1')).length, 6);
  } finally {
    await again.close();
  }
});

test('store: a batch is all or nothing (a failing batch leaves no trace)', async (t) => {
  const path = join(tempDir(t), 'a.duckdb');
  const store = await ResultsStore.open(path);
  try {
    await store.createRun({
      id: 'r',
      scenarioRef: 'x',
      seed: 3,
      trials: 4,
      trialFn: 'self-test',
      batchSize: 2,
    });
    await store.writeBatch('r', 0, rowsFor([0, 1]));
    // Trial 1 again violates the primary key: the whole batch (trials 2 and 1) must roll back.
    await assert.rejects(store.writeBatch('r', 1, rowsFor([2, 1])), AspisError);
    assert.deepEqual(await store.completedTrials('r'), [0, 1]);
    assert.equal((await store.eventsOf('r')).filter((e) => e.trial === 2).length, 0);
    assert.equal((await store.getRun('r'))?.status, 'running');
  } finally {
    await store.close();
  }
  const again = await ResultsStore.open(path, { readOnly: true });
  try {
    assert.deepEqual(await again.completedTrials('r'), [0, 1]);
    assert.equal((await again.getRun('r'))?.status, 'interrupted'); // no live writer owns it
  } finally {
    await again.close();
  }
});

test('store: a file that is not a DuckDB database is an input error naming it', async (t) => {
  const path = join(tempDir(t), 'notes.duckdb');
  writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
  for (const readOnly of [false, true]) {
    await assert.rejects(ResultsStore.open(path, { readOnly }), (e: unknown) => {
      assert.ok(e instanceof AspisError);
      assert.equal(e.exitCode, 2);
      assert.equal(
        e.message,
        `${path}: expected a DuckDB results store (or a path that does not exist yet), got "a file that is not a DuckDB database" (give another --store path or move the file away)`,
      );
      return true;
    });
  }
  await assert.rejects(ResultsStore.open(tempDir(t)), /got "a directory"/);
});

test('store: a file another process holds is a run-time error naming that process', async (t) => {
  const path = join(tempDir(t), 'held.duckdb');
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      new URL('./test-support/mc-child.ts', import.meta.url).pathname,
      'hold',
      path,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  t.after(() => child.kill('SIGKILL'));
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) if (line === 'open') break;
  await assert.rejects(ResultsStore.open(path), (e: unknown) => {
    assert.ok(e instanceof AspisError);
    assert.equal(e.exitCode, 1);
    assert.match(e.message, new RegExp(`got "a lock held by .*node.* \\(PID ${child.pid}\\)"`));
    assert.match(e.message, /one writer process/);
    return true;
  });
  await assert.rejects(ResultsStore.open(path, { readOnly: true }), /lock held by/);
});

test('store: opening one file twice in a process is refused', async (t) => {
  const path = join(tempDir(t), 'twice.duckdb');
  const a = await ResultsStore.open(path);
  try {
    await assert.rejects(ResultsStore.open(path), /not already open in this process/);
  } finally {
    await a.close();
  }
});
