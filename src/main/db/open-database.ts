// Opening the database: refuse a damaged file (cut short, or a write-ahead log with commits SQLite would drop)
// before SQLite reads it, unlock it with the key (SQLCipher format, raw 256-bit key), encrypt a plain database left
// by an older ClinicDesk once, refuse one written by a newer app before touching it, then pragmas, then every
// pending migration in one transaction. Used by all three doors.
import { connect, DatabaseTooNewError, readUserVersion, type DatabaseEncryption, type Db } from './connect-database';
import { DatabaseDamagedError, describeProblems, isCorruptionError, quickCheck } from './database-damage';
import { databaseFileSizeProblem } from './database-file-size';
import { inspectWal } from './wal-frames';
import { registerHolder, type HolderRegistration } from './database-holders';
import { encryptPlainDatabase, isPlainDatabaseFile } from './encrypt-plain-database';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export interface OpenDatabaseOptions {
  /**
   * Called before pending migrations change a database that already has a schema (user_version above 0), with the
   * connection (pragmas set, nothing migrated yet): the services back the database up here
   * (src/main/backup/automatic-backups.ts). If it throws, nothing is migrated and the open fails.
   */
  readonly beforeMigration?: (db: Db, from: number, to: number) => void;
  /**
   * The caller's registration on the database (database-holders.ts): encrypting a plain database replaces the file
   * and migrating one changes its schema under whoever has it open, so both need the database alone. Without one,
   * the encryption registers on its own for as long as it takes (and migrations go unchecked: tests, the restore's
   * own open, which holds the database alone already).
   */
  readonly holder?: Pick<HolderRegistration, 'requireAlone' | 'share'>;
  /** PRAGMA quick_check before anything is written or migrated: the last session ended uncleanly. */
  readonly quickCheckFirst?: boolean;
  /** The newest backup, for the way out in a damage message; the connection when one is open (its settings). */
  readonly newestBackup?: (db: Db | null) => string | null;
}

export function openDatabase(
  path: string,
  encryption: DatabaseEncryption,
  migrations: readonly Migration[] = MIGRATIONS,
  options: OpenDatabaseOptions = {},
): Db {
  const damaged = (problem: string, db: Db | null = null) => new DatabaseDamagedError(path, problem, options.newestBackup?.(db) ?? null);
  const sizeProblem = databaseFileSizeProblem(path);
  if (sizeProblem !== null) throw damaged(sizeProblem);
  const wal = inspectWal(`${path}-wal`);
  if (wal?.damage) {
    const { frame, commitsAfter } = wal.damage;
    throw damaged(
      `frame ${frame} of its write-ahead log (${path}-wal, ${wal.frames} frames) fails its checksum, and ${commitsAfter} committed write(s) after it would be dropped by opening it`,
    );
  }
  if (encryption !== 'unencrypted' && isPlainDatabaseFile(path)) encryptAlone(path, encryption, migrations.length, options.holder);
  const db = connect(path, encryption);
  try {
    // Read before any pragma that writes (journal_mode=WAL does), so a newer database stays byte-for-byte as it was.
    const found = readUserVersion(db, path);
    const supported = latestVersion(migrations);
    if (found > supported) throw new DatabaseTooNewError(path, found, supported);
    if (options.quickCheckFirst) {
      const problems = quickCheck(db);
      if (problems.length > 0) throw damaged(`PRAGMA quick_check after an unclean shutdown found ${describeProblems(problems)}`, db);
    }
    db.pragma('journal_mode = WAL');
    // Health records: a commit the coordinator saw must survive a power cut, not only an app crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Encrypted pages are decrypted and authenticated on every read from the file, so SQLite's own cache of
    // decrypted pages does the work the OS cache did for a plain file: at the default 16 MiB a search of 100,000
    // patients ran 2.2 times slower than on a plain database, at 64 MiB 1.16 times (measured on the same data).
    db.pragma('cache_size = -65536');
    const pending = migrations.some((migration) => migration.version > found);
    if (pending && found > 0) {
      // A program still running on the old schema (an older app left open) would go on writing as if nothing changed.
      options.holder?.requireAlone(`migrate the database from schema ${found} to ${supported}`);
      try {
        options.beforeMigration?.(db, found, supported);
        migrate(db, migrations, found);
      } finally {
        options.holder?.share();
      }
    } else {
      migrate(db, migrations, found);
    }
    return db;
  } catch (error) {
    // A page that fails to read back during the pragmas or the migrations: said as damage, not as SQLite's error.
    const thrown = isCorruptionError(error) ? damaged(`reading it failed (${(error as Error).message})`, db) : error;
    db.close();
    throw thrown;
  }
}

function encryptAlone(
  path: string,
  key: Exclude<DatabaseEncryption, 'unencrypted'>,
  supported: number,
  holder: OpenDatabaseOptions['holder'],
): void {
  const purpose = 'encrypt the plain database';
  const own = holder ? null : registerHolder(path, { door: 'ClinicDesk program', alone: purpose });
  holder?.requireAlone(purpose);
  try {
    encryptPlainDatabase(path, key, supported);
  } finally {
    holder?.share();
    own?.release();
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
export { DatabaseKeyError, DatabaseTooNewError, type DatabaseEncryption, type Db } from './connect-database';
