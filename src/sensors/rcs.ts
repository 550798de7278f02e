/**
 * Radar cross section of ballistic-missile objects by object class, aspect class and band.
 * Order-of-magnitude values from open sources, for analysis and teaching, not signature data.
 *
 * Physics behind the table (Skolnik, "Introduction to Radar Systems", 3rd ed., 2001, §2.7 and
 * Fig. 2.9; Knott, Shaeffer & Tuley, "Radar Cross Section", 2nd ed., 1993, ch. 5–6):
 * - A re-entry vehicle is a slender cone, ~1.5–2 m long, with a small nose radius. Nose-on at
 *   X band (λ = 3 cm ≪ size, optical region) it returns mainly from the nose tip and base edge:
 *   ~0.01 m² or less (Sessler et al., "Countermeasures", UCS/MIT, 2000, ch. 4 and App. B use
 *   0.01 m² for an X-band nose-on RV). At UHF/VHF (λ = 0.7–2 m ≈ body length, resonance region)
 *   the whole body rings and the RCS rises by roughly an order of magnitude (Sessler 2000 ch. 4;
 *   APS, "Report of the APS Study Group on Boost-Phase Intercept Systems", 2003, ch. 5).
 * - Broadside, a cone's generator is a specular line (σ grows as L²/λ): tens of m² at X band in
 *   the specular flash, ~1 m² averaged over tumble and precession.
 * - "Decoy" is a signature-matched decoy (Sessler 2000 ch. 6–8: anti-simulation balloons and
 *   RV-shaped decoys made to match the RV's radar return), so it shares the RV row by design.
 *   "balloon" is a bare 2.2 m metallised balloon: πr² ≈ 3.8 m² at every band (sphere, optical).
 * - Tank: spent upper stage / post-boost bus, ~1.5 m × 3–5 m cylinder: ~1 m² end-on, 10 m²
 *   broadside-averaged. Booster: the burning or spent full stage stack, larger again.
 * - Debris: fragments and separation hardware, 0.001–0.1 m², taken as 0.01 m².
 */

export type RcsObjectClass = 'rv' | 'decoy' | 'balloon' | 'tank' | 'debris' | 'booster';
export type AspectClass = 'nose-on' | 'broadside';
export type RadarBand = 'VHF' | 'UHF' | 'L' | 'S' | 'X';

/** Band of a radar frequency (IEEE Std 521-2002 letter bands; VHF 30–300 MHz, UHF 300 MHz–1 GHz). */
export function bandOf(frequency_Hz: number): RadarBand {
  if (frequency_Hz < 300e6) return 'VHF';
  if (frequency_Hz < 1e9) return 'UHF';
  if (frequency_Hz < 2e9) return 'L';
  if (frequency_Hz < 6e9) return 'S'; // S and C: no separate C-band row
  return 'X';
}

const BANDS: readonly RadarBand[] = ['VHF', 'UHF', 'L', 'S', 'X'];

/** RCS in m², [nose-on, broadside] per band in BANDS order. */
const TABLE: Record<RcsObjectClass, readonly (readonly [number, number])[]> = {
  //        VHF          UHF           L             S             X
  rv: [
    [0.2, 1],
    [0.05, 1],
    [0.03, 1],
    [0.02, 1],
    [0.01, 1],
  ],
  decoy: [
    [0.2, 1],
    [0.05, 1],
    [0.03, 1],
    [0.02, 1],
    [0.01, 1],
  ],
  balloon: [
    [3.8, 3.8],
    [3.8, 3.8],
    [3.8, 3.8],
    [3.8, 3.8],
    [3.8, 3.8],
  ],
  tank: [
    [2, 10],
    [1, 10],
    [1, 10],
    [1, 10],
    [1, 10],
  ],
  debris: [
    [0.01, 0.01],
    [0.01, 0.01],
    [0.01, 0.01],
    [0.01, 0.01],
    [0.01, 0.01],
  ],
  booster: [
    [5, 30],
    [3, 30],
    [3, 30],
    [3, 30],
    [3, 30],
  ],
};

/** Tabulated RCS (m²) of an object class at an aspect class and band. */
export function rcsOf(objectClass: RcsObjectClass, aspect: AspectClass, band: RadarBand): number {
  const row = TABLE[objectClass][BANDS.indexOf(band)];
  return aspect === 'nose-on' ? row[0] : row[1];
}

/** Same, for a radar frequency. */
export const rcsAtFrequency = (
  objectClass: RcsObjectClass,
  aspect: AspectClass,
  frequency_Hz: number,
): number => rcsOf(objectClass, aspect, bandOf(frequency_Hz));

/**
 * RCS of a perfectly conducting sphere of radius a (m) in the Rayleigh region (2πa/λ ≪ 1):
 * σ = 9πa²(2πa/λ)⁴ (Skolnik 2001 eq. 2.37); used to turn "a football-sized object" at VHF into
 * a cross section. In the optical region (2πa/λ > 10) σ → πa².
 */
export function sphereRcs_m2(radius_m: number, wavelength_m: number): number {
  const ka = (2 * Math.PI * radius_m) / wavelength_m;
  const optical = Math.PI * radius_m * radius_m;
  if (ka >= 1) return optical; // resonance ripple (±~4 dB) ignored
  return Math.min(optical, 9 * optical * ka ** 4);
}
