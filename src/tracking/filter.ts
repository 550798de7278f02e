/**
 * The narrow interfaces a tracker is assembled from (Stone Soup's Predictor and Updater), and the
 * Gaussian update shared by the EKF and UKF: given a gain K and innovation covariance S,
 * x⁺ = x + K ν and P⁺ = P − K S Kᵀ (Bar-Shalom, Li & Kirubarajan (2001), ch. 5).
 */
import type { Detection } from '../core/detection.ts';
import type { GaussianState } from './gaussian-state.ts';
import { innovation, measurementDim } from './measurement.ts';

export interface Predictor<S extends GaussianState = GaussianState> {
  /** Predicts prior to time_s into out (out may be prior). */
  predict(prior: S, time_s: number, out: S): S;
}

/** Everything gating, association and the update need about one (state, detection) pair. */
export interface MeasurementPrediction {
  /** Measurement dimension. */
  m: number;
  /** State dimension. */
  n: number;
  /** Predicted measurement (length m). */
  z: Float64Array;
  /** Innovation covariance S (m×m). */
  S: Float64Array;
  Sinv: Float64Array;
  logDetS: number;
  /** Gain K (n×m). */
  K: Float64Array;
  /** Cross-covariance P Hᵀ (n×m); for the UKF, P_xz. Equals K S. */
  PHt: Float64Array;
  /** Scratch: the innovation of the last detection scored with this prediction. */
  nu: Float64Array;
}

export function createMeasurementPrediction(): MeasurementPrediction {
  return {
    m: 0,
    n: 0,
    z: new Float64Array(4),
    S: new Float64Array(16),
    Sinv: new Float64Array(16),
    logDetS: 0,
    K: new Float64Array(36),
    PHt: new Float64Array(36),
    nu: new Float64Array(4),
  };
}

export interface Updater<S extends GaussianState = GaussianState> {
  /** Predicted measurement, S, K for state pred as seen by the detection's sensor. */
  predictMeasurement(pred: S, det: Detection, out: MeasurementPrediction): MeasurementPrediction;
  /** Single-detection update into out (out may be pred); mp, if given, is from predictMeasurement. */
  update(pred: S, det: Detection, out: S, mp?: MeasurementPrediction): S;
  /**
   * Probabilistic (PDA/JPDA) update with association weights β_i for dets and β_0 = missWeight
   * for "none of them"; Σβ = 1.
   */
  updateWeighted(
    pred: S,
    dets: readonly Detection[],
    weights: readonly number[],
    missWeight: number,
    out: S,
  ): S;
}

/** Squared Mahalanobis distance νᵀ S⁻¹ ν of a detection; leaves ν in mp.nu. */
export function mahalanobis2(mp: MeasurementPrediction, det: Detection): number {
  const m = mp.m;
  innovation(det.kind, det.measurement, mp.z, mp.nu);
  let s = 0;
  for (let i = 0; i < m; i++) {
    let r = 0;
    for (let j = 0; j < m; j++) r += mp.Sinv[i * m + j] * mp.nu[j];
    s += mp.nu[i] * r;
  }
  return s;
}

/** log N(ν; 0, S) for the detection. */
export function logLikelihood(mp: MeasurementPrediction, det: Detection): number {
  const d2 = mahalanobis2(mp, det);
  return -0.5 * (d2 + mp.logDetS + mp.m * Math.log(2 * Math.PI));
}

/** K = PHt · S⁻¹ and log det S; returns false if S is not positive definite. */
export function finishGain(
  mp: MeasurementPrediction,
  work: Float64Array,
  invert: (S: Float64Array, m: number, out: Float64Array, work: Float64Array) => number,
): boolean {
  const { m, n } = mp;
  const logDet = invert(mp.S, m, mp.Sinv, work);
  if (Number.isNaN(logDet)) return false;
  mp.logDetS = logDet;
  const K = mp.K;
  const PHt = mp.PHt;
  const Si = mp.Sinv;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += PHt[i * m + l] * Si[l * m + j];
      K[i * m + j] = s;
    }
  }
  return true;
}

