/**
 * Track initiation and M-of-N confirmation.
 *
 * Single-point initiation: a range-az-el(-rr) detection gives a position r = o + Cᵀ·d(ρ, az, el)
 * with covariance J R Jᵀ (J = ∂r/∂(ρ, az, el)); the velocity gets a zero mean in ECI and a broad
 * isotropic prior (σ_v, default 4 km/s, enough for an ICBM at burnout). The next associated
 * detection then does two-point differencing through the filter update itself (a Kalman update
 * with a diffuse velocity prior reproduces the two-point difference; Bar-Shalom, Li &
 * Kirubarajan (2001)). Angle-only (az-el) detections never initiate alone: the initiator
 * keeps them for triangulationWindow_s and initiates once two sensors' lines of sight intersect
 * within a χ² test (Gauss–Newton least squares on the four angles, covariance
 * (Σ Hᵢᵀ Rᵢ⁻¹ Hᵢ)⁻¹; Blackman & Popoli (1999), on passive triangulation).
 *
 * Confirmation is M-of-N over detection opportunities (Blackman & Popoli (1999);
 * Bar-Shalom, Willett & Tian, "Tracking and Data Fusion" (2011)): a tentative track is
 * confirmed with ≥ M hits among its first N opportunities, dropped as soon as M can no longer be
 * reached.
 */
import type { Detection } from '../core/detection.ts';
import { createGaussianState, type GaussianState } from './gaussian-state.ts';
import { cholesky, choleskySolve, invert, invertSymSmall } from './linalg.ts';
import { innovation, measure } from './measurement.ts';
import type { Track } from './track.ts';
import { chi2Quantile } from './linalg.ts';

export type Confirmation = 'confirm' | 'keep' | 'drop';

export interface Initiator {
  /** New track states (6-state [r, v] ECI) from detections no track took, with the detection
   * each was started from (the later one of a triangulated pair). */
  initiate(unassigned: readonly Detection[], time_s: number): Initiated[];
  /** Decision for a tentative track after a scan. */
  confirmation(track: Track<GaussianState>): Confirmation;
}

export interface Initiated {
  state: GaussianState;
  detection: Detection;
}

export interface MofNInitiatorOptions {
  /** Hits needed (M). */
  m: number;
  /** Opportunities considered (N ≥ M). */
  n: number;
  /** Velocity prior σ per axis (m/s), default 4000. */
  velocitySigma_mps?: number;
  /** How long angle-only detections wait for a partner from another sensor (s), default 2. */
  triangulationWindow_s?: number;
  /** Smallest angle between two lines of sight for triangulation (rad), default 2°. */
  minTriangulationAngle_rad?: number;
  /** χ² probability for accepting a triangulation (1 dof), default 0.999. */
  triangulationGate?: number;
}

/** Position (ECI) and its covariance from a range-az-el(-rr) detection. */
export function positionFromDetection(det: Detection, pos: Float64Array, Ppos: Float64Array): void {
  const z = det.measurement;
  const R = det.covariance;
  const m = det.kind === 'range-az-el' ? 3 : 4;
  const rg = z[0];
  const az = z[1];
  const el = z[2];
  const ce = Math.cos(el);
  const se = Math.sin(el);
  const ca = Math.cos(az);
  const sa = Math.sin(az);
  const d = [rg * ce * sa, rg * ce * ca, rg * se];
  // ∂d/∂(ρ, az, el) in F (3×3, columns ρ, az, el).
  const Jf = [
    ce * sa,
    rg * ce * ca,
    -rg * se * sa,
    ce * ca,
    -rg * ce * sa,
    -rg * se * ca,
    se,
    0,
    rg * ce,
  ];
  const C = det.frameFromEci;
  const J = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    pos[i] = det.originEci_m[i] + C[i] * d[0] + C[3 + i] * d[1] + C[6 + i] * d[2];
    for (let k = 0; k < 3; k++)
      J[i * 3 + k] = C[i] * Jf[k] + C[3 + i] * Jf[3 + k] + C[6 + i] * Jf[6 + k];
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) s += J[i * 3 + a] * R[a * m + b] * J[j * 3 + b];
      Ppos[i * 3 + j] = s;
    }
  }
}

