// The support bundle: the log files and what the program runs on, as one .zip. Nothing in it is read from a
// patient's record: the logs hold typed entries only (app-log.ts), and the summary below is versions, sizes,
// states and one count. No path either: a folder's name carries the user's name, and a --db folder may carry
// anything.
import { readFileSync, statSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { basename } from 'node:path';
import JSZip from 'jszip';
import { SCHEMA_VERSION } from '../db/open-database';
import type { ServiceContext } from '../services/service-context';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES } from './file-log';

export interface DiagnosticsSummary {
  readonly format: 'clinicdesk.diagnostics/1';
  readonly generatedAt: string;
  readonly door: string;
  readonly app: { readonly version: string; readonly schemaVersion: number; readonly storeBackend: string };
  readonly runtime: {
    readonly node: string;
    readonly electron: string | null;
    readonly chrome: string | null;
    readonly v8: string;
    readonly platform: string;
    readonly arch: string;
    readonly osRelease: string;
    readonly timeZone: string;
  };
  readonly database: {
    readonly sqlite: string | null;
    readonly cipher: string | null;
    readonly journalMode: string | null;
    readonly fileBytes: number | null;
    readonly walBytes: number | null;
    readonly check: string;
    readonly patientCount: number | null;
  };
  readonly log: { readonly files: number; readonly maxFiles: number; readonly maxFileBytes: number };
}

/** A pragma or function that an older library may not have: null rather than a failed bundle. */
function tryRead<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

const sizeOf = (path: string): number | null => tryRead(() => statSync(path).size);

export async function diagnosticsSummary(context: ServiceContext, appVersion: string, logFiles: number): Promise<DiagnosticsSummary> {
  const { db } = context;
  return {
    format: 'clinicdesk.diagnostics/1',
    generatedAt: context.now().toISOString(),
    door: context.door,
    app: { version: appVersion, schemaVersion: SCHEMA_VERSION, storeBackend: context.store.backend },
    runtime: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      v8: process.versions.v8,
      platform: platform(),
      arch: arch(),
      osRelease: release(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    database: {
      // On the clinic server there is no SQLite file: its version and settings are the server's IT's to report.
      sqlite: db ? tryRead(() => db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? null) : null,
      cipher: db ? tryRead(() => db.prepare<[], { v: string }>('SELECT sqlite3mc_version() AS v').get()?.v ?? null) : null,
      journalMode: db ? tryRead(() => String(db.pragma('journal_mode', { simple: true }))) : null,
      fileBytes: sizeOf(context.databasePath),
      walBytes: sizeOf(`${context.databasePath}-wal`),
      // The state only: a damage message names the backup's path.
      check: context.databaseCheck().state,
      patientCount: await context.store.read((tx) => tx.patients.count()).catch(() => null),
    },
    log: { files: logFiles, maxFiles: DEFAULT_MAX_FILES, maxFileBytes: DEFAULT_MAX_FILE_BYTES },
  };
}

export interface BuiltBundle {
  readonly zip: Buffer;
  readonly entries: readonly string[];
}

export async function buildDiagnosticsBundle(context: ServiceContext, appVersion: string): Promise<BuiltBundle> {
  await context.log.flush();
  const files = context.log.files();
  const zip = new JSZip();
  const entries: string[] = [];
  const date = context.now();
  for (const file of files) {
    // A file rotated away between the listing and the read is left out, not an error.
    const text = tryRead(() => readFileSync(file));
    if (text === null) continue;
    const name = `logs/${basename(file)}`;
    zip.file(name, text, { date });
    entries.push(name);
  }
  const summary = await diagnosticsSummary(context, appVersion, entries.length);
  zip.file('diagnostics.json', `${JSON.stringify(summary, null, 2)}\n`, { date });
  entries.unshift('diagnostics.json');
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), entries };
}

/** clinicdesk-diagnostics-20270310-090512.zip, in UTC: a name that sorts, and says when without saying where. */
export function diagnosticsFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `clinicdesk-diagnostics-${stamp}.zip`;
}
