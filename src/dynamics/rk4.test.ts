import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rk4 } from './rk4.ts';
import type { Derivative } from './ode.ts';

const decay: Derivative = (_t, y, d) => {
  d[0] = -y[0];
};

/** Harmonic oscillator y'' = −y on [y, y']: solution (cos t, −sin t) from (1, 0). */
const oscillator: Derivative = (_t, y, d) => {
  d[0] = y[1];
  d[1] = -y[0];
};

test("observed order 4 of classical RK4 on y' = −y (Hairer–Nørsett–Wanner II.1, Table 1.2)", () => {
  const rk = new Rk4(1);
  const out = new Float64Array(1);
  const errs = [0.2, 0.1, 0.05].map((h) => {
    const r = rk.integrate(decay, 0, [1], 2, h, out);
    assert.equal(r.evaluations, 4 * r.steps);
    return Math.abs(out[0] - Math.exp(-2));
  });
  for (let i = 1; i < errs.length; i++) {
    const p = Math.log2(errs[i - 1] / errs[i]);
    assert.ok(Math.abs(p - 4) < 0.3, `order ${p}`);
  }
});

test('RK4: harmonic oscillator over one period, forwards and backwards (analytic cos t)', () => {
  const rk = new Rk4(2);
  const out = new Float64Array(2);
  const r = rk.integrate(oscillator, 0, [1, 0], 2 * Math.PI, 0.01, out);
  assert.equal(r.steps, 629);
  assert.ok(Math.abs(out[0] - 1) < 1e-9 && Math.abs(out[1]) < 1e-9);
  rk.integrate(oscillator, 0, [1, 0], -Math.PI / 2, 0.01, out);
  assert.ok(Math.abs(out[0]) < 1e-9 && Math.abs(out[1] - 1) < 1e-9);
});
