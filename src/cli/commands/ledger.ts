/**
 * `aspis ledger init|append|head|prove|verify|audit`: the verification ledger of issue 7
 * (docs/ledger.md). Every writing command first verifies the whole ledger and refuses to write
 * to one that does not verify. Private keys are read from DIR/keys and never printed.
 */
import type { Command } from 'commander';
import { AspisError } from '../../core/errors.ts';
import {
  appendToLedger,
  createLedgerFile,
  keyPath,
  ledgerExists,
  loadLedger,
  loadVerifiedLedger,
  problemError,
  readPrivateKey,
  withLedgerLock,
  writePrivateKey,
} from '../../node/ledger-file.ts';
import { readTextFile } from '../../node/files.ts';
import { parseDataText } from '../../scenario/parse-text.ts';
import { checkDeclaration, isIsoUtc } from '../../treaty/ledger/declaration.ts';
import { newKeyPair } from '../../treaty/ledger/heads.ts';
import { toHex } from '../../treaty/ledger/hex.ts';
import {
  Ledger,
  checkInclusionProof,
  parseSignedHead,
  type Problem,
} from '../../treaty/ledger/ledger.ts';
import { printTable, type Output } from '../output.ts';

interface Common {
  dir: string;
  json?: boolean;
}

const AUDIT_NOTE =
  'treaty rules are not re-run yet: the rule engine of issue 7 comes later; for now audit checks each declaration and its inclusion proof';

function parseCount(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  const x = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(x)) {
    throw new AspisError({ file: option, expected: 'an integer ≥ 0', got: text });
  }
  return x;
}

function timeOption(text: string | undefined): string {
  if (text === undefined) return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (!isIsoUtc(text)) {
    throw new AspisError({
      file: '--time',
      expected: 'an ISO-8601 UTC time such as 2001-12-13T00:00:00Z',
      got: text,
    });
  }
  return text;
}

function requireParty(party: string | undefined): string {
  if (party === undefined) {
    throw new AspisError({ file: '--party', expected: 'a party name such as us', got: undefined });
  }
  return party;
}

