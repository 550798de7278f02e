import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { AspisError } from '../core/errors.ts';
import type { IrSatelliteSpec, RadarSpec } from '../sensors/sensor-spec.ts';
import { Catalog } from './catalog.ts';
import { irSatelliteEntrySchema, radarEntrySchema } from './sensor-catalog-schema.ts';
import { DELETE, edited } from './test-support/fixtures.ts';

// Type-level: the schemas' outputs are the sensor models' specs (and back).
const _radar: RadarSpec = {} as z.infer<typeof radarEntrySchema>;
const _radarBack: z.infer<typeof radarEntrySchema> = {} as RadarSpec;
const _ir: IrSatelliteSpec = {} as z.infer<typeof irSatelliteEntrySchema>;
const _irBack: z.infer<typeof irSatelliteEntrySchema> = {} as IrSatelliteSpec;
void [_radar, _radarBack, _ir, _irBack];

const text = (f: string) => readFileSync(new URL(`../../catalog/${f}`, import.meta.url), 'utf8');
const RADARS = parse(text('radars.yaml')) as Record<string, unknown>[];
const SATS = parse(text('ir-satellites.yaml')) as Record<string, unknown>[];

function errorOf(file: string, entry: unknown): string {
  try {
    Catalog.fromYamlTexts([{ file, text: JSON.stringify([entry]) }]);
  } catch (e) {
    assert.ok(e instanceof AspisError, `expected AspisError, got ${String(e)}`);
    assert.equal(e.exitCode, 2);
    assert.ok(!e.message.includes('\n'), e.message);
    return e.message;
  }
  assert.fail('expected an error');
}

const radar = (id: string) => RADARS.find((r) => r.id === id)!;
const sat = (id: string) => SATS.find((s) => s.id === id)!;

test('the real catalog/radars.yaml and ir-satellites.yaml load into RadarSpec and IrSatelliteSpec', () => {
  const c = Catalog.fromYamlTexts([
    { file: 'catalog/radars.yaml', text: text('radars.yaml') },
    { file: 'catalog/ir-satellites.yaml', text: text('ir-satellites.yaml') },
  ]);
  assert.equal(c.ids('radar').length, 8);
  assert.deepEqual(c.ids('ir-satellite'), [
    'generic-dsp',
    'generic-sbirs-geo',
    'generic-sbirs-heo',
  ]);
  const xbr = c.radar('generic-xband-gbr');
  assert.equal(xbr.params.aperture_m2, 200);
  assert.equal(xbr.reference.confidence, 'interpreted');
  assert.equal(c.irSatellite('generic-sbirs-heo').orbit.inclination_deg, 63.4);
  // The entries are exactly what the YAML says (no defaults filled in, nothing dropped).
  for (const r of RADARS) assert.deepEqual(c.radar(r.id as string), r);
});

