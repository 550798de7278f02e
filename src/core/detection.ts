/**
 * What a sensor reports and a tracker consumes. It lives in core so that sensors/ and tracking/
 * share the type without importing each other (DESIGN.md §1).
 *
 * Measurements are angles and ranges in a sensor-local Cartesian frame F, given by its origin
 * in ECI and the rotation from ECI into F (row-major 3×3). For a ground radar F is the site's
 * ENU frame at detection time; for a satellite it is any frame the sensor chooses. Angles:
 * azimuth from F's +y axis (north) clockwise toward +x (east); elevation above F's x–y plane.
 */
export type MeasurementKind =
  /** [range_m, az_rad, el_rad] */
  | 'range-az-el'
  /** [range_m, az_rad, el_rad, rangeRate_mps] */
  | 'range-az-el-rr'
  /** [az_rad, el_rad]: bearing only (IR satellites). */
  | 'az-el';

export interface DetectionFeatures {
  snr_dB?: number;
  rcs_m2?: number;
  /** Radiant intensity seen by an IR sensor. */
  irIntensity_Wpsr?: number;
}

export interface Detection {
  time_s: number;
  sensorId: string;
  kind: MeasurementKind;
  measurement: Float64Array;
  /** Row-major m×m measurement-noise covariance (SI: m², rad², m²/s²). */
  covariance: Float64Array;
  originEci_m: Float64Array;
  /** Sensor velocity in ECI, needed to predict range rate. */
  originVelEci_mps: Float64Array;
  /** Row-major rotation taking ECI vectors into the sensor frame F. */
  frameFromEci: Float64Array;
  features: DetectionFeatures;
  /** Truth oracle for scoring only (metrics); trackers must not read it. null for false alarms. */
  truthId: string | null;
}

export const measurementSize = (kind: MeasurementKind): number =>
  kind === 'az-el' ? 2 : kind === 'range-az-el' ? 3 : 4;
