import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TreatyReport } from '../../treaty/evaluate.ts';
import { aspis } from '../test-support/run-cli.ts';

test('builtin:grand-forks-1975 complies with every ABM article it is judged on', async () => {
  const r = await aspis('treaty', 'builtin:grand-forks-1975', '--json');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as TreatyReport;
  assert.equal(doc.compliant, true);
  assert.deepEqual(
    doc.findings.filter((f) => f.status === 'violation' || f.status === 'needs-judgement'),
    [],
  );
  assert.ok(doc.findings.some((f) => f.article === 'Protocol Art. I' && f.status === 'complies'));
});

test('builtin:nmd-2001 does not comply: Art. I, Art. III / Protocol Art. I, Statement F', async () => {
  const r = await aspis('treaty', 'builtin:nmd-2001', '--json');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as TreatyReport;
  assert.equal(doc.compliant, false);
  const violated = new Set(
    doc.findings.filter((f) => f.status === 'violation').map((f) => f.article),
  );
  for (const a of ['Art. I(2)', 'Art. III', 'Protocol Art. I', 'Agreed Statement F'])
    assert.ok(violated.has(a), `expected a violation of ${a}, got ${[...violated].join('; ')}`);
  const art1 = doc.findings.find((f) => f.article === 'Art. I(2)' && f.status === 'violation');
  assert.equal(art1?.component, 'US/fort-greely');
  assert.equal(art1?.evidence.interceptorReach_km, 5000);
});

test('an unknown instrument id exits 2 with suggestions', async () => {
  const r = await aspis('treaty', 'builtin:nmd-2001', '--instrument', 'abm-1973');
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /--instrument: expected a treaty instrument id .*got "abm-1973".*abm-1972/,
  );
});

test('a rule file that fails its schema exits 2 naming the field path', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const file = join(mkdtempSync(join(tmpdir(), 'aspis-treaty-')), 'bad.yaml');
  writeFileSync(
    file,
    'id: bad\nversion: 1\ntitle: t\nsigned: 2001-01-01\nparties: [US]\nstatus: [{state: signed, from: 2001-01-01}]\nsources: [{author: a, title: t, year: 2001}]\nrules:\n  - {id: r, article: A, text: t, check: {kind: max-launchers-in-area, max: -1, radius_km: 150}}\n',
  );
  const r = await aspis('treaty', 'builtin:nmd-2001', '--instrument', file);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.yaml: rules\[0\]\.check\.max: expected an integer ≥ 0, got -1/);
});
