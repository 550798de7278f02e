/**
 * `self-test`: a small, fast, deterministic trial function for tests and the store benchmark. It
 * draws from `randomStream(seed, trial, 'self-test')` and records a few numbers and events.
 *
 * A scenario reference of the form `self-test:spin=MS` makes each trial busy-wait about MS
 * milliseconds after computing its record (so tests can interrupt a run part-way); the record
 * itself never depends on it.
 */
import { randomStream } from '../core/random.ts';
import { registerTrialFn, type TrialContext, type TrialRecord } from './trial.ts';

export const SELF_TEST = 'self-test';

export function selfTestTrial(ctx: TrialContext): TrialRecord {
  const rng = randomStream(ctx.seed, ctx.trial, 'self-test');
  const u = rng.uniform();
  const x = rng.normal();
  const shots = 1 + (rng.u32() % 4);
  const kills: boolean[] = [];
  for (let i = 0; i < shots; i++) kills.push(rng.uniform() < 0.6);
  const leaked = !kills.some((k) => k);
  const events = kills.map((kill, i) => ({
    time_s: 600 + 45 * i + 10 * rng.uniform(),
    kind: 'intercept',
    actors: [`interceptor-${i}`, 'rv-1'],
    reason: kill ? 'kill' : 'miss',
  }));
  const spin = /^self-test:spin=(\d+(?:\.\d+)?)$/.exec(ctx.scenarioRef);
  if (spin) {
    const until = performance.now() + Number(spin[1]);
    while (performance.now() < until) {
      // busy-wait: stands in for a trial's computation
    }
  }
  return { trial: ctx.trial, u, x, shots, leaked, events };
}

registerTrialFn(SELF_TEST, selfTestTrial);
