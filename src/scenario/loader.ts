/**
 * Scenario text → validated `Scenario`, in three steps, each failing with one AspisError line:
 * 1. syntax (YAML or JSON) — `nmd.yaml:4:7: expected valid YAML (…)`;
 * 2. the schema — `nmd.yaml: threats[0].launch.time_s: expected a number ≥ 0, got "soon"`;
 * 3. catalog references — `nmd.yaml: threats[0].missile: expected a missile id from the
 *    catalog, got "generic-icbm-2stge" (did you mean generic-icbm-2stage-liquid?)`.
 * Pure: no file access (src/node/files.ts reads files and catalogs).
 */
import type { Catalog, RefSite } from './catalog.ts';
import { validate } from './issues.ts';
import { parseDataText } from './parse-text.ts';
import { scenarioSchema, type Scenario, type SitePosition } from './schema.ts';

/** Steps 1–3. */
export function parseScenario(text: string, file: string, catalog: Catalog): Scenario {
  const scenario = parseScenarioShape(text, file);
  checkScenarioReferences(scenario, file, catalog);
  return scenario;
}

/** Steps 1–2: syntax and schema, no catalog (used to learn which extra catalogs to load). */
export function parseScenarioShape(text: string, file: string): Scenario {
  return validateScenarioShape(parseDataText(text, file), file);
}

/** Step 2 on already-parsed data (the server and web editor receive JSON objects). */
export function validateScenarioShape(data: unknown, file: string): Scenario {
  return validate(scenarioSchema, data, file);
}

/** Steps 2–3 on already-parsed data. */
export function validateScenario(data: unknown, file: string, catalog: Catalog): Scenario {
  const scenario = validateScenarioShape(data, file);
  checkScenarioReferences(scenario, file, catalog);
  return scenario;
}

/**
 * Catalog kinds that sensors and interceptors refer to. They are checked only once the catalog
 * has that kind loaded (their catalogs arrive in later issues); missiles and sites always are.
 */
const SENSOR_CATALOG_KIND: Record<string, string> = {
  radar: 'radar',
  'ir-satellite': 'ir-satellite',
};
const INTERCEPTOR_KIND = 'interceptor';

/** Step 3: every catalog id the scenario names exists; throws at the first that does not. */
export function checkScenarioReferences(scenario: Scenario, file: string, catalog: Catalog): void {
  const at = (path: string): RefSite => ({ file, path });
  const checkSite = (pos: SitePosition | object, path: string) => {
    if (typeof pos === 'string') catalog.site(pos, at(path));
    else if ('site' in pos && typeof pos.site === 'string')
      catalog.site(pos.site, at(`${path}.site`));
  };

  scenario.threats.forEach((t, i) => {
    const p = `threats[${i}]`;
    catalog.missile(t.missile, at(`${p}.missile`));
    checkSite(t.launch, `${p}.launch`);
    checkSite(t.target, `${p}.target`);
  });

  scenario.sensors.forEach((s, i) => {
    const p = `sensors[${i}]`;
    const kind = SENSOR_CATALOG_KIND[s.type];
    if (kind !== undefined && catalog.hasKind(kind))
      catalog.get(kind, s.catalog, at(`${p}.catalog`));
    if (s.type === 'radar') checkSite(s.site, `${p}.site`);
  });

  scenario.defense?.sites.forEach((d, i) => {
    const p = `defense.sites[${i}]`;
    if (catalog.hasKind(INTERCEPTOR_KIND))
      catalog.get(INTERCEPTOR_KIND, d.interceptor, at(`${p}.interceptor`));
    checkSite(d.site, `${p}.site`);
  });
}
