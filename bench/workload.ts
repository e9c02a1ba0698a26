/**
 * The web app's traffic for bench/serve.ts: a realistic mix of
 * searches and day pages over the synthetic 1M store, deterministic for a seed.
 *
 * Query material is drawn from the corpus model (bench/corpus.ts) and checked against the store:
 * each word's document frequency is counted once and the pools are cached beside the store
 * (`STORE.bench-queries.json`), so classes mean what they say ("common" = in ≥ 5 % of papers).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import { toFtsQuery } from '../src/search/query.js';
import type { SearchFilters } from '../src/store/store.js';
import { Corpus, Rng } from './corpus.js';

/** Hits per page of the web app's /search (routes.ts HITS_PER_PAGE). */
export const HITS_PER_PAGE = 20;

export interface Pools {
  papers: number;
  /** word → documents matching it */
  common: [string, number][];
  mid: [string, number][];
  rare: [string, number][];
  prefixes: [string, number][];
  phrases: [string, number][];
  cjk: [string, number][];
  authors: [string, number][];
  categories: string[];
  days: string[];
}

export type SearchClass =
  | 'common word'
  | 'mid word'
  | 'rare word'
  | 'two words'
  | 'phrase'
  | 'prefix*'
  | 'CJK'
  | 'author only'
  | 'category only';

export const SEARCH_CLASSES: readonly SearchClass[] = [
  'common word',
  'mid word',
  'rare word',
  'two words',
  'phrase',
  'prefix*',
  'CJK',
  'author only',
  'category only',
];

/** Share of each class among searches. */
const CLASS_WEIGHTS: Record<SearchClass, number> = {
  'common word': 0.15,
  'mid word': 0.15,
  'rare word': 0.1,
  'two words': 0.15,
  phrase: 0.1,
  'prefix*': 0.1,
  CJK: 0.05,
  'author only': 0.1,
  'category only': 0.1,
};
/** Filters added to text searches, and how often page 3 is asked instead of page 1. */
const CATEGORY_FILTER = 0.2;
const DATE_FILTER = 0.15;
const AUTHOR_FILTER = 0.05;
const PAGE_3 = 0.2;

export interface SearchRequest {
  cls: SearchClass;
  q: string | null;
  category: string | null;
  from: string | null;
  to: string | null;
  author: string | null;
  page: number;
}

export type AppRequest = { kind: 'search'; search: SearchRequest } | { kind: 'day'; date: string };

export function searchPath(s: SearchRequest): string {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  if (s.category) params.set('category', s.category);
  if (s.from) params.set('from', s.from);
  if (s.to) params.set('to', s.to);
  if (s.author) params.set('author', s.author);
  if (s.page > 1) params.set('page', String(s.page));
  return `/search?${params}`;
}

export const requestPath = (r: AppRequest): string => (r.kind === 'day' ? `/days/${r.date}` : searchPath(r.search));

/** What the /search route passes to store.searchPage for this request. */
export function searchFilters(s: SearchRequest): SearchFilters {
  return {
    fts: s.q ? toFtsQuery(s.q) : null,
    category: s.category,
    from: s.from,
    to: s.to,
    author: s.author,
    limit: HITS_PER_PAGE,
    offset: (s.page - 1) * HITS_PER_PAGE,
  };
}

/** A short label of the filters, for tables: `+cat +date p3`. */
export function modifiers(s: SearchRequest): string {
  const m: string[] = [];
  if (s.q && s.category) m.push('+cat');
  if (s.q && s.from) m.push('+date');
  if (s.q && s.author) m.push('+author');
  if (s.page > 1) m.push(`p${s.page}`);
  return m.join(' ');
}

// ------------------------------------------------------------------------------------------------
// pools

const FUNCTION_WORDS = new Set(
  (
    'a an the and or of to in on for with by from as at is are was were be been this that these those it its we our ' +
    'which while into than then also can such both not but have has their they via across between through over more ' +
    'most how what when where who using based can may via each other only new show'
  ).split(' '),
);

function countMatches(db: Db, fts: string): number {
  return (db.prepare('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?').get(fts) as { n: number }).n;
}

