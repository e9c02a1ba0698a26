/** Days read from their published files: a day stored in one transaction, what each day showed of its papers, its digest. SQL over the store's connection (see store.ts, the facade). */
import type { PublishedDay } from '../core/types.js';
import { dayDiff, dayFieldsOf, paperFill, paperWrite, toPaper, withDayFields, type DayFields } from './rows.js';
import { WriteCounts, DayImportCounts, emptyCounts, addCounts } from './shared.js';
import type { StoreContext } from './context.js';
import { addAnnouncements } from './announcements.js';
import { upsertCodeLinks } from './code-links.js';
import { paperRow, writePaper } from './papers.js';
import { restoreDeliveries } from './runs.js';
import { reindex } from './search.js';
import { upsertSummaries } from './summaries.js';

/**
 * Stores a published day read from its files, in one transaction: its papers (the row holds
 * the newest day's metadata; this day's differences are kept in its day entries), its
 * announcements, summaries, code links and which digests it published. A richer file of the
 * same day (enhanced JSONL > raw JSONL > Markdown) is never overwritten by a poorer one.
 * Importing the same day again changes nothing.
 */
export function importDay(c: StoreContext, day: PublishedDay): DayImportCounts {
  const counts: DayImportCounts = {
    papers: emptyCounts(),
    announcements: emptyCounts(),
    summaries: emptyCounts(),
    codeLinks: emptyCounts(),
  };
  c.transaction(() => {
    const richest = (
      c.stmt('SELECT max(rank) AS r FROM day_entries WHERE date = ?').get(day.date) as { r: number | null }
    ).r;
    // A richer file than any read before for the day (its raw JSONL after its Markdown) orders it.
    const leads = day.exactOrder === true || Math.max(0, ...day.papers.map((p) => p.rank)) > (richest ?? 0);
    const touched: string[] = [];
    /** Papers a newer day also lists: that day's code link (stars) stays the current one. */
    const older = new Set<string>();
    for (const published of day.papers) {
      const change = importDayPaper(c, day, published, older);
      counts.papers[change]++;
      if (change !== 'unchanged') touched.push(published.paper.id);
    }
    reindex(c, touched);
    counts.announcements = addAnnouncements(c, day.date, day.announcements, day.source, { leads });
    counts.summaries = upsertSummaries(c, day.summaries);
    counts.codeLinks = addCounts(
      upsertCodeLinks(
        c,
        day.codeLinks.filter((l) => !older.has(l.paperId)),
        day.source,
      ),
      upsertCodeLinks(
        c,
        day.codeLinks.filter((l) => older.has(l.paperId)),
        day.source,
        { keep: true },
      ),
    );
    const digest = c.stmt(
      `INSERT INTO day_digests (date, language, category_order, source, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (date, language) DO UPDATE SET category_order = excluded.category_order, updated_at = excluded.updated_at
       WHERE excluded.category_order IS NOT NULL AND excluded.category_order IS NOT category_order`,
    );
    for (const d of day.digests) {
      const order = d.categoryOrder ? JSON.stringify(d.categoryOrder) : null;
      digest.run(day.date, d.language, order, day.source, c.now());
    }
    if (day.deliveries?.length) restoreDeliveries(c, day.date, day.deliveries);
  });
  return counts;
}

/**
 * One paper of a published day: its row (the newest day's metadata; an older day only fills
 * what the row lacks) and the day's entry (what the day showed, as its difference from the row,
 * and its code link). A day's richer file is never overwritten by a poorer one.
 */
export function importDayPaper(
  c: StoreContext,
  day: PublishedDay,
  { paper: p, rank, code }: PublishedDay['papers'][number],
  older: Set<string>,
): keyof WriteCounts {
  const entryOf = c.stmt('SELECT rank, fields, code FROM day_entries WHERE date = ? AND paper_id = ?');
  const entry = entryOf.get(day.date, p.id) as { rank: number; fields: string | null; code: string | null } | undefined;
  if (entry && entry.rank > rank) return 'unchanged';
  const old = paperRow(c, p.id);
  const newer = (
    c.stmt('SELECT max(date) AS d FROM announcements WHERE paper_id = ? AND date <> ?').get(p.id, day.date) as {
      d: string | null;
    }
  ).d;
  if (newer !== null && day.date < newer) older.add(p.id);
  const row = old && older.has(p.id) ? paperFill(old, p) : paperWrite(old, p);
  let change = writePaper(c, old, row, day.source);
  // What the day shows now (its entry was rebased on the new row), with this file's fields laid
  // over; a Markdown's category list is its primary only, so it changes only that.
  const current = entryOf.get(day.date, p.id) as { fields: string | null } | undefined;
  const canonical = toPaper(row);
  const shown = withDayFields(canonical, current?.fields ? (JSON.parse(current.fields) as DayFields) : null);
  const incoming = dayFieldsOf(p);
  if (p.categoriesPartial && incoming.categories?.[0] === shown.categories[0]) delete incoming.categories;
  const fields = dayDiff({ ...shown, ...incoming }, canonical);
  const fieldsText = fields ? JSON.stringify(fields) : null;
  const codeText = code === undefined ? (entry?.code ?? null) : JSON.stringify(code);
  if (!entry || entry.rank !== rank || entry.fields !== fieldsText || entry.code !== codeText) {
    c.stmt(
      `INSERT INTO day_entries (date, paper_id, rank, fields, code) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (date, paper_id) DO UPDATE SET rank = excluded.rank, fields = excluded.fields, code = excluded.code`,
    ).run(day.date, p.id, rank, fieldsText, codeText);
    if (entry && change === 'unchanged') change = 'updated';
  }
  return change;
}

/**
 * A published day's digest in a language: present when the day was read from its files. Its
 * category order is the one its Markdown had (null when only its JSONL was read).
 */
export function getDayDigest(
  c: StoreContext,
  date: string,
  language: string,
): { categoryOrder: string[] | null } | null {
  const rows = c.stmt('SELECT language, category_order FROM day_digests WHERE date = ?').all(date) as {
    language: string;
    category_order: string | null;
  }[];
  const mine = rows.find((r) => r.language === language);
  if (!mine) return null;
  // The Markdown names no language: its order serves the day in every language.
  const order = mine.category_order ?? rows.find((r) => r.category_order)?.category_order ?? null;
  return { categoryOrder: order ? (JSON.parse(order) as string[]) : null };
}

/** The metadata a published day showed where it differs from the papers' rows. */
export function dayFields(c: StoreContext, date: string): Map<string, DayFields> {
  const rows = c.stmt('SELECT paper_id, fields FROM day_entries WHERE date = ? AND fields IS NOT NULL').all(date) as {
    paper_id: string;
    fields: string;
  }[];
  return new Map(rows.map((r) => [r.paper_id, JSON.parse(r.fields) as DayFields]));
}
