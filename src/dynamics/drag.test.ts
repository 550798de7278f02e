import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OMEGA_EARTH_radps, WGS84_A_m, WGS84_B_m } from '../core/constants.ts';
import { AspisError } from '../core/errors.ts';
import { geodeticToEcef } from '../frames/wgs84.ts';
import { atmosphere, density_kgpm3 } from './atmosphere.ts';
import {
  GENERIC_RV_SHARP_CONE_DRAG,
  GENERIC_SLENDER_MISSILE_DRAG,
  dragAcceleration,
  dragAccelerationBallistic,
  dragCoefficient,
  ellipsoidHeightApprox_m,
  validateDragTable,
} from './drag.ts';
import type { DragTable } from './drag.ts';

const CONST_03: DragTable = { mach: [0], cd: [0.3] };
const isZero = (v: Float64Array) => v[0] === 0 && v[1] === 0 && v[2] === 0;

test('sea level, 300 m/s air-relative, Cd 0.3, A 0.5 m², m 1000 kg: a = ½ρv²CdA/m = 8.26875 m/s²', () => {
  // On the equator at the surface, moving 300 m/s north relative to the ground: in ECI the
  // velocity also carries the ground's ω a eastward.
  const pos = [WGS84_A_m, 0, 0];
  const vel = [0, OMEGA_EARTH_radps * WGS84_A_m, 300];
  const out = dragAcceleration(pos, vel, 1000, 0.5, CONST_03, new Float64Array(3));
  // By hand: ½ · 1.2250 kg/m³ (USSA76 Table I, sea level; 5 figures) · 300² · 0.3 · 0.5 / 1000
  // = 8.26875, to the 5 figures of ρ₀.
  assert.ok(Math.abs(out[2] + 8.26875) < 1e-5 * 8.26875, `${out[2]}`);
  assert.ok(Math.abs(out[0]) < 1e-15 && Math.abs(out[1]) < 1e-9);
  // Same case as a ballistic coefficient β = m/(Cd A) = 1000/0.15.
  const b = dragAccelerationBallistic(pos, vel, 1000 / 0.15, new Float64Array(3));
  assert.ok(Math.abs(b[2] - out[2]) < 1e-12, `${b[2]}`);
});

test('Mach-dependent Cd: the table is read at v_rel / a(h)', () => {
  // 10 km altitude over the pole (no ground speed there), 700 m/s straight down.
  const pos = [0, 0, WGS84_B_m + 10000];
  const vel = [0, 0, -700];
  const s = atmosphere(10000, {
    temperature_K: 0,
    pressure_Pa: 0,
    density_kgpm3: 0,
    speedOfSound_mps: 0,
  });
  const mach = 700 / s.speedOfSound_mps;
  const cd = dragCoefficient(GENERIC_SLENDER_MISSILE_DRAG, mach);
  const out = dragAcceleration(
    pos,
    vel,
    2000,
    0.55,
    GENERIC_SLENDER_MISSILE_DRAG,
    new Float64Array(3),
  );
  const expected = (0.5 * s.density_kgpm3 * 700 * 700 * cd * 0.55) / 2000;
  assert.ok(Math.abs(out[2] - expected) < 1e-12 * expected, `${out[2]} vs ${expected}`);
  assert.ok(mach > 2 && cd === 0.2);
});

test('drag opposes the air-relative velocity v − ω×r, not the inertial velocity', () => {
  const pos = [4.0e6, 3.0e6, 3.5e6];
  const vel = [-1500, 2500, 800];
  const out = dragAccelerationBallistic(pos, vel, 5000, new Float64Array(3));
  const rel = [vel[0] + OMEGA_EARTH_radps * pos[1], vel[1] - OMEGA_EARTH_radps * pos[0], vel[2]];
  const nRel = Math.hypot(...rel);
  const nOut = Math.hypot(out[0], out[1], out[2]);
  assert.ok(nOut > 0);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(out[i] / nOut + rel[i] / nRel) < 1e-12);
});

test('a body at rest relative to the rotating Earth feels no drag', () => {
  const out = new Float64Array(3);
  for (const pos of [
    [WGS84_A_m, 0, 0],
    [3.2e6, -4.1e6, 3.9e6],
    [0, 0, WGS84_B_m + 5000],
  ]) {
    const vel = [-OMEGA_EARTH_radps * pos[1], OMEGA_EARTH_radps * pos[0], 0];
    assert.ok(isZero(dragAcceleration(pos, vel, 100, 1, CONST_03, out)));
    out.fill(NaN);
    dragAccelerationBallistic(pos, vel, 500, out);
    assert.ok(out.every((x) => x === 0));
  }
});

