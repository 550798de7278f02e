/**
 * Verification ledger (issue 7) throughput, each figure with its ratio against a baseline run in
 * this same process. Budget (issue 7): append ≥ 50,000 entries/s, inclusion proof ≤ 1 ms.
 * Run alone: `npm run bench -- ledger`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalBytes } from '../src/treaty/ledger/canonical-json.ts';
import type { Declaration } from '../src/treaty/ledger/declaration.ts';
import { Ledger } from '../src/treaty/ledger/ledger.ts';
import {
  MerkleLog,
  leafHash,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from '../src/treaty/ledger/merkle.ts';

const N = 1_000_000;
const line = (s = ''): void => console.log(s);
const rate = (n: number, ms: number): string =>
  `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

const decl = (i: number): Declaration => ({
  type: 'force-data',
  party: 'us',
  time: '2001-12-13T00:00:00Z',
  body: { instrument: 'start-1', icbmLaunchers: 550 + (i % 7), warheads: 5949 - (i % 11), seq: i },
});

line('## Verification ledger (RFC 9162 Merkle tree, Ed25519 heads)');

// Baseline 1: raw SHA-256 of a 65-byte node input (the unit of work of a Merkle tree).
const buf = new Uint8Array(65);
const nRaw = 500_000;
let t = performance.now();
for (let i = 0; i < nRaw; i++) {
  buf[1] = i & 0xff;
  sha256(buf);
}
const rawMs = performance.now() - t;
const rawRate = nRaw / rawMs;
line(`raw sha256 (65 B)                                   ${rate(nRaw, rawMs).padStart(14)}`);

// Pre-encoded entries so that the append figure is the tree's own cost.
const entries: Uint8Array[] = [];
for (let i = 0; i < 1024; i++) entries.push(canonicalBytes(decl(i)));
const log = new MerkleLog();
t = performance.now();
for (let i = 0; i < N; i++) log.append(entries[i & 1023]);
const appendMs = performance.now() - t;
const appendRate = N / appendMs;
line(
  `MerkleLog.append, ${N.toLocaleString('en-US')} entries of ~${entries[0].length} B     ${rate(N, appendMs).padStart(14)}   (${(appendRate / rawRate).toFixed(2)}× raw sha256; ideal ≈ 0.5: one leaf + one node hash)`,
);

// Full ledger append: validation-free canonical JSON + tree + record line, 1,000,000 entries.
const { ledger } = Ledger.create();
ledger.addParty('us', new Uint8Array(32).fill(1), '2001-12-13T00:00:00Z');
t = performance.now();
for (let i = 0; i < N; i++) ledger.append(decl(i));
const ledgerMs = performance.now() - t;
line(
  `Ledger.append (canonical JSON + tree + record), 1e6   ${rate(N, ledgerMs).padStart(14)}   (${(N / ledgerMs / appendRate).toFixed(2)}× MerkleLog.append)   budget ≥ 50,000/s: ${N / ledgerMs >= 50 ? 'ok' : 'MISSED'}`,
);

// Inclusion proofs at size 10^6: generate + verify, random leaves.
const root = log.root();
const nProof = 20_000;
let seed = 12345;
const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % N;
t = performance.now();
for (let i = 0; i < nProof; i++) {
  const idx = next();
  const p = log.inclusionProof(idx);
  if (!verifyInclusion(log.leafHash(idx), idx, N, p, root)) throw new Error('proof failed');
}
const proofMs = (performance.now() - t) / nProof;

// Baseline 2: naive recomputation of a root from stored leaf hashes (what a proof without the
// subtree cache would cost), at 2^14 leaves and scaled linearly to 10^6.
const naiveN = 1 << 14;
const leaves: Uint8Array[] = [];
for (let i = 0; i < naiveN; i++) leaves.push(leafHash(entries[i & 1023]));
function naiveRoot(h: Uint8Array[]): Uint8Array {
  if (h.length === 1) return h[0];
  let k = 1;
  while (k * 2 < h.length) k *= 2;
  return nodeHash(naiveRoot(h.slice(0, k)), naiveRoot(h.slice(k)));
}
t = performance.now();
const reps = 5;
for (let i = 0; i < reps; i++) naiveRoot(leaves);
const naiveMs = ((performance.now() - t) / reps) * (N / naiveN);
line(
  `inclusion proof at 1e6 (generate + verify)          ${proofMs.toFixed(4).padStart(10)} ms   (naive root recomputation at 1e6 ≈ ${naiveMs.toFixed(0)} ms: ${(naiveMs / proofMs).toFixed(0)}× slower)   budget ≤ 1 ms: ${proofMs <= 1 ? 'ok' : 'MISSED'}`,
);

// Consistency proofs between random sizes ≤ 10^6.
t = performance.now();
const nCons = 5_000;
for (let i = 0; i < nCons; i++) {
  const m = 1 + next();
  const p = log.consistencyProof(m, N);
  if (!verifyConsistency(m, N, log.root(m), root, p)) throw new Error('consistency failed');
}
const consMs = (performance.now() - t) / nCons;
line(
  `consistency proof to 1e6 (root(m) + generate + verify) ${consMs.toFixed(4).padStart(8)} ms   (${(naiveMs / consMs).toFixed(0)}× faster than naive root recomputation)`,
);
const mem = process.memoryUsage();
line(
  `memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB (leaf hashes + subtree cache ≈ 64 B per entry)`,
);
