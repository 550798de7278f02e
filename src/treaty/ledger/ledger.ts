/**
 * The verification ledger: an append-only sequence of records, one canonical-JSON object per
 * line (docs/ledger.md):
 *   line 1  {"hash":"sha256","kind":"aspis-ledger","signature":"ed25519","tree":"rfc9162","version":1}
 *   key     a party's Ed25519 public key, self-signed
 *   entry   {"entry":{declaration},"index":i,"kind":"entry","leafHash":hex}
 *   head    a signed tree head {treeSize, rootHash, timestamp, party, signature}
 *   cosign  a countersignature by one party on another party's head
 * Every line must be exactly the canonical JSON of its value and every field has one spelling, so
 * any change to the bytes of the file changes something hashed or signed. `Ledger.load` parses
 * and verifies in one pass and names every problem it finds; the file edge (src/node) only reads
 * and appends bytes.
 */
import { AspisError } from '../../core/errors.ts';
import { canonicalJson } from './canonical-json.ts';
import { checkDeclaration, encodeDeclaration, isIsoUtc, isPartyName } from './declaration.ts';
import type { Declaration } from './declaration.ts';
import {
  bareHead,
  cosign,
  publicKeyOf,
  signPartyKey,
  signTreeHead,
  verifyCosignature,
  verifyPartyKey,
  verifyTreeHead,
  type Cosignature,
  type PartyKey,
  type SignedTreeHead,
  type TreeHead,
} from './heads.ts';
import { fromHex, isHex, toHex } from './hex.ts';
import { HASH_BYTES, MerkleLog, leafHash, verifyConsistency, verifyInclusion } from './merkle.ts';

export const LEDGER_HEADER = {
  kind: 'aspis-ledger',
  version: 1,
  hash: 'sha256',
  signature: 'ed25519',
  tree: 'rfc9162',
} as const;
export const HEADER_LINE = canonicalJson(LEDGER_HEADER);

export type ProblemKind =
  | 'truncated'
  | 'malformed'
  | 'tampered-entry'
  | 'missing-entries'
  | 'unknown-party'
  | 'bad-key'
  | 'bad-signature'
  | 'unknown-head'
  | 'fork';

export interface Problem {
  kind: ProblemKind;
  /** 1-based line of the file where the problem shows. */
  line: number;
  message: string;
  /** The entry concerned (tampered-entry, missing-entries). */
  index?: number;
  /** The party whose key, head or signature is concerned. */
  party?: string;
  /** The size of the tree head concerned. */
  treeSize?: number;
}

/** What each kind of problem breaks, phrased to follow "expected" in an error message. */
export const PROBLEM_EXPECTED: Record<ProblemKind, string> = {
  truncated: 'a complete ledger file',
  malformed: 'one canonical-JSON ledger record per line',
  'tampered-entry': 'every entry to hash to its recorded leafHash',
  'missing-entries': 'entries numbered 0, 1, 2, … before the heads that cover them',
  'unknown-party': 'a party whose key is in the ledger',
  'bad-key': 'one self-signed Ed25519 key per party',
  'bad-signature': 'a valid Ed25519 signature by the named party',
  'unknown-head': 'a cosignature on a head recorded in the ledger',
  fork: 'every signed tree head to be consistent with the current tree',
};

export interface RecordedHead {
  head: SignedTreeHead;
  line: number;
  signatureOk: boolean;
}

export interface RecordedCosignature {
  cosignature: Cosignature;
  line: number;
  signatureOk: boolean;
}

