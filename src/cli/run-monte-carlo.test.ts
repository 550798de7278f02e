/**
 * `aspis run` as a Monte Carlo (issue 6): the summary is the same bytes for 1 and 2 workers,
 * replaying one trial alone reproduces its stored outcome, and the summary's intervals bracket
 * their estimates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsStore } from '../node/store.ts';
import { aspis } from './test-support/run-cli.ts';

const strip = (doc: Record<string, unknown>): string => {
  const { runId: _r, store: _s, elapsed_s: _e, ...rest } = doc;
  return JSON.stringify(rest);
};

test('Monte Carlo summary: identical for 1 and 2 workers; a replayed trial equals its stored row', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-mc-'));
  const args = ['run', 'builtin:nmd-2001', '--trials', '24', '--seed', '7', '--json'];
  const one = await aspis(...args, '--workers', '1', '--out', join(dir, 'a'));
  const two = await aspis(...args, '--workers', '2', '--out', join(dir, 'b'));
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  const a = JSON.parse(one.stdout);
  const b = JSON.parse(two.stdout);
  assert.equal(strip(a), strip(b));
  assert.equal(a.trials, 24);
  for (const k of ['pNoLeak', 'expectedLeakers', 'interceptorsUsed']) {
    const e = a[k];
    assert.ok(e.ci95[0] <= e.estimate && e.estimate <= e.ci95[1], `${k} ${JSON.stringify(e)}`);
  }
  assert.ok(a.pNoLeak.ci95[0] >= 0 && a.pNoLeak.ci95[1] <= 1);

  const store = await ResultsStore.open(join(dir, 'a', 'aspis.duckdb'), { readOnly: true });
  const rows = await store.trialsOf(a.runId);
  await store.close();
  const stored = rows.find((r) => r.trial === 13);
  assert.ok(stored);
  const replay = await aspis('run', 'builtin:nmd-2001', '--seed', '7', '--trial', '13', '--json');
  assert.equal(replay.code, 0, replay.stderr);
  const rep = JSON.parse(replay.stdout);
  assert.deepEqual(rep.outcome, stored.outcome);
  assert.deepEqual(rep.events, stored.events);
});

test('bad Monte Carlo input exits 2 with the option named', async () => {
  const r = await aspis('run', 'builtin:nmd-2001', '--trials', '0');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--trials/);
  const w = await aspis('run', 'builtin:nmd-2001', '--trials', '5', '--workers', 'many');
  assert.equal(w.code, 2);
  assert.match(w.stderr, /--workers/);
});
