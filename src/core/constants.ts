/**
 * Physical and geodetic constants, SI units. Each cites its source.
 */

/** WGS-84 semi-major axis. NIMA TR8350.2, 3rd ed. (2000), Table 3.1. */
export const WGS84_A_m = 6378137.0;
/** WGS-84 inverse flattening. NIMA TR8350.2, Table 3.1. */
export const WGS84_INV_F = 298.257223563;
export const WGS84_F = 1 / WGS84_INV_F;
/** Semi-minor axis b = a(1 − f). */
export const WGS84_B_m = WGS84_A_m * (1 - WGS84_F);
/** First eccentricity squared e² = f(2 − f). */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);

/** Earth's gravitational parameter incl. atmosphere. NIMA TR8350.2, Table 3.1. */
export const GM_EARTH_m3ps2 = 3.986004418e14;
/** Earth's nominal mean angular velocity. NIMA TR8350.2, Table 3.1. */
export const OMEGA_EARTH_radps = 7.292115e-5;
/**
 * Second zonal harmonic J2 = −√5 · C̄20 with the WGS-84 normalised C̄20 = −0.484166774985e-3
 * (NIMA TR8350.2, Table 3.1). EGM-96's own C̄20 would give 1.0826267e-3; the difference is
 * 3e-9 relative to J2 and far below any other model error here.
 */
export const J2_EARTH = 1.08262998905e-3;

/** Mean Earth radius used by the spherical closed-form references (IUGG mean radius R1). */
export const R_MEAN_m = 6371000.0;

/** Standard gravity, used to convert specific impulse in seconds to exhaust speed. CGPM 1901. */
export const G0_mps2 = 9.80665;

export const DEG = Math.PI / 180;
export const RAD = 180 / Math.PI;
