/**
 * The app's page frame: the site's frame with the app's slots. The result must be what the former
 * algorithm gave — the site's whole page rendered, then edited (its CSP meta cut, the app's assets
 * spliced before </head>, the navigation after the brand), kept here as the reference — whatever
 * the content holds.
 */
import { describe, expect, it } from 'vitest';
import { asset } from '../assets.js';
import { html, trusted, type SafeHtml } from '../html.js';
import { catalogFor } from '../i18n/catalog.js';
import { appPage, type AppPage, type PageContext } from './app-frame.js';
import { sitePage } from './site.js';

const renderAppPage = (ctx: PageContext, page: AppPage): string => appPage(ctx, page).join('');
const assetHref = (name: 'serve.css' | 'serve.js'): string => `/assets/${asset(name).versioned}`;

/** The former renderAppPage: the frame's edits made on the whole page. */
function reference(ctx: PageContext, page: AppPage & { main: SafeHtml }): string {
  let out = sitePage({
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
    main: page.main,
  }).join('');
  out = out.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n/, () => '');
  const assets = `<link rel="stylesheet" href="${assetHref('serve.css')}">
<script src="${assetHref('serve.js')}" defer></script>
</head>`;
  out = out.replace('</head>', () => assets);
  const at = out.indexOf('</a>\n', out.indexOf('<a class="brand"')) + '</a>\n'.length;
  const A = ctx.app;
  const current = (s: AppPage['section']) => (page.section === s ? ' aria-current="page"' : '');
  const nav = html`<nav class="app-nav" aria-label="${A.nav}"><a href="/"${trusted(current('days'))}>${A.days}</a><a href="/favorites"${trusted(current('favorites'))}>${A.favorites}</a><a href="/profile"${trusted(current('profile'))}>${A.profile}</a></nav>
<form class="search" role="search" action="/search" method="get"><input id="app-q" name="q" type="search" value="${page.query ?? ''}" placeholder="${A.searchPlaceholder}" aria-label="${A.searchPlaceholder}" autocomplete="off" spellcheck="false"></form>
`;
  return out.slice(0, at) + nav.text + out.slice(at);
}

const context = (language: string, siteTitle: string): PageContext => ({
  labels: catalogFor(language).site,
  app: catalogFor(language).app,
  siteTitle,
  now: new Date('2026-01-06T07:08:09.123Z'),
});

// Content that holds what the edits look for: a CSP meta, </head>, a brand link, `$&` patterns.
const TRICKY = trusted(
  '<h1>$& $1 $$</h1>\n<meta http-equiv="Content-Security-Policy" content="x">\n</head>\n' +
    '<a class="brand" href="/">not the brand</a>\n<!--arxiv-digest:main-->\n' +
    '<article class="paper" id="2601.00001">\u5377 \u{1F44D}</article>\n'.repeat(50),
);

describe('serve: layout', () => {
  it('should give the bytes the former whole-page edits gave, for every section, language and content', () => {
    for (const [language, siteTitle] of [
      ['English', 'Test digest'],
      ['Chinese', '<b>"x" & \'y\'</b> $&'],
    ] as const)
      for (const page of [
        { title: siteTitle, main: html`<p>${'<days>'}</p>\n`, section: 'days' },
        { title: '2026-01-06', main: TRICKY, section: 'days' },
        { title: '<script>', main: html``, section: 'search', query: '"q" <x> $&' },
        { title: 'Favorites', main: TRICKY, section: 'favorites' },
        { title: 'Profile', main: TRICKY, section: 'profile' },
        { title: 'A paper $1', main: TRICKY },
      ] satisfies (AppPage & { main: SafeHtml })[]) {
        const ctx = context(language, siteTitle);
        expect(renderAppPage(ctx, page)).toBe(reference(ctx, page));
      }
  });

  it('should make its edits in the frame: the content is kept whole, the frame edited once', () => {
    const ctx = context('English', 'Test digest');
    const out = renderAppPage(ctx, { title: 't', main: TRICKY, section: 'days' });
    expect(out).toContain(`<main id="main" class="wrap">\n${TRICKY.text}</main>\n`);
    expect(out.match(/<nav class="app-nav"/g)).toHaveLength(1);
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1); // the content's own, untouched
    expect(out.indexOf('serve.css')).toBeLessThan(out.indexOf('</head>'));
  });
});
