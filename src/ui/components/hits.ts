/** Search hits (the search page, a paper's similar papers) and the pager under a list. Pure. */
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../../store/store.js';
import { esc, html, trusted, type SafeHtml } from '../html.js';
import { fill, type AppLabels } from '../i18n/catalog.js';
import { dayPath, paperPath } from '../pages/app-paths.js';

/**
 * A search snippet with the store's highlight markers turned into `<mark>`: the text is escaped
 * first, so a marker can never wrap markup that came from the paper; stray markers are dropped.
 */
export function highlightSnippet(snippet: string): SafeHtml {
  const pair = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_START}${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`, 'g');
  const stray = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, 'g');
  return trusted(esc(snippet).replace(pair, '<mark>$1</mark>').replace(stray, ''));
}

/** The snippet as plain text with `**` around matches, like `search --json`. */
export const plainSnippet = (snippet: string): string =>
  snippet.replace(new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, 'g'), '**');

/** One search hit: title to the paper page, date to the day, authors and categories, snippet. */
export function hitItem(hit: SearchHit, extra: SafeHtml | null = null): SafeHtml {
  const authors = hit.authors.length <= 6 ? hit.authors.join(', ') : `${hit.authors.slice(0, 5).join(', ')}, …`;
  const date = hit.date ? html`<a class="r-date" href="${`${dayPath(hit.date)}#${hit.id}`}">${hit.date}</a>` : '';
  return html`<li class="hit" data-id="${hit.id}">${date}<a class="r-title" href="${paperPath(hit.id)}">${hit.title}</a>
<div class="r-meta">${authors} \u00b7 ${hit.categories.join(' ')} \u00b7 <span class="arxiv-id">${hit.id}</span></div>
<div class="r-snippet">${highlightSnippet(hit.snippet)}</div>${extra}</li>
`;
}

/** Previous / next links around the page number; absent links keep their place. */
export function pager(A: AppLabels, page: number, prev: string | null, next: string | null): SafeHtml {
  if (!prev && !next) return html``;
  const label = fill(A.page, { n: page });
  const before = prev ? html`<a rel="prev" href="${prev}">\u2190 ${A.prev}</a>` : '';
  const after = next ? html`<a rel="next" href="${next}">${A.next} \u2192</a>` : '';
  return html`<nav class="pager" aria-label="${label}"><span>${before}</span><span class="n">${label}</span><span>${after}</span></nav>
`;
}
