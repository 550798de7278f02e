import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import { loadScenarioFile } from '../../node/files.ts';
import { trackScenario } from '../../scenario/track-scenario.ts';
import type { TrackRunReport } from '../../scenario/track-run.ts';
import { parseNonNegativeInt } from '../args.ts';
import { printTable, type Output } from '../output.ts';

const fmt = (x: number | null, d = 0): string => (x === null ? '—' : x.toFixed(d));

function metricsRow(label: string, r: TrackRunReport): string[] {
  const real = new Set(r.tracks.map((t) => t.truthId).filter((id) => id !== null)).size;
  return [
    label,
    String(r.detections),
    `${real} / ${r.truthObjects}`,
    String(r.falseTracks),
    fmt(r.metrics.firstTrack_s),
    fmt(r.metrics.rmsPos_m),
    fmt(r.metrics.ospa_m),
    fmt(r.metrics.gospa_m),
    fmt(r.metrics.neesMean, 2),
  ];
}

export function registerTrack(program: Command, out: Output): void {
  program
    .command('track <SCENARIO>')
    .description(
      "one truth run of a scenario's threats through its sensors and tracker, with track metrics",
    )
    .option('--seed <S>', 'master seed (default: the scenario seed)')
    .option('--trial <I>', 'trial index (default 0)')
    .option('--by-nation', "also track with each nation's sensors alone")
    .option(
      '--fusion <KIND>',
      'measurement (one tracker, every detection) or track (a tracker per nation, tracks fused by covariance intersection)',
      'measurement',
    )
    .option('--json', 'print one JSON document')
    .action(
      (
        ref: string,
        o: { seed?: string; trial?: string; byNation?: boolean; fusion: string; json?: boolean },
      ) => {
        if (o.fusion !== 'measurement' && o.fusion !== 'track') {
          throw new AspisError({
            file: '--fusion',
            expected: 'measurement or track',
            got: o.fusion,
          });
        }
        const { scenario, catalog, file } = loadScenarioFile(ref);
        const r = trackScenario(scenario, catalog, file, {
          seed: o.seed === undefined ? undefined : parseNonNegativeInt(o.seed, '--seed'),
          trial: o.trial === undefined ? undefined : parseNonNegativeInt(o.trial, '--trial'),
          byNation: o.byNation,
          fusion: o.fusion,
        });
        out.result(o.json, r, () => {
          out.stdout(
            `${r.scenario}  (${file}, seed ${r.seed}, trial ${r.trial}, ${r.tracker}, ${r.fusion} fusion)\n\nSensors\n`,
          );
          printTable(
            out,
            r.sensors.map((s) => [
              s.id,
              s.kind,
              s.nation ?? '',
              String(s.looks),
              String(s.detections),
              s.note ?? s.objectsSeen.join(', '),
            ]),
            ['sensor', 'kind', 'nation', 'looks', 'detections', 'objects seen'],
          );
          out.stdout('\nTracks\n');
          printTable(
            out,
            r.tracks.map((t) => [
              String(t.id),
              t.truthId ?? 'false alarm',
              fmt(t.confirmed_s),
              String(t.updates),
              t.sensors.join(', '),
              fmt(t.rmsPos_m),
            ]),
            ['track', 'truth', 'confirmed s', 'updates', 'sensors', 'RMS position m'],
          );
          out.stdout(
            `\nMetrics (OSPA/GOSPA: cut-off ${r.metrics.cutoff_m / 1000} km, order ${r.metrics.order}; NEES dof ${r.metrics.neesDof})\n`,
          );
          const rows = [metricsRow(`all sensors (${r.fusion} fusion)`, r)];
          for (const [n, nr] of Object.entries(r.byNation ?? {}))
            rows.push(metricsRow(`${n} alone`, nr));
          printTable(out, rows, [
            'sensors',
            'detections',
            'objects tracked',
            'false tracks',
            'first track s',
            'RMS m',
            'OSPA m',
            'GOSPA m',
            'NEES',
          ]);
          if (r.missedObjects.length > 0)
            out.stdout(`\nNever tracked: ${r.missedObjects.join(', ')}\n`);
        });
      },
    );
}
