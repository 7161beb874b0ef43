// What is in a backup folder: ClinicDesk's backups, each placed in time by the creation time sealed in its
// manifest (not by its name), and the temporary files of a backup that never finished. Other files are left alone.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatedBackup } from '../../shared/domain/backup/backup-retention';
import { MANIFEST_ENTRY, type Manifest } from './backup-contents';
import { readFirstEntry } from './backup-file';

/** The names ClinicDesk gives its backups; only these are ever considered for deletion. */
export const BACKUP_FILE = /^clinicdesk-\d{8}T\d{9}Z\.cdbackup$/;

/**
 * A backup's temporary files: `.<name>.<pid>.tmp` and `.<name>.<pid>.sqlite.tmp`, the pid of the process writing
 * them (older versions wrote no pid).
 */
const LEFTOVER = /^\.clinicdesk-\d{8}T\d{9}Z\.cdbackup(?:\.(\d+))?(?:\.sqlite)?\.tmp$/;

/** A temporary file this old is a leftover even if a process with its pid runs (pids are reused). */
const LEFTOVER_AFTER_MS = 24 * 60 * 60 * 1000;

export const temporaryNamesOf = (name: string) => ({
  sealed: `.${name}.${process.pid}.tmp`,
  snapshot: `.${name}.${process.pid}.sqlite.tmp`,
});

/** The creation time sealed in a backup, or null when the file is not a backup readable with this key. */
export function sealedCreationTime(backupKey: Buffer, file: string): Date | null {
  try {
    const first = readFirstEntry(backupKey, file);
    if (first.name !== MANIFEST_ENTRY) return null;
    const { createdAt } = JSON.parse(first.data.toString('utf8')) as Partial<Manifest>;
    const time = typeof createdAt === 'string' ? new Date(createdAt) : null;
    return time && !Number.isNaN(time.getTime()) ? time : null;
  } catch {
    return null;
  }
}

/**
 * The backups in a folder with their sealed times. `unreadable`: files with a backup's name that are not a backup
 * this key opens (another clinic's, damaged, forged); they are never counted nor deleted.
 */
export function backupsIn(folder: string, backupKey: Buffer): { dated: DatedBackup[]; unreadable: string[] } {
  const dated: DatedBackup[] = [];
  const unreadable: string[] = [];
  if (!existsSync(folder)) return { dated, unreadable };
  for (const name of readdirSync(folder).filter((entry) => BACKUP_FILE.test(entry))) {
    const file = join(folder, name);
    const createdAt = sealedCreationTime(backupKey, file);
    if (createdAt) dated.push({ file, createdAt });
    else unreadable.push(file);
  }
  return { dated, unreadable };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the temporary files of backups that will never finish: their process is gone (a killed backup), or they
 * carry no pid, or they are a day old. A backup still being written by another door keeps its files.
 */
export function removeBackupLeftovers(folder: string, now: Date): string[] {
  if (!existsSync(folder)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    const match = LEFTOVER.exec(name);
    if (!match) continue;
    const file = join(folder, name);
    const pid = match[1] === undefined ? null : Number(match[1]);
    let stale: boolean;
    try {
      stale = pid === null || pid === process.pid || !isRunning(pid) || now.getTime() - statSync(file).mtimeMs >= LEFTOVER_AFTER_MS;
    } catch {
      continue;
    }
    if (!stale) continue;
    rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}
