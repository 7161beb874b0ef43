// The scheduled backup as a job: the quick check, the snapshot (VACUUM INTO) and the sealing of the backup file, on
// a read-only connection of the job's own, so a worker thread does them while the window keeps being served.
import { threadId } from 'node:worker_threads';
import type { BackupSettings } from '../../shared/domain/settings/clinic-settings';
import { runScheduledBackup, type ScheduledBackup } from '../backup/automatic-backups';
import { connect } from '../db/connect-database';
import { asDatabaseKey } from '../security/database-key';
import type { JobProgress } from './job-progress';

export interface BackupJob {
  readonly kind: 'backup';
  readonly databasePath: string;
  readonly photoRoot: string;
  /** The database key as hex (the backup is sealed with a key derived from it); never logged. */
  readonly keyHex: string;
  readonly settings: BackupSettings;
  readonly now: string;
}

export type BackupJobResult = ScheduledBackup & { readonly threadId: number };

export async function runBackupJob(job: BackupJob, onProgress: (progress: JobProgress) => void = () => {}): Promise<BackupJobResult> {
  onProgress({ stage: 'writing', step: 0, steps: 1 });
  const key = asDatabaseKey(Buffer.from(job.keyHex, 'hex'));
  const db = connect(job.databasePath, key, { readonly: true, fileMustExist: true });
  try {
    const outcome = runScheduledBackup({
      db,
      databasePath: job.databasePath,
      photoRoot: job.photoRoot,
      key,
      settings: job.settings,
      now: new Date(job.now),
    });
    onProgress({ stage: 'done', step: 1, steps: 1 });
    return { ...outcome, threadId };
  } finally {
    db.close();
  }
}
