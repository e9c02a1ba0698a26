/** Announcements: each day's listings in order, the days, the queue of papers whose metadata is missing. SQL over the store's connection (see store.ts, the facade). */
import type { AnnouncementInput, AnnouncementKind, Paper } from '../core/types.js';
import { prepared } from './statements.js';
import { PAPER_COLUMNS, toPaper, withDayFields, type PaperRow } from './rows.js';
import { WriteCounts, DayRow, MissingPaper, DaySummary, emptyCounts, chunks } from './shared.js';
import type { StoreContext } from './context.js';
import { dayFields } from './published-days.js';

/**
 * `incoming`'s order, with the keys only `old` has placed right after the key they followed in
 * `old` (or first): a listing that knows more orders the day, and nothing stored is lost.
 */
export function leadOrder(incoming: readonly string[], old: readonly string[]): string[] {
  const lead = [...new Set(incoming)];
  const inLead = new Set(lead);
  const after = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const k of old) {
    if (!inLead.has(k)) {
      const list = after.get(anchor);
      if (list) list.push(k);
      else after.set(anchor, [k]);
    }
    anchor = k;
  }
  if (!after.size) return lead;
  const out: string[] = [];
  const place = (k: string | null) => {
    for (const x of after.get(k) ?? []) {
      out.push(x);
      place(x);
    }
  };
  place(null);
  for (const k of lead) {
    out.push(k);
    place(k);
  }
  return out;
}

/**
 * Records a day's announcements in the order given. Rows already stored keep their place;
 * new rows are placed next to their neighbours in `entries`, so importing a subset and then
 * the whole list (or the reverse) ends in the order of the whole list, and a second list
 * with nothing in common is appended.
 */
