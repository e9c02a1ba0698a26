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
import { IMPORTED_SUMMARIZER, OFFLINE_SUMMARIZER_ID, type StoredSummary, type SummaryInput } from '../core/types.js';
import type { Store } from '../store/store.js';
import { SummarizedElsewhere } from './claims.js';
import { findUnsupportedNumbers } from './faithfulness.js';
import { checkRelevance } from './relevance.js';
import { LimiterStopped } from './limiter.js';
import { ProviderError } from './openai.js';
import { nextAttemptAt, retryDecision } from './retry-policy.js';
import { summaryLanguageOk } from './script.js';
import { type Summarizer, type SummaryOutcome, type SummaryRequest } from './types.js';
import { FLAGS } from '../core/flags.js';

export interface SummarizeOptions {
  date: string;
  language: string;
  retryFailed: boolean;
  /** Stop starting new requests once the run's cost reaches this. */
  maxCostUsd: number | null;
  /** Ids of the papers for `summarizer`; the others go to `fallback`. Absent = every paper. */
  selected?: ReadonlySet<string> | null;
  /**
   * Only the papers the day's digest lists (`run`): on a day read from the reference's files, the
   * papers it never summarized are left for an explicit `summarize` of that day.
   */
  listedOnly?: boolean;
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
  /** Wall-clock time, for when failed papers are due again (default: the system clock). */
  clock?: () => Date;
}

export interface SummarizeReport {
  papers: number;
  ok: number;
  failed: number;
  refused: number;
  /** Done before (ok, a refusal that stands, or a failure not due again yet): 0 calls. */
  skipped: number;
  /** Of the skipped: failed papers a later run tries again, and the earliest time it will. */
  retryLater: { papers: number; from: string | null };
  /** Of the skipped: failed on every attempt allowed; only --retry-failed tries them again. */
  givenUp: number;
  /** Not started (cost cap) or interrupted. */
  pending: number;
  flagged: {
    unsupportedNumbers: number;
    languageMismatch: number;
    untranslated: number;
    unrelated: number;
    instructionLike: number;
    inputTruncated: number;
  };
  tokensIn: number;
  tokensOut: number;
  costUsd: number | null;
  requests: number;
  /** Requests after the first of their paper (retries, re-sends in another mode, repairs). */
  retries: number;
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
  const relevance = checkRelevance(outcome.fields, { title: req.title, abstract: req.abstract }, req.language);
  if (relevance.unrelated) flags.add(FLAGS.unrelated);
  if (relevance.instructionLike) flags.add(FLAGS.instructionLike);
  return { ...outcome, flags: [...flags] };
}

