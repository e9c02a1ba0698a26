/**
 * The ranked parts of a day, shown only when the day was ranked for the reader (DayView `forYou`
 * present): the "For you" picks at the top, each linking to its card below; a score badge and the
 * reason on every ranked card; and the order control (by category, as written, or by score). The
 * reason names the reader's own keywords, authors and library titles, so it is escaped like any
 * paper text. Pure.
 */
import { FOR_YOU_MIN_SCORE, formatScore, type DayPaper, type PaperRank } from '../../core/day-view.js';
import { html, type SafeHtml } from '../html.js';
import type { SiteLabels } from '../i18n/catalog.js';

export type DayOrder = 'category' | 'score';

/** `score-high` for a score a pick could have, `score-low` for evidence against. */
const scoreClass = (score: number): string =>
  score >= FOR_YOU_MIN_SCORE ? 'score score-high' : score < 0 ? 'score score-low' : 'score';

export function scoreBadge(rank: PaperRank, L: SiteLabels): SafeHtml {
  return html`<span class="${scoreClass(rank.score)}" title="${L.scoreTip}">${`${L.score} ${formatScore(rank.score)}`}</span>`;
}

/** The reason line of a card; nothing when no signal matched. */
export function reasonHtml(rank: PaperRank, L: SiteLabels): SafeHtml | '' {
  const reason = rank.reason.trim();
  return reason ? html`<p class="reason"><span class="reason-label">${L.why}</span> ${reason}</p>` : '';
}

/** The "For you" section: the picks best first, each a link to its card on this page. */
export function forYouHtml(picks: readonly DayPaper[], L: SiteLabels): SafeHtml {
  const list = picks.length
    ? html`<ol class="picks">
${picks.map((p) => {
  const rank = p.rank!;
  const reason = rank.reason.trim() ? html`<span class="reason">${rank.reason.trim()}</span>` : '';
  return html`<li data-id="${p.paper.id}"><a href="#${p.paper.id}">${p.paper.title}</a>${scoreBadge(rank, L)}${reason}</li>
`;
})}</ol>
`
    : html`<p class="picks-none">${L.forYouNone}</p>
`;
  return html`<section class="for-you" aria-labelledby="for-you-title">
<h2 id="for-you-title">${L.forYou}${picks.length ? html` <span class="n">(${picks.length})</span>` : ''}</h2>
${list}</section>
`;
}

/**
 * The order control. With `links` (the web app: the server orders the page) two links, the
 * current one marked; without (the static site) two buttons that site.js wires up, hidden when
 * scripts do not run, so the page then simply stays in category order. `data-by-score` carries
 * the heading site.js gives the list it builds, so the page data stays the same for every page.
 */
export function orderControl(
  L: SiteLabels,
  order: DayOrder,
  links: { category: string; score: string } | null,
): SafeHtml {
  const label = html`<span class="order-label">${L.order}</span>`;
  if (links) {
    const a = (o: DayOrder, href: string, text: string) =>
      html`<a class="order-option" href="${href}"${order === o ? html` aria-current="page"` : ''}>${text}</a>`;
    return html`<nav class="order" aria-label="${L.order}">${label}${a('category', links.category, L.byCategory)}${a('score', links.score, L.byScore)}</nav>
`;
  }
  const b = (o: DayOrder, text: string) =>
    html`<button type="button" class="order-option" data-order="${o}" aria-pressed="${String(order === o)}">${text}</button>`;
  return html`<div class="order js-only" role="group" aria-label="${L.order}" data-by-score="${L.allByScore}">${label}${b('category', L.byCategory)}${b('score', L.byScore)}</div>
`;
}
