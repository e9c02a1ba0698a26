/**
 * Where the web app's searches run, each within a time budget. One interface, two variants:
 *
 * - `inProcessSearch`: in the caller's thread, the store's own budget (search-page.ts stops a
 *   statement soon after the deadline). What `createApp` uses when given nothing else (tests,
 *   benches that call `app.request`).
 * - `searchThreads`: in worker threads with connections of their own (what `serve` uses), so a
 *   costly search never holds up the process's other requests. The answer comes at the deadline
 *   even when the thread is still inside one long SQLite step (FTS5 evaluating `NOT` over a huge
 *   list calls nothing back until it is done); a client that goes away cancels its search (a flag
 *   the thread's statements check); a thread still finishing such a step makes room for another
 *   (see searchThreads). A search that cannot start before its deadline (all threads busy with
 *   others) is refused the same way, so a queue never grows without bound.
 */
import { Worker } from 'node:worker_threads';
import { AppError, UsageError } from '../errors.js';
import { SearchInterrupted, type SearchFilters, type SearchPage, type Store } from '../store/store.js';
import { runFilter, type FilterRequest, type FilterResult } from './filter.js';
import type { ViewOptions } from './paper-data.js';

export interface SearchRunner {
  /** Milliseconds each search may take. */
  readonly budgetMs: number;
  /** One page of hits; SearchInterrupted when the budget runs out or `signal` aborts. */
  searchPage(q: SearchFilters, signal?: AbortSignal): Promise<SearchPage>;
  /** The agents' filter (filter.ts), likewise. */
  filter(req: FilterRequest, signal?: AbortSignal): Promise<FilterResult>;
  close(): Promise<void>;
}

/** Default budget of a search (ARXIV_DIGEST_SEARCH_TIMEOUT_MS). */
export const DEFAULT_SEARCH_BUDGET_MS = 2000;

