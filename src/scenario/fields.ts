/**
 * Field builders shared by the scenario and catalog schemas. Each carries the human phrase that
 * follows "expected" in error messages, so a wrong type and a wrong range read the same:
 * `expected a number ≥ 0, got "soon"`. zod 4's `z.number()` already rejects NaN and ±Infinity.
 */
import { z } from 'zod';

interface NumberBounds {
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound. */
  gt?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Exclusive upper bound. */
  lt?: number;
}

function rangePhrase(noun: string, b: NumberBounds): string {
  const lo = b.min ?? b.gt;
  const hi = b.max ?? b.lt;
  if (lo !== undefined && hi !== undefined) {
    if (b.min !== undefined && b.max !== undefined) return `${noun} between ${lo} and ${hi}`;
    return `${noun} in ${b.min !== undefined ? '[' : '('}${lo}, ${hi}${b.max !== undefined ? ']' : ')'}`;
  }
  if (b.min !== undefined) return `${noun} ≥ ${b.min}`;
  if (b.gt !== undefined) return `${noun} > ${b.gt}`;
  if (b.max !== undefined) return `${noun} ≤ ${b.max}`;
  if (b.lt !== undefined) return `${noun} < ${b.lt}`;
  return noun;
}

/** A finite number, optionally bounded; `what` overrides the generated phrase. */
export function num(b: NumberBounds = {}, what?: string): z.ZodNumber {
  const error = what ?? rangePhrase('a number', b);
  let s = z.number({ error });
  if (b.min !== undefined) s = s.min(b.min, { error });
  if (b.gt !== undefined) s = s.gt(b.gt, { error });
  if (b.max !== undefined) s = s.max(b.max, { error });
  if (b.lt !== undefined) s = s.lt(b.lt, { error });
  return s;
}

/** A safe integer, optionally bounded. */
export function int(b: NumberBounds = {}, what?: string): z.ZodNumber {
  const error = what ?? rangePhrase('an integer', b);
  let s = z.int({ error });
  if (b.min !== undefined) s = s.min(b.min, { error });
  if (b.gt !== undefined) s = s.gt(b.gt, { error });
  if (b.max !== undefined) s = s.max(b.max, { error });
  if (b.lt !== undefined) s = s.lt(b.lt, { error });
  return s;
}

export const positive = (what?: string) => num({ gt: 0 }, what);
export const nonNegative = (what?: string) => num({ min: 0 }, what);

/** Geodetic latitude, degrees. */
export const latDeg = () => num({ min: -90, max: 90 }, 'a latitude in degrees between -90 and 90');
/** Longitude, degrees; [−180, 360) accepts both east-negative and 0–360 conventions. */
export const lonDeg = () => num({ min: -180, lt: 360 }, 'a longitude in degrees in [-180, 360)');

/** Ids: letters, digits, '.', '_' and '-', starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const id = (what = 'an id (letters, digits, ".", "_" or "-")') =>
  z.string({ error: what }).regex(ID_PATTERN, { error: what });

export const text = (what = 'a non-empty string') =>
  z.string({ error: what }).min(1, { error: what });

/** A literature reference (DESIGN.md §5: author, title, year, page/table). */
export const sourceRef = z.strictObject({
  author: text('an author (person or organisation)'),
  title: text('a title'),
  year: int({ min: 1900, max: 2100 }, 'a publication year such as 2007'),
  where: text('a page, table or figure').optional(),
});

export const sources = z
  .array(sourceRef, { error: 'a list of sources ({author, title, year, where?})' })
  .min(1, { error: 'at least one source ({author, title, year, where?})' });
