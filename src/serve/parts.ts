/**
 * Pieces several pages share: the favorite and rating controls, the site's paper cards made the
 * app's (title to the paper page, controls added), search hits and the pager. Pure.
 */
import type { DayPaper } from '../publish/day-view.js';
import { paperHtml, type CardExtras } from '../publish/site/day-page.js';
import { fill, type Labels } from '../publish/site/labels.js';
import type { ReaderMark, SearchHit } from '../store/store.js';
import { dayPath, highlightSnippet, markup, paperPath, trusted, type SafeHtml } from './html.js';
import type { AppLabels } from './labels.js';
import { NO_MARK } from './paper-data.js';

/**
 * ★, 👍 and 👎 as one small POST form per paper: each button posts its own value to its own
 * `formaction` (favorite or rating), so they work without JavaScript (the server redirects back
 * to `back`), and serve.js sends the pressed one with fetch() when it can. Each button says
 * whether it is on (aria-pressed); pressing an active one turns it off (value 0).
 */
export function markControls(A: AppLabels, id: string, mark: ReaderMark, back: string): SafeHtml {
  // One flat template: this runs for every card of a day page (hundreds), so no nested markup.
  const t = markTexts(A);
  const favorite = `${paperPath(id)}/favorite`;
  const rating = `${paperPath(id)}/rating`;
  const { favorite: fav, rating: r } = mark;
  return markup`<form class="marks" method="post" action="${favorite}" data-id="${id}" role="group"${t.group}<input type="hidden" name="back" value="${back}"><button class="mark mark-favorite" formaction="${favorite}" name="value" value="${fav ? '0' : '1'}" aria-pressed="${String(fav)}"${t.favorite}<button class="mark mark-like" formaction="${rating}" name="value" value="${r === 1 ? '0' : '1'}" aria-pressed="${String(r === 1)}"${t.like}<button class="mark mark-dislike" formaction="${rating}" name="value" value="${r === -1 ? '0' : '-1'}" aria-pressed="${String(r === -1)}"${t.dislike}</form>`;
}

/** The labels' part of the controls, the same on every card: made once per language. */
const textsByLabels = new WeakMap<AppLabels, Record<'group' | 'favorite' | 'like' | 'dislike', SafeHtml>>();

function markTexts(A: AppLabels): Record<'group' | 'favorite' | 'like' | 'dislike', SafeHtml> {
  let texts = textsByLabels.get(A);
  if (!texts) {
    const end = (icon: string, label: string) => markup` title="${label}">${icon} ${label}</button>`;
    texts = {
      group: markup` aria-label="${A.marks}">`,
      favorite: end('\u2605', A.favorite),
      like: end('\u{1F44D}', A.like),
      dislike: end('\u{1F44E}', A.dislike),
    };
    textsByLabels.set(A, texts);
  }
  return texts;
}

/**
 * How the app's cards differ from the site's, given to the site's own card renderer (one markup
 * for both): each title links to the paper's page instead of arXiv (the card's links row keeps
 * arXiv), and the controls follow the links.
 */
export function appCards(
  marks: ReadonlyMap<string, ReaderMark>,
  A: AppLabels,
  backFor: (id: string) => string,
): (p: DayPaper) => CardExtras {
  return (p) => {
    const id = p.paper.id;
    return { titleHref: paperPath(id), extra: markControls(A, id, marks.get(id) ?? NO_MARK, backFor(id)).text };
  };
}

/** Cards for papers outside a day (favorites, a paper's page), in the site's look. */
export function cardsHtml(
  papers: readonly DayPaper[],
  marks: ReadonlyMap<string, ReaderMark>,
  L: Labels,
  A: AppLabels,
  language: string,
  backFor: (id: string) => string,
): SafeHtml {
  const extras = appCards(marks, A, backFor);
  return trusted(papers.map((p) => paperHtml(p, L, language, extras(p))).join(''));
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
