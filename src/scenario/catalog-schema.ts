/**
 * Schemas for catalog entries (DESIGN.md §5). A missile entry validates into exactly the
 * `MissileSpec` the flight model flies (checked at the type level below and in
 * catalog-schema.test.ts); a site entry is a named place scenarios refer to by id.
 *
 * Entries are strict: a misspelt parameter (`burntime_s`) must be an error, never a silently
 * missing number in a physics model.
 */
import { z } from 'zod';
import type { MissileSpec } from '../flight/missile-spec.ts';
import { id, int, latDeg, lonDeg, nonNegative, num, positive, sources, text } from './fields.ts';

export const MISSILE_CLASSES = ['srbm', 'mrbm', 'irbm', 'icbm', 'slbm'] as const;
export const PROPELLANTS = ['liquid', 'solid'] as const;

export const stageEntrySchema = z
  .strictObject({
    totalMass_kg: positive('a stage mass in kg > 0'),
    propellantMass_kg: positive('a propellant mass in kg > 0'),
    // Above ~480 s is beyond any chemical rocket (LH2/LOX vacuum Isp ≈ 450–465 s).
    isp_s: num({ gt: 0, max: 480 }, 'a specific impulse in seconds in (0, 480]'),
    burnTime_s: positive('a burn time in seconds > 0 (every stage needs one)'),
    diameter_m: positive('a body diameter in m > 0'),
    coastAfter_s: nonNegative('a coast time in seconds ≥ 0').optional(),
  })
  .superRefine((s, ctx) => {
    if (s.propellantMass_kg >= s.totalMass_kg)
      ctx.addIssue({
        code: 'custom',
        path: ['propellantMass_kg'],
        message: `a propellant mass below the stage's totalMass_kg (${s.totalMass_kg})`,
        input: s.propellantMass_kg,
      });
  });

export const dragTableSchema = z
  .strictObject({
    // readonly to match DragTable exactly (the flight model never mutates a table).
    mach: z.array(nonNegative('a Mach number ≥ 0')).min(2).readonly(),
    cd: z.array(positive('a drag coefficient > 0')).min(2).readonly(),
  })
  .superRefine((t, ctx) => {
    if (t.cd.length !== t.mach.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['cd'],
        message: `as many cd values as mach values (${t.mach.length})`,
        input: t.cd,
      });
      return;
    }
    for (let i = 1; i < t.mach.length; i++) {
      if (t.mach[i] <= t.mach[i - 1]) {
        ctx.addIssue({
          code: 'custom',
          path: ['mach', i],
          message: `a Mach number above the previous one (${t.mach[i - 1]}): the table must ascend`,
          input: t.mach[i],
        });
        return;
      }
    }
  });

export const missileEntrySchema = z
  .strictObject({
    id: id(),
    name: text('a display name'),
    class: z.enum(MISSILE_CLASSES, { error: `a missile class: ${MISSILE_CLASSES.join(', ')}` }),
    approximates: text('the real system(s) this generic entry approximates'),
    propellant: z.enum(PROPELLANTS, { error: 'liquid or solid' }),
    stages: z
      .array(stageEntrySchema, { error: 'a list of stages' })
      .min(1, { error: 'at least one stage' }),
    payload_kg: positive('a payload (throw weight) in kg > 0'),
    reentryVehicle: z.strictObject({
      mass_kg: positive('a reentry-vehicle mass in kg > 0'),
      ballisticCoefficient_kgpm2: positive('a ballistic coefficient in kg/m² > 0'),
    }),
    maxWarheads: int({ min: 1, max: 100 }).optional(),
    publishedRange_km: positive('a published range in km > 0'),
    publishedRangePayload_kg: positive('a payload in kg > 0').optional(),
    verticalRise_s: nonNegative('a vertical-rise time in seconds ≥ 0'),
    dragTable: dragTableSchema.optional(),
    sources,
    notes: text().optional(),
  })
  .superRefine((m, ctx) => {
    // The reentry vehicle is part of the payload carried to burnout.
    if (m.reentryVehicle.mass_kg > m.payload_kg)
      ctx.addIssue({
        code: 'custom',
        path: ['reentryVehicle', 'mass_kg'],
        message: `a reentry-vehicle mass no larger than payload_kg (${m.payload_kg})`,
        input: m.reentryVehicle.mass_kg,
      });
  });

export type MissileEntry = z.output<typeof missileEntrySchema>;

// Type-level guard, both ways: the schema's output is exactly the flight model's input.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _missileEntryIsMissileSpec: Exact<MissileEntry, MissileSpec> = true;
void _missileEntryIsMissileSpec;

export const SITE_KINDS = ['launch', 'city', 'radar', 'defense', 'capital'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const siteEntrySchema = z.strictObject({
  id: id(),
  name: text('a display name'),
  lat_deg: latDeg(),
  lon_deg: lonDeg(),
  /** Height above the WGS-84 ellipsoid; 0 when absent. */
  alt_m: num({ min: -500, max: 9000 }).optional(),
  country: text('a country name'),
  kind: z.enum(SITE_KINDS, { error: `a site kind: ${SITE_KINDS.join(', ')}` }),
  sources,
  notes: text().optional(),
});

export type SiteEntry = z.output<typeof siteEntrySchema>;

// Radar and IR-satellite entries: sensor-catalog-schema.ts.
