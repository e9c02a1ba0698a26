/**
 * The web app's pages, forms and JSON API through `app.request()` (no port), over a real store:
 * what each page shows, the 4xx answers to bad input, and hostile paper text staying text
 * everywhere (checked by parsing the pages). Ranking and the Profile page run with a fake Ranker
 * (keywords in titles). Security middleware has its own file.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { PaperInput, SummaryInput } from '../core/types.js';
import { UsageError } from '../errors.js';
import { withRanking, type DayView } from '../core/day-view.js';
import { loadDay } from '../publish/load-day.js';
import { renderJson } from '../publish/json.js';
import { EMPTY_PROFILE, parseProfile, type Profile } from '../rank/profile.js';
import type { Ranker } from '../rank/ranker.js';
import type { Store } from '../store/store.js';
import { ai, testStore } from '../../test/support/fixtures.js';
import { createApp, MAX_BODY_BYTES, type AppDeps } from './app.js';

const HOSTILE = '<img src=x onerror=alert(1)> Quantum walks on graphs';
const HOSTILE_AUTHOR = '<script>alert(2)</script>';

const paper = (id: string, over: Partial<PaperInput> = {}): PaperInput => ({
  id,
  version: 1,
  title: `Title ${id}`,
  authors: ['Ada Lovelace'],
  abstract: `Abstract of ${id}.`,
  categories: ['cs.CV'],
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

/** Two days, a hostile paper, an old-style id, summaries in two languages, a code link. */
function world(): Store {
  const store = testStore();
  store.upsertPapers(
    [
      paper('2601.00001', {
        version: 2,
        title: 'Diffusion transformers for video generation',
        authors: ['Jane Doe', 'Ada Lovelace'],
        abstract: 'We scale diffusion transformers to long video. Diffusion sampling is fast.',
        categories: ['cs.CV', 'cs.LG'],
        comment: '12 pages',
        journalRef: 'CVPR 2026',
        doi: '10.1000/xyz',
        published: '2026-01-02T10:00:00Z',
        updated: '2026-01-04T10:00:00Z',
      }),
      paper('2601.00002', {
        title: HOSTILE,
        authors: [HOSTILE_AUTHOR],
        abstract: 'Walks on graphs.',
        categories: ['cs.CL'],
      }),
      paper('2601.00004', { title: 'Speech recognition revisited', authors: ['Jane Doe'], categories: ['cs.CL'] }),
      paper('2601.00003', {
        title: 'Latent diffusion for medical imaging',
        abstract: 'Diffusion in latent space for video and scans.',
      }),
      paper('astro-ph/0601001', { title: 'Old stars', abstract: 'Stars are old.', categories: ['astro-ph'] }),
    ],
    'test',
  );
  store.addAnnouncements(
    '2026-01-05',
    [
      { paperId: '2601.00003', category: 'cs.CV', version: 1, kind: 'new' },
      { paperId: 'astro-ph/0601001', category: 'astro-ph', version: 1, kind: 'new' },
      { paperId: '2601.00001', category: 'cs.CV', version: 1, kind: 'new' },
    ],
    'test',
  );
  store.addAnnouncements(
    '2026-01-06',
    [
      { paperId: '2601.00001', category: 'cs.CV', version: 2, kind: 'replace' },
      { paperId: '2601.00001', category: 'cs.LG', version: 2, kind: 'replace-cross' },
      { paperId: '2601.00002', category: 'cs.CL', version: 1, kind: 'new' },
      { paperId: '2601.00004', category: 'cs.CL', version: 1, kind: 'new' },
    ],
    'test',
  );
  store.upsertSummaries([
    summary('2601.00001', { version: 2, flags: ['unsupported-number'] }),
    summary('2601.00001', {
      language: 'Chinese',
      summarizer: 'imported',
      promptVersion: 'reference',
      fields: { ...ai('zh'), tldr: '视频扩散模型' },
    }),
    summary('2601.00002', { status: 'failed', fields: null, error: 'provider said no' }),
    summary('2601.00003'),
  ]);
  store.upsertCodeLinks([{ paperId: '2601.00001', url: 'https://github.com/jane/vdt', stars: 42 }], 'test');
  return store;
}

const deps = (store: Store, over: Partial<AppDeps> = {}): AppDeps => ({
  store,
  language: 'English',
  categoryOrder: ['cs.CV', 'cs.CL'],
  preferredSummarizer: 'offline',
  siteTitle: 'Test digest',
  token: null,
  now: () => new Date('2026-01-07T08:00:00Z'),
  log: () => {},
  ...over,
});

async function get(app: ReturnType<typeof createApp>, path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  return { res, status: res.status, text: await res.text() };
}

/** A POST as a browser sends it from one of the app's own pages. */
const post = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', ...headers },
});

const dom = (text: string) => parseDocument(text);
const texts = (text: string, selector: (e: ReturnType<typeof DomUtils.findAll>[number]) => boolean) =>
  DomUtils.findAll(selector, dom(text).children).map((e) => DomUtils.textContent(e).trim());
const byClass = (name: string) => (e: { attribs: Record<string, string> }) =>
  (e.attribs.class ?? '').split(' ').includes(name);
const tagged = (tag: string) => (e: { name: string }) => e.name === tag;

