/**
 * The static site as files: structure, counts, links that work from disk, labels in the summary
 * language, flags and honest status lines, and hostile text escaped wherever it lands (checked by
 * parsing the pages, not by string search alone). The browser behaviour is in test/browser/.
 */
import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { CodeLink, Paper, StoredSummary } from '../../core/types.js';
import { ai } from '../../../test/support/fixtures.js';
import { buildDayView, withRanking, type DayView, type PaperRank } from '../../core/day-view.js';
import { asset } from '../../ui/assets.js';
import { dayMain } from '../../ui/components/day.js';
import { catalogFor } from '../../ui/i18n/catalog.js';
import { htmlRenderer, renderDayPage, renderSite, type SiteOptions } from './index.js';
import { formatScore } from '../../core/day-view.js';
import { SEARCH_GLOBAL, type SearchIndex } from './search-index.js';

const SITE_JS = asset('site.js').body;

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_ATTR = `" onmouseover="alert(2)" x='`;
const SCRIPT_CLOSE = '</script><script>alert(3)</script>';

const paper = (id: string, over: Partial<Paper> = {}): Paper => ({
  id,
  version: 1,
  title: `Title ${id}`,
  authors: ['Ada Lovelace', 'Alan Turing'],
  abstract: `Abstract of ${id}. We study diffusion models.`,
  categories: ['cs.LG'],
  comment: null,
  journalRef: null,
  doi: null,
  published: null,
  updated: null,
  ...over,
});

