/**
 * What the store's modules work over: the connection, its prepared statements, the clock, the
 * transaction rule, and the few answers kept until the database changes.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import type { WordCounts } from './search-page.js';
import type { DaySummary } from './shared.js';
import { prepared } from './statements.js';

export interface StoreContext {
  readonly db: Db;
  readonly path: string;
  /** Now, as an ISO string, for created/updated stamps (the clock is injected in tests). */
  now(): string;
  /** A statement prepared once per connection. */
  stmt(sql: string): Statement;
  /** Runs fn in one IMMEDIATE transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T;
  /** Kept until the database changes (see announcements.version). */
  cache: {
    days: { version: string; days: readonly Readonly<DaySummary>[] } | null;
    words: { version: string; words: WordCounts };
  };
}

export function createContext(db: Db, path: string, now: () => string): StoreContext {
  return {
    db,
    path,
    now,
    stmt: (sql) => prepared(db, sql),
    transaction: <T>(fn: () => T): T => (db.inTransaction ? fn() : db.transaction(fn).immediate()),
    cache: { days: null, words: { version: '', words: new Map() } },
  };
}
