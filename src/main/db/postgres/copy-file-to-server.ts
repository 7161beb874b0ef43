// Moving a clinic from its single PC to a clinic server: every row of the SQLite file copied into an empty
// PostgreSQL database at the same schema version, keeping ids, row numbers, versions and the audit chain's hashes
// as they are (the chain's hashes cover the row numbers, so nothing may be renumbered), then checked: the same
// number of rows in every table, and the server's audit chain ending on the file's last hash.
//
// The two schemas have the same tables and columns (tests/unit/db/postgres-schema.test.ts holds them to it),
// except what each engine derives for itself: SQLite's FTS5 tables and its short needles' pieces table, and
// PostgreSQL's generated pieces column and its schema_version row. Those are left to each side. What the server
// keeps sealed (SEALED_COLUMNS: screening answers, drafts, plans, notes) is sealed as it is copied, and the photo
// folder's files, sealed again under the server's photo key, go into photo_files (copy-photos-to-server.ts).
import type { PoolClient } from 'pg';
import type { Db } from '../open-database';
import { SEALED_COLUMNS, type FieldSeal } from '../../security/field-seal';
import { CopyMismatchError, ServerNotEmptyError } from './copy-errors';
import { copyPhotosToServer, type PhotoCopyReport, type PhotoFolderSource } from './copy-photos-to-server';

export { CopyMismatchError, ServerNotEmptyError } from './copy-errors';

/** Tables the file keeps that the server derives otherwise (or not at all). */
const FILE_ONLY_TABLES = new Set(['patient_search_pieces']);
/** Rows the migrations themselves write on an empty server (0021's default branch): not a clinic's data, so they do
 * not make the server "not empty", and the file's own copy of them replaces them. Their tables reference no other
 * table and are copied first, since rows copied before them refer to them (a patient's branch). */
const MIGRATION_SEED_ROWS: Readonly<Record<string, string>> = { branches: "id = 'main'" };
/** A batch of rows per INSERT: under PostgreSQL's 65,535 parameters for the widest table (26 columns). */
const MAX_PARAMETERS = 60_000;

export interface CopyReport {
  readonly tables: readonly { readonly table: string; readonly rows: number }[];
  readonly auditEntries: number;
  readonly auditHead: string | null;
  /** The photo folder's files moved with the rows (none when no folder was given). */
  readonly photos: PhotoCopyReport;
}

/** The file's tables in the order they were made, which is an order their foreign keys allow. */
function tablesOf(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'patient_search_index%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid`,
    )
    .all()
    .map((row) => row.name)
    .filter((name) => !FILE_ONLY_TABLES.has(name));
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Copies `db` into the server behind `client`, whose schema is already migrated to the same version, in one
 * transaction: all or nothing. Refuses a server with any row of clinic data.
 */
export async function copyFileToServer(
  db: Db,
  client: PoolClient,
  seal: FieldSeal,
  progress: (text: string) => void = () => {},
  photoFolder?: PhotoFolderSource,
): Promise<CopyReport> {
  const fileTables = tablesOf(db);
  const tables = [
    ...fileTables.filter((table) => table in MIGRATION_SEED_ROWS),
    ...fileTables.filter((table) => !(table in MIGRATION_SEED_ROWS)),
  ];
  await client.query('BEGIN');
  try {
    for (const table of tables) {
      const seeded = MIGRATION_SEED_ROWS[table];
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${quoted(table)}${seeded ? ` WHERE NOT (${seeded})` : ''}`,
      );
      if (Number(rows[0]!.n) > 0) throw new ServerNotEmptyError(table, Number(rows[0]!.n));
    }
    for (const [table, seeded] of Object.entries(MIGRATION_SEED_ROWS)) {
      if (tables.includes(table)) await client.query(`DELETE FROM ${quoted(table)} WHERE ${seeded}`);
    }
    const report: { table: string; rows: number }[] = [];
    for (const table of tables) {
      const generated = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'ALWAYS'`,
        [table],
      );
      const skip = new Set(generated.rows.map((row) => row.column_name));
      const columns = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info(${`'${table.replaceAll("'", "''")}'`})`)
        .all()
        .map((column) => column.name)
        .filter((name) => !skip.has(name));
      const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
      const select = db.prepare(`SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)} ORDER BY rowid`).raw();
      const sealed = (SEALED_COLUMNS[table] ?? []).map((column) => columns.indexOf(column)).filter((index) => index >= 0);
      let batch: unknown[][] = [];
      let copied = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const values: unknown[] = [];
        const tuples = batch.map((row) => `(${row.map((value) => (values.push(value), `$${values.length}`)).join(', ')})`);
        await client.query(`INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${tuples.join(', ')}`, values);
        copied += batch.length;
        batch = [];
      };
      for (const row of select.iterate() as IterableIterator<unknown[]>) {
        for (const index of sealed) {
          if (typeof row[index] === 'string') row[index] = seal.seal(`${table}.${columns[index]}`, row[index]);
        }
        batch.push(row);
        if (batch.length >= perBatch) await flush();
      }
      await flush();
      report.push({ table, rows: copied });
      progress(`${table}: ${copied} rows`);
    }
    // The server numbers new rows from past the copied ones.
    const identities = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
    );
    for (const { table_name: table, column_name: column } of identities.rows) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quoted(column)}) FROM ${quoted(table)}), 0) + 1, false)`,
        [table, column],
      );
    }
    for (const { table, rows } of report) {
      const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted(table)}`);
      if (Number(counted[0]!.n) !== rows)
        throw new CopyMismatchError(`${table}: ${counted[0]!.n} rows on the server, ${rows} in the file.`);
    }
    const fileHead = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    const serverHead = (await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'))
      .rows[0];
    if (fileHead?.hash !== serverHead?.hash || fileHead?.seq !== serverHead?.seq) {
      throw new CopyMismatchError(
        `The audit chain ends on entry ${serverHead?.seq ?? 0} on the server and ${fileHead?.seq ?? 0} in the file.`,
      );
    }
    // The photo files in the same transaction: a server with the rows but not their photos is never committed.
    const photos = photoFolder ? await copyPhotosToServer(db, client, photoFolder) : { files: 0, missing: [] };
    if (photoFolder) progress(`photo_files: ${photos.files} rows`);
    await client.query('COMMIT');
    return { tables: report, auditEntries: fileHead?.seq ?? 0, auditHead: fileHead?.hash ?? null, photos };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
