/**
 * One look of a ground radar at one target: geometry (site ENU), Earth masking on the 4/3-Earth,
 * field of view, instrumented range, SNR from the range equation, a detection draw, and noisy
 * measurements emitted as a `Detection` in the site's ENU frame at the look time.
 *
 * Measurement noise: thermal-noise-limited accuracy scales as 1/√SNR (Skolnik, "Introduction to
 * Radar Systems", 3rd ed., 2001, §6.3 eq. 6.23 for angle and §6.4 for range: δ ∝ 1/√(2E/N0)),
 * so σ(SNR) = σ_ref · √(SNR_ref / SNR). The radar reports the refraction-corrected (geometric)
 * elevation, which is what a tracker with straight-line geometry expects; the FOV and masking
 * tests use the refracted (apparent) elevation, which is where the beam must point.
 *
 * Without a random stream the look is deterministic: detected when SNR ≥ requiredSnr_dB, and the
 * measurement is exact. The per-look path allocates nothing except the emitted Detection.
 */
import type { Detection } from '../core/detection.ts';
import type { RandomStream } from '../core/random.ts';
import { DEG, OMEGA_EARTH_radps } from '../core/constants.ts';
import { fromDb, toDb, wrapPi } from '../core/units.ts';
import { ecefToGeodetic, geodeticToEcef } from '../frames/wgs84.ts';
import { enuFromEcef } from '../frames/enu.ts';
import { eciFromEcef } from '../frames/eci-ecef.ts';
import {
  type RadarParams,
  checkRadarParams,
  radarConstant,
  snrFromConstant,
} from './radar-equation.ts';
import { type SwerlingCase, probabilityOfDetection } from './detection-probability.ts';
import {
  K_STANDARD,
  groundRangeBetween_m,
  lineOfSightClears,
  refractedElevation_rad,
} from './horizon.ts';

export interface RadarSite {
  id: string;
  params: RadarParams;
  lat_rad: number;
  lon_rad: number;
  alt_m: number;
  posEcef_m: Float64Array;
  /** Row-major ECEF → ENU rotation. */
  enuFromEcef: Float64Array;
  /** Precomputed radar constant K (SNR = Kσ/R⁴). */
  radarConstant: number;
  referenceSnr: number;
  requiredSnr: number;
  pfa: number;
}

/** Builds a site (allocates once). Throws a RangeError naming the bad field. */
export function createRadarSite(
  id: string,
  params: RadarParams,
  lat_rad: number,
  lon_rad: number,
  alt_m: number,
): RadarSite {
  const bad = checkRadarParams(params);
  if (bad) throw new RangeError(`${id}: ${bad[0]}: expected ${bad[1]}, got ${String(bad[2])}`);
  return {
    id,
    params,
    lat_rad,
    lon_rad,
    alt_m,
    posEcef_m: geodeticToEcef(lat_rad, lon_rad, alt_m, new Float64Array(3)),
    enuFromEcef: enuFromEcef(lat_rad, lon_rad, new Float64Array(9)),
    radarConstant: radarConstant(params),
    referenceSnr: fromDb(params.referenceSnr_dB ?? params.requiredSnr_dB),
    requiredSnr: fromDb(params.requiredSnr_dB),
    pfa: params.falseAlarmProbability ?? 1e-6,
  };
}

export type LookReason =
  'ok' | 'below-horizon' | 'outside-fov' | 'beyond-instrumented-range' | 'low-snr' | 'missed';

export interface RadarLookResult {
  visible: boolean;
  reason: LookReason;
  snr_dB: number;
  pd: number;
  range_m: number;
  az_rad: number;
  /** Apparent (refracted) elevation. */
  el_rad: number;
  detection?: Detection;
}

export interface LookContext {
  time_s: number;
  /** Earth rotation angle at time_s (ECEF = R3(θ)·ECI). */
  theta_rad: number;
  truthId?: string | null;
  /** Target fluctuation model for the Pd draw; 0 (steady) by default. */
  swerling?: SwerlingCase;
  /** Pd below which the look is reported as 'low-snr' rather than drawn; 0.001 by default. */
  minPd?: number;
}

const rel = new Float64Array(3);
const enu = new Float64Array(3);
const geo = new Float64Array(3);

/** A fresh result object; pass it back as `out` to reuse it across looks. */
export const newLookResult = (): RadarLookResult => ({
  visible: false,
  reason: 'below-horizon',
  snr_dB: -Infinity,
  pd: 0,
  range_m: 0,
  az_rad: 0,
  el_rad: 0,
});

