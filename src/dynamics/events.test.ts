import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DormandPrince54 } from './dormand-prince.ts';
import { timeEvent } from './events.ts';
import type { Derivative, EventSpec } from './ode.ts';

// Vertical shot in uniform gravity, y = [z, vz]: z = v0·t − g·t²/2, apogee at t = v0/g
// (closed form; e.g. Halliday, Resnick & Walker, "Fundamentals of Physics", ch. 2, free fall).
const G = 9.80665;
const V0 = 100;
const shot: Derivative = (_t, y, d) => {
  d[0] = y[1];
  d[1] = -G;
};
const zAt = (t: number) => V0 * t - 0.5 * G * t * t;
const vAt = (t: number) => V0 - G * t;

const apogeeEv: EventSpec = { name: 'apogee', g: (_t, y) => y[1], direction: -1 };
const impactEv: EventSpec = { name: 'impact', g: (_t, y) => y[0], direction: -1, terminal: true };

test('vertical shot: apogee located at t = v0/g to 1e-9 s; impact is terminal at 2·v0/g', () => {
  const dp = new DormandPrince54(2);
  const out = new Float64Array(2);
  // z(0) = 0 exactly: a zero at t0 is not an event (the next sign sets it).
  const res = dp.integrate(shot, 0, [0, V0], 100, { events: [apogeeEv, impactEv] }, out);
  assert.deepEqual(
    res.events.map((e) => e.name),
    ['apogee', 'impact'],
  );
  assert.ok(Math.abs(res.events[0].t - V0 / G) < 1e-9, `apogee ${res.events[0].t - V0 / G}`);
  assert.ok(Math.abs(res.events[0].y[0] - (V0 * V0) / (2 * G)) < 1e-8);
  assert.equal(res.terminatedBy, 'impact');
  assert.ok(Math.abs(res.t - (2 * V0) / G) < 1e-9);
  assert.equal(res.y, out);
  assert.ok(Math.abs(out[0]) < 1e-8 && Math.abs(out[1] + V0) < 1e-8);
  // The stopped state sits on the far side of the crossing (z ≤ 0), so a restart will not refire.
  assert.ok(out[0] <= 0);
});

test('event direction honoured: a height crossing fires rising, falling or both (closed form)', () => {
  const H = 300;
  const disc = Math.sqrt(V0 * V0 - 2 * G * H);
  const tUp = (V0 - disc) / G;
  const tDown = (V0 + disc) / G;
  const dp = new DormandPrince54(2);
  const out = new Float64Array(2);
  const run = (direction: 1 | -1 | 0) =>
    dp
      .integrate(
        shot,
        0,
        [0, V0],
        (2 * V0) / G,
        {
          events: [{ name: 'h', g: (_t, y) => y[0] - H, direction }],
        },
        out,
      )
      .events.map((e) => e.t);
  const up = run(1);
  const down = run(-1);
  const both = run(0);
  assert.equal(up.length, 1);
  assert.equal(down.length, 1);
  assert.equal(both.length, 2);
  assert.ok(Math.abs(up[0] - tUp) < 1e-9);
  assert.ok(Math.abs(down[0] - tDown) < 1e-9);
  assert.ok(Math.abs(both[0] - tUp) < 1e-9 && Math.abs(both[1] - tDown) < 1e-9);
  // vz only falls: a rising event on it never fires.
  const none = dp.integrate(
    shot,
    0,
    [0, V0],
    20,
    {
      events: [{ name: 'vz-up', g: (_t, y) => y[1], direction: 1 }],
    },
    out,
  );
  assert.equal(none.events.length, 0);
});

