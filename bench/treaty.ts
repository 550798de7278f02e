/**
 * Treaty (issue 7): evaluating the scenario's instruments on every built-in scenario, after the
 * scenarios, catalog and rule files are loaded (budget: ≤ 100 ms for all of them together),
 * against the cost of loading those inputs in the same process.
 */
import { listBuiltinScenarios, loadScenarioFile } from '../src/node/files.ts';
import { scenarioTreatyFacts } from '../src/scenario/treaty-facts.ts';
import { evaluateTreaties } from '../src/treaty/evaluate.ts';
import { loadInstrument } from '../src/cli/commands/treaty.ts';
import { line } from './util.ts';

export function benchTreaty(): void {
  line('## Treaty');
  let t = performance.now();
  const inputs = listBuiltinScenarios().map((name) => {
    const { scenario, catalog, file } = loadScenarioFile(`builtin:${name}`);
    const instruments = scenario.treaties.map((id) => loadInstrument(id, { file }));
    return { scenario, catalog, file, instruments };
  });
  const loadMs = performance.now() - t;
  const evalAll = (): number => {
    let findings = 0;
    for (const x of inputs) {
      const facts = scenarioTreatyFacts(x.scenario, x.catalog, x.file);
      findings += evaluateTreaties(facts, x.instruments).findings.length;
    }
    return findings;
  };
  evalAll(); // warm-up
  const reps = 20;
  t = performance.now();
  let findings = 0;
  for (let r = 0; r < reps; r++) findings = evalAll();
  const evalMs = (performance.now() - t) / reps;
  line(
    `treaty evaluation of all ${inputs.length} built-in scenarios: ${evalMs.toFixed(2)} ms (${findings} findings; budget ≤ 100 ms)`,
  );
  line(
    `  loading the scenarios, catalog and rule files once: ${loadMs.toFixed(0)} ms (${(loadMs / evalMs).toFixed(0)}× the evaluation)`,
  );
}
