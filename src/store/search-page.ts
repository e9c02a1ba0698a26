/**
 * The web app's search (Store.searchPage), kept apart from store.ts because its SQL is shaped by
 * measurements on a 1,000,000-paper store (bench/serve.ts, against release 0.1's query in
 * bench/search-baseline.ts):
 *
 * - Ranking happens inside the FTS table alone (bm25 in a top-level ORDER BY … LIMIT); papers
 *   rows and snippets are made for the page's hits only. Joining papers first read a row per
 *   match: 1.1 s for a word in 400,000 papers.
 * - Category and date filters are sets of papers.n from two indexed tables (migration 5), applied
 *   as `+rowid IN (…)` with rowid bounds, or probed per match when the words match few papers;
 *   never a JSON LIKE or an EXISTS over announcements per match.
 * - Words matching more than BROAD papers list their hits newest first (by store order: papers.n
 *   grows as days are added; filters still apply), like arXiv's own search: FTS5's bm25 counts
 *   every match of each term before scoring one (60 ms for a word in 900,000 papers), and the best
 *   bm25 score among 400,000 papers that say "models" means little. The result says so (`order`),
 *   and the page tells the reader to add words for ranked hits.
 * - Otherwise bm25 scores the distinctive words only when the query also has very common ones
 *   (see distinctiveWords); prefix* queries use the index's prefix entries (migration 7).
 * - Browsing without words walks paper_days by date instead of computing every paper's last day.
 * - Those decisions count matches by walking doclists; a query that is a list of words is judged
 *   by its words first, and what is learnt of single words is kept until the store changes
 *   (matchCounter).
 * - Every statement that walks matches has a time budget (SearchBudget): better-sqlite3 has no
 *   sqlite3_interrupt, so each one calls `search_budget()` for one row in 64 (a JS call costs
 *   ~75 ns; one in 64 nothing measurable), which throws SearchInterrupted once the deadline has
 *   passed or the caller has given up (a flag another thread can set), and SQLite abandons the
 *   statement there.
 */
import type { Database as Db } from 'better-sqlite3';
import { hasCjk, unspaceCjk } from '../core/cjk.js';
import { AppError, UsageError, errorMessage } from '../errors.js';
import { PAPER_COLUMNS, type PaperRow } from './rows.js';
import { prepared as prep } from './statements.js';

export interface SearchFilters {
  /** An FTS5 query from search/query.ts, or null to filter only. */
  fts: string | null;
  category?: string | null;
  from?: string | null;
  to?: string | null;
  author?: string | null;
  /**
   * Unset: bm25 when there is a query (newest first when it is broad, see above), else newest;
   * `rank`: bm25 however broad; `newest`: last announcement first.
   */
  order?: 'rank' | 'newest';
  limit: number;
  offset: number;
}

/**
 * How long a search may take: until `deadline` (Date.now() milliseconds), and not once
 * `cancelled[0]` is non-zero (set by whoever waits for it, from any thread: a client that went
 * away). Checked while statements walk their matches (see the header).
 */
export interface SearchBudget {
  deadline: number;
  cancelled?: Int32Array;
}

/** A search stopped by its budget: `budget` (out of time) or `cancelled`. */
export class SearchInterrupted extends AppError {
  override name = 'SearchInterrupted';
  constructor(readonly reason: 'budget' | 'cancelled') {
    super(reason === 'budget' ? 'the search ran out of time' : 'the search was cancelled');
  }
}

/** The budget of the search running on each connection (one at a time: better-sqlite3 is synchronous). */
const budgets = new WeakMap<Db, { current: SearchBudget | null }>();

/** Throws SearchInterrupted when `b` is spent or cancelled (for callers running several searches). */
export function checkBudget(b: SearchBudget | null): void {
  if (!b) return;
  if (b.cancelled && Atomics.load(b.cancelled, 0) !== 0) throw new SearchInterrupted('cancelled');
  if (Date.now() > b.deadline) throw new SearchInterrupted('budget');
}

function budgetSlot(db: Db): { current: SearchBudget | null } {
  let slot = budgets.get(db);
  if (!slot) {
    const s: { current: SearchBudget | null } = { current: null };
    db.function('search_budget', { deterministic: false, directOnly: true }, () => {
      checkBudget(s.current);
      return 1;
    });
    budgets.set(db, (slot = s));
  }
  return slot;
}

