import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomStream, type RandomStream } from '../core/random.ts';
import type { Detection } from '../core/detection.ts';
import { BallisticModel } from './ballistic-model.ts';
import { createEkf } from './ekf.ts';
import { GnnAssociator } from './gnn.ts';
import { JpdaAssociator } from './jpda.ts';
import { MofNInitiator, triangulate } from './initiator.ts';
import { MissesCovarianceDeleter } from './deleter.ts';
import { createTracker } from './tracker.ts';
import { detect, enuToEci, site, siteGeometry, type Site } from './test-scenario.ts';
import { rmsPositionError, summarizeTracks } from './metrics.ts';
import type { Track } from './track.ts';
import type { GaussianState } from './gaussian-state.ts';

const radarA = site(45, 10);
const radarB = site(50, 20);

function truthAt(x0: Float64Array, t: number): Float64Array {
  const m = new BallisticModel({ q_m2ps3: 0, maxStep_s: 1 });
  const out = new Float64Array(6);
  m.transition(x0, t, out, null);
  return out;
}

function object(enu: number[], vel: number[]): Float64Array {
  const r = enuToEci(radarA, 0, enu);
  const v = enuToEci(radarA, 0, vel, true);
  return Float64Array.of(r[0], r[1], r[2], v[0], v[1], v[2]);
}

/** Uniform false alarms over a range-az-el window. */
function clutter(s: Site, t: number, k: number, rng: RandomStream, sensorId: string): Detection[] {
  const out: Detection[] = [];
  const { o, ov, C } = siteGeometry(s, t);
  for (let i = 0; i < k; i++) {
    out.push({
      time_s: t,
      sensorId,
      kind: 'range-az-el',
      measurement: Float64Array.of(
        3e5 + rng.uniform() * 1.5e6,
        (rng.uniform() * 2 - 1) * Math.PI,
        0.05 + rng.uniform() * 1.2,
      ),
      covariance: Float64Array.of(400, 0, 0, 0, 1e-6, 0, 0, 0, 1e-6),
      originEci_m: o,
      originVelEci_mps: ov,
      frameFromEci: C,
      features: {},
      truthId: null,
    });
  }
  return out;
}

const noise = { sigmaRange_m: 20, sigmaAngle_rad: 1e-3 };

function gnnTracker() {
  const { predictor, updater } = createEkf(new BallisticModel({ q_m2ps3: 1 }));
  return createTracker({
    predictor,
    updater,
    associator: new GnnAssociator({ gateProbability: 0.999 }),
    initiator: new MofNInitiator({ m: 3, n: 4 }),
    deleter: new MissesCovarianceDeleter({ maxConsecutiveMisses: 4 }),
  });
}

function lastErrors(
  tracks: readonly Track<GaussianState>[],
  truth: Map<string, Float64Array>,
  t: number,
): number[] {
  const errs: number[] = [];
  for (const tr of tracks) {
    if (tr.status !== 'confirmed') continue;
    const h = tr.history[tr.history.length - 1];
    const id = tr.history.find((e) => e.detection)?.detection?.truthId;
    if (!id) continue;
    const x = truthAt(truth.get(id)!, h.time_s);
    errs.push(rmsPositionError([h.x], [x]));
    assert.ok(Math.abs(h.time_s - t) < 1e-9 || h.time_s <= t);
  }
  return errs;
}

test('GNN tracker: two ballistic objects in clutter → two pure confirmed tracks, no false tracks (M-of-N 3/4)', () => {
  const truth = new Map([
    ['rv', object([-200e3, 600e3, 300e3], [1000, -4000, 800])],
    ['tank', object([-150e3, 650e3, 280e3], [900, -4100, 700])],
  ]);
  const tracker = gnnTracker();
  const rng = randomStream(11, 0, 'tracking/test/gnn');
  for (let k = 0; k < 40; k++) {
    const t = k * 5;
    const dets: Detection[] = [];
    for (const [id, x0] of truth)
      if (rng.uniform() < 0.9)
        dets.push(detect(radarA, t, truthAt(x0, t), 'range-az-el', noise, rng, 'A', id));
    dets.push(...clutter(radarA, t, 5, rng, 'A'));
    tracker.process(dets);
  }
  const sum = summarizeTracks(tracker.tracks, [...truth.keys()]);
  assert.deepEqual(sum.missedObjects, []);
  assert.equal(sum.falseTracks, 0);
  const conf = tracker.confirmed();
  assert.equal(conf.length, 2, `confirmed ${conf.length}`);
  // A false alarm can fall in the wide gate of a young track; it stays rare.
  for (const s of sum.tracks) assert.ok(s.purity >= 0.9, `purity ${s.purity}`);
  // Confirmed by the 3rd scan at the earliest (t = 10 s) and within the first 30 s.
  for (const [, t] of sum.firstConfirmed_s) assert.ok(t >= 10 && t <= 30, `confirmed at ${t}`);
  for (const e of lastErrors(tracker.tracks, truth, 195))
    assert.ok(e < 300, `final position error ${e} m`);
  for (const tr of conf) assert.ok(tr.updates >= 30);
});

