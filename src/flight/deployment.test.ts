import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Flyer } from './flyer.ts';
import { Targeter } from './targeting.ts';
import { deployPayload } from './deployment.ts';
import { BallisticFlyer } from './ballistic-flyer.ts';
import { geodesicInverse } from '../frames/geodesic.ts';
import { randomStream } from '../core/random.ts';
import { TEST_SOLID_ICBM } from './test-support/fixtures.ts';

const D = Math.PI / 180;
const launch = { lat_rad: 48.4 * D, lon_rad: -101.3 * D, alt_m: 0 };
const aim = { lat_rad: 55.75 * D, lon_rad: 37.62 * D };
const sol = new Targeter(new Flyer(TEST_SOLID_ICBM)).solve(launch, aim, 'min-energy');

test('the bus releases RVs first, then decoys, at the release interval, all near the burnout state', () => {
  const objs = deployPayload(
    sol.flight.burnoutStateEci,
    sol.flight.burnoutTime_s,
    { warheads: 2, decoys: 3 },
    TEST_SOLID_ICBM.reentryVehicle,
  );
  assert.deepEqual(
    objs.map((o) => o.kind),
    ['rv', 'rv', 'decoy', 'decoy', 'decoy'],
  );
  objs.forEach((o, i) => assert.equal(o.releaseTime_s, sol.flight.burnoutTime_s + 2 * i));
  // The first RV leaves with the bus's own state.
  assert.deepEqual([...objs[0].stateEci], [...sol.flight.burnoutStateEci]);
});

test('the first RV lands on the aim point; the others land apart from it, within tens of km', () => {
  const objs = deployPayload(
    sol.flight.burnoutStateEci,
    sol.flight.burnoutTime_s,
    { warheads: 3, decoys: 0 },
    TEST_SOLID_ICBM.reentryVehicle,
  );
  const bf = new BallisticFlyer();
  const miss = objs.map((o) => {
    const r = bf.fly(o.stateEci, o.releaseTime_s, o.beta_kgpm2);
    assert.ok(r.impacted);
    return geodesicInverse(
      r.impactLat_rad / D,
      r.impactLon_rad / D,
      aim.lat_rad / D,
      aim.lon_rad / D,
    ).distance_m;
  });
  assert.ok(miss[0] < 1000, `first RV miss ${miss[0]}`);
  for (const m of miss.slice(1)) assert.ok(m > 10 && m < 50_000, `spread ${m}`);
});

test('atmospheric filtering: a balloon decoy is stopped high up while the RV is not', () => {
  const objs = deployPayload(
    sol.flight.burnoutStateEci,
    sol.flight.burnoutTime_s,
    { warheads: 1, decoys: 1 },
    TEST_SOLID_ICBM.reentryVehicle,
  );
  const bf = new BallisticFlyer();
  const speedAt = (o: (typeof objs)[number], altKm: number): number => {
    const r = bf.fly(o.stateEci, o.releaseTime_s, o.beta_kgpm2, undefined, {
      sampleEvery_s: 1,
      maxDuration_s: 4 * 3600,
    });
    const s = r.samples!.find((p) => p.t_s > r.apogeeTime_s && p.alt_km < altKm);
    return s ? s.speed_mps : NaN;
  };
  const rv50 = speedAt(objs[0], 50);
  const decoy50 = speedAt(objs[1], 50);
  assert.ok(rv50 > 5000, `RV at 50 km: ${rv50} m/s`);
  assert.ok(decoy50 < 1000, `decoy at 50 km: ${decoy50} m/s`);
});

test('a deployment with a random stream is reproducible and differs from the nominal one', () => {
  const a = deployPayload(
    sol.flight.burnoutStateEci,
    0,
    { warheads: 1, decoys: 3 },
    TEST_SOLID_ICBM.reentryVehicle,
    undefined,
    randomStream(1, 7, 'threats/t1/bus'),
  );
  const b = deployPayload(
    sol.flight.burnoutStateEci,
    0,
    { warheads: 1, decoys: 3 },
    TEST_SOLID_ICBM.reentryVehicle,
    undefined,
    randomStream(1, 7, 'threats/t1/bus'),
  );
  const c = deployPayload(
    sol.flight.burnoutStateEci,
    0,
    { warheads: 1, decoys: 3 },
    TEST_SOLID_ICBM.reentryVehicle,
  );
  assert.deepEqual(
    a.map((o) => [...o.stateEci]),
    b.map((o) => [...o.stateEci]),
  );
  assert.notDeepEqual(
    a.map((o) => [...o.stateEci]),
    c.map((o) => [...o.stateEci]),
  );
});