export function registerLedger(program: Command, out: Output): void {
  const cmd = program
    .command('ledger')
    .description('tamper-evident verification ledger of declarations (RFC 9162 Merkle tree)');

  cmd
    .command('init')
    .description("create a ledger (or join one) with a party's Ed25519 key pair")
    .requiredOption('--dir <DIR>', 'ledger folder')
    .requiredOption('--party <NAME>', 'party name, e.g. us or ru')
    .option('--time <ISO>', 'time recorded with the key (default: now)')
    .option('--json', 'print one JSON document')
    .action((o: Common & { party: string; time?: string }) => {
      const time = timeOption(o.time);
      keyPath(o.dir, o.party); // validates the party name before anything is written
      const created = !ledgerExists(o.dir);
      if (created) createLedgerFile(o.dir, Ledger.create().text);
      const doc = withLedgerLock(o.dir, () => {
        const { ledger } = loadVerifiedLedger(o.dir);
        const { secretKey } = newKeyPair();
        // Validate the party (and its absence) before the key file is written.
        const line = ledger.addParty(o.party, secretKey, time);
        const keyFile = writePrivateKey(o.dir, o.party, secretKey);
        secretKey.fill(0);
        appendToLedger(o.dir, line);
        const key = ledger.keys.get(o.party);
        return {
          dir: o.dir,
          created,
          party: o.party,
          publicKey: key?.publicKey ?? '',
          keyFile,
          parties: ledger.parties,
        };
      });
      out.result(o.json, doc, () =>
        printTable(out, [
          ['ledger', `${doc.dir}${doc.created ? ' (new)' : ''}`],
          ['party', doc.party],
          ['public key', doc.publicKey],
          ['private key', `${doc.keyFile} (mode 0600; never share it)`],
          ['parties', doc.parties.join(', ')],
        ]),
      );
    });

  cmd
    .command('append <FILE>')
    .description('append a declaration (JSON or YAML: type, party, time, body)')
    .requiredOption('--dir <DIR>', 'ledger folder')
    .option('--party <NAME>', 'the declaring party (must match the declaration)')
    .option('--json', 'print one JSON document')
    .action((file: string, o: Common & { party?: string }) => {
      const data = parseDataText(readTextFile(file), file);
      const { declaration, issues } = checkDeclaration(data);
      if (declaration === null) {
        const [first, ...rest] = issues;
        throw new AspisError({
          file,
          path: first.path,
          expected: first.expected,
          got: first.got,
          hint:
            rest.length > 0 ? `also: ${rest.map((i) => i.path || '(root)').join(', ')}` : undefined,
        });
      }
      if (o.party !== undefined && o.party !== declaration.party) {
        throw new AspisError({
          file,
          path: 'party',
          expected: `the party given by --party (${o.party})`,
          got: declaration.party,
        });
      }
      const doc = withLedgerLock(o.dir, () => {
        const { ledger } = loadVerifiedLedger(o.dir);
        let r: ReturnType<Ledger['append']>;
        try {
          r = ledger.append(declaration);
        } catch (e) {
          throw e instanceof AspisError ? e.inFile(file) : e;
        }
        appendToLedger(o.dir, r.line);
        return {
          index: r.index,
          type: declaration.type,
          party: declaration.party,
          leafHash: r.leafHash,
          treeSize: ledger.size,
          rootHash: ledger.rootHash(),
        };
      });
      out.result(o.json, doc, () =>
        printTable(out, [
          ['index', String(doc.index)],
          ['type', doc.type],
          ['party', doc.party],
          ['leaf hash', doc.leafHash],
          ['tree size', String(doc.treeSize)],
          ['root hash', doc.rootHash],
        ]),
      );
    });

  cmd
    .command('head')
    .description(
      "sign the current tree head as PARTY and countersign the other parties' latest heads",
    )
    .requiredOption('--dir <DIR>', 'ledger folder')
    .option('--party <NAME>', 'the signing party')
    .option('--time <ISO>', 'signing time (default: now)')
    .option('--json', 'print one JSON document')
    .action((o: Common & { party?: string; time?: string }) => {
      const party = requireParty(o.party);
      const timestamp = timeOption(o.time);
      const doc = withLedgerLock(o.dir, () => {
        const { ledger } = loadVerifiedLedger(o.dir);
        const secretKey = readPrivateKey(o.dir, party);
        const r = ledger.signHead(party, secretKey, timestamp);
        secretKey.fill(0);
        appendToLedger(o.dir, r.lines);
        return { head: r.head, cosigned: r.cosignatures.map((c) => c.head) };
      });
      out.result(o.json, doc, () => {
        printTable(out, [
          ['party', doc.head.party],
          ['tree size', String(doc.head.treeSize)],
          ['root hash', doc.head.rootHash],
          ['timestamp', doc.head.timestamp],
          ['signature', doc.head.signature],
          [
            'countersigned',
            doc.cosigned.map((h) => `${h.party} at size ${h.treeSize}`).join(', ') || '—',
          ],
        ]);
      });
    });

  cmd
    .command('prove')
    .description('print an inclusion proof (--index) or a consistency proof (--from, --to)')
    .requiredOption('--dir <DIR>', 'ledger folder')
    .option('--index <I>', 'entry index for an inclusion proof')
    .option('--size <N>', 'tree size of the inclusion proof (default: current)')
    .option('--from <M>', 'older tree size of a consistency proof')
    .option('--to <N>', 'newer tree size of a consistency proof (default: current)')
    .option('--json', 'print one JSON document')
    .action((o: Common & { index?: string; size?: string; from?: string; to?: string }) => {
      const index = parseCount(o.index, '--index');
      const size = parseCount(o.size, '--size');
      const from = parseCount(o.from, '--from');
      const to = parseCount(o.to, '--to');
      if ((index === undefined) === (from === undefined)) {
        throw new AspisError({
          file: 'ledger prove',
          expected: 'either --index I [--size N] or --from M [--to N]',
        });
      }
      const { ledger } = loadVerifiedLedger(o.dir);
      if (index !== undefined) {
        const p = ledger.inclusionProof(index, size ?? ledger.size);
        out.result(o.json, { kind: 'inclusion', ...p }, () =>
          printTable(out, [
            ['entry', `${p.index} of a tree of ${p.treeSize}`],
            ['leaf hash', p.leafHash],
            ['root hash', p.rootHash],
            ...p.proof.map((h, i) => [`proof[${i}]`, h]),
          ]),
        );
      } else {
        const p = ledger.consistencyProof(from as number, to ?? ledger.size);
        out.result(o.json, { kind: 'consistency', ...p }, () =>
          printTable(out, [
            ['from', `size ${p.from}, root ${p.fromRoot}`],
            ['to', `size ${p.to}, root ${p.toRoot}`],
            ...p.proof.map((h, i) => [`proof[${i}]`, h]),
          ]),
        );
      }
    });

  cmd
    .command('verify')
    .description('check every entry, key, signature and head; exit 1 naming the first problem')
    .requiredOption('--dir <DIR>', 'ledger folder')
    .option(
      '--head <FILE...>',
      "signed heads held elsewhere (e.g. the other party's copy): they must be consistent too",
    )
    .option('--json', 'print one JSON document')
    .action((o: Common & { head?: string[] }) => {
      const { ledger, problems, file } = loadLedger(o.dir);
      for (const f of o.head ?? []) {
        const held = parseSignedHead(unwrapHead(parseDataText(readTextFile(f), f)));
        if (held === null) {
          throw new AspisError({
            file: f,
            expected: 'a signed tree head {treeSize, rootHash, timestamp, party, signature}',
          });
        }
        const p = ledger.checkHeldHead(held, f);
        if (p !== null) problems.push(p);
      }
      const doc = {
        ok: problems.length === 0,
        treeSize: ledger.size,
        rootHash: ledger.rootHash(),
        parties: ledger.parties,
        heads: ledger.heads.length,
        cosignatures: ledger.cosignatures.length,
        problems,
      };
      out.result(o.json, doc, () => {
        printTable(out, [
          ['ledger', file],
          ['entries', String(doc.treeSize)],
          ['root hash', doc.rootHash],
          ['parties', doc.parties.join(', ')],
          ['signed heads', String(doc.heads)],
          ['cosignatures', String(doc.cosignatures)],
          ['verdict', doc.ok ? 'verified' : `${problems.length} problem(s)`],
        ]);
        for (const p of problems) out.stdout(`  ${p.kind}: ${p.message}\n`);
      });
      if (problems.length > 0) throw problemError(file, problems[0]);
    });

  cmd
    .command('audit')
    .description('list the declarations with their indices and types and verify each')
    .requiredOption('--dir <DIR>', 'ledger folder')
    .option('--json', 'print one JSON document')
    .action((o: Common) => {
      const { ledger, problems, file } = loadLedger(o.dir);
      const rows = auditRows(ledger, problems);
      const latest = ledger.latestHead();
      const doc = {
        ok: problems.length === 0 && rows.every((r) => r.verified),
        treeSize: ledger.size,
        rootHash: ledger.rootHash(),
        provedAgainst: latest
          ? { party: latest.head.party, treeSize: latest.head.treeSize }
          : { party: null, treeSize: ledger.size },
        declarations: rows,
        treatyFindings: null,
        note: AUDIT_NOTE,
        problems,
      };
      out.result(o.json, doc, () => {
        printTable(
          out,
          rows.map((r) => [
            String(r.index),
            r.type,
            r.party,
            r.time,
            r.verified ? 'verified' : r.reason,
          ]),
          ['index', 'type', 'party', 'time', 'check'],
        );
        out.stdout(`note: ${AUDIT_NOTE}\n`);
        for (const p of problems) out.stdout(`  ${p.kind}: ${p.message}\n`);
      });
      if (problems.length > 0) throw problemError(file, problems[0]);
    });
}

