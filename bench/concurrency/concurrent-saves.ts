// The concurrency check: several writer processes (concurrent-writer.ts) save the same patients and plans through
// the services at once, then the data is read back and held against what each writer was told:
//   - lost: a save answered as saved whose version another save also got, or whose value is not what that
//     version holds (the patient's last value, or the kept plan version's rate source);
//   - torn: a patient whose search text is not made from its row, a plan whose report rows do not follow its items;
//   - every refusal a conflict (anything else is a failure), and the audit chain verifies, with one entry per save.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { DatabaseKey } from '../../src/main/security/database-key';
import { serverFieldSeal } from '../../src/main/security/field-seal';
import pg from 'pg';
import { searchHaystack } from '../../src/shared/domain/intake/search-text';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Db } from '../../src/main/db/open-database';
import { isPostgresUrl, openServerServices } from '../../src/main/services/open-server-services';
import { openServices, type OpenServices } from '../../src/main/services/open-services';
import { generatePatients } from '../generate-patients';

const WRITER = join(import.meta.dirname, 'concurrent-writer.ts');
const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

export interface ConcurrencyOptions {
  /** The SQLite file, or a PostgreSQL URL (the clinic server). */
  readonly databasePath: string;
  readonly key: DatabaseKey;
  readonly writers: number;
  readonly patients: number;
  readonly seconds: number;
}

export interface ConcurrencyResult {
  readonly saved: number;
  readonly conflicts: number;
  readonly failed: number;
  readonly lost: number;
  readonly torn: number;
  readonly chainBroken: boolean;
  readonly savesPerSecond: number;
  readonly problems: readonly string[];
}

export interface Save {
  readonly kind: 'patient' | 'plan';
  readonly id: string;
  readonly version: number;
  readonly marker: string;
}

function runWriter(
  options: ConcurrencyOptions,
  ids: readonly string[],
  from: number,
  until: number,
): Promise<{ saves: Save[]; conflicts: number; failed: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        CLINICDESK_DB: options.databasePath,
        CLINICDESK_KEY: options.key.toString('hex'),
        CLINICDESK_IDS: ids.join(','),
        CLINICDESK_FROM: String(from),
        CLINICDESK_UNTIL: String(until),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const saves: Save[] = [];
    const failed: string[] = [];
    let conflicts = 0;
    let buffered = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, id, version, marker] = line.split(' ');
        if (word === 'patient' || word === 'plan') saves.push({ kind: word, id: id!, version: Number(version), marker: marker! });
        else if (word === 'conflict') conflicts += 1;
        else if (word === 'failed') failed.push(line);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      errors += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) failed.push(`writer exited with ${code}: ${errors.slice(-2000)}`);
      resolve({ saves, conflicts, failed });
    });
  });
}

/** Creates the shared patients, runs the writers until the time is up, and checks what they were told. */
export async function runConcurrentSaves(options: ConcurrencyOptions): Promise<ConcurrencyResult> {
  const ids = await createSharedPatients(options);
  // Every writer starts its clock once all are up: process start-up is not part of the figure.
  const started = Date.now() + 3000 + options.writers * 700;
  const until = started + options.seconds * 1000;
  const results = await Promise.all(Array.from({ length: options.writers }, () => runWriter(options, ids, started, until)));
  const saves = results.flatMap((result) => result.saves);
  const problems: string[] = results.flatMap((result) => result.failed);

  const { lost, torn, chainBroken } = await checkSaves(options, ids, saves, problems);
  const conflicts = results.reduce((sum, result) => sum + result.conflicts, 0);
  const failed = results.reduce((sum, result) => sum + result.failed.length, 0);
  return { saved: saves.length, conflicts, failed, lost, torn, chainBroken, savesPerSecond: saves.length / options.seconds, problems };
}

/** The services over the file or the server, as a door would open them. */
export async function openFor(database: string, key: DatabaseKey, door: string): Promise<OpenServices<Db | null>> {
  if (!isPostgresUrl(database)) return openServices({ databasePath: database, key, door });
  return openServerServices({ url: database, key, dataFolder: mkdtempSync(join(tmpdir(), 'clinicdesk-writer-')) });
}

/** Rows of a plain query, `?` placeholders, on either back end: the check reads the tables as they are. */
type Rows = <T>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

async function rowsOf(services: OpenServices<Db | null>, database: string): Promise<{ rows: Rows; close: () => Promise<void> }> {
  const { db } = services.context;
  if (db)
    return {
      rows: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).all(...params) as T[],
      close: async () => undefined,
    };
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  return {
    rows: async <T>(sql: string, params: readonly unknown[] = []) => {
      let n = 0;
      return (await client.query({ text: sql.replace(/\?/g, () => `$${++n}`), values: [...params] })).rows as T[];
    },
    close: () => client.end(),
  };
}

/** The patients every writer saves, created through the services. */
export async function createSharedPatients(options: Pick<ConcurrencyOptions, 'databasePath' | 'key' | 'patients'>): Promise<string[]> {
  const setup = await openFor(options.databasePath, options.key, 'concurrency check');
  const ids: string[] = [];
  try {
    for (const patient of generatePatients(options.patients, 7)) {
      const created = await setup.dispatch('createPatient', { patient });
      if (!created.ok) throw new Error(`setup: ${JSON.stringify(created.error)}`);
      ids.push(created.value.id);
    }
  } finally {
    await setup.close();
  }

  return ids;
}

