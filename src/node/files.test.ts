import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { AspisError } from '../core/errors.ts';
import { MISSILES_FIXTURE_YAML } from '../scenario/test-support/fixtures.ts';
import {
  listBuiltinScenarios,
  loadBuiltinCatalog,
  loadScenarioFile,
  packageRoot,
  readCatalogTexts,
  resolveScenarioRef,
} from './files.ts';

const ROOT = packageRoot();

/** A package-shaped folder: the real sites and scenarios plus fixture missiles. */
function fixtureRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-files-'));
  mkdirSync(join(dir, 'catalog'));
  mkdirSync(join(dir, 'scenarios'));
  writeFileSync(
    join(dir, 'catalog', 'sites.yaml'),
    readFileSync(join(ROOT, 'catalog', 'sites.yaml')),
  );
  writeFileSync(join(dir, 'catalog', 'missiles.yaml'), MISSILES_FIXTURE_YAML);
  writeFileSync(
    join(dir, 'scenarios', 'nmd-2001.yaml'),
    readFileSync(join(ROOT, 'scenarios', 'nmd-2001.yaml')),
  );
  return dir;
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof AspisError, String(e));
    assert.ok(!e.message.includes('\n'));
    return e.message;
  }
  assert.fail('expected an error');
}

test('the package root is the aspis package (from src/ under tsx)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };
  assert.equal(pkg.name, 'aspis');
  assert.ok(existsSync(join(ROOT, 'catalog', 'sites.yaml')));
});

test('built-in scenarios are listed and resolved; unknown names suggest real ones', () => {
  assert.ok(listBuiltinScenarios().includes('nmd-2001'));
  const r = resolveScenarioRef('builtin:nmd-2001');
  assert.equal(r.file, 'builtin:nmd-2001');
  assert.equal(r.path, join(ROOT, 'scenarios', 'nmd-2001.yaml'));
  assert.match(
    messageOf(() => resolveScenarioRef('builtin:nmd-2010')),
    /^builtin:nmd-2010: expected a built-in scenario, got "nmd-2010" \(did you mean builtin:nmd-2001.*\)$/,
  );
  assert.match(
    messageOf(() => resolveScenarioRef('builtin:../etc/passwd')),
    /^builtin:\.\.\/etc\/passwd: expected a built-in scenario name/,
  );
});

test('a missing file: "expected an existing file"', () => {
  assert.match(
    messageOf(() => loadScenarioFile('no/such/scenario.yaml')),
    /^no\/such\/scenario\.yaml: expected an existing file \(looked at .*scenario\.yaml\)$/,
  );
  assert.equal(
    messageOf(() => loadScenarioFile(tmpdir())),
    `${tmpdir()}: expected an existing file (it is a folder)`,
  );
});

test('the built-in catalog folder reads every yaml file, labelled catalog/<name>', () => {
  const texts = readCatalogTexts();
  assert.ok(texts.some((t) => t.file === 'catalog/sites.yaml'));
  // missiles.yaml is written by the flight catalog work; when present it must load with sites.
  if (texts.some((t) => t.file === 'catalog/missiles.yaml'))
    assert.ok(loadBuiltinCatalog().hasKind('missile'));
});

test('loadScenarioFile: builtin:nmd-2001 against a package-shaped fixture', () => {
  const root = fixtureRoot();
  try {
    const { scenario, catalog, file } = loadScenarioFile('builtin:nmd-2001', { root });
    assert.equal(file, 'builtin:nmd-2001');
    assert.equal(scenario.threats.length, 2);
    assert.equal(catalog.missile(scenario.threats[0].missile).id, 'generic-icbm-taepodong-2');
    assert.deepEqual(listBuiltinScenarios({ root }), ['nmd-2001']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a scenario path with its own catalog file, relative to the scenario', () => {
  const root = fixtureRoot();
  try {
    const dir = join(root, 'work');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'local.yaml'),
      'sites:\n  - { id: test-pad, name: Test pad, lat_deg: 10, lon_deg: 20, country: Nowhere, kind: launch, sources: [{ author: me, title: notes, year: 2024 }] }\n',
    );
    const scenarioText = (catalogLine: string) =>
      `aspis: 1\nname: local\nepoch: 2001-01-01T00:00:00Z\nseed: 1\n${catalogLine}\nthreats:\n  - { id: t, missile: generic-icbm-2stage-liquid, launch: { site: test-pad }, target: { site: tokyo } }\n`;
    writeFileSync(join(dir, 'local-scenario.yaml'), scenarioText('catalog: [local.yaml]'));
    const loaded = loadScenarioFile(join(dir, 'local-scenario.yaml'), { root });
    assert.equal(loaded.catalog.site('test-pad').lat_deg, 10);
    assert.equal(
      loaded.catalog.fileOf('site', 'test-pad'),
      relative(process.cwd(), join(dir, 'local.yaml')),
    );

    writeFileSync(join(dir, 'missing-catalog.yaml'), scenarioText('catalog: [nope.yaml]'));
    const label = join(dir, 'missing-catalog.yaml');
    assert.match(
      messageOf(() => loadScenarioFile(label, { root })),
      new RegExp(
        `^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: catalog\\[0\\]: expected an existing catalog file, got "nope\\.yaml" \\(looked at .*nope\\.yaml\\)$`,
      ),
    );

    writeFileSync(join(dir, 'no-local.yaml'), scenarioText('catalog: builtin'));
    assert.match(
      messageOf(() => loadScenarioFile(join(dir, 'no-local.yaml'), { root })),
      /threats\[0\]\.launch\.site: expected a site id from the catalog, got "test-pad"/,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('builtin:nmd-2001 loads against the real catalog once missiles.yaml has its missiles', (t) => {
  const missiles = join(ROOT, 'catalog', 'missiles.yaml');
  if (!existsSync(missiles)) return t.skip('catalog/missiles.yaml not written yet');
  const { scenario } = loadScenarioFile('builtin:nmd-2001');
  assert.deepEqual(
    scenario.threats.map((x) => x.missile),
    ['generic-icbm-taepodong-2', 'generic-icbm-2stage-liquid'],
  );
});