export function buildPools(db: Db, corpus: Corpus, log: (s: string) => void = () => {}): Pools {
  const papers = (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
  const rng = new Rng(7, 99);
  const df = (q: string): number => countMatches(db, toFtsQuery(q));
  const words = corpus.vocabulary.filter((w) => /^[a-z]{3,}$/.test(w) && !FUNCTION_WORDS.has(w));

  const common: [string, number][] = [];
  const mid: [string, number][] = [];
  for (const w of words.slice(0, 3_000)) {
    if (common.length >= 60 && mid.length >= 200) break;
    const n = df(w);
    if (n >= papers * 0.05 && common.length < 60) common.push([w, n]);
    else if (n >= papers * 0.0005 && n <= papers * 0.02 && mid.length < 200) mid.push([w, n]);
  }
  log(`    pools: ${common.length} common, ${mid.length} mid words`);

  const rare: [string, number][] = [];
  for (let tries = 0; rare.length < 200 && tries < 5_000; tries++) {
    const w = rng.pick(corpus.coined);
    const n = df(w);
    if (n >= 1 && n <= 50) rare.push([w, n]);
  }

  const prefixes: [string, number][] = [];
  for (const [w] of [...common.slice(0, 30), ...mid.slice(0, 70)]) {
    if (w.length < 6) continue;
    const p = `${w.slice(0, 4 + rng.int(Math.min(3, w.length - 5)))}*`;
    if (!prefixes.some(([x]) => x === p)) prefixes.push([p, df(p)]);
  }

  const phrases: [string, number][] = [];
  const title = db.prepare('SELECT title FROM papers WHERE n = ?');
  while (phrases.length < 200) {
    const t = (title.get(1 + rng.int(papers)) as { title: string } | undefined)?.title ?? '';
    const ws = t.split(' ').filter((w) => /^[A-Za-z]{3,}$/.test(w));
    if (ws.length < 3) continue;
    const len = 2 + rng.int(2);
    const at = rng.int(ws.length - len + 1);
    const p = `"${ws
      .slice(at, at + len)
      .join(' ')
      .toLowerCase()}"`;
    phrases.push([p, df(p)]);
  }

  const cjk: [string, number][] = [];
  const sentences = [...corpus.zhSentences.tldr, ...corpus.zhSentences.method];
  while (cjk.length < 100) {
    const s = rng.pick(sentences);
    const runs = s.match(/\p{Script=Han}{4,}/gu) ?? [];
    if (!runs.length) continue;
    const run = rng.pick(runs);
    const len = rng.next() < 0.6 ? 2 : 4;
    const at = rng.int(run.length - len + 1);
    const w = run.slice(at, at + len);
    if (!cjk.some(([x]) => x === w)) cjk.push([w, df(w)]);
  }

  // Authors of every popularity: the head (ranks < 200), the middle, the tail.
  const authors: [string, number][] = [];
  for (const [lo, hi, k] of [
    [0, 200, 40],
    [200, 20_000, 80],
    [20_000, corpus.authors.length, 80],
  ] as const) {
    for (let i = 0; i < k; i++) {
      const a = corpus.authors[lo + rng.int(hi - lo)]!;
      authors.push([a, countMatches(db, `authors:${JSON.stringify(a)}`)]);
    }
  }
  return {
    papers,
    common,
    mid,
    rare,
    prefixes,
    phrases,
    cjk,
    authors,
    categories: corpus.categories,
    days: corpus.days.slice(
      0,
      (db.prepare('SELECT count(DISTINCT date) AS n FROM announcements').get() as { n: number }).n,
    ),
  };
}

/** Where the pools of the store at `path` are kept (bench/load-client.ts reads them there). */
export const poolsFile = (path: string): string => `${path}.bench-queries.json`;

/** The pools for the store at `path`, from the cache beside it when it matches the store. */
export function loadPools(path: string, db: Db, corpus: Corpus, log: (s: string) => void = () => {}): Pools {
  const cache = poolsFile(path);
  const papers = (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
  if (existsSync(cache)) {
    const pools = JSON.parse(readFileSync(cache, 'utf8')) as Pools;
    if (pools.papers === papers) return pools;
  }
  log(`  counting matches of candidate queries (once; cached in ${cache})`);
  const pools = buildPools(db, corpus, log);
  writeFileSync(cache, JSON.stringify(pools));
  return pools;
}

// ------------------------------------------------------------------------------------------------
// the generator

export class Workload {
  private readonly rng: Rng;
  constructor(
    readonly pools: Pools,
    seed: number,
    /** Share of requests that are day pages. */
    readonly dayShare = 0.3,
  ) {
    this.rng = new Rng(seed, 4242);
  }

  next(): AppRequest {
    return this.rng.next() < this.dayShare
      ? { kind: 'day', date: this.day() }
      : { kind: 'search', search: this.search() };
  }

  day(): string {
    return this.rng.pick(this.pools.days);
  }

  private category(): string {
    const cats = this.pools.categories;
    return cats[this.rng.zipf(cats.length, 3)]!;
  }

  private dateRange(): { from: string; to: string } {
    const days = this.pools.days;
    const span = 20 + this.rng.int(480);
    const start = this.rng.int(Math.max(1, days.length - span));
    return { from: days[start]!, to: days[Math.min(days.length - 1, start + span)]! };
  }

  search(cls?: SearchClass): SearchRequest {
    const r = this.rng;
    if (!cls) {
      let x = r.next();
      cls = SEARCH_CLASSES[SEARCH_CLASSES.length - 1]!;
      for (const c of SEARCH_CLASSES) {
        x -= CLASS_WEIGHTS[c];
        if (x < 0) {
          cls = c;
          break;
        }
      }
    }
    const p = this.pools;
    const word = (xs: [string, number][]): string => r.pick(xs)[0];
    const s: SearchRequest = { cls, q: null, category: null, from: null, to: null, author: null, page: 1 };
    switch (cls) {
      case 'common word':
        s.q = word(p.common);
        break;
      case 'mid word':
        s.q = word(p.mid);
        break;
      case 'rare word':
        s.q = word(p.rare);
        break;
      case 'two words':
        s.q = `${word(r.next() < 0.5 ? p.common : p.mid)} ${word(p.mid)}`;
        break;
      case 'phrase':
        s.q = word(p.phrases);
        break;
      case 'prefix*':
        s.q = word(p.prefixes);
        break;
      case 'CJK':
        s.q = word(p.cjk);
        break;
      case 'author only':
        s.author = word(p.authors);
        break;
      case 'category only':
        s.category = this.category();
        if (r.next() < 0.5) Object.assign(s, this.dateRange());
        break;
    }
    if (s.q) {
      if (r.next() < CATEGORY_FILTER) s.category = this.category();
      if (r.next() < DATE_FILTER) Object.assign(s, this.dateRange());
      if (r.next() < AUTHOR_FILTER) s.author = word(p.authors);
    }
    if (r.next() < PAGE_3) s.page = 3;
    return s;
  }
}
