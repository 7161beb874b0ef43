// The desktop app's database key: made at first run, then kept only wrapped by the OS keychain (safeStorage), or
// derived from a passphrase where there is no real keychain. The file format and the derivation are plain Node
// (src/main/security/key-file.ts, unit-tested); this file is only the Electron glue around them.
import { safeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseKey } from '../security/database-key';
import {
  KEY_FILE_NAME,
  newPassphraseKeyFile,
  newWrappedKeyFile,
  parseKeyFile,
  serializeKeyFile,
  unlockWithPassphrase,
  unwrapKeyFile,
  WeakPassphraseError,
} from '../security/key-file';
import type { AnchorKey } from '../security/anchor-key';
import {
  ANCHOR_KEY_FILE_NAME,
  newWrappedAnchorKeyFile,
  parseAnchorKeyFile,
  serializeAnchorKeyFile,
  unwrapAnchorKeyFile,
} from '../security/anchor-key-file';
import { askPassphrase } from './passphrase-prompt';

/** Linux without a Secret Service or KWallet gets 'basic_text': a key built into Chromium, no protection. */
function hasRealKeychain(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/** Written once, before the database exists: through a temporary file, so a crash never leaves half a key file. */
function writeKeyFile(path: string, text: string): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, path);
}

/**
 * The audit anchor key: made at the first run that has a real keychain, then unwrapped from it. Undefined without a
 * real keychain (the passphrase case): there is no second place to keep a second secret, so nothing is anchored.
 */
export function unlockAnchorKey(folder: string): AnchorKey | undefined {
  const path = join(folder, ANCHOR_KEY_FILE_NAME);
  if (existsSync(path))
    return unwrapAnchorKeyFile(parseAnchorKeyFile(readFileSync(path, 'utf8'), path), (wrapped) => safeStorage.decryptString(wrapped));
  if (!hasRealKeychain()) return undefined;
  mkdirSync(folder, { recursive: true });
  const { file, key } = newWrappedAnchorKeyFile((plain) => safeStorage.encryptString(plain));
  writeKeyFile(path, serializeAnchorKeyFile(file));
  return key;
}

/** The key, or undefined when the coordinator closed the passphrase window. */
export async function unlockDatabaseKey(folder: string): Promise<DatabaseKey | undefined> {
  const path = join(folder, KEY_FILE_NAME);
  if (existsSync(path)) {
    const file = parseKeyFile(readFileSync(path, 'utf8'), path);
    if (file.protection === 'os-keychain') return unwrapKeyFile(file, (wrapped) => safeStorage.decryptString(wrapped));
    let problem: string | undefined;
    for (;;) {
      const passphrase = await askPassphrase({ firstRun: false, ...(problem ? { problem } : {}) });
      if (passphrase === undefined) return undefined;
      const key = unlockWithPassphrase(file, passphrase);
      if (key) return key;
      problem = 'That is not the passphrase of this database.';
    }
  }
  mkdirSync(folder, { recursive: true });
  if (hasRealKeychain()) {
    const { file, key } = newWrappedKeyFile((plain) => safeStorage.encryptString(plain));
    writeKeyFile(path, serializeKeyFile(file));
    return key;
  }
  let problem: string | undefined;
  for (;;) {
    const passphrase = await askPassphrase({ firstRun: true, ...(problem ? { problem } : {}) });
    if (passphrase === undefined) return undefined;
    try {
      const { file, key } = newPassphraseKeyFile(passphrase);
      writeKeyFile(path, serializeKeyFile(file));
      return key;
    } catch (error) {
      if (!(error instanceof WeakPassphraseError)) throw error;
      problem = error.message;
    }
  }
}