/** Between statements that do not walk matches (one per hit): the budget checked in JS. */
const checkpoint = (db: Db): void => checkBudget(budgets.get(db)?.current ?? null);

/**
 * A condition that is always true but checks the budget at one row in 64 of `col` (a rowid), so a
 * statement walking many matches stops soon after the deadline.
 */
const live = (col: string): string => `(${col} & 63 <> 0 OR search_budget())`;

export interface SearchHit {
  id: string;
  title: string;
  authors: string[];
  categories: string[];
  date: string | null;
  score: number;
  snippet: string;
}

export interface SearchPage {
  hits: SearchHit[];
  more: boolean;
  /**
   * How the hits are ordered: `rank` (bm25), or `newest` when asked, when browsing without
   * words, or when a query without filters matches more than BROAD papers (see above).
   */
  order: 'rank' | 'newest';
}

/** Above this many matches, a query without filters lists its hits newest first (see above). */
export const BROAD = 10_000;

/** A word in more papers than this is "very common" for scoring (see distinctiveWords). */
export const COMMON_WORD = 50_000;

/** The thresholds, apart so tests can use small stores. */
export interface SearchTuning {
  broad: number;
  common: number;
  /** At most this many newest matches are probed against a category before its set is built (ftsPage). */
  probeWindow: number;
  /** Categories with fewer papers are browsed from their own rows rather than by walking days. */
  smallCategory: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  broad: BROAD,
  common: COMMON_WORD,
  probeWindow: 20_000,
  smallCategory: 5_000,
};
/** Below this many text matches, filters are probed per match instead of built as sets. */
const PROBE_LIMIT = 2_000;

const BM25 = 'bm25(search_index, 8.0, 6.0, 2.0, 1.0)';
const SNIPPET = "snippet(search_index, -1, char(2), char(3), '…', 16)";

export type HitRow = PaperRow & { score: number | null; snip: string | null; last_date: string | null };

/** A row of papers, with its score and snippet, as a hit (also bench/search-baseline.ts). */
export const toHit = (r: HitRow): SearchHit => ({
  id: r.id,
  title: r.title,
  authors: JSON.parse(r.authors) as string[],
  categories: JSON.parse(r.categories) as string[],
  date: r.last_date,
  score: r.score === null ? 0 : -r.score,
  snippet: r.snip === null ? r.abstract.slice(0, 240) : unspaceCjk(r.snip).replace(/\s+/g, ' ').trim(),
});

/**
 * The shortest prefix searched (after the index's stemming). The index has prefix entries for 3
 * to 6 characters (migration 7); `a*`, `ab*` — or `res*`, which the Porter stemmer reads as
 * `re*` — instead merge the lists of every word starting so, most of the index: 0.75 s on
 * 1,000,000 papers for each statement of the search (16 s in all), in steps SQLite cannot
 * interrupt.
 */
export const MIN_PREFIX = 3;

/** The search index's tokenizer (migration 7): query text is read the same way to check it. */
const TOKENIZER = 'porter unicode61 remove_diacritics 2';

