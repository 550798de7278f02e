import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AspisError } from '../core/errors.ts';
import { randomStream } from '../core/random.ts';
import {
  effectiveness,
  engagementOutcome,
  sampleRaid,
  type EffectivenessInput,
} from './effectiveness.ts';
import { RunningStats, tInterval, wilsonInterval } from './statistics.ts';

const close = (a: number, b: number, tol: number, msg?: string): void =>
  assert.ok(Math.abs(a - b) <= tol, `${msg ?? ''} ${a} vs ${b} (tol ${tol})`);

test('barrage closed form by hand: W=1, n=2, SSPK=0.8, R=1 → 1 − 0.2² = 0.96', () => {
  const r = effectiveness({ warheads: 1, shots: 2, sspk: 0.8 });
  close(r.pKillPerWarhead, 0.96, 1e-15);
  close(r.pNoLeak, 0.96, 1e-15);
  close(r.expectedLeakers, 0.04, 1e-15);
  assert.equal(r.expectedInterceptors, 2);
  assert.equal(r.inputs.doctrine, 'barrage');
  // With reliability 0.9: k = 0.72, P_k = 1 − 0.28² = 0.9216; 3 warheads: 0.9216³.
  const s = effectiveness({ warheads: 3, shots: 2, sspk: 0.8, reliability: 0.9 });
  close(s.pKillPerWarhead, 0.9216, 1e-15);
  close(s.pNoLeak, 0.9216 ** 3, 1e-15);
  close(s.expectedLeakers, 3 * 0.0784, 1e-14);
  assert.equal(s.expectedInterceptors, 6);
});

test('limits: SSPK = 1 kills every engaged warhead; n = 0 kills none; R = 0 kills none', () => {
  for (const doctrine of ['barrage', 'sls'] as const) {
    const perfect = effectiveness({ warheads: 10, shots: 3, sspk: 1, doctrine });
    assert.equal(perfect.pKillPerWarhead, 1);
    assert.equal(perfect.pNoLeak, 1);
    assert.equal(perfect.expectedLeakers, 0);
    // SLS stops after the first (certain) kill.
    assert.equal(perfect.expectedInterceptors, doctrine === 'sls' ? 10 : 30);
    const none = effectiveness({ warheads: 4, shots: 0, sspk: 0.9, doctrine });
    assert.equal(none.pKillPerWarhead, 0);
    assert.equal(none.pNoLeak, 0);
    assert.equal(none.expectedLeakers, 4);
    assert.equal(none.expectedInterceptors, 0);
    const dud = effectiveness({ warheads: 2, shots: 4, sspk: 0.9, reliability: 0, doctrine });
    assert.equal(dud.pKillPerWarhead, 0);
    assert.equal(dud.expectedInterceptors, 8); // duds are still fired (SLS looks and fires again)
  }
});

test('shoot-look-shoot, perfect kill assessment: same P_k as a barrage of n, Σ(1−k)^i interceptors', () => {
  // n = 3, k = 0.5: P_k = 0.875; interceptors 1 + 0.5 + 0.25 = 1.75.
  const r = effectiveness({ warheads: 1, shots: 3, sspk: 0.5, doctrine: 'sls' });
  close(r.pKillPerWarhead, 0.875, 1e-15);
  close(r.expectedInterceptors, 1.75, 1e-15);
});

test('SLS vs barrage: equal P_k for the same shot limit; SLS kills k per interceptor ≥ barrage', () => {
  // The property that holds (perfect kill assessment): for n ≥ 1 and k = R·SSPK in (0, 1],
  //   P_k,sls = P_k,barrage = 1 − (1 − k)ⁿ,
  //   E[interceptors]_sls = P_k/k ≤ n = E[interceptors]_barrage,
  // so kills per expected interceptor are k for SLS and (1 − (1 − k)ⁿ)/n ≤ k for a barrage
  // (Bernoulli's inequality), with equality only for n = 1.
  for (const n of [1, 2, 3, 5, 10]) {
    for (const k of [0.05, 0.3, 0.5, 0.8, 0.95, 1]) {
      const b = engagementOutcome(n, k, 'barrage');
      const s = engagementOutcome(n, k, 'sls');
      close(s.pKill, b.pKill, 1e-15);
      assert.ok(s.expectedShots <= b.expectedShots + 1e-15);
      close(s.pKill / s.expectedShots, k, 1e-14, `n=${n} k=${k}`);
      const barrageRate = b.pKill / b.expectedShots;
      assert.ok(s.pKill / s.expectedShots >= barrageRate - 1e-15);
      if (n === 1) close(barrageRate, k, 1e-15);
      else assert.ok(s.pKill / s.expectedShots > barrageRate, `strict for n=${n} k=${k}`);
    }
  }
});

test('imperfect kill assessment: Markov chain reduces to closed forms and costs kill probability', () => {
  // A = 1 in the chain equals the closed form.
  const k = 0.6;
  // n = 2, A = 0.9 by hand: shot 1 always; shot 2 if (alive & correct) or (dead & wrong):
  //   P_k = k + (1 − k)·A·k = 0.6 + 0.4·0.9·0.6 = 0.816,
  //   shots = 1 + (1 − k)·A + k·(1 − A) = 1 + 0.36 + 0.06 = 1.42.
  const r = engagementOutcome(2, k, 'sls', 0.9);
  close(r.pKill, 0.816, 1e-15);
  close(r.expectedShots, 1.42, 1e-15);
  for (const n of [1, 2, 4, 8]) {
    const perfect = engagementOutcome(n, k, 'sls', 1);
    const poor = engagementOutcome(n, k, 'sls', 0.8);
    assert.ok(poor.pKill <= perfect.pKill + 1e-15);
    // P_k with A: k(1 − qⁿ)/(1 − q), q = (1 − k)A (a geometric series).
    const q = (1 - k) * 0.8;
    close(poor.pKill, (k * (1 - q ** n)) / (1 - q), 1e-14);
  }
  // Kill assessment is ignored by a barrage.
  assert.deepEqual(engagementOutcome(3, k, 'barrage', 0.5), engagementOutcome(3, k, 'barrage'));
});

