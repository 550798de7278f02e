import type { Command } from 'commander';
import { loadScenarioFile } from '../../node/files.ts';
import { flyScenarioThreats } from '../../scenario/threat-flights.ts';
import { printTable, type Output } from '../output.ts';

export function registerRun(program: Command, out: Output): void {
  program
    .command('run <SCENARIO>')
    .description(
      'run a scenario (now: fly its threats; engagement and Monte Carlo arrive with later layers)',
    )
    .option('--json', 'print one JSON document')
    .action((ref: string, o: { json?: boolean }) => {
      const { scenario, catalog, file } = loadScenarioFile(ref);
      const flights = flyScenarioThreats(scenario, catalog, file);
      const doc = { scenario: scenario.name, file, threats: flights };
      out.result(o.json, doc, () => {
        out.stdout(`${scenario.name}  (${file})\n`);
        printTable(
          out,
          flights.map((f) => [
            f.id,
            f.missile,
            f.trajectory,
            `${f.groundRange_km.toFixed(0)}`,
            `${f.timeOfFlight_s.toFixed(0)}`,
            `${f.apogeeAlt_km.toFixed(0)}`,
            `${f.miss_m.toFixed(1)}`,
          ]),
          [
            'threat',
            'missile',
            'trajectory',
            'range km',
            'time of flight s',
            'apogee km',
            'miss m',
          ],
        );
      });
    });
}
