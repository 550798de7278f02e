/**
 * Strict lowercase hex. The ledger accepts exactly one spelling of every hash, key and signature
 * (no upper case, no prefix, no whitespace), so that changing any byte of a ledger file changes
 * the bytes that are hashed or signed and cannot slip through as an equivalent spelling.
 */
import { bytesToHex } from '@noble/hashes/utils.js';

const HEX = /^(?:[0-9a-f]{2})*$/;

export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** The bytes of a strict lowercase hex string of `length` bytes, or null. */
export function fromHex(text: unknown, length: number): Uint8Array | null {
  if (typeof text !== 'string' || text.length !== 2 * length || !HEX.test(text)) return null;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function isHex(text: unknown, length: number): text is string {
  return typeof text === 'string' && text.length === 2 * length && HEX.test(text);
}