export interface InclusionProof {
  index: number;
  treeSize: number;
  leafHash: string;
  rootHash: string;
  proof: string[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  fromRoot: string;
  toRoot: string;
  proof: string[];
}

const HASH_HEX = HASH_BYTES;
const short = (hex: string): string => `${hex.slice(0, 12)}…`;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

type Obj = Record<string, unknown>;
function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function hasExactKeys(o: Obj, keys: string[]): boolean {
  const ks = Object.keys(o);
  return ks.length === keys.length && keys.every((k) => k in o);
}
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

function isTreeHead(o: unknown): o is TreeHead {
  return (
    isObj(o) &&
    hasExactKeys(o, ['treeSize', 'rootHash', 'timestamp', 'party']) &&
    isCount(o.treeSize) &&
    isHex(o.rootHash, HASH_HEX) &&
    isIsoUtc(o.timestamp) &&
    isPartyName(o.party)
  );
}

function isSignedHead(o: Obj): boolean {
  return (
    hasExactKeys(o, ['kind', 'treeSize', 'rootHash', 'timestamp', 'party', 'signature']) &&
    isCount(o.treeSize) &&
    isHex(o.rootHash, HASH_HEX) &&
    isIsoUtc(o.timestamp) &&
    isPartyName(o.party) &&
    isHex(o.signature, 64)
  );
}

const headLabel = (h: TreeHead): string => `the head by ${h.party} at size ${h.treeSize}`;
const sameHead = (a: TreeHead, b: TreeHead): boolean =>
  a.treeSize === b.treeSize &&
  a.rootHash === b.rootHash &&
  a.timestamp === b.timestamp &&
  a.party === b.party;

export class Ledger {
  readonly log = new MerkleLog();
  private readonly entryText: string[] = [];
  readonly keys = new Map<string, PartyKey>();
  readonly heads: RecordedHead[] = [];
  readonly cosignatures: RecordedCosignature[] = [];
  /** Lines written so far (the header is line 1). */
  private lines = 1;

  /** A new, empty ledger and the text of its file. */
  static create(): { ledger: Ledger; text: string } {
    return { ledger: new Ledger(), text: `${HEADER_LINE}\n` };
  }

  /** Parses and verifies a ledger file; `problems` is empty when every check passes. */
  static load(bytes: Uint8Array): { ledger: Ledger; problems: Problem[] } {
    const ledger = new Ledger();
    ledger.lines = 0;
    const problems = ledger.read(bytes);
    problems.push(...ledger.checkHeads());
    problems.sort((a, b) => a.line - b.line);
    return { ledger, problems };
  }

  get size(): number {
    return this.log.size;
  }

  get parties(): string[] {
    return [...this.keys.keys()];
  }

  rootHash(size: number = this.size): string {
    return toHex(this.log.root(size));
  }

  entry(index: number): Declaration {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) {
      throw new AspisError({
        file: '--index',
        expected: `an entry index in [0, ${this.size})`,
        got: index,
      });
    }
    return JSON.parse(this.entryText[index]) as Declaration;
  }

  /** Registers a party's key (self-signed); returns the record line to append. */
  addParty(party: string, secretKey: Uint8Array, time: string): string {
    if (!isPartyName(party)) {
      throw new AspisError({
        file: '--party',
        expected: 'a party name (lowercase letters, digits, hyphens; e.g. "us", "ru")',
        got: party,
      });
    }
    if (this.keys.has(party)) {
      throw new AspisError({
        file: '--party',
        expected: 'a party without a key in this ledger',
        got: party,
        hint: 'each party has one key',
      });
    }
    const key = signPartyKey(party, time, secretKey);
    this.keys.set(party, key);
    return this.line({ kind: 'key', ...key });
  }

  /** Appends a declaration; returns its index, leaf hash and the record line to append. */
  append(d: Declaration): { index: number; leafHash: string; line: string } {
    if (!this.keys.has(d.party)) {
      throw new AspisError({
        path: 'party',
        expected: `a party with a key in this ledger (${this.parties.join(', ') || 'none yet'})`,
        got: d.party,
      });
    }
    const text = canonicalJson(d);
    const index = this.log.append(utf8Encoder.encode(text));
    this.entryText.push(text);
    const lh = toHex(this.log.leafHash(index));
    // The record's canonical JSON, written directly (keys already in sorted order) so that the
    // declaration is serialised once; load() re-checks every line's canonical form.
    this.lines++;
    const line = `{"entry":${text},"index":${index},"kind":"entry","leafHash":"${lh}"}\n`;
    return { index, leafHash: lh, line };
  }

