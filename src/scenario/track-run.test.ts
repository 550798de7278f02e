import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScenarioFile } from '../node/files.ts';
import { trackScenario } from './track-scenario.ts';
import { parseScenario } from './loader.ts';

test('joint early warning: the fused picture beats each nation alone (earlier track, lower error)', () => {
  const { scenario, catalog, file } = loadScenarioFile('builtin:joint-early-warning-2001');
  for (const seed of [1, 2, 3]) {
    const r = trackScenario(scenario, catalog, file, { seed, byNation: true });
    const alone = Object.values(r.byNation!);
    assert.deepEqual(Object.keys(r.byNation!).sort(), ['RU', 'US']);
    for (const a of alone) {
      // Confirmed no later than with either nation's sensors alone, and earlier than one of them.
      if (a.metrics.firstTrack_s !== null)
        assert.ok(r.metrics.firstTrack_s! <= a.metrics.firstTrack_s);
      assert.ok(
        r.metrics.rmsPosFlight_m < a.metrics.rmsPosFlight_m,
        `seed ${seed}: RMS over flight ${r.metrics.rmsPosFlight_m} vs ${a.metrics.rmsPosFlight_m}`,
      );
      assert.ok(
        r.metrics.ospa_m < a.metrics.ospa_m,
        `seed ${seed}: OSPA ${r.metrics.ospa_m} vs ${a.metrics.ospa_m}`,
      );
    }
    assert.ok(
      alone.some(
        (a) => a.metrics.firstTrack_s === null || r.metrics.firstTrack_s! < a.metrics.firstTrack_s,
      ),
    );
    assert.equal(r.falseTracks, 0);
  }
});

test('track-to-track fusion by covariance intersection also beats each nation alone', () => {
  const { scenario, catalog, file } = loadScenarioFile('builtin:joint-early-warning-2001');
  for (const seed of [1, 2]) {
    const r = trackScenario(scenario, catalog, file, { seed, byNation: true, fusion: 'track' });
    assert.equal(r.fusion, 'track');
    // Each nation's tracks are listed under its name; the fused picture is scored as a whole.
    assert.ok(r.tracks.some((t) => String(t.id).startsWith('RU:')));
    assert.ok(r.tracks.some((t) => String(t.id).startsWith('US:')));
    for (const a of Object.values(r.byNation!)) {
      assert.ok(
        r.metrics.ospa_m < a.metrics.ospa_m,
        `seed ${seed}: OSPA ${r.metrics.ospa_m} vs ${a.metrics.ospa_m}`,
      );
      assert.ok(r.metrics.rmsPosFlight_m < a.metrics.rmsPosFlight_m);
    }
  }
});

test('nmd-2001: two DSP satellites give a stereo boost track; radars track the RV and decoys; no false tracks', () => {
  const { scenario, catalog, file } = loadScenarioFile('builtin:nmd-2001');
  const r = trackScenario(scenario, catalog, file);
  const rv = r.tracks.find((t) => t.truthId === 'nk-1/rv1');
  assert.ok(rv, 'a track on the North Korean RV');
  assert.ok(rv.sensors.includes('dsp-east') && rv.sensors.includes('dsp-pacific'));
  assert.ok(rv.confirmed_s! < 200, `confirmed at ${rv.confirmed_s} s, in boost`);
  assert.ok(rv.rmsPos_m! < 200);
  assert.equal(r.falseTracks, 0);
  // The run's filter is consistent: mean NEES near its 6 degrees of freedom.
  assert.ok(r.metrics.neesMean! > 1 && r.metrics.neesMean! < 12, `NEES ${r.metrics.neesMean}`);
});

test('the same seed gives the same report; another seed gives another', () => {
  const { scenario, catalog, file } = loadScenarioFile('builtin:ew-radar-demo');
  const a = JSON.stringify(trackScenario(scenario, catalog, file, { seed: 5 }));
  const b = JSON.stringify(trackScenario(scenario, catalog, file, { seed: 5 }));
  const c = JSON.stringify(trackScenario(scenario, catalog, file, { seed: 6 }));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('a sensor that cannot see anything is reported as such, with the reason', () => {
  const { catalog } = loadScenarioFile('builtin:ew-radar-demo');
  const text = `aspis: 1
name: blind radar
epoch: 2001-06-01T00:00:00Z
seed: 1
threats:
  - { id: t, missile: generic-srbm-scud-b, launch: { lat_deg: 35, lon_deg: 45 }, target: { lat_deg: 33, lon_deg: 44 } }
sensors:
  - { id: far-away, type: radar, catalog: generic-30n6, site: { lat_deg: -30, lon_deg: 140 } }
`;
  const scenario = parseScenario(text, 'blind.yaml', catalog);
  const r = trackScenario(scenario, catalog, 'blind.yaml');
  assert.equal(r.sensors[0].detections, 0);
  assert.match(r.sensors[0].note!, /saw nothing: below-horizon/);
  assert.deepEqual(r.missedObjects.sort(), r.missedObjects.slice().sort());
  assert.equal(r.tracks.length, 0);
});