test('central measurement fusion: two radars feeding one tracker keep one track per object', () => {
  const truth = new Map([['rv', object([-200e3, 600e3, 300e3], [1000, -4000, 800])]]);
  const tracker = gnnTracker();
  const rng = randomStream(12, 0, 'tracking/test/fusion');
  for (let k = 0; k < 30; k++) {
    const t = k * 4;
    const x = truthAt(truth.get('rv')!, t);
    tracker.process([detect(radarA, t, x, 'range-az-el', noise, rng, 'A', 'rv')]);
    tracker.process([
      detect(radarB, t + 2, truthAt(truth.get('rv')!, t + 2), 'range-az-el', noise, rng, 'B', 'rv'),
    ]);
  }
  const conf = tracker.confirmed();
  assert.equal(conf.length, 1);
  assert.deepEqual([...conf[0].sensors].sort(), ['A', 'B']);
  assert.ok(conf[0].updates >= 55, `updates ${conf[0].updates}`);
  assert.equal(tracker.tracks.filter((t) => t.confirmed_s !== null).length, 1);
});

test('JPDA tracker: an RV and three decoys 4 km apart, each gets a confirmed track', () => {
  const ids = ['rv', 'decoy-1', 'decoy-2', 'decoy-3'];
  const truth = new Map(
    ids.map((id, i) => [
      id,
      object([-200e3 + 4e3 * i, 600e3, 300e3 + 2e3 * (i % 2)], [1000, -4000 + 5 * i, 800]),
    ]),
  );
  const { predictor, updater } = createEkf(new BallisticModel({ q_m2ps3: 1 }));
  const tracker = createTracker({
    predictor,
    updater,
    associator: new JpdaAssociator({ detectionProbability: 0.9, clutterDensity: 1e-6 }),
    tentativeAssociator: new GnnAssociator(),
    initiator: new MofNInitiator({ m: 3, n: 4 }),
    deleter: new MissesCovarianceDeleter({ maxConsecutiveMisses: 4 }),
  });
  const rng = randomStream(13, 0, 'tracking/test/jpda');
  for (let k = 0; k < 30; k++) {
    const t = k * 5;
    const dets: Detection[] = [];
    for (const [id, x0] of truth)
      if (rng.uniform() < 0.9)
        dets.push(detect(radarA, t, truthAt(x0, t), 'range-az-el', noise, rng, 'A', id));
    tracker.process(dets);
  }
  const sum = summarizeTracks(tracker.tracks, ids);
  assert.deepEqual(sum.missedObjects, []);
  assert.equal(sum.falseTracks, 0);
  assert.equal(tracker.confirmed().length, 4);
});

test('M-of-N: 2-of-3 confirms on hits [T, F, T], keeps [T, F], drops [T, F, F]', () => {
  const init = new MofNInitiator({ m: 2, n: 3 });
  const tr = (hits: boolean[]) => ({ hits }) as unknown as Track<GaussianState>;
  assert.equal(init.confirmation(tr([true, false, true])), 'confirm');
  assert.equal(init.confirmation(tr([true, true])), 'confirm');
  assert.equal(init.confirmation(tr([true, false])), 'keep');
  assert.equal(init.confirmation(tr([true])), 'keep');
  assert.equal(init.confirmation(tr([true, false, false])), 'drop');
  assert.throws(() => new MofNInitiator({ m: 4, n: 3 }));
});

test('angle-only: one sensor never initiates; two sensors initiate after triangulation', () => {
  const x0 = object([-200e3, 600e3, 300e3], [1000, -4000, 800]);
  const s1 = site(40, 0);
  const s2 = site(55, 25);
  const rng = randomStream(14, 0, 'tracking/test/angles');
  const init = new MofNInitiator({ m: 2, n: 3 });
  // One sensor alone, several looks: nothing.
  for (let t = 0; t < 10; t++) {
    assert.equal(
      init.initiate(
        [detect(s1, t, truthAt(x0, t), 'az-el', { sigmaAngle_rad: 1e-4 }, rng, 'ir-1')],
        t,
      ).length,
      0,
    );
  }
  const x = truthAt(x0, 20);
  const d1 = detect(s1, 20, x, 'az-el', { sigmaAngle_rad: 1e-4 }, rng, 'ir-1');
  const d2 = detect(s2, 20, x, 'az-el', { sigmaAngle_rad: 1e-4 }, rng, 'ir-2');
  assert.equal(init.initiate([d1], 20).length, 0);
  const born = init.initiate([d2], 20);
  assert.equal(born.length, 1);
  const err = Math.hypot(
    born[0].state.x[0] - x[0],
    born[0].state.x[1] - x[1],
    born[0].state.x[2] - x[2],
  );
  const sigma = Math.sqrt(born[0].state.P[0] + born[0].state.P[7] + born[0].state.P[14]);
  assert.ok(err < 4 * sigma, `triangulation error ${err} m vs σ ${sigma} m`);
  // Direct check: noise-free lines intersect at the truth.
  const e1 = detect(s1, 20, x, 'az-el', { sigmaAngle_rad: 0 }, rng, 'ir-1');
  const e2 = detect(s2, 20, x, 'az-el', { sigmaAngle_rad: 1e-12 }, rng, 'ir-2');
  e1.covariance.set([1e-8, 0, 0, 1e-8]);
  const tri = triangulate([e1, e2])!;
  assert.ok(
    Math.hypot(tri.pos[0] - x[0], tri.pos[1] - x[1], tri.pos[2] - x[2]) < 1,
    'exact intersection',
  );
});
