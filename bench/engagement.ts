/**
 * Engagement (issue 5): one builtin:nmd-2001 kill-chain trial end to end (fast sensing model),
 * against the detection-level tracking run of the same scenario in the same process, with a
 * split of where the trial's time goes.
 */
import { loadScenarioFile } from '../src/node/files.ts';
import { buildEngagementWorld, runEngagementTrial } from '../src/scenario/engagement-trial.ts';
import { trackScenario } from '../src/scenario/track-scenario.ts';
import { line, timeIt } from './util.ts';

export function benchEngagement(): void {
  line('Engagement: one builtin:nmd-2001 trial, single thread');
  const { scenario, catalog, file } = loadScenarioFile('builtin:nmd-2001');
  const t0 = performance.now();
  const world = buildEngagementWorld(scenario, catalog, file);
  line(
    `${'world (targeting, boosts, sensors, fans; once per scenario)'.padEnd(58)} ${(performance.now() - t0).toFixed(1).padStart(9)} ms`,
  );
  const trial = timeIt('kill-chain trial (truth, sensing, engagement, event log)', 200, (i) =>
    runEngagementTrial(world, scenario.seed, i),
  );
  const tracked = timeIt('baseline: aspis track builtin:nmd-2001 (detection-level)', 2, (i) =>
    trackScenario(scenario, catalog, file, { trial: i }),
  );
  line(`trial vs detection-level tracking run: ${(tracked / trial).toFixed(0)}× faster`);
  line(`10,000 trials ≈ ${((trial * 10_000) / 1000).toFixed(0)} s on one thread`);
}
