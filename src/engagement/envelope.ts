/**
 * The intercept envelope of one interceptor site against one ballistic threat (`aspis
 * envelope`): the threat missile is aimed on a minimum-energy trajectory and flown with the full
 * force model; its reentry vehicle, from burnout to impact, is the trajectory every candidate
 * intercept time is judged on (intercept-point.ts). The answer is kinematic: it assumes the
 * defense has a track from the threat's launch (commit at `commit_s`, launch after the
 * interceptor's reaction time); sensors and tracking quality come in with the event loop.
 */
import { DEG, RAD } from '../core/constants.ts';
import { earthRelativeSpeed } from '../flight/ballistic-flyer.ts';
import { Flyer, newFlightResult } from '../flight/flyer.ts';
import type { LatLon } from '../flight/flyout.ts';
import type { MissileSpec } from '../flight/missile-spec.ts';
import { Targeter } from '../flight/targeting.ts';
import { flyoutFan } from './flyout-fan.ts';
import type { InterceptorSpec } from './interceptor-spec.ts';
import {
  analyseEngagement,
  sampledTrajectory,
  type EngagementAnalysis,
  type InfeasibleReason,
} from './intercept-point.ts';

export interface EnvelopeRequest {
  interceptor: InterceptorSpec;
  site: LatLon;
  missile: MissileSpec;
  from: LatLon;
  /** Aim point; the interceptor site when absent. */
  to?: LatLon;
  /** Time after the threat's launch at which the defense commits (default 0). */
  commit_s?: number;
  /** Most intercepts listed (evenly thinned; default 40). */
  maxListed?: number;
  /** Field path for aiming errors. */
  where?: string;
}

export interface EnvelopeIntercept {
  time_s: number;
  alt_km: number;
  groundRange_km: number;
  closingSpeed_mps: number;
  crossingAngle_deg: number;
  launchTime_s: number;
  flightTime_s: number;
  threatSpeed_mps: number;
}

export interface EnvelopeReport {
  interceptor: string;
  site: LatLon;
  threat: {
    missile: string;
    from: LatLon;
    to: LatLon;
    burnoutTime_s: number;
    timeOfFlight_s: number;
    apogeeAlt_km: number;
    /** Largest Earth-relative speed of the reentry vehicle. */
    maxSpeed_mps: number;
  };
  feasible: boolean;
  /** Seconds of the RV's flight ruled out by each reason (several may apply at once). */
  reasons: Partial<Record<InfeasibleReason, number>>;
  intercepts: EnvelopeIntercept[];
  earliest_s: number | null;
  latest_s: number | null;
  altitudeBand_km: [number, number] | null;
  launchWindow: { from_s: number };
}

const round = (x: number, d: number): number => Number(x.toFixed(d));

export function interceptEnvelope(req: EnvelopeRequest): {
  report: EnvelopeReport;
  analysis: EngagementAnalysis;
} {
  const to = req.to ?? req.site;
  const flyer = new Flyer(req.missile);
  const launch = { lat_rad: req.from.lat_deg * DEG, lon_rad: req.from.lon_deg * DEG, alt_m: 0 };
  const sol = new Targeter(flyer).solve(
    launch,
    { lat_rad: to.lat_deg * DEG, lon_rad: to.lon_deg * DEG },
    'min-energy',
    req.where ?? 'threat-to',
  );
  const dt = 1;
  const rows: number[] = [];
  const flight = flyer.fly(
    launch,
    { azimuth_rad: sol.azimuth_rad, kick_rad: sol.kick_rad, cutoff_s: sol.cutoff_s },
    newFlightResult(),
    { sampleEvery_s: dt, stateRows: rows },
  );
  // The reentry vehicle: samples from the first whole second after burnout to impact.
  const first = Math.ceil(flight.burnoutTime_s / dt);
  const states: number[] = [];
  for (let i = 0; i < rows.length; i += 7) {
    if (rows[i] < first * dt - 1e-9) continue;
    for (let k = 1; k < 7; k++) states.push(rows[i + k]);
  }
  let maxSpeed = 0;
  for (let i = 0; i < states.length; i += 6)
    maxSpeed = Math.max(maxSpeed, earthRelativeSpeed(states.slice(i, i + 6)));
  const traj =
    states.length >= 12 ? sampledTrajectory(first * dt, dt, Float64Array.from(states)) : null;
  const spec = req.interceptor;
  const window = { from_s: (req.commit_s ?? 0) + spec.reactionTime_s };
  const analysis = analyseEngagement(spec, flyoutFan(spec), req.site, traj, window);

  const feasible = analysis.candidates.filter((c) => c.feasible);
  const maxListed = req.maxListed ?? 40;
  const stride = Math.max(1, Math.ceil(feasible.length / maxListed));
  const listed = feasible.filter((_, i) => i % stride === 0 || i === feasible.length - 1);
  const reasons: Partial<Record<InfeasibleReason, number>> = {};
  for (const [k, v] of Object.entries(analysis.reasons))
    reasons[k as InfeasibleReason] = round(v, 1);
  const report: EnvelopeReport = {
    interceptor: spec.id,
    site: { lat_deg: req.site.lat_deg, lon_deg: req.site.lon_deg },
    threat: {
      missile: req.missile.id,
      from: { lat_deg: req.from.lat_deg, lon_deg: req.from.lon_deg },
      to: { lat_deg: to.lat_deg, lon_deg: to.lon_deg },
      burnoutTime_s: round(flight.burnoutTime_s, 1),
      timeOfFlight_s: round(flight.impactTime_s, 1),
      apogeeAlt_km: round(flight.apogeeAlt_m / 1000, 1),
      maxSpeed_mps: round(maxSpeed, 0),
    },
    feasible: analysis.feasible,
    reasons,
    intercepts: listed.map((c) => ({
      time_s: round(c.time_s, 1),
      alt_km: round(c.alt_m / 1000, 2),
      groundRange_km: round(c.groundRange_m / 1000, 2),
      closingSpeed_mps: round(c.closingSpeed_mps, 0),
      crossingAngle_deg: round(c.crossingAngle_rad * RAD, 1),
      launchTime_s: round(c.launchTime_s, 1),
      flightTime_s: round(c.flightTime_s, 1),
      threatSpeed_mps: round(c.threatSpeed_mps, 0),
    })),
    earliest_s: analysis.earliest ? round(analysis.earliest.time_s, 1) : null,
    latest_s: analysis.latest ? round(analysis.latest.time_s, 1) : null,
    altitudeBand_km: analysis.altitudeBand_m
      ? [round(analysis.altitudeBand_m[0] / 1000, 2), round(analysis.altitudeBand_m[1] / 1000, 2)]
      : null,
    launchWindow: { from_s: window.from_s },
  };
  return { report, analysis };
}
