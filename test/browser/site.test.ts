/**
 * The static site in a real browser: headless Chromium (playwright-core, the system's
 * /usr/bin/chromium) opens the generated files straight from disk (file://) — the hardest place
 * for a static site, where fetch() and absolute links fail — and once over a loopback HTTP server.
 * Every page must run without a page error, a console error (a CSP violation is one) or a dialog
 * (a hostile title that ran would open one).
 *
 * Skipped, with the reason in the suite's name, when Chromium is missing; CI installs it.
 * CHROMIUM_PATH points at another binary.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { HAVE_CHROMIUM, browserSuite, launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper, StoredSummary } from '../../src/core/types.js';
import { buildDayView, withRanking, type DayView } from '../../src/core/day-view.js';
import { renderDayPage, renderSite, type SiteOptions } from '../../src/publish/site/index.js';
import { ai } from '../support/fixtures.js';

/*
 * The callbacks given to page.evaluate run in the browser. The project compiles without the DOM
 * lib (it is a Node program, and a `/// <reference lib="dom" />` here would leak DOM types into
 * every file), so the few browser globals those callbacks use are declared for this module only.
 */
interface BrowserElement {
  id: string;
  textContent: string | null;
  open?: boolean;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
}
declare const document: {
  body: BrowserElement | null;
  documentElement: BrowserElement & { scrollWidth: number };
  activeElement: BrowserElement | null;
  querySelector(selector: string): BrowserElement | null;
  getElementById(id: string): BrowserElement | null;
};
declare const window: { innerHeight: number; innerWidth: number; themeAtBody?: string | null };
declare function getComputedStyle(element: unknown): { backgroundColor: string; opacity: string; position: string };
declare const MutationObserver: new (callback: (records: unknown[], observer: { disconnect(): void }) => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
};

const SUITE = browserSuite('static site in headless Chromium');

const HOSTILE = '<img src=x onerror=alert(1)> Quantum walks on graphs';
const OPTIONS: SiteOptions = { title: 'Test digest', language: 'English', generatedAt: '2026-01-06T08:00:00Z' };

const paper = (id: string, category: string, title: string, abstract: string, authors = ['Ada Lovelace']): Paper => ({
  id,
  version: 1,
  title,
  authors,
  abstract,
  categories: [category],
  comment: null,
  journalRef: null,
  doi: null,
  published: null,
  updated: null,
});

