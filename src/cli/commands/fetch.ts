/** `arxiv-digest fetch` and `backfill`: arXiv into the store, politely. */
import { backfill, type OaiFormat } from '../../arxiv/backfill.js';
import { fetchDay, type FetchReport } from '../../arxiv/fetch-day.js';
import { arxivHttp } from '../../app/wiring.js';
import type { Settings } from '../../config/settings.js';
import { isIsoDate } from '../../core/dates.js';
import { productVersion } from '../../core/version.js';
import { UsageError } from '../../errors.js';
import {
  describeCounts,
  grouped,
  plural,
  recordRun,
  settingsFrom,
  withStore,
  type GlobalOptions,
  type Io,
} from '../context.js';

export interface FetchFlags {
  date?: string;
  categories?: string;
  include?: string;
}

export interface BackfillFlags {
  from: string;
  to: string;
  categories?: string;
  include?: string;
  format?: string;
}

/** The polite client for every arXiv host, telling the reader when arXiv makes us wait. */

function describeFetch(r: FetchReport, categories: readonly string[]): string {
  const left = [
    r.skipped.crossFromElsewhere &&
      `${plural(r.skipped.crossFromElsewhere, 'cross-list')} from other categories (--include cross)`,
    r.skipped.replacements && `${plural(r.skipped.replacements, 'replacement')} (--include replace)`,
  ].filter(Boolean);
  return (
    `fetch ${r.date} (${r.source === 'rss' ? 'announcement feed' : 'API'}): ${plural(r.selected, 'paper')} in ${categories.join(', ')}; ` +
    `papers ${describeCounts(r.papers)}; listings ${describeCounts(r.announcements)}` +
    (left.length ? `; not included: ${left.join(', ')}` : '') +
    (r.queueResolved ? `; ${plural(r.queueResolved, 'earlier missing paper')} now fetched` : '') +
    `; ${plural(r.requests, 'request')}; ${r.missing.length ? `${plural(r.missing.length, 'paper')} missing metadata` : 'nothing missing'}`
  );
}

export async function fetchCommand(
  flags: FetchFlags,
  globals: GlobalOptions,
  io: Io,
  fetchImpl?: typeof fetch,
): Promise<number> {
  const date = flags.date ?? 'latest';
  if (date !== 'latest' && !isIsoDate(date))
    throw new UsageError(`--date: expected YYYY-MM-DD or latest, got ${JSON.stringify(date)}`);
  const settings = settingsFrom(io, globals, flags);
  const http = arxivHttp(settings, io.stderr, { fetch: fetchImpl });
  return withStore(settings, (store) =>
    recordRun(store, 'fetch', { ...flags, date }, async () => {
      const report = await fetchDay(
        { http, store, log: (line) => io.stderr.write(`${line}\n`), now: () => new Date() },
        {
          date,
          categories: settings.categories,
          include: new Set(settings.include),
          urls: { api: settings.arxiv.apiUrl, rss: settings.arxiv.rssUrl, listing: settings.arxiv.listingUrl },
        },
      );
      for (const note of report.notes) io.stderr.write(`fetch: note: ${note}\n`);
      for (const m of report.missing) io.stderr.write(`fetch: ${m.id} (${m.date}): metadata missing: ${m.reason}\n`);
      if (report.outcome !== 'fetched') {
        io.stdout.write(
          `fetch: ${report.message}${report.missing.length ? `; ${plural(report.missing.length, 'paper')} still missing metadata` : ''}\n`,
        );
      } else {
        io.stdout.write(`${describeFetch(report, settings.categories)}\n`);
      }
      const failed = report.missing.length > 0;
      return {
        code: failed ? 1 : 0,
        counts: {
          selected: report.selected,
          papersNew: report.papers.inserted,
          papersUpdated: report.papers.updated,
          listingsNew: report.announcements.inserted,
          requests: report.requests,
          missing: report.missing.length,
        },
        problem: failed ? `${report.missing.length} papers missing metadata` : undefined,
      };
    }),
  );
}

export async function backfillCommand(
  flags: BackfillFlags,
  globals: GlobalOptions,
  io: Io,
  fetchImpl?: typeof fetch,
): Promise<number> {
  for (const [name, value] of [
    ['--from', flags.from],
    ['--to', flags.to],
  ] as const) {
    if (!isIsoDate(value)) throw new UsageError(`${name}: expected YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  if (flags.from > flags.to) throw new UsageError(`--from ${flags.from} is after --to ${flags.to}`);
  const format = (flags.format ?? 'arXivRaw') as OaiFormat;
  if (format !== 'arXivRaw' && format !== 'arXiv')
    throw new UsageError(`--format: expected arXivRaw or arXiv, got ${JSON.stringify(flags.format)}`);
  const settings = settingsFrom(io, globals, flags);
  const http = arxivHttp(settings, io.stderr, { fetch: fetchImpl });
  return withStore(settings, (store) =>
    recordRun(store, 'backfill', flags, async () => {
      const r = await backfill(
        { http, store, log: (line) => io.stderr.write(`${line}\n`) },
        {
          from: flags.from,
          until: flags.to,
          categories: settings.categories,
          include: new Set(settings.include),
          format,
          oaiUrl: settings.arxiv.oaiUrl,
        },
      );
      for (const note of r.notes) io.stderr.write(`backfill: note: ${note}\n`);
      io.stdout.write(
        `backfill ${flags.from}..${flags.to} (sets ${r.sets.join(', ')}, ${format}${r.resumed ? ', resumed' : ''}): ` +
          `${plural(r.pages, 'page')}, ${plural(r.records, 'record')}, ${grouped(r.matched)} in ${settings.categories.join(', ')}; ` +
          `papers ${describeCounts(r.papers)}; listings ${describeCounts(r.announcements)} on ${plural(r.days, 'day')}` +
          (r.deleted ? `; ${plural(r.deleted, 'deleted record')} skipped` : '') +
          '\n',
      );
      return {
        code: 0,
        counts: {
          pages: r.pages,
          records: r.records,
          matched: r.matched,
          papersNew: r.papers.inserted,
          papersUpdated: r.papers.updated,
        },
      };
    }),
  );
}
