import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import { loadScenarioFile } from '../../node/files.ts';
import { buildEngagementWorld, runEngagementTrial } from '../../scenario/engagement-trial.ts';
import { flyScenarioThreats, type ThreatFlight } from '../../scenario/threat-flights.ts';
import { parseNonNegativeInt, parsePositiveInt } from '../args.ts';
import { printTable, type Output } from '../output.ts';

function printFlights(out: Output, flights: ThreatFlight[]): void {
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
    ['threat', 'missile', 'trajectory', 'range km', 'time of flight s', 'apogee km', 'miss m'],
  );
}

export function registerRun(program: Command, out: Output): void {
  program
    .command('run <SCENARIO>')
    .description(
      'run one trial of a scenario: launch, sensing, tracks, engagement, leak or kill (Monte Carlo runs arrive with the analysis layer)',
    )
    .option('--trials <N>', 'number of trials (only 1 for now)', '1')
    .option('--seed <S>', 'master seed (default: the scenario seed)')
    .option('--trial <I>', 'trial index (default 0)')
    .option('--flights', "also fly the threats' nominal trajectories and print them")
    .option('--json', 'print one JSON document')
    .action(
      (
        ref: string,
        o: { trials: string; seed?: string; trial?: string; flights?: boolean; json?: boolean },
      ) => {
        const trials = parsePositiveInt(o.trials, '--trials');
        if (trials !== 1) {
          throw new AspisError({
            file: '--trials',
            expected: '1 (Monte Carlo runs of many trials are not wired to `aspis run` yet)',
            got: o.trials,
          });
        }
        const seedOpt = o.seed === undefined ? undefined : parseNonNegativeInt(o.seed, '--seed');
        const trial = o.trial === undefined ? 0 : parseNonNegativeInt(o.trial, '--trial');
        const { scenario, catalog, file } = loadScenarioFile(ref);
        const seed = seedOpt ?? scenario.seed;
        const flights = o.flights ? flyScenarioThreats(scenario, catalog, file) : undefined;
        const world = buildEngagementWorld(scenario, catalog, file);
        const t0 = performance.now();
        const r = runEngagementTrial(world, seed, trial);
        const trialMs = performance.now() - t0;
        const doc = {
          scenario: scenario.name,
          file,
          seed,
          ...r,
          ...(flights ? { threats: flights } : {}),
        };
        out.result(o.json, doc, () => {
          out.stdout(`${scenario.name}  (${file})\n`);
          out.stdout(`seed ${seed}, trial ${trial} (${trialMs.toFixed(1)} ms)\n`);
          if (flights) printFlights(out, flights);
          const oc = r.outcome;
          printTable(
            out,
            oc.perThreat.map((p) => [p.threat, String(p.rvs), String(p.killed), String(p.leaked)]),
            ['threat', 'RVs', 'killed', 'leaked'],
          );
          const failures = Object.entries(oc.failures)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ');
          printTable(
            out,
            [
              ['RVs', String(oc.rvs)],
              ['killed', String(oc.killed)],
              ['leakers', String(oc.leakers)],
              ['interceptors used', String(oc.interceptorsUsed)],
              ['first track s', oc.firstTrack_s === null ? '—' : oc.firstTrack_s.toFixed(0)],
              ['failures', failures === '' ? '—' : failures],
              ['events', String(r.events.length)],
            ],
            ['outcome', ''],
          );
        });
      },
    );
}
