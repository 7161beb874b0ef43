// The audit anchor key: a second 256-bit secret, never derived from the database key, that authenticates the
// anchors of the audit chain kept outside the database (services/audit/audit-anchor.ts). Someone who holds only the
// database key can rewrite the log inside the database but cannot make an anchor that matches the rewrite.
// The preview and the CLI take it like the database key (`--anchor-key-file FILE`, else CLINICDESK_ANCHOR_KEY); it
// is optional: without one nothing is anchored, and `audit verify` says what that leaves undetectable.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

declare const brand: unique symbol;
/** 32 bytes, only made by parseAnchorKey or newAnchorKey, so a database key cannot be passed where this is meant. */
export type AnchorKey = Buffer & { readonly [brand]: 'AnchorKey' };

export const ANCHOR_KEY_ENV = 'CLINICDESK_ANCHOR_KEY';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export class AnchorKeyError extends Error {
  constructor(message: string) {
    super(`${message} Nothing was opened or created.`);
    this.name = 'AnchorKeyError';
  }
}

export function parseAnchorKey(text: string, where: string): AnchorKey {
  const trimmed = text.trim();
  if (!HEX_KEY.test(trimmed)) throw new AnchorKeyError(`The audit anchor key from ${where} is not 64 hexadecimal digits (a 256-bit key).`);
  return Buffer.from(trimmed, 'hex') as AnchorKey;
}

export function newAnchorKey(): AnchorKey {
  return randomBytes(32) as AnchorKey;
}

/**
 * The anchor key of the preview or the CLI, or undefined when none was given (not an error: anchoring is extra).
 * Refuses the database key itself: an anchor under the key that opens the database protects nothing against its
 * holder, which is the one thing anchors are for.
 */
export function readDoorAnchorKey(request: { readonly anchorKeyFile?: string | undefined; readonly env?: NodeJS.ProcessEnv; readonly databaseKey?: Buffer }): AnchorKey | undefined {
  const env = request.env ?? process.env;
  let key: AnchorKey | undefined;
  if (request.anchorKeyFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(request.anchorKeyFile, 'utf8');
    } catch (error) {
      throw new AnchorKeyError(`Cannot read the audit anchor key file ${request.anchorKeyFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
    key = parseAnchorKey(text, `the anchor key file ${request.anchorKeyFile}`);
  } else {
    const fromEnv = env[ANCHOR_KEY_ENV];
    if (fromEnv !== undefined && fromEnv !== '') key = parseAnchorKey(fromEnv, ANCHOR_KEY_ENV);
  }
  if (key && request.databaseKey && key.equals(request.databaseKey)) {
    throw new AnchorKeyError('The audit anchor key is the database key: make a separate one (openssl rand -hex 32).');
  }
  return key;
}
