/**
 * Schemas for the sensor catalog (catalog/radars.yaml, catalog/ir-satellites.yaml). A radar entry
 * validates into exactly the `RadarSpec` the sensor models take, an IR-satellite entry into
 * exactly `IrSatelliteSpec` (checked at the type level below, both ways, as catalog-schema.ts
 * does for MissileSpec).
 *
 * Beyond types and ranges, each entry is cross-checked for physical consistency, and every
 * failure names the field to fix (`generic-tpy2.params.maxElevation_deg: expected a number
 * above minElevation_deg (85), got 80`):
 * - a radar needs an antenna (gain_dB or aperture_m2; when both are given they must agree within
 *   1 dB through G = 4πA_e/λ², Skolnik 2001 eq. 2.6, because the model would silently use
 *   gain_dB), a pulse energy (pulseWidth_s or bandwidth_Hz), a noise level (noiseFigure_dB or
 *   systemNoiseTemp_K), elevation limits with min < max, an azimuth sector of half-width in
 *   (0, 180], a range-rate accuracy when it measures range rate, and a `band` that names the
 *   IEEE letter band of its frequency (rcs.ts `bandOf`: RCS lookups go by band);
 * - an IR satellite's class must match its orbit kind (geo-* ↔ geo, heo ↔ heo), a GEO entry
 *   carries no HEO elements, and an HEO orbit's perigee must clear the atmosphere.
 *
 * Entries are strict: a misspelt parameter (`peakpower_W`) is an error, never a silently
 * missing number in a physics model.
 */
import { z } from 'zod';
import { WGS84_A_m } from '../core/constants.ts';
import { toDb } from '../core/units.ts';
import { gainFromAperture, wavelength_m } from '../sensors/radar-equation.ts';
import { molniyaElements } from '../sensors/ir-satellite.ts';
import { bandOf } from '../sensors/rcs.ts';
import type { IrSatelliteSpec, RadarSpec } from '../sensors/sensor-spec.ts';
import { id, int, lonDeg, nonNegative, num, positive, sources, text } from './fields.ts';

export const RADAR_CLASSES = [
  'early-warning',
  'discrimination',
  'forward-based',
  'battle-management',
  'fire-control',
] as const;
export const RADAR_BANDS = ['VHF', 'UHF', 'L', 'S', 'X'] as const;
export const IR_SATELLITE_CLASSES = ['geo-scanning', 'geo-staring', 'heo'] as const;

/** Lowest HEO perigee altitude accepted: below ~200 km drag decays an orbit within days. */
const MIN_PERIGEE_ALT_m = 200e3;
/** How far gain_dB and the gain implied by aperture_m2 may differ when both are given. */
const GAIN_AGREEMENT_dB = 1;

type Ctx = z.core.$RefinementCtx;
const issue = (ctx: Ctx, path: PropertyKey[], message: string, input: unknown): void =>
  ctx.addIssue({ code: 'custom', path, message, input });

