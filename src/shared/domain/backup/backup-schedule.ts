// When an automatic backup is due: pure, so it is tested with any clock. A backup's file name holds the moment it
// was made (clinicdesk-YYYYMMDDTHHMMSSmmmZ.cdbackup, src/main/backup/create-backup.ts).

/** The daily backup: due when the newest backup in the folder is this old or older, or there is none. */
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const NAME = /^clinicdesk-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.cdbackup$/;

/** The moment in a backup's file name, or null for any other file. */
export function backupTimeOf(fileName: string): Date | null {
  const match = NAME.exec(fileName);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, ms] = match.map(Number) as [number, ...number[]];
  const time = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, ms!));
  return Number.isNaN(time.getTime()) ? null : time;
}

/** The newest backup among these file names, or null. */
export function newestBackupTime(fileNames: readonly string[]): Date | null {
  let newest: Date | null = null;
  for (const name of fileNames) {
    const time = backupTimeOf(name);
    if (time && (!newest || time > newest)) newest = time;
  }
  return newest;
}

/** A backup from the future (a clock set back) does not hold the daily one off for ever: only a past one counts. */
export function isBackupDue(newest: Date | null, now: Date): boolean {
  if (!newest || newest.getTime() > now.getTime()) return true;
  return now.getTime() - newest.getTime() >= BACKUP_INTERVAL_MS;
}
