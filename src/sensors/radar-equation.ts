/**
 * The monostatic radar range equation and its inverse.
 *
 *   SNR = P_t · G² · λ² · σ · τ · I(n) / ((4π)³ · R⁴ · k · T_s · L)
 *
 * (Skolnik, "Introduction to Radar Systems", 3rd ed., 2001, eq. 2.61 with B·τ ≈ 1; Mahafza,
 * "Radar Systems Analysis and Design Using MATLAB", 2000, eq. 1.56.) τ is the duration of one
 * (uncompressed) pulse, so P_t·τ is the pulse energy and pulse compression is implicit: a matched
 * filter's output SNR depends on energy, not on bandwidth. When only a bandwidth B is given,
 * τ = 1/B is used, which is the textbook form with k·T_s·B in the denominator.
 *
 * System noise temperature: T_s = T0 · F with T0 = 290 K and F the noise figure (the IEEE
 * standard reference, Skolnik 2001 §2.3), unless T_s is given directly (low-frequency radars
 * see sky noise well above T0·F, Skolnik 2001 §2.12 Fig. 2.29, so they state T_s).
 *
 * Integration gain I(n) over n pulses:
 *   coherent:      I(n) = n (perfect phase-coherent integration, Skolnik 2001 §2.6);
 *   non-coherent:  I(n) = SNR₁(1) / SNR₁(n) from Albersheim's equation at the radar's design
 *                  Pd and Pfa (W. J. Albersheim, "A closed-form approximation to Robertson's
 *                  detection characteristics", Proc. IEEE 69 (7), 1981, p. 839; valid for
 *                  1 ≤ n ≤ 8096, 0.1 ≤ Pd ≤ 0.9, 1e-7 ≤ Pfa ≤ 1e-3). This is the integration
 *                  improvement factor of Skolnik 2001 Fig. 2.8, roughly n^0.8 for small n.
 *
 * Everything here is a pure function of numbers; nothing allocates.
 */
import { fromDb, toDb } from '../core/units.ts';

/** Boltzmann constant, J/K (CODATA 2018, exact in the 2019 SI). */
export const BOLTZMANN_JpK = 1.380649e-23;
/** IEEE standard reference noise temperature, K (Skolnik 2001 §2.3). */
export const T0_K = 290;
/** Speed of light in vacuum, m/s (exact). */
export const C_mps = 299792458;
const FOUR_PI_CUBED = (4 * Math.PI) ** 3;

export type Integration = 'coherent' | 'noncoherent';

/**
 * Radar parameters, SI with the unit in every name. Either `gain_dB` or `aperture_m2` (effective
 * aperture A_e, G = 4πA_e/λ²) must be given; either `noiseFigure_dB` or `systemNoiseTemp_K`.
 */
export interface RadarParams {
  peakPower_W: number;
  gain_dB?: number;
  /** Effective aperture A_e (physical area × aperture efficiency). */
  aperture_m2?: number;
  frequency_Hz: number;
  /** Duration of one transmitted pulse (energy per pulse = peakPower_W · pulseWidth_s). */
  pulseWidth_s?: number;
  /** Receiver noise bandwidth; used as τ = 1/B when pulseWidth_s is absent. */
  bandwidth_Hz?: number;
  pulsesIntegrated: number;
  integration?: Integration;
  noiseFigure_dB?: number;
  systemNoiseTemp_K?: number;
  /** Total system losses L (transmit, receive, processing, beam-shape), dB ≥ 0. */
  losses_dB: number;
  /** Detection threshold SNR (after integration) the radar's design range refers to. */
  requiredSnr_dB: number;
  /** Design false-alarm probability per detection cell; 1e-6 when absent. */
  falseAlarmProbability?: number;
  minElevation_deg: number;
  maxElevation_deg: number;
  /** Boresight azimuth from north, clockwise. */
  azimuthCenter_deg: number;
  /** Half width of the azimuth coverage sector; 180 for all-round coverage. */
  azimuthHalfWidth_deg: number;
  maxInstrumentedRange_m: number;
  revisit_s: number;
  /** 1-σ range noise at the reference SNR. */
  rangeAccuracy_m: number;
  /** 1-σ angle noise (each of azimuth·cos el and elevation) at the reference SNR. */
  angleAccuracy_rad: number;
  /** SNR at which the accuracies above hold; requiredSnr_dB when absent. */
  referenceSnr_dB?: number;
  measuresRangeRate: boolean;
  /** 1-σ range-rate noise at the reference SNR (when measuresRangeRate). */
  rangeRateAccuracy_mps?: number;
}

