/** The site's front page: every day, newest first, with its paper and summary counts. Pure. */
import { countDay, type DayView } from '../day-view.js';
import { countsHtml, dayFileName } from './day-page.js';
import { esc } from './html.js';
import { count, type Labels } from './labels.js';

/** How many categories a day row names; the rest are in the day page. */
const CATEGORIES_SHOWN = 8;

/**
 * One line per feed format linking each category's feed (feeds/cs.CV.xml, …), for readers who
 * follow one field; nothing when there are none.
 */
function categoryFeedsHtml(categories: readonly string[]): string {
  if (!categories.length) return '';
  const line = (label: string, ext: string) =>
    `<p class="cats">${esc(label)}: ${categories.map((c) => `<a href="${esc(`feeds/${c}.${ext}`)}">${esc(c)}</a>`).join(' \u00b7 ')}</p>\n`;
  return `<div class="category-feeds">\n${line('RSS', 'xml')}${line('Atom', 'atom.xml')}${line('JSON Feed', 'json')}</div>\n`;
}

/** `days` must already be newest first. */
export function indexMain(
  days: readonly DayView[],
  siteTitle: string,
  L: Labels,
  categoryFeeds: readonly string[] = [],
): string {
  const total = days.reduce((n, d) => n + d.papers.length, 0);
  const rows = days
    .map((day) => {
      const cats = day.categories.slice(0, CATEGORIES_SHOWN).map((c) => `${esc(c.name)} ${c.count}`);
      if (day.categories.length > CATEGORIES_SHOWN) cats.push('\u2026');
      return (
        `<li class="day-row" tabindex="-1" data-date="${esc(day.date)}">` +
        `<a class="date" href="${esc(`days/${dayFileName(day.date)}`)}">${esc(day.date)}</a>` +
        `<p class="counts">${countsHtml(countDay(day), L)}</p>` +
        `<p class="cats">${cats.join(' \u00b7 ')}</p>` +
        `</li>\n`
      );
    })
    .join('');
  return (
    `<div class="day-head"><h1>${esc(siteTitle)}</h1>` +
    `<p class="counts"><span>${esc(count(L.dayCount, days.length))}</span><span>${esc(count(L.papers, total))}</span></p></div>\n` +
    (days.length ? `<ol class="days">\n${rows}</ol>\n` : `<p>${esc(L.noPapers)}</p>\n`) +
    categoryFeedsHtml(categoryFeeds)
  );
}
