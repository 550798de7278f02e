import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  EMPTY_ROOT,
  MerkleLog,
  leafHash,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

// An independent reference: the RFC 9162 §2.1 definitions written as plain recursion over
// node:crypto's SHA-256 (not @noble/hashes, which the code under test uses).
const sha = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const B = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);
const refLeaf = (d: Uint8Array): Uint8Array => sha(B(0x00), d);
const refNode = (l: Uint8Array, r: Uint8Array): Uint8Array => sha(B(0x01), l, r);
const k = (n: number): number => {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
};
function mth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return sha();
  if (d.length === 1) return refLeaf(d[0]);
  const s = k(d.length);
  return refNode(mth(d.slice(0, s)), mth(d.slice(s)));
}
/** RFC 9162 §2.1.3.1 PATH(m, D[n]). */
function path(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s
    ? [...path(m, d.slice(0, s)), mth(d.slice(s))]
    : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
}
/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[n], b). */
function subproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s
    ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))]
    : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

// Published test data: transparency-dev/merkle testonly/constants.go (LeafInputs, RootHashes,
// NodeHashes) and proof/verify_test.go (inclusionProofs, consistencyProofs), the vectors of the
// RFC 6962 reference implementation (certificate-transparency, merkle_tree_test.cc).
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** {leaf index (0-based), tree size, proof}; verify_test.go lists the index 1-based. */
const CT_INCLUSION: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
const CT_CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

function logOf(leaves: Uint8Array[]): MerkleLog {
  const log = new MerkleLog();
  for (const l of leaves) log.append(l);
  return log;
}

test('RFC 9162 §2.1.1 hashes: empty tree, leaf and node prefixes (hand-computed)', () => {
  assert.equal(hex(EMPTY_ROOT), hex(sha()));
  assert.equal(hex(EMPTY_ROOT), CT_ROOTS[0]);
  assert.equal(hex(leafHash(B(0x41))), hex(sha(B(0x00, 0x41))));
  assert.equal(hex(new MerkleLog().root()), CT_ROOTS[0]);
});

test('roots of trees of size 0–8 match the naive RFC recursion, built leaf by leaf', () => {
  // Hand-built trees for the first sizes, spelled out from the definition.
  const d = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => B(0xa0 + i, i));
  const L = d.map(refLeaf);
  const N = refNode;
  const hand = [
    sha(),
    L[0],
    N(L[0], L[1]),
    N(N(L[0], L[1]), L[2]),
    N(N(L[0], L[1]), N(L[2], L[3])),
    N(N(N(L[0], L[1]), N(L[2], L[3])), L[4]),
    N(N(N(L[0], L[1]), N(L[2], L[3])), N(L[4], L[5])),
    N(N(N(L[0], L[1]), N(L[2], L[3])), N(N(L[4], L[5]), L[6])),
    N(N(N(L[0], L[1]), N(L[2], L[3])), N(N(L[4], L[5]), N(L[6], L[7]))),
  ];
  const log = new MerkleLog();
  for (let n = 0; n <= 8; n++) {
    assert.equal(hex(log.root()), hex(hand[n]), `size ${n}`);
    assert.equal(hex(log.root()), hex(mth(d.slice(0, n))), `size ${n} (recursive)`);
    if (n < 8) log.append(d[n]);
  }
  for (let n = 0; n <= 8; n++) assert.equal(hex(log.root(n)), hex(hand[n]), `root(${n}) later`);
});

test('published RFC 6962 vectors (transparency-dev/merkle testonly): roots of sizes 0–8', () => {
  const log = new MerkleLog();
  for (let n = 0; n <= 8; n++) {
    assert.equal(hex(log.root()), CT_ROOTS[n], `size ${n}`);
    assert.equal(hex(mth(CT_LEAVES.slice(0, n))), CT_ROOTS[n], `reference at size ${n}`);
    if (n < 8) log.append(CT_LEAVES[n]);
  }
  // testonly.CompactTrees()[7]: the frontier of 7 leaves is {nh[2][0], nh[1][2], nh[0][6]}.
  const seven = logOf(CT_LEAVES.slice(0, 7));
  assert.deepEqual(seven.frontier().map(hex), [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  ]);
});

