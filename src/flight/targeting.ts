/**
 * Aims a missile at a point on the rotating ellipsoidal Earth with the full force model.
 *
 * Controls: launch azimuth, pitch-over kick and (for energy management) thrust-termination time.
 * Shapes:
 * - `min-energy`: the burnout state lies on the minimum-energy free-flight ellipse for its
 *   range (flight-path angle φ = ¼(π − Ψ) for the burnout Q, Bate, Mueller & White, "Fundamentals
 *   of Astrodynamics", 1971, §6.2), and thrust is terminated when the range is reached. At
 *   maximum range this is the full-burn, range-maximising trajectory.
 * - `lofted` / `depressed`: full burn, with the kick that reaches the target on the high or the
 *   low branch of range-versus-kick (the two trajectories a fixed-energy missile has to any
 *   range short of its maximum).
 * - `{ apogee_m }`: thrust terminated and kick chosen so that the vacuum apogee of the burnout
 *   state is the given one (lofted above the minimum-energy apogee, depressed below).
 *
 * The solve is nested so that most trial flights stop at burnout: for a thrust-termination time,
 * the kick is found from the burnout state alone (shape condition), and each full flight to
 * impact corrects the termination time (downrange miss) and the azimuth (crossrange miss).
 */
import { AspisError } from '../core/errors.ts';
import { GM_EARTH_m3ps2 } from '../core/constants.ts';
import { geodesicInverse } from '../frames/geodesic.ts';
import {
  Flyer,
  PITCH_OVER_s,
  newFlightResult,
  type FlightResult,
  type LaunchPoint,
} from './flyer.ts';

export type TrajectoryShape = 'min-energy' | 'lofted' | 'depressed' | { apogee_m: number };

export interface AimPoint {
  lat_rad: number;
  lon_rad: number;
}

export interface TargetingSolution {
  azimuth_rad: number;
  kick_rad: number;
  /** Thrust-termination time; Infinity for a full burn. */
  cutoff_s: number;
  flight: FlightResult;
  miss_m: number;
  /** Flights to burnout and to impact used by the solve. */
  boostFlights: number;
  fullFlights: number;
}

const DEG = Math.PI / 180;
const KICK_MIN = 0.05 * DEG;
const KICK_MAX = 75 * DEG;
/** Stop once the impact is this close to the aim point. */
const MISS_TOL_m = 25;

/** Unit vector of a geodetic point, on a sphere: enough to split misses into down/crossrange. */
function unit(lat: number, lon: number, out: Float64Array): Float64Array {
  out[0] = Math.cos(lat) * Math.cos(lon);
  out[1] = Math.cos(lat) * Math.sin(lon);
  out[2] = Math.sin(lat);
  return out;
}

/**
 * Downrange and crossrange miss angles (rad) of an impact relative to the aim point, in the
 * plane through the launch point and the aim point.
 */
export function missAngles(
  launch: AimPoint,
  aim: AimPoint,
  impactLat: number,
  impactLon: number,
): { down: number; cross: number; range: number } {
  const l = unit(launch.lat_rad, launch.lon_rad, new Float64Array(3));
  const t = unit(aim.lat_rad, aim.lon_rad, new Float64Array(3));
  const i = unit(impactLat, impactLon, new Float64Array(3));
  const n = new Float64Array([
    l[1] * t[2] - l[2] * t[1],
    l[2] * t[0] - l[0] * t[2],
    l[0] * t[1] - l[1] * t[0],
  ]);
  const nn = Math.hypot(n[0], n[1], n[2]);
  const range = Math.atan2(nn, l[0] * t[0] + l[1] * t[1] + l[2] * t[2]);
  const cross = Math.asin(
    Math.max(-1, Math.min(1, (i[0] * n[0] + i[1] * n[1] + i[2] * n[2]) / nn)),
  );
  // Downrange angle of the impact's projection onto the launch–aim plane.
  const ip = [
    i[0] - (n[0] / nn) * Math.sin(cross),
    i[1] - (n[1] / nn) * Math.sin(cross),
    i[2] - (n[2] / nn) * Math.sin(cross),
  ];
  const tperp = [n[1] * l[2] - n[2] * l[1], n[2] * l[0] - n[0] * l[2], n[0] * l[1] - n[1] * l[0]];
  const downImpact = Math.atan2(
    (ip[0] * tperp[0] + ip[1] * tperp[1] + ip[2] * tperp[2]) / nn,
    ip[0] * l[0] + ip[1] * l[1] + ip[2] * l[2],
  );
  return { down: downImpact - range, cross, range };
}

