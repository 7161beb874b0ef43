// Every plain file ClinicDesk writes for a person to take away (handouts, archives, case files, reports,
// calendars) goes through here. Such a file holds health data outside the encrypted database, so:
// - it is readable by its owner only (0600) and a folder made for it by its owner only (0700), where the OS has
//   modes; an existing folder (the user's Documents) keeps the modes its owner gave it;
// - it is written under a temporary name nobody can guess, opened exclusively ('wx'): a file or a symlink
//   planted at that name makes the open fail instead of being followed or overwritten;
// - it is fsynced and renamed into place, so the file is whole or absent; a rename replaces a symlink at the
//   final name rather than writing through it.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates the folder (and any missing parents) readable by its owner only; an existing one is left as it is. */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
}

/** Writes `bytes` to `path` whole or not at all, 0600, never through a file or link someone else put there. */
export function writePrivateFile(path: string, bytes: Buffer | string): void {
  const folder = dirname(path);
  makePrivateFolder(folder);
  // Hidden and random: not listed as a finished file, and not a name another process can prepare in advance.
  const temporary = join(folder, `.${basename(path)}.${randomBytes(16).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
  try {
    try {
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      // A write may take fewer bytes than asked; a file cut short would pass for a whole one.
      for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    // Only the file this call created (the exclusive open made it ours) is removed.
    rmSync(temporary, { force: true });
    throw error;
  }
}
