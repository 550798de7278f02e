/**
 * Test fixtures for tracking/: a radar-like sensor on the rotating Earth that turns a truth state
 * into a range-az-el(-rr) or az-el Detection with known Gaussian noise. Pure functions; used by the
 * *.test.ts files and the benchmark only (tracking/ never imports sensors/).
 */
import type { Detection, MeasurementKind } from '../core/detection.ts';
import { OMEGA_EARTH_radps, WGS84_A_m } from '../core/constants.ts';
import type { RandomStream } from '../core/random.ts';
import { measure } from './measurement.ts';
import { cholesky } from './linalg.ts';

export interface Site {
  lat_rad: number;
  lon_rad: number;
  /** Spherical radius of the site (m). */
  radius_m: number;
}

export const site = (lat_deg: number, lon_deg: number, radius_m = WGS84_A_m): Site => ({
  lat_rad: (lat_deg * Math.PI) / 180,
  lon_rad: (lon_deg * Math.PI) / 180,
  radius_m,
});

/** Site position, velocity and ENU frame (rows e, n, u in ECI) at time t (ECI = ECEF at t = 0). */
export function siteGeometry(
  s: Site,
  t: number,
): { o: Float64Array; ov: Float64Array; C: Float64Array } {
  const th = OMEGA_EARTH_radps * t;
  const lon = s.lon_rad + th;
  const cl = Math.cos(lon);
  const sl = Math.sin(lon);
  const cp = Math.cos(s.lat_rad);
  const sp = Math.sin(s.lat_rad);
  const o = Float64Array.of(s.radius_m * cp * cl, s.radius_m * cp * sl, s.radius_m * sp);
  const ov = Float64Array.of(-OMEGA_EARTH_radps * o[1], OMEGA_EARTH_radps * o[0], 0);
  const C = Float64Array.of(-sl, cl, 0, -sp * cl, -sp * sl, cp, cp * cl, cp * sl, sp);
  return { o, ov, C };
}

/** Position (ECI) of a point given in the site's ENU frame at time t. */
export function enuToEci(
  s: Site,
  t: number,
  enu: ArrayLike<number>,
  isVector = false,
): Float64Array {
  const { o, C } = siteGeometry(s, t);
  const out = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    out[i] = (isVector ? 0 : o[i]) + C[i] * enu[0] + C[3 + i] * enu[1] + C[6 + i] * enu[2];
  }
  return out;
}

export interface RadarNoise {
  sigmaRange_m?: number;
  sigmaAngle_rad: number;
  sigmaRangeRate_mps?: number;
}

/** A noisy detection of the truth state x by a sensor at site s at time t. */
export function detect(
  s: Site,
  t: number,
  x: ArrayLike<number>,
  kind: MeasurementKind,
  noise: RadarNoise,
  rng: RandomStream,
  sensorId = 'radar',
  truthId: string | null = 'target',
): Detection {
  const { o, ov, C } = siteGeometry(s, t);
  const m = kind === 'az-el' ? 2 : kind === 'range-az-el' ? 3 : 4;
  const sig: number[] = [];
  if (kind !== 'az-el') sig.push(noise.sigmaRange_m ?? 10);
  sig.push(noise.sigmaAngle_rad, noise.sigmaAngle_rad);
  if (kind === 'range-az-el-rr') sig.push(noise.sigmaRangeRate_mps ?? 1);
  const R = new Float64Array(m * m);
  for (let i = 0; i < m; i++) R[i * m + i] = sig[i] * sig[i];
  const det: Detection = {
    time_s: t,
    sensorId,
    kind,
    measurement: new Float64Array(m),
    covariance: R,
    originEci_m: o,
    originVelEci_mps: ov,
    frameFromEci: C,
    features: {},
    truthId,
  };
  measure(x, 6, det, det.measurement, null);
  for (let i = 0; i < m; i++) det.measurement[i] += sig[i] * rng.normal();
  return det;
}

/** A draw from N(mean, P) (n from mean.length). */
export function sampleGaussian(
  mean: ArrayLike<number>,
  P: ArrayLike<number>,
  rng: RandomStream,
): Float64Array {
  const n = mean.length;
  const L = new Float64Array(n * n);
  if (!cholesky(P, n, L)) throw new RangeError('sampleGaussian: P not positive definite');
  const w = Array.from({ length: n }, () => rng.normal());
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = mean[i];
    for (let j = 0; j <= i; j++) s += L[i * n + j] * w[j];
    out[i] = s;
  }
  return out;
}
