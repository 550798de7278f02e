/**
 * zod issues → one AspisError with the field path and a human "expected …" phrase, e.g.
 * `nmd.yaml: threats[0].launch.time_s: expected a number ≥ 0, got "soon"`.
 *
 * Phrases come from two places: schemas built with `fields.ts` carry their own (`error:` on the
 * schema, which zod prefers), and `expectedPhrase` below words every other issue.
 */
import { z } from 'zod';
import { AspisError } from '../core/errors.ts';
import { editDistance } from '../core/nearest.ts';
import { formatPath, valueAt, type FieldPath } from './path.ts';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** Prefix marking the known-keys list that `expectedPhrase` hands to `render` for unknown keys. */
const KNOWN_KEYS = '\u0000known:';

/**
 * Validates `data` against `schema`; on failure throws an AspisError for the first issue.
 * `pathPrefix` is prepended to rendered paths (a catalog entry's id, for example).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string | undefined,
  pathPrefix = '',
): z.output<S> {
  const r = schema.safeParse(data, { error: expectedPhrase });
  if (r.success) return r.data;
  throw issueToError(r.error.issues[0], data, file, pathPrefix);
}

export function issueToError(
  issue: Issue | undefined,
  data: unknown,
  file: string | undefined,
  pathPrefix = '',
): AspisError {
  if (!issue)
    return new AspisError({ file, path: pathPrefix || undefined, expected: 'valid input' });
  const r = render(issue, data, []);
  const path = formatPath(r.path, pathPrefix) || undefined;
  return new AspisError({
    file,
    path,
    expected: r.expected,
    ...(r.hasGot ? { got: r.got } : {}),
    ...(r.hint ? { hint: r.hint } : {}),
  });
}

interface Rendered {
  path: FieldPath;
  expected: string;
  hasGot: boolean;
  got?: unknown;
  hint?: string;
}

function render(issue: Issue, root: unknown, base: FieldPath): Rendered {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = bestBranch(issue.errors);
    if (branch) return render(branch, root, path);
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const known = issue.message.startsWith(KNOWN_KEYS)
      ? issue.message.slice(KNOWN_KEYS.length).split(',').filter(Boolean)
      : [];
    return {
      path,
      expected: 'a known field name',
      hasGot: true,
      got: key,
      hint: keyHint(key, known),
    };
  }
  return { path, expected: issue.message, hasGot: true, got: valueAt(root, path) };
}

/**
 * Which branch of a failed union the user most likely meant: the one with fewest issues, then
 * the one whose first issue lies deepest (it got furthest). A tie means nothing was recognised,
 * so the union's own phrase ("min-energy, lofted, …") is the better message.
 */
function bestBranch(branches: Issue[][]): Issue | undefined {
  const scored = branches
    .filter((b) => b.length > 0)
    .map((b) => ({ first: b[0], n: b.length, depth: b[0].path.length }))
    .sort((a, b) => a.n - b.n || b.depth - a.depth);
  const [best, next] = scored;
  if (!best) return undefined;
  if (next && next.n === best.n && next.depth === best.depth) return undefined;
  if (best.depth === 0 && best.first.code !== 'unrecognized_keys') return undefined;
  return best.first;
}

function keyHint(key: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const close = known
    .map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(x.k.length / 3)))
    .sort((a, b) => a.d - b.d);
  if (close.length > 0) return `did you mean ${close[0].k}?`;
  return `known fields: ${known.join(', ')}`;
}

const TYPE_PHRASES: Record<string, string> = {
  object: 'a mapping of fields',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  null: 'null',
};

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The per-parse error map: words an issue as what was expected. */
export function expectedPhrase(iss: RawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      return TYPE_PHRASES[iss.expected] ?? `a value of type ${iss.expected}`;
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'array' || iss.origin === 'set')
        return `a list of at least ${min} item${min === 1 ? '' : 's'}`;
      if (iss.origin === 'string')
        return min === 1 ? 'a non-empty string' : `a string of at least ${min} characters`;
      return `${iss.origin === 'int' ? 'an integer' : 'a number'} ${iss.inclusive ? '≥' : '>'} ${min}`;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'array' || iss.origin === 'set') return `a list of at most ${max} items`;
      if (iss.origin === 'string') return `a string of at most ${max} characters`;
      if (iss.origin === 'int' && max === Number.MAX_SAFE_INTEGER)
        return 'a safe integer (≤ 2^53 − 1)';
      return `${iss.origin === 'int' ? 'an integer' : 'a number'} ${iss.inclusive ? '≤' : '<'} ${max}`;
    }
    case 'invalid_value':
      return iss.values.length === 1
        ? show(iss.values[0])
        : `one of ${iss.values.map(show).join(', ')}`;
    case 'invalid_format':
      if (iss.format === 'datetime') return 'an ISO-8601 UTC time such as 2001-11-13T00:00:00Z';
      if (iss.format === 'regex') return `a string matching ${iss.pattern ?? 'the pattern'}`;
      return `a valid ${iss.format}`;
    case 'not_multiple_of':
      return `a multiple of ${iss.divisor}`;
    case 'unrecognized_keys':
      return KNOWN_KEYS + knownKeys(iss.inst).join(',');
    case 'invalid_union':
      return 'one of the allowed forms';
    default:
      return 'a valid value';
  }
}

/** Field names of the object schema that raised an unknown-keys issue. */
function knownKeys(inst: unknown): string[] {
  const def = (inst as { _zod?: { def?: { shape?: unknown } } } | undefined)?._zod?.def;
  const shape = def?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}
