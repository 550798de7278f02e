import Table from 'cli-table3';

export interface Output {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Prints `doc` as one JSON document when `json`, else runs the human printer. */
  result(json: boolean | undefined, doc: unknown, human: () => void): void;
}

export function printTable(out: Output, rows: string[][], head?: string[]): void {
  const t = new Table({ head: head ?? [], style: { head: [], border: [] } });
  for (const r of rows) t.push(r);
  out.stdout(`${t.toString()}\n`);
}