const summary = (paperId: string, over: Partial<StoredSummary> = {}): StoredSummary => ({
  paperId,
  version: 1,
  language: 'English',
  summarizer: 'offline',
  promptVersion: 'v1',
  status: 'ok',
  fields: ai(paperId),
  flags: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

interface Entry {
  paper: Paper;
  summaries?: StoredSummary[];
  code?: CodeLink;
  kind?: 'new' | 'cross';
}

function day(date: string, entries: Entry[], language = 'English'): DayView {
  return buildDayView({
    date,
    language,
    rows: entries.map((e, i) => ({
      paper: e.paper,
      category: e.paper.categories[0]!,
      kind: e.kind ?? 'new',
      version: 1,
      position: i,
    })),
    summaries: entries.flatMap((e) => e.summaries ?? []),
    otherLanguages: new Map(),
    codeLinks: new Map(entries.filter((e) => e.code).map((e) => [e.paper.id, e.code!])),
    categoryOrder: ['cs.CV', 'cs.LG'],
    preferredSummarizer: 'offline',
  });
}

/** A day with hostile text in every field a page shows. */
function hostileDay(): DayView {
  return day('2026-01-06', [
    {
      paper: paper('2601.00001', {
        title: `${HOSTILE} ${SCRIPT_CLOSE}`,
        authors: [HOSTILE, HOSTILE_ATTR],
        abstract: `${HOSTILE} abstract ${SCRIPT_CLOSE}`,
        categories: ['cs.LG', `cs.${HOSTILE_ATTR}`],
        comment: `${HOSTILE} comment`,
        doi: `10.1/${HOSTILE_ATTR}`,
      }),
      summaries: [
        summary('2601.00001', {
          fields: {
            tldr: `${HOSTILE} tldr`,
            motivation: `${HOSTILE} motivation`,
            method: `${HOSTILE_ATTR} method`,
            result: `${SCRIPT_CLOSE} result`,
            conclusion: `${HOSTILE} conclusion`,
          },
          flags: [`flag-${HOSTILE}`],
        }),
      ],
      code: { paperId: '2601.00001', url: 'javascript:alert(4)', stars: 3 },
    },
    {
      paper: paper('2601.00002', { categories: [HOSTILE_ATTR] }),
      summaries: [summary('2601.00002', { status: 'failed', fields: null, error: `${HOSTILE} HTTP 500` })],
      code: { paperId: '2601.00002', url: `https://github.com/a/b?${HOSTILE_ATTR}`, stars: null },
    },
  ]);
}

/** Two ordinary days: a mix of ok, failed, refused, pending, flagged and placeholder summaries. */
function twoDays(language = 'English'): DayView[] {
  const older = day(
    '2026-01-05',
    [
      {
        paper: paper('2601.00010', { categories: ['cs.CV'], title: 'Diffusion transformers for video' }),
        summaries: [summary('2601.00010')],
      },
      { paper: paper('2601.00011'), summaries: [summary('2601.00011')] },
    ],
    language,
  );
  const newer = day(
    '2026-01-06',
    [
      {
        paper: paper('2601.00001', { categories: ['cs.CV', 'cs.AI'], title: 'Diffusion for images' }),
        summaries: [
          summary('2601.00001', {
            flags: ['unsupported-number', 'language-mismatch', 'untranslated', 'unrelated', 'instruction-like'],
          }),
        ],
        code: { paperId: '2601.00001', url: 'https://github.com/a/b', stars: 42 },
      },
      {
        paper: paper('2601.00002', { categories: ['cs.CV'] }),
        summaries: [summary('2601.00002', { status: 'failed', fields: null, error: 'HTTP 500 after 3 tries' })],
      },
      {
        paper: paper('2601.00003'),
        summaries: [summary('2601.00003', { status: 'refused', fields: null, error: 'content_filter' })],
      },
      { paper: paper('2601.00004'), kind: 'cross' },
      {
        paper: paper('2601.00005'),
        summaries: [
          summary('2601.00005', {
            summarizer: 'imported',
            fields: { ...ai('five'), tldr: 'Summary generation failed', method: 'Method extraction failed' },
            flags: ['placeholder'],
          }),
        ],
      },
    ],
    language,
  );
  return [older, newer];
}

const OPTIONS: SiteOptions = { title: 'My digest', language: 'English', generatedAt: '2026-01-06T08:00:00Z' };

type HtmlNode = ReturnType<typeof parseDocument>['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

const elements = (html: string): HtmlElement[] =>
  DomUtils.findAll(() => true, parseDocument(html).children) as HtmlElement[];
const byClass = (html: string, cls: string): HtmlElement[] =>
  elements(html).filter((e) => (e.attribs['class'] ?? '').split(' ').includes(cls));
const text = (e: HtmlElement): string => DomUtils.textContent(e);

/** Every page of a rendered site with its path. */
const pages = (files: Map<string, string>): [string, string][] => [...files].filter(([p]) => p.endsWith('.html'));

describe('renderSite', () => {
  it('should write the index, one page per day, the assets and the search index', () => {
    const files = renderSite(twoDays(), OPTIONS);
    expect([...files.keys()]).toEqual([
      'index.html',
      'assets/site.css',
      'assets/site.js',
      'assets/search-index.js',
      'days/2026-01-06.html',
      'days/2026-01-05.html',
    ]);
    for (const [path, html] of pages(files)) {
      expect(html.startsWith('<!doctype html>\n<html lang="en">'), path).toBe(true);
      expect(html.endsWith('</html>\n'), path).toBe(true);
    }
  });

  it('should list the days newest first with paper and summary counts', () => {
    const html = renderSite(twoDays(), OPTIONS).get('index.html')!;
    const rows = byClass(html, 'day-row');
    expect(rows.map((r) => r.attribs['data-date'])).toEqual(['2026-01-06', '2026-01-05']);
    expect(text(rows[0]!)).toContain('5 papers');
    expect(text(rows[0]!)).toContain('2 summarized');
    expect(text(rows[0]!)).toContain('1 failed');
    expect(text(rows[0]!)).toContain('1 refused');
    expect(text(rows[0]!)).toContain('1 pending');
    expect(text(rows[0]!)).toContain('1 with placeholder text');
    expect(text(rows[1]!)).toContain('2 papers');
    expect(text(rows[1]!)).toContain('2 summarized');
    expect(text(rows[1]!)).not.toContain('failed');
    expect(html).toContain('<span>2 days</span><span>7 papers</span>');
  });

  it('should show the categories with counts and an All chip on a day page', () => {
    const html = renderSite(twoDays(), OPTIONS).get('days/2026-01-06.html')!;
    const chips = byClass(html, 'chip');
    expect(chips.map((c) => [c.attribs['data-cat'], text(c)])).toEqual([
      ['', 'All5'],
      ['cs.CV', 'cs.CV2'],
      ['cs.LG', 'cs.LG3'],
    ]);
    expect(chips[0]!.attribs['aria-pressed']).toBe('true');
    const sections = byClass(html, 'category');
    expect(sections.map((s) => [s.attribs['data-cat'], byClass(DomUtils.getOuterHTML(s), 'paper').length])).toEqual([
      ['cs.CV', 2],
      ['cs.LG', 3],
    ]);
  });

  it('should give each paper its title link, authors, categories, TL;DR, details and links', () => {
    const html = renderSite(twoDays(), OPTIONS).get('days/2026-01-06.html')!;
    // The page's own bytes, not a re-serialization, which would re-encode characters.
    const card = /<article class="paper" id="2601\.00001"[^]*?<\/article>/.exec(html)![0];
    expect(card).toContain('<h3><a href="https://arxiv.org/abs/2601.00001" data-hl>Diffusion for images</a></h3>');
    expect(card).toContain('<span class="author">Ada Lovelace</span>, <span class="author">Alan Turing</span>');
    expect(card).toContain('<span class="cat primary">cs.CV</span><span class="cat">cs.AI</span>');
    expect(card).toContain('<span class="tldr-label">TL;DR</span><span data-hl>TLDR 2601.00001</span>');
    expect(card).toMatch(
      /<details><summary>Details<\/summary><dl class="fields" lang="en"><dt>Motivation<\/dt><dd data-hl>Motivation 2601.00001<\/dd>.*<dt>Conclusion<\/dt>.*<dt>Abstract<\/dt><dd data-hl>Abstract of 2601.00001/,
    );
    expect(card).toContain('href="https://arxiv.org/pdf/2601.00001"');
    expect(card).toContain('href="https://arxiv.org/html/2601.00001"');
    expect(card).toContain(
      '<a href="https://github.com/a/b" rel="nofollow noopener">Code</a><span class="stars">★ 42</span>',
    );
  });

  it('should show the checks and the placeholder flag as visible badges', () => {
    const html = renderSite(twoDays(), OPTIONS).get('days/2026-01-06.html')!;
    const badges = byClass(html, 'badge').map((b) => [b.attribs['data-flag'], text(b)]);
    expect(badges).toEqual([
      ['unsupported-number', 'number not in abstract'],
      ['language-mismatch', 'language mismatch'],
      ['untranslated', 'untranslated'],
      ['unrelated', 'unrelated to the paper?'],
      ['instruction-like', 'instruction-like text'],
      ['placeholder', 'placeholder text'],
    ]);
  });

  it('should show a flag it has no label for as written, also one named like an object member', () => {
    const flags = ['constructor', '__proto__', 'toString'];
    const d = day('2026-01-06', [{ paper: paper('2601.00001'), summaries: [summary('2601.00001', { flags })] }]);
    const html = renderDayPage(d, OPTIONS);
    expect(byClass(html, 'badge').map((b) => [b.attribs['data-flag'], text(b), b.attribs['title']])).toEqual(
      flags.map((f) => [f, f, f]),
    );
  });

  it('should show the honest status and the abstract for a paper without a summary, never placeholder text', () => {
    const html = renderSite(twoDays(), OPTIONS).get('days/2026-01-06.html')!;
    const status = byClass(html, 'status').map((s) => [s.attribs['data-status'], text(s)]);
    expect(status).toEqual([
      ['failed', 'Summary status: failed — HTTP 500 after 3 tries (offline)'],
      ['refused', 'Summary status: refused — content_filter (offline)'],
      ['pending', 'Summary status: pending — not summarized in English yet'],
      ['placeholder', "no summary: the reference system's summary was placeholder text"],
    ]);
    const abstracts = byClass(html, 'abstract').map(text);
    expect(abstracts).toEqual(
      ['2601.00002', '2601.00003', '2601.00004', '2601.00005'].map(
        (id) => `Abstract of ${id}. We study diffusion models.`,
      ),
    );
    expect(html).not.toMatch(/generation failed|extraction failed|TLDR five/i);
    // The placeholder's real fields are still there.
    expect(html).toContain('<dd data-hl>Motivation five</dd>');
  });

  it('should mark a cross-list and keep the summary language on the summary text', () => {
    const html = renderSite(twoDays('Japanese'), { ...OPTIONS, language: 'Japanese' }).get('days/2026-01-06.html')!;
    expect(html).toContain('<span class="kind">cross-list</span>');
    expect(html).toContain('<p class="tldr" lang="ja">');
  });

  it('should use only relative links between its own files, and every one should exist', () => {
    const files = renderSite(twoDays(), OPTIONS);
    let internal = 0;
    for (const [path, html] of pages(files)) {
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      for (const e of elements(html)) {
        const url = e.attribs['href'] ?? e.attribs['src'];
        // '#…' stays on the page; 'data:,' is the empty icon that stops a /favicon.ico request.
        if (!url || url.startsWith('#') || url === 'data:,') continue;
        if (/^https:\/\//.test(url)) {
          expect(url, `${path}: ${url}`).toMatch(/^https:\/\/(arxiv\.org|github\.com)\//);
          continue;
        }
        expect(url, `${path}: ${url}`).not.toMatch(/^(\/|[a-z]+:)/i);
        const target = new URL(url, `file:///site/${dir}`).pathname.replace(/^\/site\//, '');
        expect(files.has(target), `${path} links to ${url}`).toBe(true);
        internal++;
      }
    }
    expect(internal).toBeGreaterThan(10);
  });

  it('should link days to their neighbours and back to the index', () => {
    const files = renderSite(twoDays(), OPTIONS);
    const newer = files.get('days/2026-01-06.html')!;
    const older = files.get('days/2026-01-05.html')!;
    expect(newer).toContain('<a rel="prev" href="2026-01-05.html">');
    expect(newer).not.toContain('rel="next"');
    expect(older).toContain('<a rel="next" href="2026-01-06.html">');
    expect(older).toContain('<a href="../index.html">All days</a>');
    expect(files.get('index.html')).toContain('<a class="date" href="days/2026-01-06.html">2026-01-06</a>');
  });

  it('should allow only its own scripts and styles and have no inline handlers', () => {
    for (const [path, html] of pages(renderSite(twoDays(), OPTIONS))) {
      const csp = elements(html).find((e) => e.attribs['http-equiv'] === 'Content-Security-Policy');
      expect(csp?.attribs['content'], path).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
      );
      const scripts = elements(html).filter((e) => e.name === 'script');
      expect(
        scripts.map((s) => s.attribs['src'] ?? s.attribs['type']),
        path,
      ).toEqual([expect.stringMatching(/^(\.\.\/)?assets\/site\.js\?v=[0-9a-f]{10}$/), 'application/json']);
      for (const e of elements(html)) {
        expect(
          Object.keys(e.attribs).filter((a) => a.startsWith('on') || a === 'style'),
          `${path} <${e.name}>`,
        ).toEqual([]);
      }
    }
  });

  it('should put the labels in the UI language when it is set apart from the summary language', () => {
    const html = renderSite(twoDays('English'), { ...OPTIONS, language: 'English', uiLanguage: 'Chinese' }).get(
      'days/2026-01-06.html',
    )!;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<span class="tldr-label">一句话总结</span>');
    // The summaries keep their own language's tag.
    expect(html).toContain('<p class="tldr" lang="en">');
  });

  it('should put the labels in Chinese for a Chinese digest', () => {
    const files = renderSite(twoDays('Chinese'), { ...OPTIONS, language: 'Chinese' });
    const html = files.get('days/2026-01-06.html')!;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('>全部<span class="n">5</span>');
    expect(html).toContain('<span class="tldr-label">一句话总结</span>');
    expect(html).toContain('<summary>详情</summary>');
    expect(html).toContain('<dt>动机</dt>');
    expect(html).toContain('>数字不在摘要中</span>');
    expect(html).toContain('总结状态：失败 — HTTP 500 after 3 tries (offline)');
    expect(html).toContain('placeholder="搜索所有日期"');
    expect(files.get('index.html')).toContain('<span>2 天</span><span>7 篇论文</span>');
  });

  it('should fall back to English labels for a language without a table', () => {
    const html = renderSite(twoDays('Klingon'), { ...OPTIONS, language: 'Klingon' }).get('days/2026-01-06.html')!;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<summary>Details</summary>');
    expect(html).toContain('This summary is not in the requested language (Klingon).');
  });

  it('should be deterministic', () => {
    expect([...renderSite(twoDays(), OPTIONS)]).toEqual([...renderSite(twoDays(), OPTIONS)]);
  });

  it('should write canonical links only when a base URL is given', () => {
    const plain = renderSite(twoDays(), OPTIONS);
    expect(plain.get('index.html')).not.toContain('rel="canonical"');
    const hosted = renderSite(twoDays(), { ...OPTIONS, baseUrl: 'https://me.github.io/digest' });
    expect(hosted.get('index.html')).toContain('<link rel="canonical" href="https://me.github.io/digest/">');
    expect(hosted.get('days/2026-01-05.html')).toContain(
      '<link rel="canonical" href="https://me.github.io/digest/days/2026-01-05.html">',
    );
  });

  it('should refuse a date that is not YYYY-MM-DD, a repeated date and a base URL that is not http(s)', () => {
    const [older] = twoDays();
    expect(() => renderSite([{ ...older!, date: '../../etc/passwd' }], OPTIONS)).toThrow(/YYYY-MM-DD/);
    expect(() => renderSite([older!, older!], OPTIONS)).toThrow(/two days dated 2026-01-05/);
    expect(() => renderSite([older!], { ...OPTIONS, baseUrl: 'javascript:alert(1)' })).toThrow(/baseUrl/);
  });

  it('should render an empty site without failing', () => {
    const files = renderSite([], OPTIONS);
    expect(files.get('index.html')).toContain('No papers.');
    expect(files.get('assets/search-index.js')).toBe(
      'window.ARXIV_DIGEST_SEARCH={"v":1,"dates":[],"cats":[],"papers":[]};\n',
    );
  });
});

describe('escaping of hostile text', () => {
  const site = renderSite([hostileDay()], OPTIONS);
  const single = renderDayPage(hostileDay(), OPTIONS);

  it.each([
    ['the day page', site.get('days/2026-01-06.html')!],
    ['the single page', single],
    ['the index', site.get('index.html')!],
  ])('should keep every field of %s as text, with no injected element or attribute', (_name, html) => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('alert(3)</script>');
    const els = elements(html);
    expect(els.filter((e) => e.name === 'img')).toEqual([]);
    expect(els.filter((e) => e.name === 'script').length).toBe(2);
    for (const e of els) {
      expect(
        Object.keys(e.attribs).filter((a) => a.startsWith('on')),
        `<${e.name}>`,
      ).toEqual([]);
      for (const v of Object.values(e.attribs)) expect(v).not.toMatch(/^\s*javascript:/i);
    }
  });

  it('should show the hostile text as the reader would type it', () => {
    const html = site.get('days/2026-01-06.html')!;
    const card = elements(html).find((e) => e.attribs['id'] === '2601.00001')!;
    const cardText = text(card);
    for (const expected of [
      `${HOSTILE} ${SCRIPT_CLOSE}`,
      `${HOSTILE} tldr`,
      `${HOSTILE} motivation`,
      `${HOSTILE_ATTR} method`,
      `${SCRIPT_CLOSE} result`,
      `${HOSTILE} conclusion`,
      `${HOSTILE} abstract`,
      `${HOSTILE} comment`,
      `cs.${HOSTILE_ATTR}`,
      `flag-${HOSTILE}`,
    ])
      expect(cardText).toContain(expected);
    expect(byClass(DomUtils.getOuterHTML(card), 'author').map(text)).toEqual([HOSTILE, HOSTILE_ATTR]);
    expect(byClass(html, 'status').map(text)).toEqual([`Summary status: failed — ${HOSTILE} HTTP 500 (offline)`]);
    const chips = byClass(html, 'chip').map((c) => c.attribs['data-cat']);
    expect(chips).toContain(HOSTILE_ATTR);
  });

  it('should drop a javascript: code link and keep a quoted one inside its attribute', () => {
    const html = site.get('days/2026-01-06.html')!;
    const hrefs = elements(html)
      .map((e) => e.attribs['href'])
      .filter((h): h is string => !!h);
    expect(hrefs.some((h) => h.includes('alert(4)'))).toBe(false);
    expect(hrefs).toContain('https://github.com/a/b?%22%20onmouseover=%22alert(2)%22%20x=%27');
    expect(hrefs).toContain("https://doi.org/10.1/%22%20onmouseover=%22alert(2)%22%20x='");
  });

  it('should keep the page data block from closing its script', () => {
    const html = site.get('days/2026-01-06.html')!;
    const data = /<script type="application\/json" id="site-data">([^]*?)<\/script>/.exec(html)![1]!;
    expect(data).not.toContain('<');
    expect(JSON.parse(data)).toMatchObject({
      root: '../',
      index: expect.stringMatching(/^assets\/search-index\.js\?v=/),
    });
  });

  it('should escape < in the search index and still carry the text exactly', () => {
    const script = site.get('assets/search-index.js')!;
    expect(script).not.toContain('<');
    const sandbox: { window: Record<string, SearchIndex> } = { window: {} };
    runInNewContext(script, sandbox);
    const index = sandbox.window[SEARCH_GLOBAL]!;
    expect(index.papers[0]![2]).toBe(`${HOSTILE} ${SCRIPT_CLOSE}`);
    expect(index.papers[0]![3]).toBe(`${HOSTILE}, ${HOSTILE_ATTR}`);
    expect(index.papers[0]![5]).toBe(`${HOSTILE} tldr`);
  });
});

describe('renderDayPage', () => {
  const [, newer] = twoDays();

  it('should be one self-contained page: inline CSS and JS allowed by hash, no search, no links to other files', () => {
    const html = renderDayPage(newer!, OPTIONS);
    const style = /<style>([^]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([^]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const csp = elements(html).find((e) => e.attribs['http-equiv'] === 'Content-Security-Policy')!.attribs['content'];
    expect(csp).toContain(`script-src ${hash(script)};`);
    expect(csp).toContain(`style-src ${hash(style)};`);
    expect(html).not.toContain('id="q"');
    expect(html).not.toMatch(/(href|src)="(?!https:\/\/|#|data:,")/);
    expect(byClass(html, 'paper')).toHaveLength(5);
  });

  it('should be the html Renderer', () => {
    const r = htmlRenderer(OPTIONS);
    expect([r.format, r.fileName(newer!), r.summaries]).toEqual(['html', '2026-01-06.html', true]);
    expect(r.render(newer!)).toBe(renderDayPage(newer!, OPTIONS));
  });
});

describe('site.js', () => {
  it('should be valid JavaScript that never writes HTML strings into the page', () => {
    expect(() => new Function(SITE_JS)).not.toThrow();
    expect(SITE_JS).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    expect(SITE_JS).toContain(`window.${SEARCH_GLOBAL}`);
  });
});

describe('feed links', () => {
  it('should link the feeds from every page when the site publishes them, relative to the root', async () => {
    const { renderSite } = await import('./index.js');
    const { buildDayView } = await import('../../core/day-view.js');
    const day = buildDayView({
      date: '2026-09-23',
      language: 'English',
      rows: [],
      summaries: [],
      otherLanguages: new Map(),
      codeLinks: new Map(),
      categoryOrder: [],
      preferredSummarizer: 'offline',
    });
    const files = renderSite([day], {
      title: 'T',
      language: 'English',
      generatedAt: '2026-09-23T00:00:00Z',
      feeds: true,
    });
    expect(files.get('index.html')).toContain(
      '<link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">',
    );
    expect(files.get('days/2026-09-23.html')).toContain('href="../atom.xml"');
    const without = renderSite([day], { title: 'T', language: 'English', generatedAt: '2026-09-23T00:00:00Z' });
    expect(without.get('index.html')).not.toContain('rel="alternate"');
  });
});

describe('ranked days', () => {
  /** The newer day ranked: two picks (best first), one paper below the picks, one against, one unranked. */
  function ranked(reasons: Partial<Record<string, string>> = {}): DayView {
    const [, newer] = twoDays();
    const r = (score: number, reason: string): PaperRank => ({ score, reason });
    const ranks = new Map<string, PaperRank>([
      ['2601.00001', r(0.5, reasons['2601.00001'] ?? "keyword 'diffusion' in title")],
      ['2601.00002', r(-0.35, reasons['2601.00002'] ?? "excluded keyword 'survey' in abstract")],
      ['2601.00003', r(0.1, reasons['2601.00003'] ?? '')],
      ['2601.00005', r(0.75, reasons['2601.00005'] ?? 'similar to 2401.01234 from your library; author Jane Doe')],
    ]);
    return withRanking(newer!, ranks);
  }
  const pageOf = (d: DayView, language = 'English') =>
    renderSite([d], { ...OPTIONS, language }).get(`days/${d.date}.html`)!;
  const cardOf = (html: string, id: string) =>
    new RegExp(`<article class="paper" id="${id.replace('.', '\\.')}"[^]*?</article>`).exec(html)![0];

  it('should put a For you section at the top, best first, each pick linking to its card below', () => {
    const html = pageOf(ranked());
    const section = byClass(html, 'for-you');
    expect(section).toHaveLength(1);
    const picks = DomUtils.findAll((e) => e.name === 'li', section[0]!.children);
    expect(picks.map((li) => li.attribs['data-id'])).toEqual(['2601.00005', '2601.00001']);
    const links = picks.map((li) => DomUtils.findOne((e) => e.name === 'a', li.children)!);
    expect(links.map((a) => [a.attribs['href'], text(a)])).toEqual([
      ['#2601.00005', 'Title 2601.00005'],
      ['#2601.00001', 'Diffusion for images'],
    ]);
    expect(picks.map((li) => byClass(DomUtils.getOuterHTML(li), 'reason').map(text))).toEqual([
      ['similar to 2401.01234 from your library; author Jane Doe'],
      ["keyword 'diffusion' in title"],
    ]);
    expect(text(section[0]!)).toContain('For you (2)');
    expect(text(section[0]!)).toContain('score 0.75');
    // Every pick's target is a card of the page; the section comes before the filter and the cards.
    const ids = byClass(html, 'paper').map((e) => e.attribs['id']);
    for (const a of links) expect(ids).toContain(a.attribs['href']!.slice(1));
    expect(html.indexOf('class="for-you"')).toBeLessThan(html.indexOf('class="chips'));
    expect(html.indexOf('class="for-you"')).toBeGreaterThan(html.indexOf('class="day-head"'));
  });

  it('should give every ranked card its score badge and reason, and leave unranked cards as they were', () => {
    const html = pageOf(ranked());
    const one = cardOf(html, '2601.00001');
    expect(one).toContain('<article class="paper" id="2601.00001" data-cat="cs.CV" data-score="0.5" tabindex="-1">');
    expect(one).toMatch(
      /<span class="score score-high" title="How well the paper matches your profile[^"]*">score 0\.50<\/span><\/p>/,
    );
    expect(one).toContain(
      `<p class="reason"><span class="reason-label">Why:</span> keyword &#39;diffusion&#39; in title</p>`,
    );
    const against = cardOf(html, '2601.00002');
    expect(against).toContain('<span class="score score-low"');
    expect(against).toContain('score \u22120.35');
    // A score with no reason: the badge, no empty reason line.
    const neutral = cardOf(html, '2601.00003');
    expect(neutral).toContain('>score 0.10</span>');
    expect(neutral).not.toContain('class="reason"');
    // A paper the ranker said nothing about is a card as before.
    const [, plain] = twoDays();
    expect(cardOf(html, '2601.00004')).toBe(cardOf(pageOf(plain!), '2601.00004'));
  });

  it('should offer an order control for scripts only, with the heading of the list it builds', () => {
    const html = pageOf(ranked());
    const control = byClass(html, 'order')[0]!;
    expect(control.attribs['class']).toBe('order js-only');
    expect(control.attribs['data-by-score']).toBe('All papers by score');
    const buttons = DomUtils.findAll((e) => e.name === 'button', control.children);
    expect(buttons.map((b) => [b.attribs['data-order'], b.attribs['aria-pressed'], text(b)])).toEqual([
      ['category', 'true', 'by category'],
      ['score', 'false', 'by score'],
    ]);
    // Without scripts the page is in category order, as written.
    expect(byClass(html, 'category').map((s) => s.attribs['data-cat'])).toEqual(['cs.CV', 'cs.LG']);
    expect(byClass(html, 'by-score')).toEqual([]);
  });

  it('should render one list best first when the web app asks for the score order', () => {
    const main = dayMain(ranked(), catalogFor('English').site, null, null, {
      order: 'score',
      links: { category: '/days/2026-01-06', score: '/days/2026-01-06?sort=score' },
    }).join('');
    const sections = byClass(main, 'category');
    expect(sections.map((s) => s.attribs['class'])).toEqual(['category by-score']);
    expect(byClass(main, 'paper').map((e) => e.attribs['id'])).toEqual([
      '2601.00005',
      '2601.00001',
      '2601.00003',
      // Unranked counts as neutral and keeps its digest place among equals.
      '2601.00004',
      '2601.00002',
    ]);
    const links = DomUtils.findAll((e) => e.name === 'a', byClass(main, 'order')[0]!.children);
    expect(links.map((a) => [a.attribs['href'], a.attribs['aria-current'] ?? null])).toEqual([
      ['/days/2026-01-06', null],
      ['/days/2026-01-06?sort=score', 'page'],
    ]);
  });

  it('should say so when the day was ranked and nothing stands out', () => {
    const [, newer] = twoDays();
    const html = pageOf(withRanking(newer!, new Map([['2601.00001', { score: 0.1, reason: '' }]])));
    expect(byClass(html, 'for-you').map(text)[0]).toContain('No paper stands out for your profile today.');
    expect(byClass(html, 'picks')).toEqual([]);
  });

  it('should change nothing on a day that was not ranked', () => {
    const [, newer] = twoDays();
    const html = pageOf(newer!);
    for (const cls of ['for-you', 'order', 'score', 'reason', 'by-score']) expect(byClass(html, cls), cls).toEqual([]);
    expect(html).not.toContain('data-score');
    // Ranks on the papers alone (no For you picks) are not a ranked day either.
    const bare = { ...ranked(), forYou: undefined };
    expect(byClass(pageOf(bare), 'for-you')).toEqual([]);
  });

  it('should put the ranking labels in Chinese for a Chinese digest', () => {
    const html = pageOf(ranked(), 'Chinese');
    expect(html).toContain('<h2 id="for-you-title">为你推荐 <span class="n">(2)</span></h2>');
    expect(html).toContain('>匹配度 0.75</span>');
    expect(html).toContain('<span class="reason-label">原因：</span>');
    expect(html).toContain('data-order="score" aria-pressed="false">按匹配度</button>');
  });

  it('should keep hostile text in reasons and titles inert, in the picks and on the cards', () => {
    const hostile = ranked({
      '2601.00001': `keyword '${HOSTILE}' in title; similar to "${SCRIPT_CLOSE}" from your library`,
      '2601.00005': HOSTILE_ATTR,
    });
    hostile.papers[0] = { ...hostile.papers[0]!, paper: { ...hostile.papers[0]!.paper, title: HOSTILE } };
    hostile.forYou = hostile.forYou!.map((p) => (p.paper.id === '2601.00001' ? hostile.papers[0]! : p));
    for (const html of [pageOf(hostile), renderDayPage(hostile, OPTIONS)]) {
      expect(html).not.toContain(HOSTILE);
      expect(html).not.toContain('alert(3)</script>');
      const els = elements(html);
      expect(els.filter((e) => e.name === 'img')).toEqual([]);
      expect(els.filter((e) => e.name === 'script')).toHaveLength(2);
      for (const e of els) expect(Object.keys(e.attribs).filter((a) => a.startsWith('on'))).toEqual([]);
      const reasons = byClass(html, 'reason').map(text);
      expect(reasons).toContain(`keyword '${HOSTILE}' in title; similar to "${SCRIPT_CLOSE}" from your library`);
      expect(reasons).toContain(HOSTILE_ATTR);
      expect(byClass(html, 'for-you').map(text)[0]).toContain(HOSTILE);
    }
  });

  it('should write scores with two decimals and a real minus sign', () => {
    expect([0.5, 0.12345, -0.35, -0.001, 0, 0.9999].map(formatScore)).toEqual([
      '0.50',
      '0.12',
      '\u22120.35',
      '0.00',
      '0.00',
      '1.00',
    ]);
  });
});
