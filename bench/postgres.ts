// The clinic server's figures (BENCH_ONLY=postgres, and part of the whole bench where PostgreSQL is installed): a
// throwaway PostgreSQL 15 over loopback with TLS 1.3 and durable commits, the bench's 100,000 patients moved into
// it with migrate-to-postgres's copy, then the search through the services beside its bare SQL as the table
// owner on the same server (the floor), an intake save, and 8 writer processes on the same 20 patients.
// Sealing on (the screening answers, plans and notes are sealed as they are written and copied). The services run
// as a coordinator's own database login, signed in, under row-level security by branch (migration 0021), so the
// search goes through clinicdesk_search_seqs; the floor is the bare SQL as the table owner, who bypasses it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MAX_SEARCH_RESULTS } from '../src/shared/contract/patients';
import { CLINIC_TIME_ZONE, todayIn } from '../src/shared/domain/intake/calendar-date';
import { searchNeedle } from '../src/shared/domain/intake/search-text';
import { copyFileToServer } from '../src/main/db/postgres/copy-file-to-server';
import { migratePostgres } from '../src/main/db/postgres/migrate';
import { connectConfigured, createPostgresPool } from '../src/main/db/postgres/pg-store';
import { likeContaining, POSTGRES_PATIENT_SEARCH_FLOOR_SQL } from '../src/main/db/postgres/repositories/patients-repository';
import { createPatientsRepository } from '../src/main/db/repositories/patients-repository';
import { newDatabaseKey } from '../src/main/security/database-key';
import { serverFieldSeal } from '../src/main/security/field-seal';
import { openServerServices } from '../src/main/services/open-server-services';
import { openServices } from '../src/main/services/open-services';
import { startThrowawayPostgres } from '../tests/support/postgres/throwaway-server';
import { runConcurrentSaves } from './concurrency/concurrent-saves';
import { generatePatients } from './generate-patients';
import { queriesFor } from './queries';
import { inTurns, percentile, time, type Emit } from './measure';

export async function benchPostgres(emit: Emit, progress: (text: string) => void, patients = 100_000): Promise<void> {
  const server = await startThrowawayPostgres({ durable: true });
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-bench-pg-'));
  try {
    const key = newDatabaseKey();
    progress(`postgres: ${patients} patients into a file, then moved to the server...`);
    const generated = generatePatients(patients);
    const file = openServices({ databasePath: join(folder, 'bench.sqlite'), key });
    const repository = createPatientsRepository(file.context.db);
    file.context.db.transaction(() => {
      generated.forEach((patient, index) =>
        repository.insert(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, patient, '2026-11-24T00:00:00.000Z'),
      );
    })();
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE clinicdesk ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
    await admin.end();
    const url = server.urlFor('clinicdesk');
    const pool = createPostgresPool(url);
    const client = await connectConfigured(pool);
    const moveMs = await time(async () => {
      await migratePostgres(client);
      await copyFileToServer(file.context.db, client, serverFieldSeal(key));
    });
    emit('pg_move_100k_s', moveMs / 1000, 's');
    await client.query('ANALYZE');
    await file.close();

    // An admin's setup (docs/clinic-server.md): a coordinator's profile and its own login, then that PC's services.
    const setup = await openServerServices({ url, dataFolder: join(folder, 'admin'), key });
    const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result.error)}`);
      return result.value;
    };
    valueOf(await setup.dispatch('addCoordinator', { name: 'Bench Admin', pin: '100200' }));
    const coordinator = valueOf(await setup.dispatch('addCoordinator', { name: 'Bench Coordinator', pin: '300400', role: 'coordinator' }));
    const made = valueOf(await setup.dispatch('addServerLogin', { coordinatorId: coordinator.id }));
    await setup.close();
    const services = await openServerServices({
      url,
      dataFolder: join(folder, 'pc'),
      key,
      login: { user: made.login, password: made.password },
    });
    valueOf(await services.dispatch('signIn', { coordinatorId: coordinator.id, pin: '300400' }));
    const search = (query: string) => services.dispatch('searchPatients', { query, tripStatus: 'all', limit: MAX_SEARCH_RESULTS });
    const today = todayIn(CLINIC_TIME_ZONE, new Date());
    // The floor: the repository's own statement, unnamed, on the same server as the table owner, parameters built
    // before the clock starts.
    const bare = (query: string) => {
      const needle = searchNeedle(query);
      const params = { status: 'all', today, limit: MAX_SEARCH_RESULTS + 1 };
      const statement =
        needle === ''
          ? POSTGRES_PATIENT_SEARCH_FLOOR_SQL.listAll
          : [...needle].length >= 3
            ? POSTGRES_PATIENT_SEARCH_FLOOR_SQL.trigram
            : POSTGRES_PATIENT_SEARCH_FLOOR_SQL.pieces;
      const values = statement.values({ ...params, pattern: likeContaining(needle), needle } as never);
      return () => client.query({ text: statement.text, values });
    };
    for (const query of queriesFor(generated, 40, 11)) {
      await search(query);
      await bare(query)();
    }
    const serviceTimes: number[] = [];
    const floorTimes: number[] = [];
    for (const [i, query] of queriesFor(generated, 300, 7).entries()) {
      const floor = bare(query);
      const service = async () => {
        const result = await search(query);
        if (!result.ok || result.value.rows.length === 0) throw new Error(`search ${query} failed or found nobody`);
      };
      await inTurns(
        i,
        async () => serviceTimes.push(await time(service)),
        async () => floorTimes.push(await time(floor)),
      );
    }
    emit('pg_patient_search_p95_ms', percentile(serviceTimes, 95), 'ms');
    emit('pg_patient_search_sql_floor_p95_ms', percentile(floorTimes, 95), 'ms');
    emit('pg_patient_search_vs_floor_ratio', percentile(serviceTimes, 95) / percentile(floorTimes, 95), 'ratio');

    const saveTimes: number[] = [];
    for (const patient of generatePatients(200, 5)) {
      saveTimes.push(
        await time(async () => {
          const created = await services.dispatch('createPatient', { patient });
          if (!created.ok) throw new Error(`createPatient failed: ${JSON.stringify(created.error)}`);
        }),
      );
    }
    emit('pg_intake_save_p95_ms', percentile(saveTimes, 95), 'ms');
    client.release();
    await pool.end();
    await services.close();

    progress('postgres: 8 writers on the same 20 patients for 20 s...');
    const admin2 = new pg.Client({ connectionString: server.url });
    await admin2.connect();
    await admin2.query("CREATE DATABASE concurrency ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
    await admin2.end();
    const concurrent = await runConcurrentSaves({ databasePath: server.urlFor('concurrency'), key, writers: 8, patients: 20, seconds: 20 });
    if (concurrent.problems.length > 0) throw new Error(`concurrent saves: ${concurrent.problems.join('; ')}`);
    emit('pg_concurrent_saves_per_s', concurrent.savesPerSecond, 'saves/s');
    emit('pg_concurrent_saves_lost', concurrent.lost, 'saves');
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
