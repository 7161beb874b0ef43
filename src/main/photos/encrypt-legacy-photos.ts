// Photos stored by a ClinicDesk from before encryption are plain image files. They are encrypted once, in place
// (temporary file, fsync, rename: a crash leaves either the plain or the encrypted file, and the next run finishes
// the job), and a marker file records that the folder is done. After that a plain file in the folder is never
// taken as a legacy photo: it fails authentication like any other tampered file.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptPhoto, isEncryptedPhoto } from './photo-cipher';

const MARKER = 'encrypted-v1';

function headOf(path: string): Buffer {
  const head = Buffer.alloc(5);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

export function encryptLegacyPhotos(root: string, key: Buffer): number {
  if (existsSync(join(root, MARKER))) return 0;
  let encrypted = 0;
  for (const folder of ['photos', 'thumbnails']) {
    if (!existsSync(join(root, folder))) continue;
    for (const prefix of readdirSync(join(root, folder))) {
      for (const file of readdirSync(join(root, folder, prefix))) {
        const path = join(root, folder, prefix, file);
        // A .tmp left by a crash during a write was never renamed into place, so nothing refers to it.
        if (file.endsWith('.tmp') || isEncryptedPhoto(headOf(path))) continue;
        const temporary = `${path}.legacy.tmp`;
        const fd = openSync(temporary, 'w', 0o600);
        try {
          writeFileSync(fd, encryptPhoto(key, `${folder}/${file}`, readFileSync(path)));
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, path);
        encrypted++;
      }
    }
  }
  writeFileSync(join(root, MARKER), 'Every photo and thumbnail in this folder is encrypted (AES-256-GCM).\n');
  return encrypted;
}
