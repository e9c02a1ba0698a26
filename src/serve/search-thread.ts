/**
 * A search thread of search-pool.ts: its own read-only connection to the store, one search at a
 * time, each with the deadline and cancel flag it was sent; answers results or errors as data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError, errorMessage } from '../errors.js';
import { SearchInterrupted, openStore } from '../store/store.js';
import { runFilter } from './filter.js';
import type { ViewOptions } from './paper-data.js';
import type { SearchAnswer, SearchJob } from './search-pool.js';

const { db, view } = workerData as { db: string; view: ViewOptions };
const store = openStore(db, { readonly: true });

parentPort!.on('message', (job: SearchJob) => {
  const budget = { deadline: job.deadline, cancelled: job.cancelled };
  let answer: SearchAnswer;
  try {
    const value = job.op === 'page' ? store.searchPage(job.q, budget) : runFilter(store, job.req, view, budget);
    answer = { ok: true, value };
  } catch (e) {
    const kind = e instanceof SearchInterrupted ? e.reason : e instanceof UsageError ? 'usage' : ('error' as const);
    answer = { ok: false, kind, message: errorMessage(e) };
  }
  parentPort!.postMessage(answer);
});
