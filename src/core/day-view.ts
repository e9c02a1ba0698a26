/**
 * The day as every output format sees it: papers in stored order, grouped by primary category
 * in the reader's order, each with the one summary to show (or an honest status). Pure.
 */
import {
  IMPORTED_SUMMARIZER,
  OFFLINE_SUMMARIZER_ID,
  type AnnouncementKind,
  type CodeLink,
  type DayRow,
  type Paper,
  type StoredSummary,
  type SummaryStatus,
} from './types.js';
import { PLACEHOLDER_FLAG } from './placeholders.js';

export type SummaryState =
  | { status: 'ok'; summary: StoredSummary }
  | { status: Exclude<SummaryStatus, 'ok'>; reason: string; summary: StoredSummary | null };

/** What ranking (src/rank) said of a paper for this reader. */
export interface PaperRank {
  /** In (−1, 1), 0 = neutral; see src/rank/rank.ts. */
  score: number;
  /** "keyword 'diffusion' in title; author Jane Doe", or "" when nothing matched. */
  reason: string;
}

export interface DayPaper {
  paper: Paper;
  /** Category the digest files the paper under: its primary category. */
  primary: string;
  /** First announcement of the paper that day. */
  kind: AnnouncementKind;
  listings: { category: string; kind: AnnouncementKind }[];
  summary: SummaryState;
  code: CodeLink | null;
  /** Set when the day was ranked (the reader has a profile or ratings). */
  rank?: PaperRank;
}

export interface DayView {
  date: string;
  language: string;
  /** Categories that have papers, in display order, with counts. */
  categories: { name: string; count: number }[];
  /** Unique papers, grouped by category in display order, stored order within a category. */
  papers: DayPaper[];
  /** Every announcement row (a paper once per listing), in stored order; unlisted papers too. */
  listings: { paper: DayPaper; category: string; kind: AnnouncementKind; version?: number | null }[];
  /**
   * Papers announced that day that the day's published digest did not list (a day read from the
   * reference's files: the papers it crawled but never summarized). Only the raw JSONL lists them.
   */
  unlisted: DayPaper[];
  /**
   * Present when the day was ranked for a reader with a profile: the top picks, best first
   * (see withRanking). Outputs show a "For you" section only then, so a reader without a
   * profile gets the reference format unchanged.
   */
  forYou?: DayPaper[];
}

/** True when the day was ranked for a reader with a profile: only then do outputs show ranking. */
export const isRanked = (day: DayView): day is DayView & { forYou: DayPaper[] } => day.forYou !== undefined;

/** The day's papers best first; equal scores (and unranked papers, as neutral) keep the digest order. */
export const byScore = (papers: readonly DayPaper[]): DayPaper[] =>
  [...papers].sort((a, b) => (b.rank?.score ?? 0) - (a.rank?.score ?? 0));

/** `0.62`, `−0.35` (a real minus sign), two decimals. */
export const formatScore = (score: number): string =>
  `${score < 0 && score.toFixed(2) !== '-0.00' ? '\u2212' : ''}${Math.abs(score).toFixed(2)}`;

/** At most this many papers in a "For you" section. */
export const FOR_YOU_MAX = 10;
/** Papers below this score (about half a strong signal, see src/rank/rank.ts) are not picks. */
export const FOR_YOU_MIN_SCORE = 0.3;

/**
 * Attaches scores and reasons to a day and picks its "For you" papers: best first, at most
 * FOR_YOU_MAX, none below FOR_YOU_MIN_SCORE. Returns a new view; the papers keep their order.
 */
export function withRanking(day: DayView, ranks: ReadonlyMap<string, PaperRank>): DayView {
  const byId = new Map<string, DayPaper>();
  const papers = day.papers.map((p) => {
    const r = ranks.get(p.paper.id);
    const next = r ? { ...p, rank: { score: r.score, reason: r.reason } } : p;
    byId.set(p.paper.id, next);
    return next;
  });
  const forYou = papers
    .filter((p) => p.rank && p.rank.score >= FOR_YOU_MIN_SCORE)
    .sort((a, b) => b.rank!.score - a.rank!.score || (a.paper.id < b.paper.id ? -1 : 1))
    .slice(0, FOR_YOU_MAX);
  return {
    ...day,
    papers,
    listings: day.listings.map((l) => ({ ...l, paper: byId.get(l.paper.paper.id) ?? l.paper })),
    forYou,
  };
}

export interface DayInputs {
  date: string;
  language: string;
  rows: DayRow[];
  summaries: StoredSummary[];
  otherLanguages: Map<string, string[]>;
  codeLinks: Map<string, CodeLink>;
  /** Category order; categories not named follow alphabetically. */
  categoryOrder: readonly string[];
  /** Summarizer id of the configured summarizer (e.g. `openai:deepseek-chat`, `offline`). */
  preferredSummarizer: string;
  /**
   * Set when the day's digest was read from its published files: it lists the papers it listed
   * then (those with a summary of that day) and those summarized since, nothing else.
   */
  digest?: { categoryOrder: string[] | null } | null;
}

