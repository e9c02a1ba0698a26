/**
 * Statements prepared once per connection, for the Store and its search alike: a search runs up
 * to eight, and preparing costs about as much as running the small ones. The SQL of a search
 * varies only with its filters and the page's size, so the set stays small; past 500 it starts
 * again rather than grow.
 */
import type { Database as Db, Statement } from 'better-sqlite3';

const byConnection = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let cache = byConnection.get(db);
  if (!cache) byConnection.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) {
    if (cache.size >= 500) cache.clear();
    cache.set(sql, (s = db.prepare(sql)));
  }
  return s;
}
