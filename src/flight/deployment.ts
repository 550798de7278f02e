/**
 * The post-boost bus: after final burnout it releases the reentry vehicles and decoys one by one
 * at a fixed interval, each pushed off with a small separation velocity across the flight
 * direction, so that they fly as a spread cloud along nearly the same trajectory — the "threat
 * cloud" a midcourse defense must sort out (Sessler et al., "Countermeasures", UCS/MIT 2000,
 * ch. 4–5).
 *
 * Between releases the bus is above the sensible atmosphere, so it coasts on the exact two-body
 * solution (J2 over a few tens of seconds moves it by centimetres).
 */
import type { RandomStream } from '../core/random.ts';
import { GM_EARTH_m3ps2 } from '../core/constants.ts';
import { propagateKepler } from './two-body.ts';
import type { ReentryVehicleSpec } from './missile-spec.ts';

export interface DecoySpec {
  mass_kg: number;
  ballisticCoefficient_kgpm2: number;
}

/**
 * A generic light balloon decoy: an aluminised-Mylar balloon about 2 m across of the kind
 * discussed by Sessler et al. (2000), ch. 4. Mass 2 kg is our assumption; with a hypersonic
 * sphere Cd ≈ 1 and A = π m², β = m / (Cd·A) ≈ 0.64 kg/m². The exact figure matters little: any
 * balloon is stopped 60–100 km up, while an RV of β ~ 10⁴ kg/m² is not.
 */
export const GENERIC_BALLOON_DECOY: DecoySpec = {
  mass_kg: 2,
  ballisticCoefficient_kgpm2: 2 / Math.PI,
};

export interface DeploymentPlan {
  warheads: number;
  decoys: number;
  /** Time between successive releases (default 2 s). */
  releaseInterval_s?: number;
  /** Separation speed of each object relative to the bus (default 0.5 m/s). */
  separationSpeed_mps?: number;
}

export interface DeployedObject {
  id: string;
  kind: 'rv' | 'decoy';
  releaseTime_s: number;
  /** Inertial [r, v] at release, in the missile's launch frame. */
  stateEci: Float64Array;
  mass_kg: number;
  beta_kgpm2: number;
}

/**
 * Releases `plan.warheads` RVs then `plan.decoys` decoys from the bus at burnout. The first RV
 * leaves with no push (it flies the aimed trajectory); the others are pushed at angles evenly
 * spaced around the flight direction, jittered by `rng` when given.
 */
export function deployPayload(
  burnoutStateEci: ArrayLike<number>,
  burnoutTime_s: number,
  plan: DeploymentPlan,
  rv: ReentryVehicleSpec,
  decoy: DecoySpec = GENERIC_BALLOON_DECOY,
  rng?: RandomStream,
  idPrefix = '',
): DeployedObject[] {
  const n = plan.warheads + plan.decoys;
  const dt = plan.releaseInterval_s ?? 2;
  const speed = plan.separationSpeed_mps ?? 0.5;
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  for (let k = 0; k < 3; k++) {
    r[k] = burnoutStateEci[k];
    v[k] = burnoutStateEci[k + 3];
  }
  // A frame across the flight direction: u1 in the orbit plane, u2 normal to it.
  const out: DeployedObject[] = [];
  let t = burnoutTime_s;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      propagateKepler(r, v, dt, GM_EARTH_m3ps2, r, v);
      t += dt;
    }
    const vn = Math.hypot(v[0], v[1], v[2]);
    const h = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]];
    const hn = Math.hypot(h[0], h[1], h[2]);
    const u2 = [h[0] / hn, h[1] / hn, h[2] / hn];
    const u1 = [
      (u2[1] * v[2] - u2[2] * v[1]) / vn,
      (u2[2] * v[0] - u2[0] * v[2]) / vn,
      (u2[0] * v[1] - u2[1] * v[0]) / vn,
    ];
    let push = i === 0 ? 0 : speed;
    let ang = (2 * Math.PI * (i - 1)) / Math.max(1, n - 1);
    if (rng && i > 0) {
      push *= 0.5 + rng.uniform();
      ang += (rng.uniform() - 0.5) * (Math.PI / Math.max(1, n - 1));
    }
    const c = Math.cos(ang) * push;
    const s = Math.sin(ang) * push;
    const isRv = i < plan.warheads;
    const state = new Float64Array(6);
    for (let k = 0; k < 3; k++) {
      state[k] = r[k];
      state[k + 3] = v[k] + c * u1[k] + s * u2[k];
    }
    out.push({
      id: `${idPrefix}${isRv ? `rv${i + 1}` : `decoy${i - plan.warheads + 1}`}`,
      kind: isRv ? 'rv' : 'decoy',
      releaseTime_s: t,
      stateEci: state,
      mass_kg: isRv ? rv.mass_kg : decoy.mass_kg,
      beta_kgpm2: isRv ? rv.ballisticCoefficient_kgpm2 : decoy.ballisticCoefficient_kgpm2,
    });
  }
  return out;
}
