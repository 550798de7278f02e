/**
 * Merkle hash tree of RFC 9162 (Certificate Transparency 2.0), §2.1, with SHA-256:
 *   MTH({})        = SHA-256()                              (the empty string)
 *   MTH({d0})      = SHA-256(0x00 || d0)                    (leaf hash)
 *   MTH(D[n])      = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))  k = largest power of 2 < n
 * Inclusion proofs follow §2.1.3.1 (generation) and §2.1.3.2 (verification); consistency proofs
 * follow §2.1.4.1 and §2.1.4.2. The hashes are those of RFC 6962 §2.1, so RFC 6962 test vectors
 * apply unchanged.
 *
 * `MerkleLog` is incremental. It stores every perfect (complete, power-of-two) subtree hash, level
 * by level, in growable byte buffers: level 0 holds the leaf hashes, level h the hashes of the
 * aligned subtrees of 2^h leaves. Appending a leaf completes one subtree per trailing 1-bit of the
 * old size, so an append costs one leaf hash plus amortised one node hash, and the last hash of
 * each level whose bit is set in the size is the compact frontier (the "compact range" [0, n)).
 * Any subtree the RFC recursion needs is either such a perfect subtree (a lookup) or a right-edge
 * range [a, n), folded from at most log2(n) perfect subtrees, and a proof needs at most one of the
 * latter: proofs cost O(log n) lookups and O(log n) hashes, never a rehash of the tree.
 * Memory: about 2 × 32 bytes per leaf (64 MB for 10^6 entries).
 */
import { sha256 } from '@noble/hashes/sha2.js';

export const HASH_BYTES = 32;
/** RFC 9162 §2.1.1: the hash of an empty list is the hash of an empty string. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;
/** Sizes and indices are JS numbers; every value up to 2^53 − 1 is handled exactly. */
const MAX_SIZE = Number.MAX_SAFE_INTEGER;

// Scratch buffers: the engine is single-threaded per realm, so one per module is safe.
const nodeScratch = new Uint8Array(1 + 2 * HASH_BYTES);
nodeScratch[0] = NODE_PREFIX;
let leafScratch = new Uint8Array(256);

/** RFC 9162 §2.1.1: leaf hash SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Uint8Array {
  if (leafScratch.length < entry.length + 1) {
    leafScratch = new Uint8Array(Math.max(entry.length + 1, 2 * leafScratch.length));
  }
  leafScratch[0] = LEAF_PREFIX;
  leafScratch.set(entry, 1);
  return sha256(leafScratch.subarray(0, entry.length + 1));
}

/** RFC 9162 §2.1.1: interior node hash SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_BYTES);
  return sha256(nodeScratch);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

/** floor(log2(x)) for an integer x ≥ 1 up to 2^53. */
function floorLog2(x: number): number {
  if (x < 0x100000000) return 31 - Math.clz32(x);
  let h = 32;
  while (2 ** (h + 1) <= x) h++;
  return h;
}

function isPowerOfTwo(x: number): boolean {
  return x >= 1 && 2 ** floorLog2(x) === x;
}

