/**
 * The content of a day page: heading with counts, the category filter, and one card per paper
 * (title, authors, categories, flags, TL;DR or an honest status line, details, links). A ranked
 * day adds its "For you" picks, the order control and each card's score and reason (ranking.ts);
 * a day that was not ranked is rendered exactly as before ranking existed. Every piece of paper
 * data passes through `esc`; URLs through `safeHttpUrl`. Pure.
 */
import { absUrl, htmlUrl, pdfUrl } from '../../core/arxiv-id.js';
import { isPlaceholderText, PLACEHOLDER_FLAG } from '../../core/placeholders.js';
import type { SummaryField } from '../../core/types.js';
import { FLAGS } from '../../summarize/types.js';
import { byScore, countDay, isRanked, type DayCounts, type DayPaper, type DayView } from '../day-view.js';
import { esc, safeHttpUrl } from './html.js';
import { count, fill, languageTag, type Labels } from './labels.js';
import { forYouHtml, orderControl, reasonHtml, scoreBadge, type DayOrder } from './ranking.js';

/** File name of a day's page inside `days/`. */
export const dayFileName = (date: string): string => `${date}.html`;

/** Summary flags to the label that explains them; unknown flags are shown as written. */
const FLAG_LABELS: Record<string, keyof Labels['flags']> = {
  [FLAGS.unsupportedNumber]: 'unsupportedNumber',
  [FLAGS.languageMismatch]: 'languageMismatch',
  [FLAGS.untranslated]: 'untranslated',
  [FLAGS.unrelated]: 'unrelated',
  [FLAGS.instructionLike]: 'instructionLike',
  [FLAGS.inputTruncated]: 'inputTruncated',
  [PLACEHOLDER_FLAG]: 'placeholder',
};

const DETAIL_FIELDS: readonly Exclude<SummaryField, 'tldr'>[] = ['motivation', 'method', 'result', 'conclusion'];

/** `<span>`s of a day's counts; the ones that are zero and unusual are left out. */
export function countsHtml(c: DayCounts, L: Labels): string {
  const parts = [count(L.papers, c.papers), fill(L.summarized, { n: c.summarized })];
  if (c.pending) parts.push(fill(L.pending, { n: c.pending }));
  if (c.failed) parts.push(fill(L.failed, { n: c.failed }));
  if (c.refused) parts.push(fill(L.refused, { n: c.refused }));
  if (c.placeholders) parts.push(fill(L.placeholders, { n: c.placeholders }));
  return parts.map((p) => `<span>${esc(p)}</span>`).join('');
}

function badges(flags: readonly string[], L: Labels, language: string): string {
  return [...new Set(flags)]
    .map((flag) => {
      const key = FLAG_LABELS[flag];
      const [text, tip] = key ? L.flags[key] : [flag, flag];
      return `<span class="badge" data-flag="${esc(flag)}" title="${esc(fill(tip, { language }))}">${esc(text)}</span>`;
    })
    .join('');
}

function links(p: DayPaper, L: Labels): string {
  const a = (href: string | null, text: string, extra = '') =>
    href ? `<a href="${esc(href)}"${extra}>${esc(text)}</a>` : '';
  const code = safeHttpUrl(p.code?.url);
  const stars = p.code?.stars;
  const doi = p.paper.doi ? safeHttpUrl(`https://doi.org/${encodeURI(p.paper.doi.trim())}`) : null;
  return (
    `<p class="links">` +
    a(safeHttpUrl(absUrl(p.paper.id)), L.absPage) +
    a(safeHttpUrl(pdfUrl(p.paper.id)), L.pdf) +
    a(safeHttpUrl(htmlUrl(p.paper.id)), L.html) +
    (code
      ? `<span>${a(code, L.code, ' rel="nofollow noopener"')}${typeof stars === 'number' ? `<span class="stars">\u2605 ${esc(String(stars))}</span>` : ''}</span>`
      : '') +
    a(doi, L.doi, ' rel="nofollow noopener"') +
    `</p>`
  );
}

