/**
 * Analytic two-body motion: universal-variable propagation (exact for free flight in vacuum about
 * a point mass, for every conic) and conversion between state vectors and classical elements.
 * Hot-path functions read plain numbers and write into `out` arguments; nothing allocates.
 *
 * Sources:
 * - Vallado, D. A., "Fundamentals of Astrodynamics and Applications", 4th ed. (2013),
 *   Algorithm 8 (KEPLER, universal variables), Algorithm 9 (RV2COE), Algorithm 10 (COE2RV).
 * - Curtis, H. D., "Orbital Mechanics for Engineering Students", 3rd ed. (2014), Algorithm 3.3
 *   (universal Kepler equation, eq. 3.49) and Algorithm 3.4 (Lagrange f, g, ḟ, ġ, eq. 3.69).
 */
import { stumpffC, stumpffS } from './kepler.ts';

const TWO_PI = 2 * Math.PI;

/**
 * Propagates a two-body state by `dt_s` (negative runs backward) with the universal anomaly χ,
 * so one formula covers ellipses, parabolas, hyperbolas and radial (h = 0) arcs that do not pass
 * through the centre. The universal Kepler equation
 *   √μ Δt = χ³ S(αχ²) + (r₀·v₀/√μ) χ² C(αχ²) + r₀ χ (1 − αχ² S(αχ²))      (Curtis eq. 3.49)
 * is increasing in χ (its derivative is r/√μ·√μ = r > 0), so it is solved by Newton steps kept
 * inside a bracket, falling back to bisection when a step would leave it: it cannot diverge.
 * On an ellipse, whole periods are removed from Δt first (Vallado Algorithm 8 does the same),
 * which bounds the bracket by χ = ±2π√a, one period.
 *
 * `outR`/`outV` may alias `r0`/`v0`. Units are any consistent set (SI in the engine).
 * Returns false, writing NaN, when the input is degenerate (r₀ = 0, non-finite, μ ≤ 0).
 */
