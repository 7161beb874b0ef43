// Which backups to delete: pure, with the clock passed in. Backups are placed in time by the creation time
// sealed inside each file (its manifest), never by the file name: a file renamed for 2030 is as old as its
// contents say. The clinic's `keep` (a setting, reachable over the HTTP door) asks for the newest N; two rules
// no setting can lower hold whatever it says, so a careless or hostile `keep=1` cannot empty the history:
// - nothing made in the last MIN_BACKUP_RETENTION_DAYS is deleted;
// - the newest backup older than a day is never deleted (so a day's damage, copied into today's backups, still
//   has a backup from before it).

/** The floor of days of backups kept whatever `keep` says. A constant of the domain, not a setting. */
export const MIN_BACKUP_RETENTION_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DatedBackup {
  readonly file: string;
  /** The creation time sealed in the backup. */
  readonly createdAt: Date;
}

/** The files to delete among these backups, oldest first. A backup from the future (a clock set wrong) is kept. */
export function backupsToPrune(backups: readonly DatedBackup[], keep: number, now: Date): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.file.localeCompare(a.file));
  const age = (backup: DatedBackup) => now.getTime() - backup.createdAt.getTime();
  const newestOlderThanADay = newestFirst.find((backup) => age(backup) >= DAY_MS);
  return newestFirst
    .filter((backup, index) => index >= keep && age(backup) >= MIN_BACKUP_RETENTION_DAYS * DAY_MS && backup !== newestOlderThanADay)
    .map((backup) => backup.file)
    .reverse();
}
