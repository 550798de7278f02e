#!/usr/bin/env node
// Runs every *.test.ts under src/ and scripts/ with node's test runner through tsx, so the last
// lines printed are the runner's own summary (what CI reads). `--unit` skips the slow repo checks.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const unitOnly = process.argv.includes('--unit');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = [...walk('src', []), ...walk('scripts', [])].sort();
if (unitOnly) files = files.filter((f) => !f.startsWith('scripts/'));
if (filters.length > 0) files = files.filter((f) => filters.some((x) => f.includes(x)));

const args = [
  '--import',
  'tsx',
  '--test',
  `--test-concurrency=${Math.max(2, availableParallelism())}`,
  '--test-reporter=spec',
  ...files,
];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
