/**
 * The catalog: generic missiles, named sites and (in later issues) radars, IR satellites and
 * interceptors, loaded from YAML/JSON texts. It never reads files itself (src/node/files.ts
 * does); it validates texts and answers lookups with errors that name where the reference was.
 *
 * File layout — two forms, chosen per file:
 * - a plain list, whose kind comes from the file name: `missiles.yaml` holds missiles,
 *   `sites.yaml` sites (the plural of each registered kind, with .yaml, .yml or .json);
 * - a mapping whose top-level keys are kind plurals, for files that mix kinds:
 *   `{ missiles: [...], sites: [...] }` (handy for a scenario's own local catalog file).
 *
 * Adding a kind (interceptors, …) is one schema and one entry in ENTRY_KINDS; a kind's
 * singular name is what scenarios' reference checks ask for (`catalog.hasKind('interceptor')`).
 * Ids are unique within a kind across all files; a repeated id is an error, not an override.
 */
import { z } from 'zod';
import { AspisError } from '../core/errors.ts';
import { nearest } from '../core/nearest.ts';
import type { MissileSpec } from '../flight/missile-spec.ts';
import type { IrSatelliteSpec, RadarSpec } from '../sensors/sensor-spec.ts';
import { missileEntrySchema, siteEntrySchema, type SiteEntry } from './catalog-schema.ts';
import { irSatelliteEntrySchema, radarEntrySchema } from './sensor-catalog-schema.ts';
import { interceptorEntrySchema } from './interceptor-catalog-schema.ts';
import type { InterceptorSpec } from '../engagement/interceptor-spec.ts';
import { ID_PATTERN } from './fields.ts';
import { validate } from './issues.ts';
import { parseDataText } from './parse-text.ts';

interface EntryKindDef {
  /** Plural: the list file's base name and the mapping key. */
  plural: string;
  /** How a reference to this kind reads after "expected". */
  noun: string;
  schema: z.ZodType<{ id: string; name: string }>;
}

/** The registry of entry kinds. */
export const ENTRY_KINDS = {
  missile: {
    plural: 'missiles',
    noun: 'a missile id from the catalog',
    schema: missileEntrySchema,
  },
  site: { plural: 'sites', noun: 'a site id from the catalog', schema: siteEntrySchema },
  radar: { plural: 'radars', noun: 'a radar id from the catalog', schema: radarEntrySchema },
  'ir-satellite': {
    plural: 'ir-satellites',
    noun: 'an IR-satellite id from the catalog',
    schema: irSatelliteEntrySchema,
  },
  interceptor: {
    plural: 'interceptors',
    noun: 'an interceptor id from the catalog',
    schema: interceptorEntrySchema,
  },
} as const satisfies Record<string, EntryKindDef>;

export type EntryKindName = keyof typeof ENTRY_KINDS;
export type EntryOf<K extends EntryKindName> = z.output<(typeof ENTRY_KINDS)[K]['schema']>;

const KIND_NAMES = Object.keys(ENTRY_KINDS) as EntryKindName[];
const isKindName = (k: string): k is EntryKindName => Object.hasOwn(ENTRY_KINDS, k);
const kindByPlural = (plural: string): EntryKindName | undefined =>
  KIND_NAMES.find((k) => ENTRY_KINDS[k].plural === plural);

/** Where a reference appears, for error messages: `nmd.yaml: threats[0].missile`. */
export interface RefSite {
  file?: string;
  path?: string;
}

export interface CatalogText {
  file: string;
  text: string;
}

export interface CatalogListing {
  kind: EntryKindName;
  id: string;
  name: string;
  file: string;
}

interface Stored {
  entry: { id: string; name: string };
  file: string;
  path: string;
}

export class Catalog {
  private readonly byKind = new Map<EntryKindName, Map<string, Stored>>();
  private readonly fileList: string[] = [];

  private constructor() {}

  static empty(): Catalog {
    return new Catalog();
  }

  /** Parses and validates every text; throws AspisError naming file and entry path. */
  static fromYamlTexts(texts: readonly CatalogText[]): Catalog {
    return Catalog.empty().withTexts(texts);
  }

  /** A new catalog with these files' entries added (the receiver is unchanged). */
  withTexts(texts: readonly CatalogText[]): Catalog {
    const next = new Catalog();
    for (const [kind, entries] of this.byKind) next.byKind.set(kind, new Map(entries));
    next.fileList.push(...this.fileList);
    for (const t of texts) next.addText(t);
    return next;
  }

  get files(): readonly string[] {
    return this.fileList;
  }

  /** True when some loaded file supplied this kind (even an empty list of it). */
  hasKind(kind: string): kind is EntryKindName {
    return isKindName(kind) && this.byKind.has(kind);
  }

