/**
 * Plain-data catalog entries for radars and IR early-warning satellites (catalog/radars.yaml,
 * catalog/ir-satellites.yaml). The scenario layer validates YAML into these shapes; sensors never
 * read files. Mirrors flight/missile-spec.ts. Public-literature approximations, not design data.
 */
import type { RadarParams } from './radar-equation.ts';
import type { IrSensorParams } from './ir-satellite.ts';

export interface SensorSourceRef {
  author: string;
  title: string;
  year: number;
  /** Page, table or figure the numbers come from. */
  where?: string;
}

export type RadarClass =
  'early-warning' | 'discrimination' | 'forward-based' | 'battle-management' | 'fire-control';

/** A published detection figure the entry's parameters must reproduce (within 20 %). */
export interface RadarReferenceRange {
  rcs_m2: number;
  range_km: number;
  /** Where the figure comes from and how the RCS was read into it. */
  basis: string;
  /** 'published': the figure with its target size is in the source; 'interpreted': a published
   * range whose target size we inferred; 'derived': computed by us from published hardware. */
  confidence: 'published' | 'interpreted' | 'derived';
}

export interface RadarSpec {
  id: string;
  name: string;
  class: RadarClass;
  /** The real system(s) this generic entry approximates. */
  approximates: string;
  band: 'VHF' | 'UHF' | 'L' | 'S' | 'X';
  params: RadarParams;
  reference: RadarReferenceRange;
  sources: SensorSourceRef[];
  notes?: string;
}

export type IrSatelliteClass = 'geo-scanning' | 'geo-staring' | 'heo';

export interface IrOrbitSpec {
  kind: 'geo' | 'heo';
  /** Default sub-satellite longitude for GEO entries (scenarios override it). */
  geoLon_deg?: number;
  /** HEO elements; Molniya-like when absent. */
  semiMajorAxis_m?: number;
  eccentricity?: number;
  inclination_deg?: number;
  argPerigee_deg?: number;
}

export interface IrSatelliteSpec {
  id: string;
  name: string;
  class: IrSatelliteClass;
  approximates: string;
  orbit: IrOrbitSpec;
  params: IrSensorParams;
  sources: SensorSourceRef[];
  notes?: string;
}
