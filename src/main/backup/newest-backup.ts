// The newest backup file in a folder, for the message that tells what to restore when the database is damaged.
// Chosen by when the file was last written, not by its name (a name can claim any year); this is only a hint in a
// message, read without the key, so the sealed time (backup-folder.ts) is not needed here.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_FILE } from './backup-folder';

export function newestBackupFile(folder: string): string | null {
  if (!existsSync(folder)) return null;
  let newest: { file: string; time: number } | null = null;
  for (const name of readdirSync(folder).filter((entry) => BACKUP_FILE.test(entry))) {
    const file = join(folder, name);
    let time: number;
    try {
      time = statSync(file).mtimeMs;
    } catch {
      continue;
    }
    if (!newest || time > newest.time) newest = { file, time };
  }
  return newest?.file ?? null;
}
