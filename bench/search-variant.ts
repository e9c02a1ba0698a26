/**
 * `node --import tsx bench/search-variant.ts [--store PATH] [--build]`
 *
 * A bench-only copy of the search and day look-ups with the changes proposed for store.ts, and
 * the experiments that measure them against the store's own methods on the 1M store:
 *
 *   1. EXPLAIN QUERY PLAN of the current searchPage shapes and of the proposed ones
 *   2. single queries by type (common / rare word, phrase, prefix, with and without category and
 *      date filters, OFFSET paging, browsing without words), current vs proposed
 *   3. same answers: the proposed exact variant returns the current hits (ids, order, dates,
 *      snippets) for a sample of the workload; the windowed variant's overlap is reported
 *   4. service time of searchPage per workload class, current vs proposed
 *
 * The proposed migration's tables (paper_categories, paper_days) are built into a side file
 * `PATH.experiment.db`, attached as `exp`, so the bench store itself is never changed; `--build`
 * (re)builds it. bench/serve.ts --proposed patches these functions into the server's Store.
 *
 * What is proposed (details in the header of each function):
 *   A. searchPage ranks inside FTS alone (bm25 + snippet in a top-level ORDER BY … LIMIT), then
 *      reads papers and last dates for the page's rows only (no papers row per match);
 *   B. category and date filters as rowid sets from two small indexed tables (migration),
 *      applied to the FTS scan as `+rowid IN (…)` plus rowid bounds, never per-match row reads;
 *   C. optional: rank among the newest WINDOW matches when a query has more (bounds bm25 work);
 *   D. browsing without words walks an index by date instead of scanning every paper;
 *   E. listDays() cached until the database changes (PRAGMA data_version + total_changes());
 *      store.ts does this itself since commit 0e2870e, so the patch is a no-op there.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Database as Db } from 'better-sqlite3';
import { unspaceCjk } from '../src/core/cjk.js';
import { AppError, UsageError, errorMessage } from '../src/errors.js';
import { PAPER_COLUMNS, type PaperRow } from '../src/store/rows.js';
import { openStore, type DaySummary, type SearchFilters, type SearchHit, type Store } from '../src/store/store.js';
import { Corpus, DEFAULT_CORPUS } from './corpus.js';
import { DEFAULT_STORE } from './generate-store.js';
import { percentile } from './stats.js';
import { SEARCH_CLASSES, Workload, loadPools, modifiers, searchFilters, type SearchRequest } from './workload.js';

export interface VariantOptions {
  /** Rank among the newest `window` matches when there are more; null ranks every match. */
  window: number | null;
  /** Search the copy of the index built with FTS5 `prefix='3 4 5 6'` (side file, schema `pfx`). */
  prefix: boolean;
  /** Cache result pages until the database changes. */
  cache: boolean;
}

/** The variants bench/serve.ts --variant NAME runs. */
export const VARIANTS: Record<string, VariantOptions> = {
  /** A, B, D, E: the same hits as today (browsing with a date range aside, see browsePage). */
  exact: { window: null, prefix: false, cache: false },
  /** + C: rank among the newest 10,000 matches. */
  window: { window: 10_000, prefix: false, cache: false },
  /** + the FTS5 prefix index. */
  prefix: { window: 10_000, prefix: true, cache: false },
  /** + a result cache until the database changes. */
  cache: { window: 10_000, prefix: true, cache: true },
};
export const PROPOSED = VARIANTS.window!;

/** Categories with fewer papers are browsed from their own rows rather than by walking days. */
const SMALL_CATEGORY = 5_000;

// ------------------------------------------------------------------------------------------------
// the proposed migration, in a side file

/**
 * Migration 5 as proposed for migrations.ts: papers.n by category and by announcement day, kept
 * by triggers so no store method changes. `--check-migration` loads a small store through the
 * store's methods with it in place and compares the tables with a fresh backfill.
 */
