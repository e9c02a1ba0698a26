/**
 * Plain data parsed from arXiv's interfaces (API Atom, announcement RSS/Atom feeds, listing
 * pages, OAI-PMH). Parsers are pure functions from text to these types; see arxiv.md.
 */
import type { AnnouncementKind } from '../core/types.js';
import { AppError } from '../errors.js';

/** Full metadata of one paper version, as the API or OAI-PMH gives it. */
export interface ArxivEntry {
  /** Without version, e.g. `2401.01234` or `astro-ph/0601001`. */
  id: string;
  /** Version of the metadata returned; null when the source does not say. */
  version: number | null;
  /** Whitespace-collapsed (the legacy API hard-wraps titles). */
  title: string;
  authors: string[];
  /** Trimmed; inner line breaks of the legacy hard wrap are kept as sent. */
  abstract: string;
  /** All categories, primary first, no duplicates. */
  categories: string[];
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
  /** ISO 8601 instants (v1 submission, this version's submission), when known. */
  published: string | null;
  updated: string | null;
}

/** One page of an API `query` response. */
export interface ApiFeed {
  totalResults: number | null;
  startIndex: number | null;
  itemsPerPage: number | null;
  entries: ArxivEntry[];
}

/** One item of the announcement feed (rss.arxiv.org, RSS 2.0 or Atom, 2024 format). */
export interface FeedItem {
  id: string;
  version: number | null;
  kind: AnnouncementKind;
  title: string;
  authors: string[];
  abstract: string;
  /** Primary first, as the feed lists them. */
  categories: string[];
  doi: string | null;
  journalRef: string | null;
}

export interface AnnouncementFeed {
  /** The announcement date (YYYY-MM-DD) from the channel pubDate in its own US Eastern offset. */
  date: string | null;
  /** lastBuildDate as ISO 8601, when present. */
  builtAt: string | null;
  items: FeedItem[];
}

/** One entry of a `/list/CAT/new` (or catch-up) listing page. */
export interface ListingEntry {
  id: string;
  /** From the html link (`/html/IDvN`) when present. */
  version: number | null;
  kind: AnnouncementKind;
  title: string;
  authors: string[];
  abstract: string | null;
  /** Primary first (from list-subjects). */
  categories: string[];
  comment: string | null;
  journalRef: string | null;
}

export interface ListingPage {
  /** YYYY-MM-DD from "Showing new listings for Wednesday, 12 August 2026". */
  date: string | null;
  entries: ListingEntry[];
  /** Per section: how many entries the page shows and how many the section has. */
  sections: { kind: 'new' | 'cross' | 'replace'; shown: number; total: number }[];
  /** True when the page says "No updates today". */
  empty: boolean;
}

/** OAI-PMH record header. */
export interface OaiHeader {
  /** `oai:arXiv.org:2401.01234` → `2401.01234`. */
  id: string;
  datestamp: string;
  sets: string[];
  deleted: boolean;
}

export interface OaiRecord {
  header: OaiHeader;
  /** Null for deleted records. */
  entry: ArxivEntry | null;
}

export interface ResumptionToken {
  /** Null or empty: the list is complete. */
  token: string | null;
  cursor: number | null;
  completeListSize: number | null;
  expirationDate: string | null;
}

/** arXiv answered with its own error (API `Error` entry, OAI `<error code>`). Not retried. */
export class ArxivApiError extends AppError {
  override name = 'ArxivApiError';
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/**
 * The response is not the document expected: HTML instead of XML, a truncated or malformed
 * body. Retried like a 5xx; never taken as an empty result.
 */
export class UnexpectedBodyError extends AppError {
  override name = 'UnexpectedBodyError';
}
