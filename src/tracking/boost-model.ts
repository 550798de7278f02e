/**
 * Boost-phase motion: 9-state [posEci_m, velEci_mps, accelEci_mps2] where the last three are
 * the non-gravitational (thrust minus drag) acceleration, modelled as a Wiener process (white
 * jerk): r' = v, v' = g(r) + a, a' = w. Thrust acceleration of a boosting missile changes by
 * tens of m/s² over a burn and jumps at staging, so the jerk density q is large (10–100 m²/s⁵).
 * Bar-Shalom, Li & Kirubarajan (2001), §6.2.3 (Wiener process acceleration model), with gravity
 * added as a known input.
 *
 * Φ comes from the variational equations with A = [[0, I, 0], [G, 0, I], [0, 0, 0]], G the
 * point-mass gravity gradient taken linear in time between the ends of the interval (as in
 * ballistic-model.ts): Φrr = I + dt²(2G0 + G1)/6, Φrv = I dt + dt³(G0 + G1)/12,
 * Φvr = dt(G0 + G1)/2, Φvv = I + dt²(G0 + 2G1)/6, Φra = I dt²/2 + Ḡ dt⁴/24, Φva = I dt + Ḡ dt³/6,
 * Φaa = I, Ḡ = (G0 + G1)/2.
 */
import { accelJ2, gravityGradient } from './ballistic-model.ts';
import type { MotionModel } from './motion-model.ts';
import { addWhiteJerkNoise } from './motion-model.ts';

export interface BoostModelOptions {
  /** White-jerk density, m²/s⁵ per axis. */
  qJerk_m2ps5: number;
  /** Largest RK4 sub-step, s (default 5). */
  maxStep_s?: number;
}

export class BoostModel implements MotionModel {
  readonly n = 9;
  readonly q: number;
  readonly maxStep: number;
  private readonly k = new Float64Array(12);
  private readonly G = new Float64Array(9);
  private readonly G0 = new Float64Array(9);

  constructor(opts: BoostModelOptions) {
    this.q = opts.qJerk_m2ps5;
    this.maxStep = opts.maxStep_s ?? 5;
  }

  transition(x: Float64Array, dt: number, xOut: Float64Array, Phi: Float64Array | null): void {
    const steps = Math.max(1, Math.ceil(Math.abs(dt) / this.maxStep));
    const h = dt / steps;
    const k = this.k;
    const tx = x[6];
    const ty = x[7];
    const tz = x[8];
    let rx = x[0];
    let ry = x[1];
    let rz = x[2];
    let vx = x[3];
    let vy = x[4];
    let vz = x[5];
    const r0x = rx;
    const r0y = ry;
    const r0z = rz;
    for (let s = 0; s < steps; s++) {
      const h2 = h / 2;
      accelJ2(rx, ry, rz, k, 0);
      accelJ2(rx + h2 * vx, ry + h2 * vy, rz + h2 * vz, k, 3);
      const v2x = vx + h2 * (k[0] + tx);
      const v2y = vy + h2 * (k[1] + ty);
      const v2z = vz + h2 * (k[2] + tz);
      accelJ2(rx + h2 * v2x, ry + h2 * v2y, rz + h2 * v2z, k, 6);
      const v3x = vx + h2 * (k[3] + tx);
      const v3y = vy + h2 * (k[4] + ty);
      const v3z = vz + h2 * (k[5] + tz);
      accelJ2(rx + h * v3x, ry + h * v3y, rz + h * v3z, k, 9);
      const v4x = vx + h * (k[6] + tx);
      const v4y = vy + h * (k[7] + ty);
      const v4z = vz + h * (k[8] + tz);
      const h6 = h / 6;
      rx += h6 * (vx + 2 * v2x + 2 * v3x + v4x);
      ry += h6 * (vy + 2 * v2y + 2 * v3y + v4y);
      rz += h6 * (vz + 2 * v2z + 2 * v3z + v4z);
      vx += h6 * (k[0] + 2 * k[3] + 2 * k[6] + k[9]) + h * tx;
      vy += h6 * (k[1] + 2 * k[4] + 2 * k[7] + k[10]) + h * ty;
      vz += h6 * (k[2] + 2 * k[5] + 2 * k[8] + k[11]) + h * tz;
    }
    xOut[0] = rx;
    xOut[1] = ry;
    xOut[2] = rz;
    xOut[3] = vx;
    xOut[4] = vy;
    xOut[5] = vz;
    xOut[6] = tx;
    xOut[7] = ty;
    xOut[8] = tz;
    if (!Phi) return;
    gravityGradient(r0x, r0y, r0z, this.G0);
    gravityGradient(rx, ry, rz, this.G);
    const G0 = this.G0;
    const G1 = this.G;
    const n = 9;
    Phi.fill(0, 0, 81);
    for (let i = 0; i < n; i++) Phi[i * n + i] = 1;
    const d2 = (dt * dt) / 2;
    const e2 = (dt * dt) / 6;
    const e3 = (dt * dt * dt) / 12;
    for (let i = 0; i < 3; i++) {
      Phi[i * n + i + 3] = dt;
      Phi[i * n + i + 6] = d2;
      Phi[(i + 3) * n + i + 6] = dt;
      for (let j = 0; j < 3; j++) {
        const a = G0[i * 3 + j];
        const b = G1[i * 3 + j];
        Phi[i * n + j] += e2 * (2 * a + b);
        Phi[i * n + j + 3] += e3 * (a + b);
        Phi[(i + 3) * n + j] += (dt / 2) * (a + b);
        Phi[(i + 3) * n + j + 3] += e2 * (a + 2 * b);
        // Thrust acting through gravity: ∫(dt − s) G s²/2 ds and ∫ G s²/2 ds with mean G.
        Phi[i * n + j + 6] += ((a + b) / 2) * ((dt * dt * dt * dt) / 24);
        Phi[(i + 3) * n + j + 6] += ((a + b) / 2) * ((dt * dt * dt) / 6);
      }
    }
  }

  processNoise(_x: Float64Array, dt: number, Q: Float64Array): void {
    Q.fill(0, 0, 81);
    addWhiteJerkNoise(this.q, Math.abs(dt), Q);
  }
}
