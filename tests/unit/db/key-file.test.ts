import { describe, expect, it } from 'vitest';
import { newDatabaseKey, parseDatabaseKey, deriveKey, KEY_PURPOSES, InvalidKeyError } from '../../../src/main/security/database-key';
import {
  KeyFileFormatError,
  newPassphraseKeyFile,
  newWrappedKeyFile,
  parseKeyFile,
  serializeKeyFile,
  unlockWithPassphrase,
  unwrapKeyFile,
  WeakPassphraseError,
} from '../../../src/main/security/key-file';

// The real cost (2^17) takes ~0.3 s a call; the format and the derivation are the same at the minimum cost.
const CHEAP = { N: 2 ** 14, r: 8, p: 1 };

describe('the database key', () => {
  it('is 64 hex digits, nothing else', () => {
    const hex = 'a'.repeat(64);
    expect(parseDatabaseKey(` ${hex}\n`, 'test').toString('hex')).toBe(hex);
    for (const bad of ['', 'a'.repeat(63), 'g'.repeat(64), 'a'.repeat(65), `x'${'a'.repeat(64)}'`]) {
      expect(() => parseDatabaseKey(bad, 'test')).toThrow(InvalidKeyError);
    }
  });

  it('derives a different subkey per purpose, the same every time', () => {
    const key = newDatabaseKey();
    expect(deriveKey(key, KEY_PURPOSES.photos).equals(deriveKey(key, KEY_PURPOSES.photos))).toBe(true);
    expect(deriveKey(key, KEY_PURPOSES.photos).equals(deriveKey(key, KEY_PURPOSES.backups))).toBe(false);
    expect(deriveKey(key, KEY_PURPOSES.photos).equals(key)).toBe(false);
  });
});

describe('the key file', () => {
  it('keeps a keychain-wrapped key that unwraps to the same key, and never the key in the clear', () => {
    const wrap = (plain: string) => Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a);
    const { file, key } = newWrappedKeyFile((plain) => Buffer.from(wrap(plain)));
    const text = serializeKeyFile(file);
    expect(text).not.toContain(key.toString('hex'));
    const parsed = parseKeyFile(text, 'k.json');
    expect(parsed.protection).toBe('os-keychain');
    if (parsed.protection !== 'os-keychain') return;
    expect(unwrapKeyFile(parsed, (wrapped) => Buffer.from(wrapped.map((byte) => byte ^ 0x5a)).toString('utf8')).equals(key)).toBe(true);
  });

  it('derives the key from a passphrase with scrypt and its salt; a wrong passphrase is told apart', () => {
    const { file, key } = newPassphraseKeyFile('서울 clinic passphrase', CHEAP);
    const parsed = parseKeyFile(serializeKeyFile(file), 'k.json');
    expect(serializeKeyFile(file)).not.toContain(key.toString('hex'));
    if (parsed.protection !== 'passphrase') throw new Error('expected a passphrase file');
    expect(parsed).toMatchObject({ kdf: 'scrypt', N: CHEAP.N, r: 8, p: 1 });
    expect(unlockWithPassphrase(parsed, '서울 clinic passphrase')?.equals(key)).toBe(true);
    // The same passphrase typed as decomposed Hangul (NFD) is the same passphrase.
    expect(unlockWithPassphrase(parsed, '서울 clinic passphrase'.normalize('NFD'))?.equals(key)).toBe(true);
    expect(unlockWithPassphrase(parsed, '서울 clinic passphrasE')).toBeUndefined();
    // Another salt, another key.
    expect(newPassphraseKeyFile('서울 clinic passphrase', CHEAP).key.equals(key)).toBe(false);
  });

  it('refuses a short passphrase and a damaged or foreign file', () => {
    expect(() => newPassphraseKeyFile('short', CHEAP)).toThrow(WeakPassphraseError);
    for (const text of ['', '{}', '{"format":"clinicdesk.key/1","protection":"plain","key":"00"}', 'not json']) {
      expect(() => parseKeyFile(text, 'k.json')).toThrow(KeyFileFormatError);
    }
    const { file } = newPassphraseKeyFile('long enough passphrase', CHEAP);
    expect(() => parseKeyFile(JSON.stringify({ ...file, N: 1024 }), 'k.json')).toThrow(KeyFileFormatError);
  });
});
