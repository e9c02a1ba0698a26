/**
 * The frame of every page of the web app: the static site's own frame (the same head, header with
 * the theme, settings and help buttons and their panels, footer; site.css and site.js), so the app
 * looks and behaves like the site, with its own slots: no `<meta>` CSP (the server sends a stricter
 * policy as a header, and the meta's `form-action 'none'` would forbid the app's forms), the app's
 * stylesheet and script after the site's, and its navigation and search form after the brand.
 * Pure.
 */
import { asset } from '../assets.js';
import { appNav, pageData, type AppSection } from '../components/chrome.js';
import { renderFrame } from '../frame.js';
import { html, type SafeHtml, type SafeParts } from '../html.js';
import type { AppLabels, SiteLabels } from '../i18n/catalog.js';
import { ASSETS_DIR, siteAssets } from './site.js';

export interface PageContext {
  labels: SiteLabels;
  app: AppLabels;
  siteTitle: string;
  /** Shown in the footer as the site's "Generated …". */
  now: Date;
}

export interface AppPage {
  title: string;
  main: SafeHtml | SafeParts;
  /** Which navigation entry is current. */
  section?: AppSection;
  /** Kept in the header's search box. */
  query?: string;
}

/** The page as pieces (a day page: a card each), for htmlBytes. */
export function appPage(ctx: PageContext, page: AppPage): string[] {
  return renderFrame({
    labels: ctx.labels,
    title: page.title === ctx.siteTitle ? page.title : `${page.title} \u00b7 ${ctx.siteTitle}`,
    csp: null,
    brand: { text: ctx.siteTitle, href: '/' },
    searchKey: false,
    generatedAt: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    head: html`${siteAssets('/', 'linked')}<link rel="stylesheet" href="${`/${ASSETS_DIR}${asset('serve.css').versioned}`}">
<script src="${`/${ASSETS_DIR}${asset('serve.js').versioned}`}" defer></script>
`,
    nav: appNav(ctx.app, page.section, page.query ?? ''),
    panels: html``,
    main: page.main,
    scripts: pageData(ctx.labels, '/', null),
  });
}

/**
 * A page for a refused request that loads nothing: without the access token even the stylesheet
 * would be refused, and the browser would log that as an error.
 */
export function bareErrorPage(title: string, message: string, lang = 'en'): string {
  return html`<!doctype html>
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
