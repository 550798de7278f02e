/**
 * The verification ledger of issue 7: RFC 9162 Merkle tree, canonical-JSON declarations,
 * Ed25519 signed and countersigned tree heads. Pure: it runs unchanged in Node and the browser.
 */
export * from './merkle.ts';
export * from './canonical-json.ts';
export * from './hex.ts';
export * from './declaration.ts';
export * from './heads.ts';
export * from './ledger.ts';
