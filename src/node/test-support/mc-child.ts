/**
 * Child process for the store's crash and lock tests.
 *   run STORE RUN_ID TRIALS BATCH SPIN_MS WORKERS  — a Monte Carlo run of `self-test`, printing
 *                                                    `committed <done>` after each batch commit
 *   hold STORE                                     — opens the store, prints `open`, waits
 */
import { ResultsStore } from '../store.ts';
import { runMonteCarlo } from '../monte-carlo.ts';

const [mode, path, runId, trials, batch, spin, workers] = process.argv.slice(2);
const store = await ResultsStore.open(path);
if (mode === 'hold') {
  process.stdout.write('open\n');
  setInterval(() => undefined, 1000);
} else {
  await runMonteCarlo({
    store,
    trialFn: 'self-test',
    scenarioRef: `self-test:spin=${spin}`,
    seed: 11,
    trials: Number(trials),
    batchSize: Number(batch),
    workers: Number(workers),
    runId,
    keepRecords: false,
    onBatchCommitted: (b) => process.stdout.write(`committed ${b.done}\n`),
  });
  await store.close();
  process.stdout.write('finished\n');
}