/**
 * The summary part of a card. A paper without an ok summary shows its status and reason and the
 * abstract. A reference summary flagged `placeholder` shows only its real fields: the failure
 * text the reference system wrote in place of a summary is never shown as if it were one.
 */
function summaryHtml(p: DayPaper, L: Labels, language: string): string {
  const abstract = `<p class="abstract" data-hl>${esc(p.paper.abstract)}</p>`;
  const s = p.summary;
  if (s.status !== 'ok') {
    const line = fill(L.summaryStatus, { status: L.status[s.status], reason: s.reason });
    return `<p class="status status-${s.status}" data-status="${s.status}">${esc(line)}</p>${abstract}`;
  }
  const f = s.summary.fields!;
  const tag = languageTag(language);
  const lang = tag ? ` lang="${esc(tag)}"` : '';
  const fields = DETAIL_FIELDS.filter((k) => !isPlaceholderText(f[k]));
  const fieldList = fields.length
    ? `<dl class="fields"${lang}>${fields.map((k) => `<dt>${esc(L[k])}</dt><dd data-hl>${esc(f[k])}</dd>`).join('')}</dl>`
    : '';
  if (isPlaceholderText(f.tldr)) {
    const details = fieldList ? `<details><summary>${esc(L.details)}</summary>${fieldList}</details>` : '';
    return `<p class="status status-placeholder" data-status="placeholder">${esc(L.placeholderOnly)}</p>${abstract}${details}`;
  }
  return (
    `<p class="tldr"${lang}><span class="tldr-label">${esc(L.tldr)}</span><span data-hl>${esc(f.tldr.trim())}</span></p>` +
    `<details><summary>${esc(L.details)}</summary>${fieldList}` +
    `<dl class="fields"><dt>${esc(L.abstract)}</dt><dd data-hl>${esc(p.paper.abstract)}</dd></dl></details>`
  );
}

/**
 * What another renderer of these cards (the web app) changes in one: where the title links
 * (escaped here; the default is the paper's arXiv page) and markup it adds after the links row,
 * inside the card (already escaped by its maker).
 */
export interface CardExtras {
  titleHref: string;
  extra: string;
}

export function paperHtml(p: DayPaper, L: Labels, language: string, extras: CardExtras | null = null): string {
  const { paper } = p;
  const others = paper.categories.filter((c) => c !== p.primary);
  const flags = p.summary.status === 'ok' ? p.summary.summary.flags : [];
  const meta =
    `<p class="meta"><span class="arxiv-id">${esc(paper.id)}${paper.version ? `v${paper.version}` : ''}</span>` +
    `<span class="cat primary">${esc(p.primary)}</span>` +
    others.map((c) => `<span class="cat">${esc(c)}</span>`).join('') +
    (p.kind !== 'new' ? `<span class="kind">${esc(L.kind[p.kind])}</span>` : '') +
    badges(flags, L, language) +
    (p.rank ? scoreBadge(p.rank, L) : '') +
    `</p>`;
  const authors = paper.authors.length
    ? `<p class="authors">${paper.authors.map((a) => `<span class="author">${esc(a)}</span>`).join(', ')}</p>`
    : '';
  const comment = paper.comment
    ? `<p class="comment"><span class="comment-label">${esc(L.comment)}</span> ${esc(paper.comment)}</p>`
    : '';
  const href = extras ? extras.titleHref : safeHttpUrl(absUrl(paper.id));
  // The full score, for site.js to order by; the badge shows two decimals.
  const score = p.rank ? ` data-score="${esc(String(p.rank.score))}"` : '';
  return (
    `<article class="paper" id="${esc(paper.id)}" data-cat="${esc(p.primary)}"${score} tabindex="-1">\n` +
    `<h3><a${href ? ` href="${esc(href)}"` : ''} data-hl>${esc(paper.title)}</a></h3>\n` +
    authors +
    meta +
    (p.rank ? reasonHtml(p.rank, L) : '') +
    summaryHtml(p, L, language) +
    comment +
    links(p, L) +
    (extras ? extras.extra : '') +
    `\n</article>\n`
  );
}

