/**
 * `fetch`: discover one day's announcements for your categories and store them with full
 * metadata. The latest day comes from the announcement feed (one request for all categories,
 * dated by the feed's pubDate); a past day from the API's submittedDate window of that listing
 * date. Metadata comes from the API in batches; what does not arrive is stored from the feed
 * with a reason and asked for again by the next fetch.
 */
import type { AnnouncementKind, PaperInput } from '../core/types.js';
import type { Store, WriteCounts } from '../store/store.js';
import { emptyCounts } from '../store/store.js';
import { parseAnnouncementFeed } from './feed.js';
import type { ArxivHttp } from './http.js';
import { fetchMetadata, getApiFeed } from './metadata.js';
import { apiTimestamp, latestListingDate, submissionWindow } from './schedule.js';
import { paperFromAnnounced, selectAnnounced, type Announced, type IncludeOption, type Selection } from './select.js';
import { UnexpectedBodyError, type AnnouncementFeed, type ArxivEntry, type ListingPage } from './types.js';
import { parseListingPage } from './listing.js';
import { AppError } from '../errors.js';

export interface FetchDayOptions {
  /** `latest` (the announcement feed) or a listing date YYYY-MM-DD. */
  date: string;
  categories: readonly string[];
  include: ReadonlySet<IncludeOption>;
  urls: { api: string; rss: string; listing: string };
}

export interface FetchDeps {
  http: ArxivHttp;
  store: Store;
  /** One line of progress (to stderr). */
  log: (line: string) => void;
  /** Only to decide whether a repeated feed deserves a look at the listing pages; never to date a day. */
  now: () => Date;
}

export interface FetchReport {
  outcome: 'fetched' | 'no-announcement' | 'already-stored';
  date: string | null;
  source: Source | null;
  /** Why there is nothing to fetch, for outcome ≠ fetched. */
  message: string | null;
  selected: number;
  skipped: Selection['skipped'];
  papers: WriteCounts;
  announcements: WriteCounts;
  /** Papers whose metadata came from the API in this run (day and retry queue). */
  metadataFetched: number;
  /** Papers from earlier runs' queue that arrived now. */
  queueResolved: number;
  /** Papers still without API metadata (listed from the feed), with the reason. */
  missing: { id: string; date: string; reason: string }[];
  /** HTTP requests made (retries of one request not counted). */
  requests: number;
  /** Limits of the source worth telling the reader. */
  notes: string[];
}

export const paperFromEntry = (e: ArxivEntry): PaperInput => ({
  id: e.id,
  version: e.version,
  title: e.title,
  authors: e.authors,
  abstract: e.abstract,
  categories: e.categories,
  comment: e.comment,
  journalRef: e.journalRef,
  doi: e.doi,
  published: e.published,
  updated: e.updated,
});

const feedUrl = (rss: string, categories: readonly string[]) => `${rss}/${categories.join('+')}`;

async function getFeed(http: ArxivHttp, url: string): Promise<AnnouncementFeed> {
  let feed: AnnouncementFeed | undefined;
  await http.get(url, {
    accept: 'application/rss+xml',
    validate: (body) => {
      feed = parseAnnouncementFeed(body);
    },
  });
  return feed!;
}

const KIND_RANK: Record<AnnouncementKind, number> = { cross: 0, new: 1, 'replace-cross': 2, replace: 3 };

/**
 * The day from the listing pages (`/list/CAT/new`, one request per category), merged into one
 * entry per paper. Used when the feed fails or looks stale.
 */
async function getListings(
  http: ArxivHttp,
  listingUrl: string,
  categories: readonly string[],
): Promise<{ date: string | null; items: Announced[] }> {
  const byId = new Map<string, Announced>();
  let date: string | null = null;
  for (const category of categories) {
    let page: ListingPage | undefined;
    await http.get(`${listingUrl}/${category}/new?skip=0&show=2000`, {
      accept: 'text/html',
      validate: (body) => {
        page = parseListingPage(body, category);
      },
    });
    date ??= page!.date;
    for (const e of page!.entries) {
      const known = byId.get(e.id);
      // Listings see a paper from their own category: new in its primary listing, cross in the
      // others. The strongest kind wins, so the merged entry says what happened to the paper.
      if (!known) byId.set(e.id, { ...e });
      else if (KIND_RANK[e.kind] > KIND_RANK[known.kind]) known.kind = e.kind;
    }
  }
  return { date, items: [...byId.values()] };
}

