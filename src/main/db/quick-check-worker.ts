// A worker thread that runs PRAGMA quick_check on its own read-only connection, so checking a large database
// after open never holds up the event loop that answers the window and the preview's requests. It imports nothing
// of ClinicDesk's own, so it starts the same from the sources (tsx, or Node's own type stripping under vitest) and
// from the build (electron-vite makes it its own entry beside index.js).
import Database from 'better-sqlite3-multiple-ciphers';
import { parentPort, workerData } from 'node:worker_threads';

export interface QuickCheckJob {
  readonly path: string;
  /** The raw key in hex (as in connect-database.ts's PRAGMA key), or null for the benchmark's plain baseline. */
  readonly keyHex: string | null;
}

export type QuickCheckOutcome =
  | { readonly problems: readonly string[] }
  /** The check could not run at all (the file moved away, say): not a finding about the data. */
  | { readonly failed: string };

function run({ path, keyHex }: QuickCheckJob): QuickCheckOutcome {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if (keyHex !== null) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma(`key="x'${keyHex}'"`);
    }
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check);
    return { problems: problems.length === 1 && problems[0] === 'ok' ? [] : problems };
  } catch (error) {
    // An encrypted page that fails its HMAC throws SQLITE_CORRUPT instead of reporting a row.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
      return { problems: [(error as Error).message] };
    return { failed: String(error) };
  } finally {
    db?.close();
  }
}

parentPort?.postMessage(run(workerData as QuickCheckJob));
