/**
 * Flies one ballistic missile over the rotating WGS-84 Earth: powered stages with a pitch
 * program, staging, optional thrust termination, then the reentry vehicle's free flight and
 * reentry to impact. Full force model throughout: point-mass + J2 gravity, US Standard
 * Atmosphere 1976 with Mach-dependent drag during boost, ballistic-coefficient drag on reentry.
 *
 * The state is [r, v, m] in an Earth-centred inertial frame that coincides with ECEF at launch
 * (t = 0); Earth rotation enters through the launch velocity ω×r, the co-rotating atmosphere and
 * the ECEF position at impact.
 *
 * Pitch program (the common generic one, e.g. Forden 2007; Wiesel, "Spaceflight Dynamics",
 * ch. 8): vertical rise for `verticalRise_s`, then thrust tilted by the kick angle δ toward the
 * launch azimuth for `PITCH_OVER_s`, then a gravity turn with thrust along the air-relative
 * velocity. δ shapes the trajectory: a smaller kick flies higher (lofted), a larger one flatter.
 *
 * One Flyer per (missile, payload) preallocates every buffer; `fly` allocates nothing per step.
 */
import { G0_mps2, OMEGA_EARTH_radps } from '../core/constants.ts';
import { AspisError } from '../core/errors.ts';
import { DormandPrince54 } from '../dynamics/dormand-prince.ts';
import type { Derivative, EventSpec, IntegrateOptions } from '../dynamics/ode.ts';
import { gravityJ2 } from '../dynamics/gravity.ts';
import { atmosphere, type AtmosphereSample } from '../dynamics/atmosphere.ts';
import {
  dragCoefficient,
  ellipsoidHeightApprox_m,
  GENERIC_SLENDER_MISSILE_DRAG,
  type DragTable,
} from '../dynamics/drag.ts';
import { ecefToGeodetic, geodeticToEcef } from '../frames/wgs84.ts';
import type { MissileSpec } from './missile-spec.ts';
import {
  BallisticFlyer,
  launchFrameToEcef,
  newBallisticResult,
  earthRelativeSpeed,
} from './ballistic-flyer.ts';

/** Duration of the pitch-over manoeuvre between vertical rise and gravity turn. */
export const PITCH_OVER_s = 10;

export interface LaunchPoint {
  lat_rad: number;
  lon_rad: number;
  alt_m: number;
}

export interface FlightControls {
  /** Geodetic launch azimuth, clockwise from north. */
  azimuth_rad: number;
  /** Pitch-over angle from the local vertical. */
  kick_rad: number;
  /** Thrust termination time after launch; Infinity (default) burns every stage out. */
  cutoff_s?: number;
}

export interface FlightSample {
  t_s: number;
  lat_deg: number;
  lon_deg: number;
  alt_km: number;
  speed_mps: number;
}

export interface FlightResult {
  /** False when the flight ended without reaching the ground (it should not happen). */
  impacted: boolean;
  /** True when the vehicle hit the ground before final burnout (a kick far too large). */
  crashedInBoost: boolean;
  impactLat_rad: number;
  impactLon_rad: number;
  impactTime_s: number;
  impactSpeed_mps: number;
  apogeeAlt_m: number;
  apogeeTime_s: number;
  burnoutTime_s: number;
  burnoutAlt_m: number;
  /** Inertial speed and flight-path angle (above the local horizontal) at final burnout. */
  burnoutSpeed_mps: number;
  burnoutFpa_rad: number;
  /** [r, v] in the launch-fixed inertial frame at burnout. */
  burnoutStateEci: Float64Array;
  steps: number;
  evaluations: number;
  samples: FlightSample[] | null;
}

export interface FlyOptions {
  /** Relative tolerance of the integrator (default 1e-9). */
  rtol?: number;
  /** Record a sample every this many seconds (dense output, no extra steps). */
  sampleEvery_s?: number;
  /** Stop at final burnout (targeting's inner loop needs only the burnout state). */
  toBurnout?: boolean;
  /**
   * When sampling, also append each sample's raw inertial state as 7 numbers
   * [t, x, y, z, vx, vy, vz] (launch frame) to this array, for sensors and trackers downstream.
   */
  stateRows?: number[];
}

interface BoostStage {
  thrust_N: number;
  mdot_kgps: number;
  burnTime_s: number;
  refArea_m2: number;
  /** Dry mass dropped at this stage's separation. */
  dryMass_kg: number;
  /** Propellant loaded; unburned propellant is dropped with the stage on thrust termination. */
  propellant_kg: number;
  coastAfter_s: number;
}

const enum Mode {
  Vertical,
  PitchOver,
  GravityTurn,
  Coast,
}

