import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomStream } from '../core/random.ts';
import { assessKill, salvoKills } from './kill-assessment.ts';
import { believedWarhead, expectedEngagedPerWarhead } from './discrimination.ts';

/** Half-width of a 99.9 % normal interval for a proportion p over n draws. */
const tol = (p: number, n: number): number => 3.3 * Math.sqrt((p * (1 - p)) / n) + 1e-9;

test('salvo of n shots kills with probability 1 − (1 − SSPK·R)^n', () => {
  const rng = randomStream(1, 0, 'test/salvo');
  const n = 50_000;
  for (const [shots, sspk, rel] of [
    [1, 0.8, 1],
    [2, 0.8, 0.9],
    [3, 0.5, 0.95],
  ]) {
    let k = 0;
    for (let i = 0; i < n; i++) if (salvoKills(shots, sspk, rel, rng)) k++;
    const p = 1 - Math.pow(1 - sspk * rel, shots);
    assert.ok(Math.abs(k / n - p) < tol(p, n), `${shots}×${sspk}×${rel}: ${k / n} vs ${p}`);
  }
});

test('kill assessment errs at the stated rates', () => {
  const rng = randomStream(2, 0, 'test/ka');
  const m = { pMissedKill: 0.1, pFalseKill: 0.05 };
  const n = 50_000;
  let alive = 0;
  let dead = 0;
  for (let i = 0; i < n; i++) {
    if (!assessKill(true, m, rng)) alive++;
    if (assessKill(false, m, rng)) dead++;
  }
  assert.ok(Math.abs(alive / n - 0.1) < tol(0.1, n));
  assert.ok(Math.abs(dead / n - 0.05) < tol(0.05, n));
});

test('discrimination: rates as stated; filtered decoys are never believed to be warheads', () => {
  const rng = randomStream(3, 0, 'test/disc');
  const model = { pRvAsRv: 0.9, pDecoyAsDecoy: 0.7, filterAltitude_m: 80_000 };
  const n = 50_000;
  let rv = 0;
  let decoy = 0;
  for (let i = 0; i < n; i++) {
    if (believedWarhead('rv', model, rng)) rv++;
    if (believedWarhead('decoy', model, rng)) decoy++;
    assert.equal(believedWarhead('decoy', model, rng, 50_000, true), false);
    assert.equal(believedWarhead('booster', model, rng), false);
  }
  assert.ok(Math.abs(rv / n - 0.9) < tol(0.9, n));
  assert.ok(Math.abs(decoy / n - 0.3) < tol(0.3, n));
  assert.ok(Math.abs(expectedEngagedPerWarhead(model, 3) - (0.9 + 3 * 0.3)) < 1e-12);
});
