/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 over the last N announcement days. Pure: DayViews in, the
 * feed's text out, the same bytes for the same input (no clock; `generatedAt` is given).
 *
 * Written by hand rather than with the `feed` package (6.0.0), because that package
 * - writes JSON Feed version 1, not 1.1 (`author` instead of `authors`, no `language`);
 * - wraps titles and HTML in CDATA and splits only the *first* `]]>` (xml-js
 *   `replace(']]>', …)`), so an abstract with two `]]>` breaks out of the CDATA section and
 *   injects markup into the XML;
 * - "de-sanitizes" `&amp;` in text nodes, so a title containing the literal text `&amp;` is
 *   changed;
 * - writes Atom titles as `type="html"` with the raw title, so a hostile title is HTML.
 * The three formats are small enough that escaping every value ourselves is simpler to trust.
 *
 * Conventions:
 * - One item per paper: a paper announced on several of the given days appears once, at its
 *   latest day. Items are newest day first, the day's digest order within a day.
 * - The id (RSS guid, Atom id, JSON Feed id) is the paper's abs URL `https://arxiv.org/abs/ID`:
 *   stable across runs and days, so readers never show a paper twice.
 * - The date of an item is its announcement (listing) date at 00:00 US Eastern time (05:00Z in
 *   winter, 04:00Z in summer), written in UTC. Midnight Eastern rather than 00:00Z because it
 *   is arXiv's own time zone and shows as the listing date from the Americas to Asia; 00:00Z
 *   would show as the day before everywhere in the Americas.
 * - The feed's updated date is the newest day's; RSS's `lastBuildDate` is `generatedAt`, or that
 *   updated date when it is later (a build cannot predate what it contains; feed validators flag
 *   a `lastBuildDate` earlier than the `pubDate`); a feed with no days is dated by `generatedAt`.
 * - `maxBytes` bounds the feed's size (UTF-8): items are kept in order — newest day first, a
 *   ranked day's best first — while they fit, and the description says how many of how many
 *   papers it holds (`The newest 270 of 532 papers; all of them are on the site.`). Feed readers
 *   and hosts refuse or time out on multi-megabyte feeds, and a reader polls at least daily, so
 *   the newest items are the ones that matter.
 * - Titles are plain text (Atom `type="text"`, RSS titles per the RSS Board: no HTML), XML
 *   escaped; content is HTML whose text is HTML-escaped, then XML-escaped as a whole (no CDATA).
 *   Characters XML 1.0 forbids even as references (C0 controls, lone surrogates) are dropped.
 *
 * A day ranked for the reader (DayView `forYou` present; a day that was not is written as above):
 * - Its items are best first, not in digest order. A feed reader shows items in its own order,
 *   usually by date — and all of a day's papers share one date, so most readers fall back to the
 *   feed's order within the day: best first is what puts the papers worth reading at the top of
 *   a 300-item day. Equal scores (and papers without one, taken as neutral) keep digest order.
 * - Each item's content starts with its score and the reason; the For you picks also carry the
 *   category / tag `for-you`, which feed readers can filter and alert on; JSON Feed items carry
 *   `_arxiv_digest: {score, reason, for_you}`.
 * - `minScore` keeps only papers scoring at least that (0.5 = at least one strong signal, see
 *   src/rank/rank.ts): a reader who follows the feed on a phone wants the ten papers that matter,
 *   not the other 290. It is off by default: a feed that silently leaves papers out would surprise
 *   a reader who subscribed to "the digest", so dropping them is the reader's explicit choice. A
 *   day that was not ranked is never filtered: there is nothing to filter it by.
 */
import { absUrl, pdfUrl } from '../core/arxiv-id.js';
import { languageOf } from '../core/languages.js';
import { isPlaceholderText, PLACEHOLDER_FLAG } from '../core/placeholders.js';
import { SUMMARY_FIELDS, type SummaryField } from '../core/types.js';
import { easternInstant } from '../core/eastern-time.js';
import { byScore, formatScore, isRanked, type DayPaper, type DayView } from '../core/day-view.js';
import { esc } from '../ui/html.js';
import type { CheckFlag } from '../ui/i18n/catalog.js';
import ENGLISH from '../ui/i18n/en.js';

