/** Papers: their rows (the newest metadata), merges of incoming metadata, lookups. SQL over the store's connection (see store.ts, the facade). */
import type { Paper, PaperInput } from '../core/types.js';
import {
  PAPER_COLUMNS,
  PAPER_FIELDS,
  dayDiff,
  paperWrite,
  sameFields,
  toPaper,
  withDayFields,
  type DayFields,
  type PaperFields,
  type PaperRow,
} from './rows.js';
import { WriteCounts, emptyCounts, chunks } from './shared.js';
import type { StoreContext } from './context.js';
import { reindex } from './search.js';

export function getPaper(c: StoreContext, id: string): Paper | null {
  const row = c.stmt('SELECT * FROM papers WHERE id = ?').get(id) as PaperRow | undefined;
  return row ? toPaper(row) : null;
}

/**
 * Inserts or merges papers. Unknown fields (undefined) keep what is stored; metadata of an
 * older version never overwrites a newer one; a partial category list never replaces a full one.
 * Published days keep showing what they showed (their day entries are rebased on the new row).
 */
export function upsertPapers(c: StoreContext, papers: readonly PaperInput[], source: string): WriteCounts {
  const counts = emptyCounts();
  c.transaction(() => {
    const touched: string[] = [];
    for (const p of papers) {
      const old = paperRow(c, p.id);
      const change = writePaper(c, old, paperWrite(old, p), source);
      counts[change]++;
      if (change !== 'unchanged') touched.push(p.id);
    }
    reindex(c, touched);
  });
  return counts;
}

export function paperRow(c: StoreContext, id: string): PaperRow | undefined {
  return c.stmt('SELECT * FROM papers WHERE id = ?').get(id) as PaperRow | undefined;
}

/** Writes a paper's row if it changed; the day entries of published days follow the change. */
export function writePaper(
  c: StoreContext,
  old: PaperRow | undefined,
  row: PaperFields,
  source: string,
): keyof WriteCounts {
  const now = c.now();
  if (!old) {
    c.stmt(
      `INSERT INTO papers (${PAPER_FIELDS.join(', ')}, source, created_at, updated_at)
       VALUES (${PAPER_FIELDS.map((c) => `@${c}`).join(', ')}, @source, @now, @now)`,
    ).run({ ...row, source, now });
    return 'inserted';
  }
  if (sameFields(old, row, PAPER_FIELDS)) return 'unchanged';
  c.stmt(
    `UPDATE papers SET ${PAPER_FIELDS.map((c) => `${c} = @${c}`).join(', ')}, source = @source, updated_at = @now
     WHERE id = @id`,
  ).run({ ...row, source, now });
  rebaseDayEntries(c, old, row);
  return 'updated';
}

/**
 * A paper's row changed: each published day that showed it keeps showing what it showed, now
 * stored as its difference from the new row.
 */
export function rebaseDayEntries(c: StoreContext, old: PaperFields, row: PaperFields): void {
  const entries = c.stmt('SELECT date, fields FROM day_entries WHERE paper_id = ?').all(old.id) as {
    date: string;
    fields: string | null;
  }[];
  if (!entries.length) return;
  const before = toPaper(old);
  const after = toPaper(row);
  const update = c.stmt('UPDATE day_entries SET fields = ? WHERE date = ? AND paper_id = ?');
  for (const e of entries) {
    const shown = withDayFields(before, e.fields ? (JSON.parse(e.fields) as DayFields) : null);
    const fields = dayDiff(shown, after);
    const text = fields ? JSON.stringify(fields) : null;
    if (text !== e.fields) update.run(text, e.date, old.id);
  }
}

/** Papers by id, in no particular order; ids not stored are absent. */
export function getPapers(c: StoreContext, ids: readonly string[]): Paper[] {
  const out: Paper[] = [];
  for (const part of chunks(ids))
    out.push(
      ...(
        c.db
          .prepare(`SELECT ${PAPER_COLUMNS} FROM papers p WHERE p.id IN (${part.map(() => '?').join(',')})`)
          .all(...part) as PaperRow[]
      ).map(toPaper),
    );
  return out;
}

/** The newest papers (by store order), e.g. background for training the ranking model. */
export function recentPapers(c: StoreContext, limit: number, before?: string): Paper[] {
  const rows = before
    ? c
        .stmt(
          `SELECT ${PAPER_COLUMNS} FROM papers p WHERE p.n IN (SELECT n FROM paper_days WHERE date < ? ORDER BY date DESC LIMIT ?)`,
        )
        .all(before, limit)
    : c.stmt(`SELECT ${PAPER_COLUMNS} FROM papers p ORDER BY p.n DESC LIMIT ?`).all(limit);
  return (rows as PaperRow[]).map(toPaper);
}

/** Stored version of each paper (null when unknown); papers not stored are absent. */
export function paperVersions(c: StoreContext, ids: readonly string[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const part of chunks(ids)) {
    const rows = c.db
      .prepare(`SELECT id, version FROM papers WHERE id IN (${part.map(() => '?').join(',')})`)
      .all(...part) as { id: string; version: number | null }[];
    for (const r of rows) out.set(r.id, r.version);
  }
  return out;
}
