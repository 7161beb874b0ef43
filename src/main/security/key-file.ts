// The desktop app's key file (clinicdesk-key.json in the app's data folder): how the random database key is kept
// between runs without ever being written in the clear. Two kinds:
//
//   { "format": "clinicdesk.key/1", "protection": "os-keychain", "wrapped": "<base64>" }
//     the key as 64 hex digits, encrypted by Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
//     the Secret Service or KWallet on Linux); only this user on this machine can unwrap it.
//
//   { "format": "clinicdesk.key/1", "protection": "passphrase", "kdf": "scrypt",
//     "salt": "<32 hex>", "N": 131072, "r": 8, "p": 1, "check": "<64 hex>" }
//     where safeStorage has no real keychain (Linux 'basic_text' would wrap with a key built into Chromium, which
//     protects nothing): the key is derived from the coordinator's passphrase with scrypt and this salt, and is
//     never stored. "check" (HMAC-SHA256 of a fixed label under the key) tells a mistyped passphrase apart before
//     the database is touched.
//
// Pure Node: the Electron calls (safeStorage, the passphrase window) are passed in by src/main/electron.
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { asDatabaseKey, KEY_BYTES, newDatabaseKey, parseDatabaseKey, type DatabaseKey } from './database-key';

export const KEY_FILE_NAME = 'clinicdesk-key.json';
export const MIN_PASSPHRASE_LENGTH = 10;
/** scrypt cost: about 0.3 s and 128 MiB per unlock on a clinic PC, once per start. */
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;

const keyFileSchema = z.discriminatedUnion('protection', [
  z.object({ format: z.literal('clinicdesk.key/1'), protection: z.literal('os-keychain'), wrapped: z.base64() }),
  z.object({
    format: z.literal('clinicdesk.key/1'),
    protection: z.literal('passphrase'),
    kdf: z.literal('scrypt'),
    salt: z.string().regex(/^[0-9a-f]{32}$/),
    N: z.number().int().min(2 ** 14),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    check: z.string().regex(/^[0-9a-f]{64}$/),
  }),
]);
export type KeyFile = z.infer<typeof keyFileSchema>;
type PassphraseKeyFile = Extract<KeyFile, { protection: 'passphrase' }>;

export class KeyFileFormatError extends Error {
  constructor(path: string) {
    super(`The key file ${path} is damaged or not a ClinicDesk key file. The database was not opened.`);
    this.name = 'KeyFileFormatError';
  }
}

export function parseKeyFile(text: string, path: string): KeyFile {
  try {
    return keyFileSchema.parse(JSON.parse(text));
  } catch {
    throw new KeyFileFormatError(path);
  }
}

export function serializeKeyFile(file: KeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

// --- Wrapped by the OS keychain ------------------------------------------------------------------------------------

export function newWrappedKeyFile(wrap: (plain: string) => Buffer): { file: KeyFile; key: DatabaseKey } {
  const key = newDatabaseKey();
  return { key, file: { format: 'clinicdesk.key/1', protection: 'os-keychain', wrapped: wrap(key.toString('hex')).toString('base64') } };
}

export function unwrapKeyFile(file: Extract<KeyFile, { protection: 'os-keychain' }>, unwrap: (wrapped: Buffer) => string): DatabaseKey {
  return parseDatabaseKey(unwrap(Buffer.from(file.wrapped, 'base64')), 'the OS keychain');
}

// --- Derived from a passphrase -------------------------------------------------------------------------------------

const checkOf = (key: DatabaseKey) => createHmac('sha256', key).update('clinicdesk key check v1').digest('hex');

export function derivePassphraseKey(passphrase: string, file: Pick<PassphraseKeyFile, 'salt' | 'N' | 'r' | 'p'>): DatabaseKey {
  // NFC: the same passphrase typed on another keyboard layout (Hangul composed or not) gives the same key.
  const derived = scryptSync(passphrase.normalize('NFC'), Buffer.from(file.salt, 'hex'), KEY_BYTES, {
    N: file.N,
    r: file.r,
    p: file.p,
    maxmem: 256 * file.N * file.r,
  });
  return asDatabaseKey(derived);
}

export class WeakPassphraseError extends Error {
  constructor() {
    super(`The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    this.name = 'WeakPassphraseError';
  }
}

export function newPassphraseKeyFile(passphrase: string, cost: { N: number; r: number; p: number } = SCRYPT_COST): { file: KeyFile; key: DatabaseKey } {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) throw new WeakPassphraseError();
  const salt = randomBytes(16).toString('hex');
  const key = derivePassphraseKey(passphrase, { salt, ...cost });
  return { key, file: { format: 'clinicdesk.key/1', protection: 'passphrase', kdf: 'scrypt', salt, ...cost, check: checkOf(key) } };
}

/** The key, or undefined for a wrong passphrase. */
export function unlockWithPassphrase(file: PassphraseKeyFile, passphrase: string): DatabaseKey | undefined {
  const key = derivePassphraseKey(passphrase, file);
  return timingSafeEqual(Buffer.from(checkOf(key), 'hex'), Buffer.from(file.check, 'hex')) ? key : undefined;
}
