import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aspis, assertOneLineError } from './test-support/run-cli.ts';

test('ballistic --json follows the contract (BMW ch. 6 minimum-energy free flight)', async () => {
  const r = await aspis('ballistic', '--range-km', '10000', '--json');
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(doc).sort(), [
    'apogeeAlt_km',
    'burnoutAlt_km',
    'burnoutSpeed_mps',
    'flightPathAngle_deg',
    'range_km',
    'timeOfFlight_s',
  ]);
  // Ψ = 10000/6371 rad; φ = (π − Ψ)/4 for minimum energy.
  const psi = 10000 / 6371;
  assert.ok(Math.abs(doc.flightPathAngle_deg - ((Math.PI - psi) / 4) * (180 / Math.PI)) < 1e-9);
});

test('flyout --json lands within 1 km and reports the contract fields', async () => {
  const r = await aspis(
    'flyout',
    '--missile',
    'generic-mrbm-nodong',
    '--from',
    '40.85,129.67',
    '--to',
    '34.69,135.5',
    '--samples',
    '20',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const k of [
    'missile',
    'trajectory',
    'from',
    'to',
    'impact',
    'miss_m',
    'groundRange_km',
    'timeOfFlight_s',
    'apogeeAlt_km',
    'burnout',
    'samples',
  ]) {
    assert.ok(k in doc, k);
  }
  assert.ok(doc.miss_m < 1000);
  assert.equal(doc.samples.length, 20);
  assert.equal(doc.samples[0].t_s, 0);
});

test('range --json gives a maximum range and a lighter payload flies farther', async () => {
  const a = JSON.parse((await aspis('range', '--missile', 'generic-srbm-scud-b', '--json')).stdout);
  const b = JSON.parse(
    (await aspis('range', '--missile', 'generic-srbm-scud-b', '--payload-kg', '500', '--json'))
      .stdout,
  );
  assert.equal(a.missile, 'generic-srbm-scud-b');
  assert.ok(b.maxRange_km > a.maxRange_km);
});

test('catalog list and show', async () => {
  const list = JSON.parse((await aspis('catalog', 'list', '--json')).stdout) as { id: string }[];
  assert.ok(list.some((e) => e.id === 'generic-icbm-taepodong-2'));
  const show = JSON.parse((await aspis('catalog', 'show', 'generic-srbm-scud-b', '--json')).stdout);
  assert.ok(Array.isArray(show.sources) && show.sources.length > 0);
});

test('schema prints the scenario JSON Schema', async () => {
  const r = await aspis('schema');
  const doc = JSON.parse(r.stdout);
  assert.ok(doc.properties.threats);
});

test('bad input exits 2 with one line naming the option or field path', async () => {
  assertOneLineError(
    await aspis('ballistic', '--range-km', 'soon'),
    2,
    /--range-km: expected a finite number, got "soon"/,
  );
  assertOneLineError(
    await aspis('ballistic', '--range-km', 'NaN'),
    2,
    /--range-km: expected a finite number/,
  );
  assertOneLineError(await aspis('ballistic', '--range-km', '-5'), 2, /--range-km/);
  assertOneLineError(
    await aspis('flyout', '--missile', 'generic-scud', '--from', '0,0', '--to', '1,1'),
    2,
    /--missile: expected a missile id from the catalog, got "generic-scud" \(did you mean .*generic-srbm-scud-b/,
  );
  assertOneLineError(
    await aspis('flyout', '--missile', 'generic-srbm-scud-b', '--from', '91,0', '--to', '1,1'),
    2,
    /--from: expected a latitude/,
  );
  assertOneLineError(
    await aspis('flyout', '--missile', 'generic-srbm-scud-b', '--from', '0,0', '--to', '40,0'),
    2,
    /--to: expected an aim point within the reach of generic-srbm-scud-b \(about \d+ km/,
  );
  assertOneLineError(
    await aspis('catalog', 'show', 'nope'),
    2,
    /expected a catalog id, got "nope"/,
  );
});

test('usage errors exit 2', async () => {
  const r = await aspis('no-such-command');
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
});

test('scenario files: malformed YAML, bad field, unknown missile each give one line with the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-cli-'));
  const write = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const base = (threat: string): string =>
    `aspis: 1\nname: t\nepoch: 2001-11-13T00:00:00Z\nseed: 1\nthreats:\n  - ${threat}\n`;
  const bad = write('bad.yaml', 'aspis: 1\nname: [unclosed\n');
  assertOneLineError(await aspis('run', bad), 2, /bad\.yaml/);
  const soon = write(
    'soon.yaml',
    base(
      '{ id: a, missile: generic-srbm-scud-b, launch: { lat_deg: 0, lon_deg: 0, time_s: soon }, target: { lat_deg: 1, lon_deg: 1 } }',
    ),
  );
  assertOneLineError(await aspis('run', soon), 2, /soon\.yaml: threats\[0\]\.launch/);
  const unknown = write(
    'unknown.yaml',
    base(
      '{ id: a, missile: scud, launch: { lat_deg: 0, lon_deg: 0 }, target: { lat_deg: 1, lon_deg: 1 } }',
    ),
  );
  assertOneLineError(
    await aspis('run', unknown),
    2,
    /unknown\.yaml: threats\[0\]\.missile: expected a missile id/,
  );
  const far = write(
    'far.yaml',
    base(
      '{ id: a, missile: generic-srbm-scud-b, launch: { lat_deg: 0, lon_deg: 0 }, target: { lat_deg: 40, lon_deg: 0 } }',
    ),
  );
  assertOneLineError(
    await aspis('run', far),
    2,
    /far\.yaml: threats\[0\]\.target: expected an aim point within the reach/,
  );
  assertOneLineError(await aspis('run', join(dir, 'missing.yaml')), 2, /missing\.yaml/);
  assertOneLineError(await aspis('run', 'builtin:nmd-2000'), 2, /nmd-2001/);
});

test('track --json follows the contract and reports per-nation runs on request', async () => {
  const r = await aspis(
    'track',
    'builtin:joint-early-warning-2001',
    '--by-nation',
    '--seed',
    '3',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const k of [
    'tracks',
    'truthObjects',
    'falseTracks',
    'missedObjects',
    'metrics',
    'sensors',
    'byNation',
  ]) {
    assert.ok(k in doc, k);
  }
  for (const k of ['ospa_m', 'gospa_m', 'neesMean', 'neesDof', 'firstTrack_s'])
    assert.ok(k in doc.metrics, k);
  for (const k of ['id', 'truthId', 'confirmed_s', 'updates', 'rmsPos_m'])
    assert.ok(k in doc.tracks[0], k);
  assertOneLineError(
    await aspis('track', 'builtin:nmd-2001', '--seed', '-1'),
    2,
    /--seed: expected a non-negative integer/,
  );
});
