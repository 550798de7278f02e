import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuiltinCatalog, loadScenarioFile } from '../node/files.ts';
import { parseScenario } from './loader.ts';
import {
  buildEngagementWorld,
  runEngagementTrial,
  type EngagementWorld,
  type TrialResult,
} from './engagement-trial.ts';

const catalog = loadBuiltinCatalog();

/** A scenario around the nk-1 threat of builtin:nmd-2001, with the given sensors and defense. */
function world(sensors: string, defense: string, threats = NK_ONLY): EngagementWorld {
  const text = `aspis: 1
name: test
epoch: 2001-11-13T00:00:00Z
seed: 7
threats:
${threats}
sensors:
${sensors}
${defense}
`;
  return buildEngagementWorld(parseScenario(text, 'test.yaml', catalog), catalog, 'test.yaml');
}

const NK_ONLY = `  - id: nk-1
    missile: generic-icbm-taepodong-2
    launch: { site: sohae, time_s: 0 }
    target: { site: seattle }
    trajectory: min-energy
    payload: { warheads: 1, decoys: 3 }`;
const SHEMYA = `  - { id: shemya-xbr, type: radar, catalog: generic-xband-gbr, site: shemya }`;
const greely = (count: number, extra = ''): string => `defense:
  sites:
    - { id: fort-greely, interceptor: generic-gbi, count: ${count}, site: { lat_deg: 63.95, lon_deg: -145.73 } }
${extra}`;

/** Makes every interceptor of the world perfect (SSPK 1, reliability 1) or as given. */
function withKill(w: EngagementWorld, sspk: number, reliability: number): EngagementWorld {
  return {
    ...w,
    sites: w.sites.map((s) => ({
      ...s,
      spec: { ...s.spec, sspk: { rv: sspk, decoy: sspk }, reliability },
    })),
  };
}

const shotsOf = (r: TrialResult): number =>
  r.events
    .filter((e) => e.kind === 'interceptor-launch')
    .reduce((a, e) => a + Number(/^(\d+) shot/.exec(e.reason)![1]), 0);

// DESIGN.md §3: a trial's result depends only on (scenario, seed, trial) — replayable alone.
test('same seed and trial give a byte-identical outcome and event log, from a fresh world too', () => {
  const { scenario, file } = loadScenarioFile('builtin:nmd-2001');
  const w1 = buildEngagementWorld(scenario, catalog, file);
  const w2 = buildEngagementWorld(scenario, catalog, file);
  for (const trial of [0, 3]) {
    const a = JSON.stringify(runEngagementTrial(w1, 2001, trial));
    const b = JSON.stringify(runEngagementTrial(w1, 2001, trial));
    const c = JSON.stringify(runEngagementTrial(w2, 2001, trial));
    assert.equal(a, b);
    assert.equal(a, c);
  }
  // A different trial draws differently (release dispersions at least move the truth).
  assert.notEqual(
    JSON.stringify(runEngagementTrial(w1, 2001, 0).events),
    JSON.stringify(runEngagementTrial(w1, 2001, 1).events),
  );
});

// Issue 5, "What must hold": interceptor inventories never go negative; empty inventories report why.
test('a tiny inventory is never overdrawn and the shots it cannot take say inventory-empty', () => {
  const w = world(
    SHEMYA,
    greely(
      1,
      `  doctrine: { kind: barrage, maxShotsPerThreat: 2 }
  discrimination: { pRvAsRv: 1, pDecoyAsDecoy: 0 }`,
    ),
  );
  let sawEmpty = false;
  for (let trial = 0; trial < 4; trial++) {
    const r = runEngagementTrial(w, 1, trial);
    assert.ok(
      r.outcome.interceptorsUsed <= 1,
      `trial ${trial}: used ${r.outcome.interceptorsUsed}`,
    );
    assert.equal(shotsOf(r), r.outcome.interceptorsUsed);
    // Running inventory from the log never drops below zero.
    let left = 1;
    for (const e of r.events) {
      if (e.kind === 'interceptor-launch') left -= Number(/^(\d+) shot/.exec(e.reason)![1]);
      assert.ok(left >= 0);
    }
    if (r.events.some((e) => e.kind === 'no-shot' && e.reason === 'inventory-empty'))
      sawEmpty = true;
  }
  assert.ok(sawEmpty, 'four believed warheads and one interceptor: some must go unengaged');
});

// Issue 5, "Bad input": missing sensors → the engagement runs and reports why no shot was taken.
test('with the only radar beyond the horizon every RV is a no-shot for no-track and leaks', () => {
  const w = world(
    `  - { id: far-xbr, type: radar, catalog: generic-xband-gbr, site: { lat_deg: -45, lon_deg: -70 } }`,
    greely(10, '  doctrine: { kind: barrage, maxShotsPerThreat: 2 }'),
  );
  const r = runEngagementTrial(w, 1, 0);
  assert.equal(r.outcome.rvs, 1);
  assert.equal(r.outcome.leakers, r.outcome.rvs);
  assert.equal(r.outcome.interceptorsUsed, 0);
  assert.equal(r.outcome.firstTrack_s, null);
  const noShots = r.events.filter((e) => e.kind === 'no-shot');
  const rvIds = ['nk-1/rv1'];
  for (const id of rvIds)
    assert.ok(
      noShots.some((e) => e.actors[0] === id && e.reason === 'no-track'),
      id,
    );
  assert.deepEqual(r.outcome.failures, { 'no-track': r.outcome.rvs });
  assert.ok(r.events.some((e) => e.kind === 'leak' && e.actors[0] === 'nk-1/rv1'));
});

