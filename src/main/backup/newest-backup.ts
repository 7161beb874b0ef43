// The newest backup file in a folder, for the message that tells what to restore when the database is damaged.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupTimeOf } from '../../shared/domain/backup/backup-schedule';

export function newestBackupFile(folder: string): string | null {
  if (!existsSync(folder)) return null;
  let newest: { name: string; time: number } | null = null;
  for (const name of readdirSync(folder)) {
    const time = backupTimeOf(name)?.getTime();
    if (time !== undefined && (!newest || time > newest.time)) newest = { name, time };
  }
  return newest ? join(folder, newest.name) : null;
}
