// The sealed photo and thumbnail files on the clinic server (table photo_files, migration 0022), so every PC sees
// the photos any PC took. The bytes are sealed by the app before they leave the PC (photos/photo-cipher.ts, under a
// key derived from the clinic key), so the server, its disk and its dumps hold no image. The single PC's twin keeps
// them in its photo folder (../../repositories/photo-files-repository.ts).
//
// One image's files are shared by every record that points at the image (named by content), so a put and a removal
// of the same image take a transaction-scoped advisory lock on it: a removal that asks "does any record still point
// at it?" waits for a PC adding that image again to commit, and then sees its new row (READ COMMITTED reads again
// at each statement).
import type { AsyncOf } from '../../store/async-of';
import type { PhotoFilesRepository } from '../../repositories/photo-files-repository';
import type { PgSql } from '../pg-sql';
import { PHOTO_FILES_LOCK } from './advisory-locks';

/** The image a file name belongs to: "photos/<sha256>.jpg" and "thumbnails/<sha256>.jpg" share the lock. */
const imageOf = (name: string) => name.slice(name.indexOf('/') + 1, name.indexOf('/') + 65);

export function createPgPhotoFilesRepository(sql: PgSql): AsyncOf<PhotoFilesRepository> {
  const lock = (sha256: string) => sql.all('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PHOTO_FILES_LOCK, sha256]);
  return {
    async put(name, sealed) {
      await lock(imageOf(name));
      await sql.run('INSERT INTO photo_files (name, sealed) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, sealed]);
    },
    async get(name) {
      return (await sql.one<{ sealed: Buffer }>('SELECT sealed FROM photo_files WHERE name = $1', [name]))?.sealed;
    },
    async has(name) {
      return (await sql.one('SELECT 1 FROM photo_files WHERE name = $1', [name])) !== undefined;
    },
    async removeUnreferenced(sha256, names) {
      await lock(sha256);
      if ((await sql.one('SELECT 1 FROM photos WHERE sha256 = $1 LIMIT 1', [sha256])) !== undefined) return false;
      await sql.run('DELETE FROM photo_files WHERE name = ANY($1::text[])', [[...names]]);
      return true;
    },
  };
}
