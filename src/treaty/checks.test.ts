import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from './checks.ts';
import { geodesicDirect } from '../frames/geodesic.ts';
import type { DefenseSiteFacts, RadarFacts, TreatyFacts } from './facts.ts';

// Minimal worlds that just pass and just fail each limit (issue 7, "What must hold").
const CAPITAL = { id: 'cap', lat_deg: 40, lon_deg: -100 };
function world(sites: Partial<DefenseSiteFacts>[] = [], radars: RadarFacts[] = []): TreatyFacts {
  return {
    parties: [
      { id: 'A', capital: CAPITAL, siloFields: [], testRanges: [], territoryCentre: CAPITAL },
    ],
    interceptors: [
      { id: 'abm', abm: true, maxGroundRange_m: 500e3 },
      { id: 'tmd29', abm: false, burnoutSpeed_mps: 2900 },
      { id: 'tmd31', abm: false, burnoutSpeed_mps: 3100 },
    ],
    sites: sites.map((s, i) => ({
      id: `s${i}`,
      party: 'A',
      lat_deg: CAPITAL.lat_deg,
      lon_deg: CAPITAL.lon_deg,
      interceptor: 'abm',
      count: 10,
      launchers: 10,
      basing: 'fixed',
      ...s,
    })),
    radars,
    tests: [],
  };
}
const at = (km: number) => {
  const p = geodesicDirect(CAPITAL.lat_deg, CAPITAL.lon_deg, 90, km * 1000);
  return { lat_deg: p.lat_deg, lon_deg: p.lon_deg };
};
const statuses = (f: TreatyFacts, check: Parameters<typeof runCheck>[1]) =>
  runCheck(f, check).map((x) => x.status);

test('Art. III launchers: 100 complies, 101 is a violation', () => {
  const c = { kind: 'max-launchers-in-area', max: 100, radius_km: 150 } as const;
  assert.deepEqual(statuses(world([{ launchers: 100, count: 100 }]), c), ['complies']);
  assert.deepEqual(statuses(world([{ launchers: 60 }, { launchers: 41 }]), c), ['violation']);
});

test('Art. III interceptors: 100 complies, 101 is a violation', () => {
  const c = { kind: 'max-interceptors-in-area', max: 100, radius_km: 150 } as const;
  assert.deepEqual(statuses(world([{ count: 100, launchers: 100 }]), c), ['complies']);
  assert.deepEqual(statuses(world([{ count: 101, launchers: 101 }]), c), ['violation']);
});

test('Art. III radius: 149 km complies, 151 km is a violation', () => {
  const c = { kind: 'deployment-area-radius', radius_km: 150 } as const;
  assert.deepEqual(statuses(world([at(149)]), c), ['complies']);
  const f = runCheck(world([at(151)]), c)[0];
  assert.equal(f?.status, 'violation');
  assert.ok(Math.abs(Number(f?.evidence.distanceToCentre_km) - 151) < 0.2);
});

test('Protocol Art. I: one area complies, a second one (or none permitted) violates', () => {
  const c = { kind: 'max-deployment-areas', max: 1, radius_km: 150 } as const;
  assert.deepEqual(statuses(world([{}, at(100)]), c), ['complies']);
  assert.deepEqual(statuses(world([{}, at(1000)]), c), ['violation']);
});

test('Art. V(1): a sea-based ABM component is a violation', () => {
  const c = { kind: 'no-sea-air-space-mobile' } as const;
  assert.deepEqual(statuses(world([{}]), c), ['complies']);
  assert.deepEqual(statuses(world([{ basing: 'sea' }]), c), ['violation']);
});

test('Art. V(2): one interceptor per launcher', () => {
  const c = { kind: 'one-interceptor-per-launcher' } as const;
  assert.deepEqual(statuses(world([{ count: 10, launchers: 10 }]), c), ['complies']);
  assert.deepEqual(statuses(world([{ count: 11, launchers: 10 }]), c), ['violation']);
});

