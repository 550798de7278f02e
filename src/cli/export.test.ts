import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geodesicInverse } from '../frames/geodesic.ts';
import { ecefToGeodetic } from '../frames/wgs84.ts';
import { aspis } from './test-support/run-cli.ts';

test('export a run as CSV (one row per trial), JSON (run, summary, trials) and CZML (one trial)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-export-'));
  const run = await aspis(
    'run',
    'builtin:nmd-2001',
    '--trials',
    '6',
    '--workers',
    '1',
    '--out',
    dir,
    '--json',
  );
  assert.equal(run.code, 0, run.stderr);
  const runId = JSON.parse(run.stdout).runId as string;
  const store = join(dir, 'aspis.duckdb');

  const csv = await aspis('export', runId, '--format', 'csv', '--store', store);
  assert.equal(csv.code, 0, csv.stderr);
  const lines = csv.stdout.trim().split('\n');
  assert.equal(lines.length, 7);
  assert.match(
    lines[0],
    /^trial,rvs,killed,leakers,interceptorsUsed,firstTrack_s,leaked_nk-1,leaked_ir-1,failures$/,
  );

  const json = JSON.parse(
    (await aspis('export', runId, '--format', 'json', '--store', store)).stdout,
  );
  assert.equal(json.run.id, runId);
  assert.equal(json.trials.length, 6);
  assert.ok(json.summary.pNoLeak);

  const czml = JSON.parse(
    (await aspis('export', runId, '--format', 'czml', '--trial', '2', '--store', store)).stdout,
  );
  assert.equal(czml[0].id, 'document');
  assert.equal(czml[0].version, '1.0');
  const rv = czml.find((p: { id: string }) => p.id === 'nk-1/rv1');
  const cart = rv.position.cartesian as number[];
  assert.equal(cart.length % 4, 0);
  // The North Korean RV's track ends at its aim point, Seattle (its last sample is within a
  // few seconds of impact; the trial's bus dispersion moves the impact by kilometres at most).
  const lla = ecefToGeodetic(cart.slice(-3), new Float64Array(3));
  const d = geodesicInverse(
    (lla[0] * 180) / Math.PI,
    (lla[1] * 180) / Math.PI,
    47.61,
    -122.33,
  ).distance_m;
  assert.ok(d < 20_000, `RV ends ${d} m from Seattle`);
  assert.ok(czml.some((p: { id: string }) => p.id.startsWith('event-')));

  const bad = await aspis('export', runId, '--format', 'geojson', '--store', store);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format: expected one of json, csv, czml/);
  const unknown = await aspis('export', 'no-such-run', '--format', 'csv', '--store', store);
  assert.equal(unknown.code, 2);
});
