/**
 * `engagement`: the kill-chain trial (src/scenario/engagement-trial.ts) as a registered trial
 * function for the worker pool. Each worker loads the scenario and builds its world once per
 * scenario reference (targeting solutions, sensors, fly-out fans), then runs trials from it.
 */
import { loadScenarioFile } from './files.ts';
import {
  buildEngagementWorld,
  runEngagementTrial,
  type EngagementWorld,
} from '../scenario/engagement-trial.ts';
import { registerTrialFn, type TrialContext, type TrialRecord, type JsonValue } from './trial.ts';

export const ENGAGEMENT_TRIAL = 'engagement';

const worlds = new Map<string, EngagementWorld>();

export function engagementWorld(scenarioRef: string): EngagementWorld {
  let w = worlds.get(scenarioRef);
  if (!w) {
    const { scenario, catalog, file } = loadScenarioFile(scenarioRef);
    w = buildEngagementWorld(scenario, catalog, file);
    worlds.set(scenarioRef, w);
  }
  return w;
}

export function engagementTrial(ctx: TrialContext): TrialRecord {
  const r = runEngagementTrial(engagementWorld(ctx.scenarioRef), ctx.seed, ctx.trial);
  return {
    trial: ctx.trial,
    outcome: r.outcome as unknown as JsonValue,
    events: r.events.map((e) => ({ ...e })),
  };
}

registerTrialFn(ENGAGEMENT_TRIAL, engagementTrial);
