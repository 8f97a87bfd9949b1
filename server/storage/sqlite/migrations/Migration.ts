/**
 * One schema step of the SQLite database. Numbers are unique and owned by area so helpers never collide:
 * server core 1-19, agreement 20-29, staff apps 30-39, portal 40-49. A migration never changes once released;
 * a later change is a new migration.
 */
export interface Migration {
  version: number;
  name: string;
  /** SQL script run inside the migration's transaction. */
  sql: string;
}
