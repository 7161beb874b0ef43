// All SQL about wrong PIN attempts, on PostgreSQL (the SQLite twin: ../../repositories/pin-attempts-repository.ts).
import type { PinAttemptsRepository } from '../../repositories/pin-attempts-repository';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';

export function createPgPinAttemptsRepository(sql: PgSql): AsyncOf<PinAttemptsRepository> {
  return {
    async throttleOf(coordinatorId) {
      // wait_until_ms is the schema's one bigint: pg returns int8 as a string.
      const row = await sql.one<{ failures: number; wait_until_ms: string }>(
        'SELECT failures, wait_until_ms FROM coordinator_pin_attempts WHERE coordinator_id = $1',
        [coordinatorId],
      );
      return row ? { wrong: row.failures, waitUntil: Number(row.wait_until_ms) } : { wrong: 0, waitUntil: 0 };
    },
    async recordFailure(coordinatorId, previous, next, at) {
      // Under READ COMMITTED a second writer of the same profile waits for the first, then meets its row in the
      // conflict branch and finds the count moved on: no row changed, false, as on SQLite.
      const changed = await sql.run(
        `INSERT INTO coordinator_pin_attempts (coordinator_id, failures, wait_until_ms, last_failure_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (coordinator_id) DO UPDATE SET failures = excluded.failures, wait_until_ms = excluded.wait_until_ms,
           last_failure_at = excluded.last_failure_at
         WHERE coordinator_pin_attempts.failures = $5`,
        [coordinatorId, next.wrong, next.waitUntil, at, previous.wrong],
      );
      return changed > 0;
    },
    async clear(coordinatorId) {
      await sql.run('DELETE FROM coordinator_pin_attempts WHERE coordinator_id = $1', [coordinatorId]);
    },
  };
}