  /**
   * `party` signs the current tree head and countersigns the latest head of every other party
   * that it has not countersigned yet, each after checking that head's signature and that a
   * consistency proof from it to the current tree verifies. Returns the new records' lines.
   */
  signHead(
    party: string,
    secretKey: Uint8Array,
    timestamp: string,
  ): { head: SignedTreeHead; cosignatures: Cosignature[]; lines: string } {
    const key = this.keys.get(party);
    if (!key) {
      throw new AspisError({
        file: '--party',
        expected: `a party with a key in this ledger (${this.parties.join(', ') || 'none yet'})`,
        got: party,
      });
    }
    if (toHex(publicKeyOf(secretKey)) !== key.publicKey) {
      throw new AspisError({
        file: '--party',
        expected: `the private key of ${party} (it does not match ${party}'s public key in the ledger)`,
        kind: 'runtime',
      });
    }
    const cosignatures: Cosignature[] = [];
    let lines = '';
    for (const other of this.parties) {
      if (other === party) continue;
      const latest = this.latestHead(other);
      if (!latest || this.hasCosigned(party, latest.head)) continue;
      if (!latest.signatureOk || this.headProblem(latest.head) !== null) {
        throw new AspisError({
          path: `line ${latest.line}`,
          expected: `a head by ${other} consistent with the current tree before ${party} countersigns it`,
          kind: 'runtime',
        });
      }
      const c = cosign(latest.head, party, timestamp, secretKey);
      cosignatures.push(c);
      lines += this.line({ kind: 'cosign', ...c });
      this.cosignatures.push({ cosignature: c, line: this.lines, signatureOk: true });
    }
    const head = signTreeHead(
      { treeSize: this.size, rootHash: this.rootHash(), timestamp, party },
      secretKey,
    );
    lines += this.line({ kind: 'head', ...head });
    this.heads.push({ head, line: this.lines, signatureOk: true });
    return { head, cosignatures, lines };
  }

  latestHead(party?: string): RecordedHead | undefined {
    for (let i = this.heads.length - 1; i >= 0; i--) {
      const h = this.heads[i];
      if (h.signatureOk && (party === undefined || h.head.party === party)) return h;
    }
    return undefined;
  }

  private hasCosigned(party: string, head: TreeHead): boolean {
    return this.cosignatures.some(
      (c) => c.cosignature.party === party && sameHead(c.cosignature.head, head),
    );
  }