describe('serve: pages', () => {
  it('should list the days newest first with their paper counts', async () => {
    const { status, text } = await get(createApp(deps(world())), '/');
    expect(status).toBe(200);
    expect(texts(text, byClass('day-row'))).toEqual(['2026-01-063 papers', '2026-01-053 papers']);
    expect(text).toContain('<a class="date" href="/days/2026-01-06">');
    expect(texts(text, byClass('counts'))[0]).toBe('2 days5 papers');
    // The site's frame: its stylesheet and script, and the app's after them.
    expect(text).toMatch(/<link rel="stylesheet" href="\/assets\/site\.css\?v=\w+">/);
    expect(text).toMatch(/<script src="\/assets\/serve\.js\?v=\w+" defer><\/script>/);
    expect(text).not.toContain('http-equiv="Content-Security-Policy"');
  });

  it('should page through many days, and refuse a page past the last', async () => {
    const store = testStore();
    store.upsertPapers([paper('2601.00001')], 't');
    for (let i = 0; i < 55; i++) {
      const date = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
      store.addAnnouncements(date, [{ paperId: '2601.00001', category: 'cs.CV', version: 1, kind: 'new' }], 't');
    }
    const app = createApp(deps(store));
    const first = await get(app, '/');
    expect(texts(first.text, byClass('day-row'))).toHaveLength(50);
    expect(first.text).toContain('<a rel="next" href="/?page=2">');
    const second = await get(app, '/?page=2');
    expect(texts(second.text, byClass('day-row'))).toHaveLength(5);
    expect(second.text).toContain('<a rel="prev" href="/?page=1">');
    expect((await get(app, '/?page=3')).status).toBe(400);
  });

  it("should show a day like the static site, with each title to the paper's page and marks per paper", async () => {
    const store = world();
    store.setMark('2601.00004', { favorite: true, rating: -1 });
    const { status, text } = await get(createApp(deps(store)), '/days/2026-01-06');
    expect(status).toBe(200);
    const ids = DomUtils.findAll(byClass('paper'), dom(text).children).map((e) => e.attribs.id);
    expect(ids).toEqual(['2601.00001', '2601.00002', '2601.00004']);
    expect(text).toContain(
      '<h3><a href="/papers/2601.00001" data-hl>Diffusion transformers for video generation</a></h3>',
    );
    expect(text).toContain('<button type="button" class="chip" data-cat="cs.CL" aria-pressed="false">');
    expect(text).toContain('<a rel="prev" href="/days/2026-01-05">');
    // The site card's own content: summary, flags, honest status, links.
    expect(text).toContain('<span class="badge" data-flag="unsupported-number"');
    expect(text).toContain('Summary status: failed — provider said no (offline)');
    expect(text).toContain('<a href="https://github.com/jane/vdt" rel="nofollow noopener">Code</a>');
    const marks = (id: string) =>
      DomUtils.findAll((e) => e.attribs['data-id'] === id && byClass('marks')(e), dom(text).children).flatMap((g) =>
        DomUtils.findAll(tagged('button'), g.children).map((b) => `${b.attribs.class}=${b.attribs['aria-pressed']}`),
      );
    expect(marks('2601.00004')).toEqual(['mark mark-favorite=true', 'mark mark-like=false', 'mark mark-dislike=true']);
    // One form per paper, inside its card: each button posts its own value to its own action.
    const forms = DomUtils.findAll(tagged('form'), dom(text).children).filter(byClass('marks'));
    expect(forms.map((f) => [(f.parent as typeof f).attribs.id, f.attribs['data-id']])).toEqual([
      ['2601.00001', '2601.00001'],
      ['2601.00002', '2601.00002'],
      ['2601.00004', '2601.00004'],
    ]);
    const form = forms[2]!;
    expect([form.attribs.method, form.attribs.action, form.attribs.role, form.attribs['aria-label']]).toEqual([
      'post',
      '/papers/2601.00004/favorite',
      'group',
      'Your marks',
    ]);
    expect(DomUtils.findAll(tagged('input'), form.children).map((i) => [i.attribs.name, i.attribs.value])).toEqual([
      ['back', '/days/2026-01-06#2601.00004'],
    ]);
    expect(
      DomUtils.findAll(tagged('button'), form.children).map((b) => [
        b.attribs.formaction,
        b.attribs.name,
        b.attribs.value,
        b.attribs.title,
        DomUtils.textContent(b),
      ]),
    ).toEqual([
      ['/papers/2601.00004/favorite', 'value', '0', 'Favorite', '\u2605 Favorite'],
      ['/papers/2601.00004/rating', 'value', '1', 'Good paper', '\u{1F44D} Good paper'],
      ['/papers/2601.00004/rating', 'value', '0', 'Not for me', '\u{1F44E} Not for me'],
    ]);
  });

  it('should redirect latest to the newest day and answer 400 for a bad date, 404 for a day not stored', async () => {
    const app = createApp(deps(world()));
    const latest = await app.request('/days/latest');
    expect([latest.status, latest.headers.get('location')]).toEqual([302, '/days/2026-01-06']);
    const bad = await get(app, '/days/2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('date: expected YYYY-MM-DD or latest, got &quot;2026-02-30&quot;');
    const missing = await get(app, '/days/2026-01-01');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('no papers announced on 2026-01-01 (newest stored: 2026-01-06)');
    expect(missing.text).not.toContain('store.db');
  });

  it('should show every field of a paper, every summary, versions, announcements, code, BibTeX and similar papers', async () => {
    const { status, text } = await get(createApp(deps(world())), '/papers/2601.00001');
    expect(status).toBe(200);
    expect(texts(text, tagged('h1'))).toEqual(['Diffusion transformers for video generation']);
    const summaries = DomUtils.findAll(byClass('summary-card'), dom(text).children);
    expect(summaries.map((s) => [s.attribs['data-language'], s.attribs['data-status']])).toEqual([
      ['English', 'ok'],
      ['Chinese', 'ok'],
    ]);
    const first = DomUtils.textContent(summaries[0]!);
    for (const part of ['offline', 'v1', 'v2', 'number not in abstract', 'TLDR 2601.00001', 'Conclusion 2601.00001'])
      expect(first).toContain(part);
    expect(DomUtils.textContent(summaries[1]!)).toContain('视频扩散模型');
    expect(DomUtils.textContent(summaries[1]!)).toContain('reference');
    for (const fact of [
      'CVPR 2026',
      '12 pages',
      '2026-01-02T10:00:00Z',
      '2026-01-04T10:00:00Z',
      'Jane Doe, Ada Lovelace',
    ])
      expect(text).toContain(fact);
    expect(text).toContain('<a href="https://doi.org/10.1000/xyz" rel="nofollow noopener">10.1000/xyz</a>');
    expect(text).toContain(
      '<a href="https://arxiv.org/abs/2601.00001v1">v1</a> <a href="https://arxiv.org/abs/2601.00001v2">v2</a>',
    );
    const rows = DomUtils.findAll(tagged('tbody'), dom(text).children).flatMap((b) =>
      DomUtils.findAll(tagged('tr'), b.children).map((r) => DomUtils.textContent(r)),
    );
    expect(rows).toEqual([
      '2026-01-06cs.CVreplacementv2',
      '2026-01-06cs.LGreplaced cross-listv2',
      '2026-01-05cs.CVnewv1',
    ]);
    expect(text).toContain('<span class="stars" title="Stars">\u2605 42</span>');
    const bibtex = texts(text, (e) => e.name === 'pre' && e.attribs.id === 'bibtex')[0]!;
    expect(bibtex).toMatch(/^@misc\{arxiv:2601\.00001,\n {2}title = \{Diffusion transformers for video generation\},/);
    expect(bibtex).toContain('doi = {10.1000/xyz}');
    expect(text).toContain('data-copy="bibtex"');
    const similar = DomUtils.findAll(byClass('similar'), dom(text).children).flatMap((ol) =>
      DomUtils.findAll(byClass('hit'), ol.children).map((li) => li.attribs['data-id']),
    );
    expect(similar[0]).toBe('2601.00003');
    expect(similar).not.toContain('2601.00001');
  });

  it('should find old-style ids with their slash, encoded or not, and ids with a version', async () => {
    const app = createApp(deps(world()));
    for (const path of ['/papers/astro-ph/0601001', '/papers/astro-ph%2F0601001', '/papers/astro-ph/0601001v1']) {
      const { status, text } = await get(app, path);
      expect([path, status]).toEqual([path, 200]);
      expect(texts(text, tagged('h1'))).toEqual(['Old stars']);
    }
    const { text } = await get(app, '/papers/2601.00001v2');
    expect(texts(text, tagged('h1'))).toEqual(['Diffusion transformers for video generation']);
  });

  it('should answer 404 for an unknown paper and 400 for something that is not an arXiv id', async () => {
    const app = createApp(deps(world()));
    const unknown = await get(app, '/papers/2612.99999');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('no paper 2612.99999 in the store');
    expect(unknown.text).toContain('<a href="/">Back to the list of days</a>');
    const bad = await get(app, '/papers/not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('not an arXiv id: &quot;not-an-id&quot;');
    expect((await get(app, '/papers/2601.00001/favorite')).status).toBe(405);
    expect((await get(app, '/nothing/here')).status).toBe(404);
  });

  it('should search with bm25, highlight matches after escaping, keep the query in the form and the URL', async () => {
    const app = createApp(deps(world()));
    const { status, text } = await get(app, '/search?q=diffusion');
    expect(status).toBe(200);
    const hits = DomUtils.findAll(byClass('hit'), dom(text).children).map((li) => li.attribs['data-id']);
    expect([...hits].sort()).toEqual(['2601.00001', '2601.00003']);
    expect(text).toContain('<mark>Diffusion</mark>');
    expect(text).toContain('<input name="q" type="search" value="diffusion"');
    expect(text).toContain('<input id="app-q" name="q" type="search" value="diffusion"');
    expect(text).toContain('<a class="r-date" href="/days/2026-01-06#2601.00001">2026-01-06</a>');
    const filtered = await get(app, '/search?q=diffusion&category=cs.LG&from=2026-01-06&to=2026-01-06');
    expect(DomUtils.findAll(byClass('hit'), dom(filtered.text).children).map((li) => li.attribs['data-id'])).toEqual([
      '2601.00001',
    ]);
    expect(filtered.text).toContain('value="cs.LG"');
    const byAuthor = await get(app, '/search?author=Jane+Doe');
    expect(
      DomUtils.findAll(byClass('hit'), dom(byAuthor.text).children)
        .map((li) => li.attribs['data-id'])
        .sort(),
    ).toEqual(['2601.00001', '2601.00004']);
    const none = await get(app, '/search?q=zebrafish');
    expect([none.status, texts(none.text, (e) => e.attribs.id === 'no-results')]).toEqual([200, ['No results.']]);
    const empty = await get(app, '/search');
    expect([empty.status, empty.text.includes('class="hit"')]).toEqual([200, false]);
  });

  it('should page search results with previous and next links that keep the query', async () => {
    const store = testStore();
    store.upsertPapers(
      Array.from({ length: 45 }, (_, i) =>
        paper(`2601.${String(i + 1).padStart(5, '0')}`, { title: `Graph paper ${i}` }),
      ),
      't',
    );
    const app = createApp(deps(store));
    const one = await get(app, '/search?q=graph&category=cs.CV');
    expect(DomUtils.findAll(byClass('hit'), dom(one.text).children)).toHaveLength(20);
    expect(one.text).toContain('<a rel="next" href="/search?q=graph&amp;category=cs.CV&amp;page=2">');
    const three = await get(app, '/search?q=graph&category=cs.CV&page=3');
    expect(DomUtils.findAll(byClass('hit'), dom(three.text).children)).toHaveLength(5);
    expect(three.text).toContain('<a rel="prev" href="/search?q=graph&amp;category=cs.CV&amp;page=2">');
    expect(three.text).not.toContain('rel="next"');
  });

  it('should answer bad search input with 400 and the explanation on the form, never a stack trace', async () => {
    const app = createApp(deps(world()));
    for (const [query, message] of [
      ['q=%22unterminated', 'invalid search query: unterminated quote'],
      ['q=AND+OR', 'invalid search query'],
      ['q=x&from=2026-13-01', 'from: expected a date as YYYY-MM-DD'],
      ['q=x&from=2026-02-01&to=2026-01-01', 'from (2026-02-01) is after to (2026-01-01)'],
      ['q=x&category=%3Cb%3E', 'category: expected an arXiv category such as cs.LG'],
      ['q=x&page=0', 'page: expected a whole number from 1 to 500'],
    ]) {
      const { status, text } = await get(app, `/search?${query}`);
      expect([query, status]).toEqual([query, 400]);
      expect(texts(text, byClass('error-box'))[0]).toContain(message);
      expect(text).not.toMatch(/\bat \w+ \(|node_modules|\.ts:\d+/);
    }
  });

  it('should keep hostile paper text as text on every page', async () => {
    const store = world();
    store.setMark('2601.00002', { favorite: true });
    const app = createApp(deps(store));
    for (const path of [
      '/days/2026-01-06',
      '/papers/2601.00002',
      '/search?q=quantum',
      '/favorites',
      '/papers/2601.00004',
    ]) {
      const { status, text } = await get(app, path);
      expect([path, status]).toEqual([path, 200]);
      const doc = dom(text);
      expect(DomUtils.findAll(tagged('img'), doc.children)).toHaveLength(0);
      // The only scripts are the site's and the app's files, and the JSON data block.
      const scripts = DomUtils.findAll(tagged('script'), doc.children).map((s) => s.attribs.src ?? s.attribs.type);
      expect(scripts).toEqual([
        expect.stringMatching(/^\/assets\/site\.js/),
        expect.stringMatching(/^\/assets\/serve\.js/),
        'application/json',
      ]);
      if (path !== '/papers/2601.00004') expect(DomUtils.textContent(doc)).toContain(HOSTILE);
    }
    const page = await get(app, '/papers/2601.00002');
    expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt; Quantum walks on graphs');
    expect(page.text).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(texts(page.text, tagged('title'))).toEqual([`${HOSTILE} \u00b7 Test digest`]);
  });

  it('should speak the summary language: Chinese labels around Chinese summaries', async () => {
    const { text } = await get(createApp(deps(world(), { language: 'Chinese' })), '/days/2026-01-06');
    expect(text).toContain('<html lang="zh-CN">');
    expect(text).toContain('>收藏</a>');
    expect(text).toContain('视频扩散模型');
  });

  it('should speak the UI language when it is set apart: Chinese words around English summaries', async () => {
    const { text } = await get(createApp(deps(world(), { uiLanguage: 'zh-CN' })), '/days/2026-01-06');
    expect(text).toContain('<html lang="zh-CN">');
    expect(text).toContain('>收藏</a>');
    // The summaries stay in their own language, and say so.
    expect(text).toContain('<p class="tldr" lang="en">');
  });
});

describe('serve: favorites and ratings', () => {
  it('should favorite a paper from a form without JavaScript: 303 back, then listed with exports', async () => {
    const store = world();
    const app = createApp(deps(store));
    const res = await app.request(
      '/papers/2601.00003/favorite',
      post({ value: '1', back: '/days/2026-01-05#2601.00003' }),
    );
    expect([res.status, res.headers.get('location')]).toEqual([303, '/days/2026-01-05#2601.00003']);
    expect(store.getMarks(['2601.00003']).get('2601.00003')).toEqual({ favorite: true, rating: 0 });
    const favorites = await get(app, '/favorites');
    expect(DomUtils.findAll(byClass('paper'), dom(favorites.text).children).map((e) => e.attribs.id)).toEqual([
      '2601.00003',
    ]);
    expect(favorites.text).toContain('<a href="/favorites.bib" download>Export BibTeX</a>');
    expect(favorites.text).toContain('aria-pressed="true" title="Favorite"');
    const bib = await app.request('/favorites.bib');
    expect(bib.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    expect(bib.headers.get('content-disposition')).toBe('attachment; filename="favorites.bib"');
    expect(await bib.text()).toMatch(
      /^@misc\{arxiv:2601\.00003,\n {2}title = \{Latent diffusion for medical imaging\}/,
    );
    const ris = await app.request('/favorites.ris');
    expect(await ris.text()).toMatch(/^TY {2}- GEN\nTI {2}- Latent diffusion for medical imaging\n/);
    // And off again.
    await app.request('/papers/2601.00003/favorite', post({ value: '0' }));
    expect(texts((await get(app, '/favorites')).text, byClass('paper'))).toEqual([]);
  });

  it("should tell the CLI each time the reader's state changes, so it is exported beside the day files", async () => {
    const store = world();
    let changes = 0;
    const app = createApp(deps(store, { onReaderChange: () => changes++ }));
    await app.request('/papers/2601.00003/favorite', post({ value: '1' }));
    await app.request('/papers/2601.00003/rating', post({ value: '-1' }));
    expect(changes).toBe(2);
    // A failing export (a full disk) leaves the mark stored and the answer a success.
    const failing = createApp(
      deps(store, {
        onReaderChange: () => {
          throw new Error('ENOSPC');
        },
        log: () => {},
      }),
    );
    const res = await failing.request('/papers/2601.00002/favorite', post({ value: '1' }));
    expect(res.status).toBe(303);
    expect(store.getMarks(['2601.00002']).get('2601.00002')?.favorite).toBe(true);
  });

  it('should rate with 1, 0 and -1 and answer JSON to fetch()', async () => {
    const store = world();
    const app = createApp(deps(store));
    const json = { Accept: 'application/json' };
    for (const [value, rating] of [
      ['1', 1],
      ['-1', -1],
      ['0', 0],
    ] as const) {
      const res = await app.request('/papers/2601.00001/rating', post({ value }, json));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: '2601.00001', favorite: false, rating });
    }
    const old = await app.request('/papers/astro-ph/0601001/favorite', post({ value: '1' }, json));
    expect(await old.json()).toEqual({ id: 'astro-ph/0601001', favorite: true, rating: 0 });
  });

  it('should refuse bad values and unknown papers, and never redirect to another site', async () => {
    const app = createApp(deps(world()));
    expect((await app.request('/papers/2601.00001/favorite', post({ value: '2' }))).status).toBe(400);
    expect((await app.request('/papers/2601.00001/rating', post({ value: 'up' }))).status).toBe(400);
    expect((await app.request('/papers/2601.00001/rating', post({}))).status).toBe(400);
    expect((await app.request('/papers/2612.99999/favorite', post({ value: '1' }))).status).toBe(404);
    expect((await app.request('/papers/2601.00001/delete', post({ value: '1' }))).status).toBe(404);
    for (const back of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await app.request('/papers/2601.00001/favorite', post({ value: '1', back }));
      expect([back, res.headers.get('location')]).toEqual([back, '/papers/2601.00001']);
    }
  });
});

describe('serve: JSON API', () => {
  it('should list the days and give a day as the render --format json document', async () => {
    const store = world();
    const app = createApp(deps(store));
    expect(await (await app.request('/api/days')).json()).toEqual({
      days: [
        { date: '2026-01-06', papers: 3 },
        { date: '2026-01-05', papers: 3 },
      ],
    });
    const day = await app.request('/api/days/2026-01-06');
    expect(day.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const expected = renderJson(
      loadDay(store, {
        date: '2026-01-06',
        language: 'English',
        categoryOrder: ['cs.CV', 'cs.CL'],
        preferredSummarizer: 'offline',
      }),
    );
    expect(await day.text()).toBe(expected);
    expect(await (await app.request('/api/days/latest')).text()).toBe(expected);
    const bad = await app.request('/api/days/yesterday');
    expect([bad.status, await bad.json()]).toEqual([
      400,
      { error: { status: 400, message: 'date: expected YYYY-MM-DD or latest, got "yesterday"' } },
    ]);
    expect((await app.request('/api/days/2026-01-01')).status).toBe(404);
  });

  it('should give a paper with every summary, its announcements, code links, marks and BibTeX', async () => {
    const store = world();
    store.setMark('2601.00001', { rating: 1 });
    const app = createApp(deps(store));
    const body = (await (await app.request('/api/papers/2601.00001')).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: '2601.00001',
      version: 2,
      primary: 'cs.CV',
      journal_ref: 'CVPR 2026',
      links: { code: 'https://github.com/jane/vdt', code_stars: 42 },
      summary: { status: 'ok', tldr: 'TLDR 2601.00001', summarizer: 'offline', flags: ['unsupported-number'] },
      announcements: [
        { date: '2026-01-06', category: 'cs.CV', kind: 'replace', version: 2 },
        { date: '2026-01-06', category: 'cs.LG', kind: 'replace-cross', version: 2 },
        { date: '2026-01-05', category: 'cs.CV', kind: 'new', version: 1 },
      ],
      code_links: [{ url: 'https://github.com/jane/vdt', stars: 42, last_update: null }],
      marks: { favorite: false, rating: 1 },
    });
    const summaries = body.summaries as { language: string; summarizer: string; prompt_version: string }[];
    expect(summaries.map((s) => [s.language, s.summarizer, s.prompt_version])).toEqual([
      ['Chinese', 'imported', 'reference'],
      ['English', 'offline', 'v1'],
    ]);
    expect(body.bibtex).toMatch(/^@misc\{arxiv:2601\.00001,/);
    expect(((await (await app.request('/api/papers/astro-ph/0601001')).json()) as { id: string }).id).toBe(
      'astro-ph/0601001',
    );
    expect((await app.request('/api/papers/2612.99999')).status).toBe(404);
  });

  it('should search with filters and pages, snippets marked with ** as in search --json', async () => {
    const app = createApp(deps(world()));
    const r = (await (await app.request('/api/search?q=diffusion&limit=1')).json()) as {
      count: number;
      more: boolean;
      hits: { id: string; snippet: string; url: string }[];
    };
    expect([r.count, r.more, r.hits[0]!.url]).toEqual([1, true, `https://arxiv.org/abs/${r.hits[0]!.id}`]);
    expect(r.hits[0]!.snippet).toMatch(/\*\*Diffusion\*\*/i);
    const next = (await (await app.request('/api/search?q=diffusion&limit=1&offset=1')).json()) as typeof r;
    expect([[r.hits[0]!.id, next.hits[0]!.id].sort(), next.more]).toEqual([['2601.00001', '2601.00003'], false]);
    const filtered = (await (await app.request('/api/search?author=Jane%20Doe&category=cs.CL')).json()) as typeof r;
    expect(filtered.hits.map((h) => h.id)).toEqual(['2601.00004']);
    for (const [query, message] of [
      ['', 'give a query (q) or a filter'],
      ['q=%22', 'invalid search query: unterminated quote'],
      ['q=x&limit=1000', 'limit: expected a whole number from 1 to 100'],
      ['q=x&to=soon', 'to: expected a date as YYYY-MM-DD'],
    ]) {
      const res = await app.request(`/api/search?${query}`);
      const err = (await res.json()) as { error: { message: string } };
      expect([query, res.status]).toEqual([query, 400]);
      expect(err.error.message).toContain(message);
    }
  });

  it('should filter for agents: category AND (keywords OR author), newest first, with the reason', async () => {
    const app = createApp(deps(world()));
    const res = await app.request(
      '/api/filter?category=cs.CL&keywords=quantum,%E6%89%A9%E6%95%A3,speech&author=Jane%20Doe',
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      category: string;
      keywords: string[];
      author: string;
      count: number;
      papers: { id: string; reason: string; tldr: string | null; url: string; date: string; matched: unknown }[];
    };
    expect(body).toMatchObject({
      category: 'cs.CL',
      keywords: ['quantum', '扩散', 'speech'],
      author: 'Jane Doe',
      count: 2,
    });
    expect(body.papers.map((p) => [p.id, p.reason])).toEqual([
      ['2601.00004', 'category cs.CL; keywords: speech; author: Jane Doe'],
      ['2601.00002', 'category cs.CL; keywords: quantum'],
    ]);
    expect(body.papers[0]).toMatchObject({ date: '2026-01-06', url: 'https://arxiv.org/abs/2601.00004', tldr: null });
    // Stemmed like the search: "transformer" finds "transformers"; the TL;DR comes along.
    const stem = (await (await app.request('/api/filter?category=cs.LG&keywords=transformer')).json()) as typeof body;
    expect(stem.papers.map((p) => [p.id, p.tldr, p.reason])).toEqual([
      ['2601.00001', 'TLDR 2601.00001', 'category cs.LG; keywords: transformer'],
    ]);
    // Chinese keywords match inside Chinese summaries.
    const zh = (await (await app.request('/api/filter?keywords=%E6%89%A9%E6%95%A3')).json()) as typeof body;
    expect(zh.papers.map((p) => p.id)).toEqual(['2601.00001']);
    const dated = (await (
      await app.request('/api/filter?keywords=diffusion&from=2026-01-05&to=2026-01-05')
    ).json()) as typeof body;
    expect(dated.papers.map((p) => p.id)).toEqual(['2601.00001', '2601.00003']);
    expect(dated.papers[1]!.reason).toBe('keywords: diffusion; announced 2026-01-05 to 2026-01-05');
    const none = await app.request('/api/filter');
    expect([none.status, ((await none.json()) as { error: { message: string } }).error.message]).toEqual([
      400,
      'give at least one of category, keywords (comma-separated) and author',
    ]);
    expect((await app.request('/api/filter?category=cs.LG&limit=0')).status).toBe(400);
  });

  it('should answer unknown API paths with JSON 404, and internal errors with 500 and no details', async () => {
    const store = world();
    const logged: string[] = [];
    const app = createApp(deps(store, { log: (l) => logged.push(l) }));
    const missing = await app.request('/api/nothing');
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { error: { status: 404, message: 'nothing at /api/nothing' } },
    ]);
    store.close();
    const res = await app.request('/api/days');
    expect([res.status, await res.json()]).toEqual([
      500,
      { error: { status: 500, message: 'internal error: the details are in the server log' } },
    ]);
    const page = await get(app, '/');
    expect(page.status).toBe(500);
    expect(page.text).not.toMatch(/database|\.ts:\d+/);
    expect(logged[0]).toMatch(/^serve: GET \/api\/days: .*database connection is not open/s);
  });
});

// ---------------------------------------------------------------------------------------------
// Ranking and the Profile page

interface FakeRanker extends Ranker {
  /** Every profile given to saveProfile, in order. */
  saved: (Profile | null)[];
  /** Days ranked so far. */
  ranked: number;
}

/**
 * A Ranker over a config-file profile: each profile keyword found in a title (any case) adds its
 * weight to the evidence z, the score is z / (1 + z) like rank.ts's, the reason names the keywords.
 * `fail` makes rankDay throw.
 */
function fakeRanker(config: Partial<Profile> = {}, fail: Error | null = null): FakeRanker {
  const fromConfig: Profile = { ...EMPTY_PROFILE, ...config };
  let saved: Profile | null = null;
  const profile = () => saved ?? fromConfig;
  const active = () => profile().keywords.length > 0 || profile().authors.length > 0;
  const r: FakeRanker = {
    saved: [],
    ranked: 0,
    profile,
    active,
    async rankDay(day: DayView) {
      if (fail) throw fail;
      if (!active()) return day;
      r.ranked++;
      const ranks = new Map(
        day.papers.map((p) => {
          const hits = profile().keywords.filter((k) => p.paper.title.toLowerCase().includes(k.term.toLowerCase()));
          const z = hits.reduce((sum, k) => sum + k.weight, 0);
          const reason = hits.map((k) => `keyword '${k.term}' in title`).join('; ');
          return [p.paper.id, { score: Math.round((z / (1 + z)) * 1e4) / 1e4, reason }];
        }),
      );
      return withRanking(day, ranks);
    },
    saveProfile(p) {
      saved = p;
      r.saved.push(p);
    },
  };
  return r;
}

const CONFIG_PROFILE = parseProfile({
  keywords: ['diffusion:2', 'speech'],
  exclude: ['survey:0.5'],
  authors: ['Jane Doe'],
  categories: { 'cs.CV': 1, 'cs.CL': -0.5 },
  examples: ['2401.01234'],
  library: ['~/Zotero/export.bib', 'papers & <notes>.ris'],
});

const day6 = (store: Store) =>
  loadDay(store, {
    date: '2026-01-06',
    language: 'English',
    categoryOrder: ['cs.CV', 'cs.CL'],
    preferredSummarizer: 'offline',
  });

const attrOf = (text: string, selector: (e: ReturnType<typeof DomUtils.findAll>[number]) => boolean, name: string) =>
  DomUtils.findAll(selector, dom(text).children).map((e) => e.attribs[name]);
const byId = (id: string) => (e: { attribs: Record<string, string> }) => e.attribs.id === id;
/** Each textarea's value, as a browser reads it: the newline right after the start tag is not part of it. */
const textareas = (text: string) =>
  Object.fromEntries(
    DomUtils.findAll(tagged('textarea'), dom(text).children).map((t) => [
      t.attribs.name,
      DomUtils.textContent(t).replace(/^\n/, ''),
    ]),
  );

describe('serve: ranking on day pages', () => {
  it('should show For you picks, scores and reasons when the ranker is active', async () => {
    const { status, text } = await get(
      createApp(deps(world(), { ranker: fakeRanker(CONFIG_PROFILE) })),
      '/days/2026-01-06',
    );
    expect(status).toBe(200);
    const picks = DomUtils.findAll(byClass('for-you'), dom(text).children);
    expect(picks).toHaveLength(1);
    expect(attrOf(text, (e) => e.name === 'li' && byClass('picks')(e.parent as typeof e), 'data-id')).toEqual([
      '2601.00001',
      '2601.00004',
    ]);
    expect(texts(text, byClass('for-you'))[0]).toContain(
      "Diffusion transformers for video generationscore 0.67keyword 'diffusion' in title",
    );
    expect(text).toContain('<a href="#2601.00001">Diffusion transformers for video generation</a>');
    // Every card carries its score; a matched one its reason.
    expect(attrOf(text, byClass('paper'), 'data-score')).toEqual(['0.6667', '0', '0.5']);
    expect(texts(text, byClass('reason')).filter((t) => t.startsWith('Why:'))).toEqual([
      "Why: keyword 'diffusion' in title",
      "Why: keyword 'speech' in title",
    ]);
    // The order control is two links here: the server orders the page.
    expect(text).toContain(
      '<nav class="order" aria-label="Order"><span class="order-label">Order</span><a class="order-option" href="/days/2026-01-06" aria-current="page">by category</a><a class="order-option" href="/days/2026-01-06?sort=score">by score</a></nav>',
    );
  });

  it('should order a ranked day by score with ?sort=score, and bring marks back to that order', async () => {
    const app = createApp(deps(world(), { ranker: fakeRanker(CONFIG_PROFILE) }));
    const { status, text } = await get(app, '/days/2026-01-06?sort=score');
    expect(status).toBe(200);
    expect(attrOf(text, byClass('category'), 'class')).toEqual(['category by-score']);
    expect(attrOf(text, byClass('paper'), 'id')).toEqual(['2601.00001', '2601.00004', '2601.00002']);
    expect(text).toContain('<a class="order-option" href="/days/2026-01-06?sort=score" aria-current="page">');
    expect(attrOf(text, (e) => e.name === 'input' && e.attribs.name === 'back', 'value')).toEqual([
      '/days/2026-01-06?sort=score#2601.00001',
      '/days/2026-01-06?sort=score#2601.00004',
      '/days/2026-01-06?sort=score#2601.00002',
    ]);
    const latest = await app.request('/days/latest?sort=score');
    expect(latest.headers.get('location')).toBe('/days/2026-01-06?sort=score');
    const bad = await get(app, '/days/2026-01-06?sort=stars');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('sort: expected score or category, got &quot;stars&quot;');
  });

  it('should leave the day page exactly as it was without a ranker, or with one that has nothing to rank by', async () => {
    const store = world();
    const plain = await get(createApp(deps(store)), '/days/2026-01-06');
    const idle = fakeRanker();
    const inactive = await get(createApp(deps(store, { ranker: idle })), '/days/2026-01-06');
    expect(inactive.text).toBe(plain.text);
    expect(idle.ranked).toBe(0);
    // ?sort=score on a day that is not ranked: the usual order, no control.
    const sorted = await get(createApp(deps(store)), '/days/2026-01-06?sort=score');
    expect(sorted.status).toBe(200);
    expect(attrOf(sorted.text, byClass('paper'), 'id')).toEqual(['2601.00001', '2601.00002', '2601.00004']);
    for (const cls of ['for-you', 'order', 'score', 'by-score'])
      expect(DomUtils.findAll(byClass(cls), dom(sorted.text).children), cls).toEqual([]);
  });

  it('should show the day unranked with the reason when ranking fails, and log it', async () => {
    const logged: string[] = [];
    const failing = fakeRanker(CONFIG_PROFILE, new UsageError('library ~/Zotero/export.bib: no such file'));
    const { status, text } = await get(
      createApp(deps(world(), { ranker: failing, log: (l) => logged.push(l) })),
      '/days/2026-01-06',
    );
    expect(status).toBe(200);
    expect(texts(text, byId('ranking-problem'))).toEqual([
      'This day could not be ranked, so it is shown without scores: library ~/Zotero/export.bib: no such file',
    ]);
    expect(DomUtils.findAll(byClass('for-you'), dom(text).children)).toEqual([]);
    expect(logged[0]).toMatch(/^serve: ranking 2026-01-06 failed: UsageError: library/);
    // An unexpected error says nothing of its details to the page.
    const bug = fakeRanker(CONFIG_PROFILE, new TypeError('x is undefined at secret.ts:12'));
    const page = await get(createApp(deps(world(), { ranker: bug })), '/days/2026-01-06');
    expect(texts(page.text, byId('ranking-problem'))[0]).toMatch(/see the server log for the details$/);
    expect(page.text).not.toContain('secret.ts');
  });

  it('should give the ranked day in the JSON API, as the day document renders it', async () => {
    const store = world();
    const ranker = fakeRanker(CONFIG_PROFILE);
    const res = await createApp(deps(store, { ranker })).request('/api/days/2026-01-06');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(renderJson(await fakeRanker(CONFIG_PROFILE).rankDay(day6(store))));
    const papers = (JSON.parse(text) as { papers: { id: string; score: number; reason: string }[] }).papers;
    expect(papers.map((p) => [p.id, p.score, p.reason])).toEqual([
      ['2601.00001', 0.6667, "keyword 'diffusion' in title"],
      ['2601.00002', 0, ''],
      ['2601.00004', 0.5, "keyword 'speech' in title"],
    ]);
  });

  it('should keep hostile titles and reasons inert in the picks and on the cards', async () => {
    const ranker = fakeRanker({ keywords: [{ term: '<img src=x onerror=alert(1)> Quantum', weight: 1 }] });
    const { text } = await get(createApp(deps(world(), { ranker })), '/days/2026-01-06');
    const doc = dom(text);
    expect(DomUtils.findAll(tagged('img'), doc.children)).toHaveLength(0);
    expect(DomUtils.findAll(tagged('script'), doc.children)).toHaveLength(3);
    expect(texts(text, byClass('for-you'))[0]).toContain(HOSTILE);
    expect(texts(text, byClass('reason'))).toContain("Why: keyword '<img src=x onerror=alert(1)> Quantum' in title");
    expect(text).not.toContain('<img');
  });
});

describe('serve: the Profile page', () => {
  it('should show the effective profile in a form, the library read-only, and a way back to the config file', async () => {
    const store = world();
    store.setMark('2601.00001', { rating: 1, favorite: true });
    store.setMark('2601.00002', { rating: -1 });
    const { status, text } = await get(createApp(deps(store, { ranker: fakeRanker(CONFIG_PROFILE) })), '/profile');
    expect(status).toBe(200);
    expect(text).toContain('<a href="/profile" aria-current="page">Profile</a>');
    expect(textareas(text)).toEqual({
      keywords: 'diffusion:2\nspeech',
      exclude: 'survey:0.5',
      authors: 'Jane Doe',
      categories: 'cs.CV:1\ncs.CL:-0.5',
      examples: '2401.01234',
    });
    expect(attrOf(text, byId('ranking-state'), 'data-state')).toEqual(['on']);
    expect(text).toContain('Ranking also learns from your marks: 1 👍, 1 👎, 1 ★.');
    // The library: shown, escaped, not a form field.
    expect(texts(text, byId('profile-library'))[0]).toContain('~/Zotero/export.bib');
    expect(text).toContain('<li><code>papers &amp; &lt;notes&gt;.ris</code></li>');
    const forms = DomUtils.findAll(tagged('form'), dom(text).children).filter((f) => f.attribs.action === '/profile');
    expect(forms.map((f) => [f.attribs.method, f.attribs.class])).toEqual([
      ['post', 'profile-form'],
      ['post', 'profile-reset'],
    ]);
    expect(DomUtils.findAll(tagged('input'), forms[1]!.children).map((i) => [i.attribs.name, i.attribs.value])).toEqual(
      [['action', 'reset']],
    );
  });

  it('should save an edited profile, 303 back, and show it with the day ranked by it', async () => {
    const store = world();
    const ranker = fakeRanker(CONFIG_PROFILE);
    const app = createApp(deps(store, { ranker }));
    const res = await app.request(
      '/profile',
      post({
        action: 'save',
        keywords: 'quantum walks:3\r\n\r\n  graphs  \r\nratio 1:2:1',
        exclude: '',
        authors: 'Ada Lovelace:2\nJane Doe',
        categories: 'cs.CL:2\n',
        examples: '2401.01234v2, arXiv:2401.05678\n hep-th/9901001',
      }),
    );
    expect([res.status, res.headers.get('location')]).toEqual([303, '/profile?saved']);
    expect(ranker.saved).toEqual([
      {
        keywords: [
          { term: 'quantum walks', weight: 3 },
          { term: 'graphs', weight: 1 },
          { term: 'ratio 1:2', weight: 1 },
        ],
        exclude: [],
        authors: [
          { name: 'Ada Lovelace', weight: 2 },
          { name: 'Jane Doe', weight: 1 },
        ],
        categories: { 'cs.CL': 2 },
        examples: ['2401.01234', '2401.05678', 'hep-th/9901001'],
        // The config file's library is kept: it is not edited here.
        library: ['~/Zotero/export.bib', 'papers & <notes>.ris'],
      },
    ]);
    const after = await get(app, '/profile?saved');
    expect(texts(after.text, byId('profile-notice'))).toEqual(['Profile saved.']);
    expect(textareas(after.text).keywords).toBe('quantum walks:3\ngraphs\nratio 1:2:1');
    const day = await get(app, '/days/2026-01-06');
    expect(attrOf(day.text, (e) => e.name === 'li' && byClass('picks')(e.parent as typeof e), 'data-id')).toEqual([
      '2601.00002',
    ]);
  });

  it('should show every problem on the form with its field and line, keep the text, and save nothing', async () => {
    const ranker = fakeRanker(CONFIG_PROFILE);
    const app = createApp(deps(world(), { ranker }));
    const fields = {
      keywords: 'diffusion\nvideo:0\nthe',
      exclude: 'survey',
      authors: 'Jane Doe',
      categories: 'cs.CV:1\nnot a category:1\ncs.CL:20',
      examples: '2401.01234\n\nnot-an-id',
    };
    const { status, text } = await get(app, '/profile', post(fields));
    expect(status).toBe(400);
    expect(ranker.saved).toEqual([]);
    expect(texts(text, tagged('li')).filter((t) => /, line \d+:/.test(t))).toEqual([
      'Keywords, line 2: weight of "video" must be a number in (0, 100], got 0',
      'Keywords, line 3: "the" has no searchable word (stopwords, bare numbers and single letters are ignored)',
      'Category weights, line 2: expected an arXiv category such as cs.CL, got "not a category"',
      'Category weights, line 3: weight must be in [-10, 10]',
      'Example papers, line 3: expected an arXiv id such as 2401.01234, got "not-an-id"',
    ]);
    expect(textareas(text)).toEqual(fields);
    expect(attrOf(text, (e) => e.attribs['aria-invalid'] === 'true', 'name')).toEqual([
      'keywords',
      'categories',
      'examples',
    ]);
    expect(DomUtils.findAll(byId('profile-notice'), dom(text).children)).toEqual([]);
  });

  it("should go back to the config file's profile with the reset button", async () => {
    const ranker = fakeRanker(CONFIG_PROFILE);
    const app = createApp(deps(world(), { ranker }));
    await app.request('/profile', post({ keywords: 'graphs' }));
    const res = await app.request('/profile', post({ action: 'reset' }));
    expect([res.status, res.headers.get('location')]).toEqual([303, '/profile?reset']);
    expect(ranker.saved.at(-1)).toBeNull();
    const page = await get(app, '/profile?reset');
    expect(texts(page.text, byId('profile-notice'))).toEqual(['Back to the config file’s profile.']);
    expect(textareas(page.text).keywords).toBe('diffusion:2\nspeech');
  });

  it('should say that ranking is off for an empty profile, and not configured without a ranker', async () => {
    const off = await get(createApp(deps(world(), { ranker: fakeRanker() })), '/profile');
    expect(attrOf(off.text, byId('ranking-state'), 'data-state')).toEqual(['off']);
    expect(Object.values(textareas(off.text))).toEqual(['', '', '', '', '']);
    expect(off.text).toContain('No library in the config file.');
    const app = createApp(deps(world()));
    const none = await get(app, '/profile');
    expect(none.status).toBe(200);
    expect(texts(none.text, byId('ranking-state'))).toEqual([
      'Ranking is not configured on this server: days are shown in their usual order, without scores.',
    ]);
    expect(
      DomUtils.findAll(tagged('form'), dom(none.text).children).filter((f) => f.attribs.method === 'post'),
    ).toEqual([]);
    const posted = await app.request('/profile', post({ keywords: 'graphs' }));
    expect(posted.status).toBe(404);
  });

  it('should refuse a profile posted from another site or too large, and save nothing', async () => {
    const ranker = fakeRanker(CONFIG_PROFILE);
    const app = createApp(deps(world(), { ranker }));
    const cross = await app.request('/profile', post({ keywords: 'evil' }, { Origin: 'https://evil.example' }));
    expect(cross.status).toBe(403);
    const fetched = await app.request('/profile', post({ action: 'reset' }, { 'Sec-Fetch-Site': 'cross-site' }));
    expect(fetched.status).toBe(403);
    const huge = await app.request('/profile', post({ keywords: 'graphs\n'.repeat(MAX_BODY_BYTES / 7 + 10) }));
    expect(huge.status).toBe(413);
    expect(ranker.saved).toEqual([]);
  });

  it('should keep hostile profile text as text in the form', async () => {
    const ranker = fakeRanker({ keywords: [{ term: '</textarea><script>alert(1)</script> graphs', weight: 1 }] });
    const { text } = await get(createApp(deps(world(), { ranker })), '/profile');
    expect(textareas(text).keywords).toBe('</textarea><script>alert(1)</script> graphs');
    expect(DomUtils.findAll(tagged('script'), dom(text).children)).toHaveLength(3);
  });

  it('should speak Chinese around a Chinese digest', async () => {
    const { text } = await get(
      createApp(deps(world(), { language: 'Chinese', ranker: fakeRanker(CONFIG_PROFILE) })),
      '/profile',
    );
    expect(text).toContain('>兴趣设置</a>');
    expect(text).toContain('<label for="profile-keywords">关键词</label>');
    const day = await get(
      createApp(deps(world(), { language: 'Chinese', ranker: fakeRanker(CONFIG_PROFILE) })),
      '/days/2026-01-06',
    );
    expect(day.text).toContain('<h2 id="for-you-title">为你推荐 <span class="n">(2)</span></h2>');
  });
});
