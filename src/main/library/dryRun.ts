// A dry run computes what a command would store without storing it, also on a library opened
// read-only: the tables the command writes are shadowed by TEMP copies (SQLite resolves an
// unqualified table name in `temp` first, and the temp database is writable on a read-only
// connection). Labels and the last run row are copied so reads and new ids continue as in the
// library; everything goes when the connection closes.
import type { Database } from 'better-sqlite3';

/** Tables `analyze` writes: labels from --labels, then the run and its results. */
export const ANALYZE_TABLES = [
  'labels',
  'spectrum_labels',
  'analysis_runs',
  'spectrum_results',
  'analysis_group_curves',
  'analysis_run_scopes',
] as const;

/** Rows copied into the shadow so reads see the library: all of them, or only the newest (ids). */
const COPY: Record<string, 'all' | 'newest'> = {
  labels: 'all',
  spectrum_labels: 'all',
  analysis_runs: 'newest',
};

/** A CREATE TABLE statement without its REFERENCES clauses and FOREIGN KEY constraints. */
export function withoutForeignKeys(sql: string): string {
  const action = String.raw`(?:\s+ON\s+(?:DELETE|UPDATE)\s+(?:CASCADE|SET\s+NULL|SET\s+DEFAULT|RESTRICT|NO\s+ACTION))*`;
  const references = String.raw`\s+REFERENCES\s+"?\w+"?\s*\([^)]*\)` + action;
  return sql
    .replace(new RegExp(String.raw`,\s*FOREIGN\s+KEY\s*\([^)]*\)` + references, 'gi'), '')
    .replace(new RegExp(references, 'gi'), '');
}

/** Shadows the tables in TEMP; afterwards writes to them touch only this connection's memory. */
export function shadowTablesForDryRun(db: Database, tables: readonly string[]): void {
  db.pragma('temp_store = MEMORY');
  const sqlOf = db.prepare("SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?").pluck();
  for (const table of tables) {
    const sql = sqlOf.get(table) as string | undefined;
    if (!sql) throw new Error(`dry run: the library has no table ${table}`);
    // "CREATE TABLE name (...)" → "CREATE TEMP TABLE name (...)": same columns, keys and checks,
    // without the foreign keys (a TEMP table's parents would have to be TEMP tables too).
    db.exec(withoutForeignKeys(sql).replace(/^CREATE TABLE/i, 'CREATE TEMP TABLE'));
    const copy = COPY[table];
    if (copy === 'all') db.exec(`INSERT INTO temp.${table} SELECT * FROM main.${table}`);
    if (copy === 'newest')
      db.exec(
        `INSERT INTO temp.${table} SELECT * FROM main.${table} WHERE rowid = (SELECT max(rowid) FROM main.${table})`,
      );
  }
}