  inclusionProof(index: number, treeSize: number = this.size): InclusionProof {
    this.checkProofSize(treeSize, '--size');
    if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
      throw new AspisError({
        file: '--index',
        expected: `an entry index in [0, ${treeSize})`,
        got: index,
      });
    }
    return {
      index,
      treeSize,
      leafHash: toHex(this.log.leafHash(index)),
      rootHash: this.rootHash(treeSize),
      proof: this.log.inclusionProof(index, treeSize).map(toHex),
    };
  }

  consistencyProof(from: number, to: number = this.size): ConsistencyProof {
    this.checkProofSize(to, '--to');
    if (!Number.isSafeInteger(from) || from < 0 || from > to) {
      throw new AspisError({ file: '--from', expected: `a tree size in [0, ${to}]`, got: from });
    }
    return {
      from,
      to,
      fromRoot: this.rootHash(from),
      toRoot: this.rootHash(to),
      proof: this.log.consistencyProof(from, to).map(toHex),
    };
  }

  private checkProofSize(size: number, option: string): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) {
      throw new AspisError({
        file: option,
        expected: `a tree size in [0, ${this.size}]`,
        got: size,
      });
    }
  }

  /**
   * Checks a signed head held outside this file (e.g. the other party's copy): it must be
   * signed by a party of this ledger, cover no more entries than the file holds (else the file
   * was truncated or rolled back) and be consistent with the current tree (else a fork).
   */
  checkHeldHead(head: SignedTreeHead, label: string): Problem | null {
    const line = this.lines + 1;
    const key = this.keys.get(head.party);
    if (!key) {
      return {
        kind: 'unknown-party',
        line,
        party: head.party,
        message: `${label}: ${headLabel(head)} is by a party without a key in this ledger`,
      };
    }
    if (!verifyTreeHead(head, key.publicKey)) {
      return {
        kind: 'bad-signature',
        line,
        party: head.party,
        treeSize: head.treeSize,
        message: `${label}: wrong signature on ${headLabel(head)}`,
      };
    }
    if (head.treeSize > this.size) {
      return {
        kind: 'truncated',
        line,
        party: head.party,
        treeSize: head.treeSize,
        message: `truncated: ${label} (${headLabel(head)}) covers ${head.treeSize} entries but the ledger holds ${this.size}`,
      };
    }
    const p = this.headProblem(head);
    return p === null
      ? null
      : {
          kind: 'fork',
          line,
          party: head.party,
          treeSize: head.treeSize,
          message: `forked history: ${label} (${headLabel(head)}) is not consistent with the ledger: ${p}`,
        };
  }

  /** null when a consistency proof from `head` to the current tree verifies, else why not. */
  private headProblem(head: TreeHead): string | null {
    if (head.treeSize > this.size)
      return `it covers ${head.treeSize} entries, the file ${this.size}`;
    const proof = this.log.consistencyProof(head.treeSize, this.size);
    const root = fromHex(head.rootHash, HASH_BYTES);
    const ok =
      root !== null && verifyConsistency(head.treeSize, this.size, root, this.log.root(), proof);
    return ok
      ? null
      : `the tree at size ${head.treeSize} has root ${short(this.rootHash(head.treeSize))}, the head signs ${short(head.rootHash)}`;
  }

  /** Heads and cosigned heads against the whole tree: every one must be consistent with it. */
  private checkHeads(): Problem[] {
    const problems: Problem[] = [];
    const good = this.heads.filter((h) => h.signatureOk && h.head.treeSize <= this.size);
    const consistent = good.filter((h) => this.headProblem(h.head) === null);
    for (const h of good) {
      const why = this.headProblem(h.head);
      if (why === null) continue;
      // Name a signed head it contradicts, preferring one at least as large.
      const other =
        consistent.find(
          (o) => o.head.treeSize >= h.head.treeSize && o.head.party !== h.head.party,
        ) ??
        consistent.find((o) => o.head.treeSize >= h.head.treeSize) ??
        consistent[consistent.length - 1];
      const against = other
        ? `${headLabel(h.head)} (line ${h.line}) and ${headLabel(other.head)} (line ${other.line}) are not consistent: no consistency proof from size ${h.head.treeSize} to ${other.head.treeSize} verifies`
        : `${headLabel(h.head)} (line ${h.line}) is not consistent with the entries`;
      problems.push({
        kind: 'fork',
        line: h.line,
        party: h.head.party,
        treeSize: h.head.treeSize,
        message: `forked history: ${against} (${why})`,
      });
    }
    for (const c of this.cosignatures) {
      if (!c.signatureOk) continue;
      const h = c.cosignature.head;
      const why = h.treeSize > this.size ? null : this.headProblem(h);
      if (why !== null) {
        problems.push({
          kind: 'fork',
          line: c.line,
          party: c.cosignature.party,
          treeSize: h.treeSize,
          message: `forked history: ${c.cosignature.party} countersigned ${headLabel(h)} (line ${c.line}), which is not consistent with the entries (${why})`,
        });
      }
    }
    return problems;
  }

  private line(record: Record<string, unknown>): string {
    this.lines++;
    return `${canonicalJson(record)}\n`;
  }

  /** One pass over the file: framing, canonical form, shapes, keys, entries and signatures. */
  private read(bytes: Uint8Array): Problem[] {
    const problems: Problem[] = [];
    if (bytes.length === 0) {
      return [{ kind: 'truncated', line: 1, message: 'truncated: the file is empty (no header)' }];
    }
    let start = 0;
    let lineNo = 0;
    let entriesBroken = false;
    while (start < bytes.length) {
      lineNo++;
      this.lines = lineNo;
      const end = bytes.indexOf(0x0a, start);
      if (end < 0) {
        problems.push({
          kind: 'truncated',
          line: lineNo,
          message: `truncated: the file ends inside line ${lineNo} (no final newline after ${bytes.length - start} bytes)`,
        });
        break;
      }
      const raw = bytes.subarray(start, end);
      start = end + 1;
      const bad = (message: string): void => {
        problems.push({ kind: 'malformed', line: lineNo, message: `line ${lineNo}: ${message}` });
      };
      let text: string;
      let value: unknown;
      try {
        text = utf8.decode(raw);
      } catch {
        bad('not UTF-8');
        entriesBroken = true;
        continue;
      }
      try {
        value = JSON.parse(text);
      } catch {
        bad('not JSON');
        entriesBroken = true;
        continue;
      }
      let canonical: string | null;
      try {
        canonical = canonicalJson(value);
      } catch {
        canonical = null;
      }
      if (canonical !== text) {
        bad('not in canonical form (sorted keys, no whitespace): edited by hand or damaged');
        entriesBroken = true;
        continue;
      }
      if (lineNo === 1) {
        if (text !== HEADER_LINE) {
          bad(`not the header of an Aspis ledger, version 1 (${HEADER_LINE})`);
        }
        continue;
      }
      if (!isObj(value)) {
        bad('not a ledger record (an object with a kind)');
        entriesBroken = true;
        continue;
      }
      switch (value.kind) {
        case 'key':
          this.readKey(value, lineNo, problems);
          break;
        case 'entry':
          if (!this.readEntry(value, lineNo, problems, entriesBroken)) entriesBroken = true;
          break;
        case 'head':
          this.readHead(value, lineNo, problems);
          break;
        case 'cosign':
          this.readCosign(value, lineNo, problems);
          break;
        default:
          bad(`unknown record kind ${JSON.stringify(value.kind)}`);
          entriesBroken = true;
      }
    }
    return problems;
  }

  private readKey(o: Obj, line: number, problems: Problem[]): void {
    if (
      !hasExactKeys(o, ['kind', 'party', 'publicKey', 'time', 'signature']) ||
      !isPartyName(o.party) ||
      !isHex(o.publicKey, 32) ||
      !isIsoUtc(o.time) ||
      !isHex(o.signature, 64)
    ) {
      problems.push({ kind: 'malformed', line, message: `line ${line}: not a valid key record` });
      return;
    }
    const key: PartyKey = {
      party: o.party,
      publicKey: o.publicKey,
      time: o.time,
      signature: o.signature,
    };
    if (this.keys.has(key.party)) {
      problems.push({
        kind: 'bad-key',
        line,
        party: key.party,
        message: `line ${line}: a second key for party ${key.party}`,
      });
    } else if (!verifyPartyKey(key)) {
      problems.push({
        kind: 'bad-key',
        line,
        party: key.party,
        message: `line ${line}: the key of party ${key.party} does not carry its own valid signature`,
      });
    } else {
      this.keys.set(key.party, key);
    }
  }

  /** Returns false when the sequence of entries is broken from here on. */
  private readEntry(o: Obj, line: number, problems: Problem[], broken: boolean): boolean {
    const { declaration } = checkDeclaration(o.entry);
    if (
      !hasExactKeys(o, ['kind', 'index', 'leafHash', 'entry']) ||
      !isCount(o.index) ||
      !isHex(o.leafHash, HASH_HEX) ||
      declaration === null
    ) {
      problems.push({ kind: 'malformed', line, message: `line ${line}: not a valid entry record` });
      return false;
    }
    if (broken) return false;
    if (o.index !== this.size) {
      problems.push({
        kind: 'missing-entries',
        line,
        index: this.size,
        message:
          o.index > this.size
            ? `line ${line}: entries ${this.size}–${o.index - 1} are missing (this line holds entry ${o.index})`
            : `line ${line}: entry ${o.index} appears again (entry ${this.size} expected)`,
      });
      return false;
    }
    const computed = toHex(leafHash(encodeDeclaration(declaration)));
    if (computed !== o.leafHash) {
      problems.push({
        kind: 'tampered-entry',
        line,
        index: o.index,
        party: declaration.party,
        message: `tampered entry ${o.index} (line ${line}): its content hashes to ${short(computed)}, the ledger recorded ${short(o.leafHash)}`,
      });
    }
    if (!this.keys.has(declaration.party)) {
      problems.push({
        kind: 'unknown-party',
        line,
        index: o.index,
        party: declaration.party,
        message: `line ${line}: entry ${o.index} is declared by ${declaration.party}, a party without a key in this ledger`,
      });
    }
    // The recorded leaf hash builds the tree, so one tampered entry does not also fail every head.
    this.log.appendLeafHash(fromHex(o.leafHash, HASH_BYTES) as Uint8Array);
    this.entryText.push(canonicalJson(declaration));
    return true;
  }

  private readHead(o: Obj, line: number, problems: Problem[]): void {
    if (!isSignedHead(o)) {
      problems.push({ kind: 'malformed', line, message: `line ${line}: not a valid tree head` });
      return;
    }
    const head: SignedTreeHead = {
      treeSize: o.treeSize as number,
      rootHash: o.rootHash as string,
      timestamp: o.timestamp as string,
      party: o.party as string,
      signature: o.signature as string,
    };
    const key = this.keys.get(head.party);
    let signatureOk = false;
    if (!key) {
      problems.push({
        kind: 'unknown-party',
        line,
        party: head.party,
        treeSize: head.treeSize,
        message: `line ${line}: ${headLabel(head)} is by a party without a key in this ledger`,
      });
    } else if (!verifyTreeHead(head, key.publicKey)) {
      problems.push({
        kind: 'bad-signature',
        line,
        party: head.party,
        treeSize: head.treeSize,
        message: `wrong signature on ${headLabel(head)} (line ${line}): it does not verify with ${head.party}'s key`,
      });
    } else {
      signatureOk = true;
    }
    if (signatureOk && head.treeSize > this.size) {
      problems.push({
        kind: 'missing-entries',
        line,
        party: head.party,
        treeSize: head.treeSize,
        index: this.size,
        message: `line ${line}: ${headLabel(head)} covers ${head.treeSize} entries but only ${this.size} precede it (entries deleted or moved)`,
      });
    }
    this.heads.push({ head, line, signatureOk });
  }

  private readCosign(o: Obj, line: number, problems: Problem[]): void {
    if (
      !hasExactKeys(o, ['kind', 'head', 'party', 'timestamp', 'signature']) ||
      !isTreeHead(o.head) ||
      !isPartyName(o.party) ||
      !isIsoUtc(o.timestamp) ||
      !isHex(o.signature, 64) ||
      o.party === o.head.party
    ) {
      problems.push({ kind: 'malformed', line, message: `line ${line}: not a valid cosignature` });
      return;
    }
    const c: Cosignature = {
      head: bareHead(o.head),
      party: o.party,
      timestamp: o.timestamp,
      signature: o.signature,
    };
    const key = this.keys.get(c.party);
    let signatureOk = false;
    if (!key) {
      problems.push({
        kind: 'unknown-party',
        line,
        party: c.party,
        message: `line ${line}: a cosignature by ${c.party}, a party without a key in this ledger`,
      });
    } else if (!verifyCosignature(c, key.publicKey)) {
      problems.push({
        kind: 'bad-signature',
        line,
        party: c.party,
        treeSize: c.head.treeSize,
        message: `wrong signature on the cosignature by ${c.party} of ${headLabel(c.head)} (line ${line})`,
      });
    } else if (!this.heads.some((h) => h.signatureOk && sameHead(h.head, c.head))) {
      problems.push({
        kind: 'unknown-head',
        line,
        party: c.party,
        treeSize: c.head.treeSize,
        message: `line ${line}: ${c.party} countersigned ${headLabel(c.head)}, which is not recorded before it`,
      });
    } else {
      signatureOk = true;
    }
    this.cosignatures.push({ cosignature: c, line, signatureOk });
  }
}

