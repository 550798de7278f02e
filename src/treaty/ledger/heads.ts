/**
 * Signed tree heads and cosignatures, Ed25519 (RFC 8032) over canonical JSON messages.
 *
 * A party signs `{"party":P,"rootHash":R,"timestamp":T,"treeSize":N,"type":"aspis/tree-head/v1"}`
 * (canonical JSON, UTF-8): the size and the root together, because an RFC 9162 root does not
 * encode its size. Another party countersigns a head by signing
 * `{"cosigner":Q,"head":{party,rootHash,timestamp,treeSize},"timestamp":T2,"type":"aspis/cosignature/v1"}`
 * after checking the head's signature and its consistency with everything it has seen, so the
 * head's author cannot later present another history without the cosigner's signature showing it.
 * A party's public key enters the ledger self-signed (proof of possession) over
 * `{"party":P,"publicKey":K,"time":T,"type":"aspis/party-key/v1"}`.
 * The `type` strings separate the three kinds of message: no signature of one kind verifies as
 * another. Verification is strict RFC 8032 (no ZIP-215 leniency): one valid encoding per signature.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { canonicalBytes } from './canonical-json.ts';
import { fromHex, toHex } from './hex.ts';

export const PUBLIC_KEY_BYTES = 32;
export const SECRET_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export interface TreeHead {
  treeSize: number;
  /** Lowercase hex of the 32-byte RFC 9162 root. */
  rootHash: string;
  /** ISO-8601 UTC time of signing. */
  timestamp: string;
  /** The signing party. */
  party: string;
}

export interface SignedTreeHead extends TreeHead {
  /** Lowercase hex of the 64-byte Ed25519 signature. */
  signature: string;
}

export interface Cosignature {
  head: TreeHead;
  /** The countersigning party (never the head's own party). */
  party: string;
  timestamp: string;
  signature: string;
}

export interface PartyKey {
  party: string;
  publicKey: string;
  time: string;
  signature: string;
}

export function treeHeadMessage(h: TreeHead): Uint8Array {
  return canonicalBytes({
    type: 'aspis/tree-head/v1',
    treeSize: h.treeSize,
    rootHash: h.rootHash,
    timestamp: h.timestamp,
    party: h.party,
  });
}

export function cosignatureMessage(
  head: TreeHead,
  cosigner: string,
  timestamp: string,
): Uint8Array {
  return canonicalBytes({
    type: 'aspis/cosignature/v1',
    head: bareHead(head),
    cosigner,
    timestamp,
  });
}

export function partyKeyMessage(party: string, publicKey: string, time: string): Uint8Array {
  return canonicalBytes({ type: 'aspis/party-key/v1', party, publicKey, time });
}

export function bareHead(h: TreeHead): TreeHead {
  return { treeSize: h.treeSize, rootHash: h.rootHash, timestamp: h.timestamp, party: h.party };
}

/** A new key pair from the platform's CSPRNG (crypto.getRandomValues, Node and browsers). */
export function newKeyPair(): { secretKey: Uint8Array; publicKey: Uint8Array } {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey, publicKey };
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function sign(message: Uint8Array, secretKey: Uint8Array): string {
  return toHex(ed25519.sign(message, secretKey));
}

/** Strict Ed25519 verification; malformed hex, keys or signatures are simply `false`. */
export function verifySignature(
  message: Uint8Array,
  signature: string,
  publicKey: string,
): boolean {
  const sig = fromHex(signature, SIGNATURE_BYTES);
  const pub = fromHex(publicKey, PUBLIC_KEY_BYTES);
  if (sig === null || pub === null) return false;
  try {
    return ed25519.verify(sig, message, pub, { zip215: false });
  } catch {
    return false;
  }
}

export function signTreeHead(head: TreeHead, secretKey: Uint8Array): SignedTreeHead {
  return { ...bareHead(head), signature: sign(treeHeadMessage(head), secretKey) };
}

export function verifyTreeHead(sth: SignedTreeHead, publicKey: string): boolean {
  return verifySignature(treeHeadMessage(sth), sth.signature, publicKey);
}

export function cosign(
  head: TreeHead,
  cosigner: string,
  timestamp: string,
  secretKey: Uint8Array,
): Cosignature {
  return {
    head: bareHead(head),
    party: cosigner,
    timestamp,
    signature: sign(cosignatureMessage(head, cosigner, timestamp), secretKey),
  };
}

export function verifyCosignature(c: Cosignature, publicKey: string): boolean {
  return verifySignature(cosignatureMessage(c.head, c.party, c.timestamp), c.signature, publicKey);
}

export function signPartyKey(party: string, time: string, secretKey: Uint8Array): PartyKey {
  const publicKey = toHex(publicKeyOf(secretKey));
  return {
    party,
    publicKey,
    time,
    signature: sign(partyKeyMessage(party, publicKey, time), secretKey),
  };
}

export function verifyPartyKey(k: PartyKey): boolean {
  return verifySignature(partyKeyMessage(k.party, k.publicKey, k.time), k.signature, k.publicKey);
}
