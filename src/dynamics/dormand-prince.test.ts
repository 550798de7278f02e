import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DormandPrince54 } from './dormand-prince.ts';
import { apogee } from './events.ts';
import type { Derivative } from './ode.ts';

const MU = 3.986004418e14; // NIMA TR8350.2, Table 3.1 (as core/constants.ts)
const R0 = 6378137 + 200e3;

/** Vacuum point-mass gravity on [x, y, z, vx, vy, vz]. */
const kepler: Derivative = (_t, y, d) => {
  const r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
  const k = -MU / (r2 * Math.sqrt(r2));
  d[0] = y[3];
  d[1] = y[4];
  d[2] = y[5];
  d[3] = k * y[0];
  d[4] = k * y[1];
  d[5] = k * y[2];
};

/** An ICBM-like burnout: 200 km up, 7 km/s, 25° above the horizon, slightly out of plane. */
function burnout(): Float64Array {
  const gamma = (25 * Math.PI) / 180;
  const v = 7000;
  return Float64Array.of(
    R0,
    0,
    0,
    v * Math.sin(gamma),
    v * Math.cos(gamma) * 0.96,
    0.28 * v * Math.cos(gamma),
  );
}

const energy = (y: ArrayLike<number>) =>
  0.5 * (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - MU / Math.hypot(y[0], y[1], y[2]);
function angMom(y: ArrayLike<number>): number[] {
  return [y[1] * y[5] - y[2] * y[4], y[2] * y[3] - y[0] * y[5], y[0] * y[4] - y[1] * y[3]];
}

/**
 * Closed-form two-body propagation with Lagrange's f and g in the eccentric-anomaly difference ΔE
 * (R. H. Battin, "An Introduction to the Mathematics and Methods of Astrodynamics", rev. ed. 1999,
 * ch. 4): n·Δt = ΔE + σ0/√a·(1 − cos ΔE) − (1 − r0/a)·sin ΔE, σ0 = r0·v0/√μ. Elliptic orbits only.
 */
function keplerClosedForm(y0: ArrayLike<number>, dt: number): Float64Array {
  const r0 = Math.hypot(y0[0], y0[1], y0[2]);
  const v2 = y0[3] * y0[3] + y0[4] * y0[4] + y0[5] * y0[5];
  const a = 1 / (2 / r0 - v2 / MU);
  const sigma0 = (y0[0] * y0[3] + y0[1] * y0[4] + y0[2] * y0[5]) / Math.sqrt(MU);
  const sa = Math.sqrt(a);
  const nM = Math.sqrt(MU / (a * a * a)) * dt;
  let dE = nM;
  for (let i = 0; i < 50; i++) {
    const F = dE + (sigma0 / sa) * (1 - Math.cos(dE)) - (1 - r0 / a) * Math.sin(dE) - nM;
    const dF = 1 + (sigma0 / sa) * Math.sin(dE) - (1 - r0 / a) * Math.cos(dE);
    const step = F / dF;
    dE -= step;
    if (Math.abs(step) < 1e-15) break;
  }
  const r = a + (r0 - a) * Math.cos(dE) + sigma0 * sa * Math.sin(dE);
  const f = 1 - (a / r0) * (1 - Math.cos(dE));
  const g = dt - Math.sqrt((a * a * a) / MU) * (dE - Math.sin(dE));
  const fd = (-Math.sqrt(MU * a) * Math.sin(dE)) / (r * r0);
  const gd = 1 - (a / r) * (1 - Math.cos(dE));
  const out = new Float64Array(6);
  for (let i = 0; i < 3; i++) {
    out[i] = f * y0[i] + g * y0[i + 3];
    out[i + 3] = fd * y0[i] + gd * y0[i + 3];
  }
  return out;
}

test('Kepler two-body, 30-min suborbital arc at rtol 1e-12: energy and angular momentum to 1e-9, state vs Battin (1999) ch. 4 f & g', () => {
  const y0 = burnout();
  const dp = new DormandPrince54(6);
  const out = new Float64Array(6);
  const atol = Float64Array.of(1e-6, 1e-6, 1e-6, 1e-9, 1e-9, 1e-9);
  let maxDE = 0;
  let maxDH = 0;
  const e0 = energy(y0);
  const h0 = angMom(y0);
  const h0n = Math.hypot(h0[0], h0[1], h0[2]);
  const res = dp.integrate(
    kepler,
    0,
    y0,
    1800,
    {
      rtol: 1e-12,
      atol,
      onStep: (_tp, _t, integ) => {
        const y = integ.interpolate(_t, new Float64Array(6));
        maxDE = Math.max(maxDE, Math.abs((energy(y) - e0) / e0));
        const h = angMom(y);
        maxDH = Math.max(maxDH, Math.hypot(h[0] - h0[0], h[1] - h0[1], h[2] - h0[2]) / h0n);
      },
    },
    out,
  );
  assert.equal(res.t, 1800);
  assert.ok(maxDE < 1e-9, `energy drift ${maxDE}`);
  assert.ok(maxDH < 1e-9, `angular momentum drift ${maxDH}`);
  const ref = keplerClosedForm(y0, 1800);
  const dr = Math.hypot(out[0] - ref[0], out[1] - ref[1], out[2] - ref[2]);
  const dv = Math.hypot(out[3] - ref[3], out[4] - ref[4], out[5] - ref[5]);
  assert.ok(dr < 1e-3, `position error ${dr} m`);
  assert.ok(dv < 1e-6, `velocity error ${dv} m/s`);
});

test('Kepler at the default rtol 1e-9: final state vs Battin (1999) f & g within 1 m, 1 mm/s', () => {
  const y0 = burnout();
  const dp = new DormandPrince54(6);
  const out = new Float64Array(6);
  const res = dp.integrate(kepler, 0, y0, 1800, {}, out);
  const ref = keplerClosedForm(y0, 1800);
  const dr = Math.hypot(out[0] - ref[0], out[1] - ref[1], out[2] - ref[2]);
  const dv = Math.hypot(out[3] - ref[3], out[4] - ref[4], out[5] - ref[5]);
  assert.ok(dr < 1, `position error ${dr} m`);
  assert.ok(dv < 1e-3, `velocity error ${dv} m/s`);
  // FSAL: 6 evaluations per step attempt, plus f(t0) and one for the initial step.
  assert.equal(res.evaluations, 6 * (res.steps + res.rejected) + 2);
});

test('circular orbit: after one period the state returns to the start (analytic, T = 2π√(r³/μ))', () => {
  const v = Math.sqrt(MU / R0);
  const T = 2 * Math.PI * Math.sqrt(R0 ** 3 / MU);
  const y0 = [R0, 0, 0, 0, v, 0];
  const out = new Float64Array(6);
  new DormandPrince54(6).integrate(kepler, 0, y0, T, { rtol: 1e-12, atol: 1e-9 }, out);
  assert.ok(Math.hypot(out[0] - R0, out[1], out[2]) < 1e-3);
  assert.ok(Math.hypot(out[3], out[4] - v, out[5]) < 1e-6);
});

test('apogee of the suborbital arc located at the Kepler-equation time (E = π), Battin (1999) ch. 4', () => {
  const y0 = burnout();
  const r0 = Math.hypot(y0[0], y0[1], y0[2]);
  const v2 = y0[3] ** 2 + y0[4] ** 2 + y0[5] ** 2;
  const a = 1 / (2 / r0 - v2 / MU);
  const sigma0 = (y0[0] * y0[3] + y0[1] * y0[4] + y0[2] * y0[5]) / Math.sqrt(MU);
  const ecosE = 1 - r0 / a;
  const esinE = sigma0 / Math.sqrt(a);
  const E0 = Math.atan2(esinE, ecosE);
  const M0 = E0 - esinE;
  const tApo = (Math.PI - M0) / Math.sqrt(MU / a ** 3);
  const out = new Float64Array(6);
  const res = new DormandPrince54(6).integrate(
    kepler,
    0,
    y0,
    1800,
    { rtol: 1e-12, atol: 1e-9, events: [apogee()] },
    out,
  );
  assert.equal(res.events.length, 1);
  assert.equal(res.events[0].name, 'apogee');
  assert.ok(
    Math.abs(res.events[0].t - tApo) < 1e-6,
    `apogee at ${res.events[0].t}, expected ${tApo}`,
  );
  assert.ok(
    Math.abs(Math.hypot(...res.events[0].y.subarray(0, 3)) - a * (1 + Math.hypot(ecosE, esinE))) <
      1e-3,
  );
});

/** log2 of the error ratio on halving h: the observed order of convergence. */
function observedOrders(errAt: (h: number) => number, hs: number[]): number[] {
  const errs = hs.map(errAt);
  return errs.slice(1).map((e, i) => Math.log2(errs[i] / e));
}

test("observed order 5 of DP5 on y' = −y, fixed steps (Hairer–Nørsett–Wanner II.4, Table 5.2)", () => {
  const dp = new DormandPrince54(1);
  const out = new Float64Array(1);
  const decay: Derivative = (_t, y, d) => {
    d[0] = -y[0];
  };
  const orders = observedOrders(
    (h) => {
      dp.integrate(decay, 0, [1], 2, { fixedStep: h }, out);
      return Math.abs(out[0] - Math.exp(-2));
    },
    [0.1, 0.05, 0.025],
  );
  for (const p of orders) assert.ok(Math.abs(p - 5) < 0.3, `orders ${orders}`);
});

test('observed order 5 of DP5 on the Kepler arc, fixed steps, vs Battin (1999) f & g', () => {
  const y0 = burnout();
  const ref = keplerClosedForm(y0, 1800);
  const dp = new DormandPrince54(6);
  const out = new Float64Array(6);
  const orders = observedOrders(
    (h) => {
      dp.integrate(kepler, 0, y0, 1800, { fixedStep: h }, out);
      return Math.hypot(out[0] - ref[0], out[1] - ref[1], out[2] - ref[2]);
    },
    [60, 30, 15],
  );
  for (const p of orders) assert.ok(Math.abs(p - 5) < 0.3, `orders ${orders}`);
});

test('backwards integration (tEnd < t0) returns the 30-min Kepler arc to its start', () => {
  const y0 = burnout();
  const dp = new DormandPrince54(6);
  const mid = new Float64Array(6);
  const back = new Float64Array(6);
  const atol = Float64Array.of(1e-6, 1e-6, 1e-6, 1e-9, 1e-9, 1e-9);
  dp.integrate(kepler, 0, y0, 1800, { rtol: 1e-12, atol }, mid);
  const res = dp.integrate(kepler, 1800, mid, 0, { rtol: 1e-12, atol }, back);
  assert.equal(res.t, 0);
  assert.ok(Math.hypot(back[0] - y0[0], back[1] - y0[1], back[2] - y0[2]) < 1e-3);
  assert.ok(Math.hypot(back[3] - y0[3], back[4] - y0[4], back[5] - y0[5]) < 1e-6);
  // Backwards against the closed form too.
  const refBack = keplerClosedForm(y0, -900);
  const out = new Float64Array(6);
  dp.integrate(kepler, 0, y0, -900, { rtol: 1e-12, atol }, out);
  assert.ok(Math.hypot(out[0] - refBack[0], out[1] - refBack[1], out[2] - refBack[2]) < 1e-3);
});

test('hMax bounds every step; tEnd = t0 returns y0 without evaluating', () => {
  const dp = new DormandPrince54(6);
  const out = new Float64Array(6);
  let widest = 0;
  dp.integrate(
    kepler,
    0,
    burnout(),
    1800,
    {
      hMax: 20,
      onStep: (tp, t) => {
        widest = Math.max(widest, t - tp);
      },
    },
    out,
  );
  assert.ok(widest <= 20 + 1e-9);
  const res = dp.integrate(kepler, 5, burnout(), 5, {}, out);
  assert.equal(res.evaluations, 0);
  assert.deepEqual(Array.from(out), Array.from(burnout()));
});

test('maxSteps exceeded is a runtime AspisError, not a silent partial result', () => {
  const dp = new DormandPrince54(6);
  assert.throws(
    () => dp.integrate(kepler, 0, burnout(), 1800, { maxSteps: 3 }, new Float64Array(6)),
    /within 3 steps/,
  );
});
