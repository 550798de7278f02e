import { DEG, RAD } from './constants.ts';

export const degToRad = (deg: number): number => deg * DEG;
export const radToDeg = (rad: number): number => rad * RAD;
export const kmToM = (km: number): number => km * 1000;
export const mToKm = (m: number): number => m / 1000;
/** Power ratio from decibels. */
export const fromDb = (dB: number): number => Math.pow(10, dB / 10);
export const toDb = (ratio: number): number => 10 * Math.log10(ratio);

/** Wraps an angle to (−π, π]. */
export function wrapPi(a_rad: number): number {
  let a = a_rad % (2 * Math.PI);
  if (a <= -Math.PI) a += 2 * Math.PI;
  else if (a > Math.PI) a -= 2 * Math.PI;
  return a;
}

/** Wraps an angle to [0, 2π). */
export function wrapTwoPi(a_rad: number): number {
  const a = a_rad % (2 * Math.PI);
  return a < 0 ? a + 2 * Math.PI : a;
}
