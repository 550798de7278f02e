/**
 * Measurement functions h(x) and Jacobians H for the Detection kinds of core/detection.ts.
 *
 * The predicted position is moved into the sensor frame F: d = C·(r − o), C = frameFromEci
 * (row-major), o = originEci_m. Then range = |d|, azimuth = atan2(d_x, d_y) (from F's +y toward
 * +x, clockwise seen from +z), elevation = atan2(d_z, √(d_x² + d_y²)); range rate is the
 * frame-independent (r − o)·(v − ȯ)/|r − o| with ȯ = originVelEci_mps.
 * Jacobians: ∂az/∂d = [d_y, −d_x, 0]/ρ², ∂el/∂d = [−d_x d_z, −d_y d_z, ρ²]/(|d|² ρ),
 * ∂|d|/∂d = d/|d|, mapped to ECI by right-multiplying with C; ∂ṙ/∂r = (v_rel − ṙ u)/|r − o|,
 * ∂ṙ/∂v = u with u = (r − o)/|r − o|.
 */
import type { Detection, MeasurementKind } from '../core/detection.ts';

export const measurementDim = (kind: MeasurementKind): number =>
  kind === 'az-el' ? 2 : kind === 'range-az-el' ? 3 : 4;

/** Index of azimuth inside the measurement vector. */
export const azimuthIndex = (kind: MeasurementKind): number => (kind === 'az-el' ? 0 : 1);

/**
 * Predicted measurement z (length m) for state x (position at 0..2, velocity at 3..5) as seen
 * by the detection's sensor; when H is given also the m×n Jacobian (columns ≥ 6 zero).
 */
export function measure(
  x: ArrayLike<number>,
  n: number,
  det: Detection,
  z: Float64Array,
  H: Float64Array | null,
): void {
  const o = det.originEci_m;
  const C = det.frameFromEci;
  const ex = x[0] - o[0];
  const ey = x[1] - o[1];
  const ez = x[2] - o[2];
  const dx = C[0] * ex + C[1] * ey + C[2] * ez;
  const dy = C[3] * ex + C[4] * ey + C[5] * ez;
  const dz = C[6] * ex + C[7] * ey + C[8] * ez;
  const rho2 = dx * dx + dy * dy;
  const rho = Math.sqrt(rho2);
  const r2 = rho2 + dz * dz;
  const r = Math.sqrt(r2);
  const az = Math.atan2(dx, dy);
  const el = Math.atan2(dz, rho);
  const kind = det.kind;
  let row = 0;
  if (kind !== 'az-el') {
    z[0] = r;
    row = 1;
  }
  z[row] = az;
  z[row + 1] = el;
  if (kind === 'range-az-el-rr') {
    const ov = det.originVelEci_mps;
    z[3] = (ex * (x[3] - ov[0]) + ey * (x[4] - ov[1]) + ez * (x[5] - ov[2])) / r;
  }
  if (!H) return;
  const m = kind === 'az-el' ? 2 : kind === 'range-az-el' ? 3 : 4;
  if (n === 6 && m === 3) {
    // Hot path (6-state EKF, radar): velocity columns are zero; everything else is written below.
    H[3] = H[4] = H[5] = H[9] = H[10] = H[11] = H[15] = H[16] = H[17] = 0;
  } else H.fill(0, 0, m * n);
  // Rows in F, then times C.
  const iaz = row;
  const a0 = dy / rho2;
  const a1 = -dx / rho2;
  const k = 1 / (r2 * rho);
  const e0 = -dx * dz * k;
  const e1 = -dy * dz * k;
  const e2 = rho2 * k;
  for (let j = 0; j < 3; j++) {
    H[iaz * n + j] = a0 * C[j] + a1 * C[3 + j];
    H[(iaz + 1) * n + j] = e0 * C[j] + e1 * C[3 + j] + e2 * C[6 + j];
  }
  if (kind !== 'az-el') {
    // ∂|d|/∂r in ECI is simply the ECI unit vector (C is orthonormal).
    H[0] = ex / r;
    H[1] = ey / r;
    H[2] = ez / r;
  }
  if (kind === 'range-az-el-rr') {
    const ov = det.originVelEci_mps;
    const ux = ex / r;
    const uy = ey / r;
    const uz = ez / r;
    const rr = z[3];
    H[3 * n] = (x[3] - ov[0] - rr * ux) / r;
    H[3 * n + 1] = (x[4] - ov[1] - rr * uy) / r;
    H[3 * n + 2] = (x[5] - ov[2] - rr * uz) / r;
    H[3 * n + 3] = ux;
    H[3 * n + 4] = uy;
    H[3 * n + 5] = uz;
  }
}

/** Wraps an angle difference into (−π, π]. */
export function wrapAngle(a: number): number {
  if (a > Math.PI || a <= -Math.PI) {
    a = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    if (a <= -Math.PI) a += 2 * Math.PI;
  }
  return a;
}

/** ν = z − ẑ with the azimuth difference wrapped into (−π, π]. */
export function innovation(
  kind: MeasurementKind,
  z: ArrayLike<number>,
  zPred: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const m = kind === 'az-el' ? 2 : kind === 'range-az-el' ? 3 : 4;
  for (let i = 0; i < m; i++) out[i] = z[i] - zPred[i];
  const ia = kind === 'az-el' ? 0 : 1;
  out[ia] = wrapAngle(out[ia]);
  return out;
}
