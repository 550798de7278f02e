/**
 * Counter-based, splittable random streams (DESIGN.md §3).
 *
 * Generator: Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as
 * 1, 2, 3", SC'11, 2011), written from the paper's description and checked against the Random123
 * known-answer vectors. A stream is keyed by (master seed, trial index, component path); its n-th
 * block is Philox(counter = [n, trial], key = hash(seed, path)). So a draw depends only on those
 * keys: not on thread count, work order or which other components exist, and it is the same on
 * every platform (only 32-bit integer arithmetic and exact float conversions are used).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two uint32, exact in doubles. */
function mulhi32(a: number, b: number): number {
  const ah = a >>> 16;
  const al = a & 0xffff;
  return Math.floor((ah * b + Math.floor((al * b) / 65536)) / 65536) >>> 0;
}

/** One Philox4x32 block with `rounds` rounds; writes 4 uint32 into out. */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
  rounds = 10,
): Uint32Array {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  let key0 = k0 >>> 0;
  let key1 = k1 >>> 0;
  for (let r = 0; r < rounds; r++) {
    if (r > 0) {
      key0 = (key0 + W0) >>> 0;
      key1 = (key1 + W1) >>> 0;
    }
    const hi0 = mulhi32(M0, x0);
    const lo0 = Math.imul(M0, x0) >>> 0;
    const hi1 = mulhi32(M1, x2);
    const lo1 = Math.imul(M1, x2) >>> 0;
    x0 = (hi1 ^ x1 ^ key0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ key1) >>> 0;
    x3 = lo0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
  return out;
}

/** FNV-1a over UTF-16 code units with a chosen offset basis. */
function fnv1a32(s: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function splitU53(n: number, what: string): [number, number] {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer, got ${n}`);
  }
  return [(n % 0x100000000) >>> 0, Math.floor(n / 0x100000000) >>> 0];
}

export interface RandomStream {
  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Uniform uint32. */
  u32(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

class PhiloxStream implements RandomStream {
  private readonly block = new Uint32Array(4);
  private used = 4;
  private counter = 0;
  private spare = NaN;

  constructor(
    private readonly k0: number,
    private readonly k1: number,
    private readonly t0: number,
    private readonly t1: number,
  ) {}

  u32(): number {
    if (this.used === 4) {
      const lo = (this.counter % 0x100000000) >>> 0;
      const hi = Math.floor(this.counter / 0x100000000) >>> 0;
      philox4x32(lo, hi, this.t0, this.t1, this.k0, this.k1, this.block);
      this.counter++;
      this.used = 0;
    }
    return this.block[this.used++];
  }

  uniform(): number {
    const a = this.u32() >>> 5;
    const b = this.u32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/**
 * The stream for one component of one trial, e.g.
 * `randomStream(2001, 4213, 'sensors/cobra-dane/noise')`.
 */
export function randomStream(
  masterSeed: number,
  trialIndex: number,
  componentPath: string,
): RandomStream {
  const [s0, s1] = splitU53(masterSeed, 'seed');
  const [t0, t1] = splitU53(trialIndex, 'trial index');
  const h0 = fnv1a32(componentPath, 0x811c9dc5);
  const h1 = fnv1a32(componentPath, 0x01000193 ^ 0x5a5a5a5a);
  // Mix seed and path into the key through one Philox block so that nearby seeds and similar
  // paths give unrelated keys.
  const k = philox4x32(s0, s1, h0, h1, 0x41535049 /* "ASPI" */, 0x53000001, new Uint32Array(4));
  return new PhiloxStream(k[0], k[1], t0, t1);
}
