/** The full-text index: rows rebuilt for touched papers, and searches over it. SQL over the store's connection (see store.ts, the facade). */
import { spaceCjk, unspaceCjk } from '../core/cjk.js';
import {
  checkPrefixes,
  searchError,
  searchPage as pageOfHits,
  type SearchBudget,
  type SearchFilters,
  type SearchHit,
  type SearchPage,
} from './search-page.js';
import { type PaperRow } from './rows.js';
import { chunks } from './shared.js';
import type { StoreContext } from './context.js';
import { dataVersion } from './announcements.js';

/** Rebuilds the full-text rows of these papers (title, authors, abstract, ok summaries). */
export function reindex(c: StoreContext, paperIds: readonly string[]): void {
  if (paperIds.length === 0) return;
  const paper = c.stmt('SELECT n, title, authors, abstract FROM papers WHERE id = ?');
  const summaries = c.stmt(
    "SELECT tldr, motivation, method, result, conclusion FROM summaries WHERE paper_id = ? AND status = 'ok'",
  );
  const del = c.stmt('DELETE FROM search_index WHERE rowid = ?');
  const ins = c.stmt('INSERT INTO search_index (rowid, title, authors, abstract, summaries) VALUES (?, ?, ?, ?, ?)');
  for (const id of paperIds) {
    const p = paper.get(id) as { n: number; title: string; authors: string; abstract: string } | undefined;
    if (!p) continue;
    // The same text published on several days (the reference's repeated days) is indexed once.
    const texts = new Set((summaries.all(id) as Record<string, string>[]).map((s) => Object.values(s).join('\n')));
    const text = [...texts].join('\n');
    del.run(p.n);
    ins.run(
      p.n,
      spaceCjk(p.title),
      (JSON.parse(p.authors) as string[]).join(', '),
      spaceCjk(p.abstract),
      spaceCjk(text),
    );
  }
}

/**
 * FTS5 query (already translated by search/query.ts), ranked by bm25 with title and authors
 * weighted above abstract and summaries. Throws UsageError on FTS syntax errors (searchError).
 */
export function search(c: StoreContext, ftsQuery: string, limit: number): SearchHit[] {
  let rows: (PaperRow & { score: number; snip: string; last_date: string | null })[];
  try {
    rows = c
      .stmt(
        `
      SELECT p.*, bm25(search_index, 8.0, 6.0, 2.0, 1.0) AS score,
        snippet(search_index, -1, char(2), char(3), '…', 16) AS snip,
        (SELECT max(date) FROM announcements a WHERE a.paper_id = p.id) AS last_date
      FROM search_index JOIN papers p ON p.n = search_index.rowid
      WHERE search_index MATCH ? ORDER BY score LIMIT ?`,
      )
      .all(ftsQuery, limit) as typeof rows;
  } catch (e) {
    throw searchError(e);
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    authors: JSON.parse(r.authors) as string[],
    categories: JSON.parse(r.categories) as string[],
    date: r.last_date,
    score: -r.score,
    snippet: unspaceCjk(r.snip).replace(/\s+/g, ' ').trim(),
  }));
}

/**
 * Full-text search with filters, one page at a time: see search-page.ts. With a budget, throws
 * SearchInterrupted when it runs out (or is cancelled) while a statement walks its matches. A
 * prefix* too short to search is a UsageError.
 */
export function searchPage(c: StoreContext, q: SearchFilters, budget: SearchBudget | null = null): SearchPage {
  if (q.fts) checkPrefixes(c.db, q.fts);
  const version = dataVersion(c);
  if (c.cache.words.version !== version) c.cache.words = { version, words: new Map() };
  return pageOfHits(c.db, q, undefined, c.cache.words.words, budget);
}

/**
 * Which of these papers an FTS5 query (from search/query.ts) matches: tells a caller why a hit
 * of a larger OR query is there, with the index's own stemming rather than a guess in code.
 */
export function matchingPapers(c: StoreContext, ftsQuery: string, ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  try {
    for (const part of chunks(ids)) {
      const rows = c.db
        .prepare(
          `SELECT p.id FROM search_index JOIN papers p ON p.n = search_index.rowid
           WHERE search_index MATCH ? AND p.id IN (${part.map(() => '?').join(',')})`,
        )
        .all(ftsQuery, ...part) as { id: string }[];
      for (const r of rows) out.add(r.id);
    }
  } catch (e) {
    throw searchError(e);
  }
  return out;
}
