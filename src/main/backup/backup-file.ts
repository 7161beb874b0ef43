// The backup file: one file holding the database snapshot and the photo files, every part sealed with
// AES-256-GCM under the backup key (HKDF of the database key, purpose 'clinicdesk/backups/v1').
//
// Format (version 1):
//   bytes 0..3    magic "CDBK"
//   byte  4       format version, 1
//   bytes 5..20   backup id, 16 random bytes
//   then entries, each two sealed parts:
//     u32 big-endian length, then the sealed entry name (UTF-8)
//     u64 big-endian length, then the sealed entry bytes
//   a sealed part is IV (12 random bytes) || ciphertext || GCM tag (16 bytes); its additional authenticated
//   data is the backup id, the entry's index (u32) and which part it is ("name" or "data"), so parts cannot be
//   moved within a file or between backups unnoticed.
//   The last entry is named "end" and holds the number of entries before it (u32): a cut file is refused.
// Any failure (a changed byte, a cut or reordered file, another key) is a BackupCorruptError.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

const MAGIC = Buffer.from('CDBK', 'latin1');
const VERSION = 1;
const ID_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const END = 'end';

export interface BackupEntry {
  readonly name: string;
  readonly data: Buffer;
}

export class BackupCorruptError extends Error {
  constructor(file: string, why: string) {
    super(`The backup ${file} cannot be used (${why}). Nothing was changed.`);
    this.name = 'BackupCorruptError';
  }
}

function aad(id: Buffer, index: number, part: 'name' | 'data'): Buffer {
  const position = Buffer.alloc(4);
  position.writeUInt32BE(index);
  return Buffer.concat([id, position, Buffer.from(part, 'latin1')]);
}

function seal(key: Buffer, associated: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associated);
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, associated: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('a part is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(associated);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** Writes the file piece by piece through `write`, so only one entry is in memory at a time. */
export function writeBackup(key: Buffer, entries: Iterable<BackupEntry>, write: (bytes: Buffer) => void): void {
  const id = randomBytes(ID_BYTES);
  write(Buffer.concat([MAGIC, Buffer.from([VERSION]), id]));
  let index = 0;
  const put = ({ name, data }: BackupEntry) => {
    const sealedName = seal(key, aad(id, index, 'name'), Buffer.from(name, 'utf8'));
    const sealedData = seal(key, aad(id, index, 'data'), data);
    const nameLength = Buffer.alloc(4);
    nameLength.writeUInt32BE(sealedName.length);
    const dataLength = Buffer.alloc(8);
    dataLength.writeBigUInt64BE(BigInt(sealedData.length));
    write(Buffer.concat([nameLength, sealedName, dataLength]));
    write(sealedData);
    index++;
  };
  for (const entry of entries) {
    if (entry.name === END) throw new Error(`"${END}" is reserved`);
    put(entry);
  }
  const count = Buffer.alloc(4);
  count.writeUInt32BE(index);
  put({ name: END, data: count });
}

/** Every entry of a backup, each authenticated, or BackupCorruptError. */
export function readBackup(key: Buffer, file: string, bytes: Buffer): BackupEntry[] {
  const fail = (why: string): never => {
    throw new BackupCorruptError(file, why);
  };
  if (bytes.length < MAGIC.length + 1 + ID_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) fail('not a ClinicDesk backup');
  if (bytes[MAGIC.length] !== VERSION) fail(`format version ${bytes[MAGIC.length]} is not known`);
  const id = bytes.subarray(MAGIC.length + 1, MAGIC.length + 1 + ID_BYTES);
  const entries: BackupEntry[] = [];
  let at = MAGIC.length + 1 + ID_BYTES;
  const take = (length: number) => {
    if (at + length > bytes.length) fail('the file is cut short');
    const part = bytes.subarray(at, at + length);
    at += length;
    return part;
  };
  for (let index = 0; ; index++) {
    let name: string;
    let data: Buffer;
    try {
      name = open(key, aad(id, index, 'name'), take(take(4).readUInt32BE())).toString('utf8');
      const length = take(8).readBigUInt64BE();
      if (length > BigInt(bytes.length)) fail('the file is cut short');
      data = open(key, aad(id, index, 'data'), take(Number(length)));
    } catch (error) {
      if (error instanceof BackupCorruptError) throw error;
      return fail('it was changed, or made with another key');
    }
    if (name === END) {
      if (data.length !== 4 || data.readUInt32BE() !== index) fail('its entries do not add up');
      if (at !== bytes.length) fail('there are bytes after its end');
      return entries;
    }
    entries.push({ name, data });
  }
}

/**
 * The first entry of a backup (the manifest, which holds the creation time), authenticated, read without the
 * rest of the file: what retention and the daily schedule need for each backup in the folder, cheaply. It says
 * nothing of the entries after it (restore reads the whole file). `maxBytes` bounds what a forged length can make
 * this read. BackupCorruptError when the start of the file is not a backup made with this key.
 */
export function readFirstEntry(key: Buffer, file: string, maxBytes = 1024 * 1024): BackupEntry {
  const fail = (why: string): never => {
    throw new BackupCorruptError(file, why);
  };
  const fd = openSync(file, 'r');
  try {
    let at = 0;
    const take = (length: number): Buffer => {
      if (at + length > maxBytes) fail('its first entry is too large');
      const part = Buffer.alloc(length);
      const read = readSync(fd, part, 0, length, at);
      if (read !== length) fail('the file is cut short');
      at += length;
      return part;
    };
    const header = take(MAGIC.length + 1 + ID_BYTES);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) fail('not a ClinicDesk backup');
    if (header[MAGIC.length] !== VERSION) fail(`format version ${header[MAGIC.length]} is not known`);
    const id = header.subarray(MAGIC.length + 1);
    const sealedName = take(take(4).readUInt32BE());
    const length = take(8).readBigUInt64BE();
    if (length > BigInt(maxBytes)) fail('its first entry is too large');
    const sealedData = take(Number(length));
    try {
      return { name: open(key, aad(id, 0, 'name'), sealedName).toString('utf8'), data: open(key, aad(id, 0, 'data'), sealedData) };
    } catch {
      return fail('it was changed, or made with another key');
    }
  } finally {
    closeSync(fd);
  }
}
