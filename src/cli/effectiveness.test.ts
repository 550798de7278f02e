import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aspis, assertOneLineError } from './test-support/run-cli.ts';

test('effectiveness --json: contract fields and the barrage closed form 1 − 0.2² = 0.96', async () => {
  const r = await aspis(
    'effectiveness',
    '--warheads',
    '1',
    '--shots',
    '2',
    '--sspk',
    '0.8',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 1);
  const doc = JSON.parse(r.stdout);
  for (const k of ['pNoLeak', 'pKillPerWarhead', 'expectedLeakers', 'expectedInterceptors']) {
    assert.equal(typeof doc[k], 'number', k);
  }
  assert.ok(Math.abs(doc.pNoLeak - 0.96) < 1e-15);
  assert.equal(doc.expectedInterceptors, 2);
  assert.deepEqual(doc.inputs, {
    warheads: 1,
    shots: 2,
    sspk: 0.8,
    reliability: 1,
    doctrine: 'barrage',
    discrimination: 1,
    decoys: 0,
    killAssessment: 1,
  });
});

test('effectiveness with every option: SLS, decoys, discrimination, kill assessment', async () => {
  const r = await aspis(
    'effectiveness',
    '--warheads',
    '5',
    '--shots',
    '4',
    '--sspk',
    '0.7',
    '--reliability',
    '0.9',
    '--doctrine',
    'sls',
    '--discrimination',
    '0.9',
    '--decoys',
    '3',
    '--kill-assessment',
    '0.95',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.inputs.doctrine, 'sls');
  assert.equal(doc.inputs.decoys, 3);
  assert.ok(Math.abs(doc.pNoLeak - doc.pKillPerWarhead ** 5) < 1e-15);
  assert.ok(Math.abs(doc.expectedLeakers - 5 * (1 - doc.pKillPerWarhead)) < 1e-12);
  assert.ok(doc.pKillPerWarhead < 0.9); // never above D
});

test('effectiveness without --json prints a table', async () => {
  const r = await aspis('effectiveness', '--warheads', '3', '--shots', '2', '--sspk', '0.8');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /P\(no leaker\)\s*│\s*88\.47 %/); // 0.96³ = 0.884736
  assert.match(r.stdout, /expected interceptors\s*│\s*6\.00/);
});

test('effectiveness: bad input exits 2 with one line naming the option', async () => {
  const base = ['effectiveness', '--warheads', '2', '--shots', '2', '--sspk', '0.8'];
  const cases: [string[], RegExp][] = [
    [['--sspk', '1.5'], /^aspis: --sspk: expected a probability in \[0, 1\], got 1\.5$/],
    [['--sspk', 'high'], /^aspis: --sspk: expected a finite number, got "high"$/],
    [['--reliability', '-0.1'], /^aspis: --reliability: expected a probability in \[0, 1\]/],
    [['--discrimination', '2'], /^aspis: --discrimination: expected a probability/],
    [['--kill-assessment', '7'], /^aspis: --kill-assessment: expected a probability/],
    [['--warheads', '0'], /^aspis: --warheads: expected an integer ≥ 1, got "0"$/],
    [['--warheads', '2.5'], /^aspis: --warheads: expected an integer ≥ 1/],
    [['--shots', '-1'], /^aspis: --shots: expected a non-negative integer, got "-1"$/],
    [['--decoys', 'x'], /^aspis: --decoys: expected a finite number, got "x"$/],
    [['--decoys', '1.5'], /^aspis: --decoys: expected a non-negative integer/],
    [['--doctrine', 'salvo'], /^aspis: --doctrine: expected barrage or sls, got "salvo"$/],
  ];
  for (const [extra, re] of cases) {
    assertOneLineError(await aspis(...base, ...extra, '--json'), 2, re);
  }
  // A missing required option is a usage error: exit 2, and commander names the option.
  const missing = await aspis('effectiveness', '--warheads', '1', '--sspk', '0.8');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--shots/);
});
