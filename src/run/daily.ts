/**
 * `run`, the daily job, as a table of contents: fetch → code links → rank → summarize → publish →
 * deliver. Each step reports; a failing step is recorded and the later ones still run on what
 * is stored, so the published digest is always complete for what is known. Idempotent per
 * announcement date: the same files again, and nothing sent twice. Ranking comes before
 * summarizing so `--summarize-top` / `--min-score` spend LLM money only on the papers the reader
 * will read (the rest are summarized offline).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dayRecordFileName, recordedTarget } from '../core/day-record.js';
import { fetchDay, type FetchDayOptions, type FetchReport } from '../arxiv/fetch-day.js';
import type { ArxivHttp } from '../arxiv/http.js';
import { writeFileAtomic } from '../core/write-file.js';
import type { Channel, DigestMessage } from '../deliver/types.js';
import { AppError, NotFoundError } from '../errors.js';
import { importPaths, type ImportReport } from '../ingest/import-files.js';
import { findCodeLinks } from '../links/code-links.js';
import type { StarsResult } from '../links/github-stars.js';
import { countDay, type DayCounts, type DayView } from '../core/day-view.js';
import { feedCategories, feedDates, FEED_FILES, publishedFeeds } from '../publish/feed-files.js';
import { enhancedJsonlRenderer, rawJsonlRenderer } from '../publish/jsonl.js';
import { loadDay } from '../publish/load-day.js';
import { renderDayRecord } from '../publish/day-record.js';
import { markdownRenderer } from '../publish/markdown.js';
import { renderSite } from '../publish/site/index.js';
import { chooseForLlm } from '../rank/for-day.js';
import type { SummarySelection } from '../rank/rank.js';
import type { Ranker } from '../rank/ranker.js';
import type { Store } from '../store/store.js';
import { writeTree } from './publish-files.js';
import { writeReaderState } from './reader-state.js';
import { summarizeDay, type SummarizeReport } from '../summarize/summarize-day.js';
import type { Summarizer } from '../summarize/types.js';

export interface DailyOptions {
  /** `latest` or a listing date. */
  date: string;
  steps: { fetch: boolean; summarize: boolean; deliver: boolean };
  fetch: Omit<FetchDayOptions, 'date'>;
  language: string;
  /** Language of the site's and the digest's own words (UI_LANGUAGE). */
  uiLanguage?: string;
  categoryOrder: readonly string[];
  preferredSummarizer: string;
  outDir: string;
  /** `feedDays` calendar days end on the newest stored day; `feedMaxBytes` bounds each feed. */
  site: { title: string; siteUrl: string | null; siteDays: number; feedDays: number; feedMaxBytes: number };
  maxPapers: number;
  retryFailed: boolean;
  maxCostUsd: number | null;
  /** `--summarize-top` / `--min-score`: only the best papers go to `summarizer`, the rest to `fallbackSummarizer`. */
  selection?: SummarySelection | null;
}

export interface DailyDeps {
  store: Store;
  http: ArxivHttp;
  summarizer: Summarizer;
  /** Summarizes the papers a selection leaves out (the offline summarizer). */
  fallbackSummarizer?: Summarizer;
  stopSummarizer?: (reason: string) => void;
  /** The reader's ranker when there is something to rank by; days are published ranked. */
  ranker?: Ranker | null;
  channels: readonly Channel[];
  /** Looks up stars of GitHub repositories (time-boxed), when a token is set. */
  stars?: (urls: string[]) => Promise<StarsResult>;
  log: (line: string) => void;
  onSummaryProgress?: (done: number, total: number) => void;
  /** Days read back from --out before fetching (the store was missing or older). */
  onRestoreProgress?: (done: number, total: number) => void;
  now: () => Date;
}

export interface DeliveryOutcome {
  channel: string;
  target: string;
  status: 'sent' | 'already-sent' | 'failed';
  error?: string;
}

