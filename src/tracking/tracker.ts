/**
 * A multi-target tracker assembled from parts (Stone Soup's MultiTargetTracker): predictor,
 * updater, associator (GNN or JPDA), initiator (with M-of-N confirmation) and deleter. It
 * consumes detections in time order; detections of one sensor within scanWindow_s of each other
 * form a scan (one association problem). Central measurement fusion is simply feeding several
 * sensors' detections to one tracker: each scan updates the same tracks.
 *
 * Per scan: predict every live track to the scan time → associate → update (each single
 * detection at its own time stamp; weighted PDA/JPDA updates at the first detection's time) or
 * coast → initiate tentative tracks from detections no track took → confirm/drop tentative
 * tracks (M-of-N) → delete confirmed tracks (deleter). A scan is a detection opportunity for a
 * track only when that sensor has already contributed to the track, so a track seen by one radar
 * is not counted as missed by another radar that cannot see it.
 */
import type { Detection } from '../core/detection.ts';
import { cloneGaussianState, type GaussianState } from './gaussian-state.ts';
import type { Predictor, Updater } from './filter.ts';
import type { Associator } from './gnn.ts';
import type { Initiator } from './initiator.ts';
import type { Deleter } from './deleter.ts';
import type { Track } from './track.ts';

export interface TrackerParts<S extends GaussianState = GaussianState> {
  predictor: Predictor<S>;
  updater: Updater<S>;
  associator: Associator<S>;
  /**
   * Association for tentative tracks, run after the confirmed tracks have taken their detections
   * (confirmed tracks get first pick). Default: the main associator. Giving GNN here while the
   * main associator is JPDA keeps diffuse new tracks from sharing (and blurring) detections.
   */
  tentativeAssociator?: Associator<S>;
  initiator: Initiator;
  deleter: Deleter<S>;
  /** Turns an initiator's 6-state [r, v] into the filter's state (pad, IMM modes); default as is. */
  toTrackState?: (g: GaussianState) => S;
  /** Deep copy of a track state (default: copies x, P, time). */
  cloneState?: (s: S) => S;
  /** Detections of one sensor closer than this in time form one scan (default 0: same time). */
  scanWindow_s?: number;
  /** Keep x and P in the history (default true); false keeps only times and detections. */
  keepHistoryStates?: boolean;
}

export interface Tracker<S extends GaussianState = GaussianState> {
  /** Consumes detections (any order inside the batch; must not precede earlier batches). */
  process(dets: readonly Detection[]): void;
  /** Every track ever made, including deleted ones. */
  readonly tracks: readonly Track<S>[];
  live(): Track<S>[];
  confirmed(): Track<S>[];
  /** Predicted states of the live tracks at time_s (does not change the tracks). */
  statesAt(time_s: number): { track: Track<S>; state: S }[];
}

