import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuiltinCatalog } from '../node/files.ts';
import { Catalog } from '../scenario/catalog.ts';
import { Flyer, newFlightResult } from '../flight/flyer.ts';
import { DEG, G0_mps2 } from '../core/constants.ts';
import { interceptorAsMissile } from './flyout-fan.ts';

const catalog = loadBuiltinCatalog();
const ids = catalog.ids('interceptor');

test('the interceptor catalog holds the issue-5 systems, each sourced', () => {
  for (const id of [
    'generic-gbi',
    'generic-sm3',
    'generic-thaad',
    'generic-pac3',
    'generic-48n6',
    'generic-a135-long',
    'generic-a135-short',
    'generic-spartan',
    'generic-sprint',
  ]) {
    const s = catalog.interceptor(id);
    assert.ok(s.sources.length >= 2, `${id} cites at least two sources`);
    assert.ok(s.notes && /DERIVED/.test(s.notes), `${id} says what is derived`);
  }
});

// Burnout-speed check: the derived stage tables, flown by the Flyer (drag, J2, gravity turn) at
// a nominal 20° kick from 40° N, reproduce each entry's published (or stated estimated) burnout
// speed within 12 % — the sources are in catalog/interceptors.yaml.
for (const id of ids) {
  test(`${id}: Flyer burnout speed within 12 % of the catalog's burnout speed`, () => {
    const s = catalog.interceptor(id);
    const r = new Flyer(interceptorAsMissile(s)).fly(
      { lat_rad: 40 * DEG, lon_rad: 0, alt_m: 0 },
      { azimuth_rad: 0, kick_rad: 20 * DEG },
      newFlightResult(),
      { toBurnout: true },
    );
    const err = Math.abs(r.burnoutSpeed_mps - s.burnoutSpeed_mps) / s.burnoutSpeed_mps;
    assert.ok(err < 0.12, `${id}: ${r.burnoutSpeed_mps.toFixed(0)} vs ${s.burnoutSpeed_mps} m/s`);
    // The ideal vacuum rocket equation bounds it from above (losses are positive).
    let m = s.killVehicle.mass_kg;
    let dv = 0;
    for (const st of [...s.stages].reverse()) {
      const m0 = m + st.totalMass_kg;
      dv += st.isp_s * G0_mps2 * Math.log(m0 / (m0 - st.propellantMass_kg));
      m = m0;
    }
    assert.ok(dv > r.burnoutSpeed_mps, `${id}: ideal Δv ${dv.toFixed(0)} m/s`);
  });
}

test('a misspelt interceptor parameter is a catalog error naming the entry and field', () => {
  const text = `- id: bad\n  name: x\n  class: sam\n  approximates: x\n  stages: []\n`;
  assert.throws(() => Catalog.fromYamlTexts([{ file: 'catalog/interceptors.yaml', text }]), {
    message: /^catalog\/interceptors\.yaml: bad\./,
  });
});
