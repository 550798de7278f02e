/**
 * The plain-data description of an interceptor that the engagement layer flies and judges. The
 * catalog (scenario layer) validates YAML into exactly this shape (catalog `interceptors.yaml`,
 * schema in src/scenario/interceptor-catalog-schema.ts); engagement never reads files.
 *
 * Model: the booster is a stack of the same constant-Isp stages as a ballistic missile
 * (flight/missile-spec.ts), flown by the same Flyer (vertical rise, pitch-over kick, gravity
 * turn); its payload is the kill vehicle (or, for single-stage SAMs and nuclear interceptors,
 * the warhead/guidance section that rides to burnout). After burnout the interceptor coasts with
 * `coastBallisticCoefficient_kgpm2`, which for an endo-atmospheric missile is the whole burnt-out
 * airframe (its deceleration decides its reach). Public-literature approximations for analysis
 * and teaching, not design data: every entry says which numbers are published and which derived.
 */
import type { SourceRef, StageSpec } from '../flight/missile-spec.ts';

export const INTERCEPTOR_CLASSES = [
  'exo-kv',
  'upper-tier',
  'lower-tier',
  'sam',
  'abm-exo',
  'abm-endo',
] as const;
export type InterceptorClass = (typeof INTERCEPTOR_CLASSES)[number];

export const KILL_MECHANISMS = ['hit-to-kill', 'blast-fragmentation', 'nuclear'] as const;
export type KillMechanism = (typeof KILL_MECHANISMS)[number];

export interface KillVehicleSpec {
  /** Mass carried to final burnout (the Flyer's payload). */
  mass_kg: number;
  /**
   * Velocity change available for end-game correction: a divert propulsion system's Δv, or for
   * an aerodynamically steered missile its lateral acceleration × end-game time (an equivalent
   * Δv, derived in the entry's notes).
   */
  divert_mps: number;
  mechanism: KillMechanism;
  /** Miss distance still lethal: ~0.5 m for hit-to-kill, the warhead's lethal radius otherwise. */
  lethalRadius_m: number;
}

/** Single-shot kill probability given a reliable interceptor and a valid engagement, per target. */
export interface SspkSpec {
  rv: number;
  decoy: number;
  aircraft?: number;
}

export interface InterceptorSpec {
  id: string;
  name: string;
  class: InterceptorClass;
  /** The real system(s) this generic entry approximates. */
  approximates: string;
  stages: StageSpec[];
  killVehicle: KillVehicleSpec;
  /** β = m / (Cd·A) of what coasts after burnout (kill vehicle, or the whole burnt-out missile). */
  coastBallisticCoefficient_kgpm2: number;
  /** Intercept altitude limits (geodetic height of the intercept point). */
  minInterceptAlt_m: number;
  maxInterceptAlt_m: number;
  /** Ground range limits of the fly-out fan (the published maximum range, usually vs aircraft). */
  minGroundRange_m: number;
  maxGroundRange_m: number;
  /** A shorter published range limit against ballistic targets, where sources give one. */
  maxBallisticRange_m?: number;
  /** Longest guided flight (fan cut-off): battery life, guidance or energy at intercept. */
  maxFlightTime_s: number;
  /** Published (or estimated, see `burnoutSpeedBasis`) burnout speed, for the catalog checks. */
  burnoutSpeed_mps: number;
  burnoutSpeedBasis: 'published' | 'estimated';
  sspk: SspkSpec;
  /** Probability the interceptor launches and flies as designed. */
  reliability: number;
  /** Published limit on the speed of targets the system can engage, where sources give one. */
  maxTargetSpeed_mps?: number;
  /** From the decision to fire (commit) to lift-off. */
  reactionTime_s: number;
  /** Seconds of vertical rise before the pitch-over kick. */
  verticalRise_s: number;
  sources: SourceRef[];
  notes?: string;
}
