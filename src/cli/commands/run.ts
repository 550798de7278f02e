import type { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { loadScenarioFile, readTextFile, resolveScenarioRef } from '../../node/files.ts';
import { DEFAULT_STORE_PATH, ResultsStore } from '../../node/store.ts';
import { runMonteCarlo } from '../../node/monte-carlo.ts';
import { ENGAGEMENT_TRIAL, engagementWorld } from '../../node/engagement-trial-fn.ts';
import { summarizeOutcomes, type Estimate, type RunSummary } from '../../analysis/summary.ts';
import type { TrialOutcome } from '../../scenario/engagement-trial.ts';
import { progressLine } from '../progress.ts';
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

/** Prints one Monte Carlo summary as tables. */
function printSummary(out: Output, doc: MonteCarloDoc): void {
  const ci = (e: Estimate, d = 3): string =>
    `${e.estimate.toFixed(d)}  [${e.ci95[0].toFixed(d)}, ${e.ci95[1].toFixed(d)}]`;
  const s = doc.summary;
  out.stdout(
    `${doc.scenario}  (${doc.file})\nrun ${doc.runId}: ${s.trials} trials, seed ${doc.seed}, ${doc.elapsed_s.toFixed(1)} s${doc.resumed ? ' (resumed)' : ''}\n`,
  );
  printTable(
    out,
    [
      ['P(no leaker)', ci(s.pNoLeak)],
      ['expected leakers', ci(s.expectedLeakers)],
      ['interceptors used', ci(s.interceptorsUsed, 2)],
      ['first track s', s.firstTrack_s ? ci(s.firstTrack_s, 0) : '—'],
      ...s.perThreat.map((t) => [`P(kill) ${t.threat}`, ci(t.pKill)]),
    ],
    ['estimate', 'value  [95 % interval]'],
  );
  const f = Object.entries(s.failures);
  if (f.length > 0) {
    out.stdout('\nWhy engagements failed (counts over all trials)\n');
    printTable(
      out,
      f.map(([k, v]) => [k, String(v)]),
      ['reason', 'count'],
    );
  }
  out.stdout(
    `\nResults: ${doc.store} (run ${doc.runId}). Replay a trial: aspis run ${doc.scenarioRef} --trial I; list runs: aspis runs list --store ${doc.store}\n`,
  );
}

interface MonteCarloDoc {
  runId: string;
  scenario: string;
  scenarioRef: string;
  file: string;
  trials: number;
  seed: number;
  workers: number;
  resumed: boolean;
  elapsed_s: number;
  store: string;
  summary: RunSummary;
}

async function monteCarlo(
  out: Output,
  ref: string,
  o: {
    trials?: string;
    seed?: string;
    workers?: string;
    out?: string;
    resume?: string;
    json?: boolean;
  },
): Promise<void> {
  const loaded = loadScenarioFile(ref);
  // Build the world here first: a scenario the workers could not run (an aim point out of reach,
  // a sensor that is not in the catalog) is an input error with its field path, not a failed run.
  engagementWorld(ref);
  const { path } = resolveScenarioRef(ref);
  const scenarioHash = bytesToHex(
    sha256(new TextEncoder().encode(readTextFile(path, loaded.file))),
  );
  const trials =
    o.trials === undefined
      ? loaded.scenario.analysis.trials
      : parsePositiveInt(o.trials, '--trials');
  const seed = o.seed === undefined ? loaded.scenario.seed : parseNonNegativeInt(o.seed, '--seed');
  const workers = o.workers === undefined ? undefined : parsePositiveInt(o.workers, '--workers');
  const storePath = join(o.out ?? dirname(DEFAULT_STORE_PATH), basename(DEFAULT_STORE_PATH));
  mkdirSync(dirname(storePath), { recursive: true });
  const store = await ResultsStore.open(storePath);
  const bar = progressLine({ quiet: o.json });
  try {
    const r = await runMonteCarlo({
      store,
      trialFn: ENGAGEMENT_TRIAL,
      scenarioRef: o.resume === undefined ? ref : undefined,
      scenarioHash,
      seed: o.resume === undefined ? seed : undefined,
      trials: o.resume === undefined ? trials : undefined,
      workers,
      resume: o.resume,
      onProgress: (p) => bar.update(p),
    });
    bar.done();
    const outcomes = r.records.map((rec) => rec.outcome as unknown as TrialOutcome);
    const summary = summarizeOutcomes(outcomes);
    await store.putSummary(r.run.id, summary);
    const doc: MonteCarloDoc = {
      runId: r.run.id,
      scenario: loaded.scenario.name,
      scenarioRef: r.run.scenarioRef,
      file: loaded.file,
      trials: r.run.trialsRequested,
      seed: r.run.seed,
      workers: workers ?? availableParallelism(),
      resumed: r.resumed,
      elapsed_s: Number(r.elapsed_s.toFixed(2)),
      store: storePath,
      summary,
    };
    const json = {
      runId: doc.runId,
      scenario: doc.scenario,
      seed: doc.seed,
      ...summary,
      store: doc.store,
      elapsed_s: doc.elapsed_s,
    };
    out.result(o.json, json, () => printSummary(out, doc));
  } finally {
    bar.done();
    await store.close();
  }
}

export function registerRun(program: Command, out: Output): void {
  program
    .command('run <SCENARIO>')
    .description(
      'run a scenario: a Monte Carlo of kill-chain trials (launch, sensing, tracks, engagement, leak or kill) with 95 % intervals, or one trial with its event log (--trials 1 or --trial I)',
    )
    .option('--trials <N>', 'number of trials (default: the scenario analysis.trials)')
    .option('--seed <S>', 'master seed (default: the scenario seed)')
    .option('--trial <I>', 'replay one trial alone and print its outcome and events')
    .option('--workers <K>', 'worker threads (default: all cores); results do not depend on it')
    .option('--out <DIR>', 'results folder for the DuckDB store (default ./aspis-results)')
    .option('--resume <RUN>', 'finish an interrupted run')
    .option(
      '--flights',
      "with one trial: also fly the threats' nominal trajectories and print them",
    )
    .option('--json', 'print one JSON document')
    .action(
      async (
        ref: string,
        o: {
          trials?: string;
          seed?: string;
          trial?: string;
          workers?: string;
          out?: string;
          resume?: string;
          flights?: boolean;
          json?: boolean;
        },
      ) => {
        const single =
          o.trial !== undefined ||
          (o.trials !== undefined && parsePositiveInt(o.trials, '--trials') === 1);
        if (!single) {
          await monteCarlo(out, ref, o);
          return;
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
