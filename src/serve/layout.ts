/**
 * The frame of every page of the web app: the static site's own frame (`renderPage`: head,
 * header with the theme, settings and help buttons and their panels, footer), so the app looks
 * and behaves like the site, with three changes made here:
 * - the site's `<meta>` CSP goes: the server sends a stricter policy as a header, and the meta's
 *   `form-action 'none'` would forbid the app's forms;
 * - the app's stylesheet and script are added after the site's;
 * - navigation and a search form (a plain GET form, so search works without JavaScript) join the
 *   brand in the header bar.
 * Each change checks that the site's markup still has the spot it needs, so a change there fails
 * the tests here instead of silently dropping the app's navigation. Pure.
 */
import { renderPage } from '../publish/site/layout.js';
import type { Labels } from '../publish/site/labels.js';
import { assetHref } from './assets.js';
import { markup, type SafeHtml, type SafeParts } from './html.js';
import type { AppLabels } from './labels.js';

export interface PageContext {
  labels: Labels;
  app: AppLabels;
  siteTitle: string;
  /** Shown in the footer as the site's "Generated …". */
  now: Date;
}

export interface AppPage {
  title: string;
  main: SafeHtml;
  /** Which navigation entry is current. */
  section?: 'days' | 'favorites' | 'search' | 'profile';
  /** Kept in the header's search box. */
  query?: string;
}

const META_CSP = /<meta http-equiv="Content-Security-Policy" content="[^"]*">\n/;

/**
 * Stands for the main content while the frame is edited. It cannot come from the site's frame:
 * every text there passes through `esc` (no `<` survives) and its page data through
 * `scriptJson` (`<` becomes \u003c).
 */
const MAIN_SLOT = '<!--arxiv-digest:main-->';

function replaceOnce(page: string, find: string | RegExp, by: string, what: string): string {
  const at = typeof find === 'string' ? page.indexOf(find) : page.search(find);
  if (at < 0) throw new Error(`serve: the site's page frame has no ${what} any more; update src/serve/layout.ts`);
  return page.replace(find, () => by);
}

function navigation(ctx: PageContext, page: Omit<AppPage, 'main'>): SafeHtml {
  const A = ctx.app;
  const current = (s: AppPage['section']) => (page.section === s ? markup` aria-current="page"` : '');
  return markup`<nav class="app-nav" aria-label="${A.nav}"><a href="/"${current('days')}>${A.days}</a><a href="/favorites"${current('favorites')}>${A.favorites}</a><a href="/profile"${current('profile')}>${A.profile}</a></nav>
<form class="search" role="search" action="/search" method="get"><input id="app-q" name="q" type="search" value="${page.query ?? ''}" placeholder="${A.searchPlaceholder}" aria-label="${A.searchPlaceholder}" autocomplete="off" spellcheck="false"></form>
`;
}

/**
 * The page before and after its main content. The frame is rendered around a small stand-in for
 * the main content and edited while it is a few kilobytes; the main content (a day page is a
 * megabyte) joins it only at the end, so no edit ever scans or copies the page's papers.
 */
function pageFrame(ctx: PageContext, page: Omit<AppPage, 'main'>): [before: string, after: string] {
  let frame = renderPage({
    labels: ctx.labels,
    title: page.title === ctx.siteTitle ? page.title : `${page.title} \u00b7 ${ctx.siteTitle}`,
    siteTitle: ctx.siteTitle,
    root: '/',
    assets: 'linked',
    feeds: false,
    canonical: null,
    homeHref: '/',
    searchIndex: null,
    generatedAt: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    main: MAIN_SLOT,
  });
  frame = replaceOnce(frame, META_CSP, '', 'CSP meta tag');
  const assets = markup`<link rel="stylesheet" href="${assetHref('serve.css')}">
<script src="${assetHref('serve.js')}" defer></script>
</head>`;
  frame = replaceOnce(frame, '</head>', assets.text, '</head>');
  const brand = frame.indexOf('<a class="brand"');
  const brandEnd = brand < 0 ? -1 : frame.indexOf('</a>\n', brand);
  if (brandEnd < 0)
    throw new Error("serve: the site's page frame has no brand link any more; update src/serve/layout.ts");
  const at = brandEnd + '</a>\n'.length;
  const slot = frame.indexOf(MAIN_SLOT, at);
  if (slot < 0 || frame.indexOf(MAIN_SLOT, slot + 1) >= 0)
    throw new Error("serve: the site's page frame lost its main content; update src/serve/layout.ts");
  return [
    frame.slice(0, at) + navigation(ctx, page).text + frame.slice(at, slot),
    frame.slice(slot + MAIN_SLOT.length),
  ];
}

export function renderAppPage(ctx: PageContext, page: AppPage): string {
  const [before, after] = pageFrame(ctx, page);
  return before + page.main.text + after;
}

/** renderAppPage around main content kept as pieces (a day page), for htmlBytes. */
export function renderAppPageParts(ctx: PageContext, page: Omit<AppPage, 'main'> & { main: SafeParts }): string[] {
  const [before, after] = pageFrame(ctx, page);
  return [before, ...page.main.parts, after];
}

/**
 * A page for a refused request that loads nothing: without the access token even the stylesheet
 * would be refused, and the browser would log that as an error.
 */
export function bareErrorPage(title: string, message: string, lang = 'en'): string {
  return markup`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${title}</title>
</head>
<body>
<h1>${title}</h1>
<p>${message}</p>
</body>
</html>
`.text;
}
