import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalJson, CanonicalJsonError } from './canonical-json.ts';
import { checkDeclaration, type Declaration } from './declaration.ts';
import {
  cosign,
  signTreeHead,
  treeHeadMessage,
  verifyTreeHead,
  type SignedTreeHead,
} from './heads.ts';
import { fromHex } from './hex.ts';
import {
  checkConsistencyProof,
  checkInclusionProof,
  HEADER_LINE,
  Ledger,
  type Problem,
} from './ledger.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();
const US = new Uint8Array(32).fill(1);
const RU = new Uint8Array(32).fill(2);
const T0 = '2001-12-13T00:00:00Z';

const decl = (i: number, party = 'us'): Declaration => ({
  type: i % 2 === 0 ? 'force-data' : 'site-notification',
  party,
  time: `2001-12-${String(13 + i).padStart(2, '0')}T00:00:00Z`,
  body: { instrument: 'start-1', launchers: 1000 + i, note: `décl ${i}` },
});

/** A two-party ledger: keys, 5 entries, heads by us (size 3) and ru (size 5) with cross-signing. */
function sample(): { ledger: Ledger; text: string } {
  const { ledger, text: header } = Ledger.create();
  let text = header;
  text += ledger.addParty('us', US, T0);
  text += ledger.addParty('ru', RU, T0);
  for (let i = 0; i < 3; i++) text += ledger.append(decl(i, i === 1 ? 'ru' : 'us')).line;
  text += ledger.signHead('us', US, '2001-12-20T00:00:00Z').lines;
  for (let i = 3; i < 5; i++) text += ledger.append(decl(i, 'ru')).line;
  text += ledger.signHead('ru', RU, '2001-12-21T00:00:00Z').lines;
  text += ledger.signHead('us', US, '2001-12-22T00:00:00Z').lines;
  return { ledger, text };
}

const load = (text: string): { ledger: Ledger; problems: Problem[] } =>
  Ledger.load(enc.encode(text));
const lines = (text: string): string[] => text.split('\n').slice(0, -1);
const join = (ls: string[]): string => ls.map((l) => `${l}\n`).join('');

test('canonical JSON (RFC 8785 for our values): sorted keys, no whitespace, exact numbers', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: -0, y: 1e21 } }),
    '{"a":[true,null,"x"],"b":1,"c":{"y":1e+21,"z":0}}',
  );
  // UTF-16 code-unit order (RFC 8785 §3.2.3): "\u20ac" (€) sorts before "\ud83d\ude00" (😀).
  assert.equal(canonicalJson({ '😀': 1, '€': 2, a: 3 }), '{"a":3,"€":2,"😀":1}');
  assert.equal(canonicalJson('\u0007"\\'), '"\\u0007\\"\\\\"');
  assert.equal(canonicalJson([0.1, 1e-7, 123456789012]), '[0.1,1e-7,123456789012]');
  for (const bad of [NaN, Infinity, undefined, 1n, new Date(0), '\ud800', { a: undefined }]) {
    assert.throws(() => canonicalJson(bad), CanonicalJsonError);
  }
  assert.throws(() => canonicalJson({ x: [1, { y: NaN }] }), /x\[1\]\.y: expected a finite number/);
});

test('declarations: missing or wrong fields are reported with their paths', () => {
  assert.ok(checkDeclaration(decl(0)).declaration);
  const { issues } = checkDeclaration({ type: 'force-data', party: 'us' });
  assert.deepEqual(
    issues.map((i) => i.path),
    ['time', 'body'],
  );
  const bad = checkDeclaration({
    type: 'gossip',
    party: 'US!',
    time: '2001-02-30T00:00:00Z',
    body: { n: Infinity },
    extra: 1,
  });
  assert.deepEqual(
    bad.issues.map((i) => i.path),
    ['type', 'party', 'time', 'body.n', 'extra'],
  );
  assert.deepEqual(
    checkDeclaration([]).issues.map((i) => i.path),
    [''],
  );
});

test('a ledger written record by record loads back and verifies', () => {
  const { ledger, text } = sample();
  assert.equal(lines(text)[0], HEADER_LINE);
  const back = load(text);
  assert.deepEqual(back.problems, []);
  assert.equal(back.ledger.size, 5);
  assert.equal(back.ledger.rootHash(), ledger.rootHash());
  assert.deepEqual(back.ledger.parties, ['us', 'ru']);
  assert.equal(back.ledger.heads.length, 3);
  // Cross-signing: ru countersigned us@3; us then countersigned ru@5.
  assert.deepEqual(
    back.ledger.cosignatures.map(
      (c) => `${c.cosignature.party}>${c.cosignature.head.party}@${c.cosignature.head.treeSize}`,
    ),
    ['ru>us@3', 'us>ru@5'],
  );
  assert.deepEqual(back.ledger.entry(3), decl(3, 'ru'));
  // Every line is canonical JSON.
  for (const l of lines(text)) assert.equal(canonicalJson(JSON.parse(l)), l);
});

