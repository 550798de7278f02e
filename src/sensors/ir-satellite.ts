/**
 * Infrared early-warning satellites (DSP-, SBIRS-like) in geostationary or highly elliptical
 * (Molniya-like) orbit, and stereo triangulation of their lines of sight.
 *
 * Visibility model (APS, "Report of the APS Study Group on Boost-Phase Intercept Systems for
 * National Missile Defense", Rev. Mod. Phys. 76, S1, 2004 (the 2003 study), ch. 6–7; Forden,
 * "Reducing a common danger: improving Russia's early-warning system", Cato Policy Analysis 399,
 * 2001, app. on DSP; Sessler et al., "Countermeasures", 2000, ch. 3):
 * - only the boost-phase plume is bright enough: the caller says whether it is burning, and
 *   burnout ends detection;
 * - short-wave IR (2.7 µm / 4.3 µm) is absorbed by water vapour and CO2 in the lower
 *   atmosphere, so a launch is first seen once the plume rises above the cloud tops, typically
 *   ~10 km (default cloudTopAlt_m; APS 2004 §6 uses detection a few tens of seconds after launch
 *   for that reason);
 * - looking down, the target is seen against the Earth; looking across the limb, the line of
 *   sight must pass above the Earth plus an absorbing-atmosphere margin (default 50 km, the
 *   height below which 4.3 µm limb paths are opaque: the CO2 band is optically thick to
 *   ~40–60 km on tangent paths);
 * - within the sensor's field of regard about nadir (GEO sees the whole disk within 8.7°).
 * Measurement: azimuth and elevation in a satellite frame F with +y toward nadir (boresight),
 * +x east-ish (y × ẑ_ECI), +z = x × y (north-ish); angles are near zero around nadir, so no
 * singularity where the sensor looks. Noise: stated line-of-sight accuracy σ per axis.
 */
import type { Detection } from '../core/detection.ts';
import type { RandomStream } from '../core/random.ts';
import { GM_EARTH_m3ps2, OMEGA_EARTH_radps, WGS84_A_m, WGS84_B_m } from '../core/constants.ts';
import { ecefToGeodetic } from '../frames/wgs84.ts';
import { ecefFromEci, eciFromEcef } from '../frames/eci-ecef.ts';

/** Geostationary radius (GM/ω²)^(1/3) = 42,164.17 km from the WGS-84 constants. */
export const GEO_RADIUS_m = Math.cbrt(GM_EARTH_m3ps2 / (OMEGA_EARTH_radps * OMEGA_EARTH_radps));

export interface IrSensorParams {
  /** 1-σ line-of-sight accuracy per axis. */
  losAccuracy_rad: number;
  /** Time between looks at a point (scan period for a scanner, frame time for a starer). */
  revisit_s: number;
  /** Half-angle of the field of regard about nadir. */
  fieldOfRegardHalfAngle_deg: number;
  /** Plume must be above this altitude to be seen; 10 km when absent. */
  cloudTopAlt_m?: number;
  /** Line of sight across the limb must pass this far above the ellipsoid; 50 km when absent. */
  limbGrazingMargin_m?: number;
  /** Probability of detecting a visible burning plume in one look; 1 when absent. */
  pdPerLook?: number;
}

/** Keplerian elements for a two-body orbit (ECI, J2000-like; J2 precession neglected). */
export interface KeplerElements {
  semiMajorAxis_m: number;
  eccentricity: number;
  inclination_rad: number;
  raan_rad: number;
  argPerigee_rad: number;
  /** Mean anomaly at simulation time 0. */
  meanAnomaly0_rad: number;
}

/**
 * A Molniya-like orbit: half a sidereal day period (a from Kepler's third law), e = 0.72,
 * critical inclination 63.4° (apsides frozen against J2), apogee over the northern hemisphere
 * (ω = 270°) (Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., 2013, §11.4;
 * Podvig, "History and the current status of the Russian early-warning system", Science &
 * Global Security 10, 2002, on the Oko HEO constellation).
 */
export function molniyaElements(raan_rad: number, meanAnomaly0_rad = Math.PI): KeplerElements {
  const period_s = Math.PI / OMEGA_EARTH_radps;
  const n = (2 * Math.PI) / period_s;
  return {
    semiMajorAxis_m: Math.cbrt(GM_EARTH_m3ps2 / (n * n)),
    eccentricity: 0.72,
    inclination_rad: (63.4 * Math.PI) / 180,
    raan_rad,
    argPerigee_rad: (270 * Math.PI) / 180,
    meanAnomaly0_rad,
  };
}

