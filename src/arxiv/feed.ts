/**
 * The announcement feed of rss.arxiv.org (2024 format) → AnnouncementFeed, in both its RSS 2.0
 * (`/rss/CAT`) and Atom (`/atom/CAT`) variants. See arxiv.md §3.
 *
 * The feed date is the announcement day. RSS: the channel `pubDate` (`Thu, 24 Sep 2026 00:00:00
 * -0400`) read as a calendar date in its own offset. Atom: the Atom variant has no feed-level
 * date of the announcement (its `<updated>` is the build time, in UTC), but every entry's
 * `<published>` is the announcement midnight (`2026-09-25T00:00:00-04:00`), so the date is the
 * first entry's `<published>` in its own offset, else a feed-level `<published>` if one is ever
 * sent, else null: an empty Atom feed does not say which day it is for. `builtAt` is RSS
 * `lastBuildDate` / Atom feed `<updated>`, as a UTC instant with second precision.
 */
import { parseArxivId, type ParsedArxivId } from '../core/arxiv-id.js';
import { isIsoDate } from '../core/dates.js';
import { ANNOUNCEMENT_KINDS, type AnnouncementKind } from '../core/types.js';
import { UnexpectedBodyError, type AnnouncementFeed, type FeedItem } from './types.js';
import {
  child,
  children,
  collapseWhitespace,
  describeElement,
  isoToUtc,
  optionalText,
  parseXmlDocument,
  rfc822CalendarDate,
  rfc822ToIso,
  splitAuthorList,
  textOf,
  uniqueNonEmpty,
  type XmlNode,
} from './xml.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const ARXIV_NS = 'http://arxiv.org/schemas/atom';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

export function parseAnnouncementFeed(xml: string): AnnouncementFeed {
  const root = parseXmlDocument(xml);
  if (root.uri === '' && root.local === 'rss') return parseRss(root);
  if (root.uri === ATOM_NS && root.local === 'feed') return parseAtom(root);
  throw new UnexpectedBodyError(`expected an RSS <rss> or Atom <feed> announcement feed, got ${describeElement(root)}`);
}

function parseRss(root: XmlNode): AnnouncementFeed {
  const channel = child(root, '', 'channel');
  if (channel === undefined) throw new UnexpectedBodyError('expected a <channel> in the RSS feed');
  const pubDate = textOf(channel, '', 'pubDate');
  const lastBuildDate = textOf(channel, '', 'lastBuildDate');
  return {
    date: pubDate === null ? null : required(rfc822CalendarDate(pubDate), 'channel <pubDate>', pubDate),
    builtAt:
      lastBuildDate === null ? null : required(rfc822ToIso(lastBuildDate), 'channel <lastBuildDate>', lastBuildDate),
    items: children(channel, '', 'item').map((item, index) =>
      parseItem(item, index, {
        guid: textOf(item, '', 'guid'),
        link: textOf(item, '', 'link'),
        body: textOf(item, '', 'description'),
        categories: children(item, '', 'category').map((c) => c.text.trim()),
      }),
    ),
  };
}

function parseAtom(root: XmlNode): AnnouncementFeed {
  const entries = children(root, ATOM_NS, 'entry');
  const published = [...entries, root].map((e) => textOf(e, ATOM_NS, 'published')).find((p) => p !== null);
  const updated = textOf(root, ATOM_NS, 'updated');
  return {
    date:
      published === undefined || published === null
        ? null
        : required(isoCalendarDate(published), '<published>', published),
    builtAt: updated === null ? null : required(isoToUtc(updated), 'feed <updated>', updated),
    items: entries.map((entry, index) =>
      parseItem(entry, index, {
        guid: textOf(entry, ATOM_NS, 'id'),
        link: children(entry, ATOM_NS, 'link').find((l) => (l.attrs.href ?? '').includes('/abs/'))?.attrs.href ?? null,
        body: textOf(entry, ATOM_NS, 'summary'),
        categories: children(entry, ATOM_NS, 'category').map((c) => (c.attrs.term ?? '').trim()),
      }),
    ),
  };
}

