/**
 * Linear assignment for rectangular cost matrices, optionally with a cost for leaving a row
 * unassigned. Shortest augmenting path (Jonker & Volgenant, "A shortest augmenting path algorithm
 * for dense and sparse linear assignment problems", Computing 38 (1987) 325–340), in the form of
 * Crouse, "On implementing 2D rectangular assignment algorithms", IEEE Trans. AES 52(4) (2016)
 * 1679–1696, Algorithm 1 (the one SciPy's linear_sum_assignment uses), started from a row
 * reduction (u_i = min_j c_ij, v = 0, each row given its cheapest column when that is free), the
 * rectangular-safe counterpart of JV's column reduction, which spares most augmentations on
 * dense random matrices.
 *
 * Dense problems (all costs finite, or a finite unassigned cost) are reduced to one square
 * problem of size max(rows, cols) and solved by LAPJV (see viaSquare). Otherwise (forbidden
 * pairs without an unassigned cost) the SSP runs directly; there an unassigned cost is modelled
 * by giving each row i a private dummy column m+i (all other rows: +∞), scanned implicitly.
 * Non-finite costs (Infinity, NaN) mark forbidden pairs (outside a gate).
 */

export interface AssignmentResult {
  /** Column assigned to each row, or −1. */
  rowToCol: Int32Array;
  /** Row assigned to each column, or −1. */
  colToRow: Int32Array;
  /** Sum of the costs of assigned pairs plus unassigned-row costs. */
  cost: number;
}

/** Workspace reused between calls of the same or smaller size. */
export class AssignmentSolver {
  private cap = 0;
  private u = new Float64Array(0);
  private v = new Float64Array(0);
  private spc = new Float64Array(0);
  private path = new Int32Array(0);
  private row4col = new Int32Array(0);
  private col4row = new Int32Array(0);
  private SR = new Uint8Array(0);
  private SC = new Uint8Array(0);
  private remaining = new Int32Array(0);
  private d = new Float64Array(0);
  private cols = new Int32Array(0);
  private free = new Int32Array(0);
  private unique = new Uint8Array(0);
  private sq = new Float64Array(0);

  private ensure(rows: number, cols: number): void {
    const need = Math.max(rows, cols) + rows + 1;
    if (need <= this.cap) return;
    this.cap = need;
    this.u = new Float64Array(need);
    this.v = new Float64Array(need);
    this.spc = new Float64Array(need);
    this.path = new Int32Array(need);
    this.row4col = new Int32Array(need);
    this.col4row = new Int32Array(need);
    this.SR = new Uint8Array(need);
    this.SC = new Uint8Array(need);
    this.remaining = new Int32Array(need);
  }

  /**
   * Minimum-cost assignment. cost is row-major rows×cols. Without unassignedCost every row of the
   * smaller side is assigned (rectangular problem), and an infeasible problem throws.
   */
  solve(
    cost: ArrayLike<number>,
    rows: number,
    cols: number,
    unassignedCost?: number,
  ): AssignmentResult {
    const rowToCol = new Int32Array(rows).fill(-1);
    const colToRow = new Int32Array(cols).fill(-1);
    if (rows === 0 || cols === 0) {
      const c = unassignedCost !== undefined ? rows * unassignedCost : 0;
      return { rowToCol, colToRow, cost: c };
    }
    const withDummy = unassignedCost !== undefined;
    if (withDummy && Number.isFinite(unassignedCost))
      return this.viaSquare(cost, rows, cols, unassignedCost as number);
    if (!withDummy && rows <= cols && allFinite(cost, rows * cols))
      return this.viaSquare(cost, rows, cols, undefined);
    // Without dummies the SSP needs rows ≤ cols: solve the transpose otherwise.
    if (!withDummy && rows > cols) {
      const tr = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) tr[j * rows + i] = cost[i * cols + j];
      const r = this.solve(tr, cols, rows);
      return { rowToCol: r.colToRow, colToRow: r.rowToCol, cost: r.cost };
    }
    const nc = withDummy ? cols + rows : cols;
    this.ensure(rows, nc);
    const dummyCost = withDummy ? (unassignedCost as number) : Infinity;
    const u = this.u;
    const v = this.v;
    const spc = this.spc;
    const path = this.path;
    const row4col = this.row4col;
    const col4row = this.col4row;
    const SR = this.SR;
    const SC = this.SC;
    const remaining = this.remaining;
    u.fill(0, 0, rows);
    v.fill(0, 0, nc);
    row4col.fill(-1, 0, nc);
    col4row.fill(-1, 0, rows);
    const c = (i: number, j: number): number => {
      if (j < cols) {
        const x = cost[i * cols + j];
        return x === x ? x : Infinity;
      }
      return j - cols === i ? dummyCost : Infinity;
    };

