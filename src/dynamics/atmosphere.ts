/**
 * U.S. Standard Atmosphere, 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562, U.S. Government Printing
 * Office, 1976), written for a force model's hot loop: plain numbers, an `out` object reused by
 * the caller, no allocation per call.
 *
 * −5 km … 86 km (geometric): the Standard's own definition, exactly. Geometric altitude Z is
 * converted to geopotential altitude H = r₀Z/(r₀ + Z) with r₀ = 6 356.766 km (eq. 18); the
 * molecular-scale temperature T_M is linear in H over seven layers (Table 4: bases 0, 11, 20, 32,
 * 47, 51, 71 km′, lapse rates −6.5, 0, +1.0, +2.8, 0, −2.8, −2.0 K/km′, T_M = 288.15 K and
 * p = 101 325 Pa at H = 0); pressure follows the hydrostatic equation layer by layer (eqs. 33a,
 * 33b); density ρ = p M₀/(R* T_M) (eq. 42); speed of sound a = √(γ R* T_M/M₀) (eq. 50, with
 * T/M = T_M/M₀), γ = 1.4. Constants: g₀ = 9.80665 m/s², R* = 8 314.32 J/(kmol·K),
 * M₀ = 28.9644 kg/kmol. The layer-base pressures are computed once from these, not typed in,
 * so the layers join exactly; the tests compare them with Table 4's printed values.
 * Between 80 and 86 km the kinetic temperature is T = T_M · M/M₀ with M/M₀ from the Standard's
 * Table 8 (0.5 km steps, interpolated linearly here); below 80 km M/M₀ = 1.
 * The first layer is extended down to −5 km (the Standard's tables start there); lower
 * altitudes are clamped to −5 km.
 *
 * 86 km … 1000 km: density only is modelled, as a piecewise exponential through the Standard's
 * tabulated densities (Table I, geometric altitude), i.e. log-linear interpolation between the
 * nodes below, each segment with its own scale height — the construction of H. D. Curtis,
 * "Orbital Mechanics for Engineering Students", 3rd ed. (2014), Appendix D (`atmosphere.m`,
 * densities "from USSA76"), with more nodes. The 86 km node is this module's own 86 km value
 * (6.95788e-6 kg/m³; Table I prints 6.958e-6), so density is continuous there. Between nodes the
 * log-linear fit departs from the Standard by a few per cent at most (largest where the scale
 * height changes fastest, 150–300 km); drag there is negligible for this simulator.
 * Vallado's Table 8-4 ("Exponential atmospheric model") is *not* used above 86 km: its densities
 * above 25 km come from CIRA-72, not the 1976 Standard (e.g. 2.418e-11 vs 1.916e-11 kg/m³ at
 * 300 km).
 * Above 86 km temperature, speed of sound and the ratio p/ρ are held at their 86 km values
 * (T = 186.867 K, a = 274.10 m/s): the Standard itself defines no speed of sound there (§1.3.10),
 * and drag, the only user, scales with ρ. Pressure above 86 km is therefore ρ·R*·T_M(86 km)/M₀,
 * a consistent nominal value, not the Standard's pressure: against Table I it is 6 % low at
 * 100 km, a factor 2 low at 120 km, 6 at 200 km and 39 at 1000 km, where the real gas is hot
 * and light. Nothing in the engine uses pressure above 86 km.
 * Above 1000 km density and pressure are 0 (the Standard stops at 1000 km).
 */

/** One atmosphere evaluation. Reused by the caller (`out` argument); SI units. */
export interface AtmosphereSample {
  temperature_K: number;
  pressure_Pa: number;
  density_kgpm3: number;
  speedOfSound_mps: number;
}

/** Effective Earth radius for geopotential altitude, USSA76 eq. 18. */
export const USSA76_R0_m = 6356766;
/** Sea-level standard gravity, USSA76. */
const G0_mps2 = 9.80665;
/** Universal gas constant R* = 8.31432 J/(mol·K) = 8314.32 J/(kmol·K), USSA76 Table 2. */
const RSTAR_JpkmolK = 8314.32;
/** Sea-level mean molecular weight M₀, kg/kmol, USSA76 Table 2. */
const M0_kgpkmol = 28.9644;
/** Ratio of specific heats of air, USSA76 §1.3.10. */
const GAMMA = 1.4;
/** g₀M₀/R*, K per geopotential metre: the hydrostatic exponent's constant. */
const GMR_Kpm = (G0_mps2 * M0_kgpkmol) / RSTAR_JpkmolK;
/** R* ÷ M₀, J/(kg·K): specific gas constant of sea-level air. */
const R_AIR_JpkgK = RSTAR_JpkmolK / M0_kgpkmol;