export const MIGRATION_5_SQL = `
  -- papers.n of each category a paper is in and of each day it was announced: the web app's
  -- category and date filters become index ranges instead of a JSON LIKE / EXISTS per row.
  CREATE TABLE paper_categories (
    category TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (category, n)
  ) WITHOUT ROWID;
  CREATE TABLE paper_days (
    date TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (date, n)
  ) WITHOUT ROWID;
  CREATE INDEX paper_days_by_paper ON paper_days (n, date);

  INSERT OR IGNORE INTO paper_categories (category, n) SELECT j.value, p.n FROM papers p, json_each(p.categories) j;
  INSERT OR IGNORE INTO paper_days (date, n) SELECT a.date, p.n FROM announcements a JOIN papers p ON p.id = a.paper_id;

  CREATE TRIGGER paper_categories_insert AFTER INSERT ON papers BEGIN
    INSERT OR IGNORE INTO paper_categories (category, n) SELECT value, NEW.n FROM json_each(NEW.categories);
  END;
  CREATE TRIGGER paper_categories_update AFTER UPDATE OF categories ON papers BEGIN
    DELETE FROM paper_categories WHERE n = OLD.n AND category IN (SELECT value FROM json_each(OLD.categories));
    INSERT OR IGNORE INTO paper_categories (category, n) SELECT value, NEW.n FROM json_each(NEW.categories);
  END;
  CREATE TRIGGER paper_rows_delete AFTER DELETE ON papers BEGIN
    DELETE FROM paper_categories WHERE n = OLD.n AND category IN (SELECT value FROM json_each(OLD.categories));
    DELETE FROM paper_days WHERE n = OLD.n;
  END;
  CREATE TRIGGER paper_days_insert AFTER INSERT ON announcements BEGIN
    INSERT OR IGNORE INTO paper_days (date, n) SELECT NEW.date, n FROM papers WHERE id = NEW.paper_id;
  END;
  CREATE TRIGGER paper_days_delete AFTER DELETE ON announcements
  WHEN NOT EXISTS (SELECT 1 FROM announcements WHERE paper_id = OLD.paper_id AND date = OLD.date) BEGIN
    DELETE FROM paper_days WHERE date = OLD.date AND n = (SELECT n FROM papers WHERE id = OLD.paper_id);
  END;
`;

/** The tables of migration 5 without triggers, in the side file: the bench store is static. */
export const MIGRATION_5_TABLES = `
  CREATE TABLE IF NOT EXISTS exp.paper_categories (
    category TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (category, n)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS exp.paper_days (
    date TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (date, n)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS exp.paper_days_by_paper ON paper_days (n, date);
`;

export const experimentPath = (storePath: string): string => `${storePath}.experiment.db`;

export function buildExperiment(db: Db, storePath: string, log: (s: string) => void = console.log): void {
  const path = experimentPath(storePath);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  const t0 = performance.now();
  db.prepare('ATTACH DATABASE ? AS exp').run(path);
  try {
    db.exec('PRAGMA exp.journal_mode = OFF; PRAGMA exp.synchronous = OFF;');
    db.exec(MIGRATION_5_TABLES);
    db.exec(`
      INSERT OR IGNORE INTO exp.paper_categories (category, n)
        SELECT j.value, p.n FROM papers p, json_each(p.categories) j;
      INSERT OR IGNORE INTO exp.paper_days (date, n)
        SELECT a.date, p.n FROM announcements a JOIN papers p ON p.id = a.paper_id;`);
  } finally {
    db.exec('DETACH DATABASE exp');
  }
  log(`  built ${path} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export const prefixPath = (storePath: string): string => `${storePath}.prefix.db`;

/**
 * A copy of search_index with FTS5 `prefix='3 4 5 6'` in another side file (about 6 minutes and
 * 7 GiB for 1M papers), to measure what the prefix option would do.
 */
export function buildPrefix(db: Db, storePath: string, log: (s: string) => void = console.log): void {
  const path = prefixPath(storePath);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  const t0 = performance.now();
  db.prepare('ATTACH DATABASE ? AS pfx').run(path);
  try {
    db.exec('PRAGMA pfx.journal_mode = OFF; PRAGMA pfx.synchronous = OFF;');
    db.exec(`CREATE VIRTUAL TABLE pfx.search_index USING fts5(title, authors, abstract, summaries,
      tokenize = 'porter unicode61 remove_diacritics 2', prefix = '3 4 5 6')`);
    const max = (db.prepare('SELECT max(rowid) AS m FROM main.search_index').get() as { m: number | null }).m ?? 0;
    const copy = db.prepare(`INSERT INTO pfx.search_index (rowid, title, authors, abstract, summaries)
      SELECT rowid, title, authors, abstract, summaries FROM main.search_index WHERE rowid > ? AND rowid <= ?`);
    for (let lo = 0; lo < max; lo += 50_000) {
      db.transaction(() => copy.run(lo, lo + 50_000))();
      log(
        `  prefix index: ${Math.min(lo + 50_000, max)} / ${max} rows, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    }
  } finally {
    db.exec('DETACH DATABASE pfx');
  }
  log(`  built ${path} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export function attachPrefix(db: Db, storePath: string): boolean {
  if ((db.prepare('PRAGMA database_list').all() as { name: string }[]).some((d) => d.name === 'pfx')) return true;
  if (!existsSync(prefixPath(storePath))) return false;
  db.prepare('ATTACH DATABASE ? AS pfx').run(prefixPath(storePath));
  return true;
}

/** Attaches the side file (building it first when missing). */
export function attachExperiment(db: Db, storePath: string): void {
  const attached = (db.prepare('PRAGMA database_list').all() as { name: string }[]).some((d) => d.name === 'exp');
  if (attached) return;
  const path = experimentPath(storePath);
  if (!existsSync(path)) buildExperiment(db, storePath);
  db.prepare('ATTACH DATABASE ? AS exp').run(path);
}

// ------------------------------------------------------------------------------------------------
// the proposed searchPage

/** Changes whenever any connection (PRAGMA data_version) or this one (total_changes()) writes. */
function dbVersion(db: Db): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${
    (db.prepare('SELECT total_changes() AS t').get() as { t: number }).t
  }`;
}

