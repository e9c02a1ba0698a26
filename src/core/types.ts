/** Plain data shared by every pipeline stage. */

export type AnnouncementKind = 'new' | 'cross' | 'replace' | 'replace-cross';
export const ANNOUNCEMENT_KINDS: readonly AnnouncementKind[] = ['new', 'cross', 'replace', 'replace-cross'];

export type SummaryStatus = 'ok' | 'failed' | 'refused' | 'pending';

export const SUMMARY_FIELDS = ['tldr', 'motivation', 'method', 'result', 'conclusion'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];
export type SummaryFields = Record<SummaryField, string>;

/** Origin id of summaries that came from the reference system's files. */
export const IMPORTED_SUMMARIZER = 'imported';
/** Prompt version recorded for imported summaries: the reference system's prompt. */
export const IMPORTED_PROMPT_VERSION = 'reference';

/**
 * Paper metadata as a source delivered it. `undefined` means "this source does not know",
 * so a poorer source (a Markdown digest) never erases what a richer one stored.
 */
export interface PaperInput {
  id: string;
  version?: number | null;
  title: string;
  authors: string[];
  abstract: string;
  /** All categories, primary first. */
  categories: string[];
  /** True when only the primary category is known (Markdown digests). */
  categoriesPartial?: boolean;
  comment?: string | null;
  journalRef?: string | null;
  doi?: string | null;
  published?: string | null;
  updated?: string | null;
}

export interface Paper {
  id: string;
  version: number | null;
  title: string;
  authors: string[];
  abstract: string;
  categories: string[];
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
  published: string | null;
  updated: string | null;
}

export interface AnnouncementInput {
  paperId: string;
  /** Listing category the paper was announced in. */
  category: string;
  version: number | null;
  kind: AnnouncementKind;
}

export interface SummaryInput {
  paperId: string;
  /** 0 when the version the summary was made from is unknown (imports). */
  version: number;
  language: string;
  summarizer: string;
  promptVersion: string;
  status: SummaryStatus;
  fields: SummaryFields | null;
  error?: string | null;
  flags?: string[];
  tokensIn?: number | null;
  tokensOut?: number | null;
  costUsd?: number | null;
  durationMs?: number | null;
  /** Attempts made so far, across runs (0 for summaries that were never tried: imports). */
  attempts?: number;
  /** ISO time from which a later run tries a failed summary again; null = no automatic retry. */
  retryAfter?: string | null;
}

export interface StoredSummary extends SummaryInput {
  flags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CodeLink {
  paperId: string;
  url: string;
  stars?: number | null;
  lastUpdate?: string | null;
}
