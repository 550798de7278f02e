/**
 * The summary of a Monte Carlo run of engagement trials (issue 6 contract): every estimate with
 * its 95 % interval — Wilson for proportions, Student t for means. Computed from the outcomes in
 * trial order, so it is the same bytes whatever the number of workers.
 */
import type { TrialOutcome } from '../scenario/engagement-trial.ts';
import { tInterval, wilsonInterval, type Interval } from './statistics.ts';

export interface Estimate {
  estimate: number;
  ci95: [number, number];
}

export interface RunSummary {
  trials: number;
  pNoLeak: Estimate;
  expectedLeakers: Estimate;
  interceptorsUsed: Estimate;
  /** Probability that each threat's RVs are all killed. */
  perThreat: { threat: string; rvs: number; pKill: Estimate; expectedLeakers: Estimate }[];
  /** Time of the first confirmed track, over the trials that had one. */
  firstTrack_s: Estimate | null;
  /** No-shot and failed-intercept reasons summed over all trials. */
  failures: Record<string, number>;
}

const r6 = (x: number): number => (Number.isFinite(x) ? Number(x.toFixed(6)) : x);

function est(i: Interval): Estimate {
  return { estimate: r6(i.estimate), ci95: [r6(i.lo), r6(i.hi)] };
}

export function summarizeOutcomes(outcomes: readonly TrialOutcome[]): RunSummary {
  const n = outcomes.length;
  const noLeak = outcomes.filter((o) => o.leakers === 0).length;
  const threats = new Map<string, { rvs: number; allKilled: number; leakers: number[] }>();
  const failures: Record<string, number> = {};
  const first: number[] = [];
  for (const o of outcomes) {
    for (const p of o.perThreat) {
      let t = threats.get(p.threat);
      if (!t) threats.set(p.threat, (t = { rvs: p.rvs, allKilled: 0, leakers: [] }));
      if (p.leaked === 0) t.allKilled++;
      t.leakers.push(p.leaked);
    }
    for (const [k, v] of Object.entries(o.failures)) failures[k] = (failures[k] ?? 0) + v;
    if (o.firstTrack_s !== null) first.push(o.firstTrack_s);
  }
  const sortedFailures: Record<string, number> = {};
  for (const k of Object.keys(failures).sort()) sortedFailures[k] = failures[k];
  return {
    trials: n,
    pNoLeak: est(wilsonInterval(noLeak, n)),
    expectedLeakers: est(tInterval(outcomes.map((o) => o.leakers))),
    interceptorsUsed: est(tInterval(outcomes.map((o) => o.interceptorsUsed))),
    perThreat: [...threats.entries()].map(([threat, t]) => ({
      threat,
      rvs: t.rvs,
      pKill: est(wilsonInterval(t.allKilled, t.leakers.length)),
      expectedLeakers: est(tInterval(t.leakers)),
    })),
    firstTrack_s: first.length > 0 ? est(tInterval(first)) : null,
    failures: sortedFailures,
  };
}
