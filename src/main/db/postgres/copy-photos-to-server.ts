// Moving a single PC's photo folder into the clinic server, inside the transaction that copies its database
// (copy-file-to-server.ts): every image a photo row points at, original and thumbnail, unsealed with the file's photo
// key, sealed again with the server's (photos/photo-cipher.ts binds each file's name, which stays the same), and
// written to photo_files. Then checked: as many files on the server as were read, and each, unsealed on the
// server, byte for byte the file's. A file that fails its authentication stops the move (the clinic would lose a
// photo it believes it has); a file the folder does not have is reported, since nothing can bring it back.
import type { PoolClient } from 'pg';
import type { Db } from '../open-database';
import { photoFilePath } from '../repositories/photo-files-repository';
import { decryptPhoto, encryptPhoto, PhotoTamperedError } from '../../photos/photo-cipher';
import { originalName, thumbnailName } from '../../photos/photo-store';
import type { PhotoRef } from '../../../shared/domain/intake/patient-schema';
import { readFileSync, existsSync } from 'node:fs';
import { CopyMismatchError, ServerNotEmptyError } from './copy-errors';

export interface PhotoFolderSource {
  /** The single PC's photo folder (open-services.ts, photoRootOf). */
  readonly folder: string;
  /** The file's photo key: deriveKey(file key, KEY_PURPOSES.photos). */
  readonly fileKey: Buffer;
  /** The server's photo key: deriveKey(clinic key, KEY_PURPOSES.photos). */
  readonly serverKey: Buffer;
}

export interface PhotoCopyReport {
  /** Files copied (originals and thumbnails). */
  readonly files: number;
  /** Names of files a photo row points at that the folder does not hold. */
  readonly missing: readonly string[];
}

export async function copyPhotosToServer(db: Db, client: PoolClient, source: PhotoFolderSource): Promise<PhotoCopyReport> {
  const already = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM photo_files')).rows[0]!.n);
  if (already > 0) throw new ServerNotEmptyError('photo_files', already);
  const images = db
    .prepare<[], { sha256: string; mediaType: PhotoRef['mediaType'] }>(
      'SELECT DISTINCT sha256, media_type AS mediaType FROM photos ORDER BY sha256, media_type',
    )
    .all();
  const names = [...new Set(images.flatMap((image) => [originalName(image.sha256, image.mediaType), thumbnailName(image.sha256)]))];
  const plainOf = (name: string): Buffer | undefined => {
    const path = photoFilePath(source.folder, name);
    if (!existsSync(path)) return undefined;
    try {
      return decryptPhoto(source.fileKey, name, readFileSync(path));
    } catch (error) {
      if (error instanceof PhotoTamperedError)
        throw new CopyMismatchError(`the photo file ${name} fails its authentication in the folder ${source.folder}.`);
      throw error;
    }
  };
  const copied: string[] = [];
  const missing: string[] = [];
  // One at a time: a clinic's photos are gigabytes, never all in memory.
  for (const name of names) {
    const plain = plainOf(name);
    if (plain === undefined) {
      missing.push(name);
      continue;
    }
    await client.query('INSERT INTO photo_files (name, sealed) VALUES ($1, $2)', [name, encryptPhoto(source.serverKey, name, plain)]);
    copied.push(name);
  }
  const counted = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM photo_files')).rows[0]!.n);
  if (counted !== copied.length)
    throw new CopyMismatchError(`photo_files: ${counted} files on the server, ${copied.length} in the folder.`);
  for (const name of copied) {
    const { rows } = await client.query<{ sealed: Buffer }>('SELECT sealed FROM photo_files WHERE name = $1', [name]);
    let onServer: Buffer;
    try {
      onServer = decryptPhoto(source.serverKey, name, rows[0]!.sealed);
    } catch {
      throw new CopyMismatchError(`the photo file ${name} does not open on the server.`);
    }
    if (!onServer.equals(plainOf(name)!)) throw new CopyMismatchError(`the photo file ${name} differs on the server from the folder's.`);
  }
  return { files: copied.length, missing };
}
