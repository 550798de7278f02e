/**
 * A motion model for Gaussian filters: the transition x(t+dt) = f(x(t), dt), its Jacobian Φ and
 * the discrete process-noise covariance Q. Filters (ekf.ts, ukf.ts) know nothing else about it.
 */
export interface MotionModel {
  /** State dimension. */
  readonly n: number;
  /**
   * xOut = f(x, dt_s); when Phi is given (n×n row-major) also the state-transition Jacobian
   * ∂f/∂x. xOut must not alias x.
   */
  transition(x: Float64Array, dt_s: number, xOut: Float64Array, Phi: Float64Array | null): void;
  /** Discrete process-noise covariance over dt_s (n×n), evaluated near x. */
  processNoise(x: Float64Array, dt_s: number, Qout: Float64Array): void;
  /**
   * Set when processNoise is exactly the CWNA Q of addCwnaNoise with this density (m²/s³) on a
   * 6-state: the EKF then adds it inside its covariance kernel instead of reading a Q matrix.
   */
  readonly cwnaDensity?: number;
  /**
   * Optional fused 6-state EKF prediction: xOut = f(x, dt_s) and POut = Φ P Φᵀ + Q, the same
   * numbers as transition + processNoise + the congruence, in one pass. Returns false (and writes
   * nothing) when it does not apply, e.g. a dt needing several sub-steps. POut may alias P.
   */
  predictCwna6?(
    x: Float64Array,
    P: Float64Array,
    dt_s: number,
    xOut: Float64Array,
    POut: Float64Array,
  ): boolean;
}

/**
 * Adds the continuous white-noise acceleration (CWNA) process noise of spectral density q
 * (m²/s³, per axis) for the position/velocity blocks of a state laid out [r(3), v(3), …] with
 * dimension n: per axis [[q dt³/3, q dt²/2], [q dt²/2, q dt]]. Bar-Shalom, Li & Kirubarajan,
 * "Estimation with Applications to Tracking and Navigation" (2001), §6.2.2.
 */
export function addCwnaNoise(q: number, dt: number, n: number, Q: Float64Array): void {
  const a = (q * dt * dt * dt) / 3;
  const b = (q * dt * dt) / 2;
  const c = q * dt;
  for (let i = 0; i < 3; i++) {
    Q[i * n + i] += a;
    Q[i * n + i + 3] += b;
    Q[(i + 3) * n + i] += b;
    Q[(i + 3) * n + i + 3] += c;
  }
}

/**
 * Adds continuous Wiener-process-acceleration (white jerk, density q in m²/s⁵) noise for a
 * [r, v, a] 9-state: per axis q·[[dt⁵/20, dt⁴/8, dt³/6], [dt⁴/8, dt³/3, dt²/2],
 * [dt³/6, dt²/2, dt]]. Bar-Shalom, Li & Kirubarajan (2001), §6.2.3.
 */
export function addWhiteJerkNoise(q: number, dt: number, Q: Float64Array): void {
  const n = 9;
  const t2 = dt * dt;
  const t3 = t2 * dt;
  const t4 = t3 * dt;
  const t5 = t4 * dt;
  const blk = [t5 / 20, t4 / 8, t3 / 6, t4 / 8, t3 / 3, t2 / 2, t3 / 6, t2 / 2, dt];
  for (let ax = 0; ax < 3; ax++) {
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) Q[(ax + 3 * i) * n + ax + 3 * j] += q * blk[i * 3 + j];
    }
  }
}