export function newFlightResult(): FlightResult {
  return {
    impacted: false,
    crashedInBoost: false,
    impactLat_rad: NaN,
    impactLon_rad: NaN,
    impactTime_s: NaN,
    impactSpeed_mps: NaN,
    apogeeAlt_m: NaN,
    apogeeTime_s: NaN,
    burnoutTime_s: NaN,
    burnoutAlt_m: NaN,
    burnoutSpeed_mps: NaN,
    burnoutFpa_rad: NaN,
    burnoutStateEci: new Float64Array(6),
    steps: 0,
    evaluations: 0,
    samples: null,
  };
}

export class Flyer {
  readonly spec: MissileSpec;
  readonly payload_kg: number;
  readonly liftoffMass_kg: number;
  private readonly stages: BoostStage[];
  private readonly dragTable: DragTable;
  private readonly rvBeta_kgpm2: number;
  private readonly integ = new DormandPrince54(7);
  private readonly y = new Float64Array(7);
  private readonly ecef = new Float64Array(3);
  private readonly lla = new Float64Array(3);
  private readonly g = new Float64Array(3);
  private readonly atm: AtmosphereSample = {
    temperature_K: 0,
    pressure_Pa: 0,
    density_kgpm3: 0,
    speedOfSound_mps: 0,
  };
  /** Unit vector of the pitch-over thrust direction, fixed in the launch-fixed frame. */
  private readonly kickDir = new Float64Array(3);
  private readonly upAtLaunch = new Float64Array(3);
  private readonly atol = Float64Array.of(1e-3, 1e-3, 1e-3, 1e-6, 1e-6, 1e-6, 1e-3);

  // Current phase, read by the derivative.
  private mode: Mode = Mode.Vertical;
  private thrust_N = 0;
  private mdot_kgps = 0;
  private refArea_m2 = 0;

  private readonly deriv: Derivative;
  private readonly impactEvent: EventSpec;
  private readonly free = new BallisticFlyer();
  private readonly freeResult = newBallisticResult();

  constructor(spec: MissileSpec, payload_kg = spec.payload_kg) {
    if (!(payload_kg > 0) || !Number.isFinite(payload_kg)) {
      throw new AspisError({
        path: 'payload_kg',
        expected: 'a payload mass > 0 kg',
        got: payload_kg,
      });
    }
    this.spec = spec;
    this.payload_kg = payload_kg;
    this.dragTable = spec.dragTable ?? GENERIC_SLENDER_MISSILE_DRAG;
    this.stages = spec.stages.map((s) => {
      const mdot = s.propellantMass_kg / s.burnTime_s;
      return {
        thrust_N: mdot * G0_mps2 * s.isp_s,
        mdot_kgps: mdot,
        burnTime_s: s.burnTime_s,
        refArea_m2: (Math.PI / 4) * s.diameter_m * s.diameter_m,
        dryMass_kg: s.totalMass_kg - s.propellantMass_kg,
        propellant_kg: s.propellantMass_kg,
        coastAfter_s: s.coastAfter_s ?? 0,
      };
    });
    this.liftoffMass_kg = spec.stages.reduce((a, s) => a + s.totalMass_kg, 0) + payload_kg;
    // After burnout the reentry vehicle flies alone with its ballistic coefficient; a lighter
    // payload changes the boost, not the RV's drag per unit mass.
    this.rvBeta_kgpm2 = spec.reentryVehicle.ballisticCoefficient_kgpm2;

    this.deriv = (_t, y, dy) => this.derivative(y, dy);
    this.impactEvent = {
      name: 'impact',
      direction: -1,
      terminal: true,
      g: (_t, y) => ellipsoidHeightApprox_m(y),
    };
  }

