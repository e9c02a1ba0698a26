/**
 * The reference system's JSONL files. `raw-jsonl` has one line per announcement (a paper once
 * for each listing it appeared in, as the reference crawler wrote it); `jsonl` (enhanced) has
 * one line per paper with its `AI` summary. A paper without a summary in the language keeps its
 * line, with `summary_status` instead of `AI`.
 */
import { absUrl, pdfUrl } from '../core/arxiv-id.js';
import type { DayPaper, DayView } from '../core/day-view.js';
import { pyDumps, type PyValue } from './py-json.js';
import type { Renderer } from './renderer.js';
import { PLACEHOLDER_FLAG } from '../core/placeholders.js';

function rawObject(p: DayPaper): { [k: string]: PyValue | undefined } {
  return {
    id: p.paper.id,
    categories: p.paper.categories,
    pdf: pdfUrl(p.paper.id),
    abs: absUrl(p.paper.id),
    authors: p.paper.authors,
    title: p.paper.title,
    comment: p.paper.comment,
    summary: p.paper.abstract,
  };
}

function enhancedObject(p: DayPaper): { [k: string]: PyValue | undefined } {
  const o = rawObject(p);
  if (p.code) {
    o.code_url = p.code.url;
    o.code_stars = p.code.stars ?? undefined;
    o.code_last_update = p.code.lastUpdate ?? undefined;
  }
  if (p.summary.status === 'ok') {
    const f = p.summary.summary.fields!;
    o.AI = { tldr: f.tldr, motivation: f.motivation, method: f.method, result: f.result, conclusion: f.conclusion };
    // Our checks' flags ride along; imported reference summaries have none, so their lines stay identical.
    const flags = p.summary.summary.flags.filter((x) => x !== PLACEHOLDER_FLAG);
    if (flags.length) o.AI_flags = flags;
  } else {
    o.summary_status = { status: p.summary.status, reason: p.summary.reason };
  }
  return o;
}

const lines = (objects: { [k: string]: PyValue | undefined }[], ensureAscii: boolean): string =>
  objects.map((o) => `${pyDumps(o, ensureAscii)}\n`).join('');

/**
 * The digest's papers in stored order (the Markdown regroups them by category; the JSONL files do
 * not). Papers the day's published digest did not list are in the raw JSONL only.
 */
const storedOrder = (day: DayView): DayPaper[] => {
  const listed = new Set(day.papers);
  return [...new Set(day.listings.map((l) => l.paper))].filter((p) => listed.has(p));
};

export const enhancedJsonlRenderer: Renderer = {
  format: 'jsonl',
  summaries: true,
  fileName: (day) => `${day.date}_AI_enhanced_${day.language}.jsonl`,
  render: (day) => lines(storedOrder(day).map(enhancedObject), true),
};

export const rawJsonlRenderer: Renderer = {
  format: 'raw-jsonl',
  summaries: false,
  fileName: (day) => `${day.date}.jsonl`,
  render: (day) =>
    lines(
      day.listings.map((l) => rawObject(l.paper)),
      false,
    ),
};