test('Art. I: reach short of the territory centre complies, beyond it violates', () => {
  const c = { kind: 'no-territorial-defense' } as const;
  const f = world([at(140)]);
  f.interceptors[0] = { id: 'abm', abm: true, maxGroundRange_m: 139e3 };
  assert.deepEqual(statuses(f, c), ['complies']);
  f.interceptors[0] = { id: 'abm', abm: true, maxGroundRange_m: 141e3 };
  assert.deepEqual(statuses(f, c), ['violation']);
});

const ewr = (boresightAz_deg: number, borderDistance_m?: number): RadarFacts => ({
  id: 'ewr',
  party: 'A',
  role: 'early-warning',
  ...at(300), // east of the territory centre: outward is east (≈ 90°)
  basing: 'fixed',
  boresightAz_deg,
  ...(borderDistance_m !== undefined ? { borderDistance_m } : {}),
  phasedArray: true,
  powerAperture_Wm2: 1e8,
});

test('Art. VI(b): an early-warning radar facing outward complies, facing inward violates', () => {
  const c = { kind: 'ew-radar-periphery-outward', peripheryDistance_km: 400 } as const;
  assert.deepEqual(statuses(world([], [ewr(90, 50e3)]), c), ['complies']);
  assert.deepEqual(statuses(world([], [ewr(270, 50e3)]), c), ['violation']);
  assert.deepEqual(statuses(world([], [ewr(90, 401e3)]), c), ['violation']);
  assert.deepEqual(statuses(world([], [ewr(90)]), c), ['needs-judgement']);
});

test('Agreed Statement F: 3e6 W·m² complies; above it only for early warning or in the area', () => {
  const c = { kind: 'power-aperture-limit', max_Wm2: 3e6, radius_km: 150 } as const;
  const abmRadar = (pa: number, km: number): RadarFacts => ({
    ...ewr(90),
    ...at(km),
    role: 'abm',
    powerAperture_Wm2: pa,
  });
  assert.deepEqual(statuses(world([], [abmRadar(3e6, 1000)]), c), ['complies']);
  assert.deepEqual(statuses(world([], [abmRadar(3.1e6, 1000)]), c), ['violation']);
  assert.deepEqual(statuses(world([], [abmRadar(3.1e6, 100)]), c), ['complies']);
  assert.deepEqual(statuses(world([], [ewr(90, 50e3)]), c), ['complies']);
});

test('1997 demarcation: 2.9 vs 3.1 km/s interceptors tested against 4.9 vs 5.1 km/s targets', () => {
  const c = {
    kind: 'tmd-demarcation',
    maxInterceptorSpeed_kmps: 3,
    maxTargetSpeed_kmps: 5,
    maxTargetRange_km: 3500,
  } as const;
  const judged = (interceptor: string, targetSpeed_mps: number) => {
    const f = world([{ interceptor }]);
    f.tests = [{ id: 't', party: 'A', interceptor, targetSpeed_mps, targetRange_m: 1000e3 }];
    return statuses(f, c);
  };
  assert.deepEqual(judged('tmd29', 4900), ['complies']);
  assert.deepEqual(judged('tmd29', 5100), ['violation']);
  assert.deepEqual(judged('tmd31', 4900), ['needs-judgement']);
  assert.deepEqual(judged('tmd31', 5100), ['violation']);
  assert.deepEqual(statuses(world([{}]), c), ['not-applicable']);
});

test('Art. VI(a): a non-ABM interceptor tested against a strategic-class target violates', () => {
  const c = {
    kind: 'non-abm-no-abm-capability',
    strategicTargetSpeed_kmps: 5,
    strategicTargetRange_km: 3500,
  } as const;
  const f = world([{ interceptor: 'tmd29' }]);
  assert.deepEqual(statuses(f, c), ['complies']);
  f.tests = [{ id: 't', party: 'A', interceptor: 'tmd29', targetSpeed_mps: 7000 }];
  assert.deepEqual(statuses(f, c), ['violation']);
});
