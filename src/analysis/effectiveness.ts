/**
 * Analytic ballistic-missile-defense effectiveness: the simple expected-value models of
 * D. A. Wilkening, "A simple model for calculating ballistic missile defense effectiveness",
 * Science & Global Security 8 (2000) 183–215. Wilkening measures a defense by the probability
 * that no attacking warhead leaks through, built from the single-shot kill probability, the
 * interceptor reliability, the number of interceptors committed per target, the firing doctrine
 * (barrage or shoot-look-shoot) and discrimination of warheads from decoys. The formulas below
 * are the standard closed forms of that framework; docs/effectiveness.md states each assumption.
 *
 * Per warhead, with k = R·SSPK the kill probability of one interceptor that is fired:
 * - barrage, n interceptors fired at once:           P_k = 1 − (1 − k)ⁿ, interceptors = n;
 * - shoot-look-shoot (one interceptor per look, up to n, perfect kill assessment):
 *                                                    P_k = 1 − (1 − k)ⁿ,
 *                                                    interceptors = Σ_{i<n} (1 − k)ⁱ = (1 − (1 − k)ⁿ)/k;
 *   with imperfect kill assessment A (each look reports the true state with probability A) the
 *   same engagement is evaluated as a small Markov chain (see `engagementOutcome`);
 * - discrimination D with M decoys per warhead: the defense engages every object it classifies
 *   as an RV; the RV is so classified with probability D and each decoy with probability 1 − D,
 *   independently. So P_kill = D·P_k and interceptors = (D + M(1 − D))·E[shots per engagement];
 * - W warheads, engaged independently and with enough interceptors: P(no leaker) = P_killᵂ,
 *   expected leakers = W(1 − P_kill), expected interceptors = W·(interceptors per warhead).
 *
 * Pure functions; `sampleRaid` draws one Monte Carlo realisation of the same model from a
 * RandomStream for cross-checks.
 */
import { AspisError } from '../core/errors.ts';
import type { RandomStream } from '../core/random.ts';

export type Doctrine = 'barrage' | 'sls';

export interface EffectivenessInput {
  /** Attacking warheads (RVs), W ≥ 1. */
  warheads: number;
  /** Interceptors committed per engaged object (barrage: fired at once; sls: at most), n ≥ 0. */
  shots: number;
  /** Single-shot kill probability of an interceptor that flies and functions. */
  sspk: number;
  /** Probability that an interceptor launches and functions (default 1). */
  reliability?: number;
  /** Firing doctrine (default barrage). */
  doctrine?: Doctrine;
  /** Probability of classifying an object correctly (the RV as RV, a decoy as decoy); default 1. */
  discrimination?: number;
  /** Decoys accompanying each warhead, M ≥ 0 (default 0). */
  decoys?: number;
  /** Shoot-look-shoot only: probability that a look reports the true state (default 1). */
  killAssessment?: number;
}

export interface EffectivenessParams {
  warheads: number;
  shots: number;
  sspk: number;
  reliability: number;
  doctrine: Doctrine;
  discrimination: number;
  decoys: number;
  killAssessment: number;
}

export interface EffectivenessResult {
  inputs: EffectivenessParams;
  /** Probability that no warhead leaks through: P_killᵂ. */
  pNoLeak: number;
  /** Probability that a given warhead is killed: D · P_k. */
  pKillPerWarhead: number;
  /** W · (1 − P_kill). */
  expectedLeakers: number;
  /** W · (D + M(1 − D)) · E[shots per engagement]. */
  expectedInterceptors: number;
  /** Parts of the per-warhead result. */
  perWarhead: {
    /** Probability that the RV itself is engaged (classified as an RV): D. */
    pEngaged: number;
    /** Kill probability of an engagement of the RV: P_k. */
    pKillGivenEngaged: number;
    /** Expected interceptors fired in one engagement (of the RV or of a decoy). */
    interceptorsPerEngagement: number;
    /** Expected objects engaged per warhead: D + M(1 − D). */
    objectsEngaged: number;
    /** Expected interceptors per warhead (its RV and its decoys). */
    expectedInterceptors: number;
  };
}

function checkProbability(x: number, path: string): void {
  if (!(typeof x === 'number' && x >= 0 && x <= 1)) {
    throw new AspisError({ path, expected: 'a probability in [0, 1]', got: x });
  }
}

function checkInteger(x: number, min: number, path: string): void {
  if (!(Number.isSafeInteger(x) && x >= min)) {
    throw new AspisError({ path, expected: `an integer ≥ ${min}`, got: x });
  }
}

/** Fills defaults and validates; errors are AspisErrors naming the field (exit 2 at the CLI). */
export function effectivenessParams(input: EffectivenessInput): EffectivenessParams {
  const p: EffectivenessParams = {
    warheads: input.warheads,
    shots: input.shots,
    sspk: input.sspk,
    reliability: input.reliability ?? 1,
    doctrine: input.doctrine ?? 'barrage',
    discrimination: input.discrimination ?? 1,
    decoys: input.decoys ?? 0,
    killAssessment: input.killAssessment ?? 1,
  };
  checkInteger(p.warheads, 1, 'warheads');
  checkInteger(p.shots, 0, 'shots');
  checkProbability(p.sspk, 'sspk');
  checkProbability(p.reliability, 'reliability');
  if (p.doctrine !== 'barrage' && p.doctrine !== 'sls') {
    throw new AspisError({ path: 'doctrine', expected: 'barrage or sls', got: p.doctrine });
  }
  checkProbability(p.discrimination, 'discrimination');
  checkInteger(p.decoys, 0, 'decoys');
  checkProbability(p.killAssessment, 'killAssessment');
  return p;
}