/** Two-body ECI position at time t_s (Kepler's equation by Newton iteration). */
export function keplerPositionEci(
  el: KeplerElements,
  t_s: number,
  out: Float64Array,
): Float64Array {
  const a = el.semiMajorAxis_m;
  const e = el.eccentricity;
  const n = Math.sqrt(GM_EARTH_m3ps2 / (a * a * a));
  const mAnom = el.meanAnomaly0_rad + n * t_s;
  let ea = e < 0.8 ? mAnom : Math.PI;
  for (let i = 0; i < 30; i++) {
    const d = (ea - e * Math.sin(ea) - mAnom) / (1 - e * Math.cos(ea));
    ea -= d;
    if (Math.abs(d) < 1e-14) break;
  }
  // Perifocal coordinates, then R3(−Ω) R1(−i) R3(−ω).
  const xp = a * (Math.cos(ea) - e);
  const yp = a * Math.sqrt(1 - e * e) * Math.sin(ea);
  const cO = Math.cos(el.raan_rad);
  const sO = Math.sin(el.raan_rad);
  const ci = Math.cos(el.inclination_rad);
  const si = Math.sin(el.inclination_rad);
  const cw = Math.cos(el.argPerigee_rad);
  const sw = Math.sin(el.argPerigee_rad);
  out[0] = (cO * cw - sO * sw * ci) * xp + (-cO * sw - sO * cw * ci) * yp;
  out[1] = (sO * cw + cO * sw * ci) * xp + (-sO * sw + cO * cw * ci) * yp;
  out[2] = sw * si * xp + cw * si * yp;
  return out;
}

/** ECI position of a geostationary satellite over longitude lon_rad at Earth angle θ. */
export function geoPositionEci(
  lon_rad: number,
  theta_rad: number,
  out: Float64Array,
): Float64Array {
  out[0] = GEO_RADIUS_m * Math.cos(lon_rad);
  out[1] = GEO_RADIUS_m * Math.sin(lon_rad);
  out[2] = 0;
  return eciFromEcef(out, theta_rad, out);
}

export type IrReason =
  'ok' | 'not-burning' | 'below-cloud-top' | 'behind-limb' | 'outside-field-of-regard' | 'missed';

export interface IrLookResult {
  visible: boolean;
  reason: IrReason;
  /** Off-nadir angle of the target. */
  offNadir_rad: number;
  detection?: Detection;
}

export interface IrLookContext {
  time_s: number;
  theta_rad: number;
  truthId?: string | null;
  irIntensity_Wpsr?: number;
}

const scratchEcef = new Float64Array(3);
const scratchGeo = new Float64Array(3);

/**
 * Does the segment from `sat` to `target` (ECI or ECEF, same frame) clear the Earth by `margin_m`
 * where it passes the limb? Solved exactly for the ellipsoid by scaling z by a/b, which maps
 * the WGS-84 ellipsoid onto a sphere of radius a and keeps straight lines straight.
 * Returns 'look-down' when the closest approach to the centre is the target end itself (the
 * target is seen against the Earth), 'clear' when the line passes above the limb, 'blocked'.
 */
export function limbCheck(
  sat: ArrayLike<number>,
  target: ArrayLike<number>,
  margin_m: number,
): 'look-down' | 'clear' | 'blocked' {
  const q = WGS84_A_m / WGS84_B_m;
  const sx = sat[0];
  const sy = sat[1];
  const sz = sat[2] * q;
  const dx = target[0] - sx;
  const dy = target[1] - sy;
  const dz = target[2] * q - sz;
  const dd = dx * dx + dy * dy + dz * dz;
  const t = -(sx * dx + sy * dy + sz * dz) / dd;
  if (t >= 1) return 'look-down';
  const tc = Math.max(0, t);
  const px = sx + tc * dx;
  const py = sy + tc * dy;
  const pz = sz + tc * dz;
  return Math.hypot(px, py, pz) >= WGS84_A_m + margin_m ? 'clear' : 'blocked';
}

/** Writes the row-major rotation ECI → satellite frame F (rows x, y = nadir, z) into out. */
export function satelliteFrameFromEci(
  satPosEci_m: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const r = Math.hypot(satPosEci_m[0], satPosEci_m[1], satPosEci_m[2]);
  const yx = -satPosEci_m[0] / r;
  const yy = -satPosEci_m[1] / r;
  const yz = -satPosEci_m[2] / r;
  // x = y × ẑ = (yy, −yx, 0); fall back to x̂ over a pole.
  let xx = yy;
  let xy = -yx;
  let xz = 0;
  let xn = Math.hypot(xx, xy);
  if (xn < 1e-9) {
    xx = 1;
    xy = 0;
    xz = 0;
    xn = 1;
  }
  xx /= xn;
  xy /= xn;
  xz /= xn;
  out[0] = xx;
  out[1] = xy;
  out[2] = xz;
  out[3] = yx;
  out[4] = yy;
  out[5] = yz;
  out[6] = xy * yz - xz * yy;
  out[7] = xz * yx - xx * yz;
  out[8] = xx * yy - xy * yx;
  return out;
}

