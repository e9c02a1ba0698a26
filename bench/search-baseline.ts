/**
 * The web app's search as release 0.1 ran it (one statement joining every match to its papers
 * row, category as a JSON LIKE, dates as an EXISTS per match), kept for bench/serve.ts to measure
 * the store's searchPage against in the same process.
 */
import type { Database as Db } from 'better-sqlite3';
import { PAPER_COLUMNS } from '../src/store/rows.js';
import { toHit, type HitRow } from '../src/store/search-page.js';
import type { SearchFilters, SearchHit } from '../src/store/store.js';

export function baselineSearchPage(db: Db, q: SearchFilters): { hits: SearchHit[]; more: boolean } {
  const where: string[] = [];
  const args: unknown[] = [];
  const match: string[] = [];
  if (q.fts) match.push(`(${q.fts})`);
  if (q.author) match.push(`authors:${JSON.stringify(q.author.replace(/"/g, ' '))}`);
  if (q.category) {
    where.push("p.categories LIKE ? ESCAPE '\\'");
    args.push(`%"${q.category.replace(/[%_\\]/g, (c) => `\\${c}`)}"%`);
  }
  if (q.from || q.to) {
    where.push('EXISTS (SELECT 1 FROM announcements a WHERE a.paper_id = p.id AND a.date >= ? AND a.date <= ?)');
    args.push(q.from ?? '0000-00-00', q.to ?? '9999-99-99');
  }
  const lastDate = '(SELECT max(date) FROM announcements a WHERE a.paper_id = p.id) AS last_date';
  const rows = (
    match.length
      ? db
          .prepare(
            `SELECT ${PAPER_COLUMNS}, bm25(search_index, 8.0, 6.0, 2.0, 1.0) AS score,
               snippet(search_index, -1, char(2), char(3), '…', 16) AS snip, ${lastDate}
             FROM search_index JOIN papers p ON p.n = search_index.rowid
             WHERE search_index MATCH ? ${where.map((w) => `AND ${w}`).join(' ')}
             ORDER BY score LIMIT ? OFFSET ?`,
          )
          .all(match.join(' AND '), ...args, q.limit + 1, q.offset)
      : db
          .prepare(
            `SELECT ${PAPER_COLUMNS}, NULL AS score, NULL AS snip, ${lastDate}
             FROM papers p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY last_date DESC, p.id DESC LIMIT ? OFFSET ?`,
          )
          .all(...args, q.limit + 1, q.offset)
  ) as HitRow[];
  return { hits: rows.slice(0, q.limit).map(toHit), more: rows.length > q.limit };
}
