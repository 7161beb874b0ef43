// Opening the database: refuse one written by a newer app before touching it, then pragmas, then every pending
// migration in one transaction. Used by all three doors.
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database ${path} was written by a newer ClinicDesk (schema ${found}; this app knows up to ${supported}). ` +
        'It was not opened or changed. Update ClinicDesk to open it.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  const db = new Database(path);
  try {
    // Read before any pragma that writes (journal_mode=WAL does), so a newer database stays byte-for-byte as it was.
    const found = db.pragma('user_version', { simple: true }) as number;
    const supported = latestVersion(migrations);
    if (found > supported) throw new DatabaseTooNewError(path, found, supported);
    db.pragma('journal_mode = WAL');
    // Health records: a commit the coordinator saw must survive a power cut, not only an app crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, found);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  // By number, not by position: the list may have a gap while parallel branches each hold their own number.
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${latestVersion(migrations)}`);
  })();
}

const latestVersion = (migrations: readonly Migration[]): number => migrations.at(-1)?.version ?? 0;

export { SCHEMA_VERSION };