test('the entry bytes are the canonical JSON of the declaration; the leaf hash is RFC 9162', () => {
  const { ledger } = sample();
  const d = decl(2);
  const bytes = enc.encode(
    '{"body":{"instrument":"start-1","launchers":1002,"note":"décl 2"},"party":"us","time":"2001-12-15T00:00:00Z","type":"force-data"}',
  );
  assert.equal(canonicalJson(d), dec.decode(bytes));
  const expected = createHash('sha256').update(Uint8Array.of(0)).update(bytes).digest('hex');
  assert.equal(ledger.inclusionProof(2).leafHash, expected);
});

test('inclusion and consistency proofs of the ledger check on their own', () => {
  const { ledger } = sample();
  for (let n = 1; n <= 5; n++) {
    for (let i = 0; i < n; i++) assert.ok(checkInclusionProof(ledger.inclusionProof(i, n)));
    for (let m = 0; m <= n; m++) assert.ok(checkConsistencyProof(ledger.consistencyProof(m, n)));
  }
  const p = ledger.inclusionProof(1, 5);
  assert.ok(!checkInclusionProof({ ...p, index: 2 }));
  assert.ok(!checkInclusionProof({ ...p, proof: [p.proof[1], p.proof[0], ...p.proof.slice(2)] }));
  const c = ledger.consistencyProof(3, 5);
  assert.ok(!checkConsistencyProof({ ...c, fromRoot: c.toRoot }));
});

test('a tampered entry is named by its index', () => {
  const { text } = sample();
  const ls = lines(text);
  const at = ls.findIndex((l) => l.includes('"index":2,'));
  ls[at] = ls[at].replace('"launchers":1002', '"launchers":1202');
  const { problems } = load(join(ls));
  assert.equal(problems[0].kind, 'tampered-entry');
  assert.equal(problems[0].index, 2);
  assert.equal(problems[0].line, at + 1);
  assert.match(problems[0].message, /tampered entry 2 \(line \d+\)/);
});

test('a rewritten history (entry and leaf hash changed, own heads re-signed) is a fork', () => {
  // us rewrites entry 1 after both parties signed, recomputes everything it can sign, and
  // re-signs its own heads; ru's signed head and cosignature over the old root remain.
  const honest = sample().text;
  const forged = Ledger.create();
  let text = forged.text;
  text += forged.ledger.addParty('us', US, T0);
  text += forged.ledger.addParty('ru', RU, T0);
  for (let i = 0; i < 5; i++) {
    const d = decl(i, i === 0 || i === 2 ? 'us' : 'ru');
    if (i === 1) d.body.launchers = 1;
    text += forged.ledger.append(d).line;
  }
  // Keep ru's lines from the honest ledger (us cannot forge them), re-sign us's head.
  const ruLines = lines(honest).filter(
    (l) =>
      (l.includes('"kind":"head"') || l.includes('"kind":"cosign"')) &&
      l.includes('"party":"ru"') &&
      !l.startsWith('{"head"'),
  );
  const ruHead = lines(honest).find(
    (l) => l.includes('"kind":"head"') && l.includes('"party":"ru"'),
  );
  assert.ok(ruHead);
  text += `${ruHead}\n`;
  text += forged.ledger.signHead('us', US, '2001-12-22T00:00:00Z').lines;
  assert.ok(ruLines.length > 0);
  const { problems } = load(text);
  const fork = problems.find((p) => p.kind === 'fork');
  assert.ok(fork, JSON.stringify(problems));
  assert.equal(fork.party, 'ru');
  assert.match(
    fork.message,
    /forked history: the head by ru at size 5 \(line \d+\) and the head by us at size 5 \(line \d+\) are not consistent/,
  );
});

test('two signed heads of two copies that are not consistent: held-head check names the fork', () => {
  const a = sample();
  // The other copy: the same first 3 entries, then a different entry 3, signed by us.
  const b = Ledger.create();
  b.ledger.addParty('us', US, T0);
  b.ledger.addParty('ru', RU, T0);
  for (let i = 0; i < 3; i++) b.ledger.append(decl(i, i === 1 ? 'ru' : 'us'));
  b.ledger.append(decl(9, 'us'));
  const other = b.ledger.signHead('us', US, '2001-12-23T00:00:00Z').head;
  const p = a.ledger.checkHeldHead(other, 'their-head.json');
  assert.equal(p?.kind, 'fork');
  assert.match(p?.message ?? '', /their-head\.json \(the head by us at size 4\) is not consistent/);
  // A head from the same history is fine, and one beyond the file's size means truncation.
  const same = a.ledger.latestHead('ru')?.head as SignedTreeHead;
  assert.equal(a.ledger.checkHeldHead(same, 'x'), null);
  b.ledger.append(decl(10, 'us'));
  b.ledger.append(decl(11, 'us'));
  const longer = b.ledger.signHead('us', US, '2001-12-24T00:00:00Z').head;
  assert.equal(a.ledger.checkHeldHead(longer, 'x')?.kind, 'truncated');
});