export interface FeedOptions {
  title: string;
  /** The digest's web site; the feed links to arXiv when null. */
  siteUrl: string | null;
  /** Where this feed is published (RSS/Atom `rel="self"`, JSON Feed `feed_url`). */
  feedUrl?: string | null;
  /** Summary language: a name (`English`, `Chinese`) or a BCP 47 tag (`en`, `zh-CN`). */
  language: string;
  /** ISO 8601 instant the feed is built at (RSS `lastBuildDate`). */
  generatedAt: string;
  /** Keep only papers of ranked days scoring at least this (see the header); null or absent keeps all. */
  minScore?: number | null;
  /** At most this many bytes of UTF-8: items are left out from the end (see the header). */
  maxBytes?: number | null;
}

export const GENERATOR = 'arxiv-digest';
const ARXIV_HOME = 'https://arxiv.org/';

/** One paper of the feed, at the latest of the given days it was announced on. */
export interface FeedEntry {
  paper: DayPaper;
  /** Announcement date `YYYY-MM-DD`. */
  date: string;
  /** The announcement date as an instant: 00:00 US Eastern. */
  instant: Date;
  /** The day was ranked for the reader: the item shows the paper's score and reason. */
  ranked: boolean;
  /** One of the reader's For you picks of that day. */
  pick: boolean;
}

/** The tag (RSS/Atom category, JSON Feed tag) of the reader's For you picks. */
export const FOR_YOU_TAG = 'for-you';

/** The instant an announcement date stands for in the feeds: midnight US Eastern. */
export const announcementInstant = (date: string): Date => easternInstant(date, 0);

/**
 * Papers of the days, once each, at their latest day; a ranked day's best first, without those
 * under `minScore`. The days are sorted newest first here (stable) rather than trusted to be, so
 * the "latest day wins" rule does not depend on the caller. A paper left out on its latest day
 * is not shown at an earlier one either.
 */
