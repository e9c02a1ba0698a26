/**
 * The day as every output format sees it: papers in stored order, grouped by primary category
 * in the reader's order, each with the one summary to show (or an honest status). Pure.
 */
import type { AnnouncementKind, CodeLink, Paper, StoredSummary, SummaryStatus } from '../core/types.js';
import { PLACEHOLDER_FLAG } from '../core/placeholders.js';
import type { DayRow } from '../store/store.js';

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
  /** Every announcement row (a paper once per listing), in stored order. */
  listings: { paper: DayPaper; category: string; kind: AnnouncementKind }[];
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
 * Which summary to show: a real ok summary before a flagged placeholder, the configured
 * summarizer before others, then the newest. Without an ok one, the newest attempt's status.
 */
export function chooseSummary(
  candidates: readonly StoredSummary[],
  preferredSummarizer: string,
  language: string,
  otherLanguages: readonly string[] = [],
): SummaryState {
  const ok = candidates.filter((s) => s.status === 'ok' && s.fields);
  if (ok.length) {
    const score = (s: StoredSummary) =>
      (s.flags.includes(PLACEHOLDER_FLAG) ? 0 : 2) + (s.summarizer === preferredSummarizer ? 1 : 0);
    const best = [...ok].sort((a, b) => score(b) - score(a) || newestFirst(a, b))[0]!;
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
        ),
        code: input.codeLinks.get(row.paper.id) ?? null,
      };
      unique.set(row.paper.id, dp);
    }
    dp.listings.push({ category: row.category, kind: row.kind });
    listings.push({ paper: dp, category: row.category, kind: row.kind });
  }
  const groups = new Map<string, DayPaper[]>();
  for (const dp of unique.values()) {
    const g = groups.get(dp.primary);
    if (g) g.push(dp);
    else groups.set(dp.primary, [dp]);
  }
  const names = orderCategories(groups.keys(), input.categoryOrder);
  return {
    date: input.date,
    language: input.language,
    categories: names.map((name) => ({ name, count: groups.get(name)!.length })),
    papers: names.flatMap((name) => groups.get(name)!),
    listings,
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
