import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/schema.ts';
import type { Output } from '../output.ts';

export function registerSchema(program: Command, out: Output): void {
  program
    .command('schema')
    .description('print the scenario JSON Schema')
    .action(() => out.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`));
}
