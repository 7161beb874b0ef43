// Damage in the database, said once in words a coordinator can act on: what is wrong, that nothing was changed, and
// the way out (restore from a backup, the newest one named when the backup folder is known). Never SQLite's own
// "database disk image is malformed" with a stack trace.
import type { Db } from './connect-database';

export class DatabaseDamagedError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly newestBackup: string | null,
  ) {
    super(`The database ${path} is damaged: ${problem}. ${wayOut(newestBackup)}`);
    this.name = 'DatabaseDamagedError';
  }
}

function wayOut(newestBackup: string | null): string {
  const restore = newestBackup
    ? `restore the newest backup, ${newestBackup}, with ClinicDesk closed: npm run cli -- restore "${newestBackup}"`
    : 'restore your newest backup with ClinicDesk closed: npm run cli -- restore FILE';
  return `Keep a copy of the damaged files (they were not changed), then ${restore}.`;
}

/** SQLite's codes for a file whose pages do not read back as written (an SQLCipher page failing its HMAC included). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * PRAGMA quick_check: every page read and authenticated, b-trees and records checked, without integrity_check's
 * slower index-to-table cross-check. The problems found ([] when none). An encrypted page whose HMAC fails makes
 * the pragma itself throw SQLITE_CORRUPT rather than report a row, so that counts as a problem too.
 */
export function quickCheck(db: Db): string[] {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check);
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } catch (error) {
    if (isCorruptionError(error)) return [(error as Error).message];
    throw error;
  }
}

/** The first few problems quick_check listed (it lists up to 100), for a message that stays readable. */
export function describeProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}
