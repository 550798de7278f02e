import { test } from 'node:test';
import assert from 'node:assert/strict';
import { philox4x32, randomStream } from './random.ts';

const hex = (a: Uint32Array): string[] => [...a].map((x) => x.toString(16).padStart(8, '0'));

// Known-answer vectors from Random123's kat_vectors (Salmon et al., SC'11): counter, key → output.
test('Philox4x32-10 reproduces the Random123 known-answer vectors', () => {
  const out = new Uint32Array(4);
  assert.deepEqual(hex(philox4x32(0, 0, 0, 0, 0, 0, out)), [
    '6627e8d5',
    'e169c58d',
    'bc57ac4c',
    '9b00dbd8',
  ]);
  const f = 0xffffffff;
  assert.deepEqual(hex(philox4x32(f, f, f, f, f, f, out)), [
    '408f276d',
    '41c83b0e',
    'a20bc7c6',
    '6d5451fd',
  ]);
  assert.deepEqual(
    hex(philox4x32(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, out)),
    ['d16cfe09', '94fdcceb', '5001e420', '24126ea1'],
  );
});

test('a stream depends only on (seed, trial, path)', () => {
  const draw = (s: number, t: number, p: string): number[] => {
    const r = randomStream(s, t, p);
    return Array.from({ length: 10 }, () => r.uniform());
  };
  assert.deepEqual(draw(7, 4213, 'sensors/a/noise'), draw(7, 4213, 'sensors/a/noise'));
  assert.notDeepEqual(draw(7, 4213, 'sensors/a/noise'), draw(7, 4214, 'sensors/a/noise'));
  assert.notDeepEqual(draw(7, 4213, 'sensors/a/noise'), draw(8, 4213, 'sensors/a/noise'));
  assert.notDeepEqual(draw(7, 4213, 'sensors/a/noise'), draw(7, 4213, 'sensors/b/noise'));
});

test('uniform draws are in [0,1) with mean 1/2 and variance 1/12; normals have mean 0, var 1', () => {
  const r = randomStream(1, 0, 'test');
  const n = 200_000;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const u = r.uniform();
    assert.ok(u >= 0 && u < 1);
    s += u;
    s2 += u * u;
  }
  const mean = s / n;
  // 5-sigma bounds: sd of the mean is sqrt(1/12/n) ≈ 6.5e-4.
  assert.ok(Math.abs(mean - 0.5) < 5 * Math.sqrt(1 / 12 / n));
  assert.ok(Math.abs(s2 / n - mean * mean - 1 / 12) < 0.002);
  let g = 0;
  let g2 = 0;
  for (let i = 0; i < n; i++) {
    const z = r.normal();
    g += z;
    g2 += z * z;
  }
  assert.ok(Math.abs(g / n) < 5 / Math.sqrt(n));
  assert.ok(Math.abs(g2 / n - 1) < 0.02);
});

test('bad seeds are refused', () => {
  assert.throws(() => randomStream(-1, 0, 'x'), /seed/);
  assert.throws(() => randomStream(1.5, 0, 'x'), /seed/);
});