test('a wrong signature is named with its head and party', () => {
  const { text } = sample();
  const ls = lines(text);
  const at = ls.findIndex((l) => l.includes('"kind":"head"') && l.includes('"party":"ru"'));
  // Re-sign ru's head with us's key: a well-formed signature, by the wrong party.
  const o = JSON.parse(ls[at]) as SignedTreeHead & { kind: string };
  const forged = signTreeHead(o, US);
  ls[at] = canonicalJson({ ...o, signature: forged.signature });
  const { problems } = load(join(ls));
  assert.equal(problems[0].kind, 'bad-signature');
  assert.equal(problems[0].party, 'ru');
  assert.equal(problems[0].treeSize, 5);
  assert.match(problems[0].message, /wrong signature on the head by ru at size 5 \(line \d+\)/);
  // And a head whose size was edited no longer matches its signature.
  const ls2 = lines(text);
  const at2 = ls2.findIndex((l) => l.includes('"kind":"head"') && l.includes('"treeSize":3'));
  ls2[at2] = ls2[at2].replace('"treeSize":3', '"treeSize":2');
  assert.equal(load(join(ls2)).problems[0].kind, 'bad-signature');
});

test('a cosignature by the wrong key, or on a head not in the ledger, is named', () => {
  const { text } = sample();
  const ls = lines(text);
  const at = ls.findIndex((l) => l.includes('"kind":"cosign"'));
  const o = JSON.parse(ls[at]);
  ls[at] = canonicalJson({ ...o, ...cosign(o.head, o.party, o.timestamp, US), kind: 'cosign' });
  assert.equal(load(join(ls)).problems[0].kind, 'bad-signature');
  const orphan = cosign(
    { treeSize: 1, rootHash: 'ab'.repeat(32), timestamp: T0, party: 'us' },
    'ru',
    T0,
    RU,
  );
  const { problems } = load(text + `${canonicalJson({ kind: 'cosign', ...orphan })}\n`);
  assert.equal(problems[0].kind, 'unknown-head');
});

test('a truncated file is detected: cut inside a record, or (with a held head) at a boundary', () => {
  const { ledger, text } = sample();
  const bytes = enc.encode(text);
  const held = ledger.latestHead()?.head as SignedTreeHead;
  const boundaries = new Set<number>();
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) boundaries.add(i + 1);
  for (let cut = 0; cut < bytes.length; cut++) {
    const { ledger: l, problems } = Ledger.load(bytes.subarray(0, cut));
    if (!boundaries.has(cut)) {
      assert.ok(
        problems.some((p) => p.kind === 'truncated'),
        `cut at ${cut}`,
      );
    } else {
      // A cut between records leaves a valid earlier ledger: only a head held elsewhere shows
      // the loss (when the cut removed entries it covers) — or the cut removed a head only.
      const p = l.checkHeldHead(held, 'held');
      const lost = l.size < held.treeSize;
      assert.deepEqual(problems, [], `cut at ${cut}`);
      // Before the key records the held head cannot even be authenticated (unknown party).
      const want = !lost ? null : l.keys.has(held.party) ? 'truncated' : 'unknown-party';
      assert.equal(p?.kind ?? null, want, `cut at ${cut}`);
    }
  }
});

test('deleted or duplicated entries are named', () => {
  const { text } = sample();
  const ls = lines(text);
  const at = ls.findIndex((l) => l.includes('"index":1,'));
  const without = [...ls.slice(0, at), ...ls.slice(at + 1)];
  const p = load(join(without)).problems[0];
  assert.equal(p.kind, 'missing-entries');
  assert.match(p.message, /entries 1–1 are missing/);
  const twice = [...ls.slice(0, at + 1), ls[at], ...ls.slice(at + 1)];
  assert.equal(load(join(twice)).problems[0].kind, 'missing-entries');
});

test('signing refuses a key that is not the party’s, and head messages are domain-separated', () => {
  const { ledger } = sample();
  assert.throws(() => ledger.signHead('us', RU, T0), /private key of us/);
  assert.throws(() => ledger.append(decl(0, 'fr')), /party: expected a party with a key/);
  const h = { treeSize: 1, rootHash: '00'.repeat(32), timestamp: T0, party: 'us' };
  const s = signTreeHead(h, US);
  const pub = ledger.keys.get('us')?.publicKey as string;
  assert.ok(verifyTreeHead(s, pub));
  assert.ok(!verifyTreeHead({ ...s, treeSize: 2 }, pub));
  assert.match(
    dec.decode(treeHeadMessage(h)),
    /^\{"party":"us",.*"type":"aspis\/tree-head\/v1"\}$/,
  );
  // Upper-case hex is refused: one spelling per signature.
  assert.equal(fromHex('AB', 1), null);
  assert.ok(!verifyTreeHead({ ...s, signature: s.signature.toUpperCase() }, pub));
});
