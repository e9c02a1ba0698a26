/**
 * The summarize stage's contract: every summarizer (the OpenAI-compatible provider, the offline
 * one, test fakes) turns one paper into one outcome. Failures are outcomes, not exceptions, so
 * a run records them and goes on.
 */
import type { SummaryFields } from '../core/types.js';

export interface SummaryRequest {
  paperId: string;
  /** 0 when the paper's version is unknown. */
  version: number;
  title: string;
  abstract: string;
  /** Any language name: Chinese, English, Japanese, German, … */
  language: string;
}

export interface SummaryOutcome {
  status: 'ok' | 'failed' | 'refused';
  /** The five fields for `ok`; null otherwise. */
  fields: SummaryFields | null;
  /** Why it failed or was refused; null for ok. */
  error: string | null;
  /** E.g. `unsupported-number`, `language-mismatch`, `untranslated`. */
  flags: string[];
  tokensIn: number | null;
  tokensOut: number | null;
  costUsd: number | null;
  durationMs: number;
  /** Requests made for this paper (retries and repair included); 0 offline. */
  requests: number;
}

/** What a summarizer has spent so far, all papers together (requests that ended in a stop included). */
export interface SummarizerUsage {
  /** HTTP requests sent. */
  requests: number;
  /** Requests after the first of their paper: retries, re-sends in another mode, repairs, larger budgets. */
  retries: number;
  tokensIn: number;
  tokensOut: number;
  /** Null when no price is set. */
  costUsd: number | null;
}

export interface Summarizer {
  /** Stored as the summary's summarizer: `offline`, `openai:deepseek-chat`. */
  readonly id: string;
  /** Part of the summary's key: a new prompt means new summaries. */
  readonly promptVersion: string;
  summarize(request: SummaryRequest): Promise<SummaryOutcome>;
  /** Totals so far; absent for summarizers that make no requests. */
  usage?(): SummarizerUsage;
}
