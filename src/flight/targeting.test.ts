import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Flyer } from './flyer.ts';
import { Targeter } from './targeting.ts';
import { flyout, maxRange } from './flyout.ts';
import { geodesicInverse } from '../frames/geodesic.ts';
import { AspisError } from '../core/errors.ts';
import { TEST_SOLID_ICBM } from './test-support/fixtures.ts';

const D = Math.PI / 180;
const MINOT = { lat_deg: 48.4, lon_deg: -101.3 };

test('targeted flyouts land within 1 km of the aim point for every trajectory shape', () => {
  const flyer = new Flyer(TEST_SOLID_ICBM);
  const aims = [
    { lat_deg: 55.75, lon_deg: 37.62 }, // over the pole
    { lat_deg: 21.3, lon_deg: -157.86 }, // south-west, across the rotation
    { lat_deg: 64.8, lon_deg: -147.7 }, // shorter range
  ];
  for (const shape of ['min-energy', 'lofted', 'depressed', { apogee_m: 1_500_000 }] as const) {
    for (const to of aims) {
      const r = flyout({ missile: TEST_SOLID_ICBM, from: MINOT, to, trajectory: shape }, flyer);
      // Check the reported impact independently of the solver's own miss figure.
      const miss = geodesicInverse(
        r.impact.lat_deg,
        r.impact.lon_deg,
        to.lat_deg,
        to.lon_deg,
      ).distance_m;
      assert.ok(miss < 1000, `${JSON.stringify(shape)} to ${JSON.stringify(to)}: miss ${miss} m`);
    }
  }
});

test('lofted flies higher and longer than minimum-energy, depressed lower and shorter', () => {
  const to = { lat_deg: 55.75, lon_deg: 37.62 };
  const flyer = new Flyer(TEST_SOLID_ICBM);
  const me = flyout({ missile: TEST_SOLID_ICBM, from: MINOT, to, trajectory: 'min-energy' }, flyer);
  const lo = flyout({ missile: TEST_SOLID_ICBM, from: MINOT, to, trajectory: 'lofted' }, flyer);
  const de = flyout({ missile: TEST_SOLID_ICBM, from: MINOT, to, trajectory: 'depressed' }, flyer);
  assert.ok(lo.apogeeAlt_km > me.apogeeAlt_km && me.apogeeAlt_km > de.apogeeAlt_km);
  assert.ok(lo.timeOfFlight_s > me.timeOfFlight_s && me.timeOfFlight_s > de.timeOfFlight_s);
});

test('launching east gives more range than launching west (Earth rotation adds ~465 m/s at the equator)', () => {
  const east = maxRange({
    missile: TEST_SOLID_ICBM,
    azimuth_deg: 90,
    from: { lat_deg: 0, lon_deg: 0 },
  });
  const west = maxRange({
    missile: TEST_SOLID_ICBM,
    azimuth_deg: 270,
    from: { lat_deg: 0, lon_deg: 0 },
  });
  assert.ok(
    east.maxRange_km > west.maxRange_km * 1.1,
    `east ${east.maxRange_km} vs west ${west.maxRange_km}`,
  );
});

test('a lighter payload flies farther (range/payload trade)', () => {
  const heavy = maxRange({ missile: TEST_SOLID_ICBM, payload_kg: 1500 });
  const light = maxRange({ missile: TEST_SOLID_ICBM, payload_kg: 500 });
  assert.ok(light.maxRange_km > heavy.maxRange_km);
});

test('an aim point beyond reach is refused with the reach in the message', () => {
  const flyer = new Flyer(TEST_SOLID_ICBM);
  assert.throws(
    () =>
      new Targeter(flyer).solve(
        { lat_rad: 48.4 * D, lon_rad: -101.3 * D, alt_m: 0 },
        { lat_rad: -45 * D, lon_rad: 100 * D },
        'min-energy',
        'threats[0].target',
      ),
    (e: unknown) =>
      e instanceof AspisError &&
      e.kind === 'input' &&
      /threats\[0\]\.target: expected an aim point within the reach of test-solid-icbm \(about \d+ km/.test(
        e.message,
      ),
  );
});

test('the burnout state of the minimum-energy solution has the minimum-energy flight-path angle', () => {
  // BMW §6.2: at burnout Q = v²r/μ, the free-flight range is largest for φ = ¼(π − Ψ) with
  // sin(Ψ/2) = Q/(2 − Q); the min-energy solve enforces this at thrust termination.
  const flyer = new Flyer(TEST_SOLID_ICBM);
  const sol = new Targeter(flyer).solve(
    { lat_rad: 48.4 * D, lon_rad: -101.3 * D, alt_m: 0 },
    { lat_rad: 55.75 * D, lon_rad: 37.62 * D },
    'min-energy',
  );
  const s = sol.flight.burnoutStateEci;
  const r = Math.hypot(s[0], s[1], s[2]);
  const v = Math.hypot(s[3], s[4], s[5]);
  const Q = (v * v * r) / 3.986004418e14;
  const psi = 2 * Math.asin(Q / (2 - Q));
  assert.ok(Math.abs(sol.flight.burnoutFpa_rad - (Math.PI - psi) / 4) < 1e-3);
});
