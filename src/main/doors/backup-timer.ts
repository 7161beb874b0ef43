// The housekeeping timer, for the doors that keep running (the desktop app and the preview): a check at start and
// every hour. runScheduledBackup removes what a killed backup left (so the check at start cleans up after a crash)
// and decides whether the daily backup is due (24 hours since the newest); the audit log is anchored daily (at the
// backup, else on its own when the newest anchor is a day old), and records
// whose retention ended after a deletion request are destroyed. Not in the services, so tests and the CLI never
// start a timer (the CLI has `patients purge-expired`).
import { DatabaseDamagedError } from '../db/database-damage';
import type { OpenServices } from '../services/open-services';
import type { AnchorOutcome } from '../services/audit/audit-anchoring';
import type { AppLog } from '../logging/app-log';

export const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function startBackupTimer(
  services: Pick<OpenServices, 'runScheduledBackup' | 'anchorAuditLog' | 'purgeExpiredRecords'>,
  log: (message: string) => void = console.log,
  /** The support log (a packaged app's stderr goes nowhere): each failure as its error's class, code and frames. */
  supportLog?: Pick<AppLog, 'failedOutsideCall'>,
): () => void {
  const check = async () => {
    const now = new Date();
    try {
      const result = await services.runScheduledBackup(now);
      if (result.made) log(`ClinicDesk: automatic backup written: ${result.file}`);
      if (result.anchored) reportAnchor(result.anchored, log);
    } catch (error) {
      // A full disk or a missing folder must not stop the app; the next check tries again. Damage is said as its
      // message, which names the backup to restore.
      if (error instanceof DatabaseDamagedError) console.error(`ClinicDesk: the automatic backup was not made. ${error.message}`);
      else console.error('ClinicDesk: the automatic backup failed', error);
      supportLog?.failedOutsideCall('backup', error);
    }
    // After the backup, which may have anchored already; a failed backup must not stop the daily anchor.
    try {
      reportAnchor(await services.anchorAuditLog(now), log);
    } catch (error) {
      console.error('ClinicDesk: anchoring the audit log failed', error);
      supportLog?.failedOutsideCall('audit_anchor', error);
    }
    try {
      const { erased } = await services.purgeExpiredRecords(now);
      if (erased.length > 0) log(`ClinicDesk: ${erased.length} record(s) destroyed at the end of their retention`);
    } catch (error) {
      console.error('ClinicDesk: destroying expired records failed', error);
      supportLog?.failedOutsideCall('retention_purge', error);
    }
  };
  void check();
  const timer = setInterval(() => void check(), BACKUP_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** A refused anchor is said loudly: the log no longer matches its newest anchor (or its chain is broken), which
 * `audit verify` names; no anchor key, or one written recently, is routine and said nothing about. */
function reportAnchor(
  outcome: AnchorOutcome | { readonly written: false; readonly reason: 'recent' },
  log: (message: string) => void,
): void {
  if (outcome.written) log(`ClinicDesk: audit log anchored at ${outcome.anchor.count} entries (code ${outcome.code})`);
  else if (outcome.reason !== 'no_key' && outcome.reason !== 'recent') {
    console.error(`ClinicDesk: the audit log was not anchored: ${outcome.reason}; run \`audit verify\` to see what changed`);
  }
}