export function addAnnouncements(
  c: StoreContext,
  date: string,
  entries: readonly AnnouncementInput[],
  source: string,
  opts: { leads?: boolean } = {},
): WriteCounts {
  const counts = emptyCounts();
  const key = (category: string, paperId: string) => `${category}\u0000${paperId}`;
  c.transaction(() => {
    const existing = c
      .stmt('SELECT category, paper_id, version, position FROM announcements WHERE date = ? ORDER BY position')
      .all(date) as { category: string; paper_id: string; version: number | null; position: number }[];
    const order = existing.map((r) => key(r.category, r.paper_id));
    const known = new Map(existing.map((r) => [key(r.category, r.paper_id), r]));
    const fresh = new Map<string, AnnouncementInput>();
    const fillVersion = c.stmt(
      'UPDATE announcements SET version = ? WHERE date = ? AND category = ? AND paper_id = ? AND version IS NULL',
    );
    // A new row goes right after its predecessor in `entries`; one without a predecessor goes
    // before the first stored row that follows it in `entries`, or at the end if none does.
    const keys = entries.map((e) => key(e.category, e.paperId));
    const nextKnown: (string | null)[] = new Array<string | null>(keys.length);
    for (let i = keys.length - 1, next: string | null = null; i >= 0; i--) {
      nextKnown[i] = next;
      if (known.has(keys[i]!)) next = keys[i]!;
    }
    let prev: string | null = null;
    entries.forEach((e, i) => {
      const k = keys[i]!;
      const old = known.get(k);
      if (old || fresh.has(k)) {
        if (old && old.version === null && e.version !== null) {
          fillVersion.run(e.version, date, e.category, e.paperId);
          old.version = e.version;
          counts.updated++;
        } else counts.unchanged++;
      } else {
        fresh.set(k, e);
        const anchor = prev ?? nextKnown[i] ?? null;
        // Appending is the common case; only a merge into a stored day needs the search.
        if (anchor === null || (prev !== null && order[order.length - 1] === prev)) order.push(k);
        else order.splice(order.indexOf(anchor) + (prev === null ? 0 : 1), 0, k);
        counts.inserted++;
      }
      prev = k;
    });
    // A richer file of the day (the raw JSONL after its Markdown) gives the day its order.
    if (opts.leads) order.splice(0, order.length, ...leadOrder(keys, order));
    if (fresh.size === 0 && !opts.leads) return;
    const now = c.now();
    const insert = c.stmt(`
      INSERT INTO announcements (date, category, paper_id, version, kind, position, source, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const move = c.stmt('UPDATE announcements SET position = ? WHERE date = ? AND category = ? AND paper_id = ?');
    order.forEach((k, position) => {
      const e = fresh.get(k);
      if (e) insert.run(date, e.category, e.paperId, e.version, e.kind, position, source, now);
      else {
        const old = known.get(k)!;
        if (old.position !== position) move.run(position, date, ...k.split('\u0000'));
      }
    });
  });
  return counts;
}

/** The day's announcements in stored order, each with its paper. */
export function getDay(c: StoreContext, date: string): DayRow[] {
  const rows = c
    .stmt(
      `
    SELECT a.category AS a_category, a.kind AS a_kind, a.version AS a_version, a.position AS a_position,
      ${PAPER_COLUMNS}
    FROM announcements a JOIN papers p ON p.id = a.paper_id
    WHERE a.date = ? ORDER BY a.position`,
    )
    .all(date) as (PaperRow & {
    a_category: string;
    a_kind: AnnouncementKind;
    a_version: number | null;
    a_position: number;
  })[];
  // A paper listed in several categories is one Paper object, as the day showed it.
  const shown = dayFields(c, date);
  const papers = new Map<string, Paper>();
  return rows.map((r) => {
    let paper = papers.get(r.id);
    if (!paper) papers.set(r.id, (paper = withDayFields(toPaper(r), shown.get(r.id) ?? null)));
    return { paper, category: r.a_category, kind: r.a_kind, version: r.a_version, position: r.a_position };
  });
}

/**
 * Every day with its paper count, newest first. Counting groups over all announcements costs
 * hundreds of milliseconds on a large history, and the web app asks on every page, so the
 * answer is kept until the database changes — in this connection (total_changes) or in
 * another process such as a `run` (data_version).
 */
export function listDays(c: StoreContext): readonly Readonly<DaySummary>[] {
  const version = dataVersion(c);
  if (c.cache.days?.version !== version) {
    const days = c
      .stmt('SELECT date, count(DISTINCT paper_id) AS papers FROM announcements GROUP BY date ORDER BY date DESC')
      .all() as DaySummary[];
    // Frozen and shared rather than copied for each caller: a page asks twice, 3,500 days each.
    c.cache.days = { version, days: Object.freeze(days.map((d) => Object.freeze(d))) };
  }
  return c.cache.days.days;
}

/**
 * Changes whenever the database changes, through this connection (total_changes) or another
 * process (data_version): the key of anything computed from the store and kept.
 */
export function dataVersion(c: StoreContext): string {
  // A prepared statement: db.pragma() prepares one on every call, and every page asks.
  const data = (c.stmt('PRAGMA data_version').get() as { data_version: number }).data_version;
  return `${data}:${totalChanges(c)}`;
}

export function totalChanges(c: StoreContext): number {
  return (c.stmt('SELECT total_changes() AS n').get() as { n: number }).n;
}

/** Announcement dates of each paper, newest first. */
export function announcementDates(c: StoreContext, paperIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ids of chunks(paperIds)) {
    const rows = c.db
      .prepare(
        `SELECT DISTINCT paper_id, date FROM announcements WHERE paper_id IN (${ids.map(() => '?').join(',')}) ORDER BY date DESC`,
      )
      .all(...ids) as { paper_id: string; date: string }[];
    for (const r of rows) out.set(r.paper_id, [...(out.get(r.paper_id) ?? []), r.date]);
  }
  return out;
}

/** How many of these announcements are not stored yet for the date. */
export function countUnstoredAnnouncements(
  c: StoreContext,
  date: string,
  entries: readonly AnnouncementInput[],
): number {
  const has = c.stmt('SELECT 1 FROM announcements WHERE date = ? AND category = ? AND paper_id = ?');
  return entries.filter((e) => !has.get(date, e.category, e.paperId)).length;
}

/** Number of announcements stored for a date. */
export function countAnnouncements(c: StoreContext, date: string): number {
  return (c.stmt('SELECT count(*) AS n FROM announcements WHERE date = ?').get(date) as { n: number }).n;
}

/** Papers whose metadata is still missing, oldest first. */
export function listMissing(c: StoreContext): MissingPaper[] {
  return (
    c.stmt('SELECT paper_id, version, date, reason, attempts FROM fetch_queue ORDER BY date, paper_id').all() as {
      paper_id: string;
      version: number | null;
      date: string;
      reason: string;
      attempts: number;
    }[]
  ).map((r) => ({ paperId: r.paper_id, version: r.version, date: r.date, reason: r.reason, attempts: r.attempts }));
}

/** Records papers whose metadata did not arrive (again: attempts grow). */
export function queueMissing(c: StoreContext, papers: readonly Omit<MissingPaper, 'attempts'>[]): void {
  const upsert = c.stmt(`
    INSERT INTO fetch_queue (paper_id, version, date, reason, attempts, created_at, updated_at)
    VALUES (?, ?, ?, ?, 1, ?, ?)
    ON CONFLICT (paper_id) DO UPDATE SET version = excluded.version, reason = excluded.reason,
      attempts = attempts + 1, updated_at = excluded.updated_at`);
  c.transaction(() => {
    const now = c.now();
    for (const p of papers) upsert.run(p.paperId, p.version, p.date, p.reason, now, now);
  });
}

/** Forgets queue rows of papers whose metadata has now been stored. */
export function resolveMissing(c: StoreContext, ids: readonly string[]): number {
  const del = c.stmt('DELETE FROM fetch_queue WHERE paper_id = ?');
  return c.transaction(() => ids.reduce((n, id) => n + del.run(id).changes, 0));
}

/** Announcements of one paper: every day and listing it appeared in. */
export function getAnnouncements(
  c: StoreContext,
  id: string,
): { date: string; category: string; kind: AnnouncementKind; version: number | null }[] {
  return c
    .stmt('SELECT date, category, kind, version FROM announcements WHERE paper_id = ? ORDER BY date DESC, category')
    .all(id) as {
    date: string;
    category: string;
    kind: AnnouncementKind;
    version: number | null;
  }[];
}
