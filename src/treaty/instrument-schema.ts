/**
 * The schema of a treaty instrument file (`treaties/*.yaml`): a versioned, declarative list of
 * rules, each citing its article and naming one check kind (checks.ts) with its parameters.
 * Strict objects, so a misspelt parameter is an error naming the file and field path
 * (`treaties/abm-1972.yaml: rules[2].check.max: expected an integer ≥ 0, got -1`).
 */
import { z } from 'zod';
import { AspisError } from '../core/errors.ts';

const text = (what: string) => z.string({ error: what }).min(1, { error: what });
const isoDate = () => z.iso.date({ error: 'a date such as 1972-05-26 (YYYY-MM-DD)' });
const km = (what: string) => z.number({ error: what }).positive({ error: what });
const count = () =>
  z.number({ error: 'an integer ≥ 0' }).int({ error: 'an integer ≥ 0' }).min(0, {
    error: 'an integer ≥ 0',
  });

export const INSTRUMENT_STATES = [
  'signed',
  'in-force',
  'signed-not-ratified',
  'withdrawn',
  'superseded',
] as const;
export type InstrumentState = (typeof INSTRUMENT_STATES)[number];

const statusEventSchema = z.strictObject({
  state: z.enum(INSTRUMENT_STATES, { error: `a state: ${INSTRUMENT_STATES.join(', ')}` }),
  from: isoDate(),
  note: text('a note').optional(),
});

const radius = () => km('a radius in km > 0');

/** Every check kind and its parameters; the `kind` names the function in checks.ts. */
export const checkSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('no-territorial-defense') }),
    z.strictObject({
      kind: z.literal('max-deployment-areas'),
      max: count(),
      radius_km: radius(),
    }),
    z.strictObject({ kind: z.literal('deployment-area-radius'), radius_km: radius() }),
    z.strictObject({
      kind: z.literal('max-launchers-in-area'),
      max: count(),
      radius_km: radius(),
    }),
    z.strictObject({
      kind: z.literal('max-interceptors-in-area'),
      max: count(),
      radius_km: radius(),
    }),
    z.strictObject({ kind: z.literal('no-sea-air-space-mobile') }),
    z.strictObject({ kind: z.literal('one-interceptor-per-launcher') }),
    z.strictObject({
      kind: z.literal('ew-radar-periphery-outward'),
      peripheryDistance_km: km('a distance in km > 0'),
    }),
    z.strictObject({
      kind: z.literal('power-aperture-limit'),
      max_Wm2: z.number({ error: 'a power-aperture in W·m² > 0' }).positive(),
      radius_km: radius(),
    }),
    z.strictObject({
      kind: z.literal('non-abm-no-abm-capability'),
      strategicTargetSpeed_kmps: km('a speed in km/s > 0'),
      strategicTargetRange_km: km('a range in km > 0'),
    }),
    z.strictObject({
      kind: z.literal('tmd-demarcation'),
      maxInterceptorSpeed_kmps: km('a speed in km/s > 0'),
      maxTargetSpeed_kmps: km('a speed in km/s > 0'),
      maxTargetRange_km: km('a range in km > 0'),
    }),
  ],
  { error: 'a check kind (see docs/treaty.md)' },
);
export type Check = z.output<typeof checkSchema>;
export type CheckKind = Check['kind'];

export const ruleSchema = z.strictObject({
  id: text('a rule id'),
  article: text('the article, paragraph or agreed statement, e.g. "Art. III(a)"'),
  text: text('the rule in a sentence'),
  check: checkSchema,
});
export type Rule = z.output<typeof ruleSchema>;

export const instrumentSchema = z
  .strictObject({
    id: z
      .string({ error: 'an instrument id such as abm-1972' })
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'an instrument id such as abm-1972' }),
    version: z.number({ error: 'a version number' }).int().min(1),
    title: text('a title'),
    signed: isoDate(),
    parties: z.array(text('a party code such as US'), { error: 'a list of parties' }).min(1),
    amends: text('the id of the instrument this one amends').optional(),
    status: z.array(statusEventSchema, { error: 'a list of status events' }).min(1),
    sources: z
      .array(
        z.strictObject({
          author: text('an author'),
          title: text('a title'),
          year: z.number({ error: 'a year' }).int(),
          where: text('where in the source').optional(),
        }),
      )
      .min(1, { error: 'at least one source' }),
    rules: z.array(ruleSchema, { error: 'a list of rules' }).min(1, { error: 'at least one rule' }),
  })
  .superRefine((ins, ctx) => {
    const seen = new Set<string>();
    ins.rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: 'a rule id unique within the instrument',
          input: r.id,
        });
      seen.add(r.id);
    });
  });
export type Instrument = z.output<typeof instrumentSchema>;

function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Validates parsed instrument data; errors name the file and the field path. */
export function parseInstrument(data: unknown, file: string): Instrument {
  const r = instrumentSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue ? [...issue.path] : [];
  let expected = issue?.message ?? 'a treaty instrument';
  if (issue?.code === 'unrecognized_keys')
    expected = `no field ${issue.keys.map((k) => `"${k}"`).join(', ')} (misspelt?)`;
  const got = valueAt(data, path);
  return (() => {
    throw new AspisError({
      file,
      path: formatPath(path) || undefined,
      expected,
      ...(issue?.code === 'unrecognized_keys' ? {} : { got }),
    });
  })();
}

/** The instrument's state on a date (ISO date or date-time); undefined before signature. */
export function statusAt(
  ins: Instrument,
  date: string,
): { state: InstrumentState; from: string; note?: string } | undefined {
  const day = date.slice(0, 10);
  let current: { state: InstrumentState; from: string; note?: string } | undefined;
  for (const e of [...ins.status].sort((a, b) => a.from.localeCompare(b.from)))
    if (e.from <= day) current = e;
  return current;
}
