/**
 * Builds the scenario's sensors from the catalog: radars at their sites (face boresight from the
 * scenario when given) and infrared early-warning satellites in their orbits. Plain data and
 * closures; the simulation frame is the one of truth.ts (θ(t) = ωt).
 */
import { DEG, OMEGA_EARTH_radps } from '../core/constants.ts';
import { AspisError } from '../core/errors.ts';
import { createRadarSite, type RadarSite } from '../sensors/radar.ts';
import {
  geoPositionEci,
  keplerPositionEci,
  molniyaElements,
  type IrSensorParams,
  type KeplerElements,
} from '../sensors/ir-satellite.ts';
import type { RadarBand } from '../sensors/rcs.ts';
import type { Catalog } from './catalog.ts';
import type { Scenario, SitePosition } from './schema.ts';
import { WGS84_A_m } from '../core/constants.ts';

export interface WorldRadar {
  kind: 'radar';
  id: string;
  nation: string | null;
  site: RadarSite;
  band: RadarBand;
  revisit_s: number;
}

export interface WorldIrSatellite {
  kind: 'ir';
  id: string;
  nation: string | null;
  params: IrSensorParams;
  revisit_s: number;
  /** Satellite position and velocity (simulation inertial frame) at time t. */
  position(t_s: number, out: Float64Array): Float64Array;
  velocity(t_s: number, out: Float64Array): Float64Array;
}

export type WorldSensor = WorldRadar | WorldIrSatellite;

function sitePosition(
  pos: SitePosition,
  catalog: Catalog,
  file: string,
  path: string,
): { lat_deg: number; lon_deg: number; alt_m: number } {
  if (typeof pos === 'string') {
    const s = catalog.site(pos, { file, path });
    return { lat_deg: s.lat_deg, lon_deg: s.lon_deg, alt_m: s.alt_m ?? 0 };
  }
  return { lat_deg: pos.lat_deg, lon_deg: pos.lon_deg, alt_m: pos.alt_m ?? 0 };
}

export function buildSensors(scenario: Scenario, catalog: Catalog, file: string): WorldSensor[] {
  return scenario.sensors.map((s, i): WorldSensor => {
    const path = `sensors[${i}]`;
    if (s.type === 'radar') {
      const spec = catalog.radar(s.catalog, { file, path: `${path}.catalog` });
      const at = sitePosition(s.site, catalog, file, `${path}.site`);
      const params = {
        ...spec.params,
        azimuthCenter_deg: s.boresightAz_deg ?? spec.params.azimuthCenter_deg,
      };
      let site: RadarSite;
      try {
        site = createRadarSite(s.id, params, at.lat_deg * DEG, at.lon_deg * DEG, at.alt_m);
      } catch (e) {
        throw new AspisError({
          file,
          path,
          expected: 'consistent radar parameters',
          got: String(e),
        });
      }
      return {
        kind: 'radar',
        id: s.id,
        nation: s.nation ?? null,
        site,
        band: spec.band,
        revisit_s: spec.params.revisit_s,
      };
    }
    const spec = catalog.irSatellite(s.catalog, { file, path: `${path}.catalog` });
    const base = { kind: 'ir' as const, id: s.id, nation: s.nation ?? null, params: spec.params };
    const revisit_s = spec.params.revisit_s;
    if ('geo_lon_deg' in s.orbit) {
      const lon = s.orbit.geo_lon_deg * DEG;
      return {
        ...base,
        revisit_s,
        position: (t, out) => geoPositionEci(lon, OMEGA_EARTH_radps * t, out),
        velocity: (t, out) => {
          geoPositionEci(lon, OMEGA_EARTH_radps * t, out);
          const x = out[0];
          out[0] = -OMEGA_EARTH_radps * out[1];
          out[1] = OMEGA_EARTH_radps * x;
          out[2] = 0;
          return out;
        },
      };
    }
    const h = s.orbit.heo;
    let el: KeplerElements = molniyaElements(
      (h.raan_deg ?? 0) * DEG,
      (h.meanAnomaly_deg ?? 180) * DEG,
    );
    if (h.apogee_km !== undefined && h.perigee_km !== undefined) {
      const ra = WGS84_A_m + h.apogee_km * 1000;
      const rp = WGS84_A_m + h.perigee_km * 1000;
      el = { ...el, semiMajorAxis_m: (ra + rp) / 2, eccentricity: (ra - rp) / (ra + rp) };
    }
    if (h.inclination_deg !== undefined) el = { ...el, inclination_rad: h.inclination_deg * DEG };
    if (h.argPerigee_deg !== undefined) el = { ...el, argPerigee_rad: h.argPerigee_deg * DEG };
    const p0 = new Float64Array(3);
    const p1 = new Float64Array(3);
    return {
      ...base,
      revisit_s,
      position: (t, out) => keplerPositionEci(el, t, out),
      // Central difference over ±0.5 s: the orbit's curvature makes the error ~1e-6 relative.
      velocity: (t, out) => {
        keplerPositionEci(el, t - 0.5, p0);
        keplerPositionEci(el, t + 0.5, p1);
        for (let k = 0; k < 3; k++) out[k] = p1[k] - p0[k];
        return out;
      },
    };
  });
}