/** Lowest altitude modelled; below it values are clamped (the Standard's tables start at −5 km). */
export const ATMOSPHERE_BOTTOM_m = -5000;
/** Top of the Standard's seven-layer definition, geometric altitude (H = 84 852 m′). */
export const USSA76_LAYERS_TOP_m = 86000;
/** Above this geometric altitude density and pressure are 0. */
export const ATMOSPHERE_TOP_m = 1000000;

/** Layer-base geopotential altitudes H_b, m′ (USSA76 Table 4). */
const H_BASE = Float64Array.of(0, 11000, 20000, 32000, 47000, 51000, 71000);
/** Layer lapse rates dT_M/dH, K/m′ (USSA76 Table 4). */
const LAPSE = Float64Array.of(-0.0065, 0, 0.001, 0.0028, 0, -0.0028, -0.002);
/** Layer-base molecular-scale temperatures and pressures, computed once below. */
const T_BASE = new Float64Array(7);
const P_BASE = new Float64Array(7);
T_BASE[0] = 288.15;
P_BASE[0] = 101325;
for (let b = 0; b < 6; b++) {
  const dH = H_BASE[b + 1] - H_BASE[b];
  const t1 = T_BASE[b] + LAPSE[b] * dH;
  P_BASE[b + 1] =
    LAPSE[b] === 0
      ? P_BASE[b] * Math.exp((-GMR_Kpm * dH) / T_BASE[b])
      : P_BASE[b] * Math.pow(T_BASE[b] / t1, GMR_Kpm / LAPSE[b]);
  T_BASE[b + 1] = t1;
}

/** Table 8 of the Standard: M/M₀ at Z = 80.0, 80.5, …, 86.0 km. */
const MW_RATIO = Float64Array.of(
  1.0,
  0.999996,
  0.999989,
  0.999971,
  0.999941,
  0.999909,
  0.99987,
  0.999829,
  0.999786,
  0.999741,
  0.999694,
  0.999641,
  0.999579,
);

/** Geopotential altitude (m′) of a geometric altitude (m), USSA76 eq. 18. */
export function geopotentialAltitude_m(altGeometric_m: number): number {
  return (USSA76_R0_m * altGeometric_m) / (USSA76_R0_m + altGeometric_m);
}

/** Layer index for a geopotential altitude (the top layer runs to 84 852 m′). */
function layerOf(h: number): number {
  let b = 6;
  while (b > 0 && h < H_BASE[b]) b--;
  return b;
}

/** Molecular-scale temperature at geopotential altitude h inside layer b. */
function tmIn(b: number, h: number): number {
  return T_BASE[b] + LAPSE[b] * (h - H_BASE[b]);
}

/** Pressure at geopotential altitude h inside layer b with molecular-scale temperature tm. */
function pIn(b: number, h: number, tm: number): number {
  const lapse = LAPSE[b];
  return lapse === 0
    ? P_BASE[b] * Math.exp((-GMR_Kpm * (h - H_BASE[b])) / T_BASE[b])
    : P_BASE[b] * Math.pow(T_BASE[b] / tm, GMR_Kpm / lapse);
}

// --- the 86 km state, held or used as the first upper node --------------------------------
const H86 = geopotentialAltitude_m(USSA76_LAYERS_TOP_m);
const TM86_K = tmIn(6, H86);
const P86_Pa = pIn(6, H86, TM86_K);
const RHO86_kgpm3 = P86_Pa / (R_AIR_JpkgK * TM86_K);
const T86_K = TM86_K * MW_RATIO[12];
const A86_mps = Math.sqrt(GAMMA * R_AIR_JpkgK * TM86_K);

/**
 * Upper-atmosphere density nodes, geometric altitude (km) → ρ (kg/m³). Values are the 1976
 * Standard's Table I densities: 90, 95, 100, 110, 120, 130, 140, 150, 200, 300, 500, 600, 750,
 * 1000 km as read from the Standard's printed Table I (pp. 83–88 of the NTRS 19770009539 scan);
 * 160 and 400 km as reprinted in Sutton & Biblarz, "Rocket Propulsion Elements", Appendix 2;
 * 180, 250, 350, 450, 700, 800, 900 km as reprinted in Curtis (2014), `atmosphere.m`;
 * 550 km as reprinted in two independent tables of the Standard; 115 km from Table VIII's
 * number densities (Σ nᵢMᵢ/N_A = 4.289e-8, matching a reprint of Table I), added because the
 * 110–120 km segment, where temperature rises fastest, is otherwise 8 % off in the middle.
 * 86 km: this module's value.
 */
