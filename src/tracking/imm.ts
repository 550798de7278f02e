/**
 * Interacting multiple model estimator over boost and ballistic motion (Blom & Bar-Shalom, "The
 * interacting multiple model algorithm for systems with Markovian switching coefficients", IEEE
 * Trans. Automatic Control 33(8) (1988) 780–783; Bar-Shalom, Li & Kirubarajan (2001), ch. 11).
 *
 * One cycle: mixing probabilities μ_{i|j} = π_ij μ_i / c̄_j, c̄_j = Σ_i π_ij μ_i; mixed initial
 * conditions x_0j = Σ_i μ_{i|j} x_i, P_0j = Σ_i μ_{i|j} (P_i + (x_i − x_0j)(x_i − x_0j)ᵀ); mode-
 * matched predict and update; μ_j ∝ Λ_j c̄_j with Λ_j = N(ν_j; 0, S_j); output the moment-matched
 * combination. Modes share one state space (9-state [r, v, a]); the ballistic mode is the 6-state
 * model embedded with a ≡ 0 (BallisticIn9), which keeps mixing well defined.
 */
import type { Detection } from '../core/detection.ts';
import { createGaussianState, type GaussianState } from './gaussian-state.ts';
import type { MotionModel } from './motion-model.ts';
import type { MeasurementPrediction, Predictor, Updater } from './filter.ts';
import { createMeasurementPrediction, logLikelihood } from './filter.ts';
import { innovation, measurementDim } from './measurement.ts';
import { invertSymSmall } from './linalg.ts';

export interface ImmState extends GaussianState {
  /** Mode-conditioned estimates (each of dimension n). */
  modes: GaussianState[];
  /** Mode probabilities. */
  mu: Float64Array;
}

/** A 6-state [r, v] model embedded in the 9-state space with zero non-gravitational accel. */
export class BallisticIn9 implements MotionModel {
  readonly n = 9;
  private readonly x6 = new Float64Array(6);
  private readonly Phi6 = new Float64Array(36);
  private readonly Q6 = new Float64Array(36);

  /** accelSigma_mps2: tiny σ kept on a so that the mode covariance stays positive definite. */
  constructor(
    readonly inner: MotionModel,
    readonly accelSigma_mps2 = 1e-3,
  ) {
    if (inner.n !== 6) throw new RangeError('BallisticIn9 embeds a 6-state model');
  }

  transition(x: Float64Array, dt: number, xOut: Float64Array, Phi: Float64Array | null): void {
    this.inner.transition(x.subarray(0, 6), dt, this.x6, Phi ? this.Phi6 : null);
    xOut.set(this.x6);
    xOut[6] = xOut[7] = xOut[8] = 0;
    if (!Phi) return;
    Phi.fill(0, 0, 81);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) Phi[i * 9 + j] = this.Phi6[i * 6 + j];
  }

  processNoise(x: Float64Array, dt: number, Q: Float64Array): void {
    this.inner.processNoise(x.subarray(0, 6), dt, this.Q6);
    Q.fill(0, 0, 81);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) Q[i * 9 + j] = this.Q6[i * 6 + j];
    const s2 = this.accelSigma_mps2 ** 2;
    Q[60] = Q[70] = Q[80] = s2;
  }
}

export interface ImmMode {
  predictor: Predictor;
  updater: Updater;
}

export interface ImmOptions {
  modes: ImmMode[];
  /** Markov transition matrix π_ij = P(mode j at k+1 | mode i at k), row-major r×r. */
  transition: ArrayLike<number>;
  /** Initial mode probabilities (default uniform). */
  initialProbabilities?: ArrayLike<number>;
  /** State dimension shared by the modes (default 9). */
  n?: number;
  /** Variance given to state components an initial estimate lacks (default (30 m/s²)²). */
  paddingVariance?: number;
}

export class Imm implements Predictor<ImmState>, Updater<ImmState> {
  readonly r: number;
  readonly n: number;
  readonly modes: ImmMode[];
  readonly pi: Float64Array;
  readonly mu0: Float64Array;
  readonly padVar: number;
  private readonly mixed: GaussianState[];
  private readonly mps: MeasurementPrediction[];