/**
 * One look of an IR satellite at a target. Positions and velocities in ECI; `burning` is the
 * caller's truth that the plume is lit (boost phase). Allocates only the emitted Detection.
 */
export function irLook(
  sensorId: string,
  params: IrSensorParams,
  satPosEci_m: ArrayLike<number>,
  satVelEci_mps: ArrayLike<number>,
  targetPosEci_m: ArrayLike<number>,
  burning: boolean,
  ctx: IrLookContext,
  rng?: RandomStream,
): IrLookResult {
  const res: IrLookResult = { visible: false, reason: 'not-burning', offNadir_rad: NaN };
  const dx = targetPosEci_m[0] - satPosEci_m[0];
  const dy = targetPosEci_m[1] - satPosEci_m[1];
  const dz = targetPosEci_m[2] - satPosEci_m[2];
  const rng_m = Math.hypot(dx, dy, dz);
  const rs = Math.hypot(satPosEci_m[0], satPosEci_m[1], satPosEci_m[2]);
  const cosOff = -(dx * satPosEci_m[0] + dy * satPosEci_m[1] + dz * satPosEci_m[2]) / (rng_m * rs);
  res.offNadir_rad = Math.acos(Math.min(1, Math.max(-1, cosOff)));
  if (!burning) return res;
  ecefToGeodetic(ecefFromEci(targetPosEci_m, ctx.theta_rad, scratchEcef), scratchGeo);
  if (scratchGeo[2] < (params.cloudTopAlt_m ?? 10_000)) {
    res.reason = 'below-cloud-top';
    return res;
  }
  if (limbCheck(satPosEci_m, targetPosEci_m, params.limbGrazingMargin_m ?? 50_000) === 'blocked') {
    res.reason = 'behind-limb';
    return res;
  }
  if (res.offNadir_rad > (params.fieldOfRegardHalfAngle_deg * Math.PI) / 180) {
    res.reason = 'outside-field-of-regard';
    return res;
  }
  const pd = params.pdPerLook ?? 1;
  if (pd < 1 && rng && rng.uniform() >= pd) {
    res.reason = 'missed';
    return res;
  }
  const f = satelliteFrameFromEci(satPosEci_m, new Float64Array(9));
  const fx = (f[0] * dx + f[1] * dy + f[2] * dz) / rng_m;
  const fy = (f[3] * dx + f[4] * dy + f[5] * dz) / rng_m;
  const fz = (f[6] * dx + f[7] * dy + f[8] * dz) / rng_m;
  const az = Math.atan2(fx, fy);
  const el = Math.asin(Math.max(-1, Math.min(1, fz)));
  const s = params.losAccuracy_rad;
  const sAz = s / Math.max(Math.cos(el), 1e-6);
  const meas = Float64Array.of(
    az + (rng ? sAz * rng.normal() : 0),
    el + (rng ? s * rng.normal() : 0),
  );
  res.detection = {
    time_s: ctx.time_s,
    sensorId,
    kind: 'az-el',
    measurement: meas,
    covariance: Float64Array.of(sAz * sAz, 0, 0, s * s),
    originEci_m: Float64Array.from(satPosEci_m),
    originVelEci_mps: Float64Array.from(satVelEci_mps),
    frameFromEci: f,
    features: ctx.irIntensity_Wpsr !== undefined ? { irIntensity_Wpsr: ctx.irIntensity_Wpsr } : {},
    truthId: ctx.truthId ?? null,
  };
  res.visible = true;
  res.reason = 'ok';
  return res;
}

/** Unit line of sight (ECI) of an az-el detection: Fᵀ·[cos el sin az, cos el cos az, sin el]. */
export function lineOfSightEci(d: Detection, out: Float64Array): Float64Array {
  const az = d.measurement[0];
  const el = d.measurement[1];
  const ux = Math.cos(el) * Math.sin(az);
  const uy = Math.cos(el) * Math.cos(az);
  const uz = Math.sin(el);
  const f = d.frameFromEci;
  out[0] = f[0] * ux + f[3] * uy + f[6] * uz;
  out[1] = f[1] * ux + f[4] * uy + f[7] * uz;
  out[2] = f[2] * ux + f[5] * uy + f[8] * uz;
  return out;
}

