/**
 * 3-vectors on Float64Array. Every function writes into `out` and returns it, so hot loops
 * allocate nothing (CesiumJS's `result` habit). `out` may alias an input.
 */
export type Vec3 = Float64Array;

export const vec3 = (x = 0, y = 0, z = 0): Vec3 => Float64Array.of(x, y, z);

export function set(out: Vec3, x: number, y: number, z: number): Vec3 {
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export function copy(a: ArrayLike<number>, out: Vec3): Vec3 {
  out[0] = a[0];
  out[1] = a[1];
  out[2] = a[2];
  return out;
}

export function add(a: ArrayLike<number>, b: ArrayLike<number>, out: Vec3): Vec3 {
  out[0] = a[0] + b[0];
  out[1] = a[1] + b[1];
  out[2] = a[2] + b[2];
  return out;
}

export function sub(a: ArrayLike<number>, b: ArrayLike<number>, out: Vec3): Vec3 {
  out[0] = a[0] - b[0];
  out[1] = a[1] - b[1];
  out[2] = a[2] - b[2];
  return out;
}

export function scale(a: ArrayLike<number>, s: number, out: Vec3): Vec3 {
  out[0] = a[0] * s;
  out[1] = a[1] * s;
  out[2] = a[2] * s;
  return out;
}

/** out = a + s·b */
export function addScaled(a: ArrayLike<number>, b: ArrayLike<number>, s: number, out: Vec3): Vec3 {
  out[0] = a[0] + s * b[0];
  out[1] = a[1] + s * b[1];
  out[2] = a[2] + s * b[2];
  return out;
}

export const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

export function cross(a: ArrayLike<number>, b: ArrayLike<number>, out: Vec3): Vec3 {
  const x = a[1] * b[2] - a[2] * b[1];
  const y = a[2] * b[0] - a[0] * b[2];
  const z = a[0] * b[1] - a[1] * b[0];
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export const norm = (a: ArrayLike<number>): number => Math.hypot(a[0], a[1], a[2]);

export const normSq = (a: ArrayLike<number>): number => a[0] * a[0] + a[1] * a[1] + a[2] * a[2];

export function normalize(a: ArrayLike<number>, out: Vec3): Vec3 {
  const n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
  const k = n > 0 ? 1 / n : 0;
  out[0] = a[0] * k;
  out[1] = a[1] * k;
  out[2] = a[2] * k;
  return out;
}

export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Angle between two vectors, robust near 0 and π (atan2 of |a×b| and a·b). */
export function angleBetween(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const cx = a[1] * b[2] - a[2] * b[1];
  const cy = a[2] * b[0] - a[0] * b[2];
  const cz = a[0] * b[1] - a[1] * b[0];
  return Math.atan2(Math.hypot(cx, cy, cz), dot(a, b));
}