export function createTracker<S extends GaussianState = GaussianState>(
  parts: TrackerParts<S>,
): Tracker<S> {
  const toState = parts.toTrackState ?? ((g: GaussianState) => g as S);
  const clone = parts.cloneState ?? ((s: S) => cloneGaussianState(s) as S);
  const window = parts.scanWindow_s ?? 0;
  const keepStates = parts.keepHistoryStates ?? true;
  const tracks: Track<S>[] = [];
  const scratch = new Map<number, S>();
  let nextId = 1;
  let lastTime = -Infinity;

  const record = (t: Track<S>, det: Detection | null): void => {
    t.history.push({
      time_s: t.state.time_s,
      x: keepStates ? t.state.x.slice() : new Float64Array(0),
      P: keepStates ? t.state.P.slice() : new Float64Array(0),
      detection: det,
    });
  };

  /** Predicts, associates and updates (or coasts) the given tracks; adds β to used. */
  const associateAndUpdate = (
    live: Track<S>[],
    dets: readonly Detection[],
    time: number,
    sensorId: string,
    associator: Associator<S>,
    used: Float64Array,
  ): void => {
    if (live.length === 0) return;
    const preds: S[] = live.map((t) => {
      let p = scratch.get(t.id);
      if (!p) scratch.set(t.id, (p = clone(t.state)));
      return parts.predictor.predict(t.state, time, p);
    });
    const assoc =
      dets.length > 0
        ? associator.associate(preds, dets, parts.updater)
        : preds.map((_, k) => ({
            track: k,
            detections: [] as number[],
            weights: [] as number[],
            missWeight: 1,
          }));
    for (let k = 0; k < live.length; k++) {
      const t = live[k];
      const a = assoc[k];
      if (a.detections.length > 0) {
        let best = 0;
        for (let i = 1; i < a.weights.length; i++) if (a.weights[i] > a.weights[best]) best = i;
        for (let i = 0; i < a.detections.length; i++) used[a.detections[i]] += a.weights[i];
        const first = dets[a.detections[0]];
        if (a.detections.length === 1 && a.missWeight === 0) {
          // Update at the detection's own time stamp.
          const pred =
            first.time_s === time
              ? preds[k]
              : parts.predictor.predict(t.state, first.time_s, preds[k]);
          parts.updater.update(pred, first, t.state);
        } else {
          const pred =
            first.time_s === time
              ? preds[k]
              : parts.predictor.predict(t.state, first.time_s, preds[k]);
          parts.updater.updateWeighted(
            pred,
            a.detections.map((i) => dets[i]),
            a.weights,
            a.missWeight,
            t.state,
          );
        }
        t.updates++;
        t.lastUpdate_s = t.state.time_s;
        t.consecutiveMisses = 0;
        t.hits.push(true);
        t.sensors.add(sensorId);
        record(t, dets[a.detections[best]]);
      } else {
        // Coast: the prediction becomes the state.
        const p = preds[k];
        scratch.set(t.id, t.state);
        t.state = p;
        if (t.sensors.has(sensorId)) {
          t.consecutiveMisses++;
          t.hits.push(false);
          record(t, null);
        }
      }
    }
  };

  const processScan = (dets: readonly Detection[]): void => {
    const time = dets[0].time_s;
    const sensorId = dets[0].sensorId;
    const used = new Float64Array(dets.length);
    const confirmed = tracks.filter((t) => t.status === 'confirmed');
    associateAndUpdate(confirmed, dets, time, sensorId, parts.associator, used);
    // Tentative tracks see only what the confirmed tracks left.
    const rest: number[] = [];
    for (let i = 0; i < dets.length; i++) if (used[i] < 0.5) rest.push(i);
    const restUsed = new Float64Array(rest.length);
    const tentative = tracks.filter((t) => t.status === 'tentative');
    const assocT = parts.tentativeAssociator ?? parts.associator;
    associateAndUpdate(
      tentative,
      rest.map((i) => dets[i]),
      time,
      sensorId,
      assocT,
      restUsed,
    );
    for (let k = 0; k < rest.length; k++) used[rest[k]] += restUsed[k];
    const unused = dets.filter((_, i) => used[i] < 0.5);
    for (const { state: g, detection: det } of parts.initiator.initiate(unused, time)) {
      const t: Track<S> = {
        id: nextId++,
        status: 'tentative',
        state: toState(g),
        created_s: g.time_s,
        confirmed_s: null,
        deleted_s: null,
        lastUpdate_s: g.time_s,
        updates: 1,
        hits: [true],
        consecutiveMisses: 0,
        sensors: new Set([sensorId]),
        history: [],
      };
      record(t, det);
      tracks.push(t);
    }
    for (const t of tracks) {
      if (t.status === 'tentative') {
        const c = parts.initiator.confirmation(t as unknown as Track<GaussianState>);
        if (c === 'confirm') {
          t.status = 'confirmed';
          t.confirmed_s = time;
        } else if (c === 'drop') {
          t.status = 'deleted';
          t.deleted_s = time;
          scratch.delete(t.id);
        }
      } else if (t.status === 'confirmed' && parts.deleter.shouldDelete(t, time)) {
        t.status = 'deleted';
        t.deleted_s = time;
        scratch.delete(t.id);
      }
    }
  };

  return {
    tracks,
    process(input: readonly Detection[]): void {
      if (input.length === 0) return;
      const dets = [...input].sort((a, b) => a.time_s - b.time_s);
      if (dets[0].time_s < lastTime) {
        throw new RangeError(
          `tracker: detection at ${dets[0].time_s} s precedes already processed time ${lastTime} s`,
        );
      }
      // Group into scans: same sensor, within window of the scan's first detection.
      const open = new Map<string, Detection[]>();
      const flush = (id: string): void => {
        const s = open.get(id);
        if (s && s.length > 0) processScan(s);
        open.delete(id);
      };
      for (const d of dets) {
        const s = open.get(d.sensorId);
        if (s && d.time_s - s[0].time_s <= window) {
          s.push(d);
          continue;
        }
        // Close every scan that started earlier than this detection so scans stay in time order.
        for (const [id, sc] of [...open.entries()]) if (sc[0].time_s <= d.time_s) flush(id);
        open.set(d.sensorId, [d]);
      }
      for (const id of [...open.keys()]) flush(id);
      lastTime = dets[dets.length - 1].time_s;
    },
    live: () => tracks.filter((t) => t.status !== 'deleted'),
    confirmed: () => tracks.filter((t) => t.status === 'confirmed'),
    statesAt(time_s: number) {
      return tracks
        .filter((t) => t.status !== 'deleted')
        .map((t) => ({
          track: t,
          state: parts.predictor.predict(t.state, time_s, clone(t.state)),
        }));
    },
  };
}
