// Where the CLI writes: a folder it makes (one level, inside a folder that exists) or a file's folder that must
// exist. Checked before any handout is made, so a path that cannot be written is one clear line at once, not a
// stack trace after the work, nor a retry on a path that will never take a file (/proc, a missing drive).
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOENT: 'the system does not allow a folder there',
  ENOSPC: 'the disk is full',
  ENAMETOOLONG: 'the path is too long',
};

const reasonOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (code || 'unknown error');
};

const isFolder = (path: string): boolean | null => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return null;
  }
};

/** Make `folder` if it is not there yet; its parent must exist (a typo in a parent is not silently created).
 * Returns a message saying why it cannot be used, or null when it is a folder to write into. */
export function makeOutFolder(folder: string): string | null {
  const path = resolve(folder);
  const existing = isFolder(path);
  if (existing === true) return null;
  if (existing === false) return `Cannot use ${path} as a folder: it is a file.`;
  const parent = dirname(path);
  if (isFolder(parent) !== true) return `Cannot make the folder ${path}: ${parent} does not exist.`;
  try {
    // Private like every folder ClinicDesk makes for patient files (see files/write-private-file.ts).
    mkdirSync(path, { mode: 0o700 });
    return null;
  } catch (error) {
    return `Cannot make the folder ${path}: ${reasonOf(error)}.`;
  }
}

/** The folder a file is written into must already exist. Returns a message, or null. */
export function checkOutFile(file: string): string | null {
  const path = resolve(file);
  const parent = dirname(path);
  if (isFolder(parent) !== true) return `Cannot write ${path}: the folder ${parent} does not exist.`;
  if (isFolder(path) === true) return `Cannot write ${path}: it is a folder.`;
  return null;
}

/** Why a file could not be written, in one line. */
export const cannotWrite = (file: string, error: unknown): string => `Cannot write ${resolve(file)}: ${reasonOf(error)}.`;
