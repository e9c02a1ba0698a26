import OpenAI from 'openai';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startOpenAiStandIn } from '../../test/support/openai-standin.js';
import type { PaperInput } from '../core/types.js';
import type { DayView } from '../core/day-view.js';
import { loadDay } from '../publish/load-day.js';
import type { Store } from '../store/store.js';
import { ai, testDir, testStore } from '../../test/support/fixtures.js';
import { createOpenAiEmbeddingSource } from './embeddings.js';
import {
  chooseForLlm,
  createRanker,
  libraryPath,
  MODEL_STATE,
  planSummaries,
  PROFILE_STATE,
  type RankerOptions,
} from './for-day.js';
import type { LinearModel } from './learned.js';
import { LibraryError } from './library.js';
import { EMPTY_PROFILE, parseProfile } from './profile.js';

const DAY = '2026-03-02';
const EARLIER = '2026-02-27';

const FILLER = [
  'Speech recognition with acoustic models',
  'Compiler optimisation for loops',
  'Game-theoretic auctions and equilibria',
  'Wireless channel coding bounds',
  'Robot grasping from tactile sensing',
  'Database query planning at scale',
  'Quantum error correction codes',
  'Weather forecasting with numerical models',
  'Traffic routing in road networks',
  'Market microstructure and price impact',
];

const paper = (id: string, title: string, more: Partial<PaperInput> = {}): PaperInput => ({
  id,
  version: 1,
  title,
  authors: ['Some One'],
  abstract: `${title}. We study this problem and report results on standard benchmarks.`,
  categories: ['cs.LG'],
  ...more,
});

function announce(store: Store, date: string, papers: PaperInput[]): void {
  store.upsertPapers(papers, 'test');
  store.addAnnouncements(
    date,
    papers.map((p) => ({ paperId: p.id, category: p.categories[0]!, version: 1, kind: 'new' as const })),
    'test',
  );
}

/** A day of 24 papers: three on graph neural networks, one on protein folding, the rest unrelated. */
function seeded(): Store {
  const store = testStore();
  announce(store, DAY, [
    paper('2603.00001', 'Message passing graph neural networks for molecules', { authors: ['Jane Doe', 'Bo Li'] }),
    paper('2603.00002', 'Scalable graph neural networks with sparse message passing'),
    paper('2603.00003', 'A survey of graph neural networks'),
    paper('2603.00004', 'Protein folding with diffusion models', { categories: ['q-bio.BM', 'cs.LG'] }),
    ...Array.from({ length: 20 }, (_, i) =>
      paper(`2603.1${String(i).padStart(4, '0')}`, `${FILLER[i % FILLER.length]} ${i}`),
    ),
  ]);
  return store;
}

const load = (store: Store, date = DAY): DayView =>
  loadDay(store, { date, language: 'English', categoryOrder: ['cs.LG'], preferredSummarizer: 'offline' });

function ranker(store: Store, over: Partial<RankerOptions> = {}) {
  const lines: string[] = [];
  const r = createRanker({
    store,
    configProfile: EMPTY_PROFILE,
    flags: {},
    baseDir: testDir(),
    embeddings: null,
    log: (line) => lines.push(line),
    ...over,
  });
  return { r, lines };
}

