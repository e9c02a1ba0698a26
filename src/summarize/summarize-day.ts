/**
 * `summarize`: every paper of a day gets a summary in the language, once. A paper whose
 * summary exists for (id, version, language, summarizer, prompt version) costs nothing; the
 * rest are marked pending first, so a run killed midway leaves exactly the unfinished ones
 * for the next run. Each result is stored the moment it arrives, with the faithfulness and
 * language checks applied.
 *
 * With a selection (`--summarize-top`, `--min-score`: the ranked day's best papers) only the
 * selected papers go to the summarizer; the others go to the fallback (the offline summarizer),
 * so every paper is still listed with a summary and LLM money is spent on what the reader reads.
 */
import { PLACEHOLDER_FLAG } from '../core/placeholders.js';
import type { StoredSummary, SummaryInput } from '../core/types.js';
import type { Store } from '../store/store.js';
import { SummarizedElsewhere } from './claims.js';
import { findUnsupportedNumbers } from './faithfulness.js';
import { LimiterStopped } from './limiter.js';
import { ProviderError } from './openai.js';
import { summaryLanguageOk } from './script.js';
import { FLAGS, type Summarizer, type SummaryOutcome, type SummaryRequest } from './types.js';

export interface SummarizeOptions {
  date: string;
  language: string;
  retryFailed: boolean;
  /** Stop starting new requests once the run's cost reaches this. */
  maxCostUsd: number | null;
  /** Ids of the papers for `summarizer`; the others go to `fallback`. Absent = every paper. */
  selected?: ReadonlySet<string> | null;
}

export interface SummarizeDeps {
  store: Store;
  summarizer: Summarizer;
  /** Summarizes the papers left out of `selected` (needed with it): the offline summarizer. */
  fallback?: Summarizer;
  /** Stops new requests (the limiter's stop); called when the cost cap is reached. */
  stop?: (reason: string) => void;
  onProgress?: (done: number, total: number) => void;
  now?: () => number;
}

export interface SummarizeReport {
  papers: number;
  ok: number;
  failed: number;
  refused: number;
  /** Done before (ok, or failed/refused without --retry-failed): 0 calls. */
  skipped: number;
  /** Not started (cost cap) or interrupted. */
  pending: number;
  flagged: { unsupportedNumbers: number; languageMismatch: number; untranslated: number };
  tokensIn: number;
  tokensOut: number;
  costUsd: number | null;
  requests: number;
  wallMs: number;
  /** Set when the cost cap stopped the run. */
  stoppedBy: string | null;
  /** With a selection: the day's papers given to the summarizer and to the fallback (done ones included). */
  routed: { selected: number; fallback: number } | null;
}

/** Applies the checks every summary gets, whoever wrote it. */
export function checkOutcome(outcome: SummaryOutcome, req: SummaryRequest): SummaryOutcome {
  if (outcome.status !== 'ok' || !outcome.fields) return outcome;
  const flags = new Set(outcome.flags);
  if (findUnsupportedNumbers(outcome.fields, { title: req.title, abstract: req.abstract }).length)
    flags.add(FLAGS.unsupportedNumber);
  if (!flags.has(FLAGS.untranslated) && !summaryLanguageOk(outcome.fields, req.language))
    flags.add(FLAGS.languageMismatch);
  return { ...outcome, flags: [...flags] };
}

