/**
 * Aerodynamic drag as a force model (Orekit habit: no integrator inside), allocation-free for
 * the integrator's derivative.
 *
 * The atmosphere co-rotates with the Earth: the air-relative velocity of a body at ECI position
 * r with ECI velocity v is v_rel = v − ω × r, ω = OMEGA_EARTH_radps ẑ (no winds). Drag opposes
 * v_rel: a = −½ ρ |v_rel| v_rel · C_d A / m (C_d on the reference area A), or with the ballistic
 * coefficient β = m/(C_d A): a = −½ ρ |v_rel| v_rel / β.
 *
 * Altitude for the atmosphere is approximated cheaply by r − R(φ′), the distance above the
 * WGS-84 ellipsoid along the geocentric radius, with R(φ′) = ab/√(b² cos²φ′ + a² sin²φ′) the
 * ellipsoid's radius at geocentric latitude φ′ (two square roots, no trigonometry). It differs
 * from the true ellipsoidal (geodetic) height by less than 1 m below 100 km and a few metres
 * at 1000 km (bounded in drag.test.ts against frames/wgs84.ts's exact conversion) — far below
 * the atmosphere's own uncertainty. Geodetic height does not depend on longitude, so ECI and
 * ECEF positions give the same value.
 */
import { AspisError } from '../core/errors.ts';
import { OMEGA_EARTH_radps, WGS84_A_m, WGS84_B_m } from '../core/constants.ts';
import { ATMOSPHERE_TOP_m, atmosphere, density_kgpm3 } from './atmosphere.ts';
import type { AtmosphereSample } from './atmosphere.ts';

/** Drag coefficient against Mach number; `mach` strictly increasing, same length as `cd`. */
export interface DragTable {
  mach: readonly number[];
  cd: readonly number[];
}

const AB_m2 = WGS84_A_m * WGS84_B_m;
const A2_m2 = WGS84_A_m * WGS84_A_m;
const B2_m2 = WGS84_B_m * WGS84_B_m;

/** Scratch sample for `dragAcceleration` (module-level: one per worker, no allocation per call). */
const sample: AtmosphereSample = {
  temperature_K: 0,
  pressure_Pa: 0,
  density_kgpm3: 0,
  speedOfSound_mps: 0,
};

/**
 * Height above the WGS-84 ellipsoid along the geocentric radius, m: r − R(φ′) (see the module
 * comment for its accuracy). Any Earth-centred frame with z on the rotation axis.
 */
export function ellipsoidHeightApprox_m(pos: ArrayLike<number>): number {
  const x = pos[0];
  const y = pos[1];
  const z = pos[2];
  const rho2 = x * x + y * y;
  const z2 = z * z;
  const r = Math.sqrt(rho2 + z2);
  if (r === 0) return -WGS84_B_m;
  // R(φ′) = ab / √(b² cos²φ′ + a² sin²φ′) with cos²φ′ = ρ²/r², sin²φ′ = z²/r².
  return r - (AB_m2 * r) / Math.sqrt(B2_m2 * rho2 + A2_m2 * z2);
}

/**
 * Drag coefficient at a Mach number: linear interpolation in the table, clamped to the end
 * values outside it. A linear scan: tables are short (≈ 10–20 rows).
 */
export function dragCoefficient(table: DragTable, mach: number): number {
  const m = table.mach;
  const c = table.cd;
  const n = m.length;
  if (!(mach > m[0])) return c[0];
  if (mach >= m[n - 1]) return c[n - 1];
  let i = 1;
  while (m[i] < mach) i++;
  const m0 = m[i - 1];
  return c[i - 1] + ((mach - m0) / (m[i] - m0)) * (c[i] - c[i - 1]);
}

/**
 * Checks a drag table from judged input (catalog, scenario): equal lengths ≥ 1, Mach finite,
 * ≥ 0 and strictly increasing, C_d finite and ≥ 0. Throws AspisError naming the field.
 */
export function validateDragTable(table: DragTable, file?: string, path = 'drag'): void {
  const { mach, cd } = table;
  if (mach.length === 0 || mach.length !== cd.length) {
    throw new AspisError({
      file,
      path,
      expected: 'mach and cd arrays of the same non-zero length',
      got: `${mach.length} Mach values and ${cd.length} Cd values`,
    });
  }
  for (let i = 0; i < mach.length; i++) {
    const prev = i === 0 ? -Infinity : mach[i - 1];
    if (!Number.isFinite(mach[i]) || mach[i] < 0 || mach[i] <= prev) {
      throw new AspisError({
        file,
        path: `${path}.mach[${i}]`,
        expected: 'a finite Mach number ≥ 0, greater than the previous one',
        got: mach[i],
      });
    }
    if (!Number.isFinite(cd[i]) || cd[i] < 0) {
      throw new AspisError({
        file,
        path: `${path}.cd[${i}]`,
        expected: 'a finite drag coefficient ≥ 0',
        got: cd[i],
      });
    }
  }
}

function zero(out: Float64Array): Float64Array {
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  return out;
}

