/**
 * Track deletion (Stone Soup's Deleter): a confirmed track is deleted after too many consecutive
 * missed detection opportunities, when its position uncertainty grows past a limit (the track no
 * longer says where the object is), or after coasting too long without an update.
 */
import type { GaussianState } from './gaussian-state.ts';
import type { Track } from './track.ts';

export interface Deleter<S extends GaussianState = GaussianState> {
  shouldDelete(track: Track<S>, time_s: number): boolean;
}

export interface MissesDeleterOptions {
  /** Consecutive misses that delete a confirmed track (default 5). */
  maxConsecutiveMisses?: number;
  /** Largest √trace(P_pos) (m) before deletion (default 50 km). */
  maxPositionSigma_m?: number;
  /** Longest time without an update (s) (default ∞). */
  maxCoast_s?: number;
}

export class MissesCovarianceDeleter<
  S extends GaussianState = GaussianState,
> implements Deleter<S> {
  readonly maxMisses: number;
  readonly maxTrace: number;
  readonly maxCoast: number;

  constructor(o: MissesDeleterOptions = {}) {
    this.maxMisses = o.maxConsecutiveMisses ?? 5;
    this.maxTrace = (o.maxPositionSigma_m ?? 50e3) ** 2;
    this.maxCoast = o.maxCoast_s ?? Infinity;
  }

  shouldDelete(track: Track<S>, time_s: number): boolean {
    if (track.consecutiveMisses >= this.maxMisses) return true;
    if (time_s - track.lastUpdate_s > this.maxCoast) return true;
    const P = track.state.P;
    const n = track.state.n;
    return P[0] + P[n + 1] + P[2 * n + 2] > this.maxTrace;
  }
}
