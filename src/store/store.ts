/**
 * The store: the only place that speaks SQL. A SQLite file (WAL, foreign keys on), migrated on
 * open. Every write runs inside a transaction, so a command killed midway leaves either the old
 * or the new state, never half of one.
 *
 * This class is the facade the rest of the program uses; the SQL lives in one module per concern
 * beside it — papers.ts, announcements.ts, published-days.ts, summaries.ts, code-links.ts,
 * search.ts (and search-page.ts), reader.ts, runs.ts — each a set of functions over the shared
 * connection (context.ts). The connection itself is not public.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type { Database as Db } from 'better-sqlite3';
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
import { StoreError, errorMessage } from '../errors.js';
import { createContext, type StoreContext } from './context.js';
import { MIGRATIONS } from './migrations.js';
import type { SearchBudget, SearchFilters, SearchHit, SearchPage } from './search-page.js';
import type {
  DayImportCounts,
  DayRow,
  DaySummary,
  MissingPaper,
  ReaderMark,
  RunRecord,
  SummaryKey,
  WriteCounts,
} from './shared.js';
import * as announcementsSql from './announcements.js';
import * as code_linksSql from './code-links.js';
import * as papersSql from './papers.js';
import * as published_daysSql from './published-days.js';
import * as readerSql from './reader.js';
import * as runsSql from './runs.js';
import * as searchSql from './search.js';
import * as summariesSql from './summaries.js';

export type { SearchBudget, SearchFilters, SearchHit, SearchPage } from './search-page.js';
export { SearchInterrupted, checkBudget } from './search-page.js';
export * from './shared.js';
export { leadOrder } from './announcements.js';

// Loaded with require, not import: see the note in cli/main.ts on start-up cost.
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

export interface OpenStoreOptions {
  /** Clock for created/updated stamps; injected so tests are deterministic. */
  now?: () => Date;
  readonly?: boolean;
  /** Where a slow migration says what it is doing (the CLI passes stderr). */
  log?: (line: string) => void;
}

export class Store {
  private readonly c: StoreContext;

  constructor(
    readonly path: string,
    options: OpenStoreOptions = {},
  ) {
    const clock = options.now ?? (() => new Date());
    let db: Db;
    try {
      if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
      db.pragma('busy_timeout = 5000');
      if (!options.readonly) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    } catch (e) {
      throw new StoreError(`cannot open the store ${path}: ${errorMessage(e)}`, { cause: e });
    }
    this.c = createContext(db, path, () => clock().toISOString());
    if (!options.readonly) this.migrate(options.log ?? (() => {}));
  }

  /**
   * The SQLite connection itself, for benchmarks and tests that measure, bulk-load or check the
   * file below the store's methods. The program never uses it: all its SQL is in this folder.
   */
  rawDatabase(): Db {
    return this.c.db;
  }

  close(): void {
    this.c.db.close();
  }

