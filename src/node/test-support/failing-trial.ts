/** A trial function that throws on trial 7, for the pool's error test (loaded through `modules`). */
import { registerTrialFn } from '../trial.ts';
import { selfTestTrial } from '../self-test-trial.ts';

registerTrialFn('test/fails-at-7', (ctx) => {
  if (ctx.trial === 7) throw new Error('boom at 7');
  return selfTestTrial(ctx);
});