/** ECI unit line of sight of an az-el (or range-az-el) detection. */
export function lineOfSight(det: Detection, out: Float64Array): Float64Array {
  const o = det.kind === 'az-el' ? 0 : 1;
  const az = det.measurement[o];
  const el = det.measurement[o + 1];
  const d = [Math.cos(el) * Math.sin(az), Math.cos(el) * Math.cos(az), Math.sin(el)];
  const C = det.frameFromEci;
  for (let i = 0; i < 3; i++) out[i] = C[i] * d[0] + C[3 + i] * d[1] + C[6 + i] * d[2];
  return out;
}

/**
 * Least-squares intersection of two or more angle-only detections: position and covariance and
 * the χ² of the angle residuals (2k − 3 dof), or null if the geometry is degenerate.
 */
export function triangulate(
  dets: readonly Detection[],
  minAngle_rad = (2 * Math.PI) / 180,
): { pos: Float64Array; P: Float64Array; chi2: number } | null {
  if (dets.length < 2) return null;
  const u1 = lineOfSight(dets[0], new Float64Array(3));
  const u2 = lineOfSight(dets[1], new Float64Array(3));
  const o1 = dets[0].originEci_m;
  const o2 = dets[1].originEci_m;
  const b = u1[0] * u2[0] + u1[1] * u2[1] + u1[2] * u2[2];
  if (Math.acos(Math.min(1, Math.abs(b))) < minAngle_rad) return null;
  // Closest points o1 + s u1, o2 + t u2 (s, t > 0: in front of both sensors).
  const w = [o1[0] - o2[0], o1[1] - o2[1], o1[2] - o2[2]];
  const dd = u1[0] * w[0] + u1[1] * w[1] + u1[2] * w[2];
  const e = u2[0] * w[0] + u2[1] * w[1] + u2[2] * w[2];
  const den = 1 - b * b;
  const s = (b * e - dd) / den;
  const t = (e - b * dd) / den;
  if (!(s > 0 && t > 0)) return null;
  const pos = new Float64Array(3);
  for (let i = 0; i < 3; i++) pos[i] = 0.5 * (o1[i] + s * u1[i] + o2[i] + t * u2[i]);
  // Gauss–Newton on the angles.
  const H = new Float64Array(4 * 6);
  const z = new Float64Array(4);
  const nu = new Float64Array(2);
  const Ri = new Float64Array(4);
  const work = new Float64Array(16);
  const A = new Float64Array(9);
  const g = new Float64Array(3);
  const x6 = new Float64Array(6);
  let chi2 = 0;
  for (let iter = 0; iter < 6; iter++) {
    A.fill(0);
    g.fill(0);
    chi2 = 0;
    x6.set(pos);
    for (const det of dets) {
      measure(x6, 6, det, z, H);
      const m = det.kind === 'az-el' ? 2 : det.kind === 'range-az-el' ? 3 : 4;
      const o = det.kind === 'az-el' ? 0 : 1;
      innovation('az-el', det.measurement.subarray(o, o + 2), z.subarray(o, o + 2), nu);
      const R2 = [
        det.covariance[o * m + o],
        det.covariance[o * m + o + 1],
        det.covariance[(o + 1) * m + o],
        det.covariance[(o + 1) * m + o + 1],
      ];
      invertSymSmall(R2, 2, Ri, work);
      // Rows of H for az, el (measure() wrote them at rows 0..1 for az-el and 1..2 otherwise).
      const Ha = H.subarray(o * 6, o * 6 + 12);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          let sum = 0;
          for (let a = 0; a < 2; a++)
            for (let c = 0; c < 2; c++) sum += Ha[a * 6 + i] * Ri[a * 2 + c] * Ha[c * 6 + j];
          A[i * 3 + j] += sum;
        }
        let gi = 0;
        for (let a = 0; a < 2; a++)
          for (let c = 0; c < 2; c++) gi += Ha[a * 6 + i] * Ri[a * 2 + c] * nu[c];
        g[i] += gi;
      }
      chi2 += nu[0] * (Ri[0] * nu[0] + Ri[1] * nu[1]) + nu[1] * (Ri[2] * nu[0] + Ri[3] * nu[1]);
    }
    const L = new Float64Array(9);
    if (!cholesky(A, 3, L)) return null;
    const dx = choleskySolve(L, 3, g, new Float64Array(3));
    for (let i = 0; i < 3; i++) pos[i] += dx[i];
    if (Math.hypot(dx[0], dx[1], dx[2]) < 1e-3) break;
  }
  const P = new Float64Array(9);
  if (!invert(A, 3, P)) return null;
  return { pos, P, chi2 };
}

