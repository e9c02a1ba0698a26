/** Plain data shared by every pipeline stage. */

export type AnnouncementKind = 'new' | 'cross' | 'replace' | 'replace-cross';
export const ANNOUNCEMENT_KINDS: readonly AnnouncementKind[] = ['new', 'cross', 'replace', 'replace-cross'];

export type SummaryStatus = 'ok' | 'failed' | 'refused' | 'pending';

export const SUMMARY_FIELDS = ['tldr', 'motivation', 'method', 'result', 'conclusion'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];
export type SummaryFields = Record<SummaryField, string>;

/** Id of the built-in offline summarizer's summaries: the poorest there are. */
export const OFFLINE_SUMMARIZER_ID = 'offline';

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
  /**
   * The announcement day a summary read from a published day's files belongs to (each day of
   * the reference published its own text); '' (the default) for our own, which serve every day.
   */
  day?: string;
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

/** The richest kind of file a published day's metadata came from: enhanced JSONL > raw JSONL > Markdown. */
export const SOURCE_RANK = { markdown: 1, 'raw-jsonl': 2, 'enhanced-jsonl': 3 } as const;

/** One paper of a published day, as that day's richest file showed it. */
export interface PublishedPaper {
  paper: PaperInput;
  /** SOURCE_RANK of the file it came from. */
  rank: number;
  /** The code link the day showed: null = none; undefined = the file does not say (raw JSONL, Markdown). */
  code?: Omit<CodeLink, 'paperId'> | null;
}

/**
 * A published day read from its files (the reference system's data branch, or our own `--out`):
 * what `import` stores in one transaction, so the day renders again as it was published.
 */
export interface PublishedDay {
  date: string;
  papers: PublishedPaper[];
  announcements: AnnouncementInput[];
  /** True when the announcements are exactly as listed (our day record): their order is the day's. */
  exactOrder?: boolean;
  /** Imported summaries carry `day: date`; restored ones (from a day record) their own key. */
  summaries: SummaryInput[];
  codeLinks: CodeLink[];
  /** Languages whose digest (enhanced JSONL or Markdown) was read, with its category order when known. */
  digests: { language: string; categoryOrder: string[] | null }[];
  /** Deliveries our day record says went out (targets hashed): nothing is sent twice after a restore. */
  deliveries?: { channel: string; target: string; status: 'sent' | 'failed'; attempts: number; updatedAt: string }[];
  /** e.g. `import:enhanced-jsonl`, for the papers' and announcements' source column. */
  source: string;
}

/** One announcement of a day with its paper, as the store lists a day. */
export interface DayRow {
  paper: Paper;
  category: string;
  kind: AnnouncementKind;
  version: number | null;
  position: number;
}
