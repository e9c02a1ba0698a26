/**
 * Citation exports of a day's papers: BibTeX (`@misc` entries in arXiv's own style) and RIS.
 * Pure and deterministic; the papers in the digest's order. Metadata only (no summaries).
 *
 * BibTeX values compile: a plain `pdflatex` + `bibtex` build with the standard styles (plain,
 * unsrt, alpha, abbrv; OT1, nothing loaded) and BibLaTeX + biber typeset every entry of every
 * real day without an error (bench/outputs.ts builds them). arXiv's LaTeX is kept
 * (`$\mathcal{O}(n)$`, `\"u`); what would break is rewritten (latex-text.ts: `_`, `^`, `<`, URLs,
 * Greek and T1-only letters), and then:
 * - `%`, `&` and `#` not already escaped become `\%`, `\&`, `\#`: BibTeX copies them through, and
 *   LaTeX then reads `%` as a comment and `&`/`#` as errors;
 * - braces are balanced the way BibTeX counts them (escaped `\{` `\}` count too) and LaTeX
 *   reads them (a group brace pairs with a group brace, `\{` with `\}`): an unmatched brace is
 *   dropped (with its backslash when escaped), since an unbalanced value swallows the rest of
 *   the file in BibTeX and an added brace would be an error in LaTeX;
 * - whitespace runs and control characters become one space (titles arrive with line breaks).
 * `url` and `doi` are verbatim fields in biblatex and hyperref, so they are not escaped (only
 * braces and spaces, which cannot occur in a valid one, are removed).
 *
 * Authors are written `Family, Given` (person-name.ts), so BibTeX, biber and reference managers
 * agree on the family name whatever particles or suffixes a name has; a collaboration is braced
 * whole.
 *
 * Keys are `arxiv:ID` (`/` of old-style ids becomes `_`): unique within a day and stable across
 * runs, unlike author-year keys that depend on the other papers of the file.
 */
import { absUrl, pdfUrl } from '../core/arxiv-id.js';
import type { Paper } from '../core/types.js';
import type { DayPaper, DayView } from '../core/day-view.js';
import { bibtexPreamble, latexText } from './latex-text.js';
import { splitName } from './person-name.js';
import type { Renderer } from './renderer.js';

// C0 controls and DEL: meaningless in citations and rejected by some RIS readers.
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** One line of text: control characters and whitespace runs become single spaces. */
const oneLine = (text: string): string => text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();

/** The citation key of a paper. */
export const bibtexKey = (id: string): string => `arxiv:${id.replace(/\//g, '_')}`;

/**
 * A paper's year: of its first version when known, else read from the id (`2401.…` → 2024,
 * `hep-th/9901…` → 1999), else the announcement date's.
 */
export function paperYear(paper: Paper, fallbackDate: string): string {
  const published = /^(\d{4})-/.exec(paper.published ?? '');
  if (published) return published[1]!;
  const modern = /^(\d{2})\d{2}\.\d{4,5}$/.exec(paper.id);
  if (modern) return `20${modern[1]}`;
  const old = /\/(\d{2})\d{5}$/.exec(paper.id);
  if (old) return `${Number(old[1]) >= 91 ? 19 : 20}${old[1]}`;
  return fallbackDate.slice(0, 4);
}