export const radarParamsSchema = z
  .strictObject({
    peakPower_W: positive('a peak power in W > 0'),
    gain_dB: positive('an antenna gain in dB > 0').optional(),
    aperture_m2: positive('an effective aperture in m² > 0').optional(),
    frequency_Hz: positive('a frequency in Hz > 0'),
    pulseWidth_s: positive('a pulse width in s > 0').optional(),
    bandwidth_Hz: positive('a bandwidth in Hz > 0').optional(),
    pulsesIntegrated: int({ min: 1 }, 'a number of pulses integrated, an integer ≥ 1'),
    integration: z
      .enum(['coherent', 'noncoherent'], { error: 'coherent or noncoherent' })
      .optional(),
    noiseFigure_dB: nonNegative('a noise figure in dB ≥ 0').optional(),
    systemNoiseTemp_K: positive('a system noise temperature in K > 0').optional(),
    losses_dB: nonNegative('system losses in dB ≥ 0'),
    requiredSnr_dB: num({ min: -20, max: 40 }, 'a required SNR in dB between -20 and 40'),
    falseAlarmProbability: num({ gt: 0, lt: 1 }, 'a false-alarm probability in (0, 1)').optional(),
    minElevation_deg: num({ min: -90, lt: 90 }, 'a minimum elevation in degrees in [-90, 90)'),
    maxElevation_deg: num({ gt: -90, max: 90 }, 'a maximum elevation in degrees in (-90, 90]'),
    azimuthCenter_deg: num({ min: -180, lt: 360 }, 'a boresight azimuth in degrees in [-180, 360)'),
    azimuthHalfWidth_deg: num(
      { gt: 0, max: 180 },
      'an azimuth half-width in degrees in (0, 180] (180: all round)',
    ),
    maxInstrumentedRange_m: positive('an instrumented range in m > 0'),
    revisit_s: positive('a revisit time in s > 0'),
    rangeAccuracy_m: positive('a range accuracy (1-σ) in m > 0'),
    angleAccuracy_rad: num({ gt: 0, lt: Math.PI }, 'an angle accuracy (1-σ) in rad in (0, π)'),
    referenceSnr_dB: num(
      { min: -20, max: 60 },
      'a reference SNR in dB between -20 and 60',
    ).optional(),
    measuresRangeRate: z.boolean({ error: 'true or false' }),
    rangeRateAccuracy_mps: positive('a range-rate accuracy (1-σ) in m/s > 0').optional(),
  })
  .superRefine((p, ctx) => {
    if (p.gain_dB === undefined && p.aperture_m2 === undefined)
      issue(
        ctx,
        ['gain_dB'],
        'an antenna gain_dB or an effective aperture_m2 (neither given)',
        p.gain_dB,
      );
    if (p.gain_dB !== undefined && p.aperture_m2 !== undefined) {
      const implied_dB = toDb(gainFromAperture(p.aperture_m2, wavelength_m(p.frequency_Hz)));
      if (Math.abs(implied_dB - p.gain_dB) > GAIN_AGREEMENT_dB)
        issue(
          ctx,
          ['aperture_m2'],
          `an aperture consistent with gain_dB ${p.gain_dB} (it implies ${implied_dB.toFixed(1)} dB at ${p.frequency_Hz} Hz; give one of the two)`,
          p.aperture_m2,
        );
    }
    if (p.pulseWidth_s === undefined && p.bandwidth_Hz === undefined)
      issue(ctx, ['pulseWidth_s'], 'a pulseWidth_s or a bandwidth_Hz (neither given)', undefined);
    if (p.noiseFigure_dB === undefined && p.systemNoiseTemp_K === undefined)
      issue(
        ctx,
        ['noiseFigure_dB'],
        'a noiseFigure_dB or a systemNoiseTemp_K (neither given)',
        undefined,
      );
    if (p.maxElevation_deg <= p.minElevation_deg)
      issue(
        ctx,
        ['maxElevation_deg'],
        `a maximum elevation above minElevation_deg (${p.minElevation_deg})`,
        p.maxElevation_deg,
      );
    if (p.measuresRangeRate && p.rangeRateAccuracy_mps === undefined)
      issue(
        ctx,
        ['rangeRateAccuracy_mps'],
        'a range-rate accuracy in m/s > 0 (measuresRangeRate is true)',
        undefined,
      );
  });

export const radarReferenceSchema = z.strictObject({
  rcs_m2: positive('a radar cross section in m² > 0'),
  range_km: positive('a published detection range in km > 0'),
  basis: text('where the reference figure comes from'),
  confidence: z.enum(['published', 'interpreted', 'derived'], {
    error: 'published, interpreted or derived',
  }),
});

export const radarEntrySchema = z
  .strictObject({
    id: id(),
    name: text('a display name'),
    class: z.enum(RADAR_CLASSES, { error: `a radar class: ${RADAR_CLASSES.join(', ')}` }),
    approximates: text('the real system(s) this generic entry approximates'),
    band: z.enum(RADAR_BANDS, { error: `a radar band: ${RADAR_BANDS.join(', ')}` }),
    params: radarParamsSchema,
    reference: radarReferenceSchema,
    sources,
    notes: text().optional(),
  })
  .superRefine((r, ctx) => {
    const band = bandOf(r.params.frequency_Hz);
    if (band !== r.band)
      issue(
        ctx,
        ['band'],
        `the band of params.frequency_Hz (${r.params.frequency_Hz} Hz is ${band})`,
        r.band,
      );
  });

