import type { MissileSpec } from '../missile-spec.ts';

/**
 * A three-stage solid ICBM with round numbers of the Minuteman III class, for tests that need a
 * missile independent of the catalog. It is not a catalog entry and cites nothing: the tests
 * that use it check physics properties (aim, branch order, rotation, payload trade), not range.
 */
export const TEST_SOLID_ICBM: MissileSpec = {
  id: 'test-solid-icbm',
  name: 'Test three-stage solid ICBM',
  class: 'icbm',
  approximates: 'Minuteman III class',
  propellant: 'solid',
  stages: [
    { totalMass_kg: 23077, propellantMass_kg: 20785, isp_s: 267, burnTime_s: 61, diameter_m: 1.67 },
    { totalMass_kg: 7032, propellantMass_kg: 6237, isp_s: 287, burnTime_s: 66, diameter_m: 1.33 },
    { totalMass_kg: 3306, propellantMass_kg: 3031, isp_s: 285, burnTime_s: 61, diameter_m: 1.32 },
  ],
  payload_kg: 1150,
  reentryVehicle: { mass_kg: 300, ballisticCoefficient_kgpm2: 10000 },
  publishedRange_km: 13000,
  verticalRise_s: 10,
  sources: [{ author: 'Aspis tests', title: 'fixture, not literature data', year: 2026 }],
};