export interface DayNav {
  /** File names (inside days/) of the neighbouring days, when there are any. */
  older: string | null;
  newer: string | null;
  /** Relative link to the list of days. */
  home: string;
}

/** How a ranked day is ordered, and by whom; a day that was not ranked ignores it. */
export interface DayOrdering {
  /** `score`: the papers as one list, best first (the web app's `?sort=score`). Default `category`. */
  order?: DayOrder;
  /** The URLs of the two orders (the web app); without them the order control is site.js's. */
  links?: { category: string; score: string } | null;
}

function categorySection(name: string, count: number, cards: readonly string[]): string[] {
  return [
    `<section class="category" data-cat="${esc(name)}" aria-labelledby="${esc(`cat-${name}`)}">\n` +
      `<h2 id="${esc(`cat-${name}`)}">${esc(name)} <span class="n">(${count})</span></h2>\n`,
    ...cards,
    `</section>\n`,
  ];
}

/**
 * The one list of a day ordered by score. site.js builds the same section in the browser; its
 * category filter then hides cards in it rather than the section.
 */
function scoreSection(cards: readonly string[], count: number, L: Labels): string[] {
  return [
    `<section class="category by-score" data-cat="" aria-labelledby="by-score-title">\n` +
      `<h2 id="by-score-title">${esc(L.allByScore)} <span class="n">(${count})</span></h2>\n`,
    ...cards,
    `</section>\n`,
  ];
}

/**
 * The main content of a day page; `nav` is null on a single self-contained page. `extras` lets
 * the web app render its own cards from this same markup (see `CardExtras`); `ordering` lets it
 * order a ranked day by score on the server.
 */
export const dayMain = (...args: Parameters<typeof dayMainParts>): string => dayMainParts(...args).join('');

/**
 * dayMain as its pieces, a card each, for the web app to encode one at a time: joined, a day of
 * two-byte text is a 2 MB string to build, copy flat and measure before the socket copies it again.
 */
export function dayMainParts(
  day: DayView,
  L: Labels,
  nav: DayNav | null,
  extras: ((p: DayPaper) => CardExtras) | null = null,
  ordering: DayOrdering = {},
): string[] {
  const card = (p: DayPaper) => paperHtml(p, L, day.language, extras?.(p) ?? null);
  const navHtml = nav
    ? `<nav class="day-nav">` +
      `<span>${nav.older ? `<a rel="prev" href="${esc(nav.older)}">\u2190 ${esc(L.older)}</a>` : ''}</span>` +
      `<a href="${esc(nav.home)}">${esc(L.allDays)}</a>` +
      `<span>${nav.newer ? `<a rel="next" href="${esc(nav.newer)}">${esc(L.newer)} \u2192</a>` : ''}</span>` +
      `</nav>\n`
    : '';
  const chips =
    `<ul class="chips js-only" aria-label="${esc(L.categories)}">` +
    `<li><button type="button" class="chip" data-cat="" aria-pressed="true">${esc(L.all)}<span class="n">${day.papers.length}</span></button></li>` +
    day.categories
      .map(
        (c) =>
          `<li><button type="button" class="chip" data-cat="${esc(c.name)}" aria-pressed="false">${esc(c.name)}<span class="n">${c.count}</span></button></li>`,
      )
      .join('') +
    `</ul>\n`;
  const ranked = isRanked(day);
  const order: DayOrder = ranked ? (ordering.order ?? 'category') : 'category';
  let sections: string[];
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
    ? chips + (ranked ? orderControl(L, order, ordering.links ?? null) : '')
    : `<p>${esc(L.noPapers)}</p>\n`;
  return [
    navHtml +
      `<div class="day-head"><h1>${esc(day.date)}</h1><p class="counts">${countsHtml(countDay(day), L)}</p></div>\n` +
      (ranked ? forYouHtml(day.forYou, L) : '') +
      controls +
      `<p id="hidden-note" class="hidden-note" hidden></p>\n` +
      `<div id="papers">\n`,
    ...sections,
    `</div>\n` + (nav ? navHtml : ''),
  ];
}