export async function summarizeDay(deps: SummarizeDeps, opts: SummarizeOptions): Promise<SummarizeReport> {
  const { store, summarizer } = deps;
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const daySummaries = store.getDaySummaries(opts.date, opts.language);
  let papers = [...new Map(store.getDay(opts.date).map((r) => [r.paper.id, r.paper])).values()];
  if (opts.listedOnly && store.getDayDigest(opts.date, opts.language)) {
    const listed = new Set(
      daySummaries.filter((s) => (s.day ?? '') === '' || s.day === opts.date).map((s) => s.paperId),
    );
    papers = papers.filter((p) => listed.has(p.id));
  }
  const report: SummarizeReport = {
    papers: papers.length,
    ok: 0,
    failed: 0,
    refused: 0,
    skipped: 0,
    retryLater: { papers: 0, from: null },
    givenUp: 0,
    pending: 0,
    flagged: {
      unsupportedNumbers: 0,
      languageMismatch: 0,
      untranslated: 0,
      unrelated: 0,
      instructionLike: 0,
      inputTruncated: 0,
    },
    tokensIn: 0,
    tokensOut: 0,
    costUsd: null,
    requests: 0,
    retries: 0,
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

  // Which papers need work: no summary under this key yet, a pending one, or (when asked) a
  // failure — and none better than the writer's own would be (pay once: an imported summary is
  // never paid for again; the offline summarizer writes only where there is nothing else).
  const existing = new Map<string, StoredSummary>();
  const real = (s: StoredSummary) => s.status === 'ok' && !s.flags.includes(PLACEHOLDER_FLAG);
  /** Papers with a real summary from the reference's files, and from anyone but the offline summarizer. */
  const imported = new Set<string>();
  const better = new Set<string>();
  for (const s of daySummaries) {
    if (real(s) && s.summarizer === IMPORTED_SUMMARIZER) imported.add(`${s.paperId}@${s.version}`);
    if (real(s) && s.summarizer !== OFFLINE_SUMMARIZER_ID) better.add(`${s.paperId}@${s.version}`);
    for (const w of fallback ? [summarizer, fallback] : [summarizer])
      if (s.summarizer === w.id && s.promptVersion === w.promptVersion)
        existing.set(`${w.id}|${s.paperId}@${s.version}`, s);
  }
  const has = (set: Set<string>, id: string, version: number) => set.has(`${id}@${version}`) || set.has(`${id}@0`);
  const todo: SummaryRequest[] = [];
  const clock = deps.clock ?? (() => new Date());
  const startedAt = clock();
  /** The stored row of each paper to do: its attempts go on counting across runs. */
  const priorOf = new Map<string, StoredSummary>();
  for (const p of papers) {
    const version = p.version ?? 0;
    const writer = writerOf(p.id);
    const prior = existing.get(`${writer.id}|${p.id}@${version}`);
    const decision = prior ? retryDecision(prior, { retryFailed: opts.retryFailed, now: startedAt }) : 'due';
    const done = decision !== 'due' || has(writer.id === OFFLINE_SUMMARIZER_ID ? better : imported, p.id, version);
    if (done) {
      report.skipped++;
      if (decision === 'given-up') report.givenUp++;
      if (decision === 'later') {
        report.retryLater.papers++;
        const at = prior!.retryAfter!;
        if (report.retryLater.from === null || at < report.retryLater.from) report.retryLater.from = at;
      }
      continue;
    }
    if (prior) priorOf.set(p.id, prior);
    todo.push({ paperId: p.id, version, title: p.title, abstract: p.abstract, language: opts.language });
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
    attempts: priorOf.get(r.paperId)?.attempts ?? 0,
    retryAfter: null,
  });
  const usageBefore = summarizer.usage?.() ?? null;
  store.upsertSummaries(todo.map((r) => pendingRow(r, 'waiting to be summarized')));

  let done = 0;
  let cost = 0;
  let fatal: unknown = null;
  const notStarted: SummaryRequest[] = [];
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
          // The cost cap, or the breaker: the provider stopped answering. Said once, kept on each
          // paper (in one write at the end: they are pending already, only the reason changes).
          report.stoppedBy ??= e.reason;
          report.pending++;
          notStarted.push(req);
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
      const attempts = (priorOf.get(req.paperId)?.attempts ?? 0) + 1;
      store.upsertSummaries([
        { ...key(req), ...outcome, attempts, retryAfter: nextAttemptAt(outcome, attempts, clock()) },
      ]);
      report[outcome.status]++;
      report.tokensIn += outcome.tokensIn ?? 0;
      report.tokensOut += outcome.tokensOut ?? 0;
      report.requests += outcome.requests;
      if (outcome.costUsd !== null) cost += outcome.costUsd;
      if (outcome.costUsd !== null) report.costUsd = cost;
      if (outcome.flags.includes(FLAGS.unsupportedNumber)) report.flagged.unsupportedNumbers++;
      if (outcome.flags.includes(FLAGS.languageMismatch)) report.flagged.languageMismatch++;
      if (outcome.flags.includes(FLAGS.untranslated)) report.flagged.untranslated++;
      if (outcome.flags.includes(FLAGS.unrelated)) report.flagged.unrelated++;
      if (outcome.flags.includes(FLAGS.instructionLike)) report.flagged.instructionLike++;
      if (outcome.flags.includes(FLAGS.inputTruncated)) report.flagged.inputTruncated++;
      deps.onProgress?.(++done, todo.length);
      if (opts.maxCostUsd !== null && cost >= opts.maxCostUsd && !report.stoppedBy) {
        report.stoppedBy = `--max-cost-usd ${opts.maxCostUsd} reached ($${cost.toFixed(4)})`;
        deps.stop?.(report.stoppedBy);
      }
    }),
  );
  if (notStarted.length)
    store.upsertSummaries(notStarted.map((r) => pendingRow(r, `not started: ${report.stoppedBy}`)));
  // What the provider says it spent is the truth: it counts requests of papers that ended in a stop.
  const usageAfter = summarizer.usage?.() ?? null;
  if (usageBefore && usageAfter) {
    report.requests = usageAfter.requests - usageBefore.requests;
    report.retries = usageAfter.retries - usageBefore.retries;
    report.tokensIn = usageAfter.tokensIn - usageBefore.tokensIn;
    report.tokensOut = usageAfter.tokensOut - usageBefore.tokensOut;
    if (usageAfter.costUsd !== null) report.costUsd = usageAfter.costUsd - (usageBefore.costUsd ?? 0);
  }
  report.wallMs = Math.round(now() - started);
  if (fatal) throw fatal;
  return report;
}