test('published inclusion and consistency proofs (transparency-dev/merkle proof/verify_test.go)', () => {
  const log = logOf(CT_LEAVES);
  for (const [i, n, proof] of CT_INCLUSION) {
    assert.deepEqual(log.inclusionProof(i, n).map(hex), proof, `PATH(${i}, ${n})`);
    assert.ok(
      verifyInclusion(leafHash(CT_LEAVES[i]), i, n, proof.map(unhex), unhex(CT_ROOTS[n])),
      `verify PATH(${i}, ${n})`,
    );
  }
  for (const [m, n, proof] of CT_CONSISTENCY) {
    assert.deepEqual(log.consistencyProof(m, n).map(hex), proof, `PROOF(${m}, ${n})`);
    assert.ok(
      verifyConsistency(m, n, unhex(CT_ROOTS[m]), unhex(CT_ROOTS[n]), proof.map(unhex)),
      `verify PROOF(${m}, ${n})`,
    );
  }
});

const leaves64 = Array.from({ length: 64 }, (_, i) => B(i, (i * 37) & 0xff, 0x5a));
const log64 = logOf(leaves64);
const roots64 = Array.from({ length: 65 }, (_, n) => mth(leaves64.slice(0, n)));

test('every inclusion proof for every leaf of every tree up to 64 equals PATH and verifies', () => {
  for (let n = 1; n <= 64; n++) {
    assert.equal(hex(log64.root(n)), hex(roots64[n]));
    for (let i = 0; i < n; i++) {
      const p = log64.inclusionProof(i, n);
      assert.deepEqual(p.map(hex), path(i, leaves64.slice(0, n)).map(hex), `PATH(${i}, ${n})`);
      assert.ok(verifyInclusion(refLeaf(leaves64[i]), i, n, p, roots64[n]), `(${i}, ${n})`);
    }
  }
});

test('every consistency proof between every pair of sizes up to 64 equals PROOF and verifies', () => {
  for (let n = 0; n <= 64; n++) {
    for (let m = 0; m <= n; m++) {
      const p = log64.consistencyProof(m, n);
      const want = m === 0 || m === n ? [] : subproof(m, leaves64.slice(0, n), true);
      assert.deepEqual(p.map(hex), want.map(hex), `PROOF(${m}, ${n})`);
      assert.ok(verifyConsistency(m, n, roots64[m], roots64[n], p), `(${m}, ${n})`);
    }
  }
});

/** Every way of spoiling one valid proof (after verify_test.go's corruptInclusionProof). */
function spoiled(proof: Uint8Array[]): Uint8Array[][] {
  const out: Uint8Array[][] = [
    [...proof, new Uint8Array(32)],
    [new Uint8Array(32), ...proof],
  ];
  if (proof.length > 0) out.push(proof.slice(0, -1), proof.slice(1), [proof[0], ...proof]);
  if (proof.length > 1) out.push([...proof].reverse());
  for (let i = 0; i < proof.length; i++) {
    for (const bit of [0, 3, 7]) {
      for (const at of [0, 17, 31]) {
        const q = proof.map((x) => x.slice());
        q[i][at] ^= 1 << bit;
        out.push(q);
      }
    }
    const short = proof.map((x) => x.slice());
    short[i] = short[i].subarray(0, 31);
    out.push(short);
  }
  return out;
}

test('tampered inclusion proofs fail: any bit, any element, wrong index, size, leaf or root', () => {
  const some = unhex('abacaba000000000000000000000000000000000000000000060061e00123456');
  for (let n = 1; n <= 64; n++) {
    for (let i = 0; i < n; i++) {
      const p = log64.inclusionProof(i, n);
      const leaf = refLeaf(leaves64[i]);
      for (const q of spoiled(p)) assert.ok(!verifyInclusion(leaf, i, n, q, roots64[n]));
      if (n > 1) assert.ok(!verifyInclusion(leaf, (i ^ 1) < n ? i ^ 1 : i - 1, n, p, roots64[n]));
      assert.ok(!verifyInclusion(leaf, i + 1, n, p, roots64[n]) || i + 1 >= n);
      assert.ok(!verifyInclusion(leaf, i, n * 2, p, roots64[n]));
      if (n > 1) assert.ok(!verifyInclusion(leaf, i, Math.floor(n / 2), p, roots64[n]));
      assert.ok(!verifyInclusion(refLeaf(B(0xee)), i, n, p, roots64[n]));
      assert.ok(!verifyInclusion(leaf, i, n, p, some));
      assert.ok(!verifyInclusion(leaf, i, n, p, EMPTY_ROOT));
      assert.equal(rootFromInclusionProof(leaf, n, n, p), null);
    }
  }
});

