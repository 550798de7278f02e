import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import { loadBuiltinCatalog } from '../../node/files.ts';
import { radarRange } from '../../sensors/radar-range.ts';
import { parseNumber } from '../args.ts';
import { printTable, type Output } from '../output.ts';

/** Target altitude when --target-alt-km is absent: 100 km, where exo-atmospheric flight begins. */
export const DEFAULT_TARGET_ALT_km = 100;

/** A radar cross section from an option: a finite number > 0. */
export function parseRcs(text: string, option = '--rcs-m2'): number {
  const x = parseNumber(text, option);
  if (!(x > 0))
    throw new AspisError({ file: option, expected: 'a radar cross section in m² > 0', got: text });
  return x;
}

/** A target altitude in km ≥ 0 (a target below the surface cannot be seen). */
export function parseTargetAlt_km(text: string, option = '--target-alt-km'): number {
  const x = parseNumber(text, option);
  if (!(x >= 0))
    throw new AspisError({ file: option, expected: 'a target altitude in km ≥ 0', got: text });
  return x;
}

/** A site height in m above the ellipsoid, −500 to 9000 (as catalog/sites.yaml). */
export function parseSiteAlt_m(text: string, option = '--site-alt-m'): number {
  const x = parseNumber(text, option);
  if (!(x >= -500 && x <= 9000))
    throw new AspisError({
      file: option,
      expected: 'a site height in m between -500 and 9000',
      got: text,
    });
  return x;
}

const km = (m: number): number => m / 1000;

export function registerRadarRange(program: Command, out: Output): void {
  program
    .command('radar-range')
    .description(
      'how far a catalog radar detects a target: range equation, horizon, elevation and instrumented limits',
    )
    .requiredOption('--radar <ID>', 'catalog radar id')
    .requiredOption('--rcs-m2 <X>', 'target radar cross section in m²')
    .option('--target-alt-km <H>', 'target altitude in km', String(DEFAULT_TARGET_ALT_km))
    .option('--site-alt-m <A>', 'radar height above the ellipsoid in m', '0')
    .option('--json', 'print one JSON document')
    .action(
      (o: {
        radar: string;
        rcsM2: string;
        targetAltKm: string;
        siteAltM: string;
        json?: boolean;
      }) => {
        const rcs_m2 = parseRcs(o.rcsM2);
        const targetAlt_km = parseTargetAlt_km(o.targetAltKm);
        const siteAlt_m = parseSiteAlt_m(o.siteAltM);
        const radar = loadBuiltinCatalog().radar(o.radar, { file: '--radar' });
        const r = radarRange(radar.params, rcs_m2, targetAlt_km * 1000, siteAlt_m);
        const doc = {
          radar: radar.id,
          rcs_m2,
          targetAlt_km,
          siteAlt_m,
          detectionRange_km: km(r.detectionRange_m),
          horizonRange_km: km(r.horizonRange_m),
          minElevationRange_km: km(r.minElevationRange_m),
          instrumentedRange_km: km(r.instrumentedRange_m),
          effectiveRange_km: km(r.effectiveRange_m),
          effectiveGroundRange_km: km(r.effectiveGroundRange_m),
          limitedBy: r.limitedBy,
          visible: r.visible,
        };
        out.result(o.json, doc, () => {
          const f = (x: number) => `${x.toFixed(0)} km`;
          printTable(out, [
            ['radar', `${radar.id} (${radar.name})`],
            ['target', `${rcs_m2} m² at ${targetAlt_km} km altitude; radar at ${siteAlt_m} m`],
            ['detection range (radar equation)', f(doc.detectionRange_km)],
            ['4/3-Earth horizon (slant)', f(doc.horizonRange_km)],
            [
              `minimum elevation ${radar.params.minElevation_deg}° (slant)`,
              f(doc.minElevationRange_km),
            ],
            ['instrumented range', f(doc.instrumentedRange_km)],
            ['effective range (slant)', `${f(doc.effectiveRange_km)}, limited by ${r.limitedBy}`],
            ['effective ground range', f(doc.effectiveGroundRange_km)],
          ]);
          if (!r.visible)
            out.stdout('The radar cannot see this target at any range (see the limits above).\n');
        });
      },
    );
}
