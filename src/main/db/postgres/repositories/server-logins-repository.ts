// All SQL about the clinic server's database logins (migration 0021). A login is a PostgreSQL LOGIN role, member of
// its profile's group role, made by clinicdesk_add_login (SECURITY DEFINER, executable by admins only) from a SCRAM
// verifier: the password itself never reaches the server. A SQLite file has no logins (store.ts: null there).
import type { PgSql } from '../pg-sql';

export interface ServerLoginsRepository {
  /** Makes the LOGIN role `login` in `groupRole`; the server refuses a caller who is not an admin (42501). */
  create(login: string, verifier: string, groupRole: string): Promise<void>;
  /** Ties the login to an active profile that has none yet; false when there is no such profile. */
  attach(coordinatorId: string, login: string): Promise<boolean>;
  /** The profile's login, if it has one. */
  loginOf(coordinatorId: string): Promise<string | null>;
  /** The database login this transaction runs as. */
  current(): Promise<string>;
}

export function createPgServerLoginsRepository(sql: PgSql): ServerLoginsRepository {
  return {
    async create(login, verifier, groupRole) {
      await sql.one('SELECT clinicdesk_add_login($1, $2, $3)', [login, verifier, groupRole]);
    },
    async attach(coordinatorId, login) {
      return (
        (await sql.run('UPDATE coordinator_profiles SET db_login = $2 WHERE id = $1 AND disabled_at IS NULL AND db_login IS NULL', [
          coordinatorId,
          login,
        ])) > 0
      );
    },
    async loginOf(coordinatorId) {
      return (
        (await sql.one<{ db_login: string | null }>('SELECT db_login FROM coordinator_profiles WHERE id = $1', [coordinatorId]))
          ?.db_login ?? null
      );
    },
    async current() {
      return (await sql.one<{ login: string }>('SELECT current_user::text AS login'))!.login;
    },
  };
}
