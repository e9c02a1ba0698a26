/**
 * The two files `run` writes beside the day files so that the store can be rebuilt from `--out`
 * alone (the store is a cache; the files are the durable record):
 *
 * - `YYYY-MM-DD_arxiv-digest_{Language}.json`, the day record: what only the store knows of a
 *   published day — its announcements exactly as listed, each paper's version and dates, the
 *   provenance of the summary the day showed (who wrote it, prompt version, tokens, cost, time)
 *   or its failure reason, and which deliveries went out. The summaries' text is not repeated:
 *   it is in the day's enhanced JSONL.
 * - `arxiv-digest-reader.json`, the reader's state: favorites, ratings and the profile saved
 *   from the web app.
 *
 * Both are plain JSON, documented in the README, versioned by `format`; `import` reads them.
 */
import { createHash } from 'node:crypto';
import type { AnnouncementKind, SummaryStatus } from './types.js';

export const DAY_RECORD_FORMAT = 'arxiv-digest/day-record@1';
export const READER_RECORD_FORMAT = 'arxiv-digest/reader@1';
export const READER_RECORD_FILE = 'arxiv-digest-reader.json';

export const dayRecordFileName = (date: string, language: string): string => `${date}_arxiv-digest_${language}.json`;

/** `2026-07-01_arxiv-digest_Chinese.json` → date and language, or null. */
export function parseDayRecordFileName(name: string): { date: string; language: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})_arxiv-digest_([^./\\]+)\.json$/.exec(name);
  return m ? { date: m[1]!, language: m[2]! } : null;
}

export interface RecordedSummary {
  summarizer: string;
  promptVersion: string;
  /** The paper version it was made from (0 = unknown). */
  version: number;
  /** '' for our own summaries; the day for one read from a published day's files. */
  day: string;
  status: SummaryStatus;
  error: string | null;
  flags: string[];
  tokensIn: number | null;
  tokensOut: number | null;
  costUsd: number | null;
  durationMs: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface RecordedPaper {
  version: number | null;
  journalRef: string | null;
  doi: string | null;
  published: string | null;
  updated: string | null;
  /** The summary the day showed, or its last attempt; null when it was never attempted. */
  summary: RecordedSummary | null;
}

export interface RecordedDelivery {
  channel: string;
  /** `sha256:…` of the channel's target: the record may be public, the recipients are not. */
  target: string;
  status: 'sent' | 'failed';
  attempts: number;
  updatedAt: string;
}

export interface DayRecord {
  format: typeof DAY_RECORD_FORMAT;
  date: string;
  language: string;
  /** The category order the day's digest was published with. */
  categoryOrder: string[];
  announcements: { id: string; category: string; kind: AnnouncementKind; version: number | null }[];
  papers: Record<string, RecordedPaper>;
  deliveries: RecordedDelivery[];
}

export interface ReaderRecord {
  format: typeof READER_RECORD_FORMAT;
  marks: { id: string; favorite: boolean; rating: -1 | 0 | 1; updatedAt: string }[];
  /** Store state kept for the reader: the profile saved from the web app. */
  state: Record<string, unknown>;
}

/** How a delivery's target is named in a day record: hashed, so a public data branch names no recipient. */
export function recordedTarget(target: string): string {
  return `sha256:${createHash('sha256').update(target).digest('hex').slice(0, 32)}`;
}
