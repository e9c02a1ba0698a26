/**
 * The list of days (newest first, paged, with paper counts) and a day's page: the static site's
 * day page (`dayMain`) with its cards made the app's (see `appCards` in parts.ts), ranked when the
 * reader has a profile — For you picks, scores and reasons, `?sort=score` ordered on the server.
 * Pure.
 */
import type { DayView } from '../publish/day-view.js';
import { dayMainParts } from '../publish/site/day-page.js';
import { count, fill } from '../publish/site/labels.js';
import type { DayOrder } from '../publish/site/ranking.js';
import type { DaySummary, ReaderMark } from '../store/store.js';
import { dayPath, markup, trustedParts, type SafeHtml, type SafeParts } from './html.js';
import type { PageContext } from './layout.js';
import { appCards, pager } from './parts.js';

export interface DaysPage {
  /** This page's days, newest first. */
  days: readonly DaySummary[];
  totalDays: number;
  totalPapers: number;
  page: number;
  prev: string | null;
  next: string | null;
}

export function daysMain(ctx: PageContext, p: DaysPage): SafeHtml {
  const L = ctx.labels;
  const rows = p.days.map(
    (d) =>
      markup`<li class="day-row" tabindex="-1" data-date="${d.date}"><a class="date" href="${dayPath(d.date)}">${d.date}</a><p class="counts"><span>${count(L.papers, d.papers)}</span></p></li>
`,
  );
  const list = p.days.length ? markup`<ol class="days">\n${rows}</ol>\n` : markup`<p>${ctx.app.noDays}</p>\n`;
  return markup`<div class="day-head"><h1>${ctx.siteTitle}</h1><p class="counts"><span>${count(L.dayCount, p.totalDays)}</span><span>${count(L.papers, p.totalPapers)}</span></p></div>
${list}${pager(ctx.app, p.page, p.prev, p.next)}`;
}

export interface DayPageOptions {
  older: string | null;
  newer: string | null;
  /** The order asked for (`?sort=`); a day that was not ranked is always in category order. */
  order: DayOrder;
  /** Why ranking failed, when it did (the day is then unranked). */
  rankingProblem: string | null;
}

export function dayPageMain(
  ctx: PageContext,
  day: DayView,
  marks: ReadonlyMap<string, ReaderMark>,
  o: DayPageOptions,
): SafeParts {
  const path = dayPath(day.date);
  const scorePath = `${path}?sort=score`;
  // The marks forms come back to the page as it was ordered.
  const back = o.order === 'score' && day.forYou ? scorePath : path;
  const problem = o.rankingProblem
    ? markup`<p class="note" id="ranking-problem" role="status">${fill(ctx.app.rankingFailed, { reason: o.rankingProblem })}</p>\n`
        .text
    : '';
  const main = dayMainParts(
    day,
    ctx.labels,
    { older: o.older ? dayPath(o.older) : null, newer: o.newer ? dayPath(o.newer) : null, home: '/' },
    appCards(marks, ctx.app, (id) => `${back}#${id}`),
    { order: o.order, links: { category: path, score: scorePath } },
  );
  return trustedParts([problem, ...main]);
}
