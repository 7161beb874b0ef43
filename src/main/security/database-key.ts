// The one secret of a ClinicDesk data folder: a raw 256-bit key. The database is opened with it (SQLCipher format,
// raw key, so no slow passphrase stretching on every open), and every other secret (the photo key, the backup key)
// is derived from it with HKDF under its own purpose label, so one key never encrypts two kinds of data.
import { hkdfSync, randomBytes } from 'node:crypto';

declare const brand: unique symbol;
/** 32 bytes. Only made by parseDatabaseKey or newDatabaseKey, so a key of the wrong length cannot reach SQLite. */
export type DatabaseKey = Buffer & { readonly [brand]: 'DatabaseKey' };

export const KEY_BYTES = 32;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export class InvalidKeyError extends Error {
  constructor(where: string) {
    super(`The database key from ${where} is not 64 hexadecimal digits (a 256-bit key). Nothing was opened or created.`);
    this.name = 'InvalidKeyError';
  }
}

/** 64 hex digits, surrounding whitespace (a trailing newline in a key file) ignored. */
export function parseDatabaseKey(text: string, where: string): DatabaseKey {
  const trimmed = text.trim();
  if (!HEX_KEY.test(trimmed)) throw new InvalidKeyError(where);
  return Buffer.from(trimmed, 'hex') as DatabaseKey;
}

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(KEY_BYTES) as DatabaseKey;
}

export function asDatabaseKey(bytes: Buffer): DatabaseKey {
  if (bytes.length !== KEY_BYTES) throw new InvalidKeyError('a derived or unwrapped key');
  return Buffer.from(bytes) as DatabaseKey;
}

/** Purpose labels: changing one makes every file encrypted under it unreadable, so they are versioned, never edited. */
export const KEY_PURPOSES = {
  photos: 'clinicdesk/photos/v1',
  backups: 'clinicdesk/backups/v1',
  serverFields: 'clinicdesk/server-fields/v1',
  offlineDrafts: 'clinicdesk/offline-drafts/v1',
  serverLogin: 'clinicdesk/server-login/v1',
} as const;

export function deriveKey(key: DatabaseKey, purpose: (typeof KEY_PURPOSES)[keyof typeof KEY_PURPOSES]): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), purpose, KEY_BYTES));
}

/** The PRAGMA value SQLite3 Multiple Ciphers reads as a raw key: x'<64 hex>' in double quotes. */
export function rawKeyPragma(key: DatabaseKey): string {
  return `key="x'${key.toString('hex')}'"`;
}