  private derivative(y: Float64Array, dy: Float64Array): void {
    const x = y[0];
    const yy = y[1];
    const m = y[6];
    gravityJ2(y, this.g);
    let ax = this.g[0];
    let ay = this.g[1];
    let az = this.g[2];
    // Air-relative velocity in a co-rotating atmosphere: v − ω×r.
    const vrx = y[3] + OMEGA_EARTH_radps * yy;
    const vry = y[4] - OMEGA_EARTH_radps * x;
    const vrz = y[5];
    const vRel = Math.sqrt(vrx * vrx + vry * vry + vrz * vrz);
    const alt = ellipsoidHeightApprox_m(y);
    if (alt < 1.0e6 && vRel > 0) {
      atmosphere(alt, this.atm);
      const rho = this.atm.density_kgpm3;
      if (rho > 0) {
        const cd = dragCoefficient(this.dragTable, vRel / this.atm.speedOfSound_mps);
        const k = (0.5 * rho * cd * this.refArea_m2) / m;
        ax -= k * vRel * vrx;
        ay -= k * vRel * vry;
        az -= k * vRel * vrz;
      }
    }
    if (this.thrust_N > 0) {
      const f = this.thrust_N / m;
      if (this.mode === Mode.Vertical) {
        // Along the geocentric radial direction: a few seconds of vertical rise do not care about
        // the 0.2° between radial and geodetic vertical.
        const z = y[2];
        const r = Math.sqrt(x * x + yy * yy + z * z);
        ax += (f * x) / r;
        ay += (f * yy) / r;
        az += (f * z) / r;
      } else if (this.mode === Mode.PitchOver) {
        ax += f * this.kickDir[0];
        ay += f * this.kickDir[1];
        az += f * this.kickDir[2];
      } else if (vRel > 0) {
        ax += (f * vrx) / vRel;
        ay += (f * vry) / vRel;
        az += (f * vrz) / vRel;
      }
    }
    dy[0] = y[3];
    dy[1] = y[4];
    dy[2] = y[5];
    dy[3] = ax;
    dy[4] = ay;
    dy[5] = az;
    dy[6] = -this.mdot_kgps;
  }

  /**
   * Flies the missile with the given controls and writes the outcome into `out`.
   */
  fly(
    launch: LaunchPoint,
    controls: FlightControls,
    out: FlightResult = newFlightResult(),
    opts: FlyOptions = {},
  ): FlightResult {
    const y = this.y;
    const rtol = opts.rtol ?? 1e-9;
    geodeticToEcef(launch.lat_rad, launch.lon_rad, launch.alt_m, this.ecef);
    y[0] = this.ecef[0];
    y[1] = this.ecef[1];
    y[2] = this.ecef[2];
    y[3] = -OMEGA_EARTH_radps * y[1];
    y[4] = OMEGA_EARTH_radps * y[0];
    y[5] = 0;
    y[6] = this.liftoffMass_kg;

    // Pitch-over direction: geodetic up tilted by the kick toward the azimuth, in the
    // launch-fixed frame (which is ECEF at t = 0).
    const sLat = Math.sin(launch.lat_rad);
    const cLat = Math.cos(launch.lat_rad);
    const sLon = Math.sin(launch.lon_rad);
    const cLon = Math.cos(launch.lon_rad);
    const up = this.upAtLaunch;
    up[0] = cLat * cLon;
    up[1] = cLat * sLon;
    up[2] = sLat;
    const sa = Math.sin(controls.azimuth_rad);
    const ca = Math.cos(controls.azimuth_rad);
    // north = (−sLat cLon, −sLat sLon, cLat), east = (−sLon, cLon, 0)
    const hx = ca * -sLat * cLon + sa * -sLon;
    const hy = ca * -sLat * sLon + sa * cLon;
    const hz = ca * cLat;
    const ck = Math.cos(controls.kick_rad);
    const sk = Math.sin(controls.kick_rad);
    this.kickDir[0] = ck * up[0] + sk * hx;
    this.kickDir[1] = ck * up[1] + sk * hy;
    this.kickDir[2] = ck * up[2] + sk * hz;

    out.impacted = false;
    out.crashedInBoost = false;
    out.apogeeAlt_m = NaN;
    out.apogeeTime_s = NaN;
    out.steps = 0;
    out.evaluations = 0;
    const sampleEvery = opts.sampleEvery_s ?? 0;
    const samples: FlightSample[] | null = sampleEvery > 0 ? [] : null;
    out.samples = samples;
    let nextSample = 0;
    const sampleBuf = new Float64Array(7);
    const rows = opts.stateRows;
    const iopts: IntegrateOptions = {
      rtol,
      atol: this.atol,
      events: [this.impactEvent],
      onStep:
        samples === null
          ? undefined
          : (_t0, t1, dense) => {
              while (nextSample <= t1 + 1e-9) {
                dense.interpolate(nextSample, sampleBuf);
                samples.push(this.sample(nextSample, sampleBuf));
                if (rows) rows.push(nextSample, ...sampleBuf.subarray(0, 6));
                nextSample += sampleEvery;
              }
            },
    };

    const cutoff = controls.cutoff_s ?? Infinity;
    const tVertical = this.spec.verticalRise_s;
    const tPitchEnd = tVertical + PITCH_OVER_s;
    let t = 0;

    // Powered flight, stage by stage, each split at pitch-program and cutoff discontinuities.
    for (let i = 0; i < this.stages.length; i++) {
      const st = this.stages[i];
      const stageEnd = t + st.burnTime_s;
      const burnEnd = Math.min(stageEnd, cutoff);
      this.thrust_N = st.thrust_N;
      this.mdot_kgps = st.mdot_kgps;
      this.refArea_m2 = st.refArea_m2;
      const segEnds = [tVertical, tPitchEnd, burnEnd];
      for (let s = 0; s < 3; s++) {
        const segEnd = Math.min(segEnds[s], burnEnd);
        if (segEnd <= t + 1e-12) continue;
        this.mode =
          t < tVertical ? Mode.Vertical : t < tPitchEnd ? Mode.PitchOver : Mode.GravityTurn;
        if (!this.segment(t, segEnd, iopts, out)) return this.crashed(out);
        t = segEnd;
      }
      if (burnEnd < stageEnd) {
        // Thrust termination: the stage and its unburned propellant separate; upper stages
        // never fire, and the payload flies on alone.
        break;
      }
      y[6] -= st.dryMass_kg;
      if (st.coastAfter_s > 0 && i < this.stages.length - 1) {
        this.thrust_N = 0;
        this.mdot_kgps = 0;
        this.mode = Mode.Coast;
        const coastEnd = t + st.coastAfter_s;
        if (!this.segment(t, coastEnd, iopts, out)) return this.crashed(out);
        t = coastEnd;
      }
    }

    // Final burnout: record it, release the reentry vehicle.
    out.burnoutTime_s = t;
    for (let k = 0; k < 6; k++) out.burnoutStateEci[k] = y[k];
    this.recordBurnout(out);
    if (opts.toBurnout) return out;

    // Free flight and reentry to impact, apogee located on the way.
    const b = this.free.fly(out.burnoutStateEci, t, this.rvBeta_kgpm2, this.freeResult, {
      rtol,
      sampleEvery_s: sampleEvery > 0 ? sampleEvery : undefined,
      sampleFrom_s: nextSample,
      stateRows: rows,
    });
    out.steps += b.steps;
    out.evaluations += b.evaluations;
    if (samples !== null && b.samples !== null) for (const smp of b.samples) samples.push(smp);
    out.apogeeTime_s = b.apogeeTime_s;
    out.apogeeAlt_m = b.apogeeAlt_m;
    if (!b.impacted) return out;
    out.impacted = true;
    out.impactTime_s = b.impactTime_s;
    out.impactLat_rad = b.impactLat_rad;
    out.impactLon_rad = b.impactLon_rad;
    out.impactSpeed_mps = b.impactSpeed_mps;
    return out;
  }

