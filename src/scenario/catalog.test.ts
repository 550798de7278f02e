import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { AspisError } from '../core/errors.ts';
import type { MissileSpec } from '../flight/missile-spec.ts';
import { Catalog, ENTRY_KINDS } from './catalog.ts';
import { missileEntrySchema, siteEntrySchema, SITE_KINDS } from './catalog-schema.ts';
import { DELETE, edited, MISSILES_FIXTURE_YAML } from './test-support/fixtures.ts';

// Type-level: the schema's output is assignable to the flight model's MissileSpec (and back).
const _check: MissileSpec = {} as z.infer<typeof missileEntrySchema>;
const _back: z.infer<typeof missileEntrySchema> = {} as MissileSpec;
void _check;
void _back;

const SITES_YAML = readFileSync(new URL('../../catalog/sites.yaml', import.meta.url), 'utf8');
const MISSILES = { file: 'catalog/missiles.yaml', text: MISSILES_FIXTURE_YAML };

function errorOf(texts: { file: string; text: string }[]): string {
  try {
    Catalog.fromYamlTexts(texts);
  } catch (e) {
    assert.ok(e instanceof AspisError, `expected AspisError, got ${String(e)}`);
    assert.ok(!e.message.includes('\n'), e.message);
    return e.message;
  }
  assert.fail('expected an error');
}

/** The fixture's first missile with one edit, as a one-entry missiles.yaml. */
function missileWith(path: string, value: unknown): { file: string; text: string } {
  const c = Catalog.fromYamlTexts([MISSILES]);
  const m = edited({ ...c.missile('generic-icbm-2stage-liquid'), id: 'generic-irbm' }, path, value);
  return { file: 'catalog/missiles.yaml', text: JSON.stringify([m]) };
}

test('fixture missiles load into MissileSpec and look up by id', () => {
  const c = Catalog.fromYamlTexts([MISSILES]);
  const m = c.missile('generic-icbm-2stage-liquid');
  assert.equal(m.stages.length, 2);
  assert.equal(m.stages[1].coastAfter_s, 0);
  assert.deepEqual(m.dragTable, { mach: [0, 1, 2, 5], cd: [0.2, 0.5, 0.35, 0.25] });
  assert.deepEqual(c.ids('missile'), ['generic-icbm-2stage-liquid', 'generic-icbm-taepodong-2']);
  assert.equal(c.hasKind('missile'), true);
  assert.equal(c.hasKind('site'), false);
  assert.equal(c.hasKind('radar'), false);
  assert.equal(c.fileOf('missile', 'generic-icbm-taepodong-2'), 'catalog/missiles.yaml');
});

