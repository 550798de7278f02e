/**
 * Worker-thread entry of the trial pool (./pool.ts). It loads the trial modules, then answers each
 * batch message with the canonical JSON texts of its trials, in the batch's order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getTrialFn, loadTrialModules, runTrialToText } from './trial.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './pool.ts';

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('pool-worker must run in a worker thread');

function errorReply(batch: number, trial: number | undefined, e: unknown): WorkerReply {
  return {
    type: 'error',
    batch,
    trial,
    message: e instanceof Error ? e.message : String(e),
    stack: e instanceof Error ? e.stack : undefined,
  };
}

try {
  await loadTrialModules(init.modules);
  const fn = getTrialFn(init.trialFn);
  port.on('message', (req: WorkerRequest) => {
    const texts: string[] = [];
    let trial: number | undefined;
    try {
      for (trial of req.trials) {
        texts.push(
          runTrialToText(
            fn,
            { scenarioRef: init.scenarioRef, seed: init.seed, trial },
            init.trialFn,
          ),
        );
      }
      port.postMessage({ type: 'batch', batch: req.batch, texts } satisfies WorkerReply);
    } catch (e) {
      port.postMessage(errorReply(req.batch, trial, e));
    }
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
} catch (e) {
  port.postMessage(errorReply(-1, undefined, e));
}