export interface Triangulation {
  posEci_m: Float64Array;
  /** Row-major 3×3 position covariance, m². */
  covariance: Float64Array;
  /** Angle between the two lines of sight (weak geometry when small). */
  baselineAngle_rad: number;
  /** Closest-approach distance between the two lines (consistency check). */
  missDistance_m: number;
}

function inv3(a: Float64Array, out: Float64Array): Float64Array {
  const [a0, a1, a2, a3, a4, a5, a6, a7, a8] = a;
  const c0 = a4 * a8 - a5 * a7;
  const c1 = a5 * a6 - a3 * a8;
  const c2 = a3 * a7 - a4 * a6;
  const det = a0 * c0 + a1 * c1 + a2 * c2;
  if (!(Math.abs(det) > 0)) throw new RangeError('triangulation: parallel lines of sight');
  const id = 1 / det;
  out[0] = c0 * id;
  out[1] = (a2 * a7 - a1 * a8) * id;
  out[2] = (a1 * a5 - a2 * a4) * id;
  out[3] = c1 * id;
  out[4] = (a0 * a8 - a2 * a6) * id;
  out[5] = (a2 * a3 - a0 * a5) * id;
  out[6] = c2 * id;
  out[7] = (a1 * a6 - a0 * a7) * id;
  out[8] = (a0 * a4 - a1 * a3) * id;
  return out;
}

/**
 * Stereo fix from two angle-only detections taken at (nearly) the same time: the weighted
 * least-squares point nearest both lines, x = (Σ Wᵢ)⁻¹ Σ Wᵢ oᵢ with Wᵢ = (I − uᵢuᵢᵀ)/(σᵢ² ρᵢ²)
 * (σᵢ the angular noise, ρᵢ the range to the fix; two passes, the first unweighted to find ρ).
 * The covariance is (Σ Wᵢ)⁻¹, the linearised Cramér–Rao bound (Bar-Shalom, Li & Kirubarajan,
 * "Estimation with Applications to Tracking and Navigation", 2001, §3.4: linear LS). For exact
 * lines it returns their intersection.
 */
export function triangulate(d1: Detection, d2: Detection): Triangulation {
  const dets = [d1, d2];
  const u = [lineOfSightEci(d1, new Float64Array(3)), lineOfSightEci(d2, new Float64Array(3))];
  const varAng = dets.map((d) => {
    const c = Math.cos(d.measurement[1]);
    return Math.max(0.5 * (d.covariance[0] * c * c + d.covariance[3]), 1e-30);
  });
  const a = new Float64Array(9);
  const ainv = new Float64Array(9);
  const x = new Float64Array(3);
  let w = [1, 1];
  for (let pass = 0; pass < 2; pass++) {
    a.fill(0);
    const b = [0, 0, 0];
    for (let k = 0; k < 2; k++) {
      const o = dets[k].originEci_m;
      const uk = u[k];
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const wij = ((i === j ? 1 : 0) - uk[i] * uk[j]) * w[k];
          a[3 * i + j] += wij;
          b[i] += wij * o[j];
        }
      }
    }
    inv3(a, ainv);
    for (let i = 0; i < 3; i++)
      x[i] = ainv[3 * i] * b[0] + ainv[3 * i + 1] * b[1] + ainv[3 * i + 2] * b[2];
    w = dets.map((d, k) => {
      const o = d.originEci_m;
      const rho = Math.hypot(x[0] - o[0], x[1] - o[1], x[2] - o[2]);
      return 1 / (varAng[k] * rho * rho);
    });
  }
  // Final covariance with the range-weighted information.
  a.fill(0);
  for (let k = 0; k < 2; k++) {
    const uk = u[k];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) a[3 * i + j] += ((i === j ? 1 : 0) - uk[i] * uk[j]) * w[k];
    }
  }
  const cov = inv3(a, new Float64Array(9));
  // Closest approach between the two lines.
  const o1 = d1.originEci_m;
  const o2 = d2.originEci_m;
  const nx = u[0][1] * u[1][2] - u[0][2] * u[1][1];
  const ny = u[0][2] * u[1][0] - u[0][0] * u[1][2];
  const nz = u[0][0] * u[1][1] - u[0][1] * u[1][0];
  const nn = Math.hypot(nx, ny, nz);
  const miss =
    nn > 0
      ? Math.abs((o2[0] - o1[0]) * nx + (o2[1] - o1[1]) * ny + (o2[2] - o1[2]) * nz) / nn
      : NaN;
  const dotU = u[0][0] * u[1][0] + u[0][1] * u[1][1] + u[0][2] * u[1][2];
  return {
    posEci_m: x,
    covariance: cov,
    baselineAngle_rad: Math.atan2(nn, dotU),
    missDistance_m: miss,
  };
}
