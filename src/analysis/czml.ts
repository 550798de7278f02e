/**
 * CZML (Cesium Language, https://github.com/AnalyticalGraphicsInc/czml-writer/wiki/CZML-Guide)
 * for one trial: each object's trajectory as time-tagged positions in the Earth-fixed frame, and
 * the trial's events as labelled points — readable by CesiumJS and other CZML viewers.
 */
import { OMEGA_EARTH_radps } from '../core/constants.ts';
import { endTime, truthStateAt, type TruthObject } from '../scenario/truth.ts';

export interface CzmlEvent {
  time_s: number;
  kind: string;
  actors?: string[];
  reason?: string;
}

type Packet = Record<string, unknown>;

const COLORS: Record<TruthObject['kind'], [number, number, number, number]> = {
  booster: [255, 170, 0, 255],
  rv: [230, 40, 40, 255],
  decoy: [160, 160, 160, 255],
};

/** ISO-8601 of epoch + t seconds (millisecond precision). */
function iso(epochMs: number, t_s: number): string {
  return new Date(epochMs + Math.round(t_s * 1000)).toISOString();
}

/**
 * Builds the CZML document. Positions are ECEF metres (Cesium's FIXED frame), one sample every
 * `step_s`, from the simulation frame (inertial, ECEF at t = 0) by the Earth angle ωt.
 */
export function trialCzml(
  name: string,
  epochIso: string,
  objects: readonly TruthObject[],
  events: readonly CzmlEvent[],
  step_s = 10,
): Packet[] {
  const epochMs = Date.parse(epochIso);
  const t0 = objects.reduce((a, o) => Math.min(a, o.t0_s), Infinity);
  const t1 = objects.reduce((a, o) => Math.max(a, endTime(o)), 0);
  const start = Number.isFinite(t0) ? t0 : 0;
  const doc: Packet[] = [
    {
      id: 'document',
      name,
      version: '1.0',
      clock: {
        interval: `${iso(epochMs, start)}/${iso(epochMs, t1)}`,
        currentTime: iso(epochMs, start),
        multiplier: 30,
        range: 'LOOP_STOP',
        step: 'SYSTEM_CLOCK_MULTIPLIER',
      },
    },
  ];
  const x = new Float64Array(6);
  for (const o of objects) {
    const cart: number[] = [];
    const end = endTime(o);
    for (let t = o.t0_s; ; t = Math.min(end, t + step_s)) {
      truthStateAt(o, t, x);
      const th = OMEGA_EARTH_radps * t;
      const c = Math.cos(th);
      const s = Math.sin(th);
      cart.push(
        Number((t - o.t0_s).toFixed(3)),
        Number((c * x[0] + s * x[1]).toFixed(1)),
        Number((-s * x[0] + c * x[1]).toFixed(1)),
        Number(x[2].toFixed(1)),
      );
      if (t >= end) break;
    }
    doc.push({
      id: o.id,
      name: `${o.id} (${o.kind})`,
      availability: `${iso(epochMs, o.t0_s)}/${iso(epochMs, end)}`,
      position: {
        epoch: iso(epochMs, o.t0_s),
        referenceFrame: 'FIXED',
        interpolationAlgorithm: 'LAGRANGE',
        interpolationDegree: 5,
        cartesian: cart,
      },
      point: { pixelSize: o.kind === 'rv' ? 8 : 5, color: { rgba: COLORS[o.kind] } },
      path: {
        width: 1.5,
        leadTime: 0,
        trailTime: 4000,
        material: { solidColor: { color: { rgba: COLORS[o.kind] } } },
      },
    });
  }
  const byId = new Map(objects.map((o) => [o.id, o]));
  events.forEach((e, i) => {
    // An event is drawn where its first actor that is a flying object was at that time.
    const obj = (e.actors ?? []).map((a) => byId.get(a)).find((o) => o !== undefined);
    if (!obj || !truthStateAt(obj, Math.min(Math.max(e.time_s, obj.t0_s), endTime(obj)), x)) return;
    const th = OMEGA_EARTH_radps * e.time_s;
    const c = Math.cos(th);
    const s = Math.sin(th);
    doc.push({
      id: `event-${i}`,
      name: `${e.kind} ${(e.actors ?? []).join(' ')}${e.reason ? ` (${e.reason})` : ''}`,
      availability: `${iso(epochMs, e.time_s)}/${iso(epochMs, e.time_s + 60)}`,
      position: {
        cartesian: [c * x[0] + s * x[1], -s * x[0] + c * x[1], x[2]].map((v) =>
          Number(v.toFixed(1)),
        ),
      },
      label: { text: e.kind, font: '11px sans-serif', pixelOffset: { cartesian2: [8, -8] } },
    });
  });
  return doc;
}
