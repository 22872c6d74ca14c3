import type Database from 'better-sqlite3';
import { CATALOG_MIGRATIONS } from './catalog.js';
import { TRAFFIC_MIGRATIONS } from './traffic.js';

/**
 * One schema step. Versions are unique, increasing integers; a shipped
 * migration is never edited, a later one changes the schema instead.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Every migration in version order. Each domain adds its own file here. */
export const MIGRATIONS: readonly Migration[] = [...TRAFFIC_MIGRATIONS, ...CATALOG_MIGRATIONS];
