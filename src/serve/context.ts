/**
 * What every route of the app shares: the store, the reader's settings, the ranker, the clock and
 * the labels, with the day look-ups pages and API both need (which day a URL means, that day's
 * view, and that view ranked for the reader). Built once per app by `createApp`.
 */
import { HTTPException } from 'hono/http-exception';
import { isIsoDate } from '../core/dates.js';
import { AppError } from '../errors.js';
import type { DayView } from '../core/day-view.js';
import { loadDay } from '../publish/load-day.js';
import type { Ranker } from '../rank/ranker.js';
import { SearchInterrupted, type DaySummary, type SearchFilters, type SearchPage, type Store } from '../store/store.js';
import type { FilterRequest, FilterResult } from './filter.js';
import { inProcessSearch, type SearchRunner } from './search-pool.js';
import { badRequest } from './params.js';
import { catalogFor, type AppLabels, type SiteLabels } from '../ui/i18n/catalog.js';
import type { PageContext } from '../ui/pages/app-frame.js';
import type { ViewOptions } from './paper-data.js';

export interface AppDeps {
  store: Store;
  /** Summary language. */
  language: string;
  /** Language of the pages' own words (UI_LANGUAGE); default `language`. */
  uiLanguage?: string;
  /** Category order of day pages; categories not named follow alphabetically. */
  categoryOrder: readonly string[];
  /** Summarizer id whose summaries are preferred (`openai:MODEL` or `offline`). */
  preferredSummarizer: string;
  siteTitle: string;
  /** Access token every request must carry, or null (then only loopback host names are served). */
  token: string | null;
  now?: () => Date;
  /** Where internal errors are reported (never to the client); default stderr. */
  log?: (line: string) => void;
  /**
   * Ranks days for the reader and keeps the profile the Profile page edits. Without one, days
   * are shown unranked and the Profile page says that ranking is not configured.
   */
  ranker?: Ranker;
  /** Called after the reader marked a paper or saved the profile (the CLI exports the reader's state). */
  onReaderChange?: () => void;
  /**
   * Where searches run, each within its budget (search-pool.ts); default: in this thread, on
   * `store`, with `searchBudgetMs`. `serve` passes worker threads.
   */
  search?: SearchRunner;
  /** Time budget of a search without `search` (default 2000 ms). */
  searchBudgetMs?: number;
}

/** Searches as routes use them: a search out of time is a 503 that says what to do. */
export interface AppSearch {
  searchPage(q: SearchFilters, signal?: AbortSignal): Promise<SearchPage>;
  filter(req: FilterRequest, signal?: AbortSignal): Promise<FilterResult>;
}

/** A day as the reader's ranking sees it; `problem` when ranking failed and the day is unranked. */
export interface RankedDay {
  day: DayView;
  problem: string | null;
}

export interface ServeContext {
  store: Store;
  view: ViewOptions;
  ranker: Ranker | null;
  categoryOrder: readonly string[];
  siteTitle: string;
  labels: SiteLabels;
  app: AppLabels;
  now: () => Date;
  log: (line: string) => void;
  search: AppSearch;
  /** The reader marked a paper or saved the profile. */
  readerChanged(): void;
  page(): PageContext;
  /** Today's date (UTC), for citations of papers without a year. */
  today(): string;
  /**
   * `latest` or a stored YYYY-MM-DD; 400 for a malformed date, 404 for a day not stored.
   * `days` when the caller already has the list (it is a GROUP BY over every announcement).
   */
  resolveDay(raw: string, days?: readonly DaySummary[]): string;
  loadDay(date: string): DayView;
  /**
   * The day with scores, reasons and For you picks when there is an active ranker, else as
   * stored. A ranking failure (an unreadable library, say) is logged and the day shown unranked:
   * the reader still gets the day, with the problem said on the page.
   */
  rankedDay(date: string): Promise<RankedDay>;
}

export function serveContext(deps: AppDeps): ServeContext {
  const now = deps.now ?? (() => new Date());
  const { site: labels, app } = catalogFor(deps.uiLanguage ?? deps.language);
  const view: ViewOptions = { language: deps.language, preferredSummarizer: deps.preferredSummarizer };
  const log = deps.log ?? ((line) => process.stderr.write(`${line}\n`));
  const loadDayView = (date: string): DayView =>
    loadDay(deps.store, {
      date,
      language: deps.language,
      categoryOrder: deps.categoryOrder,
      preferredSummarizer: deps.preferredSummarizer,
    });
  const ranker = deps.ranker ?? null;
  const runner = deps.search ?? inProcessSearch(deps.store, view, deps.searchBudgetMs);
  const timedOut = (e: unknown): never => {
    if (!(e instanceof SearchInterrupted)) throw e;
    throw new HTTPException(503, {
      message:
        e.reason === 'budget'
          ? `this search takes longer than its limit of ${runner.budgetMs / 1000} s: narrow it with more specific words, a phrase, a category or dates`
          : 'the search was cancelled',
    });
  };
  return {
    store: deps.store,
    view,
    ranker,
    categoryOrder: deps.categoryOrder,
    siteTitle: deps.siteTitle,
    labels,
    app,
    now,
    log,
    search: {
      searchPage: (q, signal) => runner.searchPage(q, signal).catch(timedOut),
      filter: (req, signal) => runner.filter(req, signal).catch(timedOut),
    },
    readerChanged: () => {
      try {
        deps.onReaderChange?.();
      } catch (e) {
        // The mark is stored; only its export beside the day files failed (a full disk, say).
        log(`serve: the reader's state could not be exported: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    page: () => ({ labels, app, siteTitle: deps.siteTitle, now: now() }),
    today: () => now().toISOString().slice(0, 10),
    resolveDay(raw, days = deps.store.listDays()) {
      if (raw === 'latest') {
        const newest = days[0];
        if (!newest) throw new HTTPException(404, { message: 'the store has no announcement days yet' });
        return newest.date;
      }
      if (!isIsoDate(raw))
        throw badRequest(`date: expected YYYY-MM-DD or latest, got ${JSON.stringify(raw.slice(0, 40))}`);
      if (!days.some((d) => d.date === raw)) {
        const hint = days.length ? `newest stored: ${days[0]!.date}` : 'the store has no days yet';
        throw new HTTPException(404, { message: `no papers announced on ${raw} (${hint})` });
      }
      return raw;
    },
    loadDay: loadDayView,
    async rankedDay(date) {
      const day = loadDayView(date);
      if (!ranker) return { day, problem: null };
      try {
        // Unchanged when there is nothing to rank by (the Ranker's contract).
        return { day: await ranker.rankDay(day), problem: null };
      } catch (e) {
        log(`serve: ranking ${date} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        // Our typed errors say what to fix; anything else stays in the log, like the app's 500s.
        return { day, problem: e instanceof AppError ? e.message : 'see the server log for the details' };
      }
    },
  };
}
