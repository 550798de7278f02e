/**
 * Precomputed interceptor fly-out fans: where an interceptor can be, and how soon, after launch.
 *
 * The interceptor (its stages, its kill vehicle as payload, its coast ballistic coefficient) is
 * flown by the flight layer's Flyer — vertical rise, pitch-over kick, gravity turn, drag, J2 —
 * over a grid of kick angles, and every trajectory is recorded as time → (ground range, altitude,
 * speed, flight-path angle). The quadrilaterals between neighbouring trajectories and sample
 * times are rasterised onto a (ground range, altitude) grid that keeps, per cell, the earliest
 * arrival time and the speed, flight-path angle and kick of that arrival. "Can the interceptor
 * be at (g, h), and when at the earliest?" is then one array lookup.
 *
 * Non-rotating, azimuth-symmetric approximation: the fan is flown from the North Pole, where
 * the Earth's rotation gives the launcher no velocity and the co-rotating air barely moves, so
 * the flight is that of a non-rotating Earth and does not depend on azimuth. Applied at a real
 * site in the Earth-fixed frame it omits the Coriolis and centrifugal terms: a displacement of
 * order ω·v·t² (≈ 0.5 km for a 60 s SAM flight, ≈ 100 km for a 600 s GBI fly-out), which the
 * kill vehicle's divert and the verification fly-out in intercept-point.ts absorb. Ground range
 * is the geocentric central angle × the mean Earth radius (the same definition as in
 * intercept-point.ts), altitude the height above the WGS-84 ellipsoid, speed the inertial
 * (= non-rotating) speed.
 *
 * Fans are pure data, built once per interceptor id and cached.
 */
import { DEG, R_MEAN_m } from '../core/constants.ts';
import { ellipsoidHeightApprox_m } from '../dynamics/drag.ts';
import { Flyer, newFlightResult, type LaunchPoint } from '../flight/flyer.ts';
import type { MissileSpec } from '../flight/missile-spec.ts';
import type { InterceptorSpec } from './interceptor-spec.ts';

/** One recorded trajectory: rows [t, g, h, speed, fpa] every `dt_s`. */
export interface FanTrajectory {
  kick_rad: number;
  burnoutTime_s: number;
  burnoutSpeed_mps: number;
  rows: Float64Array;
  n: number;
}

export interface FlyoutFan {
  interceptorId: string;
  dt_s: number;
  trajectories: FanTrajectory[];
  /** Raster extent and resolution. */
  maxGroundRange_m: number;
  maxAlt_m: number;
  ng: number;
  nh: number;
  dg_m: number;
  dh_m: number;
  /** Per cell (index ig * nh + ih): earliest arrival time (NaN: unreachable), speed, fpa, kick. */
  time_s: Float32Array;
  speed_mps: Float32Array;
  fpa_rad: Float32Array;
  kick_rad: Float32Array;
}

export interface FanPoint {
  /** Earliest time after launch at which the interceptor reaches the point. */
  time_s: number;
  speed_mps: number;
  /** Flight-path angle above the local horizontal on arrival. */
  fpa_rad: number;
  /** Kick of the (interpolated) trajectory that gets there first. */
  kick_rad: number;
}

export interface FanOptions {
  /** Number of kick angles (default 61). */
  kicks?: number;
  /** Largest kick (default 80°); the smallest is 0.25°. */
  maxKick_rad?: number;
  /** Raster cells along each axis (default 300). */
  cells?: number;
}

export const newFanPoint = (): FanPoint => ({
  time_s: NaN,
  speed_mps: NaN,
  fpa_rad: NaN,
  kick_rad: NaN,
});

/**
 * The interceptor as the Flyer's missile: its stages carry the kill vehicle to burnout, after
 * which the kill vehicle (or the burnt-out missile) coasts with the interceptor's coast β. The
 * missile class is not read by the Flyer.
 */
export function interceptorAsMissile(spec: InterceptorSpec): MissileSpec {
  return {
    id: spec.id,
    name: spec.name,
    class: 'srbm',
    approximates: spec.approximates,
    propellant: 'solid',
    stages: spec.stages,
    payload_kg: spec.killVehicle.mass_kg,
    reentryVehicle: {
      mass_kg: spec.killVehicle.mass_kg,
      ballisticCoefficient_kgpm2: spec.coastBallisticCoefficient_kgpm2,
    },
    publishedRange_km: spec.maxGroundRange_m / 1000,
    verticalRise_s: spec.verticalRise_s,
    sources: spec.sources,
  };
}

