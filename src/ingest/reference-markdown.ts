/**
 * Parses a reference Markdown digest (the format of fixtures/seed/digest.md, which our own
 * `render --format markdown` also writes) back into papers and summaries. A digest knows only
 * the primary category, so papers parsed here are marked `categoriesPartial`.
 */
import { arxivIdFromUrl } from '../core/arxiv-id.js';
import type { SummaryFields } from '../core/types.js';
import type { LineRejection, ReferenceRecord } from './reference-record.js';

const HEADING = /^### \[(\d+)\] \[(.*)\]\((\S+)\)$/;
const DETAIL_LABELS = ['Motivation', 'Method', 'Result', 'Conclusion'] as const;

export interface ParsedMarkdown {
  /** Category order from the table of contents. */
  categories: string[];
  records: ReferenceRecord[];
  rejects: LineRejection[];
}

export const looksLikeDigest = (text: string): boolean =>
  /^\uFEFF?(<div id=toc><\/div>\s*\n)?\s*# Table of Contents\s*$/m.test(text.slice(0, 400));

export function parseReferenceMarkdown(text: string): ParsedMarkdown {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const categories: string[] = [];
  const records: ReferenceRecord[] = [];
  const rejects: LineRejection[] = [];
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const toc = /^- \[([^\]]+)\]\(#[^)]*\) \[Total: \d+\]$/.exec(l);
    if (toc) categories.push(toc[1]!);
    else if (l.startsWith('### [')) starts.push(i);
  }
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    let to = k + 1 < starts.length ? starts[k + 1]! : lines.length;
    // A category header ends the previous category's last entry.
    for (let j = from + 1; j < to; j++) if (lines[j]!.startsWith("<div id='")) to = j;
    const r = parseEntry(lines.slice(from, to), from + 1);
    if ('reason' in r) rejects.push(r);
    else records.push(r);
  }
  return { categories, records, rejects };
}

function parseEntry(block: string[], line: number): ReferenceRecord | LineRejection {
  const fail = (reason: string): LineRejection => ({ line, reason });
  const head = HEADING.exec(block[0]!);
  if (!head) return fail('expected an entry heading "### [N] [Title](https://arxiv.org/abs/ID)"');
  const id = arxivIdFromUrl(head[3]!);
  if (!id) return fail(`expected an arXiv abstract link, got ${JSON.stringify(head[3])}`);
  const title = head[2]!;
  if (title.trim() === '') return fail('empty title');
  const authorsLine = block[1] ?? '';
  if (!/^\*.*\*$/.test(authorsLine)) return fail('expected the authors line "*Name,Name*" after the heading');
  const authorsText = authorsLine.slice(1, -1);
  const cat = /^Main category: (\S+)$/.exec(block[3] ?? '');
  if (!cat) return fail('expected "Main category: CATEGORY" after the authors');
  const statusLine = block[5] ?? '';
  const open = block.indexOf('<details>');
  let close = -1;
  for (let i = block.length - 1; i > open; i--)
    if (block[i] === '</details>') {
      close = i;
      break;
    }
  if (open < 0 || close < 0 || block[open + 1] !== '  <summary>Details</summary>') {
    return fail('expected a "<details>" block with "  <summary>Details</summary>"');
  }
  const body = block.slice(open + 2, close).join('\n');
  const abstractAt = body.startsWith('Abstract: ') ? 0 : body.indexOf('\n\nAbstract: ');
  if (abstractAt < 0) return fail('expected "Abstract: …" inside the details block');
  const abstract = body.slice(abstractAt + (abstractAt === 0 ? 10 : 12)).replace(/\n$/, '');
  let summary: SummaryFields | null = null;
  if (statusLine.startsWith('TL;DR: ')) {
    const values: string[] = [];
    let rest = body.slice(0, abstractAt);
    for (let i = 0; i < DETAIL_LABELS.length; i++) {
      const label = `${DETAIL_LABELS[i]}: `;
      if (!rest.startsWith(label)) return fail(`expected "${label.trim()}" in the details block`);
      const next = i + 1 < DETAIL_LABELS.length ? rest.indexOf(`\n\n${DETAIL_LABELS[i + 1]}: `) : rest.length;
      if (next < 0) return fail(`expected "${DETAIL_LABELS[i + 1]}:" in the details block`);
      values.push(rest.slice(label.length, next));
      rest = rest.slice(next + 2);
    }
    summary = {
      tldr: statusLine.slice(7),
      motivation: values[0]!,
      method: values[1]!,
      result: values[2]!,
      conclusion: values[3]!,
    };
  } else if (!statusLine.startsWith('Summary status: ')) {
    return fail('expected "TL;DR: …" or "Summary status: …" after the category line');
  }
  return {
    line,
    paper: {
      id: id.id,
      version: id.version,
      title,
      authors: authorsText === '' ? [] : authorsText.split(','),
      abstract,
      categories: [cat[1]!],
      categoriesPartial: true,
    },
    summary,
    code: null,
  };
}
