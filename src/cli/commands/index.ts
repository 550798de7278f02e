/**
 * Every command of the CLI, one module each; a new command is one file and one line here.
 */
import type { Command } from 'commander';
import type { Output } from '../output.ts';
import { registerBallistic } from './ballistic.ts';
import { registerFlyout } from './flyout.ts';
import { registerRange } from './range.ts';
import { registerCatalog } from './catalog.ts';
import { registerSchema } from './schema.ts';
import { registerRun } from './run.ts';
import { registerLedger } from './ledger.ts';
import { registerRadarRange } from './radar-range.ts';
import { registerCoverage } from './coverage.ts';
import { registerTrack } from './track.ts';
import { registerEnvelope } from './envelope.ts';
import { registerRuns } from './runs.ts';
import { registerExport } from './export.ts';
import { registerEffectiveness } from './effectiveness.ts';
import { registerTreaty } from './treaty.ts';

export const COMMANDS: ((program: Command, out: Output) => void)[] = [
  registerBallistic,
  registerFlyout,
  registerRange,
  registerCatalog,
  registerSchema,
  registerRun,
  registerRadarRange,
  registerCoverage,
  registerTrack,
  registerEnvelope,
  registerRuns,
  registerExport,
  registerEffectiveness,
  registerLedger,
  registerTreaty,
];
