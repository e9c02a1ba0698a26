/**
 * The web app (`arxiv-digest serve`) in a real browser: the app on a real server on 127.0.0.1
 * (port 0), a real store in a temp folder, headless Chromium (playwright-core, the system's
 * /usr/bin/chromium). A reader searches, opens a paper, marks it a favorite and finds it on the
 * favorites page after a reload; forms work without JavaScript; dark mode and the site's
 * keyboard and filter behaviour carry over; the reader edits the profile and the day shows its
 * For you picks (ranked by the real scorer); no page logs an error, throws, or opens a dialog
 * (a hostile title that ran would). Then raw HTTP against the same server (paths a browser would
 * normalize), and the built CLI as a process: the line it prints, SIGTERM, exit code 0.
 *
 * Skipped, with the reason in the suite's name, when Chromium is missing (CHROMIUM_PATH points at
 * another binary). The CLI part needs the build (`npm test` builds first).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { HAVE_CHROMIUM, browserSuite, launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRanking } from '../../src/core/day-view.js';
import { EMPTY_PROFILE, type Profile } from '../../src/rank/profile.js';
import { rankPapers } from '../../src/rank/rank.js';
import type { Ranker } from '../../src/rank/ranker.js';
import { ai } from '../support/fixtures.js';
import { createApp } from '../../src/serve/app.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { openStore, type Store } from '../../src/store/store.js';
import { BIN, cliAsync } from '../support/cli.js';

/* Browser globals used inside page.evaluate callbacks (the project compiles without the DOM lib). */
declare const document: {
  documentElement: { getAttribute(name: string): string | null };
  body: unknown;
  cookie: string;
};
declare const navigator: { clipboard: { readText(): Promise<string> } };
declare const window: { notReloaded?: boolean };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

const SUITE = browserSuite('serve: the web app in headless Chromium');

const HOSTILE = '<img src=x onerror=alert(1)> Quantum walks on graphs';

function seed(store: Store): void {
  const paper = (id: string, title: string, abstract: string, categories: string[], authors = ['Ada Lovelace']) => ({
    id,
    version: 1,
    title,
    authors,
    abstract,
    categories,
  });
  store.upsertPapers(
    [
      paper('2601.00001', 'Diffusion transformers for video generation', 'We scale diffusion transformers.', ['cs.CV']),
      paper('2601.00002', HOSTILE, 'Walks on graphs.', ['cs.CL'], ['<script>alert(2)</script>']),
      paper('2601.00003', 'Tokenizer-free language models', 'Bytes instead of tokens.', ['cs.CL']),
      paper('2601.00010', 'Latent diffusion for medical imaging', 'Diffusion in latent space.', ['cs.CV']),
      paper('astro-ph/0601001', 'Old stars', 'Stars are old.', ['astro-ph']),
    ],
    'test',
  );
  const listing = (paperId: string, category: string) => ({ paperId, category, version: 1, kind: 'new' as const });
  store.addAnnouncements(
    '2026-01-06',
    [listing('2601.00001', 'cs.CV'), listing('2601.00002', 'cs.CL'), listing('2601.00003', 'cs.CL')],
    'test',
  );
  store.addAnnouncements(
    '2026-01-05',
    [listing('2601.00010', 'cs.CV'), listing('astro-ph/0601001', 'astro-ph')],
    'test',
  );
  store.upsertSummaries(
    ['2601.00001', '2601.00002', '2601.00010'].map((paperId) => ({
      paperId,
      version: 1,
      language: 'English',
      summarizer: 'offline',
      promptVersion: 'v1',
      status: 'ok' as const,
      fields: ai(paperId),
    })),
  );
}

/**
 * A Ranker over the real scorer (rank.ts) with only a profile: no library, no ratings. It starts
 * with the empty profile (inactive: every other test sees the days unranked) and keeps what the
 * Profile page saves in memory.
 */
