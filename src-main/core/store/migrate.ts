import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `This data folder was written by a newer version of Switchboard (schema ${found}; this version knows ` +
        `up to ${known}). Update Switchboard to open it. Nothing was changed.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function loadMigrations(migrationsFolder: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder });
}

/**
 * Applies drizzle-kit's migrations in order, each with its schema version in one transaction.
 * The version lives in `PRAGMA user_version` so that an older build can see, before touching
 * anything, that the file is from a newer one.
 */
export function migrate(db: Database.Database, migrations: readonly MigrationMeta[], target = migrations.length): number {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  for (let version = current; version < target; version++) {
    const migration = migrations[version];
    if (!migration) break;
    db.transaction(() => {
      for (const statement of migration.sql) {
        if (statement.trim() !== '') db.exec(statement);
      }
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return schemaVersion(db);
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
