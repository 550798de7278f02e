/**
 * Discrimination: does the defense believe a tracked object is a warhead? Modelled, as in
 * Wilkening (Science & Global Security 8, 2000) and the UCS/MIT "Countermeasures" study (Sessler
 * et al. 2000), by a probability of correct classification rather than by signal processing:
 * an RV is recognised as an RV with probability `pRvAsRv`, a decoy is recognised as a decoy with
 * probability `pDecoyAsDecoy`. Atmospheric filtering is physical, not drawn: below
 * `filterAltitude_m` on the way down a light decoy has already been slowed and is recognised
 * (flight.md: a balloon is stopped 60–100 km up).
 *
 * The defense shoots at what it believes are RVs — so misclassified decoys draw interceptors and
 * misclassified RVs leak.
 */
import type { RandomStream } from '../core/random.ts';

export interface DiscriminationModel {
  pRvAsRv: number;
  pDecoyAsDecoy: number;
  /** Below this altitude (descending) the atmosphere has sorted light decoys out. */
  filterAltitude_m?: number;
}

export type ObjectClass = 'rv' | 'decoy' | 'booster';

/**
 * One classification draw for a tracked object (each object is classified once per trial; the
 * draw comes from that object's own stream, so it does not depend on the order of engagements).
 */
export function believedWarhead(
  truthClass: ObjectClass,
  model: DiscriminationModel,
  rng: RandomStream,
  altitude_m = Infinity,
  descending = false,
): boolean {
  const u = rng.uniform();
  if (truthClass === 'booster') return false;
  if (truthClass === 'rv') return u < model.pRvAsRv;
  if (descending && altitude_m < (model.filterAltitude_m ?? 0)) return false;
  return u >= model.pDecoyAsDecoy;
}

/**
 * Expected number of objects the defense engages per warhead when it engages everything it
 * believes is a warhead: pRvAsRv + M·(1 − pDecoyAsDecoy) for M decoys per warhead.
 */
export function expectedEngagedPerWarhead(
  model: DiscriminationModel,
  decoysPerWarhead: number,
): number {
  return model.pRvAsRv + decoysPerWarhead * (1 - model.pDecoyAsDecoy);
}