/** Every paper submitted in the listing date's window in your categories, page by page. */
async function searchWindow(
  http: ArxivHttp,
  apiUrl: string,
  categories: readonly string[],
  start: Date,
  end: Date,
  log: (line: string) => void,
): Promise<ArxivEntry[]> {
  const last = new Date(end.getTime() - 60_000); // the API's range is inclusive, to the minute
  const query = `(${categories.map((c) => `cat:${c}`).join(' OR ')}) AND submittedDate:[${apiTimestamp(start)} TO ${apiTimestamp(last)}]`;
  const pageSize = 1000;
  const entries: ArxivEntry[] = [];
  let emptyRetries = 0;
  for (let offset = 0; ;) {
    const url = `${apiUrl}?search_query=${encodeURIComponent(query)}&sortBy=submittedDate&sortOrder=ascending&start=${offset}&max_results=${pageSize}`;
    const feed = await getApiFeed(http, url);
    const total = feed.totalResults ?? 0;
    if (feed.entries.length === 0 && offset < total && emptyRetries < 3) {
      // The API sometimes answers a page past the first with nothing although more exist.
      emptyRetries++;
      continue;
    }
    entries.push(...feed.entries);
    offset += feed.entries.length;
    log(`fetch: ${entries.length}/${total} papers submitted in the window`);
    if (feed.entries.length === 0 || offset >= total) break;
  }
  return entries;
}

const announcedFromEntry = (e: ArxivEntry, yours: ReadonlySet<string>): Announced => ({
  ...e,
  kind: yours.has(e.categories[0] ?? '') ? 'new' : 'cross',
});

type Source = 'rss' | 'listing' | 'api';

/** What discovery found: the day's announced papers, or why there are none. */
type Discovery =
  | { source: Source; date: string; items: Announced[]; complete: Map<string, ArxivEntry> | null; notes: string[] }
  | { source: Source; date: string | null; nothing: string; notes: string[] };

/**
 * The latest day from the announcement feed; from the listing pages when the feed fails, or
 * when it repeats the newest stored day although a newer announcement is due (arXiv can serve
 * a stale feed with a fresh build date).
 */
async function discoverLatest(http: ArxivHttp, deps: FetchDeps, opts: FetchDayOptions): Promise<Discovery> {
  deps.log(`fetch: announcement feed for ${opts.categories.join(', ')}`);
  const newest = deps.store.listDays()[0]?.date;
  const since = `no new announcement since ${newest ?? 'the store began'}`;
  const notes: string[] = [];
  let feed: AnnouncementFeed | null = null;
  try {
    feed = await getFeed(http, feedUrl(opts.urls.rss, opts.categories));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    notes.push(`the announcement feed failed (${e.message}); the listing pages were read instead`);
  }
  if (feed && feed.items.length === 0) {
    return { source: 'rss', date: feed.date, nothing: `${since} (the feed is empty: weekend or holiday)`, notes };
  }
  const stale = feed !== null && feed.date === newest && latestListingDate(deps.now()) > feed.date;
  if (feed && !stale) {
    if (!feed.date) throw new UnexpectedBodyError('the announcement feed has items but no pubDate to date them by');
    // A repeated day with nothing newer due is caught by the caller as already stored.
    return { source: 'rss', date: feed.date, items: feed.items, complete: null, notes };
  }
  deps.log(`fetch: ${feed ? `the feed repeats ${feed.date}; checking` : 'reading'} the listing pages`);
  const listed = await getListings(http, opts.urls.listing, opts.categories);
  if (!listed.date || listed.items.length === 0) {
    return { source: 'listing', date: listed.date, nothing: `${since} (the listing pages have none)`, notes };
  }
  return { source: 'listing', date: listed.date, items: listed.items, complete: null, notes };
}

/** A past listing date from the API's submittedDate window; its answers are full metadata. */
async function discoverPast(http: ArxivHttp, log: (line: string) => void, opts: FetchDayOptions): Promise<Discovery> {
  const window = submissionWindow(opts.date);
  if (!window) {
    const nothing = `no listing is dated ${opts.date}: arXiv announces Sunday–Thursday evenings (listings dated Monday–Friday), not on holidays`;
    return { source: 'api', date: opts.date, nothing, notes: [] };
  }
  log(`fetch: API search for papers submitted ${window.start.toISOString()} – ${window.end.toISOString()}`);
  const entries = await searchWindow(http, opts.urls.api, opts.categories, window.start, window.end, log);
  const yours = new Set(opts.categories);
  return {
    source: 'api',
    date: opts.date,
    items: entries.map((e) => announcedFromEntry(e, yours)),
    complete: new Map(entries.map((e) => [e.id, e])),
    notes: [
      'past days come from the API by submission time: replacements are not included, and a paper held back by moderation is dated by its submission window',
    ],
  };
}

