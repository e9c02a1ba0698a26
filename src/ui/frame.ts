/**
 * The one frame of every page, of the static site and of the web app: the head's fixed lines,
 * the skip link, the header (the brand, the tools and their panels), the main content, the
 * footer. What differs between the two is given in named slots, never patched in afterwards:
 *
 *   head     after the fixed lines of <head>: canonical link, feeds, stylesheets and scripts
 *   nav      in the header bar after the brand: the site's search box; the app's navigation
 *   panels   under the bar, before the settings and help panels: the site's search results
 *   main     the page's content; a day page's as pieces, a card each (SafeParts)
 *   scripts  at the end of <body>: the page's data block for site.js
 *
 * Pure; the page comes back as pieces, for htmlBytes (or `.join('')`).
 */
import { helpPanel, settingsPanel, tools } from './components/chrome.js';
import { html, type SafeHtml, SafeParts } from './html.js';
import { fill, type SiteLabels } from './i18n/catalog.js';

export interface Frame {
  labels: SiteLabels;
  /** Text of `<title>`. */
  title: string;
  /** The page's own policy as a `<meta>` (a static host sends no headers); null when the server sends one. */
  csp: string | null;
  brand: { text: string; href: string | null };
  /** The help panel lists `/` (search). */
  searchKey: boolean;
  /** Shown in the footer as "Generated …". */
  generatedAt: string;
  head: SafeHtml;
  nav: SafeHtml;
  panels: SafeHtml;
  main: SafeHtml | SafeParts;
  scripts: SafeHtml;
}

export function renderFrame(f: Frame): string[] {
  const L = f.labels;
  const brand = f.brand.href
    ? html`<a class="brand" href="${f.brand.href}">${f.brand.text}</a>`
    : html`<span class="brand">${f.brand.text}</span>`;
  const csp = f.csp ? html`<meta http-equiv="Content-Security-Policy" content="${f.csp}">\n` : '';
  const before = html`<!doctype html>
<html lang="${L.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${csp}<meta name="color-scheme" content="light dark">
<meta name="generator" content="arxiv-digest">
<title>${f.title}</title>
<link rel="icon" href="data:,">
${f.head}</head>
<body>
<a class="skip" href="#main">${L.skipToPapers}</a>
<header class="top">
<div class="wrap bar">
${brand}
${f.nav}${tools(L)}</div>
<div class="wrap">
${f.panels}${settingsPanel(L)}${helpPanel(L, f.searchKey)}</div>
</header>
<main id="main" class="wrap">
`;
  // An empty icon above: otherwise every page view asks the host for /favicon.ico (a 404 on most).
  const after = html`</main>
<footer class="wrap">${fill(L.generated, { at: f.generatedAt })} \u00b7 arxiv-digest</footer>
${f.scripts}</body>
</html>
`;
  const main = f.main instanceof SafeParts ? f.main.parts : [f.main.text];
  return [before.text, ...main, after.text];
}
