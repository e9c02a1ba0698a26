/**
 * The list of days (newest first, paged, with paper counts) and a day's page: the static site's
 * day page (`dayMain`) with its cards made the app's (`appCards`, components/marks.ts), ranked when the
 * reader has a profile — For you picks, scores and reasons, `?sort=score` ordered on the server.
 * Pure.
 */
import type { DayView } from '../../core/day-view.js';
import type { DaySummary, ReaderMark } from '../../store/store.js';
import { dayMain, dayRow } from '../components/day.js';
import { pager } from '../components/hits.js';
import { appCards } from '../components/marks.js';
import type { DayOrder } from '../components/ranking.js';
import { html, safeParts, type SafeHtml, type SafeParts } from '../html.js';
import { count, fill } from '../i18n/catalog.js';
import type { PageContext } from './app-frame.js';
import { dayPath } from './app-paths.js';

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
  const rows = p.days.map((d) => dayRow(d.date, dayPath(d.date), html`<span>${count(L.papers, d.papers)}</span>`));
  const list = p.days.length ? html`<ol class="days">\n${rows}</ol>\n` : html`<p>${ctx.app.noDays}</p>\n`;
  return html`<div class="day-head"><h1>${ctx.siteTitle}</h1><p class="counts"><span>${count(L.dayCount, p.totalDays)}</span><span>${count(L.papers, p.totalPapers)}</span></p></div>
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
    ? html`<p class="note" id="ranking-problem" role="status">${fill(ctx.app.rankingFailed, { reason: o.rankingProblem })}</p>\n`
    : html``;
  const main = dayMain(
    day,
    ctx.labels,
    { older: o.older ? dayPath(o.older) : null, newer: o.newer ? dayPath(o.newer) : null, home: '/' },
    appCards(marks, ctx.app, (id) => `${back}#${id}`),
    { order: o.order, links: { category: path, score: scorePath } },
  );
  return safeParts([problem, ...main]);
}
