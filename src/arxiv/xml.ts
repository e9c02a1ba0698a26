/**
 * A small namespace-aware XML layer over saxes for arXiv's payloads: a light tree for small
 * documents and a streaming variant that materialises only selected subtrees, so a 100 MB
 * OAI-PMH page is read with flat memory. Elements are identified by namespace URI + local name,
 * never by prefix, because arXiv's generations declare namespaces differently. Anything that is
 * not a complete, well-formed document ends in UnexpectedBodyError, never in a partial result.
 *
 * The module also holds the text-value helpers the payload parsers share (whitespace, author
 * lists, RFC 822 dates), since all of them read the same arXiv conventions.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { UnexpectedBodyError } from './types.js';

/** One element: attributes by local name, direct text and CDATA concatenated. */
export interface XmlNode {
  uri: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export interface XmlSubtreeStreamOptions {
  /**
   * Called in document order for every element outside a selected subtree (the document element
   * at depth 0); returning true builds that element's whole subtree. It may throw to reject the
   * document early (e.g. an unexpected root), which is why it sees the root too.
   */
  select: (uri: string, local: string, depth: number) => boolean;
  /** Receives each selected subtree once its end tag has been read. */
  onSubtree: (node: XmlNode) => void;
}

export interface XmlSubtreeStream {
  write(chunk: string): void;
  /** Ends the document; throws UnexpectedBodyError when it is empty, truncated or malformed. */
  close(): void;
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

export function createXmlSubtreeStream(options: XmlSubtreeStreamOptions): XmlSubtreeStream {
  const { select, onSubtree } = options;
  const parser = new SaxesParser({ xmlns: true });
  // Open elements of the subtree being built; empty while outside any selected subtree, which
  // keeps the per-event cost outside subtrees to one length check.
  const open: XmlNode[] = [];
  let depth = 0;
  let rootName: string | null = null;
  let failure: unknown = null;

  parser.on('opentag', (tag) => {
    if (rootName === null) rootName = tag.name;
    const top = open.length > 0 ? open[open.length - 1] : undefined;
    if (top !== undefined) {
      const node = toNode(tag);
      top.children.push(node);
      open.push(node);
    } else if (select(tag.uri, tag.local, depth)) {
      open.push(toNode(tag));
    }
    depth++;
  });
  parser.on('closetag', () => {
    depth--;
    const node = open.pop();
    if (node !== undefined && open.length === 0) onSubtree(node);
  });
  const appendText = (text: string): void => {
    const top = open.length > 0 ? open[open.length - 1] : undefined;
    if (top !== undefined) top.text += text;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('error', (err) => {
    throw malformed(err.message, parser.line, parser.column, rootName);
  });

  // A handler that threw (saxes error, rejected root, arXiv error element) leaves saxes in an
  // undefined state, so the stream stays failed with that error.
  const guarded = (action: () => void): void => {
    if (failure !== null) throw failure;
    try {
      action();
    } catch (e) {
      failure = e;
      throw e;
    }
  };

  return {
    write(chunk) {
      guarded(() => parser.write(chunk));
    },
    close() {
      guarded(() => {
        if (rootName === null) {
          throw new UnexpectedBodyError('empty body: expected an XML document, got no element at all');
        }
        parser.close();
      });
    },
  };
}

/** Parses a whole document into a tree (for the small API and feed payloads). */
export function parseXmlDocument(text: string): XmlNode {
  let root: XmlNode | null = null;
  const stream = createXmlSubtreeStream({
    select: (_uri, _local, depth) => depth === 0,
    onSubtree: (node) => {
      root = node;
    },
  });
  stream.write(text);
  stream.close();
  if (root === null) throw new UnexpectedBodyError('expected an XML document, got no root element');
  return root;
}

function toNode(tag: SaxesTagNS): XmlNode {
  const attrs: Record<string, string> = {};
  const source = tag.attributes;
  for (const name in source) {
    const attr = source[name]!;
    if (attr.uri !== XMLNS_URI) attrs[attr.local] = attr.value;
  }
  return { uri: tag.uri, local: tag.local, attrs, children: [], text: '' };
}

function malformed(message: string, line: number, column: number, rootName: string | null): UnexpectedBodyError {
  // saxes prefixes its message with "line:column: "; we state the position once, in words.
  const reason = message.replace(/^\d+:\d+: /, '');
  const within = rootName === null ? '' : ` in a <${rootName}> document`;
  return new UnexpectedBodyError(
    `malformed or truncated XML${within} at line ${line}, column ${column}: ${reason} (expected a complete, well-formed XML document)`,
  );
}

/** First child element with that namespace and local name. */
export function child(node: XmlNode, uri: string, local: string): XmlNode | undefined {
  for (const c of node.children) if (c.local === local && c.uri === uri) return c;
  return undefined;
}

/** All child elements with that namespace and local name, in document order. */
export function children(node: XmlNode, uri: string, local: string): XmlNode[] {
  return node.children.filter((c) => c.local === local && c.uri === uri);
}

/** Text of the first such child, as sent (untrimmed); null when there is no such child. */
export function textOf(node: XmlNode, uri: string, local: string): string | null {
  const c = child(node, uri, local);
  return c === undefined ? null : c.text;
}

/** `<prefix-free name>` plus namespace, for error messages about unexpected elements. */
export function describeElement(node: { uri: string; local: string }): string {
  return node.uri === '' ? `<${node.local}>` : `<${node.local}> (namespace ${node.uri})`;
}

// ---------------------------------------------------------------------------------------------
// Text values shared by the payload parsers

/** Collapses runs of whitespace (hard wraps, IDE re-indentation) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Trimmed text, or null when absent or blank (optional metadata such as a DOI). */
export function optionalText(text: string | null | undefined, collapse = true): string | null {
  if (text === null || text === undefined) return null;
  const value = collapse ? collapseWhitespace(text) : text.trim();
  return value === '' ? null : value;
}

/** Removes duplicates and blanks, keeping the first occurrence's position. */
export function uniqueNonEmpty(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v !== '') seen.add(v);
  return [...seen];
}

// Case-sensitive so that a one-word name such as "Xi" is not mistaken for a numeral.
const NAME_SUFFIX = /^(?:(?:Jr|Sr|JR|SR|jr|sr)\.?|II|III|IV)$/;

/**
 * Splits an author string as arXiv writes it (`A, B and C`, `A, B, and C`) into names.
 * Commas and ` and ` split only outside parentheses, parenthesised affiliations
 * (`Servane Gey (MAP5)`, trailing `((1) Univ…, (2) …)` footnotes) are dropped so names match the
 * API's, and a suffix split off by a comma (`John Smith, Jr.`) is joined back to its name.
 * Limits: TeX accents (`Bollob\'as`) are kept as written; a name that itself contains the word
 * "and" between spaces, or a suffix other than Jr/Sr/roman numerals, is split wrongly.
 */
export function splitAuthorList(text: string): string[] {
  const names: string[] = [];
  for (const piece of splitTopLevel(collapseWhitespace(text))) {
    const name = collapseWhitespace(piece.replace(/^and\s+/i, ''));
    if (name === '') continue;
    const previous = names.length > 0 ? names[names.length - 1] : undefined;
    if (previous !== undefined && NAME_SUFFIX.test(name)) names[names.length - 1] = `${previous} ${name}`;
    else names.push(name);
  }
  return names;
}

/** Splits on commas and the word "and" outside parentheses, dropping parenthesised parts. */
function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (c === ',') {
      pieces.push(current);
      current = '';
    } else if (c === ' ' && text.startsWith(' and ', i)) {
      pieces.push(current);
      current = '';
      i += 4;
    } else current += c;
  }
  pieces.push(current);
  return pieces;
}