export const irSensorParamsSchema = z.strictObject({
  losAccuracy_rad: num({ gt: 0, lt: Math.PI }, 'a line-of-sight accuracy (1-σ) in rad in (0, π)'),
  revisit_s: positive('a revisit time in s > 0'),
  fieldOfRegardHalfAngle_deg: num(
    { gt: 0, max: 90 },
    'a field-of-regard half-angle in degrees in (0, 90]',
  ),
  cloudTopAlt_m: num(
    { min: 0, max: 30000 },
    'a cloud-top altitude in m between 0 and 30000',
  ).optional(),
  limbGrazingMargin_m: nonNegative('a limb margin in m ≥ 0').optional(),
  pdPerLook: num({ gt: 0, max: 1 }, 'a detection probability per look in (0, 1]').optional(),
});

const HEO_FIELDS = [
  'semiMajorAxis_m',
  'eccentricity',
  'inclination_deg',
  'argPerigee_deg',
] as const;

export const irOrbitSchema = z
  .strictObject({
    kind: z.enum(['geo', 'heo'], { error: 'geo or heo' }),
    geoLon_deg: lonDeg().optional(),
    semiMajorAxis_m: num({ gt: WGS84_A_m }, `a semi-major axis in m > ${WGS84_A_m}`).optional(),
    eccentricity: num({ min: 0, lt: 1 }, 'an eccentricity in [0, 1)').optional(),
    inclination_deg: num(
      { min: 0, max: 180 },
      'an inclination in degrees between 0 and 180',
    ).optional(),
    argPerigee_deg: num(
      { min: -180, lt: 360 },
      'an argument of perigee in degrees in [-180, 360)',
    ).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.kind === 'geo') {
      for (const f of HEO_FIELDS)
        if (o[f] !== undefined)
          issue(
            ctx,
            [f],
            `no ${f} on a geo orbit (a geostationary orbit has fixed elements)`,
            o[f],
          );
      return;
    }
    if (o.geoLon_deg !== undefined)
      issue(ctx, ['geoLon_deg'], 'no geoLon_deg on an heo orbit', o.geoLon_deg);
    // Missing elements default to the Molniya-like orbit of ir-satellite.ts.
    const molniya = molniyaElements(0);
    const a = o.semiMajorAxis_m ?? molniya.semiMajorAxis_m;
    const e = o.eccentricity ?? molniya.eccentricity;
    const perigeeAlt_m = a * (1 - e) - WGS84_A_m;
    if (perigeeAlt_m < MIN_PERIGEE_ALT_m) {
      const field = o.eccentricity !== undefined ? 'eccentricity' : 'semiMajorAxis_m';
      issue(
        ctx,
        [field],
        `an orbit whose perigee clears the atmosphere (a·(1 − e) − ${WGS84_A_m} m ≥ ${MIN_PERIGEE_ALT_m} m; it is ${perigeeAlt_m.toFixed(0)} m)`,
        o[field],
      );
    }
  });

export const irSatelliteEntrySchema = z
  .strictObject({
    id: id(),
    name: text('a display name'),
    class: z.enum(IR_SATELLITE_CLASSES, {
      error: `an IR-satellite class: ${IR_SATELLITE_CLASSES.join(', ')}`,
    }),
    approximates: text('the real system(s) this generic entry approximates'),
    orbit: irOrbitSchema,
    params: irSensorParamsSchema,
    sources,
    notes: text().optional(),
  })
  .superRefine((s, ctx) => {
    const want = s.class === 'heo' ? 'heo' : 'geo';
    if (s.orbit.kind !== want)
      issue(ctx, ['orbit', 'kind'], `${want} (the orbit of a ${s.class} satellite)`, s.orbit.kind);
  });

export type RadarEntry = z.output<typeof radarEntrySchema>;
export type IrSatelliteEntry = z.output<typeof irSatelliteEntrySchema>;

// Type-level guards, both ways: the schemas' outputs are exactly the sensor models' inputs.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _radarEntryIsRadarSpec: Exact<RadarEntry, RadarSpec> = true;
const _irEntryIsIrSatelliteSpec: Exact<IrSatelliteEntry, IrSatelliteSpec> = true;
void _radarEntryIsRadarSpec;
void _irEntryIsIrSatelliteSpec;
