import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomStream } from '../core/random.ts';
import {
  bootstrapMeanInterval,
  erfc,
  lnBeta,
  lnGamma,
  normalCdf,
  normalQuantile,
  OrderedMerge,
  quantileSorted,
  regularizedIncompleteBeta,
  RunningStats,
  studentTCdf,
  studentTQuantile,
  tInterval,
  wilsonInterval,
} from './statistics.ts';

const close = (a: number, b: number, tol: number, msg?: string): void =>
  assert.ok(Math.abs(a - b) <= tol, `${msg ?? ''} ${a} vs ${b} (tol ${tol})`);

test('normal quantile: Acklam + Halley refinement to ~1e-15 (z values from A&S Table 26.1)', () => {
  close(normalQuantile(0.975), 1.959963984540054, 1e-14);
  close(normalQuantile(0.995), 2.5758293035489004, 1e-14);
  close(normalQuantile(0.95), 1.6448536269514722, 1e-14);
  close(normalQuantile(0.025), -1.959963984540054, 1e-14);
  assert.equal(normalQuantile(0.5), 0);
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  for (const p of [1e-12, 1e-6, 0.001, 0.02, 0.1, 0.3, 0.6, 0.9, 0.99, 0.999999]) {
    const x = normalQuantile(p);
    close(normalCdf(x), p, 1e-14 * Math.max(1, p / 1e-3) + p * 1e-13, `Φ(Φ⁻¹(${p}))`);
  }
  assert.throws(() => normalQuantile(1.5), RangeError);
});

test('erfc against A&S Table 7.1 values', () => {
  close(erfc(0), 1, 1e-16);
  close(erfc(1), 0.157299207050285, 1e-15);
  close(erfc(0.5), 0.479500122186953, 1e-15);
  close(erfc(-1), 1.842700792949715, 1e-15);
  close(erfc(3) / 2.209049699858544e-5, 1, 1e-13);
});

test('regularised incomplete beta: closed forms I_x(1,1) = x, I_x(a,1) = x^a, I_½(a,a) = ½', () => {
  for (const x of [0, 0.1, 0.37, 0.9, 1]) {
    close(regularizedIncompleteBeta(x, 1, 1), x, 1e-15);
    close(regularizedIncompleteBeta(x, 3.5, 1), Math.pow(x, 3.5), 1e-14);
  }
  for (const a of [0.5, 2, 17, 400]) close(regularizedIncompleteBeta(0.5, a, a), 0.5, 1e-12);
});

test('t quantiles reproduce the published t-table (e.g. Abramowitz & Stegun Table 26.10)', () => {
  // Three-decimal table values.
  close(studentTQuantile(0.975, 1), 12.706, 5e-4);
  close(studentTQuantile(0.975, 10), 2.228, 5e-4);
  close(studentTQuantile(0.975, 30), 2.042, 5e-4);
  close(studentTQuantile(0.975, Infinity), 1.96, 5e-4);
  close(studentTQuantile(0.995, 1), 63.657, 5e-4);
  close(studentTQuantile(0.95, 5), 2.015, 5e-4);
  close(studentTQuantile(0.99, 20), 2.528, 5e-4);
  close(studentTQuantile(0.9995, 120), 3.373, 5e-4);
  // Higher-precision values (as given by R's qt()): required accuracy is 1e-6.
  close(studentTQuantile(0.975, 1), 12.706204736174698, 1e-9);
  close(studentTQuantile(0.975, 2), 4.302652729749464, 1e-9);
  close(studentTQuantile(0.975, 4), 2.7764451051977987, 1e-9);
  close(studentTQuantile(0.975, 10), 2.2281388519862744, 1e-9);
  close(studentTQuantile(0.975, 30), 2.0422724563012373, 1e-9);
  // Symmetry and the median.
  assert.equal(studentTQuantile(0.5, 7), 0);
  close(studentTQuantile(0.025, 10), -2.2281388519862744, 1e-9);
});