  constructor(o: ImmOptions) {
    this.modes = o.modes;
    this.r = o.modes.length;
    this.n = o.n ?? 9;
    this.pi = Float64Array.from(o.transition);
    if (this.pi.length !== this.r * this.r)
      throw new RangeError(`IMM: transition must be ${this.r}×${this.r}`);
    this.mu0 = o.initialProbabilities
      ? Float64Array.from(o.initialProbabilities)
      : new Float64Array(this.r).fill(1 / this.r);
    this.padVar = o.paddingVariance ?? 900;
    this.mixed = this.modes.map(() => createGaussianState(this.n));
    this.mps = this.modes.map(() => createMeasurementPrediction());
  }

  /** An IMM state from a (possibly shorter, e.g. 6-state) Gaussian estimate. */
  createState(g: GaussianState): ImmState {
    const n = this.n;
    const base = createGaussianState(n, g.time_s);
    for (let i = 0; i < n; i++) {
      base.x[i] = i < g.n ? g.x[i] : 0;
      for (let j = 0; j < n; j++)
        base.P[i * n + j] = i < g.n && j < g.n ? g.P[i * g.n + j] : i === j ? this.padVar : 0;
    }
    const modes = this.modes.map(() => {
      const s = createGaussianState(n, g.time_s);
      s.x.set(base.x);
      s.P.set(base.P);
      return s;
    });
    return { ...base, modes, mu: Float64Array.from(this.mu0) };
  }

  clone(s: ImmState): ImmState {
    return {
      n: s.n,
      x: s.x.slice(),
      P: s.P.slice(),
      time_s: s.time_s,
      modes: s.modes.map((m) => ({ n: m.n, x: m.x.slice(), P: m.P.slice(), time_s: m.time_s })),
      mu: s.mu.slice(),
    };
  }

  /** Moment-matched combination of the modes into s.x, s.P. */
  combine(s: ImmState): void {
    const n = this.n;
    s.x.fill(0);
    s.P.fill(0);
    for (let j = 0; j < this.r; j++)
      for (let i = 0; i < n; i++) s.x[i] += s.mu[j] * s.modes[j].x[i];
    for (let j = 0; j < this.r; j++) {
      const m = s.modes[j];
      for (let a = 0; a < n; a++) {
        const da = m.x[a] - s.x[a];
        for (let b = 0; b < n; b++)
          s.P[a * n + b] += s.mu[j] * (m.P[a * n + b] + da * (m.x[b] - s.x[b]));
      }
    }
    s.time_s = s.modes[0].time_s;
  }

  predict(prior: ImmState, time_s: number, out: ImmState): ImmState {
    const { r, n } = this;
    const c = new Float64Array(r);
    for (let j = 0; j < r; j++)
      for (let i = 0; i < r; i++) c[j] += this.pi[i * r + j] * prior.mu[i];
    // Mixing (into scratch, since out may be prior).
    for (let j = 0; j < r; j++) {
      const mx = this.mixed[j];
      mx.x.fill(0);
      mx.P.fill(0);
      mx.time_s = prior.time_s;
      const w = new Float64Array(r);
      for (let i = 0; i < r; i++) w[i] = c[j] > 0 ? (this.pi[i * r + j] * prior.mu[i]) / c[j] : 0;
      for (let i = 0; i < r; i++) for (let a = 0; a < n; a++) mx.x[a] += w[i] * prior.modes[i].x[a];
      for (let i = 0; i < r; i++) {
        const m = prior.modes[i];
        for (let a = 0; a < n; a++) {
          const da = m.x[a] - mx.x[a];
          for (let b = 0; b < n; b++)
            mx.P[a * n + b] += w[i] * (m.P[a * n + b] + da * (m.x[b] - mx.x[b]));
        }
      }
    }
    for (let j = 0; j < r; j++)
      this.modes[j].predictor.predict(this.mixed[j], time_s, out.modes[j]);
    out.mu.set(c);
    this.combine(out);
    return out;
  }