function profileRanker(): Ranker {
  let saved: Profile | null = null;
  const profile = () => saved ?? EMPTY_PROFILE;
  const active = () => {
    const p = profile();
    return p.keywords.length + p.exclude.length + p.authors.length + Object.keys(p.categories).length > 0;
  };
  return {
    profile,
    active,
    async rankDay(day) {
      if (!active()) return day;
      const papers = day.papers.map(({ paper: p }) => ({
        id: p.id,
        title: p.title,
        abstract: p.abstract,
        authors: p.authors,
        categories: p.categories,
      }));
      const ranked = rankPapers(papers, { profile: profile() });
      return withRanking(day, new Map(ranked.map((r) => [r.id, { score: r.score, reason: r.reason }])));
    },
    saveProfile(p) {
      saved = p;
    },
  };
}

let dir = '';
let store: Store;
let server: RunningServer;
let browser: Browser;
let base = '';

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors and warnings, and dialogs seen so far. */
  problems: string[];
}

async function open(
  path: string,
  options: { javaScript?: boolean; colorScheme?: 'light' | 'dark'; clipboard?: boolean } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1100, height: 800 },
  });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`console.${m.type()}: ${m.text()} (${page.url()})`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(base + path);
  return { context, page, problems };
}

async function close(w: Watched): Promise<void> {
  await w.context.close();
  expect(w.problems).toEqual([]);
}

const ids = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (els) =>
    els.filter((e) => e.getClientRects().length > 0).map((e) => e.id || (e.getAttribute('data-id') ?? '')),
  );

const markButton = (id: string, kind: 'favorite' | 'like' | 'dislike') =>
  `form.marks[data-id="${id}"] button.mark-${kind}`;
const favoriteButton = (id: string) => markButton(id, 'favorite');