  has(kind: EntryKindName, id: string): boolean {
    return this.byKind.get(kind)?.has(id) ?? false;
  }

  /** The entry, or an AspisError at `where` suggesting the nearest ids. */
  get<K extends EntryKindName>(kind: K, id: string, where: RefSite = {}): EntryOf<K> {
    const stored = this.byKind.get(kind)?.get(id);
    if (stored) return stored.entry as EntryOf<K>;
    const known = this.ids(kind);
    throw new AspisError({
      file: where.file,
      path: where.path,
      expected: ENTRY_KINDS[kind].noun,
      got: id,
      hint:
        known.length === 0
          ? `the catalog has no ${ENTRY_KINDS[kind].plural}`
          : `did you mean ${orList(nearest(id, known, 3))}?`,
    });
  }

  missile(id: string, where?: RefSite): MissileSpec {
    return this.get('missile', id, where);
  }

  site(id: string, where?: RefSite): SiteEntry {
    return this.get('site', id, where);
  }

  radar(id: string, where?: RefSite): RadarSpec {
    return this.get('radar', id, where);
  }

  irSatellite(id: string, where?: RefSite): IrSatelliteSpec {
    return this.get('ir-satellite', id, where);
  }

  interceptor(id: string, where?: RefSite): InterceptorSpec {
    return this.get('interceptor', id, where);
  }

  /** Sorted ids of one kind, or of every kind. */
  ids(kind?: EntryKindName): string[] {
    return this.list(kind).map((e) => e.id);
  }

  /** Sorted by kind, then id. */
  list(kind?: EntryKindName): CatalogListing[] {
    const kinds = kind ? [kind] : KIND_NAMES;
    const out: CatalogListing[] = [];
    for (const k of kinds)
      for (const s of this.byKind.get(k)?.values() ?? [])
        out.push({ kind: k, id: s.entry.id, name: s.entry.name, file: s.file });
    return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  }

  /** The file an entry came from (for `aspis catalog show`). */
  fileOf(kind: EntryKindName, id: string): string | undefined {
    return this.byKind.get(kind)?.get(id)?.file;
  }

  private addText({ file, text }: CatalogText): void {
    const data = parseDataText(text, file);
    this.fileList.push(file);
    if (data === null || data === undefined) return; // an empty file adds nothing
    if (Array.isArray(data)) {
      const kind = kindByPlural(baseName(file));
      if (!kind)
        throw new AspisError({
          file,
          expected: `a file named ${orList(KIND_NAMES.map((k) => ENTRY_KINDS[k].plural + '.yaml'))} to hold a plain list, or a mapping with keys ${orList(KIND_NAMES.map((k) => ENTRY_KINDS[k].plural))}`,
          got: data,
        });
      this.addEntries(kind, data, file, '');
      return;
    }
    if (typeof data !== 'object')
      throw new AspisError({
        file,
        expected: 'a list of catalog entries or a mapping of kinds',
        got: data,
      });
    for (const [key, value] of Object.entries(data)) {
      const kind = kindByPlural(key);
      if (!kind) {
        const plurals = KIND_NAMES.map((k) => ENTRY_KINDS[k].plural);
        throw new AspisError({
          file,
          path: key,
          expected: `a catalog kind: ${orList(plurals)}`,
          got: key,
          hint: `did you mean ${orList(nearest(key, plurals, 2))}?`,
        });
      }
      if (!Array.isArray(value))
        throw new AspisError({ file, path: key, expected: `a list of ${key}`, got: value });
      this.addEntries(kind, value, file, key);
    }
  }

  private addEntries(kind: EntryKindName, items: unknown[], file: string, listPath: string): void {
    let table = this.byKind.get(kind);
    if (!table) {
      table = new Map();
      this.byKind.set(kind, table);
    }
    const schema = ENTRY_KINDS[kind].schema;
    items.forEach((raw, i) => {
      // Paths inside an entry start from its id (STYLE.md: `generic-irbm.stages[1].burnTime_s`).
      const rawId = (raw as { id?: unknown } | null)?.id;
      const prefix =
        typeof rawId === 'string' && ID_PATTERN.test(rawId) ? rawId : `${listPath}[${i}]`;
      const entry = validate(schema, raw, file, prefix);
      const previous = table.get(entry.id);
      if (previous)
        throw new AspisError({
          file,
          path: `${prefix}.id`,
          expected: `a ${kind} id not already in the catalog (${previous.file} has it)`,
          got: entry.id,
        });
      table.set(entry.id, { entry, file, path: prefix });
    });
  }
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.(ya?ml|json)$/i, '');
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
