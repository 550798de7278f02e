/**
 * Weapon–target assignment: how many interceptors from which site to fire at which threat so as
 * to maximise the expected value destroyed,
 *
 *   maximise Σ_j v_j · (1 − Π_i (1 − p_ij)^{x_ij})
 *   subject to Σ_j x_ij ≤ n_i (inventory of site i), Σ_i x_ij ≤ m_j (shots allowed at j),
 *              x_ij = 0 where site i cannot engage j,
 *
 * with v_j the value of target j (e.g. the probability that it is a warhead, as discrimination
 * believes) and p_ij the kill probability of one shot (SSPK × reliability). This is the static
 * "target-based" WTA problem (Manne 1958; den Broeder, Ellison & Emerling 1959; Ahuja et al.,
 * "Exact and heuristic algorithms for the weapon-target assignment problem", Operations
 * Research 55 (2007)).
 *
 * - `greedyWta`: maximum marginal return — repeatedly give the next interceptor to the
 *   (site, target) pair that adds the most expected value. Optimal when p_ij does not depend on
 *   the site (den Broeder et al. 1959); a good heuristic otherwise.
 * - `optimalWta`: exact, by depth-first branch and bound over shot counts, for the small
 *   problems of one engagement opportunity (a few sites, a few threats).
 */

export interface WtaProblem {
  /** Value of each target (≥ 0). */
  values: readonly number[];
  /** Interceptors available at each site. */
  inventory: readonly number[];
  /** Kill probability of one shot from site i at target j, row-major sites × targets; 0 where
   * the site cannot engage the target. */
  pKill: readonly number[];
  /** Most shots at each target (default: unlimited). */
  maxShots?: readonly number[];
}

export interface WtaSolution {
  /** Shots from site i at target j, row-major sites × targets. */
  shots: Int32Array;
  /** Expected value destroyed. */
  expectedValue: number;
  /** Interceptors used. */
  used: number;
}

function dims(p: WtaProblem): { S: number; T: number } {
  const S = p.inventory.length;
  const T = p.values.length;
  if (p.pKill.length !== S * T) {
    throw new RangeError(
      `pKill must have sites × targets = ${S * T} entries, got ${p.pKill.length}`,
    );
  }
  return { S, T };
}

/** Expected value destroyed by a shot plan. */
export function expectedValue(p: WtaProblem, shots: ArrayLike<number>): number {
  const { S, T } = dims(p);
  let ev = 0;
  for (let j = 0; j < T; j++) {
    let survive = 1;
    for (let i = 0; i < S; i++) survive *= Math.pow(1 - p.pKill[i * T + j], shots[i * T + j]);
    ev += p.values[j] * (1 - survive);
  }
  return ev;
}

export function greedyWta(p: WtaProblem): WtaSolution {
  const { S, T } = dims(p);
  const shots = new Int32Array(S * T);
  const left = Float64Array.from(p.inventory);
  const perTarget = new Int32Array(T);
  const survive = new Float64Array(T).fill(1);
  let used = 0;
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < S; i++) {
      if (left[i] < 1) continue;
      for (let j = 0; j < T; j++) {
        const pk = p.pKill[i * T + j];
        if (pk <= 0) continue;
        if (p.maxShots && perTarget[j] >= p.maxShots[j]) continue;
        const gain = p.values[j] * survive[j] * pk;
        // Ties go to the lower site, then the lower target: deterministic plans.
        if (gain > best + 1e-15) {
          best = gain;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    shots[bi * T + bj]++;
    left[bi]--;
    perTarget[bj]++;
    survive[bj] *= 1 - p.pKill[bi * T + bj];
    used++;
  }
  return { shots, expectedValue: expectedValue(p, shots), used };
}

/**
 * Exact WTA by branch and bound. The bound relaxes the inventories: every target may take its
 * best remaining site's shots up to its shot limit and the total remaining inventory.
 * Exponential in the worst case: intended for sites × targets ≤ ~30 and a few dozen shots.
 */
export function optimalWta(p: WtaProblem): WtaSolution {
  const { S, T } = dims(p);
  const totalInv = p.inventory.reduce((a, b) => a + b, 0);
  const maxShots = p.maxShots ?? new Array<number>(T).fill(totalInv);
  const bestPk = new Float64Array(T);
  for (let j = 0; j < T; j++)
    for (let i = 0; i < S; i++) bestPk[j] = Math.max(bestPk[j], p.pKill[i * T + j]);

  const shots = new Int32Array(S * T);
  const left = Int32Array.from(p.inventory);
  const survive = new Float64Array(T).fill(1);
  let bestEv = -1;
  let bestShots = new Int32Array(S * T);
  let bestUsed = 0;

  // Target by target: choose how many shots each site gives target j.
  const bound = (j: number, evSoFar: number): number => {
    const inv = left.reduce((a, b) => a + b, 0);
    let ub = evSoFar;
    for (let k = j; k < T; k++) {
      const n = Math.min(maxShots[k], inv);
      ub += p.values[k] * survive[k] * (1 - Math.pow(1 - bestPk[k], n));
    }
    return ub;
  };

  const visit = (j: number, i: number, shotsOnJ: number, evDone: number, used: number): void => {
    if (j === T) {
      if (evDone > bestEv + 1e-12 || (Math.abs(evDone - bestEv) <= 1e-12 && used < bestUsed)) {
        bestEv = evDone;
        bestShots = shots.slice();
        bestUsed = used;
      }
      return;
    }
    if (i === S) {
      const evJ = p.values[j] * (1 - survive[j]);
      visit(j + 1, 0, 0, evDone + evJ, used);
      return;
    }
    const partial = evDone + p.values[j] * (1 - survive[j]);
    if (bound(j + 1, partial) + p.values[j] * survive[j] < bestEv - 1e-12) return;
    const pk = p.pKill[i * T + j];
    const most = pk > 0 ? Math.min(left[i], maxShots[j] - shotsOnJ) : 0;
    // More shots first: finds good incumbents early, so the bound prunes more.
    for (let n = most; n >= 0; n--) {
      const s0 = survive[j];
      shots[i * T + j] = n;
      left[i] -= n;
      survive[j] = s0 * Math.pow(1 - pk, n);
      visit(j, i + 1, shotsOnJ + n, evDone, used + n);
      survive[j] = s0;
      left[i] += n;
      shots[i * T + j] = 0;
    }
  };
  visit(0, 0, 0, 0, 0);
  return { shots: bestShots, expectedValue: expectedValue(p, bestShots), used: bestUsed };
}
