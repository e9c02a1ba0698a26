/**
 * The static site's pages in the one frame: its head (a CSP of its own — a static host sends no
 * headers — the canonical link, the feeds, and the site's stylesheet and script, linked under
 * assets/ or inlined), its search box and results panel, and the front page's list of days. Two
 * asset modes: `linked` (the site: files under assets/, relative URLs, CSP 'self') and `inline`
 * (a single self-contained page: CSS and JS inlined, CSP by hash). Pure.
 */
import { countDay, type DayView } from '../../core/day-view.js';
import { asset, type Asset } from '../assets.js';
import { pageData, siteSearch } from '../components/chrome.js';
import { countsHtml, dayRow } from '../components/day.js';
import { renderFrame } from '../frame.js';
import { html, trusted, type SafeHtml, type SafeParts } from '../html.js';
import { count, type SiteLabels } from '../i18n/catalog.js';

export const ASSETS_DIR = 'assets/';
export const SEARCH_INDEX_PATH = 'assets/search-index.js';

export interface SitePage {
  labels: SiteLabels;
  /** Text of `<title>`. */
  title: string;
  siteTitle: string;
  /** Relative way back to the site root: '' for index.html, '../' for days/…; '' when inline. */
  root: string;
  assets: 'linked' | 'inline';
  /** Link the site's feeds (feed.xml, atom.xml, feed.json at the root) so readers discover them. */
  feeds: boolean;
  /** Absolute URL of this page when the site's base URL is known. */
  canonical: string | null;
  /** Link target of the site title; null on a single page (there is no index). */
  homeHref: string | null;
  /** Search index path relative to root (with `?v=`), or null for a page without search. */
  searchIndex: string | null;
  generatedAt: string;
  main: SafeHtml | SafeParts;
}

/**
 * Only the site's own files may run or style the page. `form-action 'none'` because the
 * settings form is handled by site.js and must never submit anywhere.
 */
const LINKED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
const inlineCsp = (): string =>
  `default-src 'none'; script-src ${asset('site.js').csp}; style-src ${asset('site.css').csp}; img-src data:; base-uri 'none'; form-action 'none'`;

/** A bundle's text inside its element: nothing in it may end the element early. */
function inlined(a: Asset): SafeHtml {
  if (/<\/(script|style)/i.test(a.body))
    throw new Error(`ui: the bundle ${a.name} cannot be inlined (it holds an end tag)`);
  return trusted(a.body);
}

/** The stylesheet and script, linked relative to `root` or inlined. */
export function siteAssets(root: string, mode: 'linked' | 'inline'): SafeHtml {
  const css = asset('site.css');
  const js = asset('site.js');
  return mode === 'linked'
    ? html`<link rel="stylesheet" href="${root + ASSETS_DIR + css.versioned}">
<script src="${root + ASSETS_DIR + js.versioned}"></script>
`
    : html`<style>${inlined(css)}</style>
<script>${inlined(js)}</script>
`;
}

function head(f: SitePage): SafeHtml {
  const canonical = f.canonical ? html`<link rel="canonical" href="${f.canonical}">\n` : '';
  const feeds = f.feeds
    ? html`<link rel="alternate" type="application/rss+xml" title="RSS" href="${f.root}feed.xml">
<link rel="alternate" type="application/atom+xml" title="Atom" href="${f.root}atom.xml">
<link rel="alternate" type="application/feed+json" title="JSON Feed" href="${f.root}feed.json">
`
    : '';
  return html`${canonical}${feeds}${siteAssets(f.root, f.assets)}`;
}

export function sitePage(f: SitePage): string[] {
  const search = f.searchIndex ? siteSearch(f.labels) : null;
  return renderFrame({
    labels: f.labels,
    title: f.title,
    csp: f.assets === 'linked' ? LINKED_CSP : inlineCsp(),
    brand: { text: f.siteTitle, href: f.homeHref },
    searchKey: f.searchIndex !== null,
    generatedAt: f.generatedAt,
    head: head(f),
    nav: search?.box ?? html``,
    panels: search?.panel ?? html``,
    main: f.main,
    scripts: pageData(f.labels, f.root, f.searchIndex),
  });
}

/** How many categories a day row names; the rest are in the day page. */
const CATEGORIES_SHOWN = 8;

/**
 * One line per feed format linking each category's feed (feeds/cs.CV.xml, …), for readers who
 * follow one field; nothing when there are none.
 */
function categoryFeedsHtml(categories: readonly string[]): SafeHtml | '' {
  if (!categories.length) return '';
  const line = (label: string, ext: string) =>
    html`<p class="cats">${label}: ${categories.map((c, i) => html`${i ? ' \u00b7 ' : ''}<a href="${`feeds/${c}.${ext}`}">${c}</a>`)}</p>
`;
  return html`<div class="category-feeds">
${line('RSS', 'xml')}${line('Atom', 'atom.xml')}${line('JSON Feed', 'json')}</div>
`;
}

/**
 * The site's front page: every day (`days` newest first) with its paper and summary counts, and
 * the categories' own feeds.
 */
export function indexMain(
  days: readonly DayView[],
  siteTitle: string,
  L: SiteLabels,
  href: (date: string) => string,
  categoryFeeds: readonly string[] = [],
): SafeHtml {
  const total = days.reduce((n, d) => n + d.papers.length, 0);
  const rows = days.map((day) => {
    const cats = day.categories.slice(0, CATEGORIES_SHOWN).map((c) => `${c.name} ${c.count}`);
    if (day.categories.length > CATEGORIES_SHOWN) cats.push('\u2026');
    return dayRow(
      day.date,
      href(day.date),
      countsHtml(countDay(day), L),
      html`<p class="cats">${cats.join(' \u00b7 ')}</p>`,
    );
  });
  return html`<div class="day-head"><h1>${siteTitle}</h1><p class="counts"><span>${count(L.dayCount, days.length)}</span><span>${count(L.papers, total)}</span></p></div>
${days.length ? html`<ol class="days">\n${rows}</ol>\n` : html`<p>${L.noPapers}</p>\n`}${categoryFeedsHtml(categoryFeeds)}`;
}
