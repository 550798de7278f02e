import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expectedValue, greedyWta, optimalWta, type WtaProblem } from './wta.ts';

/** Every feasible shot plan, for tiny problems. */
function bruteForce(p: WtaProblem): number {
  const S = p.inventory.length;
  const T = p.values.length;
  const shots = new Array<number>(S * T).fill(0);
  let best = 0;
  const rec = (k: number): void => {
    if (k === S * T) {
      for (let i = 0; i < S; i++) {
        let s = 0;
        for (let j = 0; j < T; j++) s += shots[i * T + j];
        if (s > p.inventory[i]) return;
      }
      if (p.maxShots) {
        for (let j = 0; j < T; j++) {
          let s = 0;
          for (let i = 0; i < S; i++) s += shots[i * T + j];
          if (s > p.maxShots[j]) return;
        }
      }
      best = Math.max(best, expectedValue(p, shots));
      return;
    }
    const i = Math.floor(k / T);
    const most = p.pKill[k] > 0 ? p.inventory[i] : 0;
    for (let n = 0; n <= most; n++) {
      shots[k] = n;
      rec(k + 1);
    }
    shots[k] = 0;
  };
  rec(0);
  return best;
}

const problem = (S: number, T: number, siteIndependent: boolean) =>
  fc
    .record({
      values: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: T, maxLength: T }),
      inventory: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: S, maxLength: S }),
      pj: fc.array(fc.double({ min: 0, max: 0.95, noNaN: true }), { minLength: T, maxLength: T }),
      pij: fc.array(fc.double({ min: 0, max: 0.95, noNaN: true }), {
        minLength: S * T,
        maxLength: S * T,
      }),
      maxShots: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: T, maxLength: T }),
    })
    .map((r): WtaProblem => ({
      values: r.values,
      inventory: r.inventory,
      pKill: siteIndependent ? Array.from({ length: S * T }, (_, k) => r.pj[k % T]) : r.pij,
      maxShots: r.maxShots,
    }));

test('two targets, one site with two shots of Pk 0.8: one shot each (EV 1.6), not both on one (0.96)', () => {
  const p: WtaProblem = { values: [1, 1], inventory: [2], pKill: [0.8, 0.8] };
  for (const s of [greedyWta(p), optimalWta(p)]) {
    assert.deepEqual([...s.shots], [1, 1]);
    assert.ok(Math.abs(s.expectedValue - 1.6) < 1e-12);
  }
});

test('the exact solver equals brute-force enumeration (random problems, 2 sites × 2 targets)', () => {
  fc.assert(
    fc.property(problem(2, 2, false), (p) => {
      assert.ok(Math.abs(optimalWta(p).expectedValue - bruteForce(p)) < 1e-9);
    }),
    { numRuns: 300 },
  );
});

test('greedy maximum marginal return is optimal when Pk depends only on the target (den Broeder et al. 1959)', () => {
  fc.assert(
    fc.property(problem(3, 3, true), (p) => {
      assert.ok(Math.abs(greedyWta(p).expectedValue - optimalWta(p).expectedValue) < 1e-9);
    }),
    { numRuns: 300 },
  );
});

test('plans respect inventories and shot limits, and never use a site that cannot engage', () => {
  fc.assert(
    fc.property(problem(3, 3, false), (p) => {
      for (const s of [greedyWta(p), optimalWta(p)]) {
        for (let i = 0; i < 3; i++) {
          let n = 0;
          for (let j = 0; j < 3; j++) {
            n += s.shots[i * 3 + j];
            if (p.pKill[i * 3 + j] === 0) assert.equal(s.shots[i * 3 + j], 0);
          }
          assert.ok(n <= p.inventory[i] && n >= 0);
        }
        for (let j = 0; j < 3; j++) {
          let n = 0;
          for (let i = 0; i < 3; i++) n += s.shots[i * 3 + j];
          assert.ok(n <= p.maxShots![j]);
        }
      }
      assert.ok(optimalWta(p).expectedValue >= greedyWta(p).expectedValue - 1e-9);
    }),
    { numRuns: 300 },
  );
});
