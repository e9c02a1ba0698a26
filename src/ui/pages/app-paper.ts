/**
 * A paper's page: its card as on a day page (with the controls), then everything stored about
 * it — every summary in every language with who made it and how it was checked, the metadata,
 * its versions and announcements, code links, its BibTeX ready to copy, and similar papers. Pure.
 */
import { absUrl } from '../../core/arxiv-id.js';
import { SUMMARY_FIELDS, type CodeLink, type Paper, type StoredSummary } from '../../core/types.js';
import type { DayPaper } from '../../core/day-view.js';
import type { ReaderMark, SearchHit, Store } from '../../store/store.js';
import { hitItem } from '../components/hits.js';
import { cardsHtml } from '../components/marks.js';
import { flagBadge, langAttribute } from '../components/paper-card.js';
import { html, safeHttpUrl, type SafeHtml } from '../html.js';
import type { PageContext } from './app-frame.js';
import { dayPath, paperPath } from './app-paths.js';

/** One of the days a paper was announced on, in one of its listings. */
export type Announcement = ReturnType<Store['getAnnouncements']>[number];

/** Everything the paper page shows (serve/paper-data.ts gathers it from the store). */
export interface PaperDetails {
  paper: Paper;
  card: DayPaper;
  /** Every stored summary, every language, every status. */
  summaries: StoredSummary[];
  /** Newest first. */
  announcements: Announcement[];
  codeLinks: CodeLink[];
  mark: ReaderMark;
  bibtex: string;
}

const row = (label: string, value: SafeHtml | string | null | undefined) =>
  value === null || value === undefined || value === ''
    ? ''
    : html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;

function summaryCard(s: StoredSummary, ctx: PageContext): SafeHtml {
  const L = ctx.labels;
  const F = ctx.app.field;
  const lang = langAttribute(s.language);
  const status = s.status === 'ok' ? 'ok' : L.status[s.status];
  const fields = s.fields
    ? html`<dl class="fields"${lang}>${SUMMARY_FIELDS.map(
        (k) => html`<dt>${k === 'tldr' ? L.tldr : L[k]}</dt><dd>${s.fields![k]}</dd>`,
      )}</dl>`
    : '';
  const facts = [
    row(F.status, status),
    row(F.summarizer, s.summarizer),
    row(F.promptVersion, s.promptVersion),
    row(F.version, s.version > 0 ? `v${s.version}` : '—'),
    row(F.flags, s.flags.length ? html`${s.flags.map((f) => html`${flagBadge(f, L, s.language)} `)}` : null),
    row(F.error, s.error),
    row(F.summarizedAt, s.updatedAt),
  ];
  return html`<article class="paper summary-card" data-language="${s.language}" data-status="${s.status}">
<h3>${s.language} \u00b7 ${s.summarizer}</h3>
<table class="facts">${facts}</table>
${fields}</article>
`;
}

/** Summaries of the reader's language first, then the other languages alphabetically. */
function summariesSection(d: PaperDetails, ctx: PageContext, language: string): SafeHtml {
  const sorted = [...d.summaries].sort(
    (a, b) =>
      Number(b.language === language) - Number(a.language === language) ||
      a.language.localeCompare(b.language) ||
      b.updatedAt.localeCompare(a.updatedAt),
  );
  const cards = sorted.length ? sorted.map((s) => summaryCard(s, ctx)) : html`<p>${ctx.app.noSummaries}</p>`;
  return html`<section aria-labelledby="summaries"><h2 id="summaries">${ctx.app.summaries} <span class="n">(${sorted.length})</span></h2>
${cards}
</section>
`;
}

function metadataSection(d: PaperDetails, ctx: PageContext): SafeHtml {
  const p = d.paper;
  const F = ctx.app.field;
  const L = ctx.labels;
  const doiUrl = p.doi ? safeHttpUrl(`https://doi.org/${encodeURI(p.doi.trim())}`) : null;
  const doi = doiUrl ? html`<a href="${doiUrl}" rel="nofollow noopener">${p.doi}</a>` : p.doi;
  const facts = [
    row(F.id, p.id),
    row(F.version, p.version === null ? null : `v${p.version}`),
    row(F.authors, p.authors.join(', ')),
    row(F.categories, p.categories.join(' ')),
    row(F.published, p.published),
    row(F.updated, p.updated),
    row(L.comment, p.comment),
    row(F.journalRef, p.journalRef),
    row(F.doi, doi),
    row(L.abstract, p.abstract),
  ];
  return html`<section aria-labelledby="metadata"><h2 id="metadata">${ctx.app.metadata}</h2>
<table class="facts">${facts}</table>
</section>
`;
}

