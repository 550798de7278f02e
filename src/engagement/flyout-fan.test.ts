import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuiltinCatalog } from '../node/files.ts';
import { GM_EARTH_m3ps2, R_MEAN_m } from '../core/constants.ts';
import { fanLookup, flyoutFan, newFanPoint } from './flyout-fan.ts';

const catalog = loadBuiltinCatalog();

test('fans are built once per interceptor id and cached', () => {
  const s = catalog.interceptor('generic-thaad');
  assert.equal(flyoutFan(s), flyoutFan(s));
});

test('THAAD fan: earliest arrival grows with distance along a ray, and beyond reach is false', () => {
  const fan = flyoutFan(catalog.interceptor('generic-thaad'));
  const p = newFanPoint();
  let last = 0;
  for (const d of [20e3, 50e3, 100e3, 150e3]) {
    assert.ok(fanLookup(fan, d * 0.8, d * 0.6, p), `reaches ${d / 1000} km`);
    assert.ok(p.time_s > last, `${p.time_s} s after ${last} s`);
    assert.ok(p.speed_mps > 500 && p.speed_mps < 3200);
    last = p.time_s;
  }
  assert.equal(fanLookup(fan, 250e3, 50e3, p), false, 'off the raster');
  assert.equal(fanLookup(fan, -1, 50e3, p), false);
});

test('GBI fan: time to 1,000 km straight up matches vacuum vertical flight from burnout', () => {
  // Vertical coast from burnout (r_b, v_b) to r: energy gives the speed; the fan's speed at
  // 1,000 km on its most vertical trajectory must agree with v² = v_b² − 2μ(1/r_b − 1/r) to a few %.
  const fan = flyoutFan(catalog.interceptor('generic-gbi'));
  const tr = fan.trajectories[0];
  const bo = Math.floor(tr.burnoutTime_s / fan.dt_s) + 1;
  const rb = R_MEAN_m + tr.rows[bo * 5 + 2];
  const vb = tr.rows[bo * 5 + 3];
  const p = newFanPoint();
  const g = tr.rows.findIndex((_, i) => i % 5 === 2 && tr.rows[i] > 1e6);
  const row = (g - 2) / 5;
  assert.ok(fanLookup(fan, tr.rows[row * 5 + 1], 1e6, p));
  const r = R_MEAN_m + 1e6;
  const v = Math.sqrt(vb * vb - 2 * GM_EARTH_m3ps2 * (1 / rb - 1 / r));
  assert.ok(Math.abs(p.speed_mps - v) / v < 0.05, `${p.speed_mps} vs ${v}`);
});
