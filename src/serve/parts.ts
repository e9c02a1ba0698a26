/**
 * Pieces several pages share: the favorite and rating controls, the site's paper cards turned
 * into the app's (title to the paper page, controls added), search hits and the pager. Pure.
 */
import { absUrl } from '../core/arxiv-id.js';
import type { DayPaper } from '../publish/day-view.js';
import { paperHtml } from '../publish/site/day-page.js';
import { esc, safeHttpUrl } from '../publish/site/html.js';
import { fill, type Labels } from '../publish/site/labels.js';
import type { ReaderMark, SearchHit } from '../store/store.js';
import { dayPath, highlightSnippet, markup, paperPath, trusted, type SafeHtml } from './html.js';
import type { AppLabels } from './labels.js';
import { NO_MARK } from './paper-data.js';

/**
 * ★, 👍 and 👎 as three small POST forms: they work without JavaScript (the server redirects
 * back to `back`), and serve.js sends them with fetch() when it can. Each button says whether it
 * is on (aria-pressed); pressing an active one turns it off (value 0).
 */
export function markControls(A: AppLabels, id: string, mark: ReaderMark, back: string): SafeHtml {
  const form = (kind: string, action: 'favorite' | 'rating', on: boolean, next: string, icon: string, label: string) =>
    markup`<form class="mark-form" data-mark="${kind}" method="post" action="${paperPath(id)}/${action}"><input type="hidden" name="value" value="${next}"><input type="hidden" name="back" value="${back}"><button type="submit" class="mark mark-${kind}" aria-pressed="${String(on)}" title="${label}">${icon} ${label}</button></form>`;
  return markup`<div class="marks" data-id="${id}" role="group" aria-label="${A.marks}">${[
    form('favorite', 'favorite', mark.favorite, mark.favorite ? '0' : '1', '\u2605', A.favorite),
    form('like', 'rating', mark.rating === 1, mark.rating === 1 ? '0' : '1', '\u{1F44D}', A.like),
    form('dislike', 'rating', mark.rating === -1, mark.rating === -1 ? '0' : '-1', '\u{1F44E}', A.dislike),
  ]}</div>`;
}

/**
 * The site's cards in `source` (a day's main content, or cards in a row) made the app's: each
 * title links to the paper's page instead of arXiv (the card's links row keeps arXiv), and the
 * controls follow the links. Cards are found by the id the site writes on each `<article>`.
 */
export function decorateCards(
  source: string,
  papers: readonly DayPaper[],
  marks: ReadonlyMap<string, ReaderMark>,
  A: AppLabels,
  backFor: (id: string) => string,
): SafeHtml {
  let out = '';
  let pos = 0;
  for (const p of papers) {
    const id = p.paper.id;
    const start = source.indexOf(`<article class="paper" id="${esc(id)}"`, pos);
    const end = start < 0 ? -1 : source.indexOf('\n</article>', start);
    if (end < 0) throw new Error(`serve: no card for ${id} in the site's markup; update src/serve/parts.ts`);
    const title = `<h3><a href="${esc(safeHttpUrl(absUrl(id)) ?? '')}" data-hl>`;
    const card = source.slice(start, end);
    if (!card.includes(title)) throw new Error(`serve: no title link in the card of ${id}; update src/serve/parts.ts`);
    out +=
      source.slice(pos, start) +
      card.replace(title, () => `<h3><a href="${esc(paperPath(id))}" data-hl>`) +
      markControls(A, id, marks.get(id) ?? NO_MARK, backFor(id)).text;
    pos = end;
  }
  return trusted(out + source.slice(pos));
}

/** Cards for papers outside a day (favorites), in the site's look. */
export function cardsHtml(
  papers: readonly DayPaper[],
  marks: ReadonlyMap<string, ReaderMark>,
  L: Labels,
  A: AppLabels,
  language: string,
  backFor: (id: string) => string,
): SafeHtml {
  return decorateCards(papers.map((p) => paperHtml(p, L, language)).join(''), papers, marks, A, backFor);
}

/** One search hit: title to the paper page, date to the day, authors and categories, snippet. */
export function hitItem(hit: SearchHit, extra: SafeHtml | null = null): SafeHtml {
  const authors = hit.authors.length <= 6 ? hit.authors.join(', ') : `${hit.authors.slice(0, 5).join(', ')}, …`;
  const date = hit.date ? markup`<a class="r-date" href="${`${dayPath(hit.date)}#${hit.id}`}">${hit.date}</a>` : '';
  return markup`<li class="hit" data-id="${hit.id}">${date}<a class="r-title" href="${paperPath(hit.id)}">${hit.title}</a>
<div class="r-meta">${authors} \u00b7 ${hit.categories.join(' ')} \u00b7 <span class="arxiv-id">${hit.id}</span></div>
<div class="r-snippet">${highlightSnippet(hit.snippet)}</div>${extra}</li>
`;
}

/** Previous / next links around the page number; absent links keep their place. */
export function pager(A: AppLabels, page: number, prev: string | null, next: string | null): SafeHtml {
  if (!prev && !next) return markup``;
  const label = fill(A.page, { n: page });
  const before = prev ? markup`<a rel="prev" href="${prev}">\u2190 ${A.prev}</a>` : '';
  const after = next ? markup`<a rel="next" href="${next}">${A.next} \u2192</a>` : '';
  return markup`<nav class="pager" aria-label="${label}"><span>${before}</span><span class="n">${label}</span><span>${after}</span></nav>
`;
}
