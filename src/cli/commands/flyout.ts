import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import { flyout } from '../../flight/flyout.ts';
import type { TrajectoryShape } from '../../flight/targeting.ts';
import { loadBuiltinCatalog } from '../../node/files.ts';
import { parseLatLon, parseNumber, parsePositiveInt } from '../args.ts';
import { printTable, type Output } from '../output.ts';

function trajectoryOf(kind: string, apogeeKm: number | undefined): TrajectoryShape {
  if (!['min-energy', 'lofted', 'depressed'].includes(kind)) {
    throw new AspisError({
      file: '--trajectory',
      expected: 'one of min-energy, lofted, depressed',
      got: kind,
    });
  }
  if (apogeeKm !== undefined) {
    if (!(apogeeKm > 0))
      throw new AspisError({ file: '--apogee-km', expected: 'an apogee > 0 km', got: apogeeKm });
    return { apogee_m: apogeeKm * 1000 };
  }
  return kind as TrajectoryShape;
}

export function registerFlyout(program: Command, out: Output): void {
  program
    .command('flyout')
    .description('aim a catalog missile at a point and fly it with the full force model')
    .requiredOption('--missile <ID>', 'catalog missile id')
    .requiredOption('--from <LAT,LON>', 'launch point in degrees')
    .requiredOption('--to <LAT,LON>', 'aim point in degrees')
    .option('--trajectory <KIND>', 'min-energy | lofted | depressed', 'min-energy')
    .option('--apogee-km <A>', 'fly to this apogee (energy-managed lofted/depressed)')
    .option('--payload-kg <M>', 'payload mass (default: the catalog value)')
    .option('--samples <N>', 'include N evenly spaced samples of the flight')
    .option('--json', 'print one JSON document')
    .action(
      (o: {
        missile: string;
        from: string;
        to: string;
        trajectory: string;
        apogeeKm?: string;
        payloadKg?: string;
        samples?: string;
        json?: boolean;
      }) => {
        const catalog = loadBuiltinCatalog();
        const missile = catalog.missile(o.missile, { file: '--missile' });
        const r = flyout({
          missile,
          from: parseLatLon(o.from, '--from'),
          to: parseLatLon(o.to, '--to'),
          trajectory: trajectoryOf(
            o.trajectory,
            o.apogeeKm === undefined ? undefined : parseNumber(o.apogeeKm, '--apogee-km'),
          ),
          payload_kg:
            o.payloadKg === undefined ? undefined : parseNumber(o.payloadKg, '--payload-kg'),
          samples: o.samples === undefined ? 0 : parsePositiveInt(o.samples, '--samples'),
          where: '--to',
        });
        out.result(o.json, r, () =>
          printTable(out, [
            ['missile', r.missile],
            ['trajectory', r.trajectory],
            ['impact', `${r.impact.lat_deg.toFixed(4)}°, ${r.impact.lon_deg.toFixed(4)}°`],
            ['miss distance', `${r.miss_m.toFixed(1)} m`],
            ['ground range', `${r.groundRange_km.toFixed(1)} km`],
            ['time of flight', `${r.timeOfFlight_s.toFixed(1)} s`],
            ['apogee altitude', `${r.apogeeAlt_km.toFixed(1)} km`],
            [
              'burnout',
              `${r.burnout.time_s.toFixed(1)} s, ${r.burnout.alt_km.toFixed(1)} km, ${r.burnout.speed_mps.toFixed(0)} m/s, ${r.burnout.flightPathAngle_deg.toFixed(2)}°`,
            ],
          ]),
        );
      },
    );
}
