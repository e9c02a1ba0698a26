import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PaperInput, PublishedDay, SummaryInput } from '../core/types.js';
import { ai, testDir, testStore } from '../../test/support/fixtures.js';
import { MIGRATIONS } from './migrations.js';
import { BROAD, DEFAULT_TUNING, phraseWords, searchPage } from './search-page.js';
import { openStore, type Store } from './store.js';

const paper = (id: string, over: Partial<PaperInput> = {}): PaperInput => ({
  id,
  title: `Title ${id}`,
  authors: ['A. Author'],
  abstract: `Abstract ${id}`,
  categories: ['cs.LG', 'cs.AI'],
  ...over,
});

const summary = (paperId: string, over: Partial<SummaryInput> = {}): SummaryInput => ({
  paperId,
  version: 1,
  language: 'English',
  summarizer: 'offline',
  promptVersion: 'v1',
  status: 'ok',
  fields: ai(paperId),
  ...over,
});

describe('Store', () => {
  it('should create the folder, migrate to the latest version, and use WAL with foreign keys', () => {
    const path = join(testDir(), 'nested', 'deeper', 'store.db');
    const store = openStore(path);
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.rawDatabase().pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.rawDatabase().pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
    // Reopening applies nothing twice.
    const again = openStore(path);
    expect(again.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    again.close();
  });

  it('should rebuild the search index of an older store with prefix lookups, saying so, keeping every row', () => {
    const path = join(testDir(), 'store.db');
    const raw = new Database(path);
    for (const m of MIGRATIONS.filter((x) => x.version <= 6)) raw.exec(m.sql);
    raw.pragma('user_version = 6');
    const now = '2026-01-01T00:00:00Z';
    raw
      .prepare(
        `INSERT INTO papers (n, id, title, authors, abstract, categories, primary_category, source, created_at, updated_at)
         VALUES (7, '2401.00007', 'Modelling things', '["Jane Doe"]', 'Abstract', '["cs.LG"]', 'cs.LG', 't', ?, ?)`,
      )
      .run(now, now);
    raw
      .prepare(
        "INSERT INTO search_index (rowid, title, authors, abstract, summaries) VALUES (7, 'Modelling things', 'Jane Doe', 'Abstract', '')",
      )
      .run();
    raw.close();
    const said: string[] = [];
    const store = openStore(path, { log: (l) => said.push(l) });
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(said.join('\n')).toMatch(/rebuilding the search index/);
    expect(
      (
        store.rawDatabase().prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").get() as {
          sql: string;
        }
      ).sql,
    ).toMatch(/prefix = '3 4 5 6'/);
    expect(store.searchPage({ fts: 'model*', limit: 5, offset: 0 }).hits.map((h) => h.id)).toEqual(['2401.00007']);
    store.close();
  });

  it('should give failures stored before attempts were counted one attempt, due at once, and keep the counts written', () => {
    const path = join(testDir(), 'store.db');
    const raw = new Database(path);
    for (const m of MIGRATIONS.filter((x) => x.version <= 7)) raw.exec(m.sql);
    raw.pragma('user_version = 7');
    const at = '2026-01-01T00:00:00Z';
    raw
      .prepare(
        `INSERT INTO papers (n, id, title, authors, abstract, categories, primary_category, source, created_at, updated_at)
         VALUES (1, '2401.00001', 'T', '[]', 'A', '["cs.LG"]', 'cs.LG', 't', ?, ?)`,
      )
      .run(at, at);
    const row = raw.prepare(
      `INSERT INTO summaries (paper_id, version, language, summarizer, prompt_version, status, error, created_at, updated_at)
       VALUES ('2401.00001', 1, ?, 'openai:m', 'v1', ?, ?, ?, ?)`,
    );
    row.run('English', 'failed', 'HTTP 500', at, at);
    row.run('German', 'pending', 'waiting', at, at);
    raw.close();
    const store = openStore(path);
    const [en, de] = store.getSummaries('2401.00001');
    expect(en).toMatchObject({ status: 'failed', attempts: 1, retryAfter: at });
    expect(de).toMatchObject({ status: 'pending', attempts: 0, retryAfter: null });
    store.upsertSummaries([{ ...en!, attempts: 2, retryAfter: '2026-01-02T00:00:00.000Z' }]);
    expect(store.getSummaries('2401.00001')[0]).toMatchObject({ attempts: 2, retryAfter: '2026-01-02T00:00:00.000Z' });
    store.close();
  });

  it('should refuse a store from a newer release instead of touching it', () => {
    const path = join(testDir(), 'store.db');
    const raw = new Database(path);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openStore(path)).toThrow(/schema version 999, newer than this arxiv-digest knows/);
  });

  it('should report inserted, updated and unchanged papers', () => {
    const store = testStore();
    expect(store.upsertPapers([paper('2401.00001'), paper('2401.00002')], 'test')).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(store.upsertPapers([paper('2401.00001'), paper('2401.00002', { title: 'New title' })], 'test')).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(store.getPaper('2401.00002')!.title).toBe('New title');
  });

  it('should keep what a poorer source does not know', () => {
    const store = testStore();
    store.upsertPapers(
      [paper('2401.00001', { version: 2, comment: '10 pages', doi: '10.1/x', categories: ['cs.LG', 'stat.ML'] })],
      'api',
    );
    // A Markdown digest knows only the primary category and nothing of comment/doi.
    store.upsertPapers([paper('2401.00001', { categories: ['cs.LG'], categoriesPartial: true })], 'import:markdown');
    const p = store.getPaper('2401.00001')!;
    expect(p).toMatchObject({ version: 2, comment: '10 pages', doi: '10.1/x', categories: ['cs.LG', 'stat.ML'] });
  });

  it('should never let metadata of an older version overwrite a newer one', () => {
    const store = testStore();
    store.upsertPapers([paper('2401.00001', { version: 3, title: 'v3 title' })], 'api');
    expect(store.upsertPapers([paper('2401.00001', { version: 1, title: 'v1 title' })], 'api').unchanged).toBe(1);
    expect(store.getPaper('2401.00001')).toMatchObject({ version: 3, title: 'v3 title' });
  });

  it('should merge announcements so that a subset then the whole list ends in the whole order', () => {
    const store = testStore();
    store.upsertPapers(
      ['a', 'b', 'c', 'd'].map((x, i) => paper(`2401.0000${i + 1}`)),
      't',
    );
    const row = (n: number, category = 'cs.LG') => ({
      paperId: `2401.0000${n}`,
      category,
      version: null,
      kind: 'new' as const,
    });
    store.addAnnouncements('2026-01-05', [row(2), row(4)], 't');
    const counts = store.addAnnouncements('2026-01-05', [row(1), row(2), row(3), row(2, 'cs.AI'), row(4)], 't');
    expect(counts).toEqual({ inserted: 3, updated: 0, unchanged: 2 });
    expect(store.getDay('2026-01-05').map((r) => `${r.paper.id}@${r.category}`)).toEqual([
      '2401.00001@cs.LG',
      '2401.00002@cs.LG',
      '2401.00003@cs.LG',
      '2401.00002@cs.AI',
      '2401.00004@cs.LG',
    ]);
    expect(store.addAnnouncements('2026-01-05', [row(1), row(2)], 't')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(store.listDays()).toEqual([{ date: '2026-01-05', papers: 4 }]);
    // A later list with nothing in common is appended, not put first.
    store.upsertPapers([paper('2401.00009')], 't');
    store.addAnnouncements('2026-01-05', [row(9)], 't');
    expect(store.getDay('2026-01-05').at(-1)!.paper.id).toBe('2401.00009');
  });

  it('should refuse announcements of unknown papers (foreign key)', () => {
    const store = testStore();
    expect(() =>
      store.addAnnouncements(
        '2026-01-05',
        [{ paperId: '2401.09999', category: 'cs.LG', version: null, kind: 'new' }],
        't',
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(store.listDays()).toEqual([]);
  });

  it('should key summaries by paper, version, language, summarizer and prompt version', () => {
    const store = testStore();
    store.upsertPapers([paper('2401.00001')], 't');
    expect(
      store.upsertSummaries([summary('2401.00001'), summary('2401.00001', { language: 'Chinese' })]).inserted,
    ).toBe(2);
    expect(store.upsertSummaries([summary('2401.00001')])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(
      store.upsertSummaries([
        summary('2401.00001', { promptVersion: 'v2' }),
        summary('2401.00001', { status: 'failed', fields: null, error: 'timeout' }),
      ]),
    ).toEqual({
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
    const failed = store.getSummaries('2401.00001').find((s) => s.promptVersion === 'v1' && s.language === 'English')!;
    expect(failed).toMatchObject({ status: 'failed', fields: null, error: 'timeout' });
  });

  it('should refuse an ok summary without its five fields', () => {
    const store = testStore();
    store.upsertPapers([paper('2401.00001')], 't');
    expect(() => store.upsertSummaries([summary('2401.00001', { fields: null })])).toThrow(/CHECK/);
  });

  it('should roll back a whole write when any part fails', () => {
    const store = testStore();
    expect(() =>
      store.transaction(() => {
        store.upsertPapers([paper('2401.00001')], 't');
        store.addAnnouncements(
          '2026-01-05',
          [{ paperId: '2401.00001', category: 'cs.LG', version: null, kind: 'new' }],
          't',
        );
        throw new Error('killed midway');
      }),
    ).toThrow('killed midway');
    expect(store.stats()).toEqual({ papers: 0, days: 0, announcements: 0, summaries: 0 });
  });

  it('should log runs with their counts', () => {
    const store = testStore();
    const id = store.startRun('import', { files: ['x'] });
    expect(store.listRuns()[0]).toMatchObject({ id, status: 'running', finishedAt: null });
    store.finishRun(id, 'ok', { papers: 3 });
    expect(store.listRuns()[0]).toMatchObject({ id, command: 'import', status: 'ok', counts: { papers: 3 } });
  });
});

describe('Store.search', () => {
  const seeded = () => {
    const store = testStore();
    store.upsertPapers(
      [
        paper('2401.00001', {
          title: 'Self-supervised graph networks',
          abstract: 'We learn graph representations.',
          authors: ['Jane Doe'],
        }),
        paper('2401.00002', {
          title: 'Diffusion models for audio',
          abstract: 'Networks that denoise audio.',
          authors: ['John Roe'],
        }),
      ],
      't',
    );
    store.addAnnouncements(
      '2026-01-05',
      [{ paperId: '2401.00001', category: 'cs.LG', version: null, kind: 'new' }],
      't',
    );
    store.upsertSummaries([
      summary('2401.00002', { language: 'Chinese', fields: { ...ai('x'), tldr: '提出一种用于音频的扩散模型' } }),
    ]);
    return store;
  };

  it('should rank title matches first and return date and highlighted snippet', () => {
    const hits = seeded().search('graph', 10);
    expect(hits.map((h) => h.id)).toEqual(['2401.00001']);
    expect(hits[0]).toMatchObject({ date: '2026-01-05', authors: ['Jane Doe'] });
    expect(hits[0]!.snippet).toContain('\u0002graph\u0003');
  });

  it('should stem English words and search summaries in Chinese by substring', () => {
    const store = seeded();
    expect(
      store
        .search('network', 10)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['2401.00001', '2401.00002']);
    expect(store.search('"扩 散"', 10).map((h) => h.id)).toEqual(['2401.00002']);
  });

  it('should turn an FTS syntax error into a usage error', () => {
    expect(() => seeded().search('AND OR', 10)).toThrow(/invalid search query/);
  });
});

describe('Store.searchPage and reader marks', () => {
  const seeded = () => {
    const store = testStore();
    store.upsertPapers(
      [
        paper('2401.00001', {
          title: 'Graph networks for chips',
          authors: ['Jane Doe'],
          categories: ['cs.AR', 'cs.LG'],
        }),
        paper('2401.00002', { title: 'Graph kernels 100%_sure', authors: ['John Roe'], categories: ['cs.LG'] }),
        paper('2401.00003', { title: 'Quantum stuff', authors: ['Jane Doe'], categories: ['quant-ph'] }),
      ],
      't',
    );
    store.addAnnouncements(
      '2026-01-05',
      [{ paperId: '2401.00001', category: 'cs.AR', version: null, kind: 'new' }],
      't',
    );
    store.addAnnouncements(
      '2026-02-05',
      [{ paperId: '2401.00002', category: 'cs.LG', version: null, kind: 'new' }],
      't',
    );
    store.addAnnouncements(
      '2026-03-05',
      [{ paperId: '2401.00003', category: 'quant-ph', version: null, kind: 'new' }],
      't',
    );
    return store;
  };
  const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

  it('should filter by category, dates and author, and page with a "more" flag', () => {
    const store = seeded();
    const base = { fts: 'graph', limit: 10, offset: 0 };
    expect(ids(store.searchPage(base)).sort()).toEqual(['2401.00001', '2401.00002']);
    expect(ids(store.searchPage({ ...base, category: 'cs.AR' }))).toEqual(['2401.00001']);
    expect(ids(store.searchPage({ ...base, from: '2026-02-01', to: '2026-02-28' }))).toEqual(['2401.00002']);
    expect(ids(store.searchPage({ ...base, author: 'Jane Doe' }))).toEqual(['2401.00001']);
    expect(ids(store.searchPage({ fts: null, author: 'Jane Doe', limit: 10, offset: 0 }))).toEqual([
      '2401.00003',
      '2401.00001',
    ]);
    const page1 = store.searchPage({ ...base, limit: 1 });
    expect([page1.hits.length, page1.more]).toEqual([1, true]);
    const page2 = store.searchPage({ ...base, limit: 1, offset: 1 });
    expect([page2.hits.length, page2.more]).toEqual([1, false]);
    // LIKE wildcards in a category name are data, not patterns.
    expect(ids(store.searchPage({ fts: null, category: 'cs.%', limit: 10, offset: 0 }))).toEqual([]);
  });

  it('should order query hits by last announcement when asked for the newest first', () => {
    const store = seeded();
    expect(ids(store.searchPage({ fts: 'graph', order: 'newest', limit: 10, offset: 0 }))).toEqual([
      '2401.00002',
      '2401.00001',
    ]);
    expect(ids(store.searchPage({ fts: 'graph OR quantum', order: 'newest', limit: 2, offset: 1 }))).toEqual([
      '2401.00002',
      '2401.00001',
    ]);
  });

  it('should keep the category and day tables of migration 5 equal to a fresh backfill', () => {
    const store = seeded();
    // A newer version moves a paper to other categories; a second announcement day; a removal.
    store.upsertPapers([paper('2401.00002', { version: 2, categories: ['math.GT', 'cs.LG'] })], 't');
    store.addAnnouncements(
      '2026-04-01',
      [{ paperId: '2401.00001', category: 'cs.LG', version: null, kind: 'replace' }],
      't',
    );
    store.rawDatabase().prepare("DELETE FROM papers WHERE id = '2401.00003'").run();
    const rows = (sql: string) => store.rawDatabase().prepare(sql).all();
    expect(rows('SELECT category, n FROM paper_categories ORDER BY 1, 2')).toEqual(
      rows('SELECT DISTINCT j.value AS category, p.n FROM papers p, json_each(p.categories) j ORDER BY 1, 2'),
    );
    expect(rows('SELECT date, n FROM paper_days ORDER BY 1, 2')).toEqual(
      rows('SELECT DISTINCT a.date, p.n FROM announcements a JOIN papers p ON p.id = a.paper_id ORDER BY 1, 2'),
    );
    expect(ids(store.searchPage({ fts: null, category: 'math.GT', limit: 10, offset: 0 }))).toEqual(['2401.00002']);
    // Browsing newest first lists a paper once, at its newest day.
    expect(ids(store.searchPage({ fts: null, limit: 10, offset: 0 }))).toEqual(['2401.00001', '2401.00002']);
    expect(ids(store.searchPage({ fts: null, from: '2026-01-01', to: '2026-03-01', limit: 10, offset: 0 }))).toEqual([
      '2401.00002',
      '2401.00001',
    ]);
  });

  it(`should list a query with more than ${BROAD} matches newest first, unless asked to rank`, () => {
    const store = testStore();
    const n = BROAD + 50;
    // The strongest match (the word three times in the title) is the oldest paper.
    store.upsertPapers(
      Array.from({ length: n }, (_, i) =>
        paper(`2401.${String(i).padStart(5, '0')}`, {
          title: i === 0 ? 'sparse sparse sparse' : `Paper ${i} about sparse things`,
          abstract: 'x',
        }),
      ),
      't',
    );
    const broad = store.searchPage({ fts: 'sparse', limit: 3, offset: 0 });
    expect(broad.order).toBe('newest');
    expect(broad.hits.map((h) => h.id)).toEqual(['2401.10049', '2401.10048', '2401.10047']);
    expect(broad.hits[0]!.snippet).toContain('\u0002sparse\u0003');
    expect(store.searchPage({ fts: 'sparse', limit: 1, offset: n - 1 }).hits[0]!.id).toBe('2401.00000');
    expect(store.searchPage({ fts: '"sparse things"', limit: 1, offset: 0 }).order).toBe('newest');
    const ranked = store.searchPage({ fts: 'sparse', order: 'rank', limit: 1, offset: 0 });
    expect([ranked.order, ranked.hits[0]!.id]).toEqual(['rank', '2401.00000']);
    // Filters apply to the newest-first list.
    store.addAnnouncements(
      '2026-01-05',
      [{ paperId: '2401.00000', category: 'cs.LG', version: null, kind: 'new' }],
      't',
    );
    const filtered = store.searchPage({ fts: 'sparse', from: '2026-01-01', to: '2026-01-31', limit: 5, offset: 0 });
    expect([filtered.order, filtered.hits.map((h) => h.id)]).toEqual(['newest', ['2401.00000']]);
    // Broad when all the words are (a phrase's words anywhere), else ranked.
    expect(store.searchPage({ fts: 'sparse AND x', limit: 1, offset: 0 }).order).toBe('newest');
    expect(store.searchPage({ fts: '"sparse sparse"', limit: 1, offset: 0 }).order).toBe('newest');
    expect(store.searchPage({ fts: '"sparse sparse"', limit: 1, offset: 0 }).hits[0]!.id).toBe('2401.00000');
    expect(store.searchPage({ fts: 'sparse 1234', limit: 5, offset: 0 }).order).toBe('rank');
  });

  it('should rank by the distinctive words among all matches of the whole query when some words are very common', () => {
    const store = testStore();
    const papers = Array.from({ length: 40 }, (_, i) =>
      paper(`2401.${String(i).padStart(5, '0')}`, {
        title: `common words ${i % 4 === 0 ? 'aerial aerial' : i % 4 === 1 ? 'aerial' : 'ground'}`,
        abstract: i % 2 === 0 ? 'evaluation of things' : 'nothing here',
      }),
    );
    store.upsertPapers(papers, 't');
    const q = { fts: 'common aerial evaluation', limit: 50, offset: 0 };
    const exact = searchPage(store.rawDatabase(), q, {
      ...DEFAULT_TUNING,
      broad: 1000,
      common: 1000,
      probeWindow: 1000,
    });
    const cheap = searchPage(store.rawDatabase(), q, { ...DEFAULT_TUNING, broad: 1000, common: 25, probeWindow: 1000 });
    // Same papers ("aerial aerial" ones first either way), scored without "common".
    expect(cheap.hits.map((h) => h.id).sort()).toEqual(exact.hits.map((h) => h.id).sort());
    expect(cheap.hits.length).toBe(10);
    expect(cheap.hits.slice(0, 5).every((h) => h.title.includes('aerial aerial'))).toBe(true);
    expect(cheap.hits[0]!.snippet).toContain('\u0002aerial\u0003');
    expect(cheap.hits[0]!.score).not.toBeCloseTo(exact.hits[0]!.score, 6);
    // A phrase counts as its words: scored by "aerial" among the papers with the whole phrase.
    const phrase = { fts: '"words aerial"', limit: 50, offset: 0 };
    const exactPhrase = searchPage(store.rawDatabase(), phrase, {
      ...DEFAULT_TUNING,
      broad: 1000,
      common: 1000,
      probeWindow: 1000,
    });
    const cheapPhrase = searchPage(store.rawDatabase(), phrase, {
      ...DEFAULT_TUNING,
      broad: 1000,
      common: 25,
      probeWindow: 1000,
    });
    expect(cheapPhrase.hits.map((h) => h.id).sort()).toEqual(exactPhrase.hits.map((h) => h.id).sort());
    expect(cheapPhrase.hits.length).toBe(20);
    expect(cheapPhrase.hits[0]!.score).not.toBe(exactPhrase.hits[0]!.score);
    // Not a plain list of words: ranked as it is.
    expect(
      searchPage(
        store.rawDatabase(),
        { fts: 'common OR aerial', limit: 5, offset: 0 },
        { ...DEFAULT_TUNING, broad: 1000, common: 15, probeWindow: 1000 },
      ).order,
    ).toBe('rank');
    expect(
      searchPage(
        store.rawDatabase(),
        { fts: 'common', limit: 5, offset: 0 },
        { ...DEFAULT_TUNING, broad: 10, common: 15, probeWindow: 1000 },
      ).order,
    ).toBe('newest');
  });

  it('should list a broad query in a category newest first, probing the newest matches, else the whole set', () => {
    const store = testStore();
    store.upsertPapers(
      Array.from({ length: 40 }, (_, i) =>
        paper(`2401.${String(i).padStart(5, '0')}`, {
          title: `Paper ${i} on topics`,
          categories: i < 3 ? ['math.HO'] : i % 2 ? ['cs.LG'] : ['cs.CV'],
        }),
      ),
      't',
    );
    const tuning = { ...DEFAULT_TUNING, broad: 10, common: 1000, probeWindow: 8 };
    const page = (category: string, offset = 0) =>
      searchPage(store.rawDatabase(), { fts: 'topics', category, limit: 3, offset }, tuning);
    // Among the 8 newest matches: probed.
    expect(page('cs.LG')).toMatchObject({ order: 'newest', more: true });
    expect(page('cs.LG').hits.map((h) => h.id)).toEqual(['2401.00039', '2401.00037', '2401.00035']);
    expect(page('cs.LG', 3).hits.map((h) => h.id)).toEqual(['2401.00033', '2401.00031', '2401.00029']);
    // Only among the oldest: found through the set over every match.
    expect(page('math.HO').hits.map((h) => h.id)).toEqual(['2401.00002', '2401.00001', '2401.00000']);
    expect(page('math.HO').more).toBe(false);
  });

  it('should give the same pages with word counts kept across searches as with fresh ones', () => {
    const store = testStore();
    store.upsertPapers(
      Array.from({ length: 40 }, (_, i) =>
        paper(`2401.${String(i).padStart(5, '0')}`, {
          title: `Paper ${i} on ${i % 3 ? 'sparse topics' : 'dense topics'}${i % 7 ? '' : ' rare'}`,
          categories: i % 2 ? ['cs.LG'] : ['cs.CV'],
        }),
      ),
      't',
    );
    const tuning = { ...DEFAULT_TUNING, broad: 10, common: 20, probeWindow: 8 };
    const queries = [
      'topics',
      'sparse topics',
      '"sparse topics"',
      'rare topics',
      'paper rare',
      'topi*',
      'dense OR rare',
    ];
    const kept = new Map<string, number | null>();
    for (const fts of queries)
      for (const category of [null, 'cs.LG'])
        for (let round = 0; round < 2; round++) {
          const q = { fts, category, limit: 4, offset: round * 4 };
          expect(searchPage(store.rawDatabase(), q, tuning, kept), `${fts} ${category}`).toEqual(
            searchPage(store.rawDatabase(), q, tuning),
          );
        }
    // Single words, by threshold: "topics" is in all 40 papers, "rare" in 6.
    expect(kept.get('oldest 10 topics')).toEqual(expect.any(Number));
    expect(kept.get('oldest 10 rare')).toBeNull();
  });

  it('should browse a category the same from its own rows, as a set or probed per paper', () => {
    const store = testStore();
    for (let day = 0; day < 6; day++) {
      const ids = Array.from({ length: 12 }, (_, i) => `2401.${String(day * 12 + i).padStart(5, '0')}`);
      store.upsertPapers(
        ids.map((id, i) => paper(id, { categories: i % 3 ? ['cs.LG'] : ['math.HO', 'cs.LG'] })),
        't',
      );
      store.addAnnouncements(
        `2024-01-0${day + 1}`,
        ids.map((id, i) => ({
          paperId: id,
          category: i % 3 ? 'cs.LG' : 'math.HO',
          version: null,
          kind: 'new' as const,
        })),
        't',
      );
    }
    const browse = (category: string, smallCategory: number, offset: number, from: string | null = null) =>
      searchPage(
        store.rawDatabase(),
        { fts: null, category, from, to: from ? '2024-01-05' : null, limit: 5, offset },
        { ...DEFAULT_TUNING, smallCategory },
      );
    for (const category of ['cs.LG', 'math.HO'])
      for (const offset of [0, 5, 40])
        for (const from of [null, '2024-01-02']) {
          // 1000: the category's own rows; 1: a set (math.HO: 24 papers < the probe threshold) or
          // probes (cs.LG: 72 papers); both walk the days newest first.
          const own = browse(category, 1000, offset, from);
          expect(browse(category, 1, offset, from), `${category} ${offset} ${from}`).toEqual(own);
        }
    expect(browse('cs.LG', 1, 0).hits.map((h) => h.date)).toEqual(Array(5).fill('2024-01-06'));
    // Four math.HO papers a day: the page after the first five of 01-05 … 01-02.
    expect(browse('math.HO', 1, 5, '2024-01-02').hits.map((h) => h.date)).toEqual([
      ...Array(3).fill('2024-01-04'),
      ...Array(2).fill('2024-01-03'),
    ]);
  });

  it('should loosen phrases into their words for the broad check', () => {
    expect(phraseWords('"gpt 4o" AND title:"c++"')).toBe('("gpt" "4o") AND title:("c++")');
    expect(phraseWords('"数 据"* OR models')).toBe('("数" "据"*) OR models');
    expect(phraseWords('"say ""hi"" now"')).toBe('("say" """hi""" "now")');
  });

  it('should keep embedding vectors per key and model, list marks and read papers by id', () => {
    const store = seeded();
    const v = new Float32Array([0.5, -1.25, 3]);
    store.putEmbeddings([{ key: '2401.00001', vector: v }], 'm1');
    store.putEmbeddings([{ key: '2401.00001', vector: new Float32Array([9]) }], 'm2');
    expect([...store.getEmbeddings(['2401.00001', '2401.00009'], 'm1').get('2401.00001')!]).toEqual([0.5, -1.25, 3]);
    expect(store.getEmbeddings(['2401.00001'], 'm2').get('2401.00001')!.length).toBe(1);
    expect(store.getEmbeddings(['2401.00001'], 'm3').size).toBe(0);
    store.setMark('2401.00001', { favorite: true });
    store.setMark('2401.00002', { rating: -1 });
    store.setMark('2401.00003', { rating: 1 });
    store.setMark('2401.00003', { rating: 0 });
    expect([...store.listMarks()].sort()).toEqual([
      ['2401.00001', { favorite: true, rating: 0 }],
      ['2401.00002', { favorite: false, rating: -1 }],
    ]);
    expect(store.getPapers(['2401.00002', 'nope']).map((p) => p.id)).toEqual(['2401.00002']);
    expect(store.recentPapers(2).map((p) => p.id)).toEqual(['2401.00003', '2401.00002']);
    expect(
      store
        .recentPapers(5, '2026-02-06')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['2401.00001', '2401.00002']);
  });

  it('should tell which of the given papers a query matches, with stemming', () => {
    const store = seeded();
    const all = ['2401.00001', '2401.00002', '2401.00003'];
    expect([...store.matchingPapers('network', all)]).toEqual(['2401.00001']);
    expect([...store.matchingPapers('authors:"Jane Doe"', ['2401.00002', '2401.00003'])]).toEqual(['2401.00003']);
    expect(store.matchingPapers('graph', []).size).toBe(0);
    expect(() => store.matchingPapers('AND OR', all)).toThrow(/invalid search query/);
  });

  it('should keep favorites and ratings per paper', () => {
    const store = seeded();
    expect(store.setMark('2401.00002', { favorite: true })).toBe(true);
    expect(store.setMark('2401.00001', { rating: -1 })).toBe(true);
    expect(store.setMark('9999.99999', { favorite: true })).toBe(false);
    expect(store.listFavorites().map((p) => p.id)).toEqual(['2401.00002']);
    expect(Object.fromEntries(store.getMarks(['2401.00001', '2401.00002', '2401.00003']))).toEqual({
      '2401.00001': { favorite: false, rating: -1 },
      '2401.00002': { favorite: true, rating: 0 },
    });
    store.setMark('2401.00002', { favorite: false });
    expect(store.listFavorites()).toEqual([]);
  });
});

describe('Store.listDays cache', () => {
  it('should see new days written by this connection and by another one', () => {
    const dir = testDir();
    const a = openStore(join(dir, 's.db'));
    const b = openStore(join(dir, 's.db'));
    try {
      a.upsertPapers([paper('2401.00001'), paper('2401.00002')], 't');
      a.addAnnouncements('2026-01-05', [{ paperId: '2401.00001', category: 'cs.LG', version: null, kind: 'new' }], 't');
      expect(a.listDays()).toEqual([{ date: '2026-01-05', papers: 1 }]);
      expect(b.listDays()).toEqual([{ date: '2026-01-05', papers: 1 }]);
      a.addAnnouncements('2026-01-06', [{ paperId: '2401.00002', category: 'cs.LG', version: null, kind: 'new' }], 't');
      expect(a.listDays().map((d) => d.date)).toEqual(['2026-01-06', '2026-01-05']);
      expect(b.listDays().map((d) => d.date)).toEqual(['2026-01-06', '2026-01-05']);
      b.addAnnouncements('2026-01-07', [{ paperId: '2401.00002', category: 'cs.LG', version: null, kind: 'new' }], 't');
      expect(a.listDays()[0]!.date).toBe('2026-01-07');
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('Store.importDay: each published day keeps what it showed', () => {
  const published = (date: string, title: string, tldr: string, stars: number, rank = 3): PublishedDay => ({
    date,
    papers: [
      {
        paper: { id: '2601.00001', title, authors: ['Ada'], abstract: 'A.', categories: ['cs.LG'], comment: null },
        rank,
        code: { url: 'https://github.com/a/b', stars, lastUpdate: date },
      },
    ],
    announcements: [{ paperId: '2601.00001', category: 'cs.LG', version: null, kind: 'new' }],
    summaries: [
      {
        paperId: '2601.00001',
        version: 0,
        language: 'English',
        summarizer: 'imported',
        promptVersion: 'reference',
        day: date,
        status: 'ok',
        fields: ai(tldr),
      },
    ],
    codeLinks: [{ paperId: '2601.00001', url: 'https://github.com/a/b', stars, lastUpdate: date }],
    digests: [{ language: 'English', categoryOrder: null }],
    source: 'import:enhanced-jsonl',
  });
  const shown = (store: Store, date: string) => {
    const row = store.getDay(date)[0]!;
    const summary = store.getDaySummaries(date, 'English').find((s) => s.day === date)!;
    return [row.paper.title, summary.fields!.tldr, store.getDayCodeLinks(date).get('2601.00001')?.stars];
  };

  for (const order of [
    ['2026-01-05', '2026-01-06'],
    ['2026-01-06', '2026-01-05'],
  ])
    it(`should keep both days' titles, summaries and stars whichever is imported first (${order.join(' then ')})`, () => {
      const store = testStore();
      const days = {
        '2026-01-05': published('2026-01-05', 'First title', 'first', 10),
        '2026-01-06': published('2026-01-06', 'Second title (v2)', 'second', 13),
      };
      for (const d of order) store.importDay(days[d as keyof typeof days]);
      expect(shown(store, '2026-01-05')).toEqual(['First title', 'TLDR first', 10]);
      expect(shown(store, '2026-01-06')).toEqual(['Second title (v2)', 'TLDR second', 13]);
      // The paper's row holds the newest day's metadata and stars.
      expect(store.getPaper('2601.00001')!.title).toBe('Second title (v2)');
      expect(store.getCodeLinks('2601.00001')[0]!.stars).toBe(13);
      // Again: nothing changes.
      for (const d of order) {
        const c = store.importDay(days[d as keyof typeof days]);
        expect([c.papers, c.summaries, c.announcements, c.codeLinks].map((x) => x.inserted + x.updated)).toEqual([
          0, 0, 0, 0,
        ]);
      }
      // A newer fetch of the paper changes its row; the published days keep what they showed.
      store.upsertPapers(
        [
          {
            id: '2601.00001',
            version: 3,
            title: 'Third title',
            authors: ['Ada'],
            abstract: 'B.',
            categories: ['cs.LG'],
          },
        ],
        'api',
      );
      expect(shown(store, '2026-01-05')).toEqual(['First title', 'TLDR first', 10]);
      expect(shown(store, '2026-01-06')[0]).toBe('Second title (v2)');
      expect(store.getDay('2026-01-06')[0]!.paper.abstract).toBe('A.');
    });

  it('should not let a poorer file of the day (its Markdown) overwrite a richer one', () => {
    const store = testStore();
    store.importDay(published('2026-01-05', 'Real title', 'x', 1));
    const md = published('2026-01-05', 'Forged title', 'x', 1, 1);
    md.papers[0]!.paper.categoriesPartial = true;
    md.papers[0]!.code = undefined;
    expect(store.importDay(md).papers).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(shown(store, '2026-01-05')[0]).toBe('Real title');
  });
});