    // Row reduction: u_i = min_j c_ij, v = 0 is a feasible dual that also satisfies the
    // rectangular optimality condition (v_j ≤ 0, and 0 on unassigned columns) which the SSP
    // maintains; each row's cheapest column, if still free, is assigned at zero reduced cost.
    // (JV's column reduction is only valid for square problems.)
    for (let i = 0; i < rows; i++) {
      let best = withDummy ? dummyCost : Infinity;
      let bj = withDummy ? cols + i : -1;
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        const x = cost[base + j];
        if (x < best) {
          best = x;
          bj = j;
        }
      }
      if (bj < 0) continue;
      u[i] = best;
      if (row4col[bj] === -1) {
        row4col[bj] = i;
        col4row[i] = bj;
      }
    }

    for (let curRow = 0; curRow < rows; curRow++) {
      if (col4row[curRow] !== -1) continue;
      // Dijkstra-like search for the shortest augmenting path from curRow (Crouse Alg. 1).
      let minVal = 0;
      let num = nc;
      for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
      SR.fill(0, 0, rows);
      SC.fill(0, 0, nc);
      spc.fill(Infinity, 0, nc);
      let sink = -1;
      let i = curRow;
      while (sink === -1) {
        let index = -1;
        let lowest = Infinity;
        SR[i] = 1;
        const ui = u[i];
        const base = i * cols;
        for (let it = 0; it < num; it++) {
          const j = remaining[it];
          let cij: number;
          if (j < cols) {
            cij = cost[base + j];
            if (cij !== cij) cij = Infinity;
          } else cij = j - cols === i ? dummyCost : Infinity;
          const r = minVal + cij - ui - v[j];
          if (r < spc[j]) {
            path[j] = i;
            spc[j] = r;
          }
          const s = spc[j];
          if (s < lowest || (s === lowest && row4col[j] === -1)) {
            lowest = s;
            index = it;
          }
        }
        minVal = lowest;
        if (minVal === Infinity) throw new RangeError('assignment: infeasible cost matrix');
        const j = remaining[index];
        if (row4col[j] === -1) sink = j;
        else i = row4col[j];
        SC[j] = 1;
        remaining[index] = remaining[--num];
      }
      // Dual update.
      u[curRow] += minVal;
      for (let r = 0; r < rows; r++) {
        if (SR[r] && r !== curRow) u[r] += minVal - spc[col4row[r]];
      }
      for (let j = 0; j < nc; j++) {
        if (SC[j]) v[j] -= minVal - spc[j];
      }
      // Augment along the path.
      let j = sink;
      for (;;) {
        const r = path[j];
        row4col[j] = r;
        const tmp = col4row[r];
        col4row[r] = j;
        j = tmp;
        if (r === curRow) break;
      }
    }

    let total = 0;
    for (let i = 0; i < rows; i++) {
      const j = col4row[i];
      total += c(i, j);
      if (j < cols) {
        rowToCol[i] = j;
        colToRow[j] = i;
      }
    }
    return { rowToCol, colToRow, cost: total };
  }

  /**
   * Reduces a rectangular problem to one square LAPJV problem of size N = max(rows, cols).
   * With a uniform unassigned cost c, costs are clipped to min(c_ij, c) (∞ → c): a row paired at
   * a clipped cost is a row left unassigned, at the same total, and since a full assignment of
   * the clipped matrix can always give a would-be-unassigned row some spare column at cost c,
   * the two optima coincide. Missing columns (rows > cols) are padded with cost c, missing rows
   * (rows < cols) with cost 0 (they absorb the columns nobody takes). Without c, rows ≤ cols and
   * zero rows pad the matrix.
   */
  private viaSquare(
    cost: ArrayLike<number>,
    rows: number,
    cols: number,
    c: number | undefined,
  ): AssignmentResult {
    const N = Math.max(rows, cols);
    let sq: Float64Array;
    if (c === undefined && rows === cols && cost instanceof Float64Array) {
      // Already square and nothing to clip: LAPJV only reads the costs, so no copy.
      sq = cost;
    } else {
      if (this.sq.length < N * N) this.sq = new Float64Array(N * N);
      sq = this.sq;
      const miss = c ?? 0;
      for (let i = 0; i < N; i++) {
        const b = i * N;
        if (i >= rows) {
          sq.fill(0, b, b + N);
          continue;
        }
        const src = i * cols;
        if (c === undefined) for (let j = 0; j < cols; j++) sq[b + j] = cost[src + j];
        else
          for (let j = 0; j < cols; j++) {
            const x = cost[src + j];
            sq[b + j] = x < c ? x : c;
          }
        for (let j = cols; j < N; j++) sq[b + j] = miss;
      }
    }
    const r = this.lapjv(sq, N);
    const rowToCol = new Int32Array(rows).fill(-1);
    const colToRow = new Int32Array(cols).fill(-1);
    let total = 0;
    for (let i = 0; i < rows; i++) {
      const j = r.rowToCol[i];
      const x = j < cols ? cost[i * cols + j] : Infinity;
      if (c !== undefined && !(x < c)) {
        total += c;
        continue;
      }
      rowToCol[i] = j;
      colToRow[j] = i;
      total += x;
    }
    return { rowToCol, colToRow, cost: total };
  }

  /**
   * Jonker & Volgenant (1987) LAPJV for a dense square matrix of finite costs: column reduction
   * with reduction transfer, (budgeted) augmenting row reduction, then shortest augmenting
   * paths over the remaining free rows (the paper's procedures; layout after the widely used C
   * implementation in Kazmar's "lap" package, BSD-2).
   */
  private lapjv(cost: Float64Array, n: number): AssignmentResult {
    this.ensure(n, n);
    if (this.d.length < n) {
      this.d = new Float64Array(n);
      this.cols = new Int32Array(n);
      this.free = new Int32Array(n);
      this.unique = new Uint8Array(n);
    }
    const x = this.col4row; // column of row
    const y = this.row4col; // row of column
    const v = this.v;
    const free = this.free;
    const unique = this.unique;
    // Column reduction.
    for (let i = 0; i < n; i++) x[i] = -1;
    for (let j = 0; j < n; j++) {
      v[j] = Infinity;
      y[j] = 0;
    }
    for (let i = 0; i < n; i++) {
      const b = i * n;
      for (let j = 0; j < n; j++) {
        const c = cost[b + j];
        if (c < v[j]) {
          v[j] = c;
          y[j] = i;
        }
      }
    }
    unique.fill(1, 0, n);
    for (let j = n - 1; j >= 0; j--) {
      const i = y[j];
      if (x[i] < 0) x[i] = j;
      else {
        unique[i] = 0;
        y[j] = -1;
      }
    }
    let nFree = 0;
    for (let i = 0; i < n; i++) {
      if (x[i] < 0) free[nFree++] = i;
      else if (unique[i]) {
        // Reduction transfer.
        const j = x[i];
        let min = Infinity;
        const b = i * n;
        for (let j2 = 0; j2 < n; j2++) {
          if (j2 === j) continue;
          const c = cost[b + j2] - v[j2];
          if (c < min) min = c;
        }
        if (min < Infinity) v[j] -= min;
      }
    }
    // Augmenting row reduction, twice, capped at 4n row scans in all: on uniform random costs its
    // auction-like small decrements can take ~60 n scans (100+ ms at n = 1000), whereas the
    // shortest-path augmentation below finishes the few rows left at a fraction of that cost.
    let arrBudget = 4 * n;
    for (let pass = 0; pass < 2 && nFree > 0; pass++) {
      let current = 0;
      let newFree = 0;
      let rrCnt = 0;
      while (current < nFree) {
        if (arrBudget-- <= 0) {
          // Out of budget: keep the rows not yet reduced free (newFree ≤ current always).
          for (let q = current; q < nFree; q++) free[newFree++] = free[q];
          break;
        }
        rrCnt++;
        const fi = free[current++];
        const b = fi * n;
        let j1 = 0;
        let v1 = cost[b] - v[0];
        let j2 = -1;
        let v2 = Infinity;
        for (let j = 1; j < n; j++) {
          const c = cost[b + j] - v[j];
          if (c < v2) {
            if (c >= v1) {
              v2 = c;
              j2 = j;
            } else {
              v2 = v1;
              v1 = c;
              j2 = j1;
              j1 = j;
            }
          }
        }
        let i0 = y[j1];
        const v1new = v[j1] - (v2 - v1);
        const lowers = v1new < v[j1];
        if (rrCnt < current * n) {
          if (lowers) v[j1] = v1new;
          else if (i0 >= 0 && j2 >= 0) {
            j1 = j2;
            i0 = y[j2];
          }
          if (i0 >= 0) {
            if (lowers) free[--current] = i0;
            else free[newFree++] = i0;
          }
        } else if (i0 >= 0) free[newFree++] = i0;
        x[fi] = j1;
        y[j1] = fi;
      }
      nFree = newFree;
    }
    // Augmentation by shortest paths (Dijkstra over columns, JV's AUGMENT).
    const d = this.d;
    const cols = this.cols;
    const pred = this.path;
    for (let f = 0; f < nFree; f++) {
      const start = free[f];
      for (let j = 0; j < n; j++) {
        cols[j] = j;
        d[j] = cost[start * n + j] - v[j];
        pred[j] = start;
      }
      let lo = 0;
      let hi = 0;
      let nReady = 0;
      let finalJ = -1;
      // d of the columns on the last SCAN list (the current shortest distance).
      let finalMind = 0;
      while (finalJ === -1) {
        if (lo === hi) {
          nReady = lo;
          // Collect the columns at the minimum distance into cols[lo..hi).
          hi = lo + 1;
          let mind = d[cols[lo]];
          for (let k = hi; k < n; k++) {
            const j = cols[k];
            if (d[j] <= mind) {
              if (d[j] < mind) {
                hi = lo;
                mind = d[j];
              }
              cols[k] = cols[hi];
              cols[hi++] = j;
            }
          }
          finalMind = mind;
          for (let k = lo; k < hi; k++) {
            if (y[cols[k]] < 0) {
              finalJ = cols[k];
              break;
            }
          }
        }
        if (finalJ === -1) {
          // Scan the rows of the ready columns.
          scan: while (lo !== hi) {
            const j0 = cols[lo++];
            const i = y[j0];
            const mind = d[j0];
            const b = i * n;
            const h = cost[b + j0] - v[j0] - mind;
            for (let k = hi; k < n; k++) {
              const j = cols[k];
              const cred = cost[b + j] - v[j] - h;
              if (cred < d[j]) {
                d[j] = cred;
                pred[j] = i;
                if (cred === mind) {
                  if (y[j] < 0) {
                    finalJ = j;
                    break scan;
                  }
                  cols[k] = cols[hi];
                  cols[hi++] = j;
                }
              }
            }
          }
        }
      }
      // (The reference reads d[cols[lo]] with lo as it was before the last scan; scanning here
      // advances lo, so the batch minimum is kept in finalMind instead.)
      for (let k = 0; k < nReady; k++) {
        const j = cols[k];
        v[j] += d[j] - finalMind;
      }
      let j = finalJ;
      let i = -1;
      while (i !== start) {
        i = pred[j];
        y[j] = i;
        const t = x[i];
        x[i] = j;
        j = t;
      }
    }
    const rowToCol = new Int32Array(n);
    const colToRow = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      rowToCol[i] = x[i];
      colToRow[x[i]] = i;
      total += cost[i * n + x[i]];
    }
    return { rowToCol, colToRow, cost: total };
  }
}

