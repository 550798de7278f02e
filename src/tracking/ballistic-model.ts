/**
 * Ballistic (unpowered) motion in ECI for tracking: 6-state [posEci_m, velEci_mps], and a
 * 7-state variant with an estimated ballistic coefficient β = m/(C_D·A) (kg/m²) for reentry.
 *
 * Prediction integrates point-mass + J2 gravity with fixed-step RK4 sub-steps (step ≤ maxStep_s).
 * The transition Jacobian is the linearised gravity-gradient STM: the variational equations
 * Φ' = [[0, I], [G(t), 0]] Φ with G = ∂g/∂r taken linear in time between its values at the two
 * ends of each sub-step (kernels6.ts stm6:
 *   Φ = [[I + h²(2G0 + G1)/6, I h + h³(G0 + G1)/12], [h(G0 + G1)/2, I + h²(G0 + 2G1)/6]]),
 * composed over sub-steps (Montenbruck & Gill, "Satellite Orbits" (2000), ch. 7, variational
 * equations). G is the point-mass gradient
 * μ/r³ (3 r̂r̂ᵀ − I) (Montenbruck & Gill, ch. 7); J2's gradient, ≈ 0.5 % of it in low orbit, is left
 * out of Φ only (not of the mean): it changes the small gravity-driven terms of Φ by that 0.5 %,
 * which leaves filter consistency unaffected (ekf.test.ts NEES) at radar revisit intervals.
 */
import {
  GM_EARTH_m3ps2,
  J2_EARTH,
  OMEGA_EARTH_radps,
  WGS84_A_m,
  WGS84_F,
} from '../core/constants.ts';
import { density_kgpm3 } from '../dynamics/atmosphere.ts';
import { gravityJ2 } from '../dynamics/gravity.ts';
import type { MotionModel } from './motion-model.ts';
import { addCwnaNoise } from './motion-model.ts';
import { phiPPhiTplusCwna6FromG as cwnaFromGImport, stm6 as stm6Import } from './kernels6.ts';

const posScratch = new Float64Array(3);
const accScratch = new Float64Array(3);

/**
 * Point-mass + J2 acceleration (m/s²) at (x, y, z) ECI, written into out at offset o: the shared
 * force model dynamics/gravity.ts `gravityJ2` (Vallado 2013, eq. 8-30), called through module
 * scratch so the RK4 stages pass plain numbers and allocate nothing.
 */
export function accelJ2(x: number, y: number, z: number, out: Float64Array, o = 0): void {
  posScratch[0] = x;
  posScratch[1] = y;
  posScratch[2] = z;
  gravityJ2Fn(posScratch, accScratch);
  out[o] = accScratch[0];
  out[o + 1] = accScratch[1];
  out[o + 2] = accScratch[2];
}

// Module-level copy: read once, not through an import binding on every call in the hot loop.
const MU = GM_EARTH_m3ps2;
/** Constants of dynamics/gravity.ts `gravityJ2`, computed the same way (bit-identical). */
const GM_J2 = GM_EARTH_m3ps2;
const J2_TERM_m2 = 1.5 * J2_EARTH * WGS84_A_m * WGS84_A_m;
const gravityJ2Fn = gravityJ2;
const stm6 = stm6Import;
const phiPPhiTplusCwna6FromG = cwnaFromGImport;

/** Point-mass gravity gradient G = μ/r³ (3 r̂r̂ᵀ − I), row-major 3×3 into out. */
export function gravityGradient(x: number, y: number, z: number, out: Float64Array): void {
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const mur3 = MU / (r2 * r);
  const s = (3 * mur3) / r2;
  out[0] = s * x * x - mur3;
  out[1] = s * x * y;
  out[2] = s * x * z;
  out[3] = out[1];
  out[4] = s * y * y - mur3;
  out[5] = s * y * z;
  out[6] = out[2];
  out[7] = out[5];
  out[8] = s * z * z - mur3;
}

export interface BallisticModelOptions {
  /** Process-noise spectral density (CWNA), m²/s³ per axis. */
  q_m2ps3: number;
  /** Largest RK4 sub-step, s (default 10 s: local error < 1 cm on a 7 km/s trajectory). */
  maxStep_s?: number;
}