/**
 * Drag acceleration (m/s², ECI) of a body with mass `mass_kg`, reference area `refArea_m2` and
 * Mach-dependent C_d from `table`, at ECI position/velocity, in the co-rotating standard
 * atmosphere. Zero above 1000 km and for a body at rest relative to the rotating Earth.
 */
export function dragAcceleration(
  posEci: ArrayLike<number>,
  velEci: ArrayLike<number>,
  mass_kg: number,
  refArea_m2: number,
  table: DragTable,
  out: Float64Array,
): Float64Array {
  const h = ellipsoidHeightApprox_m(posEci);
  if (h > ATMOSPHERE_TOP_m) return zero(out);
  // v_rel = v − ω ẑ × r = (vx + ω y, vy − ω x, vz)
  const vx = velEci[0] + OMEGA_EARTH_radps * posEci[1];
  const vy = velEci[1] - OMEGA_EARTH_radps * posEci[0];
  const vz = velEci[2];
  const v = Math.sqrt(vx * vx + vy * vy + vz * vz);
  if (v === 0) return zero(out);
  atmosphere(h, sample);
  const cd = dragCoefficient(table, v / sample.speedOfSound_mps);
  const k = (-0.5 * sample.density_kgpm3 * v * cd * refArea_m2) / mass_kg;
  out[0] = k * vx;
  out[1] = k * vy;
  out[2] = k * vz;
  return out;
}

/**
 * Drag acceleration (m/s², ECI) of a body described by its ballistic coefficient
 * β = m/(C_d A), kg/m² (re-entry vehicles: β is the published figure of merit and roughly
 * constant at the hypersonic speeds where drag matters), in the co-rotating standard atmosphere.
 */
export function dragAccelerationBallistic(
  posEci: ArrayLike<number>,
  velEci: ArrayLike<number>,
  beta_kgpm2: number,
  out: Float64Array,
): Float64Array {
  const h = ellipsoidHeightApprox_m(posEci);
  if (h > ATMOSPHERE_TOP_m) return zero(out);
  const vx = velEci[0] + OMEGA_EARTH_radps * posEci[1];
  const vy = velEci[1] - OMEGA_EARTH_radps * posEci[0];
  const vz = velEci[2];
  const v = Math.sqrt(vx * vx + vy * vy + vz * vz);
  const k = (-0.5 * density_kgpm3(h) * v) / beta_kgpm2;
  out[0] = k * vx;
  out[1] = k * vy;
  out[2] = k * vz;
  return out;
}

/**
 * Generic slender liquid-fuel missile body (Scud class), C_d on the body cross-section:
 * 0.20 subsonic, rising to 0.27 through Mach 1.0–1.2, falling back to 0.20 by Mach 2 and
 * constant beyond. This is the single curve G. Forden uses for all his missiles,
 * "GUI_Missile_Flyout: A General Program for Simulating Ballistic Missiles", Science & Global
 * Security 15 (2007), Fig. 1, as digitised into these six points by an open
 * re-implementation of his program; the points were not checked against the paper's figure.
 * Drag on a missile body in boost is a few per cent of thrust, so the curve's detail matters
 * little for range.
 */
export const GENERIC_SLENDER_MISSILE_DRAG: DragTable = Object.freeze({
  mach: Object.freeze([0, 0.85, 1.0, 1.2, 2.0, 4.5]),
  cd: Object.freeze([0.2, 0.2, 0.27, 0.27, 0.2, 0.2]),
});

/**
 * Generic sharp-cone re-entry vehicle, 10° half-angle, zero angle of attack, C_d on the base
 * area. Built from E. L. Fleeman, "Tactical Missile Design", 2nd ed. (AIAA, 2006), ch. 2,
 * component drag at zero lift, each term on the base (reference) area:
 * - wave drag (M > 1): (1.59 + 1.83/M²) · θ^1.69 with θ = atan(0.5/(l_N/d)) = the cone
 *   half-angle in radians;
 * - base drag in coast: 0.25/M for M > 1, 0.12 + 0.13 M² for M < 1;
 * - skin friction: 0.053 (l/d) (M/(q l))^0.2 (q in psf, l in ft) gives ≈ 0.018 for a 2 m cone
 *   (l/d = 2.84) at Mach 10 and q ≈ 84 kPa, after halving for the cone's wetted area (half of
 *   the cylinder the formula assumes); taken as a constant 0.02.
 * Fleeman's wave-drag formula holds for M > 1; Mach 1.0 is interpolated between 0.9 and 1.1.
 * drag.test.ts recomputes every row from these formulas.
 */
export const GENERIC_RV_SHARP_CONE_DRAG: DragTable = Object.freeze({
  mach: Object.freeze([0, 0.6, 0.8, 0.9, 1.1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 7, 10, 15, 20, 25]),
  cd: Object.freeze([
    0.14, 0.187, 0.223, 0.245, 0.41, 0.378, 0.312, 0.252, 0.219, 0.197, 0.172, 0.157, 0.141, 0.129,
    0.12, 0.116, 0.113,
  ]),
});