const BM25 = 'bm25(search_index, 8.0, 6.0, 2.0, 1.0)';
const SNIPPET = "snippet(search_index, -1, char(2), char(3), '…', 16)";

const toHit = (r: PaperRow & { score: number | null; snip: string | null; last_date: string | null }): SearchHit => ({
  id: r.id,
  title: r.title,
  authors: JSON.parse(r.authors) as string[],
  categories: JSON.parse(r.categories) as string[],
  date: r.last_date,
  score: r.score === null ? 0 : -r.score,
  snippet: r.snip === null ? r.abstract.slice(0, 240) : unspaceCjk(r.snip).replace(/\s+/g, ' ').trim(),
});

/** Papers of the page by n, with their last announcement date, in the order given. */
function pageRows(db: Db, ns: readonly number[]): Map<number, PaperRow & { last_date: string | null }> {
  const rows = ns.length
    ? (db
        .prepare(
          `SELECT p.n, ${PAPER_COLUMNS}, (SELECT max(date) FROM announcements a WHERE a.paper_id = p.id) AS last_date
           FROM papers p WHERE p.n IN (${ns.map(() => '?').join(',')})`,
        )
        .all(...ns) as (PaperRow & { last_date: string | null })[])
    : [];
  return new Map(rows.map((r) => [r.n, r]));
}

interface Restriction {
  /** SQL conditions on `s.rowid` (text search) or `x.n` (browse), with named parameters. */
  sets: string[];
  params: Record<string, unknown>;
  /** Smallest and largest n any candidate can have; null when a filter has no papers at all. */
  bounds: { lo: number; hi: number } | null;
}

/**
 * Category and date filters as sets of papers.n from the indexed side tables, plus the range of
 * n they span (two index seeks each) so the FTS scan can skip the rest of every doclist.
 */
function restriction(db: Db, q: SearchFilters, col: string): Restriction {
  const sets: string[] = [];
  const params: Record<string, unknown> = {};
  let lo = -Infinity;
  let hi = Infinity;
  const narrow = (b: { lo: number | null; hi: number | null }): void => {
    lo = Math.max(lo, b.lo ?? Infinity);
    hi = Math.min(hi, b.hi ?? -Infinity);
  };
  if (q.category) {
    params.category = q.category;
    sets.push(`+${col} IN (SELECT n FROM exp.paper_categories WHERE category = @category)`);
    narrow(
      db
        .prepare(
          'SELECT (SELECT min(n) FROM exp.paper_categories WHERE category = @category) AS lo, (SELECT max(n) FROM exp.paper_categories WHERE category = @category) AS hi',
        )
        .get({ category: q.category }) as { lo: number | null; hi: number | null },
    );
  }
  if (q.from || q.to) {
    params.from = q.from ?? '0000-00-00';
    params.to = q.to ?? '9999-99-99';
    sets.push(`+${col} IN (SELECT n FROM exp.paper_days WHERE date >= @from AND date <= @to)`);
    narrow(
      db
        .prepare('SELECT min(n) AS lo, max(n) AS hi FROM exp.paper_days WHERE date >= @from AND date <= @to')
        .get({ from: params.from, to: params.to }) as { lo: number | null; hi: number | null },
    );
  }
  return { sets, params, bounds: lo > hi ? null : { lo, hi } };
}

