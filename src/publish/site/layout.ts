/**
 * The frame every page shares: head (CSP, stylesheet, the theme-setting script), the header
 * with search, settings, theme and help, their panels, the footer, and the page's data block
 * for site.js. Two asset modes: `linked` (the site: files under assets/, relative URLs, CSP
 * 'self') and `inline` (a single self-contained page: CSS and JS inlined, CSP by hash). Pure.
 */
import { cspHash, esc, scriptJson, shortHash } from './html.js';
import { fill, type Labels } from './labels.js';
import { SITE_CSS } from './site-css.js';
import { SITE_JS } from './site-js.js';

export const CSS_PATH = 'assets/site.css';
export const JS_PATH = 'assets/site.js';
export const SEARCH_INDEX_PATH = 'assets/search-index.js';

export interface PageFrame {
  labels: Labels;
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
  /** The page's own content, already escaped. */
  main: string;
}

/**
 * Only the site's own files may run or style the page. `form-action 'none'` because the
 * settings form is handled by site.js and must never submit anywhere.
 */
const LINKED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
const INLINE_CSP = `default-src 'none'; script-src ${cspHash(SITE_JS)}; style-src ${cspHash(SITE_CSS)}; img-src data:; base-uri 'none'; form-action 'none'`;

// Asset URLs carry a content hash so a static host's cache never serves last week's script.
const CSS_HREF = `${CSS_PATH}?v=${shortHash(SITE_CSS)}`;
const JS_HREF = `${JS_PATH}?v=${shortHash(SITE_JS)}`;

function head(f: PageFrame): string {
  const linked = f.assets === 'linked';
  return (
    `<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(linked ? LINKED_CSP : INLINE_CSP)}">\n` +
    `<meta name="color-scheme" content="light dark">\n` +
    `<meta name="generator" content="arxiv-digest">\n` +
    `<title>${esc(f.title)}</title>\n` +
    // An empty icon: otherwise every page view asks the host for /favicon.ico (a 404 on most).
    `<link rel="icon" href="data:,">\n` +
    (f.canonical ? `<link rel="canonical" href="${esc(f.canonical)}">\n` : '') +
    (f.feeds
      ? `<link rel="alternate" type="application/rss+xml" title="RSS" href="${esc(f.root)}feed.xml">\n` +
        `<link rel="alternate" type="application/atom+xml" title="Atom" href="${esc(f.root)}atom.xml">\n` +
        `<link rel="alternate" type="application/feed+json" title="JSON Feed" href="${esc(f.root)}feed.json">\n`
      : '') +
    (linked
      ? `<link rel="stylesheet" href="${esc(f.root + CSS_HREF)}">\n<script src="${esc(f.root + JS_HREF)}"></script>\n`
      : `<style>${SITE_CSS}</style>\n<script>${SITE_JS}</script>\n`) +
    `</head>\n`
  );
}

function header(f: PageFrame): string {
  const L = f.labels;
  const brand = f.homeHref
    ? `<a class="brand" href="${esc(f.homeHref)}">${esc(f.siteTitle)}</a>`
    : `<span class="brand">${esc(f.siteTitle)}</span>`;
  const search = f.searchIndex
    ? `<div class="search js-only" role="search"><input id="q" type="search" placeholder="${esc(L.search)}" aria-label="${esc(L.search)}" autocomplete="off" spellcheck="false" aria-controls="search-panel"></div>\n`
    : '';
  const tools =
    `<div class="tools js-only">` +
    `<button type="button" class="tool" id="settings-toggle" aria-controls="settings" aria-expanded="false" title="${esc(L.settings)}" aria-label="${esc(L.settings)}">\u2699\ufe0e</button>` +
    `<button type="button" class="tool" id="theme-toggle" aria-pressed="false" title="${esc(L.themeToggle)}" aria-label="${esc(L.themeToggle)}">\u263e</button>` +
    `<button type="button" class="tool" id="help-toggle" aria-controls="help" aria-expanded="false" title="${esc(L.help)}" aria-label="${esc(L.help)}">?</button>` +
    `</div>\n`;
  return (
    `<header class="top">\n<div class="wrap bar">\n${brand}\n${search}${tools}</div>\n<div class="wrap">\n` +
    (f.searchIndex
      ? `<section id="search-panel" class="panel" hidden aria-live="polite"><p id="search-status" class="search-status"></p><ol id="results" class="results"></ol></section>\n`
      : '') +
    settingsPanel(L) +
    helpPanel(L, f.searchIndex !== null) +
    `</div>\n</header>\n`
  );
}

