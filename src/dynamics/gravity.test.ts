import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GM_EARTH_m3ps2, J2_EARTH, WGS84_A_m, WGS84_B_m } from '../core/constants.ts';
import { gravityJ2, gravityPointMass, gravityPotentialJ2 } from './gravity.ts';

const close = (a: number, b: number, rel: number, msg?: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${msg ?? ''} ${a} vs ${b} (rel ${rel})`);

test('J2 acceleration is −∇V of the J2 potential (central differences, Vallado 2013 ch. 8)', () => {
  const a = new Float64Array(3);
  const p = new Float64Array(3);
  const points = [
    [6.5e6, 1.2e6, 2.1e6],
    [-3.1e6, 4.4e6, -4.9e6],
    [1.0e6, -2.0e6, 6.3e6],
    [7.0e6, 0, 0],
    [2.0e7, 1.5e7, -1.1e7],
  ];
  for (const pos of points) {
    gravityJ2(pos, a);
    const r = Math.hypot(pos[0], pos[1], pos[2]);
    const h = r * 1e-6; // step: round-off ~1e-16·V/h vs truncation ~h²·V'''
    for (let i = 0; i < 3; i++) {
      p.set(pos);
      p[i] = pos[i] + h;
      const vp = gravityPotentialJ2(p);
      p[i] = pos[i] - h;
      const vm = gravityPotentialJ2(p);
      const grad = (vp - vm) / (2 * h);
      const g = Math.hypot(a[0], a[1], a[2]);
      assert.ok(Math.abs(-grad - a[i]) < 1e-7 * g, `axis ${i} at ${pos}: ${-grad} vs ${a[i]}`);
    }
  }
});

test('equatorial surface: |a| = GM/a² (1 + 3/2 J2) ≈ 9.8142 m/s²', () => {
  const a = gravityJ2([WGS84_A_m, 0, 0], new Float64Array(3));
  const closed = (GM_EARTH_m3ps2 / (WGS84_A_m * WGS84_A_m)) * (1 + 1.5 * J2_EARTH);
  close(-a[0], closed, 1e-14);
  assert.ok(a[1] === 0 && a[2] === 0);
  // Hand value: 3.986004418e14 / 6378137² = 9.798285 m/s²; × (1 + 1.62394e-3) = 9.814197.
  close(-a[0], 9.814197, 1e-6);
  // The J2 term alone adds 15.9 mm/s² at the equator.
  const pm = gravityPointMass([WGS84_A_m, 0, 0], new Float64Array(3));
  close(a[0] - pm[0], -9.798285 * 1.5 * J2_EARTH, 1e-5);
});

test('polar surface: |a| = GM/b² (1 − 3 J2 a²/b²) ≈ 9.8321 m/s²', () => {
  const a = gravityJ2([0, 0, WGS84_B_m], new Float64Array(3));
  const ratio = (WGS84_A_m * WGS84_A_m) / (WGS84_B_m * WGS84_B_m);
  const closed = (GM_EARTH_m3ps2 / (WGS84_B_m * WGS84_B_m)) * (1 - 3 * J2_EARTH * ratio);
  close(-a[2], closed, 1e-14);
  assert.ok(a[0] === 0 && a[1] === 0);
  // Hand value: GM/b² = 9.864321 m/s²; × (1 − 3 · 1.0826300e-3 · 1.0067395) = 9.832067.
  close(-a[2], 9.832067, 1e-6);
});

test('point mass: radial, inverse-square, odd in r and invariant under rotation (BMW §1.3)', () => {
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  const pos = [4.1e6, -3.3e6, 5.2e6];
  const r = Math.hypot(...pos);
  gravityPointMass(pos, a);
  const g = Math.hypot(a[0], a[1], a[2]);
  close(g, GM_EARTH_m3ps2 / (r * r), 1e-15);
  for (let i = 0; i < 3; i++) close(a[i], (-g * pos[i]) / r, 1e-15);
  gravityPointMass([-pos[0], -pos[1], -pos[2]], b);
  for (let i = 0; i < 3; i++) assert.equal(b[i], -a[i]);
  // Rotate by 1 rad about an arbitrary axis: the acceleration rotates with the position.
  const c = Math.cos(1);
  const s = Math.sin(1);
  const rot = [c * pos[0] - s * pos[1], s * pos[0] + c * pos[1], pos[2]];
  gravityPointMass(rot, b);
  close(b[0], c * a[0] - s * a[1], 1e-14);
  close(b[1], s * a[0] + c * a[1], 1e-14);
  close(b[2], a[2], 1e-14);
  // out may alias the input.
  const alias = Float64Array.from(pos);
  gravityPointMass(alias, alias);
  for (let i = 0; i < 3; i++) close(alias[i], a[i], 1e-15);
});

test('J2 field is symmetric about the rotation axis and the equator', () => {
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  gravityJ2([5e6, 2e6, 3e6], a);
  gravityJ2([5e6, 2e6, -3e6], b);
  assert.deepEqual([b[0], b[1], b[2]], [a[0], a[1], -a[2]]);
  // Rotation about z (ECI vs ECEF): same magnitude.
  const c = Math.cos(0.7);
  const s = Math.sin(0.7);
  gravityJ2([c * 5e6 - s * 2e6, s * 5e6 + c * 2e6, 3e6], b);
  close(Math.hypot(b[0], b[1], b[2]), Math.hypot(a[0], a[1], a[2]), 1e-14);
  close(b[2], a[2], 1e-14);
});

test('J2 potential: V = −GM/r at the J2 node latitude (P₂ = 0) and → point mass far away', () => {
  // sin²φ = 1/3 makes P₂ vanish.
  const r = 7e6;
  const sz = r / Math.sqrt(3);
  const sxy = r * Math.sqrt(2 / 3);
  close(gravityPotentialJ2([sxy, 0, sz]), -GM_EARTH_m3ps2 / r, 1e-15);
  const far = 1e10;
  close(gravityPotentialJ2([far, 0, 0]), -GM_EARTH_m3ps2 / far, 1e-9);
});
