import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomStream } from '../core/random.ts';
import { BallisticModel } from './ballistic-model.ts';
import { BoostModel } from './boost-model.ts';
import { createEkf } from './ekf.ts';
import { gaussianState } from './gaussian-state.ts';
import { BallisticIn9, Imm } from './imm.ts';
import { detect, enuToEci, site } from './test-scenario.ts';

test('IMM (Blom & Bar-Shalom 1988): boost mode dominates while thrusting, ballistic after burnout', () => {
  const radar = site(40, 50);
  const r0 = enuToEci(radar, 0, [100e3, 300e3, 80e3]);
  const v0 = enuToEci(radar, 0, [500, 1500, 1500], true);
  // Thrust: 25 m/s² along the initial velocity for 60 s, then coast.
  const vn = Math.hypot(v0[0], v0[1], v0[2]);
  const truth = Float64Array.of(
    r0[0],
    r0[1],
    r0[2],
    v0[0],
    v0[1],
    v0[2],
    (25 * v0[0]) / vn,
    (25 * v0[1]) / vn,
    (25 * v0[2]) / vn,
  );
  const boostTruth = new BoostModel({ qJerk_m2ps5: 0, maxStep_s: 1 });
  const boost = createEkf(new BoostModel({ qJerk_m2ps5: 5 }));
  const ball = createEkf(new BallisticIn9(new BallisticModel({ q_m2ps3: 0.1 })));
  const imm = new Imm({
    modes: [boost, ball],
    // Mean sojourn: ~50 scans in boost, ballistic nearly absorbing.
    transition: [0.98, 0.02, 0.001, 0.999],
    initialProbabilities: [0.5, 0.5],
  });
  const P0 = [1e6, 1e6, 1e6, 1e4, 1e4, 1e4, 400, 400, 400];
  const rng = randomStream(21, 0, 'tracking/test/imm');
  const init = gaussianState(truth, P0, 0);
  for (let i = 0; i < 9; i++) init.x[i] += Math.sqrt(P0[i]) * rng.normal();
  let s = imm.createState(init);
  const dt = 2;
  const muBoost: number[] = [];
  const x = truth.slice();
  const nx = new Float64Array(9);
  for (let k = 1; k <= 90; k++) {
    const t = k * dt;
    if (t > 60) x[6] = x[7] = x[8] = 0;
    boostTruth.transition(x, dt, nx, null);
    x.set(nx);
    if (t > 60) x[6] = x[7] = x[8] = 0;
    const det = detect(radar, t, x, 'range-az-el', { sigmaRange_m: 30, sigmaAngle_rad: 1e-3 }, rng);
    const p = imm.predict(s, t, imm.clone(s));
    s = imm.update(p, det, p);
    muBoost.push(s.mu[0]);
  }
  const mean = (a: number[]) => a.reduce((u, v) => u + v, 0) / a.length;
  const during = mean(muBoost.slice(10, 29)); // t = 22…58 s
  const after = mean(muBoost.slice(45)); // t = 92…180 s
  assert.ok(during > 0.8, `μ_boost during boost ${during}`);
  assert.ok(after < 0.2, `μ_boost after burnout ${after}`);
  // The combined estimate follows the truth.
  const err = Math.hypot(s.x[0] - x[0], s.x[1] - x[1], s.x[2] - x[2]);
  assert.ok(err < 500, `final position error ${err} m`);
});