export const wavelength_m = (frequency_Hz: number): number => C_mps / frequency_Hz;

/** G = 4π A_e / λ² (Skolnik 2001 eq. 2.6). */
export const gainFromAperture = (aperture_m2: number, wavelength: number): number =>
  (4 * Math.PI * aperture_m2) / (wavelength * wavelength);

/** A_e = G λ² / 4π, the inverse of `gainFromAperture`. */
export const apertureFromGain = (gain: number, wavelength: number): number =>
  (gain * wavelength * wavelength) / (4 * Math.PI);

/** Linear antenna gain of a parameter set (gain_dB wins if both are given). */
export function antennaGain(p: RadarParams): number {
  if (p.gain_dB !== undefined) return fromDb(p.gain_dB);
  if (p.aperture_m2 !== undefined)
    return gainFromAperture(p.aperture_m2, wavelength_m(p.frequency_Hz));
  throw new RangeError('radar parameters need gain_dB or aperture_m2');
}

/** T_s = T0·F, or the stated system temperature. */
export function systemNoiseTemp_K(p: RadarParams): number {
  if (p.systemNoiseTemp_K !== undefined) return p.systemNoiseTemp_K;
  return T0_K * fromDb(p.noiseFigure_dB ?? 0);
}

/** Pulse duration τ used for the per-pulse energy. */
export function pulseDuration_s(p: RadarParams): number {
  if (p.pulseWidth_s !== undefined) return p.pulseWidth_s;
  if (p.bandwidth_Hz !== undefined) return 1 / p.bandwidth_Hz;
  throw new RangeError('radar parameters need pulseWidth_s or bandwidth_Hz');
}

/**
 * Albersheim's single-pulse-equivalent SNR (dB) needed per pulse for detection probability
 * `pd` at false-alarm probability `pfa` with `n` pulses integrated non-coherently
 * (Albersheim 1981; Richards, "Fundamentals of Radar Signal Processing", 2005, eq. 6.79):
 *   SNR_dB = −5 log10 n + (6.2 + 4.54/√(n + 0.44)) · log10(A + 0.12AB + 1.7B),
 *   A = ln(0.62/Pfa), B = ln(Pd/(1 − Pd)). Steady (Swerling 0) target, linear detector.
 */
export function albersheimSnr_dB(pd: number, pfa: number, n = 1): number {
  const a = Math.log(0.62 / pfa);
  const b = Math.log(pd / (1 - pd));
  return (
    -5 * Math.log10(n) + (6.2 + 4.54 / Math.sqrt(n + 0.44)) * Math.log10(a + 0.12 * a * b + 1.7 * b)
  );
}

/**
 * Integration gain I(n) (linear). Coherent: n. Non-coherent: the Albersheim improvement factor
 * at (pd, pfa), by default the common design point Pd = 0.9, Pfa = 1e-6.
 */
export function integrationGain(
  n: number,
  mode: Integration = 'coherent',
  pd = 0.9,
  pfa = 1e-6,
): number {
  if (n <= 1) return 1;
  if (mode === 'coherent') return n;
  return fromDb(albersheimSnr_dB(pd, pfa, 1) - albersheimSnr_dB(pd, pfa, n));
}

/**
 * The range-independent factor K with SNR = K · σ / R⁴ (m⁻² · m⁴ → linear). Compute it once
 * per radar; `snrAtRange` is then one multiply and a division.
 */
export function radarConstant(p: RadarParams): number {
  const lambda = wavelength_m(p.frequency_Hz);
  const g = antennaGain(p);
  const tau = pulseDuration_s(p);
  const integ = integrationGain(
    p.pulsesIntegrated,
    p.integration ?? 'coherent',
    0.9,
    p.falseAlarmProbability ?? 1e-6,
  );
  return (
    (p.peakPower_W * g * g * lambda * lambda * tau * integ) /
    (FOUR_PI_CUBED * BOLTZMANN_JpK * systemNoiseTemp_K(p) * fromDb(p.losses_dB))
  );
}

