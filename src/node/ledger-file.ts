/**
 * The file edge of the verification ledger (docs/ledger.md). A ledger is a folder:
 *   DIR/ledger.jsonl     the append-only ledger, one canonical-JSON record per line (public)
 *   DIR/keys/<party>.key a party's Ed25519 private key, mode 0600 in a 0700 folder (never share)
 *   DIR/ledger.lock      present only while a command writes (one writer at a time)
 * Writes only ever append whole records, under the lock, after the file verified.
 */
import {
  chmodSync,
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { AspisError } from '../core/errors.ts';
import { isPartyName } from '../treaty/ledger/declaration.ts';
import { SECRET_KEY_BYTES } from '../treaty/ledger/heads.ts';
import { fromHex, toHex } from '../treaty/ledger/hex.ts';
import { Ledger, PROBLEM_EXPECTED, type Problem } from '../treaty/ledger/ledger.ts';

export const LEDGER_FILE = 'ledger.jsonl';
export const KEYS_DIR = 'keys';
const LOCK_FILE = 'ledger.lock';
const KEY_MODE = 0o600;
const KEYS_DIR_MODE = 0o700;
const POSIX = process.platform !== 'win32';

export interface LedgerPaths {
  dir: string;
  file: string;
  keys: string;
  lock: string;
}

export function ledgerPaths(dir: string): LedgerPaths {
  return {
    dir,
    file: join(dir, LEDGER_FILE),
    keys: join(dir, KEYS_DIR),
    lock: join(dir, LOCK_FILE),
  };
}

export function keyPath(dir: string, party: string): string {
  // The party name pattern excludes '/', '.' and '..', so this stays inside keys/.
  if (!isPartyName(party)) {
    throw new AspisError({ file: '--party', expected: 'a party name such as "us"', got: party });
  }
  return join(dir, KEYS_DIR, `${party}.key`);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

export function ledgerExists(dir: string): boolean {
  return exists(ledgerPaths(dir).file);
}

/** Reads and verifies the ledger in DIR; problems are returned, not thrown. */
export function loadLedger(dir: string): { ledger: Ledger; problems: Problem[]; file: string } {
  const { file } = ledgerPaths(dir);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    throw new AspisError({
      file: dir,
      expected: `a ledger folder holding ${LEDGER_FILE}`,
      hint: `create one with: aspis ledger init --dir ${dir} --party NAME`,
    });
  }
  return { ...Ledger.load(bytes), file };
}

/** The run-time error naming a verification problem (exit 1). */
export function problemError(file: string, p: Problem): AspisError {
  return new AspisError({
    file,
    path: `line ${p.line}`,
    expected: PROBLEM_EXPECTED[p.kind],
    hint: p.message,
    kind: 'runtime',
  });
}

/** Loads the ledger and refuses to go on (exit 1, first problem named) unless it verifies. */
export function loadVerifiedLedger(dir: string): { ledger: Ledger; file: string } {
  const { ledger, problems, file } = loadLedger(dir);
  if (problems.length > 0) throw problemError(file, problems[0]);
  return { ledger, file };
}

/** Runs `fn` holding DIR/ledger.lock, so that two writers never interleave their appends. */
export function withLedgerLock<T>(dir: string, fn: () => T): T {
  const { lock } = ledgerPaths(dir);
  let fd: number;
  try {
    fd = openSync(lock, 'wx', 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AspisError({
      file: lock,
      expected:
        code === 'EEXIST' ? 'no other aspis command writing this ledger' : 'a writable folder',
      hint:
        code === 'EEXIST'
          ? 'another command holds the lock; remove the file if none is running'
          : String(code),
      kind: 'runtime',
    });
  }
  try {
    writeSync(fd, `${process.pid}\n`);
    return fn();
  } finally {
    closeSync(fd);
    unlinkSync(lock);
  }
}

/** Creates DIR (if needed) and a new ledger file; fails if one is there already. */
export function createLedgerFile(dir: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeNew(ledgerPaths(dir).file, text, 0o644);
}

/** Appends whole records and flushes them to disk. */
export function appendToLedger(dir: string, text: string): void {
  if (text === '') return;
  const fd = openSync(ledgerPaths(dir).file, constants.O_WRONLY | constants.O_APPEND);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeNew(path: string, text: string, mode: number): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', mode);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AspisError({
      file: path,
      expected:
        code === 'EEXIST' ? 'no file there yet (refusing to overwrite it)' : 'a writable path',
      hint: code === 'EEXIST' ? undefined : String(code),
    });
  }
  try {
    // The mode given to open() is filtered by the umask; set it exactly.
    if (POSIX) fchmodSync(fd, mode);
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a party's private key to DIR/keys/<party>.key, created with mode 0600 (and the keys
 * folder 0700) before any secret byte is written. Never overwrites an existing key.
 */
export function writePrivateKey(dir: string, party: string, secretKey: Uint8Array): string {
  const keys = ledgerPaths(dir).keys;
  mkdirSync(keys, { recursive: true, mode: KEYS_DIR_MODE });
  if (POSIX) chmodSync(keys, KEYS_DIR_MODE);
  const path = keyPath(dir, party);
  const doc = { algorithm: 'ed25519', party, secretKey: toHex(secretKey) };
  writeNew(path, `${JSON.stringify(doc)}\n`, KEY_MODE);
  return path;
}

/** Reads a party's private key; refuses a key file that group or others may read. */
export function readPrivateKey(dir: string, party: string): Uint8Array {
  const path = keyPath(dir, party);
  let text: string;
  try {
    if (POSIX) {
      const mode = statSync(path).mode & 0o777;
      if ((mode & 0o077) !== 0) {
        throw new AspisError({
          file: path,
          expected: 'a private key readable by its owner only (mode 0600)',
          got: `mode 0${mode.toString(8)}`,
          hint: `run: chmod 600 ${path}`,
        });
      }
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof AspisError) throw e;
    throw new AspisError({
      file: path,
      expected: `the private key of ${party}`,
      hint: `only the party that ran "aspis ledger init --party ${party}" holds it`,
    });
  }
  let secret: Uint8Array | null = null;
  try {
    const doc = JSON.parse(text) as { algorithm?: unknown; party?: unknown; secretKey?: unknown };
    if (doc.algorithm === 'ed25519' && doc.party === party) {
      secret = fromHex(doc.secretKey, SECRET_KEY_BYTES);
    }
  } catch {
    secret = null;
  }
  // Never echo the file's content: it may hold a secret.
  if (secret === null) {
    throw new AspisError({ file: path, expected: `an Ed25519 private key file for ${party}` });
  }
  return secret;
}