export async function fetchDay(deps: FetchDeps, opts: FetchDayOptions): Promise<FetchReport> {
  const { store, log } = deps;
  let requests = 0;
  const http: ArxivHttp = {
    get: (url, o) => {
      requests++;
      return deps.http.get(url, o);
    },
  };
  const report: FetchReport = {
    outcome: 'fetched',
    date: null,
    source: null,
    message: null,
    selected: 0,
    skipped: { crossFromElsewhere: 0, replacements: 0 },
    papers: emptyCounts(),
    announcements: emptyCounts(),
    metadataFetched: 0,
    queueResolved: 0,
    missing: [],
    requests: 0,
    notes: [],
  };

  // 1. What earlier runs could not get: ask for exactly those first.
  const queued = store.listMissing();
  if (queued.length) {
    log(`fetch: asking again for ${queued.length} papers whose metadata is missing`);
    const got = await fetchMetadata(
      http,
      queued.map((q) => ({ id: q.paperId, version: q.version })),
      { apiUrl: opts.urls.api },
    );
    store.transaction(() => {
      store.upsertPapers(got.entries.map(paperFromEntry), 'api');
      report.queueResolved = store.resolveMissing(got.entries.map((e) => e.id));
      const dates = new Map(queued.map((q) => [q.paperId, q.date]));
      store.queueMissing(
        got.missing.map((m) => ({ paperId: m.id, version: m.version, date: dates.get(m.id)!, reason: m.reason })),
      );
    });
    report.metadataFetched += got.entries.length;
  }

  // 2. Discover the day.
  const found = opts.date === 'latest' ? await discoverLatest(http, deps, opts) : await discoverPast(http, log, opts);
  report.source = found.source;
  report.date = found.date;
  report.notes.push(...found.notes);
  if ('nothing' in found) return finish(report, 'no-announcement', found.nothing);
  const { items, complete } = found;
  const date = found.date;
  const selection = selectAnnounced(items, opts.categories, opts.include);
  report.selected = selection.papers.length;
  report.skipped = selection.skipped;
  // arXiv sometimes serves a day it already announced again: nothing new, no duplicate day.
  if (store.countAnnouncements(date) > 0 && store.countUnstoredAnnouncements(date, selection.announcements) === 0) {
    return finish(report, 'already-stored', `no new announcement since ${date} (already stored)`);
  }

  // 3. Metadata: only for papers not stored at the announced version.
  let entries: ArxivEntry[] = [];
  let missing: { id: string; version: number | null; reason: string }[] = [];
  if (complete) entries = selection.papers.map((p) => complete.get(p.id)!);
  else {
    const stored = store.paperVersions(selection.papers.map((p) => p.id));
    const wanted = selection.papers.filter((p) => {
      const v = stored.get(p.id);
      return v === undefined || v === null || (p.version !== null && v < p.version);
    });
    if (wanted.length) {
      log(`fetch: metadata for ${wanted.length} papers from the API`);
      const got = await fetchMetadata(
        http,
        wanted.map((p) => ({ id: p.id, version: p.version })),
        { apiUrl: opts.urls.api },
      );
      entries = got.entries;
      missing = got.missing;
    }
  }

  // 4. Store the day in one transaction.
  const byId = new Map(selection.papers.map((p) => [p.id, p]));
  store.transaction(() => {
    const fromApi = store.upsertPapers(entries.map(paperFromEntry), 'api');
    const fromFeed = store.upsertPapers(
      missing.map((m) => paperFromAnnounced(byId.get(m.id)!)),
      report.source!,
    );
    report.papers = {
      inserted: fromApi.inserted + fromFeed.inserted,
      updated: fromApi.updated + fromFeed.updated,
      unchanged: fromApi.unchanged + fromFeed.unchanged + (selection.papers.length - entries.length - missing.length),
    };
    report.announcements = store.addAnnouncements(date, selection.announcements, report.source!);
    store.resolveMissing(entries.map((e) => e.id));
    store.queueMissing(missing.map((m) => ({ paperId: m.id, version: m.version, date, reason: m.reason })));
  });
  report.metadataFetched += complete ? 0 : entries.length;
  return finish(report, 'fetched', null);

  function finish(r: FetchReport, outcome: FetchReport['outcome'], message: string | null): FetchReport {
    r.outcome = outcome;
    r.message = message;
    r.requests = requests;
    r.missing = store.listMissing().map((m) => ({ id: m.paperId, date: m.date, reason: m.reason }));
    return r;
  }
}