// The ideal-defense limit of Wilkening (2000): D = 1, SSPK = R = 1, A = 1 ⇒ P(no leaker) = 1.
test('perfect discrimination, SSPK 1, reliability 1 and a feasible geometry: nothing leaks', () => {
  const w = withKill(
    world(
      SHEMYA,
      greely(
        10,
        `  doctrine: { kind: shoot-look-shoot, maxShotsPerThreat: 2 }
  discrimination: { pRvAsRv: 1, pDecoyAsDecoy: 1 }
  killAssessment: { pMissedKill: 0, pFalseKill: 0, time_s: 30 }`,
      ),
    ),
    1,
    1,
  );
  for (let trial = 0; trial < 5; trial++) {
    const r = runEngagementTrial(w, 11, trial);
    assert.equal(r.outcome.rvs, 1);
    assert.equal(r.outcome.leakers, 0, JSON.stringify(r.outcome));
    assert.equal(r.outcome.killed, 1);
    // Perfect discrimination: decoys are classified as such and draw no interceptors.
    assert.equal(r.outcome.interceptorsUsed, 1);
    assert.ok(!r.events.some((e) => e.kind === 'leak' || e.kind === 'impact'));
  }
});

// Issue 5: "shoot-look-shoot is never chosen where the timeline forbids it" (doctrine.ts planShots).
test('shoot-look-shoot never schedules a second salvo the timeline forbids', () => {
  const sls = (kaTime: number): EngagementWorld =>
    withKill(
      world(
        SHEMYA,
        greely(
          20,
          `  doctrine: { kind: shoot-look-shoot, maxShotsPerThreat: 3 }
  discrimination: { pRvAsRv: 1, pDecoyAsDecoy: 0 }
  killAssessment: { pMissedKill: 0, pFalseKill: 0, time_s: ${kaTime} }`,
        ),
      ),
      0.2,
      1,
    );
  // An assessment that takes longer than the whole flight leaves no time to look: planShots
  // turns the plan into one barrage, and the log shows no re-engagement.
  const forbid = sls(5000);
  for (let trial = 0; trial < 3; trial++) {
    const r = runEngagementTrial(forbid, 3, trial);
    assert.ok(!r.events.some((e) => e.kind === 're-engage'));
    assert.ok(!r.events.some((e) => e.kind === 'interceptor-launch' && /salvo 2/.test(e.reason)));
    for (const e of r.events.filter((x) => x.kind === 'commit'))
      assert.match(e.reason, /barrage \(no-time-to-look\)/);
  }
  // With a 30 s look there is time: every later salvo launches only after the previous salvo's
  // intercept has been assessed 'alive' (intercept + 30 s ≤ assessment ≤ next launch).
  const allow = sls(30);
  let reengaged = 0;
  for (let trial = 0; trial < 6; trial++) {
    const r = runEngagementTrial(allow, 3, trial);
    for (const launch of r.events.filter(
      (e) => e.kind === 'interceptor-launch' && !/salvo 1$/.test(e.reason),
    )) {
      reengaged++;
      const obj = launch.actors[1];
      const before = r.events.filter((e) => e.actors.includes(obj) && e.time_s <= launch.time_s);
      const intercepts = before.filter((e) => e.kind === 'intercept');
      const assessments = before.filter((e) => e.kind === 'kill-assessment');
      assert.ok(intercepts.length >= 1 && assessments.length >= 1);
      const lastIntercept = intercepts[intercepts.length - 1];
      const lastAssess = assessments[assessments.length - 1];
      assert.equal(lastAssess.reason, 'alive');
      assert.ok(lastAssess.time_s >= lastIntercept.time_s + 30 - 1e-6);
      assert.ok(launch.time_s >= lastAssess.time_s - 1e-6);
    }
  }
  assert.ok(reengaged > 0, 'SSPK 0.2 over six trials: some salvo must be followed by another');
});

test('builtin:nmd-2001 runs end to end (2 RVs) and reports its time per trial', (t) => {
  const { scenario, file } = loadScenarioFile('builtin:nmd-2001');
  const t0 = performance.now();
  const w = buildEngagementWorld(scenario, catalog, file);
  const worldMs = performance.now() - t0;
  const r = runEngagementTrial(w, scenario.seed, 0);
  assert.equal(r.outcome.rvs, 2);
  assert.ok(r.outcome.interceptorsUsed >= 0);
  assert.equal(r.outcome.killed + r.outcome.leakers, 2);
  assert.ok(r.events.length > 0 && r.events[0].kind === 'launch');
  for (let i = 1; i < r.events.length; i++) assert.ok(r.events[i].time_s >= r.events[i - 1].time_s);
  const n = 20;
  const t1 = performance.now();
  for (let i = 1; i <= n; i++) runEngagementTrial(w, scenario.seed, i);
  const per = (performance.now() - t1) / n;
  // Reported, not asserted (docs/conventions.md: no timing assertions).
  t.diagnostic(`nmd-2001: world ${worldMs.toFixed(0)} ms once, ${per.toFixed(2)} ms per trial`);
});

test('in-flight target updates keep terminal interceptors on target (joint-early-warning-2001: no divert-exceeded)', () => {
  // Without updates the commit-time estimate, carried minutes ahead through reentry, missed by
  // more than a PAC-3-class kill vehicle can divert in every trial (docs/engagement.md).
  const { scenario, catalog, file } = loadScenarioFile('builtin:joint-early-warning-2001');
  const world = buildEngagementWorld(scenario, catalog, file);
  let intercepts = 0;
  for (let i = 0; i < 10; i++) {
    const r = runEngagementTrial(world, 3, i);
    assert.equal(r.outcome.failures['divert-exceeded'] ?? 0, 0);
    intercepts += r.events.filter((e) => e.kind === 'intercept').length;
  }
  assert.ok(intercepts > 0);
});
