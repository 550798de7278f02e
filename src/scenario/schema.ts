/**
 * The scenario file (DESIGN.md §4): one zod schema for the CLI, the server and the web editor,
 * exported as JSON Schema by `scenarioJsonSchema()`. Positions are degrees and km at this
 * boundary (names say so); the world builder converts to SI.
 *
 * Threats and the top level are strict (a misspelt field is an error, not a silent default).
 * Sensors and defense are loose objects: later issues add fields to them, and a scenario written
 * for a newer version should still validate what this version knows.
 */
import { z } from 'zod';
import { BASINGS, RADAR_ROLES } from '../treaty/facts.ts';
import { id, int, latDeg, lonDeg, nonNegative, num, positive, text } from './fields.ts';

const siteId = () => id('a site id from the catalog, such as sohae');

/** A point given by coordinates; altitude above the WGS-84 ellipsoid defaults to 0. */
export const geoPointSchema = z.strictObject({
  lat_deg: latDeg(),
  lon_deg: lonDeg(),
  alt_m: num({ min: -500, max: 100_000 }).optional(),
});

/** A named catalog site or explicit coordinates. */
export const sitePositionSchema = z.union([siteId(), geoPointSchema], {
  error: 'a site id from the catalog or {lat_deg, lon_deg, alt_m?}',
});

const time_s = () => nonNegative('a number ≥ 0').default(0);

export const launchSchema = z.union(
  [
    z.strictObject({ site: siteId(), time_s: time_s() }),
    z.strictObject({ lat_deg: latDeg(), lon_deg: lonDeg(), time_s: time_s() }),
  ],
  { error: 'a launch point: {site, time_s} or {lat_deg, lon_deg, time_s}' },
);

export const targetSchema = z.union(
  [
    z.strictObject({ site: siteId() }),
    z.strictObject({ lat_deg: latDeg(), lon_deg: lonDeg(), alt_m: num().optional() }),
  ],
  { error: 'a target: {site} or {lat_deg, lon_deg}' },
);

export const TRAJECTORY_KINDS = ['min-energy', 'lofted', 'depressed'] as const;
export const trajectorySchema = z.union(
  [z.enum(TRAJECTORY_KINDS), z.strictObject({ apogee_km: positive('an apogee in km > 0') })],
  { error: 'min-energy, lofted, depressed or {apogee_km: N}' },
);

export const payloadSchema = z.strictObject({
  warheads: int({ min: 1, max: 100 }),
  decoys: int({ min: 0, max: 1000 }).default(0),
  /** Mass carried to burnout when it differs from the catalog's (the range/payload trade). */
  throwWeight_kg: positive('a throw weight in kg > 0').optional(),
});

export const threatSchema = z.strictObject({
  id: id(),
  missile: id('a missile id from the catalog'),
  launch: launchSchema,
  target: targetSchema,
  trajectory: trajectorySchema.default('min-energy'),
  payload: payloadSchema.default({ warheads: 1, decoys: 0 }),
  /** Salvo size: this many identical missiles launched together. */
  count: int({ min: 1, max: 10_000 }).default(1),
});

export const radarSensorSchema = z.looseObject({
  id: id(),
  type: z.literal('radar'),
  catalog: id('a radar id from the catalog'),
  site: sitePositionSchema,
  /** Face boresight azimuth, degrees clockwise from north (phased arrays). */
  boresightAz_deg: num({ min: 0, lt: 360 }).optional(),
  /** Who operates it (e.g. US, RU): tracking runs can use one nation's sensors or all. */
  nation: text('a nation code such as US or RU').optional(),
  /** Treaty role (aspis treaty); default from the catalog class (early-warning → early-warning). */
  role: z.enum(RADAR_ROLES, { error: `a radar role: ${RADAR_ROLES.join(', ')}` }).optional(),
  /** Treaty basing (ABM Treaty Art. V); default fixed. */
  basing: z.enum(BASINGS, { error: `a basing: ${BASINGS.join(', ')}` }).optional(),
  /** Distance to the national border or coast, for "periphery" (Art. VI(b)), when known. */
  borderDistance_km: nonNegative('a distance in km ≥ 0').optional(),
});

