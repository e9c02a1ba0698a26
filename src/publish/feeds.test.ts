/**
 * RSS, Atom and JSON Feed over several days, read back with an independent parser
 * (fast-xml-parser, not our writer's logic): required elements, stable ids, one item per paper,
 * hostile text kept as data, dates at midnight US Eastern; ranked days best first with scores and
 * reasons, and the minimum score.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Paper, StoredSummary } from '../core/types.js';
import { ai } from '../../test/support/fixtures.js';
import { buildDayView, withRanking, type DayView, type PaperRank } from '../core/day-view.js';
import {
  announcementInstant,
  feedEntries,
  FOR_YOU_TAG,
  htmlEscape,
  languageTag,
  renderAtom,
  renderJsonFeed,
  renderRss,
  type FeedOptions,
} from './feeds.js';
import { categoryDays, feedCategories, feedDates, feedRenderer, publishedFeeds } from './feed-files.js';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> & "quotes"';
const CDATA_ABSTRACT = 'We close ]]> a CDATA section ]]><script>alert(2)</script> twice.';

const paper = (id: string, over: Partial<Paper> = {}): Paper => ({
  id,
  version: 1,
  title: `Title ${id}`,
  authors: ['Ada Lovelace', 'Alan Turing'],
  abstract: `Abstract of ${id}.`,
  categories: ['cs.LG', 'cs.AI'],
  comment: null,
  journalRef: null,
  doi: null,
  published: null,
  updated: null,
  ...over,
});

const okSummary = (paperId: string, over: Partial<StoredSummary> = {}): StoredSummary => ({
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

function day(date: string, papers: Paper[], summaries: StoredSummary[] = []): DayView {
  return buildDayView({
    date,
    language: 'English',
    rows: papers.map((p, position) => ({
      paper: p,
      category: p.categories[0]!,
      kind: 'new' as const,
      version: 1,
      position,
    })),
    summaries,
    otherLanguages: new Map(),
    codeLinks: new Map(),
    categoryOrder: ['cs.LG'],
    preferredSummarizer: 'offline',
  });
}

/** Three days, newest first; 2401.00002 is announced on the 5th and again on the 7th (summer date). */
function days(): DayView[] {
  const shared = paper('2401.00002');
  return [
    day(
      '2026-07-07',
      [paper('2401.00003'), shared],
      [okSummary('2401.00003', { flags: ['unsupported-number'] }), okSummary('2401.00002')],
    ),
    // `]]>` in a plain-text element: XML forbids the sequence in text, so `>` must be escaped there too.
    day(
      '2026-07-06',
      [paper('2401.00004', { authors: ['Ada Lovelace', 'Alan Turing'], title: 'Arrays a[b[c]]> d' })],
      [],
    ),
    day(
      '2026-01-05',
      [paper('2401.00001', { title: HOSTILE_TITLE, abstract: CDATA_ABSTRACT }), shared],
      [okSummary('2401.00001', { fields: { ...ai('x'), tldr: `TL ${HOSTILE_TITLE}` } })],
    ),
  ];
}

const OPTS: FeedOptions = {
  title: 'My digest',
  siteUrl: 'https://example.org/digest/',
  feedUrl: 'https://example.org/digest/feed.xml',
  language: 'English',
  generatedAt: '2026-07-07T06:30:00Z',
};

const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: false });

/** Parsed XML is untyped; tests read it through this narrow accessor instead of `any`. */
type Node = { [k: string]: unknown };
const asList = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Node[];
const text = (v: unknown): string => (typeof v === 'string' ? v : String((v as Node)['#text']));

function parseXml(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Node;
}

function rssItems(xml: string): { channel: Node; items: Node[] } {
  const channel = (parseXml(xml).rss as Node).channel as Node;
  return { channel, items: asList(channel.item) };
}

