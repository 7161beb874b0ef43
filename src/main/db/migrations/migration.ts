export interface Migration {
  /** Equals the PRAGMA user_version the database has once this migration ran. */
  readonly version: number;
  readonly name: string;
  /** Additive only: a migration never drops or rewrites what an earlier one made (tests/unit/db check it). */
  readonly sql: string;
}
