import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gospa, nees, nis, ospa, rmsPositionError } from './metrics.ts';
import { gaussianState } from './gaussian-state.ts';

const close = (a: number, b: number, tol = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('OSPA hand example (Schuhmacher, Vo & Vo 2008, eq. 3), c = 10 m, p = 1 and p = 2', () => {
  // X = {(0,0,0)}, Y = {(3,4,0), (100,0,0)}: m = 1 ≤ n = 2. Best pairing x→(3,4,0): d = 5 < c.
  // p = 1: ((5 + 10·(2−1)) / 2)^1 = 7.5.
  // p = 2: ((5² + 10²·1) / 2)^½ = √62.5 = 7.90569…
  const X = [[0, 0, 0]];
  const Y = [
    [3, 4, 0],
    [100, 0, 0],
  ];
  close(ospa(X, Y, 10, 1), 7.5);
  close(ospa(X, Y, 10, 2), Math.sqrt(62.5));
  close(ospa(Y, X, 10, 2), Math.sqrt(62.5)); // symmetric
  // A pair beyond the cutoff counts c: X = {(0,0,0)}, Y = {(0,0,20)} → (10^1/1) = 10.
  close(ospa(X, [[0, 0, 20]], 10, 1), 10);
  close(ospa([], [], 10, 2), 0);
  // One empty set: cardinality error only, c.
  close(ospa([], Y, 10, 2), 10);
});

test('GOSPA α = 2 hand examples (Rahmathullah, García-Fernández & Svensson 2017), c = 10 m, p = 2', () => {
  // Truth X = {(0,0,0), (50,0,0)}, estimate Y = {(3,4,0)}.
  // Pair (0,0,0)↔(3,4,0): 5² = 25; (50,0,0) missed: c²/2 = 50. GOSPA = √(25 + 50) = √75.
  const X = [
    [0, 0, 0],
    [50, 0, 0],
  ];
  let g = gospa(X, [[3, 4, 0]], 10, 2);
  close(g.gospa, Math.sqrt(75));
  assert.equal(g.missed, 1);
  assert.equal(g.false, 0);
  close(g.localisation, 25);
  // Estimate (0,0,12) is 12 > c from (0,0,0): no pair; 2 missed + 1 false: √(3·50) = √150.
  g = gospa(X, [[0, 0, 12]], 10, 2);
  close(g.gospa, Math.sqrt(150));
  assert.equal(g.missed, 2);
  assert.equal(g.false, 1);
  // Empty truth, one estimate: √(c²/2) = √50.
  close(gospa([], [[1, 2, 3]], 10, 2).gospa, Math.sqrt(50));
  // Two perfect estimates plus one false: √(0 + 50).
  close(
    gospa(
      X,
      [
        [0, 0, 0],
        [50, 0, 0],
        [7, 7, 7],
      ],
      10,
      2,
    ).gospa,
    Math.sqrt(50),
  );
});

test('NEES, NIS and RMS position error, hand-worked', () => {
  // e = (1, 2), P = diag(1, 4): 1²/1 + 2²/4 = 2.
  close(nees([1, 2], gaussianState([0, 0], [1, 4])), 2);
  // ν = (3, 0), S = [[2, 1], [1, 2]]: S⁻¹ = [[2, −1], [−1, 2]]/3 → 9·2/3 = 6.
  close(nis([3, 0], [2, 1, 1, 2], 2), 6);
  // Errors 3-4-0 (5 m) and 0 m: √((25 + 0)/2) = √12.5.
  close(
    rmsPositionError(
      [
        [3, 4, 0],
        [1, 1, 1],
      ],
      [
        [0, 0, 0],
        [1, 1, 1],
      ],
    ),
    Math.sqrt(12.5),
  );
});