/** A highly elliptical orbit; Molniya-like defaults are the world builder's business. */
export const heoOrbitSchema = z.looseObject({
  apogee_km: positive().optional(),
  perigee_km: positive().optional(),
  inclination_deg: num({ min: 0, max: 180 }).optional(),
  raan_deg: num({ min: 0, lt: 360 }).optional(),
  argPerigee_deg: num({ min: 0, lt: 360 }).optional(),
  meanAnomaly_deg: num({ min: 0, lt: 360 }).optional(),
});

export const irSatelliteSensorSchema = z.looseObject({
  id: id(),
  type: z.literal('ir-satellite'),
  catalog: id('an IR-satellite id from the catalog'),
  nation: text('a nation code such as US or RU').optional(),
  orbit: z.union(
    [z.strictObject({ geo_lon_deg: lonDeg() }), z.strictObject({ heo: heoOrbitSchema })],
    { error: 'an orbit: {geo_lon_deg} or {heo: {…}}' },
  ),
});

export const SENSOR_TYPES = ['radar', 'ir-satellite'] as const;
export const sensorSchema = z.discriminatedUnion(
  'type',
  [radarSensorSchema, irSatelliteSensorSchema],
  {
    error: `a sensor type: ${SENSOR_TYPES.join(' or ')}`,
  },
);

export const defenseSiteSchema = z.looseObject({
  id: id(),
  interceptor: id('an interceptor id from the catalog'),
  count: int({ min: 0, max: 10_000 }),
  site: sitePositionSchema,
  /** Treaty party operating the site (aspis treaty); default from the site's country. */
  party: text('a party code such as US or RU').optional(),
  /** Treaty basing (ABM Treaty Art. V); default fixed. */
  basing: z.enum(BASINGS, { error: `a basing: ${BASINGS.join(', ')}` }).optional(),
  /** Launchers at the site (default: one per interceptor, ABM Treaty Art. V(2)). */
  launchers: int({ min: 0, max: 10_000 }).optional(),
});

/**
 * A treaty party's declared geography (aspis treaty, docs/treaty.md); anything left out comes
 * from scenario/treaty-facts.ts defaults for US and RU.
 */
export const partySchema = z.strictObject({
  id: text('a party code such as US or RU'),
  capital: sitePositionSchema.optional(),
  siloFields: z.array(sitePositionSchema).optional(),
  /** The deployment area the party chose under the 1974 Protocol (capital or a silo field). */
  deploymentArea: sitePositionSchema.optional(),
  territoryCentre: geoPointSchema.optional(),
  testRanges: z
    .array(z.strictObject({ site: sitePositionSchema, radius_km: positive('a radius in km > 0') }))
    .optional(),
});

/** A declared interceptor test (1997 demarcation, ABM Treaty Art. VI(a)). */
export const interceptorTestSchema = z.strictObject({
  id: id(),
  interceptor: id('an interceptor id from the catalog'),
  party: text('a party code such as US or RU').optional(),
  targetSpeed_kmps: positive('a target speed in km/s > 0').optional(),
  targetRange_km: positive('a target range in km > 0').optional(),
});

export const DOCTRINE_KINDS = ['barrage', 'shoot-look-shoot'] as const;
export const doctrineSchema = z.looseObject({
  kind: z.enum(DOCTRINE_KINDS, { error: `a doctrine: ${DOCTRINE_KINDS.join(' or ')}` }),
  shotsPerSalvo: int({ min: 1, max: 100 }).optional(),
  maxShotsPerThreat: int({ min: 1, max: 100 }).optional(),
});

const probability = () => num({ min: 0, max: 1 }, 'a probability between 0 and 1');

/**
 * Discrimination as probabilities of correct classification (engagement/discrimination.ts).
 * Defaults (scenario/engagement-trial.ts): pRvAsRv 0.9, pDecoyAsDecoy 0.9, no atmospheric filter.
 */
export const discriminationSchema = z.looseObject({
  pRvAsRv: probability(),
  pDecoyAsDecoy: probability(),
  filterAltitude_km: nonNegative('an altitude in km ≥ 0').optional(),
});