/** `head --json` prints {head, cosigned}; a held head file may be either that or the bare head. */
function unwrapHead(v: unknown): unknown {
  if (typeof v === 'object' && v !== null && 'head' in v) return (v as { head: unknown }).head;
  return v;
}

interface AuditRow {
  index: number;
  type: string;
  party: string;
  time: string;
  leafHash: string;
  verified: boolean;
  reason: string;
}

/**
 * Each declaration is proved included in the latest signed head that covers it (or the current
 * tree when no head does yet) and checked against the file's problems.
 */
function auditRows(ledger: Ledger, problems: Problem[]): AuditRow[] {
  const latest = ledger.latestHead();
  const rows: AuditRow[] = [];
  for (let i = 0; i < ledger.size; i++) {
    const d = ledger.entry(i);
    const covering = latest && latest.head.treeSize > i ? latest.head : null;
    const size = covering ? covering.treeSize : ledger.size;
    const proof = ledger.inclusionProof(i, size);
    const rootOk = covering ? covering.rootHash === proof.rootHash : true;
    const own = problems.find((p) => p.index === i && p.kind === 'tampered-entry');
    const verified = rootOk && checkInclusionProof(proof) && own === undefined;
    rows.push({
      index: i,
      type: d.type,
      party: d.party,
      time: d.time,
      leafHash: toHex(ledger.log.leafHash(i)),
      verified,
      reason: own
        ? 'tampered'
        : !rootOk
          ? `not in the head by ${covering?.party} at size ${size}`
          : verified
            ? ''
            : 'inclusion proof fails',
    });
  }
  return rows;
}
