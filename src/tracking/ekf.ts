/**
 * Extended Kalman filter (Bar-Shalom, Li & Kirubarajan, "Estimation with Applications to Tracking
 * and Navigation" (2001), ch. 10): prediction through the motion model's transition and Jacobian Φ,
 * P⁻ = Φ P Φᵀ + Q; update with the linearised measurement function of measurement.ts.
 * All scratch is preallocated per filter instance; predict and update allocate nothing.
 */
import type { Detection } from '../core/detection.ts';
import type { GaussianState } from './gaussian-state.ts';
import type { MotionModel } from './motion-model.ts';
import type { MeasurementPrediction, Predictor, Updater } from './filter.ts';
import { applyGain, createMeasurementPrediction, finishGain, weightedUpdate } from './filter.ts';
import { invertSymSmall } from './linalg.ts';
import * as k6 from './kernels6.ts';
import * as meas from './measurement.ts';

// Hot-path functions bound once at module load (an import binding may be a getter under some
// loaders, costing a call per use).
const applyGain6m3 = k6.applyGain6m3;
const measureGainRae6 = k6.measureGainRae6;
const gainPos6m3 = k6.gainPos6m3;
const phiPPhiTplusQ6 = k6.phiPPhiTplusQ6;
const phiPPhiTplusCwna6 = k6.phiPPhiTplusCwna6;
const measure = meas.measure;
const innovation = meas.innovation;
const measurementDim = meas.measurementDim;
const wrapAngle = meas.wrapAngle;

export class EkfPredictor implements Predictor {
  readonly model: MotionModel;
  private readonly xs: Float64Array;
  private readonly Phi: Float64Array;
  private readonly Q: Float64Array;
  private readonly tmp: Float64Array;

  constructor(model: MotionModel) {
    const n = model.n;
    this.model = model;
    this.xs = new Float64Array(n);
    this.Phi = new Float64Array(n * n);
    this.Q = new Float64Array(n * n);
    this.tmp = new Float64Array(n * n);
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
    const Phi = this.Phi;
    const tmp = this.tmp;
    const P = prior.P;
    const model = this.model;
    if (n === 6 && model.predictCwna6 !== undefined) {
      // Fused ballistic path (one RK4 sub-step, Φ never stored): same numbers as below.
      const xs = this.xs;
      if (model.predictCwna6(prior.x, P, dt, xs, out.P)) {
        const xo = out.x;
        xo[0] = xs[0];
        xo[1] = xs[1];
        xo[2] = xs[2];
        xo[3] = xs[3];
        xo[4] = xs[4];
        xo[5] = xs[5];
        out.time_s = time_s;
        return out;
      }
    }
    model.transition(prior.x, dt, this.xs, Phi);
    const cwna = this.model.cwnaDensity;
    if (n === 6) {
      if (cwna !== undefined) phiPPhiTplusCwna6(Phi, P, cwna, Math.abs(dt), out.P);
      else {
        this.model.processNoise(this.xs, dt, this.Q);
        phiPPhiTplusQ6(Phi, P, this.Q, out.P);
      }
      const xs = this.xs;
      const xo = out.x;
      for (let i = 0; i < 6; i++) xo[i] = xs[i];
      out.time_s = time_s;
      return out;
    }
    this.model.processNoise(this.xs, dt, this.Q);
    // General n: tmp = Φ P, then P⁻ = tmp Φᵀ + Q.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let l = 0; l < n; l++) s += Phi[i * n + l] * P[l * n + j];
        tmp[i * n + j] = s;
      }
    }
    const Po = out.P;
    const Q = this.Q;
    // P⁻ = tmp Φᵀ + Q, upper triangle mirrored (exact symmetry).
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        let s = Q[i * n + j];
        for (let l = 0; l < n; l++) s += tmp[i * n + l] * Phi[j * n + l];
        Po[i * n + j] = s;
        Po[j * n + i] = s;
      }
    }
    out.x.set(this.xs);
    out.time_s = time_s;
    return out;
  }
}

export interface EkfUpdaterOptions {
  /**
   * Iterated-EKF relinearisation (Bell & Cathey, "The iterated Kalman filter update as a
   * Gauss–Newton method", IEEE TAC 38(2) (1993)) when an update moves the position by more than
   * iterateAbove × range: a diffuse prior (a new track's 4 km/s velocity σ) puts the first
   * linearisation tens of km off, and the curvature of az/el then biases the update by
   * (offset)²/range. Default 1e-3 (1 km at 1000 km): steady tracks never iterate.
   */
  iterateAbove?: number;
  /** Most Gauss–Newton iterations (default 5). */
  maxIterations?: number;
}

export class EkfUpdater implements Updater {
  private readonly H = new Float64Array(4 * 9);
  private readonly work = new Float64Array(64);
  private readonly mp = createMeasurementPrediction();
  private readonly xi = new Float64Array(9);
  private readonly hx = new Float64Array(4);
  readonly iterateAbove: number;
  readonly maxIterations: number;

  constructor(opts: EkfUpdaterOptions = {}) {
    this.iterateAbove = opts.iterateAbove ?? 1e-3;
    this.maxIterations = opts.maxIterations ?? 5;
  }

  predictMeasurement(
    pred: GaussianState,
    det: Detection,
    mp: MeasurementPrediction,
  ): MeasurementPrediction {
    if (pred.n === 6 && det.kind === 'range-az-el') {
      // Radar hot path: h, H, S, S⁻¹ and K in one kernel (H never leaves registers; the
      // iterated update re-linearises through linearize, which writes this.H).
      mp.m = 3;
      mp.n = 6;
      const ld = measureGainRae6(
        pred.x,
        pred.P,
        det.originEci_m,
        det.frameFromEci,
        det.covariance,
        mp.z,
        mp.PHt,
        mp.S,
        mp.Sinv,
        mp.K,
      );
      if (Number.isNaN(ld)) {
        throw new RangeError(
          `EKF: innovation covariance not positive definite (sensor ${det.sensorId})`,
        );
      }
      mp.logDetS = ld;
      return mp;
    }
    return this.linearize(pred, pred.x, det, mp);
  }

