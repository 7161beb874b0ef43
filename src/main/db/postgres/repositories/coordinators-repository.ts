// All SQL about coordinator profiles, on PostgreSQL (the SQLite twin: ../../repositories/coordinators-repository.ts).
// Profiles are disabled, never deleted (the audit log names them).
import type { CoordinatorRow, CoordinatorsRepository } from '../../repositories/coordinators-repository';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';

const COLUMNS = 'id, display_name, pin_salt, pin_hash, created_at, role';

export function createPgCoordinatorsRepository(sql: PgSql): AsyncOf<CoordinatorsRepository> {
  return {
    active: () =>
      sql.all<CoordinatorRow>(`SELECT ${COLUMNS} FROM coordinator_profiles WHERE disabled_at IS NULL ORDER BY display_name, id`),
    byId: (id) => sql.one<CoordinatorRow>(`SELECT ${COLUMNS} FROM coordinator_profiles WHERE id = $1 AND disabled_at IS NULL`, [id]),
    async nameTaken(name) {
      return (await sql.one('SELECT 1 FROM coordinator_profiles WHERE display_name = $1 AND disabled_at IS NULL', [name])) !== undefined;
    },
    async insert(row) {
      await sql.run(
        'INSERT INTO coordinator_profiles (id, display_name, pin_salt, pin_hash, created_at, role) VALUES ($1, $2, $3, $4, $5, $6)',
        [row.id, row.display_name, row.pin_salt, row.pin_hash, row.created_at, row.role],
      );
    },
    async setPin(id, salt, hash) {
      return (
        (await sql.run('UPDATE coordinator_profiles SET pin_salt = $1, pin_hash = $2 WHERE id = $3 AND disabled_at IS NULL', [
          salt,
          hash,
          id,
        ])) > 0
      );
    },
    async activeCount() {
      return (await sql.one<{ n: number }>('SELECT count(*)::integer AS n FROM coordinator_profiles WHERE disabled_at IS NULL'))!.n;
    },
  };
}
