// Sealing what no query reads before it leaves the PC for the clinic server: screening answers, intake drafts, plans
// and their kept versions (session records, notes), follow-up notes. Community PostgreSQL has no encryption at
// rest and pgcrypto would put the key in the SQL, so the app encrypts these columns itself (AES-256-GCM under a key
// derived from the clinic key, purpose 'clinicdesk/server-fields/v1'); the server, its disk and its dumps hold
// only the sealed text. Names, phones and dates stay readable for search and reports (docs/clinic-server.md).
//
// A sealed value is a JSON string, so the columns' JSON checks still hold: "cdseal1:" + base64(IV | ciphertext |
// tag). The column's name is the additional authenticated data, so a value moved to another column fails to open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from './database-key';

const PREFIX = 'cdseal1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface FieldSeal {
  /** `column`: "table.column", bound into the seal. */
  seal(column: string, plain: string): string;
  /** The plain text; a value that was never sealed (written before sealing) comes back as it is. */
  open(column: string, stored: string): string;
}

export class SealedFieldTamperedError extends Error {
  constructor(column: string) {
    super(`A sealed value in ${column} is damaged or was changed outside ClinicDesk (its authentication failed).`);
  }
}

export function createFieldSeal(key: Buffer): FieldSeal {
  return {
    seal(column, plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(column, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return JSON.stringify(PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64'));
    },
    open(column, stored) {
      if (!stored.startsWith(`"${PREFIX}`)) return stored;
      const bytes = Buffer.from((JSON.parse(stored) as string).slice(PREFIX.length), 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedFieldTamperedError(column);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(column, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SealedFieldTamperedError(column);
      }
    },
  };
}

/** The clinic server's seal, from the clinic key every PC of the clinic is given. */
export const serverFieldSeal = (clinicKey: DatabaseKey): FieldSeal => createFieldSeal(deriveKey(clinicKey, KEY_PURPOSES.serverFields));

/** The columns the clinic server keeps sealed, by table: the repositories seal them as they write, and moving a
 * single PC's file into a server seals them as it copies. */
export const SEALED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  patients: ['screening_json'],
  drafts: ['form_json'],
  plan_drafts: ['plan_json'],
  plans: ['plan_json'],
  plan_versions: ['plan_json'],
  followups: ['note'],
};
