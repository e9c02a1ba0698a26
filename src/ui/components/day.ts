/**
 * A day's page content, the same on the static site and in the web app: the navigation to the
 * neighbouring days, the heading with counts, the "For you" picks and the order control of a
 * ranked day, the category chips, and the cards by category (or, ordered by score, as one list);
 * and a day's row in a list of days. Pure.
 */
import { byScore, countDay, isRanked, type DayCounts, type DayPaper, type DayView } from '../../core/day-view.js';
import { html, type SafeHtml } from '../html.js';
import { count, fill, type SiteLabels } from '../i18n/catalog.js';
import { paperCard, type CardExtras } from './paper-card.js';
import { forYouHtml, orderControl, type DayOrder } from './ranking.js';

/** `<span>`s of a day's counts; the ones that are zero and unusual are left out. */
export function countsHtml(c: DayCounts, L: SiteLabels): SafeHtml {
  const parts = [count(L.papers, c.papers), fill(L.summarized, { n: c.summarized })];
  if (c.pending) parts.push(fill(L.pending, { n: c.pending }));
  if (c.failed) parts.push(fill(L.failed, { n: c.failed }));
  if (c.refused) parts.push(fill(L.refused, { n: c.refused }));
  if (c.placeholders) parts.push(fill(L.placeholders, { n: c.placeholders }));
  return html`${parts.map((p) => html`<span>${p}</span>`)}`;
}

/** A day in a list of days: its date linked, its counts, and (on the site) its categories. */
export function dayRow(date: string, href: string, counts: SafeHtml, categories: SafeHtml | '' = ''): SafeHtml {
  return html`<li class="day-row" tabindex="-1" data-date="${date}"><a class="date" href="${href}">${date}</a><p class="counts">${counts}</p>${categories}</li>
`;
}

export interface DayNav {
  /** Links to the neighbouring days, when there are any. */
  older: string | null;
  newer: string | null;
  /** Link to the list of days. */
  home: string;
}

function dayNav(nav: DayNav, L: SiteLabels): SafeHtml {
  const older = nav.older ? html`<a rel="prev" href="${nav.older}">\u2190 ${L.older}</a>` : '';
  const newer = nav.newer ? html`<a rel="next" href="${nav.newer}">${L.newer} \u2192</a>` : '';
  return html`<nav class="day-nav"><span>${older}</span><a href="${nav.home}">${L.allDays}</a><span>${newer}</span></nav>
`;
}

/** The category filter: one chip per category and one for all, wired up by site.js. */
function categoryChips(day: DayView, L: SiteLabels): SafeHtml {
  const chip = (cat: string, text: string, n: number, on: boolean) =>
    html`<li><button type="button" class="chip" data-cat="${cat}" aria-pressed="${String(on)}">${text}<span class="n">${n}</span></button></li>`;
  return html`<ul class="chips js-only" aria-label="${L.categories}">${chip('', L.all, day.papers.length, true)}${day.categories.map((c) => chip(c.name, c.name, c.count, false))}</ul>
`;
}

function categorySection(name: string, n: number, cards: readonly SafeHtml[]): SafeHtml[] {
  return [
    html`<section class="category" data-cat="${name}" aria-labelledby="${`cat-${name}`}">
<h2 id="${`cat-${name}`}">${name} <span class="n">(${n})</span></h2>
`,
    ...cards,
    html`</section>
`,
  ];
}

/**
 * The one list of a day ordered by score. site.js builds the same section in the browser; its
 * category filter then hides cards in it rather than the section.
 */
function scoreSection(cards: readonly SafeHtml[], n: number, L: SiteLabels): SafeHtml[] {
  return [
    html`<section class="category by-score" data-cat="" aria-labelledby="by-score-title">
<h2 id="by-score-title">${L.allByScore} <span class="n">(${n})</span></h2>
`,
    ...cards,
    html`</section>
`,
  ];
}

/** How a ranked day is ordered, and by whom; a day that was not ranked ignores it. */
export interface DayOrdering {
  /** `score`: the papers as one list, best first (the web app's `?sort=score`). Default `category`. */
  order?: DayOrder;
  /** The URLs of the two orders (the web app); without them the order control is site.js's. */
  links?: { category: string; score: string } | null;
}

/**
 * The main content of a day page, a card a piece: the web app encodes one at a time (joined, a
 * day of two-byte text is a 2 MB string to build). `nav` is null on a single self-contained page;
 * `extras` makes each card the web app's; `ordering` lets it order a ranked day on the server.
 */
export function dayMain(
  day: DayView,
  L: SiteLabels,
  nav: DayNav | null,
  extras: ((p: DayPaper) => CardExtras) | null = null,
  ordering: DayOrdering = {},
): SafeHtml[] {
  const card = (p: DayPaper) => paperCard(p, L, day.language, extras?.(p) ?? null);
  const navHtml = nav ? dayNav(nav, L) : '';
  const ranked = isRanked(day);
  const order: DayOrder = ranked ? (ordering.order ?? 'category') : 'category';
  let sections: SafeHtml[];
  if (order === 'score') sections = scoreSection(byScore(day.papers).map(card), day.papers.length, L);
  else {
    const byCategory = new Map<string, DayPaper[]>();
    for (const p of day.papers) {
      const list = byCategory.get(p.primary);
      if (list) list.push(p);
      else byCategory.set(p.primary, [p]);
    }
    sections = day.categories.flatMap((c) =>
      categorySection(c.name, c.count, (byCategory.get(c.name) ?? []).map(card)),
    );
  }
  const controls = day.papers.length
    ? html`${categoryChips(day, L)}${ranked ? orderControl(L, order, ordering.links ?? null) : ''}`
    : html`<p>${L.noPapers}</p>
`;
  return [
    html`${navHtml}<div class="day-head"><h1>${day.date}</h1><p class="counts">${countsHtml(countDay(day), L)}</p></div>
${ranked ? forYouHtml(day.forYou, L) : ''}${controls}<p id="hidden-note" class="hidden-note" hidden></p>
<div id="papers">
`,
    ...sections,
    html`</div>
${navHtml}`,
  ];
}
