import type { Command } from 'commander';
import { maxRange } from '../../flight/flyout.ts';
import { loadBuiltinCatalog } from '../../node/files.ts';
import { parseLatLon, parseNumber } from '../args.ts';
import { printTable, type Output } from '../output.ts';

export function registerRange(program: Command, out: Output): void {
  program
    .command('range')
    .description('maximum range of a catalog missile for a payload and launch azimuth')
    .requiredOption('--missile <ID>', 'catalog missile id')
    .option('--payload-kg <M>', 'payload mass (default: the catalog value)')
    .option('--azimuth-deg <A>', 'launch azimuth, clockwise from north', '0')
    .option('--from <LAT,LON>', 'launch point in degrees', '0,0')
    .option('--json', 'print one JSON document')
    .action(
      (o: {
        missile: string;
        payloadKg?: string;
        azimuthDeg: string;
        from: string;
        json?: boolean;
      }) => {
        const catalog = loadBuiltinCatalog();
        const missile = catalog.missile(o.missile, { file: '--missile' });
        const r = maxRange({
          missile,
          payload_kg:
            o.payloadKg === undefined ? undefined : parseNumber(o.payloadKg, '--payload-kg'),
          azimuth_deg: parseNumber(o.azimuthDeg, '--azimuth-deg'),
          from: parseLatLon(o.from, '--from'),
        });
        out.result(o.json, r, () =>
          printTable(out, [
            ['missile', r.missile],
            ['payload', `${r.payload_kg} kg`],
            ['maximum range', `${r.maxRange_km.toFixed(0)} km`],
            [
              'published range',
              `${r.publishedRange_km} km${r.publishedRangePayload_kg ? ` with ${r.publishedRangePayload_kg} kg` : ''}`,
            ],
            ['launch', `${r.from.lat_deg}°, ${r.from.lon_deg}°, azimuth ${r.azimuth_deg}°`],
            ['burnout speed', `${r.burnoutSpeed_mps.toFixed(0)} m/s`],
            ['time of flight', `${r.timeOfFlight_s.toFixed(0)} s`],
            ['apogee', `${r.apogeeAlt_km.toFixed(0)} km`],
          ]),
        );
      },
    );
}
