/**
 * Unscented Kalman filter with the scaled unscented transform: 2n+1 sigma points
 * χ_0 = x, χ_±i = x ± √(n+λ)·L_i (L: Cholesky factor of P), λ = α²(n+κ) − n, weights
 * W_0^m = λ/(n+λ), W_0^c = W_0^m + 1 − α² + β, W_i = 1/(2(n+λ)).
 * Julier & Uhlmann, "A new extension of the Kalman filter to nonlinear systems", Proc. SPIE 3068
 * (1997); Wan & van der Merwe, "The unscented Kalman filter for nonlinear estimation", IEEE AS-SPCC
 * (2000), eqs. 15–18. Defaults α = 1, β = 2, κ = 0 (W_0^m = 0, W_0^c = 2): spread √n·σ keeps the
 * sigma points well away from round-off on ECI-sized states, and all covariance weights are ≥ 0.
 * Sigma points are redrawn from the predicted (x, P) at the update (Stone Soup's habit), so the
 * updater does not depend on the predictor. Azimuth sigma values are unwrapped around χ_0's.
 */
import type { Detection } from '../core/detection.ts';
import type { GaussianState } from './gaussian-state.ts';
import type { MotionModel } from './motion-model.ts';
import type { MeasurementPrediction, Predictor, Updater } from './filter.ts';
import { applyGain, createMeasurementPrediction, finishGain, weightedUpdate } from './filter.ts';
import { cholesky, invertSymSmall, trace } from './linalg.ts';
import { azimuthIndex, innovation, measure, measurementDim, wrapAngle } from './measurement.ts';

export interface UkfOptions {
  alpha?: number;
  beta?: number;
  kappa?: number;
}

class SigmaPoints {
  readonly n: number;
  readonly Wm: Float64Array;
  readonly Wc: Float64Array;
  readonly gamma: number;
  readonly pts: Float64Array;
  readonly L: Float64Array;
  private readonly Pj: Float64Array;

  constructor(n: number, o: UkfOptions) {
    const alpha = o.alpha ?? 1;
    const beta = o.beta ?? 2;
    const kappa = o.kappa ?? 0;
    const lambda = alpha * alpha * (n + kappa) - n;
    this.n = n;
    this.gamma = Math.sqrt(n + lambda);
    const N = 2 * n + 1;
    this.Wm = new Float64Array(N).fill(1 / (2 * (n + lambda)));
    this.Wc = new Float64Array(N).fill(1 / (2 * (n + lambda)));
    this.Wm[0] = lambda / (n + lambda);
    this.Wc[0] = this.Wm[0] + 1 - alpha * alpha + beta;
    this.pts = new Float64Array(N * n);
    this.L = new Float64Array(n * n);
    this.Pj = new Float64Array(n * n);
  }

  /** Draws the sigma points of (x, P) into pts (row i = point i). */
  draw(x: ArrayLike<number>, P: Float64Array): void {
    const n = this.n;
    let ok = cholesky(P, n, this.L);
    if (!ok) {
      // Round-off can leave a nearly singular P indefinite; a jitter of 1e-12 of its mean
      // variance restores definiteness without changing the estimate measurably.
      const eps = (1e-12 * trace(P, n)) / n;
      this.Pj.set(P);
      for (let i = 0; i < n; i++) this.Pj[i * n + i] += eps;
      ok = cholesky(this.Pj, n, this.L);
      if (!ok) throw new RangeError('UKF: covariance is not positive definite');
    }
    const g = this.gamma;
    const pts = this.pts;
    for (let j = 0; j < n; j++) pts[j] = x[j];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const d = g * this.L[j * n + i];
        pts[(1 + i) * n + j] = x[j] + d;
        pts[(1 + n + i) * n + j] = x[j] - d;
      }
    }
  }
}

export class UkfPredictor implements Predictor {
  readonly model: MotionModel;
  private readonly sp: SigmaPoints;
  private readonly prop: Float64Array;
  private readonly xm: Float64Array;
  private readonly Q: Float64Array;

  constructor(model: MotionModel, opts: UkfOptions = {}) {
    const n = model.n;
    this.model = model;
    this.sp = new SigmaPoints(n, opts);
    this.prop = new Float64Array((2 * n + 1) * n);
    this.xm = new Float64Array(n);
    this.Q = new Float64Array(n * n);
  }