/** arXiv's page of each version up to the latest stored, and the days the paper was listed. */
function historySection(d: PaperDetails, ctx: PageContext): SafeHtml {
  const F = ctx.app.field;
  const latest = d.paper.version ?? 0;
  const versions = Array.from({ length: latest }, (_, i) => i + 1).map((v) => {
    const href = safeHttpUrl(`${absUrl(d.paper.id)}v${v}`);
    return href ? html`<a href="${href}">v${v}</a> ` : html`v${v} `;
  });
  const kinds = ctx.labels.kind;
  const rows = d.announcements.map((a) => {
    const kind = a.kind === 'new' ? 'new' : kinds[a.kind];
    const version = a.version === null ? '—' : `v${a.version}`;
    return html`<tr><td><a href="${`${dayPath(a.date)}#${d.paper.id}`}">${a.date}</a></td><td>${a.category}</td><td>${kind}</td><td>${version}</td></tr>`;
  });
  const table = rows.length
    ? html`<table class="facts"><thead><tr><th>${F.date}</th><th>${F.listing}</th><th>${F.kind}</th><th>${F.version}</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p>—</p>`;
  return html`<section aria-labelledby="versions"><h2 id="versions">${ctx.app.versions}</h2>
<p class="links">${versions.length ? versions : '—'}</p>
<h2 id="announcements">${ctx.app.announcements} <span class="n">(${d.announcements.length})</span></h2>
${table}
</section>
`;
}

function codeSection(d: PaperDetails, ctx: PageContext): SafeHtml {
  if (!d.codeLinks.length) return html``;
  const F = ctx.app.field;
  const items = d.codeLinks.map((l) => {
    const href = safeHttpUrl(l.url);
    const link = href ? html`<a href="${href}" rel="nofollow noopener">${l.url}</a>` : l.url;
    const stars =
      typeof l.stars === 'number' ? html` <span class="stars" title="${F.stars}">\u2605 ${l.stars}</span>` : '';
    const updated = l.lastUpdate ? html` <small>(${F.lastUpdate} ${l.lastUpdate})</small>` : '';
    return html`<li>${link}${stars}${updated}</li>`;
  });
  return html`<section aria-labelledby="code"><h2 id="code">${ctx.app.codeLinks}</h2><ul class="code-links">${items}</ul></section>
`;
}

function bibtexSection(d: PaperDetails, ctx: PageContext): SafeHtml {
  const A = ctx.app;
  return html`<section aria-labelledby="bibtex-title"><h2 id="bibtex-title">${A.bibtex}</h2>
<pre class="bibtex" id="bibtex">${d.bibtex}</pre>
<button type="button" class="btn js-only" data-copy="bibtex" data-done="${A.copied}">${A.copy}</button>
</section>
`;
}

function similarSection(similar: readonly SearchHit[], ctx: PageContext): SafeHtml {
  const list = similar.length
    ? html`<ol class="hits similar">\n${similar.map((h) => hitItem(h))}</ol>`
    : html`<p>${ctx.app.noSimilar}</p>`;
  return html`<section aria-labelledby="similar"><h2 id="similar">${ctx.app.similar}</h2>
${list}
</section>
`;
}

export function paperMain(
  d: PaperDetails,
  similar: readonly SearchHit[],
  ctx: PageContext,
  language: string,
): SafeHtml {
  const p = d.paper;
  const latest = d.announcements[0]?.date;
  const card = cardsHtml([d.card], new Map([[p.id, d.mark]]), ctx.labels, ctx.app, language, () => paperPath(p.id));
  const day = latest ? html`<span><a href="${`${dayPath(latest)}#${p.id}`}">${latest}</a></span>` : '';
  const version = p.version ? `v${p.version}` : '';
  return html`<div class="paper-page">
<div class="day-head"><h1>${p.title}</h1><p class="counts"><span>${p.id}${version}</span><span>${d.card.primary}</span>${day}</p></div>
${card}
${summariesSection(d, ctx, language)}${metadataSection(d, ctx)}${historySection(d, ctx)}${codeSection(d, ctx)}${bibtexSection(d, ctx)}${similarSection(similar, ctx)}</div>
`;
}