/** The index's tokens of `text`, from a scratch FTS5 table in this connection's temp schema (~40 µs). */
function indexTokens(db: Db, text: string): string[] {
  if (!tokenTables.has(db)) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_tokens USING fts5(t, tokenize = '${TOKENIZER}');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_tokens_v USING fts5vocab(temp, query_tokens, 'instance');`);
    tokenTables.add(db);
  }
  prep(db, 'INSERT INTO temp.query_tokens (t) VALUES (?)').run(text);
  const terms = (prep(db, 'SELECT term FROM temp.query_tokens_v ORDER BY offset').all() as { term: string }[]).map(
    (r) => r.term,
  );
  prep(db, 'DELETE FROM temp.query_tokens').run();
  return terms;
}
const tokenTables = new WeakSet<Db>();

/** Refuses (UsageError) a prefix* that the index reads as fewer than MIN_PREFIX characters. */
export function checkPrefixes(db: Db, fts: string): void {
  for (const m of fts.matchAll(/("(?:[^"]|"")*"|[^\s()"]+)\*/g)) {
    const item = m[1]!;
    const text = item.startsWith('"') ? item.slice(1, -1).replace(/""/g, '"') : item.replace(/^[a-z]+:/, '');
    const written =
      text
        .split(/[^\p{L}\p{N}_]+/u)
        .filter(Boolean)
        .pop() ?? '';
    const read = indexTokens(db, text).pop() ?? '';
    // CJK characters are single tokens: a prefix of one is always cheap.
    if ([...read].length >= MIN_PREFIX || hasCjk(read)) continue;
    throw new UsageError(
      `prefix ${JSON.stringify(`${written}*`)}${read !== written.toLowerCase() ? ` (the index reads it as ${JSON.stringify(`${read}*`)}: word endings are left out)` : ''}: ` +
        `give at least ${MIN_PREFIX} letters before the * (a shorter prefix matches most words of the index and takes too long to search)`,
    );
  }
}

/** FTS5's complaints about the reader's query are usage errors; anything else is ours. */
export function searchError(e: unknown): Error {
  const msg = errorMessage(e);
  if (/fts5|syntax error|no such column|unterminated|malformed/i.test(msg))
    return new UsageError(`invalid search query: ${msg.replace(/^fts5: /, '')}`, { cause: e });
  return new AppError(`search failed: ${msg}`, { cause: e });
}

/** `"a b"*` becomes `("a" "b"*)`: a query's phrases as all their words, anywhere (FTS5 syntax kept). */
export const phraseWords = (match: string): string =>
  match.replace(/"((?:[^"]|"")*)"(\*?)/g, (_, body: string, star: string) => {
    const words = body.split(' ').filter(Boolean);
    return `(${words.map((w, i) => `"${w}"${i === words.length - 1 ? star : ''}`).join(' ')})`;
  });

/** An FTS5 query's items: phrases (with a prefix star), words, operators, parentheses. */
const FTS_ITEM = /"(?:[^"]|"")*"\*?|\S+/g;

/** The author as a phrase in the authors column. */
const authorMatch = (author: string): string => `authors:${JSON.stringify(author.replace(/"/g, ' '))}`;

/**
 * The rowid of the match after the first `k` (oldest first, or newest first), found by walking
 * the doclist (which scores nothing); undefined when there are no more than `k` matches. Only
 * the answer's existence matters to a count, and the walk upwards is 25–40 % cheaper.
 */
function matchBeyond(db: Db, match: string, k: number, newest: boolean): number | undefined {
  const order = newest ? 'DESC' : 'ASC';
  const sql = `SELECT rowid AS n FROM search_index WHERE search_index MATCH ? AND ${live('rowid')} ORDER BY rowid ${order} LIMIT 1 OFFSET ?`;
  return (prep(db, sql).get(match, k) as { n: number } | undefined)?.n;
}

/** What one search needs to know of its query's matches (`match` is it, or it loosened). */
interface Counter {
  /** The query's words when it is a plain list of them (plainWords), else null. */
  words: readonly string[] | null;
  /** More than k matches. */
  moreThan(match: string, k: number): boolean;
  wordMoreThan(word: string, k: number): boolean;
  /**
   * A rowid above which `match` has at most k matches (undefined: it has no more than k at
   * all): for a plain list of words, the lowest of its words' own, since no more of the query's
   * matches lie above a word's floor than that word's k; else the query's own.
   */
  floor(match: string, k: number): number | undefined;
}

/**
 * Counts by matchBeyond, with what is known of single words. A word's answers are kept until the
 * store changes (`known`, from Store.searchPage), since the same words come back query after
 * query and a walk over 50,000 entries costs a millisecond. A query that is a plain list of words
 * (all required) with one word in no more than k papers has no more than k matches, so only lists
 * of frequent words walk their intersection; a query of one word is that word.
 */
function matchCounter(db: Db, q: SearchFilters, known: WordCounts): Counter {
  const words = plainWords(q.fts);
  const single = !q.author && words?.length === 1 ? words[0]! : null;
  const kept = (w: string, k: number, newest: boolean): number | undefined => {
    const key = `${newest ? 'newest' : 'oldest'} ${k} ${w}`;
    let n = known.get(key);
    if (n === undefined) {
      if (known.size >= 50_000) known.clear();
      known.set(key, (n = matchBeyond(db, w, k, newest) ?? null));
    }
    return n ?? undefined;
  };
  const wordMoreThan = (w: string, k: number): boolean => kept(w, k, false) !== undefined;
  const moreThan = (match: string, k: number): boolean => {
    if (single !== null) return wordMoreThan(single, k);
    if (words?.some((w) => !wordMoreThan(w, k))) return false;
    return matchBeyond(db, match, k, false) !== undefined;
  };
  const floor = (match: string, k: number): number | undefined => {
    if (!words) return matchBeyond(db, match, k, true);
    let low = Infinity;
    for (const w of words) {
      const f = kept(w, k, true);
      if (f === undefined) return undefined;
      low = Math.min(low, f);
    }
    return low;
  };
  return { words, moreThan, wordMoreThan, floor };
}

/**
 * A query's words when it is a plain list of words, prefixes and phrases (all must match), each
 * phrase as its words and each word quoted (`"grounding with"` → `"grounding"`, `"with"`); null
 * when it has operators, columns or parentheses.
 */
function plainWords(fts: string | null): string[] | null {
  const items = fts?.match(FTS_ITEM) ?? [];
  const plain = (t: string) => t.startsWith('"') || (/^[\p{L}\p{N}_]+\*?$/u.test(t) && !/^(AND|OR|NOT|NEAR)$/.test(t));
  if (!items.length || !items.every(plain)) return null;
  return items.flatMap(
    (t) =>
      phraseWords(t)
        .replace(/^\((.*)\)$/, '$1')
        .match(FTS_ITEM) ?? [],
  );
}

/** A category's papers, counted up to `cap` (counting all of cs.LG's 120,000 costs a millisecond). */
const categorySize = (db: Db, category: string, cap: number): number =>
  (
    prep(db, 'SELECT count(*) AS c FROM (SELECT 1 FROM paper_categories WHERE category = ? LIMIT ?)').get(
      category,
      cap,
    ) as { c: number }
  ).c;

/** Papers of the page by n, with their last announcement date. */
function pageRows(db: Db, ns: readonly number[]): Map<number, PaperRow & { last_date: string | null }> {
  if (!ns.length) return new Map();
  const rows = prep(
    db,
    `SELECT p.n, ${PAPER_COLUMNS}, (SELECT max(date) FROM paper_days d WHERE d.n = p.n) AS last_date
       FROM papers p WHERE p.n IN (${ns.map(() => '?').join(',')})`,
  ).all(...ns) as (PaperRow & { n: number; last_date: string | null })[];
  return new Map(rows.map((r) => [r.n, r]));
}

function hitsInOrder(
  db: Db,
  rows: readonly { n: number; score: number | null; snip: string | null }[],
  limit: number,
): SearchHit[] {
  const papers = pageRows(
    db,
    rows.slice(0, limit).map((x) => x.n),
  );
  return rows.slice(0, limit).flatMap((x) => {
    const p = papers.get(x.n);
    return p ? [toHit({ ...p, score: x.score, snip: x.snip })] : [];
  });
}

/**
 * The page's snippets, made apart from the ranking: in a statement that sorts, SQLite makes
 * every result column of every match before keeping the best, and a snippet means tokenizing
 * the paper's text (25 % of a ranked search). One lookup per hit, with the whole query so every
 * word is highlighted: FTS5 seeks `rowid = ?` in each doclist, whereas `rowid IN (…)` evaluates
 * the query over every match first (a phrase in 150,000 papers: 3.8 ms for a page, 0.8 ms so).
 */
function withSnippets<R extends { n: number }>(
  db: Db,
  match: string,
  rows: readonly R[],
  limit: number,
): (R & { snip: string | null })[] {
  const one = prep(db, `SELECT ${SNIPPET} AS snip FROM search_index WHERE search_index MATCH ? AND rowid = ?`);
  return rows.slice(0, limit).map((r) => {
    checkpoint(db);
    return { ...r, snip: (one.get(match, r.n) as { snip: string } | undefined)?.snip ?? null };
  });
}

interface Restriction {
  /** Conditions on `col` with named parameters: the filter's papers as a set, built once. */
  sets: string[];
  /** The same conditions as one index probe per candidate. */
  probes: string[];
  /** Which filter each entry of sets and probes is. */
  kinds: ('category' | 'dates')[];
  params: Record<string, unknown>;
  /** Smallest and largest n a candidate can have; null when a filter matches no paper at all. */
  bounds: { lo: number; hi: number } | null;
}

/**
 * The smallest and largest n announced between @from and @to, one date at a time: each date's
 * first and last entry in paper_days' key are seeks, where min(n) over the range reads every
 * entry in it (two years: 200,000 entries, 6 ms; 0.6 ms so).
 */
const DATE_BOUNDS = `
  WITH RECURSIVE d(date) AS (
    SELECT (SELECT min(date) FROM paper_days WHERE date >= @from)
    UNION ALL
    SELECT (SELECT min(date) FROM paper_days WHERE date > d.date) FROM d WHERE d.date <= @to
  )
  SELECT min((SELECT min(n) FROM paper_days p WHERE p.date = d.date)) AS lo,
    max((SELECT max(n) FROM paper_days p WHERE p.date = d.date)) AS hi
  FROM d WHERE d.date <= @to`;

/**
 * Category and date filters as sets of papers.n (or probes), plus, when `withBounds`, the range
 * of n they span so the FTS scan skips the rest of every doclist: two seeks for a category, a
 * scan of the date range for dates — worth it only when the set is built anyway.
 */
function restriction(db: Db, q: SearchFilters, col: string, withBounds = true): Restriction {
  const sets: string[] = [];
  const probes: string[] = [];
  const kinds: Restriction['kinds'] = [];
  const params: Record<string, unknown> = {};
  let lo = -Infinity;
  let hi = Infinity;
  const narrow = (b: { lo: number | null; hi: number | null }): void => {
    lo = Math.max(lo, b.lo ?? Infinity);
    hi = Math.min(hi, b.hi ?? -Infinity);
  };
  if (q.category) {
    params.category = q.category;
    sets.push(`+${col} IN (SELECT n FROM paper_categories WHERE category = @category)`);
    probes.push(`EXISTS (SELECT 1 FROM paper_categories WHERE category = @category AND n = ${col})`);
    kinds.push('category');
    if (withBounds)
      narrow(
        prep(
          db,
          `SELECT (SELECT min(n) FROM paper_categories WHERE category = @category) AS lo,
             (SELECT max(n) FROM paper_categories WHERE category = @category) AS hi`,
        ).get({ category: q.category }) as { lo: number | null; hi: number | null },
      );
  }
  if (q.from || q.to) {
    params.from = q.from ?? '0000-00-00';
    params.to = q.to ?? '9999-99-99';
    sets.push(`+${col} IN (SELECT n FROM paper_days WHERE date >= @from AND date <= @to)`);
    probes.push(`EXISTS (SELECT 1 FROM paper_days WHERE n = ${col} AND date >= @from AND date <= @to)`);
    kinds.push('dates');
    if (withBounds)
      narrow(
        prep(db, DATE_BOUNDS).get({ from: params.from, to: params.to }) as { lo: number | null; hi: number | null },
      );
  }
  return { sets, probes, kinds, params, bounds: lo > hi ? null : { lo, hi } };
}

function ftsPage(db: Db, match: string, q: SearchFilters, tuning: SearchTuning, known: WordCounts): SearchPage {
  const counter = matchCounter(db, q, known);
  const fewBelow = Math.min(PROBE_LIMIT, tuning.broad);
  const filtered = Boolean(q.category || q.from || q.to);
  // Phrases are judged by their words first: evaluating a phrase's positions over the 200,000
  // papers that have its words, to find it in 2,000, costs as much as ranking it.
  const loose = phraseWords(match);
  // A filter's set costs its size to build (a category can hold 100,000 papers); for a query
  // with few matches, probing the index once per match is far cheaper.
  const fewWords = filtered && !counter.moreThan(loose, fewBelow - 1);
  // All the words together in more than BROAD papers (found by walking the doclist, which
  // scores nothing): newest first, within the filters too, since bm25 would count every
  // match first — the same order whether or not the query is filtered.
  const broadWords = !fewWords && (filtered || !q.order) && counter.moreThan(loose, tuning.broad);
  // Neither: the exact query's matches decide, a walk over at most BROAD papers.
  const few = fewWords || (filtered && !broadWords && !counter.moreThan(match, fewBelow - 1));
  const broad = !q.order && broadWords;
  // Broad and filtered by category only: the newest matches are probed against it one by one,
  // at most `probeWindow` of them — a few dozen probes where building a category's set costs its
  // 100,000 rows. Too few there (a rare category): the sets below, over every match.
  // Not for dates: a past range is rarely among the newest matches; its rowid bounds serve better.
  if (broad && q.category && !q.from && !q.to) {
    const page = newestProbed(db, match, q, counter.floor(match, tuning.probeWindow));
    if (page) return page;
  }
  const r = restriction(db, q, 's.rowid', !few);
  if (!r.bounds) return { hits: [], more: false, order: 'rank' };
  const params: Record<string, unknown> = { ...r.params, match, limit: q.limit + 1, offset: q.offset };
  // Probes for few matches; for a broad query's dates too: within the range's rowid bounds nearly
  // every newest match is in the range (days are stored in order), so the walk stops after about
  // a page of probes instead of first building the range's set. A large category then is probed
  // as well (a few dozen candidates, not its 100,000 rows); a small one stays a set.
  const walk = broad && Boolean(q.from || q.to);
  const probeCategory =
    walk && q.category && categorySize(db, q.category, tuning.smallCategory) >= tuning.smallCategory;
  const where = [
    'search_index MATCH @match',
    ...r.sets.map((set, i) =>
      few || (walk && r.kinds[i] === 'dates') || (probeCategory && r.kinds[i] === 'category') ? r.probes[i]! : set,
    ),
  ];
  if (Number.isFinite(r.bounds.lo)) {
    where.push('s.rowid BETWEEN @lo AND @hi');
    Object.assign(params, r.bounds);
  }
  where.push(live('s.rowid'));
  if (q.order === 'newest') {
    const rows = prep(
      db,
      `SELECT s.rowid AS n, NULL AS score,
           (SELECT max(date) FROM paper_days d WHERE d.n = s.rowid) AS last_date,
           (SELECT id FROM papers p WHERE p.n = s.rowid) AS id
         FROM search_index s WHERE ${where.join(' AND ')}
         ORDER BY last_date DESC, id DESC LIMIT @limit OFFSET @offset`,
    ).all(params) as { n: number; score: null }[];
    return {
      hits: hitsInOrder(db, withSnippets(db, match, rows, q.limit), q.limit),
      more: rows.length > q.limit,
      order: 'newest',
    };
  }
  // Ranked: bm25 over the query's distinctive words only, among the papers the whole query
  // matches, when it also has very common ones — counting a word in 40 % of all papers costs
  // more than the rest of the search, and such a word adds next to nothing to bm25 anyway.
  const scoring = broad ? null : distinctiveWords(q, tuning.common, counter);
  if (scoring) {
    // `+`: as a plain rowid constraint FTS5 would look each of those rowids up in the scoring
    // words' doclists (measured 2.3 s); as a set it is a hash probe per scored match.
    where[0] =
      'search_index MATCH @scoring AND +s.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH @match)';
    params.scoring = scoring;
  }
  const rows = prep(
    db,
    `SELECT s.rowid AS n, ${broad ? 'NULL' : BM25} AS score FROM search_index s
       WHERE ${where.join(' AND ')} ORDER BY ${broad ? 's.rowid DESC' : 'score'} LIMIT @limit OFFSET @offset`,
  ).all(params) as { n: number; score: number | null }[];
  return {
    hits: hitsInOrder(db, withSnippets(db, match, rows, q.limit), q.limit),
    more: rows.length > q.limit,
    order: broad ? 'newest' : 'rank',
  };
}

/**
 * A broad query's page in a category, newest first, from its matches above `floor` (at most a
 * window of them, see Counter.floor; undefined: all of them); null when they hold too few.
 */
function newestProbed(db: Db, match: string, q: SearchFilters, floor: number | undefined): SearchPage | null {
  const r = restriction(db, q, 's.rowid', false);
  const rows = prep(
    db,
    `SELECT s.rowid AS n, NULL AS score FROM search_index s
       WHERE search_index MATCH @match AND ${r.probes.join(' AND ')} AND ${live('s.rowid')} ${floor !== undefined ? 'AND s.rowid > @floor' : ''}
       ORDER BY s.rowid DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...r.params, match, floor: floor ?? 0, limit: q.limit + 1, offset: q.offset }) as {
    n: number;
    score: null;
  }[];
  // Without a floor every match was probed: the answer is complete either way.
  if (floor !== undefined && rows.length <= q.limit) return null;
  return {
    hits: hitsInOrder(db, withSnippets(db, match, rows, q.limit), q.limit),
    more: rows.length > q.limit,
    order: 'newest',
  };
}

/**
 * What Store.searchPage keeps of single words until the store changes: the rowid beyond a word's
 * oldest or newest k matches (null: no more than k), by `oldest|newest k word` (see matchCounter).
 */
export type WordCounts = Map<string, number | null>;

/**
 * The query as an FTS5 match of its distinctive words only, when it is a plain list of words,
 * prefixes and phrases (all must match) in which some words are very common; else null. A
 * phrase counts as its words ("grounding with": bm25 over "grounding"), since scoring a phrase
 * evaluates it in every paper that has all its words.
 */
function distinctiveWords(q: SearchFilters, commonWord: number, counter: Counter): string | null {
  const words = counter.words;
  if (!words || words.length < 2) return null;
  const keep = words.filter((w) => !counter.wordMoreThan(w, commonWord));
  if (keep.length === 0 || keep.length === words.length) return null;
  const scoring = `(${keep.join(' ')})`;
  return q.author ? `${scoring} AND ${authorMatch(q.author)}` : scoring;
}

/**
 * Browsing without words, newest first: walk paper_days by date (descending, within the range),
 * keep each paper at its newest day in the range, filter by category as a set; within a day the
 * papers stored last come first (the order of the two indexes, so no paper row is read before
 * the page's). Small categories are read from their own rows instead of walking every day.
 */
function browsePage(db: Db, q: SearchFilters, smallCategory: number): SearchPage {
  const r = restriction(db, { ...q, from: null, to: null }, 'd.n');
  if (!r.bounds) return { hits: [], more: false, order: 'rank' };
  const params: Record<string, unknown> = {
    ...r.params,
    from: q.from ?? '0000-00-00',
    to: q.to ?? '9999-99-99',
    limit: q.limit + 1,
    offset: q.offset,
  };
  // A category as a set costs its size to build; probed, each paper walked costs about four
  // times one of the set's, and a page needs (offset + limit) / share of them: probes win once
  // size² > 4 × (offset + limit) × papers (cs.LG: 9.3 → 0.1 ms; a category of 3,000: 0.5 → 2.3).
  const papers = (prep(db, 'SELECT max(n) AS n FROM papers').get() as { n: number | null }).n ?? 0;
  const probeFrom = Math.max(smallCategory, Math.ceil(Math.sqrt(4 * (q.offset + q.limit + 1) * papers)));
  const size = q.category ? categorySize(db, q.category, probeFrom) : 0;
  const small = q.category && size < smallCategory;
  const filters = (q.category && size >= probeFrom ? r.probes : r.sets).map((s) => `AND ${s}`).join(' ');
  const newestInRange =
    'NOT EXISTS (SELECT 1 FROM paper_days later WHERE later.n = d.n AND later.date > d.date AND later.date <= @to)';
  const sql = small
    ? `SELECT d.n FROM paper_categories c JOIN paper_days d ON d.n = c.n
       WHERE c.category = @category AND d.date >= @from AND d.date <= @to AND ${newestInRange} AND ${live('d.n')}
       ORDER BY d.date DESC, d.n DESC LIMIT @limit OFFSET @offset`
    : `SELECT d.n FROM paper_days d
       WHERE d.date >= @from AND d.date <= @to AND ${newestInRange} ${filters} AND ${live('d.n')}
       ORDER BY d.date DESC, d.n DESC LIMIT @limit OFFSET @offset`;
  const rows = (prep(db, sql).all(params) as { n: number }[]).map((x) => ({ n: x.n, score: null, snip: null }));
  return { hits: hitsInOrder(db, rows, q.limit), more: rows.length > q.limit, order: 'newest' };
}

/**
 * One page of hits for the web app, the API and the agents' filter. Asks for one hit more than
 * the page to tell whether there is a next page without counting every match.
 */
export function searchPage(
  db: Db,
  q: SearchFilters,
  tuning: SearchTuning = DEFAULT_TUNING,
  wordCounts: WordCounts = new Map(),
  budget: SearchBudget | null = null,
): SearchPage {
  const match: string[] = [];
  if (q.fts) match.push(`(${q.fts})`);
  if (q.author) match.push(authorMatch(q.author));
  const slot = budgetSlot(db);
  slot.current = budget;
  try {
    return match.length
      ? ftsPage(db, match.join(' AND '), q, tuning, wordCounts)
      : browsePage(db, q, tuning.smallCategory);
  } catch (e) {
    if (e instanceof SearchInterrupted) throw e;
    throw searchError(e);
  } finally {
    slot.current = null;
  }
}
