/**
 * `aspis track`: one truth realisation of a scenario through its sensors and a fused tracker,
 * optionally also through each nation's sensors alone (to show what sharing data buys).
 */
import type { Catalog } from './catalog.ts';
import type { Scenario } from './schema.ts';
import { buildSensors } from './sensor-world.ts';
import { runTrackFusion, runTracking, type TrackRunReport } from './track-run.ts';
import { buildTruth } from './truth.ts';

export interface TrackScenarioOptions {
  seed?: number;
  trial?: number;
  byNation?: boolean;
  /** `measurement` (default): one tracker fed by every sensor; `track`: one tracker per nation,
   * tracks fused by covariance intersection. */
  fusion?: 'measurement' | 'track';
}

export interface TrackScenarioReport extends TrackRunReport {
  scenario: string;
  seed: number;
  trial: number;
  /** Each nation's sensors alone (only with byNation). */
  byNation?: Record<string, TrackRunReport>;
}

export function trackScenario(
  scenario: Scenario,
  catalog: Catalog,
  file: string,
  opts: TrackScenarioOptions = {},
): TrackScenarioReport {
  const seed = opts.seed ?? scenario.seed;
  const trial = opts.trial ?? 0;
  const truth = buildTruth(scenario, catalog, file, { seed, trial });
  const sensors = buildSensors(scenario, catalog, file);
  const nations = [...new Set(sensors.map((s) => s.nation ?? 'unspecified'))].sort();
  const fused =
    opts.fusion === 'track'
      ? runTrackFusion(truth, sensors, nations, { seed, trial })
      : runTracking(truth, sensors, { seed, trial });
  const report: TrackScenarioReport = { scenario: scenario.name, seed, trial, ...fused };
  if (opts.byNation) {
    report.byNation = {};
    for (const n of nations) {
      report.byNation[n] = runTracking(truth, sensors, {
        seed,
        trial,
        include: (s) => (s.nation ?? 'unspecified') === n,
      });
    }
  }
  return report;
}
