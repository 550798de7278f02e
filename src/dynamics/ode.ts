/**
 * Shared types of the ODE integrators (Orekit's split: a force model is a `Derivative`, an event is
 * an `EventSpec`, and the integrator knows neither's physics).
 *
 * Stateful derivatives (thrust phases, staging): an adaptive integrator evaluates `f` at trial
 * points inside a step (stages at t + c·h) and again after a rejected step, so within one
 * `integrate` call `f` must be a smooth, pure function of (t, y). A discontinuity (burnout, stage
 * drop, fairing jettison) must be an event: integrate phase by phase, stop at a terminal event,
 * change the model, and restart from the event state. A located event time lies on the far side
 * of the crossing, so the restarted integration does not fire the same event again.
 */

/**
 * Right-hand side y' = f(t, y). Writes into `dydt` and must not modify `y` or keep a reference to
 * it (the integrator reuses its arrays).
 */
export type Derivative = (t: number, y: Float64Array, dydt: Float64Array) => void;

export interface EventSpec {
  name: string;
  /** Event function; an event occurs where g crosses zero in `direction` (+1 rising, -1 falling, 0 either). */
  g: (t: number, y: Float64Array) => number;
  /** Measured in physical time (g increasing with t is +1), also when integrating backwards. */
  direction?: 1 | -1 | 0;
  /** Stop integration at the event (default false). */
  terminal?: boolean;
}

export interface EventHit {
  name: string;
  t: number;
  /** A copy of the state at `t` (the one allocation an event makes). */
  y: Float64Array;
}

export interface IntegrateOptions {
  /** Relative tolerance (default 1e-9). */
  rtol?: number;
  /** Absolute tolerance, scalar or per component (default 1e-6). */
  atol?: number | Float64Array;
  /** First step size magnitude; default: Hairer's automatic initial step. */
  h0?: number;
  /** Largest step size magnitude (default |tEnd − t0|). */
  hMax?: number;
  /** Smallest step size magnitude before the integration fails (default 0: only round-off). */
  hMin?: number;
  /** Most accepted + rejected steps before the integration fails (default 100 000). */
  maxSteps?: number;
  /**
   * Fixed step size magnitude: no error control, for order studies and baselines. It is rounded
   * down so that a whole number of equal steps spans [t0, tEnd]. Events still work.
   */
  fixedStep?: number;
  /** Event-time tolerance in seconds, scaled by max(1, |t|) (default 1e-12). */
  eventTol?: number;
  events?: readonly EventSpec[];
  /**
   * Called after every accepted step; the integrator's dense output is valid on [tPrev, t].
   * At a terminal event `t` is the event time.
   */
  onStep?: (tPrev: number, t: number, integ: DenseOutput) => void;
}

export interface DenseOutput {
  /** State at `t` inside the last accepted step, written into `out`. */
  interpolate(t: number, out: Float64Array): Float64Array;
}

export interface IntegrateResult {
  /** Final time: tEnd, or the time of the terminal event. */
  t: number;
  /** Final state (the caller's `out` array). */
  y: Float64Array;
  steps: number;
  rejected: number;
  /** Calls of the derivative. */
  evaluations: number;
  /** Every event located, in time order. */
  events: EventHit[];
  /** Name of the terminal event that stopped the integration, or null if it reached tEnd. */
  terminatedBy: string | null;
}
