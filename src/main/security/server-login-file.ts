// A PC's database login for the clinic server, kept in a file for the CLI and the preview (the desktop app keeps it
// under the OS keychain instead): the login's name, and its password sealed (AES-256-GCM) under a key derived from
// the clinic key this PC is given, so the file alone opens nothing. Written 0600; read with the clinic key. The
// password is never on a command line, in a URL typed by anyone, or in a log line: it goes from here into the
// pool's connection settings in memory only.
import { readFileSync } from 'node:fs';
import { writePrivateFile } from '../files/write-private-file';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from './database-key';
import { createFieldSeal } from './field-seal';

export const SERVER_LOGIN_FORMAT = 'clinicdesk.server-login/1';

export interface ServerLogin {
  /** The PostgreSQL role to log in as. */
  readonly user: string;
  readonly password: string;
}

const sealOf = (clinicKey: DatabaseKey) => createFieldSeal(deriveKey(clinicKey, KEY_PURPOSES.serverLogin));

export function writeServerLoginFile(path: string, login: ServerLogin, clinicKey: DatabaseKey): void {
  // The login's name is bound into the seal: a password moved to another name's file fails to open.
  const sealed = sealOf(clinicKey).seal(`login:${login.user}`, login.password);
  writePrivateFile(path, Buffer.from(`${JSON.stringify({ format: SERVER_LOGIN_FORMAT, user: login.user, password: JSON.parse(sealed) as string })}\n`));
}

export class ServerLoginFileError extends Error {
  override name = 'ServerLoginFileError';
}

export function readServerLoginFile(path: string, clinicKey: DatabaseKey): ServerLogin {
  let parsed: { format?: unknown; user?: unknown; password?: unknown };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new ServerLoginFileError(`Cannot read the login file ${path}: ${(error as Error).message}`);
  }
  if (parsed.format !== SERVER_LOGIN_FORMAT || typeof parsed.user !== 'string' || typeof parsed.password !== 'string') {
    throw new ServerLoginFileError(`${path} is not a ClinicDesk login file.`);
  }
  try {
    return { user: parsed.user, password: sealOf(clinicKey).open(`login:${parsed.user}`, JSON.stringify(parsed.password)) };
  } catch {
    throw new ServerLoginFileError(`The login file ${path} does not open with this clinic key (another clinic's, or changed).`);
  }
}

/** The door's login for a clinic server: `--login-file FILE`, else CLINICDESK_LOGIN_FILE, else none (the URL's own
 * login, PGPASSWORD or ~/.pgpass, as before logins). */
export function readDoorServerLogin(loginFile: string | undefined, clinicKey: DatabaseKey, env: NodeJS.ProcessEnv = process.env): ServerLogin | undefined {
  const path = loginFile ?? env.CLINICDESK_LOGIN_FILE;
  return path ? readServerLoginFile(path, clinicKey) : undefined;
}

/** `url` with this login's name and password, for the pool only (never printed: errors name host, port and
 * database alone). */
export function urlWithLogin(url: string, login: ServerLogin): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(login.user);
  parsed.password = encodeURIComponent(login.password);
  return parsed.toString();
}
