/**
 * A paper's card, the same on the static site's day pages and everywhere in the web app: title,
 * authors, categories, flags, the ranked day's score and reason, TL;DR or an honest status line,
 * details, comment, links. The web app gives each card its extras (the title to the paper's own
 * page, the marks form). Every piece of paper data is escaped by `html`; URLs pass `safeHttpUrl`.
 * Pure.
 */
import { absUrl, htmlUrl, pdfUrl } from '../../core/arxiv-id.js';
import { languageOf } from '../../core/languages.js';
import { isPlaceholderText } from '../../core/placeholders.js';
import type { SummaryField } from '../../core/types.js';
import type { DayPaper } from '../../core/day-view.js';
import { html, safeHttpUrl, type SafeHtml } from '../html.js';
import { fill, type BadgeFlag, type SiteLabels } from '../i18n/catalog.js';
import { reasonHtml, scoreBadge } from './ranking.js';

const DETAIL_FIELDS: readonly Exclude<SummaryField, 'tldr'>[] = ['motivation', 'method', 'result', 'conclusion'];

/** The `lang` attribute for text in a summary language, or nothing when the language is unknown. */
export function langAttribute(language: string): SafeHtml | '' {
  const tag = languageOf(language)?.tag;
  return tag ? html` lang="${tag}"` : '';
}

/** One summary flag as a badge with its explanation; a flag without a label is shown as written. */
export function flagBadge(flag: string, L: SiteLabels, language: string): SafeHtml {
  const [text, tip] = Object.hasOwn(L.flags, flag) ? L.flags[flag as BadgeFlag] : [flag, flag];
  return html`<span class="badge" data-flag="${flag}" title="${fill(tip, { language })}">${text}</span>`;
}

function links(p: DayPaper, L: SiteLabels): SafeHtml {
  const a = (href: string | null, text: string, rel = false) =>
    href ? html`<a href="${href}"${rel ? html` rel="nofollow noopener"` : ''}>${text}</a>` : '';
  const code = safeHttpUrl(p.code?.url);
  const stars = p.code?.stars;
  const doi = p.paper.doi ? safeHttpUrl(`https://doi.org/${encodeURI(p.paper.doi.trim())}`) : null;
  const codeLink = code
    ? html`<span>${a(code, L.code, true)}${typeof stars === 'number' ? html`<span class="stars">\u2605 ${String(stars)}</span>` : ''}</span>`
    : '';
  return html`<p class="links">${a(safeHttpUrl(absUrl(p.paper.id)), L.absPage)}${a(safeHttpUrl(pdfUrl(p.paper.id)), L.pdf)}${a(safeHttpUrl(htmlUrl(p.paper.id)), L.html)}${codeLink}${a(doi, L.doi, true)}</p>`;
}

/**
 * The summary part of a card. A paper without an ok summary shows its status and reason and the
 * abstract. A reference summary flagged `placeholder` shows only its real fields: the failure
 * text the reference system wrote in place of a summary is never shown as if it were one.
 */
function summaryHtml(p: DayPaper, L: SiteLabels, language: string): SafeHtml {
  const abstract = html`<p class="abstract" data-hl>${p.paper.abstract}</p>`;
  const s = p.summary;
  if (s.status !== 'ok') {
    const line = fill(L.summaryStatus, { status: L.status[s.status], reason: s.reason });
    return html`<p class="status status-${s.status}" data-status="${s.status}">${line}</p>${abstract}`;
  }
  const f = s.summary.fields!;
  const lang = langAttribute(language);
  const fields = DETAIL_FIELDS.filter((k) => !isPlaceholderText(f[k]));
  const fieldList = fields.length
    ? html`<dl class="fields"${lang}>${fields.map((k) => html`<dt>${L[k]}</dt><dd data-hl>${f[k]}</dd>`)}</dl>`
    : '';
  if (isPlaceholderText(f.tldr)) {
    const details = fieldList ? html`<details><summary>${L.details}</summary>${fieldList}</details>` : '';
    return html`<p class="status status-placeholder" data-status="placeholder">${L.placeholderOnly}</p>${abstract}${details}`;
  }
  return html`<p class="tldr"${lang}><span class="tldr-label">${L.tldr}</span><span data-hl>${f.tldr.trim()}</span></p><details><summary>${L.details}</summary>${fieldList}<dl class="fields"><dt>${L.abstract}</dt><dd data-hl>${p.paper.abstract}</dd></dl></details>`;
}

/**
 * What the web app changes in a card: where the title links (the default is the paper's arXiv
 * page) and markup it adds after the links row, inside the card.
 */
export interface CardExtras {
  titleHref: string;
  extra: SafeHtml;
}

export function paperCard(p: DayPaper, L: SiteLabels, language: string, extras: CardExtras | null = null): SafeHtml {
  const { paper } = p;
  const others = paper.categories.filter((c) => c !== p.primary);
  const flags = p.summary.status === 'ok' ? p.summary.summary.flags : [];
  const meta = html`<p class="meta"><span class="arxiv-id">${paper.id}${paper.version ? `v${paper.version}` : ''}</span><span class="cat primary">${p.primary}</span>${others.map((c) => html`<span class="cat">${c}</span>`)}${p.kind !== 'new' ? html`<span class="kind">${L.kind[p.kind]}</span>` : ''}${[...new Set(flags)].map((f) => flagBadge(f, L, language))}${p.rank ? scoreBadge(p.rank, L) : ''}</p>`;
  const authors = paper.authors.length
    ? html`<p class="authors">${paper.authors.map((a, i) => html`${i ? ', ' : ''}<span class="author">${a}</span>`)}</p>`
    : '';
  const comment = paper.comment
    ? html`<p class="comment"><span class="comment-label">${L.comment}</span> ${paper.comment}</p>`
    : '';
  const href = extras ? extras.titleHref : safeHttpUrl(absUrl(paper.id));
  // The full score, for site.js to order by; the badge shows two decimals.
  const score = p.rank ? html` data-score="${String(p.rank.score)}"` : '';
  return html`<article class="paper" id="${paper.id}" data-cat="${p.primary}"${score} tabindex="-1">
<h3><a${href ? html` href="${href}"` : ''} data-hl>${paper.title}</a></h3>
${authors}${meta}${p.rank ? reasonHtml(p.rank, L) : ''}${summaryHtml(p, L, language)}${comment}${links(p, L)}${extras?.extra}
</article>
`;
}