/** Shape residual of a burnout state: zero when the burnout state has the wanted shape. */
function shapeResidual(shape: TrajectoryShape, s: Float64Array, burnoutAlt_m: number): number {
  const r = Math.hypot(s[0], s[1], s[2]);
  const v2 = s[3] * s[3] + s[4] * s[4] + s[5] * s[5];
  const fpa = Math.asin((s[0] * s[3] + s[1] * s[4] + s[2] * s[5]) / (r * Math.sqrt(v2)));
  if (shape === 'min-energy') {
    // BMW §6.2: the maximum free-flight range for Q = v²r/μ has sin(Ψ/2) = Q/(2−Q), φ = (π−Ψ)/4.
    const Q = (v2 * r) / GM_EARTH_m3ps2;
    if (Q >= 1) return fpa - Math.PI / 4; // escape-class energy: never the case for these missiles
    const psi = 2 * Math.asin(Q / (2 - Q));
    return fpa - (Math.PI - psi) / 4;
  }
  if (typeof shape === 'object') {
    const energy = v2 / 2 - GM_EARTH_m3ps2 / r;
    const a = -GM_EARTH_m3ps2 / (2 * energy);
    const h = r * Math.sqrt(v2) * Math.cos(fpa);
    const e = Math.sqrt(Math.max(0, 1 - (h * h) / (GM_EARTH_m3ps2 * a)));
    const rApo = a * (1 + e);
    // Compare heights above the local radius at burnout (a sphere through the burnout point's
    // Earth radius), which is what "apogee altitude" means to the analyst to within ~20 km·f.
    return rApo - (r - burnoutAlt_m) - shape.apogee_m;
  }
  return 0;
}