test('drag vanishes above 1000 km and is positive just below', () => {
  const out = new Float64Array(3);
  const vel = [0, 0, 7000];
  out.fill(NaN);
  dragAcceleration([WGS84_A_m + 1.0001e6, 0, 0], vel, 100, 1, CONST_03, out);
  assert.ok(isZero(out));
  out.fill(NaN);
  dragAccelerationBallistic([0, WGS84_A_m + 1.5e6, 0], vel, 100, out);
  assert.ok(isZero(out));
  dragAccelerationBallistic([WGS84_A_m + 0.999e6, 0, 0], vel, 100, out);
  assert.ok(out[2] < 0);
});

test('ellipsoid-height approximation: within 0.6 m of geodetic height below 100 km, 5 m at 1000 km', () => {
  const p = new Float64Array(3);
  const bounds: [number, number][] = [
    [-1000, 0.01],
    [0, 1e-6],
    [1e4, 0.06],
    [1e5, 0.6],
    [3e5, 1.7],
    [1e6, 5],
  ];
  for (const [h, tol] of bounds) {
    for (let lat = -90; lat <= 90; lat += 0.5) {
      geodeticToEcef((lat * Math.PI) / 180, 1.1, h, p);
      const err = Math.abs(ellipsoidHeightApprox_m(p) - h);
      assert.ok(err < tol, `h ${h} m, lat ${lat}°: error ${err} m`);
    }
  }
  // Exact at the equator and the poles.
  assert.ok(Math.abs(ellipsoidHeightApprox_m([WGS84_A_m + 1234, 0, 0]) - 1234) < 1e-8);
  assert.ok(Math.abs(ellipsoidHeightApprox_m([0, 0, -(WGS84_B_m + 1234)]) - 1234) < 1e-8);
});

test('dragCoefficient: clamped ends, exact at nodes, linear between', () => {
  const t: DragTable = { mach: [0.5, 1, 2, 4], cd: [0.3, 0.5, 0.4, 0.2] };
  assert.equal(dragCoefficient(t, 0), 0.3);
  assert.equal(dragCoefficient(t, 0.5), 0.3);
  assert.equal(dragCoefficient(t, 4), 0.2);
  assert.equal(dragCoefficient(t, 30), 0.2);
  assert.equal(dragCoefficient(t, 1), 0.5);
  assert.equal(dragCoefficient(t, 2), 0.4);
  assert.ok(Math.abs(dragCoefficient(t, 0.75) - 0.4) < 1e-15);
  assert.ok(Math.abs(dragCoefficient(t, 3) - 0.3) < 1e-15);
  assert.equal(dragCoefficient(CONST_03, 7), 0.3);
  assert.equal(dragCoefficient(GENERIC_SLENDER_MISSILE_DRAG, 0), 0.2);
  assert.equal(dragCoefficient(GENERIC_SLENDER_MISSILE_DRAG, 1.1), 0.27);
  assert.equal(dragCoefficient(GENERIC_RV_SHARP_CONE_DRAG, 40), 0.113);
});

test('generic RV table reproduces Fleeman (2006) component drag for a 10° sharp cone', () => {
  const theta = (10 * Math.PI) / 180;
  const friction = 0.02;
  const { mach, cd } = GENERIC_RV_SHARP_CONE_DRAG;
  for (let i = 0; i < mach.length; i++) {
    const m = mach[i];
    const base = m < 1 ? 0.12 + 0.13 * m * m : 0.25 / m;
    const wave = m < 1 ? 0 : (1.59 + 1.83 / (m * m)) * theta ** 1.69;
    assert.ok(Math.abs(cd[i] - (base + wave + friction)) <= 5e-4, `Mach ${m}: ${cd[i]}`);
  }
});

test('built-in tables are valid; validateDragTable names the bad field', () => {
  validateDragTable(GENERIC_SLENDER_MISSILE_DRAG);
  validateDragTable(GENERIC_RV_SHARP_CONE_DRAG);
  assert.throws(
    () => validateDragTable({ mach: [0, 2, 1], cd: [0.2, 0.3, 0.2] }, 'cat.yaml', 'm.drag'),
    (e: unknown) => e instanceof AspisError && e.message.startsWith('cat.yaml: m.drag.mach[2]:'),
  );
  assert.throws(() => validateDragTable({ mach: [0, 1], cd: [0.2] }), AspisError);
  assert.throws(() => validateDragTable({ mach: [0], cd: [-1] }), AspisError);
});

test('ballistic drag uses the same density as the full model', () => {
  const pos = [0, WGS84_A_m + 40000, 0];
  const vel = [-OMEGA_EARTH_radps * pos[1] + 3000, 0, 0];
  const out = dragAccelerationBallistic(pos, vel, 1000, new Float64Array(3));
  const rho = density_kgpm3(ellipsoidHeightApprox_m(pos));
  assert.ok(Math.abs(out[0] + (0.5 * rho * 3000 * 3000) / 1000) < 1e-12);
});