const UPPER_Z_m = Float64Array.of(
  86e3,
  90e3,
  95e3,
  100e3,
  110e3,
  115e3,
  120e3,
  130e3,
  140e3,
  150e3,
  160e3,
  180e3,
  200e3,
  250e3,
  300e3,
  350e3,
  400e3,
  450e3,
  500e3,
  550e3,
  600e3,
  700e3,
  750e3,
  800e3,
  900e3,
  1000e3,
);
const UPPER_RHO = Float64Array.of(
  RHO86_kgpm3,
  3.416e-6,
  1.393e-6,
  5.604e-7,
  9.708e-8,
  4.289e-8,
  2.222e-8,
  8.152e-9,
  3.831e-9,
  2.076e-9,
  1.233e-9,
  5.194e-10,
  2.541e-10,
  6.073e-11,
  1.916e-11,
  7.014e-12,
  2.803e-12,
  1.184e-12,
  5.215e-13,
  2.384e-13,
  1.137e-13,
  3.07e-14,
  1.788e-14,
  1.136e-14,
  5.759e-15,
  3.561e-15,
);
/** Inverse scale height of each upper segment, 1/m: ln(ρᵢ/ρᵢ₊₁)/(Zᵢ₊₁ − Zᵢ). */
const UPPER_K = new Float64Array(UPPER_Z_m.length - 1);
for (let i = 0; i < UPPER_K.length; i++) {
  UPPER_K[i] = Math.log(UPPER_RHO[i] / UPPER_RHO[i + 1]) / (UPPER_Z_m[i + 1] - UPPER_Z_m[i]);
}

/** Density above 86 km (86 < z ≤ 1000 km): piecewise exponential through the nodes. */
function upperDensity(z: number): number {
  let i = 0;
  const last = UPPER_K.length - 1;
  while (i < last && z > UPPER_Z_m[i + 1]) i++;
  return UPPER_RHO[i] * Math.exp(-UPPER_K[i] * (z - UPPER_Z_m[i]));
}

/**
 * The standard atmosphere at a geometric altitude (m above mean sea level; callers pass
 * height above the WGS-84 ellipsoid, the usual approximation). Writes into `out` and returns it.
 */
export function atmosphere(altGeometric_m: number, out: AtmosphereSample): AtmosphereSample {
  let z = altGeometric_m;
  if (z > USSA76_LAYERS_TOP_m) {
    out.temperature_K = T86_K;
    out.speedOfSound_mps = A86_mps;
    const rho = z > ATMOSPHERE_TOP_m ? 0 : upperDensity(z);
    out.density_kgpm3 = rho;
    out.pressure_Pa = rho * R_AIR_JpkgK * TM86_K;
    return out;
  }
  if (z < ATMOSPHERE_BOTTOM_m) z = ATMOSPHERE_BOTTOM_m;
  const h = geopotentialAltitude_m(z);
  const b = layerOf(h);
  const tm = tmIn(b, h);
  const p = pIn(b, h, tm);
  let t = tm;
  if (z > 80000) {
    // Table 8, linear between its 0.5 km entries.
    const u = (z - 80000) / 500;
    const j = Math.min(11, Math.floor(u));
    t = tm * (MW_RATIO[j] + (u - j) * (MW_RATIO[j + 1] - MW_RATIO[j]));
  }
  out.temperature_K = t;
  out.pressure_Pa = p;
  out.density_kgpm3 = p / (R_AIR_JpkgK * tm);
  out.speedOfSound_mps = Math.sqrt(GAMMA * R_AIR_JpkgK * tm);
  return out;
}

/** Density only (kg/m³) at a geometric altitude (m): the same model as `atmosphere`, fewer steps. */
export function density_kgpm3(altGeometric_m: number): number {
  let z = altGeometric_m;
  if (z > USSA76_LAYERS_TOP_m) return z > ATMOSPHERE_TOP_m ? 0 : upperDensity(z);
  if (z < ATMOSPHERE_BOTTOM_m) z = ATMOSPHERE_BOTTOM_m;
  const h = geopotentialAltitude_m(z);
  const b = layerOf(h);
  const tm = tmIn(b, h);
  return pIn(b, h, tm) / (R_AIR_JpkgK * tm);
}

/** Layer-base values computed at load, exported for the tests' comparison with Table 4. */
export const USSA76_LAYER_BASES: {
  readonly geopotential_m: Float64Array;
  readonly temperature_K: Float64Array;
  readonly pressure_Pa: Float64Array;
} = { geopotential_m: H_BASE, temperature_K: T_BASE, pressure_Pa: P_BASE };
