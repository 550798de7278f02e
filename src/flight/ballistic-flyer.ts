/**
 * Unpowered flight of one body — reentry vehicle, decoy, post-boost bus, debris — from a state
 * to impact, under J2 gravity and drag through the US Standard Atmosphere 1976 with a constant
 * ballistic coefficient β = m / (Cd·A). The frame is inertial and coincides with ECEF at t = 0
 * (the missile's launch), as in flyer.ts.
 *
 * A light balloon (β ~ 1 kg/m²) is stopped high in the atmosphere while a reentry vehicle
 * (β ~ 10⁴ kg/m²) barely slows until low altitude: that difference is what atmospheric
 * discrimination exploits.
 */
import { OMEGA_EARTH_radps, RAD } from '../core/constants.ts';
import { DormandPrince54 } from '../dynamics/dormand-prince.ts';
import { density_kgpm3 } from '../dynamics/atmosphere.ts';
import { ellipsoidHeightApprox_m } from '../dynamics/drag.ts';
import { gravityJ2 } from '../dynamics/gravity.ts';
import type { Derivative, EventSpec, IntegrateOptions } from '../dynamics/ode.ts';
import { ecefToGeodetic } from '../frames/wgs84.ts';

export interface BallisticSample {
  t_s: number;
  lat_deg: number;
  lon_deg: number;
  alt_km: number;
  /** Speed relative to the rotating Earth. */
  speed_mps: number;
}

export interface BallisticResult {
  impacted: boolean;
  impactTime_s: number;
  impactLat_rad: number;
  impactLon_rad: number;
  /** Earth-relative speed at impact. */
  impactSpeed_mps: number;
  apogeeAlt_m: number;
  apogeeTime_s: number;
  steps: number;
  evaluations: number;
  samples: BallisticSample[] | null;
}

export interface BallisticOptions {
  rtol?: number;
  /** Record a sample every this many seconds, from `sampleFrom_s` on (default: the start time). */
  sampleEvery_s?: number;
  sampleFrom_s?: number;
  /** When sampling, also append rows [t, x, y, z, vx, vy, vz] (inertial) to this array. */
  stateRows?: number[];
  /** Give up after this long (default 6 h: any ballistic missile has landed by then). */
  maxDuration_s?: number;
}

export function newBallisticResult(): BallisticResult {
  return {
    impacted: false,
    impactTime_s: NaN,
    impactLat_rad: NaN,
    impactLon_rad: NaN,
    impactSpeed_mps: NaN,
    apogeeAlt_m: NaN,
    apogeeTime_s: NaN,
    steps: 0,
    evaluations: 0,
    samples: null,
  };
}

/** Position of a launch-frame inertial state in ECEF at time t. */
export function launchFrameToEcef(
  t_s: number,
  pos: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const th = OMEGA_EARTH_radps * t_s;
  const c = Math.cos(th);
  const s = Math.sin(th);
  const x = pos[0];
  const y = pos[1];
  out[0] = c * x + s * y;
  out[1] = -s * x + c * y;
  out[2] = pos[2];
  return out;
}

/** Earth-relative speed of an inertial state (|v − ω×r|). */
export function earthRelativeSpeed(y: ArrayLike<number>): number {
  return Math.hypot(y[3] + OMEGA_EARTH_radps * y[1], y[4] - OMEGA_EARTH_radps * y[0], y[5]);
}

export class BallisticFlyer {
  private readonly integ = new DormandPrince54(6);
  private readonly y = new Float64Array(6);
  private readonly g = new Float64Array(3);
  private readonly ecef = new Float64Array(3);
  private readonly lla = new Float64Array(3);
  private readonly atol = Float64Array.of(1e-3, 1e-3, 1e-3, 1e-6, 1e-6, 1e-6);
  private beta_kgpm2 = 1;
  private readonly deriv: Derivative;
  private readonly events: EventSpec[];

