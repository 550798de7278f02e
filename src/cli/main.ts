/**
 * The `aspis` command line (DESIGN.md §6). Every command takes `--json` and then prints exactly
 * one JSON document on stdout; otherwise a human table. Exit codes: 0 ok, 1 run-time failure,
 * 2 bad input. Errors are one line on stderr, never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { AspisError } from '../core/errors.ts';
import type { Output } from './output.ts';
import { COMMANDS } from './commands/index.ts';

function build(out: Output): Command {
  const program = new Command('aspis')
    .description('Aspis: missile-defense and arms-control simulator')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.stdout(s),
      writeErr: (s) => out.stderr(s),
    });
  for (const register of COMMANDS) register(program, out);
  return program;
}

/** Runs the CLI; returns the exit code. `out` is injectable for tests. */
export async function main(argv: string[], out: Output = processOutput()): Promise<number> {
  const program = build(out);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.exitCode === 0
      )
        return 0;
      return 2; // commander already printed the usage error
    }
    if (e instanceof AspisError) {
      out.stderr(`aspis: ${e.message}\n`);
      return e.exitCode;
    }
    out.stderr(`aspis: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function processOutput(): Output {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    result(json, doc, human) {
      if (json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      else human();
    },
  };
}
