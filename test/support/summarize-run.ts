/**
 * A day summarized against the OpenAI stand-in the way `arxiv-digest summarize` does it, in
 * process: settings from an environment, the provider from settings (summarize/from-settings.ts),
 * a real store, summarizeDay, and the summary line. What a test asserts is what a user sees: the
 * stored summaries, the requests the provider got, the lines on stderr and the summary line.
 */
import { onTestFinished } from 'vitest';
import { describeSummarize } from '../../src/cli/commands/summarize.js';
import { loadSettings } from '../../src/config/settings.js';
import type { PaperInput, StoredSummary } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import { summarizerFromSettings } from '../../src/app/provider.js';
import { summarizeDay, type SummarizeReport } from '../../src/summarize/summarize-day.js';
import { testDir, testStore } from './fixtures.js';
import { startOpenAiStandIn, type OpenAiStandIn, type OpenAiStandInOptions } from './openai-standin.js';
import { dayPapers } from './papers.js';

export const DAY = '2026-09-23';

export interface DayRun {
  report: SummarizeReport;
  /** The summary line the command prints. */
  line: string;
  /** What the run wrote to stderr (limiter events, dialect changes). */
  log: string[];
  /** Chat requests the provider got during this run. */
  requests: number;
  rows: StoredSummary[];
  wallMs: number;
}

export interface LlmDayOptions {
  standIn?: OpenAiStandInOptions;
  /** Settings environment on top of OPENAI_API_KEY, OPENAI_BASE_URL and MODEL_NAME. */
  env?: Record<string, string>;
  papers?: PaperInput[];
  language?: string;
}

export async function llmDay(opts: LlmDayOptions = {}): Promise<{
  llm: OpenAiStandIn;
  store: Store;
  run: (more?: { retryFailed?: boolean; clock?: () => Date }) => Promise<DayRun>;
}> {
  const llm = await startOpenAiStandIn({ apiKey: 'sk-standin-key', ...opts.standIn });
  onTestFinished(() => llm.close());
  const store = testStore();
  const papers = opts.papers ?? dayPapers();
  store.upsertPapers(papers, 'test');
  store.addAnnouncements(
    DAY,
    papers.map((p) => ({ paperId: p.id, category: 'cs.LG', version: p.version ?? 1, kind: 'new' as const })),
    'test',
  );
  const language = opts.language ?? 'English';
  const env = {
    OPENAI_API_KEY: 'sk-standin-key',
    OPENAI_BASE_URL: llm.url,
    MODEL_NAME: llm.profile.model,
    LLM_CONCURRENCY: '8',
    LLM_PRICE_INPUT: '0.28',
    LLM_PRICE_OUTPUT: '0.42',
    ...opts.env,
  };
  const cwd = testDir();
  const run = async (more: { retryFailed?: boolean; clock?: () => Date } = {}): Promise<DayRun> => {
    const settings = loadSettings({ env, cwd, flags: { language } });
    const log: string[] = [];
    const { summarizer, limiter } = summarizerFromSettings(settings, store, { log: (l) => log.push(l) });
    const before = llm.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const t0 = performance.now();
    const report = await summarizeDay(
      { store, summarizer, stop: (why) => limiter?.stop(why), clock: more.clock },
      { date: DAY, language, retryFailed: more.retryFailed ?? false, maxCostUsd: null },
    );
    const wallMs = performance.now() - t0;
    const requests = llm.requests.filter((r) => r.path.endsWith('/chat/completions')).length - before;
    const line = describeSummarize(
      report,
      `summarize ${DAY} (${language}, ${summarizer.id}, prompt ${summarizer.promptVersion})`,
    );
    return { report, line, log, requests, rows: store.getDaySummaries(DAY, language), wallMs };
  };
  return { llm, store, run };
}