test('decoys and discrimination: P_kill = D·P_k, interceptors = W(D + M(1 − D))·shots', () => {
  // W = 2, n = 2 barrage, SSPK 0.8, D = 0.9, M = 4: P_k = 0.96, P_kill = 0.864,
  // objects engaged per warhead 0.9 + 4·0.1 = 1.3, interceptors 2·1.3·2 = 5.2.
  const r = effectiveness({
    warheads: 2,
    shots: 2,
    sspk: 0.8,
    discrimination: 0.9,
    decoys: 4,
  });
  close(r.pKillPerWarhead, 0.864, 1e-15);
  close(r.pNoLeak, 0.864 ** 2, 1e-15);
  close(r.expectedLeakers, 2 * 0.136, 1e-14);
  close(r.expectedInterceptors, 5.2, 1e-14);
  close(r.perWarhead.objectsEngaged, 1.3, 1e-15);
  // No discrimination at all (D = 0): the RV is never engaged; every decoy is.
  const blind = effectiveness({ warheads: 1, shots: 1, sspk: 1, discrimination: 0, decoys: 3 });
  assert.equal(blind.pKillPerWarhead, 0);
  assert.equal(blind.expectedInterceptors, 3);
  // Decoys cost nothing when discrimination is perfect.
  const sharp = effectiveness({ warheads: 1, shots: 2, sspk: 0.8, decoys: 10 });
  assert.equal(sharp.expectedInterceptors, 2);
  close(sharp.pKillPerWarhead, 0.96, 1e-15);
});

test('invalid inputs are AspisErrors that name the field', () => {
  const bad: [Partial<EffectivenessInput>, RegExp][] = [
    [{ warheads: 0 }, /^warheads: expected an integer ≥ 1, got 0$/],
    [{ warheads: 1.5 }, /^warheads: /],
    [{ shots: -1 }, /^shots: expected an integer ≥ 0/],
    [{ sspk: 1.2 }, /^sspk: expected a probability in \[0, 1\], got 1.2$/],
    [{ sspk: NaN }, /^sspk: /],
    [{ reliability: -0.1 }, /^reliability: /],
    [{ discrimination: 2 }, /^discrimination: /],
    [{ decoys: -2 }, /^decoys: /],
    [{ killAssessment: 1.01 }, /^killAssessment: /],
    [{ doctrine: 'salvo' as 'sls' }, /^doctrine: expected barrage or sls/],
  ];
  for (const [patch, re] of bad) {
    assert.throws(
      () => effectiveness({ warheads: 1, shots: 2, sspk: 0.8, ...patch }),
      (e: unknown) => e instanceof AspisError && e.exitCode === 2 && re.test(e.message),
      JSON.stringify(patch),
    );
  }
});

/**
 * Monte Carlo cross-check of the analytic model with the counter-based streams: 100,000 raids
 * sampled draw by draw (reliability, hit, look and classification each a separate uniform), and
 * the analytic values must lie in the 99 % intervals (Wilson for P(no leaker), t for means).
 */
function crossCheck(input: EffectivenessInput, seed: number): void {
  const trials = 100_000;
  const analytic = effectiveness(input);
  let noLeak = 0;
  const leakers = new RunningStats();
  const interceptors = new RunningStats();
  for (let t = 0; t < trials; t++) {
    const s = sampleRaid(input, randomStream(seed, t, 'analysis/effectiveness/cross-check'));
    if (s.leakers === 0) noLeak++;
    leakers.push(s.leakers);
    interceptors.push(s.interceptors);
  }
  const w = wilsonInterval(noLeak, trials, 0.99);
  assert.ok(
    w.lo <= analytic.pNoLeak && analytic.pNoLeak <= w.hi,
    `pNoLeak ${analytic.pNoLeak} ∉ [${w.lo}, ${w.hi}]`,
  );
  const l = tInterval(leakers, 0.99);
  assert.ok(l.lo <= analytic.expectedLeakers && analytic.expectedLeakers <= l.hi, 'leakers');
  const i = tInterval(interceptors, 0.99);
  assert.ok(
    i.lo <= analytic.expectedInterceptors && analytic.expectedInterceptors <= i.hi,
    `interceptors ${analytic.expectedInterceptors} ∉ [${i.lo}, ${i.hi}]`,
  );
}

test('Monte Carlo cross-check, barrage: analytic values in the 99 % intervals of 100,000 raids', () => {
  crossCheck({ warheads: 3, shots: 2, sspk: 0.7, reliability: 0.9 }, 2000);
});

test('Monte Carlo cross-check, SLS with decoys, imperfect discrimination and kill assessment', () => {
  crossCheck(
    {
      warheads: 2,
      shots: 3,
      sspk: 0.6,
      reliability: 0.85,
      doctrine: 'sls',
      discrimination: 0.9,
      decoys: 2,
      killAssessment: 0.9,
    },
    2001,
  );
});