/** Kill probability and expected interceptors of one engagement of one object. */
export interface EngagementOutcome {
  pKill: number;
  expectedShots: number;
}

/**
 * One engagement of one object with at most n interceptors, each killing with k = R·SSPK,
 * independently.
 *
 * Barrage: all n fired; P_k = 1 − (1 − k)ⁿ, shots = n.
 *
 * Shoot-look-shoot: fire one, look, fire again while the look says "alive" and shots remain.
 * With kill assessment A (probability that a look reports the true state), let aᵢ be the
 * probability that the object is alive and believed alive after i shots, and zᵢ that it is dead
 * but believed alive (so shots continue to be wasted on it); a₀ = 1, z₀ = 0:
 *   aᵢ₊₁ = aᵢ (1 − k) A,       zᵢ₊₁ = aᵢ k (1 − A) + zᵢ (1 − A),
 *   P_k = Σ_{i<n} aᵢ k,        shots = Σ_{i<n} (aᵢ + zᵢ).
 * A surviving object reported dead leaks. With A = 1 this is P_k = 1 − (1 − k)ⁿ and
 * shots = (1 − (1 − k)ⁿ)/k (n when k = 0): the kill probability of a barrage of n, for fewer
 * interceptors.
 */
export function engagementOutcome(
  shots: number,
  killPerShot: number,
  doctrine: Doctrine,
  killAssessment = 1,
): EngagementOutcome {
  const k = killPerShot;
  const miss = 1 - k;
  if (doctrine === 'barrage') return { pKill: 1 - Math.pow(miss, shots), expectedShots: shots };
  if (killAssessment === 1) {
    const pKill = 1 - Math.pow(miss, shots);
    return { pKill, expectedShots: k === 0 ? shots : pKill / k };
  }
  const A = killAssessment;
  let alive = 1;
  let deadBelievedAlive = 0;
  let pKill = 0;
  let expectedShots = 0;
  for (let i = 0; i < shots; i++) {
    const firing = alive + deadBelievedAlive;
    if (firing === 0) break;
    expectedShots += firing;
    pKill += alive * k;
    deadBelievedAlive = (alive * k + deadBelievedAlive) * (1 - A);
    alive = alive * miss * A;
  }
  return { pKill, expectedShots };
}

/** The analytic effectiveness of a defense against a raid (see the module comment). */
export function effectiveness(input: EffectivenessInput): EffectivenessResult {
  const p = effectivenessParams(input);
  const k = p.reliability * p.sspk;
  const e = engagementOutcome(p.shots, k, p.doctrine, p.killAssessment);
  const D = p.discrimination;
  const pKillPerWarhead = D * e.pKill;
  const objectsEngaged = D + p.decoys * (1 - D);
  const perWarheadInterceptors = objectsEngaged * e.expectedShots;
  return {
    inputs: p,
    pNoLeak: Math.pow(pKillPerWarhead, p.warheads),
    pKillPerWarhead,
    expectedLeakers: p.warheads * (1 - pKillPerWarhead),
    expectedInterceptors: p.warheads * perWarheadInterceptors,
    perWarhead: {
      pEngaged: D,
      pKillGivenEngaged: e.pKill,
      interceptorsPerEngagement: e.expectedShots,
      objectsEngaged,
      expectedInterceptors: perWarheadInterceptors,
    },
  };
}

/** One realisation of a raid. */
export interface RaidSample {
  leakers: number;
  interceptors: number;
}

/** Draws one engagement of one object; returns [killed, interceptors fired]. */
function sampleEngagement(p: EffectivenessParams, rng: RandomStream): [boolean, number] {
  let dead = false;
  let fired = 0;
  for (let i = 0; i < p.shots; i++) {
    fired++;
    // An interceptor kills if it functions (R) and then hits and kills (SSPK): two draws, so
    // the product R·SSPK of the analytic model is tested rather than assumed.
    const works = rng.uniform() < p.reliability;
    const hits = rng.uniform() < p.sspk;
    if (works && hits) dead = true;
    if (p.doctrine === 'barrage') continue;
    const lookCorrect = rng.uniform() < p.killAssessment;
    const believedDead = lookCorrect ? dead : !dead;
    if (believedDead) break;
  }
  return [dead, fired];
}

/**
 * One Monte Carlo realisation of the analytic model: each warhead's RV is classified as an RV
 * with probability D and each of its M decoys with probability 1 − D; every object classified
 * as an RV is engaged by the doctrine. A warhead leaks unless its RV is engaged and killed.
 * For cross-checks of `effectiveness`; the engine's engagement layer is the physical model.
 */
export function sampleRaid(input: EffectivenessInput, rng: RandomStream): RaidSample {
  const p = effectivenessParams(input);
  let leakers = 0;
  let interceptors = 0;
  for (let w = 0; w < p.warheads; w++) {
    let killed = false;
    if (rng.uniform() < p.discrimination) {
      const [dead, fired] = sampleEngagement(p, rng);
      killed = dead;
      interceptors += fired;
    }
    if (!killed) leakers++;
    for (let m = 0; m < p.decoys; m++) {
      if (rng.uniform() < 1 - p.discrimination) interceptors += sampleEngagement(p, rng)[1];
    }
  }
  return { leakers, interceptors };
}
