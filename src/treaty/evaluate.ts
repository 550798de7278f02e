/**
 * Judges treaty facts against instruments: every rule's check, one finding per component, and
 * the verdict `compliant` (no finding is a violation). Findings of `needs-judgement` do not make
 * a scenario non-compliant; they say what an analyst must decide.
 */
import { runCheck, type Evidence, type FindingStatus } from './checks.ts';
import type { TreatyFacts } from './facts.ts';
import { statusAt, type Instrument } from './instrument-schema.ts';

export interface Finding {
  instrument: string;
  rule: string;
  article: string;
  status: FindingStatus;
  component: string;
  reason: string;
  evidence: Evidence;
}

export interface InstrumentSummary {
  id: string;
  version: number;
  title: string;
  /** The instrument's state at the scenario epoch (undefined: not yet signed, or no epoch). */
  statusAtEpoch?: { state: string; from: string; note?: string };
}

export interface TreatyReport {
  compliant: boolean;
  epoch?: string;
  instruments: InstrumentSummary[];
  counts: Record<FindingStatus, number>;
  findings: Finding[];
}

export function evaluateTreaties(facts: TreatyFacts, instruments: Instrument[]): TreatyReport {
  const findings: Finding[] = [];
  for (const ins of instruments)
    for (const rule of ins.rules)
      for (const f of runCheck(facts, rule.check))
        findings.push({ instrument: ins.id, rule: rule.id, article: rule.article, ...f });
  const counts = { complies: 0, violation: 0, 'not-applicable': 0, 'needs-judgement': 0 };
  for (const f of findings) counts[f.status]++;
  return {
    compliant: counts.violation === 0,
    ...(facts.epoch ? { epoch: facts.epoch } : {}),
    instruments: instruments.map((i) => {
      const st = facts.epoch ? statusAt(i, facts.epoch) : undefined;
      return { id: i.id, version: i.version, title: i.title, ...(st ? { statusAtEpoch: st } : {}) };
    }),
    counts,
    findings,
  };
}
