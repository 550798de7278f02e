/**
 * builtin:ideal-defense run as a Monte Carlo agrees with the closed form (issue 6): the analytic
 * P(no leak) of `effectiveness` lies in the run's 99 % Wilson interval, and the mean number of
 * interceptors in its 99 % t interval — for a barrage and for shoot-look-shoot with perfect
 * kill assessment (where SLS needs 1 + (1 − k) interceptors per warhead on average).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScenarioFile } from '../node/files.ts';
import { buildEngagementWorld, runEngagementTrial } from '../scenario/engagement-trial.ts';
import { effectiveness } from './effectiveness.ts';
import { tInterval, wilsonInterval } from './statistics.ts';

const TRIALS = 1500;

for (const doctrine of ['barrage', 'sls'] as const) {
  test(`ideal defense, ${doctrine}: Monte Carlo agrees with the closed form (99 % intervals)`, () => {
    const { scenario, catalog, file } = loadScenarioFile('builtin:ideal-defense');
    const world = buildEngagementWorld(scenario, catalog, file);
    if (doctrine === 'sls')
      world.doctrine = { kind: 'shoot-look-shoot', maxShotsPerThreat: 2, shotsPerSalvo: 1 };
    const ideal = world.ideal!;
    let noLeak = 0;
    const used: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const o = runEngagementTrial(world, 11, i).outcome;
      if (o.leakers === 0) noLeak++;
      used.push(o.interceptorsUsed);
    }
    const a = effectiveness({
      warheads: 3,
      shots: 2,
      sspk: ideal.sspk,
      reliability: ideal.reliability,
      doctrine,
    });
    const p = wilsonInterval(noLeak, TRIALS, 0.99);
    assert.ok(
      p.lo <= a.pNoLeak && a.pNoLeak <= p.hi,
      `P(no leak) ${a.pNoLeak} vs [${p.lo}, ${p.hi}]`,
    );
    const u = tInterval(used, 0.99);
    assert.ok(
      u.lo <= a.expectedInterceptors && a.expectedInterceptors <= u.hi,
      `interceptors ${a.expectedInterceptors} vs [${u.lo}, ${u.hi}]`,
    );
  });
}
