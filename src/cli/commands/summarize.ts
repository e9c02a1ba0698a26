/** `arxiv-digest summarize`: a day's papers into five-field summaries, once each. */
import { configuredSummarizer, type Settings } from '../../config/settings.js';
import { loadDay } from '../../publish/load-day.js';
import { rankerFor, summarizers, summarySelection } from '../../app/wiring.js';
import { OFFLINE_SUMMARIZER_ID } from '../../core/types.js';
import { summarizeDay, type SummarizeReport } from '../../summarize/summarize-day.js';
import type { Summarizer } from '../../summarize/types.js';
import type { Store } from '../../store/store.js';
import { UsageError } from '../../errors.js';
import { createProgress } from '../progress.js';
import {
  grouped,
  plural,
  resolveDate,
  rankingSettingsFrom,
  recordRun,
  withStore,
  type GlobalOptions,
  type Io,
} from '../context.js';

export interface SummarizeFlags {
  date?: string;
  lang?: string;
  provider?: string;
  model?: string;
  concurrency?: string;
  rpm?: string;
  tpm?: string;
  maxCostUsd?: string;
  retryFailed?: boolean;
  summarizeTop?: string;
  minScore?: string;
  keywords?: string;
  exclude?: string;
  authors?: string;
}

const duration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

/** Requests per second with two significant digits: a slow run says 0.13, not 0.0. */
export const requestRate = (requests: number, ms: number): string => {
  const rate = ms > 0 ? (requests * 1000) / ms : 0;
  return rate === 0 ? '0.0' : rate < 0.1 ? rate.toFixed(3) : rate < 1 ? rate.toFixed(2) : rate.toFixed(1);
};

const clockTime = (iso: string): string => iso.replace('T', ' ').slice(0, 16) + ' UTC';

/** The summary line: what was done and what it cost, every count true. */
export function describeSummarize(r: SummarizeReport, head: string): string {
  const flags = [
    r.flagged.unsupportedNumbers && `${r.flagged.unsupportedNumbers} with a number not in the abstract`,
    r.flagged.languageMismatch && `${r.flagged.languageMismatch} not in the requested language`,
    r.flagged.untranslated && `${r.flagged.untranslated} untranslated (offline)`,
    r.flagged.unrelated && `${r.flagged.unrelated} sharing almost nothing with their paper`,
    r.flagged.instructionLike && `${r.flagged.instructionLike} with instruction-like text`,
    r.flagged.inputTruncated && `${r.flagged.inputTruncated} from a title or abstract cut for the prompt`,
  ].filter(Boolean);
  const waiting = [
    r.retryLater.papers && `${r.retryLater.papers} failed, tried again from ${clockTime(r.retryLater.from!)}`,
    r.givenUp && `${r.givenUp} failed on every attempt (--retry-failed tries them now)`,
  ].filter(Boolean);
  return (
    `${head}: ${plural(r.papers, 'paper')} — ${r.ok} ok, ${r.failed} failed, ${r.refused} refused, ${r.skipped} skipped` +
    (waiting.length ? ` (${waiting.join('; ')})` : '') +
    (r.pending ? `, ${r.pending} pending` : '') +
    (flags.length ? `; flagged: ${flags.join(', ')}` : '') +
    `; tokens ${grouped(r.tokensIn)} in / ${grouped(r.tokensOut)} out` +
    `; cost ${r.costUsd === null ? (r.tokensIn ? 'unknown (no price set)' : '$0') : `$${r.costUsd.toFixed(4)}`}` +
    `; ${duration(r.wallMs)}; ${plural(r.requests, 'request')}${r.retries ? ` (${grouped(r.retries)} retries)` : ''}, ${requestRate(r.requests, r.wallMs)} req/s` +
    (r.stoppedBy ? `; stopped: ${r.stoppedBy}` : '') +
    (r.routed ? `; ${grouped(r.routed.selected)} chosen for the LLM, ${grouped(r.routed.fallback)} offline` : '')
  );
}

