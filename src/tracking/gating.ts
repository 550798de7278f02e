/**
 * Ellipsoidal (Mahalanobis) gating: a detection is a candidate for a track when
 * d² = νᵀ S⁻¹ ν ≤ γ with γ = χ²_{P_G}(m), the gate probability P_G quantile of the χ²
 * distribution with m = measurement dimension degrees of freedom (Bar-Shalom & Fortmann,
 * "Tracking and Data Association" (1988); Blackman & Popoli, "Design and Analysis of
 * Modern Tracking Systems" (1999)).
 */
import type { Detection } from '../core/detection.ts';
import type { GaussianState } from './gaussian-state.ts';
import type { MeasurementPrediction, Updater } from './filter.ts';
import { createMeasurementPrediction, mahalanobis2 } from './filter.ts';
import { chi2Quantile } from './linalg.ts';
import { measurementDim } from './measurement.ts';

export interface Gate {
  /** Gate probability P_G, e.g. 0.999. */
  probability: number;
}

/** γ for a measurement dimension m at gate probability p. */
export const gateThreshold = (p: number, m: number): number => chi2Quantile(p, m);

/** One gated (track, detection) pair with what association needs. */
export interface GatedPair {
  track: number;
  detection: number;
  /** Squared Mahalanobis distance. */
  d2: number;
  /** log N(ν; 0, S). */
  logLikelihood: number;
}

/**
 * Every (track, detection) pair inside the gate. preds[t] must be predicted to the detections'
 * time. Returns pairs sorted by track then detection.
 */
export function gatePairs<S extends GaussianState>(
  preds: readonly S[],
  dets: readonly Detection[],
  updater: Updater<S>,
  probability: number,
  mp: MeasurementPrediction = createMeasurementPrediction(),
): GatedPair[] {
  const out: GatedPair[] = [];
  const gamma = new Map<number, number>();
  for (let t = 0; t < preds.length; t++) {
    for (let d = 0; d < dets.length; d++) {
      const det = dets[d];
      const m = measurementDim(det.kind);
      let g = gamma.get(m);
      if (g === undefined) {
        g = gateThreshold(probability, m);
        gamma.set(m, g);
      }
      updater.predictMeasurement(preds[t], det, mp);
      const d2 = mahalanobis2(mp, det);
      if (d2 <= g) {
        const ll = -0.5 * (d2 + mp.logDetS + m * Math.log(2 * Math.PI));
        out.push({ track: t, detection: d, d2, logLikelihood: ll });
      }
    }
  }
  return out;
}
