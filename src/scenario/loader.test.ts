import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { AspisError } from '../core/errors.ts';
import { Catalog } from './catalog.ts';
import { parseScenario, parseScenarioShape, validateScenario } from './loader.ts';
import {
  DELETE,
  edited,
  MISSILES_FIXTURE_YAML,
  validScenarioData,
} from './test-support/fixtures.ts';

const SITES_YAML = readFileSync(new URL('../../catalog/sites.yaml', import.meta.url), 'utf8');
const NMD_YAML = readFileSync(new URL('../../scenarios/nmd-2001.yaml', import.meta.url), 'utf8');
const catalog = Catalog.fromYamlTexts([
  { file: 'catalog/missiles.yaml', text: MISSILES_FIXTURE_YAML },
  { file: 'catalog/sites.yaml', text: SITES_YAML },
]);

/** The one-line message parseScenario throws for `text`. */
function errorOf(text: string, file = 'nmd.yaml'): string {
  try {
    parseScenario(text, file, catalog);
  } catch (e) {
    assert.ok(e instanceof AspisError, `expected AspisError, got ${String(e)}`);
    assert.ok(!e.message.includes('\n'), `message is one line: ${e.message}`);
    assert.equal(e.exitCode, 2);
    return e.message;
  }
  assert.fail('expected an error');
}

const errorOfData = (data: unknown) => errorOf(JSON.stringify(data), 'nmd.json');

const withChange = (path: string, value: unknown) => edited(validScenarioData(), path, value);

test('the built-in NMD-2001 scenario validates against the catalog', () => {
  const s = parseScenario(NMD_YAML, 'builtin:nmd-2001', catalog);
  assert.equal(s.aspis, 1);
  assert.equal(s.seed, 2001);
  assert.equal(s.epoch, '2001-11-13T00:00:00Z');
  assert.deepEqual(
    s.threats.map((t) => [t.id, t.missile, t.payload.warheads, t.payload.decoys, t.count]),
    [
      ['nk-1', 'generic-icbm-taepodong-2', 1, 3, 1],
      ['ir-1', 'generic-icbm-2stage-liquid', 1, 0, 1],
    ],
  );
  assert.deepEqual(s.threats[0].launch, { site: 'sohae', time_s: 0 });
  assert.deepEqual([...new Set(s.sensors.map((x) => x.type))].sort(), ['ir-satellite', 'radar']);
  assert.ok(s.sensors.some((x) => x.id === 'shemya-xbr'));
  assert.equal(s.defense?.sites[0].count, 100);
  assert.equal(s.defense?.doctrine.kind, 'shoot-look-shoot');
  assert.deepEqual(s.treaties, ['abm-1972', 'abm-1974-protocol', 'tmd-demarcation-1997']);
  assert.equal(s.analysis.trials, 1000);
});

test('the same scenario as JSON loads identically, and defaults are applied', () => {
  const data = validScenarioData();
  const fromJson = parseScenario(JSON.stringify(data, null, 2), 'x.json', catalog);
  const fromObj = validateScenario(data, 'x', catalog);
  assert.deepEqual(fromJson, fromObj);
  const minimal = parseScenario(
    'aspis: 1\nname: m\nepoch: 2001-01-01T00:00:00Z\nseed: 0\nthreats:\n  - { id: a, missile: generic-icbm-taepodong-2, launch: { site: sohae }, target: { site: tokyo } }\n',
    'm.yaml',
    catalog,
  );
  assert.equal(minimal.catalog, 'builtin');
  assert.deepEqual(minimal.threats[0].launch, { site: 'sohae', time_s: 0 });
  assert.equal(minimal.threats[0].trajectory, 'min-energy');
  assert.deepEqual(minimal.threats[0].payload, { warheads: 1, decoys: 0 });
  assert.equal(minimal.threats[0].count, 1);
  assert.deepEqual(minimal.sensors, []);
  assert.equal(minimal.defense, undefined);
  assert.deepEqual(minimal.analysis, { trials: 1 });
});