  get schemaVersion(): number {
    return this.c.db.pragma('user_version', { simple: true }) as number;
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
        this.c.db
          .transaction(() => {
            this.c.db.exec(m.sql);
            this.c.db.pragma(`user_version = ${m.version}`);
          })
          .immediate();
      } catch (e) {
        throw new StoreError(`migration ${m.version} (${m.name}) failed on ${this.path}: ${errorMessage(e)}`, {
          cause: e,
        });
      }
    }
    // A rebuild went through the WAL; give the space back now rather than at some later checkpoint.
    if (rebuilt) this.c.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Runs fn in one IMMEDIATE transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    if (this.c.db.inTransaction) return fn();
    return this.c.db.transaction(fn).immediate();
  }

  getPaper(id: string): Paper | null {
    return papersSql.getPaper(this.c, id);
  }

  /**
   * Inserts or merges papers. Unknown fields (undefined) keep what is stored; metadata of an
   * older version never overwrites a newer one; a partial category list never replaces a full one.
   * Published days keep showing what they showed (their day entries are rebased on the new row).
   */
  upsertPapers(papers: readonly PaperInput[], source: string): WriteCounts {
    return papersSql.upsertPapers(this.c, papers, source);
  }

  /**
   * Stores a published day read from its files, in one transaction: its papers (the row holds
   * the newest day's metadata; this day's differences are kept in its day entries), its
   * announcements, summaries, code links and which digests it published. A richer file of the
   * same day (enhanced JSONL > raw JSONL > Markdown) is never overwritten by a poorer one.
   * Importing the same day again changes nothing.
   */
  importDay(day: PublishedDay): DayImportCounts {
    return published_daysSql.importDay(this.c, day);
  }

  /**
   * A published day's digest in a language: present when the day was read from its files. Its
   * category order is the one its Markdown had (null when only its JSONL was read).
   */
  getDayDigest(date: string, language: string): { categoryOrder: string[] | null } | null {
    return published_daysSql.getDayDigest(this.c, date, language);
  }

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
    return announcementsSql.addAnnouncements(this.c, date, entries, source, opts);
  }

  /** The day's announcements in stored order, each with its paper. */
  getDay(date: string): DayRow[] {
    return announcementsSql.getDay(this.c, date);
  }

  /**
   * Every day with its paper count, newest first. Counting groups over all announcements costs
   * hundreds of milliseconds on a large history, and the web app asks on every page, so the
   * answer is kept until the database changes — in this connection (total_changes) or in
   * another process such as a `run` (data_version).
   */
  listDays(): readonly Readonly<DaySummary>[] {
    return announcementsSql.listDays(this.c);
  }

  /**
   * Changes whenever the database changes, through this connection (total_changes) or another
   * process (data_version): the key of anything computed from the store and kept.
   */
  version(): string {
    return announcementsSql.dataVersion(this.c);
  }

  /** Announcement dates of each paper, newest first. */
  announcementDates(paperIds: readonly string[]): Map<string, string[]> {
    return announcementsSql.announcementDates(this.c, paperIds);
  }

  upsertSummaries(summaries: readonly SummaryInput[]): WriteCounts {
    return summariesSql.upsertSummaries(this.c, summaries);
  }

  /** Our summary (not one read from a published day) stored under this key, or null. */
  getSummary(key: SummaryKey): StoredSummary | null {
    return summariesSql.getSummary(this.c, key);
  }

  /**
   * Claims the key for `holder` until now + ttlMs, atomically: when nobody holds it, its claim
   * has expired, `holder` holds it already, or it is held by `replacing` (a holder found dead).
   * Returns who holds it afterwards.
   */
  claimSummary(key: SummaryKey, holder: string, ttlMs: number, replacing: string | null = null): string {
    return summariesSql.claimSummary(this.c, key, holder, ttlMs, replacing);
  }

  /** Who holds the key's claim (null: nobody, or it expired). */
  summaryClaim(key: SummaryKey): string | null {
    return summariesSql.summaryClaim(this.c, key);
  }

  /** Keeps every claim of `holder` for another ttlMs. */
  renewSummaryClaims(holder: string, ttlMs: number): void {
    return summariesSql.renewSummaryClaims(this.c, holder, ttlMs);
  }

  releaseSummary(key: SummaryKey, holder: string): void {
    return summariesSql.releaseSummary(this.c, key, holder);
  }

  /** Every summary of the day's papers in one language (all statuses, all summarizers). */
  getDaySummaries(date: string, language: string): StoredSummary[] {
    return summariesSql.getDaySummaries(this.c, date, language);
  }

  /** For each of the day's papers, the other languages it has ok summaries in. */
  getDayOtherLanguages(date: string, language: string): Map<string, string[]> {
    return summariesSql.getDayOtherLanguages(this.c, date, language);
  }

  getSummaries(paperId: string): StoredSummary[] {
    return summariesSql.getSummaries(this.c, paperId);
  }

  /** Stores code links; `keep`: a link already stored keeps its stars (an older day's file). */
  upsertCodeLinks(links: readonly CodeLink[], source: string, opts: { keep?: boolean } = {}): WriteCounts {
    return code_linksSql.upsertCodeLinks(this.c, links, source, opts);
  }

  getDayCodeLinks(date: string): Map<string, CodeLink> {
    return code_linksSql.getDayCodeLinks(this.c, date);
  }

  /**
   * FTS5 query (already translated by search/query.ts), ranked by bm25 with title and authors
   * weighted above abstract and summaries. Throws UsageError on FTS syntax errors (searchError).
   */
  search(ftsQuery: string, limit: number): SearchHit[] {
    return searchSql.search(this.c, ftsQuery, limit);
  }

  /** Stored version of each paper (null when unknown); papers not stored are absent. */
  paperVersions(ids: readonly string[]): Map<string, number | null> {
    return papersSql.paperVersions(this.c, ids);
  }

  /** How many of these announcements are not stored yet for the date. */
  countUnstoredAnnouncements(date: string, entries: readonly AnnouncementInput[]): number {
    return announcementsSql.countUnstoredAnnouncements(this.c, date, entries);
  }

  /** Number of announcements stored for a date. */
  countAnnouncements(date: string): number {
    return announcementsSql.countAnnouncements(this.c, date);
  }

  /** Papers whose metadata is still missing, oldest first. */
  listMissing(): MissingPaper[] {
    return announcementsSql.listMissing(this.c);
  }

  /** Records papers whose metadata did not arrive (again: attempts grow). */
  queueMissing(papers: readonly Omit<MissingPaper, 'attempts'>[]): void {
    return announcementsSql.queueMissing(this.c, papers);
  }

  /** Forgets queue rows of papers whose metadata has now been stored. */
  resolveMissing(ids: readonly string[]): number {
    return announcementsSql.resolveMissing(this.c, ids);
  }

  getState<T>(key: string): T | null {
    return readerSql.getState(this.c, key);
  }

  setState(key: string, value: unknown): void {
    return readerSql.setState(this.c, key, value);
  }

  deleteState(key: string): void {
    return readerSql.deleteState(this.c, key);
  }

  getDelivery(
    date: string,
    channel: string,
    target: string,
  ): { status: 'sent' | 'failed'; error: string | null; attempts: number } | null {
    return runsSql.getDelivery(this.c, date, channel, target);
  }

  /** The deliveries of a day, for its record. */
  listDeliveries(
    date: string,
  ): { channel: string; target: string; status: 'sent' | 'failed'; attempts: number; updatedAt: string }[] {
    return runsSql.listDeliveries(this.c, date);
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
    return runsSql.restoreDeliveries(this.c, date, rows);
  }

  recordDelivery(
    date: string,
    channel: string,
    target: string,
    status: 'sent' | 'failed',
    error: string | null = null,
  ): void {
    return runsSql.recordDelivery(this.c, date, channel, target, status, error);
  }

  getMarks(ids: readonly string[]): Map<string, ReaderMark> {
    return readerSql.getMarks(this.c, ids);
  }

  /** Sets the favorite flag and/or the rating of a paper; false when the paper is unknown. */
  setMark(id: string, change: Partial<ReaderMark>): boolean {
    return readerSql.setMark(this.c, id, change);
  }

  /**
   * Marks from the reader's exported state: each one newer than the store's (or absent there)
   * is taken with its time; marks of papers not stored are left out (counted unchanged).
   */
  mergeMarks(marks: readonly { id: string; favorite: boolean; rating: -1 | 0 | 1; updatedAt: string }[]): WriteCounts {
    return readerSql.mergeMarks(this.c, marks);
  }

  /** Every mark with its time, for the reader's exported state. */
  exportMarks(): { id: string; favorite: boolean; rating: -1 | 0 | 1; updatedAt: string }[] {
    return readerSql.exportMarks(this.c);
  }

  /** Every paper the reader marked (favorite or rating), for ranking to learn from. */
  listMarks(): Map<string, ReaderMark> {
    return readerSql.listMarks(this.c);
  }

  /** Papers by id, in no particular order; ids not stored are absent. */
  getPapers(ids: readonly string[]): Paper[] {
    return papersSql.getPapers(this.c, ids);
  }

  /** The newest papers (by store order), e.g. background for training the ranking model. */
  recentPapers(limit: number, before?: string): Paper[] {
    return papersSql.recentPapers(this.c, limit, before);
  }

  getEmbeddings(keys: readonly string[], model: string): Map<string, Float32Array> {
    return readerSql.getEmbeddings(this.c, keys, model);
  }

  putEmbeddings(entries: readonly { key: string; vector: Float32Array }[], model: string): void {
    return readerSql.putEmbeddings(this.c, entries, model);
  }

  /** Favorite papers, most recently marked first. */
  listFavorites(limit = 1000): Paper[] {
    return readerSql.listFavorites(this.c, limit);
  }

  /** Announcements of one paper: every day and listing it appeared in. */
  getAnnouncements(id: string): { date: string; category: string; kind: AnnouncementKind; version: number | null }[] {
    return announcementsSql.getAnnouncements(this.c, id);
  }

  getCodeLinks(id: string): CodeLink[] {
    return code_linksSql.getCodeLinks(this.c, id);
  }

  /**
   * Full-text search with filters, one page at a time: see search-page.ts. With a budget, throws
   * SearchInterrupted when it runs out (or is cancelled) while a statement walks its matches. A
   * prefix* too short to search is a UsageError.
   */
  searchPage(q: SearchFilters, budget: SearchBudget | null = null): SearchPage {
    return searchSql.searchPage(this.c, q, budget);
  }

  /**
   * Which of these papers an FTS5 query (from search/query.ts) matches: tells a caller why a hit
   * of a larger OR query is there, with the index's own stemming rather than a guess in code.
   */
  matchingPapers(ftsQuery: string, ids: readonly string[]): Set<string> {
    return searchSql.matchingPapers(this.c, ftsQuery, ids);
  }

  startRun(command: string, args: unknown): number {
    return runsSql.startRun(this.c, command, args);
  }

  finishRun(id: number, status: 'ok' | 'failed', counts: Record<string, number>, error?: string): void {
    return runsSql.finishRun(this.c, id, status, counts, error);
  }

  listRuns(limit = 20): RunRecord[] {
    return runsSql.listRuns(this.c, limit);
  }

  /** SQLite's check of the file ("ok" when sound): quick by default, the full integrity check on request. */
  integrity(full = false): string {
    return runsSql.integrity(this.c, full);
  }

  /** Counts for `doctor` and tests. */
  stats(): { papers: number; days: number; announcements: number; summaries: number } {
    return runsSql.stats(this.c);
  }
}

export function openStore(path: string, options?: OpenStoreOptions): Store {
  return new Store(path, options);
}