/** Linear SNR of a target of RCS `rcs_m2` at `range_m` for a radar constant K. */
export const snrFromConstant = (k: number, rcs_m2: number, range_m: number): number =>
  (k * rcs_m2) / (range_m * range_m * range_m * range_m);

/** SNR in dB of a target at a range (the full radar range equation). */
export function snrAtRange_dB(p: RadarParams, rcs_m2: number, range_m: number): number {
  return toDb(snrFromConstant(radarConstant(p), rcs_m2, range_m));
}

/** R = (K σ / SNR_req)^¼: the range at which the SNR falls to `requiredSnr_dB`. */
export function detectionRangeFromConstant(
  k: number,
  rcs_m2: number,
  requiredSnr_dB: number,
): number {
  return Math.pow((k * rcs_m2) / fromDb(requiredSnr_dB), 0.25);
}

/** Detection range (m) of a target of RCS `rcs_m2` at the radar's required SNR (or a given one). */
export function detectionRange_m(
  p: RadarParams,
  rcs_m2: number,
  requiredSnr_dB = p.requiredSnr_dB,
): number {
  return detectionRangeFromConstant(radarConstant(p), rcs_m2, requiredSnr_dB);
}

/**
 * Checks a parameter set and returns the first problem as [field path, expected, got], or null.
 * The scenario layer turns this into an AspisError naming the file.
 */
export function checkRadarParams(p: RadarParams): [string, string, unknown] | null {
  const positive: (keyof RadarParams)[] = [
    'peakPower_W',
    'frequency_Hz',
    'pulsesIntegrated',
    'maxInstrumentedRange_m',
    'revisit_s',
    'rangeAccuracy_m',
    'angleAccuracy_rad',
  ];
  for (const f of positive) {
    const v = p[f];
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
      return [f, 'a finite number > 0', v];
  }
  if (p.gain_dB === undefined && p.aperture_m2 === undefined)
    return ['gain_dB', 'gain_dB or aperture_m2', undefined];
  if (p.aperture_m2 !== undefined && !(p.aperture_m2 > 0))
    return ['aperture_m2', 'a number > 0', p.aperture_m2];
  if (p.pulseWidth_s === undefined && p.bandwidth_Hz === undefined) {
    return ['pulseWidth_s', 'pulseWidth_s or bandwidth_Hz', undefined];
  }
  if (p.pulseWidth_s !== undefined && !(p.pulseWidth_s > 0))
    return ['pulseWidth_s', 'a number > 0', p.pulseWidth_s];
  if (p.bandwidth_Hz !== undefined && !(p.bandwidth_Hz > 0))
    return ['bandwidth_Hz', 'a number > 0', p.bandwidth_Hz];
  if (p.systemNoiseTemp_K !== undefined && !(p.systemNoiseTemp_K > 0)) {
    return ['systemNoiseTemp_K', 'a number > 0', p.systemNoiseTemp_K];
  }
  if (!(p.losses_dB >= 0)) return ['losses_dB', 'a number ≥ 0', p.losses_dB];
  const pfa = p.falseAlarmProbability;
  if (pfa !== undefined && !(pfa > 0 && pfa < 1))
    return ['falseAlarmProbability', 'a number in (0, 1)', pfa];
  if (!(p.minElevation_deg >= -90 && p.minElevation_deg <= 90)) {
    return ['minElevation_deg', 'a number in [-90, 90]', p.minElevation_deg];
  }
  if (!(p.maxElevation_deg > p.minElevation_deg && p.maxElevation_deg <= 90)) {
    return [
      'maxElevation_deg',
      `a number in (minElevation_deg = ${p.minElevation_deg}, 90]`,
      p.maxElevation_deg,
    ];
  }
  if (!(p.azimuthHalfWidth_deg > 0 && p.azimuthHalfWidth_deg <= 180)) {
    return ['azimuthHalfWidth_deg', 'a number in (0, 180]', p.azimuthHalfWidth_deg];
  }
  if (
    p.measuresRangeRate &&
    !(p.rangeRateAccuracy_mps !== undefined && p.rangeRateAccuracy_mps > 0)
  ) {
    return [
      'rangeRateAccuracy_mps',
      'a number > 0 when measuresRangeRate is true',
      p.rangeRateAccuracy_mps,
    ];
  }
  return null;
}
