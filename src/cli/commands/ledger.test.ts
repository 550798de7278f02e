import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConsistencyProof, checkInclusionProof } from '../../treaty/ledger/ledger.ts';
import { aspis } from '../test-support/run-cli.ts';

const POSIX = process.platform !== 'win32';

test('ledger init / append / head / prove / verify / audit on a temp folder', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'aspis-cli-ledger-'));
  const dir = join(tmp, 'ledger');
  const yaml = join(tmp, 'us-forces.yaml');
  writeFileSync(
    yaml,
    'type: force-data\nparty: us\ntime: 2001-12-13T00:00:00Z\nbody:\n  instrument: start-1\n  deployedWarheads: 5949\n',
  );
  const json = join(tmp, 'ru-site.json');
  writeFileSync(
    json,
    JSON.stringify({
      type: 'site-notification',
      party: 'ru',
      time: '2001-12-14T00:00:00Z',
      body: { site: 'moscow', abmLaunchers: 100 },
    }),
  );

  const init = await aspis('ledger', 'init', '--dir', dir, '--party', 'us', '--json');
  assert.equal(init.code, 0, init.stderr);
  const initDoc = JSON.parse(init.stdout);
  assert.equal(initDoc.created, true);
  assert.match(initDoc.publicKey, /^[0-9a-f]{64}$/);
  assert.equal((await aspis('ledger', 'init', '--dir', dir, '--party', 'ru')).code, 0);
  if (POSIX) {
    assert.equal(statSync(join(dir, 'keys', 'us.key')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'keys', 'ru.key')).mode & 0o777, 0o600);
  }
  // The secret never appears in any output.
  const secret = JSON.parse(readFileSync(join(dir, 'keys', 'us.key'), 'utf8')).secretKey;
  assert.ok(!init.stdout.includes(secret) && !init.stderr.includes(secret));

  const a0 = await aspis('ledger', 'append', yaml, '--dir', dir, '--json');
  assert.equal(a0.code, 0, a0.stderr);
  assert.equal(JSON.parse(a0.stdout).index, 0);
  const a1 = await aspis('ledger', 'append', json, '--dir', dir, '--party', 'ru', '--json');
  assert.equal(JSON.parse(a1.stdout).index, 1);

  const h1 = await aspis('ledger', 'head', '--dir', dir, '--party', 'us', '--json');
  assert.equal(h1.code, 0, h1.stderr);
  assert.equal(JSON.parse(h1.stdout).head.treeSize, 2);
  await aspis('ledger', 'append', yaml, '--dir', dir);
  const h2 = JSON.parse(
    (
      await aspis(
        'ledger',
        'head',
        '--dir',
        dir,
        '--party',
        'ru',
        '--time',
        '2001-12-15T00:00:00Z',
        '--json',
      )
    ).stdout,
  );
  assert.equal(h2.head.treeSize, 3);
  assert.equal(h2.head.timestamp, '2001-12-15T00:00:00Z');
  assert.deepEqual(
    h2.cosigned.map((h: { party: string; treeSize: number }) => `${h.party}@${h.treeSize}`),
    ['us@2'],
  );
  assert.ok(!h2.head.signature.includes(secret));

  const incl = JSON.parse(
    (await aspis('ledger', 'prove', '--dir', dir, '--index', '1', '--size', '2', '--json')).stdout,
  );
  assert.equal(incl.kind, 'inclusion');
  assert.ok(checkInclusionProof(incl));
  const cons = JSON.parse(
    (await aspis('ledger', 'prove', '--dir', dir, '--from', '2', '--to', '3', '--json')).stdout,
  );
  assert.ok(checkConsistencyProof(cons));

  const v = await aspis('ledger', 'verify', '--dir', dir, '--json');
  assert.equal(v.code, 0, v.stderr);
  const vd = JSON.parse(v.stdout);
  assert.equal(vd.ok, true);
  assert.equal(vd.treeSize, 3);
  assert.deepEqual(vd.parties, ['us', 'ru']);

  // A head held elsewhere (ru's printed head) is checked too.
  const held = join(tmp, 'ru-head.json');
  writeFileSync(held, JSON.stringify(h2));
  assert.equal((await aspis('ledger', 'verify', '--dir', dir, '--head', held)).code, 0);

  const au = await aspis('ledger', 'audit', '--dir', dir, '--json');
  assert.equal(au.code, 0, au.stderr);
  const ad = JSON.parse(au.stdout);
  assert.deepEqual(
    ad.declarations.map((d: { index: number; type: string; verified: boolean }) => [
      d.index,
      d.type,
      d.verified,
    ]),
    [
      [0, 'force-data', true],
      [1, 'site-notification', true],
      [2, 'force-data', true],
    ],
  );
  assert.match(ad.note, /treaty rules are not re-run yet/);

  // Tamper with entry 1 on disk: verify exits 1 and names it.
  const file = join(dir, 'ledger.jsonl');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('"abmLaunchers":100', '"abmLaunchers":10'),
  );
  const bad = await aspis('ledger', 'verify', '--dir', dir);
  assert.equal(bad.code, 1);
  assert.equal(bad.stderr.trimEnd().split('\n').length, 1);
  assert.match(
    bad.stderr,
    /ledger\.jsonl: line \d+: expected every entry to hash to its recorded leafHash \(tampered entry 1/,
  );
  // Writing commands refuse a ledger that does not verify.
  assert.equal((await aspis('ledger', 'append', yaml, '--dir', dir)).code, 1);
  assert.equal((await aspis('ledger', 'head', '--dir', dir, '--party', 'us')).code, 1);
});

test('ledger bad input exits 2 with field paths or the option', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'aspis-cli-ledger-'));
  const dir = join(tmp, 'ledger');
  assert.equal((await aspis('ledger', 'init', '--dir', dir, '--party', 'us')).code, 0);
  const missing = join(tmp, 'missing.json');
  writeFileSync(missing, JSON.stringify({ type: 'force-data', party: 'us' }));
  const r = await aspis('ledger', 'append', missing, '--dir', dir);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /missing\.json: time: expected an ISO-8601 UTC time.*got nothing \(also: body\)/,
  );
  const stranger = join(tmp, 'fr.yaml');
  writeFileSync(stranger, 'type: force-data\nparty: fr\ntime: 2001-12-13T00:00:00Z\nbody: {}\n');
  const s = await aspis('ledger', 'append', stranger, '--dir', dir);
  assert.equal(s.code, 2);
  assert.match(s.stderr, /fr\.yaml: party: expected a party with a key in this ledger \(us\)/);
  assert.equal((await aspis('ledger', 'init', '--dir', dir, '--party', 'us')).code, 2);
  assert.equal((await aspis('ledger', 'init', '--dir', dir, '--party', '../evil')).code, 2);
  assert.equal((await aspis('ledger', 'prove', '--dir', dir, '--index', '0')).code, 2);
  assert.equal((await aspis('ledger', 'prove', '--dir', dir)).code, 2);
  assert.equal((await aspis('ledger', 'verify', '--dir', join(tmp, 'nowhere'))).code, 2);
});
