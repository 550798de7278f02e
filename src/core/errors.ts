/**
 * The one error type for judged input. Its message is one line naming the file, the field path
 * and what was expected, e.g.
 * `nmd.yaml: threats[0].launch.time_s: expected a number ≥ 0, got "soon"`.
 */
export type ErrorKind = 'input' | 'runtime';

export interface AspisErrorInit {
  /** File (or source label such as `builtin:nmd-2001`, `--range-km`) the input came from. */
  file?: string;
  /** Field path inside the file, e.g. `threats[0].launch.time_s`. */
  path?: string;
  /** What was expected, phrased to follow "expected". */
  expected: string;
  /** What was found; rendered with `describeValue` unless already a string description. */
  got?: unknown;
  /** `input` errors exit 2, `runtime` errors exit 1 (DESIGN.md §6). */
  kind?: ErrorKind;
  /** Optional hint appended to the message, e.g. nearest catalog ids. */
  hint?: string;
}

export class AspisError extends Error {
  readonly file: string | undefined;
  readonly path: string | undefined;
  readonly expected: string;
  readonly got: unknown;
  readonly kind: ErrorKind;
  readonly hint: string | undefined;

  constructor(init: AspisErrorInit) {
    super(formatMessage(init));
    this.name = 'AspisError';
    this.file = init.file;
    this.path = init.path;
    this.expected = init.expected;
    this.got = init.got;
    this.kind = init.kind ?? 'input';
    this.hint = init.hint;
  }

  /** The same error attributed to a file (when it was raised before the file was known). */
  inFile(file: string): AspisError {
    return new AspisError({
      file,
      path: this.path,
      expected: this.expected,
      got: this.got,
      kind: this.kind,
      hint: this.hint,
    });
  }

  get exitCode(): number {
    return this.kind === 'input' ? 2 : 1;
  }
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function formatMessage(init: AspisErrorInit): string {
  const parts: string[] = [];
  if (init.file) parts.push(init.file);
  if (init.path) parts.push(init.path);
  let body = `expected ${init.expected}`;
  if ('got' in init) body += `, got ${describeValue(init.got)}`;
  if (init.hint) body += ` (${init.hint})`;
  parts.push(body);
  return parts.join(': ');
}

export const isAspisError = (e: unknown): e is AspisError => e instanceof AspisError;