test('t quantile inverts the t CDF (incomplete-beta path) for ν ≥ 1 to 1e-11', () => {
  // ν = 1 and 2 use closed forms in the quantile; the CDF always uses the incomplete beta, so
  // the round trip checks one against the other.
  for (const dof of [1, 1.5, 2, 3, 5, 10, 30, 100, 1e4, 99999, 1e5, 1e7]) {
    for (const p of [0.5005, 0.6, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995, 0.999999]) {
      const t = studentTQuantile(p, dof);
      close(studentTCdf(t, dof), p, 1e-11, `ν=${dof} p=${p}`);
    }
  }
  // Large ν tends to the normal quantile (Cornish–Fisher, A&S 26.7.5: t ≈ z + (z³ + z)/4ν).
  const z = normalQuantile(0.975);
  close(studentTQuantile(0.975, 1e9), z + (z ** 3 + z) / 4e9, 1e-12);
});

test('Wilson interval: Newcombe (1998, Stat. Med. 17:857, Table II, method 3) worked examples', () => {
  const cases: [number, number, number, number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  for (const [x, n, lo, hi] of cases) {
    const w = wilsonInterval(x, n);
    close(w.lo, lo, 5e-5, `${x}/${n} lower`);
    close(w.hi, hi, 5e-5, `${x}/${n} upper`);
    close(w.estimate, x / n, 1e-15);
  }
});

test('Wilson interval edge cases: 0/n and n/n have exact 0 and 1 bounds and closed-form others', () => {
  const z = normalQuantile(0.975);
  for (const n of [1, 10, 1000]) {
    const none = wilsonInterval(0, n);
    assert.equal(none.lo, 0);
    close(none.hi, (z * z) / (n + z * z), 1e-15, `0/${n}`); // 0/10 → 0.2775
    const all = wilsonInterval(n, n);
    assert.equal(all.hi, 1);
    close(all.lo, n / (n + z * z), 1e-15, `${n}/${n}`);
  }
  close(wilsonInterval(0, 10).hi, 0.2775, 5e-5);
  // Mirror symmetry: W(x, n) = 1 − W(n − x, n).
  const a = wilsonInterval(7, 40, 0.99);
  const b = wilsonInterval(33, 40, 0.99);
  close(a.lo, 1 - b.hi, 1e-15);
  close(a.hi, 1 - b.lo, 1e-15);
  // Wider at 99 % than at 95 %.
  assert.ok(a.lo < wilsonInterval(7, 40).lo && a.hi > wilsonInterval(7, 40).hi);
  // n = 0: nothing known.
  const empty = wilsonInterval(0, 0);
  assert.ok(Number.isNaN(empty.estimate));
  assert.deepEqual([empty.lo, empty.hi], [0, 1]);
  assert.throws(() => wilsonInterval(5, 4), RangeError);
  assert.throws(() => wilsonInterval(1.5, 4), RangeError);
  assert.throws(() => wilsonInterval(1, 4, 1), RangeError);
});

test('t interval by hand: {1,2,3,4,5} → 3 ± t(0.975,4)·√(2.5/5) = 3 ± 1.96324', () => {
  const t = tInterval([1, 2, 3, 4, 5]);
  const half = 2.7764451051977987 * Math.sqrt(2.5 / 5);
  close(half, 1.9632431, 1e-6);
  close(t.estimate, 3, 1e-15);
  close(t.lo, 3 - half, 1e-12);
  close(t.hi, 3 + half, 1e-12);
  // From a summary, e.g. n = 16, mean 10, s = 2 at 90 %: 10 ± 1.753050·0.5.
  const s = tInterval({ n: 16, mean: 10, variance: 4 }, 0.9);
  close(s.hi - 10, 1.7530503556925552 * 0.5, 1e-9);
  const one = tInterval([4]);
  assert.equal(one.estimate, 4);
  assert.ok(Number.isNaN(one.lo) && Number.isNaN(one.hi));
  assert.ok(Number.isNaN(tInterval([]).estimate));
});

test('percentile bootstrap: deterministic per stream, close to the t interval for a large sample', () => {
  const g = randomStream(42, 0, 'test/data');
  const data = Array.from({ length: 400 }, () => 5 + 2 * g.normal());
  const b1 = bootstrapMeanInterval(data, randomStream(7, 0, 'test/bootstrap'));
  const b2 = bootstrapMeanInterval(data, randomStream(7, 0, 'test/bootstrap'));
  assert.deepEqual(b1, b2);
  const b3 = bootstrapMeanInterval(data, randomStream(8, 0, 'test/bootstrap'));
  assert.notEqual(b1.lo, b3.lo);
  const t = tInterval(data);
  close(b1.estimate, t.estimate, 1e-12);
  const width = t.hi - t.lo;
  // For a normal sample of 400 the bootstrap and t intervals agree to a few % of the width.
  close(b1.lo, t.lo, 0.1 * width);
  close(b1.hi, t.hi, 0.1 * width);
  const constant = bootstrapMeanInterval([3, 3, 3], randomStream(1, 0, 'x'), { resamples: 50 });
  assert.deepEqual([constant.lo, constant.hi], [3, 3]);
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5); // type 7
});

