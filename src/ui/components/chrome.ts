/**
 * What surrounds every page's content, on the static site and in the web app: the header's tools
 * (settings, theme, help) and their panels, the static site's search box and results panel, the
 * web app's navigation and search form, and the page's data block for site.js. Pure.
 */
import { PAGE_DATA_ID, type PageData } from '../browser/page-data.js';
import { html, scriptJson, trusted, type SafeHtml } from '../html.js';
import type { AppLabels, SiteLabels } from '../i18n/catalog.js';

export function tools(L: SiteLabels): SafeHtml {
  return html`<div class="tools js-only"><button type="button" class="tool" id="settings-toggle" aria-controls="settings" aria-expanded="false" title="${L.settings}" aria-label="${L.settings}">\u2699\ufe0e</button><button type="button" class="tool" id="theme-toggle" aria-pressed="false" title="${L.themeToggle}" aria-label="${L.themeToggle}">\u263e</button><button type="button" class="tool" id="help-toggle" aria-controls="help" aria-expanded="false" title="${L.help}" aria-label="${L.help}">?</button></div>
`;
}

export function settingsPanel(L: SiteLabels): SafeHtml {
  const field = (id: string, label: string) =>
    html`<label for="${id}">${label} <small>(${L.commaHint})</small></label><input type="text" id="${id}" autocomplete="off" spellcheck="false">
`;
  return html`<section id="settings" class="panel settings" hidden aria-labelledby="settings-title">
<h2 id="settings-title">${L.settings}</h2>
<form id="settings-form">
${field('set-highlight', L.highlightKeywords)}${field('set-authors', L.highlightAuthors)}${field('set-negative', L.negativeKeywords)}<fieldset><legend>${L.negativeMode}</legend><label><input type="radio" name="negmode" value="hide" checked> ${L.hide}</label><label><input type="radio" name="negmode" value="dim"> ${L.dim}</label></fieldset>
<div class="panel-foot"><button type="button" class="btn" id="theme-auto">${L.themeAuto}</button><button type="button" class="btn" data-close>${L.close}</button><button type="submit" class="btn primary">${L.save}</button></div>
</form>
</section>
`;
}

/** The keyboard shortcuts; `/` only where it searches the site. */
export function helpPanel(L: SiteLabels, withSearch: boolean): SafeHtml {
  const row = (keys: string[], text: string) =>
    html`<dt>${keys.map((k, i) => html`${i ? ' ' : ''}<kbd>${k}</kbd>`)}</dt><dd>${text}</dd>`;
  return html`<section id="help" class="panel help" hidden aria-labelledby="help-title">
<h2 id="help-title">${L.help}</h2>
<dl>${row(['j', '\u2192'], L.keys.next)}${row(['k', '\u2190'], L.keys.prev)}${row(['o', 'Enter'], L.keys.open)}${withSearch ? row(['/'], L.keys.search) : ''}${row(['?'], L.keys.help)}${row(['Esc'], L.keys.close)}</dl>
<div class="panel-foot"><button type="button" class="btn" data-close>${L.close}</button></div>
</section>
`;
}

/** The static site's search box (in the header bar) and its results panel (under it). */
export function siteSearch(L: SiteLabels): { box: SafeHtml; panel: SafeHtml } {
  return {
    box: html`<div class="search js-only" role="search"><input id="q" type="search" placeholder="${L.search}" aria-label="${L.search}" autocomplete="off" spellcheck="false" aria-controls="search-panel"></div>
`,
    panel: html`<section id="search-panel" class="panel" hidden aria-live="polite"><p id="search-status" class="search-status"></p><ol id="results" class="results"></ol></section>
`,
  };
}

export type AppSection = 'days' | 'favorites' | 'search' | 'profile';

/**
 * The web app's navigation and its search form (a plain GET form, so search works without
 * JavaScript), in the header bar after the brand.
 */
export function appNav(A: AppLabels, section: AppSection | undefined, query: string): SafeHtml {
  const current = (s: AppSection) => (section === s ? html` aria-current="page"` : '');
  return html`<nav class="app-nav" aria-label="${A.nav}"><a href="/"${current('days')}>${A.days}</a><a href="/favorites"${current('favorites')}>${A.favorites}</a><a href="/profile"${current('profile')}>${A.profile}</a></nav>
<form class="search" role="search" action="/search" method="get"><input id="app-q" name="q" type="search" value="${query}" placeholder="${A.searchPlaceholder}" aria-label="${A.searchPlaceholder}" autocomplete="off" spellcheck="false"></form>
`;
}

/** What site.js needs to know: where the root and the search index are, and its few words. */
export function pageData(L: SiteLabels, root: string, index: string | null): SafeHtml {
  const data: PageData = {
    root,
    index,
    labels: {
      searchLoading: L.searchLoading,
      searchFailed: L.searchFailed,
      noResults: L.noResults,
      results: L.results,
      moreResults: L.moreResults,
      hiddenCount: L.hiddenCount,
    },
  };
  // scriptJson leaves no `<` in the JSON, so it cannot end the script element.
  return html`<script type="application/json" id="${PAGE_DATA_ID}">${trusted(scriptJson(data))}</script>
`;
}
