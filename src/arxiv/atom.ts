/**
 * The arXiv API's Atom feed (`export.arxiv.org/api/query`) → ApiFeed. Elements are found by
 * namespace and local name only, because the three generations seen in 2025–26 (legacy with
 * namespaces redeclared per element, 2025-11 with bare links, 2026 with a new element order)
 * differ in everything else. See arxiv.md §1.
 */
import { arxivIdFromUrl, type ParsedArxivId } from '../core/arxiv-id.js';
import { ArxivApiError, UnexpectedBodyError, type ApiFeed, type ArxivEntry } from './types.js';
import {
  child,
  children,
  collapseWhitespace,
  describeElement,
  optionalText,
  parseXmlDocument,
  textOf,
  uniqueNonEmpty,
  type XmlNode,
} from './xml.js';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ARXIV_ATOM_NS = 'http://arxiv.org/schemas/atom';
export const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';

export function parseApiFeed(xml: string): ApiFeed {
  const root = parseXmlDocument(xml);
  if (root.uri !== ATOM_NS || root.local !== 'feed') {
    throw new UnexpectedBodyError(`expected the arXiv API's Atom <feed>, got ${describeElement(root)}`);
  }
  const entryNodes = children(root, ATOM_NS, 'entry');
  const error = entryNodes.find(isErrorEntry);
  if (error !== undefined) {
    const message = optionalText(textOf(error, ATOM_NS, 'summary')) ?? 'the arXiv API reported an error';
    throw new ArxivApiError(message);
  }
  const entries: ArxivEntry[] = [];
  entryNodes.forEach((node, index) => {
    const entry = parseEntry(node, index);
    if (entry !== null) entries.push(entry);
  });
  return {
    totalResults: openSearchNumber(root, 'totalResults'),
    startIndex: openSearchNumber(root, 'startIndex'),
    itemsPerPage: openSearchNumber(root, 'itemsPerPage'),
    entries,
  };
}

/**
 * arXiv reports errors as an entry titled `Error` (HTTP 400). A paper may be titled "Error" too,
 * so the entry also has to lack an arXiv abstract id (its id is `…/api/errors#…`).
 */
function isErrorEntry(entry: XmlNode): boolean {
  const title = textOf(entry, ATOM_NS, 'title');
  if (title === null || title.trim() !== 'Error') return false;
  const id = textOf(entry, ATOM_NS, 'id') ?? '';
  return id.includes('/api/errors') || arxivIdFromUrl(id) === null;
}

function parseEntry(node: XmlNode, index: number): ArxivEntry | null {
  const idText = textOf(node, ATOM_NS, 'id');
  const title = textOf(node, ATOM_NS, 'title');
  // The legacy API answered each missing id of an id_list with an empty entry (term="").
  if (idText === null && title === null) return null;
  const links = children(node, ATOM_NS, 'link');
  const parsed = entryId(idText, links);
  const where = `API entry ${index + 1}`;
  if (parsed === null) {
    throw new UnexpectedBodyError(`${where}: expected an arXiv abstract URL as <id>, got ${JSON.stringify(idText)}`);
  }
  if (title === null) throw new UnexpectedBodyError(`${where} (${parsed.id}): expected a <title>`);
  return {
    id: parsed.id,
    version: parsed.version,
    title: collapseWhitespace(title),
    authors: children(node, ATOM_NS, 'author')
      .map((a) => collapseWhitespace(textOf(a, ATOM_NS, 'name') ?? ''))
      .filter((name) => name !== ''),
    abstract: (textOf(node, ATOM_NS, 'summary') ?? '').trim(),
    categories: uniqueNonEmpty([
      (child(node, ARXIV_ATOM_NS, 'primary_category')?.attrs.term ?? '').trim(),
      ...children(node, ATOM_NS, 'category').map((c) => (c.attrs.term ?? '').trim()),
    ]),
    // The legacy API hard-wraps these like titles.
    comment: optionalText(textOf(node, ARXIV_ATOM_NS, 'comment')),
    journalRef: optionalText(textOf(node, ARXIV_ATOM_NS, 'journal_ref')),
    doi: optionalText(textOf(node, ARXIV_ATOM_NS, 'doi')) ?? doiFromLinks(links),
    published: optionalText(textOf(node, ATOM_NS, 'published')),
    updated: optionalText(textOf(node, ATOM_NS, 'updated')),
  };
}

/** The `<id>`; without one, the abstract link (the id is what every generation kept). */
function entryId(idText: string | null, links: XmlNode[]): ParsedArxivId | null {
  if (idText !== null) return arxivIdFromUrl(idText);
  const abs = links.find((l) => classifyLink(l.attrs) === 'abs');
  return abs === undefined ? null : arxivIdFromUrl(abs.attrs.href ?? '');
}

function doiFromLinks(links: XmlNode[]): string | null {
  const link = links.find((l) => classifyLink(l.attrs) === 'doi');
  const href = link?.attrs.href;
  if (href === undefined) return null;
  return optionalText(decodeURIComponentSafe(href.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export type ApiLinkKind = 'abs' | 'pdf' | 'doi' | 'other';

/**
 * What an entry `<link>` points to. `title`/`rel`/`type` decide when present; the 2025-11
 * responses had none of them, so the href (`/abs/`, `/pdf/`, doi.org) decides then.
 */
export function classifyLink(attrs: Record<string, string>): ApiLinkKind {
  const { title, rel, type } = attrs;
  const href = attrs.href ?? '';
  if (title === 'pdf' || type === 'application/pdf') return 'pdf';
  if (title === 'doi') return 'doi';
  if (rel === 'alternate') return 'abs';
  if (href.includes('/pdf/')) return 'pdf';
  if (href.includes('/abs/')) return 'abs';
  if (/\/\/(?:dx\.)?doi\.org\//i.test(href)) return 'doi';
  return 'other';
}

function openSearchNumber(root: XmlNode, local: string): number | null {
  const text = textOf(root, OPENSEARCH_NS, local);
  if (text === null) return null;
  const value = text.trim();
  if (!/^\d+$/.test(value)) {
    throw new UnexpectedBodyError(`expected a number in <opensearch:${local}>, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}
