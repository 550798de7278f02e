import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listBuiltinScenarios, loadScenarioFile } from '../node/files.ts';
import { buildEngagementWorld, runEngagementTrial } from './engagement-trial.ts';

// Every built-in scenario (builtin:<name>) must load, build its engagement world and run a few
// trials of the kill chain; the outcome must account for every reentry vehicle and never use
// more interceptors than the defense holds.
const names = listBuiltinScenarios();

test('the engagement seed scenarios ship as built-ins', () => {
  for (const n of [
    'nmd-2001',
    'grand-forks-1975',
    'moscow-a135',
    'european-shield-2001',
    's300-vs-ballistic',
    'ideal-defense',
    'joint-early-warning-2001',
  ])
    assert.ok(names.includes(n), `builtin:${n} is missing`);
});

for (const name of names) {
  test(`builtin:${name} runs 3 engagement trials with consistent outcomes`, () => {
    const { scenario, catalog, file } = loadScenarioFile(`builtin:${name}`);
    const world = buildEngagementWorld(scenario, catalog, file);
    const inventory = (scenario.defense?.sites ?? []).reduce((a, s) => a + s.count, 0);
    const warheads = scenario.threats.some((t) => t.payload.warheads > 0);
    for (let trial = 0; trial < 3; trial++) {
      const { outcome } = runEngagementTrial(world, scenario.seed, trial);
      if (warheads) assert.ok(outcome.rvs > 0, `${name} trial ${trial}: no RVs`);
      assert.equal(outcome.killed + outcome.leakers, outcome.rvs, `${name} trial ${trial}`);
      assert.ok(outcome.interceptorsUsed >= 0);
      assert.ok(
        outcome.interceptorsUsed <= inventory,
        `${name} trial ${trial}: ${outcome.interceptorsUsed} interceptors used of ${inventory}`,
      );
    }
  });
}
