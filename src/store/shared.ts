/** What the store's modules share: counts, the rows' plain shapes, small helpers. */
import type { AnnouncementKind, Paper, SummaryInput } from '../core/types.js';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export type { DayRow } from '../core/types.js';

export interface DayImportCounts {
  papers: WriteCounts;
  announcements: WriteCounts;
  summaries: WriteCounts;
  codeLinks: WriteCounts;
}

export interface MissingPaper {
  paperId: string;
  version: number | null;
  /** Announcement date the paper belongs to. */
  date: string;
  reason: string;
  attempts: number;
}

export interface ReaderMark {
  favorite: boolean;
  rating: -1 | 0 | 1;
}

export interface DaySummary {
  date: string;
  papers: number;
}

export interface RunRecord {
  id: number;
  command: string;
  status: 'running' | 'ok' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number> | null;
  error: string | null;
}

/** Marks the start and end of a highlighted term in search snippets. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export const emptyCounts = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export const addCounts = (a: WriteCounts, b: WriteCounts): WriteCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

/** What a summary is stored under: (paper, version, language, summarizer, prompt version). */
export type SummaryKey = Pick<SummaryInput, 'paperId' | 'version' | 'language' | 'summarizer' | 'promptVersion'>;

/** Chunks a list so `IN (…)` queries stay under SQLite's parameter limit. */
export function* chunks<T>(items: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
