/**
 * Flies every threat of a scenario once, nominally (no dispersions): the flight layer's answer to
 * "where does each missile go, how long does it take, how high does it fly".
 */
import type { Catalog } from './catalog.ts';
import type { Scenario, ThreatSpec } from './schema.ts';
import { flyout, type FlyoutReport } from '../flight/flyout.ts';
import type { TrajectoryShape } from '../flight/targeting.ts';
import { AspisError } from '../core/errors.ts';
import { Flyer } from '../flight/flyer.ts';

export interface ThreatFlight extends FlyoutReport {
  id: string;
  launchTime_s: number;
}

export function trajectoryShape(t: ThreatSpec['trajectory']): TrajectoryShape {
  return typeof t === 'string' ? t : { apogee_m: t.apogee_km * 1000 };
}

/** The launch point of a threat, from the catalog's sites or explicit coordinates. */
export function threatLaunch(
  t: ThreatSpec,
  catalog: Catalog,
  file: string,
  path: string,
): { lat_deg: number; lon_deg: number; alt_m: number } {
  if ('site' in t.launch) {
    const s = catalog.site(t.launch.site, { file, path: `${path}.launch.site` });
    return { lat_deg: s.lat_deg, lon_deg: s.lon_deg, alt_m: s.alt_m ?? 0 };
  }
  return { lat_deg: t.launch.lat_deg, lon_deg: t.launch.lon_deg, alt_m: 0 };
}

export function threatTarget(
  t: ThreatSpec,
  catalog: Catalog,
  file: string,
  path: string,
): { lat_deg: number; lon_deg: number } {
  if ('site' in t.target) {
    const s = catalog.site(t.target.site, { file, path: `${path}.target.site` });
    return { lat_deg: s.lat_deg, lon_deg: s.lon_deg };
  }
  return { lat_deg: t.target.lat_deg, lon_deg: t.target.lon_deg };
}

export function flyScenarioThreats(
  scenario: Scenario,
  catalog: Catalog,
  file: string,
): ThreatFlight[] {
  const flyers = new Map<string, Flyer>();
  return scenario.threats.map((t, i) => {
    const path = `threats[${i}]`;
    const missile = catalog.missile(t.missile, { file, path: `${path}.missile` });
    const payload_kg = t.payload.throwWeight_kg ?? missile.payload_kg;
    const key = `${missile.id}@${payload_kg}`;
    let flyer = flyers.get(key);
    if (!flyer) {
      flyer = new Flyer(missile, payload_kg);
      flyers.set(key, flyer);
    }
    try {
      const r = flyout(
        {
          missile,
          from: threatLaunch(t, catalog, file, path),
          to: threatTarget(t, catalog, file, path),
          trajectory: trajectoryShape(t.trajectory),
          payload_kg,
          where: `${path}.target`,
        },
        flyer,
      );
      return { id: t.id, launchTime_s: t.launch.time_s, ...r };
    } catch (e) {
      throw e instanceof AspisError && e.file === undefined ? e.inFile(file) : e;
    }
  });
}
