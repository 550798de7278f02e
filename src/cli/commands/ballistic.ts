import type { Command } from 'commander';
import { minimumEnergyBallistic } from '../../flight/ballistic.ts';
import { parseNumber } from '../args.ts';
import { printTable, type Output } from '../output.ts';

export function registerBallistic(program: Command, out: Output): void {
  program
    .command('ballistic')
    .description(
      'closed-form minimum-energy free flight on a spherical, non-rotating Earth (Bate, Mueller & White ch. 6)',
    )
    .requiredOption('--range-km <R>', 'ground range in km')
    .option('--burnout-alt-km <H>', 'burnout (and re-entry) altitude in km', '0')
    .option('--json', 'print one JSON document')
    .action((o: { rangeKm: string; burnoutAltKm: string; json?: boolean }) => {
      const r = minimumEnergyBallistic(
        {
          range_km: parseNumber(o.rangeKm, '--range-km'),
          burnoutAlt_km: parseNumber(o.burnoutAltKm, '--burnout-alt-km'),
        },
        { range_km: { file: '--range-km' }, burnoutAlt_km: { file: '--burnout-alt-km' } },
      );
      out.result(o.json, r, () =>
        printTable(out, [
          ['range', `${r.range_km} km`],
          ['burnout altitude', `${r.burnoutAlt_km} km`],
          ['burnout speed', `${r.burnoutSpeed_mps.toFixed(1)} m/s`],
          ['flight-path angle', `${r.flightPathAngle_deg.toFixed(3)}°`],
          ['time of flight', `${r.timeOfFlight_s.toFixed(1)} s`],
          ['apogee altitude', `${r.apogeeAlt_km.toFixed(1)} km`],
        ]),
      );
    });
}
