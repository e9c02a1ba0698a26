/**
 * What every delivery channel says about a day, before any platform's markup: the localized
 * labels, the reader's "For you" picks when the day was ranked (title, score, reason; before
 * everything else, and not counted against the cap), the papers that are sent in full (the cap,
 * shared fairly among the categories: choosePapers), each paper as plain text (title, authors,
 * TL;DR or an honest status line, check notes, links), and the line + links for the rest. Pure.
 *
 * Platforms format and escape this themselves; `fit` shortens a value to a budget measured in the
 * platform's escaped form, cutting only between grapheme clusters, so an escape sequence (`&amp;`,
 * `\*`) or a UTF-16 surrogate pair is never cut in half.
 */
import { absUrl, pdfUrl } from '../core/arxiv-id.js';
import { isPlaceholderText } from '../core/placeholders.js';
import { grouped } from '../core/text.js';
import { byScore, formatScore, type DayPaper } from '../core/day-view.js';
import { catalogFor, type CheckFlag, type DigestLabels } from '../ui/i18n/catalog.js';
import type { DigestMessage } from './types.js';

/**
 * The digest's locale: the primary language subtag of the UI catalog it is written with (`en`,
 * `zh`, `ja`): `Chinese`, `中文`, `zh-CN`, `Simplified Chinese` → zh; a language without a
 * catalog → en (src/ui/i18n).
 */
export type Locale = string;

export function localeOf(language: string): Locale {
  return catalogFor(language).digest.lang.split('-')[0]!;
}

export interface Labels extends Omit<DigestLabels, 'otherCheck'> {
  /** The note for a check the summary failed; null for bookkeeping flags (placeholder). */
  flag(flag: string): string | null;
}

/** Flags that are bookkeeping, not a warning for the reader. */
const SILENT_FLAGS = new Set(['placeholder']);

/** The digest's words in the UI language, with its sentence for each failed check. */
export function labelsFor(language: string): Labels {
  const { digest, checks } = catalogFor(language);
  const { otherCheck, ...words } = digest;
  return {
    ...words,
    flag: (flag) =>
      SILENT_FLAGS.has(flag) ? null : Object.hasOwn(checks, flag) ? checks[flag as CheckFlag] : otherCheck(flag),
  };
}

/** One paper as plain text: whitespace collapsed, control characters removed, links checked. */
export interface PaperItem {
  id: string;
  title: string;
  /** Names joined by `, `; more than MAX_AUTHORS shortened with "et al.". */
  authors: string;
  absUrl: string;
  pdfUrl: string;
  /** Only an http(s) URL is ever linked (a stored code link is untrusted data). */
  codeUrl: string | null;
  /** Null when the paper has no usable summary: then `status` says why. */
  tldr: string | null;
  status: string | null;
  /** One localized line per check the summary failed. */
  notes: string[];
}

/** One of the reader's picks of a ranked day, as plain text. */
export interface PickItem {
  id: string;
  title: string;
  absUrl: string;
  /** Localized: `score 0.62`. */
  score: string;
  /** Why it was picked (the reader's keywords, authors, library titles), one line; "" when none. */
  reason: string;
}

export interface Section {
  category: string;
  /** Papers of the category that day (shown or not). */
  count: number;
  papers: PaperItem[];
}

export interface DigestPlan {
  locale: Locale;
  labels: Labels;
  /** `arXiv digest 2026-09-23 — 312 papers` (all papers of the day, not only those shown). */
  title: string;
  /** `cs.CV 40 · cs.CL 32`. */
  overview: string;
  total: number;
  /** The For you picks, best first; empty for a day that was not ranked (or had no picks). */
  picks: PickItem[];
  /** The papers sent in full, grouped as the message orders them. */
  sections: Section[];
  /** Papers beyond the cap. */
  omitted: number;
  /** The cap line's text (null when nothing is omitted) and its links. */
  moreLine: string | null;
  rest: { label: string; url: string }[];
  /** The day's page, when the site is published. */
  url: string | null;
}

export const MAX_AUTHORS = 10;

/**
 * Longest escaped length of each part of a chat entry. With them an entry stays under ~2,700
 * UTF-16 units in any platform's markup (links included; a code URL is at most 500), so it fits
 * the smallest container it goes into (Slack's 3,000-character section) and is never split.
 */
export const ENTRY_BUDGET = {
  title: 300,
  authors: 250,
  tldr: 1000,
  status: 400,
  note: 150,
  notes: 3,
  reason: 300,
} as const;

/** arXiv's catch-up page of one category for one listing day (kept by arXiv for 90 days). */
export const arxivListingUrl = (category: string, date: string): string =>
  `https://arxiv.org/catchup/${encodeURIComponent(category)}/${date}`;