test('malformed YAML: one line with file:line:col and "expected valid YAML"', () => {
  const msg = errorOf('aspis: 1\nthreats:\n  - id: a\n   missile: b\n');
  assert.match(msg, /^nmd\.yaml:4:\d+: expected valid YAML \(.+\)$/);
  assert.match(
    errorOf('a: 1\na: 2\n'),
    /^nmd\.yaml:2:1: expected valid YAML \(Map keys must be unique\)$/,
  );
  assert.match(errorOf('x: *nowhere\n'), /^nmd\.yaml: expected valid YAML \(Unresolved alias/);
});

test('malformed JSON: one line with file:line:col and "expected valid JSON"', () => {
  assert.equal(
    errorOf('{\n  "aspis": 1,\n  "name": "x",\n}', 'nmd.json'),
    'nmd.json:4:1: expected valid JSON (expected a double-quoted property name)',
  );
  assert.equal(
    errorOf('{"aspis": 1 "name": 2}', 'nmd.json'),
    "nmd.json:1:13: expected valid JSON (expected ',' or '}')",
  );
  assert.equal(
    errorOf('{"a":\n  tru}', 'nmd.json'),
    'nmd.json:2:6: expected valid JSON (unexpected "}")',
  );
  assert.equal(
    errorOf('[1, 2', 'nmd.json'),
    "nmd.json:1:6: expected valid JSON (expected ',' or ']')",
  );
});

test('DESIGN.md §4 example: time_s "soon"', () => {
  assert.equal(
    errorOf(
      NMD_YAML.replace(
        'launch: { site: sohae, time_s: 0 }',
        'launch: { site: sohae, time_s: soon }',
      ),
    ),
    'nmd.yaml: threats[0].launch.time_s: expected a number ≥ 0, got "soon"',
  );
});

test('unknown missile id: names the path and suggests the nearest catalog ids', () => {
  assert.equal(
    errorOf(
      NMD_YAML.replace('missile: generic-icbm-2stage-liquid', 'missile: generic-icbm-2stage-liqid'),
    ),
    'nmd.yaml: threats[1].missile: expected a missile id from the catalog, got "generic-icbm-2stage-liqid" ' +
      '(did you mean generic-icbm-2stage-liquid or generic-icbm-taepodong-2?)',
  );
});

test('unknown site id: suggests named sites', () => {
  const msg = errorOf(NMD_YAML.replace('site: sohae', 'site: sohea'));
  assert.match(
    msg,
    /^nmd\.yaml: threats\[0\]\.launch\.site: expected a site id from the catalog, got "sohea" \(did you mean sohae/,
  );
  assert.match(
    errorOfData(withChange('sensors[2].site', 'cobra-dain')),
    /^nmd\.json: sensors\[2\]\.site: expected a site id from the catalog, got "cobra-dain" \(did you mean cobra-dane/,
  );
});

test('NaN and Infinity are rejected with the path', () => {
  assert.equal(
    errorOf(
      NMD_YAML.replace('target: { site: seattle }', 'target: { lat_deg: .nan, lon_deg: -122.33 }'),
    ),
    'nmd.yaml: threats[0].target.lat_deg: expected a latitude in degrees between -90 and 90, got NaN',
  );
  assert.equal(
    errorOf(NMD_YAML.replace('count: 100', 'count: .inf')),
    'nmd.yaml: defense.sites[0].count: expected an integer between 0 and 10000, got Infinity',
  );
});

test('latitude 91 and longitude 360 are out of range', () => {
  assert.equal(
    errorOfData(withChange('threats[0].target', { lat_deg: 91, lon_deg: 0 })),
    'nmd.json: threats[0].target.lat_deg: expected a latitude in degrees between -90 and 90, got 91',
  );
  assert.equal(
    errorOfData(withChange('sensors[0].orbit.geo_lon_deg', 360)),
    'nmd.json: sensors[0].orbit.geo_lon_deg: expected a longitude in degrees in [-180, 360), got 360',
  );
});

test('STYLE.md example: defense count −5', () => {
  assert.equal(
    errorOfData(withChange('defense.sites[0].count', -5)),
    'nmd.json: defense.sites[0].count: expected an integer between 0 and 10000, got -5',
  );
});

test('duplicate ids across threats, sensors and defense sites', () => {
  assert.equal(
    errorOfData(withChange('sensors[1].id', 'nk-1')),
    'nmd.json: sensors[1].id: expected an id unique across threats, sensors and defense sites ' +
      '(threats[0].id has it too), got "nk-1"',
  );
  assert.equal(
    errorOfData(withChange('defense.sites[0].id', 'dsp-east')),
    'nmd.json: defense.sites[0].id: expected an id unique across threats, sensors and defense sites ' +
      '(sensors[0].id has it too), got "dsp-east"',
  );
});

test('missing required fields', () => {
  assert.equal(
    errorOfData(withChange('threats[1].missile', DELETE)),
    'nmd.json: threats[1].missile: expected a missile id from the catalog, got nothing',
  );
  assert.equal(
    errorOfData(withChange('seed', DELETE)),
    'nmd.json: seed: expected a non-negative safe integer, got nothing',
  );
  assert.equal(
    errorOfData(withChange('defense.doctrine', DELETE)),
    'nmd.json: defense.doctrine: expected a mapping of fields, got nothing',
  );
});

test('misspelt and unknown fields name the nearest known field', () => {
  assert.equal(
    errorOfData(withChange('threats[0].trajectroy', 'min-energy')),
    'nmd.json: threats[0]: expected a known field name, got "trajectroy" (did you mean trajectory?)',
  );
  assert.match(
    errorOfData(withChange('colour', 'red')),
    /^nmd\.json: expected a known field name, got "colour" \(known fields: aspis, name, .*analysis\)$/,
  );
});

test('other wrong values read as "expected …, got …"', () => {
  const cases: [string, unknown, string][] = [
    ['aspis', 2, 'aspis: expected 1 (the scenario format version), got 2'],
    [
      'epoch',
      '13 Nov 2001',
      'epoch: expected an ISO-8601 UTC time such as 2001-11-13T00:00:00Z, got "13 Nov 2001"',
    ],
    [
      'epoch',
      '2001-11-13T00:00:00+01:00',
      'epoch: expected an ISO-8601 UTC time such as 2001-11-13T00:00:00Z, got "2001-11-13T00:00:00+01:00"',
    ],
    ['seed', -1, 'seed: expected a non-negative safe integer, got -1'],
    ['seed', 2 ** 53, 'seed: expected a non-negative safe integer, got 9007199254740992'],
    [
      'threats[0].trajectory',
      'lofty',
      'threats[0].trajectory: expected min-energy, lofted, depressed or {apogee_km: N}, got "lofty"',
    ],
    [
      'threats[1].trajectory',
      { apogee_km: -5 },
      'threats[1].trajectory.apogee_km: expected an apogee in km > 0, got -5',
    ],
    [
      'threats[0].payload.warheads',
      0,
      'threats[0].payload.warheads: expected an integer between 1 and 100, got 0',
    ],
    [
      'threats[0].payload.decoys',
      1.5,
      'threats[0].payload.decoys: expected an integer between 0 and 1000, got 1.5',
    ],
    [
      'threats[0].launch',
      'sohae',
      'threats[0].launch: expected a launch point: {site, time_s} or {lat_deg, lon_deg, time_s}, got "sohae"',
    ],
    ['threats', {}, 'threats: expected a list, got an object'],
    [
      'sensors[0].type',
      'lidar',
      'sensors[0].type: expected a sensor type: radar or ir-satellite, got "lidar"',
    ],
    [
      'defense.doctrine.kind',
      'salvo',
      'defense.doctrine.kind: expected a doctrine: barrage or shoot-look-shoot, got "salvo"',
    ],
    ['analysis.trials', 0, 'analysis.trials: expected an integer between 1 and 100000000, got 0'],
    ['catalog', 'mine', 'catalog: expected builtin or a list of extra catalog files, got "mine"'],
  ];
  for (const [path, value, expected] of cases)
    assert.equal(errorOfData(withChange(path, value)), `nmd.json: ${expected}`);
  assert.equal(
    errorOf('just a string\n'),
    'nmd.yaml: expected a mapping of fields, got "just a string"',
  );
  assert.equal(errorOf(''), 'nmd.yaml: expected a mapping of fields, got null');
});

test('sensor and interceptor catalog ids are not checked until the catalog has those kinds', () => {
  assert.equal(catalog.hasKind('radar'), false);
  const s = validScenarioData();
  assert.doesNotThrow(() => validateScenario(s, 'x', catalog));
});

test('once the catalog has radars and IR satellites, sensor catalog ids are checked', () => {
  // Real catalog entries (the sensor schemas check every parameter), two radars and one satellite.
  const pick = (file: string, ids: string[]) =>
    JSON.stringify(
      (
        parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as { id: string }[]
      ).filter((e) => ids.includes(e.id)),
    );
  const withSensors = catalog.withTexts([
    {
      file: 'catalog/radars.yaml',
      text: pick('catalog/radars.yaml', ['generic-xband-gbr', 'generic-cobra-dane']),
    },
    {
      file: 'catalog/ir-satellites.yaml',
      text: pick('catalog/ir-satellites.yaml', ['generic-dsp']),
    },
  ]);
  assert.equal(withSensors.hasKind('radar'), true);
  assert.doesNotThrow(() => validateScenario(validScenarioData(), 'x', withSensors));
  assert.throws(
    () =>
      validateScenario(withChange('sensors[1].catalog', 'generic-xband'), 'nmd.json', withSensors),
    {
      message:
        'nmd.json: sensors[1].catalog: expected a radar id from the catalog, got "generic-xband" (did you mean generic-xband-gbr or generic-cobra-dane?)',
    },
  );
  assert.throws(
    () =>
      validateScenario(withChange('sensors[0].catalog', 'generic-sbirs'), 'nmd.json', withSensors),
    {
      message:
        /^nmd\.json: sensors\[0\]\.catalog: expected an IR-satellite id from the catalog, got "generic-sbirs" \(did you mean generic-dsp\?\)$/,
    },
  );
});

test('parseScenarioShape validates without a catalog', () => {
  const s = withChange('threats[0].missile', 'not-in-any-catalog');
  assert.equal(
    parseScenarioShape(JSON.stringify(s), 'x.json').threats[0].missile,
    'not-in-any-catalog',
  );
});
