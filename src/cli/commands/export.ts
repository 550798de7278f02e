/**
 * `aspis export RUN --format json|csv|czml`: a stored Monte Carlo run for other tools — the run
 * with its summary and every trial (JSON), one row per trial (CSV), or one trial's trajectories
 * and events for Cesium and other CZML viewers (CZML; the trial is replayed from its seed).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import { DEFAULT_STORE_PATH, ResultsStore } from '../../node/store.ts';
import { loadScenarioFile } from '../../node/files.ts';
import { trialCzml } from '../../analysis/czml.ts';
import {
  buildEngagementWorld,
  trialTruth,
  type TrialOutcome,
} from '../../scenario/engagement-trial.ts';
import { parseNonNegativeInt } from '../args.ts';
import type { Output } from '../output.ts';

const FORMATS = ['json', 'csv', 'czml'] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function registerExport(program: Command, out: Output): void {
  program
    .command('export <RUN>')
    .description(
      'export a stored run: json (run, summary, trials), csv (one row per trial), czml (one trial)',
    )
    .requiredOption('--format <F>', 'json | csv | czml')
    .option('--trial <I>', 'czml: the trial to draw (default 0)')
    .option('--store <FILE>', 'results store', DEFAULT_STORE_PATH)
    .option('--out <FILE>', 'write to this file instead of stdout')
    .action(
      async (runId: string, o: { format: string; trial?: string; store: string; out?: string }) => {
        if (!(FORMATS as readonly string[]).includes(o.format)) {
          throw new AspisError({
            file: '--format',
            expected: `one of ${FORMATS.join(', ')}`,
            got: o.format,
            hint:
              o.format === 'geojson'
                ? 'GeoJSON footprints come with `aspis footprint`; radar footprints with `aspis coverage`'
                : undefined,
          });
        }
        const store = await ResultsStore.open(o.store, { readOnly: true });
        let text: string;
        try {
          const run = await store.requireRun(runId);
          if (o.format === 'json') {
            const trials = await store.trialsOf(run.id);
            text = `${JSON.stringify({ run, summary: await store.getSummary(run.id), trials })}\n`;
          } else if (o.format === 'csv') {
            const trials = await store.trialsOf(run.id);
            const outcomes = trials.map((t) => t.outcome as unknown as TrialOutcome | undefined);
            const threats = [
              ...new Set(outcomes.flatMap((x) => x?.perThreat.map((p) => p.threat) ?? [])),
            ];
            const head = [
              'trial',
              'rvs',
              'killed',
              'leakers',
              'interceptorsUsed',
              'firstTrack_s',
              ...threats.map((t) => `leaked_${t}`),
              'failures',
            ];
            const lines = [head.join(',')];
            trials.forEach((t, k) => {
              const x = outcomes[k];
              const leaked = new Map(x?.perThreat.map((p) => [p.threat, p.leaked]) ?? []);
              const failures = Object.entries(x?.failures ?? {})
                .map(([r, n]) => `${r}:${n}`)
                .join(' ');
              lines.push(
                [
                  t.trial,
                  x?.rvs,
                  x?.killed,
                  x?.leakers,
                  x?.interceptorsUsed,
                  x?.firstTrack_s,
                  ...threats.map((th) => leaked.get(th)),
                  failures,
                ]
                  .map(csvCell)
                  .join(','),
              );
            });
            text = `${lines.join('\n')}\n`;
          } else {
            const trial = o.trial === undefined ? 0 : parseNonNegativeInt(o.trial, '--trial');
            const record = await store.trialOf(run.id, trial);
            if (!record) {
              throw new AspisError({
                file: '--trial',
                expected: `a trial of run ${run.id} (0–${run.trialsRequested - 1})`,
                got: trial,
              });
            }
            const { scenario, catalog, file } = loadScenarioFile(run.scenarioRef);
            const world = buildEngagementWorld(scenario, catalog, file);
            const objects = trialTruth(world, run.seed, trial);
            const czml = trialCzml(
              `${scenario.name} — run ${run.id}, trial ${trial}`,
              scenario.epoch,
              objects,
              record.events,
            );
            text = `${JSON.stringify(czml)}\n`;
          }
        } finally {
          await store.close();
        }
        if (o.out) writeFileSync(o.out, text);
        else out.stdout(text);
      },
    );
}