/** Checks a printed inclusion proof on its own (e.g. in the browser). */
export function checkInclusionProof(p: InclusionProof): boolean {
  const leaf = fromHex(p.leafHash, HASH_BYTES);
  const root = fromHex(p.rootHash, HASH_BYTES);
  const path = p.proof.map((x) => fromHex(x, HASH_BYTES));
  if (leaf === null || root === null || path.some((x) => x === null)) return false;
  return verifyInclusion(leaf, p.index, p.treeSize, path as Uint8Array[], root);
}

/** Checks a printed consistency proof on its own. */
export function checkConsistencyProof(p: ConsistencyProof): boolean {
  const a = fromHex(p.fromRoot, HASH_BYTES);
  const b = fromHex(p.toRoot, HASH_BYTES);
  const path = p.proof.map((x) => fromHex(x, HASH_BYTES));
  if (a === null || b === null || path.some((x) => x === null)) return false;
  return verifyConsistency(p.from, p.to, a, b, path as Uint8Array[]);
}

/** Parses a signed tree head (as `aspis ledger head --json` prints it), or null. */
export function parseSignedHead(v: unknown): SignedTreeHead | null {
  if (!isObj(v)) return null;
  const o: Obj = { kind: 'head', ...v };
  if (!isSignedHead(o)) return null;
  return {
    treeSize: o.treeSize as number,
    rootHash: o.rootHash as string,
    timestamp: o.timestamp as string,
    party: o.party as string,
    signature: o.signature as string,
  };
}