/** Holds the data against the saves the writers were told succeeded; adds what it finds to `problems`. */
export async function checkSaves(
  options: Pick<ConcurrencyOptions, 'databasePath' | 'key'>,
  ids: readonly string[],
  saves: readonly Save[],
  problems: string[],
): Promise<{ lost: number; torn: number; chainBroken: boolean }> {
  const check = await openFor(options.databasePath, options.key, 'concurrency check');
  const { rows, close } = await rowsOf(check, options.databasePath);
  const one = async <T>(sql: string, params: readonly unknown[] = []) => (await rows<T>(sql, params))[0];
  // The server keeps plans sealed (security/field-seal.ts); the check opens them with the same clinic key.
  const seal = serverFieldSeal(options.key);
  const opened = (column: string, stored: string) => seal.open(column, stored);
  let lost = 0;
  let torn = 0;
  let chainBroken = false;
  try {
    for (const kind of ['patient', 'plan'] as const) {
      for (const id of ids) {
        const mine = saves.filter((save) => save.kind === kind && save.id === id).sort((a, b) => a.version - b.version);
        const versions = new Set(mine.map((save) => save.version));
        if (versions.size !== mine.length) {
          lost += mine.length - versions.size;
          problems.push(`${kind} ${id}: ${mine.length - versions.size} save(s) answered with a version another save also got`);
        }
        if (kind === 'patient') {
          const row = (await one<{ seq: number; version: number; stay_address: string }>(
            'SELECT seq, version, stay_address FROM patients WHERE id = ?',
            [id],
          ))!;
          // Created at version 1; each save answered as saved made exactly one new version.
          if (row.version !== mine.length + 1) {
            lost += Math.abs(row.version - 1 - mine.length);
            problems.push(`patient ${id}: version ${row.version} after ${mine.length} reported saves`);
          }
          const last = mine.at(-1);
          if (last && row.stay_address !== last.marker) {
            lost += 1;
            problems.push(`patient ${id}: holds ${row.stay_address}, the last save reported ${last.marker}`);
          }
          const haystack = await one<{ haystack: string }>('SELECT haystack FROM patient_search_text WHERE seq = ?', [row.seq]);
          const record = await check.dispatch('getPatient', { id });
          if (!record.ok) problems.push(`patient ${id}: getPatient failed: ${record.error.code}`);
          else if (haystack?.haystack !== searchHaystack(record.value.patient)) {
            torn += 1;
            problems.push(`patient ${id}: its search text is not made from its row`);
          }
        } else {
          const seq = (await one<{ seq: number }>('SELECT seq FROM patients WHERE id = ?', [id]))!.seq;
          const kept = await rows<{ version: number; plan_json: string }>(
            'SELECT version, plan_json FROM plan_versions WHERE patient_seq = ?',
            [seq],
          );
          const keptByVersion = new Map(
            kept.map((row) => [
              row.version,
              JSON.parse(opened('plan_versions.plan_json', row.plan_json)) as { rate: { source: string } | null; items: unknown[] },
            ]),
          );
          for (const save of mine) {
            if (keptByVersion.get(save.version)?.rate?.source !== save.marker) {
              lost += 1;
              problems.push(`plan ${id}: version ${save.version} does not hold ${save.marker}`);
            }
          }
          const current = await one<{ version: number; plan_json: string }>('SELECT version, plan_json FROM plans WHERE patient_seq = ?', [
            seq,
          ]);
          if ((current?.version ?? 0) !== mine.length) {
            lost += Math.abs((current?.version ?? 0) - mine.length);
            problems.push(`plan ${id}: version ${current?.version ?? 0} after ${mine.length} reported saves`);
          }
          const sessions = Number(
            (await one<{ n: number | string }>('SELECT count(*) AS n FROM plan_sessions WHERE patient_seq = ?', [seq]))!.n,
          );
          if (current && sessions !== (JSON.parse(opened('plans.plan_json', current.plan_json)) as { items: unknown[] }).items.length) {
            torn += 1;
            problems.push(
              `plan ${id}: ${sessions} report rows for ${(JSON.parse(opened('plans.plan_json', current.plan_json)) as { items: unknown[] }).items.length} sessions`,
            );
          }
        }
      }
    }
    const chain = await check.context.store.read((tx) => tx.audit.verify());
    chainBroken = chain.firstBroken !== null;
    if (chainBroken) problems.push(`audit chain broken at ${JSON.stringify(chain.firstBroken)}`);
    const audited = Number(
      (await one<{ n: number | string }>("SELECT count(*) AS n FROM audit_log WHERE action IN ('patient.update', 'plan.save')"))!.n,
    );
    if (audited !== saves.length) problems.push(`${audited} audit entries for ${saves.length} saves`);
  } finally {
    await close();
    await check.close();
  }
  return { lost, torn, chainBroken };
}
