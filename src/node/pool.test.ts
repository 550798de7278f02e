import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AspisError } from '../core/errors.ts';
import { makeBatches, runBatches, type Progress } from './pool.ts';
import { runSingleTrial } from './monte-carlo.ts';
import { SELF_TEST } from './self-test-trial.ts';

const base = { trialFn: SELF_TEST, scenarioRef: 'self-test', seed: 2001 };
const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

test('pool: 1, 2 and 4 workers give byte-identical records in trial order', async () => {
  const batches = makeBatches(indices(1000), 37); // uneven batches finish out of order
  const outs = [];
  for (const size of [1, 2, 4]) outs.push(await runBatches({ ...base, size, batches }));
  assert.deepEqual(outs[0].trials, indices(1000));
  const joined = outs.map((o) => o.texts.join('\n'));
  assert.equal(joined[1], joined[0]);
  assert.equal(joined[2], joined[0]);
  // The records really vary from trial to trial.
  assert.notEqual(outs[0].texts[0], outs[0].texts[1]);
});

test('pool: one trial replayed in-process equals its row in a pooled run', async () => {
  const { texts } = await runBatches({ ...base, size: 2, batches: makeBatches(indices(300), 50) });
  for (const trial of [0, 137, 299]) {
    const alone = await runSingleTrial({ ...base, trial });
    assert.equal(JSON.stringify(alone), texts[trial]);
  }
});

test('pool: progress reports every trial, with a rate and an ETA', async () => {
  const seen: Progress[] = [];
  await runBatches({
    ...base,
    size: 2,
    batches: makeBatches(indices(400), 100),
    onProgress: (p) => seen.push(p),
  });
  assert.equal(seen.length, 4);
  assert.deepEqual(
    seen.map((p) => p.done),
    [100, 200, 300, 400],
  );
  const last = seen[seen.length - 1];
  assert.equal(last.total, 400);
  assert.equal(last.eta_s, 0);
  assert.ok(last.trialsPerSecond > 0);
});

test('pool: a throwing trial function is a run-time error naming the trial', async () => {
  await assert.rejects(
    runBatches({
      ...base,
      trialFn: 'test/fails-at-7',
      modules: [new URL('./test-support/failing-trial.ts', import.meta.url).href],
      size: 2,
      batches: makeBatches(indices(40), 10),
    }),
    (e: unknown) =>
      e instanceof AspisError &&
      e.exitCode === 1 &&
      /trial 7/.test(e.message) &&
      /boom at 7/.test(e.message),
  );
});

test('pool: an unknown trial function is an input error listing the known ones', async () => {
  await assert.rejects(
    runSingleTrial({ ...base, trialFn: 'no-such-fn', trial: 0 }),
    (e: unknown) => e instanceof AspisError && e.exitCode === 2 && /self-test/.test(e.message),
  );
  await assert.rejects(
    runBatches({ ...base, trialFn: 'no-such-fn', size: 1, batches: makeBatches([0], 1) }),
    (e: unknown) => e instanceof AspisError && /no-such-fn/.test(e.message),
  );
});