// C0/C1 controls and the Unicode line separators: invisible in chat, and some break a platform's parser.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One line of plain text: arXiv titles and abstracts carry hard line breaks and stray controls. */
export const oneLine = (s: string): string => s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();

/** The URL when it is an absolute http(s) URL without spaces or quotes, else null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  if (u.length > 500 || !/^https?:\/\/[^\s"'<>\\^`{|}]+$/i.test(u)) return null;
  try {
    return new URL(u).href;
  } catch {
    return null;
  }
}

function paperItem(p: DayPaper, labels: Labels): PaperItem {
  const names = p.paper.authors.map(oneLine).filter(Boolean);
  const authors =
    names.length > MAX_AUTHORS ? `${names.slice(0, MAX_AUTHORS).join(', ')} ${labels.etAl}` : names.join(', ');
  let tldr: string | null = null;
  let status: string | null = null;
  let notes: string[] = [];
  if (p.summary.status === 'ok') {
    const text = oneLine(p.summary.summary.fields?.tldr ?? '');
    // A flagged reference placeholder ("Summary generation failed") is never shown as a summary.
    if (isPlaceholderText(text)) status = labels.status('failed', labels.placeholderReason);
    else {
      tldr = text;
      notes = p.summary.summary.flags.map(labels.flag).filter((n): n is string => n !== null);
    }
  } else status = labels.status(p.summary.status, oneLine(p.summary.reason));
  return {
    id: p.paper.id,
    title: oneLine(p.paper.title) || p.paper.id,
    authors,
    absUrl: absUrl(p.paper.id),
    pdfUrl: pdfUrl(p.paper.id),
    codeUrl: safeUrl(p.code?.url),
    tldr,
    status,
    notes,
  };
}

function pickItem(p: DayPaper, labels: Labels): PickItem {
  return {
    id: p.paper.id,
    title: oneLine(p.paper.title) || p.paper.id,
    absUrl: absUrl(p.paper.id),
    score: labels.score(formatScore(p.rank?.score ?? 0)),
    reason: oneLine(p.rank?.reason ?? ''),
  };
}

/** The cap applied: non-finite or missing caps send everything, negative ones nothing. */
export function capOf(maxPapers: number, total: number): number {
  if (!Number.isFinite(maxPapers)) return total;
  return Math.min(total, Math.max(0, Math.floor(maxPapers)));
}

/**
 * The papers sent in full when at most `cap` of them fit: a fair share of the cap for every
 * category (max-min: each category gets the same number, a category with fewer papers gives its
 * unused share to the others, and a remainder goes to the categories first in the reader's
 * order), and within a category, on a day ranked for the reader (`ranked`: the message has
 * its For you picks), its best papers by score (DayView `rank`), else the first in digest order. Taking the first `cap` in digest order instead would send a
 * 300-paper day's first category in full (all 50 papers cs.CV) and every later category as a
 * bare count. Returned grouped by category in display order, best first within a ranked one.
 */
export function choosePapers(papers: readonly DayPaper[], cap: number, ranked: boolean): DayPaper[] {
  if (cap >= papers.length && !ranked) return [...papers];
  const groups = new Map<string, DayPaper[]>();
  for (const p of papers) {
    const g = groups.get(p.primary);
    if (g) g.push(p);
    else groups.set(p.primary, [p]);
  }
  const cats = [...groups.keys()];
  const quota = new Map(cats.map((c) => [c, 0]));
  let left = Math.max(0, cap);
  while (left > 0) {
    const open = cats.filter((c) => quota.get(c)! < groups.get(c)!.length);
    if (!open.length) break;
    const share = Math.max(1, Math.floor(left / open.length));
    for (const c of open) {
      const give = Math.min(share, groups.get(c)!.length - quota.get(c)!, left);
      quota.set(c, quota.get(c)! + give);
      left -= give;
      if (left === 0) break;
    }
  }
  return cats.flatMap((c) => (ranked ? byScore(groups.get(c)!) : groups.get(c)!).slice(0, quota.get(c)));
}