  predict(prior: GaussianState, time_s: number, out: GaussianState): GaussianState {
    const n = this.model.n;
    const dt = time_s - prior.time_s;
    if (dt === 0) {
      if (out !== prior) {
        out.x.set(prior.x);
        out.P.set(prior.P);
      }
      out.time_s = time_s;
      return out;
    }
    const sp = this.sp;
    sp.draw(prior.x, prior.P);
    const N = 2 * n + 1;
    for (let k = 0; k < N; k++) {
      this.model.transition(
        sp.pts.subarray(k * n, k * n + n),
        dt,
        this.prop.subarray(k * n, k * n + n),
        null,
      );
    }
    // Mean relative to the central point, to keep round-off away from ECI magnitudes.
    const xm = this.xm;
    const prop = this.prop;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 1; k < N; k++) s += sp.Wm[k] * (prop[k * n + j] - prop[j]);
      xm[j] = prop[j] + s;
    }
    // Σ W^m = 1, so x̄ = χ_0 + Σ_k W_k (χ_k − χ_0).
    this.model.processNoise(xm, dt, this.Q);
    const P = out.P;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        let s = this.Q[i * n + j];
        for (let k = 0; k < N; k++)
          s += sp.Wc[k] * (prop[k * n + i] - xm[i]) * (prop[k * n + j] - xm[j]);
        P[i * n + j] = s;
        P[j * n + i] = s;
      }
    }
    out.x.set(xm);
    out.time_s = time_s;
    return out;
  }
}

export class UkfUpdater implements Updater {
  private readonly opts: UkfOptions;
  private sp: SigmaPoints | null = null;
  private Z = new Float64Array(0);
  private readonly work = new Float64Array(64);
  private readonly mp = createMeasurementPrediction();

  constructor(opts: UkfOptions = {}) {
    this.opts = opts;
  }

  predictMeasurement(
    pred: GaussianState,
    det: Detection,
    mp: MeasurementPrediction,
  ): MeasurementPrediction {
    const n = pred.n;
    if (!this.sp || this.sp.n !== n) {
      this.sp = new SigmaPoints(n, this.opts);
      this.Z = new Float64Array((2 * n + 1) * 4);
    }
    const sp = this.sp;
    const m = measurementDim(det.kind);
    const ia = azimuthIndex(det.kind);
    mp.m = m;
    mp.n = n;
    sp.draw(pred.x, pred.P);
    const N = 2 * n + 1;
    const Z = this.Z;
    for (let k = 0; k < N; k++) {
      measure(sp.pts.subarray(k * n, k * n + n), n, det, Z.subarray(k * m, k * m + m), null);
      if (k > 0) Z[k * m + ia] = Z[ia] + wrapAngle(Z[k * m + ia] - Z[ia]);
    }
    const z = mp.z;
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < N; k++) s += sp.Wm[k] * Z[k * m + j];
      z[j] = s;
    }
    const R = det.covariance;
    for (let i = 0; i < m; i++) {
      for (let j = i; j < m; j++) {
        let s = R[i * m + j];
        for (let k = 0; k < N; k++) s += sp.Wc[k] * (Z[k * m + i] - z[i]) * (Z[k * m + j] - z[j]);
        mp.S[i * m + j] = s;
        mp.S[j * m + i] = s;
      }
    }
    const x = pred.x;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < N; k++)
          s += sp.Wc[k] * (sp.pts[k * n + i] - x[i]) * (Z[k * m + j] - z[j]);
        mp.PHt[i * m + j] = s;
      }
    }
    if (!finishGain(mp, this.work, invertSymSmall)) {
      throw new RangeError(
        `UKF: innovation covariance not positive definite (sensor ${det.sensorId})`,
      );
    }
    return mp;
  }

  update(
    pred: GaussianState,
    det: Detection,
    out: GaussianState,
    mp?: MeasurementPrediction,
  ): GaussianState {
    const p = mp ?? this.predictMeasurement(pred, det, this.mp);
    innovation(det.kind, det.measurement, p.z, p.nu);
    return applyGain(pred, p, p.nu, out);
  }

  updateWeighted(
    pred: GaussianState,
    dets: readonly Detection[],
    weights: readonly number[],
    missWeight: number,
    out: GaussianState,
  ): GaussianState {
    return weightedUpdate(this, this.mp, pred, dets, weights, missWeight, out);
  }
}

export function createUkf(
  model: MotionModel,
  opts: UkfOptions = {},
): { predictor: UkfPredictor; updater: UkfUpdater } {
  return { predictor: new UkfPredictor(model, opts), updater: new UkfUpdater(opts) };
}