function atomEntries(xml: string): { feed: Node; entries: Node[] } {
  const feed = parseXml(xml).feed as Node;
  return { feed, entries: asList(feed.entry) };
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  date_published: string;
  authors?: { name: string }[];
  tags: string[];
  _arxiv_digest?: { score: number; reason: string; for_you: boolean };
}
interface JsonFeedDoc {
  version: string;
  title: string;
  home_page_url: string;
  feed_url?: string;
  language?: string;
  items: JsonFeedItem[];
}
const jsonFeed = (text: string): JsonFeedDoc => JSON.parse(text) as JsonFeedDoc;

const idOf = (url: string): string => url.replace('https://arxiv.org/abs/', '');

describe('feedEntries', () => {
  it('should list each paper once, at its latest day, newest day first', () => {
    const entries = feedEntries(days());
    expect(entries.map((e) => [e.paper.paper.id, e.date])).toEqual([
      ['2401.00003', '2026-07-07'],
      ['2401.00002', '2026-07-07'],
      ['2401.00004', '2026-07-06'],
      ['2401.00001', '2026-01-05'],
    ]);
  });

  it('should keep the latest day even when the days are not given newest first', () => {
    const entries = feedEntries([...days()].reverse());
    expect(entries.find((e) => e.paper.paper.id === '2401.00002')?.date).toBe('2026-07-07');
    expect(entries.map((e) => e.paper.paper.id)).toEqual(['2401.00003', '2401.00002', '2401.00004', '2401.00001']);
  });

  it('should date an announcement at midnight US Eastern, in winter and in summer', () => {
    expect(announcementInstant('2026-01-05').toISOString()).toBe('2026-01-05T05:00:00.000Z');
    expect(announcementInstant('2026-07-07').toISOString()).toBe('2026-07-07T04:00:00.000Z');
    // DST starts at 02:00 on 2026-03-08, so that midnight is still EST.
    expect(announcementInstant('2026-03-08').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});

describe('renderRss', () => {
  it('should have the required channel and item elements', () => {
    const { channel, items } = rssItems(renderRss(days(), OPTS));
    expect(text(channel.title)).toBe('My digest');
    expect(text(channel.link)).toBe('https://example.org/digest/');
    expect(text(channel.description)).toContain('English');
    expect(text(channel.generator)).toBe('arxiv-digest');
    expect(text(channel.language)).toBe('en');
    expect(text(channel.pubDate)).toBe('Tue, 07 Jul 2026 04:00:00 GMT');
    expect(text(channel.lastBuildDate)).toBe('Tue, 07 Jul 2026 06:30:00 GMT');
    expect((channel['atom:link'] as Node)['@_href']).toBe(OPTS.feedUrl);
    expect(items).toHaveLength(4);
    for (const item of items) {
      for (const k of ['title', 'link', 'guid', 'pubDate', 'description']) expect(item[k]).toBeDefined();
      expect(text(item.link)).toMatch(/^https:\/\/arxiv\.org\/abs\/2401\.0000\d$/);
      expect(text(item.guid)).toBe(text(item.link));
      expect((item.guid as Node)['@_isPermaLink']).toBe('true');
      expect(asList(item['dc:creator']).map(text)).toEqual(['Ada Lovelace', 'Alan Turing']);
      expect(asList(item.category).map(text)).toEqual(['cs.LG', 'cs.AI']);
    }
  });

  it('should date items by announcement day and put a repeated paper at its latest day', () => {
    const { items } = rssItems(renderRss(days(), OPTS));
    const byId = new Map(items.map((i) => [idOf(text(i.link)), text(i.pubDate)]));
    expect(byId.get('2401.00002')).toBe('Tue, 07 Jul 2026 04:00:00 GMT');
    expect(byId.get('2401.00001')).toBe('Mon, 05 Jan 2026 05:00:00 GMT');
    expect(items.filter((i) => text(i.link).endsWith('2401.00002'))).toHaveLength(1);
  });

  it('should keep a hostile title as plain text and escape the HTML description', () => {
    const xml = renderRss(days(), OPTS);
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<script');
    const items = rssItems(xml).items;
    const item = items.find((i) => text(i.link).endsWith('2401.00001'))!;
    expect(text(item.title)).toBe(HOSTILE_TITLE);
    expect(text(items.find((i) => text(i.link).endsWith('2401.00004'))!.title)).toBe('Arrays a[b[c]]> d');
    const html = text(item.description);
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('TL &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('We close ]]&gt; a CDATA section ]]&gt;&lt;script&gt;alert(2)&lt;/script&gt; twice.');
  });
});