test('dense output mid-step within 1e-8 of the closed form (vertical shot; oscillator cos t)', () => {
  const dp = new DormandPrince54(2);
  const y = new Float64Array(2);
  let worst = 0;
  let count = 0;
  dp.integrate(
    shot,
    0,
    [0, V0],
    20,
    {
      onStep: (tp, t, integ) => {
        const tm = 0.5 * (tp + t);
        integ.interpolate(tm, y);
        worst = Math.max(worst, Math.abs(y[0] - zAt(tm)), Math.abs(y[1] - vAt(tm)));
        count++;
      },
    },
    new Float64Array(2),
  );
  assert.ok(count > 0);
  assert.ok(worst < 1e-8, `shot ${worst}`);

  // A solution that is not a polynomial: y'' = −y, y = cos t (HNW §II.6, 4th-order extension).
  const osc: Derivative = (_t, s, d) => {
    d[0] = s[1];
    d[1] = -s[0];
  };
  worst = 0;
  dp.integrate(
    osc,
    0,
    [1, 0],
    10,
    {
      rtol: 1e-10,
      atol: 1e-12,
      onStep: (tp, t, integ) => {
        for (const th of [0.25, 0.5, 0.75]) {
          const tm = tp + th * (t - tp);
          integ.interpolate(tm, y);
          worst = Math.max(worst, Math.abs(y[0] - Math.cos(tm)), Math.abs(y[1] + Math.sin(tm)));
        }
      },
    },
    new Float64Array(2),
  );
  assert.ok(worst < 1e-8, `oscillator ${worst}`);
});

test('phase by phase: a terminal burnout then a restart from its state does not refire (piecewise closed form)', () => {
  // Thrust 3g upwards until tb, then free flight: a discontinuous derivative handled as two phases.
  const tb = 5.3;
  const boost: Derivative = (_t, s, d) => {
    d[0] = s[1];
    d[1] = 2 * G;
  };
  const dp = new DormandPrince54(2);
  const state = new Float64Array(2);
  const burnout = timeEvent('burnout', tb);
  const p1 = dp.integrate(boost, 0, [0, 0], 1000, { events: [burnout] }, state);
  assert.equal(p1.terminatedBy, 'burnout');
  assert.ok(p1.t >= tb && p1.t - tb < 1e-9);
  const p2 = dp.integrate(shot, p1.t, state, 1000, { events: [burnout, impactEv] }, state);
  assert.deepEqual(
    p2.events.map((e) => e.name),
    ['impact'],
  );
  // Closed form: zb = G·tb², vb = 2G·tb, then z = zb + vb·τ − G·τ²/2 = 0.
  const zb = G * tb * tb;
  const vb = 2 * G * tb;
  const tImpact = tb + (vb + Math.sqrt(vb * vb + 2 * G * zb)) / G;
  assert.ok(Math.abs(p2.t - tImpact) < 1e-8, `impact ${p2.t - tImpact}`);
});

test('backwards integration: events in physical-time direction, terminal stop going back', () => {
  const dp = new DormandPrince54(2);
  const out = new Float64Array(2);
  const tEnd = (2 * V0) / G;
  // From impact back to launch: the apogee is still a fall of vz in physical time.
  const res = dp.integrate(shot, tEnd, [0, -V0], 0, { events: [apogeeEv] }, out);
  assert.equal(res.events.length, 1);
  assert.ok(Math.abs(res.events[0].t - V0 / G) < 1e-9);
  assert.ok(Math.abs(out[0]) < 1e-8 && Math.abs(out[1] - V0) < 1e-8);
  const stop = dp.integrate(
    shot,
    tEnd,
    [0, -V0],
    0,
    {
      events: [{ name: 'back-to-300m', g: (_t, y) => y[0] - 300, direction: 1, terminal: true }],
    },
    out,
  );
  const tUp = (V0 - Math.sqrt(V0 * V0 - 2 * G * 300)) / G;
  assert.equal(stop.terminatedBy, 'back-to-300m');
  assert.ok(Math.abs(stop.t - tUp) < 1e-9);
});

test('events in one step are reported in time order and stop at the first terminal one', () => {
  const dp = new DormandPrince54(2);
  const out = new Float64Array(2);
  // One fixed 20-s step holds all four crossings.
  const res = dp.integrate(
    shot,
    0,
    [0, V0],
    20,
    {
      fixedStep: 20,
      events: [
        { name: 'late', g: (t) => t - 15 },
        { name: 'stop', g: (t) => t - 12, terminal: true },
        { name: 'early', g: (t) => t - 3 },
        { name: 'mid', g: (t) => t - 8 },
      ],
    },
    out,
  );
  assert.deepEqual(
    res.events.map((e) => e.name),
    ['early', 'mid', 'stop'],
  );
  assert.ok(Math.abs(res.t - 12) < 1e-9);
  assert.ok(Math.abs(out[0] - zAt(12)) < 1e-8);
});
