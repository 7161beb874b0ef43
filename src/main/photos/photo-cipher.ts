// Photo and thumbnail files are encrypted with AES-256-GCM under a key derived from the database key (HKDF,
// purpose 'clinicdesk/photos/v1'), so a copied photo folder shows no faces.
//
// File format (version 1), all in one file:
//   bytes 0..3    magic "CDPH"
//   byte  4       format version, 1
//   bytes 5..16   IV: 12 random bytes, new for every file
//   bytes 17..n-17  the image, encrypted (AES-256-GCM)
//   last 16 bytes the GCM authentication tag
// The additional authenticated data is the header (bytes 0..16) and the file's name in the store (for example
// "photos/<sha256>.jpg"), so a changed byte, a cut file or one file swapped for another all fail the tag check.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('CDPH', 'latin1');
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + IV_BYTES;

export class PhotoTamperedError extends Error {
  constructor(readonly file: string) {
    super(`The stored photo ${file} is damaged or was changed outside ClinicDesk (its authentication failed).`);
    this.name = 'PhotoTamperedError';
  }
}

function aad(header: Buffer, name: string): Buffer {
  return Buffer.concat([header, Buffer.from(name, 'utf8')]);
}

/** Starts like a file this module wrote (used once, to find the plain files of an older app). */
export function isEncryptedPhoto(head: Buffer): boolean {
  return head.length > MAGIC.length && head.subarray(0, MAGIC.length).equals(MAGIC) && head[MAGIC.length] === VERSION;
}

export function encryptPhoto(key: Buffer, name: string, plain: Buffer): Buffer {
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), randomBytes(IV_BYTES)]);
  const cipher = createCipheriv('aes-256-gcm', key, header.subarray(MAGIC.length + 1), { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(header, name));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** The image, or PhotoTamperedError when anything about the file is not exactly as it was written. */
export function decryptPhoto(key: Buffer, name: string, file: Buffer): Buffer {
  if (file.length < HEADER_BYTES + TAG_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC) || file[MAGIC.length] !== VERSION) {
    throw new PhotoTamperedError(name);
  }
  const header = file.subarray(0, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(MAGIC.length + 1), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(header, name));
  decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(file.subarray(HEADER_BYTES, file.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new PhotoTamperedError(name);
  }
}
