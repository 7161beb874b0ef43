// The sealed photo and thumbnail files of a single PC: in the encrypted photo folder beside the database file, not in
// the file itself (the SQLite file stays small for its backups and page checks; the folder is copied beside it). The
// clinic server keeps the same files in a table (../postgres/repositories/photo-files-repository.ts). A file is
// named by its place in the store ("photos/<sha256>.jpg", photos/photo-names.ts) and holds what photo-cipher.ts
// sealed: this repository never sees a plain image.
//
// Files are not rolled back with the transaction they are written in: a file is written before the row that points
// at it (a crash leaves at worst an unreferenced file, named by its content), and removed only in a transaction after
// the one that deleted its last row committed, asking again that no row points at it.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Db } from '../open-database';

/** Where a named file lies in the folder: photos/ab/ab12....jpg (two hex digits per subfolder keep folders small). */
export function photoFilePath(root: string, name: string): string {
  const [folder, file] = name.split('/') as [string, string];
  return join(root, folder, file.slice(0, 2), file);
}

/** `root`: the photo folder; null for a store opened without one (tools that never touch photos): any use throws. */
export function createPhotoFilesRepository(db: Db, root: string | null) {
  const stillReferenced = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM photos WHERE sha256 = ?');
  const pathOf = (name: string) => {
    if (root === null) throw new Error('This database was opened without its photo folder.');
    return photoFilePath(root, name);
  };
  return {
    /** Keeps the sealed file under its name, through a temporary file, fsync and a rename (never half a file under
     * its name); a file already kept under the name stays (the same name is the same image). */
    put(name: string, sealed: Buffer): void {
      const path = pathOf(name);
      if (existsSync(path)) return;
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      const fd = openSync(temporary, 'wx');
      try {
        writeFileSync(fd, sealed);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
    },
    get(name: string): Buffer | undefined {
      const path = pathOf(name);
      return existsSync(path) ? readFileSync(path) : undefined;
    },
    has(name: string): boolean {
      return existsSync(pathOf(name));
    },
    /** Removes the image's files (`names`) unless a record points at the image again; true if removed. Missing
     * files are fine. Called in a write transaction, whose lock keeps a new reference from landing in between. */
    removeUnreferenced(sha256: string, names: readonly string[]): boolean {
      if (stillReferenced.get(sha256)!.n > 0) return false;
      for (const name of names) rmSync(pathOf(name), { force: true });
      return true;
    },
  };
}

export type PhotoFilesRepository = ReturnType<typeof createPhotoFilesRepository>;
