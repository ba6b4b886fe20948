import Database from 'better-sqlite3';

export class DatabaseTooNewError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `${file} was written by a newer version of switchboard-sync (schema ${found}; this version knows up to ${known}). ` +
        'Update switchboard-sync to open it. Nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Opens a SQLite file and brings its schema up to date. Each migration is a list of statements applied
 * with its version in one transaction; the version lives in `PRAGMA user_version` so an older build sees,
 * before touching anything, that the file is from a newer one. Migrations are append-only.
 */
export function openMigratedDatabase(file: string, migrations: readonly (readonly string[])[]): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // Another process (the CLI next to a running server) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > migrations.length) throw new DatabaseTooNewError(file, current, migrations.length);
    migrations.slice(current).forEach((statements, index) => {
      db.transaction(() => {
        for (const statement of statements) db.exec(statement);
        db.pragma(`user_version = ${current + index + 1}`);
      })();
    });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
