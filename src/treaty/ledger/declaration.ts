/**
 * A ledger entry: one declaration by one party, hashed as the UTF-8 bytes of its canonical JSON
 * (see canonical-json.ts): `{"body":{…},"party":"us","time":"2001-12-13T00:00:00Z","type":"…"}`.
 */
import { canonicalBytes, canonicalJson, CanonicalJsonError, type Json } from './canonical-json.ts';

/**
 * Declaration types. The first four are the verification flows of the issue (data exchanges,
 * notifications and inspections as in START I's Notification and Inspection Protocols); the
 * others record the instruments themselves and notices about them.
 */
export const DECLARATION_TYPES = [
  'force-data',
  'site-notification',
  'test-notification',
  'inspection-report',
  'treaty-text',
  'withdrawal-notice',
] as const;
export type DeclarationType = (typeof DECLARATION_TYPES)[number];

export interface Declaration {
  type: DeclarationType;
  party: string;
  /** ISO-8601 UTC, e.g. `2001-12-13T00:00:00Z`. */
  time: string;
  body: { [key: string]: Json };
}

/**
 * A party name: lowercase letters, digits and hyphens, starting with a letter, at most 32
 * characters. It is also a file name (keys/<party>.key), so it never holds `/`, `.` or `..`.
 */
export const PARTY_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;

export function isPartyName(x: unknown): x is string {
  return typeof x === 'string' && PARTY_NAME.test(x);
}

/** A real instant written as ISO-8601 UTC with a `Z` (no offsets, no local times). */
export function isIsoUtc(x: unknown): x is string {
  if (typeof x !== 'string') return false;
  const m = ISO_UTC.exec(x);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

export interface FieldIssue {
  path: string;
  expected: string;
  got: unknown;
}

const FIELDS = ['type', 'party', 'time', 'body'];

/** Checks a parsed declaration file; every problem is reported with its field path. */
export function checkDeclaration(v: unknown): {
  declaration: Declaration | null;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return {
      declaration: null,
      issues: [{ path: '', expected: 'an object with type, party, time and body', got: v }],
    };
  }
  const o = v as Record<string, unknown>;
  if (!(DECLARATION_TYPES as readonly unknown[]).includes(o.type)) {
    issues.push({ path: 'type', expected: `one of ${DECLARATION_TYPES.join(', ')}`, got: o.type });
  }
  if (!isPartyName(o.party)) {
    issues.push({
      path: 'party',
      expected: 'a party name (lowercase letters, digits, hyphens; e.g. "us", "ru")',
      got: o.party,
    });
  }
  if (!isIsoUtc(o.time)) {
    issues.push({
      path: 'time',
      expected: 'an ISO-8601 UTC time such as "2001-12-13T00:00:00Z"',
      got: o.time,
    });
  }
  if (typeof o.body !== 'object' || o.body === null || Array.isArray(o.body)) {
    issues.push({ path: 'body', expected: 'an object with the declared data', got: o.body });
  } else {
    try {
      canonicalJson(o.body);
    } catch (e) {
      if (!(e instanceof CanonicalJsonError)) throw e;
      issues.push({
        path: `body${e.path.startsWith('[') ? '' : '.'}${e.path}`,
        expected: e.expected,
        got: undefined,
      });
    }
  }
  for (const k of Object.keys(o)) {
    if (!FIELDS.includes(k)) {
      issues.push({ path: k, expected: `no other fields than ${FIELDS.join(', ')}`, got: o[k] });
    }
  }
  if (issues.length > 0) return { declaration: null, issues };
  const d: Declaration = {
    type: o.type as DeclarationType,
    party: o.party as string,
    time: o.time as string,
    body: o.body as Declaration['body'],
  };
  return { declaration: d, issues };
}

/** The entry bytes the Merkle tree hashes (throws CanonicalJsonError for a non-JSON body). */
export function encodeDeclaration(d: Declaration): Uint8Array {
  return canonicalBytes(d);
}