function settingsPanel(L: Labels): string {
  const field = (id: string, label: string) =>
    `<label for="${id}">${esc(label)} <small>(${esc(L.commaHint)})</small></label><input type="text" id="${id}" autocomplete="off" spellcheck="false">\n`;
  return (
    `<section id="settings" class="panel settings" hidden aria-labelledby="settings-title">\n` +
    `<h2 id="settings-title">${esc(L.settings)}</h2>\n<form id="settings-form">\n` +
    field('set-highlight', L.highlightKeywords) +
    field('set-authors', L.highlightAuthors) +
    field('set-negative', L.negativeKeywords) +
    `<fieldset><legend>${esc(L.negativeMode)}</legend>` +
    `<label><input type="radio" name="negmode" value="hide" checked> ${esc(L.hide)}</label>` +
    `<label><input type="radio" name="negmode" value="dim"> ${esc(L.dim)}</label></fieldset>\n` +
    `<div class="panel-foot"><button type="button" class="btn" id="theme-auto">${esc(L.themeAuto)}</button>` +
    `<button type="button" class="btn" data-close>${esc(L.close)}</button>` +
    `<button type="submit" class="btn primary">${esc(L.save)}</button></div>\n</form>\n</section>\n`
  );
}

function helpPanel(L: Labels, withSearch: boolean): string {
  const row = (keys: string[], text: string) =>
    `<dt>${keys.map((k) => `<kbd>${esc(k)}</kbd>`).join(' ')}</dt><dd>${esc(text)}</dd>`;
  return (
    `<section id="help" class="panel help" hidden aria-labelledby="help-title">\n` +
    `<h2 id="help-title">${esc(L.help)}</h2>\n<dl>` +
    row(['j', '\u2192'], L.keys.next) +
    row(['k', '\u2190'], L.keys.prev) +
    row(['o', 'Enter'], L.keys.open) +
    (withSearch ? row(['/'], L.keys.search) : '') +
    row(['?'], L.keys.help) +
    row(['Esc'], L.keys.close) +
    `</dl>\n<div class="panel-foot"><button type="button" class="btn" data-close>${esc(L.close)}</button></div>\n</section>\n`
  );
}

/** What site.js needs to know: where the root and the search index are, and its few words. */
function pageData(f: PageFrame): string {
  const L = f.labels;
  return scriptJson({
    root: f.root,
    index: f.searchIndex,
    labels: {
      searchLoading: L.searchLoading,
      searchFailed: L.searchFailed,
      noResults: L.noResults,
      results: L.results,
      moreResults: L.moreResults,
      hiddenCount: L.hiddenCount,
    },
  });
}

export function renderPage(f: PageFrame): string {
  const L = f.labels;
  return (
    `<!doctype html>\n<html lang="${esc(L.lang)}">\n${head(f)}<body>\n` +
    `<a class="skip" href="#main">${esc(L.skipToPapers)}</a>\n` +
    header(f) +
    `<main id="main" class="wrap">\n${f.main}</main>\n` +
    `<footer class="wrap">${esc(fill(L.generated, { at: f.generatedAt }))} \u00b7 arxiv-digest</footer>\n` +
    `<script type="application/json" id="site-data">${pageData(f)}</script>\n` +
    `</body>\n</html>\n`
  );
}