export function inProcessSearch(store: Store, view: ViewOptions, budgetMs = DEFAULT_SEARCH_BUDGET_MS): SearchRunner {
  const run = <T>(signal: AbortSignal | undefined, fn: () => T): Promise<T> => {
    if (signal?.aborted) return Promise.reject(new SearchInterrupted('cancelled'));
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return {
    budgetMs,
    searchPage: (q, signal) => run(signal, () => store.searchPage(q, { deadline: Date.now() + budgetMs })),
    filter: (req, signal) => run(signal, () => runFilter(store, req, view, { deadline: Date.now() + budgetMs })),
    close: async () => {},
  };
}

// ------------------------------------------------------------------------------------------------
// threads

/** What a thread is asked (search-thread.ts answers it). */
export type SearchJob =
  | { op: 'page'; q: SearchFilters; deadline: number; cancelled: Int32Array }
  | { op: 'filter'; req: FilterRequest; deadline: number; cancelled: Int32Array };

/** What it answers: the result, or the error as data (errors do not cross threads with their class). */
export type SearchAnswer =
  { ok: true; value: unknown } | { ok: false; kind: 'usage' | 'budget' | 'cancelled' | 'error'; message: string };

export interface SearchThreadsOptions {
  db: string;
  view: ViewOptions;
  budgetMs?: number;
  /** Searches run at once, each in a thread with its own connection (default 2). */
  threads?: number;
  /**
   * How long a thread may go on past its given-up search (inside one SQLite step) before it is
   * terminated (default 30 s; it is not counted as running meanwhile, see searchThreads).
   */
  drainMs?: number;
  /** Where a terminated thread is reported. */
  log?: (line: string) => void;
}

interface Pending {
  job: SearchJob;
  resolve(value: unknown): void;
  reject(e: Error): void;
  settled: boolean;
  timer: NodeJS.Timeout;
  onAbort: () => void;
  signal: AbortSignal | undefined;
}

interface Thread {
  worker: Worker;
  /** The search it is running (even once its client has its answer), or null when idle. */
  running: Pending | null;
  /** When it started that search (performance.now()). */
  startedAt: number;
  /** Set once its search was given up: terminated if still running when this fires. */
  drain: NodeJS.Timeout | null;
}

/** The thread's entry, next to this module: compiled JS, or TypeScript under tsx (tests, benches). */
function startWorker(data: { db: string; view: ViewOptions }): Worker {
  const entry = new URL(`./search-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: data });
  // Node 20 workers do not inherit tsx's loader: the thread registers it, then loads the entry.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

const answerError = (a: Extract<SearchAnswer, { ok: false }>): Error => {
  if (a.kind === 'budget' || a.kind === 'cancelled') return new SearchInterrupted(a.kind);
  if (a.kind === 'usage') return new UsageError(a.message);
  return new AppError(a.message);
};

/**
 * `threads` searches run at once. Searches take milliseconds; one still running after a quarter of
 * its budget is most likely one that will run out of it, and no longer counts — another thread
 * takes the next search, up to three times `threads` threads in all — so costly searches sent
 * back to back cannot hold up the others (nor pile up threads without bound). A thread whose
 * search was given up (out of time, or its client gone) stops at its next budget check, usually
 * within milliseconds; inside one long SQLite step it goes on until the step ends, up to a couple
 * of seconds (counted among the three times `threads`), and then rejoins the pool (or is
 * terminated after `drainMs`).
 */
/** Threads in all (running, suspected, draining, idle) per search run at once: see above. */
const THREADS_PER_SLOT = 3;

export interface SearchThreads extends SearchRunner {
  /** Threads running a search, draining a given-up one, and in all (tests, benches). */
  stats(): { running: number; draining: number; threads: number };
}

export function searchThreads(o: SearchThreadsOptions): SearchThreads {
  const budgetMs = o.budgetMs ?? DEFAULT_SEARCH_BUDGET_MS;
  const drainMs = o.drainMs ?? 30_000;
  const size = Math.max(1, o.threads ?? 2);
  const threads: Thread[] = [];
  const queue: Pending[] = [];
  let closed = false;

  const settle = (p: Pending, outcome: { value: unknown } | { error: Error }): void => {
    if (p.settled) return;
    p.settled = true;
    clearTimeout(p.timer);
    p.signal?.removeEventListener('abort', p.onAbort);
    if ('error' in outcome) p.reject(outcome.error);
    else p.resolve(outcome.value);
  };

  const remove = (t: Thread): void => {
    const i = threads.indexOf(t);
    if (i >= 0) threads.splice(i, 1);
    if (t.drain) clearTimeout(t.drain);
    t.drain = null;
  };

  const spawn = (): Thread => {
    const t: Thread = { worker: startWorker({ db: o.db, view: o.view }), running: null, startedAt: 0, drain: null };
    // An idle pool never keeps the process alive; the server (or a waiting caller) does.
    t.worker.unref();
    t.worker.on('message', (a: SearchAnswer) => {
      const p = t.running;
      if (t.drain) clearTimeout(t.drain);
      t.drain = null;
      t.running = null;
      if (p) settle(p, a.ok ? { value: a.value } : { error: answerError(a) });
      // Back from draining with enough threads idle: one too many.
      if (threads.filter((x) => x.running === null).length > size) {
        remove(t);
        void t.worker.terminate();
      }
      dispatch();
    });
    // A thread that dies (out of memory, a crash) fails its search and is replaced.
    t.worker.on('error', (e) => {
      if (t.running) settle(t.running, { error: new AppError(`search thread failed: ${e.message}`, { cause: e }) });
      t.running = null;
    });
    t.worker.on('exit', () => {
      remove(t);
      if (t.running) settle(t.running, { error: new AppError('search thread stopped') });
      if (!closed) dispatch();
    });
    threads.push(t);
    return t;
  };

  /** Past its deadline or cancelled: the client is answered now; its thread drains (see above). */
  const giveUp = (p: Pending, reason: 'budget' | 'cancelled'): void => {
    if (p.settled) return;
    const queued = queue.indexOf(p);
    if (queued >= 0) queue.splice(queued, 1);
    Atomics.store(p.job.cancelled, 0, 1);
    settle(p, { error: new SearchInterrupted(reason) });
    const t = threads.find((x) => x.running === p);
    if (t && !t.drain)
      t.drain = setTimeout(() => {
        if (t.running !== p) return;
        o.log?.(`serve: a search thread still busy ${drainMs / 1000} s after its search was given up was stopped`);
        remove(t);
        t.running = null;
        void t.worker.terminate();
        dispatch();
      }, drainMs);
    dispatch();
  };

  const suspectMs = budgetMs / 4;
  let recheck: NodeJS.Timeout | null = null;
  const dispatch = (): void => {
    while (!closed && queue.length) {
      const now = performance.now();
      // Running and not yet suspected of running out of time (see above).
      const counted = threads.filter((x) => x.running !== null && x.drain === null && now - x.startedAt < suspectMs);
      let t = threads.find((x) => x.running === null);
      if (!t && counted.length < size && threads.length < THREADS_PER_SLOT * size) t = spawn();
      if (!t || counted.length >= size) {
        // Looked at again when the first of them becomes a suspect.
        const next = Math.min(...counted.map((x) => x.startedAt + suspectMs - now));
        if (Number.isFinite(next) && !recheck)
          recheck = setTimeout(
            () => {
              recheck = null;
              dispatch();
            },
            Math.max(1, next),
          );
        return;
      }
      const p = queue.shift()!;
      t.running = p;
      t.startedAt = now;
      t.worker.postMessage(p.job);
    }
  };

  const run = <T>(job: SearchJob, signal: AbortSignal | undefined): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new AppError('the search threads are closed'));
      const p: Pending = {
        job,
        resolve: resolve as (v: unknown) => void,
        reject,
        settled: false,
        signal,
        timer: setTimeout(() => giveUp(p, 'budget'), Math.max(0, job.deadline - Date.now())),
        onAbort: () => giveUp(p, 'cancelled'),
      };
      if (signal?.aborted) return giveUp(p, 'cancelled');
      signal?.addEventListener('abort', p.onAbort, { once: true });
      queue.push(p);
      dispatch();
    });

  const flag = (): Int32Array => new Int32Array(new SharedArrayBuffer(4));
  return {
    budgetMs,
    searchPage: (q, signal) => run({ op: 'page', q, deadline: Date.now() + budgetMs, cancelled: flag() }, signal),
    filter: (req, signal) => run({ op: 'filter', req, deadline: Date.now() + budgetMs, cancelled: flag() }, signal),
    stats: () => ({
      running: threads.filter((t) => t.running !== null && t.drain === null).length,
      draining: threads.filter((t) => t.drain !== null).length,
      threads: threads.length,
    }),
    async close() {
      closed = true;
      if (recheck) clearTimeout(recheck);
      for (const p of queue.splice(0)) settle(p, { error: new AppError('the search threads are closed') });
      await Promise.all(threads.splice(0).map((t) => t.worker.terminate()));
    },
  };
}
