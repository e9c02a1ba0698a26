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
 *   the thread's statements check); a thread that has not stopped a moment after its deadline is
 *   terminated and replaced. A search that cannot start before its deadline (all threads busy
 *   with others) is refused the same way, so a queue never grows without bound.
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
  /** Threads, each with its own connection (default 2). */
  threads?: number;
  /** How long past its deadline a thread may take to stop before it is terminated (default 1000 ms). */
  graceMs?: number;
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
  /** Set when it is past its deadline: terminated if still running when this fires. */
  kill: NodeJS.Timeout | null;
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

export function searchThreads(o: SearchThreadsOptions): SearchRunner {
  const budgetMs = o.budgetMs ?? DEFAULT_SEARCH_BUDGET_MS;
  const graceMs = o.graceMs ?? 1000;
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

  const spawn = (): Thread => {
    const t: Thread = { worker: startWorker({ db: o.db, view: o.view }), running: null, kill: null };
    // An idle pool never keeps the process alive; the server (or a waiting caller) does.
    t.worker.unref();
    t.worker.on('message', (a: SearchAnswer) => {
      const p = t.running;
      if (t.kill) clearTimeout(t.kill);
      t.kill = null;
      t.running = null;
      if (p) settle(p, a.ok ? { value: a.value } : { error: answerError(a) });
      dispatch();
    });
    // A thread that dies (out of memory, a crash) fails its search and is replaced.
    t.worker.on('error', (e) => {
      if (t.running) settle(t.running, { error: new AppError(`search thread failed: ${e.message}`, { cause: e }) });
      t.running = null;
    });
    t.worker.on('exit', () => {
      const i = threads.indexOf(t);
      if (i >= 0) threads.splice(i, 1);
      if (t.kill) clearTimeout(t.kill);
      if (t.running) settle(t.running, { error: new AppError('search thread stopped') });
      if (!closed) dispatch();
    });
    threads.push(t);
    return t;
  };

  /** Past its deadline or cancelled: the client is answered now; the thread gets a moment to stop. */
  const giveUp = (p: Pending, reason: 'budget' | 'cancelled'): void => {
    if (p.settled) return;
    const queued = queue.indexOf(p);
    if (queued >= 0) queue.splice(queued, 1);
    Atomics.store(p.job.cancelled, 0, 1);
    settle(p, { error: new SearchInterrupted(reason) });
    const t = threads.find((x) => x.running === p);
    if (t && !t.kill)
      t.kill = setTimeout(() => {
        if (t.running !== p) return;
        o.log?.(`serve: a search thread still busy ${graceMs} ms after its search was given up was stopped`);
        // Leaves the pool now; the thread itself ends when SQLite returns to JavaScript.
        threads.splice(threads.indexOf(t), 1);
        t.running = null;
        void t.worker.terminate();
        dispatch();
      }, graceMs);
  };

  const dispatch = (): void => {
    while (!closed && queue.length) {
      let t = threads.find((x) => x.running === null);
      if (!t && threads.length < size) t = spawn();
      if (!t) return;
      const p = queue.shift()!;
      t.running = p;
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
    async close() {
      closed = true;
      for (const p of queue.splice(0)) settle(p, { error: new AppError('the search threads are closed') });
      await Promise.all(threads.splice(0).map((t) => t.worker.terminate()));
    },
  };
}