/** 6-state ballistic model [posEci_m, velEci_mps] with point-mass + J2 gravity. */
export class BallisticModel implements MotionModel {
  readonly n = 6;
  readonly q: number;
  readonly cwnaDensity: number;
  readonly maxStep: number;
  private readonly k = new Float64Array(24);
  private readonly G = new Float64Array(9);
  private readonly G0 = new Float64Array(9);
  private readonly stm = new Float64Array(36);
  private readonly acc = new Float64Array(36);
  private readonly tmp = new Float64Array(36);
  /** Upper triangles of the gravity gradients at a one-step transition's ends (rk4Step6). */
  private readonly g = new Float64Array(12);

  constructor(opts: BallisticModelOptions) {
    this.q = opts.q_m2ps3;
    this.cwnaDensity = opts.q_m2ps3;
    this.maxStep = opts.maxStep_s ?? 10;
  }

  transition(x: Float64Array, dt: number, xOut: Float64Array, Phi: Float64Array | null): void {
    if (Math.abs(dt) <= this.maxStep) {
      // One sub-step (every radar revisit): the straight-line path below.
      if (Phi) {
        rk4Step6(x, dt, xOut, this.g);
        stmFromG6(this.g, dt, Phi);
      } else rk4Step6(x, dt, xOut, null);
      return;
    }
    const steps = Math.ceil(Math.abs(dt) / this.maxStep);
    const h = dt / steps;
    const k = this.k;
    let rx = x[0];
    let ry = x[1];
    let rz = x[2];
    let vx = x[3];
    let vy = x[4];
    let vz = x[5];
    for (let s = 0; s < steps; s++) {
      // Classical RK4 on r' = v, v' = g(r); k holds the four accelerations.
      accelJ2(rx, ry, rz, k, 0);
      const h2 = h / 2;
      accelJ2(rx + h2 * vx, ry + h2 * vy, rz + h2 * vz, k, 3);
      const v2x = vx + h2 * k[0];
      const v2y = vy + h2 * k[1];
      const v2z = vz + h2 * k[2];
      accelJ2(rx + h2 * v2x, ry + h2 * v2y, rz + h2 * v2z, k, 6);
      const v3x = vx + h2 * k[3];
      const v3y = vy + h2 * k[4];
      const v3z = vz + h2 * k[5];
      accelJ2(rx + h * v3x, ry + h * v3y, rz + h * v3z, k, 9);
      const v4x = vx + h * k[6];
      const v4y = vy + h * k[7];
      const v4z = vz + h * k[8];
      const h6 = h / 6;
      const nrx = rx + h6 * (vx + 2 * v2x + 2 * v3x + v4x);
      const nry = ry + h6 * (vy + 2 * v2y + 2 * v3y + v4y);
      const nrz = rz + h6 * (vz + 2 * v2z + 2 * v3z + v4z);
      vx += h6 * (k[0] + 2 * k[3] + 2 * k[6] + k[9]);
      vy += h6 * (k[1] + 2 * k[4] + 2 * k[7] + k[10]);
      vz += h6 * (k[2] + 2 * k[5] + 2 * k[8] + k[11]);
      if (Phi) {
        // G at the step's start (the previous step's end) and end.
        if (s === 0) gravityGradient(rx, ry, rz, this.G0);
        else this.G0.set(this.G);
        gravityGradient(nrx, nry, nrz, this.G);
        if (s === 0) stm6(this.G0, this.G, h, Phi);
        else {
          stm6(this.G0, this.G, h, this.stm);
          mul6(this.stm, Phi, this.tmp);
          Phi.set(this.tmp);
        }
      }
      rx = nrx;
      ry = nry;
      rz = nrz;
    }
    xOut[0] = rx;
    xOut[1] = ry;
    xOut[2] = rz;
    xOut[3] = vx;
    xOut[4] = vy;
    xOut[5] = vz;
  }

