/**
 * Event location for the integrators: after each accepted step the integrator hands the step to
 * an `EventLocator`, which compares every event function's sign at the two ends of the step and
 * finds each crossing on the dense output with Brent's method.
 *
 * Conventions:
 * - A crossing is a change between the signs of g at consecutive step ends. g = 0 exactly at a
 *   step end is an event there; g = 0 at the start of a step (or at t0) is not a sign, so the next
 *   nonzero value sets the sign without an event. Two crossings inside one step cancel and are
 *   not seen: bound the step (`hMax`) if g can cross and cross back faster than the dynamics.
 * - The reported time lies within the tolerance of the root on the far side of the crossing
 *   (g already has its new sign or is zero), so an integration restarted from a terminal event's
 *   state does not fire it again.
 * - `direction` is measured in physical time: +1 means g increases with t, also when integrating
 *   backwards.
 */
import { AspisError } from '../core/errors.ts';
import type { DenseOutput, EventHit, EventSpec } from './ode.ts';

const EPS = Number.EPSILON;
const MAX_ROOT_ITERATIONS = 200;

export class EventLocator {
  private specs: readonly EventSpec[] = [];
  private gPrev = new Float64Array(4);
  private gNew = new Float64Array(4);
  private rootT = new Float64Array(4);
  private order = new Int32Array(4);
  private readonly scratch: Float64Array;

  constructor(readonly n: number) {
    this.scratch = new Float64Array(n);
  }

  get count(): number {
    return this.specs.length;
  }

  /** Starts a new integration: evaluates every g at (t0, y0). Allocates only when it must grow. */
  reset(specs: readonly EventSpec[], t0: number, y0: Float64Array): void {
    this.specs = specs;
    const m = specs.length;
    if (m > this.gPrev.length) {
      this.gPrev = new Float64Array(m);
      this.gNew = new Float64Array(m);
      this.rootT = new Float64Array(m);
      this.order = new Int32Array(m);
    }
    for (let i = 0; i < m; i++) this.gPrev[i] = evalG(specs[i], t0, y0);
  }

  /**
   * Looks for crossings in the accepted step [tPrev, t] whose end state is `y`, records hits in
   * time order into `hits`, and returns the first terminal hit (or null). Events later in the
   * step than a terminal one are not recorded.
   */
  check(
    tPrev: number,
    t: number,
    y: Float64Array,
    dense: DenseOutput,
    eventTol: number,
    hits: EventHit[],
  ): EventHit | null {
    const specs = this.specs;
    const m = specs.length;
    const gPrev = this.gPrev;
    const gNew = this.gNew;
    const rootT = this.rootT;
    const order = this.order;
    const dir = t >= tPrev ? 1 : -1;
    let found = 0;
    for (let i = 0; i < m; i++) {
      const spec = specs[i];
      const g1 = evalG(spec, t, y);
      gNew[i] = g1;
      const s0 = Math.sign(gPrev[i]);
      const s1 = Math.sign(g1);
      if (s0 === 0 || s1 === s0) continue;
      // Direction in physical time (Orekit's convention), so an apogee is a fall of r·v whether
      // the integration runs forwards or backwards.
      const rising = (s0 < 0 ? 1 : -1) * dir;
      const want = spec.direction ?? 0;
      if (want !== 0 && want !== rising) continue;
      const tol = eventTol * Math.max(1, Math.abs(tPrev), Math.abs(t));
      const tr = g1 === 0 ? t : this.locate(spec, tPrev, gPrev[i], t, g1, dense, tol);
      // Insertion into `order`, sorted by time along the direction of integration.
      let k = found;
      while (k > 0 && (rootT[order[k - 1]] - tr) * dir > 0) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = i;
      rootT[i] = tr;
      found++;
    }
    for (let i = 0; i < m; i++) gPrev[i] = gNew[i];
    let terminal: EventHit | null = null;
    for (let k = 0; k < found; k++) {
      const i = order[k];
      const tr = rootT[i];
      const yr = new Float64Array(this.n);
      if (tr === t) yr.set(y);
      else dense.interpolate(tr, yr);
      const hit: EventHit = { name: specs[i].name, t: tr, y: yr };
      hits.push(hit);
      if (specs[i].terminal) {
        terminal = hit;
        break;
      }
    }
    return terminal;
  }

  /**
   * Brent's zero finder on g(t, interpolated y) over the bracket [a, b], returning the bracket end
   * on the far side of the crossing. R. P. Brent, "Algorithms for Minimization without
   * Derivatives" (1973), ch. 4, procedure `zero`.
   */
  private locate(
    spec: EventSpec,
    a: number,
    fa: number,
    b: number,
    fb: number,
    dense: DenseOutput,
    tol: number,
  ): number {
    const y = this.scratch;
    const sBefore = Math.sign(fa);
    let c = a;
    let fc = fa;
    let d = b - a;
    let e = d;
    for (let iter = 0; iter < MAX_ROOT_ITERATIONS; iter++) {
      if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
        c = a;
        fc = fa;
        d = b - a;
        e = d;
      }
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      const tol1 = 2 * EPS * Math.abs(b) + 0.5 * tol;
      const mid = 0.5 * (c - b);
      if (fb === 0) return b;
      if (Math.abs(mid) <= tol1) return Math.sign(fb) !== sBefore ? b : c;
      if (Math.abs(e) < tol1 || Math.abs(fa) <= Math.abs(fb)) {
        d = mid;
        e = mid;
      } else {
        let p: number;
        let q: number;
        const s = fb / fa;
        if (a === c) {
          // Secant step.
          p = 2 * mid * s;
          q = 1 - s;
        } else {
          // Inverse quadratic interpolation.
          const qa = fa / fc;
          const r = fb / fc;
          p = s * (2 * mid * qa * (qa - r) - (b - a) * (r - 1));
          q = (qa - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) q = -q;
        else p = -p;
        const eOld = e;
        e = d;
        if (2 * p < 3 * mid * q - Math.abs(tol1 * q) && p < Math.abs(0.5 * eOld * q)) {
          d = p / q;
        } else {
          d = mid;
          e = mid;
        }
      }
      a = b;
      fa = fb;
      b += Math.abs(d) > tol1 ? d : mid > 0 ? tol1 : -tol1;
      fb = evalG(spec, b, dense.interpolate(b, y));
    }
    return Math.sign(fb) !== sBefore ? b : c;
  }
}

function evalG(spec: EventSpec, t: number, y: Float64Array): number {
  const g = spec.g(t, y);
  if (Number.isNaN(g)) {
    throw new AspisError({
      path: `event ${spec.name}`,
      expected: 'a number from the event function',
      got: g,
      kind: 'runtime',
    });
  }
  return g;
}

/** An event at a known time (burnout, staging, deployment); terminal by default. */
export function timeEvent(name: string, t_s: number, terminal = true): EventSpec {
  return { name, g: (t) => t - t_s, direction: 1, terminal };
}

/**
 * Apogee of a state laid out as [x, y, z, vx, vy, vz, …] about the origin: the radial velocity
 * r·v falls through zero.
 */
export function apogee(name = 'apogee', terminal = false): EventSpec {
  return {
    name,
    g: (_t, y) => y[0] * y[3] + y[1] * y[4] + y[2] * y[5],
    direction: -1,
    terminal,
  };
}

/** The radius |r| of a state [x, y, z, …] falls below `r_m` (a spherical-Earth impact). */
export function radiusBelow(name: string, r_m: number, terminal = true): EventSpec {
  return {
    name,
    g: (_t, y) => Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]) - r_m,
    direction: -1,
    terminal,
  };
}
