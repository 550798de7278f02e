import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AspisError } from '../core/errors.ts';
import { ResultsStore } from './store.ts';
import { runMonteCarlo, runSingleTrial, pendingBatches } from './monte-carlo.ts';
import { SELF_TEST } from './self-test-trial.ts';

function tempDir(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-mc-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const canon = (records: unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n');

test('monte carlo: 1, 2 and 4 workers store and return byte-identical records', async (t) => {
  const dir = tempDir(t);
  const outs: string[] = [];
  const stored: string[] = [];
  for (const workers of [1, 2, 4]) {
    const store = await ResultsStore.open(join(dir, `w${workers}.duckdb`));
    try {
      const r = await runMonteCarlo({
        store,
        trialFn: SELF_TEST,
        scenarioRef: 'self-test',
        seed: 2001,
        trials: 1000,
        batchSize: 64,
        workers,
        runId: 'det',
      });
      assert.equal(r.run.status, 'complete');
      assert.equal(r.run.trialsDone, 1000);
      assert.deepEqual(
        r.records.map((x) => x.trial),
        Array.from({ length: 1000 }, (_, i) => i),
      );
      outs.push(canon(r.records));
      stored.push((await store.trialTextsOf('det')).texts.join('\n'));
    } finally {
      await store.close();
    }
  }
  assert.equal(outs[1], outs[0]);
  assert.equal(outs[2], outs[0]);
  assert.deepEqual(stored, outs);
});

test('monte carlo: replaying one trial alone equals its stored row', async (t) => {
  const store = await ResultsStore.open(join(tempDir(t), 'replay.duckdb'));
  try {
    const r = await runMonteCarlo({
      store,
      trialFn: SELF_TEST,
      scenarioRef: 'self-test',
      seed: 99,
      trials: 250,
      workers: 2,
    });
    for (const trial of [0, 101, 249]) {
      const alone = await runSingleTrial({
        trialFn: SELF_TEST,
        scenarioRef: 'self-test',
        seed: 99,
        trial,
      });
      assert.equal(JSON.stringify(alone), JSON.stringify(await store.trialOf(r.run.id, trial)));
      assert.deepEqual(alone, r.records[trial]);
    }
  } finally {
    await store.close();
  }
});

test('monte carlo: SIGKILL mid-run, then resume, gives the uninterrupted records', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'crash.duckdb');
  const trials = 1500;
  const batch = 20;
  // A child process runs 75 batches of ~20 ms each on 2 workers; kill it once 3 are committed.
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      new URL('./test-support/mc-child.ts', import.meta.url).pathname,
      'run',
      path,
      'crash',
      String(trials),
      String(batch),
      '1',
      '2',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  t.after(() => child.kill('SIGKILL'));
  const exited = new Promise<NodeJS.Signals | null>((res) =>
    child.on('exit', (_c, sig) => res(sig)),
  );
  let committedAtKill = 0;
  for await (const line of createInterface({ input: child.stdout! })) {
    const m = /^committed (\d+)$/.exec(line);
    if (m && Number(m[1]) >= 3 * batch) {
      committedAtKill = Number(m[1]);
      child.kill('SIGKILL');
      break;
    }
    assert.notEqual(line, 'finished', 'the child finished before it could be killed');
  }
  assert.equal(await exited, 'SIGKILL');

  const store = await ResultsStore.open(path);
  try {
    const before = await store.getRun('crash');
    assert.equal(before?.status, 'interrupted');
    const kept = await store.completedTrials('crash');
    assert.ok(kept.length >= committedAtKill && kept.length < trials, `kept ${kept.length}`);
    assert.equal(kept.length % batch, 0, 'only whole batches are stored');

    const resumed = await runMonteCarlo({ store, resume: 'crash', workers: 2, seed: 11 });
    assert.equal(resumed.resumed, true);
    assert.equal(resumed.skipped, kept.length);
    assert.equal(resumed.ran, trials - kept.length);
    assert.equal(resumed.run.status, 'complete');

    const fresh = await runMonteCarlo({
      store,
      trialFn: SELF_TEST,
      scenarioRef: 'self-test:spin=0', // the spin costs time only; records do not depend on it
      seed: 11,
      trials,
      batchSize: batch,
      workers: 2,
      runId: 'fresh',
    });
    assert.equal(canon(resumed.records), canon(fresh.records));
    // Resuming a complete run does nothing and returns the same records.
    const again = await runMonteCarlo({ store, resume: 'crash', workers: 1 });
    assert.equal(again.ran, 0);
    assert.equal(canon(again.records), canon(fresh.records));
  } finally {
    await store.close();
  }
});

