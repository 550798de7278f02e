/**
 * Schema for interceptor catalog entries (DESIGN.md §5, catalog `interceptors.yaml`). An entry
 * validates into exactly the `InterceptorSpec` the engagement layer flies (checked at the type
 * level below). Strict objects: a misspelt parameter is an error, never a silently missing number.
 */
import { z } from 'zod';
import {
  INTERCEPTOR_CLASSES,
  KILL_MECHANISMS,
  type InterceptorSpec,
} from '../engagement/interceptor-spec.ts';
import { stageEntrySchema } from './catalog-schema.ts';
import { id, nonNegative, num, positive, sources, text } from './fields.ts';

const probability = (what: string) => num({ min: 0, max: 1 }, `${what} between 0 and 1`);

export const interceptorEntrySchema = z
  .strictObject({
    id: id(),
    name: text('a display name'),
    class: z.enum(INTERCEPTOR_CLASSES, {
      error: `an interceptor class: ${INTERCEPTOR_CLASSES.join(', ')}`,
    }),
    approximates: text('the real system(s) this generic entry approximates'),
    stages: z
      .array(stageEntrySchema, { error: 'a list of stages' })
      .min(1, { error: 'at least one stage' }),
    killVehicle: z.strictObject({
      mass_kg: positive('a kill-vehicle mass in kg > 0'),
      divert_mps: nonNegative('a divert capability in m/s ≥ 0'),
      mechanism: z.enum(KILL_MECHANISMS, {
        error: `a kill mechanism: ${KILL_MECHANISMS.join(', ')}`,
      }),
      lethalRadius_m: positive('a lethal radius in m > 0'),
    }),
    coastBallisticCoefficient_kgpm2: positive('a ballistic coefficient in kg/m² > 0'),
    minInterceptAlt_m: nonNegative('an altitude in m ≥ 0'),
    maxInterceptAlt_m: positive('an altitude in m > 0'),
    minGroundRange_m: nonNegative('a ground range in m ≥ 0'),
    maxGroundRange_m: positive('a ground range in m > 0'),
    maxBallisticRange_m: positive('a ground range in m > 0').optional(),
    maxFlightTime_s: positive('a flight time in seconds > 0'),
    burnoutSpeed_mps: positive('a burnout speed in m/s > 0'),
    burnoutSpeedBasis: z.enum(['published', 'estimated'], { error: 'published or estimated' }),
    sspk: z.strictObject({
      rv: probability('a kill probability'),
      decoy: probability('a kill probability'),
      aircraft: probability('a kill probability').optional(),
    }),
    reliability: probability('a reliability'),
    maxTargetSpeed_mps: positive('a target speed in m/s > 0').optional(),
    reactionTime_s: nonNegative('a reaction time in seconds ≥ 0'),
    verticalRise_s: nonNegative('a vertical-rise time in seconds ≥ 0'),
    sources,
    notes: text().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.maxInterceptAlt_m <= e.minInterceptAlt_m)
      ctx.addIssue({
        code: 'custom',
        path: ['maxInterceptAlt_m'],
        message: `an altitude above minInterceptAlt_m (${e.minInterceptAlt_m})`,
        input: e.maxInterceptAlt_m,
      });
    if (e.maxGroundRange_m <= e.minGroundRange_m)
      ctx.addIssue({
        code: 'custom',
        path: ['maxGroundRange_m'],
        message: `a ground range above minGroundRange_m (${e.minGroundRange_m})`,
        input: e.maxGroundRange_m,
      });
  });

export type InterceptorEntry = z.output<typeof interceptorEntrySchema>;

// Type-level guard, both ways: the schema's output is exactly the engagement layer's input.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _interceptorEntryIsSpec: Exact<InterceptorEntry, InterceptorSpec> = true;
void _interceptorEntryIsSpec;