test('tampered consistency proofs fail: any bit, any element, wrong sizes or roots', () => {
  for (let n = 2; n <= 64; n++) {
    for (let m = 1; m < n; m++) {
      const p = log64.consistencyProof(m, n);
      const [r1, r2] = [roots64[m], roots64[n]];
      for (const q of spoiled(p)) assert.ok(!verifyConsistency(m, n, r1, r2, q), `(${m},${n})`);
      assert.ok(!verifyConsistency(m, n, r1, r2, []));
      assert.ok(!verifyConsistency(m, n, r2, r1, p));
      assert.ok(!verifyConsistency(m, n, r1, roots64[n - 1], p));
      assert.ok(!verifyConsistency(m, n, roots64[m - 1], r2, p));
      assert.ok(!verifyConsistency(n, m, r2, r1, p));
      for (const m2 of [m - 1, m + 1, m ^ 2]) {
        if (m2 !== m && m2 >= 0 && m2 <= n) assert.ok(!verifyConsistency(m2, n, r1, r2, p));
      }
      assert.ok(!verifyConsistency(m, n * 2, r1, r2, p));
      // Sizes with the same path shape can share a proof: RFC 9162 roots do not encode the size,
      // which is why a signed tree head signs treeSize with rootHash (verify_test.go checks only
      // size2 × 2 and size2 / 2 for the same reason).
      assert.ok(!verifyConsistency(m, Math.floor(n / 2), r1, r2, p));
    }
  }
  // Trivial cases (verify_test.go TestVerifyConsistency): equal sizes need equal roots and no
  // proof; size 0 needs the empty root and no proof; time travel fails.
  const r = roots64[5];
  assert.ok(verifyConsistency(5, 5, r, r, []));
  assert.ok(!verifyConsistency(5, 5, r, roots64[4], []));
  assert.ok(!verifyConsistency(5, 5, r, r, [EMPTY_ROOT]));
  assert.ok(verifyConsistency(0, 5, EMPTY_ROOT, r, []));
  assert.ok(!verifyConsistency(0, 5, r, r, []));
  assert.ok(!verifyConsistency(0, 5, EMPTY_ROOT, r, [EMPTY_ROOT]));
  assert.ok(!verifyConsistency(6, 5, r, r, []));
});

test('a consistency proof from a different history (a fork) never verifies', () => {
  const forked = leaves64.slice(0, 40).map((x) => x.slice());
  forked[17][0] ^= 0xff;
  const other = logOf(forked);
  for (let m = 18; m <= 40; m++) {
    for (const n of [m, 40]) {
      const p = log64.consistencyProof(m, 64);
      assert.ok(!verifyConsistency(m, 64, other.root(m), roots64[64], p), `${m}`);
      assert.ok(!verifyConsistency(m, n, other.root(m), roots64[n], log64.consistencyProof(m, n)));
    }
  }
});

test('proofs stay exact across power-of-two boundaries of a larger log', () => {
  const d = Array.from({ length: 1100 }, (_, i) => B(i & 0xff, i >> 8));
  const log = logOf(d);
  for (const n of [511, 512, 513, 1023, 1024, 1025, 1100]) {
    const root = mth(d.slice(0, n));
    assert.equal(hex(log.root(n)), hex(root));
    for (const i of [0, 1, n >> 1, n - 2, n - 1]) {
      assert.ok(verifyInclusion(refLeaf(d[i]), i, n, log.inclusionProof(i, n), root));
    }
    for (const m of [1, 3, 256, 512, n - 1].filter((x) => x < n)) {
      const p = log.consistencyProof(m, n);
      assert.ok(verifyConsistency(m, n, mth(d.slice(0, m)), root, p), `(${m}, ${n})`);
    }
  }
});
