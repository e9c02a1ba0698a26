/**
 * `arxiv-digest run`: the daily job — fetch, code links, summarize, publish, deliver — under a
 * lock so two runs never overlap. Ends with one summary line; exit 1 when any step failed.
 */
import { dirname, join } from 'node:path';
import { arxivHttp, channels, githubStars, rankerFor, summarizers, summarySelection } from '../../app/wiring.js';
import { configuredSummarizer } from '../../config/settings.js';
import { isIsoDate } from '../../core/dates.js';
import { UsageError } from '../../errors.js';
import { runDaily, type DailyReport } from '../../run/daily.js';
import { acquireLock } from '../../run/lock.js';
import { OFFLINE_SUMMARIZER_ID } from '../../core/types.js';
import { grouped, plural, rankingSettingsFrom, recordRun, withStore, type GlobalOptions, type Io } from '../context.js';
import { createProgress } from '../progress.js';

export interface RunFlags {
  date?: string;
  categories?: string;
  include?: string;
  lang?: string;
  out?: string;
  /** commander's --no-fetch / --no-summarize / --no-deliver */
  fetch?: boolean;
  summarize?: boolean;
  deliver?: boolean;
  retryFailed?: boolean;
  maxCostUsd?: string;
  summarizeTop?: string;
  minScore?: string;
  keywords?: string;
  exclude?: string;
  authors?: string;
}

function describe(r: DailyReport): string {
  const parts = [`run ${r.date}: ${plural(r.counts.papers, 'paper')}`];
  if (r.restored?.days.length) {
    const days = r.restored.days.filter((d) => !d.error);
    const sum = (pick: (d: (typeof days)[number]) => number) => days.reduce((n, d) => n + pick(d), 0);
    parts.push(
      `restored ${plural(days.length, 'day')} from the day files (${plural(
        sum((d) => d.counts.papers.inserted),
        'paper',
      )}, ${plural(
        sum((d) => d.counts.summaries.inserted),
        'summary',
        'summaries',
      )})`,
    );
  }
  if (r.fetch?.outcome === 'fetched')
    parts.push(
      `fetched ${r.fetch.papers.inserted} new, ${r.fetch.papers.updated} updated (${plural(r.fetch.requests, 'request')})`,
    );
  else if (r.fetch) parts.push('no new announcement');
  parts.push(
    `summaries ${r.counts.summarized} ok, ${r.counts.failed + r.counts.refused} failed/refused, ${r.counts.pending} pending`,
  );
  if (r.summarize) {
    const s = r.summarize;
    parts.push(
      `${plural(s.requests, 'call')}${s.retries ? ` (${grouped(s.retries)} retries)` : ''}, ${grouped(s.tokensIn + s.tokensOut)} tokens${s.costUsd !== null ? `, $${s.costUsd.toFixed(4)}` : ''}`,
    );
    if (s.routed) parts.push(`${grouped(s.routed.selected)} chosen for the LLM, ${grouped(s.routed.fallback)} offline`);
  }
  parts.push(`${plural(r.links.found, 'code link')}`);
  parts.push(`published ${plural(r.files.length, 'file')} (${grouped(r.written)} changed)`);
  if (r.deliveries.length) {
    const by = (status: string) => r.deliveries.filter((d) => d.status === status).length;
    parts.push(`deliveries ${by('sent')} sent, ${by('already-sent')} already sent, ${by('failed')} failed`);
  }
  return parts.join('; ');
}

export async function runCommand(flags: RunFlags, globals: GlobalOptions, io: Io): Promise<number> {
  const date = flags.date ?? 'latest';
  if (date !== 'latest' && !isIsoDate(date))
    throw new UsageError(`--date: expected YYYY-MM-DD or latest, got ${JSON.stringify(date)}`);
  let maxCostUsd: number | null = null;
  if (flags.maxCostUsd !== undefined) {
    maxCostUsd = Number(flags.maxCostUsd);
    if (!Number.isFinite(maxCostUsd) || maxCostUsd < 0)
      throw new UsageError(`--max-cost-usd: expected an amount in USD, got ${JSON.stringify(flags.maxCostUsd)}`);
  }
  const settings = await rankingSettingsFrom(io, globals, flags);
  const lock = acquireLock(join(dirname(settings.db), 'arxiv-digest.lock'), { command: `run ${date}` });
  if (lock.tookOver)
    io.stderr.write(
      `run: took over a stale lock left by pid ${lock.tookOver.pid} (${lock.tookOver.command}, ${lock.tookOver.startedAt})\n`,
    );
  try {
    return await withStore(settings, (store) =>
      recordRun(store, 'run', { ...flags, date }, async () => {
        const steps = {
          fetch: flags.fetch !== false,
          summarize: flags.summarize !== false,
          deliver: flags.deliver !== false,
        };
        const log = (line: string) => io.stderr.write(`${line}\n`);
        const { summarizer, fallback, limiter } = await summarizers(settings, store, log);
        const selection = summarySelection(settings);
        if (selection && summarizer.id === OFFLINE_SUMMARIZER_ID)
          log(
            'run: --summarize-top and --min-score choose what the LLM summarizes; offline, every paper is summarized',
          );
        let progress: ReturnType<typeof createProgress> | null = null;
        let restoring: ReturnType<typeof createProgress> | null = null;
        const report = await runDaily(
          {
            store,
            http: arxivHttp(settings, io.stderr, { warnContact: steps.fetch }),
            summarizer,
            fallbackSummarizer: fallback,
            stopSummarizer: (why) => limiter?.stop(why),
            ranker: await rankerFor(settings, store, log),
            channels: steps.deliver ? await channels(settings) : [],
            stars: githubStars(settings),
            log,
            onRestoreProgress: (done, total) => {
              restoring ??= createProgress({ label: 'restore', total, stream: io.stderr });
              restoring.update(done);
              if (done === total) restoring.stop();
            },
            onSummaryProgress: (done, total) => {
              progress ??= createProgress({ label: 'summarize', total, stream: io.stderr });
              progress.update(done);
              if (done === total) progress.stop();
            },
            now: () => new Date(),
          },
          {
            date,
            steps,
            fetch: {
              categories: settings.categories,
              include: new Set(settings.include),
              urls: { api: settings.arxiv.apiUrl, rss: settings.arxiv.rssUrl, listing: settings.arxiv.listingUrl },
            },
            language: settings.language,
            uiLanguage: settings.uiLanguage,
            categoryOrder: settings.categories,
            preferredSummarizer: configuredSummarizer(settings),
            outDir: settings.out,
            site: {
              title: settings.publish.siteTitle,
              siteUrl: settings.publish.siteUrl,
              siteDays: settings.publish.siteDays,
              feedDays: settings.publish.feedDays,
              feedMaxBytes: settings.publish.feedMaxKb * 1024,
            },
            maxPapers: settings.publish.maxPapers,
            retryFailed: Boolean(flags.retryFailed),
            maxCostUsd,
            selection,
          },
        );
        for (const p of report.problems) io.stderr.write(`run: ${p}\n`);
        io.stdout.write(`${describe(report)}\n`);
        return {
          code: report.problems.length ? 1 : 0,
          counts: {
            papers: report.counts.papers,
            summarized: report.counts.summarized,
            pending: report.counts.pending,
            failed: report.counts.failed,
            files: report.files.length,
            delivered: report.deliveries.filter((d) => d.status === 'sent').length,
          },
          problem: report.problems.join('; ') || undefined,
        };
      }),
    );
  } finally {
    lock.release();
  }
}
