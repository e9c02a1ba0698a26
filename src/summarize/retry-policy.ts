/**
 * When a paper whose summary failed gets another try, across runs: failed papers heal
 * themselves without a flag, but a paper that fails every time does not cost a request every
 * run for ever.
 *
 * - `failed` and refused-by-the-provider's-filter summaries are tried again by a later run, at
 *   most MAX_ATTEMPTS attempts in all, each after a growing wait (1 h, 4 h, 16 h: with a daily
 *   run, the next runs). A refusal the model wrote itself is an answer, not an error: it stays.
 * - `--retry-failed` means "now, whatever the count": every failed and refused paper is tried.
 * - `pending` papers (not started, interrupted) are always done; `ok` ones never again.
 *
 * Pure: the store keeps `attempts` and `retryAfter`; summarize-day asks these functions.
 */
import type { StoredSummary, SummaryStatus } from '../core/types.js';

export const MAX_ATTEMPTS = 4;
export const FIRST_RETRY_DELAY_MS = 60 * 60 * 1000;
export const RETRY_DELAY_GROWTH = 4;

/** Failures an error caused (a broken answer, an outage, a filter): worth another try. */
export function isRetryableFailure(s: Pick<StoredSummary, 'status' | 'error'>): boolean {
  if (s.status === 'failed') return true;
  return s.status === 'refused' && /^refused by the provider's content filter/.test(s.error ?? '');
}

/** The time of the next automatic attempt after `attempts` attempts, or null when there is none. */
export function nextAttemptAt(
  outcome: { status: SummaryStatus; error: string | null },
  attempts: number,
  now: Date,
): string | null {
  if (!isRetryableFailure(outcome) || attempts >= MAX_ATTEMPTS) return null;
  const wait = FIRST_RETRY_DELAY_MS * RETRY_DELAY_GROWTH ** Math.max(0, attempts - 1);
  return new Date(now.getTime() + wait).toISOString();
}

export type RetryDecision =
  /** Summarize it (again) now. */
  | 'due'
  /** Leave it: ok, or a refusal that stands. */
  | 'done'
  /** Failed; a later run tries again (after `retryAfter`). */
  | 'later'
  /** Failed MAX_ATTEMPTS times: only `--retry-failed` tries again. */
  | 'given-up';

export function retryDecision(
  prior: Pick<StoredSummary, 'status' | 'error' | 'attempts' | 'retryAfter'>,
  opts: { retryFailed: boolean; now: Date },
): RetryDecision {
  if (prior.status === 'pending') return 'due';
  if (prior.status === 'ok') return 'done';
  if (opts.retryFailed) return 'due';
  if (!isRetryableFailure(prior)) return 'done';
  if (!prior.retryAfter) return 'given-up';
  return Date.parse(prior.retryAfter) <= opts.now.getTime() ? 'due' : 'later';
}
