/**
 * Predicted intercept points (PIP) and engagement windows.
 *
 * Given a threat trajectory (a function t → inertial state: a sampled truth object, or a track
 * estimate propagated with two-body motion), an interceptor site and a launch window, every
 * candidate intercept time t along the threat's flight is judged: the threat's position at t in
 * the Earth-fixed frame gives a ground range g from the site and an altitude h; the interceptor's
 * fly-out fan (flyout-fan.ts) gives the earliest time of flight τ to (g, h), hence the launch
 * time t − τ. The intercept is feasible when h is within the interceptor's altitude limits, g
 * within its range limits and fan, the threat no faster than the interceptor's published target-
 * speed limit, and the launch time within the launch window. Reasons for infeasibility:
 * 'too-high', 'too-low', 'too-fast', 'outside-fan', 'too-late' (launch would have to precede
 * the window's start, or follow its end) and 'no-track' (no trajectory to engage).
 *
 * Frames: the threat's states are in the simulation inertial frame, which coincides with ECEF
 * at simulation time 0 (as in scenario/truth.ts); ECEF at time t is that frame rotated by −ωt.
 * Ground range is the geocentric central angle × the mean Earth radius, as in the fan.
 *
 * Closing speed is |v_I − v_T| (Earth-relative velocities at the PIP); the crossing angle is the
 * angle between the interceptor's velocity and the reversed threat velocity (0 = head-on).
 */
import { DEG, OMEGA_EARTH_radps, R_MEAN_m, GM_EARTH_m3ps2 } from '../core/constants.ts';
import { ellipsoidHeightApprox_m } from '../dynamics/drag.ts';
import { launchFrameToEcef } from '../flight/ballistic-flyer.ts';
import { Flyer, newFlightResult } from '../flight/flyer.ts';
import { propagateKepler } from '../flight/two-body.ts';
import { geodeticToEcef } from '../frames/wgs84.ts';
import { fanLookup, interceptorAsMissile, newFanPoint, type FlyoutFan } from './flyout-fan.ts';
import type { InterceptorSpec } from './interceptor-spec.ts';

export const INFEASIBLE_REASONS = [
  'too-late',
  'too-high',
  'too-low',
  'too-fast',
  'outside-fan',
  'no-track',
] as const;
export type InfeasibleReason = (typeof INFEASIBLE_REASONS)[number];

/** A threat trajectory: inertial states (simulation frame) between t0_s and t1_s. */
export interface ThreatTrajectory {
  t0_s: number;
  t1_s: number;
  /** Writes [r, v] at simulation time t into `out`; false outside [t0_s, t1_s]. */
  stateAt(t_s: number, out: Float64Array): boolean;
}

export interface InterceptorSite {
  lat_deg: number;
  lon_deg: number;
  alt_m?: number;
}

/** When the interceptor may be launched (simulation time). */
export interface LaunchWindow {
  from_s: number;
  to_s?: number;
}

export interface InterceptCandidate {
  /** Simulation time of the intercept. */
  time_s: number;
  feasible: boolean;
  reasons: InfeasibleReason[];
  alt_m: number;
  groundRange_m: number;
  /** Earth-relative threat speed at the PIP. */
  threatSpeed_mps: number;
  /** From the fan (NaN when the fan does not reach the point). */
  flightTime_s: number;
  launchTime_s: number;
  interceptorSpeed_mps: number;
  closingSpeed_mps: number;
  crossingAngle_rad: number;
  /** Aim: geocentric azimuth from the site to the PIP (clockwise from north) and the fan's kick. */
  azimuth_rad: number;
  kick_rad: number;
  /** The threat's Earth-fixed position at the intercept time. */
  threatPosEcef_m: [number, number, number];
}