/** Bracketed secant (Illinois) on a scalar function over [a, b] with fa, fb of opposite sign. */
function illinois(
  f: (x: number) => number,
  a: number,
  fa: number,
  b: number,
  fb: number,
  xtol: number,
  maxIter = 40,
): number {
  let side = 0;
  let x = b;
  for (let k = 0; k < maxIter; k++) {
    x = (a * fb - b * fa) / (fb - fa);
    if (!(x > Math.min(a, b) && x < Math.max(a, b))) x = (a + b) / 2;
    const fx = f(x);
    if (fx === 0 || Math.abs(b - a) < xtol) return x;
    if (fx * fb > 0) {
      b = x;
      fb = fx;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = x;
      fa = fx;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return x;
}

/** Golden-section maximisation of f on [a, b]. */
function goldenMax(
  f: (x: number) => number,
  a: number,
  b: number,
  xtol: number,
): { x: number; f: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > xtol) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return fc > fd ? { x: c, f: fc } : { x: d, f: fd };
}

export class Targeter {
  private readonly flyer: Flyer;
  private readonly res: FlightResult = newFlightResult();
  boostFlights = 0;
  fullFlights = 0;

  constructor(flyer: Flyer) {
    this.flyer = flyer;
  }

  private fullBurnTime(): number {
    return this.flyer.spec.stages.reduce(
      (a, s, i, all) => a + s.burnTime_s + (i < all.length - 1 ? (s.coastAfter_s ?? 0) : 0),
      0,
    );
  }

  /** Ground range (central angle, rad) of a flight with the given controls; −1 if it crashed. */
  private rangeAngle(launch: LaunchPoint, az: number, kick: number, cutoff: number): number {
    this.fullFlights++;
    const r = this.flyer.fly(
      launch,
      { azimuth_rad: az, kick_rad: kick, cutoff_s: cutoff },
      this.res,
    );
    if (!r.impacted || r.crashedInBoost) return -1;
    const a = unit(launch.lat_rad, launch.lon_rad, new Float64Array(3));
    const b = unit(r.impactLat_rad, r.impactLon_rad, new Float64Array(3));
    return Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])));
  }

  /**
   * The kick that gives the wanted burnout shape for a termination time, by bracketing on
   * burnout flights only. Returns NaN when no kick does.
   */
  private kickForShape(
    launch: LaunchPoint,
    az: number,
    cutoff: number,
    shape: TrajectoryShape,
    guess: number,
  ): number {
    const f = (kick: number): number => {
      this.boostFlights++;
      const r = this.flyer.flyToBurnout(
        launch,
        { azimuth_rad: az, kick_rad: kick, cutoff_s: cutoff },
        this.res,
      );
      if (r.crashedInBoost) return -1; // far too flat: treat as "too low"
      return shapeResidual(shape, r.burnoutStateEci, r.burnoutAlt_m);
    };
    // The residual falls as the kick grows (flatter flight). Bracket outward from the guess.
    let a = Math.max(KICK_MIN, guess * 0.8);
    let b = Math.min(KICK_MAX, guess * 1.25);
    let fa = f(a);
    let fb = f(b);
    for (let k = 0; k < 12 && fa * fb > 0; k++) {
      if (fa < 0) {
        // Both too flat: smaller kicks.
        if (a <= KICK_MIN) return NaN;
        b = a;
        fb = fa;
        a = Math.max(KICK_MIN, a / 2);
        fa = f(a);
      } else {
        if (b >= KICK_MAX) return NaN;
        a = b;
        fa = fb;
        b = Math.min(KICK_MAX, b * 2);
        fb = f(b);
      }
    }
    if (fa * fb > 0) return NaN;
    return illinois(f, a, fa, b, fb, 1e-7);
  }

  /**
   * Maximum ground range (central angle, rad) at full burn along an azimuth, and the kick that
   * achieves it.
   */
  maxRange(
    launch: LaunchPoint,
    az: number,
  ): { kick_rad: number; range_rad: number; flight: FlightResult } {
    const full = Infinity;
    // The range-maximising kick lies near the one that puts the full-burn burnout state on its
    // minimum-energy ellipse; long-burning liquids want a degree or two, short solids tens.
    const k0 = this.kickForShape(launch, az, full, 'min-energy', 10 * DEG);
    const lo = Number.isNaN(k0) ? KICK_MIN : Math.max(KICK_MIN, 0.6 * k0);
    const hi = Number.isNaN(k0) ? KICK_MAX : Math.min(KICK_MAX, 1.6 * k0);
    const best = goldenMax(
      (k) => this.rangeAngle(launch, az, k, full),
      lo,
      hi,
      1e-4 * (hi - lo) + 1e-5,
    );
    const flight = this.flyer.fly(
      launch,
      { azimuth_rad: az, kick_rad: best.x, cutoff_s: full },
      newFlightResult(),
    );
    this.fullFlights++;
    return { kick_rad: best.x, range_rad: best.f, flight };
  }

  /** Flies the controls and returns the residuals [down, cross, shape] (rad-scaled). */
  private residuals(
    launch: LaunchPoint,
    aim: AimPoint,
    shape: TrajectoryShape,
    u: Float64Array,
    out: Float64Array,
  ): boolean {
    this.fullFlights++;
    const cutoff = u[2] >= this.fullBurnTime() ? Infinity : u[2];
    const r = this.flyer.fly(
      launch,
      { azimuth_rad: u[0], kick_rad: u[1], cutoff_s: cutoff },
      this.res,
    );
    if (!r.impacted || r.crashedInBoost) return false;
    const m = missAngles(launch, aim, r.impactLat_rad, r.impactLon_rad);
    out[0] = m.down;
    out[1] = m.cross;
    // Apogee residuals in metres are scaled to radians of Earth arc to keep the system balanced.
    const sr = shapeResidual(shape, r.burnoutStateEci, r.burnoutAlt_m);
    out[2] = typeof shape === 'object' ? sr / 6.371e6 : sr;
    const miss = geodesicInverse(
      (r.impactLat_rad * 180) / Math.PI,
      (r.impactLon_rad * 180) / Math.PI,
      (aim.lat_rad * 180) / Math.PI,
      (aim.lon_rad * 180) / Math.PI,
    ).distance_m;
    if (this.best === null || miss < this.best.miss_m) {
      this.best = {
        azimuth_rad: u[0],
        kick_rad: u[1],
        cutoff_s: cutoff,
        flight: cloneResult(r),
        miss_m: miss,
        boostFlights: 0,
        fullFlights: 0,
      };
    }
    return true;
  }

  private best: TargetingSolution | null = null;

  /**
   * Solves for the controls that put the reentry vehicle on the aim point. Throws an input
   * AspisError naming the maximum range when the aim point is out of reach.
   */
  solve(
    launch: LaunchPoint,
    aim: AimPoint,
    shape: TrajectoryShape,
    where = 'target',
  ): TargetingSolution {
    this.boostFlights = 0;
    this.fullFlights = 0;
    this.best = null;
    const geo = geodesicInverse(
      (launch.lat_rad * 180) / Math.PI,
      (launch.lon_rad * 180) / Math.PI,
      (aim.lat_rad * 180) / Math.PI,
      (aim.lon_rad * 180) / Math.PI,
    );
    if (geo.distance_m < 20e3) {
      throw new AspisError({
        path: where,
        expected: 'an aim point at least 20 km from the launch point',
        got: `${(geo.distance_m / 1000).toFixed(1)} km`,
      });
    }
    const tFull = this.fullBurnTime();
    const az0 = geo.azi1_deg * DEG;
    const targetRange = missAngles(launch, aim, aim.lat_rad, aim.lon_rad).range;

    // The full-burn, minimum-energy kick: close to the range-maximising one, found from burnout
    // states alone. It seeds every shape and tells whether the aim point is in reach.
    const kFull = this.kickForShape(launch, az0, Infinity, 'min-energy', 10 * DEG);
    if (Number.isNaN(kFull)) {
      throw new AspisError({
        kind: 'runtime',
        expected: 'a pitch program reaching orbit-class speeds',
        got: 'none',
      });
    }
    const u = new Float64Array(3);
    const f = new Float64Array(3);
    u[0] = az0;
    u[1] = kFull;
    u[2] = tFull;
    if (!this.residuals(launch, aim, 'min-energy', u, f) || f[0] < -0.002 * targetRange) {
      const reach = f[0] + targetRange;
      throw new AspisError({
        path: where,
        expected: `an aim point within the reach of ${this.flyer.spec.id} (about ${(
          reach * 6371
        ).toFixed(0)} km on a minimum-energy trajectory with ${this.flyer.payload_kg} kg payload)`,
        got: `${(geo.distance_m / 1000).toFixed(0)} km away`,
      });
    }

    if (shape === 'lofted' || shape === 'depressed') {
      // Full burn: solve (azimuth, kick) on the chosen branch of range versus kick.
      u[1] = shape === 'lofted' ? kFull * 0.7 : Math.min(KICK_MAX, kFull * 1.3);
      const lo = shape === 'lofted' ? KICK_MIN : kFull;
      const hi = shape === 'lofted' ? kFull : KICK_MAX;
      this.newton(launch, aim, shape, u, 2, [lo, hi]);
    } else {
      // Energy-managed shapes: terminate thrust a little before full burn so that the
      // termination time has a two-sided derivative, then solve all three controls.
      u[2] = tFull - 1;
      this.newton(launch, aim, shape, u, 3, [KICK_MIN, KICK_MAX]);
    }
    const sol = this.finish(this.best);
    if (typeof shape === 'object' && sol.miss_m > 1000) {
      throw new AspisError({
        path: where,
        expected: `an apogee that lets ${this.flyer.spec.id} reach the aim point`,
        got: `${(shape.apogee_m / 1000).toFixed(0)} km`,
      });
    }
    return sol;
  }

  /**
   * Damped Newton on n controls (azimuth, kick[, termination time]) with a finite-difference
   * Jacobian refreshed every iteration (the problem is small and smooth; each column is one
   * flight).
   */
  private newton(
    launch: LaunchPoint,
    aim: AimPoint,
    shape: TrajectoryShape,
    u: Float64Array,
    n: 2 | 3,
    kickBounds: [number, number],
  ): void {
    const tFull = this.fullBurnTime();
    const tMin = this.flyer.spec.verticalRise_s + PITCH_OVER_s + 5;
    const f = new Float64Array(3);
    const fp = new Float64Array(3);
    const up = new Float64Array(3);
    const J = new Float64Array(9);
    const steps = [1e-4, 1e-4, 0.05];
    if (!this.residuals(launch, aim, shape, u, f)) return;
    for (let iter = 0; iter < 12; iter++) {
      if (this.best !== null && this.best.miss_m < MISS_TOL_m) return;
      for (let j = 0; j < n; j++) {
        up.set(u);
        const h = j === 2 && u[2] + steps[2] > tFull ? -steps[2] : steps[j];
        up[j] += h;
        if (!this.residuals(launch, aim, shape, up, fp)) return;
        for (let i = 0; i < n; i++) J[i * 3 + j] = (fp[i] - f[i]) / h;
      }
      const du = solveSmall(J, f, n);
      if (du === null) return;
      // Damp: limit the kick step to 5° and the termination step to 20 s; halve until the
      // residual norm falls.
      let lambda = 1;
      const kickStep = Math.abs(du[1]);
      if (kickStep > 5 * DEG) lambda = Math.min(lambda, (5 * DEG) / kickStep);
      if (n === 3 && Math.abs(du[2]) > 20) lambda = Math.min(lambda, 20 / Math.abs(du[2]));
      const norm0 = normN(f, n);
      let accepted = false;
      for (let k = 0; k < 6; k++) {
        up.set(u);
        for (let j = 0; j < n; j++) up[j] -= lambda * du[j];
        up[1] = Math.min(kickBounds[1], Math.max(kickBounds[0], up[1]));
        if (n === 3) up[2] = Math.min(tFull, Math.max(tMin, up[2]));
        if (this.residuals(launch, aim, shape, up, fp) && normN(fp, n) < norm0) {
          u.set(up);
          f.set(fp);
          accepted = true;
          break;
        }
        lambda /= 2;
      }
      if (!accepted) return;
    }
  }

  private finish(best: TargetingSolution | null): TargetingSolution {
    if (best === null) {
      throw new AspisError({
        kind: 'runtime',
        expected: 'a converged targeting solution',
        got: 'none',
      });
    }
    best.boostFlights = this.boostFlights;
    best.fullFlights = this.fullFlights;
    return best;
  }
}

