// A PostgreSQL SCRAM-SHA-256 verifier (RFC 5802/7677, as PostgreSQL stores it in pg_authid.rolpassword), made on
// the PC from a login's password. The server is then given the verifier, never the password: CREATE ROLE ...
// PASSWORD 'SCRAM-SHA-256$...' stores it as it is, so the password is in no statement, no server log and no
// pg_stat_activity row. The passwords the app makes are base64url, so SASLprep leaves them as they are.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** PostgreSQL's own default iteration count (scram_iterations, 4096). */
export const SCRAM_ITERATIONS = 4096;

export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = SCRAM_ITERATIONS): string {
  if (!/^[\x21-\x7e]+$/.test(password)) throw new Error('A login password must be printable ASCII (SASLprep is not applied).');
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** A long random password for a database login: 256 bits, base64url. */
export const newLoginPassword = (): string => randomBytes(32).toString('base64url');
