/**
 * The store: the only module that speaks SQL. A SQLite file (WAL, foreign keys on), migrated on
 * open. Every write method runs inside a transaction, so a command killed midway leaves either
 * the old or the new state, never half of one.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type { Database as Db, Statement } from 'better-sqlite3';
import { spaceCjk, unspaceCjk } from '../core/cjk.js';
import type {
  AnnouncementInput,
  AnnouncementKind,
  CodeLink,
  Paper,
  PaperInput,
  PublishedDay,
  StoredSummary,
  SummaryInput,
} from '../core/types.js';
import { redactNullable, redactSecrets } from '../core/secrets.js';
import { StoreError, errorMessage } from '../errors.js';
import { MIGRATIONS } from './migrations.js';
import { prepared } from './statements.js';
import {
  checkPrefixes,
  searchError,
  searchPage,
  type WordCounts,
  type SearchBudget,
  type SearchFilters,
  type SearchHit,
  type SearchPage,
} from './search-page.js';

export type { SearchBudget, SearchFilters, SearchHit, SearchPage } from './search-page.js';
export { SearchInterrupted, checkBudget } from './search-page.js';
import {
  PAPER_COLUMNS,
  PAPER_FIELDS,
  SUMMARY_FIELDS_STORED,
  SUMMARY_KEY,
  dayDiff,
  dayFieldsOf,
  paperFill,
  paperWrite,
  sameFields,
  summaryWrite,
  toPaper,
  toSummary,
  withDayFields,
  type DayFields,
  type PaperFields,
  type PaperRow,
  type SummaryRow,
} from './rows.js';

// Loaded with require, not import: see the note in cli/main.ts on start-up cost.
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface DayImportCounts {
  papers: WriteCounts;
  announcements: WriteCounts;
  summaries: WriteCounts;
  codeLinks: WriteCounts;
}

export interface DayRow {
  paper: Paper;
  category: string;
  kind: AnnouncementKind;
  version: number | null;
  position: number;
}

export interface MissingPaper {
  paperId: string;
  version: number | null;
  /** Announcement date the paper belongs to. */
  date: string;
  reason: string;
  attempts: number;
}

export interface ReaderMark {
  favorite: boolean;
  rating: -1 | 0 | 1;
}

export interface DaySummary {
  date: string;
  papers: number;
}

export interface RunRecord {
  id: number;
  command: string;
  status: 'running' | 'ok' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number> | null;
  error: string | null;
}