const ok = (paperId: string, flags: string[] = []): StoredSummary => ({
  paperId,
  version: 1,
  language: 'English',
  summarizer: 'offline',
  promptVersion: 'v1',
  status: 'ok',
  fields: ai(paperId),
  flags,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

function day(date: string, papers: Paper[], summaries: StoredSummary[]): DayView {
  return buildDayView({
    date,
    language: 'English',
    rows: papers.map((p, i) => ({ paper: p, category: p.categories[0]!, kind: 'new', version: 1, position: i })),
    summaries,
    otherLanguages: new Map(),
    codeLinks: new Map(),
    categoryOrder: ['cs.CV', 'cs.CL', 'cs.LG'],
    preferredSummarizer: 'offline',
  });
}

const NEWER = day(
  '2026-01-06',
  [
    paper('2601.00001', 'cs.CV', 'Diffusion transformers for video generation', 'We scale diffusion transformers.'),
    paper('2601.00002', 'cs.CV', HOSTILE, 'Walks on graphs.'),
    paper('2601.00003', 'cs.CL', 'Tokenizer-free language models', 'Bytes instead of tokens.', ['Grace Hopper']),
    paper('2601.00004', 'cs.CL', 'Speech recognition revisited', 'Audio models.'),
    paper('2601.00005', 'cs.LG', 'Graph neural networks for chemistry', 'Molecules as graphs.'),
  ],
  [ok('2601.00001', ['unsupported-number']), ok('2601.00002'), ok('2601.00003'), ok('2601.00005')],
);
const OLDER = day(
  '2026-01-05',
  [
    paper('2601.00010', 'cs.CV', 'Latent diffusion for medical imaging', 'Diffusion in latent space.'),
    paper('2601.00011', 'cs.LG', 'Reinforcement learning from feedback', 'Rewards from people.'),
  ],
  [ok('2601.00010'), ok('2601.00011')],
);

/** The newer day ranked for a reader: two picks, one paper against, the rest unranked (neutral). */
const RANKED = withRanking(
  NEWER,
  new Map([
    ['2601.00001', { score: 0.5, reason: "keyword 'diffusion' in title" }],
    ['2601.00002', { score: -0.4, reason: `excluded keyword '${HOSTILE}' in title` }],
    ['2601.00004', { score: 0.2, reason: '' }],
    ['2601.00005', { score: 0.75, reason: 'similar to 2401.01234 from your library' }],
  ]),
);

let dir = '';
let browser: Browser;
let server: Server;
let httpBase = '';

const fileUrl = (rel: string): string => pathToFileURL(join(dir, rel)).href;

/** A tiny static server for the site folder: GET only, no directory listing, no escape from dir. */
function serve(root: string): Promise<Server> {
  const types: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript' };
  const s = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
    const file = join(root, path || 'index.html');
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[file.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors and dialogs seen so far. */
  problems: string[];
}

/** A fresh context (own localStorage) and page that records anything that went wrong. */
async function open(url: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Watched> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1100, height: 800 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return { context, page, problems };
}

async function close(w: Watched): Promise<void> {
  await w.context.close();
  expect(w.problems).toEqual([]);
}

/** Ids of the papers a reader can see. */
const visiblePapers = (page: Page): Promise<string[]> =>
  page.$$eval('article.paper', (els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.id));

const currentId = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.querySelector('.paper.current, .day-row.current')?.id ?? null);

const background = (page: Page): Promise<string> =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe.skipIf(!HAVE_CHROMIUM)(SUITE, { timeout: 30_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-site-'));
    for (const [rel, text] of renderSite([OLDER, NEWER], OPTIONS)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    writeFileSync(join(dir, 'single.html'), renderDayPage(NEWER, OPTIONS));
    writeFileSync(join(dir, 'ranked.html'), renderDayPage(RANKED, OPTIONS));
    server = await serve(dir);
    httpBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should filter the papers by category and back to all', async () => {
    const w = await open(fileUrl('days/2026-01-06.html'));
    expect(await visiblePapers(w.page)).toEqual(['2601.00001', '2601.00002', '2601.00003', '2601.00004', '2601.00005']);
    await w.page.click('.chip[data-cat="cs.CL"]');
    expect(await visiblePapers(w.page)).toEqual(['2601.00003', '2601.00004']);
    expect(await w.page.getAttribute('.chip[data-cat="cs.CL"]', 'aria-pressed')).toBe('true');
    expect(await w.page.getAttribute('.chip[data-cat=""]', 'aria-pressed')).toBe('false');
    await w.page.click('.chip[data-cat=""]');
    expect(await visiblePapers(w.page)).toHaveLength(5);
    await close(w);
  });

  it('should search across all days from a day page and follow a result to the other day', async () => {
    const w = await open(fileUrl('days/2026-01-06.html'));
    await w.page.fill('#q', 'diffusion');
    await w.page.waitForSelector('#results li');
    const results = await w.page.$$eval('#results li a', (as) =>
      as.map((a) => [a.querySelector('.r-date')!.textContent, a.querySelector('.r-title')!.textContent]),
    );
    expect(results).toEqual([
      ['2026-01-06', 'Diffusion transformers for video generation'],
      ['2026-01-05', 'Latent diffusion for medical imaging'],
    ]);
    expect(await w.page.textContent('#search-status')).toBe('2 results');
    expect(await w.page.$$eval('#results mark.hl', (ms) => ms.map((m) => m.textContent))).toContain('Diffusion');
    await Promise.all([w.page.waitForURL(/2026-01-05\.html#2601\.00010$/), w.page.click('#results li:nth-child(2) a')]);
    await w.page.waitForFunction(() => document.querySelector('.paper.current')?.id === '2601.00010');
    expect(
      await w.page.$eval('[id="2601.00010"]', (e) => {
        const r = e.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      }),
    ).toBe(true);
    await close(w);
  });

  it('should search from the index over HTTP and say when nothing matches', async () => {
    const w = await open(`${httpBase}index.html`);
    await w.page.fill('#q', 'chemistry');
    await w.page.waitForSelector('#results li');
    expect(await w.page.$$eval('#results .r-title', (ts) => ts.map((t) => t.textContent))).toEqual([
      'Graph neural networks for chemistry',
    ]);
    await w.page.fill('#q', 'zebrafish');
    await w.page.waitForFunction(() => document.getElementById('search-status')?.textContent === 'No results.');
    expect(await w.page.$$('#results li')).toHaveLength(0);
    await w.page.keyboard.press('Escape');
    expect(await w.page.isHidden('#search-panel')).toBe(true);
    // Enter in the search box follows the first result.
    await w.page.fill('#q', 'chemistry');
    await w.page.waitForSelector('#results li');
    await Promise.all([w.page.waitForURL(/days\/2026-01-06\.html#2601\.00005$/), w.page.press('#q', 'Enter')]);
    await w.page.waitForFunction(() => document.querySelector('.paper.current')?.id === '2601.00005');
    await close(w);
  });

  it('should walk the list of days with the keyboard and open one with Enter', async () => {
    const w = await open(fileUrl('index.html'));
    await w.page.keyboard.press('j');
    await w.page.keyboard.press('j');
    await w.page.keyboard.press('k');
    expect(await w.page.$eval('.day-row.current', (e) => e.getAttribute('data-date'))).toBe('2026-01-06');
    await Promise.all([w.page.waitForURL(/days\/2026-01-06\.html$/), w.page.keyboard.press('Enter')]);
    await close(w);
  });

  it('should toggle dark mode, keep it after a reload, and set it before the body is painted', async () => {
    const w = await open(fileUrl('days/2026-01-06.html'));
    const light = await background(w.page);
    await w.page.click('#theme-toggle');
    expect(await w.page.getAttribute('html', 'data-theme')).toBe('dark');
    const dark = await background(w.page);
    expect(dark).not.toBe(light);
    // Records the theme at the moment <body> appears: no flash of the light page.
    await w.page.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (!document.body) return;
        window.themeAtBody = document.documentElement.getAttribute('data-theme');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await w.page.reload();
    expect(await w.page.evaluate(() => window.themeAtBody)).toBe('dark');
    expect(await background(w.page)).toBe(dark);
    expect(await w.page.getAttribute('#theme-toggle', 'aria-pressed')).toBe('true');
    await close(w);
  });

  it('should follow a dark system theme until the reader chooses light', async () => {
    const w = await open(fileUrl('index.html'), { colorScheme: 'dark' });
    expect(await w.page.getAttribute('html', 'data-theme')).toBeNull();
    const dark = await background(w.page);
    expect(dark).toBe('rgb(18, 20, 23)');
    await w.page.click('#theme-toggle');
    expect(await w.page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await background(w.page)).toBe('rgb(247, 247, 245)');
    await close(w);
  });

  it('should expand the details of a paper', async () => {
    const w = await open(fileUrl('days/2026-01-06.html'));
    const details = '[id="2601.00003"] details';
    expect(await w.page.isVisible(`${details} dd`)).toBe(false);
    await w.page.click(`${details} > summary`);
    expect(await w.page.$eval(details, (d) => (d as BrowserElement).open)).toBe(true);
    expect(await w.page.isVisible(`${details} dd >> text=Motivation 2601.00003`)).toBe(true);
    await close(w);
  });

  it('should move between papers and open details with the keyboard', async () => {
    const w = await open(fileUrl('days/2026-01-06.html'));
    const k = w.page.keyboard;
    await k.press('j');
    expect(await currentId(w.page)).toBe('2601.00001');
    await k.press('j');
    await k.press('ArrowRight');
    expect(await currentId(w.page)).toBe('2601.00003');
    await k.press('k');
    expect(await currentId(w.page)).toBe('2601.00002');
    await k.press('ArrowLeft');
    expect(await currentId(w.page)).toBe('2601.00001');
    const open1 = () => w.page.$eval('[id="2601.00001"] details', (d) => (d as BrowserElement).open);
    await k.press('o');
    expect(await open1()).toBe(true);
    await k.press('Enter');
    expect(await open1()).toBe(false);
    // Hidden papers are skipped.
    await w.page.click('.chip[data-cat="cs.LG"]');
    await k.press('j');
    expect(await currentId(w.page)).toBe('2601.00005');
    await k.press('?');
    expect(await w.page.isVisible('#help')).toBe(true);
    await k.press('Escape');
    expect(await w.page.isHidden('#help')).toBe(true);
    await k.press('/');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('q');
    // Typing in the search box is not navigation.
    await k.type('jk');
    expect(await w.page.inputValue('#q')).toBe('jk');
    expect(await currentId(w.page)).toBe('2601.00005');
    await close(w);
  });

  it('should hide a paper with a negative keyword, remember it, and dim it instead when asked', async () => {
    const w = await open(fileUrl('days/2026-01-06.html'));
    await w.page.click('#settings-toggle');
    await w.page.fill('#set-negative', 'tokenizer, nothing-matches');
    await w.page.fill('#set-highlight', 'graph');
    await w.page.fill('#set-authors', 'grace');
    await w.page.click('#settings-form button[type="submit"]');
    expect(await w.page.isHidden('#settings')).toBe(true);
    expect(await visiblePapers(w.page)).toEqual(['2601.00001', '2601.00002', '2601.00004', '2601.00005']);
    expect(await w.page.textContent('#hidden-note')).toBe('1 hidden by negative keywords');
    // "graph" starts a word in two titles and two abstracts; highlights are DOM marks around text.
    expect(await w.page.$$eval('mark.hl', (ms) => ms.map((m) => m.textContent))).toEqual([
      'graph',
      'graph',
      'Graph',
      'graph',
    ]);
    expect(await w.page.$$eval('.paper.has-hl', (ps) => ps.map((p) => p.id))).toEqual(['2601.00002', '2601.00005']);
    await w.page.reload();
    expect(await visiblePapers(w.page)).not.toContain('2601.00003');
    expect(await w.page.$$eval('mark.hl', (ms) => ms.length)).toBe(4);
    await w.page.click('#settings-toggle');
    expect(await w.page.inputValue('#set-negative')).toBe('tokenizer, nothing-matches');
    await w.page.check('input[name="negmode"][value="dim"]');
    await w.page.click('#settings-form button[type="submit"]');
    expect(await visiblePapers(w.page)).toContain('2601.00003');
    expect(await w.page.$eval('[id="2601.00003"]', (e) => getComputedStyle(e).opacity)).toBe('0.4');
    expect(await w.page.isHidden('#hidden-note')).toBe(true);
    await close(w);
  });

  it('should show the hostile title as text and run nothing from it, on the page and in search results', async () => {
    const w = await open(fileUrl('days/2026-01-06.html'));
    expect(await w.page.textContent('[id="2601.00002"] h3')).toBe(HOSTILE);
    await w.page.fill('#q', 'quantum');
    await w.page.waitForSelector('#results li');
    expect(await w.page.textContent('#results .r-title')).toBe(HOSTILE);
    expect(await w.page.$$('img')).toHaveLength(0);
    await w.page.waitForTimeout(100);
    await close(w);
  });

  it('should show the flags and the honest status of a paper without a summary', async () => {
    const w = await open(fileUrl('days/2026-01-06.html'));
    expect(await w.page.textContent('[id="2601.00001"] .badge')).toBe('number not in abstract');
    expect(await w.page.textContent('[id="2601.00004"] .status')).toBe(
      'Summary status: pending — not summarized in English yet',
    );
    expect(await w.page.isVisible('[id="2601.00004"] .abstract')).toBe(true);
    await close(w);
  });

  it('should show the For you picks of a ranked day and order it by score and back, keeping the filter', async () => {
    const w = await open(fileUrl('ranked.html'));
    const inCategoryOrder = ['2601.00001', '2601.00002', '2601.00003', '2601.00004', '2601.00005'];
    expect(await visiblePapers(w.page)).toEqual(inCategoryOrder);
    expect(await w.page.$$eval('.for-you li a', (as) => as.map((a) => a.textContent))).toEqual([
      'Graph neural networks for chemistry',
      'Diffusion transformers for video generation',
    ]);
    expect(await w.page.textContent('[id="2601.00002"] .reason')).toBe(`Why: excluded keyword '${HOSTILE}' in title`);
    // A pick leads to its card.
    await w.page.click('.for-you li[data-id="2601.00005"] a');
    // The script marks the card on hashchange, after the click has returned.
    await w.page.waitForFunction(() => document.querySelector('.paper.current')?.id === '2601.00005');
    await w.page.click('button[data-order="score"]');
    expect(await w.page.getAttribute('button[data-order="score"]', 'aria-pressed')).toBe('true');
    const byScore = ['2601.00005', '2601.00001', '2601.00004', '2601.00003', '2601.00002'];
    expect(await visiblePapers(w.page)).toEqual(byScore);
    expect(await w.page.textContent('.by-score h2')).toBe('All papers by score (5)');
    // The keyboard follows the new order.
    await w.page.keyboard.press('j');
    expect(await currentId(w.page)).toBe('2601.00001');
    await w.page.click('.chip[data-cat="cs.CL"]');
    expect(await visiblePapers(w.page)).toEqual(['2601.00004', '2601.00003']);
    // The choice is remembered.
    await w.page.reload();
    expect(await visiblePapers(w.page)).toEqual(byScore);
    await w.page.click('.chip[data-cat="cs.CV"]');
    await w.page.click('button[data-order="category"]');
    expect(await visiblePapers(w.page)).toEqual(['2601.00001', '2601.00002']);
    await w.page.click('.chip[data-cat=""]');
    expect(await visiblePapers(w.page)).toEqual(inCategoryOrder);
    expect(await w.page.$$('.by-score')).toHaveLength(0);
    expect(await w.page.$$('img')).toHaveLength(0);
    await close(w);
  });

  it('should run the single self-contained page under its hash-based CSP, on a phone-sized screen', async () => {
    const w = await open(fileUrl('single.html'), { width: 390 });
    expect(await w.page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    expect(await w.page.$('#q')).toBeNull();
    await w.page.keyboard.press('j');
    expect(await currentId(w.page)).toBe('2601.00001');
    await w.page.click('#theme-toggle');
    expect(await w.page.getAttribute('html', 'data-theme')).toBe('dark');
    // The mobile layout: no horizontal scrolling, the header scrolls away.
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await w.page.$eval('header.top', (h) => getComputedStyle(h).position)).toBe('static');
    await close(w);
  });
});
