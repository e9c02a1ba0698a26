/**
 * The list of days (newest first, paged, with paper counts) and a day's page: the static site's
 * day page (`dayMain`) with its cards made the app's (see `appCards` in parts.ts). Pure.
 */
import type { DayView } from '../publish/day-view.js';
import { dayMain } from '../publish/site/day-page.js';
import { count } from '../publish/site/labels.js';
import type { DaySummary, ReaderMark } from '../store/store.js';
import { dayPath, markup, trusted, type SafeHtml } from './html.js';
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

export function dayPageMain(
  ctx: PageContext,
  day: DayView,
  marks: ReadonlyMap<string, ReaderMark>,
  nav: { older: string | null; newer: string | null },
): SafeHtml {
  const back = dayPath(day.date);
  return trusted(
    dayMain(
      day,
      ctx.labels,
      { older: nav.older ? dayPath(nav.older) : null, newer: nav.newer ? dayPath(nav.newer) : null, home: '/' },
      appCards(marks, ctx.app, (id) => `${back}#${id}`),
    ),
  );
}