test('unknown ids name where they were asked for and suggest the nearest', () => {
  const c = Catalog.fromYamlTexts([MISSILES, { file: 'catalog/sites.yaml', text: SITES_YAML }]);
  assert.throws(
    () => c.missile('generic-icbm-taepodong', { file: 'nmd.yaml', path: 'threats[0].missile' }),
    {
      message:
        'nmd.yaml: threats[0].missile: expected a missile id from the catalog, got "generic-icbm-taepodong" ' +
        '(did you mean generic-icbm-taepodong-2 or generic-icbm-2stage-liquid?)',
    },
  );
  assert.throws(() => c.site('vandenburg'), {
    message: /^expected a site id from the catalog, got "vandenburg" \(did you mean vandenberg/,
  });
  assert.throws(() => Catalog.empty().missile('x'), {
    message: 'expected a missile id from the catalog, got "x" (the catalog has no missiles)',
  });
});

test('catalog/sites.yaml: every site the scenarios and brief name, valid and sourced', () => {
  const c = Catalog.fromYamlTexts([{ file: 'catalog/sites.yaml', text: SITES_YAML }]);
  const required =
    `sohae musudan-ri tonghae semnan shahroud plesetsk vandenberg minot malmstrom fort-greely
    shemya grand-forks moscow washington seattle anchorage honolulu los-angeles new-york chicago london paris
    berlin rome warsaw ankara tel-aviv tokyo pyongyang tehran kozelsk dombarovsky kartaly thule fylingdales
    cobra-dane beale cape-cod clear pechora gabala mishelevka olenegorsk sary-shagan kwajalein`.split(
      /\s+/,
    );
  for (const id of required) assert.ok(c.has('site', id), `sites.yaml lacks ${id}`);
  for (const s of c.list('site')) {
    const e = c.site(s.id);
    assert.ok(SITE_KINDS.includes(e.kind));
    assert.ok(e.sources.length >= 1);
    // Two decimals: 0.01° (≈ 1 km) is the stated precision.
    assert.equal(Math.round(e.lat_deg * 100) / 100, e.lat_deg);
  }
  // Spot checks against the seed scenario's explicit coordinates (DESIGN.md §4).
  assert.deepEqual([c.site('seattle').lat_deg, c.site('seattle').lon_deg], [47.61, -122.33]);
  assert.deepEqual(
    [c.site('fort-greely').lat_deg, c.site('fort-greely').lon_deg],
    [63.95, -145.73],
  );
  assert.equal(c.site('moscow').kind, 'capital');
  assert.equal(siteEntrySchema.safeParse(c.site('sohae')).success, true);
});

test('STYLE.md example: a stage without a burn time', () => {
  assert.equal(
    errorOf([missileWith('stages[1].burnTime_s', DELETE)]),
    'catalog/missiles.yaml: generic-irbm.stages[1].burnTime_s: expected a burn time in seconds > 0 (every stage needs one), got nothing',
  );
});

test('cross-field checks: propellant below stage mass, ≥ 1 stage, positive burn, RV within payload', () => {
  assert.equal(
    errorOf([missileWith('stages[0].propellantMass_kg', 40000)]),
    "catalog/missiles.yaml: generic-irbm.stages[0].propellantMass_kg: expected a propellant mass below the stage's totalMass_kg (40000), got 40000",
  );
  assert.equal(
    errorOf([missileWith('stages', [])]),
    'catalog/missiles.yaml: generic-irbm.stages: expected at least one stage, got a list of 0',
  );
  assert.equal(
    errorOf([missileWith('stages[0].burnTime_s', 0)]),
    'catalog/missiles.yaml: generic-irbm.stages[0].burnTime_s: expected a burn time in seconds > 0 (every stage needs one), got 0',
  );
  assert.equal(
    errorOf([missileWith('reentryVehicle.mass_kg', 1200)]),
    'catalog/missiles.yaml: generic-irbm.reentryVehicle.mass_kg: expected a reentry-vehicle mass no larger than payload_kg (1000), got 1200',
  );
});

test('drag tables: mach ascending, same length as cd', () => {
  assert.equal(
    errorOf([missileWith('dragTable', { mach: [0, 2, 1], cd: [0.2, 0.3, 0.4] })]),
    'catalog/missiles.yaml: generic-irbm.dragTable.mach[2]: expected a Mach number above the previous one (2): the table must ascend, got 1',
  );
  assert.equal(
    errorOf([missileWith('dragTable', { mach: [0, 1, 2], cd: [0.2, 0.3] })]),
    'catalog/missiles.yaml: generic-irbm.dragTable.cd: expected as many cd values as mach values (3), got a list of 2',
  );
});

test('sources are required and complete', () => {
  assert.equal(
    errorOf([missileWith('sources', DELETE)]),
    'catalog/missiles.yaml: generic-irbm.sources: expected a list of sources ({author, title, year, where?}), got nothing',
  );
  assert.equal(
    errorOf([missileWith('sources', [])]),
    'catalog/missiles.yaml: generic-irbm.sources: expected at least one source ({author, title, year, where?}), got a list of 0',
  );
  assert.equal(
    errorOf([missileWith('sources[0].year', DELETE)]),
    'catalog/missiles.yaml: generic-irbm.sources[0].year: expected a publication year such as 2007, got nothing',
  );
});

test('misspelt parameters are errors, not silently ignored', () => {
  assert.equal(
    errorOf([missileWith('stages[0].burntime_s', 3)]),
    'catalog/missiles.yaml: generic-irbm.stages[0]: expected a known field name, got "burntime_s" (did you mean burnTime_s?)',
  );
});

test('entries without a usable id are located by index', () => {
  assert.equal(
    errorOf([{ file: 'catalog/sites.yaml', text: '- { name: x }\n' }]),
    'catalog/sites.yaml: [0].id: expected an id (letters, digits, ".", "_" or "-"), got nothing',
  );
});

test('a mapping file may mix kinds; unknown kinds and file names are errors with suggestions', () => {
  const mixed = `missiles:\n${MISSILES_FIXTURE_YAML.replace(/^/gm, '  ')}\nsites:\n  - { id: testsite, name: T, lat_deg: 1, lon_deg: 2, country: X, kind: launch, sources: [{ author: a, title: t, year: 2000 }] }\n`;
  const c = Catalog.fromYamlTexts([{ file: 'local/extra.yaml', text: mixed }]);
  assert.deepEqual(c.ids(), ['generic-icbm-2stage-liquid', 'generic-icbm-taepodong-2', 'testsite']);
  assert.deepEqual(c.list('site'), [
    { kind: 'site', id: 'testsite', name: 'T', file: 'local/extra.yaml' },
  ]);
  assert.equal(
    errorOf([{ file: 'x.yaml', text: 'missile: []\n' }]),
    'x.yaml: missile: expected a catalog kind: missiles, sites, radars, ir-satellites or interceptors, got "missile" (did you mean missiles or sites?)',
  );
  assert.match(
    errorOf([{ file: 'catalog/rockets.yaml', text: '- { id: a }\n' }]),
    /^catalog\/rockets\.yaml: expected a file named missiles\.yaml, sites\.yaml, radars\.yaml, ir-satellites\.yaml or interceptors\.yaml to hold a plain list, or a mapping with keys missiles, sites, radars, ir-satellites or interceptors, got a list of 1$/,
  );
  assert.equal(
    errorOf([{ file: 'catalog/missiles.yaml', text: 'missiles: {}\n' }]),
    'catalog/missiles.yaml: missiles: expected a list of missiles, got an object',
  );
  assert.equal(
    Catalog.fromYamlTexts([{ file: 'catalog/sites.yaml', text: '# nothing yet\n' }]).ids().length,
    0,
  );
});

test('an id repeated across files is an error naming the first file', () => {
  assert.equal(
    errorOf([MISSILES, { file: 'mine/missiles.yaml', text: MISSILES_FIXTURE_YAML }]),
    'mine/missiles.yaml: generic-icbm-2stage-liquid.id: expected a missile id not already in the catalog (catalog/missiles.yaml has it), got "generic-icbm-2stage-liquid"',
  );
});

test('withTexts adds files without changing the original; YAML errors carry line:col', () => {
  const base = Catalog.fromYamlTexts([MISSILES]);
  const more = base.withTexts([{ file: 'catalog/sites.yaml', text: SITES_YAML }]);
  assert.equal(base.hasKind('site'), false);
  assert.equal(more.hasKind('site'), true);
  assert.deepEqual(more.files, ['catalog/missiles.yaml', 'catalog/sites.yaml']);
  assert.match(
    errorOf([{ file: 'catalog/sites.yaml', text: '- id: a\n  name: [\n' }]),
    /^catalog\/sites\.yaml:\d+:\d+: expected valid YAML \(/,
  );
});

test('the registry lists every kind with its plural', () => {
  assert.deepEqual(
    Object.entries(ENTRY_KINDS).map(([k, v]) => [k, v.plural]),
    [
      ['missile', 'missiles'],
      ['site', 'sites'],
      ['radar', 'radars'],
      ['ir-satellite', 'ir-satellites'],
      ['interceptor', 'interceptors'],
    ],
  );
});
