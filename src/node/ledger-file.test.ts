import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Ledger } from '../treaty/ledger/ledger.ts';
import type { Declaration } from '../treaty/ledger/declaration.ts';
import {
  appendToLedger,
  createLedgerFile,
  keyPath,
  ledgerPaths,
  loadLedger,
  loadVerifiedLedger,
  readPrivateKey,
  withLedgerLock,
  writePrivateKey,
} from './ledger-file.ts';

const POSIX = process.platform !== 'win32';
const T0 = '2001-12-13T00:00:00Z';
const decl = (i: number, party: string): Declaration => ({
  type: 'force-data',
  party,
  time: T0,
  body: { instrument: 'new-start-2010', deployedWarheads: 1550 - i, launchers: [700, 800] },
});

/** A small two-party ledger on disk, written through the file edge as the CLI does. */
function smallLedger(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-ledger-'));
  const { ledger, text } = Ledger.create();
  createLedgerFile(dir, text);
  const us = new Uint8Array(32).fill(7);
  const ru = new Uint8Array(32).fill(9);
  writePrivateKey(dir, 'us', us);
  writePrivateKey(dir, 'ru', ru);
  appendToLedger(dir, ledger.addParty('us', us, T0) + ledger.addParty('ru', ru, T0));
  appendToLedger(dir, ledger.append(decl(0, 'us')).line);
  appendToLedger(dir, ledger.append(decl(1, 'ru')).line);
  appendToLedger(dir, ledger.signHead('us', readPrivateKey(dir, 'us'), T0).lines);
  appendToLedger(dir, ledger.append(decl(2, 'us')).line);
  appendToLedger(dir, ledger.signHead('ru', readPrivateKey(dir, 'ru'), T0).lines);
  return dir;
}

function verifyBytes(dir: string, bytes: Uint8Array): ReturnType<typeof loadLedger>['problems'] {
  writeFileSync(ledgerPaths(dir).file, bytes);
  return loadLedger(dir).problems;
}

test('the ledger written through the file edge verifies', () => {
  const dir = smallLedger();
  const { ledger } = loadVerifiedLedger(dir);
  assert.equal(ledger.size, 3);
  assert.equal(ledger.heads.length, 2);
  assert.equal(ledger.cosignatures.length, 1);
});

test('every single-byte change anywhere in a small ledger file is detected', () => {
  const dir = smallLedger();
  const original = new Uint8Array(readFileSync(ledgerPaths(dir).file));
  const scratch = mkdtempSync(join(tmpdir(), 'aspis-ledger-flip-'));
  assert.ok(original.length > 1000 && original.length < 5000, `${original.length} bytes`);
  // Every position, flipped with one of the three masks most likely to slip through a lenient
  // parser, in turn: all bits, the ASCII case bit (hex 'a' ↔ 'A'), the lowest bit (digit ↔ digit).
  const masks = [0xff, 0x20, 0x01];
  for (let pos = 0; pos < original.length; pos++) {
    const mask = masks[pos % masks.length];
    const bytes = original.slice();
    bytes[pos] ^= mask;
    const problems = verifyBytes(scratch, bytes);
    assert.ok(problems.length > 0, `byte ${pos} ^ 0x${mask.toString(16)} went unnoticed`);
  }
  // And any replacement value at any position (fast-check shrinks a failure to its byte).
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: original.length - 1 }),
      fc.integer({ min: 0, max: 255 }),
      (pos, value) => {
        fc.pre(original[pos] !== value);
        const bytes = original.slice();
        bytes[pos] = value;
        return verifyBytes(scratch, bytes).length > 0;
      },
    ),
    { numRuns: 500, seed: 2001 },
  );
});

test('a truncated ledger file is detected and named', () => {
  const dir = smallLedger();
  const { file } = ledgerPaths(dir);
  const size = statSync(file).size;
  truncateSync(file, size - 17);
  const { problems } = loadLedger(dir);
  assert.equal(problems[0].kind, 'truncated');
  assert.match(problems[0].message, /truncated: the file ends inside line \d+/);
  assert.throws(() => loadVerifiedLedger(dir), /expected a complete ledger file \(truncated/);
  truncateSync(file, 0);
  assert.equal(loadLedger(dir).problems[0].kind, 'truncated');
});

test(
  'private keys are created owner-only (0600) in a 0700 folder, and never overwritten',
  {
    skip: !POSIX,
  },
  () => {
    const dir = smallLedger();
    for (const party of ['us', 'ru']) {
      assert.equal(statSync(keyPath(dir, party)).mode & 0o777, 0o600);
    }
    assert.equal(statSync(ledgerPaths(dir).keys).mode & 0o777, 0o700);
    // Even under a permissive umask the key comes out 0600.
    const old = process.umask(0o000);
    try {
      writePrivateKey(dir, 'fr', new Uint8Array(32).fill(3));
    } finally {
      process.umask(old);
    }
    assert.equal(statSync(keyPath(dir, 'fr')).mode & 0o777, 0o600);
    assert.throws(() => writePrivateKey(dir, 'us', new Uint8Array(32)), /refusing to overwrite/);
    // A key that others may read is refused, without printing its content.
    chmodSync(keyPath(dir, 'us'), 0o644);
    assert.throws(
      () => readPrivateKey(dir, 'us'),
      (e: Error) => /mode 0600/.test(e.message) && !/secretKey|0707070707/.test(e.message),
    );
  },
);

test('party names cannot escape the keys folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspis-ledger-'));
  for (const bad of ['../x', 'a/b', '..', 'US', '']) {
    assert.throws(() => keyPath(dir, bad), /--party: expected a party name/);
  }
});

test('one writer at a time: the lock refuses a second writer and is released after', () => {
  const dir = smallLedger();
  withLedgerLock(dir, () => {
    assert.throws(() => withLedgerLock(dir, () => 0), /no other aspis command writing/);
  });
  assert.equal(
    withLedgerLock(dir, () => 42),
    42,
  );
});