test('radar cross-checks name the field to fix', () => {
  const F = 'catalog/radars.yaml';
  const tpy2 = radar('generic-tpy2');
  const cases: [string, unknown, RegExp][] = [
    [
      'params.peakPower_W',
      -5,
      /^catalog\/radars\.yaml: generic-tpy2\.params\.peakPower_W: expected a peak power in W > 0, got -5$/,
    ],
    [
      'params.frequency_Hz',
      0,
      /generic-tpy2\.params\.frequency_Hz: expected a frequency in Hz > 0, got 0$/,
    ],
    [
      'params.aperture_m2',
      -1,
      /generic-tpy2\.params\.aperture_m2: expected an effective aperture in m² > 0, got -1$/,
    ],
    [
      'params.aperture_m2',
      DELETE,
      /generic-tpy2\.params\.gain_dB: expected an antenna gain_dB or an effective aperture_m2 \(neither given\), got nothing$/,
    ],
    [
      'params.gain_dB',
      60,
      /generic-tpy2\.params\.aperture_m2: expected an aperture consistent with gain_dB 60 \(it implies 49\.7 dB/,
    ],
    [
      'params.pulseWidth_s',
      DELETE,
      /generic-tpy2\.params\.pulseWidth_s: expected a pulseWidth_s or a bandwidth_Hz/,
    ],
    [
      'params.noiseFigure_dB',
      DELETE,
      /generic-tpy2\.params\.noiseFigure_dB: expected a noiseFigure_dB or a systemNoiseTemp_K/,
    ],
    [
      'params.maxElevation_deg',
      0.2,
      /generic-tpy2\.params\.maxElevation_deg: expected a maximum elevation above minElevation_deg \(0\.5\), got 0\.2$/,
    ],
    [
      'params.minElevation_deg',
      85,
      /generic-tpy2\.params\.maxElevation_deg: expected a maximum elevation above minElevation_deg \(85\), got 85$/,
    ],
    [
      'params.azimuthHalfWidth_deg',
      0,
      /generic-tpy2\.params\.azimuthHalfWidth_deg: expected an azimuth half-width in degrees in \(0, 180\] \(180: all round\), got 0$/,
    ],
    [
      'params.azimuthHalfWidth_deg',
      181,
      /generic-tpy2\.params\.azimuthHalfWidth_deg: expected an azimuth half-width/,
    ],
    [
      'params.revisit_s',
      0,
      /generic-tpy2\.params\.revisit_s: expected a revisit time in s > 0, got 0$/,
    ],
    [
      'params.rangeAccuracy_m',
      0,
      /generic-tpy2\.params\.rangeAccuracy_m: expected a range accuracy \(1-σ\) in m > 0, got 0$/,
    ],
    [
      'params.angleAccuracy_rad',
      -1e-3,
      /generic-tpy2\.params\.angleAccuracy_rad: expected an angle accuracy/,
    ],
    [
      'params.rangeRateAccuracy_mps',
      DELETE,
      /generic-tpy2\.params\.rangeRateAccuracy_mps: expected a range-rate accuracy in m\/s > 0 \(measuresRangeRate is true\), got nothing$/,
    ],
    [
      'params.pulsesIntegrated',
      2.5,
      /generic-tpy2\.params\.pulsesIntegrated: expected a number of pulses integrated, an integer ≥ 1, got 2\.5$/,
    ],
    [
      'params.losses_dB',
      -1,
      /generic-tpy2\.params\.losses_dB: expected system losses in dB ≥ 0, got -1$/,
    ],
    [
      'params.peakpower_W',
      1,
      /generic-tpy2\.params: expected a known field name, got "peakpower_W" \(did you mean peakPower_W\?\)$/,
    ],
    [
      'band',
      'S',
      /generic-tpy2\.band: expected the band of params\.frequency_Hz \(9500000000 Hz is X\), got "S"$/,
    ],
    [
      'reference.rcs_m2',
      0,
      /generic-tpy2\.reference\.rcs_m2: expected a radar cross section in m² > 0, got 0$/,
    ],
    ['sources', [], /generic-tpy2\.sources: expected at least one source/],
    ['sources', DELETE, /generic-tpy2\.sources: expected a list of sources/],
    ['class', 'sam', /generic-tpy2\.class: expected a radar class: early-warning, /],
  ];
  for (const [path, value, pattern] of cases)
    assert.match(errorOf(F, edited(tpy2, path, value)), pattern, `${path} = ${String(value)}`);
});

test('IR-satellite cross-checks name the field to fix', () => {
  const F = 'catalog/ir-satellites.yaml';
  const cases: [string, string, unknown, RegExp][] = [
    [
      'generic-dsp',
      'params.losAccuracy_rad',
      0,
      /^catalog\/ir-satellites\.yaml: generic-dsp\.params\.losAccuracy_rad: expected a line-of-sight accuracy \(1-σ\) in rad in \(0, π\), got 0$/,
    ],
    [
      'generic-dsp',
      'params.revisit_s',
      -10,
      /generic-dsp\.params\.revisit_s: expected a revisit time in s > 0, got -10$/,
    ],
    [
      'generic-dsp',
      'params.pdPerLook',
      1.5,
      /generic-dsp\.params\.pdPerLook: expected a detection probability per look in \(0, 1\], got 1\.5$/,
    ],
    [
      'generic-dsp',
      'params.fieldOfRegardHalfAngle_deg',
      0,
      /generic-dsp\.params\.fieldOfRegardHalfAngle_deg: expected a field-of-regard/,
    ],
    [
      'generic-dsp',
      'orbit.kind',
      'heo',
      /generic-dsp\.orbit\.geoLon_deg: expected no geoLon_deg on an heo orbit, got 70$/,
    ],
    [
      'generic-dsp',
      'orbit.eccentricity',
      0.1,
      /generic-dsp\.orbit\.eccentricity: expected no eccentricity on a geo orbit/,
    ],
    [
      'generic-sbirs-heo',
      'orbit.kind',
      'geo',
      /generic-sbirs-heo\.orbit\.eccentricity: expected no eccentricity on a geo orbit/,
    ],
    [
      'generic-sbirs-heo',
      'orbit.eccentricity',
      0.8,
      /generic-sbirs-heo\.orbit\.eccentricity: expected an orbit whose perigee clears the atmosphere .*, got 0\.8$/,
    ],
    [
      'generic-sbirs-heo',
      'class',
      'geo-staring',
      /generic-sbirs-heo\.orbit\.kind: expected geo \(the orbit of a geo-staring satellite\), got "heo"$/,
    ],
    [
      'generic-sbirs-geo',
      'sources',
      [],
      /generic-sbirs-geo\.sources: expected at least one source/,
    ],
  ];
  for (const [id, path, value, pattern] of cases)
    assert.match(errorOf(F, edited(sat(id), path, value)), pattern, `${id} ${path}`);
});
