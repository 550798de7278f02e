import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  horizonRule412_km,
  lineOfSightClears,
  radarHorizonRange_m,
  refractedElevation_rad,
} from './horizon.ts';

// Skolnik 2001 §8.2: d_km = 4.12 (√h_r + √h_t), h in metres, for the 4/3 Earth.
test('4/3-Earth horizon: exact geometry matches the 4.12 rule within 1 %', () => {
  for (const hr of [5, 10, 30, 100, 300, 1000]) {
    for (const ht of [0, 100, 1000, 5000, 10000, 30000]) {
      const exact = radarHorizonRange_m(hr, ht) / 1000;
      const rule = horizonRule412_km(hr, ht);
      assert.ok(Math.abs(exact / rule - 1) < 0.01, `hr ${hr} ht ${ht}: ${exact} vs ${rule}`);
    }
  }
});

test('line of sight: a target just inside the horizon clears, just outside does not', () => {
  const d = radarHorizonRange_m(20, 10000);
  assert.ok(lineOfSightClears(20, 10000, d * 0.999));
  assert.ok(!lineOfSightClears(20, 10000, d * 1.001));
});

test('refracted elevation: zero at the target horizon ray, refraction raises it vs k = 1', () => {
  // A target at the radar horizon from h_r = 0 lies on the ray grazing the surface: el = 0.
  const d = radarHorizonRange_m(0, 100000);
  assert.ok(Math.abs(refractedElevation_rad(0, 100000, d)) < 1e-9);
  const elRefr = refractedElevation_rad(10, 100000, 500000);
  const elGeo = refractedElevation_rad(10, 100000, 500000, 1);
  assert.ok(elRefr > elGeo);
});