  /**
   * The EKF prediction in one pass when |dt| ≤ maxStep (one RK4 sub-step): xOut = f(x, dt) and
   * POut = Φ P Φᵀ + Q_CWNA(q, |dt|), bit-identical to transition + kernels6.ts
   * phiPPhiTplusCwna6 but with Φ kept in registers. Returns false (nothing written) otherwise.
   * POut may alias P; xOut must not alias x.
   */
  predictCwna6(
    x: Float64Array,
    P: Float64Array,
    dt: number,
    xOut: Float64Array,
    POut: Float64Array,
  ): boolean {
    if (!(Math.abs(dt) <= this.maxStep)) return false;
    rk4Step6(x, dt, xOut, this.g);
    phiPPhiTplusCwna6FromG(this.g, dt, P, this.q, Math.abs(dt), POut);
    return true;
  }

  processNoise(_x: Float64Array, dt: number, Q: Float64Array): void {
    Q.fill(0, 0, 36);
    addCwnaNoise(this.q, Math.abs(dt), 6, Q);
  }
}

function mul6(A: Float64Array, B: Float64Array, out: Float64Array): void {
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      let s = 0;
      for (let l = 0; l < 6; l++) s += A[i * 6 + l] * B[l * 6 + j];
      out[i * 6 + j] = s;
    }
  }
}

/**
 * One RK4 step of h = dt (|dt| ≤ maxStep) with the J2 acceleration (dynamics/gravity.ts
 * `gravityJ2`, Vallado 2013 eq. 8-30) written out in each stage and, when g is given, the
 * point-mass gradients G0, G1 at both ends (upper triangles, g = [G0 00 01 02 11 12 22, G1 …]),
 * all in locals: the same arithmetic, operation for operation, as the general path (accelJ2,
 * gravityGradient), so the results are bit-identical; G0 reuses the first stage's μ/r³.
 */
function rk4Step6(x: Float64Array, h: number, xOut: Float64Array, g: Float64Array | null): void {
  const GMl = GM_J2;
  const J2T = J2_TERM_m2;
  const rx = x[0];
  const ry = x[1];
  const rz = x[2];
  const vx = x[3];
  const vy = x[4];
  const vz = x[5];
  const h2 = h / 2;
  // Stage 1 at r.
  const r2a = rx * rx + ry * ry + rz * rz;
  const ka = -GMl / (r2a * Math.sqrt(r2a));
  const ca = J2T / r2a;
  const sa = (5 * rz * rz) / r2a;
  const kxya = ka * (1 + ca * (1 - sa));
  const k0x = kxya * rx;
  const k0y = kxya * ry;
  const k0z = ka * (1 + ca * (3 - sa)) * rz;
  // Stage 2 at r + h/2 v.
  const xb = rx + h2 * vx;
  const yb = ry + h2 * vy;
  const zb = rz + h2 * vz;
  const r2b = xb * xb + yb * yb + zb * zb;
  const kb = -GMl / (r2b * Math.sqrt(r2b));
  const cb = J2T / r2b;
  const sb = (5 * zb * zb) / r2b;
  const kxyb = kb * (1 + cb * (1 - sb));
  const k1x = kxyb * xb;
  const k1y = kxyb * yb;
  const k1z = kb * (1 + cb * (3 - sb)) * zb;
  const v2x = vx + h2 * k0x;
  const v2y = vy + h2 * k0y;
  const v2z = vz + h2 * k0z;
  // Stage 3 at r + h/2 v2.
  const xc = rx + h2 * v2x;
  const yc = ry + h2 * v2y;
  const zc = rz + h2 * v2z;
  const r2c = xc * xc + yc * yc + zc * zc;
  const kc = -GMl / (r2c * Math.sqrt(r2c));
  const cc = J2T / r2c;
  const sc = (5 * zc * zc) / r2c;
  const kxyc = kc * (1 + cc * (1 - sc));
  const k2x = kxyc * xc;
  const k2y = kxyc * yc;
  const k2z = kc * (1 + cc * (3 - sc)) * zc;
  const v3x = vx + h2 * k1x;
  const v3y = vy + h2 * k1y;
  const v3z = vz + h2 * k1z;
  // Stage 4 at r + h v3.
  const xd = rx + h * v3x;
  const yd = ry + h * v3y;
  const zd = rz + h * v3z;
  const r2d = xd * xd + yd * yd + zd * zd;
  const kd = -GMl / (r2d * Math.sqrt(r2d));
  const cd = J2T / r2d;
  const sd = (5 * zd * zd) / r2d;
  const kxyd = kd * (1 + cd * (1 - sd));
  const k3x = kxyd * xd;
  const k3y = kxyd * yd;
  const k3z = kd * (1 + cd * (3 - sd)) * zd;
  const v4x = vx + h * k2x;
  const v4y = vy + h * k2y;
  const v4z = vz + h * k2z;
  const h6 = h / 6;
  const nrx = rx + h6 * (vx + 2 * v2x + 2 * v3x + v4x);
  const nry = ry + h6 * (vy + 2 * v2y + 2 * v3y + v4y);
  const nrz = rz + h6 * (vz + 2 * v2z + 2 * v3z + v4z);
  xOut[0] = nrx;
  xOut[1] = nry;
  xOut[2] = nrz;
  xOut[3] = vx + h6 * (k0x + 2 * k1x + 2 * k2x + k3x);
  xOut[4] = vy + h6 * (k0y + 2 * k1y + 2 * k2y + k3y);
  xOut[5] = vz + h6 * (k0z + 2 * k1z + 2 * k2z + k3z);
  if (!g) return;
  // G0 = μ/r³ (3 r̂r̂ᵀ − I) at the start: μ/r³ is −ka (the same μ / (r² · √r²)).
  const m0 = -ka;
  const s0 = (3 * m0) / r2a;
  const a00 = s0 * rx * rx - m0;
  const a01 = s0 * rx * ry;
  const a02 = s0 * rx * rz;
  const a11 = s0 * ry * ry - m0;
  const a12 = s0 * ry * rz;
  const a22 = s0 * rz * rz - m0;
  // G1 at the end.
  const r2e = nrx * nrx + nry * nry + nrz * nrz;
  const m1 = GMl / (r2e * Math.sqrt(r2e));
  const s1 = (3 * m1) / r2e;
  const b00 = s1 * nrx * nrx - m1;
  const b01 = s1 * nrx * nry;
  const b02 = s1 * nrx * nrz;
  const b11 = s1 * nry * nry - m1;
  const b12 = s1 * nry * nrz;
  const b22 = s1 * nrz * nrz - m1;
  g[0] = a00;
  g[1] = a01;
  g[2] = a02;
  g[3] = a11;
  g[4] = a12;
  g[5] = a22;
  g[6] = b00;
  g[7] = b01;
  g[8] = b02;
  g[9] = b11;
  g[10] = b12;
  g[11] = b22;
}

