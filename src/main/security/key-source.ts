// Where the preview and the CLI get the database key: `--key-file FILE`, else the CLINICDESK_KEY environment
// variable, else (the preview only, when asked with --dev-key) a development key file beside the data. Never a
// built-in default: a key in the source code would protect nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { newDatabaseKey, parseDatabaseKey, type DatabaseKey } from './database-key';

export const KEY_ENV = 'CLINICDESK_KEY';

export class MissingKeyError extends Error {
  constructor(hint = '') {
    super(
      `No database key. ClinicDesk keeps its data encrypted: give the key (64 hexadecimal digits) in ${KEY_ENV} ` +
        `or with --key-file FILE. Nothing was opened or created.${hint ? `\n${hint}` : ''}`,
    );
    this.name = 'MissingKeyError';
  }
}

export class KeyFileError extends Error {
  constructor(path: string, code: string) {
    super(`Cannot read the key file ${path}: ${code}. Nothing was opened or created.`);
    this.name = 'KeyFileError';
  }
}

export interface KeyRequest {
  readonly keyFile?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  /** The preview's --dev-key: read this file, or make it with a new random key when it does not exist yet. */
  readonly devKeyFile?: string | undefined;
  /** Added to the missing-key message (the preview names its --dev-key flag). */
  readonly hint?: string;
}

export function readDoorKey(request: KeyRequest): DatabaseKey {
  const env = request.env ?? process.env;
  if (request.keyFile !== undefined) return parseDatabaseKey(readKeyFile(request.keyFile), `the key file ${request.keyFile}`);
  const fromEnv = env[KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return parseDatabaseKey(fromEnv, KEY_ENV);
  if (request.devKeyFile !== undefined) return devKey(request.devKeyFile);
  throw new MissingKeyError(request.hint);
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new KeyFileError(path, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}

function devKey(path: string): DatabaseKey {
  if (existsSync(path)) return parseDatabaseKey(readKeyFile(path), `the development key file ${path}`);
  const key = newDatabaseKey();
  mkdirSync(dirname(path), { recursive: true });
  // 'wx': two previews started at once must not each make a key for the same folder.
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