  /** z, S, K for covariance pred.P with h linearised at xLin. */
  private linearize(
    pred: GaussianState,
    xLin: ArrayLike<number>,
    det: Detection,
    mp: MeasurementPrediction,
  ): MeasurementPrediction {
    const n = pred.n;
    const m = measurementDim(det.kind);
    mp.m = m;
    mp.n = n;
    const H = this.H;
    measure(xLin, n, det, mp.z, H);
    if (n === 6 && m === 3) {
      const ld = gainPos6m3(pred.P, H, det.covariance, mp.PHt, mp.S, mp.Sinv, mp.K);
      if (Number.isNaN(ld)) {
        throw new RangeError(
          `EKF: innovation covariance not positive definite (sensor ${det.sensorId})`,
        );
      }
      mp.logDetS = ld;
      return mp;
    }
    // Only the first 6 columns of H are non-zero; PHt (n×m) = P Hᵀ.
    const P = pred.P;
    const PHt = mp.PHt;
    const hc = det.kind === 'range-az-el-rr' ? 6 : 3;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let l = 0; l < hc; l++) s += P[i * n + l] * H[j * n + l];
        PHt[i * m + j] = s;
      }
    }
    const R = det.covariance;
    const S = mp.S;
    for (let i = 0; i < m; i++) {
      for (let j = i; j < m; j++) {
        let s = R[i * m + j];
        for (let l = 0; l < hc; l++) s += H[i * n + l] * PHt[l * m + j];
        S[i * m + j] = s;
        S[j * m + i] = s;
      }
    }
    if (!finishGain(mp, this.work, invertSymSmall)) {
      throw new RangeError(
        `EKF: innovation covariance not positive definite (sensor ${det.sensorId})`,
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
    const n = pred.n;
    const m = p.m;
    if (n === 6 && m === 3) {
      // Radar hot path: innovation (azimuth wrapped), the iterate test and the gain, unrolled.
      const zm = det.measurement;
      const zp = p.z;
      const nu = p.nu;
      const n0 = zm[0] - zp[0];
      const n1 = wrapAngle(zm[1] - zp[1]);
      const n2 = zm[2] - zp[2];
      nu[0] = n0;
      nu[1] = n1;
      nu[2] = n2;
      const K = p.K;
      const dx = K[0] * n0 + K[1] * n1 + K[2] * n2;
      const dy = K[3] * n0 + K[4] * n1 + K[5] * n2;
      const dz = K[6] * n0 + K[7] * n1 + K[8] * n2;
      const o = det.originEci_m;
      const xp = pred.x;
      const ox = xp[0] - o[0];
      const oy = xp[1] - o[1];
      const oz = xp[2] - o[2];
      const lim = this.iterateAbove;
      if (
        dx * dx + dy * dy + dz * dz <= lim * lim * (ox * ox + oy * oy + oz * oz) ||
        this.maxIterations < 2
      ) {
        applyGain6m3(xp, pred.P, K, p.PHt, nu, out.x, out.P);
        out.time_s = pred.time_s;
        return out;
      }
      return this.iterate(pred, det, p, out);
    }
    innovation(det.kind, det.measurement, p.z, p.nu);
    // Position correction K ν against the range, to decide whether to iterate.
    let d2 = 0;
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += p.K[i * m + l] * p.nu[l];
      d2 += s * s;
    }
    const o = det.originEci_m;
    const range2 = (pred.x[0] - o[0]) ** 2 + (pred.x[1] - o[1]) ** 2 + (pred.x[2] - o[2]) ** 2;
    if (d2 <= this.iterateAbove * this.iterateAbove * range2 || this.maxIterations < 2) {
      return applyGain(pred, p, p.nu, out);
    }
    return this.iterate(pred, det, p, out);
  }

  /** Iterated EKF: x_{i+1} = x̄ + K_i (z − h(x_i) − H_i (x̄ − x_i)); p.nu holds z − h(x̄). */
  private iterate(
    pred: GaussianState,
    det: Detection,
    p: MeasurementPrediction,
    out: GaussianState,
  ): GaussianState {
    const n = pred.n;
    const m = p.m;
    const xi = this.xi;
    const it = this.mp;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += p.K[i * m + l] * p.nu[l];
      xi[i] = pred.x[i] + s;
    }
    for (let k = 1; k < this.maxIterations; k++) {
      this.linearize(pred, xi, det, it);
      innovation(det.kind, det.measurement, it.z, it.nu);
      // ν_i = z − h(x_i) − H (x̄ − x_i); H is still in this.H.
      const H = this.H;
      for (let r = 0; r < m; r++) {
        let s = 0;
        for (let c = 0; c < 6; c++) s += H[r * n + c] * (pred.x[c] - xi[c]);
        this.hx[r] = it.nu[r] - s;
      }
      let step = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let l = 0; l < m; l++) s += it.K[i * m + l] * this.hx[l];
        const v = pred.x[i] + s;
        if (i < 3) step += (v - xi[i]) ** 2;
        xi[i] = v;
      }
      if (step < 1) break;
    }
    return applyGain(pred, it, this.hx, out);
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

/** An EKF as a predictor/updater pair for a motion model. */
export function createEkf(
  model: MotionModel,
  opts: EkfUpdaterOptions = {},
): { predictor: EkfPredictor; updater: EkfUpdater } {
  return { predictor: new EkfPredictor(model), updater: new EkfUpdater(opts) };
}
