import Database from 'better-sqlite3';
import type { Logger } from '../log/logger.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type Db = Database.Database;

/**
 * Open (or create) the store database and bring its schema up to date.
 * WAL lets the dashboard read while the analysis writes; synchronous=FULL
 * means a committed minute survives a power cut, at the cost of an fsync
 * per commit, which is cheap at one commit a minute.
 */
export function openDatabase(path: string, logger: Logger, migrations: readonly Migration[] = MIGRATIONS): Db {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, logger, migrations);
  } catch (error) {
    // A damaged file fails here, not in the constructor. Closing releases the
    // file handle, so the caller can move the file aside (Windows locks open files).
    db.close();
    throw error;
  }
  return db;
}

/** Apply every migration newer than the stored `user_version`, each in its own transaction. */
export function migrate(db: Db, logger: Logger, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    const apply = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    apply();
    logger.info({ version: migration.version, name: migration.name }, 'schema migrated');
  }
}
