/**
 * High-level flyouts: aim a missile at a point and report the flight in analyst units, and find
 * a missile's maximum range for a payload and launch azimuth. Plain data in, plain data out.
 */
import { AspisError } from '../core/errors.ts';
import { DEG, RAD } from '../core/constants.ts';
import { geodesicInverse } from '../frames/geodesic.ts';
import { Flyer, newFlightResult, type FlightResult, type FlightSample } from './flyer.ts';
import { Targeter, type TrajectoryShape } from './targeting.ts';
import type { MissileSpec } from './missile-spec.ts';

export interface LatLon {
  lat_deg: number;
  lon_deg: number;
}

export interface FlyoutReport {
  missile: string;
  trajectory: string;
  from: LatLon;
  to: LatLon;
  impact: LatLon;
  miss_m: number;
  groundRange_km: number;
  timeOfFlight_s: number;
  apogeeAlt_km: number;
  burnout: { time_s: number; alt_km: number; speed_mps: number; flightPathAngle_deg: number };
  controls: { azimuth_deg: number; kick_deg: number; cutoff_s: number | null };
  samples?: FlightSample[];
}

export interface FlyoutRequest {
  missile: MissileSpec;
  from: LatLon & { alt_m?: number };
  to: LatLon;
  trajectory: TrajectoryShape;
  payload_kg?: number;
  /** Number of evenly spaced samples along the flight (0: none). */
  samples?: number;
  /** Field path for errors, e.g. `threats[0].target`. */
  where?: string;
}

const round = (x: number, d: number): number => Number(x.toFixed(d));

export function shapeLabel(shape: TrajectoryShape): string {
  return typeof shape === 'object' ? `apogee ${round(shape.apogee_m / 1000, 1)} km` : shape;
}

/** Aims the missile at the target with the full force model and reports the flight. */
export function flyout(
  req: FlyoutRequest,
  flyer = new Flyer(req.missile, req.payload_kg),
): FlyoutReport {
  const launch = {
    lat_rad: req.from.lat_deg * DEG,
    lon_rad: req.from.lon_deg * DEG,
    alt_m: req.from.alt_m ?? 0,
  };
  const aim = { lat_rad: req.to.lat_deg * DEG, lon_rad: req.to.lon_deg * DEG };
  const sol = new Targeter(flyer).solve(launch, aim, req.trajectory, req.where ?? 'target');
  let flight: FlightResult = sol.flight;
  if (req.samples && req.samples > 0) {
    // Re-fly the solution with dense-output sampling.
    const every = sol.flight.impactTime_s / Math.max(1, req.samples - 1);
    flight = flyer.fly(
      launch,
      { azimuth_rad: sol.azimuth_rad, kick_rad: sol.kick_rad, cutoff_s: sol.cutoff_s },
      newFlightResult(),
      { sampleEvery_s: every * (1 - 1e-12) },
    );
  }
  const ground = geodesicInverse(
    req.from.lat_deg,
    req.from.lon_deg,
    flight.impactLat_rad * RAD,
    flight.impactLon_rad * RAD,
  );
  const report: FlyoutReport = {
    missile: req.missile.id,
    trajectory: shapeLabel(req.trajectory),
    from: { lat_deg: req.from.lat_deg, lon_deg: req.from.lon_deg },
    to: { lat_deg: req.to.lat_deg, lon_deg: req.to.lon_deg },
    impact: {
      lat_deg: round(flight.impactLat_rad * RAD, 6),
      lon_deg: round(flight.impactLon_rad * RAD, 6),
    },
    miss_m: round(sol.miss_m, 1),
    groundRange_km: round(ground.distance_m / 1000, 2),
    timeOfFlight_s: round(flight.impactTime_s, 2),
    apogeeAlt_km: round(flight.apogeeAlt_m / 1000, 2),
    burnout: {
      time_s: round(flight.burnoutTime_s, 2),
      alt_km: round(flight.burnoutAlt_m / 1000, 2),
      speed_mps: round(flight.burnoutSpeed_mps, 1),
      flightPathAngle_deg: round(flight.burnoutFpa_rad * RAD, 3),
    },
    controls: {
      azimuth_deg: round(sol.azimuth_rad * RAD, 4),
      kick_deg: round(sol.kick_rad * RAD, 4),
      cutoff_s: Number.isFinite(sol.cutoff_s) ? round(sol.cutoff_s, 3) : null,
    },
  };
  if (flight.samples) {
    report.samples = flight.samples.map((s) => ({
      t_s: round(s.t_s, 2),
      lat_deg: round(s.lat_deg, 5),
      lon_deg: round(s.lon_deg, 5),
      alt_km: round(s.alt_km, 3),
      speed_mps: round(s.speed_mps, 1),
    }));
  }
  return report;
}

export interface RangeRequest {
  missile: MissileSpec;
  payload_kg?: number;
  azimuth_deg?: number;
  from?: LatLon;
}

export interface RangeReport {
  missile: string;
  payload_kg: number;
  maxRange_km: number;
  publishedRange_km: number;
  publishedRangePayload_kg: number | null;
  azimuth_deg: number;
  from: LatLon;
  kick_deg: number;
  burnoutSpeed_mps: number;
  timeOfFlight_s: number;
  apogeeAlt_km: number;
}

/**
 * Maximum full-burn range (geodesic distance launch → impact) over the pitch-over kick, for a
 * payload and launch azimuth. Defaults: the catalog payload, launched due north from (0°, 0°),
 * where Earth's rotation neither adds nor takes much (an eastward launch gains several per cent).
 */
export function maxRange(req: RangeRequest): RangeReport {
  const payload = req.payload_kg ?? req.missile.payload_kg;
  if (!(payload > 0) || !Number.isFinite(payload)) {
    throw new AspisError({ file: '--payload-kg', expected: 'a payload mass > 0 kg', got: payload });
  }
  const az = req.azimuth_deg ?? 0;
  const from = req.from ?? { lat_deg: 0, lon_deg: 0 };
  const flyer = new Flyer(req.missile, payload);
  const launch = { lat_rad: from.lat_deg * DEG, lon_rad: from.lon_deg * DEG, alt_m: 0 };
  const tg = new Targeter(flyer);
  const mr = tg.maxRange(launch, az * DEG);
  const f = mr.flight;
  const d = geodesicInverse(
    from.lat_deg,
    from.lon_deg,
    f.impactLat_rad * RAD,
    f.impactLon_rad * RAD,
  );
  return {
    missile: req.missile.id,
    payload_kg: payload,
    maxRange_km: round(d.distance_m / 1000, 1),
    publishedRange_km: req.missile.publishedRange_km,
    publishedRangePayload_kg: req.missile.publishedRangePayload_kg ?? null,
    azimuth_deg: az,
    from,
    kick_deg: round(mr.kick_rad * RAD, 3),
    burnoutSpeed_mps: round(f.burnoutSpeed_mps, 1),
    timeOfFlight_s: round(f.impactTime_s, 1),
    apogeeAlt_km: round(f.apogeeAlt_m / 1000, 1),
  };
}