/** The RFC's split point: the largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  return 2 ** floorLog2(n - 1);
}

const isSize = (x: number): boolean => Number.isSafeInteger(x) && x >= 0 && x <= MAX_SIZE;
const half = (x: number): number => Math.floor(x / 2);
const lsb = (x: number): boolean => x % 2 === 1;

export class MerkleLog {
  /** levels[h] holds counts[h] = floor(size / 2^h) hashes of 32 bytes each. */
  private levels: Uint8Array[] = [];
  private counts: number[] = [];
  private _size = 0;
  private cachedRoot: Uint8Array | null = EMPTY_ROOT;

  get size(): number {
    return this._size;
  }

  /** Appends an entry (its leaf hash is computed here); returns its index. */
  append(entry: Uint8Array): number {
    return this.appendLeafHash(leafHash(entry));
  }

  /** Appends a precomputed leaf hash; returns its index. */
  appendLeafHash(hash: Uint8Array): number {
    if (hash.length !== HASH_BYTES) throw new RangeError('a leaf hash has 32 bytes');
    if (this._size >= MAX_SIZE) throw new RangeError('the log is full');
    const index = this._size;
    this.push(0, hash);
    // Each trailing 1-bit of the old size completes one perfect subtree one level up.
    let idx = index;
    let h = 0;
    while (idx % 2 === 1) {
      const buf = this.levels[h];
      const off = (idx - 1) * HASH_BYTES;
      // The two children are adjacent in the level buffer: hash them in one copy.
      nodeScratch.set(buf.subarray(off, off + 2 * HASH_BYTES), 1);
      this.push(h + 1, sha256(nodeScratch));
      idx = (idx - 1) / 2;
      h++;
    }
    this._size = index + 1;
    this.cachedRoot = null;
    return index;
  }

  private push(h: number, hash: Uint8Array): void {
    if (h === this.levels.length) {
      this.levels.push(new Uint8Array(HASH_BYTES * 64));
      this.counts.push(0);
    }
    let buf = this.levels[h];
    const n = this.counts[h];
    if ((n + 1) * HASH_BYTES > buf.length) {
      const grown = new Uint8Array(buf.length * 2);
      grown.set(buf);
      this.levels[h] = buf = grown;
    }
    buf.set(hash, n * HASH_BYTES);
    this.counts[h] = n + 1;
  }

  /** The stored leaf hash of entry `index` (a view into the log's buffer: copy it to keep it). */
  leafHash(index: number): Uint8Array {
    this.checkIndex(index, this._size);
    return this.perfect(index, 0);
  }

  /** The compact frontier: the roots of the perfect subtrees covering [0, size), left to right. */
  frontier(): Uint8Array[] {
    const out: Uint8Array[] = [];
    let lo = 0;
    for (let h = this.levels.length - 1; h >= 0; h--) {
      const w = 2 ** h;
      if (this._size - lo >= w) {
        out.push(this.perfect(lo, h).slice());
        lo += w;
      }
    }
    return out;
  }

  /** MTH(D[0:size]) for any size ≤ the current size. */
  root(size: number = this._size): Uint8Array {
    this.checkSize(size);
    if (size === this._size) {
      if (this.cachedRoot === null) this.cachedRoot = this.rangeHash(0, size);
      return this.cachedRoot.slice();
    }
    return this.rangeHash(0, size);
  }

  /** RFC 9162 §2.1.3.1: PATH(index, D[0:size]), the deepest sibling first. */
  inclusionProof(index: number, size: number = this._size): Uint8Array[] {
    this.checkSize(size);
    this.checkIndex(index, size);
    const path: Uint8Array[] = [];
    let lo = 0;
    let hi = size;
    while (hi - lo > 1) {
      const k = splitPoint(hi - lo);
      if (index < lo + k) {
        path.push(this.rangeHash(lo + k, hi));
        hi = lo + k;
      } else {
        path.push(this.perfect(lo, floorLog2(k)).slice());
        lo += k;
      }
    }
    return path.reverse();
  }

  /** RFC 9162 §2.1.4.1: PROOF(m, D[0:n]) for 0 < m < n; the empty proof when m = 0 or m = n. */
  consistencyProof(m: number, n: number = this._size): Uint8Array[] {
    this.checkSize(n);
    if (!isSize(m) || m > n)
      throw new RangeError(`consistency needs 0 ≤ m ≤ n, got m=${m}, n=${n}`);
    if (m === 0 || m === n) return [];
    const path: Uint8Array[] = [];
    let lo = 0;
    let hi = n;
    let rel = m; // m relative to lo
    let complete = true; // the RFC's flag b: is [lo, lo+rel) the old tree itself?
    while (rel !== hi - lo) {
      const k = splitPoint(hi - lo);
      if (rel <= k) {
        path.push(this.rangeHash(lo + k, hi));
        hi = lo + k;
      } else {
        path.push(this.perfect(lo, floorLog2(k)).slice());
        lo += k;
        rel -= k;
        complete = false;
      }
    }
    if (!complete) path.push(this.rangeHash(lo, hi));
    return path.reverse();
  }

  /** The stored hash of the perfect subtree of 2^h leaves starting at leaf lo (lo aligned). */
  private perfect(lo: number, h: number): Uint8Array {
    const j = lo / 2 ** h;
    return this.levels[h].subarray(j * HASH_BYTES, (j + 1) * HASH_BYTES);
  }

  /**
   * MTH(D[lo:hi]) for a range of the RFC recursion (lo is a multiple of the smallest power of two
   * ≥ hi − lo): split into perfect subtrees left to right, then fold them right to left.
   */
  private rangeHash(lo: number, hi: number): Uint8Array {
    if (hi === lo) return EMPTY_ROOT.slice();
    const parts: Uint8Array[] = [];
    while (hi - lo > 0) {
      const w = hi - lo;
      const k = isPowerOfTwo(w) ? w : splitPoint(w);
      parts.push(this.perfect(lo, floorLog2(k)));
      lo += k;
    }
    let acc = parts[parts.length - 1];
    for (let i = parts.length - 2; i >= 0; i--) acc = nodeHash(parts[i], acc);
    return acc.slice();
  }

  private checkSize(size: number): void {
    if (!isSize(size) || size > this._size) {
      throw new RangeError(`tree size must be an integer in [0, ${this._size}], got ${size}`);
    }
  }

  private checkIndex(index: number, size: number): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`leaf index must be an integer in [0, ${size}), got ${index}`);
    }
  }
}

/**
 * RFC 9162 §2.1.3.2: the root implied by an inclusion proof, or null when the proof cannot be
 * a proof for (index, size) at all (wrong length, index out of range, element not 32 bytes).
 */
export function rootFromInclusionProof(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!isSize(size) || !Number.isSafeInteger(index) || index < 0 || index >= size) return null;
  if (leaf.length !== HASH_BYTES) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (p.length !== HASH_BYTES || sn === 0) return null;
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

/** RFC 9162 §2.1.3.2: does `proof` show that `leaf` (a leaf hash) is entry `index` of `root`? */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const r = rootFromInclusionProof(leaf, index, size, proof);
  return r !== null && bytesEqual(r, root);
}

/**
 * RFC 9162 §2.1.4.2: does `proof` show that the tree of size `first` with root `firstRoot` is a
 * prefix of the tree of size `second` with root `secondRoot`? The trivial cases: first = second
 * needs an empty proof and equal roots; first = 0 needs an empty proof and the empty-tree root.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isSize(first) || !isSize(second) || first > second) return false;
  if (firstRoot.length !== HASH_BYTES || secondRoot.length !== HASH_BYTES) return false;
  if (first === second) return proof.length === 0 && bytesEqual(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0 && bytesEqual(firstRoot, EMPTY_ROOT);
  // Step 1: a non-trivial proof is never empty.
  if (proof.length === 0) return false;
  for (const p of proof) if (p.length !== HASH_BYTES) return false;
  // Step 2: when the old tree is a perfect subtree, its root is the proof's implied first node.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  // Steps 3–4.
  let fn = first - 1;
  let sn = second - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr = path[0];
  let sr = path[0];
  // Step 6.
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  return sn === 0 && bytesEqual(fr, firstRoot) && bytesEqual(sr, secondRoot);
}
