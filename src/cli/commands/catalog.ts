import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import { nearest } from '../../core/nearest.ts';
import { ENTRY_KINDS } from '../../scenario/catalog.ts';
import { loadBuiltinCatalog } from '../../node/files.ts';
import { printTable, type Output } from '../output.ts';

export function registerCatalog(program: Command, out: Output): void {
  const cat = program
    .command('catalog')
    .description('the built-in catalog of missiles, sites and sensors');
  cat
    .command('list', { isDefault: true })
    .option('--kind <KIND>', 'only this kind of entry')
    .option('--json', 'print one JSON document')
    .action((o: { kind?: string; json?: boolean }) => {
      const catalog = loadBuiltinCatalog();
      if (o.kind !== undefined && !catalog.hasKind(o.kind)) {
        throw new AspisError({
          file: '--kind',
          expected: `one of ${Object.keys(ENTRY_KINDS).join(', ')}`,
          got: o.kind,
        });
      }
      const rows = catalog.list(o.kind as Parameters<typeof catalog.list>[0]);
      out.result(o.json, rows, () =>
        printTable(
          out,
          rows.map((r) => [r.kind, r.id, r.name]),
          ['kind', 'id', 'name'],
        ),
      );
    });
  cat
    .command('show <ID>')
    .option('--json', 'print one JSON document')
    .action((id: string, o: { json?: boolean }) => {
      const catalog = loadBuiltinCatalog();
      const hit = catalog.list().find((e) => e.id === id);
      if (!hit) {
        throw new AspisError({
          file: 'catalog show',
          expected: 'a catalog id',
          got: id,
          hint: `did you mean ${nearest(id, catalog.ids(), 3).join(', ')}?`,
        });
      }
      const entry = { kind: hit.kind, file: hit.file, ...catalog.get(hit.kind, id) };
      out.result(o.json, entry, () => out.stdout(`${JSON.stringify(entry, null, 2)}\n`));
    });
}
