/**
 * Repository checks run as tests, so `npm test` covers them: types, lint, format and the
 * architecture rules of DESIGN.md §1 (dependency-cruiser).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

function run(cmd: string, args: string[]): { code: number; output: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const bin = (name: string): string => `node_modules/.bin/${name}`;

test('TypeScript compiles in strict mode with no errors', () => {
  const r = run(bin('tsc'), ['-p', 'tsconfig.check.json']);
  assert.equal(r.code, 0, r.output);
});

test('eslint (typescript-eslint, no explicit any) finds nothing', () => {
  const r = run(bin('eslint'), ['--max-warnings=0', '.']);
  assert.equal(r.code, 0, r.output);
});

test('prettier: every source file is formatted', () => {
  const r = run(bin('prettier'), ['--check', '.']);
  assert.equal(r.code, 0, r.output);
});

test('architecture rules (DESIGN.md §1) hold: dependency-cruiser finds no violation', () => {
  const r = run(bin('depcruise'), [
    'src',
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'err',
  ]);
  assert.equal(r.code, 0, r.output);
});