export interface DailyReport {
  date: string;
  /** Days restored from --out's files before fetching; null when the store had them all. */
  restored: ImportReport | null;
  fetch: FetchReport | null;
  summarize: SummarizeReport | null;
  counts: DayCounts;
  links: { found: number; stars: number };
  files: string[];
  /** Files whose content changed (the others were already as published). */
  written: number;
  deliveries: DeliveryOutcome[];
  /** One line per step that failed; the exit code is 1 when there are any. */
  problems: string[];
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function runDaily(deps: DailyDeps, opts: DailyOptions): Promise<DailyReport> {
  const { store, log } = deps;
  const problems: string[] = [];

  // 0. The day files in --out are the durable record: days the store lacks (a lost cache, a new
  // machine, a migration) are read back first, so nothing published is fetched or paid again.
  const restored = restore(deps, opts, problems);

  // 1. Fetch. A failure is recorded; what is stored is still summarized and published.
  let fetched: FetchReport | null = null;
  if (opts.steps.fetch) {
    try {
      fetched = await fetchDay({ http: deps.http, store, log, now: deps.now }, { ...opts.fetch, date: opts.date });
      if (fetched.missing.length) problems.push(`fetch: ${fetched.missing.length} papers missing metadata`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push(`fetch: ${e.message}`);
    }
  }
  const date = opts.date !== 'latest' ? opts.date : store.listDays()[0]?.date;
  if (!date)
    throw new NotFoundError(
      `nothing to publish: the store ${store.path} has no announcement days${problems.length ? ` (${problems.join('; ')})` : ''}`,
    );
  const load = (d: string): DayView =>
    loadDay(store, {
      date: d,
      language: opts.language,
      categoryOrder: opts.categoryOrder,
      preferredSummarizer: opts.preferredSummarizer,
    });

  // Ranking for the reader. A library file that cannot be read is a problem of the run, said once;
  // the days are then published unranked.
  let rankProblem = false;
  const rank = async (day: DayView): Promise<DayView> => {
    if (!deps.ranker || rankProblem) return day;
    try {
      return await deps.ranker.rankDay(day);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      rankProblem = true;
      problems.push(`rank: ${e.message}`);
      return day;
    }
  };

  // 2. Code links from abstracts and comments; stars only when a token is set, time-boxed.
  const links = await collectLinks(deps, load(date));

  // 3. Summarize the day (0 calls for what is done); with a selection, the ranked day's best papers
  // by the LLM and the rest offline (all of them offline when ranking failed: the next run, once
  // fixed, summarizes the best with the LLM).
  let summarized: SummarizeReport | null = null;
  if (opts.steps.summarize) {
    try {
      let selected: Set<string> | null = null;
      const { fallbackSummarizer: fallback } = deps;
      if (opts.selection && fallback && fallback.id !== deps.summarizer.id) {
        const ranked = await rank(load(date));
        selected = rankProblem ? new Set() : chooseForLlm(ranked, opts.selection, deps.summarizer.id, log);
        if (rankProblem) log(`summarize: ranking failed, so every paper is summarized by ${fallback.id}`);
      }
      summarized = await summarizeDay(
        {
          store,
          summarizer: deps.summarizer,
          ...(selected && fallback ? { fallback } : {}),
          stop: deps.stopSummarizer,
          onProgress: deps.onSummaryProgress,
        },
        {
          date,
          language: opts.language,
          retryFailed: opts.retryFailed,
          maxCostUsd: opts.maxCostUsd,
          selected,
          // The papers a reference day never summarized wait for an explicit `summarize`.
          listedOnly: true,
        },
      );
      if (summarized.failed || summarized.pending)
        problems.push(
          `summarize: ${summarized.failed} failed, ${summarized.pending} pending` +
            (summarized.stoppedBy ? ` (stopped: ${summarized.stoppedBy})` : ''),
        );
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push(`summarize: ${e.message}`);
    }
  }

  if (fetched && fetched.outcome !== 'fetched') {
    const calls = summarized?.requests ?? 0;
    log(`run: ${fetched.message}: ${calls ? `${calls} LLM calls for papers left unfinished before` : '0 LLM calls'}`);
  }

  // 4. Publish: the day's reference files, the site and the feeds, from the store as it is now,
  // ranked again (the new summaries are searched too) so a re-run publishes the same bytes.
  const day = await rank(load(date));
  const storedDates = store.listDays().map((d) => d.date);
  const loaded = [day];
  const wanted = new Set([...storedDates.slice(0, opts.site.siteDays), ...feedDates(storedDates, opts.site.feedDays)]);
  for (const d of storedDates) if (d !== date && wanted.has(d)) loaded.push(await rank(load(d)));
  // A file that cannot be written (a full disk) is a problem of the run, said in one line with its
  // path; the later steps still run.
  let files: string[] = [];
  let written = 0;
  const guarded = (step: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push(`${step}: ${e.message}`);
    }
  };
  guarded('publish', () => {
    ({ files, written } = publish(opts, day, storedDates, loaded));
    const reader = writeReaderState(store, opts.outDir);
    if (reader) files.push(reader);
  });

  // 5. Deliver what has not been sent for this date.
  const deliveries: DeliveryOutcome[] = [];
  if (opts.steps.deliver) {
    const digest: DigestMessage = {
      date,
      language: opts.language,
      uiLanguage: opts.uiLanguage,
      categories: day.categories,
      papers: day.papers,
      ...(day.forYou ? { forYou: day.forYou } : {}),
      url: opts.site.siteUrl ? `${opts.site.siteUrl}/days/${date}.html` : null,
      maxPapers: opts.maxPapers,
    };
    for (const channel of deps.channels) {
      // A delivery restored from a day record names its target hashed.
      const known =
        store.getDelivery(date, channel.id, channel.target) ??
        store.getDelivery(date, channel.id, recordedTarget(channel.target));
      if (known?.status === 'sent') {
        deliveries.push({ channel: channel.id, target: channel.target, status: 'already-sent' });
        continue;
      }
      try {
        await channel.send(digest);
        store.recordDelivery(date, channel.id, channel.target, 'sent');
        deliveries.push({ channel: channel.id, target: channel.target, status: 'sent' });
      } catch (e) {
        store.recordDelivery(date, channel.id, channel.target, 'failed', message(e));
        deliveries.push({ channel: channel.id, target: channel.target, status: 'failed', error: message(e) });
        problems.push(`deliver ${channel.target}: ${message(e)}`);
      }
    }
  }
  // 6. The day record: what only the store knows of the day, its deliveries included.
  guarded('publish', () => {
    const record = dayRecordFileName(date, opts.language);
    writeFileAtomic(join(opts.outDir, record), renderDayRecord(day, store.listDeliveries(date)));
    files.push(record);
  });
  return {
    date,
    restored,
    fetch: fetched,
    summarize: summarized,
    counts: countDay(day),
    links,
    files,
    written,
    deliveries,
    problems,
  };
}

/** Step 0: the days of --out that the store lacks, read back from their files. */
function restore(deps: DailyDeps, opts: DailyOptions, problems: string[]): ImportReport | null {
  if (!existsSync(opts.outDir)) return null;
  const report = importPaths(deps.store, [opts.outDir], {
    defaultLanguage: opts.language,
    now: deps.now,
    onlyMissing: true,
    onDay: (done, total) => {
      if (done === 0)
        deps.log(
          `run: reading back ${total} ${total === 1 ? 'day' : 'days'} from ${opts.outDir} that the store ${deps.store.path} lacks`,
        );
      deps.onRestoreProgress?.(done, total);
    },
  });
  if (!report.days.length && !report.refused.length) return null;
  for (const r of report.refused) problems.push(`restore: ${r.error}`);
  return report;
}

async function collectLinks(deps: DailyDeps, day: DayView): Promise<{ found: number; stars: number }> {
  const found = day.papers.flatMap((p) =>
    findCodeLinks(p.paper.abstract, p.paper.comment).map((l) => ({ paperId: p.paper.id, url: l.url })),
  );
  deps.store.upsertCodeLinks(found, 'abstract');
  if (!deps.stars || found.length === 0) return { found: found.length, stars: 0 };
  const r = await deps.stars(found.map((l) => l.url));
  deps.store.upsertCodeLinks(
    found
      .filter((l) => r.stars.has(l.url))
      .map((l) => ({ ...l, stars: r.stars.get(l.url)!.stars, lastUpdate: r.stars.get(l.url)!.lastUpdate })),
    'github-api',
  );
  return { found: found.length, stars: r.stars.size };
}

/**
 * Writes every published file; generated stamps come from the data, so a re-run writes the same
 * bytes (and rewrites nothing unchanged). The day's files first, then the site — its pages
 * before the index that links them — then the feeds, so a run killed midway leaves every
 * reader a complete site and day. `loaded` holds the day, the site's other days and the feeds'.
 */
function publish(
  opts: DailyOptions,
  day: DayView,
  storedDates: string[],
  loaded: DayView[],
): { files: string[]; written: number } {
  const dayFiles = new Map(
    [markdownRenderer, rawJsonlRenderer, enhancedJsonlRenderer].map((r) => [r.fileName(day), r.render(day)]),
  );
  const byDate = new Map(loaded.map((d) => [d.date, d]));
  const siteDays = storedDates.slice(0, opts.site.siteDays).map((d) => byDate.get(d)!);
  const feedDays = feedDates(storedDates, opts.site.feedDays).map((d) => byDate.get(d)!);
  const generatedAt = `${siteDays[0]?.date ?? day.date}T00:00:00Z`;
  const site = renderSite(siteDays, {
    title: opts.site.title,
    language: opts.language,
    uiLanguage: opts.uiLanguage,
    generatedAt,
    baseUrl: opts.site.siteUrl,
    feeds: true,
    categoryFeeds: feedCategories(feedDays),
  });
  const feeds = publishedFeeds(feedDays, {
    title: opts.site.title,
    siteUrl: opts.site.siteUrl,
    language: opts.language,
    generatedAt,
    maxBytes: opts.site.feedMaxBytes,
  });
  // The feeds of every paper in --out (the contract) and inside site/, so a static host of site/
  // serves them too; the per-category ones in site/feeds/ only.
  const root = new Set<string>(Object.values(FEED_FILES));
  const rootFeeds = new Map<string, string>();
  for (const [name, text] of feeds) {
    if (root.has(name)) rootFeeds.set(name, text);
    site.set(name, text);
  }
  const never = () => false;
  const written = [
    writeTree(opts.outDir, dayFiles, { last: never, prunable: never }),
    writeTree(join(opts.outDir, 'site'), site, {
      last: (rel) => rel === 'index.html' || feeds.has(rel),
      // Pages of days that left the site's window, assets and category feeds no page names any more.
      prunable: (rel) => /^(days|assets|feeds)\//.test(rel),
    }),
    writeTree(opts.outDir, rootFeeds, { last: never, prunable: never }),
  ].reduce((n, w) => n + w.written, 0);
  return {
    files: [...dayFiles.keys(), ...[...site.keys()].map((rel) => join('site', rel)), ...rootFeeds.keys()],
    written,
  };
}