const G0s = new Float64Array(9);
const G1s = new Float64Array(9);

/**
 * Φ for one step h from the gradients' upper triangles g (see rk4Step6): unpacks them into the
 * full symmetric 3×3 matrices `stm6` takes (the same expressions, so bit-identical).
 */
function stmFromG6(g: Float64Array, h: number, Phi: Float64Array): void {
  for (let k = 0; k < 2; k++) {
    const G = k === 0 ? G0s : G1s;
    const o = 6 * k;
    G[0] = g[o];
    G[1] = G[3] = g[o + 1];
    G[2] = G[6] = g[o + 2];
    G[4] = g[o + 3];
    G[5] = G[7] = g[o + 4];
    G[8] = g[o + 5];
  }
  stm6(G0s, G1s, h, Phi);
}

/** Approximate geodetic altitude: height above the WGS-84 ellipsoid's radius at that latitude. */
export function approxAltitude_m(x: number, y: number, z: number): number {
  const r = Math.sqrt(x * x + y * y + z * z);
  const s2 = (z * z) / (r * r);
  return r - WGS84_A_m * (1 - WGS84_F * s2);
}

export interface DragBallisticModelOptions extends BallisticModelOptions {
  /** Random-walk density of β, (kg/m²)²/s. */
  qBeta: number;
  /** Air density (kg/m³) from altitude (m); default the US Standard Atmosphere 1976 of
   * dynamics/atmosphere.ts (`density_kgpm3`). */
  density?: (alt_m: number) => number;
}

/**
 * 7-state [r, v, β] ballistic model with drag a_D = −ρ |v_rel| v_rel / (2β), v_rel = v − ω×r
 * (atmosphere co-rotating with the Earth). The Jacobian is by central finite differences of the
 * RK4 transition (a numerically computed STM; Montenbruck & Gill (2000), ch. 7, on difference
 * quotient approximations of the STM), which is accurate and allocation-free but slower than
 * the 6-state analytic path.
 */
