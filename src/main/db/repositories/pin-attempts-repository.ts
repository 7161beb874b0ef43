// All SQL about wrong PIN attempts (migration 0015): the count and the wait of each profile that failed since its
// last right PIN, kept across restarts.
import type { PinThrottle } from '../../../shared/domain/coordinators/coordinator-pin';
import type { Db } from '../open-database';

export function createPinAttemptsRepository(db: Db) {
  const statements = {
    get: db.prepare<[string], { failures: number; wait_until_ms: number }>(
      'SELECT failures, wait_until_ms FROM coordinator_pin_attempts WHERE coordinator_id = ?',
    ),
    put: db.prepare(
      `INSERT INTO coordinator_pin_attempts (coordinator_id, failures, wait_until_ms, last_failure_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (coordinator_id) DO UPDATE SET failures = excluded.failures, wait_until_ms = excluded.wait_until_ms,
       last_failure_at = excluded.last_failure_at
       WHERE coordinator_pin_attempts.failures = ?`,
    ),
    clear: db.prepare('DELETE FROM coordinator_pin_attempts WHERE coordinator_id = ?'),
  };
  return {
    /** The profile's wrong PINs in a row and its wait; none when it has not failed since its last right PIN. */
    throttleOf(coordinatorId: string): PinThrottle {
      const row = statements.get.get(coordinatorId);
      return row ? { wrong: row.failures, waitUntil: row.wait_until_ms } : { wrong: 0, waitUntil: 0 };
    },
    /**
     * Counts a wrong PIN: `next` replaces `previous`, the count read for it. False, and nothing written, when the
     * stored count is no longer `previous` (another wrong PIN was counted since it was read): the caller reads again.
     */
    recordFailure(coordinatorId: string, previous: PinThrottle, next: PinThrottle, at: string): boolean {
      return statements.put.run(coordinatorId, next.wrong, next.waitUntil, at, previous.wrong).changes > 0;
    },
    clear(coordinatorId: string): void {
      statements.clear.run(coordinatorId);
    },
  };
}

export type PinAttemptsRepository = ReturnType<typeof createPinAttemptsRepository>;
