// The daily backup's timer, for the doors that keep running (the desktop app and the preview): a check at start and
// every hour; runScheduledBackup itself decides whether a backup is due (24 hours since the newest). Not in the
// services, so tests and the CLI never start a timer.
import type { OpenServices } from '../services/open-services';

export const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function startBackupTimer(services: Pick<OpenServices, 'runScheduledBackup'>, log: (message: string) => void = console.log): () => void {
  const check = () => {
    try {
      const result = services.runScheduledBackup(new Date());
      if (result.made) log(`ClinicDesk: automatic backup written: ${result.file}`);
    } catch (error) {
      // A full disk or a missing folder must not stop the app; the next check tries again.
      console.error('ClinicDesk: the automatic backup failed', error);
    }
  };
  check();
  const timer = setInterval(check, BACKUP_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
