/**
 * Classical fixed-step Runge–Kutta 4 (Kutta 1901; Hairer–Nørsett–Wanner, "Solving Ordinary
 * Differential Equations I", 2nd ed. (1993), §II.1, Table 1.2, left): the reference baseline for
 * the benchmark and the order tests. Work arrays are allocated once in the constructor.
 */
import { AspisError } from '../core/errors.ts';
import type { Derivative } from './ode.ts';

export interface Rk4Result {
  t: number;
  steps: number;
  evaluations: number;
}

export class Rk4 {
  readonly n: number;
  private readonly y: Float64Array;
  private readonly yt: Float64Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;

  constructor(n: number) {
    if (!Number.isInteger(n) || n < 1) {
      throw new AspisError({ path: 'Rk4.n', expected: 'an integer ≥ 1', got: n });
    }
    this.n = n;
    this.y = new Float64Array(n);
    this.yt = new Float64Array(n);
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
  }

  /**
   * Integrates from (t0, y0) to tEnd (either direction) with steps of magnitude at most `h`,
   * rounded down so that a whole number of equal steps spans the interval; writes y(tEnd) to `out`.
   */
  integrate(
    f: Derivative,
    t0: number,
    y0: ArrayLike<number>,
    tEnd: number,
    h: number,
    out: Float64Array,
  ): Rk4Result {
    const n = this.n;
    if (y0.length !== n || out.length !== n) {
      throw new AspisError({
        path: 'Rk4.integrate',
        expected: `y0 and out of length ${n}`,
        got: `lengths ${y0.length} and ${out.length}`,
      });
    }
    if (!(h > 0)) throw new AspisError({ path: 'Rk4.integrate.h', expected: 'a step > 0', got: h });
    const y = this.y;
    const yt = this.yt;
    const k1 = this.k1;
    const k2 = this.k2;
    const k3 = this.k3;
    const k4 = this.k4;
    for (let i = 0; i < n; i++) y[i] = y0[i];
    const span = tEnd - t0;
    const steps = span === 0 ? 0 : Math.max(1, Math.ceil(Math.abs(span) / h - 1e-9));
    const dt = steps === 0 ? 0 : span / steps;
    const half = 0.5 * dt;
    const sixth = dt / 6;
    for (let s = 0; s < steps; s++) {
      // t from the step count, not a running sum, so round-off does not drift the clock.
      const t = t0 + s * dt;
      f(t, y, k1);
      for (let i = 0; i < n; i++) yt[i] = y[i] + half * k1[i];
      f(t + half, yt, k2);
      for (let i = 0; i < n; i++) yt[i] = y[i] + half * k2[i];
      f(t + half, yt, k3);
      for (let i = 0; i < n; i++) yt[i] = y[i] + dt * k3[i];
      f(t + dt, yt, k4);
      for (let i = 0; i < n; i++) y[i] += sixth * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    }
    out.set(y);
    return { t: tEnd, steps, evaluations: 4 * steps };
  }
}
