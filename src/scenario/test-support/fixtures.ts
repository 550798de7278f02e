/**
 * Test fixtures for the scenario layer: a small missiles catalog text (the real
 * catalog/missiles.yaml is owned by the flight catalog work) and a valid scenario object.
 * The numbers are placeholders shaped like an ICBM, not catalog data.
 */
export const MISSILES_FIXTURE_YAML = `
- id: generic-icbm-2stage-liquid
  name: Generic two-stage liquid ICBM (fixture)
  class: icbm
  approximates: test fixture only
  propellant: liquid
  stages:
    - { totalMass_kg: 40000, propellantMass_kg: 36000, isp_s: 270, burnTime_s: 110, diameter_m: 2.0 }
    - { totalMass_kg: 10000, propellantMass_kg: 9000, isp_s: 300, burnTime_s: 120, diameter_m: 1.5, coastAfter_s: 0 }
  payload_kg: 1000
  reentryVehicle: { mass_kg: 700, ballisticCoefficient_kgpm2: 2000 }
  publishedRange_km: 10000
  verticalRise_s: 10
  dragTable: { mach: [0, 1, 2, 5], cd: [0.2, 0.5, 0.35, 0.25] }
  sources:
    - { author: Aspis tests, title: fixture, year: 2024 }
- id: generic-icbm-taepodong-2
  name: Generic Taepodong-2-like ICBM (fixture)
  class: icbm
  approximates: test fixture only
  propellant: liquid
  stages:
    - { totalMass_kg: 50000, propellantMass_kg: 45000, isp_s: 260, burnTime_s: 120, diameter_m: 2.4 }
    - { totalMass_kg: 15000, propellantMass_kg: 13500, isp_s: 290, burnTime_s: 110, diameter_m: 1.3 }
  payload_kg: 700
  reentryVehicle: { mass_kg: 500, ballisticCoefficient_kgpm2: 1500 }
  publishedRange_km: 9000
  verticalRise_s: 12
  sources:
    - { author: Aspis tests, title: fixture, year: 2024, where: p. 1 }
`;

/** A valid scenario as plain data (what a YAML file parses to). */
export function validScenarioData(): Record<string, unknown> {
  return {
    aspis: 1,
    name: 'Test scenario',
    epoch: '2001-11-13T00:00:00Z',
    seed: 7,
    catalog: 'builtin',
    threats: [
      {
        id: 'nk-1',
        missile: 'generic-icbm-taepodong-2',
        launch: { site: 'sohae', time_s: 0 },
        target: { lat_deg: 47.61, lon_deg: -122.33 },
        trajectory: 'min-energy',
        payload: { warheads: 1, decoys: 3 },
      },
      {
        id: 'ir-1',
        missile: 'generic-icbm-2stage-liquid',
        launch: { lat_deg: 35.23, lon_deg: 53.92, time_s: 30 },
        target: { site: 'new-york' },
        trajectory: { apogee_km: 1500 },
        payload: { warheads: 1, decoys: 0 },
        count: 2,
      },
    ],
    sensors: [
      { id: 'dsp-east', type: 'ir-satellite', catalog: 'generic-dsp', orbit: { geo_lon_deg: 70 } },
      {
        id: 'shemya-xbr',
        type: 'radar',
        catalog: 'generic-xband-gbr',
        site: { lat_deg: 52.72, lon_deg: 174.1 },
      },
      {
        id: 'cd',
        type: 'radar',
        catalog: 'generic-cobra-dane',
        site: 'cobra-dane',
        boresightAz_deg: 319,
      },
    ],
    defense: {
      sites: [
        {
          id: 'fort-greely',
          interceptor: 'generic-gbi',
          count: 100,
          site: { lat_deg: 63.95, lon_deg: -145.73 },
        },
      ],
      doctrine: { kind: 'shoot-look-shoot', maxShotsPerThreat: 4 },
    },
    treaties: ['abm-1972'],
    analysis: { trials: 1000 },
  };
}

/** Marks a field for removal in `edited`. */
export const DELETE: unique symbol = Symbol('delete');

/** A deep copy of `data` with the field at `path` (`threats[0].launch.time_s`) set or deleted. */
export function edited<T>(data: T, path: string, value: unknown): T {
  const copy = structuredClone(data);
  const keys = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let parent = copy as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}
