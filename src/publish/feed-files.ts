/**
 * Which feeds a day and a site publish: one-day feeds for `render`, the site's feeds of every
 * paper and of each category, over the last FEED_DAYS calendar days, each bounded in size. Pure.
 */
import type { DayPaper, DayView } from '../core/day-view.js';
import type { Renderer } from './renderer.js';
import { announcementInstant, renderAtom, renderJsonFeed, renderRss, type FeedOptions } from './feeds.js';

/** Where a site publishes its feeds (SITE_URL, SITE_TITLE), for a one-day feed to point at. */
export interface FeedSite {
  title: string;
  siteUrl: string | null;
}

/** The site's feeds of every paper, by file name, in --out and site/. */
export const FEED_FILES = { rss: 'feed.xml', atom: 'atom.xml', jsonfeed: 'feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;

/**
 * Options of a one-day feed: everything from the day itself, so rendering stays deterministic.
 * With a site, it links to the day's page and names the site's feed of that format as its
 * `rel="self"` / `feed_url` — where a reader who opens the snapshot subscribes; without one,
 * arXiv and no feed URL.
 */
export const dayFeedOptions = (day: DayView, format: FeedFormat, site: FeedSite | null = null): FeedOptions => ({
  title: site ? `${site.title} ${day.date}` : `arXiv digest ${day.date}`,
  siteUrl: site?.siteUrl ? `${site.siteUrl}/days/${day.date}.html` : null,
  feedUrl: site?.siteUrl ? `${site.siteUrl}/${FEED_FILES[format]}` : null,
  language: day.language,
  generatedAt: announcementInstant(day.date).toISOString(),
});

const RENDER: Record<FeedFormat, (days: readonly DayView[], opts: FeedOptions) => string> = {
  rss: renderRss,
  atom: renderAtom,
  jsonfeed: renderJsonFeed,
};
const DAY_FILE: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', jsonfeed: 'feed.json' };

/** `render --format rss|atom|jsonfeed`: the day as a one-day feed, pointing at the site when there is one. */
export function feedRenderer(format: FeedFormat, site: FeedSite | null = null): Renderer {
  return {
    format,
    summaries: true,
    fileName: (day) => `${day.date}.${DAY_FILE[format]}`,
    render: (day) => RENDER[format]([day], dayFeedOptions(day, format, site)),
  };
}

export const rssRenderer = feedRenderer('rss');
export const atomRenderer = feedRenderer('atom');
export const jsonFeedRenderer = feedRenderer('jsonfeed');

// ---------------------------------------------------------------------------------------------
// The feeds `run` publishes

/**
 * The stored days inside the last `feedDays` calendar days, ending on the newest: FEED_DAYS=7 is
 * a week of announcements (five), not seven announcement days (which reach back ten days and
 * made feeds of 4–5 MB).
 */
export function feedDates(storedDates: readonly string[], feedDays: number): string[] {
  const newest = [...storedDates].sort().at(-1);
  if (!newest) return [];
  const first = new Date(Date.parse(`${newest}T00:00:00Z`) - (feedDays - 1) * 86_400_000).toISOString().slice(0, 10);
  return storedDates.filter((d) => d >= first && d <= newest);
}

/** A category a feed can be named after: arXiv's `cs.CV`, `hep-th`, `math.AG` (never a path). */
const FEED_CATEGORY = /^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/;

/**
 * The days as one category's feed sees them: the papers filed under it or announced in it
 * (a cross-list into cs.CL is in cs.CL's feed), and those of the For you picks.
 */
export function categoryDays(days: readonly DayView[], category: string): DayView[] {
  const inIt = (p: DayPaper) => p.primary === category || p.listings.some((l) => l.category === category);
  return days
    .map((d) => ({
      ...d,
      categories: d.categories.filter((c) => c.name === category),
      papers: d.papers.filter(inIt),
      ...(d.forYou ? { forYou: d.forYou.filter(inIt) } : {}),
    }))
    .filter((d) => d.papers.length > 0);
}

/** The categories that get a feed of their own: every one the days file papers under. */
export const feedCategories = (days: readonly DayView[]): string[] =>
  [...new Set(days.flatMap((d) => d.categories.map((c) => c.name)))].filter((c) => FEED_CATEGORY.test(c)).sort();

/** A category feed's file, under `feeds/` of the site: `cs.CV.xml`, `cs.CV.atom.xml`, `cs.CV.json`. */
export const categoryFeedFile = (category: string, format: FeedFormat): string =>
  `feeds/${category}.${{ rss: 'xml', atom: 'atom.xml', jsonfeed: 'json' }[format]}`;

export interface PublishedFeedsOptions {
  title: string;
  siteUrl: string | null;
  language: string;
  generatedAt: string;
  maxBytes: number;
}

/**
 * Every feed `run` publishes, by path: the three feeds of all papers (FEED_FILES) and three per
 * category (categoryFeedFile), each within `maxBytes`.
 */
export function publishedFeeds(days: readonly DayView[], o: PublishedFeedsOptions): Map<string, string> {
  const out = new Map<string, string>();
  const url = (path: string) => (o.siteUrl ? `${o.siteUrl}/${path}` : null);
  const formats = Object.keys(FEED_FILES) as FeedFormat[];
  const base = { siteUrl: o.siteUrl, language: o.language, generatedAt: o.generatedAt, maxBytes: o.maxBytes };
  for (const f of formats)
    out.set(FEED_FILES[f], RENDER[f](days, { ...base, title: o.title, feedUrl: url(FEED_FILES[f]) }));
  for (const c of feedCategories(days)) {
    const sub = categoryDays(days, c);
    for (const f of formats) {
      const path = categoryFeedFile(c, f);
      out.set(path, RENDER[f](sub, { ...base, title: `${o.title} — ${c}`, feedUrl: url(path) }));
    }
  }
  return out;
}
