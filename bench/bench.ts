/**
 * `npm run bench`: throughput of the hot paths, each printed with its ratio against a baseline
 * run in the same process (never an absolute budget baked into a test). `npm run bench -- flight`
 * runs one section.
 */
import { benchEngagement } from './engagement.ts';
import { benchFlight } from './flight.ts';
import { benchTracking } from './tracking.ts';
import { benchMonteCarlo } from './monte-carlo.ts';
import { benchTreaty } from './treaty.ts';
import { line } from './util.ts';

const SECTIONS: Record<string, () => unknown> = {
  flight: benchFlight,
  tracking: benchTracking,
  engagement: benchEngagement,
  montecarlo: benchMonteCarlo,
  treaty: benchTreaty,
  // A top-level script: importing it runs it.
  ledger: () => import('./ledger-bench.ts'),
};

const wanted = process.argv.slice(2);
line('Aspis benchmarks (single thread; ratios are against baselines in this same process)');
line(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const [name, run] of Object.entries(SECTIONS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  line();
  await run();
}