export class MofNInitiator implements Initiator {
  readonly m: number;
  readonly n: number;
  readonly sigmaV: number;
  readonly window: number;
  readonly minAngle: number;
  readonly triGate: number;
  private pendingAngles: Detection[] = [];

  constructor(o: MofNInitiatorOptions) {
    if (!(o.m >= 1 && o.n >= o.m))
      throw new RangeError(`M-of-N needs 1 ≤ M ≤ N, got ${o.m}-of-${o.n}`);
    this.m = o.m;
    this.n = o.n;
    this.sigmaV = o.velocitySigma_mps ?? 4000;
    this.window = o.triangulationWindow_s ?? 2;
    this.minAngle = o.minTriangulationAngle_rad ?? (2 * Math.PI) / 180;
    this.triGate = o.triangulationGate ?? 0.999;
  }

  private stateFrom(
    pos: ArrayLike<number>,
    Ppos: ArrayLike<number>,
    time_s: number,
    extraVar = 0,
  ): GaussianState {
    const s = createGaussianState(6, time_s);
    for (let i = 0; i < 3; i++) {
      s.x[i] = pos[i];
      for (let j = 0; j < 3; j++) s.P[i * 6 + j] = Ppos[i * 3 + j] + (i === j ? extraVar : 0);
      s.P[(i + 3) * 6 + i + 3] = this.sigmaV * this.sigmaV;
    }
    return s;
  }

  initiate(unassigned: readonly Detection[], time_s: number): Initiated[] {
    const out: Initiated[] = [];
    const pos = new Float64Array(3);
    const Ppos = new Float64Array(9);
    this.pendingAngles = this.pendingAngles.filter((d) => time_s - d.time_s <= this.window);
    for (const det of unassigned) {
      if (det.kind !== 'az-el') {
        positionFromDetection(det, pos, Ppos);
        const s = this.stateFrom(pos, Ppos, det.time_s);
        // A measured range rate is not used at initiation; the first update folds it in.
        out.push({ state: s, detection: det });
        continue;
      }
      // Angle-only: look for a partner from another sensor; take the best χ².
      let best: { i: number; r: NonNullable<ReturnType<typeof triangulate>> } | null = null;
      for (let i = 0; i < this.pendingAngles.length; i++) {
        const p = this.pendingAngles[i];
        if (p.sensorId === det.sensorId || Math.abs(p.time_s - det.time_s) > this.window) continue;
        const r = triangulate([p, det], this.minAngle);
        if (r && r.chi2 <= chi2Quantile(this.triGate, 1) && (!best || r.chi2 < best.r.chi2))
          best = { i, r };
      }
      if (best) {
        const dt = Math.abs(det.time_s - this.pendingAngles[best.i].time_s);
        // The target moved between the two looks: inflate by (σ_v Δt)² per axis.
        const state = this.stateFrom(best.r.pos, best.r.P, det.time_s, (this.sigmaV * dt) ** 2 / 4);
        out.push({ state, detection: det });
        this.pendingAngles.splice(best.i, 1);
      } else this.pendingAngles.push(det);
    }
    return out;
  }

  confirmation(track: Track<GaussianState>): Confirmation {
    const h = track.hits.slice(0, this.n);
    let hits = 0;
    for (const x of h) if (x) hits++;
    if (hits >= this.m) return 'confirm';
    if (hits + (this.n - h.length) < this.m) return 'drop';
    return 'keep';
  }
}
