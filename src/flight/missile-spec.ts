/**
 * The plain-data description of a ballistic missile that the flight model flies. The catalog
 * (scenario layer) validates YAML into this shape; flight never reads files.
 *
 * Model: each stage burns at constant mass flow with a constant effective specific impulse
 * (thrust = ṁ·g0·Isp); stages separate at burnout; the payload (post-boost bus + reentry
 * vehicles + decoys, the "throw weight") rides to final burnout, then the reentry vehicle flies
 * ballistically with its own ballistic coefficient. This is the level of Forden (2007) and of
 * Wright's and Postol's public range estimates: a generic approximation, not design data.
 */
import type { DragTable } from '../dynamics/drag.ts';

export interface SourceRef {
  author: string;
  title: string;
  year: number;
  /** Page, table or figure the numbers come from. */
  where?: string;
}

export interface StageSpec {
  /** Stage mass at ignition: structure + propellant (payload and upper stages excluded). */
  totalMass_kg: number;
  propellantMass_kg: number;
  /** Effective (trajectory-averaged) specific impulse. */
  isp_s: number;
  burnTime_s: number;
  /** Body diameter, for the drag reference area. */
  diameter_m: number;
  /** Unpowered coast between this stage's burnout and the next ignition. */
  coastAfter_s?: number;
}

export interface ReentryVehicleSpec {
  mass_kg: number;
  /** β = m / (Cd·A) in the hypersonic regime. */
  ballisticCoefficient_kgpm2: number;
}

export type MissileClass = 'srbm' | 'mrbm' | 'irbm' | 'icbm' | 'slbm';

export interface MissileSpec {
  id: string;
  name: string;
  class: MissileClass;
  /** The real system(s) this generic entry approximates. */
  approximates: string;
  propellant: 'liquid' | 'solid';
  stages: StageSpec[];
  /** Mass carried to final burnout: reentry vehicle(s), post-boost bus, shroud. */
  payload_kg: number;
  reentryVehicle: ReentryVehicleSpec;
  /** Most warheads it is credited with (for treaty counting and MIRV deployment). */
  maxWarheads?: number;
  /** Published maximum range and the payload it refers to. */
  publishedRange_km: number;
  publishedRangePayload_kg?: number;
  /** Seconds of vertical rise before the pitch-over kick. */
  verticalRise_s: number;
  /** Mach/Cd table for the boosting stack; a generic slender-body table when absent. */
  dragTable?: DragTable;
  sources: SourceRef[];
  notes?: string;
}
