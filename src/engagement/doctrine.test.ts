import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planShots, type Timeline } from './doctrine.ts';

const tl = (flyout: number, ka: number, now = 0): Timeline => ({
  now_s: now,
  flyoutTime_s: () => flyout,
  killAssessment_s: ka,
});

test('barrage fires every shot in one salvo at the earliest feasible intercept', () => {
  const p = planShots(
    { earliest_s: 500, latest_s: 900 },
    { kind: 'barrage', maxShotsPerThreat: 3 },
    tl(200, 30),
  );
  assert.equal(p.doctrine, 'barrage');
  assert.deepEqual(p.salvos, [{ launch_s: 300, intercept_s: 500, shots: 3 }]);
});

test('shoot-look-shoot spaces salvos by intercept + kill assessment, inside the window', () => {
  // Window 500–900 s, fly-out 200 s, assessment 30 s: salvo 2 launches at 530 s and intercepts
  // at 730 s; salvo 3 would intercept at 960 s > 900 s, so only two salvos fit.
  const p = planShots(
    { earliest_s: 500, latest_s: 900 },
    { kind: 'shoot-look-shoot', maxShotsPerThreat: 4, shotsPerSalvo: 1 },
    tl(200, 30),
  );
  assert.equal(p.doctrine, 'shoot-look-shoot');
  const got = p.salvos.map((s) => [s.launch_s, s.intercept_s, s.shots]);
  const want = [
    [300, 500, 1],
    [530, 730, 1],
  ];
  assert.equal(got.length, want.length);
  got.forEach((row, k) =>
    row.forEach((v, c) => assert.ok(Math.abs(v - want[k][c]) < 1e-6, `${v} vs ${want[k][c]}`)),
  );
});

test('where the timeline leaves no time to look, SLS is not chosen: all shots go in one barrage', () => {
  const p = planShots(
    { earliest_s: 500, latest_s: 600 },
    { kind: 'shoot-look-shoot', maxShotsPerThreat: 2 },
    tl(200, 30),
  );
  assert.equal(p.doctrine, 'barrage');
  assert.equal(p.reason, 'no-time-to-look');
  assert.deepEqual(p.salvos, [{ launch_s: 300, intercept_s: 500, shots: 2 }]);
});

test('too late: no intercept whose launch is not in the past', () => {
  const p = planShots({ earliest_s: 500, latest_s: 600 }, { kind: 'barrage' }, tl(200, 30, 450));
  assert.equal(p.reason, 'too-late');
  assert.deepEqual(p.salvos, []);
});

test('property: SLS salvos never launch before the previous salvo is assessed, and never intercept outside the window', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 2000, noNaN: true }),
      fc.double({ min: 1, max: 1500, noNaN: true }),
      fc.double({ min: 10, max: 900, noNaN: true }),
      fc.double({ min: 0, max: 300, noNaN: true }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 3 }),
      (earliest, span, flyout, ka, maxShots, per) => {
        const w = { earliest_s: earliest, latest_s: earliest + span };
        const p = planShots(
          w,
          { kind: 'shoot-look-shoot', maxShotsPerThreat: maxShots, shotsPerSalvo: per },
          tl(flyout, ka),
        );
        let total = 0;
        p.salvos.forEach((s, k) => {
          total += s.shots;
          assert.ok(s.intercept_s >= w.earliest_s - 1e-9 && s.intercept_s <= w.latest_s + 1e-9);
          assert.ok(s.launch_s >= -1e-9);
          if (k > 0) assert.ok(s.launch_s >= p.salvos[k - 1].intercept_s + ka - 1e-6);
        });
        assert.ok(total <= maxShots);
        if (p.doctrine === 'shoot-look-shoot' && p.salvos.length > 0)
          assert.ok(p.salvos.length >= 2);
      },
    ),
    { numRuns: 500 },
  );
});