/** What differs between an RSS item and an Atom entry; the rest is read the same way. */
interface ItemParts {
  guid: string | null;
  link: string | null;
  body: string | null;
  categories: string[];
}

function parseItem(node: XmlNode, index: number, parts: ItemParts): FeedItem {
  const body = parts.body ?? '';
  const parsed = itemId(parts.guid, body, parts.link);
  const where = `feed item ${index + 1}${parsed === null ? '' : ` (${parsed.id})`}`;
  if (parsed === null) {
    throw new UnexpectedBodyError(
      `${where}: expected an id like oai:arXiv.org:ID in its guid/id, got ${JSON.stringify(parts.guid)}`,
    );
  }
  const title = textOf(node, ATOM_NS, 'title') ?? textOf(node, '', 'title');
  if (title === null) throw new UnexpectedBodyError(`${where}: expected a <title>`);
  return {
    id: parsed.id,
    version: parsed.version,
    kind: itemKind(textOf(node, ARXIV_NS, 'announce_type'), body, where),
    title: collapseWhitespace(title),
    authors: itemAuthors(node),
    abstract: abstractOf(body),
    categories: uniqueNonEmpty(parts.categories),
    // The feed capitalises these differently from the API (arxiv:doi, arxiv:journal_ref); the
    // API spelling is accepted too in case the feed is ever aligned.
    doi: optionalText(textOf(node, ARXIV_NS, 'DOI') ?? textOf(node, ARXIV_NS, 'doi')),
    journalRef: optionalText(textOf(node, ARXIV_NS, 'journal_reference') ?? textOf(node, ARXIV_NS, 'journal_ref')),
  };
}

/** `oai:arXiv.org:2609.26811v1`; else the description's `arXiv:2609.26811v1`; else the abs link. */
function itemId(guid: string | null, body: string, link: string | null): ParsedArxivId | null {
  const fromGuid = guid === null ? null : parseArxivId(guid.trim().replace(/^oai:arXiv\.org:/i, ''));
  if (fromGuid !== null) return fromGuid;
  const header = /^\s*arXiv:(\S+)/.exec(body);
  const fromBody = header ? parseArxivId(header[1]!) : null;
  if (fromBody !== null) return fromBody;
  const abs = link === null ? null : /\/abs\/([^?#\s]+)/.exec(link);
  return abs ? parseArxivId(abs[1]!) : null;
}

function itemKind(announceType: string | null, body: string, where: string): AnnouncementKind {
  const value = (announceType ?? /Announce Type:\s*(\S+)/.exec(body)?.[1] ?? '').trim();
  const kind = ANNOUNCEMENT_KINDS.find((k) => k === value);
  if (kind === undefined) {
    throw new UnexpectedBodyError(
      `${where}: expected arxiv:announce_type to be one of ${ANNOUNCEMENT_KINDS.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return kind;
}

/** `dc:creator` holds comma-separated names; Atom `<author><name>` is read when it is absent. */
function itemAuthors(node: XmlNode): string[] {
  const creators = children(node, DC_NS, 'creator');
  if (creators.length > 0) return creators.flatMap((c) => splitAuthorList(c.text));
  return children(node, ATOM_NS, 'author')
    .map((a) => collapseWhitespace(textOf(a, ATOM_NS, 'name') ?? ''))
    .filter((name) => name !== '');
}

/** The description is `arXiv:IDvN Announce Type: T \nAbstract: …`; the abstract is what follows. */
function abstractOf(body: string): string {
  const marker = body.indexOf('Abstract:');
  if (marker >= 0) return body.slice(marker + 'Abstract:'.length).trim();
  return /^\s*arXiv:\S+\s+Announce Type:/.test(body) ? '' : body.trim();
}

/** The date part of an ISO 8601 date-time is the calendar date in its own offset. */
function isoCalendarDate(text: string): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:T|\s*$)/.exec(text);
  return m && isIsoDate(m[1]!) ? m[1]! : null;
}

function required(value: string | null, what: string, raw: string): string {
  if (value === null) throw new UnexpectedBodyError(`expected a date in ${what}, got ${JSON.stringify(raw.trim())}`);
  return value;
}