/** Marks the start and end of a highlighted term in search snippets. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export const emptyCounts = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export const addCounts = (a: WriteCounts, b: WriteCounts): WriteCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

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

/** Chunks a list so `IN (…)` queries stay under SQLite's parameter limit. */
function* chunks<T>(items: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** What a summary is stored under: (paper, version, language, summarizer, prompt version). */
export type SummaryKey = Pick<SummaryInput, 'paperId' | 'version' | 'language' | 'summarizer' | 'promptVersion'>;

export interface OpenStoreOptions {
  /** Clock for created/updated stamps; injected so tests are deterministic. */
  now?: () => Date;
  readonly?: boolean;
  /** Where a slow migration says what it is doing (the CLI passes stderr). */
  log?: (line: string) => void;
}

export class Store {
  readonly db: Db;
  private readonly now: () => string;

  constructor(
    readonly path: string,
    options: OpenStoreOptions = {},
  ) {
    const clock = options.now ?? (() => new Date());
    this.now = () => clock().toISOString();
    try {
      if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
      this.db.pragma('busy_timeout = 5000');
      if (!options.readonly) this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
    } catch (e) {
      throw new StoreError(`cannot open the store ${path}: ${errorMessage(e)}`, { cause: e });
    }
    if (!options.readonly) this.migrate(options.log ?? (() => {}));
  }

  close(): void {
    this.db.close();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(log: (line: string) => void): void {
    const current = this.schemaVersion;
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    if (current > latest) {
      throw new StoreError(
        `the store ${this.path} has schema version ${current}, newer than this arxiv-digest knows (${latest}); upgrade arxiv-digest`,
      );
    }
    let rebuilt = false;
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      if (m.notice && current > 0) {
        log(`store: ${this.path}: ${m.notice}`);
        rebuilt = true;
      }
      try {
        this.db
          .transaction(() => {
            this.db.exec(m.sql);
            this.db.pragma(`user_version = ${m.version}`);
          })
          .immediate();
      } catch (e) {
        throw new StoreError(`migration ${m.version} (${m.name}) failed on ${this.path}: ${errorMessage(e)}`, {
          cause: e,
        });
      }
    }
    // A rebuild went through the WAL; give the space back now rather than at some later checkpoint.
    if (rebuilt) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private stmt(sql: string): Statement {
    return prepared(this.db, sql);
  }

  /** Runs fn in one IMMEDIATE transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn).immediate();
  }

  // ---------------------------------------------------------------------------------------------
  // papers

  getPaper(id: string): Paper | null {
    const row = this.stmt('SELECT * FROM papers WHERE id = ?').get(id) as PaperRow | undefined;
    return row ? toPaper(row) : null;
  }

  /**
   * Inserts or merges papers. Unknown fields (undefined) keep what is stored; metadata of an
   * older version never overwrites a newer one; a partial category list never replaces a full one.
   * Published days keep showing what they showed (their day entries are rebased on the new row).
   */
  upsertPapers(papers: readonly PaperInput[], source: string): WriteCounts {
    const counts = emptyCounts();
    this.transaction(() => {
      const touched: string[] = [];
      for (const p of papers) {
        const old = this.paperRow(p.id);
        const change = this.writePaper(old, paperWrite(old, p), source);
        counts[change]++;
        if (change !== 'unchanged') touched.push(p.id);
      }
      this.reindex(touched);
    });
    return counts;
  }

  private paperRow(id: string): PaperRow | undefined {
    return this.stmt('SELECT * FROM papers WHERE id = ?').get(id) as PaperRow | undefined;
  }

  /** Writes a paper's row if it changed; the day entries of published days follow the change. */
  private writePaper(old: PaperRow | undefined, row: PaperFields, source: string): keyof WriteCounts {
    const now = this.now();
    if (!old) {
      this.stmt(
        `INSERT INTO papers (${PAPER_FIELDS.join(', ')}, source, created_at, updated_at)
         VALUES (${PAPER_FIELDS.map((c) => `@${c}`).join(', ')}, @source, @now, @now)`,
      ).run({ ...row, source, now });
      return 'inserted';
    }
    if (sameFields(old, row, PAPER_FIELDS)) return 'unchanged';
    this.stmt(
      `UPDATE papers SET ${PAPER_FIELDS.map((c) => `${c} = @${c}`).join(', ')}, source = @source, updated_at = @now
       WHERE id = @id`,
    ).run({ ...row, source, now });
    this.rebaseDayEntries(old, row);
    return 'updated';
  }

  /**
   * A paper's row changed: each published day that showed it keeps showing what it showed, now
   * stored as its difference from the new row.
   */
  private rebaseDayEntries(old: PaperFields, row: PaperFields): void {
    const entries = this.stmt('SELECT date, fields FROM day_entries WHERE paper_id = ?').all(old.id) as {
      date: string;
      fields: string | null;
    }[];
    if (!entries.length) return;
    const before = toPaper(old);
    const after = toPaper(row);
    const update = this.stmt('UPDATE day_entries SET fields = ? WHERE date = ? AND paper_id = ?');
    for (const e of entries) {
      const shown = withDayFields(before, e.fields ? (JSON.parse(e.fields) as DayFields) : null);
      const fields = dayDiff(shown, after);
      const text = fields ? JSON.stringify(fields) : null;
      if (text !== e.fields) update.run(text, e.date, old.id);
    }
  }

  /**
   * Stores a published day read from its files, in one transaction: its papers (the row holds
   * the newest day's metadata; this day's differences are kept in its day entries), its
   * announcements, summaries, code links and which digests it published. A richer file of the
   * same day (enhanced JSONL > raw JSONL > Markdown) is never overwritten by a poorer one.
   * Importing the same day again changes nothing.
   */
  importDay(day: PublishedDay): DayImportCounts {
    const counts: DayImportCounts = {
      papers: emptyCounts(),
      announcements: emptyCounts(),
      summaries: emptyCounts(),
      codeLinks: emptyCounts(),
    };
    this.transaction(() => {
      const richest = (
        this.stmt('SELECT max(rank) AS r FROM day_entries WHERE date = ?').get(day.date) as { r: number | null }
      ).r;
      // A richer file than any read before for the day (its raw JSONL after its Markdown) orders it.
      const leads = day.exactOrder === true || Math.max(0, ...day.papers.map((p) => p.rank)) > (richest ?? 0);
      const touched: string[] = [];
      /** Papers a newer day also lists: that day's code link (stars) stays the current one. */
      const older = new Set<string>();
      for (const published of day.papers) {
        const change = this.importDayPaper(day, published, older);
        counts.papers[change]++;
        if (change !== 'unchanged') touched.push(published.paper.id);
      }
      this.reindex(touched);
      counts.announcements = this.addAnnouncements(day.date, day.announcements, day.source, { leads });
      counts.summaries = this.upsertSummaries(day.summaries);
      counts.codeLinks = addCounts(
        this.upsertCodeLinks(
          day.codeLinks.filter((l) => !older.has(l.paperId)),
          day.source,
        ),
        this.upsertCodeLinks(
          day.codeLinks.filter((l) => older.has(l.paperId)),
          day.source,
          { keep: true },
        ),
      );
      const digest = this.stmt(
        `INSERT INTO day_digests (date, language, category_order, source, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (date, language) DO UPDATE SET category_order = excluded.category_order, updated_at = excluded.updated_at
         WHERE excluded.category_order IS NOT NULL AND excluded.category_order IS NOT category_order`,
      );
      for (const d of day.digests) {
        const order = d.categoryOrder ? JSON.stringify(d.categoryOrder) : null;
        digest.run(day.date, d.language, order, day.source, this.now());
      }
      if (day.deliveries?.length) this.restoreDeliveries(day.date, day.deliveries);
    });
    return counts;
  }

  /**
   * One paper of a published day: its row (the newest day's metadata; an older day only fills
   * what the row lacks) and the day's entry (what the day showed, as its difference from the row,
   * and its code link). A day's richer file is never overwritten by a poorer one.
   */
  private importDayPaper(
    day: PublishedDay,
    { paper: p, rank, code }: PublishedDay['papers'][number],
    older: Set<string>,
  ): keyof WriteCounts {
    const entryOf = this.stmt('SELECT rank, fields, code FROM day_entries WHERE date = ? AND paper_id = ?');
    const entry = entryOf.get(day.date, p.id) as
      { rank: number; fields: string | null; code: string | null } | undefined;
    if (entry && entry.rank > rank) return 'unchanged';
    const old = this.paperRow(p.id);
    const newer = (
      this.stmt('SELECT max(date) AS d FROM announcements WHERE paper_id = ? AND date <> ?').get(p.id, day.date) as {
        d: string | null;
      }
    ).d;
    if (newer !== null && day.date < newer) older.add(p.id);
    const row = old && older.has(p.id) ? paperFill(old, p) : paperWrite(old, p);
    let change = this.writePaper(old, row, day.source);
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
      this.stmt(
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
  getDayDigest(date: string, language: string): { categoryOrder: string[] | null } | null {
    const rows = this.stmt('SELECT language, category_order FROM day_digests WHERE date = ?').all(date) as {
      language: string;
      category_order: string | null;
    }[];
    const mine = rows.find((r) => r.language === language);
    if (!mine) return null;
    // The Markdown names no language: its order serves the day in every language.
    const order = mine.category_order ?? rows.find((r) => r.category_order)?.category_order ?? null;
    return { categoryOrder: order ? (JSON.parse(order) as string[]) : null };
  }

  // ---------------------------------------------------------------------------------------------
  // announcements

  /**
   * Records a day's announcements in the order given. Rows already stored keep their place;
   * new rows are placed next to their neighbours in `entries`, so importing a subset and then
   * the whole list (or the reverse) ends in the order of the whole list, and a second list
   * with nothing in common is appended.
   */
  addAnnouncements(
    date: string,
    entries: readonly AnnouncementInput[],
    source: string,
    opts: { leads?: boolean } = {},
  ): WriteCounts {
    const counts = emptyCounts();
    const key = (category: string, paperId: string) => `${category}\u0000${paperId}`;
    this.transaction(() => {
      const existing = this.stmt(
        'SELECT category, paper_id, version, position FROM announcements WHERE date = ? ORDER BY position',
      ).all(date) as { category: string; paper_id: string; version: number | null; position: number }[];
      const order = existing.map((r) => key(r.category, r.paper_id));
      const known = new Map(existing.map((r) => [key(r.category, r.paper_id), r]));
      const fresh = new Map<string, AnnouncementInput>();
      const fillVersion = this.stmt(
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
      const now = this.now();
      const insert = this.stmt(`
        INSERT INTO announcements (date, category, paper_id, version, kind, position, source, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      const move = this.stmt('UPDATE announcements SET position = ? WHERE date = ? AND category = ? AND paper_id = ?');
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
  getDay(date: string): DayRow[] {
    const rows = this.stmt(
      `
      SELECT a.category AS a_category, a.kind AS a_kind, a.version AS a_version, a.position AS a_position,
        ${PAPER_COLUMNS}
      FROM announcements a JOIN papers p ON p.id = a.paper_id
      WHERE a.date = ? ORDER BY a.position`,
    ).all(date) as (PaperRow & {
      a_category: string;
      a_kind: AnnouncementKind;
      a_version: number | null;
      a_position: number;
    })[];
    // A paper listed in several categories is one Paper object, as the day showed it.
    const shown = this.dayFields(date);
    const papers = new Map<string, Paper>();
    return rows.map((r) => {
      let paper = papers.get(r.id);
      if (!paper) papers.set(r.id, (paper = withDayFields(toPaper(r), shown.get(r.id) ?? null)));
      return { paper, category: r.a_category, kind: r.a_kind, version: r.a_version, position: r.a_position };
    });
  }

  /** The metadata a published day showed where it differs from the papers' rows. */
  private dayFields(date: string): Map<string, DayFields> {
    const rows = this.stmt('SELECT paper_id, fields FROM day_entries WHERE date = ? AND fields IS NOT NULL').all(
      date,
    ) as { paper_id: string; fields: string }[];
    return new Map(rows.map((r) => [r.paper_id, JSON.parse(r.fields) as DayFields]));
  }

  /**
   * Every day with its paper count, newest first. Counting groups over all announcements costs
   * hundreds of milliseconds on a large history, and the web app asks on every page, so the
   * answer is kept until the database changes — in this connection (total_changes) or in
   * another process such as a `run` (data_version).
   */
  listDays(): readonly Readonly<DaySummary>[] {
    const version = this.version();
    if (this.daysCache?.version !== version) {
      const days = this.stmt(
        'SELECT date, count(DISTINCT paper_id) AS papers FROM announcements GROUP BY date ORDER BY date DESC',
      ).all() as DaySummary[];
      // Frozen and shared rather than copied for each caller: a page asks twice, 3,500 days each.
      this.daysCache = { version, days: Object.freeze(days.map((d) => Object.freeze(d))) };
    }
    return this.daysCache.days;
  }

  private daysCache: { version: string; days: readonly Readonly<DaySummary>[] } | null = null;

  /**
   * Changes whenever the database changes, through this connection (total_changes) or another
   * process (data_version): the key of anything computed from the store and kept.
   */
  version(): string {
    // A prepared statement: db.pragma() prepares one on every call, and every page asks.
    const data = (this.stmt('PRAGMA data_version').get() as { data_version: number }).data_version;
    return `${data}:${this.totalChanges()}`;
  }

  private totalChanges(): number {
    return (this.stmt('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /** Announcement dates of each paper, newest first. */
  announcementDates(paperIds: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const ids of chunks(paperIds)) {
      const rows = this.db
        .prepare(
          `SELECT DISTINCT paper_id, date FROM announcements WHERE paper_id IN (${ids.map(() => '?').join(',')}) ORDER BY date DESC`,
        )
        .all(...ids) as { paper_id: string; date: string }[];
      for (const r of rows) out.set(r.paper_id, [...(out.get(r.paper_id) ?? []), r.date]);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // summaries

  upsertSummaries(summaries: readonly SummaryInput[]): WriteCounts {
    const counts = emptyCounts();
    const select = this.stmt(
      'SELECT * FROM summaries WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ? AND day = ?',
    );
    const upsert = this.stmt(
      `INSERT INTO summaries (${SUMMARY_KEY.join(', ')}, ${SUMMARY_FIELDS_STORED.join(', ')}, created_at, updated_at)
       VALUES (${[...SUMMARY_KEY, ...SUMMARY_FIELDS_STORED].map((c) => `@${c}`).join(', ')}, @now, @now)
       ON CONFLICT (${SUMMARY_KEY.join(', ')}) DO UPDATE SET
         ${SUMMARY_FIELDS_STORED.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`,
    );
    const endClaim = this.stmt(
      'DELETE FROM summary_claims WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ?',
    );
    this.transaction(() => {
      const now = this.now();
      const touched = new Set<string>();
      for (const s of summaries) {
        const row = summaryWrite(s);
        const old = select.get(s.paperId, s.version, s.language, s.summarizer, s.promptVersion, row.day) as
          SummaryRow | undefined;
        // A summary that is done is never marked to do again: another process may have finished
        // it since this one read the day (its pending mark would erase a paid summary).
        if (old && ((old.status === 'ok' && row.status === 'pending') || sameFields(old, row, SUMMARY_FIELDS_STORED))) {
          counts.unchanged++;
          continue;
        }
        upsert.run({ ...row, now });
        // A finished summary ends its claim in the same transaction: a process waiting for the
        // paper sees it done, never released but not yet stored (it would pay for it again).
        if (row.status !== 'pending' && row.day === '')
          endClaim.run(s.paperId, s.version, s.language, s.summarizer, s.promptVersion);
        if (old) counts.updated++;
        else counts.inserted++;
        // The search index holds ok summaries only: a pending or failed row that was not ok leaves it as it is.
        if (row.status === 'ok' || old?.status === 'ok') touched.add(s.paperId);
      }
      this.reindex([...touched]);
    });
    return counts;
  }

  /** Our summary (not one read from a published day) stored under this key, or null. */
  getSummary(key: SummaryKey): StoredSummary | null {
    const row = this.stmt(
      "SELECT * FROM summaries WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ? AND day = ''",
    ).get(key.paperId, key.version, key.language, key.summarizer, key.promptVersion) as SummaryRow | undefined;
    return row ? toSummary(row) : null;
  }

  // ---------------------------------------------------------------------------------------------
  // summary claims (summarize/claims.ts)

  /**
   * Claims the key for `holder` until now + ttlMs, atomically: when nobody holds it, its claim
   * has expired, `holder` holds it already, or it is held by `replacing` (a holder found dead).
   * Returns who holds it afterwards.
   */
  claimSummary(key: SummaryKey, holder: string, ttlMs: number, replacing: string | null = null): string {
    const now = Date.now();
    const params = [key.paperId, key.version, key.language, key.summarizer, key.promptVersion] as const;
    this.stmt(
      `INSERT INTO summary_claims (paper_id, version, language, summarizer, prompt_version, holder, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (paper_id, version, language, summarizer, prompt_version) DO UPDATE
         SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE summary_claims.expires_at < ? OR summary_claims.holder = excluded.holder OR summary_claims.holder = ?`,
    ).run(...params, holder, now + ttlMs, now, replacing ?? '');
    return (
      this.stmt(
        `SELECT holder FROM summary_claims
         WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ?`,
      ).get(...params) as { holder: string }
    ).holder;
  }

  /** Who holds the key's claim (null: nobody, or it expired). */
  summaryClaim(key: SummaryKey): string | null {
    const row = this.stmt(
      `SELECT holder FROM summary_claims
       WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ? AND expires_at >= ?`,
    ).get(key.paperId, key.version, key.language, key.summarizer, key.promptVersion, Date.now()) as
      { holder: string } | undefined;
    return row?.holder ?? null;
  }

  /** Keeps every claim of `holder` for another ttlMs. */
  renewSummaryClaims(holder: string, ttlMs: number): void {
    this.stmt('UPDATE summary_claims SET expires_at = ? WHERE holder = ?').run(Date.now() + ttlMs, holder);
  }

  releaseSummary(key: SummaryKey, holder: string): void {
    this.stmt(
      `DELETE FROM summary_claims
       WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ? AND holder = ?`,
    ).run(key.paperId, key.version, key.language, key.summarizer, key.promptVersion, holder);
  }

  /** Every summary of the day's papers in one language (all statuses, all summarizers). */
  getDaySummaries(date: string, language: string): StoredSummary[] {
    return (
      this.stmt(
        `
        SELECT * FROM summaries WHERE language = ? AND paper_id IN (SELECT paper_id FROM announcements WHERE date = ?)`,
      ).all(language, date) as SummaryRow[]
    ).map(toSummary);
  }

  /** For each of the day's papers, the other languages it has ok summaries in. */
  getDayOtherLanguages(date: string, language: string): Map<string, string[]> {
    const rows = this.stmt(
      `
      SELECT DISTINCT paper_id, language FROM summaries
      WHERE status = 'ok' AND language <> ? AND paper_id IN (SELECT paper_id FROM announcements WHERE date = ?)
      ORDER BY language`,
    ).all(language, date) as { paper_id: string; language: string }[];
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.paper_id, [...(out.get(r.paper_id) ?? []), r.language]);
    return out;
  }

  getSummaries(paperId: string): StoredSummary[] {
    return (
      this.stmt('SELECT * FROM summaries WHERE paper_id = ? ORDER BY language, updated_at DESC').all(
        paperId,
      ) as SummaryRow[]
    ).map(toSummary);
  }

  // ---------------------------------------------------------------------------------------------
  // code links

  /** Stores code links; `keep`: a link already stored keeps its stars (an older day's file). */
  upsertCodeLinks(links: readonly CodeLink[], source: string, opts: { keep?: boolean } = {}): WriteCounts {
    const counts = emptyCounts();
    const select = this.stmt('SELECT stars, last_update FROM code_links WHERE paper_id = ? AND url = ?');
    const upsert = this.stmt(`
      INSERT INTO code_links (paper_id, url, stars, last_update, source, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (paper_id, url) DO UPDATE SET stars = excluded.stars, last_update = excluded.last_update,
        source = excluded.source, updated_at = excluded.updated_at`);
    this.transaction(() => {
      const now = this.now();
      for (const l of links) {
        const old = select.get(l.paperId, l.url) as { stars: number | null; last_update: string | null } | undefined;
        const stars = l.stars === undefined ? (old?.stars ?? null) : l.stars;
        const lastUpdate = l.lastUpdate === undefined ? (old?.last_update ?? null) : l.lastUpdate;
        if (old && ((old.stars === stars && old.last_update === lastUpdate) || opts.keep)) {
          counts.unchanged++;
          continue;
        }
        upsert.run(l.paperId, l.url, stars, lastUpdate, source, now);
        if (old) counts.updated++;
        else counts.inserted++;
      }
    });
    return counts;
  }

  getDayCodeLinks(date: string): Map<string, CodeLink> {
    const rows = this.stmt(
      `
      SELECT paper_id, url, stars, last_update FROM code_links
      WHERE paper_id IN (SELECT paper_id FROM announcements WHERE date = ?) ORDER BY paper_id, updated_at`,
    ).all(date) as {
      paper_id: string;
      url: string;
      stars: number | null;
      last_update: string | null;
    }[];
    const out = new Map<string, CodeLink>();
    for (const r of rows) {
      if (!out.has(r.paper_id))
        out.set(r.paper_id, { paperId: r.paper_id, url: r.url, stars: r.stars, lastUpdate: r.last_update });
    }
    // A published day shows the code link its files had (or none), not what is known since.
    const shown = this.stmt('SELECT paper_id, code FROM day_entries WHERE date = ? AND code IS NOT NULL').all(date) as {
      paper_id: string;
      code: string;
    }[];
    for (const r of shown) {
      const code = JSON.parse(r.code) as Omit<CodeLink, 'paperId'> | null;
      if (code) out.set(r.paper_id, { paperId: r.paper_id, ...code });
      else out.delete(r.paper_id);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // search

  /** Rebuilds the full-text rows of these papers (title, authors, abstract, ok summaries). */
  private reindex(paperIds: readonly string[]): void {
    if (paperIds.length === 0) return;
    const paper = this.stmt('SELECT n, title, authors, abstract FROM papers WHERE id = ?');
    const summaries = this.stmt(
      "SELECT tldr, motivation, method, result, conclusion FROM summaries WHERE paper_id = ? AND status = 'ok'",
    );
    const del = this.stmt('DELETE FROM search_index WHERE rowid = ?');
    const ins = this.stmt(
      'INSERT INTO search_index (rowid, title, authors, abstract, summaries) VALUES (?, ?, ?, ?, ?)',
    );
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
  search(ftsQuery: string, limit: number): SearchHit[] {
    let rows: (PaperRow & { score: number; snip: string; last_date: string | null })[];
    try {
      rows = this.stmt(
        `
        SELECT p.*, bm25(search_index, 8.0, 6.0, 2.0, 1.0) AS score,
          snippet(search_index, -1, char(2), char(3), '…', 16) AS snip,
          (SELECT max(date) FROM announcements a WHERE a.paper_id = p.id) AS last_date
        FROM search_index JOIN papers p ON p.n = search_index.rowid
        WHERE search_index MATCH ? ORDER BY score LIMIT ?`,
      ).all(ftsQuery, limit) as typeof rows;
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

  // ---------------------------------------------------------------------------------------------
  // fetching

  /** Stored version of each paper (null when unknown); papers not stored are absent. */
  paperVersions(ids: readonly string[]): Map<string, number | null> {
    const out = new Map<string, number | null>();
    for (const part of chunks(ids)) {
      const rows = this.db
        .prepare(`SELECT id, version FROM papers WHERE id IN (${part.map(() => '?').join(',')})`)
        .all(...part) as { id: string; version: number | null }[];
      for (const r of rows) out.set(r.id, r.version);
    }
    return out;
  }

  /** How many of these announcements are not stored yet for the date. */
  countUnstoredAnnouncements(date: string, entries: readonly AnnouncementInput[]): number {
    const has = this.stmt('SELECT 1 FROM announcements WHERE date = ? AND category = ? AND paper_id = ?');
    return entries.filter((e) => !has.get(date, e.category, e.paperId)).length;
  }

  /** Number of announcements stored for a date. */
  countAnnouncements(date: string): number {
    return (this.stmt('SELECT count(*) AS n FROM announcements WHERE date = ?').get(date) as { n: number }).n;
  }

  /** Papers whose metadata is still missing, oldest first. */
  listMissing(): MissingPaper[] {
    return (
      this.stmt('SELECT paper_id, version, date, reason, attempts FROM fetch_queue ORDER BY date, paper_id').all() as {
        paper_id: string;
        version: number | null;
        date: string;
        reason: string;
        attempts: number;
      }[]
    ).map((r) => ({ paperId: r.paper_id, version: r.version, date: r.date, reason: r.reason, attempts: r.attempts }));
  }

  /** Records papers whose metadata did not arrive (again: attempts grow). */
  queueMissing(papers: readonly Omit<MissingPaper, 'attempts'>[]): void {
    const upsert = this.stmt(`
      INSERT INTO fetch_queue (paper_id, version, date, reason, attempts, created_at, updated_at)
      VALUES (?, ?, ?, ?, 1, ?, ?)
      ON CONFLICT (paper_id) DO UPDATE SET version = excluded.version, reason = excluded.reason,
        attempts = attempts + 1, updated_at = excluded.updated_at`);
    this.transaction(() => {
      const now = this.now();
      for (const p of papers) upsert.run(p.paperId, p.version, p.date, p.reason, now, now);
    });
  }

  /** Forgets queue rows of papers whose metadata has now been stored. */
  resolveMissing(ids: readonly string[]): number {
    const del = this.stmt('DELETE FROM fetch_queue WHERE paper_id = ?');
    return this.transaction(() => ids.reduce((n, id) => n + del.run(id).changes, 0));
  }

  getState<T>(key: string): T | null {
    const row = this.stmt('SELECT value FROM state WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : null;
  }

  setState(key: string, value: unknown): void {
    this.stmt(
      'INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(key, JSON.stringify(value), this.now());
  }

  deleteState(key: string): void {
    this.stmt('DELETE FROM state WHERE key = ?').run(key);
  }

  // ---------------------------------------------------------------------------------------------
  // deliveries

  getDelivery(
    date: string,
    channel: string,
    target: string,
  ): { status: 'sent' | 'failed'; error: string | null; attempts: number } | null {
    const row = this.stmt(
      'SELECT status, error, attempts FROM deliveries WHERE date = ? AND channel = ? AND target = ?',
    ).get(date, channel, target) as { status: 'sent' | 'failed'; error: string | null; attempts: number } | undefined;
    return row ? { ...row, error: redactNullable(row.error) } : null;
  }

  /** The deliveries of a day, for its record. */
  listDeliveries(
    date: string,
  ): { channel: string; target: string; status: 'sent' | 'failed'; attempts: number; updatedAt: string }[] {
    return (
      this.stmt(
        'SELECT channel, target, status, attempts, updated_at FROM deliveries WHERE date = ? ORDER BY channel, target',
      ).all(date) as {
        channel: string;
        target: string;
        status: 'sent' | 'failed';
        attempts: number;
        updated_at: string;
      }[]
    ).map((r) => ({
      channel: r.channel,
      target: r.target,
      status: r.status,
      attempts: r.attempts,
      updatedAt: r.updated_at,
    }));
  }

  /** Deliveries restored from a day record, where the store has none for the day, channel and target. */
  restoreDeliveries(
    date: string,
    rows: readonly {
      channel: string;
      target: string;
      status: 'sent' | 'failed';
      attempts: number;
      updatedAt: string;
    }[],
  ): number {
    const put = this.stmt(
      `INSERT OR IGNORE INTO deliveries (date, channel, target, status, error, attempts, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)`,
    );
    return this.transaction(() =>
      rows.reduce((n, r) => n + put.run(date, r.channel, r.target, r.status, r.attempts, r.updatedAt).changes, 0),
    );
  }

  recordDelivery(
    date: string,
    channel: string,
    target: string,
    status: 'sent' | 'failed',
    error: string | null = null,
  ): void {
    this.stmt(
      `
      INSERT INTO deliveries (date, channel, target, status, error, attempts, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)
      ON CONFLICT (date, channel, target) DO UPDATE SET status = excluded.status, error = excluded.error,
        attempts = attempts + 1, updated_at = excluded.updated_at`,
    ).run(date, channel, target, status, redactNullable(error), this.now());
  }

  // ---------------------------------------------------------------------------------------------
  // reader state (web app)

  getMarks(ids: readonly string[]): Map<string, ReaderMark> {
    const out = new Map<string, ReaderMark>();
    for (const part of chunks(ids)) {
      const rows = this.db
        .prepare(
          `SELECT paper_id, favorite, rating FROM reader_marks WHERE paper_id IN (${part.map(() => '?').join(',')})`,
        )
        .all(...part) as { paper_id: string; favorite: number; rating: number }[];
      for (const r of rows)
        out.set(r.paper_id, { favorite: r.favorite === 1, rating: r.rating as ReaderMark['rating'] });
    }
    return out;
  }

  /** Sets the favorite flag and/or the rating of a paper; false when the paper is unknown. */
  setMark(id: string, change: Partial<ReaderMark>): boolean {
    if (!this.getPaper(id)) return false;
    const old = this.getMarks([id]).get(id) ?? { favorite: false, rating: 0 };
    const next = { ...old, ...change };
    this.stmt(
      `
      INSERT INTO reader_marks (paper_id, favorite, rating, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (paper_id) DO UPDATE SET favorite = excluded.favorite, rating = excluded.rating, updated_at = excluded.updated_at`,
    ).run(id, next.favorite ? 1 : 0, next.rating, this.now());
    return true;
  }

  /**
   * Marks from the reader's exported state: each one newer than the store's (or absent there)
   * is taken with its time; marks of papers not stored are left out (counted unchanged).
   */
  mergeMarks(marks: readonly { id: string; favorite: boolean; rating: -1 | 0 | 1; updatedAt: string }[]): WriteCounts {
    const counts = emptyCounts();
    const known = this.stmt('SELECT updated_at FROM reader_marks WHERE paper_id = ?');
    const exists = this.stmt('SELECT 1 FROM papers WHERE id = ?');
    const put = this.stmt(
      `INSERT INTO reader_marks (paper_id, favorite, rating, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (paper_id) DO UPDATE SET favorite = excluded.favorite, rating = excluded.rating, updated_at = excluded.updated_at`,
    );
    this.transaction(() => {
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
  exportMarks(): { id: string; favorite: boolean; rating: -1 | 0 | 1; updatedAt: string }[] {
    return (
      this.stmt('SELECT paper_id, favorite, rating, updated_at FROM reader_marks ORDER BY paper_id').all() as {
        paper_id: string;
        favorite: number;
        rating: -1 | 0 | 1;
        updated_at: string;
      }[]
    ).map((r) => ({ id: r.paper_id, favorite: r.favorite === 1, rating: r.rating, updatedAt: r.updated_at }));
  }

  /** Every paper the reader marked (favorite or rating), for ranking to learn from. */
  listMarks(): Map<string, ReaderMark> {
    const rows = this.stmt(
      'SELECT paper_id, favorite, rating FROM reader_marks WHERE favorite = 1 OR rating != 0',
    ).all() as { paper_id: string; favorite: number; rating: ReaderMark['rating'] }[];
    return new Map(rows.map((r) => [r.paper_id, { favorite: r.favorite === 1, rating: r.rating }]));
  }

  /** Papers by id, in no particular order; ids not stored are absent. */
  getPapers(ids: readonly string[]): Paper[] {
    const out: Paper[] = [];
    for (const part of chunks(ids))
      out.push(
        ...(
          this.db
            .prepare(`SELECT ${PAPER_COLUMNS} FROM papers p WHERE p.id IN (${part.map(() => '?').join(',')})`)
            .all(...part) as PaperRow[]
        ).map(toPaper),
      );
    return out;
  }

  /** The newest papers (by store order), e.g. background for training the ranking model. */
  recentPapers(limit: number, before?: string): Paper[] {
    const rows = before
      ? this.stmt(
          `SELECT ${PAPER_COLUMNS} FROM papers p WHERE p.n IN (SELECT n FROM paper_days WHERE date < ? ORDER BY date DESC LIMIT ?)`,
        ).all(before, limit)
      : this.stmt(`SELECT ${PAPER_COLUMNS} FROM papers p ORDER BY p.n DESC LIMIT ?`).all(limit);
    return (rows as PaperRow[]).map(toPaper);
  }

  // ---------------------------------------------------------------------------------------------
  // embeddings

  getEmbeddings(keys: readonly string[], model: string): Map<string, Float32Array> {
    const out = new Map<string, Float32Array>();
    for (const part of chunks(keys)) {
      const rows = this.db
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

  putEmbeddings(entries: readonly { key: string; vector: Float32Array }[], model: string): void {
    const put = this.stmt(
      `INSERT INTO embeddings (key, model, dims, vector, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key, model) DO UPDATE SET dims = excluded.dims, vector = excluded.vector, created_at = excluded.created_at`,
    );
    const now = this.now();
    this.db.transaction(() => {
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

  /** Favorite papers, most recently marked first. */
  listFavorites(limit = 1000): Paper[] {
    return (
      this.stmt(
        `SELECT ${PAPER_COLUMNS} FROM reader_marks m JOIN papers p ON p.id = m.paper_id
        WHERE m.favorite = 1 ORDER BY m.updated_at DESC LIMIT ?`,
      ).all(limit) as PaperRow[]
    ).map(toPaper);
  }

  /** Announcements of one paper: every day and listing it appeared in. */
  getAnnouncements(id: string): { date: string; category: string; kind: AnnouncementKind; version: number | null }[] {
    return this.stmt(
      'SELECT date, category, kind, version FROM announcements WHERE paper_id = ? ORDER BY date DESC, category',
    ).all(id) as {
      date: string;
      category: string;
      kind: AnnouncementKind;
      version: number | null;
    }[];
  }

  getCodeLinks(id: string): CodeLink[] {
    return (
      this.stmt('SELECT paper_id, url, stars, last_update FROM code_links WHERE paper_id = ? ORDER BY updated_at').all(
        id,
      ) as {
        paper_id: string;
        url: string;
        stars: number | null;
        last_update: string | null;
      }[]
    ).map((r) => ({ paperId: r.paper_id, url: r.url, stars: r.stars, lastUpdate: r.last_update }));
  }

  /**
   * Full-text search with filters, one page at a time: see search-page.ts. With a budget, throws
   * SearchInterrupted when it runs out (or is cancelled) while a statement walks its matches. A
   * prefix* too short to search is a UsageError.
   */
  searchPage(q: SearchFilters, budget: SearchBudget | null = null): SearchPage {
    if (q.fts) checkPrefixes(this.db, q.fts);
    const version = this.version();
    if (this.wordCounts.version !== version) this.wordCounts = { version, words: new Map() };
    return searchPage(this.db, q, undefined, this.wordCounts.words, budget);
  }

  private wordCounts: { version: string; words: WordCounts } = { version: '', words: new Map() };

  /**
   * Which of these papers an FTS5 query (from search/query.ts) matches: tells a caller why a hit
   * of a larger OR query is there, with the index's own stemming rather than a guess in code.
   */
  matchingPapers(ftsQuery: string, ids: readonly string[]): Set<string> {
    const out = new Set<string>();
    try {
      for (const part of chunks(ids)) {
        const rows = this.db
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

  // ---------------------------------------------------------------------------------------------
  // runs log

  startRun(command: string, args: unknown): number {
    const info = this.stmt("INSERT INTO runs (command, args, started_at, status) VALUES (?, ?, ?, 'running')").run(
      command,
      redactSecrets(JSON.stringify(args ?? {})),
      this.now(),
    );
    return Number(info.lastInsertRowid);
  }

  finishRun(id: number, status: 'ok' | 'failed', counts: Record<string, number>, error?: string): void {
    this.stmt('UPDATE runs SET finished_at = ?, status = ?, counts = ?, error = ? WHERE id = ?').run(
      this.now(),
      status,
      JSON.stringify(counts),
      redactNullable(error ?? null),
      id,
    );
  }

  listRuns(limit = 20): RunRecord[] {
    const rows = this.stmt('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit) as {
      id: number;
      command: string;
      status: RunRecord['status'];
      started_at: string;
      finished_at: string | null;
      counts: string | null;
      error: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      command: r.command,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : null,
      error: redactNullable(r.error),
    }));
  }

  /** Counts for `doctor` and tests. */
  stats(): { papers: number; days: number; announcements: number; summaries: number } {
    return this.stmt(
      `SELECT (SELECT count(*) FROM papers) AS papers,
      (SELECT count(DISTINCT date) FROM announcements) AS days,
      (SELECT count(*) FROM announcements) AS announcements,
      (SELECT count(*) FROM summaries) AS summaries`,
    ).get() as {
      papers: number;
      days: number;
      announcements: number;
      summaries: number;
    };
  }
}

export function openStore(path: string, options?: OpenStoreOptions): Store {
  return new Store(path, options);
}
