// The housekeeping timer, for the doors that keep running (the desktop app and the preview): a check at start and
// every hour. runScheduledBackup removes what a killed backup left (so the check at start cleans up after a crash)
// and decides whether the daily backup is due (24 hours since the newest), and records
// whose retention ended after a deletion request are destroyed. Not in the services, so tests and the CLI never
// start a timer (the CLI has `patients purge-expired`).
import { DatabaseDamagedError } from '../db/database-damage';
import type { OpenServices } from '../services/open-services';

export const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function startBackupTimer(
  services: Pick<OpenServices, 'runScheduledBackup' | 'purgeExpiredRecords'>,
  log: (message: string) => void = console.log,
): () => void {
  const check = () => {
    const now = new Date();
    try {
      const result = services.runScheduledBackup(now);
      if (result.made) log(`ClinicDesk: automatic backup written: ${result.file}`);
    } catch (error) {
      // A full disk or a missing folder must not stop the app; the next check tries again. Damage is said as its
      // message, which names the backup to restore.
      if (error instanceof DatabaseDamagedError) console.error(`ClinicDesk: the automatic backup was not made. ${error.message}`);
      else console.error('ClinicDesk: the automatic backup failed', error);
    }
    try {
      const { erased } = services.purgeExpiredRecords(now);
      if (erased.length > 0) log(`ClinicDesk: ${erased.length} record(s) destroyed at the end of their retention`);
    } catch (error) {
      console.error('ClinicDesk: destroying expired records failed', error);
    }
  };
  check();
  const timer = setInterval(check, BACKUP_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