export function propagateKepler(
  r0: ArrayLike<number>,
  v0: ArrayLike<number>,
  dt_s: number,
  mu: number,
  outR: Float64Array,
  outV: Float64Array,
): boolean {
  const rx = r0[0];
  const ry = r0[1];
  const rz = r0[2];
  const vx = v0[0];
  const vy = v0[1];
  const vz = v0[2];
  const r0n = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const v2 = vx * vx + vy * vy + vz * vz;
  if (!(r0n > 0) || !(mu > 0) || !Number.isFinite(v2) || !Number.isFinite(dt_s)) {
    outR[0] = outR[1] = outR[2] = NaN;
    outV[0] = outV[1] = outV[2] = NaN;
    return false;
  }
  if (dt_s === 0) {
    outR[0] = rx;
    outR[1] = ry;
    outR[2] = rz;
    outV[0] = vx;
    outV[1] = vy;
    outV[2] = vz;
    return true;
  }
  const sqrtMu = Math.sqrt(mu);
  const sigma0 = (rx * vx + ry * vy + rz * vz) / sqrtMu;
  const alpha = 2 / r0n - v2 / mu; // 1/a; > 0 ellipse, 0 parabola, < 0 hyperbola

  let dt = dt_s;
  let lo: number;
  let hi: number;
  let chi: number;
  if (alpha > 0) {
    const period = TWO_PI / (sqrtMu * alpha * Math.sqrt(alpha));
    if (Math.abs(dt) > period) dt %= period;
    const chiPeriod = TWO_PI / Math.sqrt(alpha);
    lo = dt > 0 ? 0 : -chiPeriod;
    hi = dt > 0 ? chiPeriod : 0;
    chi = sqrtMu * dt * alpha; // Vallado's elliptic starter
  } else {
    // χ grows like ∫√μ/r dt; start from the straight-line estimate and widen until bracketed.
    chi = (sqrtMu * dt) / r0n;
    lo = dt > 0 ? 0 : chi;
    hi = dt > 0 ? chi : 0;
    for (let k = 0; k < 200; k++) {
      const edge = dt > 0 ? hi : lo;
      const F = timeResidual(edge, alpha, sigma0, r0n, sqrtMu * dt);
      if (dt > 0 ? F >= 0 : F <= 0) break;
      if (dt > 0) {
        lo = hi;
        hi *= 2;
      } else {
        hi = lo;
        lo *= 2;
      }
    }
    chi = 0.5 * (lo + hi);
  }
  const target = sqrtMu * dt;
  if (!(chi > lo && chi < hi)) chi = 0.5 * (lo + hi);

  for (let k = 0; k < 200; k++) {
    const psi = alpha * chi * chi;
    const C = stumpffC(psi);
    const S = stumpffS(psi);
    const chi2 = chi * chi;
    const F = chi2 * chi * S + sigma0 * chi2 * C + r0n * chi * (1 - psi * S) - target;
    const dF = chi2 * C + sigma0 * chi * (1 - psi * S) + r0n * (1 - psi * C); // = r
    if (F === 0) break;
    if (F < 0) lo = chi;
    else hi = chi;
    let next = chi - F / dF;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    const step = Math.abs(next - chi);
    chi = next;
    // Newton converges quadratically: a step of 1e-13·χ leaves an error near 1e-26·χ.
    if (step <= 1e-13 * Math.abs(chi) || hi - lo <= 4e-16 * Math.abs(chi)) break;
  }

  const psi = alpha * chi * chi;
  const C = stumpffC(psi);
  const S = stumpffS(psi);
  const chi2 = chi * chi;
  const f = 1 - (chi2 / r0n) * C;
  // g = Δt − χ³S/√μ (Curtis eq. 3.69) rewritten with the universal Kepler equation, so it does not
  // subtract two nearly equal large numbers on long arcs (3× smaller round-trip error on e ≈ 0.9).
  const g = (sigma0 * chi2 * C + r0n * chi * (1 - psi * S)) / sqrtMu;
  const x = f * rx + g * vx;
  const y = f * ry + g * vy;
  const z = f * rz + g * vz;
  const rn = Math.sqrt(x * x + y * y + z * z);
  const fDot = (sqrtMu / (rn * r0n)) * chi * (psi * S - 1);
  const gDot = 1 - (chi2 / rn) * C;
  outR[0] = x;
  outR[1] = y;
  outR[2] = z;
  outV[0] = fDot * rx + gDot * vx;
  outV[1] = fDot * ry + gDot * vy;
  outV[2] = fDot * rz + gDot * vz;
  return true;
}

/** √μ·t(χ) − √μ·Δt for the universal Kepler equation (Curtis eq. 3.49). */
function timeResidual(chi: number, alpha: number, sigma0: number, r0n: number, target: number) {
  const psi = alpha * chi * chi;
  const S = stumpffS(psi);
  const chi2 = chi * chi;
  return chi2 * chi * S + sigma0 * chi2 * stumpffC(psi) + r0n * chi * (1 - psi * S) - target;
}

/**
 * Classical orbital elements. The semi-latus rectum p (not a) keeps parabolas representable.
 * Singular orbits follow Vallado Algorithm 9: equatorial → raan = 0 and argp is the longitude of
 * periapsis measured from +x; circular → argp = 0 and nu is the argument of latitude (from the
 * ascending node), or the true longitude (from +x) when also equatorial. Angles in [0, 2π).
 */
export interface ClassicalElements {
  p_m: number;
  e: number;
  i_rad: number;
  raan_rad: number;
  argp_rad: number;
  nu_rad: number;
}

export const createElements = (): ClassicalElements => ({
  p_m: 0,
  e: 0,
  i_rad: 0,
  raan_rad: 0,
  argp_rad: 0,
  nu_rad: 0,
});

/** Below this, an orbit counts as circular (e) or equatorial (|n|/|h| = sin i). */
const SINGULAR_TOL = 1e-11;

const wrap2Pi = (a: number): number => (a < 0 ? a + TWO_PI : a);

