/**
 * Built-in scenarios are addressed as `builtin:<name>` (DESIGN.md §4) and live as YAML files in
 * the package's `scenarios/` folder. The engine never reads files: this module only parses
 * references and words the errors; src/node/files.ts (Node) or a bundler (web) supplies texts.
 */
import { AspisError } from '../core/errors.ts';
import { nearest } from '../core/nearest.ts';

export const BUILTIN_PREFIX = 'builtin:';

/** Built-in names: lower-case words joined by '-', as in `nmd-2001`. */
const BUILTIN_NAME = /^[a-z0-9][a-z0-9._-]*$/;

export type ScenarioRef = { kind: 'builtin'; name: string } | { kind: 'path'; path: string };

/** `builtin:nmd-2001` → builtin `nmd-2001`; anything else is a file path. */
export function parseScenarioRef(ref: string): ScenarioRef {
  if (!ref.startsWith(BUILTIN_PREFIX)) return { kind: 'path', path: ref };
  const name = ref.slice(BUILTIN_PREFIX.length);
  if (!BUILTIN_NAME.test(name))
    throw new AspisError({
      file: ref,
      expected: 'a built-in scenario name after "builtin:" (lower-case letters, digits, "-")',
      got: name,
    });
  return { kind: 'builtin', name };
}

/** The error for `builtin:<name>` when no such scenario ships, suggesting the nearest names. */
export function unknownBuiltinError(name: string, known: readonly string[]): AspisError {
  return new AspisError({
    file: BUILTIN_PREFIX + name,
    expected: 'a built-in scenario',
    got: name,
    hint:
      known.length === 0
        ? 'no built-in scenarios are installed'
        : `did you mean ${nearest(name, known, 3)
            .map((n) => BUILTIN_PREFIX + n)
            .join(', ')}? all: ${known.map((n) => BUILTIN_PREFIX + n).join(', ')}`,
  });
}
