import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gravityPotentialJ2 } from '../dynamics/gravity.ts';
import { BallisticModel, DragBallisticModel } from './ballistic-model.ts';
import { BoostModel } from './boost-model.ts';
import type { MotionModel } from './motion-model.ts';

// A suborbital ICBM-like state: 500 km altitude over 45° N, 6.5 km/s mostly horizontal.
const R = 6378137 + 500e3;
const x0 = Float64Array.of(R * Math.SQRT1_2, 0, R * Math.SQRT1_2, -1000, 6400, 1000);

const energy = (x: ArrayLike<number>) =>
  0.5 * (x[3] ** 2 + x[4] ** 2 + x[5] ** 2) + gravityPotentialJ2(x);

test('ballistic RK4 propagation conserves point-mass + J2 specific energy (Vallado 2013 ch. 8 potential)', () => {
  const m = new BallisticModel({ q_m2ps3: 0, maxStep_s: 10 });
  const out = new Float64Array(6);
  m.transition(x0, 1200, out, null);
  const e0 = energy(x0);
  assert.ok(
    Math.abs((energy(out) - e0) / e0) < 1e-9,
    `relative energy drift ${(energy(out) - e0) / e0}`,
  );
  // Forward then back returns to the start (time-reversible to integration accuracy).
  const back = new Float64Array(6);
  m.transition(out, -1200, back, null);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(back[i] - x0[i]) < 1e-3);
});

function checkStm(model: MotionModel, x: Float64Array, dt: number, tol: number): void {
  const n = model.n;
  const Phi = new Float64Array(n * n);
  const f = new Float64Array(n);
  model.transition(x, dt, f, Phi);
  const fp = new Float64Array(n);
  const fm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = j < 3 ? 10 : j < 6 ? 0.1 : 0.01;
    const xp = x.slice();
    const xm = x.slice();
    xp[j] += h;
    xm[j] -= h;
    model.transition(xp, dt, fp, null);
    model.transition(xm, dt, fm, null);
    for (let i = 0; i < n; i++) {
      const fd = (fp[i] - fm[i]) / (2 * h);
      // Kinematic part (exact in Φ) and the gravity-driven remainder, which Φ approximates with
      // the point-mass gradient (J2's gradient, ≈ 0.5 % of it, is left out): held to 2 %.
      let kin = i === j ? 1 : 0;
      if (j === i + 3 && i < 6) kin += dt;
      if (n === 9 && i < 3 && j === i + 6) kin += (dt * dt) / 2;
      const g = fd - kin;
      const scale = i < 3 && j >= 3 ? Math.abs(dt) : 1;
      assert.ok(
        Math.abs(fd - Phi[i * n + j]) <= 2e-2 * Math.abs(g) + tol * scale,
        `Φ[${i},${j}] = ${Phi[i * n + j]} vs ${fd} (dt ${dt})`,
      );
    }
  }
}

test('linearised gravity-gradient STM matches central differences of the propagation (dt = 10, 60, 300 s)', () => {
  const m = new BallisticModel({ q_m2ps3: 1 });
  // Tolerances: Φ omits J2's gradient, ≈ 0.5 % of the point-mass gradient at 500 km, which
  // shows up only in the small gravity-driven terms.
  checkStm(m, x0, 10, 1e-8);
  checkStm(m, x0, 60, 1e-8);
  checkStm(m, x0, 300, 1e-8);
});

test('boost model: zero thrust follows the ballistic model; its Φ matches central differences', () => {
  const b = new BoostModel({ qJerk_m2ps5: 10, maxStep_s: 10 });
  const m = new BallisticModel({ q_m2ps3: 0, maxStep_s: 10 });
  const x9 = new Float64Array(9);
  x9.set(x0);
  const o9 = new Float64Array(9);
  const o6 = new Float64Array(6);
  b.transition(x9, 100, o9, null);
  m.transition(x0, 100, o6, null);
  for (let i = 0; i < 6; i++) assert.ok(Math.abs(o9[i] - o6[i]) < 1e-6);
  x9[6] = 20;
  x9[8] = 10;
  // Gravity-through-thrust cross terms (~1e-7) are approximated with the mean gradient.
  checkStm(b, x9, 5, 1e-6);
  // Constant 20 m/s² along x for 10 s adds ≈ ½·20·10² = 1000 m to x relative to coasting.
  b.transition(x9, 10, o9, null);
  const c9 = x9.slice();
  c9[6] = c9[7] = c9[8] = 0;
  const k9 = new Float64Array(9);
  b.transition(c9, 10, k9, null);
  assert.ok(Math.abs(o9[0] - k9[0] - 1000) < 1, `${o9[0] - k9[0]}`);
});

test('drag model: no drag above the atmosphere; decelerates at 30 km; β Jacobian sign is right', () => {
  const d = new DragBallisticModel({ q_m2ps3: 1, qBeta: 1 });
  const m = new BallisticModel({ q_m2ps3: 1, maxStep_s: 2 });
  const x7 = new Float64Array(7);
  x7.set(x0);
  x7[6] = 5000;
  const o7 = new Float64Array(7);
  const o6 = new Float64Array(6);
  d.transition(x7, 20, o7, null);
  m.transition(x0, 20, o6, null);
  for (let i = 0; i < 6; i++)
    assert.ok(
      Math.abs(o7[i] - o6[i]) < 1e-6,
      'USSA76 density is 0 above 1000 km only; 500 km is negligible',
    );
  // A reentry vehicle at 30 km, 5 km/s downward-ish, β = 5000 kg/m².
  const r = 6378137 + 30e3;
  const rv = Float64Array.of(r, 0, 0, -3000, 4000, 0, 5000);
  const Phi = new Float64Array(49);
  d.transition(rv, 1, o7, Phi);
  const v0 = Math.hypot(rv[3], rv[4], rv[5]);
  const v1 = Math.hypot(o7[3], o7[4], o7[5]);
  assert.ok(v1 < v0 - 10, `speed ${v0} → ${v1}`);
  // Larger β (heavier) → less deceleration → ∂v/∂β along the velocity is positive.
  const dvdb = (Phi[3 * 7 + 6] * rv[3] + Phi[4 * 7 + 6] * rv[4] + Phi[5 * 7 + 6] * rv[5]) / v0;
  assert.ok(dvdb > 0, `∂v/∂β = ${dvdb}`);
});
