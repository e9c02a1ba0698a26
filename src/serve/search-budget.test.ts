/**
 * Search cannot freeze the app: on a generated store of 20,000 papers (built once for this file,
 * a few seconds) where the security review's queries take seconds, every search has a time
 * budget, the costliest shapes are refused with a 400 that says why, a client that goes away
 * cancels its search, and other requests keep answering while costly ones run — over real
 * loopback HTTP, with the searches in worker threads as `serve` runs them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { searchPage } from '../store/search-page.js';
import { SearchInterrupted } from '../store/store.js';
import { generateSearchStore, type SearchStore } from '../../test/support/search-store.js';
import { createApp, type AppDeps } from './app.js';
import { searchThreads, type SearchRunner } from './search-pool.js';
import { startServer, type RunningServer } from './server.js';

const VIEW = { language: 'English', preferredSummarizer: 'offline' };
let dir: string;
let world: SearchStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-search-budget-'));
  world = generateSearchStore(dir, 20_000);
}, 60_000);

afterAll(() => {
  world.store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The costliest shape that survives the 400s here: a filter by 50 common keywords (~1.2 s). */
const COMMON =
  'the of and a in to we for is that this on with by as are an our from be which can model data learning method ' +
  'ba be bi bo bu ca ce co da de di do fa fe fi ga ge go la le li lo ma me mi';
const costlyFilter = () =>
  `/api/filter?limit=500&keywords=${encodeURIComponent(COMMON.split(' ').slice(0, 50).join(','))}`;

async function serve(search: SearchRunner, over: Partial<AppDeps> = {}): Promise<RunningServer> {
  const app = createApp({
    store: world.store,
    language: 'English',
    categoryOrder: ['cs.LG'],
    preferredSummarizer: 'offline',
    siteTitle: 'arXiv digest',
    token: null,
    log: () => {},
    search,
    ...over,
  });
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  onTestFinished(async () => {
    await server.close();
    await search.close();
  });
  return server;
}

async function timed(url: string, init?: RequestInit): Promise<{ status: number; ms: number; body: string }> {
  const t = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { status: res.status, ms: performance.now() - t, body };
}