function allFinite(a: ArrayLike<number>, len: number): boolean {
  for (let i = 0; i < len; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

const shared = new AssignmentSolver();

/** One-shot convenience around a shared AssignmentSolver. */
export function assign(
  cost: ArrayLike<number>,
  rows: number,
  cols: number,
  unassignedCost?: number,
): AssignmentResult {
  return shared.solve(cost, rows, cols, unassignedCost);
}

/**
 * Exhaustive minimum for tests (rows ≤ cols small): tries every injective row→column map,
 * plus leaving rows unassigned when unassignedCost is given.
 */
export function bruteForceAssignment(
  cost: ArrayLike<number>,
  rows: number,
  cols: number,
  unassignedCost?: number,
): number {
  let best = Infinity;
  const used = new Uint8Array(cols);
  const rec = (i: number, acc: number, assigned: number): void => {
    if (acc >= best) return;
    if (i === rows) {
      if (unassignedCost !== undefined || assigned === Math.min(rows, cols)) best = acc;
      return;
    }
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue;
      const x = cost[i * cols + j];
      if (!(x < Infinity)) continue;
      used[j] = 1;
      rec(i + 1, acc + x, assigned + 1);
      used[j] = 0;
    }
    if (unassignedCost !== undefined) rec(i + 1, acc + unassignedCost, assigned);
    else if (rows > cols) rec(i + 1, acc, assigned);
  };
  rec(0, 0, 0);
  return best;
}
