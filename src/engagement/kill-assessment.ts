/**
 * Intercept outcome and kill assessment. The outcome is drawn against truth — the one explicit
 * truth oracle of the engagement layer (DESIGN.md §1) — from the shot's kill probability
 * (SSPK × reliability); the assessment the defense acts on is a noisy reading of it.
 */
import type { RandomStream } from '../core/random.ts';

export interface KillAssessmentModel {
  /** Probability of declaring a killed target alive (wastes a shot). */
  pMissedKill: number;
  /** Probability of declaring a surviving target dead (lets it leak). */
  pFalseKill: number;
}

/** Truth oracle: does one interceptor kill its target? */
export function interceptKills(sspk: number, reliability: number, rng: RandomStream): boolean {
  return rng.uniform() < sspk * reliability;
}

/** Outcome of a salvo of n independent shots. */
export function salvoKills(
  n: number,
  sspk: number,
  reliability: number,
  rng: RandomStream,
): boolean {
  let killed = false;
  // Draw every shot, killed or not, so the stream advances the same way whatever happens.
  for (let k = 0; k < n; k++) if (interceptKills(sspk, reliability, rng)) killed = true;
  return killed;
}

/** What the defense believes after a look: true = "killed". */
export function assessKill(
  killed: boolean,
  model: KillAssessmentModel,
  rng: RandomStream,
): boolean {
  const u = rng.uniform();
  return killed ? u >= model.pMissedKill : u < model.pFalseKill;
}