test('monte carlo: bad input is refused before anything is stored (exit 2)', async (t) => {
  const store = await ResultsStore.open(join(tempDir(t), 'bad.duckdb'));
  const base = {
    store,
    trialFn: SELF_TEST,
    scenarioRef: 'self-test',
    seed: 1,
    trials: 10,
    workers: 1,
  };
  const input = (re: RegExp) => (e: unknown) =>
    e instanceof AspisError && e.exitCode === 2 && re.test(e.message);
  try {
    await assert.rejects(
      runMonteCarlo({ ...base, trials: 0 }),
      input(/^--trials: expected an integer from 1/),
    );
    await assert.rejects(runMonteCarlo({ ...base, trials: 2 ** 40 }), input(/^--trials/));
    await assert.rejects(runMonteCarlo({ ...base, seed: -1 }), input(/^--seed/));
    await assert.rejects(runMonteCarlo({ ...base, workers: 0 }), input(/^--workers/));
    await assert.rejects(
      runMonteCarlo({ ...base, trialFn: 'nope' }),
      input(/registered trial function/),
    );
    await assert.rejects(runMonteCarlo({ ...base, runId: 'bad id!' }), input(/^--run-id/));
    await assert.rejects(
      runMonteCarlo({ ...base, resume: 'missing' }),
      input(/^--resume: expected a run id/),
    );
    assert.deepEqual(await store.listRuns(), []);
    await runMonteCarlo({ ...base, runId: 'ok' });
    await assert.rejects(runMonteCarlo({ ...base, runId: 'ok' }), input(/expected a new run id/));
    await assert.rejects(
      runMonteCarlo({ store, resume: 'ok', seed: 2 }),
      input(/^--seed: expected 1 as in run ok/),
    );
    await assert.rejects(
      runMonteCarlo({ store, resume: 'ok', scenarioRef: 'other' }),
      input(/^SCENARIO: expected self-test as in run ok/),
    );
  } finally {
    await store.close();
  }
});

test('monte carlo: batch b always holds trials b·size … so a resume redoes whole batches', () => {
  assert.deepEqual(
    [...pendingBatches(7, 3, new Set([0, 1, 2, 6]))],
    [{ index: 1, trials: [3, 4, 5] }],
  );
  assert.deepEqual(
    [...pendingBatches(5, 2, new Set())],
    [
      { index: 0, trials: [0, 1] },
      { index: 1, trials: [2, 3] },
      { index: 2, trials: [4] },
    ],
  );
});

test('monte carlo: too little disk space stops the run with a run-time error, keeping what was committed', async (t) => {
  const store = await ResultsStore.open(join(tempDir(t), 'disk.duckdb'));
  const base = {
    store,
    trialFn: SELF_TEST,
    scenarioRef: 'self-test',
    seed: 1,
    workers: 1,
    batchSize: 100,
  };
  const runtime = (re: RegExp) => (e: unknown) =>
    e instanceof AspisError && e.exitCode === 1 && re.test(e.message);
  try {
    store.freeBytes = () => 4 * 2 ** 20; // 4 MB free: below the floor, nothing starts
    await assert.rejects(
      runMonteCarlo({ ...base, trials: 10, runId: 'a' }),
      runtime(/expected about 16\.0 MB of free disk space for the store, got "4\.0 MB free"/),
    );
    assert.deepEqual(await store.listRuns(), []);
    // 20 MB free: enough to start, but a billion trials of ~340 bytes each will not fit.
    store.freeBytes = () => 20 * 2 ** 20;
    await assert.rejects(
      runMonteCarlo({ ...base, trials: 1_000_000_000, runId: 'b' }),
      runtime(
        /free disk space for the remaining 999999900 trials.*the 100 finished trials are kept/,
      ),
    );
    const run = await store.getRun('b');
    assert.equal(run?.status, 'failed');
    assert.equal(run?.trialsDone, 100);
  } finally {
    await store.close();
  }
});