function ftsPage(db: Db, match: string, q: SearchFilters, opts: VariantOptions): { hits: SearchHit[]; more: boolean } {
  const r = restriction(db, q, 's.rowid');
  if (!r.bounds) return { hits: [], more: false };
  const where = [`search_index MATCH @match`, ...r.sets];
  const params: Record<string, unknown> = { ...r.params, match };
  if (Number.isFinite(r.bounds.lo)) {
    where.push('s.rowid BETWEEN @lo AND @hi');
    Object.assign(params, r.bounds);
  }
  const limit = q.limit + 1;
  const fts = opts.prefix ? 'pfx.search_index' : 'main.search_index';
  // C. Only for words and prefixes without filters: finding the newest matches of a phrase (or a
  // CJK run, an author) costs a full phrase evaluation, and with a category or date set a probe
  // per match, while such queries rarely have that many matches anyway.
  if (opts.window !== null && r.sets.length === 0 && !match.includes('"') && q.offset + limit <= opts.window) {
    // The newest `window` matches: walking a doclist backwards costs no scoring.
    const floor = db
      .prepare(`SELECT s.rowid AS n FROM ${fts} s WHERE ${where.join(' AND ')} ORDER BY s.rowid DESC LIMIT 1 OFFSET @k`)
      .get({ ...params, k: opts.window - 1 }) as { n: number } | undefined;
    if (floor) {
      where.push('s.rowid >= @floor');
      params.floor = floor.n;
    }
  }
  // A. Top-level ORDER BY score LIMIT over the FTS table alone: bm25 for every candidate, the
  // snippet only for the rows kept; no papers row is read per match.
  const ranked = db
    .prepare(
      `SELECT s.rowid AS n, ${BM25} AS score, ${SNIPPET} AS snip FROM ${fts} s
       WHERE ${where.join(' AND ')} ORDER BY score LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset: q.offset }) as { n: number; score: number; snip: string }[];
  const papers = pageRows(
    db,
    ranked.map((x) => x.n),
  );
  const hits = ranked.slice(0, q.limit).flatMap((x) => {
    const p = papers.get(x.n);
    return p ? [toHit({ ...p, score: x.score, snip: x.snip })] : [];
  });
  return { hits, more: ranked.length > q.limit };
}

/**
 * D. Browsing without words, newest first: walk paper_days by date (descending, within the date
 * range), keep each paper's newest day in the range, filter by category as a set, then order the
 * day's papers by id. Small categories are read from their own rows instead. With a date range,
 * papers are ordered by their newest announcement inside it (the current query orders by the
 * newest overall; they differ only for papers announced again after `to`); the date shown is
 * still the newest overall.
 */
function browsePage(db: Db, q: SearchFilters): { hits: SearchHit[]; more: boolean } {
  const r = restriction(db, { ...q, from: null, to: null }, 'd.n');
  if (!r.bounds) return { hits: [], more: false };
  const params: Record<string, unknown> = {
    ...r.params,
    from: q.from ?? '0000-00-00',
    to: q.to ?? '9999-99-99',
    limit: q.limit + 1,
    offset: q.offset,
  };
  const small =
    q.category &&
    (
      db.prepare('SELECT count(*) AS c FROM exp.paper_categories WHERE category = ?').get(q.category) as {
        c: number;
      }
    ).c < SMALL_CATEGORY;
  const newestInRange = `NOT EXISTS (SELECT 1 FROM exp.paper_days later WHERE later.n = d.n AND later.date > d.date AND later.date <= @to)`;
  const sql = small
    ? `SELECT d.n, d.date FROM exp.paper_categories c JOIN exp.paper_days d ON d.n = c.n JOIN papers p ON p.n = d.n
       WHERE c.category = @category AND d.date >= @from AND d.date <= @to AND ${newestInRange}
       ORDER BY d.date DESC, p.id DESC LIMIT @limit OFFSET @offset`
    : `SELECT d.n, d.date FROM exp.paper_days d JOIN papers p ON p.n = d.n
       WHERE d.date >= @from AND d.date <= @to AND ${newestInRange} ${r.sets.map((s) => `AND ${s}`).join(' ')}
       ORDER BY d.date DESC, p.id DESC LIMIT @limit OFFSET @offset`;
  const rows = db.prepare(sql).all(params) as { n: number; date: string }[];
  const papers = pageRows(
    db,
    rows.map((x) => x.n),
  );
  const hits = rows.slice(0, q.limit).flatMap((x) => {
    const p = papers.get(x.n);
    return p ? [toHit({ ...p, score: null, snip: null })] : [];
  });
  return { hits, more: rows.length > q.limit };
}

/**
 * The semantics browsePage has with a date range, as a slow reference: papers with an
 * announcement in the range, newest announcement inside the range first, then id.
 */
function newestInRange(db: Db, q: SearchFilters): SearchHit[] {
  const from = q.from ?? '0000-00-00';
  const to = q.to ?? '9999-99-99';
  const rows = db
    .prepare(
      `SELECT ${PAPER_COLUMNS}, NULL AS score, NULL AS snip,
         (SELECT max(date) FROM announcements a WHERE a.paper_id = p.id) AS last_date,
         (SELECT max(date) FROM announcements a WHERE a.paper_id = p.id AND a.date >= @from AND a.date <= @to) AS in_range
       FROM papers p WHERE ${q.category ? 'p.n IN (SELECT n FROM exp.paper_categories WHERE category = @category) AND' : ''}
         p.id IN (SELECT paper_id FROM announcements WHERE date >= @from AND date <= @to)
       ORDER BY in_range DESC, p.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({
      from,
      to,
      limit: q.limit,
      offset: q.offset,
      ...(q.category ? { category: q.category } : {}),
    }) as (PaperRow & {
    score: null;
    snip: null;
    last_date: string | null;
  })[];
  return rows.map(toHit);
}

const caches = new WeakMap<Db, { version: string; pages: Map<string, { hits: SearchHit[]; more: boolean }> }>();

/** The proposed searchPage (same contract as Store.searchPage). */
export function proposedSearchPage(
  db: Db,
  q: SearchFilters,
  opts: VariantOptions = PROPOSED,
): { hits: SearchHit[]; more: boolean } {
  const match: string[] = [];
  if (q.fts) match.push(`(${q.fts})`);
  if (q.author) match.push(`authors:${JSON.stringify(q.author.replace(/"/g, ' '))}`);
  let cache: { version: string; pages: Map<string, { hits: SearchHit[]; more: boolean }> } | undefined;
  const key = JSON.stringify([q, opts.window, opts.prefix]);
  if (opts.cache) {
    const version = dbVersion(db);
    cache = caches.get(db);
    if (!cache || cache.version !== version) caches.set(db, (cache = { version, pages: new Map() }));
    const hit = cache.pages.get(key);
    if (hit) return hit;
  }
  let result: { hits: SearchHit[]; more: boolean };
  try {
    result = match.length ? ftsPage(db, match.join(' AND '), q, opts) : browsePage(db, q);
  } catch (e) {
    const msg = errorMessage(e);
    if (/fts5|syntax error|no such column|unterminated|malformed/i.test(msg)) {
      throw new UsageError(`invalid search query: ${msg.replace(/^fts5: /, '')}`, { cause: e });
    }
    throw new AppError(`search failed: ${msg}`, { cause: e });
  }
  if (cache) {
    if (cache.pages.size >= 1_000) cache.pages.delete(cache.pages.keys().next().value!);
    cache.pages.set(key, result);
  }
  return result;
}

/** E. listDays() computed once per database version (store.ts has done the same since 0e2870e). */
export function cachedListDays(store: Store): () => DaySummary[] {
  const original = store.listDays.bind(store);
  let version = '';
  let days: DaySummary[] = [];
  return () => {
    const v = dbVersion(store.db);
    if (v !== version) {
      days = original();
      version = v;
    }
    return days;
  };
}

/** Patches the proposed functions into a Store object (bench only). */
export function applyProposed(store: Store, opts: VariantOptions = PROPOSED): void {
  attachExperiment(store.db, store.path);
  if (opts.prefix && !attachPrefix(store.db, store.path))
    throw new Error(
      `no ${prefixPath(store.path)}: build it with node --import tsx bench/search-variant.ts --build-prefix`,
    );
  store.searchPage = (q) => proposedSearchPage(store.db, q, opts);
  store.listDays = cachedListDays(store);
}

// ------------------------------------------------------------------------------------------------
// experiments

const fmt = (n: number): string => (n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : n.toFixed(0));

/** Median of `runs` timed calls after one untimed call. */
function medianMs(fn: () => unknown, runs = 3): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return percentile(xs, 50);
}

