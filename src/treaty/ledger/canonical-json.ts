/**
 * Canonical JSON: the one byte string the ledger hashes and signs for a JSON value.
 * - Object keys sorted by UTF-16 code units (JavaScript's default string order), every key once.
 * - No whitespace anywhere.
 * - Strings and numbers written as ECMAScript's JSON.stringify writes them (shortest round-trip
 *   numbers, `-0` as `0`, minimal escapes).
 * This is the JSON Canonicalization Scheme of RFC 8785 (Rundgren, Jordan, Erdtman, 2020) for the
 * values we accept: null, booleans, finite numbers, well-formed strings, arrays and plain objects.
 * Anything else (undefined, NaN, ±Infinity, lone surrogates, bigint, class instances) is refused
 * with the path of the offending value, instead of being silently dropped as JSON.stringify would.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || '(root)'}: expected ${expected}`);
    this.name = 'CanonicalJsonError';
  }
}

const MAX_DEPTH = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, '', 0, parts);
  return parts.join('');
}

const utf8 = new TextEncoder();

/** UTF-8 bytes of the canonical JSON of `value`. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8.encode(canonicalJson(value));
}

const child = (path: string, key: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
    ? path
      ? `${path}.${key}`
      : key
    : `${path}[${JSON.stringify(key)}]`;

function write(v: unknown, path: string, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH)
    throw new CanonicalJsonError(path, `at most ${MAX_DEPTH} levels of nesting`);
  if (v === null) {
    out.push('null');
  } else if (typeof v === 'boolean') {
    out.push(v ? 'true' : 'false');
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new CanonicalJsonError(path, 'a finite number');
    out.push(JSON.stringify(v));
  } else if (typeof v === 'string') {
    if (LONE_SURROGATE.test(v)) throw new CanonicalJsonError(path, 'a well-formed Unicode string');
    out.push(JSON.stringify(v));
  } else if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(',');
      if (!(i in v)) throw new CanonicalJsonError(`${path}[${i}]`, 'a JSON value');
      write(v[i], `${path}[${i}]`, depth + 1, out);
    }
    out.push(']');
  } else if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalJsonError(path, 'a plain JSON object');
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    out.push('{');
    keys.forEach((k, i) => {
      if (i > 0) out.push(',');
      if (LONE_SURROGATE.test(k)) throw new CanonicalJsonError(path, 'well-formed Unicode keys');
      out.push(JSON.stringify(k), ':');
      write(obj[k], child(path, k), depth + 1, out);
    });
    out.push('}');
  } else {
    throw new CanonicalJsonError(path, `a JSON value (not ${typeof v})`);
  }
}
