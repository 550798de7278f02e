import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuiltinCatalog } from '../node/files.ts';
import { interceptEnvelope } from './envelope.ts';
import { flyoutFan } from './flyout-fan.ts';
import {
  analyseEngagement,
  keplerTrajectory,
  sampledTrajectory,
  verifyIntercept,
  type InterceptorSite,
} from './intercept-point.ts';

const catalog = loadBuiltinCatalog();

function envelope(
  interceptor: string,
  site: InterceptorSite,
  missile: string,
  from: [number, number],
  to?: [number, number],
) {
  return interceptEnvelope({
    interceptor: catalog.interceptor(interceptor),
    site,
    missile: catalog.missile(missile),
    from: { lat_deg: from[0], lon_deg: from[1] },
    to: to && { lat_deg: to[0], lon_deg: to[1] },
  });
}

// PIP verification (issue 5): fly the interceptor with the full model (rotating Earth, drag, J2)
// on the fan's aim to the intercept time; the fan's miss must lie within the kill vehicle's
// reach (divert × time from burnout to intercept), and booster guidance on (azimuth, kick,
// time of flight) must close it to metres.
test('THAAD vs a No-dong-class RV: earliest and latest PIPs verified by flying both', () => {
  const site = { lat_deg: 32.08, lon_deg: 34.78 };
  const { analysis } = envelope('generic-thaad', site, 'generic-mrbm-nodong', [30.0, 43.0]);
  assert.ok(analysis.feasible);
  for (const pip of [analysis.earliest!, analysis.latest!]) {
    const v = verifyIntercept(catalog.interceptor('generic-thaad'), site, pip);
    assert.ok(
      v.fanMiss_m < v.divertReach_m,
      `fan miss ${v.fanMiss_m} m, reach ${v.divertReach_m} m`,
    );
    assert.ok(v.guidedMiss_m < 10, `guided miss ${v.guidedMiss_m} m`);
  }
});

test('GBI from Fort Greely vs a Taepodong-2-class RV aimed at Seattle: PIP verified', () => {
  const site = { lat_deg: 63.95, lon_deg: -145.73 };
  const { analysis, report } = envelope(
    'generic-gbi',
    site,
    'generic-icbm-taepodong-2',
    [39.66, 124.71],
    [47.61, -122.33],
  );
  assert.equal(report.feasible, true);
  assert.ok(report.altitudeBand_km![0] >= 100 && report.altitudeBand_km![1] <= 2000);
  const v = verifyIntercept(catalog.interceptor('generic-gbi'), site, analysis.earliest!);
  assert.ok(v.fanMiss_m < v.divertReach_m, `fan miss ${v.fanMiss_m} m, reach ${v.divertReach_m} m`);
  assert.ok(v.guidedMiss_m < 10, `guided miss ${v.guidedMiss_m} m`);
});

test('S-300-class (48N6) vs an ICBM RV: infeasible, too fast and too high', () => {
  const { report } = envelope(
    'generic-48n6',
    { lat_deg: 55.75, lon_deg: 37.62 },
    'generic-icbm-3stage-solid',
    [48.4, -101.3],
  );
  assert.equal(report.feasible, false);
  assert.ok(report.reasons['too-fast']! > 0 && report.reasons['too-high']! > 0);
  assert.deepEqual(report.intercepts, []);
  assert.equal(report.earliest_s, null);
});

test('S-300-class (48N6) vs a Scud-B-class missile aimed at its site: feasible below 27 km', () => {
  const site = { lat_deg: 32.08, lon_deg: 34.78 };
  const { report, analysis } = envelope('generic-48n6', site, 'generic-srbm-scud-b', [32.3, 37.3]);
  assert.equal(report.feasible, true);
  assert.ok(report.altitudeBand_km![1] <= 27);
  assert.ok(report.earliest_s! < report.latest_s!);
  assert.ok(report.intercepts.every((c) => c.groundRange_km <= 40 && c.closingSpeed_mps > 1000));
  const v = verifyIntercept(catalog.interceptor('generic-48n6'), site, analysis.earliest!);
  assert.ok(v.fanMiss_m < Math.max(v.divertReach_m, 1000), `fan miss ${v.fanMiss_m} m`);
  assert.ok(v.guidedMiss_m < 10);
});

test('no track: infeasible with reason no-track', () => {
  const s = catalog.interceptor('generic-pac3');
  const a = analyseEngagement(s, flyoutFan(s), { lat_deg: 0, lon_deg: 0 }, null, { from_s: 0 });
  assert.equal(a.feasible, false);
  assert.deepEqual(Object.keys(a.reasons), ['no-track']);
});

test('a defense that commits after the threat lands is too late wherever the fan reaches', () => {
  const { report } = interceptEnvelope({
    interceptor: catalog.interceptor('generic-48n6'),
    site: { lat_deg: 32.08, lon_deg: 34.78 },
    missile: catalog.missile('generic-srbm-scud-b'),
    from: { lat_deg: 32.3, lon_deg: 37.3 },
    commit_s: 1000,
  });
  assert.equal(report.feasible, false);
  assert.ok(report.reasons['too-late']! > 20, JSON.stringify(report.reasons));
});

test('keplerTrajectory and sampledTrajectory agree on a two-body arc (Hermite interpolation)', () => {
  const k = keplerTrajectory([7.0e6, 0, 0, 0, 7.2e3, 1.0e3], 0, 600);
  const n = 61;
  const states = new Float64Array(n * 6);
  const s = new Float64Array(6);
  for (let i = 0; i < n; i++) {
    k.stateAt(i * 10, s);
    states.set(s, i * 6);
  }
  const sm = sampledTrajectory(0, 10, states);
  const a = new Float64Array(6);
  k.stateAt(333.3, s);
  sm.stateAt(333.3, a);
  assert.ok(Math.hypot(a[0] - s[0], a[1] - s[1], a[2] - s[2]) < 1, 'sub-metre');
  assert.equal(sm.stateAt(601, a), false);
});
