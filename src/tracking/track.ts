/**
 * A track: a state estimate with its life cycle tentative → confirmed → deleted, update count and
 * history. The tracker owns and mutates tracks; everything else reads them.
 */
import type { Detection } from '../core/detection.ts';
import type { GaussianState } from './gaussian-state.ts';

export type TrackStatus = 'tentative' | 'confirmed' | 'deleted';

export interface TrackHistoryEntry {
  time_s: number;
  x: Float64Array;
  P: Float64Array;
  /** The (highest-weight) detection used at this time, or null for a coasted (missed) scan. */
  detection: Detection | null;
}

export interface Track<S extends GaussianState = GaussianState> {
  readonly id: number;
  status: TrackStatus;
  state: S;
  created_s: number;
  confirmed_s: number | null;
  deleted_s: number | null;
  lastUpdate_s: number;
  /** Number of measurement updates (including the initiating detection). */
  updates: number;
  /** Hit (true) / miss (false) per detection opportunity, oldest first (for M-of-N). */
  hits: boolean[];
  consecutiveMisses: number;
  /** Sensors that have contributed a detection; only their scans count as opportunities. */
  sensors: Set<string>;
  history: TrackHistoryEntry[];
}