  /** Flies powered flight only and records the burnout state. */
  flyToBurnout(launch: LaunchPoint, controls: FlightControls, out: FlightResult): FlightResult {
    return this.fly(launch, controls, out, { toBurnout: true });
  }

  /** Integrates one smooth segment; false when the vehicle hit the ground. */
  private segment(t0: number, t1: number, iopts: IntegrateOptions, out: FlightResult): boolean {
    const r = this.integ.integrate(this.deriv, t0, this.y, t1, iopts, this.y);
    out.steps += r.steps + r.rejected;
    out.evaluations += r.evaluations;
    if (r.terminatedBy === 'impact') {
      this.recordImpact(r.t, out);
      return false;
    }
    return true;
  }

  private crashed(out: FlightResult): FlightResult {
    out.crashedInBoost = true;
    out.burnoutTime_s = out.impactTime_s;
    out.burnoutAlt_m = 0;
    out.burnoutSpeed_mps = NaN;
    out.burnoutFpa_rad = NaN;
    out.apogeeAlt_m = NaN;
    return out;
  }

  private recordBurnout(out: FlightResult): void {
    const s = out.burnoutStateEci;
    const r = Math.hypot(s[0], s[1], s[2]);
    const v = Math.hypot(s[3], s[4], s[5]);
    out.burnoutAlt_m = ellipsoidHeightApprox_m(s);
    out.burnoutSpeed_mps = v;
    out.burnoutFpa_rad = Math.asin((s[0] * s[3] + s[1] * s[4] + s[2] * s[5]) / (r * v));
  }

  private recordImpact(t: number, out: FlightResult): void {
    launchFrameToEcef(t, this.y, this.ecef);
    ecefToGeodetic(this.ecef, this.lla);
    out.impacted = true;
    out.impactTime_s = t;
    out.impactLat_rad = this.lla[0];
    out.impactLon_rad = this.lla[1];
    out.impactSpeed_mps = earthRelativeSpeed(this.y);
  }

  private sample(t: number, y: Float64Array): FlightSample {
    const e = launchFrameToEcef(t, y, new Float64Array(3));
    const lla = ecefToGeodetic(e, new Float64Array(3));
    const speed = earthRelativeSpeed(y);
    return {
      t_s: t,
      lat_deg: (lla[0] * 180) / Math.PI,
      lon_deg: (lla[1] * 180) / Math.PI,
      alt_km: lla[2] / 1000,
      speed_mps: speed,
    };
  }
}