  constructor() {
    this.deriv = (_t, y, dy) => {
      gravityJ2(y, this.g);
      let ax = this.g[0];
      let ay = this.g[1];
      let az = this.g[2];
      const h = ellipsoidHeightApprox_m(y);
      const rho = h < 1.0e6 ? density_kgpm3(h) : 0;
      if (rho > 0) {
        const vx = y[3] + OMEGA_EARTH_radps * y[1];
        const vy = y[4] - OMEGA_EARTH_radps * y[0];
        const vz = y[5];
        const k = (0.5 * rho * Math.sqrt(vx * vx + vy * vy + vz * vz)) / this.beta_kgpm2;
        ax -= k * vx;
        ay -= k * vy;
        az -= k * vz;
      }
      dy[0] = y[3];
      dy[1] = y[4];
      dy[2] = y[5];
      dy[3] = ax;
      dy[4] = ay;
      dy[5] = az;
    };
    this.events = [
      { name: 'impact', direction: -1, terminal: true, g: (_t, y) => ellipsoidHeightApprox_m(y) },
      {
        name: 'apogee',
        direction: -1,
        terminal: false,
        g: (_t, y) => y[0] * y[3] + y[1] * y[4] + y[2] * y[5],
      },
    ];
  }

  /**
   * Flies a body from `state0` (inertial [r, v] at `t0_s`) to impact and writes the outcome into
   * `out`. `state0` is not modified.
   */
  fly(
    state0: ArrayLike<number>,
    t0_s: number,
    beta_kgpm2: number,
    out: BallisticResult = newBallisticResult(),
    opts: BallisticOptions = {},
  ): BallisticResult {
    this.beta_kgpm2 = beta_kgpm2;
    const y = this.y;
    for (let i = 0; i < 6; i++) y[i] = state0[i];
    out.impacted = false;
    out.apogeeAlt_m = NaN;
    out.apogeeTime_s = NaN;
    const every = opts.sampleEvery_s ?? 0;
    const samples: BallisticSample[] | null = every > 0 ? [] : null;
    out.samples = samples;
    let next = opts.sampleFrom_s ?? t0_s;
    const buf = new Float64Array(6);
    const rows = opts.stateRows;
    const iopts: IntegrateOptions = {
      rtol: opts.rtol ?? 1e-9,
      atol: this.atol,
      events: this.events,
      onStep:
        samples === null
          ? undefined
          : (_a, t1, dense) => {
              while (next <= t1 + 1e-9) {
                dense.interpolate(next, buf);
                samples.push(this.sample(next, buf));
                if (rows) rows.push(next, buf[0], buf[1], buf[2], buf[3], buf[4], buf[5]);
                next += every;
              }
            },
    };
    const r = this.integ.integrate(
      this.deriv,
      t0_s,
      y,
      t0_s + (opts.maxDuration_s ?? 6 * 3600),
      iopts,
      y,
    );
    out.steps = r.steps + r.rejected;
    out.evaluations = r.evaluations;
    for (const e of r.events) {
      if (e.name === 'apogee' && Number.isNaN(out.apogeeTime_s)) {
        out.apogeeTime_s = e.t;
        out.apogeeAlt_m = ellipsoidHeightApprox_m(e.y);
      }
    }
    if (Number.isNaN(out.apogeeTime_s)) {
      // Already descending at the start: the highest point is the start.
      out.apogeeTime_s = t0_s;
      out.apogeeAlt_m = ellipsoidHeightApprox_m(state0);
    }
    if (r.terminatedBy === 'impact') {
      launchFrameToEcef(r.t, y, this.ecef);
      ecefToGeodetic(this.ecef, this.lla);
      out.impacted = true;
      out.impactTime_s = r.t;
      out.impactLat_rad = this.lla[0];
      out.impactLon_rad = this.lla[1];
      out.impactSpeed_mps = earthRelativeSpeed(y);
    }
    return out;
  }

  /** The final state of the last flight (impact state when it impacted). */
  get state(): Float64Array {
    return this.y;
  }

  private sample(t: number, y: Float64Array): BallisticSample {
    const e = launchFrameToEcef(t, y, new Float64Array(3));
    const lla = ecefToGeodetic(e, new Float64Array(3));
    return {
      t_s: t,
      lat_deg: lla[0] * RAD,
      lon_deg: lla[1] * RAD,
      alt_km: lla[2] / 1000,
      speed_mps: earthRelativeSpeed(y),
    };
  }
}
