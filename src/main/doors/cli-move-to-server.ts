// `migrate-to-postgres --from FILE --to URL`: a single PC's encrypted file moved into an empty clinic server
// (db/postgres/copy-file-to-server.ts), then the server's audit chain walked whole. The file is opened as any door
// opens it (its own migrations first, and registered, so no restore runs under the copy) and left as it was.
import { dirname } from 'node:path';
import { DatabaseTooNewError } from '../db/connect-database';
import { copyFileToServer, CopyMismatchError, ServerNotEmptyError } from '../db/postgres/copy-file-to-server';
import { migratePostgres } from '../db/postgres/migrate';
import { connectConfigured, createPostgresPool } from '../db/postgres/pg-store';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from '../security/database-key';
import { serverFieldSeal } from '../security/field-seal';
import { isPostgresUrl, openServerServices, ServerUnreachableError } from '../services/open-server-services';
import { openServices, photoRootOf } from '../services/open-services';
import type { CliIo } from './cli';

export async function moveToServerCommand(
  io: CliIo,
  options: { from: string | undefined; to: string | undefined; key: DatabaseKey },
): Promise<number> {
  if (!options.from || !options.to || !isPostgresUrl(options.to)) {
    io.err(
      'Name the file and the server: migrate-to-postgres --from FILE --to postgres://USER@HOST:PORT/DB?sslmode=verify-full&sslrootcert=CA.',
    );
    return 2;
  }
  const file = openServices({ databasePath: options.from, key: options.key, door: 'moving to a clinic server', log: () => {} });
  const pool = createPostgresPool(options.to);
  try {
    let report;
    try {
      const client = await connectConfigured(pool).catch((error: unknown) => {
        throw new ServerUnreachableError(options.to!, error);
      });
      try {
        await migratePostgres(client);
        // One key serves the file and the clinic here, but the folder is unsealed and sealed again with each side's
        // photo key, so the move stays right when a clinic key is handed to PCs apart from their file's key.
        const photoKey = deriveKey(options.key, KEY_PURPOSES.photos);
        report = await copyFileToServer(file.context.db, client, serverFieldSeal(options.key), (line) => io.err(line), {
          folder: photoRootOf(options.from),
          fileKey: photoKey,
          serverKey: photoKey,
        });
      } finally {
        client.release();
      }
    } catch (error) {
      // Said in one line; the copy was one transaction, so the server holds nothing of it.
      if (error instanceof ServerNotEmptyError || error instanceof ServerUnreachableError || error instanceof DatabaseTooNewError) {
        io.err(error.message);
        return 2;
      }
      if (error instanceof CopyMismatchError) {
        io.err(`The copy did not match the file, so nothing was kept on the server: ${error.message}`);
        return 1;
      }
      throw error;
    }
    io.out(
      `Copied ${report.tables.reduce((sum, table) => sum + table.rows, 0)} rows in ${report.tables.length} tables; every table's count matches.`,
    );
    // The chain walked whole on the server: every entry hashes to its stored hash and follows the one before.
    const server = await openServerServices({ url: options.to, dataFolder: dirname(options.from), key: options.key });
    try {
      const chain = await server.context.store.read((tx) => tx.audit.verify());
      if (chain.firstBroken) {
        io.err(`The audit chain on the server breaks at entry ${chain.firstBroken.seq} (${chain.firstBroken.reason}).`);
        return 1;
      }
      io.out(`Audit chain verified on the server: ${chain.checked} entries, ending on ${report.auditHead ?? 'no entry'}.`);
    } finally {
      await server.close();
    }
    io.out(`Moved ${report.photos.files} photo files into the server; each, unsealed there, equals the folder's.`);
    if (report.photos.missing.length > 0) {
      io.out(
        `${report.photos.missing.length} photo file(s) a record points at were not in the folder (already missing before the move): ${report.photos.missing.join(', ')}.`,
      );
    }
    io.out('The photo folder beside the file is left as it was; remove it once the server is in use.');
    return 0;
  } finally {
    await pool.end().catch(() => undefined);
    await file.close();
  }
}
