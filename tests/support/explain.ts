import type Database from 'better-sqlite3';

/** The `detail` lines of EXPLAIN QUERY PLAN, which name the index or FTS table each step uses. */
export function queryPlan(db: Database.Database, sql: string, params: Record<string, unknown>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail);
}
