/**
 * The static site: `renderSite` turns stored days into files (path → content) that work from
 * any static host and straight from disk (file://): relative links only, no fetch(), no external
 * resources, a CSP that allows only the site's own scripts and styles. `renderDayPage` is one
 * day as a single self-contained page (`render --format html`). Pure: the caller writes files.
 *
 *   index.html                 days newest first, with counts
 *   days/YYYY-MM-DD.html       one page per day
 *   assets/site.css, site.js   shared by every page
 *   assets/search-index.js     every paper of every day, loaded on first use of the search box
 */
import { asset } from '../../ui/assets.js';
import { dayMain } from '../../ui/components/day.js';
import { safeHttpUrl, safeParts, shortHash } from '../../ui/html.js';
import { catalogFor } from '../../ui/i18n/catalog.js';
import { ASSETS_DIR, indexMain, SEARCH_INDEX_PATH, sitePage } from '../../ui/pages/site.js';
import type { DayView } from '../../core/day-view.js';
import type { Renderer } from '../renderer.js';
import { buildSearchIndex, searchIndexScript } from './search-index.js';

/** File name of a day's page inside `days/`. */
export const dayFileName = (date: string): string => `${date}.html`;

export interface SiteOptions {
  /** Site title, shown in the header and the index. */
  title: string;
  /** Summary language (`lang` of the summaries). */
  language: string;
  /** Language of the page's own words (UI_LANGUAGE); default `language`. English without a catalog. */
  uiLanguage?: string;
  /** When the site was generated, shown in the footer as given (keeps the output deterministic). */
  generatedAt: string;
  /** Absolute URL the site is published at, for canonical links; links stay relative regardless. */
  baseUrl?: string | null;
  /** True when feed.xml, atom.xml and feed.json are published at the site root (`run` does). */
  feeds?: boolean;
  /** Categories with feeds of their own in feeds/ (`run` publishes them), listed on the index page. */
  categoryFeeds?: readonly string[];
}

// The date becomes a file name: anything but YYYY-MM-DD could climb out of days/.
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): void {
  if (!DATE.test(date)) throw new Error(`site: a day's date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** The base URL with a trailing slash, or null; a value that is not http(s) is a caller's error. */
function baseOf(options: SiteOptions): string | null {
  if (!options.baseUrl) return null;
  const url = safeHttpUrl(options.baseUrl);
  if (!url) throw new Error(`site: baseUrl must be an http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  return url.endsWith('/') ? url : `${url}/`;
}

const labelsOf = (options: SiteOptions) => catalogFor(options.uiLanguage ?? options.language).site;

export function renderSite(days: readonly DayView[], options: SiteOptions): Map<string, string> {
  const L = labelsOf(options);
  const base = baseOf(options);
  const seen = new Set<string>();
  for (const d of days) {
    checkDate(d.date);
    if (seen.has(d.date)) throw new Error(`site: two days dated ${d.date}`);
    seen.add(d.date);
  }
  const sorted = [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const indexScript = searchIndexScript(buildSearchIndex(sorted));
  const searchIndex = `${SEARCH_INDEX_PATH}?v=${shortHash(indexScript)}`;

  const files = new Map<string, string>();
  files.set(
    'index.html',
    sitePage({
      labels: L,
      title: options.title,
      siteTitle: options.title,
      root: '',
      assets: 'linked',
      feeds: options.feeds ?? false,
      canonical: base,
      homeHref: 'index.html',
      searchIndex,
      generatedAt: options.generatedAt,
      main: indexMain(sorted, options.title, L, (date) => `days/${dayFileName(date)}`, options.categoryFeeds ?? []),
    }).join(''),
  );
  for (const name of ['site.css', 'site.js'] as const) files.set(ASSETS_DIR + name, asset(name).body);
  files.set(SEARCH_INDEX_PATH, indexScript);
  sorted.forEach((day, i) => {
    const older = sorted[i + 1];
    const newer = sorted[i - 1];
    const name = dayFileName(day.date);
    files.set(
      `days/${name}`,
      sitePage({
        labels: L,
        title: `${day.date} \u00b7 ${options.title}`,
        siteTitle: options.title,
        root: '../',
        assets: 'linked',
        feeds: options.feeds ?? false,
        canonical: base ? `${base}days/${name}` : null,
        homeHref: '../index.html',
        searchIndex,
        generatedAt: options.generatedAt,
        main: safeParts(
          dayMain(day, L, {
            older: older ? dayFileName(older.date) : null,
            newer: newer ? dayFileName(newer.date) : null,
            home: '../index.html',
          }),
        ),
      }).join(''),
    );
  });
  return files;
}

/** One day as a single HTML page with its CSS and JS inline (no search: there is no index). */
export function renderDayPage(day: DayView, options: SiteOptions): string {
  checkDate(day.date);
  const L = labelsOf(options);
  const base = baseOf(options);
  return sitePage({
    labels: L,
    title: `${day.date} \u00b7 ${options.title}`,
    siteTitle: options.title,
    root: '',
    assets: 'inline',
    feeds: false,
    canonical: base ? `${base}days/${dayFileName(day.date)}` : null,
    homeHref: null,
    searchIndex: null,
    generatedAt: options.generatedAt,
    main: safeParts(dayMain(day, L, null)),
  }).join('');
}

/** `render --format html` as a Renderer, for the list in renderers.ts. */
export function htmlRenderer(options: SiteOptions): Renderer {
  return {
    format: 'html',
    summaries: true,
    fileName: (day) => `${day.date}.html`,
    render: (day) => renderDayPage(day, options),
  };
}