/** Categories present, in the given order first, then the rest alphabetically. */
export function orderCategories(present: Iterable<string>, order: readonly string[]): string[] {
  const rank = new Map(order.map((c, i) => [c, i]));
  return [...new Set(present)].sort((a, b) => {
    const ra = rank.get(a) ?? order.length;
    const rb = rank.get(b) ?? order.length;
    return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
  });
}

const newestFirst = (a: StoredSummary, b: StoredSummary): number =>
  b.updatedAt.localeCompare(a.updatedAt) || b.createdAt.localeCompare(a.createdAt) || b.version - a.version;

/**
 * How good a summary is for a day, best highest: the configured LLM's (newest = current prompt);
 * the one this day published (read from its files); one another day published; another LLM's;
 * the offline summarizer's. A placeholder is below every real summary.
 */
function summaryRank(s: StoredSummary, preferredSummarizer: string, date: string | null): number {
  let tier: number;
  if (s.summarizer === IMPORTED_SUMMARIZER) tier = date !== null && s.day === date ? 4 : 3;
  else if (s.summarizer === OFFLINE_SUMMARIZER_ID) tier = 1;
  else tier = s.summarizer === preferredSummarizer ? 5 : 2;
  return (s.flags.includes(PLACEHOLDER_FLAG) ? 0 : 10) + tier;
}

/**
 * Which summary to show on a day (`date`; null outside any day): the best ok summary
 * (summaryRank), then the newest. Without an ok one, the newest attempt's status.
 */
export function chooseSummary(
  candidates: readonly StoredSummary[],
  preferredSummarizer: string,
  language: string,
  otherLanguages: readonly string[] = [],
  date: string | null = null,
): SummaryState {
  const ok = candidates.filter((s) => s.status === 'ok' && s.fields);
  if (ok.length) {
    const best = [...ok].sort(
      (a, b) =>
        summaryRank(b, preferredSummarizer, date) - summaryRank(a, preferredSummarizer, date) || newestFirst(a, b),
    )[0]!;
    return { status: 'ok', summary: best };
  }
  const last = [...candidates].sort(newestFirst)[0];
  if (last && last.status !== 'ok') {
    const why = last.error?.trim() || (last.status === 'pending' ? 'waiting to be summarized' : 'no reason recorded');
    return { status: last.status, reason: `${why} (${last.summarizer})`, summary: last };
  }
  const reason = otherLanguages.length
    ? `no ${language} summary yet (available in ${otherLanguages.join(', ')})`
    : `not summarized in ${language} yet`;
  return { status: 'pending', reason, summary: null };
}

export function buildDayView(input: DayInputs): DayView {
  const byPaper = new Map<string, StoredSummary[]>();
  for (const s of input.summaries) {
    const list = byPaper.get(s.paperId);
    if (list) list.push(s);
    else byPaper.set(s.paperId, [s]);
  }
  const unique = new Map<string, DayPaper>();
  const listings: DayView['listings'] = [];
  for (const row of input.rows) {
    let dp = unique.get(row.paper.id);
    if (!dp) {
      dp = {
        paper: row.paper,
        primary: row.paper.categories[0] ?? row.category,
        kind: row.kind,
        listings: [],
        summary: chooseSummary(
          byPaper.get(row.paper.id) ?? [],
          input.preferredSummarizer,
          input.language,
          input.otherLanguages.get(row.paper.id),
          input.date,
        ),
        code: input.codeLinks.get(row.paper.id) ?? null,
      };
      unique.set(row.paper.id, dp);
    }
    dp.listings.push({ category: row.category, kind: row.kind });
    listings.push({ paper: dp, category: row.category, kind: row.kind, version: row.version });
  }
  // A published day lists what its digest listed — the papers with a summary of that day — and
  // what has been summarized for it since (our own summaries, which serve every day).
  const listed = (id: string) => (byPaper.get(id) ?? []).some((s) => s.day === input.date || (s.day ?? '') === '');
  const unlisted: DayPaper[] = [];
  const groups = new Map<string, DayPaper[]>();
  for (const dp of unique.values()) {
    if (input.digest && !listed(dp.paper.id)) {
      unlisted.push(dp);
      continue;
    }
    const g = groups.get(dp.primary);
    if (g) g.push(dp);
    else groups.set(dp.primary, [dp]);
  }
  const names = orderCategories(groups.keys(), input.digest?.categoryOrder ?? input.categoryOrder);
  return {
    date: input.date,
    language: input.language,
    categories: names.map((name) => ({ name, count: groups.get(name)!.length })),
    papers: names.flatMap((name) => groups.get(name)!),
    listings,
    unlisted,
  };
}

export interface DayCounts {
  papers: number;
  summarized: number;
  pending: number;
  failed: number;
  refused: number;
  placeholders: number;
}

export function countDay(view: DayView): DayCounts {
  const c: DayCounts = {
    papers: view.papers.length,
    summarized: 0,
    pending: 0,
    failed: 0,
    refused: 0,
    placeholders: 0,
  };
  for (const p of view.papers) {
    if (p.summary.status === 'ok') {
      c.summarized++;
      if (p.summary.summary.flags.includes(PLACEHOLDER_FLAG)) c.placeholders++;
    } else c[p.summary.status]++;
  }
  return c;
}