export async function summarizeDay(deps: SummarizeDeps, opts: SummarizeOptions): Promise<SummarizeReport> {
  const { store, summarizer } = deps;
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const papers = [...new Map(store.getDay(opts.date).map((r) => [r.paper.id, r.paper])).values()];
  const report: SummarizeReport = {
    papers: papers.length,
    ok: 0,
    failed: 0,
    refused: 0,
    skipped: 0,
    pending: 0,
    flagged: { unsupportedNumbers: 0, languageMismatch: 0, untranslated: 0 },
    tokensIn: 0,
    tokensOut: 0,
    costUsd: null,
    requests: 0,
    wallMs: 0,
    stoppedBy: null,
    routed: null,
  };
  const selected = opts.selected ?? null;
  const fallback = selected ? deps.fallback : undefined;
  if (selected && !fallback) throw new Error('summarizeDay: a selection needs a fallback summarizer');
  /** Who summarizes a paper. */
  const writerOf = (id: string): Summarizer => (fallback && !selected!.has(id) ? fallback : summarizer);
  if (selected) {
    const n = papers.filter((p) => selected.has(p.id)).length;
    report.routed = { selected: n, fallback: papers.length - n };
  }

  // Which papers need work: no summary under this key yet, a pending one, or (when asked) a failure.
  const existing = new Map<string, StoredSummary>();
  /** Papers with a real summary by anyone: the fallback leaves them alone (it would only be worse). */
  const summarized = new Set<string>();
  for (const s of store.getDaySummaries(opts.date, opts.language)) {
    if (s.status === 'ok' && !s.flags.includes(PLACEHOLDER_FLAG)) summarized.add(`${s.paperId}@${s.version}`);
    for (const w of fallback ? [summarizer, fallback] : [summarizer])
      if (s.summarizer === w.id && s.promptVersion === w.promptVersion)
        existing.set(`${w.id}|${s.paperId}@${s.version}`, s);
  }
  const todo: SummaryRequest[] = [];
  for (const p of papers) {
    const version = p.version ?? 0;
    const writer = writerOf(p.id);
    const prior = existing.get(`${writer.id}|${p.id}@${version}`);
    const done =
      (prior && (prior.status === 'ok' || (!opts.retryFailed && prior.status !== 'pending'))) ||
      (writer === fallback && (summarized.has(`${p.id}@${version}`) || summarized.has(`${p.id}@0`)));
    if (done) report.skipped++;
    else todo.push({ paperId: p.id, version, title: p.title, abstract: p.abstract, language: opts.language });
  }
  const key = (r: SummaryRequest) => ({
    paperId: r.paperId,
    version: r.version,
    language: r.language,
    summarizer: writerOf(r.paperId).id,
    promptVersion: writerOf(r.paperId).promptVersion,
  });
  const pendingRow = (r: SummaryRequest, why: string): SummaryInput => ({
    ...key(r),
    status: 'pending',
    fields: null,
    error: why,
  });
  store.upsertSummaries(todo.map((r) => pendingRow(r, 'waiting to be summarized')));

  let done = 0;
  let cost = 0;
  let fatal: unknown = null;
  deps.onProgress?.(0, todo.length);
  await Promise.all(
    todo.map(async (req) => {
      let outcome: SummaryOutcome;
      const writer = writerOf(req.paperId);
      try {
        // A stop (cost cap, provider error) is the summarizer's; the fallback costs nothing and goes on.
        if (writer === summarizer && (fatal || report.stoppedBy))
          throw new LimiterStopped(report.stoppedBy ?? 'stopped');
        outcome = checkOutcome(await writer.summarize(req), req);
      } catch (e) {
        // Done by a concurrent process (claims.ts): stored there, 0 calls here.
        if (e instanceof SummarizedElsewhere) {
          report.skipped++;
          deps.onProgress?.(++done, todo.length);
          return;
        }
        if (e instanceof LimiterStopped) {
          report.pending++;
          store.upsertSummaries([pendingRow(req, `not started: ${report.stoppedBy ?? e.message}`)]);
          return;
        }
        if (e instanceof ProviderError) {
          // Every paper would fail the same way: stop, leave the rest pending, report once.
          fatal ??= e;
          deps.stop?.(e.message);
          report.pending++;
          return;
        }
        outcome = {
          status: 'failed',
          fields: null,
          error: e instanceof Error ? e.message : String(e),
          flags: [],
          tokensIn: null,
          tokensOut: null,
          costUsd: null,
          durationMs: 0,
          requests: 0,
        };
      }
      store.upsertSummaries([{ ...key(req), ...outcome }]);
      report[outcome.status]++;
      report.tokensIn += outcome.tokensIn ?? 0;
      report.tokensOut += outcome.tokensOut ?? 0;
      report.requests += outcome.requests;
      if (outcome.costUsd !== null) cost += outcome.costUsd;
      if (outcome.costUsd !== null) report.costUsd = cost;
      if (outcome.flags.includes(FLAGS.unsupportedNumber)) report.flagged.unsupportedNumbers++;
      if (outcome.flags.includes(FLAGS.languageMismatch)) report.flagged.languageMismatch++;
      if (outcome.flags.includes(FLAGS.untranslated)) report.flagged.untranslated++;
      deps.onProgress?.(++done, todo.length);
      if (opts.maxCostUsd !== null && cost >= opts.maxCostUsd && !report.stoppedBy) {
        report.stoppedBy = `--max-cost-usd ${opts.maxCostUsd} reached ($${cost.toFixed(4)})`;
        deps.stop?.(report.stoppedBy);
      }
    }),
  );
  report.wallMs = Math.round(now() - started);
  if (fatal) throw fatal;
  return report;
}
