/**
 * The file-reading edge for scenarios and catalogs (the engine never touches the disk).
 * - `builtin:<name>` → `<package>/scenarios/<name>.yaml`; anything else is a path from the cwd.
 * - The built-in catalog is every `<package>/catalog/*.yaml` (also .yml, .json), sorted by name.
 * - A scenario's `catalog: [a.yaml, …]` files are read after the built-in catalog, relative to
 *   the scenario file's folder.
 * The package root is found by walking up from this module to the `aspis` package.json, so it
 * works from src/ under tsx, from dist/ after tsc, and from an installed package.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AspisError } from '../core/errors.ts';
import { BUILTIN_PREFIX, parseScenarioRef, unknownBuiltinError } from '../scenario/builtins.ts';
import { Catalog, type CatalogText } from '../scenario/catalog.ts';
import { checkScenarioReferences, parseScenarioShape } from '../scenario/loader.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface FileOptions {
  /** Package root holding `catalog/` and `scenarios/` (tests point this at a fixture). */
  root?: string;
}

export interface LoadedScenario {
  scenario: Scenario;
  catalog: Catalog;
  /** The label errors use: `builtin:nmd-2001` or the path as given. */
  file: string;
}

const PACKAGE_NAME = 'aspis';
const DATA_FILE = /\.(ya?ml|json)$/i;
let cachedRoot: string | undefined;

export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here, i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === PACKAGE_NAME) return (cachedRoot = dir);
    } catch {
      // no package.json here: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // src/node/files.ts and dist/node/files.js both sit two levels below the root.
  return (cachedRoot = resolve(here, '..', '..'));
}

/** Reads a UTF-8 text file; any failure is an input error naming the file. */
export function readTextFile(path: string, label = path): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const hint =
      code === 'EISDIR'
        ? 'it is a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'it is not readable'
          : `looked at ${resolve(path)}`;
    throw new AspisError({ file: label, expected: 'an existing file', hint });
  }
}

/** The built-in catalog files, labelled `catalog/<name>`. */
export function readCatalogTexts(opts: FileOptions = {}): CatalogText[] {
  const root = opts.root ?? packageRoot();
  const dir = join(root, 'catalog');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => DATA_FILE.test(n));
  } catch {
    throw new AspisError({ file: dir, expected: 'the catalog folder of the aspis package' });
  }
  return names
    .sort()
    .map((n) => ({ file: `catalog/${n}`, text: readTextFile(join(dir, n), `catalog/${n}`) }));
}

export function loadBuiltinCatalog(opts: FileOptions = {}): Catalog {
  return Catalog.fromYamlTexts(readCatalogTexts(opts));
}

/** Names usable as `builtin:<name>`, sorted. */
export function listBuiltinScenarios(opts: FileOptions = {}): string[] {
  const dir = join(opts.root ?? packageRoot(), 'scenarios');
  try {
    return readdirSync(dir)
      .filter((n) => /\.ya?ml$/i.test(n))
      .map((n) => n.replace(/\.ya?ml$/i, ''))
      .sort();
  } catch {
    return [];
  }
}

/** Where a scenario reference points: its absolute path and the label errors use. */
export function resolveScenarioRef(
  ref: string,
  opts: FileOptions = {},
): { path: string; file: string } {
  const parsed = parseScenarioRef(ref);
  if (parsed.kind === 'path') return { path: resolve(parsed.path), file: parsed.path };
  const known = listBuiltinScenarios(opts);
  if (!known.includes(parsed.name)) throw unknownBuiltinError(parsed.name, known);
  const dir = join(opts.root ?? packageRoot(), 'scenarios');
  const name =
    readdirSync(dir).find((n) => n.replace(/\.ya?ml$/i, '') === parsed.name) ??
    `${parsed.name}.yaml`;
  return { path: join(dir, name), file: BUILTIN_PREFIX + parsed.name };
}

/**
 * Reads, validates and reference-checks a scenario (`builtin:<name>` or a path) against the
 * built-in catalog plus the scenario's own catalog files.
 */
export function loadScenarioFile(ref: string, opts: FileOptions = {}): LoadedScenario {
  const { path, file } = resolveScenarioRef(ref, opts);
  const scenario = parseScenarioShape(readTextFile(path, file), file);
  let catalog = loadBuiltinCatalog(opts);
  if (Array.isArray(scenario.catalog)) {
    const extra = scenario.catalog.map((p, i): CatalogText => {
      const abs = isAbsolute(p) ? p : join(dirname(path), p);
      const label = isAbsolute(p) ? p : relative(process.cwd(), abs) || abs;
      try {
        return { file: label, text: readFileSync(abs, 'utf8') };
      } catch {
        throw new AspisError({
          file,
          path: `catalog[${i}]`,
          expected: 'an existing catalog file',
          got: p,
          hint: `looked at ${abs}`,
        });
      }
    });
    catalog = catalog.withTexts(extra);
  }
  checkScenarioReferences(scenario, file, catalog);
  return { scenario, catalog, file };
}
