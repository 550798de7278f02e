import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioJsonSchema, scenarioSchema } from './schema.ts';
import { validScenarioData } from './test-support/fixtures.ts';

test('the JSON Schema export is valid JSON and describes threats, sensors and defense', () => {
  const text = JSON.stringify(scenarioJsonSchema());
  const schema = JSON.parse(text) as {
    $schema: string;
    type: string;
    properties: Record<string, { type?: string; items?: { required?: string[] } }>;
    required: string[];
  };
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.type, 'object');
  for (const key of [
    'aspis',
    'name',
    'epoch',
    'seed',
    'catalog',
    'threats',
    'sensors',
    'defense',
    'treaties',
    'analysis',
  ])
    assert.ok(key in schema.properties, `no ${key} property`);
  assert.equal(schema.properties.threats.type, 'array');
  assert.deepEqual(schema.properties.threats.items?.required, [
    'id',
    'missile',
    'launch',
    'target',
  ]);
  // Input view: fields with defaults are optional in files.
  assert.deepEqual(schema.required.sort(), ['aspis', 'epoch', 'name', 'seed']);
});

test('the schema accepts the fixture and rejects non-finite numbers', () => {
  assert.equal(scenarioSchema.safeParse(validScenarioData()).success, true);
  for (const bad of [NaN, Infinity, -Infinity]) {
    const s = validScenarioData() as { threats: { launch: { time_s: number } }[] };
    s.threats[0].launch.time_s = bad;
    assert.equal(scenarioSchema.safeParse(s).success, false, String(bad));
  }
});

test('longitudes: both −180…180 and 0…360 conventions are accepted, 360 is not', () => {
  for (const [lon, ok] of [
    [-180, true],
    [359.99, true],
    [360, false],
    [-180.01, false],
  ] as const) {
    const s = validScenarioData() as { threats: { target: unknown }[] };
    s.threats[0].target = { lat_deg: 0, lon_deg: lon };
    assert.equal(scenarioSchema.safeParse(s).success, ok, String(lon));
  }
});