/** GET with the path sent exactly as written (a browser or fetch() would normalize `..`). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(!HAVE_CHROMIUM)(SUITE, { timeout: 30_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-serve-'));
    store = openStore(join(dir, 'store.db'));
    seed(store);
    const app = createApp({
      store,
      language: 'English',
      categoryOrder: ['cs.CV', 'cs.CL'],
      preferredSummarizer: 'offline',
      siteTitle: 'Test digest',
      token: null,
      ranker: profileRanker(),
    });
    server = await startServer(app, { host: '127.0.0.1', port: 0 });
    base = server.url;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should search, open a paper, favorite it, and see it on the favorites page after a reload', async () => {
    const w = await open('/');
    await w.page.fill('#app-q', 'diffusion');
    await Promise.all([w.page.waitForURL(/\/search\?q=diffusion$/), w.page.press('#app-q', 'Enter')]);
    expect((await w.page.$$eval('.hit .r-title', (ts) => ts.map((t) => t.textContent))).sort()).toEqual([
      'Diffusion transformers for video generation',
      'Latent diffusion for medical imaging',
    ]);
    expect(await w.page.$$eval('.hit mark', (ms) => ms.length)).toBeGreaterThan(0);
    expect(await w.page.inputValue('.search-form input[name="q"]')).toBe('diffusion');
    await Promise.all([
      w.page.waitForURL(/\/papers\/2601\.00001$/),
      w.page.click('.hit[data-id="2601.00001"] .r-title'),
    ]);
    expect(await w.page.textContent('h1')).toBe('Diffusion transformers for video generation');
    expect(await w.page.getAttribute(favoriteButton('2601.00001'), 'aria-pressed')).toBe('false');
    // With JavaScript the form is sent by fetch(): the page stays (the marker survives), the button changes.
    await w.page.evaluate(() => (window.notReloaded = true));
    await w.page.click(favoriteButton('2601.00001'));
    await w.page.waitForSelector(`${favoriteButton('2601.00001')}[aria-pressed="true"]`);
    expect(await w.page.evaluate(() => window.notReloaded)).toBe(true);
    expect(await w.page.getAttribute(favoriteButton('2601.00001'), 'value')).toBe('0');
    await w.page.click('.app-nav a[href="/favorites"]');
    await w.page.waitForURL(/\/favorites$/);
    await w.page.reload();
    expect(await ids(w.page, 'article.paper')).toEqual(['2601.00001']);
    expect(await w.page.getAttribute(favoriteButton('2601.00001'), 'aria-pressed')).toBe('true');
    // And off again, from the favorites page.
    await w.page.click(favoriteButton('2601.00001'));
    await w.page.waitForSelector(`${favoriteButton('2601.00001')}[aria-pressed="false"]`);
    await w.page.reload();
    expect(await ids(w.page, 'article.paper')).toEqual([]);
    await close(w);
  });

  it("should rate with JavaScript: the pressed button's formaction and value, and a plain post if fetch() fails", async () => {
    const w = await open('/days/2026-01-06');
    const like = markButton('2601.00002', 'like');
    const dislike = markButton('2601.00002', 'dislike');
    await w.page.evaluate(() => (window.notReloaded = true));
    await w.page.click(like);
    await w.page.waitForSelector(`${like}[aria-pressed="true"]`);
    expect(await w.page.getAttribute(like, 'value')).toBe('0');
    expect(store.getMarks(['2601.00002']).get('2601.00002')).toEqual({ favorite: false, rating: 1 });
    await w.page.click(dislike);
    await w.page.waitForSelector(`${dislike}[aria-pressed="true"]`);
    expect([await w.page.getAttribute(like, 'aria-pressed'), await w.page.getAttribute(like, 'value')]).toEqual([
      'false',
      '1',
    ]);
    expect(await w.page.getAttribute(dislike, 'value')).toBe('0');
    expect(await w.page.evaluate(() => window.notReloaded)).toBe(true);
    expect(store.getMarks(['2601.00002']).get('2601.00002')).toEqual({ favorite: false, rating: -1 });
    // fetch() answered 500: the form is posted the plain way, to the pressed button's action.
    await w.page.route('**/papers/2601.00002/rating', (route) =>
      route.request().headers().accept?.includes('application/json')
        ? route.fulfill({ status: 500, body: 'no' })
        : route.continue(),
    );
    await Promise.all([w.page.waitForURL(/\/days\/2026-01-06#2601\.00002$/), w.page.click(dislike)]);
    await w.page.waitForSelector(`${dislike}[aria-pressed="false"]`);
    expect(await w.page.evaluate(() => window.notReloaded)).toBeUndefined();
    expect(store.getMarks(['2601.00002']).get('2601.00002')).toEqual({ favorite: false, rating: 0 });
    await w.context.close();
    // Chromium logs the refused fetch() as a console error; nothing else may appear.
    expect(w.problems.filter((p) => !/status of 500/.test(p))).toEqual([]);
  });

  it('should favorite and rate without JavaScript: the form posts, the server redirects back to the paper', async () => {
    const w = await open('/days/2026-01-06', { javaScript: false });
    const like = markButton('2601.00003', 'like');
    await Promise.all([w.page.waitForURL(/\/days\/2026-01-06#2601\.00003$/), w.page.click(like)]);
    expect(await w.page.getAttribute(like, 'aria-pressed')).toBe('true');
    const dislike = markButton('2601.00003', 'dislike');
    await Promise.all([w.page.waitForLoadState('load'), w.page.click(dislike)]);
    await w.page.waitForSelector(`${dislike}[aria-pressed="true"]`);
    expect(await w.page.getAttribute(like, 'aria-pressed')).toBe('false');
    expect(store.getMarks(['2601.00003']).get('2601.00003')).toEqual({ favorite: false, rating: -1 });
    await close(w);
  });

  it('should toggle dark mode on the app pages and keep it after a reload and on other pages', async () => {
    const w = await open('/days/2026-01-06');
    const light = await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await w.page.click('#theme-toggle');
    expect(await w.page.getAttribute('html', 'data-theme')).toBe('dark');
    const dark = await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe(light);
    await w.page.reload();
    expect(await w.page.getAttribute('html', 'data-theme')).toBe('dark');
    await w.page.goto(`${base}/papers/astro-ph/0601001`);
    expect(await w.page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
    await close(w);
  });

  it("should keep the static site's category filter and keyboard on a day, and / to search", async () => {
    const w = await open('/days/2026-01-06');
    expect(await ids(w.page, 'article.paper')).toEqual(['2601.00001', '2601.00002', '2601.00003']);
    await w.page.click('.chip[data-cat="cs.CL"]');
    expect(await ids(w.page, 'article.paper')).toEqual(['2601.00002', '2601.00003']);
    await w.page.keyboard.press('j');
    expect(await w.page.$eval('.paper.current', (e) => e.id)).toBe('2601.00002');
    await w.page.keyboard.press('/');
    await w.page.keyboard.type('tokens');
    await Promise.all([w.page.waitForURL(/\/search\?q=tokens$/), w.page.keyboard.press('Enter')]);
    expect(await ids(w.page, '.hit')).toEqual(['2601.00003']);
    await close(w);
  });

  it('should edit the profile and show the For you picks with their reasons on the day, then reset it', async () => {
    const w = await open('/');
    await Promise.all([w.page.waitForURL(/\/profile$/), w.page.click('.app-nav a[href="/profile"]')]);
    expect(await w.page.getAttribute('#ranking-state', 'data-state')).toBe('off');
    await w.page.fill('#profile-keywords', 'diffusion:2\ntokens');
    await w.page.fill('#profile-exclude', 'graphs');
    await w.page.fill('#profile-categories', 'cs.CL:0.5');
    await Promise.all([w.page.waitForURL(/\/profile\?saved$/), w.page.click('#profile-form button[type="submit"]')]);
    expect(await w.page.textContent('#profile-notice')).toBe('Profile saved.');
    expect(await w.page.getAttribute('#ranking-state', 'data-state')).toBe('on');
    expect(await w.page.inputValue('#profile-keywords')).toBe('diffusion:2\ntokens');

    await w.page.goto(`${base}/days/2026-01-06`);
    expect(await w.page.isVisible('.for-you')).toBe(true);
    expect(await w.page.$$eval('.for-you li', (lis) => lis.map((li) => li.getAttribute('data-id')))).toEqual([
      '2601.00001',
      '2601.00003',
    ]);
    expect(await w.page.textContent('.for-you li[data-id="2601.00001"] .reason')).toContain(
      "keyword 'diffusion' in title",
    );
    expect(await w.page.textContent('[id="2601.00001"] .reason')).toContain("keyword 'diffusion' in title");
    expect(await w.page.textContent('[id="2601.00002"] .score')).toMatch(/^score \u2212/);
    // The hostile title is still text, with its score.
    expect(await w.page.textContent('[id="2601.00002"] h3')).toBe(HOSTILE);
    await Promise.all([w.page.waitForURL(/\?sort=score$/), w.page.click('.order a[href$="?sort=score"]')]);
    expect(await ids(w.page, 'article.paper')).toEqual(['2601.00001', '2601.00003', '2601.00002']);
    await w.page.click('.for-you li[data-id="2601.00003"] a');
    // The site's script marks the card on hashchange, after the click has returned.
    await w.page.waitForSelector('[id="2601.00003"].paper.current');

    await w.page.goto(`${base}/profile`);
    await Promise.all([w.page.waitForURL(/\/profile\?reset$/), w.page.click('.profile-reset button')]);
    expect(await w.page.getAttribute('#ranking-state', 'data-state')).toBe('off');
    await w.page.goto(`${base}/days/2026-01-06`);
    expect(await w.page.$$('.for-you')).toHaveLength(0);
    await close(w);
  });

  it('should copy the BibTeX of a paper with the copy button', async () => {
    const w = await open('/papers/2601.00001', { clipboard: true });
    const bibtex = await w.page.textContent('#bibtex');
    expect(bibtex).toMatch(/^@misc\{arxiv:2601\.00001,/);
    await w.page.click('button[data-copy="bibtex"]');
    await w.page.waitForSelector('button[data-copy="bibtex"]:text("Copied")');
    expect(await w.page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
    await close(w);
  });

  it('should load every page without a console error, page error or dialog, hostile text shown as text', async () => {
    const pages = [
      '/',
      '/days/2026-01-06',
      '/days/2026-01-05',
      '/papers/2601.00002',
      '/papers/astro-ph/0601001',
      '/search?q=quantum',
      '/search?author=Ada+Lovelace&category=cs.CV',
      '/search',
      '/favorites',
      '/profile',
    ];
    const w = await open('/');
    for (const path of pages) {
      const res = await w.page.goto(base + path);
      expect([path, res?.status()]).toEqual([path, 200]);
      expect([path, await w.page.$$('img')]).toEqual([path, []]);
      // The site's script ran (it sets the class) under the server's CSP.
      expect(await w.page.getAttribute('html', 'class')).toBe('js');
    }
    await w.page.goto(`${base}/papers/2601.00002`);
    expect(await w.page.textContent('h1')).toBe(HOSTILE);
    expect(await w.page.textContent('.authors')).toBe('<script>alert(2)</script>');
    await w.page.waitForTimeout(100);
    await close(w);
  });

  it('should show 4xx answers as pages of the app, with the explanation', async () => {
    const w = await open('/');
    for (const [path, status, text] of [
      ['/search?q=%22unterminated', 400, 'invalid search query: unterminated quote'],
      ['/days/2026-02-30', 400, 'date: expected YYYY-MM-DD or latest'],
      ['/papers/2612.99999', 404, 'no paper 2612.99999 in the store'],
    ] as const) {
      const res = await w.page.goto(base + path);
      expect([path, res?.status()]).toEqual([path, status]);
      expect(await w.page.textContent('.error-box')).toContain(text);
      expect(await w.page.getAttribute('html', 'class')).toBe('js');
    }
    await w.context.close();
    // Chromium reports the document's own 4xx status as a console error; nothing else may appear.
    expect(
      w.problems.filter((p) => !/Failed to load resource: the server responded with a status of 40[04]/.test(p)),
    ).toEqual([]);
  });

  it('should let a browser in with ?token= once, drop it from the URL, and keep it in a cookie', async () => {
    const token = 'browser-test-token-0123456789';
    const guarded = await startServer(
      createApp({
        store,
        language: 'English',
        categoryOrder: [],
        preferredSummarizer: 'offline',
        siteTitle: 'Guarded',
        token,
      }),
      { host: '127.0.0.1', port: 0 },
    );
    try {
      const w = await open('/');
      const refused = await w.page.goto(`${guarded.url}/favorites`);
      expect(refused?.status()).toBe(401);
      expect(await w.page.textContent('h1')).toBe('Access token needed');
      await w.page.goto(`${guarded.url}/favorites?token=${token}`);
      expect(w.page.url()).toBe(`${guarded.url}/favorites`);
      expect(await w.page.textContent('h1')).toBe('Favorites');
      // The stylesheet and scripts came with the cookie too: site.js ran.
      expect(await w.page.getAttribute('html', 'class')).toBe('js');
      const cookies = await w.context.cookies(guarded.url);
      expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['token', true, 'Strict']]);
      expect(await w.page.evaluate(() => document.cookie)).toBe('');
      await w.page.reload();
      expect(await w.page.textContent('h1')).toBe('Favorites');
      await w.context.close();
      expect(w.problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    } finally {
      await guarded.close();
    }
  });

  it('should answer paths a browser would normalize, sent raw, with 404 and no file', async () => {
    for (const path of [
      '/assets/../../etc/passwd',
      '/assets/..%2f..%2fetc%2fpasswd',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/../../../etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    ]) {
      const r = await rawGet(path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.body).not.toContain('root:');
    }
  });
});

describe('serve: the CLI process', { timeout: 30_000 }, () => {
  it('should print its URL, serve, and stop cleanly on SIGTERM with exit code 0', async () => {
    if (!existsSync(join(BIN, '..', '..', 'dist', 'cli', 'entry.js'))) throw new Error('build first: npm run build');
    const cwd = mkdtempSync(join(tmpdir(), 'arxiv-digest-serve-cli-'));
    try {
      const child = cliAsync(['--db', join(cwd, 'store.db'), 'serve', '--port', '0'], { cwd });
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (d: Buffer) => {
          stderr += String(d);
          const m = /^serve: (http:\/\/127\.0\.0\.1:\d+) \(press Ctrl\+C to stop\)$/m.exec(stderr);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const res = await fetch(`${url}/api/days`);
      expect([res.status, await res.json()]).toEqual([200, { days: [] }]);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stderr).toMatch(/serve: SIGTERM, stopping\n$/);
      // The store was closed: its WAL was checkpointed away.
      expect(existsSync(join(cwd, 'store.db-wal'))).toBe(false);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
