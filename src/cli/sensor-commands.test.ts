import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aspis, assertOneLineError } from './test-support/run-cli.ts';

test('radar-range --json follows the contract; effective is the least of the limits', async () => {
  const r = await aspis(
    'radar-range',
    '--radar',
    'generic-tpy2',
    '--rcs-m2',
    '0.01',
    '--target-alt-km',
    '1000',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const k of [
    'radar',
    'rcs_m2',
    'detectionRange_km',
    'horizonRange_km',
    'effectiveRange_km',
    'limitedBy',
  ])
    assert.ok(k in doc, k);
  assert.equal(doc.radar, 'generic-tpy2');
  // docs/sensors.md calibration table: 1,485 km on 0.01 m².
  assert.ok(Math.abs(doc.detectionRange_km - 1485) < 2);
  assert.equal(doc.limitedBy, 'detection');
  assert.equal(
    doc.effectiveRange_km,
    Math.min(
      doc.detectionRange_km,
      doc.horizonRange_km,
      doc.instrumentedRange_km,
      doc.minElevationRange_km,
    ),
  );
  const low = JSON.parse(
    (
      await aspis(
        'radar-range',
        '--radar',
        'generic-tpy2',
        '--rcs-m2',
        '1',
        '--target-alt-km',
        '10',
        '--json',
      )
    ).stdout,
  );
  assert.equal(low.limitedBy, 'min-elevation'); // 0.5° beam floor before the 4/3-Earth horizon
  const human = await aspis('radar-range', '--radar', 'generic-30n6', '--rcs-m2', '1');
  assert.equal(human.code, 0);
  assert.match(human.stdout, /effective range \(slant\)/);
});

test('radar-range and coverage: bad input exits 2 with one line naming the option', async () => {
  assertOneLineError(
    await aspis('radar-range', '--radar', 'generic-xband', '--rcs-m2', '1'),
    2,
    /^aspis: --radar: expected a radar id from the catalog, got "generic-xband" \(did you mean generic-xband-gbr/,
  );
  assertOneLineError(
    await aspis('radar-range', '--radar', 'generic-tpy2', '--rcs-m2', '-1'),
    2,
    /--rcs-m2: expected a radar cross section in m² > 0, got "-1"/,
  );
  assertOneLineError(
    await aspis('radar-range', '--radar', 'generic-tpy2', '--rcs-m2', 'NaN'),
    2,
    /--rcs-m2: expected a finite number, got "NaN"/,
  );
  assertOneLineError(
    await aspis('radar-range', '--radar', 'generic-tpy2', '--rcs-m2', '1', '--target-alt-km', '-5'),
    2,
    /--target-alt-km: expected a target altitude in km ≥ 0/,
  );
  assertOneLineError(
    await aspis('coverage', '--radar', 'generic-tpy2', '--site', '95,0', '--target-alt-km', '100'),
    2,
    /--site: expected a latitude between -90 and 90 degrees, got 95/,
  );
  assertOneLineError(
    await aspis(
      'coverage',
      '--radar',
      'generic-tpy2',
      '--site',
      '40,38',
      '--target-alt-km',
      '100',
      '--boresight-az-deg',
      '400',
    ),
    2,
    /--boresight-az-deg: expected an azimuth/,
  );
});

test('coverage --geojson: a FeatureCollection with a closed counterclockwise polygon; --json is a synonym', async () => {
  const args = [
    'coverage',
    '--radar',
    'generic-tpy2',
    '--site',
    '40,38',
    '--target-alt-km',
    '300',
    '--rcs-m2',
    '0.01',
    '--boresight-az-deg',
    '90',
  ];
  const r = await aspis(...args, '--geojson');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.type, 'FeatureCollection');
  const [f] = doc.features;
  assert.equal(f.type, 'Feature');
  assert.equal(f.geometry.type, 'Polygon');
  const ring: [number, number][] = f.geometry.coordinates[0];
  assert.deepEqual(ring[0], ring[ring.length - 1]);
  let area2 = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    area2 += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  assert.ok(area2 > 0, 'RFC 7946 §3.1.6: exterior ring counterclockwise');
  assert.deepEqual(Object.keys(f.properties).slice(0, 5), [
    'radar',
    'rcs_m2',
    'targetAlt_km',
    'maxGroundRange_km',
    'limitedBy',
  ]);
  const rr = JSON.parse(
    (
      await aspis(
        'radar-range',
        '--radar',
        'generic-tpy2',
        '--rcs-m2',
        '0.01',
        '--target-alt-km',
        '300',
        '--json',
      )
    ).stdout,
  );
  assert.equal(f.properties.limitedBy, rr.limitedBy);
  assert.ok(Math.abs(f.properties.maxGroundRange_km / rr.effectiveGroundRange_km - 1) < 0.01);
  const j = await aspis(...args, '--json');
  assert.deepEqual(JSON.parse(j.stdout), doc);
});
