// The KHIDI year as one job: the year's rows read (from the SQLite file on a connection of the job's own, or handed
// over already read from the clinic server), the report built, and its workbook written if asked. The same function
// runs in a worker thread (job-worker.ts) and in the calling thread, so both give the same report.
import { threadId } from 'node:worker_threads';
import { buildKhidiReport, type KhidiReport } from '../../shared/domain/reports/khidi-report';
import { clinicalContent } from '../content/clinical-content';
import { connect } from '../db/connect-database';
import { asDatabaseKey } from '../security/database-key';
import { createReportsRepository } from '../db/repositories/reports-repository';
import { writeKhidiWorkbook } from '../reports/khidi-workbook';
import type { JobProgress } from './job-progress';

export type KhidiRows = Awaited<ReturnType<ReturnType<typeof createReportsRepository>['khidiRows']>>;

export interface KhidiRequest {
  readonly year: number;
  /** "Today" in Korea, as the services' clock has it: a session after it is no visit. */
  readonly today: string;
  /** When the workbook is made (its creation date), or null for the report alone. */
  readonly workbookAt: string | null;
}

/** Where the job reads the year's rows: the encrypted file itself (its key as hex, never logged), or rows read. */
export type KhidiSource = { readonly sqlite: { readonly path: string; readonly keyHex: string | null } } | { readonly rows: KhidiRows };

export interface KhidiJob extends KhidiRequest {
  readonly kind: 'khidi';
  readonly source: KhidiSource;
}

export interface KhidiJobResult {
  readonly report: KhidiReport;
  readonly workbook: Uint8Array | null;
  /** The thread that did the work (0 is the main thread): what the tests check. */
  readonly threadId: number;
}

/** The steps every KHIDI job reports, in order. */
const STEPS = ['reading', 'building', 'writing'] as const;

export async function runKhidiJob(job: KhidiJob, onProgress: (progress: JobProgress) => void = () => {}): Promise<KhidiJobResult> {
  const step = (stage: (typeof STEPS)[number]) => onProgress({ stage, step: STEPS.indexOf(stage), steps: STEPS.length });
  step('reading');
  const rows = 'rows' in job.source ? job.source.rows : readRows(job.source.sqlite, job);
  step('building');
  const report = buildKhidiReport(job.year, rows.patients, rows.visits, rows.followUps);
  let workbook: Uint8Array | null = null;
  if (job.workbookAt !== null) {
    step('writing');
    workbook = await writeKhidiWorkbook(report, clinicalContent().catalog, new Date(job.workbookAt));
  }
  onProgress({ stage: 'done', step: STEPS.length, steps: STEPS.length });
  return { report, workbook, threadId };
}

/** A read-only connection of the job's own: the year is read in one transaction, as the services' read would. */
function readRows(file: { readonly path: string; readonly keyHex: string | null }, { year, today }: KhidiRequest): KhidiRows {
  const db = connect(file.path, file.keyHex === null ? 'unencrypted' : asDatabaseKey(Buffer.from(file.keyHex, 'hex')), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return createReportsRepository(db).khidiRows({ from: `${year}-01-01`, to: `${year}-12-31`, today });
  } finally {
    db.close();
  }
}
