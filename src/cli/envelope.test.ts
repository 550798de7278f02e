import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScenarioFile } from '../node/files.ts';
import { aspis } from './test-support/run-cli.ts';

const MOSCOW = '55.75,37.62';

test('envelope --json: S-300-class vs an ICBM RV is infeasible (too fast, too high)', async () => {
  const r = await aspis(
    'envelope',
    '--interceptor',
    'generic-48n6',
    '--site',
    MOSCOW,
    '--threat-missile',
    'generic-icbm-3stage-solid',
    '--threat-from',
    '48.4,-101.3',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const k of [
    'interceptor',
    'site',
    'threat',
    'feasible',
    'reasons',
    'intercepts',
    'earliest_s',
    'latest_s',
    'altitudeBand_km',
  ])
    assert.ok(k in doc, k);
  assert.equal(doc.feasible, false);
  assert.ok(doc.reasons['too-fast'] > 0 && doc.reasons['too-high'] > 0);
});

test('envelope --json: S-300-class vs a Scud-B-class RV aimed at its site is feasible', async () => {
  const r = await aspis(
    'envelope',
    '--interceptor',
    'generic-48n6',
    '--site',
    MOSCOW,
    '--threat-missile',
    'generic-srbm-scud-b',
    '--threat-from',
    '55.75,33.6',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.feasible, true);
  assert.ok(doc.intercepts.length > 0);
  const [lo, hi] = doc.altitudeBand_km;
  assert.ok(lo >= 0 && hi <= 27, `${lo}–${hi} km`);
  assert.ok(doc.earliest_s <= doc.latest_s);
  for (const c of doc.intercepts)
    for (const k of ['time_s', 'alt_km', 'groundRange_km', 'closingSpeed_mps']) assert.ok(k in c);
});

test('envelope: GBI-class at Fort Greely can intercept a Taepodong-2-class RV aimed at Seattle', async () => {
  const r = await aspis(
    'envelope',
    '--interceptor',
    'generic-gbi',
    '--site',
    '63.95,-145.73',
    '--threat-missile',
    'generic-icbm-taepodong-2',
    '--threat-from',
    '39.66,124.71',
    '--threat-to',
    '47.61,-122.33',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).feasible, true);
});

test('envelope: an unknown interceptor exits 2 with one line suggesting ids', async () => {
  const r = await aspis(
    'envelope',
    '--interceptor',
    'generic-s300',
    '--site',
    MOSCOW,
    '--threat-missile',
    'generic-srbm-scud-b',
    '--threat-from',
    '55.75,33.6',
  );
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    /^aspis: --interceptor: expected an interceptor id from the catalog, got "generic-s300" \(did you mean .*generic-48n6/,
  );
});

test('builtin:s300-vs-ballistic loads, and its defense site refers to a catalog interceptor', () => {
  const { scenario, catalog } = loadScenarioFile('builtin:s300-vs-ballistic');
  assert.equal(scenario.threats.length, 3);
  const site = scenario.defense!.sites[0];
  assert.equal(catalog.interceptor(site.interceptor).id, 'generic-48n6');
});
