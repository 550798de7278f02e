import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsStore } from '../../node/store.ts';
import { runMonteCarlo } from '../../node/monte-carlo.ts';
import { formatProgress, progressLine } from '../progress.ts';
import { aspis } from '../test-support/run-cli.ts';

test('aspis runs list|show over a store (--json and tables)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-runs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'r.duckdb');
  const store = await ResultsStore.open(path);
  try {
    await runMonteCarlo({
      store,
      trialFn: 'self-test',
      scenarioRef: 'self-test',
      seed: 5,
      trials: 30,
      batchSize: 10,
      workers: 1,
      runId: 'demo',
    });
    await store.putSummary('demo', { pNoLeak: { estimate: 0.9, ci95: [0.74, 0.97] } });
  } finally {
    await store.close();
  }

  const list = await aspis('runs', 'list', '--store', path, '--json');
  assert.equal(list.code, 0, list.stderr);
  const doc = JSON.parse(list.stdout);
  assert.equal(doc.runs.length, 1);
  assert.equal(doc.runs[0].id, 'demo');
  assert.equal(doc.runs[0].status, 'complete');
  assert.equal(doc.runs[0].trialsDone, 30);

  const show = await aspis('runs', 'show', 'demo', '--store', path, '--json');
  assert.equal(show.code, 0, show.stderr);
  assert.deepEqual(JSON.parse(show.stdout).summary, {
    pNoLeak: { estimate: 0.9, ci95: [0.74, 0.97] },
  });

  const table = await aspis('runs', '--store', path);
  assert.match(table.stdout, /demo .*self-test .*30\/30 .*complete/);

  const missing = await aspis('runs', 'show', 'nope', '--store', path);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^aspis: RUN: expected a run id in .*r\.duckdb, got "nope"/);

  const empty = await aspis('runs', 'list', '--store', join(dir, 'none.duckdb'), '--json');
  assert.deepEqual(JSON.parse(empty.stdout).runs, []);

  writeFileSync(join(dir, 'text.duckdb'), 'hello\n'.repeat(100));
  const bad = await aspis('runs', 'list', '--store', join(dir, 'text.duckdb'));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /text\.duckdb: expected a DuckDB results store .*not a DuckDB database/);
});

test('progress line: only on a TTY, with rate and ETA', () => {
  const p = {
    done: 250,
    total: 1000,
    doneNow: 250,
    elapsed_s: 0.5,
    trialsPerSecond: 500,
    eta_s: 1.5,
  };
  assert.match(formatProgress(p), /^trials [█░]{20} 250\/1000 25% {2}500\/s {2}ETA 2s$/);
  let written = '';
  const pipe = { isTTY: false, write: (s: string) => void (written += s) };
  progressLine({ stream: pipe }).update(p);
  assert.equal(written, '');
  const tty = { isTTY: true, write: (s: string) => void (written += s) };
  const line = progressLine({ stream: tty });
  line.update(p);
  line.done();
  assert.match(written, /250\/1000/);
  written = '';
  progressLine({ stream: tty, quiet: true }).update(p);
  assert.equal(written, '');
});
