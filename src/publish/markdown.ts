/**
 * The reference system's Markdown digest, byte for byte: table of contents, one section per
 * category, one counter across categories. A paper without a summary keeps its place with an
 * honest "Summary status" line and its abstract, never placeholder text.
 */
import { absUrl } from '../core/arxiv-id.js';
import type { DayPaper, DayView } from './day-view.js';
import type { Renderer } from './renderer.js';
import { FLAGS } from '../summarize/types.js';

// Python's str.strip() whitespace, which the reference applies to the TL;DR.
const pyStrip = (s: string): string => s.replace(/^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/g, '');

/**
 * One warning line per check a summary failed, between the TL;DR and the details. Imported
 * reference summaries carry no such flags, so reference days stay byte-identical.
 */
function flagNotes(flags: readonly string[]): string {
  let out = '';
  for (const f of flags) {
    const text = FLAG_NOTES[f];
    if (text) out += `\n⚠ ${text}\n`;
  }
  return out;
}

const FLAG_NOTES: Record<string, string> = {
  [FLAGS.unsupportedNumber]: 'Check: this summary has a number that is not in the abstract.',
  [FLAGS.languageMismatch]: 'Check: this summary is not in the requested language.',
  [FLAGS.untranslated]: "Offline summary in the abstract's language (not translated).",
};

function entry(p: DayPaper, idx: number): string {
  const head = `### [${idx}] [${p.paper.title}](${absUrl(p.paper.id)})\n*${p.paper.authors.join(',')}*\n\nMain category: ${p.primary}\n\n`;
  const abstract = `Abstract: ${p.paper.abstract}\n\n</details>\n`;
  if (p.summary.status !== 'ok') {
    return `${head}Summary status: ${p.summary.status} — ${p.summary.reason}\n\n\n<details>\n  <summary>Details</summary>\n${abstract}`;
  }
  const f = p.summary.summary.fields!;
  const notes = flagNotes(p.summary.summary.flags);
  return (
    `${head}TL;DR: ${pyStrip(f.tldr)}\n${notes}\n\n<details>\n  <summary>Details</summary>\n` +
    `Motivation: ${f.motivation}\n\nMethod: ${f.method}\n\nResult: ${f.result}\n\nConclusion: ${f.conclusion}\n\n${abstract}`
  );
}

export function renderMarkdown(day: DayView): string {
  // Built with += on purpose: V8 concatenates into a rope and flattens once, which is about twice
  // as fast as collecting parts and joining them (bench/: 532 papers in ~1 ms).
  let out = '<div id=toc></div>\n\n# Table of Contents\n\n';
  for (const c of day.categories) out += `- [${c.name}](#${c.name}) [Total: ${c.count}]\n`;
  let idx = 0;
  for (const c of day.categories) {
    out += `\n\n<div id='${c.name}'></div>\n\n# ${c.name} [[Back]](#toc)\n\n`;
    for (let n = 0; n < c.count; n++) {
      if (n > 0) out += '\n\n';
      out += entry(day.papers[idx]!, idx + 1);
      idx++;
    }
  }
  return out;
}

export const markdownRenderer: Renderer = {
  format: 'markdown',
  summaries: true,
  fileName: (day) => `${day.date}.md`,
  render: renderMarkdown,
};