/**
 * x⁺ = x + K ν, P⁺ = P − K (P Hᵀ)ᵀ (= P − K S Kᵀ), symmetric by construction. out may be pred.
 */
export function applyGain(
  pred: GaussianState,
  mp: MeasurementPrediction,
  nu: ArrayLike<number>,
  out: GaussianState,
): GaussianState {
  const { m, n } = mp;
  const K = mp.K;
  const PHt = mp.PHt;
  const x = out.x;
  const P = out.P;
  const xp = pred.x;
  const Pp = pred.P;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let l = 0; l < m; l++) s += K[i * m + l] * nu[l];
    x[i] = xp[i] + s;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += K[i * m + l] * PHt[j * m + l];
      const v = Pp[i * n + j] - s;
      P[i * n + j] = v;
      P[j * n + i] = v;
    }
  }
  out.time_s = pred.time_s;
  return out;
}

/**
 * The PDA combined update (Bar-Shalom & Fortmann, "Tracking and Data Association" (1988), the PDA
 * filter; also Bar-Shalom, Daum & Huang, IEEE Control Systems 29(6) (2009)):
 * ν̄ = Σ β_i ν_i, x⁺ = x + K ν̄,
 * P⁺ = β_0 P + (1 − β_0)(P − K S Kᵀ) + K (Σ β_i ν_i ν_iᵀ − ν̄ ν̄ᵀ) Kᵀ.
 * One gain K (from mp, computed with the first detection's sensor and noise) serves all
 * detections, which assumes they come from the same sensor scan, as PDA does.
 */
/**
 * The weighted (PDA/JPDA) update every Gaussian updater shares: predict the measurement at the
 * first detection, then combine; with no detection the prediction is the posterior.
 */
export function weightedUpdate(
  updater: {
    predictMeasurement(
      p: GaussianState,
      d: Detection,
      o: MeasurementPrediction,
    ): MeasurementPrediction;
  },
  mpScratch: MeasurementPrediction,
  pred: GaussianState,
  dets: readonly Detection[],
  weights: readonly number[],
  missWeight: number,
  out: GaussianState,
): GaussianState {
  if (dets.length === 0) {
    if (out !== pred) {
      out.x.set(pred.x);
      out.P.set(pred.P);
      out.time_s = pred.time_s;
    }
    return out;
  }
  const mp = updater.predictMeasurement(pred, dets[0], mpScratch);
  return pdaUpdate(pred, mp, dets, weights, missWeight, out);
}

export function pdaUpdate(
  pred: GaussianState,
  mp: MeasurementPrediction,
  dets: readonly Detection[],
  weights: readonly number[],
  missWeight: number,
  out: GaussianState,
): GaussianState {
  const { m, n } = mp;
  const nuBar = new Float64Array(m);
  const spread = new Float64Array(m * m);
  const nu = new Float64Array(m);
  for (let d = 0; d < dets.length; d++) {
    const det = dets[d];
    if (measurementDim(det.kind) !== m)
      throw new RangeError('PDA detections must share a measurement kind');
    innovation(det.kind, det.measurement, mp.z, nu);
    const b = weights[d];
    for (let i = 0; i < m; i++) {
      nuBar[i] += b * nu[i];
      for (let j = 0; j < m; j++) spread[i * m + j] += b * nu[i] * nu[j];
    }
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) spread[i * m + j] -= nuBar[i] * nuBar[j];
  // Save the prior covariance before out (possibly = pred) is overwritten.
  const Pp = pred.P.slice(0, n * n);
  applyGain(pred, mp, nuBar, out);
  const K = mp.K;
  const KSp = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += K[i * m + l] * spread[l * m + j];
      KSp[i * m + j] = s;
    }
  const P = out.P;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += KSp[i * m + l] * K[j * m + l];
      // applyGain left P − KSKᵀ; blend with the prior for the miss hypothesis.
      const v = missWeight * Pp[i * n + j] + (1 - missWeight) * P[i * n + j] + s;
      P[i * n + j] = v;
      P[j * n + i] = v;
    }
  }
  return out;
}
