/**
 * `aspis treaty SCENARIO [--instrument ID|FILE …] [--json]`: judges a scenario's declared forces
 * against treaty instruments (treaties/*.yaml) and prints article-level findings. Instruments
 * default to the scenario's `treaties:` list; an id is `treaties/<id>.yaml` in the package, and
 * anything with a slash or a .yaml/.yml/.json ending is a file path.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import { nearest } from '../../core/nearest.ts';
import { loadScenarioFile, packageRoot, readTextFile } from '../../node/files.ts';
import { parseDataText } from '../../scenario/parse-text.ts';
import { scenarioTreatyFacts } from '../../scenario/treaty-facts.ts';
import { evaluateTreaties, type TreatyReport } from '../../treaty/evaluate.ts';
import { parseInstrument, type Instrument } from '../../treaty/instrument-schema.ts';
import { printTable, type Output } from '../output.ts';

const FILE_LIKE = /[\\/]|\.(ya?ml|json)$/i;

/** Ids of the built-in instruments (treaties/*.yaml), sorted. */
export function listBuiltinInstruments(root = packageRoot()): string[] {
  try {
    return readdirSync(join(root, 'treaties'))
      .filter((n) => /\.ya?ml$/i.test(n))
      .map((n) => n.replace(/\.ya?ml$/i, ''))
      .sort();
  } catch {
    return [];
  }
}

/** Loads an instrument by id or path; `where` labels errors for unknown ids. */
export function loadInstrument(
  ref: string,
  where: { file: string; path?: string },
  root = packageRoot(),
): Instrument {
  if (FILE_LIKE.test(ref)) return parseInstrument(parseDataText(readTextFile(ref), ref), ref);
  const known = listBuiltinInstruments(root);
  if (!known.includes(ref))
    throw new AspisError({
      ...where,
      expected: `a treaty instrument id (${known.join(', ')}) or a rule file path`,
      got: ref,
      hint: `did you mean ${nearest(ref, known).join(', ')}?`,
    });
  const label = `treaties/${ref}.yaml`;
  const ins = parseInstrument(parseDataText(readTextFile(join(root, label), label), label), label);
  if (ins.id !== ref)
    throw new AspisError({
      file: label,
      path: 'id',
      expected: `the file's name, ${ref}`,
      got: ins.id,
    });
  return ins;
}

function printReport(out: Output, r: TreatyReport, scenario: string, file: string): void {
  out.stdout(`${scenario}  (${file}${r.epoch ? `, epoch ${r.epoch.slice(0, 10)}` : ''})\n\n`);
  printTable(
    out,
    r.instruments.map((i) => [
      i.id,
      `v${i.version}`,
      i.statusAtEpoch ? `${i.statusAtEpoch.state} since ${i.statusAtEpoch.from}` : 'not yet signed',
      i.title,
    ]),
    ['instrument', 'version', 'status at epoch', 'title'],
  );
  out.stdout('\n');
  printTable(
    out,
    r.findings.map((f) => [f.instrument, f.article, f.status, f.component, f.reason]),
    ['instrument', 'article', 'status', 'component', 'reason'],
  );
  const c = r.counts;
  out.stdout(
    `\n${r.compliant ? 'COMPLIANT' : 'NOT COMPLIANT'}: ${c.violation} violation(s), ${c['needs-judgement']} needing judgement, ${c.complies} complying, ${c['not-applicable']} not applicable\n`,
  );
}

export function registerTreaty(program: Command, out: Output): void {
  program
    .command('treaty <SCENARIO>')
    .description(
      "article-level treaty findings for a scenario's declared forces (ABM Treaty family)",
    )
    .option(
      '--instrument <ID|FILE>',
      "an instrument id (treaties/<id>.yaml) or rule file; repeatable (default: the scenario's treaties)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--json', 'print one JSON document')
    .action((ref: string, o: { instrument?: string[]; json?: boolean }) => {
      const { scenario, catalog, file } = loadScenarioFile(ref);
      const refs = o.instrument ?? scenario.treaties;
      const instruments = refs.map((id, i) =>
        loadInstrument(
          id,
          o.instrument ? { file: '--instrument' } : { file, path: `treaties[${i}]` },
        ),
      );
      const facts = scenarioTreatyFacts(scenario, catalog, file);
      const report = evaluateTreaties(facts, instruments);
      out.result(o.json, { scenario: scenario.name, ...report }, () =>
        printReport(out, report, scenario.name, file),
      );
    });
}