/** A date-time with its own UTC offset, as written in an RFC 822 header. */
interface Rfc822DateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = { GMT: 0, UT: 0, UTC: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300 };
const RFC822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/;

/** Month number (1–12) from an English month name or its three-letter abbreviation. */
export function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? null : index + 1;
}

/** `YYYY-MM-DD` when the parts form a real calendar date. */
export function calendarDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

function parseRfc822(text: string): Rfc822DateTime | null {
  const m = RFC822.exec(text.trim());
  if (!m) return null;
  const month = monthNumber(m[2]!);
  const zone = m[7] ?? 'GMT';
  const offsetMinutes = /^[+-]/.test(zone)
    ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)))
    : ZONES[zone.toUpperCase()];
  if (month === null || offsetMinutes === undefined) return null;
  const dt = {
    year: Number(m[3]),
    month,
    day: Number(m[1]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    offsetMinutes,
  };
  if (calendarDate(dt.year, dt.month, dt.day) === null || dt.hour > 23 || dt.minute > 59 || dt.second > 60) return null;
  return dt;
}

/** The calendar date an RFC 822 date-time names in its own offset: `…24 Sep 2026 00:00 -0400` → `2026-09-24`. */
export function rfc822CalendarDate(text: string): string | null {
  const dt = parseRfc822(text);
  return dt === null ? null : calendarDate(dt.year, dt.month, dt.day);
}

/** An RFC 822 date-time as an ISO 8601 UTC instant with second precision (`2026-09-24T08:58:05Z`). */
export function rfc822ToIso(text: string): string | null {
  const dt = parseRfc822(text);
  if (dt === null) return null;
  const ms = Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second) - dt.offsetMinutes * 60_000;
  return isoSeconds(ms);
}

/** An ISO 8601 date-time with any offset or fraction as a UTC instant with second precision. */
export function isoToUtc(text: string): string | null {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(s)) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : isoSeconds(ms);
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
