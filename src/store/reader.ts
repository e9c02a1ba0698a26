/** The reader's state: marks, favorites, embeddings for ranking, small kept values. SQL over the store's connection (see store.ts, the facade). */
import type { Paper } from '../core/types.js';
import { PAPER_COLUMNS, toPaper, type PaperRow } from './rows.js';
import { WriteCounts, ReaderMark, emptyCounts, chunks } from './shared.js';
import type { StoreContext } from './context.js';
import { getPaper } from './papers.js';

export function getMarks(c: StoreContext, ids: readonly string[]): Map<string, ReaderMark> {
  const out = new Map<string, ReaderMark>();
  for (const part of chunks(ids)) {
    const rows = c.db
      .prepare(
        `SELECT paper_id, favorite, rating FROM reader_marks WHERE paper_id IN (${part.map(() => '?').join(',')})`,
      )
      .all(...part) as { paper_id: string; favorite: number; rating: number }[];
    for (const r of rows) out.set(r.paper_id, { favorite: r.favorite === 1, rating: r.rating as ReaderMark['rating'] });
  }
  return out;
}

/** Sets the favorite flag and/or the rating of a paper; false when the paper is unknown. */
export function setMark(c: StoreContext, id: string, change: Partial<ReaderMark>): boolean {
  if (!getPaper(c, id)) return false;
  const old = getMarks(c, [id]).get(id) ?? { favorite: false, rating: 0 };
  const next = { ...old, ...change };
  c.stmt(
    `
    INSERT INTO reader_marks (paper_id, favorite, rating, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (paper_id) DO UPDATE SET favorite = excluded.favorite, rating = excluded.rating, updated_at = excluded.updated_at`,
  ).run(id, next.favorite ? 1 : 0, next.rating, c.now());
  return true;
}

/**
 * Marks from the reader's exported state: each one newer than the store's (or absent there)
 * is taken with its time; marks of papers not stored are left out (counted unchanged).
 */
export function mergeMarks(
  c: StoreContext,
  marks: readonly { id: string; favorite: boolean; rating: -1 | 0 | 1; updatedAt: string }[],
): WriteCounts {
  const counts = emptyCounts();
  const known = c.stmt('SELECT updated_at FROM reader_marks WHERE paper_id = ?');
  const exists = c.stmt('SELECT 1 FROM papers WHERE id = ?');
  const put = c.stmt(
    `INSERT INTO reader_marks (paper_id, favorite, rating, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (paper_id) DO UPDATE SET favorite = excluded.favorite, rating = excluded.rating, updated_at = excluded.updated_at`,
  );
  c.transaction(() => {
    for (const m of marks) {
      const old = known.get(m.id) as { updated_at: string } | undefined;
      if ((old && old.updated_at >= m.updatedAt) || !exists.get(m.id)) {
        counts.unchanged++;
        continue;
      }
      put.run(m.id, m.favorite ? 1 : 0, m.rating, m.updatedAt);
      counts[old ? 'updated' : 'inserted']++;
    }
  });
  return counts;
}

/** Every mark with its time, for the reader's exported state. */
export function exportMarks(
  c: StoreContext,
): { id: string; favorite: boolean; rating: -1 | 0 | 1; updatedAt: string }[] {
  return (
    c.stmt('SELECT paper_id, favorite, rating, updated_at FROM reader_marks ORDER BY paper_id').all() as {
      paper_id: string;
      favorite: number;
      rating: -1 | 0 | 1;
      updated_at: string;
    }[]
  ).map((r) => ({ id: r.paper_id, favorite: r.favorite === 1, rating: r.rating, updatedAt: r.updated_at }));
}

/** Every paper the reader marked (favorite or rating), for ranking to learn from. */
export function listMarks(c: StoreContext): Map<string, ReaderMark> {
  const rows = c
    .stmt('SELECT paper_id, favorite, rating FROM reader_marks WHERE favorite = 1 OR rating != 0')
    .all() as { paper_id: string; favorite: number; rating: ReaderMark['rating'] }[];
  return new Map(rows.map((r) => [r.paper_id, { favorite: r.favorite === 1, rating: r.rating }]));
}

/** Favorite papers, most recently marked first. */
export function listFavorites(c: StoreContext, limit = 1000): Paper[] {
  return (
    c
      .stmt(
        `SELECT ${PAPER_COLUMNS} FROM reader_marks m JOIN papers p ON p.id = m.paper_id
      WHERE m.favorite = 1 ORDER BY m.updated_at DESC LIMIT ?`,
      )
      .all(limit) as PaperRow[]
  ).map(toPaper);
}

export function getEmbeddings(c: StoreContext, keys: readonly string[], model: string): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const part of chunks(keys)) {
    const rows = c.db
      .prepare(`SELECT key, vector FROM embeddings WHERE model = ? AND key IN (${part.map(() => '?').join(',')})`)
      .all(model, ...part) as { key: string; vector: Buffer }[];
    for (const r of rows) {
      // Copied: the Buffer may share memory that SQLite reuses.
      const bytes = new Uint8Array(r.vector);
      out.set(r.key, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
    }
  }
  return out;
}

export function putEmbeddings(
  c: StoreContext,
  entries: readonly { key: string; vector: Float32Array }[],
  model: string,
): void {
  const put = c.stmt(
    `INSERT INTO embeddings (key, model, dims, vector, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key, model) DO UPDATE SET dims = excluded.dims, vector = excluded.vector, created_at = excluded.created_at`,
  );
  const now = c.now();
  c.db.transaction(() => {
    for (const e of entries)
      put.run(
        e.key,
        model,
        e.vector.length,
        Buffer.from(e.vector.buffer, e.vector.byteOffset, e.vector.byteLength),
        now,
      );
  })();
}

export function getState<T>(c: StoreContext, key: string): T | null {
  const row = c.stmt('SELECT value FROM state WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setState(c: StoreContext, key: string, value: unknown): void {
  c.stmt(
    'INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), c.now());
}

export function deleteState(c: StoreContext, key: string): void {
  c.stmt('DELETE FROM state WHERE key = ?').run(key);
}