/** The North Pole: no launch velocity from the Earth's rotation (see the module comment). */
const POLE: LaunchPoint = { lat_rad: 90 * DEG, lon_rad: 0, alt_m: 0 };

/** Flies one fan trajectory and converts its inertial samples to [t, g, h, v, fpa] rows. */
function flyTrajectory(
  flyer: Flyer,
  kick_rad: number,
  dt_s: number,
  tMax_s: number,
): FanTrajectory {
  const raw: number[] = [];
  const res = flyer.fly(POLE, { azimuth_rad: Math.PI, kick_rad }, newFlightResult(), {
    sampleEvery_s: dt_s,
    stateRows: raw,
    rtol: 1e-8,
  });
  const n = Math.min(raw.length / 7, Math.floor(tMax_s / dt_s) + 1);
  const rows = new Float64Array(n * 5);
  const r0 = [raw[1], raw[2], raw[3]];
  const r0n = Math.hypot(r0[0], r0[1], r0[2]);
  for (let i = 0; i < n; i++) {
    const a = i * 7;
    const x = raw[a + 1];
    const y = raw[a + 2];
    const z = raw[a + 3];
    const vx = raw[a + 4];
    const vy = raw[a + 5];
    const vz = raw[a + 6];
    const r = Math.hypot(x, y, z);
    const v = Math.hypot(vx, vy, vz);
    const c = (x * r0[0] + y * r0[1] + z * r0[2]) / (r * r0n);
    const o = i * 5;
    rows[o] = raw[a];
    rows[o + 1] = Math.acos(Math.max(-1, Math.min(1, c))) * R_MEAN_m;
    rows[o + 2] = ellipsoidHeightApprox_m(raw.slice(a + 1, a + 4));
    rows[o + 3] = v;
    rows[o + 4] =
      v > 0 ? Math.asin(Math.max(-1, Math.min(1, (x * vx + y * vy + z * vz) / (r * v)))) : 0;
  }
  return {
    kick_rad,
    burnoutTime_s: res.burnoutTime_s,
    burnoutSpeed_mps: res.burnoutSpeed_mps,
    rows,
    n,
  };
}

/** Distance in raster cells between row o of p and row o2 of q. */
function cellDistance(
  p: Float64Array,
  o: number,
  q: Float64Array,
  o2: number,
  dg: number,
  dh: number,
): number {
  return Math.max(Math.abs(p[o + 1] - q[o2 + 1]) / dg, Math.abs(p[o + 2] - q[o2 + 2]) / dh);
}

/** Sub-steps so that neighbouring sub-points are about half a cell apart (at most 200). */
const substeps = (cells: number): number => Math.min(200, Math.ceil(2 * cells) + 1);

