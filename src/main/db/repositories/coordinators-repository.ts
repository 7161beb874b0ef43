// All SQL about coordinator profiles. Profiles are disabled, never deleted (the audit log names them).
import type { CoordinatorRole } from '../../../shared/domain/coordinators/coordinator-roles';
import type { Db } from '../open-database';

export interface CoordinatorRow {
  readonly id: string;
  readonly display_name: string;
  readonly pin_salt: string;
  readonly pin_hash: string;
  readonly created_at: string;
  readonly role: CoordinatorRole;
}

export function createCoordinatorsRepository(db: Db) {
  const statements = {
    active: db.prepare<[], CoordinatorRow>(
      'SELECT id, display_name, pin_salt, pin_hash, created_at, role FROM coordinator_profiles WHERE disabled_at IS NULL ORDER BY display_name, id',
    ),
    byId: db.prepare<[string], CoordinatorRow>(
      'SELECT id, display_name, pin_salt, pin_hash, created_at, role FROM coordinator_profiles WHERE id = ? AND disabled_at IS NULL',
    ),
    byName: db.prepare<[string], { id: string }>('SELECT id FROM coordinator_profiles WHERE display_name = ? AND disabled_at IS NULL'),
    insert: db.prepare(
      'INSERT INTO coordinator_profiles (id, display_name, pin_salt, pin_hash, created_at, role) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    setPin: db.prepare('UPDATE coordinator_profiles SET pin_salt = ?, pin_hash = ? WHERE id = ? AND disabled_at IS NULL'),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM coordinator_profiles WHERE disabled_at IS NULL'),
  };
  return {
    active: (): CoordinatorRow[] => statements.active.all(),
    byId: (id: string): CoordinatorRow | undefined => statements.byId.get(id),
    nameTaken: (name: string): boolean => statements.byName.get(name) !== undefined,
    insert(row: CoordinatorRow): void {
      statements.insert.run(row.id, row.display_name, row.pin_salt, row.pin_hash, row.created_at, row.role);
    },
    /** False when no active profile has that id (disabled or never made): nothing was changed. */
    setPin(id: string, salt: string, hash: string): boolean {
      return statements.setPin.run(salt, hash, id).changes > 0;
    },
    activeCount: (): number => statements.count.get()?.n ?? 0,
  };
}

export type CoordinatorsRepository = ReturnType<typeof createCoordinatorsRepository>;