describe('renderAtom', () => {
  it('should have the required feed and entry elements', () => {
    const { feed, entries } = atomEntries(renderAtom(days(), OPTS));
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(text(feed.id)).toBe(OPTS.feedUrl);
    expect(text(feed.title)).toBe('My digest');
    expect(text(feed.updated)).toBe('2026-07-07T04:00:00Z');
    expect(text(feed.generator)).toBe('arxiv-digest');
    const links = asList(feed.link);
    expect(links.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(OPTS.feedUrl);
    expect(links.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(OPTS.siteUrl);
    expect(entries).toHaveLength(4);
    for (const e of entries) {
      for (const k of ['id', 'title', 'updated', 'link', 'author', 'content']) expect(e[k]).toBeDefined();
      expect(text(e.id)).toMatch(/^https:\/\/arxiv\.org\/abs\//);
      expect(asList(e.link).find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(text(e.id));
      expect(asList(e.author).map((a) => text(a.name))).toEqual(['Ada Lovelace', 'Alan Turing']);
      expect((e.content as Node)['@_type']).toBe('html');
      expect((e.title as Node)['@_type']).toBe('text');
      expect(text(e.updated)).toMatch(/^2026-0[17]-0[567]T0[45]:00:00Z$/);
    }
  });

  it('should keep a hostile title and a `]]>` abstract as data', () => {
    const xml = renderAtom(days(), OPTS);
    expect(xml).not.toMatch(/<img|<script|]]>/);
    const entries = atomEntries(xml).entries;
    const e = entries.find((x) => text(x.id).endsWith('2401.00001'))!;
    expect(text(e.title)).toBe(HOSTILE_TITLE);
    expect(text(entries.find((x) => text(x.id).endsWith('2401.00004'))!.title)).toBe('Arrays a[b[c]]> d');
    expect(text(e.updated)).toBe('2026-01-05T05:00:00Z');
    const html = text(e.content);
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain(']]&gt;&lt;script&gt;');
  });

  it('should fall back to a title-derived id and the arXiv link without a site', () => {
    const { feed } = atomEntries(renderAtom(days(), { ...OPTS, siteUrl: null, feedUrl: null }));
    expect(text(feed.id)).toBe('arxiv-digest:feed:My%20digest');
    expect(asList(feed.link).map((l) => [l['@_rel'], l['@_href']])).toEqual([['alternate', 'https://arxiv.org/']]);
  });
});

describe('renderJsonFeed', () => {
  it('should be JSON Feed 1.1 with the required item fields', () => {
    const doc = jsonFeed(renderJsonFeed(days(), OPTS));
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
    expect(doc.title).toBe('My digest');
    expect(doc.home_page_url).toBe(OPTS.siteUrl);
    expect(doc.feed_url).toBe(OPTS.feedUrl);
    expect(doc.language).toBe('en');
    expect(doc.items.map((i) => idOf(i.id))).toEqual(['2401.00003', '2401.00002', '2401.00004', '2401.00001']);
    for (const i of doc.items) {
      expect(i.url).toBe(i.id);
      const expected: Record<string, string> = { '2401.00001': HOSTILE_TITLE, '2401.00004': 'Arrays a[b[c]]> d' };
      expect(i.title).toBe(expected[idOf(i.id)] ?? `Title ${idOf(i.id)}`);
      expect(i.content_html).toContain('<strong>Abstract:</strong>');
      expect(i.authors).toEqual([{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }]);
      expect(i.tags).toEqual(['cs.LG', 'cs.AI']);
    }
    expect(doc.items.map((i) => i.date_published)).toEqual([
      '2026-07-07T04:00:00Z',
      '2026-07-07T04:00:00Z',
      '2026-07-06T04:00:00Z',
      '2026-01-05T05:00:00Z',
    ]);
  });

  it('should never put a raw tag from the data into content_html', () => {
    const item = jsonFeed(renderJsonFeed(days(), OPTS)).items.find((i) => i.id.endsWith('2401.00001'))!;
    expect(item.content_html).not.toMatch(/<img|<script/);
    expect(item.content_html).toContain('TL &lt;img src=x onerror=alert(1)&gt;');
    expect(item.content_html).toContain('We close ]]&gt; a CDATA section');
  });
});

describe('all three feeds', () => {
  const renderers = [
    ['rss', renderRss],
    ['atom', renderAtom],
    ['jsonfeed', renderJsonFeed],
  ] as const;

  it.each(renderers)('should give %s items the same ids across runs and windows', (_f, render) => {
    const ids = (text: string): string[] =>
      [...text.matchAll(/https:\/\/arxiv\.org\/abs\/2401\.0000\d/g)].map((m) => m[0]);
    const a = render(days(), OPTS);
    expect(render(days(), OPTS)).toBe(a);
    // Tomorrow's window drops the oldest day: the papers still in it keep their ids.
    const b = render(days().slice(0, 2), { ...OPTS, generatedAt: '2026-07-08T06:30:00Z' });
    expect(new Set(ids(b))).toEqual(
      new Set(['2401.00003', '2401.00002', '2401.00004'].map((i) => `https://arxiv.org/abs/${i}`)),
    );
    for (const id of ids(b)) expect(a).toContain(id);
    expect(a.endsWith('\n')).toBe(true);
  });

  it.each(renderers)('should show %s status lines, not placeholder text, and flag notes', (_f, render) => {
    const placeholder = okSummary('2401.00006', {
      fields: { ...ai('y'), tldr: 'Summary generation failed', method: 'Method extraction failed' },
      flags: ['placeholder'],
    });
    const failed = okSummary('2401.00005', { status: 'failed', fields: null, error: 'HTTP 500 after 3 tries' });
    const d = day(
      '2026-01-06',
      [paper('2401.00005'), paper('2401.00006'), paper('2401.00007'), paper('2401.00008')],
      [failed, placeholder, okSummary('2401.00008', { flags: ['unsupported-number'] })],
    );
    const out = render([d], OPTS);
    expect(out).toContain('failed — HTTP 500 after 3 tries (offline)');
    expect(out).toContain('pending — not summarized in English yet');
    expect(out).not.toMatch(/generation failed|extraction failed/);
    expect(out).toContain('Motivation y');
    expect(out).toContain('Parts of this summary were failure text and are left out.');
    expect(out).toContain('Check: this summary has a number that is not in the abstract.');
  });

  it.each(renderers)('should render an empty %s feed dated by generatedAt', (_f, render) => {
    const out = render([], OPTS);
    expect(out).not.toContain('arxiv.org/abs');
    if (_f === 'jsonfeed') expect(JSON.parse(out).items).toEqual([]);
    if (_f === 'atom') expect(text((parseXml(out).feed as Node).updated)).toBe('2026-07-07T06:30:00Z');
  });

  it.each(renderers)('should refuse a %s generatedAt that is not a date', (_f, render) => {
    expect(() => render(days(), { ...OPTS, generatedAt: 'yesterday' })).toThrow(/generatedAt/);
  });
});

describe('languageTag', () => {
  it('should map language names and pass tags through, else say nothing', () => {
    expect(languageTag('Chinese')).toBe('zh');
    expect(languageTag('english')).toBe('en');
    expect(languageTag('zh-CN')).toBe('zh-CN');
    expect(languageTag('Klingon')).toBeNull();
    const { channel } = rssItems(renderRss(days(), { ...OPTS, language: 'Klingon' }));
    expect(channel.language).toBeUndefined();
  });
});

describe('ranked days', () => {
  const HOSTILE_REASON = `keyword '<script>alert(3)</script>' in title; similar to "]]> & <b>" from your library`;
  /**
   * The newest day (2026-07-08) ranked: 2401.00012 is the pick (hostile reason), 2401.00011 next,
   * 2401.00010 against; 2401.00002, last seen on 2026-07-07, comes again and is ranked low here.
   */
  function rankedDays(): DayView[] {
    const newest = day(
      '2026-07-08',
      [paper('2401.00010'), paper('2401.00011'), paper('2401.00012'), paper('2401.00002')],
      [okSummary('2401.00010'), okSummary('2401.00011')],
    );
    const r = (score: number, reason: string): PaperRank => ({ score, reason });
    const ranks = new Map([
      ['2401.00010', r(-0.3, "excluded keyword 'survey' in abstract")],
      ['2401.00011', r(0.2, '')],
      ['2401.00012', r(0.7, HOSTILE_REASON)],
      ['2401.00002', r(0.05, '')],
    ]);
    return [withRanking(newest, ranks), ...days()];
  }

  it('should put a ranked day best first and leave the other days in digest order', () => {
    expect(feedEntries(rankedDays()).map((e) => [e.paper.paper.id, e.date, e.pick])).toEqual([
      ['2401.00012', '2026-07-08', true],
      ['2401.00011', '2026-07-08', false],
      ['2401.00002', '2026-07-08', false],
      ['2401.00010', '2026-07-08', false],
      ['2401.00003', '2026-07-07', false],
      ['2401.00004', '2026-07-06', false],
      ['2401.00001', '2026-01-05', false],
    ]);
  });

  it('should keep only papers at or above minScore on ranked days, never filtering a day that was not ranked', () => {
    const ids = feedEntries(rankedDays(), 0.2).map((e) => e.paper.paper.id);
    // 2401.00002 is below the minimum on its latest day: it does not come back at an older one.
    expect(ids).toEqual(['2401.00012', '2401.00011', '2401.00003', '2401.00004', '2401.00001']);
    const rss = rssItems(renderRss(rankedDays(), { ...OPTS, minScore: 0.5 })).items;
    expect(rss.map((i) => idOf(text(i.link)))).toEqual(['2401.00012', '2401.00003', '2401.00004', '2401.00001']);
    expect(renderRss(days(), { ...OPTS, minScore: 0.9 })).toBe(renderRss(days(), OPTS));
  });

  it('should start each ranked item with its score and reason, and tag the picks for-you, in all three formats', () => {
    const { items } = rssItems(renderRss(rankedDays(), OPTS));
    const description = (id: string) => text(items.find((i) => idOf(text(i.link)) === id)!.description);
    expect(
      description('2401.00012').startsWith(`<p><strong>For you:</strong> 0.70 — ${htmlEscape(HOSTILE_REASON)}</p>`),
    ).toBe(true);
    expect(
      description('2401.00010').startsWith(
        `<p><strong>Score:</strong> \u22120.30 — excluded keyword &#39;survey&#39; in abstract</p>`,
      ),
    ).toBe(true);
    expect(description('2401.00011').startsWith('<p><strong>Score:</strong> 0.20</p>')).toBe(true);
    expect(description('2401.00003')).not.toContain('Score:');
    expect(asList(items[0]!.category).map(text)).toEqual(['cs.LG', 'cs.AI', FOR_YOU_TAG]);
    expect(asList(items[1]!.category).map(text)).toEqual(['cs.LG', 'cs.AI']);

    const { entries } = atomEntries(renderAtom(rankedDays(), OPTS));
    expect(asList(entries[0]!.category).map((c) => c['@_term'])).toEqual(['cs.LG', 'cs.AI', FOR_YOU_TAG]);
    expect(text(entries[0]!.content)).toContain(htmlEscape(HOSTILE_REASON));

    const feed = jsonFeed(renderJsonFeed(rankedDays(), OPTS));
    expect(feed.items.map((i) => [idOf(i.id), i.tags.includes(FOR_YOU_TAG), i._arxiv_digest?.score ?? null])).toEqual([
      ['2401.00012', true, 0.7],
      ['2401.00011', false, 0.2],
      ['2401.00002', false, 0.05],
      ['2401.00010', false, -0.3],
      ['2401.00003', false, null],
      ['2401.00004', false, null],
      ['2401.00001', false, null],
    ]);
    expect(feed.items[0]!._arxiv_digest).toEqual({ score: 0.7, reason: HOSTILE_REASON, for_you: true });
    expect(feed.items[0]!.content_html).not.toMatch(/<script|<b>/);
  });

  it('should change nothing for a day that was not ranked, whatever its papers carry', () => {
    const [ranked, ...rest] = rankedDays();
    const unranked = { ...ranked!, forYou: undefined };
    const plain = day(
      '2026-07-08',
      [paper('2401.00010'), paper('2401.00011'), paper('2401.00012'), paper('2401.00002')],
      [okSummary('2401.00010'), okSummary('2401.00011')],
    );
    for (const render of [renderRss, renderAtom, renderJsonFeed])
      expect(render([unranked, ...rest], OPTS)).toBe(render([plain, ...rest], OPTS));
  });

  it('should keep ranked feeds well-formed with hostile reasons', () => {
    const rss = renderRss(rankedDays(), OPTS);
    const atom = renderAtom(rankedDays(), OPTS);
    for (const xml of [rss, atom]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain('<script>');
      expect(xml).not.toContain(']]>');
    }
  });
});

describe('the feeds run publishes', () => {
  it('should take FEED_DAYS as calendar days ending on the newest stored day', () => {
    const stored = ['2026-07-10', '2026-07-09', '2026-07-08', '2026-07-07', '2026-07-06', '2026-07-03', '2026-07-02'];
    // A week: the five announcements of 6–10 July, not seven stored days back to 2 July.
    expect(feedDates(stored, 7)).toEqual(stored.slice(0, 5));
    expect(feedDates(stored, 1)).toEqual(['2026-07-10']);
    expect(feedDates(stored, 9)).toEqual(stored);
    expect(feedDates([], 7)).toEqual([]);
  });

  it('should never date lastBuildDate before the newest pubDate', () => {
    // run builds at 00:00Z of the newest day; the items are dated midnight US Eastern (04:00Z).
    const { channel, items } = rssItems(renderRss(days(), { ...OPTS, generatedAt: '2026-07-07T00:00:00Z' }));
    const built = Date.parse(text(channel.lastBuildDate));
    expect(built).toBeGreaterThanOrEqual(Date.parse(text(channel.pubDate)));
    for (const i of items) expect(built).toBeGreaterThanOrEqual(Date.parse(text(i.pubDate)));
  });

  it('should keep each feed within maxBytes, newest items first, and say how many it holds', () => {
    const whole = renderRss(days(), OPTS);
    const all = rssItems(whole).items.length;
    for (const render of [renderRss, renderAtom, renderJsonFeed]) {
      const full = render(days(), OPTS);
      const max = Math.floor(Buffer.byteLength(full) * 0.7);
      const bounded = render(days(), { ...OPTS, maxBytes: max });
      expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(max);
      expect(bounded).toContain(`of ${all} papers; all of them are on the site.`);
      // What is kept is the start of the unbounded feed's items.
      expect(bounded.indexOf('2401.00003')).toBeGreaterThan(0);
      expect(render(days(), { ...OPTS, maxBytes: Buffer.byteLength(full) })).toBe(full);
    }
    expect(rssItems(renderRss(days(), { ...OPTS, maxBytes: 2000 })).items).toHaveLength(0);
    expect(jsonFeed(renderJsonFeed(days(), { ...OPTS, maxBytes: 800 })).items).toEqual([]);
  });

  it('should write the JSON Feed as JSON.stringify does, bounded or not', () => {
    for (const maxBytes of [null, 3000]) {
      const out = renderJsonFeed(days(), { ...OPTS, maxBytes });
      expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
    }
  });

  it('should give every category a feed of the papers filed under it or announced in it', () => {
    const cv = paper('2401.00011', { categories: ['cs.CV'] });
    const cross = paper('2401.00012', { categories: ['cs.LG', 'cs.CV'] });
    const d = buildDayView({
      date: '2026-07-08',
      language: 'English',
      rows: [
        { paper: cv, category: 'cs.CV', kind: 'new', version: 1, position: 0 },
        { paper: cross, category: 'cs.LG', kind: 'new', version: 1, position: 1 },
        { paper: cross, category: 'cs.CV', kind: 'cross', version: 1, position: 2 },
      ],
      summaries: [],
      otherLanguages: new Map(),
      codeLinks: new Map(),
      categoryOrder: ['cs.CV', 'cs.LG'],
      preferredSummarizer: 'offline',
    });
    expect(feedCategories([d, ...days()])).toEqual(['cs.CV', 'cs.LG']);
    expect(categoryDays([d], 'cs.CV')[0]!.papers.map((p) => p.paper.id)).toEqual(['2401.00011', '2401.00012']);
    expect(categoryDays([d], 'cs.LG')[0]!.papers.map((p) => p.paper.id)).toEqual(['2401.00012']);
    const feeds = publishedFeeds([d], {
      title: 'Digest',
      siteUrl: 'https://example.org/d',
      language: 'English',
      generatedAt: '2026-07-08T00:00:00Z',
      maxBytes: 1_000_000,
    });
    expect([...feeds.keys()].sort()).toEqual([
      'atom.xml',
      'feed.json',
      'feed.xml',
      'feeds/cs.CV.atom.xml',
      'feeds/cs.CV.json',
      'feeds/cs.CV.xml',
      'feeds/cs.LG.atom.xml',
      'feeds/cs.LG.json',
      'feeds/cs.LG.xml',
    ]);
    const cvFeed = jsonFeed(feeds.get('feeds/cs.CV.json')!);
    expect(cvFeed.title).toBe('Digest — cs.CV');
    expect(cvFeed.feed_url).toBe('https://example.org/d/feeds/cs.CV.json');
    expect(cvFeed.items.map((i) => idOf(i.id))).toEqual(['2401.00011', '2401.00012']);
  });

  it('should point a one-day feed at the site when there is one', () => {
    const one = days()[0]!;
    const withSite = jsonFeed(
      feedRenderer('jsonfeed', { title: 'Digest', siteUrl: 'https://example.org/d' }).render(one),
    );
    expect(withSite.home_page_url).toBe('https://example.org/d/days/2026-07-07.html');
    expect(withSite.feed_url).toBe('https://example.org/d/feed.json');
    expect(withSite.title).toBe('Digest 2026-07-07');
    const rss = rssItems(
      feedRenderer('rss', { title: 'Digest', siteUrl: 'https://example.org/d' }).render(one),
    ).channel;
    expect(text(rss.link)).toBe('https://example.org/d/days/2026-07-07.html');
    const bare = jsonFeed(feedRenderer('jsonfeed').render(one));
    expect(bare.home_page_url).toBe('https://arxiv.org/');
    expect(bare.feed_url).toBeUndefined();
  });
});