const rankOf = (day: DayView, id: string) => day.papers.find((p) => p.paper.id === id)!.rank;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createRanker: the profile in force', () => {
  it('should do nothing without a profile, library or ratings', async () => {
    const store = seeded();
    const { r } = ranker(store);
    expect(r.active()).toBe(false);
    const day = load(store);
    expect(await r.rankDay(day)).toBe(day);
  });

  it('should put the flags on top of the config profile, and a saved profile in place of the config one', async () => {
    const store = seeded();
    const config = parseProfile({ keywords: ['graph neural networks'], exclude: ['survey'] }, 'c.json');
    const { r } = ranker(store, { configProfile: config, flags: { authors: 'Jane Doe' } });
    expect(r.active()).toBe(true);
    expect(r.profile()).toMatchObject({
      keywords: [{ term: 'graph neural networks', weight: 1 }],
      authors: [{ name: 'Jane Doe', weight: 1 }],
    });
    const day = await r.rankDay(load(store));
    expect(rankOf(day, '2603.00001')).toEqual({
      score: expect.closeTo(0.6667, 4),
      reason: "author Jane Doe; keyword 'graph neural networks' in title", // equal weights: alphabetical
    });
    expect(rankOf(day, '2603.00003')!.reason).toContain("excluded keyword 'survey' in title");
    expect(rankOf(day, '2603.10000')).toEqual({ score: 0, reason: '' });
    expect(day.forYou!.map((p) => p.paper.id)).toEqual(['2603.00001', '2603.00002']);

    r.saveProfile(parseProfile({ keywords: ['protein folding:2'] }, 'web'));
    expect(store.getState(PROFILE_STATE)).toEqual({
      keywords: ['protein folding:2'],
      exclude: [],
      authors: [],
      categories: {},
      examples: [],
      library: [],
    });
    const saved = await r.rankDay(load(store));
    expect(saved.forYou!.map((p) => [p.paper.id, p.rank!.reason])).toEqual([
      ['2603.00004', "keyword 'protein folding' in title"],
      ['2603.00001', 'author Jane Doe'],
    ]);
    r.saveProfile(null);
    expect(store.getState(PROFILE_STATE)).toBeNull();
    expect(r.profile().keywords.map((k) => k.term)).toEqual(['graph neural networks']);
  });

  it('should keep the ranks of a day until the store changes, then rank it again', async () => {
    const store = seeded();
    const { r } = ranker(store, { flags: { keywords: 'sparse' } });
    const first = await r.rankDay(load(store));
    expect(rankOf(first, '2603.00002')!.reason).toBe("keyword 'sparse' in title");
    const again = await r.rankDay(load(store));
    expect(again.papers.map((p) => p.rank)).toEqual(first.papers.map((p) => p.rank));
    // A summary mentioning the keyword arrives: the store changed, so the day is ranked anew.
    store.upsertSummaries([
      {
        paperId: '2603.10000',
        version: 1,
        language: 'English',
        summarizer: 'offline',
        promptVersion: 'v1',
        status: 'ok',
        fields: { ...ai('2603.10000'), tldr: 'A sparse method.' },
      },
    ]);
    const later = await r.rankDay(load(store));
    expect(rankOf(later, '2603.10000')!.reason).toBe("keyword 'sparse' in summary");
  });

  it('should say once that a saved profile is unusable and use the config one', async () => {
    const store = seeded();
    store.setState(PROFILE_STATE, { keywords: [{ term: 'x', weight: -1 }] });
    const config = parseProfile({ keywords: ['graph'] }, 'c.json');
    const { r, lines } = ranker(store, { configProfile: config });
    expect(r.profile().keywords.map((k) => k.term)).toEqual(['graph']);
    r.profile();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^rank: the profile saved from the web app .*weight of "x".*; using the config file's profile$/,
    );
  });
});