/** A BibTeX value with arXiv's LaTeX kept: specials escaped, braces balanced (see the header). */
export function bibtexText(raw: string): string {
  const s = latexText(oneLine(raw));
  const out: string[] = [];
  // Output indexes of the `{` still open, and whether each was written as `\{`.
  const open: { at: number; escaped: boolean }[] = [];
  let backslashes = 0;
  for (const ch of s) {
    const escaped = backslashes % 2 === 1;
    if (ch === '%' || ch === '&' || ch === '#') {
      out.push(escaped ? ch : `\\${ch}`);
    } else if (ch === '{') {
      open.push({ at: out.length, escaped });
      out.push(ch);
    } else if (ch === '}') {
      // A pair must be two group braces or two literal ones: BibTeX would accept `{ … \}`, but
      // LaTeX would then see a group that never closes.
      if (open.length && open[open.length - 1]!.escaped === escaped) {
        open.pop();
        out.push(ch);
      } else if (escaped) {
        out.pop(); // the backslash of an unmatched `\}`
      }
    } else {
      out.push(ch);
    }
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  // A lone trailing backslash would escape the closing brace of the value in LaTeX.
  if (backslashes % 2 === 1) out.pop();
  for (const o of open.reverse()) {
    out[o.at] = '';
    if (o.escaped) out[o.at - 1] = '';
  }
  return out.join('');
}

/** `url`/`doi`: verbatim fields; only what cannot be in a valid one and would break BibTeX goes. */
const verbatim = (text: string): string => text.replace(/[{}\s]/g, '').replace(CONTROL, '');

/** A BibTeX name: `Family, Given` (`Family, Jr, Given`), or a name without a family name braced whole. */
function bibtexName(raw: string): string {
  const n = splitName(oneLine(raw));
  if (!n) {
    const whole = bibtexText(raw);
    return whole && `{${whole}}`;
  }
  // A part that still holds the word "and" or a comma is braced, so BibTeX neither splits the
  // name into two people nor reads the comma as a separator.
  const part = (text: string) => {
    const t = bibtexText(text);
    return /(^|\s)and(\s|$)/i.test(t) || t.includes(',') ? `{${t}}` : t;
  };
  return [part(n.family), ...(n.suffix ? [part(n.suffix)] : []), ...(n.given ? [part(n.given)] : [])].join(', ');
}

/** `Zhang, Xinze and van Beethoven, Ludwig and {ATLAS Collaboration}`. */
export function bibtexAuthors(authors: readonly string[]): string {
  return authors
    .map(bibtexName)
    .filter((a) => a !== '')
    .join(' and ');
}

function note(p: Paper): string | null {
  const parts = [p.journalRef, p.comment].map((x) => oneLine(x ?? '')).filter((x) => x !== '');
  return parts.length ? parts.join('; ') : null;
}

function bibtexEntry(dp: DayPaper, date: string): string {
  const p = dp.paper;
  const fields: [string, string][] = [['title', bibtexText(p.title)]];
  const authors = bibtexAuthors(p.authors);
  if (authors) fields.push(['author', authors]);
  fields.push(
    ['year', paperYear(p, date)],
    ['eprint', verbatim(p.id)],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', bibtexText(dp.primary)],
    ['url', verbatim(absUrl(p.id))],
  );
  if (p.doi && verbatim(p.doi)) fields.push(['doi', verbatim(p.doi)]);
  const n = note(p);
  if (n) fields.push(['note', bibtexText(n)]);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@misc{${bibtexKey(p.id)},\n${body}\n}\n`;
}

export function renderBibtex(day: DayView): string {
  const entries = day.papers.map((p) => bibtexEntry(p, day.date)).join('\n');
  const preamble = bibtexPreamble(entries);
  return preamble ? `${preamble}\n${entries}` : entries;
}

/** RIS's `Family, Given, Suffix`; a name without a family name (a collaboration) as it is. */
export function risName(raw: string): string {
  const n = splitName(oneLine(raw));
  if (!n) return oneLine(raw);
  return [n.family, n.given, ...(n.suffix ? [n.suffix] : [])].join(', ');
}

/**
 * RIS (one `TAG  - value` per line, records ending `ER  - `). `JOUR` when arXiv knows a journal
 * reference, else `GEN`; authors one `AU` each as `Family, Given` (the RIS specification's form:
 * a name without a comma is read as a literal with no family name — citation-js, and so Zotero's
 * CSL, keep it whole). Lines end in LF like every other output of ours; readers accept it.
 * Values are single lines (line breaks become spaces).
 */
function risRecord(dp: DayPaper, date: string): string {
  const p = dp.paper;
  const lines: string[] = [];
  const add = (tag: string, value: string | null | undefined): void => {
    const v = oneLine(value ?? '');
    if (v) lines.push(`${tag}  - ${v}`);
  };
  lines.push(`TY  - ${p.journalRef ? 'JOUR' : 'GEN'}`);
  add('TI', p.title);
  for (const a of p.authors) add('AU', risName(a));
  add('AB', p.abstract);
  add('PY', paperYear(p, date));
  const published = /^(\d{4})-(\d{2})-(\d{2})/.exec(p.published ?? '');
  if (published) add('DA', `${published[1]}/${published[2]}/${published[3]}`);
  add('UR', absUrl(p.id));
  add('L1', pdfUrl(p.id));
  add('DO', p.doi);
  for (const c of p.categories) add('KW', c);
  add('M1', p.id);
  add('N1', note(p));
  add('DB', 'arXiv');
  lines.push('ER  - ');
  return `${lines.join('\n')}\n`;
}

export function renderRis(day: DayView): string {
  return day.papers.map((p) => risRecord(p, day.date)).join('\n');
}

export const bibtexRenderer: Renderer = {
  format: 'bibtex',
  summaries: false,
  fileName: (day) => `${day.date}.bib`,
  render: renderBibtex,
};

export const risRenderer: Renderer = {
  format: 'ris',
  summaries: false,
  fileName: (day) => `${day.date}.ris`,
  render: renderRis,
};