test('Welford agrees with the two-pass algorithm, also with a large offset', () => {
  const g = randomStream(3, 0, 'test/welford');
  for (const offset of [0, 1e9]) {
    const xs = Array.from({ length: 10000 }, () => offset + g.normal() * 3);
    const s = RunningStats.of(xs);
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / xs.length;
    let ss = 0;
    for (const x of xs) ss += (x - mean) * (x - mean);
    const v = ss / (xs.length - 1);
    close(s.mean, mean, 1e-12 * Math.max(1, Math.abs(mean)));
    // With offset 1e9 the inputs themselves are quantised to 1.2e-7, so both algorithms are
    // only good to ~1e-8 there; the naive Σx² − n·mean² loses every digit.
    close(s.variance / v, 1, offset === 0 ? 1e-12 : 1e-7, `offset ${offset}`);
    if (offset > 0) {
      let sq = 0;
      for (const x of xs) sq += x * x;
      const naive = (sq - xs.length * mean * mean) / (xs.length - 1);
      assert.ok(Math.abs(naive / v - 1) > 1e-3, `naive ${naive} vs ${v}`);
    }
    assert.equal(s.min, Math.min(...xs));
    assert.equal(s.max, Math.max(...xs));
  }
});

test('merging batches matches one pass; an ordered fold is bit-identical for any arrival order', () => {
  const g = randomStream(5, 0, 'test/merge');
  const xs = Array.from({ length: 1000 }, () => g.uniform() * 100);
  const whole = RunningStats.of(xs);
  const batches: RunningStats[] = [];
  for (let i = 0; i < xs.length; i += 64) batches.push(RunningStats.of(xs.slice(i, i + 64)));
  const inOrder = new RunningStats();
  for (const b of batches) inOrder.merge(b);
  assert.equal(inOrder.n, whole.n);
  close(inOrder.mean, whole.mean, 1e-12 * whole.mean);
  close(inOrder.variance / whole.variance, 1, 1e-12);
  // Arrival in several shuffled orders (as from workers), folded by OrderedMerge.
  for (let trial = 0; trial < 5; trial++) {
    const order = batches.map((_, i) => i);
    const r = randomStream(9, trial, 'test/shuffle');
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r.uniform() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const m = new OrderedMerge(new RunningStats(), (acc, part: RunningStats) => acc.merge(part));
    for (const i of order) m.add(i, RunningStats.fromState(batches[i].state()));
    assert.equal(m.folded, batches.length);
    for (const k of ['n', 'mean', 'm2', 'min', 'max'] as const) {
      assert.ok(Object.is(m.result[k], inOrder[k]), `${k} bit-identical`);
    }
  }
  assert.throws(() => {
    const m = new OrderedMerge(new RunningStats(), (acc, p: RunningStats) => acc.merge(p));
    m.add(0, new RunningStats());
    m.add(0, new RunningStats());
  }, RangeError);
  // Merging an empty accumulator either way is the identity.
  const e = new RunningStats().merge(whole);
  assert.deepEqual(e.state(), whole.state());
  assert.deepEqual(RunningStats.of(xs).merge(new RunningStats()).state(), whole.state());
});

test('ln B(a, b) by Stirling differences agrees with ln Γ sums and closed forms', () => {
  // B(a, 1) = 1/a; B(½, ½) = π; B(a, ½) for a = n + ½ via Γ.
  for (const a of [0.5, 3, 12, 1e3, 1e6])
    close(lnBeta(a, 1), -Math.log(a), 1e-12 * Math.max(1, Math.log(a)));
  close(lnBeta(0.5, 0.5), Math.log(Math.PI), 1e-14);
  for (const [a, b] of [
    [11, 0.5],
    [30, 7.5],
    [400, 400],
    [25, 3],
  ] as const) {
    close(lnBeta(a, b), lnGamma(a) + lnGamma(b) - lnGamma(a + b), 1e-11);
  }
});
