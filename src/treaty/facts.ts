/**
 * Treaty facts: the plain, declared data the treaty rules judge (DESIGN.md §1: treaty/ reads
 * scenario data, never runs the simulation). `scenario/treaty-facts.ts` fills these from a
 * scenario and its catalog; tests build them by hand. Degrees and km-free SI at this boundary:
 * positions are geodetic degrees (names say so), distances metres, speeds m/s.
 */

export interface LatLon {
  lat_deg: number;
  lon_deg: number;
}

/** A named point: a capital, an ICBM silo field, a test range. */
export interface NamedPoint extends LatLon {
  id: string;
}

/** Where a component sits and moves (ABM Treaty Art. V). */
export const BASINGS = ['fixed', 'mobile', 'sea', 'air', 'space'] as const;
export type Basing = (typeof BASINGS)[number];

export const RADAR_ROLES = [
  'early-warning',
  'abm',
  'tmd',
  'air-defense',
  'space-tracking',
] as const;
export type RadarRole = (typeof RADAR_ROLES)[number];

export interface PartyFacts {
  id: string;
  /** The national capital (centre of a permitted deployment area, Art. III(a)). */
  capital?: NamedPoint;
  /** ICBM silo-launcher fields (centre of a permitted deployment area, Art. III(b)). */
  siloFields: NamedPoint[];
  /** The declared deployment-area centre, when the party has chosen one (1974 Protocol Art. I). */
  declaredArea?: NamedPoint;
  /** A representative centre of the national territory (for "oriented outward", Art. VI(b)). */
  territoryCentre?: LatLon;
  /** Agreed ABM test ranges (Art. IV), each a centre and a radius. */
  testRanges: (NamedPoint & { radius_m: number })[];
}

export interface InterceptorFacts {
  id: string;
  /** ABM interceptor (counted under Art. III) or a non-ABM (air/theatre defence) interceptor. */
  abm: boolean;
  /** Speed at burnout (1997 demarcation). */
  burnoutSpeed_mps?: number;
  /** published or estimated, as the catalog says. */
  burnoutSpeedBasis?: string;
  /** Greatest ground range it engages at (its "reach", for Art. I). */
  maxGroundRange_m?: number;
  /** Fastest target it is designed to engage, when known. */
  maxTargetSpeed_mps?: number;
}

/** A defense site: ABM or non-ABM, by its interceptor (InterceptorFacts.abm). */
export interface DefenseSiteFacts {
  id: string;
  party: string;
  lat_deg: number;
  lon_deg: number;
  interceptor: string;
  /** Interceptors at the site. */
  count: number;
  /** Launchers at the site (one interceptor per launcher when not declared). */
  launchers: number;
  basing: Basing;
}

export interface RadarFacts {
  id: string;
  party: string;
  role: RadarRole;
  lat_deg: number;
  lon_deg: number;
  basing: Basing;
  /** Face boresight azimuth, degrees clockwise from north; absent for all-round radars. */
  boresightAz_deg?: number;
  /** Distance from the site to the national border or coast, when known. */
  borderDistance_m?: number;
  /** Phased array (Agreed Statement F applies to phased-array radars only). */
  phasedArray: boolean;
  /** Peak power × effective aperture, W·m² (Agreed Statement F). */
  powerAperture_Wm2?: number;
  /** How powerAperture_Wm2 was obtained (e.g. peak power × gain-derived aperture). */
  powerApertureNote?: string;
}

/** A declared interceptor test (1997 demarcation; Art. VI(a) "testing in an ABM mode"). */
export interface TestFacts {
  id: string;
  party: string;
  interceptor: string;
  targetSpeed_mps?: number;
  targetRange_m?: number;
}

export interface TreatyFacts {
  /** Scenario epoch (ISO-8601) at which instrument status is reported. */
  epoch?: string;
  parties: PartyFacts[];
  interceptors: InterceptorFacts[];
  sites: DefenseSiteFacts[];
  radars: RadarFacts[];
  tests: TestFacts[];
}

export const emptyFacts = (): TreatyFacts => ({
  parties: [],
  interceptors: [],
  sites: [],
  radars: [],
  tests: [],
});