/** Signed angle from a to b about the unit axis k: atan2((a×b)·k, a·b). */
function angleAbout(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  kx: number,
  ky: number,
  kz: number,
): number {
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  return Math.atan2(cx * kx + cy * ky + cz * kz, ax * bx + ay * by + az * bz);
}

/** State vector → classical elements (Vallado Algorithm 9, RV2COE). Writes into `out`. */
export function stateToElements(
  r: ArrayLike<number>,
  v: ArrayLike<number>,
  mu: number,
  out: ClassicalElements,
): ClassicalElements {
  const rx = r[0];
  const ry = r[1];
  const rz = r[2];
  const vx = v[0];
  const vy = v[1];
  const vz = v[2];
  const rn = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const hx = ry * vz - rz * vy;
  const hy = rz * vx - rx * vz;
  const hz = rx * vy - ry * vx;
  const hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
  const kx = hx / hn;
  const ky = hy / hn;
  const kz = hz / hn;
  // Node vector n = ẑ × h.
  const nx = -hy;
  const ny = hx;
  const nn = Math.sqrt(nx * nx + ny * ny);
  const rv = rx * vx + ry * vy + rz * vz;
  const c1 = (vx * vx + vy * vy + vz * vz - mu / rn) / mu;
  const ex = c1 * rx - (rv / mu) * vx;
  const ey = c1 * ry - (rv / mu) * vy;
  const ez = c1 * rz - (rv / mu) * vz;
  const e = Math.sqrt(ex * ex + ey * ey + ez * ez);

  out.p_m = (hn * hn) / mu;
  out.e = e;
  out.i_rad = Math.atan2(nn, hz);
  const equatorial = nn <= SINGULAR_TOL * hn;
  const circular = e <= SINGULAR_TOL;
  // Reference direction in the plane: the ascending node, or +x for equatorial orbits.
  const ux = equatorial ? 1 : nx / nn;
  const uy = equatorial ? 0 : ny / nn;
  out.raan_rad = equatorial ? 0 : wrap2Pi(Math.atan2(uy, ux));
  if (circular) {
    out.argp_rad = 0;
    out.nu_rad = wrap2Pi(angleAbout(ux, uy, 0, rx, ry, rz, kx, ky, kz));
  } else {
    out.argp_rad = wrap2Pi(angleAbout(ux, uy, 0, ex, ey, ez, kx, ky, kz));
    out.nu_rad = wrap2Pi(angleAbout(ex, ey, ez, rx, ry, rz, kx, ky, kz));
  }
  return out;
}

/** Classical elements → state vector (Vallado Algorithm 10, COE2RV). Writes into outR, outV. */
export function elementsToState(
  el: ClassicalElements,
  mu: number,
  outR: Float64Array,
  outV: Float64Array,
): void {
  const { p_m: p, e, i_rad: i, raan_rad: O, argp_rad: w, nu_rad: nu } = el;
  const cn = Math.cos(nu);
  const sn = Math.sin(nu);
  const rn = p / (1 + e * cn);
  const vk = Math.sqrt(mu / p);
  const rp = rn * cn;
  const rq = rn * sn;
  const vp = -vk * sn;
  const vq = vk * (e + cn);
  const cO = Math.cos(O);
  const sO = Math.sin(O);
  const cw = Math.cos(w);
  const sw = Math.sin(w);
  const ci = Math.cos(i);
  const si = Math.sin(i);
  // Columns P, Q of the perifocal-to-inertial rotation R3(−Ω) R1(−i) R3(−ω).
  const Px = cO * cw - sO * sw * ci;
  const Py = sO * cw + cO * sw * ci;
  const Pz = sw * si;
  const Qx = -cO * sw - sO * cw * ci;
  const Qy = -sO * sw + cO * cw * ci;
  const Qz = cw * si;
  outR[0] = rp * Px + rq * Qx;
  outR[1] = rp * Py + rq * Qy;
  outR[2] = rp * Pz + rq * Qz;
  outV[0] = vp * Px + vq * Qx;
  outV[1] = vp * Py + vq * Qy;
  outV[2] = vp * Pz + vq * Qz;
}