export interface EngagementAnalysis {
  interceptorId: string;
  feasible: boolean;
  /** Seconds of the threat's trajectory during which each reason applies (a time may have several). */
  reasons: Partial<Record<InfeasibleReason, number>>;
  candidates: InterceptCandidate[];
  /** The earliest and latest feasible intercepts (the engagement window), when any. */
  earliest: InterceptCandidate | null;
  latest: InterceptCandidate | null;
  /** Lowest and highest feasible intercept altitudes. */
  altitudeBand_m: [number, number] | null;
}

export interface EngagementOptions {
  /** Spacing of candidate intercept times (default: the trajectory's duration / 400, 0.2–5 s). */
  step_s?: number;
}

/** A threat trajectory from states sampled on a uniform grid (e.g. a truth object). */
export function sampledTrajectory(
  t0_s: number,
  dt_s: number,
  states: Float64Array,
): ThreatTrajectory {
  const n = states.length / 6;
  return {
    t0_s,
    t1_s: t0_s + (n - 1) * dt_s,
    stateAt(t, out) {
      const u = (t - t0_s) / dt_s;
      if (!(u >= 0 && u <= n - 1) || n < 2) return false;
      const i = Math.min(Math.floor(u), n - 2);
      const s = u - i;
      const a = i * 6;
      const b = a + 6;
      // Cubic Hermite in position (with the sampled velocities), linear in velocity.
      const s2 = s * s;
      const s3 = s2 * s;
      const h00 = 2 * s3 - 3 * s2 + 1;
      const h10 = s3 - 2 * s2 + s;
      const h01 = -2 * s3 + 3 * s2;
      const h11 = s3 - s2;
      for (let k = 0; k < 3; k++) {
        out[k] =
          h00 * states[a + k] +
          h10 * dt_s * states[a + 3 + k] +
          h01 * states[b + k] +
          h11 * dt_s * states[b + 3 + k];
        out[3 + k] = (1 - s) * states[a + 3 + k] + s * states[b + 3 + k];
      }
      return true;
    },
  };
}

/**
 * A threat trajectory from one state estimate (e.g. a track) propagated with two-body motion
 * (exo-atmospheric midcourse; drag and J2 ignored) from t0_s to t1_s.
 */
export function keplerTrajectory(
  state: ArrayLike<number>,
  t0_s: number,
  t1_s: number,
): ThreatTrajectory {
  const r0 = Float64Array.of(state[0], state[1], state[2]);
  const v0 = Float64Array.of(state[3], state[4], state[5]);
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  return {
    t0_s,
    t1_s,
    stateAt(t, out) {
      if (!(t >= t0_s && t <= t1_s)) return false;
      if (!propagateKepler(r0, v0, t - t0_s, GM_EARTH_m3ps2, r, v)) return false;
      out.set(r, 0);
      out.set(v, 3);
      return true;
    },
  };
}

/** Earth-fixed position and Earth-relative velocity of an inertial state at simulation time t. */
export function inertialToEcef(t_s: number, s: ArrayLike<number>, out: Float64Array): Float64Array {
  const th = OMEGA_EARTH_radps * t_s;
  const c = Math.cos(th);
  const sn = Math.sin(th);
  const vx = s[3] + OMEGA_EARTH_radps * s[1];
  const vy = s[4] - OMEGA_EARTH_radps * s[0];
  out[0] = c * s[0] + sn * s[1];
  out[1] = -sn * s[0] + c * s[1];
  out[2] = s[2];
  out[3] = c * vx + sn * vy;
  out[4] = -sn * vx + c * vy;
  out[5] = s[5];
  return out;
}

/** Site position in ECEF. */
export function siteEcef(site: InterceptorSite, out = new Float64Array(3)): Float64Array {
  return geodeticToEcef(site.lat_deg * DEG, site.lon_deg * DEG, site.alt_m ?? 0, out);
}

