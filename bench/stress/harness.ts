// The crash-safety harness: start the writer (writer.ts), kill it with SIGKILL at a random moment, then open the
// database as the app would and check it, again and again on the same data folder.
//   - the database opens with its key and PRAGMA integrity_check says ok (and the search index's own check);
//   - no damage is reported: the open after each kill is an open after an unclean shutdown, so quick_check runs and
//     the WAL is read frame by frame (a torn tail is what a kill leaves, not damage);
//   - every patient and photo the writer reported committed is there;
//   - no transaction is half-written: every patient has its search text and every search text its patient, and
//     every photo row's file is there and passes authentication (the file is written before its row).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseDamagedError } from '../../src/main/db/database-damage';
import { newDatabaseKey, type DatabaseKey } from '../../src/main/security/database-key';
import { openServices } from '../../src/main/services/open-services';

const WRITER = join(import.meta.dirname, 'writer.ts');
/** `--import tsx` resolves from the working folder: the project's, wherever the harness is started from. */
const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

export interface StressOptions {
  readonly kills: number;
  /** The longest wait after the writer is ready before the kill; the wait is uniform in [0, this]. */
  readonly maxDelayMs?: number;
  readonly progress?: (text: string) => void;
}

export interface StressResult {
  readonly kills: number;
  readonly committedPatients: number;
  readonly committedPhotos: number;
  readonly checkpoints: number;
  readonly committedRowsLost: number;
  readonly integrityFailures: number;
  readonly halfWrittenTransactions: number;
  /** Opens refused as damaged, and damage the database check logged. */
  readonly damageReports: number;
  readonly problems: readonly string[];
}

export interface Reported {
  readonly patients: string[];
  readonly photos: { id: string; sha256: string }[];
  checkpoints: number;
}

/** Runs the writer until the kill; resolves with what it reported committed. */
function runAndKill(databasePath: string, key: DatabaseKey, delayMs: number): Promise<Reported> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CLINICDESK_DB: databasePath, CLINICDESK_KEY: key.toString('hex') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: Reported = { patients: [], photos: [], checkpoints: 0 };
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, id, sha256] = line.split(' ');
        if (kind === 'ready')
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, delayMs);
        else if (kind === 'patient') reported.patients.push(id!);
        else if (kind === 'photo') reported.photos.push({ id: id!, sha256: sha256! });
        else if (kind === 'checkpoint') reported.checkpoints++;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve(reported);
      else reject(new Error(`The writer ended by itself (code ${code}, signal ${signal}): ${stderr.slice(-2000)}`));
    });
  });
}

export interface Check {
  readonly damaged: boolean;
  readonly integrityOk: boolean;
  readonly lost: number;
  readonly halfWritten: number;
  readonly problems: string[];
}

/** Opens the database as the app does (openServices: key, WAL recovery, migrations) and checks it. */
export async function checkAfterCrash(databasePath: string, key: DatabaseKey, committed: Reported): Promise<Check> {
  const problems: string[] = [];
  let damaged = false;
  let services;
  try {
    services = openServices({
      databasePath,
      key,
      log: (entry) => {
        if (entry.result !== 'damaged' && entry.event !== 'database_damaged') return;
        damaged = true;
        problems.push(`damage reported: ${String(entry.message)}`);
      },
    });
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    return { damaged: true, integrityOk: false, lost: 0, halfWritten: 0, problems: [`damage reported at open: ${error.message}`] };
  }
  try {
    const { db, photoStore } = services.context;
    const integrity = db.pragma('integrity_check', { simple: true });
    let integrityOk = integrity === 'ok';
    if (!integrityOk) problems.push(`integrity_check: ${String(integrity)}`);
    try {
      db.exec("INSERT INTO patient_search_index (patient_search_index) VALUES ('integrity-check')");
    } catch (error) {
      integrityOk = false;
      problems.push(`search index: ${(error as Error).message}`);
    }

    const ids = new Set(db.prepare<[], string>('SELECT id FROM patients').pluck().all());
    const photoIds = new Set(db.prepare<[], string>('SELECT id FROM photos').pluck().all());
    const lostPatients = committed.patients.filter((id) => !ids.has(id));
    const lostPhotos = committed.photos.filter((photo) => !photoIds.has(photo.id));
    if (lostPatients.length + lostPhotos.length > 0) problems.push(`lost: ${[...lostPatients, ...lostPhotos.map((p) => p.id)].join(', ')}`);

    const withoutText = db
      .prepare<[], number>('SELECT count(*) FROM patients p WHERE NOT EXISTS (SELECT 1 FROM patient_search_text s WHERE s.seq = p.seq)')
      .pluck()
      .get()!;
    const withoutPatient = db
      .prepare<[], number>('SELECT count(*) FROM patient_search_text s WHERE NOT EXISTS (SELECT 1 FROM patients p WHERE p.seq = s.seq)')
      .pluck()
      .get()!;
    const withoutConsents = db
      .prepare<[], number>('SELECT count(*) FROM patients p WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.patient_seq = p.seq)')
      .pluck()
      .get()!;
    let brokenPhotos = 0;
    for (const row of db.prepare<[], { sha256: string; media_type: 'image/jpeg' }>('SELECT sha256, media_type FROM photos').all()) {
      try {
        await services.context.store.read(async (tx) => {
          await photoStore.readOriginal(tx, row.sha256, row.media_type);
          if ((await photoStore.thumbnailDataUrl(tx, row.sha256)) === '') throw new Error('no thumbnail');
        });
      } catch (error) {
        brokenPhotos++;
        problems.push(`photo ${row.sha256}: ${(error as Error).message}`);
      }
    }
    const halfWritten = withoutText + withoutPatient + withoutConsents + brokenPhotos;
    if (withoutText + withoutPatient + withoutConsents > 0) {
      problems.push(
        `half-written: ${withoutText} patients without search text, ${withoutPatient} search texts without patient, ${withoutConsents} without consents`,
      );
    }
    return { damaged, integrityOk, lost: lostPatients.length + lostPhotos.length, halfWritten, problems };
  } finally {
    services.close();
  }
}

export async function runStress(options: StressOptions): Promise<StressResult> {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-stress-'));
  const databasePath = join(folder, 'clinicdesk.sqlite');
  const key = newDatabaseKey();
  const maxDelayMs = options.maxDelayMs ?? 400;
  const committed: Reported = { patients: [], photos: [], checkpoints: 0 };
  let integrityFailures = 0;
  let lost = 0;
  let halfWritten = 0;
  let damageReports = 0;
  const problems: string[] = [];
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      const reported = await runAndKill(databasePath, key, Math.random() * maxDelayMs);
      committed.patients.push(...reported.patients);
      committed.photos.push(...reported.photos);
      committed.checkpoints += reported.checkpoints;
      // Everything reported so far, not only this run's: a later crash must not lose an earlier commit either.
      const result = await checkAfterCrash(databasePath, key, committed);
      if (!result.integrityOk) integrityFailures++;
      if (result.damaged) damageReports++;
      lost = Math.max(lost, result.lost);
      halfWritten += result.halfWritten;
      problems.push(...result.problems.map((problem) => `kill ${kill}: ${problem}`));
      options.progress?.(
        `kill ${kill}/${options.kills}: ${reported.patients.length} patients, ${reported.photos.length} photos, ${reported.checkpoints} checkpoints committed before it`,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    kills: options.kills,
    committedPatients: committed.patients.length,
    committedPhotos: committed.photos.length,
    checkpoints: committed.checkpoints,
    committedRowsLost: lost,
    integrityFailures,
    halfWrittenTransactions: halfWritten,
    damageReports,
    problems,
  };
}
