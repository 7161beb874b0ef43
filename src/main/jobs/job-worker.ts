// A worker thread that runs one job off the event loop that serves the window and the preview's requests: the job
// comes as workerData, its progress and its outcome go back as messages. A failure is sent as a message too, so
// the caller answers it as a typed result.
import { parentPort, workerData } from 'node:worker_threads';
import type { JobProgress } from './job-progress';
import { runBackupJob, type BackupJob, type BackupJobResult } from './backup-job';
import { runKhidiJob, type KhidiJob, type KhidiJobResult } from './khidi-job';

/** Every job a worker runs, and what each answers. */
export type OffThreadJob = KhidiJob | BackupJob;
export type JobResultOf<J extends OffThreadJob> = J extends KhidiJob ? KhidiJobResult : BackupJobResult;

/** What a worker sends back: `R` is the result of the job it was given (JobResultOf). */
export type JobMessage<R = KhidiJobResult | BackupJobResult> =
  | { readonly type: 'progress'; readonly progress: JobProgress }
  | { readonly type: 'done'; readonly value: R }
  | { readonly type: 'failed'; readonly message: string };

// Copied, not transferred: a small workbook's Buffer may be a slice of Node's shared pool, which cannot move.
const post = (message: JobMessage) => parentPort!.postMessage(message);
const progress = (progress: JobProgress) => post({ type: 'progress', progress });
const failed = (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

const job = workerData as OffThreadJob;
if (job.kind === 'khidi') runKhidiJob(job, progress).then((value) => post({ type: 'done', value }), failed);
else runBackupJob(job, progress).then((value) => post({ type: 'done', value }), failed);