describe('createRanker: library and example papers', () => {
  const BIB = (extra = '') => `@article{gnn,
  title = {Neural message passing for quantum chemistry},
  author = {Gilmer, Justin and Schoenholz, Samuel},
  abstract = {Graph neural networks with message passing predict molecular properties.},
  eprint = {1704.01212},
}

@misc{note,
  author = {Nobody},
}
${extra}`;

  it('should read a library relative to the config folder, once per modification, and say skipped entries once', async () => {
    const store = seeded();
    const dir = testDir({ 'lib.bib': BIB() });
    const config = parseProfile({ library: ['lib.bib'] }, 'c.json');
    const { r, lines } = ranker(store, { configProfile: config, baseDir: dir });
    const day = await r.rankDay(load(store));
    const top = day.forYou!.map((p) => p.paper.id);
    expect(top.slice(0, 2).sort()).toEqual(['2603.00001', '2603.00002']);
    expect(rankOf(day, '2603.00001')!.reason).toBe('similar to 1704.01212 from your library');
    await r.rankDay(load(store));
    expect(lines).toEqual([
      `rank: library ${join(dir, 'lib.bib')}: 1 entry read, 1 entry skipped (@misc{note} has no title at line 8)`,
    ]);
    // A changed file is read again (and its skipped entries said again).
    writeFileSync(join(dir, 'lib.bib'), BIB('@misc{x, author = {A}}\n'));
    utimesSync(join(dir, 'lib.bib'), new Date(), new Date(Date.now() + 5000));
    await r.rankDay(load(store));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('2 entries skipped');
  });

  it('should expand ~ to the home folder', () => {
    vi.stubEnv('HOME', '/home/reader');
    expect(libraryPath('~/Zotero/export.bib', '/etc/digest')).toBe('/home/reader/Zotero/export.bib');
    expect(libraryPath('lib/x.ris', '/etc/digest')).toBe('/etc/digest/lib/x.ris');
    expect(libraryPath('/abs/x.json', '/etc/digest')).toBe('/abs/x.json');
  });

  it('should fail naming the file when a library cannot be read or parsed', async () => {
    const store = seeded();
    const dir = testDir({ 'bad.bib': '@article{a,\n  title = {Unclosed\n' });
    const missing = ranker(store, { configProfile: parseProfile({ library: ['gone.bib'] }, 'c'), baseDir: dir }).r;
    await expect(missing.rankDay(load(store))).rejects.toThrow(
      new RegExp(
        `^${join(dir, 'gone.bib')}: cannot read the library file \\(ENOENT; profile.library has "gone.bib"\\)$`,
      ),
    );
    const bad = ranker(store, { configProfile: parseProfile({ library: ['bad.bib'] }, 'c'), baseDir: dir }).r;
    const e = await bad.rankDay(load(store)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LibraryError);
    expect((e as Error).message).toMatch(new RegExp(`^${join(dir, 'bad.bib')}:\\d+: `));
  });

  it('should rank by example papers from the store and say once which are missing', async () => {
    const store = seeded();
    announce(store, EARLIER, [paper('2602.00001', 'Graph neural networks for message passing on molecules')]);
    const config = parseProfile({ examples: ['2602.00001', '2602.09999'] }, 'c.json');
    const { r, lines } = ranker(store, { configProfile: config });
    const day = await r.rankDay(load(store));
    expect(rankOf(day, '2603.00001')!.reason).toBe('similar to your example 2602.00001');
    await r.rankDay(load(store));
    expect(lines).toEqual([
      'rank: example paper not in the store, left out: 2602.09999 (fetch or import the day that announced them)',
    ]);
  });
});

describe('createRanker: the learned model', () => {
  /** Earlier days with 8 papers on graphs (rated up) and 8 on proteins (rated down), plus others. */
  function rated(store: Store) {
    const up = Array.from({ length: 8 }, (_, i) =>
      paper(`2602.0010${i}`, `Graph neural networks and message passing, study ${i}`),
    );
    const down = Array.from({ length: 8 }, (_, i) =>
      paper(`2602.0020${i}`, `Protein folding and structure, study ${i}`),
    );
    const other = Array.from({ length: 30 }, (_, i) => paper(`2602.003${String(i).padStart(2, '0')}`, FILLER[i % 10]!));
    announce(store, EARLIER, [...up, ...down, ...other]);
    for (const p of up) store.setMark(p.id, { rating: 1 });
    for (const p of down) store.setMark(p.id, { rating: -1 });
  }

  it('should become active with enough ratings, train once, keep the model in the store, and retrain when ratings change', async () => {
    const store = seeded();
    const { r, lines } = ranker(store);
    expect(r.active()).toBe(false);
    rated(store);
    expect(r.active()).toBe(true);
    const day = await r.rankDay(load(store));
    expect(lines).toEqual(['rank: trained the model on your ratings (8 up, 8 down) and 30 other papers']);
    expect(rankOf(day, '2603.00002')!.score).toBeGreaterThan(0.3);
    expect(rankOf(day, '2603.00002')!.reason).toContain('matches your ratings');
    expect(rankOf(day, '2603.00004')!.score).toBeLessThan(rankOf(day, '2603.10000')!.score);
    const kept = store.getState<LinearModel>(MODEL_STATE)!;
    expect(kept.trainedOn).toEqual({ positive: 8, negative: 8, background: 30 });

    // Reused: by this ranker, and by another one (another process) from the store.
    await r.rankDay(load(store));
    const other = ranker(store);
    expect(await other.r.rankDay(load(store))).toEqual(day);
    expect([lines.length, other.lines.length]).toEqual([1, 0]);

    store.setMark('2602.00300', { favorite: true });
    await r.rankDay(load(store));
    expect(lines[1]).toBe('rank: trained the model on your ratings (9 up, 8 down) and 29 other papers');
    expect(store.getState<LinearModel>(MODEL_STATE)!.fingerprint).not.toBe(kept.fingerprint);
  });
});