describe('search time budget', () => {
  it('should stop a query that takes seconds at its budget, in the store', () => {
    // The review's deep page of a one-letter prefix, below the store's refusal of it.
    const q = { fts: 'b*', limit: 100, offset: 4000 };
    const t0 = performance.now();
    expect(searchPage(world.store.rawDatabase(), q).hits).toHaveLength(100);
    const unbounded = performance.now() - t0;
    expect(unbounded).toBeGreaterThan(1000); // the store is large enough for the test to mean something
    const t1 = performance.now();
    expect(() =>
      searchPage(world.store.rawDatabase(), q, undefined, undefined, { deadline: Date.now() + 200 }),
    ).toThrow(SearchInterrupted);
    const bounded = performance.now() - t1;
    expect(bounded).toBeLessThan(200 + 400);
    // Served, it is refused before any of that.
    expect(() => world.store.searchPage(q)).toThrow(/prefix "b\*": give at least 3 letters/);
    expect(() => world.store.searchPage({ fts: 'res*', limit: 20, offset: 0 })).toThrow(
      /prefix "res\*" \(the index reads it as "re\*": word endings are left out\): give at least 3 letters/,
    );
    console.log(
      `search budget: b* offset 4000 unbounded ${Math.round(unbounded)} ms, with a 200 ms budget ${Math.round(bounded)} ms`,
    );
  });

  it("should answer the review's bombs with a 400 that says why, at once", async () => {
    const server = await serve(searchThreads({ db: world.path, view: VIEW, budgetMs: 2000 }));
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('').map((l) => `${l}*`);
    for (const [path, why] of [
      ['/api/search?q=a*', 'prefix "a*": give at least 3 letters before the *'],
      ['/api/search?q=a*&offset=10000&limit=100', 'offset: expected a whole number from 0 to 1000'],
      ['/api/search?q=model&offset=950&limit=100', 'hits are listed up to the 1,000th'],
      [
        `/api/search?q=${encodeURIComponent(letters.join(' '))}`,
        'the query has 26 words, phrases and prefixes; at most 20',
      ],
      [`/api/search?q=${encodeURIComponent(letters.slice(0, 5).join(' '))}`, 'give at least 3 letters'],
      ['/search?q=ab*', 'give at least 3 letters before the *'],
      ['/api/search?q=res*', 'the index reads it as "re*"'],
      ['/search?q=model&page=51', 'hits are listed up to the 1,000th'],
    ] as const) {
      const r = await timed(`${server.url}${path}`);
      expect([path, r.status]).toEqual([path, 400]);
      const said = path.startsWith('/api/')
        ? (JSON.parse(r.body) as { error: { message: string } }).error.message
        : r.body;
      expect(said).toContain(path.startsWith('/api/') ? why : why.replace(/"/g, '&quot;'));
      expect(r.ms).toBeLessThan(500);
    }
    // The last page there is says so rather than linking to one that is refused.
    const last = await timed(`${server.url}/search?q=the&page=50`);
    expect(last.status).toBe(200);
    expect(last.body).toContain('id="depth-note"');
    expect(last.body).not.toContain('rel="next"');
  });

  it('should answer a search out of time with a 503 at its budget, while other requests keep answering', async () => {
    const server = await serve(searchThreads({ db: world.path, view: VIEW, budgetMs: 300, threads: 2 }));
    const unbounded = await timed(`${server.url}${costlyFilter()}`);
    expect(unbounded.status).toBe(503);
    expect(JSON.parse(unbounded.body)).toEqual({
      error: {
        status: 503,
        message:
          'this search takes longer than its limit of 0.3 s: narrow it with more specific words, a phrase, a category or dates',
      },
    });
    expect(unbounded.ms).toBeLessThan(300 + 500);
    // Two clients send costly searches back to back; a third reads days and searches meanwhile.
    let bombing = true;
    const bombs: number[] = [];
    const bomber = async () => {
      while (bombing) {
        const r = await timed(`${server.url}${costlyFilter()}`);
        expect(r.status).toBe(503);
        bombs.push(r.ms);
      }
    };
    const running = [bomber(), bomber()];
    await new Promise((r) => setTimeout(r, 100));
    const others: number[] = [];
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      const days = await timed(`${server.url}/api/days`);
      expect(days.status).toBe(200);
      const page = await timed(`${server.url}/days/${world.days[3]}`);
      expect(page.status).toBe(200);
      others.push(days.ms, page.ms);
    }
    bombing = false;
    await Promise.all(running);
    const max = Math.max(...others);
    expect(max).toBeLessThan(1000);
    expect(Math.max(...bombs)).toBeLessThan(300 + 1000);
    console.log(
      `search budget: ${bombs.length} costly searches answered 503 in at most ${Math.round(Math.max(...bombs))} ms (budget 300); ` +
        `meanwhile ${others.length} other requests, at most ${Math.round(max)} ms`,
    );
  });

  it('should cancel the search of a client that went away, stopping its work at once', async () => {
    // A long budget: only the client going away can stop the search early.
    const pool = searchThreads({ db: world.path, view: VIEW, budgetMs: 20_000, threads: 1 });
    const server = await serve(pool);
    const unbounded = await timed(`${server.url}${costlyFilter()}`);
    expect(unbounded.status).toBe(200);
    const gone = new AbortController();
    const abandoned = fetch(`${server.url}${costlyFilter()}`, { signal: gone.signal }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 150));
    expect(pool.stats()).toEqual({ running: 1, draining: 0, threads: 1 });
    gone.abort();
    expect(await abandoned).toBeInstanceOf(Error);
    const t1 = performance.now();
    while (pool.stats().running + pool.stats().draining > 0) await new Promise((r) => setTimeout(r, 5));
    const stopped = performance.now() - t1;
    expect(stopped).toBeLessThan(unbounded.ms / 2);
    expect((await timed(`${server.url}/api/search?q=model`)).status).toBe(200);
    console.log(
      `search budget: a ${Math.round(unbounded.ms)} ms search whose client went away stopped ${Math.round(stopped)} ms after it left`,
    );
  });

  it("should stop a search in the caller's thread at its budget too (createApp without threads)", async () => {
    const app = createApp({
      store: world.store,
      language: 'English',
      categoryOrder: ['cs.LG'],
      preferredSummarizer: 'offline',
      siteTitle: 'arXiv digest',
      token: null,
      log: () => {},
      searchBudgetMs: 200,
    });
    const t = performance.now();
    const res = await app.request(costlyFilter());
    expect(res.status).toBe(503);
    expect(performance.now() - t).toBeLessThan(200 + 500);
  });
});