function plan(db: Db, sql: string, params: Record<string, unknown> | unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `      ${'  '.repeat(d)}${r.detail}`;
    })
    .join('\n');
}

const sameHits = (a: readonly SearchHit[], b: readonly SearchHit[]): boolean =>
  JSON.stringify(a.map((h) => [h.id, h.date, h.snippet, h.score.toFixed(6)])) ===
  JSON.stringify(b.map((h) => [h.id, h.date, h.snippet, h.score.toFixed(6)]));

/** Migration 5 in a small store loaded through the store's methods: triggers = backfill. */
function checkMigration(): boolean {
  const dir = mkdtempSync(join(os.tmpdir(), 'arxiv-digest-migration-check-'));
  try {
    // A store with the migration applied, then filled through upsertPapers / addAnnouncements.
    const path = join(dir, 'store.db');
    const s0 = openStore(path);
    s0.db.exec(MIGRATION_5_SQL);
    s0.close();
    const small = { ...DEFAULT_CORPUS, papers: 3_000, days: 10 };
    const corpus = new Corpus(small);
    const store = openStore(path);
    const papers = Array.from({ length: small.papers }, (_, i) => corpus.paper(i));
    store.upsertPapers(
      papers.map((p) => p.paper),
      'bench',
    );
    for (const date of new Set(papers.map((p) => p.date)))
      store.addAnnouncements(
        date,
        papers.filter((p) => p.date === date).flatMap((p) => p.listings),
        'bench',
      );
    // Updates: new categories for 100 papers (a newer version), a second day for 50.
    store.upsertPapers(
      papers.slice(0, 100).map((p) => ({ ...p.paper, version: p.paper.version + 1, categories: ['math.GT', 'cs.LG'] })),
      'bench',
    );
    store.addAnnouncements(
      '2030-01-01',
      papers.slice(100, 150).map((p) => ({ ...p.listings[0]!, kind: 'replace' as const })),
      'bench',
    );
    const kept = (sql: string) => JSON.stringify(store.db.prepare(sql).all());
    const a = [
      kept('SELECT category, n FROM paper_categories ORDER BY category, n'),
      kept('SELECT date, n FROM paper_days ORDER BY date, n'),
    ];
    const b = [
      kept('SELECT DISTINCT j.value AS category, p.n FROM papers p, json_each(p.categories) j ORDER BY 1, 2'),
      kept('SELECT DISTINCT a.date, p.n FROM announcements a JOIN papers p ON p.id = a.paper_id ORDER BY 1, 2'),
    ];
    const updated = (
      store.db.prepare("SELECT count(*) AS c FROM paper_categories WHERE category = 'math.GT' AND n <= 100").get() as {
        c: number;
      }
    ).c;
    const replaced = (
      store.db.prepare("SELECT count(*) AS c FROM paper_days WHERE date = '2030-01-01'").get() as { c: number }
    ).c;
    store.close();
    console.log(`  updates seen by the triggers: ${updated}/100 new math.GT rows, ${replaced}/50 new days`);
    console.log(`  paper_categories kept by triggers = backfill: ${a[0] === b[0]}`);
    console.log(`  paper_days kept by triggers = backfill: ${a[1] === b[1]}`);
    return a[0] === b[0] && a[1] === b[1] && updated === 100 && replaced === 50;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--check-migration')) {
    console.log('check: proposed migration 5 on a small store filled through the store methods');
    process.exitCode = checkMigration() ? 0 : 1;
    return;
  }
  const i = args.indexOf('--store');
  const path = i >= 0 ? args[i + 1]! : DEFAULT_STORE;
  const store = openStore(path);
  const db = store.db;
  if (args.includes('--build') || !existsSync(experimentPath(path))) {
    console.log('building the proposed migration-5 tables into the side file');
    buildExperiment(db, path);
  }
  attachExperiment(db, path);
  const papers = (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
  const corpus = new Corpus({
    ...DEFAULT_CORPUS,
    papers,
    days: Math.max(1, Math.round((DEFAULT_CORPUS.days * papers) / DEFAULT_CORPUS.papers)),
  });
  const pools = loadPools(path, db, corpus, console.log);
  if (args.includes('--build-prefix')) buildPrefix(db, path);
  const hasPrefix = attachPrefix(db, path);
  const exact = VARIANTS.exact!;
  const windowed = VARIANTS.window!;
  const withPrefix = VARIANTS.prefix!;
  const current = (q: SearchFilters) => store.searchPage(q);

  // 1. plans
  console.log('\n1. EXPLAIN QUERY PLAN');
  const cur = (where: string) => `SELECT ${PAPER_COLUMNS}, ${BM25} AS score, ${SNIPPET} AS snip,
      (SELECT max(date) FROM announcements a WHERE a.paper_id = p.id) AS last_date
      FROM search_index JOIN papers p ON p.n = search_index.rowid WHERE search_index MATCH 'model' ${where}
      ORDER BY score LIMIT 21 OFFSET 0`;
  console.log('   current, words + category + dates:');
  console.log(
    plan(
      db,
      cur(
        `AND p.categories LIKE '%"cs.LG"%' AND EXISTS (SELECT 1 FROM announcements a WHERE a.paper_id = p.id AND a.date >= '2016-01-01' AND a.date <= '2016-12-31')`,
      ),
      [],
    ),
  );
  console.log('   current, category only (browse):');
  console.log(
    plan(
      db,
      `SELECT ${PAPER_COLUMNS}, (SELECT max(date) FROM announcements a WHERE a.paper_id = p.id) AS last_date
       FROM papers p WHERE p.categories LIKE '%"cs.LG"%' ORDER BY last_date DESC, p.id DESC LIMIT 21 OFFSET 0`,
      [],
    ),
  );
  console.log('   current, listDays:');
  console.log(
    plan(db, 'SELECT date, count(DISTINCT paper_id) AS papers FROM announcements GROUP BY date ORDER BY date DESC', []),
  );
  console.log('   proposed, words + category + dates (rank step):');
  console.log(
    plan(
      db,
      `SELECT s.rowid AS n, ${BM25} AS score, ${SNIPPET} AS snip FROM search_index s
       WHERE search_index MATCH 'model' AND +s.rowid IN (SELECT n FROM exp.paper_categories WHERE category = 'cs.LG')
         AND +s.rowid IN (SELECT n FROM exp.paper_days WHERE date >= '2016-01-01' AND date <= '2016-12-31')
         AND s.rowid BETWEEN 1 AND 2 ORDER BY score LIMIT 21 OFFSET 0`,
      [],
    ),
  );
  console.log('   proposed, category only (browse):');
  console.log(
    plan(
      db,
      `SELECT d.n, d.date FROM exp.paper_days d JOIN papers p ON p.n = d.n
       WHERE d.date >= '0' AND d.date <= '9' AND NOT EXISTS (SELECT 1 FROM exp.paper_days later WHERE later.n = d.n AND later.date > d.date AND later.date <= '9')
       AND +d.n IN (SELECT n FROM exp.paper_categories WHERE category = 'cs.LG') ORDER BY d.date DESC, p.id DESC LIMIT 21 OFFSET 0`,
      [],
    ),
  );

  // 2. single queries by type
  console.log(`\n2. Single queries by type (median of 3 after one warm-up; ms)`);
  const fts = (s: string) => s;
  const pick = (xs: [string, number][], at: 'top' | 'mid') => (at === 'top' ? xs[0]! : xs[xs.length >> 1]!);
  const common = pick(
    [...pools.common].sort((a, b) => b[1] - a[1]),
    'mid',
  );
  const top = [...pools.common].sort((a, b) => b[1] - a[1])[0]!;
  const mid = pick(
    [...pools.mid].sort((a, b) => b[1] - a[1]),
    'mid',
  );
  const rare = pools.rare[0]!;
  const phrase = [...pools.phrases].sort((a, b) => b[1] - a[1])[20]!;
  const prefix = [...pools.prefixes].sort((a, b) => b[1] - a[1])[10]!;
  const cjk = [...pools.cjk].sort((a, b) => b[1] - a[1])[10]!;
  const author = [...pools.authors].sort((a, b) => b[1] - a[1])[0]!;
  const base = { fts: null, category: null, from: null, to: null, author: null, limit: 20, offset: 0 };
  const cases: [string, SearchFilters][] = [
    [`most common word "${top[0]}" (${top[1]})`, { ...base, fts: fts(top[0]) }],
    [`common word "${common[0]}" (${common[1]})`, { ...base, fts: fts(common[0]) }],
    [`  page 3 (OFFSET 40)`, { ...base, fts: fts(common[0]), offset: 40 }],
    [`  page 25 (OFFSET 480)`, { ...base, fts: fts(common[0]), offset: 480 }],
    [`  + category cs.LG`, { ...base, fts: fts(common[0]), category: 'cs.LG' }],
    [`  + category math.GT`, { ...base, fts: fts(common[0]), category: 'math.GT' }],
    [`  + dates 2016`, { ...base, fts: fts(common[0]), from: '2016-01-01', to: '2016-12-31' }],
    [
      `  + category cs.LG + dates 2016`,
      { ...base, fts: fts(common[0]), category: 'cs.LG', from: '2016-01-01', to: '2016-12-31' },
    ],
    [`  + author "${author[0]}"`, { ...base, fts: fts(common[0]), author: author[0] }],
    [`mid word "${mid[0]}" (${mid[1]})`, { ...base, fts: fts(mid[0]) }],
    [`  + category cs.LG`, { ...base, fts: fts(mid[0]), category: 'cs.LG' }],
    [`rare word "${rare[0]}" (${rare[1]})`, { ...base, fts: fts(rare[0]) }],
    [`phrase ${phrase[0]} (${phrase[1]})`, { ...base, fts: fts(phrase[0]) }],
    [`prefix ${prefix[0]} (${prefix[1]})`, { ...base, fts: fts(prefix[0]) }],
    [`prefix expe* (${pools.prefixes.find(([p]) => p === 'expe*')?.[1] ?? '?'})`, { ...base, fts: 'expe*' }],
    [`CJK ${cjk[0]} (${cjk[1]})`, { ...base, fts: `"${[...cjk[0]].join(' ')}"` }],
    [`author only "${author[0]}" (${author[1]})`, { ...base, author: author[0] }],
    [`category only cs.LG`, { ...base, category: 'cs.LG' }],
    [`category only math.GT`, { ...base, category: 'math.GT' }],
    [`category only physics.pop-ph`, { ...base, category: 'physics.pop-ph' }],
    [`category only cs.LG, page 3`, { ...base, category: 'cs.LG', offset: 40 }],
    [`category cs.LG + dates 2016`, { ...base, category: 'cs.LG', from: '2016-01-01', to: '2016-12-31' }],
    [`dates only 2016-03-01..2016-03-31`, { ...base, from: '2016-03-01', to: '2016-03-31' }],
  ];
  const variants: [string, VariantOptions][] = [
    ['exact', exact],
    [`window`, windowed],
    ...(hasPrefix ? ([['win+prefix', withPrefix]] as [string, VariantOptions][]) : []),
  ];
  const W = [44, 9, ...variants.map(() => 11), 6];
  const row = (c: string[]) =>
    console.log(`  ${c.map((x, k) => (k === 0 ? x.padEnd(W[k]!) : x.padStart(W[k]!))).join(' ')}`);
  console.log(
    `  exact = A+B+D; window = + C (newest ${windowed.window} matches)` +
      (hasPrefix ? "; win+prefix = + FTS5 prefix='3 4 5 6'" : ' (no prefix side file: --build-prefix)') +
      '; same = exact gives the current hits',
  );
  row(['query (matches)', 'current', ...variants.map(([n]) => n), 'same']);
  for (const [label, q] of cases) {
    const a = current(q);
    const b = proposedSearchPage(db, q, exact);
    const tc = medianMs(() => current(q), label.startsWith('most') ? 1 : 3);
    const ts = variants.map(([, v]) => fmt(medianMs(() => proposedSearchPage(db, q, v))));
    row([label.slice(0, 44), fmt(tc), ...ts, sameHits(a.hits, b.hits) && a.more === b.more ? 'yes' : 'NO']);
  }

  // 3 + 4. the workload: same answers, service time per class
  const perClass = 20;
  console.log(`\n3. Same answers and 4. searchPage time per workload class, ${perClass} queries each (ms, p50 / p95)`);
  const wl = new Workload(pools, 77);
  const samples: SearchRequest[] = [];
  for (const cls of SEARCH_CLASSES) for (let k = 0; k < perClass; k++) samples.push(wl.search(cls));
  const W2 = [14, 15, ...variants.map(() => 15), 7, 8];
  const row2 = (c: string[]) =>
    console.log(`  ${c.map((x, k) => (k === 0 ? x.padEnd(W2[k]!) : x.padStart(W2[k]!))).join(' ')}`);
  row2(['class', 'current', ...variants.map(([n]) => n), 'same', 'top-20']);
  console.log('  (same: exact variant = current hits; top-20: share of the current top 20 the window variant keeps)');
  const differing: string[] = [];
  let inRange = 0;
  const pair = (xs: number[]) => `${fmt(percentile(xs, 50))} / ${fmt(percentile(xs, 95))}`;
  const allCur: number[] = [];
  const allVar = variants.map(() => [] as number[]);
  for (const cls of SEARCH_CLASSES) {
    const tc: number[] = [];
    const tv = variants.map(() => [] as number[]);
    let same = 0;
    let overlap = 0;
    let n = 0;
    for (const s of samples.filter((x) => x.cls === cls)) {
      const q = searchFilters(s);
      let t0 = performance.now();
      const a = current(q);
      tc.push(performance.now() - t0);
      const results = variants.map(([, v], k) => {
        t0 = performance.now();
        const r = proposedSearchPage(db, q, v);
        tv[k]!.push(performance.now() - t0);
        return r;
      });
      n++;
      const b = results[0]!;
      if (sameHits(a.hits, b.hits) && a.more === b.more) same++;
      else if (!q.fts && !q.author && (q.from || q.to) && sameHits(newestInRange(db, q), b.hits)) {
        same++;
        inRange++;
      } else
        differing.push(
          `${cls}: ${JSON.stringify(s.q)} ${modifiers(s)} ${s.category ?? ''} ${s.from ?? ''}..${s.to ?? ''}`,
        );
      const ids = new Set(a.hits.map((h) => h.id));
      overlap += a.hits.length ? results[1]!.hits.filter((h) => ids.has(h.id)).length / a.hits.length : 1;
    }
    allCur.push(...tc);
    tv.forEach((xs, k) => allVar[k]!.push(...xs));
    row2([cls, pair(tc), ...tv.map(pair), `${same}/${n}`, `${Math.round((100 * overlap) / n)} %`]);
  }
  row2(['all (unweighted)', pair(allCur), ...allVar.map(pair)]);
  if (inRange)
    console.log(
      `  ${inRange} of the "same" are date-range browses that differ from the current order by design and equal a\n` +
        '  reference query ordering by the newest announcement inside the range (see browsePage)',
    );
  if (differing.length) {
    console.log('  exact variant differs from current on:');
    for (const d of differing.slice(0, 10)) console.log(`    ${d}`);
  }

  console.log('\n5. Day page look-ups (ms)');
  const days = cachedListDays(store);
  const date = pools.days[pools.days.length >> 1]!;
  const rows: [string, () => unknown][] = [
    [
      'listDays SQL, uncached (GROUP BY over all rows)',
      () =>
        db
          .prepare(
            'SELECT date, count(DISTINCT paper_id) AS papers FROM announcements GROUP BY date ORDER BY date DESC',
          )
          .all(),
    ],
    ['store.listDays() (cached since 0e2870e)', () => store.listDays()],
    ['listDays cached here per data_version (hit)', () => days()],
    [
      'has day: SELECT 1 … WHERE date = ? LIMIT 1',
      () => db.prepare('SELECT 1 FROM announcements WHERE date = ? LIMIT 1').get(date),
    ],
    [
      'older: SELECT max(date) … WHERE date < ?',
      () => db.prepare('SELECT max(date) FROM announcements WHERE date < ?').get(date),
    ],
    [
      'newer: SELECT min(date) … WHERE date > ?',
      () => db.prepare('SELECT min(date) FROM announcements WHERE date > ?').get(date),
    ],
    ['latest: SELECT max(date) FROM announcements', () => db.prepare('SELECT max(date) FROM announcements').get()],
    ['store.stats() (home page)', () => store.stats()],
  ];
  for (const [label, fn] of rows) console.log(`  ${label.padEnd(48)} ${fmt(medianMs(fn)).padStart(9)}`);
  store.close();
}

if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '')) await main();