/** Flies the interceptor over the kick grid and rasterises the fan. */
export function buildFlyoutFan(spec: InterceptorSpec, opts: FanOptions = {}): FlyoutFan {
  const nk = opts.kicks ?? 61;
  const maxKick = opts.maxKick_rad ?? 80 * DEG;
  const cells = opts.cells ?? 300;
  const minKick = 0.25 * DEG;
  const tMax = spec.maxFlightTime_s;
  // About 400 samples per trajectory; the raster interpolates between them.
  const dt = Math.max(0.05, tMax / 400);
  const flyer = new Flyer(interceptorAsMissile(spec));
  const trajectories: FanTrajectory[] = [];
  for (let k = 0; k < nk; k++) {
    const kick = minKick + ((maxKick - minKick) * k) / (nk - 1);
    trajectories.push(flyTrajectory(flyer, kick, dt, tMax));
  }

  const maxG = spec.maxBallisticRange_m ?? spec.maxGroundRange_m;
  const maxGround = Math.max(maxG, spec.maxGroundRange_m);
  const maxH = spec.maxInterceptAlt_m;
  const ng = cells;
  const nh = cells;
  const dg = maxGround / ng;
  const dh = maxH / nh;
  const size = ng * nh;
  const fan: FlyoutFan = {
    interceptorId: spec.id,
    dt_s: dt,
    trajectories,
    maxGroundRange_m: maxGround,
    maxAlt_m: maxH,
    ng,
    nh,
    dg_m: dg,
    dh_m: dh,
    time_s: new Float32Array(size).fill(NaN),
    speed_mps: new Float32Array(size),
    fpa_rad: new Float32Array(size),
    kick_rad: new Float32Array(size),
  };

  const put = (g: number, h: number, t: number, v: number, fpa: number, kick: number): void => {
    if (!(g >= 0 && g < maxGround && h >= 0 && h < maxH)) return;
    const idx = Math.floor(g / dg) * nh + Math.floor(h / dh);
    const old = fan.time_s[idx];
    if (old === old && old <= t) return; // old is not NaN and earlier
    fan.time_s[idx] = t;
    fan.speed_mps[idx] = v;
    fan.fpa_rad[idx] = fpa;
    fan.kick_rad[idx] = kick;
  };

  // Bilinear subdivision of each quad (kick k..k+1) × (sample i..i+1), fine enough that
  // neighbouring sub-points are at most about half a cell apart.
  for (let k = 0; k < nk; k++) {
    const A = trajectories[k];
    const B = k + 1 < nk ? trajectories[k + 1] : A;
    const n = Math.min(A.n, B.n);
    for (let i = 0; i + 1 < n; i++) {
      const a0 = i * 5;
      const a1 = a0 + 5;
      // Skip quads wholly above or beyond the raster (most of a lofted trajectory).
      const minG = Math.min(A.rows[a0 + 1], A.rows[a1 + 1], B.rows[a0 + 1], B.rows[a1 + 1]);
      const minH = Math.min(A.rows[a0 + 2], A.rows[a1 + 2], B.rows[a0 + 2], B.rows[a1 + 2]);
      if (minG >= maxGround || minH >= maxH) continue;
      const ra = A.rows;
      const rb = B.rows;
      const nu = substeps(
        Math.max(cellDistance(ra, a0, rb, a0, dg, dh), cellDistance(ra, a1, rb, a1, dg, dh)),
      );
      const nv = substeps(
        Math.max(cellDistance(ra, a0, ra, a1, dg, dh), cellDistance(rb, a0, rb, a1, dg, dh)),
      );
      for (let u = 0; u <= nu; u++) {
        const su = u / nu;
        if (B === A && u > 0) break;
        const kick = A.kick_rad + su * (B.kick_rad - A.kick_rad);
        for (let v = 0; v <= nv; v++) {
          const sv = v / nv;
          const w00 = (1 - su) * (1 - sv);
          const w10 = su * (1 - sv);
          const w01 = (1 - su) * sv;
          const w11 = su * sv;
          put(
            w00 * ra[a0 + 1] + w10 * rb[a0 + 1] + w01 * ra[a1 + 1] + w11 * rb[a1 + 1],
            w00 * ra[a0 + 2] + w10 * rb[a0 + 2] + w01 * ra[a1 + 2] + w11 * rb[a1 + 2],
            w00 * ra[a0] + w10 * rb[a0] + w01 * ra[a1] + w11 * rb[a1],
            w00 * ra[a0 + 3] + w10 * rb[a0 + 3] + w01 * ra[a1 + 3] + w11 * rb[a1 + 3],
            w00 * ra[a0 + 4] + w10 * rb[a0 + 4] + w01 * ra[a1 + 4] + w11 * rb[a1 + 4],
            kick,
          );
        }
      }
    }
  }
  return fan;
}

/**
 * Earliest arrival at ground range g and altitude h (nearest raster cell); false when the
 * interceptor cannot be there within its maximum flight time or the point is off the raster.
 */
export function fanLookup(fan: FlyoutFan, g_m: number, h_m: number, out: FanPoint): boolean {
  if (!(g_m >= 0 && g_m < fan.maxGroundRange_m && h_m >= 0 && h_m < fan.maxAlt_m)) return false;
  const idx = Math.floor(g_m / fan.dg_m) * fan.nh + Math.floor(h_m / fan.dh_m);
  const t = fan.time_s[idx];
  if (t !== t) return false;
  out.time_s = t;
  out.speed_mps = fan.speed_mps[idx];
  out.fpa_rad = fan.fpa_rad[idx];
  out.kick_rad = fan.kick_rad[idx];
  return true;
}

const cache = new Map<string, FlyoutFan>();

/** The fan of an interceptor, built on first use and cached by id (fans are pure data). */
export function flyoutFan(spec: InterceptorSpec): FlyoutFan {
  let fan = cache.get(spec.id);
  if (!fan) {
    fan = buildFlyoutFan(spec);
    cache.set(spec.id, fan);
  }
  return fan;
}
