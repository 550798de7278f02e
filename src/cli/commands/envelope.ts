import type { Command } from 'commander';
import { interceptEnvelope } from '../../engagement/envelope.ts';
import { loadBuiltinCatalog } from '../../node/files.ts';
import { parseLatLon, parseNumber } from '../args.ts';
import { AspisError } from '../../core/errors.ts';
import { printTable, type Output } from '../output.ts';

export function registerEnvelope(program: Command, out: Output): void {
  program
    .command('envelope')
    .description(
      'where and when an interceptor can reach a ballistic threat, and why not elsewhere',
    )
    .requiredOption('--interceptor <ID>', 'catalog interceptor id')
    .requiredOption('--site <LAT,LON>', 'interceptor site in degrees')
    .requiredOption('--threat-missile <ID>', 'catalog missile id of the threat')
    .requiredOption('--threat-from <LAT,LON>', 'threat launch point in degrees')
    .option('--threat-to <LAT,LON>', 'threat aim point (default: the interceptor site)')
    .option('--commit-s <T>', 'defense commit time after the threat launch, s (default 0)')
    .option('--json', 'print one JSON document')
    .action(
      (o: {
        interceptor: string;
        site: string;
        threatMissile: string;
        threatFrom: string;
        threatTo?: string;
        commitS?: string;
        json?: boolean;
      }) => {
        const catalog = loadBuiltinCatalog();
        const interceptor = catalog.interceptor(o.interceptor, { file: '--interceptor' });
        const missile = catalog.missile(o.threatMissile, { file: '--threat-missile' });
        const site = parseLatLon(o.site, '--site');
        const from = parseLatLon(o.threatFrom, '--threat-from');
        const to = o.threatTo === undefined ? undefined : parseLatLon(o.threatTo, '--threat-to');
        const commit_s = o.commitS === undefined ? 0 : parseNumber(o.commitS, '--commit-s');
        if (!(commit_s >= 0))
          throw new AspisError({ file: '--commit-s', expected: 'a time ≥ 0 s', got: commit_s });
        const { report: r } = interceptEnvelope({
          interceptor,
          missile,
          site,
          from,
          to,
          commit_s,
          where: o.threatTo === undefined ? '--site' : '--threat-to',
        });
        out.result(o.json, r, () => {
          const reasons = Object.entries(r.reasons)
            .map(([k, v]) => `${k} ${v} s`)
            .join(', ');
          printTable(out, [
            ['interceptor', r.interceptor],
            ['site', `${r.site.lat_deg}°, ${r.site.lon_deg}°`],
            [
              'threat',
              `${r.threat.missile}: ${r.threat.timeOfFlight_s} s, apogee ${r.threat.apogeeAlt_km} km, max ${r.threat.maxSpeed_mps} m/s`,
            ],
            ['feasible', r.feasible ? 'yes' : 'no'],
            [
              'intercept window',
              r.earliest_s === null ? '—' : `${r.earliest_s} s to ${r.latest_s} s after launch`,
            ],
            [
              'altitude band',
              r.altitudeBand_km === null
                ? '—'
                : `${r.altitudeBand_km[0]} km to ${r.altitudeBand_km[1]} km`,
            ],
            ['ruled out (s of RV flight)', reasons || '—'],
          ]);
          if (r.intercepts.length > 0)
            printTable(
              out,
              r.intercepts.map((c) => [
                c.time_s.toFixed(1),
                c.alt_km.toFixed(1),
                c.groundRange_km.toFixed(1),
                c.launchTime_s.toFixed(1),
                c.closingSpeed_mps.toFixed(0),
                c.crossingAngle_deg.toFixed(1),
              ]),
              ['time s', 'alt km', 'range km', 'launch s', 'closing m/s', 'crossing °'],
            );
        });
      },
    );
}
