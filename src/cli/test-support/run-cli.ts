/**
 * The CLI test harness: runs `main(argv)` with captured output, and checks the one-line error
 * contract of DESIGN.md §6. Shared by every CLI test.
 */
import assert from 'node:assert/strict';
import { main } from '../main.ts';
import type { Output } from '../output.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function aspis(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out: Output = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    result(json, doc, human) {
      if (json) stdout += `${JSON.stringify(doc)}\n`;
      else human();
    },
  };
  const code = await main(argv, out);
  return { code, stdout, stderr };
}

/** A failing run: exit code, exactly one line on stderr, no stack trace, nothing on stdout. */
export function assertOneLineError(r: Run, code: number, pattern: RegExp): void {
  assert.equal(r.code, code, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.match(lines[0], pattern);
}
