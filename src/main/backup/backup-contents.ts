// What a backup holds besides the database: the photo store's files, as stored (already encrypted), named by
// their place under the photo folder. Shared by backup and restore so both agree on the names.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'database';
export const BACKUP_FORMAT = 'clinicdesk.backup/1';

/** photos/ab/<sha256>.jpg and the like: nothing else may come out of a backup into the photo folder. */
export const PHOTO_ENTRY = /^(photos|thumbnails)\/([0-9a-f]{2})\/([0-9a-f]{64}\.(?:jpg|png|webp))$/;

export interface Manifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  readonly schemaVersion: number;
  readonly photoFiles: number;
}

/** The photo store's files, relative to its root; temporary files of an unfinished write are not photos. */
export function photoFilesOf(photoRoot: string): string[] {
  const files: string[] = [];
  for (const folder of ['photos', 'thumbnails']) {
    if (!existsSync(join(photoRoot, folder))) continue;
    for (const prefix of readdirSync(join(photoRoot, folder)).sort()) {
      for (const file of readdirSync(join(photoRoot, folder, prefix)).sort()) {
        const name = `${folder}/${prefix}/${file}`;
        if (PHOTO_ENTRY.test(name)) files.push(name);
      }
    }
  }
  return files;
}

/** The name a photo file is authenticated under in the store (photo-cipher.ts): "photos/<file>". */
export function storeNameOf(entry: string): string {
  const [, folder, , file] = PHOTO_ENTRY.exec(entry)!;
  return `${folder}/${file}`;
}