/** Kill assessment errors and latency (defaults: 0.05, 0.05, 30 s). */
export const killAssessmentSchema = z.looseObject({
  pMissedKill: probability(),
  pFalseKill: probability(),
  time_s: nonNegative('a time in s ≥ 0'),
});

export const defenseSchema = z.looseObject({
  sites: z.array(defenseSiteSchema).default([]),
  doctrine: doctrineSchema,
  discrimination: discriminationSchema.optional(),
  killAssessment: killAssessmentSchema.optional(),
  /** From a track to the decision to fire (default 30 s). */
  commitDelay_s: nonNegative('a time in s ≥ 0').optional(),
  /**
   * An idealised defense for checking the machinery against closed forms: every RV is tracked
   * and recognised at release, every engagement is feasible, and each shot kills with
   * sspk × reliability (builtin:ideal-defense).
   */
  ideal: z.strictObject({ sspk: probability(), reliability: probability().default(1) }).optional(),
});

export const analysisSchema = z.strictObject({
  trials: int({ min: 1, max: 100_000_000 }),
});

export const catalogRefSchema = z.union(
  [z.literal('builtin'), z.array(text('a catalog file path'))],
  { error: 'builtin or a list of extra catalog files' },
);

export const scenarioSchema = z
  .strictObject({
    aspis: z.literal(1, { error: '1 (the scenario format version)' }),
    name: text('a scenario name'),
    description: text().optional(),
    epoch: z.iso.datetime({ error: 'an ISO-8601 UTC time such as 2001-11-13T00:00:00Z' }),
    seed: int({ min: 0 }, 'a non-negative safe integer'),
    /** `builtin`, or a list of extra catalog files (read after the built-in catalog). */
    catalog: catalogRefSchema.default('builtin'),
    threats: z.array(threatSchema).default([]),
    sensors: z.array(sensorSchema).default([]),
    defense: defenseSchema.optional(),
    treaties: z.array(id('a treaty id such as abm-1972')).default([]),
    /** Treaty parties' declared geography (optional; aspis treaty). */
    parties: z.array(partySchema).optional(),
    /** Declared interceptor tests (optional; aspis treaty). */
    tests: z.array(interceptorTestSchema).optional(),
    analysis: analysisSchema.default({ trials: 1 }),
  })
  .superRefine((s, ctx) => {
    // Engagements, tracks and results refer to objects by id, so ids share one namespace.
    const seen = new Map<string, string>();
    const groups: [string, readonly { id: string }[]][] = [
      ['threats', s.threats],
      ['sensors', s.sensors],
      ['defense.sites', s.defense?.sites ?? []],
    ];
    for (const [group, items] of groups) {
      items.forEach((item, i) => {
        const here = `${group}[${i}].id`;
        const first = seen.get(item.id);
        if (first === undefined) {
          seen.set(item.id, here);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: [...group.split('.'), i, 'id'],
          message: `an id unique across threats, sensors and defense sites (${first} has it too)`,
          input: item.id,
        });
      });
    }
  });

export type Scenario = z.output<typeof scenarioSchema>;
/** What a file may contain (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type GeoPoint = z.output<typeof geoPointSchema>;
export type SitePosition = z.output<typeof sitePositionSchema>;
export type LaunchSpec = z.output<typeof launchSchema>;
export type TargetSpec = z.output<typeof targetSchema>;
export type TrajectorySpec = z.output<typeof trajectorySchema>;
export type PayloadSpec = z.output<typeof payloadSchema>;
export type ThreatSpec = z.output<typeof threatSchema>;
export type RadarSensorSpec = z.output<typeof radarSensorSchema>;
export type IrSatelliteSensorSpec = z.output<typeof irSatelliteSensorSchema>;
export type SensorSpec = z.output<typeof sensorSchema>;
export type DefenseSiteSpec = z.output<typeof defenseSiteSchema>;
export type DoctrineSpec = z.output<typeof doctrineSchema>;
export type DefenseSpec = z.output<typeof defenseSchema>;
export type PartySpec = z.output<typeof partySchema>;
export type InterceptorTestSpec = z.output<typeof interceptorTestSchema>;
export type AnalysisSpec = z.output<typeof analysisSchema>;

/** The scenario file's JSON Schema (draft 2020-12), describing what a file may contain. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
