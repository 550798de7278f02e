/**
 * Scenario epoch and Earth orientation. Simulation time is seconds from the scenario `epoch`
 * (DESIGN.md §3); this module turns the epoch into a UTC instant and the Greenwich angle at it.
 */
import { OMEGA_EARTH_radps } from '../core/constants.ts';
import { AspisError } from '../core/errors.ts';
import { wrapTwoPi } from '../core/units.ts';

const MS_PER_DAY = 86_400_000;
/** Julian date of the Unix epoch 1970-01-01T00:00:00Z. */
const JD_UNIX_EPOCH = 2_440_587.5;
/** 2000-01-01T12:00:00 (the J2000.0 reference instant, JD 2451545.0) in Unix ms. */
const J2000_ms = 946_728_000_000;

const EPOCH_EXPECTED = 'an ISO-8601 UTC time such as 2001-11-13T00:00:00Z';

// Strict ISO-8601 extended format: full date, 'T', hh:mm:ss, optional decimal fraction, then 'Z'
// or a ±hh:mm offset. Lowercase separators, missing seconds and bare local times are refused,
// because a scenario's epoch must mean one instant everywhere.
const ISO_UTC =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Days from 1970-01-01 to a proleptic Gregorian civil date (Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms", days_from_civil). Avoids Date.UTC's mapping of years 0–99. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a strict ISO-8601 UTC time (`2001-11-13T00:00:00Z`, `2001-11-13T09:00:00.250+09:00`)
 * into milliseconds since the Unix epoch. Leap seconds (ss = 60) are refused: the engine's
 * clock is a uniform count of SI seconds from the epoch, so an epoch inside one is ambiguous.
 * `where` names the field in error messages (default path `epoch`).
 */
export function parseEpoch(iso: string, where?: { file?: string; path?: string }): number {
  const fail = (): never => {
    throw new AspisError({
      file: where?.file,
      path: where?.path ?? 'epoch',
      expected: EPOCH_EXPECTED,
      got: iso,
    });
  };
  if (typeof iso !== 'string') return fail();
  const m = ISO_UTC.exec(iso);
  if (!m) return fail();
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12) return fail();
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > monthDays) return fail();
  if (hour > 23 || minute > 59 || second > 59) return fail();
  let offset_min = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    // Real zone offsets span −12:00 … +14:00; allow up to ±23:59 as ISO 8601 does.
    if (oh > 23 || om > 59) return fail();
    offset_min = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fraction_ms = m[7] ? Number(m[7]) * 1000 : 0;
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offset_min) * 60 + second) * 1000 +
    fraction_ms
  );
}

/** Julian date (UTC time scale) of an instant given in ms since the Unix epoch. */
export function julianDateUtc(ms: number): number {
  return ms / MS_PER_DAY + JD_UNIX_EPOCH;
}

/**
 * Greenwich mean sidereal time, IAU 1982 model (Aoki et al. 1982), in the form of Vallado,
 * "Fundamentals of Astrodynamics and Applications", eq. 3-47:
 *   θ_GMST[s] = 67310.54841 + (876600 h + 8640184.812866) T + 0.093104 T² − 6.2e−6 T³,
 * T = Julian centuries of UT1 from J2000.0. We take UT1 ≈ UTC (|UT1 − UTC| < 0.9 s, i.e. an
 * angle error below 3.3e−5 rad ≈ 6.8″, ≈ 210 m at the equator), which is far below the
 * fidelity of the simulator's constant-rate Earth.
 * Returns radians in [0, 2π).
 */
export function gmst_rad(ms: number): number {
  const d_ms = ms - J2000_ms;
  const T = d_ms / (MS_PER_DAY * 36_525);
  // 876600 h · T = 86400 s per day of UT1 elapsed, i.e. whole turns plus the day fraction; use
  // the fraction directly so large day counts do not cost precision.
  let frac_ms = d_ms % MS_PER_DAY;
  if (frac_ms < 0) frac_ms += MS_PER_DAY;
  const gmst_s =
    67_310.54841 + frac_ms / 1000 + (8_640_184.812866 + (0.093104 - 6.2e-6 * T) * T) * T;
  // 86400 s of sidereal time is one turn.
  return wrapTwoPi(((gmst_s % 86_400) / 86_400) * 2 * Math.PI);
}

/**
 * Earth rotation angle at `t_s` seconds after an epoch whose Greenwich angle is `theta0_rad`:
 * θ0 + ω t wrapped to [0, 2π). DESIGN.md §2: the Earth turns at the constant WGS-84 rate
 * ω = 7.292115e−5 rad/s from the scenario epoch (no precession, nutation or polar motion).
 */
export function earthRotationAngle_rad(theta0_rad: number, t_s: number): number {
  return wrapTwoPi(theta0_rad + OMEGA_EARTH_radps * t_s);
}
