/** `arxiv-digest summarize`: a day's papers into five-field summaries, once each. */
import OpenAI from 'openai';
import { configuredSummarizer, type Settings } from '../../config/settings.js';
import { loadDay } from '../../publish/load-day.js';
import type { SummarySelection } from '../../rank/rank.js';
import { createLimiter, type RateLimiter } from '../../summarize/limiter.js';
import { OFFLINE_SUMMARIZER_ID, createOfflineSummarizer } from '../../summarize/offline.js';
import { MODES, createOpenAiSummarizer, type StructuredMode } from '../../summarize/openai.js';
import { claimedSummarizer } from '../../summarize/claims.js';
import { summarizeDay, type SummarizeReport } from '../../summarize/summarize-day.js';
import type { Summarizer } from '../../summarize/types.js';
import type { Store } from '../../store/store.js';
import { UsageError } from '../../errors.js';
import { createProgress } from '../progress.js';
import {
  grouped,
  plural,
  rankerFor,
  rankingSettingsFrom,
  recordRun,
  withStore,
  type GlobalOptions,
  type Io,
} from '../context.js';
import { resolveDate } from './render.js';

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

function describe(r: SummarizeReport, head: string): string {
  const flags = [
    r.flagged.unsupportedNumbers && `${r.flagged.unsupportedNumbers} with a number not in the abstract`,
    r.flagged.languageMismatch && `${r.flagged.languageMismatch} not in the requested language`,
    r.flagged.untranslated && `${r.flagged.untranslated} untranslated (offline)`,
  ].filter(Boolean);
  const secs = r.wallMs / 1000;
  return (
    `${head}: ${plural(r.papers, 'paper')} — ${r.ok} ok, ${r.failed} failed, ${r.refused} refused, ${r.skipped} skipped` +
    (r.pending ? `, ${r.pending} pending` : '') +
    (flags.length ? `; flagged: ${flags.join(', ')}` : '') +
    `; tokens ${grouped(r.tokensIn)} in / ${grouped(r.tokensOut)} out` +
    `; cost ${r.costUsd === null ? (r.tokensIn ? 'unknown (no price set)' : '$0') : `$${r.costUsd.toFixed(4)}`}` +
    `; ${duration(r.wallMs)}; ${(secs > 0 ? r.requests / secs : 0).toFixed(1)} req/s` +
    (r.stoppedBy ? `; stopped: ${r.stoppedBy}` : '') +
    (r.routed ? `; ${grouped(r.routed.selected)} chosen for the LLM, ${grouped(r.routed.fallback)} offline` : '')
  );
}

export function makeSummarizer(
  settings: Settings,
  store: Store,
  flags: SummarizeFlags,
  io: Io,
): { summarizer: Summarizer; limiter: RateLimiter | null } {
  const provider = flags.provider ?? (settings.openai.apiKey ? 'openai' : 'offline');
  if (provider === 'offline') {
    if (!flags.provider)
      io.stderr.write(
        'summarize: no OPENAI_API_KEY: using the offline summarizer (sentences from each abstract, in its own language)\n',
      );
    return { summarizer: createOfflineSummarizer(), limiter: null };
  }
  if (provider !== 'openai')
    throw new UsageError(`--provider: expected openai or offline, got ${JSON.stringify(provider)}`);
  if (!settings.openai.apiKey) throw new UsageError('--provider openai needs OPENAI_API_KEY in the environment');
  const { llm, openai } = settings;
  const limiter = createLimiter({
    concurrency: llm.concurrency,
    rpm: llm.rpm,
    tpm: llm.tpm,
    onEvent: (e) => io.stderr.write(`summarize: ${e.detail}\n`),
  });
  const client = new OpenAI({
    apiKey: openai.apiKey ?? undefined,
    baseURL: openai.baseUrl ?? undefined,
    timeout: llm.timeoutMs,
    maxRetries: 0, // the limiter retries, pacing the whole pool
  });
  // The structured-output mode a server supports is learnt once and kept for the next runs.
  const modeKey = `llm-mode:${openai.baseUrl ?? 'default'}:${openai.model}`;
  const known = store.getState<StructuredMode>(modeKey);
  const paid = createOpenAiSummarizer({
    client,
    model: openai.model,
    limiter,
    price: llm.prices[openai.model] ?? null,
    mode: known && (MODES as readonly string[]).includes(known) ? known : undefined,
    onModeChange: (mode) => {
      store.setState(modeKey, mode);
      io.stderr.write(`summarize: the provider does not take that structured-output mode; using ${mode}\n`);
    },
  });
  // Concurrent summarize and run processes share the day's papers: each is paid once.
  const summarizer = claimedSummarizer(paid, { store, concurrency: llm.concurrency });
  return { summarizer, limiter };
}

/** `--summarize-top` / `--min-score` (or their settings), or null when neither is set. */
export function selectionOf(settings: Settings): SummarySelection | null {
  const { summarizeTop, minScore } = settings.rank;
  if (summarizeTop === null && minScore === null) return null;
  return {
    ...(summarizeTop !== null ? { top: summarizeTop } : {}),
    ...(minScore !== null ? { minScore } : {}),
  };
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
  const sel = selectionOf(settings);
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
      const { summarizer, limiter } = makeSummarizer(settings, store, flags, io);
      if (maxCostUsd !== null && limiter && !settings.llm.prices[settings.openai.model]) {
        throw new UsageError(
          `--max-cost-usd needs the price of ${settings.openai.model}: set "prices" in the config file or LLM_PRICE_INPUT and LLM_PRICE_OUTPUT (USD per million tokens)`,
        );
      }
      const log = (line: string) => io.stderr.write(`${line}\n`);
      const selected = await papersForLlm(settings, store, date, summarizer, log);
      let progress: ReturnType<typeof createProgress> | null = null;
      const report = await summarizeDay(
        {
          store,
          summarizer,
          ...(selected ? { fallback: createOfflineSummarizer() } : {}),
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
        `${describe(report, `summarize ${date} (${settings.language}, ${summarizer.id}, prompt ${summarizer.promptVersion})`)}\n`,
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
