import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { IrSatelliteSpec, RadarSpec } from './sensor-spec.ts';
import { checkRadarParams, detectionRange_m } from './radar-equation.ts';

const radars = parse(
  readFileSync(new URL('../../catalog/radars.yaml', import.meta.url), 'utf8'),
) as RadarSpec[];
const sats = parse(
  readFileSync(new URL('../../catalog/ir-satellites.yaml', import.meta.url), 'utf8'),
) as IrSatelliteSpec[];

const IDS = [
  'generic-uhf-ewr',
  'generic-cobra-dane',
  'generic-xband-gbr',
  'generic-tpy2',
  'generic-daryal',
  'generic-voronezh-m',
  'generic-don-2n',
  'generic-30n6',
];

test('radar catalog: every required entry is present, sourced and consistent', () => {
  assert.deepEqual(radars.map((r) => r.id).sort(), [...IDS].sort());
  for (const r of radars) {
    assert.equal(checkRadarParams(r.params), null, r.id);
    assert.ok(r.sources.length > 0 && r.approximates && r.name, r.id);
  }
});

for (const r of radars) {
  test(`${r.id}: reproduces its reference, ${r.reference.range_km} km on ${r.reference.rcs_m2} m² (±20 %; ${r.reference.confidence})`, () => {
    const got = detectionRange_m(r.params, r.reference.rcs_m2) / 1000;
    assert.ok(Math.abs(got / r.reference.range_km - 1) < 0.2, `${r.id}: ${got.toFixed(0)} km`);
  });
}

test('IR catalog: DSP, SBIRS GEO and HEO entries with sources', () => {
  assert.deepEqual(sats.map((s) => s.id).sort(), [
    'generic-dsp',
    'generic-sbirs-geo',
    'generic-sbirs-heo',
  ]);
  for (const s of sats) {
    assert.ok(s.params.losAccuracy_rad > 0 && s.params.revisit_s > 0 && s.sources.length > 0, s.id);
  }
});