function cloneResult(r: FlightResult): FlightResult {
  return { ...r, burnoutStateEci: Float64Array.from(r.burnoutStateEci), samples: r.samples };
}

function normN(f: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += f[i] * f[i];
  return Math.sqrt(s);
}

/** Solves J·x = f for n ≤ 3 by Gaussian elimination with partial pivoting; null if singular. */
function solveSmall(J: Float64Array, f: Float64Array, n: number): Float64Array | null {
  const a = new Float64Array(12);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i * 4 + j] = J[i * 3 + j];
    a[i * 4 + 3] = f[i];
  }
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * 4 + c]) > Math.abs(a[p * 4 + c])) p = r;
    if (Math.abs(a[p * 4 + c]) < 1e-300) return null;
    if (p !== c) {
      for (let k = 0; k < 4; k++) {
        const t = a[c * 4 + k];
        a[c * 4 + k] = a[p * 4 + k];
        a[p * 4 + k] = t;
      }
    }
    for (let r = c + 1; r < n; r++) {
      const m = a[r * 4 + c] / a[c * 4 + c];
      for (let k = c; k < 4; k++) a[r * 4 + k] -= m * a[c * 4 + k];
    }
  }
  const x = new Float64Array(3);
  for (let i = n - 1; i >= 0; i--) {
    let s = a[i * 4 + 3];
    for (let k = i + 1; k < n; k++) s -= a[i * 4 + k] * x[k];
    x[i] = s / a[i * 4 + i];
  }
  return x;
}
