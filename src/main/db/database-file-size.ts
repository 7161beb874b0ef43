// A database file is whole pages. A 0-byte file, one shorter than a page or one that ends inside a page is what a
// cut copy, a failed sync tool or a disk that lost a write leaves: SQLite would take a 0-byte file for a new, empty
// database (and the migrations would make it one, so the data seems to vanish) and a cut one fails later, at some
// read. Such a file is refused before SQLite opens it, and left exactly as it is.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { PLAIN_HEADER } from './encrypt-plain-database';

/** SQLCipher 4's page size (SQLite3 Multiple Ciphers' sqlcipher scheme); ClinicDesk never sets another. */
export const ENCRYPTED_PAGE_SIZE = 4096;

/** Why the file at path cannot be a database, or null when its size is whole pages (or there is no file yet). */
export function databaseFileSizeProblem(path: string): string | null {
  if (!existsSync(path)) return null;
  const { size } = statSync(path);
  if (size === 0) return 'the file is empty (0 bytes); if ClinicDesk never held patients here, delete it to start a new database';
  const pageSize = plainPageSize(path) ?? ENCRYPTED_PAGE_SIZE;
  if (size < pageSize) return `the file is ${size} bytes, shorter than one page (${pageSize} bytes): it was cut short`;
  if (size % pageSize !== 0) return `the file is ${size} bytes, not a whole number of ${pageSize}-byte pages: it was cut short`;
  return null;
}

/** A plain SQLite file says its page size in its header (bytes 16-17, 1 meaning 65536); an encrypted one does not. */
function plainPageSize(path: string): number | null {
  const header = Buffer.alloc(18);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, header, 0, header.length, 0) < header.length) return null;
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, PLAIN_HEADER.length).equals(PLAIN_HEADER)) return null;
  const stored = header.readUInt16BE(16);
  return stored === 1 ? 65536 : stored;
}
