// When an automatic backup is due: pure, so it is tested with any clock. Each backup's time is the creation time
// sealed inside it (src/main/backup/backup-folder.ts), not its file name, which anyone can change.

/** The daily backup: due when the newest backup in the folder is this old or older, or there is none. */
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * The newest of these backup times not after `now`, or null. A backup from the future (made while the clock was
 * set ahead) is kept, but must not make every hourly check due, nor hold the daily backup off.
 */
export function newestBackupTime(times: readonly Date[], now: Date): Date | null {
  let newest: Date | null = null;
  for (const time of times) if (time.getTime() <= now.getTime() && (!newest || time > newest)) newest = time;
  return newest;
}

/** A backup from the future (a clock set back) does not hold the daily one off for ever: only a past one counts. */
export function isBackupDue(newest: Date | null, now: Date): boolean {
  if (!newest || newest.getTime() > now.getTime()) return true;
  return now.getTime() - newest.getTime() >= BACKUP_INTERVAL_MS;
}
