import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandOf, rcsAtFrequency, rcsOf, sphereRcs_m2 } from './rcs.ts';

test('RV nose-on is ~0.01 m² at X band and larger at UHF (Sessler et al. 2000 ch. 4)', () => {
  assert.equal(rcsOf('rv', 'nose-on', 'X'), 0.01);
  assert.ok(rcsOf('rv', 'nose-on', 'UHF') > rcsOf('rv', 'nose-on', 'X'));
  assert.equal(rcsOf('decoy', 'nose-on', 'X'), rcsOf('rv', 'nose-on', 'X'));
  assert.ok(rcsOf('tank', 'broadside', 'X') >= 1 && rcsOf('booster', 'broadside', 'L') >= 1);
  assert.equal(rcsAtFrequency('rv', 'nose-on', 440e6), rcsOf('rv', 'nose-on', 'UHF'));
  assert.equal(bandOf(160e6), 'VHF');
});

test('sphere RCS: optical πa² and Rayleigh 9πa²(ka)⁴ (Skolnik 2001 eq. 2.37)', () => {
  assert.ok(Math.abs(sphereRcs_m2(1, 0.03) - Math.PI) < 1e-12);
  const a = 0.11;
  const lam = 1.874;
  const ka = (2 * Math.PI * a) / lam;
  assert.ok(Math.abs(sphereRcs_m2(a, lam) - 9 * Math.PI * a * a * ka ** 4) < 1e-15);
});