export function radarLook(
  radar: RadarSite,
  targetPosEcef_m: ArrayLike<number>,
  targetVelEcef_mps: ArrayLike<number>,
  rcs_m2: number,
  ctx: LookContext,
  rng?: RandomStream,
  out: RadarLookResult = newLookResult(),
): RadarLookResult {
  const p = radar.params;
  out.visible = false;
  out.detection = undefined;
  out.snr_dB = -Infinity;
  out.pd = 0;

  const m = radar.enuFromEcef;
  rel[0] = targetPosEcef_m[0] - radar.posEcef_m[0];
  rel[1] = targetPosEcef_m[1] - radar.posEcef_m[1];
  rel[2] = targetPosEcef_m[2] - radar.posEcef_m[2];
  enu[0] = m[0] * rel[0] + m[1] * rel[1] + m[2] * rel[2];
  enu[1] = m[3] * rel[0] + m[4] * rel[1] + m[5] * rel[2];
  enu[2] = m[6] * rel[0] + m[7] * rel[1] + m[8] * rel[2];
  const horiz = Math.hypot(enu[0], enu[1]);
  const range = Math.hypot(horiz, enu[2]);
  let az = Math.atan2(enu[0], enu[1]);
  if (az < 0) az += 2 * Math.PI;
  const elGeo = Math.atan2(enu[2], horiz);
  out.range_m = range;
  out.az_rad = az;

  // Earth masking and apparent elevation on the 4/3 Earth.
  ecefToGeodetic(targetPosEcef_m, geo);
  const hT = geo[2];
  const ground = groundRangeBetween_m(radar.posEcef_m, targetPosEcef_m);
  const hR = Math.max(0, radar.alt_m);
  const elApp = refractedElevation_rad(hR, hT, ground, K_STANDARD);
  out.el_rad = elApp;
  if (hT < 0 || !lineOfSightClears(hR, Math.max(0, hT), ground, K_STANDARD)) {
    out.reason = 'below-horizon';
    return out;
  }
  // Field of view: azimuth sector and elevation limits.
  const dAz = Math.abs(wrapPi(az - p.azimuthCenter_deg * DEG));
  if (
    (p.azimuthHalfWidth_deg < 180 && dAz > p.azimuthHalfWidth_deg * DEG) ||
    elApp < p.minElevation_deg * DEG ||
    elApp > p.maxElevation_deg * DEG
  ) {
    out.reason = 'outside-fov';
    return out;
  }
  if (range > p.maxInstrumentedRange_m) {
    out.reason = 'beyond-instrumented-range';
    return out;
  }

  const snr = snrFromConstant(radar.radarConstant, rcs_m2, range);
  out.snr_dB = toDb(snr);
  const pd = probabilityOfDetection(snr, radar.pfa, ctx.swerling ?? 0);
  out.pd = pd;
  if (rng) {
    if (pd < (ctx.minPd ?? 1e-3)) {
      out.reason = 'low-snr';
      return out;
    }
    if (rng.uniform() >= pd) {
      out.reason = 'missed';
      return out;
    }
  } else if (snr < radar.requiredSnr) {
    out.reason = 'low-snr';
    return out;
  }

  // Measurement noise scaled with SNR.
  const k = Math.sqrt(radar.referenceSnr / snr);
  const sR = p.rangeAccuracy_m * k;
  const sA = p.angleAccuracy_rad * k;
  const cosEl = Math.max(Math.cos(elGeo), 1e-6);
  const sAz = sA / cosEl; // cross-range noise σ_angle ⇒ azimuth noise σ_angle / cos el
  const rr = p.measuresRangeRate;
  const sRr = rr ? (p.rangeRateAccuracy_mps ?? 0) * k : 0;
  let rangeRate = 0;
  if (rr) {
    // Range rate is frame-independent: ω × (r_t − r_s) is perpendicular to r_t − r_s.
    rangeRate =
      (rel[0] * targetVelEcef_mps[0] +
        rel[1] * targetVelEcef_mps[1] +
        rel[2] * targetVelEcef_mps[2]) /
      range;
  }
  const n = rr ? 4 : 3;
  const meas = new Float64Array(n);
  meas[0] = range + (rng ? sR * rng.normal() : 0);
  meas[1] = az + (rng ? sAz * rng.normal() : 0);
  meas[2] = elGeo + (rng ? sA * rng.normal() : 0);
  if (rr) meas[3] = rangeRate + (rng ? sRr * rng.normal() : 0);
  const cov = new Float64Array(n * n);
  cov[0] = sR * sR;
  cov[n + 1] = sAz * sAz;
  cov[2 * n + 2] = sA * sA;
  if (rr) cov[15] = sRr * sRr;

  const th = ctx.theta_rad;
  const originEci = eciFromEcef(radar.posEcef_m, th, new Float64Array(3));
  // The site is fixed on the Earth: v_eci = ω × r_eci.
  const originVel = new Float64Array(3);
  originVel[0] = -OMEGA_EARTH_radps * originEci[1];
  originVel[1] = OMEGA_EARTH_radps * originEci[0];
  // frameFromEci = enuFromEcef · R3(θ); R3(θ) rows: (c, s, 0), (−s, c, 0), (0, 0, 1).
  const c = Math.cos(th);
  const s = Math.sin(th);
  const f = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    const a0 = m[3 * i];
    const a1 = m[3 * i + 1];
    f[3 * i] = a0 * c - a1 * s;
    f[3 * i + 1] = a0 * s + a1 * c;
    f[3 * i + 2] = m[3 * i + 2];
  }
  out.detection = {
    time_s: ctx.time_s,
    sensorId: radar.id,
    kind: rr ? 'range-az-el-rr' : 'range-az-el',
    measurement: meas,
    covariance: cov,
    originEci_m: originEci,
    originVelEci_mps: originVel,
    frameFromEci: f,
    features: { snr_dB: out.snr_dB, rcs_m2 },
    truthId: ctx.truthId ?? null,
  };
  out.visible = true;
  out.reason = 'ok';
  return out;
}