/**
 * Which papers of the day the LLM summarizer gets under `--summarize-top` / `--min-score`: the
 * ranked day's best. Null (every paper) without limits, or when the summarizer is offline anyway.
 */
export async function papersForLlm(
  settings: Settings,
  store: Store,
  date: string,
  summarizer: Summarizer,
  log: (line: string) => void,
): Promise<Set<string> | null> {
  const sel = summarySelection(settings);
  if (!sel) return null;
  if (summarizer.id === OFFLINE_SUMMARIZER_ID) {
    log(
      'summarize: --summarize-top and --min-score choose what the LLM summarizes; offline, every paper is summarized',
    );
    return null;
  }
  const { chooseForLlm } = await import('../../rank/for-day.js');
  const ranker = await rankerFor(settings, store, log);
  const day = loadDay(store, {
    date,
    language: settings.language,
    categoryOrder: settings.categories,
    preferredSummarizer: configuredSummarizer(settings),
  });
  return chooseForLlm(ranker ? await ranker.rankDay(day) : day, sel, summarizer.id, log);
}

export async function summarizeCommand(flags: SummarizeFlags, globals: GlobalOptions, io: Io): Promise<number> {
  const settings = await rankingSettingsFrom(io, globals, flags);
  let maxCostUsd: number | null = null;
  if (flags.maxCostUsd !== undefined) {
    maxCostUsd = Number(flags.maxCostUsd);
    if (!Number.isFinite(maxCostUsd) || maxCostUsd < 0)
      throw new UsageError(`--max-cost-usd: expected an amount in USD, got ${JSON.stringify(flags.maxCostUsd)}`);
  }
  return withStore(settings, (store) =>
    recordRun(store, 'summarize', flags, async () => {
      const date = resolveDate(store, flags.date ?? 'latest');
      const log = (line: string) => io.stderr.write(`${line}\n`);
      const { summarizer, fallback, limiter } = await summarizers(settings, store, log, flags.provider);
      if (maxCostUsd !== null && limiter && !settings.llm.prices[settings.openai.model]) {
        throw new UsageError(
          `--max-cost-usd needs the price of ${settings.openai.model}: set "prices" in the config file or LLM_PRICE_INPUT and LLM_PRICE_OUTPUT (USD per million tokens)`,
        );
      }
      const selected = await papersForLlm(settings, store, date, summarizer, log);
      let progress: ReturnType<typeof createProgress> | null = null;
      const report = await summarizeDay(
        {
          store,
          summarizer,
          ...(selected ? { fallback } : {}),
          stop: (reason) => limiter?.stop(reason),
          onProgress: (done, total) => {
            progress ??= createProgress({ label: 'summarize', total, stream: io.stderr });
            progress.update(done);
          },
        },
        { date, language: settings.language, retryFailed: Boolean(flags.retryFailed), maxCostUsd, selected },
      );
      (progress as ReturnType<typeof createProgress> | null)?.stop();
      if (report.flagged.untranslated) {
        io.stderr.write(
          `summarize: note: the offline summarizer writes in each abstract's language; ${plural(report.flagged.untranslated, 'summary', 'summaries')} ` +
            `are not in ${settings.language} ` +
            (selected
              ? '(papers outside --summarize-top / --min-score)\n'
              : `(set OPENAI_API_KEY for summaries in ${settings.language})\n`),
        );
      }
      io.stdout.write(
        `${describeSummarize(report, `summarize ${date} (${settings.language}, ${summarizer.id}, prompt ${summarizer.promptVersion})`)}\n`,
      );
      const problems = report.failed + report.refused + report.pending;
      return {
        code: report.failed + report.pending > 0 ? 1 : 0,
        counts: {
          papers: report.papers,
          ok: report.ok,
          failed: report.failed,
          refused: report.refused,
          skipped: report.skipped,
          pending: report.pending,
          tokensIn: report.tokensIn,
          tokensOut: report.tokensOut,
        },
        problem: problems ? `${report.failed} failed, ${report.refused} refused, ${report.pending} pending` : undefined,
      };
    }),
  );
}