export function planDigest(message: DigestMessage): DigestPlan {
  const uiLanguage = message.uiLanguage ?? message.language;
  const locale = localeOf(uiLanguage);
  const labels = labelsFor(uiLanguage);
  const total = message.papers.length;
  const shown = choosePapers(message.papers, capOf(message.maxPapers, total), message.forYou !== undefined);
  const countOf = (name: string) =>
    message.categories.find((c) => c.name === name)?.count ?? message.papers.filter((p) => p.primary === name).length;

  const sections: Section[] = [];
  for (const p of shown) {
    const last = sections.at(-1);
    const item = paperItem(p, labels);
    if (last && last.category === p.primary) last.papers.push(item);
    else sections.push({ category: p.primary, count: countOf(p.primary), papers: [item] });
  }

  const sent = new Set(shown);
  const omittedPapers = message.papers.filter((p) => !sent.has(p));
  const url = safeUrl(message.url);
  let rest: DigestPlan['rest'] = [];
  if (omittedPapers.length > 0) {
    if (url) rest = [{ label: labels.fullDigest, url }];
    else {
      // Without a site, arXiv's own listing of each category that has papers left out.
      const cats = [...new Set(omittedPapers.map((p) => p.primary))];
      rest = cats.map((c) => ({ label: labels.listing(c), url: arxivListingUrl(c, message.date) }));
    }
  }
  const overviewCats = message.categories.length
    ? message.categories
    : [...new Set(message.papers.map((p) => p.primary))].map((name) => ({ name, count: countOf(name) }));
  return {
    locale,
    labels,
    title: labels.title(message.date, total),
    overview: overviewCats.map((c) => `${c.name} ${grouped(c.count)}`).join(' · '),
    total,
    picks: (message.forYou ?? []).map((p) => pickItem(p, labels)),
    sections,
    omitted: omittedPapers.length,
    moreLine: omittedPapers.length ? labels.more(omittedPapers.length) : null,
    rest,
    url,
  };
}

// ---------------------------------------------------------------------------------------------
// Shortening without breaking anything

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `escape(plain)` when it is at most `max` UTF-16 code units long; else the longest prefix of
 * whole grapheme clusters whose escaped form plus an escaped `…` fits. `escape` must work
 * character by character (escaping a string = escaping its pieces), which every platform's
 * escaping here does.
 */
export function fit(plain: string, max: number, escape: (s: string) => string = (s) => s): string {
  const whole = escape(plain);
  if (whole.length <= max) return whole;
  const ellipsis = escape('…');
  const budget = max - ellipsis.length;
  if (budget <= 0) return ellipsis.length <= max ? ellipsis : '';
  let out = '';
  for (const { segment } of graphemes.segment(plain)) {
    const e = escape(segment);
    if (out.length + e.length > budget) break;
    out += e;
  }
  return out.trimEnd() + ellipsis;
}

/**
 * Pieces joined by `sep` while the result stays within `max`: the cap line's links (one per
 * category left out, on a day without a site) must not push a post over its limit.
 */
export function joinWithin(pieces: readonly string[], sep: string, max: number): string {
  let out = '';
  for (const p of pieces) {
    const next = out ? `${out}${sep}${p}` : p;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** True when the string has a lone UTF-16 surrogate (what a careless cut leaves behind). */
export const hasLoneSurrogate = (s: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** How a chat platform marks up text (Slack mrkdwn, Discord Markdown, Telegram HTML). */
export interface TextMarkup {
  escape: (s: string) => string;
  /** `label` is already escaped. */
  link: (url: string, label: string) => string;
  bold: (s: string) => string;
  italic: (s: string) => string;
  /** How the authors line is set: plain on some platforms, italic on others. */
  authors: (s: string) => string;
  /** Before each note about a failed check of the summary. */
  warning: string;
}

/** One paper of the digest in a platform's text markup: title, authors, TL;DR or status, notes, links. */
export function textEntry(p: PaperItem, l: Labels, m: TextMarkup): string {
  const lines = [m.bold(m.link(p.absUrl, fit(p.title, ENTRY_BUDGET.title, m.escape)))];
  if (p.authors) lines.push(m.authors(fit(p.authors, ENTRY_BUDGET.authors, m.escape)));
  if (p.tldr !== null) lines.push(`${m.bold(m.escape(l.tldr))} ${fit(p.tldr, ENTRY_BUDGET.tldr, m.escape)}`);
  else if (p.status) lines.push(m.italic(fit(p.status, ENTRY_BUDGET.status, m.escape)));
  for (const n of p.notes.slice(0, ENTRY_BUDGET.notes))
    lines.push(`${m.warning} ${fit(n, ENTRY_BUDGET.note, m.escape)}`);
  const links = [m.link(p.absUrl, m.escape(l.abs)), m.link(p.pdfUrl, m.escape(l.pdf))];
  if (p.codeUrl) links.push(m.link(p.codeUrl, m.escape(l.code)));
  lines.push(links.join(' · '));
  return lines.join('\n');
}

/** One pick of a ranked day in a platform's text markup: the title linked, its score, the reason below. */
export function textPick(p: PickItem, m: TextMarkup): string {
  const head = `${m.bold(m.link(p.absUrl, fit(p.title, ENTRY_BUDGET.title, m.escape)))} · ${m.escape(p.score)}`;
  return p.reason ? `${head}\n${m.italic(fit(p.reason, ENTRY_BUDGET.reason, m.escape))}` : head;
}
