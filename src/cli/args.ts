/** Parsing of command-line values into numbers and points, with errors that name the option. */
import { AspisError } from '../core/errors.ts';
import type { LatLon } from '../flight/flyout.ts';

export function parseNumber(text: string, option: string): number {
  const s = text.trim();
  const x = s === '' ? NaN : Number(s);
  if (!Number.isFinite(x))
    throw new AspisError({ file: option, expected: 'a finite number', got: text });
  return x;
}

export function parsePositiveInt(text: string, option: string): number {
  const x = parseNumber(text, option);
  if (!Number.isInteger(x) || x < 1)
    throw new AspisError({ file: option, expected: 'an integer ≥ 1', got: text });
  return x;
}

export function parseNonNegativeInt(text: string, option: string): number {
  const x = parseNumber(text, option);
  if (!Number.isSafeInteger(x) || x < 0) {
    throw new AspisError({ file: option, expected: 'a non-negative integer', got: text });
  }
  return x;
}

export function parseLatLon(text: string, option: string): LatLon {
  const parts = text.split(',');
  if (parts.length !== 2) {
    throw new AspisError({
      file: option,
      expected: 'LAT,LON in degrees, e.g. 39.66,124.70',
      got: text,
    });
  }
  const lat_deg = parseNumber(parts[0], option);
  const lon_deg = parseNumber(parts[1], option);
  if (!(lat_deg >= -90 && lat_deg <= 90)) {
    throw new AspisError({
      file: option,
      expected: 'a latitude between -90 and 90 degrees',
      got: lat_deg,
    });
  }
  if (!(lon_deg >= -180 && lon_deg < 360)) {
    throw new AspisError({
      file: option,
      expected: 'a longitude in [-180, 360) degrees',
      got: lon_deg,
    });
  }
  return { lat_deg, lon_deg };
}
