/**
 * Dormand–Prince 5(4) with FSAL, PI step-size control, Hairer's automatic initial step, the
 * 4th-order continuous extension of DOPRI5 and event location.
 *
 * Sources: J. R. Dormand & P. J. Prince, "A family of embedded Runge-Kutta formulae", J. Comput.
 * Appl. Math. 6 (1980) 19–26; E. Hairer, S. P. Nørsett & G. Wanner, "Solving Ordinary
 * Differential Equations I", 2nd ed. (1993): Table 5.2 (coefficients), §II.4 (error norm, step
 * control, initial step), §II.6 (dense output), and the authors' Fortran code DOPRI5 (its dense
 * output coefficients d1…d7 and its PI controller constants).
 *
 * All work arrays are allocated once in the constructor; `integrate` allocates only its result
 * object and one array per event hit. See ode.ts for what a derivative may and may not do.
 */
import { AspisError } from '../core/errors.ts';
import { EventLocator } from './events.ts';
import type {
  DenseOutput,
  Derivative,
  EventHit,
  IntegrateOptions,
  IntegrateResult,
} from './ode.ts';

// Butcher tableau, Hairer–Nørsett–Wanner Table 5.2 (c7 = 1, the 7th stage is f at the new point).
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
// 5th-order weights (= the 7th row, which gives FSAL).
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// Error weights b − b̂ (5th minus 4th order), as in DOPRI5.
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Dense output coefficients of the 4th-order continuous extension (Hairer–Nørsett–Wanner §II.6,
// as coded in DOPRI5).
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

// Step-size control with DOPRI5's defaults: safety 0.9, step ratio in [0.2, 10] (Hairer–Nørsett–
// Wanner §II.4), and its "stabilized" PI control with β = 0.04 (Hairer & Wanner, "Solving ODEs
// II", §IV.2, after Gustafsson 1991).
const SAFE = 0.9;
const FAC_MIN = 0.2;
const FAC_MAX = 10;
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;

const DEFAULT_RTOL = 1e-9;
const DEFAULT_ATOL = 1e-6;
const DEFAULT_MAX_STEPS = 100_000;
const DEFAULT_EVENT_TOL = 1e-12;

export class DormandPrince54 implements DenseOutput {
  readonly n: number;
  private readonly y: Float64Array;
  private readonly y1: Float64Array;
  private readonly yTmp: Float64Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private readonly k7: Float64Array;
  private readonly atolVec: Float64Array;
  // Dense output of the last accepted step: y(tOld + θh) = r1 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ)r5))).
  private readonly r1: Float64Array;
  private readonly r2: Float64Array;
  private readonly r3: Float64Array;
  private readonly r4: Float64Array;
  private readonly r5: Float64Array;
  private tOld = 0;
  private hOld = 0;
  private readonly locator: EventLocator;

  constructor(n: number) {
    if (!Number.isInteger(n) || n < 1) {
      throw new AspisError({ path: 'DormandPrince54.n', expected: 'an integer ≥ 1', got: n });
    }
    this.n = n;
    const f = () => new Float64Array(n);
    this.y = f();
    this.y1 = f();
    this.yTmp = f();
    this.k1 = f();
    this.k2 = f();
    this.k3 = f();
    this.k4 = f();
    this.k5 = f();
    this.k6 = f();
    this.k7 = f();
    this.atolVec = f();
    this.r1 = f();
    this.r2 = f();
    this.r3 = f();
    this.r4 = f();
    this.r5 = f();
    this.locator = new EventLocator(n);
  }

  /**
   * Integrates y' = f(t, y) from (t0, y0) to tEnd (which may be before t0) and writes the final
   * state into `out`. Stops early at the first terminal event in time order.
   */
  integrate(
    f: Derivative,
    t0: number,
    y0: ArrayLike<number>,
    tEnd: number,
    opts: IntegrateOptions,
    out: Float64Array,
  ): IntegrateResult {
    const n = this.n;
    if (y0.length !== n || out.length !== n) {
      throw new AspisError({
        path: 'DormandPrince54.integrate',
        expected: `y0 and out of length ${n}`,
        got: `lengths ${y0.length} and ${out.length}`,
      });
    }
    const rtol = opts.rtol ?? DEFAULT_RTOL;
    const atolOpt = opts.atol ?? DEFAULT_ATOL;
    const atol = this.atolVec;
    if (typeof atolOpt === 'number') atol.fill(atolOpt);
    else if (atolOpt.length === n) atol.set(atolOpt);
    else {
      throw new AspisError({
        path: 'IntegrateOptions.atol',
        expected: `a number or ${n} numbers`,
        got: `${atolOpt.length} numbers`,
      });
    }
    const fixed = opts.fixedStep;
    if (fixed === undefined) {
      if (!(rtol >= 0) || !atol.every((a) => a >= 0) || (rtol === 0 && atol.some((a) => a === 0))) {
        throw new AspisError({
          path: 'IntegrateOptions.rtol/atol',
          expected: 'tolerances ≥ 0, not both zero',
          got: `rtol ${rtol}`,
        });
      }
    } else if (!(fixed > 0)) {
      throw new AspisError({
        path: 'IntegrateOptions.fixedStep',
        expected: 'a step size > 0',
        got: fixed,
      });
    }
    const maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
    const hMin = opts.hMin ?? 0;
    const span = tEnd - t0;
    const dir = span >= 0 ? 1 : -1;
    const hMax = Math.min(opts.hMax ?? Infinity, Math.abs(span));
    const eventTol = opts.eventTol ?? DEFAULT_EVENT_TOL;
    const onStep = opts.onStep;
    const events = opts.events ?? [];
    const hasEvents = events.length > 0;
    const hits: EventHit[] = [];

    const y = this.y;
    const y1 = this.y1;
    const yt = this.yTmp;
    let k1 = this.k1;
    const k2 = this.k2;
    const k3 = this.k3;
    const k4 = this.k4;
    const k5 = this.k5;
    const k6 = this.k6;
    let k7 = this.k7;
    const r1 = this.r1;
    const r2 = this.r2;
    const r3 = this.r3;
    const r4 = this.r4;
    const r5 = this.r5;

    for (let i = 0; i < n; i++) y[i] = y0[i];
    this.tOld = t0;
    this.hOld = 0;
    let t = t0;
    let steps = 0;
    let rejected = 0;
    let evaluations = 0;
    let terminatedBy: string | null = null;

    if (span === 0) {
      out.set(y);
      return { t, y: out, steps, rejected, evaluations, events: hits, terminatedBy };
    }

    f(t, y, k1);
    evaluations++;
    if (hasEvents) this.locator.reset(events, t, y);

    let h: number;
    let nFixed = 0;
    if (fixed !== undefined) {
      nFixed = Math.max(1, Math.ceil(Math.abs(span) / fixed - 1e-9));
      h = span / nFixed;
    } else if (opts.h0 !== undefined && opts.h0 > 0) {
      h = dir * Math.min(opts.h0, hMax);
    } else {
      h = this.initialStep(f, t, y, k1, dir, hMax, rtol, atol);
      evaluations++;
    }

    let facOld = 1e-4;
    let lastRejected = false;
    let attempts = 0;

    for (;;) {
      let last: boolean;
      if (attempts++ >= maxSteps) {
        throw new AspisError({
          path: 'DormandPrince54.integrate',
          expected: `to reach t = ${tEnd} within ${maxSteps} steps`,
          got: `t = ${t}`,
          kind: 'runtime',
        });
      }
      if (fixed !== undefined) {
        last = steps + 1 === nFixed;
      } else {
        if (Math.abs(h) < hMin || Math.abs(h) <= 10 * Number.EPSILON * Math.abs(t)) {
          throw new AspisError({
            path: 'DormandPrince54.integrate',
            expected: `a step size above ${Math.max(hMin, 10 * Number.EPSILON * Math.abs(t))} s at t = ${t}`,
            got: Math.abs(h),
            kind: 'runtime',
          });
        }
        // Land on tEnd exactly, and stretch the next-to-last step rather than leave a sliver.
        if ((t + 1.01 * h - tEnd) * dir > 0) {
          h = tEnd - t;
          last = true;
        } else {
          last = false;
        }
      }

      // Stages 2–7.
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * A21 * k1[i];
      f(t + C2 * h, yt, k2);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
      f(t + C3 * h, yt, k3);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
      f(t + C4 * h, yt, k4);
      for (let i = 0; i < n; i++) {
        yt[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
      }
      f(t + C5 * h, yt, k5);
      for (let i = 0; i < n; i++) {
        yt[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
      }
      const tNew = last ? tEnd : t + h;
      f(t + h, yt, k6);
      for (let i = 0; i < n; i++) {
        y1[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
      }
      f(tNew, y1, k7);
      evaluations += 6;

      let accept = true;
      let hNew = h;
      if (fixed === undefined) {
        // RMS of the error estimate scaled by atol + rtol·max(|y|, |y1|) (Hairer §II.4, eq. 4.11).
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const sk = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
          const e =
            (h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i])) /
            sk;
          sum += e * e;
        }
        const err = Math.sqrt(sum / n);
        // PI controller of DOPRI5: h_new = h · err^(−α) · errOld^β / safety, α = 0.2 − 0.75β.
        const fac11 = Math.pow(err, EXPO1);
        if (err <= 1) {
          let fac = fac11 / Math.pow(facOld, BETA);
          fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, fac / SAFE));
          hNew = h / fac;
          facOld = Math.max(err, 1e-4);
          if (Math.abs(hNew) > hMax) hNew = dir * hMax;
          if (lastRejected) hNew = dir * Math.min(Math.abs(hNew), Math.abs(h));
          lastRejected = false;
        } else if (err !== err) {
          throw new AspisError({
            path: 'DormandPrince54.integrate',
            expected: `a finite derivative near t = ${t}`,
            got: 'NaN',
            kind: 'runtime',
          });
        } else {
          hNew = h / Math.min(1 / FAC_MIN, fac11 / SAFE);
          accept = false;
          lastRejected = true;
        }
      }

      if (!accept) {
        rejected++;
        h = hNew;
        continue;
      }

      steps++;
      // Dense output (DOPRI5's CONTD5), built before y is overwritten.
      for (let i = 0; i < n; i++) {
        const yi = y[i];
        const dy = y1[i] - yi;
        const bspl = h * k1[i] - dy;
        r1[i] = yi;
        r2[i] = dy;
        r3[i] = bspl;
        r4[i] = dy - h * k7[i] - bspl;
        r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
        y[i] = y1[i];
      }
      this.tOld = t;
      this.hOld = h;
      const tPrev = t;
      t = tNew;
      // FSAL: the last stage is the next step's first.
      const tmp = k1;
      k1 = k7;
      k7 = tmp;

      if (hasEvents) {
        const hit = this.locator.check(tPrev, t, y, this, eventTol, hits);
        if (hit !== null) {
          terminatedBy = hit.name;
          t = hit.t;
          y.set(hit.y);
          last = true;
        }
      }
      if (onStep !== undefined) onStep(tPrev, t, this);
      if (last) break;
      h = fixed !== undefined ? h : hNew;
    }

    out.set(y);
    return { t, y: out, steps, rejected, evaluations, events: hits, terminatedBy };
  }

  /**
   * Dense output of the last accepted step (4th order, continuous): valid for t in [tOld, tOld+h];
   * outside it extrapolates.
   */
  interpolate(t: number, out: Float64Array): Float64Array {
    const n = this.n;
    if (this.hOld === 0) {
      out.set(this.y);
      return out;
    }
    const theta = (t - this.tOld) / this.hOld;
    const theta1 = 1 - theta;
    const r1 = this.r1;
    const r2 = this.r2;
    const r3 = this.r3;
    const r4 = this.r4;
    const r5 = this.r5;
    for (let i = 0; i < n; i++) {
      out[i] = r1[i] + theta * (r2[i] + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
    }
    return out;
  }

  /**
   * Hairer's starting step (Hairer–Nørsett–Wanner §II.4, "Starting step size"; DOPRI5's HINIT),
   * with the RMS norm: an explicit Euler step of size h0 = 0.01·‖y‖/‖f‖ estimates ‖y''‖, and
   * h = min(100·h0, (0.01 / max(‖f‖, ‖y''‖))^(1/5), hMax). Costs one evaluation.
   */
  private initialStep(
    f: Derivative,
    t: number,
    y: Float64Array,
    f0: Float64Array,
    dir: number,
    hMax: number,
    rtol: number,
    atol: Float64Array,
  ): number {
    const n = this.n;
    const yt = this.yTmp;
    const f1 = this.k2;
    let dnf = 0;
    let dny = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol[i] + rtol * Math.abs(y[i]);
      dnf += (f0[i] / sk) ** 2;
      dny += (y[i] / sk) ** 2;
    }
    dnf = Math.sqrt(dnf / n);
    dny = Math.sqrt(dny / n);
    let h = dnf <= 1e-5 || dny <= 1e-5 ? 1e-6 : 0.01 * (dny / dnf);
    h = Math.min(h, hMax);
    for (let i = 0; i < n; i++) yt[i] = y[i] + dir * h * f0[i];
    f(t + dir * h, yt, f1);
    let der2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol[i] + rtol * Math.abs(y[i]);
      der2 += ((f1[i] - f0[i]) / sk) ** 2;
    }
    der2 = Math.sqrt(der2 / n) / h;
    const der12 = Math.max(der2, dnf);
    const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 1 / 5);
    return dir * Math.min(100 * h, h1, hMax);
  }
}
