/**
 * `render --format json`: our own complete view of a day, one JSON document (product.md). Every
 * paper carries `score` and `reason` from ranking: null and null when the day was not ranked (no
 * profile, library or ratings), else a number in (−1, 1) (src/rank/rank.ts) and a reason ("" when
 * nothing matched).
 */
import { absUrl, htmlUrl, pdfUrl } from '../core/arxiv-id.js';
import type { CodeLink } from '../core/types.js';
import type { DayPaper, DayView, SummaryState } from '../core/day-view.js';
import type { Renderer } from './renderer.js';

/** A paper's links, as the day document and the web app's API write them. */
export const paperLinks = (id: string, code: CodeLink | null) => ({
  abs: absUrl(id),
  pdf: pdfUrl(id),
  html: htmlUrl(id),
  code: code?.url ?? null,
  code_stars: code?.stars ?? null,
});

/** The summary shown (or why there is none), as the day document and the web app's API write it. */
export function shownSummary(s: SummaryState) {
  const fields = s.status === 'ok' ? s.summary.fields : null;
  return {
    status: s.status,
    tldr: fields?.tldr ?? null,
    motivation: fields?.motivation ?? null,
    method: fields?.method ?? null,
    result: fields?.result ?? null,
    conclusion: fields?.conclusion ?? null,
    reason: s.status === 'ok' ? null : s.reason,
    summarizer: s.summary?.summarizer ?? null,
    prompt_version: s.summary?.promptVersion ?? null,
    flags: s.summary?.flags ?? [],
  };
}

function paperJson(p: DayPaper, date: string) {
  return {
    id: p.paper.id,
    version: p.paper.version,
    title: p.paper.title,
    authors: p.paper.authors,
    categories: p.paper.categories,
    primary: p.primary,
    abstract: p.paper.abstract,
    comment: p.paper.comment,
    journal_ref: p.paper.journalRef,
    doi: p.paper.doi,
    published: p.paper.published,
    updated: p.paper.updated,
    links: paperLinks(p.paper.id, p.code),
    announcement: { date, kind: p.kind, listings: p.listings },
    summary: shownSummary(p.summary),
    score: p.rank?.score ?? null,
    reason: p.rank?.reason ?? null,
  };
}

export function renderJson(day: DayView): string {
  const doc = {
    date: day.date,
    language: day.language,
    categories: day.categories,
    papers: day.papers.map((p) => paperJson(p, day.date)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const jsonRenderer: Renderer = {
  format: 'json',
  summaries: true,
  fileName: (day) => `${day.date}.json`,
  render: renderJson,
};