describe('createRanker: embeddings', () => {
  async function provider(options: Parameters<typeof startOpenAiStandIn>[0] = {}) {
    const s = await startOpenAiStandIn({ embeddingDims: 64, ...options });
    onTestFinished(() => s.close());
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: s.url, maxRetries: 0 });
    const embeddings = createOpenAiEmbeddingSource({ client, model: 'emb-1' });
    const calls = () => s.requests.filter((q) => q.path === '/v1/embeddings');
    return { s, embeddings, calls };
  }

  it('should embed the day and the examples once, cache the vectors in the store, and use them', async () => {
    const store = seeded();
    announce(store, EARLIER, [paper('2602.00001', 'Graph neural networks for message passing on molecules')]);
    const { embeddings, calls } = await provider();
    const config = parseProfile({ examples: ['2602.00001'] }, 'c.json');
    const { r, lines } = ranker(store, { configProfile: config, embeddings });
    const day = await r.rankDay(load(store));
    expect(calls()).toHaveLength(1);
    expect((calls()[0]!.body as { input: string[] }).input).toHaveLength(25);
    expect(store.getEmbeddings(['2603.00001', '2602.00001'], 'emb-1').size).toBe(2);
    expect(day.papers.some((p) => p.rank!.reason.includes('close in meaning to 2602.00001'))).toBe(true);
    await ranker(store, { configProfile: config, embeddings }).r.rankDay(load(store));
    expect(calls()).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('should say an embeddings failure once and rank without them', async () => {
    const store = seeded();
    const { embeddings, calls } = await provider({ embeddingStatus: 500 });
    const config = parseProfile({ keywords: ['graph neural networks'], examples: ['2603.00002'] }, 'c.json');
    let clock = 0;
    const { r, lines } = ranker(store, { configProfile: config, embeddings, now: () => clock });
    const day = await r.rankDay(load(store));
    expect(rankOf(day, '2603.00001')!.reason).toContain("keyword 'graph neural networks' in title");
    await r.rankDay(load(store));
    expect(calls()).toHaveLength(1); // paused after the failure
    clock += 11 * 60_000;
    await r.rankDay(load(store));
    expect(calls()).toHaveLength(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rank: embeddings request failed \(model emb-1\): 500 .*; ranking without embeddings$/);
  });

  it('should search the shown summary too', async () => {
    const store = seeded();
    store.upsertSummaries([
      {
        paperId: '2603.10001',
        version: 1,
        language: 'English',
        summarizer: 'offline',
        promptVersion: 'offline-1',
        status: 'ok',
        fields: { ...ai('x'), method: 'A hypergraph sheaf construction.' },
      },
    ]);
    const { r } = ranker(store, { configProfile: parseProfile({ keywords: ['sheaf'] }, 'c') });
    expect(rankOf(await r.rankDay(load(store)), '2603.10001')!.reason).toBe("keyword 'sheaf' in summary");
  });
});

describe('planSummaries and chooseForLlm', () => {
  it('should take the best scores first, unranked papers as 0, ties in digest order, and say where papers go', async () => {
    const store = seeded();
    const { r } = ranker(store, {
      configProfile: parseProfile({ keywords: ['graph neural networks'], exclude: ['compiler'] }, 'c'),
    });
    const day = await r.rankDay(load(store));
    expect(planSummaries(day, { top: 3 })).toEqual({
      selected: ['2603.00001', '2603.00002', '2603.00003'],
      label: 'top 3 by score',
    });
    expect(planSummaries(day, { minScore: 0.5 }).selected).toEqual(['2603.00001', '2603.00002', '2603.00003']);
    expect(planSummaries(day, { top: 1, minScore: 0.5 }).label).toBe('top 1 by score, score ≥ 0.5');
    // The two "Compiler …" papers last, in digest order.
    expect(planSummaries(day, { top: 30 }).selected.slice(-2)).toEqual(['2603.10001', '2603.10011']);
    const lines: string[] = [];
    const unranked = load(store);
    expect([...chooseForLlm(unranked, { top: 2 }, 'openai:m', (l) => lines.push(l))]).toEqual([
      '2603.00001',
      '2603.00002',
    ]);
    expect(lines).toEqual([
      'summarize: no profile, library or ratings to rank by (README: Ranking): every paper scores 0, so the first papers of the digest are chosen',
      'summarize: 2 by openai:m (top 2 by score), 22 offline',
    ]);
  });
});
