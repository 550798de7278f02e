import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_STORE_PATH, ResultsStore, type RunInfo } from '../../node/store.ts';
import { printTable, type Output } from '../output.ts';

interface StoreOpt {
  store?: string;
  json?: boolean;
}

async function withStore<T>(path: string, f: (s: ResultsStore) => Promise<T>): Promise<T> {
  const store = await ResultsStore.open(path, { readOnly: true });
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

const row = (r: RunInfo): string[] => [
  r.id,
  r.scenarioRef,
  String(r.seed),
  `${r.trialsDone}/${r.trialsRequested}`,
  r.status,
  r.created.replace('T', ' ').slice(0, 19),
];

export function registerRuns(program: Command, out: Output): void {
  const runs = program
    .command('runs')
    .description('Monte Carlo runs in the results store (DuckDB file)');
  runs
    .command('list', { isDefault: true })
    .description('every run in the store, oldest first')
    .option('--store <FILE>', 'results store file', DEFAULT_STORE_PATH)
    .option('--json', 'print one JSON document')
    .action(async (o: StoreOpt) => {
      const path = o.store ?? DEFAULT_STORE_PATH;
      const list = existsSync(path) ? await withStore(path, (s) => s.listRuns()) : [];
      out.result(o.json, { store: path, runs: list }, () => {
        if (list.length === 0) {
          out.stdout(`no runs in ${path}\n`);
          return;
        }
        printTable(out, list.map(row), [
          'run',
          'scenario',
          'seed',
          'trials',
          'status',
          'created (UTC)',
        ]);
      });
    });
  runs
    .command('show <RUN>')
    .description('one run: its parameters, progress and summary')
    .option('--store <FILE>', 'results store file', DEFAULT_STORE_PATH)
    .option('--json', 'print one JSON document')
    .action(async (id: string, o: StoreOpt) => {
      const path = o.store ?? DEFAULT_STORE_PATH;
      const doc = await withStore(path, async (s) => {
        const run = await s.requireRun(id);
        const summary = (await s.getSummary(id)) ?? null;
        return { store: path, ...run, summary };
      });
      out.result(o.json, doc, () => {
        printTable(out, [
          ['run', doc.id],
          ['scenario', doc.scenarioRef],
          ['scenario hash', doc.scenarioHash ?? '—'],
          ['seed', String(doc.seed)],
          ['trial function', doc.trialFn],
          ['trials', `${doc.trialsDone}/${doc.trialsRequested} (batches of ${doc.batchSize})`],
          ['status', doc.status],
          ['created (UTC)', doc.created],
          ['finished (UTC)', doc.finished ?? '—'],
          ['store', path],
        ]);
        if (doc.summary !== null) out.stdout(`summary:\n${JSON.stringify(doc.summary, null, 2)}\n`);
        if (doc.status === 'interrupted' || doc.status === 'failed') {
          out.stdout(`resume with: aspis run ${doc.scenarioRef} --resume ${doc.id}\n`);
        }
      });
    });
}
