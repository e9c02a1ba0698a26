/**
 * The reader's marks on a paper — ★, 👍 and 👎 — and the web app's cards that carry them: the
 * site's own card with its title to the paper's page (its links row keeps arXiv) and the marks
 * after the links. Pure.
 */
import type { DayPaper } from '../../core/day-view.js';
import type { ReaderMark } from '../../store/store.js';
import { html, type SafeHtml } from '../html.js';
import type { AppLabels, SiteLabels } from '../i18n/catalog.js';
import { paperPath } from '../pages/app-paths.js';
import { paperCard, type CardExtras } from './paper-card.js';

/** A paper without marks. */
export const NO_MARK: ReaderMark = { favorite: false, rating: 0 };

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
  return html`<form class="marks" method="post" action="${favorite}" data-id="${id}" role="group"${t.group}<input type="hidden" name="back" value="${back}"><button class="mark mark-favorite" formaction="${favorite}" name="value" value="${fav ? '0' : '1'}" aria-pressed="${String(fav)}"${t.favorite}<button class="mark mark-like" formaction="${rating}" name="value" value="${r === 1 ? '0' : '1'}" aria-pressed="${String(r === 1)}"${t.like}<button class="mark mark-dislike" formaction="${rating}" name="value" value="${r === -1 ? '0' : '-1'}" aria-pressed="${String(r === -1)}"${t.dislike}</form>`;
}

type MarkTexts = Record<'group' | 'favorite' | 'like' | 'dislike', SafeHtml>;

/** The labels' part of the controls, the same on every card: made once per language. */
const textsByLabels = new WeakMap<AppLabels, MarkTexts>();

function markTexts(A: AppLabels): MarkTexts {
  let texts = textsByLabels.get(A);
  if (!texts) {
    const end = (icon: string, label: string) => html` title="${label}">${icon} ${label}</button>`;
    texts = {
      group: html` aria-label="${A.marks}">`,
      favorite: end('\u2605', A.favorite),
      like: end('\u{1F44D}', A.like),
      dislike: end('\u{1F44E}', A.dislike),
    };
    textsByLabels.set(A, texts);
  }
  return texts;
}

/** How the app's cards differ from the site's (see the header). */
export function appCards(
  marks: ReadonlyMap<string, ReaderMark>,
  A: AppLabels,
  backFor: (id: string) => string,
): (p: DayPaper) => CardExtras {
  return (p) => {
    const id = p.paper.id;
    return { titleHref: paperPath(id), extra: markControls(A, id, marks.get(id) ?? NO_MARK, backFor(id)) };
  };
}

/** Cards for papers outside a day (favorites, a paper's page), in the site's look. */
export function cardsHtml(
  papers: readonly DayPaper[],
  marks: ReadonlyMap<string, ReaderMark>,
  L: SiteLabels,
  A: AppLabels,
  language: string,
  backFor: (id: string) => string,
): SafeHtml {
  const extras = appCards(marks, A, backFor);
  return html`${papers.map((p) => paperCard(p, L, language, extras(p)))}`;
}
