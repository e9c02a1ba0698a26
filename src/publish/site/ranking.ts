/**
 * The ranked parts of a day page, shown only when the day was ranked for the reader (DayView
 * `forYou` present): the "For you" picks at the top, each linking to its card below; a score
 * badge and the reason on every ranked card; and the order control (by category, as written, or
 * by score). The reason names the reader's own keywords, authors and library titles, so it is
 * escaped like any paper text. Pure.
 */
import { FOR_YOU_MIN_SCORE, formatScore, type DayPaper, type PaperRank } from '../day-view.js';
import { esc } from './html.js';
import type { Labels } from './labels.js';

export type DayOrder = 'category' | 'score';

/** `score-high` for a score a pick could have, `score-low` for evidence against. */
const scoreClass = (score: number): string =>
  score >= FOR_YOU_MIN_SCORE ? 'score score-high' : score < 0 ? 'score score-low' : 'score';

export function scoreBadge(rank: PaperRank, L: Labels): string {
  return `<span class="${scoreClass(rank.score)}" title="${esc(L.scoreTip)}">${esc(`${L.score} ${formatScore(rank.score)}`)}</span>`;
}

/** The reason line of a card; nothing when no signal matched. */
export function reasonHtml(rank: PaperRank, L: Labels): string {
  const reason = rank.reason.trim();
  return reason ? `<p class="reason"><span class="reason-label">${esc(L.why)}</span> ${esc(reason)}</p>` : '';
}

/** The "For you" section: the picks best first, each a link to its card on this page. */
export function forYouHtml(picks: readonly DayPaper[], L: Labels): string {
  const list = picks.length
    ? `<ol class="picks">\n` +
      picks
        .map((p) => {
          const rank = p.rank!;
          const reason = rank.reason.trim() ? `<span class="reason">${esc(rank.reason.trim())}</span>` : '';
          return `<li data-id="${esc(p.paper.id)}"><a href="#${esc(p.paper.id)}">${esc(p.paper.title)}</a>${scoreBadge(rank, L)}${reason}</li>\n`;
        })
        .join('') +
      `</ol>\n`
    : `<p class="picks-none">${esc(L.forYouNone)}</p>\n`;
  return (
    `<section class="for-you" aria-labelledby="for-you-title">\n` +
    `<h2 id="for-you-title">${esc(L.forYou)}${picks.length ? ` <span class="n">(${picks.length})</span>` : ''}</h2>\n` +
    list +
    `</section>\n`
  );
}

/**
 * The order control. With `links` (the web app: the server orders the page) two links, the
 * current one marked; without (the static site) two buttons that site.js wires up, hidden when
 * scripts do not run, so the page then simply stays in category order. `data-by-score` carries
 * the heading site.js gives the list it builds, so the page data stays the same for every page.
 */
export function orderControl(L: Labels, order: DayOrder, links: { category: string; score: string } | null): string {
  const label = `<span class="order-label">${esc(L.order)}</span>`;
  if (links) {
    const a = (o: DayOrder, href: string, text: string) =>
      `<a class="order-option" href="${esc(href)}"${order === o ? ' aria-current="page"' : ''}>${esc(text)}</a>`;
    return (
      `<nav class="order" aria-label="${esc(L.order)}">${label}` +
      a('category', links.category, L.byCategory) +
      a('score', links.score, L.byScore) +
      `</nav>\n`
    );
  }
  const b = (o: DayOrder, text: string) =>
    `<button type="button" class="order-option" data-order="${o}" aria-pressed="${String(order === o)}">${esc(text)}</button>`;
  return (
    `<div class="order js-only" role="group" aria-label="${esc(L.order)}" data-by-score="${esc(L.allByScore)}">` +
    label +
    b('category', L.byCategory) +
    b('score', L.byScore) +
    `</div>\n`
  );
}
