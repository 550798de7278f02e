import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apogeeRadius,
  flightPathAnglesForRange,
  freeFlightRangeAngle,
  maxRangeAngle,
  maxRangeFlightPathAngle,
  minimumEnergyBallistic,
  minimumEnergyQ,
  speedParameter,
  timeOfFreeFlight,
} from './ballistic.ts';
import { propagateKepler } from './two-body.ts';
import { AspisError } from '../core/errors.ts';
import { GM_EARTH_m3ps2, R_MEAN_m } from '../core/constants.ts';

const DEG = Math.PI / 180;
const near = (got: number, want: number, tol: number, what: string): void =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: got ${got}, expected ${want} ± ${tol}`);

// BMW (1971) works in canonical units: μ = 1 DU³/TU², Earth radius 1 DU. Their DU and speed unit
// (BMW Appendix A): 1 DU = 6378.145 km = 3443.922 n mi, 1 DU/TU = 7.905 368 km/s.
const DU_m = 6378.145e3;
const DU_nmi = 3443.922;
const DUTU_mps = 7905.368;

test('BMW (1971) §6.2 example p. 290: h_bo = 0.2 DU, v_bo = 2/3 DU/TU, h_apogee = 0.5 DU → Ψ = 36.4°', () => {
  const r = 1.2;
  const Q = speedParameter(r, 2 / 3, 1);
  near(Q, 0.533, 5e-4, 'Q'); // book: Q_bo = .533
  // From energy and angular momentum at apogee the book finds cos φ = 0.625 (φ = 51.3°).
  const phi = Math.acos(0.625);
  near(freeFlightRangeAngle(Q, phi) / DEG, 36.4, 0.05, 'Ψ (deg)');
  // The apogee of that ellipse is the measured one, 1.5 DU from the centre.
  near(apogeeRadius(r, Q, phi), 1.5, 1e-12, 'r_apogee (DU)');
});

test('BMW (1971) §6.2 example p. 291: Q = 1.2, cos Ψ = −0.625 → φ = 39.4° (only the high path)', () => {
  const psi = Math.acos(-0.625); // 30°N 60°E to 30°S 60°W, book: Ψ = 128.7°
  const [high, low] = flightPathAnglesForRange(1.2, psi);
  near(high / DEG, 39.36, 0.01, 'φ high (deg)');
  assert.ok(Number.isNaN(low), 'the low root is negative for Q > 1');
  // Both roots, where they exist, reproduce Ψ through the range equation.
  const [h2, l2] = flightPathAnglesForRange(0.8, 60 * DEG);
  near(freeFlightRangeAngle(0.8, h2), 60 * DEG, 1e-12, 'Ψ(high)');
  near(freeFlightRangeAngle(0.8, l2), 60 * DEG, 1e-12, 'Ψ(low)');
  assert.ok(h2 > l2);
});

test('BMW (1971) §6.2 example p. 295: 8000 n mi free-flight range, h_bo = 344 n mi → Q = .957, v = .933 DU/TU', () => {
  const psi = 8000 / DU_nmi;
  near(minimumEnergyQ(psi), 0.957, 5e-4, 'Q');
  const mu = 3.986012e14; // BMW's μ⊕, DU³/TU² in SI
  const res = minimumEnergyBallistic({
    range_km: 8000 * (DU_m / 1000 / DU_nmi),
    burnoutAlt_km: (344 * DU_m) / 1000 / DU_nmi,
    radius_m: DU_m,
    mu,
  });
  near(res.burnoutSpeed_mps / DUTU_mps, 0.933, 5e-4, 'v_bo (DU/TU)');
  near(res.flightPathAngle_deg, (180 - psi / DEG) / 4, 1e-12, 'φ (deg)');
});

test('known value: Ψ = 90° needs Q_min = 2 sin 45°/(1 + sin 45°) ≈ 0.8284 (BMW eq. 6.2-20)', () => {
  near(minimumEnergyQ(Math.PI / 2), 0.8284271247461902, 1e-15, 'Q');
  near(minimumEnergyQ(Math.PI / 2), 2 * Math.SQRT2 - 2, 1e-15, 'Q = 2√2 − 2');
  // Q and Ψ_max are inverse relations, and φ = (π − Ψ)/4.
  for (const psi of [0.01, 0.5, 1, 2, 3]) {
    near(maxRangeAngle(minimumEnergyQ(psi)), psi, 1e-12, `Ψ_max(Q_min(${psi}))`);
    near(maxRangeFlightPathAngle(minimumEnergyQ(psi)), (Math.PI - psi) / 4, 1e-12, 'φ');
  }
  // Flat-Earth limit: 45° for short range; Q = 1 (circular speed) reaches halfway round.
  near(maxRangeFlightPathAngle(1e-9), Math.PI / 4, 1e-6, 'φ(Q→0)');
  near(maxRangeAngle(1), Math.PI, 1e-15, 'Ψ_max(1)');
  assert.ok(Number.isNaN(maxRangeAngle(1.5)));
});

test('the minimum-energy speed is the minimum over φ of the speed that reaches the range', () => {
  for (const [range_km, H_km] of [
    [10000, 0],
    [1000, 0],
    [3000, 150],
    [18000, 300],
  ]) {
    const r = R_MEAN_m + H_km * 1000;
    const psi = (range_km * 1000) / R_MEAN_m;
    // For each φ, find by bisection the Q that reaches Ψ (range grows with Q at fixed φ).
    let best = Infinity;
    let bestPhi = NaN;
    for (let phi = 0.0005; phi < Math.PI / 2; phi += 0.0005) {
      let lo = 0;
      let hi = 2 - 1e-12;
      if (!(freeFlightRangeAngle(hi, phi) >= psi)) continue;
      for (let k = 0; k < 200; k++) {
        const mid = 0.5 * (lo + hi);
        if (freeFlightRangeAngle(mid, phi) < psi) lo = mid;
        else hi = mid;
      }
      const v = Math.sqrt((hi * GM_EARTH_m3ps2) / r);
      if (v < best) {
        best = v;
        bestPhi = phi;
      }
    }
    const res = minimumEnergyBallistic({ range_km, burnoutAlt_km: H_km });
    assert.ok(res.burnoutSpeed_mps <= best + 1e-6, `${range_km} km: closed form above the scan`);
    near(res.burnoutSpeed_mps, best, 1e-3, `${range_km} km: v_min`); // grid step 0.0005 rad
    near(res.flightPathAngle_deg, bestPhi / DEG, 0.06, `${range_km} km: φ at the minimum`);
  }
});

test('Kepler propagation from burnout re-enters at the computed time and central angle', () => {
  const rOut = new Float64Array(3);
  const vOut = new Float64Array(3);
  const check = (rb: number, Q: number, phi: number, what: string) => {
    const v = Math.sqrt((Q * GM_EARTH_m3ps2) / rb);
    const t = timeOfFreeFlight(rb, Q, phi, GM_EARTH_m3ps2);
    const psi = freeFlightRangeAngle(Q, phi);
    // Burnout on +x, moving in the x–y plane at φ above the local horizontal.
    const ok = propagateKepler(
      [rb, 0, 0],
      [v * Math.sin(phi), v * Math.cos(phi), 0],
      t,
      GM_EARTH_m3ps2,
      rOut,
      vOut,
    );
    assert.ok(ok);
    near(Math.hypot(rOut[0], rOut[1], rOut[2]), rb, 1e-6, `${what}: radius at t_ff (m)`);
    near(Math.atan2(rOut[1], rOut[0]), psi, 1e-6 / rb, `${what}: central angle at t_ff (rad)`);
    // Re-entry is the mirror image of burnout: flight-path angle −φ.
    const vr = (rOut[0] * vOut[0] + rOut[1] * vOut[1]) / rb;
    near(vr, -v * Math.sin(phi), 1e-6, `${what}: radial speed at re-entry`);
    // Halfway is apogee.
    propagateKepler(
      [rb, 0, 0],
      [v * Math.sin(phi), v * Math.cos(phi), 0],
      t / 2,
      GM_EARTH_m3ps2,
      rOut,
      vOut,
    );
    near(Math.hypot(rOut[0], rOut[1], rOut[2]), apogeeRadius(rb, Q, phi), 1e-6, `${what}: apogee`);
  };
  for (const range_km of [300, 1000, 5000, 10000, 15000, 19500]) {
    for (const H_km of [0, 100, 400]) {
      const res = minimumEnergyBallistic({ range_km, burnoutAlt_km: H_km });
      const rb = R_MEAN_m + H_km * 1000;
      const Q = speedParameter(rb, res.burnoutSpeed_mps, GM_EARTH_m3ps2);
      const phi = res.flightPathAngle_deg * DEG;
      near(freeFlightRangeAngle(Q, phi), (range_km * 1000) / R_MEAN_m, 1e-12, 'Ψ = R/r_E');
      check(rb, Q, phi, `min-energy ${range_km} km, H ${H_km} km`);
    }
  }
  // Lofted and depressed trajectories too.
  for (const [Q, phiDeg] of [
    [0.5, 70],
    [0.9, 10],
    [1.3, 40],
    [0.2, 45],
  ]) {
    check(R_MEAN_m + 100e3, Q, phiDeg * DEG, `Q ${Q}, φ ${phiDeg}°`);
  }
});

test('minimumEnergyBallistic: 10 000 km from the surface', () => {
  const res = minimumEnergyBallistic({ range_km: 10000 });
  assert.equal(res.range_km, 10000);
  assert.equal(res.burnoutAlt_km, 0);
  // Ψ = 10 000/6371 rad = 89.93°, so φ = (180° − Ψ)/4 and Q ≈ 2 sin 45°/(1 + sin 45°).
  const psi = 1e7 / R_MEAN_m;
  near(res.flightPathAngle_deg, (180 - psi / DEG) / 4, 1e-12, 'φ');
  near(
    res.burnoutSpeed_mps,
    Math.sqrt((minimumEnergyQ(psi) * GM_EARTH_m3ps2) / R_MEAN_m),
    1e-9,
    'v',
  );
  // Independently, the minimum-energy ellipse through two points has a = s/2, s = (r₁ + r₂ + c)/2
  // the semiperimeter of the triangle (Vallado 2013, §7.6, minimum-energy transfer); here
  // r₁ = r₂ = R and the chord is c = 2R sin(Ψ/2). Its apogee is a(1 + e), e² = 1 − p/a, with
  // p = h²/μ = R·Q·cos²φ.
  const aMin = (2 * R_MEAN_m + 2 * R_MEAN_m * Math.sin(psi / 2)) / 4;
  near(
    res.burnoutSpeed_mps,
    Math.sqrt(GM_EARTH_m3ps2 * (2 / R_MEAN_m - 1 / aMin)),
    1e-9,
    'v (vis-viva)',
  );
  const Q = minimumEnergyQ(psi);
  const p = R_MEAN_m * Q * Math.cos(res.flightPathAngle_deg * DEG) ** 2;
  near(res.apogeeAlt_km, (aMin * (1 + Math.sqrt(1 - p / aMin)) - R_MEAN_m) / 1000, 1e-9, 'apogee');
  assert.ok(res.timeOfFlight_s > 1800 && res.timeOfFlight_s < 2100, `t ${res.timeOfFlight_s}`);
});

test('minimumEnergyBallistic rejects bad input with the caller’s labels', () => {
  const where = { range_km: { file: '--range-km' }, burnoutAlt_km: { file: '--burnout-alt-km' } };
  const expectError = (fn: () => unknown, file: string | undefined, path: string | undefined) => {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof AspisError);
      assert.equal(e.file, file);
      assert.equal(e.path, path);
      assert.equal(e.kind, 'input');
      assert.equal(e.exitCode, 2);
      return true;
    });
  };
  for (const range_km of [0, -5, Math.PI * 6371, 25000, NaN, Infinity]) {
    expectError(() => minimumEnergyBallistic({ range_km }, where), '--range-km', undefined);
  }
  for (const burnoutAlt_km of [-1, NaN, -Infinity]) {
    expectError(
      () => minimumEnergyBallistic({ range_km: 1000, burnoutAlt_km }, where),
      '--burnout-alt-km',
      undefined,
    );
  }
  // Without labels the field name is the path; the message reads "path: expected …, got …".
  assert.throws(
    () => minimumEnergyBallistic({ range_km: -5 }),
    /^AspisError: range_km: expected a range in km between 0 and 20015\.1 \(exclusive\), got -5$/,
  );
  assert.throws(
    () =>
      minimumEnergyBallistic(
        { range_km: 'far' as unknown as number },
        { range_km: { file: 'nmd.yaml', path: 'threats[0].range_km' } },
      ),
    /nmd\.yaml: threats\[0\]\.range_km: expected .*, got "far"/,
  );
  expectError(() => minimumEnergyBallistic({ range_km: 100, radius_m: 0 }), undefined, 'radius_m');
  expectError(() => minimumEnergyBallistic({ range_km: 100, mu: -1 }), undefined, 'mu');
  // Just inside the bounds is fine.
  assert.ok(minimumEnergyBallistic({ range_km: 1e-3 }).burnoutSpeed_mps > 0);
  assert.ok(minimumEnergyBallistic({ range_km: Math.PI * 6371 - 1 }).timeOfFlight_s > 0);
});