/** Geocentric central angle between two ECEF positions. */
function centralAngle(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const cx = a[1] * b[2] - a[2] * b[1];
  const cy = a[2] * b[0] - a[0] * b[2];
  const cz = a[0] * b[1] - a[1] * b[0];
  return Math.atan2(Math.hypot(cx, cy, cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
}

/**
 * Judges one candidate intercept time. Returns null when the trajectory has no state there.
 */
export function judgeIntercept(
  spec: InterceptorSpec,
  fan: FlyoutFan,
  site: InterceptorSite,
  threat: ThreatTrajectory,
  window: LaunchWindow,
  t_s: number,
): InterceptCandidate | null {
  const st = new Float64Array(6);
  if (!threat.stateAt(t_s, st)) return null;
  const e = inertialToEcef(t_s, st, new Float64Array(6));
  const s = siteEcef(site);
  const p = e.subarray(0, 3);
  const vT = e.subarray(3, 6);
  const g = centralAngle(s, p) * R_MEAN_m;
  const h = ellipsoidHeightApprox_m(p);
  const vTn = Math.hypot(vT[0], vT[1], vT[2]);
  const reasons: InfeasibleReason[] = [];
  if (h > spec.maxInterceptAlt_m) reasons.push('too-high');
  if (h < spec.minInterceptAlt_m) reasons.push('too-low');
  if (spec.maxTargetSpeed_mps !== undefined && vTn > spec.maxTargetSpeed_mps)
    reasons.push('too-fast');
  const maxG = Math.min(spec.maxGroundRange_m, spec.maxBallisticRange_m ?? Infinity);
  const fp = newFanPoint();
  let reach = false;
  if (g > maxG || g < spec.minGroundRange_m) reasons.push('outside-fan');
  else if (!(reach = fanLookup(fan, g, Math.max(0, h), fp))) {
    if (!reasons.includes('too-high')) reasons.push('outside-fan');
  }
  const launch = reach ? t_s - fp.time_s : NaN;
  if (reach && (launch < window.from_s || launch > (window.to_s ?? Infinity)))
    reasons.push('too-late');

  // Aim and interceptor velocity: along the great circle from the site through the PIP.
  const sn = Math.hypot(s[0], s[1], s[2]);
  const pn = Math.hypot(p[0], p[1], p[2]);
  const up = [p[0] / pn, p[1] / pn, p[2] / pn];
  let nx = s[1] * p[2] - s[2] * p[1];
  let ny = s[2] * p[0] - s[0] * p[2];
  let nz = s[0] * p[1] - s[1] * p[0];
  const nn = Math.hypot(nx, ny, nz);
  let horiz = [0, 0, 0];
  if (nn > 1e-9 * sn * pn) {
    nx /= nn;
    ny /= nn;
    nz /= nn;
    // n × up points away from the site along the great circle at the PIP.
    horiz = [ny * up[2] - nz * up[1], nz * up[0] - nx * up[2], nx * up[1] - ny * up[0]];
  }
  // Azimuth at the site: direction toward the PIP in the site's north/east frame.
  const lat = site.lat_deg * DEG;
  const lon = site.lon_deg * DEG;
  const north = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
  const east = [-Math.sin(lon), Math.cos(lon), 0];
  const d = [p[0] - s[0], p[1] - s[1], p[2] - s[2]];
  const azimuth = Math.atan2(
    d[0] * east[0] + d[1] * east[1] + d[2] * east[2],
    d[0] * north[0] + d[1] * north[1] + d[2] * north[2],
  );
  let closing = NaN;
  let crossing = NaN;
  if (reach) {
    const c = Math.cos(fp.fpa_rad);
    const sf = Math.sin(fp.fpa_rad);
    const vI = [0, 1, 2].map((k) => fp.speed_mps * (c * horiz[k] + sf * up[k]));
    closing = Math.hypot(vI[0] - vT[0], vI[1] - vT[1], vI[2] - vT[2]);
    const dotv = -(vI[0] * vT[0] + vI[1] * vT[1] + vI[2] * vT[2]);
    crossing = Math.acos(Math.max(-1, Math.min(1, dotv / (fp.speed_mps * vTn))));
  }
  return {
    time_s: t_s,
    feasible: reasons.length === 0,
    reasons,
    alt_m: h,
    groundRange_m: g,
    threatSpeed_mps: vTn,
    flightTime_s: reach ? fp.time_s : NaN,
    launchTime_s: launch,
    interceptorSpeed_mps: reach ? fp.speed_mps : NaN,
    closingSpeed_mps: closing,
    crossingAngle_rad: crossing,
    azimuth_rad: azimuth < 0 ? azimuth + 2 * Math.PI : azimuth,
    kick_rad: reach ? fp.kick_rad : NaN,
    threatPosEcef_m: [p[0], p[1], p[2]],
  };
}

/**
 * The engagement window of one interceptor site against one threat trajectory: every candidate
 * intercept time judged, the earliest and latest feasible ones, and how long each reason rules
 * intercepts out.
 */
export function analyseEngagement(
  spec: InterceptorSpec,
  fan: FlyoutFan,
  site: InterceptorSite,
  threat: ThreatTrajectory | null,
  window: LaunchWindow,
  opts: EngagementOptions = {},
): EngagementAnalysis {
  const none: EngagementAnalysis = {
    interceptorId: spec.id,
    feasible: false,
    reasons: { 'no-track': 0 },
    candidates: [],
    earliest: null,
    latest: null,
    altitudeBand_m: null,
  };
  if (!threat || !(threat.t1_s > threat.t0_s)) return none;
  const span = threat.t1_s - threat.t0_s;
  const step = opts.step_s ?? Math.min(5, Math.max(0.2, span / 400));
  const n = Math.floor(span / step) + 1;
  const reasons: Partial<Record<InfeasibleReason, number>> = {};
  const candidates: InterceptCandidate[] = [];
  let earliest: InterceptCandidate | null = null;
  let latest: InterceptCandidate | null = null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = Math.min(threat.t1_s, threat.t0_s + i * step);
    const c = judgeIntercept(spec, fan, site, threat, window, t);
    if (!c) continue;
    candidates.push(c);
    for (const r of c.reasons) reasons[r] = (reasons[r] ?? 0) + step;
    if (c.feasible) {
      earliest ??= c;
      latest = c;
      lo = Math.min(lo, c.alt_m);
      hi = Math.max(hi, c.alt_m);
    }
  }
  if (candidates.length === 0) return none;
  return {
    interceptorId: spec.id,
    feasible: earliest !== null,
    reasons,
    candidates,
    earliest,
    latest,
    altitudeBand_m: earliest ? [lo, hi] : null,
  };
}

/** The predicted intercept point: the earliest feasible intercept, or null. */
export function predictInterceptPoint(
  spec: InterceptorSpec,
  fan: FlyoutFan,
  site: InterceptorSite,
  threat: ThreatTrajectory | null,
  window: LaunchWindow,
  opts: EngagementOptions = {},
): InterceptCandidate | null {
  return analyseEngagement(spec, fan, site, threat, window, opts).earliest;
}

export interface InterceptVerification {
  /** Miss at the intercept time flying the fan's aim (azimuth, kick, time of flight) unguided. */
  fanMiss_m: number;
  /** Miss after the booster's guidance corrects azimuth, kick and launch time (Gauss–Newton). */
  guidedMiss_m: number;
  guidedAzimuth_rad: number;
  guidedKick_rad: number;
  guidedFlightTime_s: number;
  burnoutTime_s: number;
  /** The kill vehicle's reach: divert × (intercept time − burnout time). */
  divertReach_m: number;
  /** Iterations of the guidance solve. */
  iterations: number;
}

/**
 * Verifies a PIP by flying the interceptor with the full flight model (rotating Earth, drag, J2)
 * from the site and comparing its Earth-fixed position at the intercept time with the threat's.
 * First the fan's aim as is (the fan's non-rotating approximation and raster resolution show up
 * as `fanMiss_m`), then with the aim corrected by Gauss–Newton steps on (azimuth, kick, time of
 * flight) — the booster guidance a real interceptor flies, leaving the kill vehicle's divert for
 * the rest.
 */
export function verifyIntercept(
  spec: InterceptorSpec,
  site: InterceptorSite,
  pip: InterceptCandidate,
  maxIterations = 8,
): InterceptVerification {
  const flyer = new Flyer(interceptorAsMissile(spec));
  const launch = {
    lat_rad: site.lat_deg * DEG,
    lon_rad: site.lon_deg * DEG,
    alt_m: site.alt_m ?? 0,
  };
  const target = pip.threatPosEcef_m;
  const res = newFlightResult();
  const pos = new Float64Array(3);
  const rows: number[] = [];
  /** Residual P_I(τ) − P_T in ECEF, and the interceptor's Earth-relative velocity there. */
  const residual = (az: number, kick: number, tof: number, vel?: Float64Array): number[] => {
    rows.length = 0;
    flyer.fly(launch, { azimuth_rad: az, kick_rad: kick }, res, {
      sampleEvery_s: tof,
      stateRows: rows,
    });
    if (rows.length < 14) return [NaN, NaN, NaN];
    const st = rows.slice(8, 14);
    launchFrameToEcef(tof, st, pos);
    if (vel) {
      const e = inertialToEcef(tof, st, new Float64Array(6));
      vel.set(e.subarray(3, 6));
    }
    return [pos[0] - target[0], pos[1] - target[1], pos[2] - target[2]];
  };
  let az = pip.azimuth_rad;
  let kick = pip.kick_rad;
  let tof = pip.flightTime_s;
  const vel = new Float64Array(3);
  let r = residual(az, kick, tof, vel);
  const fanMiss = Math.hypot(r[0], r[1], r[2]);
  const burnout = res.burnoutTime_s;
  let it = 0;
  for (; it < maxIterations; it++) {
    const miss = Math.hypot(r[0], r[1], r[2]);
    if (!(miss > 1)) break;
    const dA = 1e-4;
    const dK = 1e-4;
    const ra = residual(az + dA, kick, tof);
    const rk = residual(az, kick + dK, tof);
    const J = [0, 1, 2].map((i) => [(ra[i] - r[i]) / dA, (rk[i] - r[i]) / dK, vel[i]]);
    const step = solve3(J, [-r[0], -r[1], -r[2]]);
    if (!step) break;
    // Damped: never more than 2° of azimuth or kick, or 20 % of the flight time, per step.
    const lim = Math.max(
      Math.abs(step[0]) / (2 * DEG),
      Math.abs(step[1]) / (2 * DEG),
      Math.abs(step[2]) / (0.2 * tof),
      1,
    );
    let accepted = false;
    for (let f = 1 / lim; f > 1e-3; f /= 2) {
      const nAz = az + f * step[0];
      const nK = Math.max(0.01 * DEG, kick + f * step[1]);
      const nT = Math.max(1, tof + f * step[2]);
      const nv = new Float64Array(3);
      const nr = residual(nAz, nK, nT, nv);
      if (Math.hypot(nr[0], nr[1], nr[2]) < miss) {
        az = nAz;
        kick = nK;
        tof = nT;
        r = nr;
        vel.set(nv);
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  return {
    fanMiss_m: fanMiss,
    guidedMiss_m: Math.hypot(r[0], r[1], r[2]),
    guidedAzimuth_rad: az,
    guidedKick_rad: kick,
    guidedFlightTime_s: tof,
    burnoutTime_s: burnout,
    divertReach_m: spec.killVehicle.divert_mps * Math.max(0, pip.flightTime_s - burnout),
    iterations: it,
  };
}

/** Solves a 3×3 linear system by Cramer's rule; null when singular. */
function solve3(A: number[][], b: number[]): number[] | null {
  const det = (m: number[][]): number =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const d = det(A);
  if (!(Math.abs(d) > 0) || !Number.isFinite(d)) return null;
  return [0, 1, 2].map((c) => det(A.map((row, i) => row.map((x, j) => (j === c ? b[i] : x)))) / d);
}
