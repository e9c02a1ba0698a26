/**
 * The search page (a GET form: the query and filters live in the URL, so a search can be
 * bookmarked, shared and reloaded), the favorites page, and the page of an error. Pure.
 */
import type { DayPaper } from '../../core/day-view.js';
import { BROAD } from '../../store/search-page.js';
import type { ReaderMark, SearchHit } from '../../store/store.js';
import { hitItem, pager } from '../components/hits.js';
import { cardsHtml } from '../components/marks.js';
import { html, type SafeHtml } from '../html.js';
import { count, fill } from '../i18n/catalog.js';
import type { PageContext } from './app-frame.js';

export interface SearchForm {
  q: string;
  category: string;
  from: string;
  to: string;
  author: string;
}

export interface SearchOutcome {
  hits: readonly SearchHit[];
  page: number;
  prev: string | null;
  next: string | null;
  /** The query matched so many papers that they are listed newest first (store's BROAD). */
  broad?: boolean;
  /** Set on the last page there is when more hits lie beyond it: the depth hits are listed to. */
  depthLimit?: number | null;
}

function form(ctx: PageContext, f: SearchForm, categories: readonly string[]): SafeHtml {
  const A = ctx.app;
  const options = categories.map((c) => html`<option value="${c}"></option>`);
  return html`<section class="panel"><form class="search-form" action="/search" method="get" role="search">
<label class="wide">${A.query}<input name="q" type="search" value="${f.q}" autocomplete="off" spellcheck="false"></label>
<label>${A.category}<input name="category" value="${f.category}" list="category-list" placeholder="cs.LG" autocomplete="off"></label>
<label>${A.from}<input name="from" type="date" value="${f.from}"></label>
<label>${A.to}<input name="to" type="date" value="${f.to}"></label>
<label>${A.author}<input name="author" value="${f.author}" autocomplete="off"></label>
<button type="submit" class="btn primary">${A.searchButton}</button>
</form>
<datalist id="category-list">${options}</datalist>
<p class="hint">${A.searchHelp}</p></section>
`;
}

function results(ctx: PageContext, outcome: SearchOutcome): SafeHtml {
  const A = ctx.app;
  if (!outcome.hits.length)
    return html`<p class="counts" id="no-results">${ctx.labels.noResults}</p>
${pager(A, outcome.page, outcome.prev, null)}`;
  const note = outcome.broad
    ? html`<p class="note" id="broad-note">${fill(A.broadNote, { n: BROAD.toLocaleString('en-US') })}</p>\n`
    : '';
  const depth = outcome.depthLimit
    ? html`<p class="note" id="depth-note">${fill(A.depthNote, { n: outcome.depthLimit.toLocaleString('en-US') })}</p>\n`
    : '';
  return html`<p class="counts"><span>${count(ctx.labels.results, outcome.hits.length)}</span><span>${fill(A.page, { n: outcome.page })}</span></p>
${note}<ol class="hits" id="hits">
${outcome.hits.map((h) => hitItem(h))}</ol>
${depth}${pager(A, outcome.page, outcome.prev, outcome.next)}`;
}

export function searchMain(
  ctx: PageContext,
  f: SearchForm,
  outcome: SearchOutcome | null,
  error: string | null,
  categories: readonly string[],
): SafeHtml {
  const heading = f.q ? fill(ctx.app.resultsFor, { q: `\u201c${f.q}\u201d` }) : ctx.app.searchTitle;
  return html`<div class="day-head"><h1>${heading}</h1></div>
${form(ctx, f, categories)}${error ? errorBox(error) : ''}${outcome ? results(ctx, outcome) : ''}`;
}

export function favoritesMain(
  ctx: PageContext,
  cards: readonly DayPaper[],
  marks: ReadonlyMap<string, ReaderMark>,
  language: string,
): SafeHtml {
  const A = ctx.app;
  const list = cards.length
    ? html`<div id="papers">\n${cardsHtml(cards, marks, ctx.labels, A, language, () => '/favorites')}</div>\n`
    : html`<p>${A.noFavorites}</p>\n`;
  return html`<div class="day-head"><h1>${A.favorites}</h1><p class="counts"><span>${count(ctx.labels.papers, cards.length)}</span></p>
<p class="actions"><a href="/favorites.bib" download>${A.exportBibtex}</a><a href="/favorites.ris" download>${A.exportRis}</a></p></div>
${list}`;
}

const errorBox = (message: string): SafeHtml =>
  html`<section class="panel error-box" role="alert"><p>${message}</p></section>
`;

export function errorMain(ctx: PageContext, title: string, message: string): SafeHtml {
  return html`<div class="day-head"><h1>${title}</h1></div>
${errorBox(message)}<p><a href="/">${ctx.app.backHome}</a></p>
`;
}