  /**
   * Combined measurement prediction for gating: ẑ = Σ μ_j ẑ_j (azimuth unwrapped around mode 0),
   * S = Σ μ_j (S_j + (ẑ_j − ẑ)(ẑ_j − ẑ)ᵀ); K = Σ μ_j K_j (used only by generic PDA code).
   */
  predictMeasurement(
    pred: ImmState,
    det: Detection,
    out: MeasurementPrediction,
  ): MeasurementPrediction {
    const m = measurementDim(det.kind);
    const n = this.n;
    out.m = m;
    out.n = n;
    out.z.fill(0);
    out.S.fill(0);
    out.K.fill(0);
    out.PHt.fill(0);
    const ia = det.kind === 'az-el' ? 0 : 1;
    for (let j = 0; j < this.r; j++) {
      this.modes[j].updater.predictMeasurement(pred.modes[j], det, this.mps[j]);
      if (j > 0)
        this.mps[j].z[ia] =
          this.mps[0].z[ia] + innovation(det.kind, this.mps[j].z, this.mps[0].z, out.nu)[ia];
    }
    for (let j = 0; j < this.r; j++) {
      const p = this.mps[j];
      for (let a = 0; a < m; a++) out.z[a] += pred.mu[j] * p.z[a];
      for (let a = 0; a < n * m; a++) {
        out.K[a] += pred.mu[j] * p.K[a];
        out.PHt[a] += pred.mu[j] * p.PHt[a];
      }
    }
    for (let j = 0; j < this.r; j++) {
      const p = this.mps[j];
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++)
          out.S[a * m + b] +=
            pred.mu[j] * (p.S[a * m + b] + (p.z[a] - out.z[a]) * (p.z[b] - out.z[b]));
    }
    out.logDetS = invertSymSmall(out.S, m, out.Sinv, new Float64Array(16));
    return out;
  }

  update(pred: ImmState, det: Detection, out: ImmState): ImmState {
    const r = this.r;
    const logL = new Float64Array(r);
    for (let j = 0; j < r; j++) {
      const mp = this.modes[j].updater.predictMeasurement(pred.modes[j], det, this.mps[j]);
      logL[j] = logLikelihood(mp, det);
      this.modes[j].updater.update(pred.modes[j], det, out.modes[j], mp);
    }
    this.updateProbabilities(pred.mu, logL, out.mu);
    this.combine(out);
    return out;
  }

  /**
   * PDA update per mode with the association weights; the mode likelihood is approximated by
   * Λ_j = Σ_i β_i N(ν_ij; 0, S_j) (equal for all modes with no detection), a simplification of
   * the exact IMM-JPDA mode likelihood (Blom & Bloem, "Probabilistic data association avoiding
   * track coalescence", IEEE TAC 45(2) (2000)).
   */
  updateWeighted(
    pred: ImmState,
    dets: readonly Detection[],
    weights: readonly number[],
    missWeight: number,
    out: ImmState,
  ): ImmState {
    const r = this.r;
    const logL = new Float64Array(r);
    for (let j = 0; j < r; j++) {
      let L = 0;
      for (let i = 0; i < dets.length; i++) {
        const mp = this.modes[j].updater.predictMeasurement(pred.modes[j], dets[i], this.mps[j]);
        L += weights[i] * Math.exp(logLikelihood(mp, dets[i]));
      }
      logL[j] = dets.length > 0 && L > 0 ? Math.log(L) : 0;
      this.modes[j].updater.updateWeighted(pred.modes[j], dets, weights, missWeight, out.modes[j]);
    }
    this.updateProbabilities(pred.mu, logL, out.mu);
    this.combine(out);
    return out;
  }

  private updateProbabilities(c: Float64Array, logL: Float64Array, out: Float64Array): void {
    const mx = Math.max(...logL);
    let z = 0;
    for (let j = 0; j < this.r; j++) {
      out[j] = c[j] * Math.exp(logL[j] - mx);
      z += out[j];
    }
    // Keep every mode alive (floor 1e-6) so a mode can come back, then renormalise.
    for (let j = 0; j < this.r; j++) out[j] = Math.max(out[j] / z, 1e-6);
    const s = out.reduce((a, b) => a + b, 0);
    for (let j = 0; j < this.r; j++) out[j] /= s;
  }
}