export class DragBallisticModel implements MotionModel {
  readonly n = 7;
  readonly q: number;
  readonly qBeta: number;
  readonly maxStep: number;
  readonly density: (alt_m: number) => number;
  private readonly a = new Float64Array(3);
  private readonly ks = new Float64Array(28);
  private readonly xp = new Float64Array(7);
  private readonly xm = new Float64Array(7);
  private readonly fp = new Float64Array(7);
  private readonly fm = new Float64Array(7);
  private readonly y = new Float64Array(7);

  constructor(opts: DragBallisticModelOptions) {
    this.q = opts.q_m2ps3;
    this.qBeta = opts.qBeta;
    this.maxStep = opts.maxStep_s ?? 2;
    this.density = opts.density ?? density_kgpm3;
  }

  /** Time derivative of the 7-state into out at offset o. */
  private deriv(s: Float64Array, out: Float64Array, o: number): void {
    const x = s[0];
    const y = s[1];
    const z = s[2];
    const vx = s[3];
    const vy = s[4];
    const vz = s[5];
    const beta = Math.max(s[6], 1);
    accelJ2(x, y, z, this.a, 0);
    const rho = this.density(approxAltitude_m(x, y, z));
    let ax = this.a[0];
    let ay = this.a[1];
    let az = this.a[2];
    if (rho > 0) {
      const w = OMEGA_EARTH_radps;
      const ux = vx + w * y;
      const uy = vy - w * x;
      const uz = vz;
      const f = (-rho * Math.sqrt(ux * ux + uy * uy + uz * uz)) / (2 * beta);
      ax += f * ux;
      ay += f * uy;
      az += f * uz;
    }
    out[o] = vx;
    out[o + 1] = vy;
    out[o + 2] = vz;
    out[o + 3] = ax;
    out[o + 4] = ay;
    out[o + 5] = az;
    out[o + 6] = 0;
  }

  private propagate(x: Float64Array, dt: number, out: Float64Array): void {
    const steps = Math.max(1, Math.ceil(Math.abs(dt) / this.maxStep));
    const h = dt / steps;
    const k = this.ks;
    const y = this.y;
    out.set(x.subarray(0, 7));
    for (let s = 0; s < steps; s++) {
      this.deriv(out, k, 0);
      for (let i = 0; i < 7; i++) y[i] = out[i] + (h / 2) * k[i];
      this.deriv(y, k, 7);
      for (let i = 0; i < 7; i++) y[i] = out[i] + (h / 2) * k[7 + i];
      this.deriv(y, k, 14);
      for (let i = 0; i < 7; i++) y[i] = out[i] + h * k[14 + i];
      this.deriv(y, k, 21);
      for (let i = 0; i < 7; i++)
        out[i] += (h / 6) * (k[i] + 2 * k[7 + i] + 2 * k[14 + i] + k[21 + i]);
    }
  }

  transition(x: Float64Array, dt: number, xOut: Float64Array, Phi: Float64Array | null): void {
    this.propagate(x, dt, xOut);
    if (!Phi) return;
    for (let j = 0; j < 7; j++) {
      // Step sizes: 1 m, 1 mm/s, 0.1 % of β: small against the state, large against round-off.
      const d = j < 3 ? 1 : j < 6 ? 1e-3 : Math.max(1e-3 * Math.abs(x[6]), 1e-3);
      this.xp.set(x.subarray(0, 7));
      this.xm.set(x.subarray(0, 7));
      this.xp[j] += d;
      this.xm[j] -= d;
      this.propagate(this.xp, dt, this.fp);
      this.propagate(this.xm, dt, this.fm);
      for (let i = 0; i < 7; i++) Phi[i * 7 + j] = (this.fp[i] - this.fm[i]) / (2 * d);
    }
  }

  processNoise(_x: Float64Array, dt: number, Q: Float64Array): void {
    Q.fill(0, 0, 49);
    addCwnaNoise(this.q, Math.abs(dt), 7, Q);
    Q[48] = this.qBeta * Math.abs(dt);
  }
}