export function feedEntries(days: readonly DayView[], minScore: number | null = null): FeedEntry[] {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const seen = new Set<string>();
  const out: FeedEntry[] = [];
  for (const day of sorted) {
    const instant = announcementInstant(day.date);
    const ranked = isRanked(day);
    const picks = new Set(ranked ? day.forYou.map((p) => p.paper.id) : []);
    for (const paper of ranked ? byScore(day.papers) : day.papers) {
      if (seen.has(paper.paper.id)) continue;
      seen.add(paper.paper.id);
      if (ranked && minScore !== null && (paper.rank?.score ?? 0) < minScore) continue;
      out.push({ paper, date: day.date, instant, ranked, pick: picks.has(paper.paper.id) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text escaping

// XML 1.0 forbids these even as character references: a feed containing one is not well-formed.
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text node or attribute value for XML: the five predefined entities only, so any parser decodes it. */
export const xmlEscape = (text: string): string =>
  text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** HTML inside an item's content: the one HTML escaper (src/ui/html.ts). */
export const htmlEscape = esc;

/** Only http(s) links become hrefs: a stored code URL is data, and `javascript:` must not be clickable. */
const safeHref = (url: string): string | null => (/^https?:\/\/[^\s"<>]+$/i.test(url) ? url : null);

// ---------------------------------------------------------------------------------------------
// Item content

/** The note for a check a summary failed: the English catalog's, as in the Markdown digest. */
const flagNote = (flag: string): string =>
  Object.hasOwn(ENGLISH.checks, flag) ? ENGLISH.checks[flag as CheckFlag] : `Check: ${flag}`;

const FIELD_LABELS: Record<SummaryField, string> = {
  tldr: 'TL;DR',
  motivation: 'Motivation',
  method: 'Method',
  result: 'Result',
  conclusion: 'Conclusion',
};

/** The summary's fields to show; placeholder text (imported failure notices) is never shown. */
function shownFields(p: DayPaper): { field: SummaryField; text: string }[] {
  if (p.summary.status !== 'ok' || !p.summary.summary.fields) return [];
  const fields = p.summary.summary.fields;
  return SUMMARY_FIELDS.map((field) => ({ field, text: fields[field].trim() })).filter(
    ({ text }) => !isPlaceholderText(text),
  );
}

/**
 * One plain-text line standing for the summary: the TL;DR, or the honest status
 * (`Summary status: pending — not summarized in English yet`).
 */
export function summaryLine(p: DayPaper): string {
  if (p.summary.status !== 'ok') return `Summary status: ${p.summary.status} — ${p.summary.reason}`;
  const fields = shownFields(p);
  const tldr = fields.find((f) => f.field === 'tldr');
  if (tldr) return tldr.text;
  return fields.length
    ? 'Summary status: incomplete — the stored TL;DR is failure text and is left out'
    : 'Summary status: placeholder — only failure text was stored for this summary';
}

const para = (label: string, html: string): string => `<p><strong>${htmlEscape(label)}:</strong> ${html}</p>\n`;

/**
 * The item's HTML: on a ranked day (`ranking` given) its score and reason (`For you` on a pick),
 * then TL;DR, check notes, details, abstract, then authors, categories and links.
 */
export function paperHtml(p: DayPaper, ranking: { pick: boolean } | null = null): string {
  let html = '';
  if (ranking && p.rank) {
    const pick = ranking.pick;
    const reason = p.rank.reason.trim();
    html += para(pick ? 'For you' : 'Score', htmlEscape(`${formatScore(p.rank.score)}${reason ? ` — ${reason}` : ''}`));
  }
  const s = p.summary;
  if (s.status !== 'ok') {
    html += para('Summary status', htmlEscape(`${s.status} — ${s.reason}`));
  } else {
    const fields = shownFields(p);
    if (!fields.length) {
      html += para('Summary status', htmlEscape('placeholder — only failure text was stored for this summary'));
    } else {
      const tldr = fields.find((f) => f.field === 'tldr');
      if (tldr) html += para(FIELD_LABELS.tldr, htmlEscape(tldr.text));
      for (const flag of s.summary.flags) {
        if (flag === PLACEHOLDER_FLAG) continue;
        html += `<p><em>⚠ ${htmlEscape(flagNote(flag))}</em></p>\n`;
      }
      if (fields.length < SUMMARY_FIELDS.length) {
        html += `<p><em>${htmlEscape('Parts of this summary were failure text and are left out.')}</em></p>\n`;
      }
      for (const f of fields) if (f.field !== 'tldr') html += para(FIELD_LABELS[f.field], htmlEscape(f.text));
    }
  }
  html += para('Abstract', htmlEscape(p.paper.abstract.trim()));
  const meta: string[] = [];
  if (p.paper.authors.length) meta.push(`Authors: ${htmlEscape(p.paper.authors.join(', '))}`);
  if (p.paper.categories.length) meta.push(`Categories: ${htmlEscape(p.paper.categories.join(', '))}`);
  if (p.paper.comment) meta.push(`Comment: ${htmlEscape(p.paper.comment)}`);
  if (p.paper.journalRef) meta.push(`Journal ref: ${htmlEscape(p.paper.journalRef)}`);
  const links = [
    `<a href="${htmlEscape(absUrl(p.paper.id))}">arXiv:${htmlEscape(p.paper.id)}</a>`,
    `<a href="${htmlEscape(pdfUrl(p.paper.id))}">PDF</a>`,
  ];
  const code = p.code ? safeHref(p.code.url) : null;
  if (code) links.push(`<a href="${htmlEscape(code)}">Code</a>`);
  meta.push(links.join(' · '));
  html += `<p>${meta.join('<br>\n')}</p>\n`;
  return html;
}

const rankingOf = (e: FeedEntry): { pick: boolean } | null => (e.ranked ? { pick: e.pick } : null);

// ---------------------------------------------------------------------------------------------
// Feed metadata

/**
 * The BCP 47 tag feeds want (`<language>`, `xml:lang`, `language`) for a summary language given
 * by tag (kept as written) or by name (the feed tag of core/languages.ts: `Chinese` → `zh`);
 * null when unknown, and the feed then says nothing rather than something wrong.
 */
export function languageTag(language: string): string | null {
  const s = language.trim();
  if (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(s)) return s;
  return languageOf(s)?.feedTag ?? null;
}

function generatedInstant(opts: FeedOptions): Date {
  const d = new Date(opts.generatedAt);
  if (Number.isNaN(d.getTime())) throw new RangeError(`generatedAt is not a date: ${JSON.stringify(opts.generatedAt)}`);
  return d;
}

/** RFC 3339 in UTC without milliseconds (Atom, JSON Feed). */
const rfc3339 = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

interface FeedHead {
  entries: FeedEntry[];
  link: string;
  feedUrl: string | null;
  updated: Date;
  built: Date;
  lang: string | null;
  description: string;
}

function head(days: readonly DayView[], opts: FeedOptions): FeedHead {
  const entries = feedEntries(days, opts.minScore ?? null);
  const generated = generatedInstant(opts);
  const newest = [...days]
    .map((d) => d.date)
    .sort()
    .at(-1);
  const updated = newest ? announcementInstant(newest) : generated;
  return {
    entries,
    link: opts.siteUrl || ARXIV_HOME,
    feedUrl: opts.feedUrl || null,
    updated,
    built: generated < updated ? updated : generated,
    lang: languageTag(opts.language),
    description: `New arXiv papers with summaries in ${opts.language}, published by ${GENERATOR}.`,
  };
}

/** A feed in pieces, so its size can be bounded by whole items: `head(kept, total)` + items + tail. */
interface FeedParts {
  head(kept: number, total: number): string;
  items: string[];
  /** Between two items. */
  sep: string;
  tail: string;
  /** The whole text when there are no items (JSON's `[]`). */
  empty?: (head: string) => string;
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The description of a feed that holds `kept` of `total` papers. */
const keptNote = (description: string, kept: number, total: number): string =>
  kept < total ? `${description} The newest ${kept} of ${total} papers; all of them are on the site.` : description;

/** The feed with as many items as fit in `maxBytes` (all of them without a bound). */
function assemble(parts: FeedParts, maxBytes: number | null | undefined): string {
  const total = parts.items.length;
  let kept = total;
  if (maxBytes) {
    const whole = (n: number) => parts.head(n, total) + parts.items.slice(0, n).join(parts.sep) + parts.tail;
    if (utf8(whole(total)) > maxBytes) {
      // The head with the longest note it can have (the counts at their widest).
      let left = maxBytes - utf8(parts.head(total - 1, total)) - utf8(parts.tail);
      kept = 0;
      for (const item of parts.items) {
        left -= utf8(item) + (kept ? utf8(parts.sep) : 0);
        if (left < 0) break;
        kept++;
      }
    }
  }
  const head = parts.head(kept, total);
  if (!kept && parts.empty) return parts.empty(head);
  return head + parts.items.slice(0, kept).join(parts.sep) + parts.tail;
}

// ---------------------------------------------------------------------------------------------
// The three formats

export function renderRss(days: readonly DayView[], opts: FeedOptions): string {
  const h = head(days, opts);
  const t = (name: string, text: string, indent: string): string => `${indent}<${name}>${xmlEscape(text)}</${name}>\n`;
  const items = h.entries.map((e) => {
    const p = e.paper.paper;
    let out = '    <item>\n';
    out += t('title', p.title, '      ');
    out += t('link', absUrl(p.id), '      ');
    out += `      <guid isPermaLink="true">${xmlEscape(absUrl(p.id))}</guid>\n`;
    out += t('pubDate', e.instant.toUTCString(), '      ');
    // RSS's own <author> must be an e-mail address; Dublin Core's creator is the usual way to name people.
    for (const a of p.authors) out += t('dc:creator', a, '      ');
    for (const c of p.categories) out += t('category', c, '      ');
    if (e.pick) out += t('category', FOR_YOU_TAG, '      ');
    out += t('description', paperHtml(e.paper, rankingOf(e)), '      ');
    return `${out}    </item>\n`;
  });
  const feedHead = (kept: number, total: number): string => {
    let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
    out += '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n';
    out += '  <channel>\n';
    out += t('title', opts.title, '    ');
    out += t('link', h.link, '    ');
    out += t('description', keptNote(h.description, kept, total), '    ');
    if (h.lang) out += t('language', h.lang, '    ');
    out += t('pubDate', h.updated.toUTCString(), '    ');
    out += t('lastBuildDate', h.built.toUTCString(), '    ');
    out += t('generator', GENERATOR, '    ');
    out += t('docs', 'https://www.rssboard.org/rss-specification', '    ');
    if (h.feedUrl) {
      out += `    <atom:link href="${xmlEscape(h.feedUrl)}" rel="self" type="application/rss+xml"/>\n`;
    }
    return out;
  };
  return assemble({ head: feedHead, items, sep: '', tail: '  </channel>\n</rss>\n' }, opts.maxBytes);
}

export function renderAtom(days: readonly DayView[], opts: FeedOptions): string {
  const h = head(days, opts);
  const t = (name: string, text: string, indent: string, attrs = ''): string =>
    `${indent}<${name}${attrs}>${xmlEscape(text)}</${name}>\n`;
  const link = (rel: string, type: string, href: string, indent: string): string =>
    `${indent}<link rel="${rel}" type="${type}" href="${xmlEscape(href)}"/>\n`;
  const items = h.entries.map((e) => {
    const p = e.paper.paper;
    let out = '  <entry>\n';
    out += t('id', absUrl(p.id), '    ');
    out += t('title', p.title, '    ', ' type="text"');
    // `published` too: readers (feedparser, and the apps built on it) date entries by it.
    out += t('published', rfc3339(e.instant), '    ');
    out += t('updated', rfc3339(e.instant), '    ');
    out += link('alternate', 'text/html', absUrl(p.id), '    ');
    out += link('related', 'application/pdf', pdfUrl(p.id), '    ');
    // Atom requires an author on every entry of a feed without one; a paper always has authors,
    // the fallback only keeps a malformed record from making the whole feed invalid.
    const authors = p.authors.length ? p.authors : ['Unknown'];
    for (const a of authors) out += `    <author>\n${t('name', a, '      ')}    </author>\n`;
    for (const c of p.categories) out += `    <category term="${xmlEscape(c)}"/>\n`;
    if (e.pick) out += `    <category term="${FOR_YOU_TAG}"/>\n`;
    out += t('summary', summaryLine(e.paper), '    ', ' type="text"');
    out += t('content', paperHtml(e.paper, rankingOf(e)), '    ', ' type="html"');
    return `${out}  </entry>\n`;
  });
  const feedHead = (kept: number, total: number): string => {
    let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
    out += `<feed xmlns="http://www.w3.org/2005/Atom"${h.lang ? ` xml:lang="${xmlEscape(h.lang)}"` : ''}>\n`;
    // The feed id must be a stable IRI: where it is published, else one derived from its title.
    out += t('id', h.feedUrl ?? `${GENERATOR}:feed:${encodeURIComponent(opts.title)}`, '  ');
    out += t('title', opts.title, '  ', ' type="text"');
    out += t('subtitle', keptNote(h.description, kept, total), '  ', ' type="text"');
    out += t('updated', rfc3339(h.updated), '  ');
    out += link('alternate', 'text/html', h.link, '  ');
    if (h.feedUrl) out += link('self', 'application/atom+xml', h.feedUrl, '  ');
    out += t('generator', GENERATOR, '  ');
    return out;
  };
  return assemble({ head: feedHead, items, sep: '', tail: '</feed>\n' }, opts.maxBytes);
}

export function renderJsonFeed(days: readonly DayView[], opts: FeedOptions): string {
  const h = head(days, opts);
  const doc = (kept: number, total: number) => ({
    version: 'https://jsonfeed.org/version/1.1',
    title: opts.title,
    home_page_url: h.link,
    ...(h.feedUrl ? { feed_url: h.feedUrl } : {}),
    description: keptNote(h.description, kept, total),
    ...(h.lang ? { language: h.lang } : {}),
    // JSON Feed has no generator or feed-level date; custom keys start with `_` (spec §"Extensions").
    _arxiv_digest: { generator: GENERATOR, updated: rfc3339(h.updated), generated_at: rfc3339(h.built) },
  });
  const items = h.entries.map((e) => {
    const p = e.paper.paper;
    const item = {
      id: absUrl(p.id),
      url: absUrl(p.id),
      title: p.title,
      content_html: paperHtml(e.paper, rankingOf(e)),
      summary: summaryLine(e.paper),
      date_published: rfc3339(e.instant),
      ...(p.authors.length ? { authors: p.authors.map((name) => ({ name })) } : {}),
      tags: e.pick ? [...p.categories, FOR_YOU_TAG] : p.categories,
      ...(e.ranked && e.paper.rank
        ? { _arxiv_digest: { score: e.paper.rank.score, reason: e.paper.rank.reason, for_you: e.pick } }
        : {}),
    };
    // As JSON.stringify(feed, null, 2) writes an element of the top-level `items`.
    return `    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
  });
  // The document up to its last member, `items` opened after it.
  const feedHead = (kept: number, total: number) =>
    `${JSON.stringify(doc(kept, total), null, 2).slice(0, -2)},\n  "items": [\n`;
  return assemble(
    {
      head: feedHead,
      items,
      sep: ',\n',
      tail: '\n  ]\n}\n',
      empty: (text) => `${text.slice(0, -1)}]\n}\n`,
    },
    opts.maxBytes,
  );
}

// ---------------------------------------------------------------------------------------------
// `render --format rss|atom|jsonfeed`: the given day as a one-day feed
