/**
 * Property: whatever text arrives, parseScenario either returns a scenario the schema accepts or
 * throws a one-line AspisError naming the file — never a TypeError, a zod error or a stack.
 * 2,600 cases in all (DESIGN.md §9: property tests for parsers).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { AspisError } from '../core/errors.ts';
import { Catalog } from './catalog.ts';
import { parseScenario } from './loader.ts';
import { scenarioSchema } from './schema.ts';
import { MISSILES_FIXTURE_YAML, validScenarioData } from './test-support/fixtures.ts';

const catalog = Catalog.fromYamlTexts([
  { file: 'catalog/missiles.yaml', text: MISSILES_FIXTURE_YAML },
  {
    file: 'catalog/sites.yaml',
    text: readFileSync(new URL('../../catalog/sites.yaml', import.meta.url), 'utf8'),
  },
]);
const NMD_YAML = readFileSync(new URL('../../scenarios/nmd-2001.yaml', import.meta.url), 'utf8');

let accepted = 0;
let rejected = 0;

function check(text: string, file: string): void {
  let result: unknown;
  try {
    result = parseScenario(text, file, catalog);
  } catch (e) {
    assert.ok(
      e instanceof AspisError,
      `not an AspisError for ${JSON.stringify(text).slice(0, 200)}: ${String(e)}`,
    );
    assert.ok(!e.message.includes('\n'), `multi-line message: ${e.message}`);
    assert.ok(e.message.startsWith(file), `message does not name the file: ${e.message}`);
    assert.equal(e.kind, 'input');
    rejected++;
    return;
  }
  assert.equal(scenarioSchema.safeParse(result).success, true);
  accepted++;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path (object keys and array indices) inside the valid scenario. */
function pathsOf(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (v !== null && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      const key = Array.isArray(v) ? Number(k) : k;
      out.push([...prefix, key]);
      pathsOf(child, [...prefix, key], out);
    }
  }
  return out;
}
const VALID = validScenarioData();
const PATHS = pathsOf(VALID);

const weird = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1,
    0,
    1.5,
    '',
    'soon',
    [],
    {},
    null,
    true,
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
);

const mutation = fc.record({
  path: fc.integer({ min: 0, max: PATHS.length - 1 }),
  op: fc.constantFrom('delete', 'replace', 'rename'),
  value: weird,
  key: fc.string({ minLength: 1, maxLength: 12 }),
  asYaml: fc.boolean(),
});

function mutate(m: { path: number; op: string; value: unknown; key: string }) {
  const s = structuredClone(VALID) as Record<string, unknown>;
  const path = PATHS[m.path];
  let parent: Record<string | number, unknown> = s;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (m.op === 'replace') parent[last] = m.value;
  else if (!Array.isArray(parent)) {
    parent[m.key] = parent[last];
    delete parent[last];
  }
  return s;
}

test('random JSON values as JSON and as YAML text', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.boolean(), (v, asYaml) => {
      if (asYaml) check(stringify(v), 'random.yaml');
      else check(JSON.stringify(v as Json), 'random.json');
    }),
    { numRuns: 600 },
  );
});

test('a valid scenario with one field deleted, retyped or renamed', () => {
  fc.assert(
    fc.property(mutation, (m) => {
      const s = mutate(m);
      // NaN and Infinity survive only in YAML (.nan, .inf); JSON turns them into null.
      if (m.asYaml) check(stringify(s), 'mutated.yaml');
      else check(JSON.stringify(s), 'mutated.json');
    }),
    { numRuns: 1000 },
  );
});

test('random strings and damaged scenario text as YAML', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ unit: fc.constantFrom(...'{}[]:,-?&*!|>\'"#% \n\tab1.'), maxLength: 80 }),
        fc
          .tuple(fc.nat(NMD_YAML.length), fc.nat(NMD_YAML.length), fc.string({ maxLength: 8 }))
          .map(
            ([a, b, ins]) =>
              NMD_YAML.slice(0, Math.min(a, b)) + ins + NMD_YAML.slice(Math.max(a, b)),
          ),
      ),
      fc.constantFrom('random.yaml', 'random.json', 'random-scenario'),
      (text, file) => check(text, file),
    ),
    { numRuns: 1000 },
  );
});

test('the property tests both accepted and rejected inputs', () => {
  // Guards against a generator that only ever produces rejections (a vacuous property).
  assert.ok(accepted > 0, `accepted ${accepted}`);
  assert.ok(rejected > 1000, `rejected ${rejected}`);
});
