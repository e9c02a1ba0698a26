/**
 * `node --import tsx bench/serve.ts [--store PATH] [--concurrency 1,2,4,16] [--seconds 15] [--workers N]
 *   [--no-inproc] [--no-load] [--no-bombs]` (skip section 2, 3–4, or 5)
 *
 * The web app under load on a 1,000,000-paper store (bench/generate-store.ts builds it when
 * missing; PATH or BENCH_STORE, default $TMPDIR/arxiv-digest-1m.db):
 *
 *   1. the store: papers, days, rows, size on disk (db + wal)
 *   2. service time, one request at a time in-process (`app.request`, no network): per search
 *      class (common / mid / rare word, two words, phrase, prefix*, CJK, author only, category
 *      only; a share of them with category / date / author filters and on page 3) and for the
 *      day page, with the day page's parts (listDays, loadDay, the rest); then the store's
 *      searchPage against release 0.1's query shape (bench/search-baseline.ts), same requests,
 *      same process, as a ratio
 *   3. load: `arxiv-digest serve --port 0` itself (bin/, compiled dist/, its default worker
 *      processes unless --workers) in a child process, N concurrent keep-alive clients (closed
 *      loop, no think time; bench/load-client.ts, in a process of its own) for a fixed time
 *      each, 70 % searches and 30 % day pages of random dates; p50 / p95 / p99 and requests per
 *      second per route, and the CPU time the server and the load generator spent per request
 *      (Linux: /proc), a steadier figure than latency on a VM whose speed varies
 *   4. goals: search p95 < 50 ms, day page p95 < 30 ms, at each concurrency
 *   5. costly searches (the security review's, and the costliest the server still accepts):
 *      each in-process on the store without a budget (how long it would take; capped at 30 s),
 *      then each against `serve` (refused with a 400, or a 503 at its time budget), then two
 *      clients sending them back to back while a third reads days, day pages and searches —
 *      its latency against the same client's without them, in the same run (--no-bombs skips)
 *
 * BENCH_SERVER_PROFILE=DIR writes the server's CPU profiles (node --cpu-prof) into DIR.
 * A missed goal is reported, never a failure (exit 0). Traffic goes to 127.0.0.1 only; every
 * loop is bounded by time.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { loadDay as loadDay_ } from '../src/publish/load-day.js';
import { createApp, type AppDeps } from '../src/serve/app.js';
import { runFilter } from '../src/serve/filter.js';
import { searchPage as storeSearchPage } from '../src/store/search-page.js';
import { SearchInterrupted, openStore, type Store } from '../src/store/store.js';
import { Corpus, DEFAULT_CORPUS, SUMMARIZER } from './corpus.js';
import { DEFAULT_STORE, generate, storeBytes, storedPapers } from './generate-store.js';
import { REQUEST_TIMEOUT_MS, type LoadOptions, type LoadRun, type Sample } from './load-client.js';
import { baselineSearchPage } from './search-baseline.js';
import { percentile } from './stats.js';
import {
  loadPools,
  poolsFile,
  modifiers,
  requestPath,
  searchFilters,
  SEARCH_CLASSES,
  Workload,
  type SearchRequest,
} from './workload.js';

const GOAL_SEARCH_P95_MS = 50;
const GOAL_DAY_P95_MS = 30;
const SEARCH_SHARE = 0.7;
/** In-process service time: per class, at most this many samples or this long. */
const INPROC_SAMPLES = 40;
const INPROC_SECONDS = 6;
/** Requests per class compared with release 0.1's query (which takes seconds on common words). */
const BASELINE_SAMPLES = 12;
const WARMUP_SECONDS = 3;

const CATEGORY_ORDER = ['cs.CV', 'cs.CL', 'cs.LG', 'cs.AI'];

const appDeps = (store: Store): AppDeps => ({
  store,
  language: 'Chinese',
  categoryOrder: CATEGORY_ORDER,
  preferredSummarizer: SUMMARIZER,
  siteTitle: 'arXiv digest',
  token: null,
  log: (l) => process.stderr.write(`${l}\n`),
});

// ------------------------------------------------------------------------------------------------
// output

const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : n.toFixed(0));
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const gib = (n: number): string => `${(n / 2 ** 30).toFixed(2)} GiB`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const heading = (s: string): void => console.log(`\n${s}`);
const row = (cols: string[], widths: number[]): void =>
  console.log(`  ${cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ')}`);

interface Stat {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function stat(xs: readonly number[]): Stat | null {
  if (xs.length === 0) return null;
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    p99: percentile(xs, 99),
    max: Math.max(...xs),
  };
}

const W = [30, 6, 9, 9, 9, 9, 9];
const statHeader = (first: string, extra = 'req/s'): void =>
  row([first, 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', extra], W);
const statRow = (label: string, s: Stat | null, extra = ''): void =>
  row(s ? [label, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), extra] : [label, '0'], W);

// ------------------------------------------------------------------------------------------------
// 2. in-process service time

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const res = await fn();
  await res.text();
  return { ms: performance.now() - t0, status: res.status };
}

async function serviceTimes(store: Store, workload: Workload): Promise<void> {
  const app = createApp(appDeps(store));
  heading('2. Service time, one request at a time, in-process (app.request, no network)');
  // Warm the statement cache and the JIT.
  for (let i = 0; i < 5; i++) await timed(() => Promise.resolve(app.request(requestPath(workload.next()))));
  statHeader('route / search class', '');
  const all: number[] = [];
  const slowest: { ms: number; path: string; mods: string }[] = [];
  for (const cls of SEARCH_CLASSES) {
    const xs: number[] = [];
    const t0 = performance.now();
    while (xs.length < INPROC_SAMPLES && (xs.length < 5 || performance.now() - t0 < INPROC_SECONDS * 1000)) {
      const s = workload.search(cls);
      const path = requestPath({ kind: 'search', search: s });
      const r = await timed(() => Promise.resolve(app.request(path)));
      if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
      xs.push(r.ms);
      all.push(r.ms);
      slowest.push({ ms: r.ms, path, mods: modifiers(s) });
    }
    statRow(`/search ${cls}`, stat(xs));
  }
  statRow('/search (all classes, unweighted)', stat(all));

  // The store's searchPage against release 0.1's query shape: same requests, same process.
  console.log("\n  searchPage (store, no HTTP) against release 0.1's query (bench/search-baseline.ts), p50 ms:");
  row(['search class', 'n', 'now', '0.1', 'speed-up', 'same hits'], [30, 6, 9, 9, 9, 10]);
  for (const cls of SEARCH_CLASSES) {
    const now: number[] = [];
    const before: number[] = [];
    let same = 0;
    let n = 0;
    const t0 = performance.now();
    while (n < BASELINE_SAMPLES && (n < 3 || performance.now() - t0 < INPROC_SECONDS * 1000)) {
      const q = searchFilters(workload.search(cls) satisfies SearchRequest);
      let a = performance.now();
      const mine = store.searchPage(q);
      now.push(performance.now() - a);
      a = performance.now();
      const theirs = baselineSearchPage(store.rawDatabase(), q);
      before.push(performance.now() - a);
      const key = (hs: { id: string }[]) => hs.map((h) => h.id).join(' ');
      if (key(mine.hits) === key(theirs.hits)) same++;
      n++;
    }
    const [p, b] = [percentile(now, 50), percentile(before, 50)];
    row([cls, String(n), ms(p), ms(b), `${(b / p).toFixed(1)}×`, `${same}/${n}`], [30, 6, 9, 9, 9, 10]);
  }
  console.log('  (hits differ where words match more than 10,000 papers, listed newest first; where very common');
  console.log(
    '  words are left out of bm25; and where browsing orders a day by store order: src/store/search-page.ts)',
  );

  // The day page and its parts.
  const day: number[] = [];
  const listDays: number[] = [];
  const loadDay: number[] = [];
  const t0 = performance.now();
  while (day.length < INPROC_SAMPLES && (day.length < 5 || performance.now() - t0 < INPROC_SECONDS * 1000)) {
    const date = workload.day();
    const r = await timed(() => Promise.resolve(app.request(`/days/${date}`)));
    if (r.status !== 200) throw new Error(`/days/${date}: HTTP ${r.status}`);
    day.push(r.ms);
    let a = performance.now();
    store.listDays();
    listDays.push(performance.now() - a);
    a = performance.now();
    loadDay_(store, { date, language: 'Chinese', categoryOrder: CATEGORY_ORDER, preferredSummarizer: SUMMARIZER });
    loadDay.push(performance.now() - a);
  }
  statRow('/days/:date', stat(day));
  statRow('  store.listDays() (route calls it twice)', stat(listDays));
  statRow('  of which loadDay()', stat(loadDay));
  slowest.sort((a, b) => b.ms - a.ms);
  console.log('  slowest searches:');
  for (const s of slowest.slice(0, 5)) console.log(`    ${ms(s.ms).padStart(8)} ms  ${s.path}  ${s.mods}`);
}

// ------------------------------------------------------------------------------------------------
// 3. load over HTTP

const BIN = fileURLToPath(new URL('../bin/arxiv-digest', import.meta.url));

/** `arxiv-digest serve` as a user runs it, on a free port; resolves with the port it printed. */
async function startChild(path: string, workers: string | null): Promise<{ child: ChildProcess; port: number }> {
  const profile = process.env.BENCH_SERVER_PROFILE;
  const args = [
    ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
    BIN,
    'serve',
    '--db',
    path,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    ...(workers ? ['--workers', workers] : []),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANGUAGE: 'Chinese',
    CATEGORIES: CATEGORY_ORDER.join(','),
    MODEL_NAME: 'deepseek-chat',
  };
  delete env.ARXIV_DIGEST_CONFIG;
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'], env, cwd: os.tmpdir() });
  const lines = createInterface({ input: child.stderr! });
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('server did not start within 60 s')), 60_000);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
    lines.on('line', (l) => {
      const m = /^serve: http:\/\/127\.0\.0\.1:(\d+)/.exec(l);
      if (!m) return process.stderr.write(`  server: ${l}\n`);
      clearTimeout(timer);
      ok(Number(m[1]));
    });
  });
  return { child, port };
}

/**
 * CPU time (user, sys; ms) of the server and its worker processes so far, from /proc (Linux;
 * null elsewhere). Time is a steadier figure than latency on a shared VM, whose speed varies
 * from run to run.
 */
function serverCpu(pid: number): { user: number; sys: number } | null {
  const stat = (p: string): string[] | null => {
    try {
      // The fields after the command name, which may itself hold spaces and parentheses.
      const text = readFileSync(`/proc/${p}/stat`, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  if (!stat(String(pid))) return null;
  let user = 0;
  let sys = 0;
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const f = stat(p);
    // After the name: state, ppid, …, utime (12th), stime (13th).
    if (!f || (p !== String(pid) && f[1] !== String(pid))) continue;
    user += Number(f[11]);
    sys += Number(f[12]);
  }
  clockTicks ??= clockTicksPerSecond();
  return { user: (user / clockTicks) * 1000, sys: (sys / clockTicks) * 1000 };
}

let clockTicks: number | undefined;
const clockTicksPerSecond = (): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
};

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await gone;
}

/** bench/load-client.ts in a process of its own (see there why), its result. */
function loadInChild(o: LoadOptions): Promise<LoadRun> {
  const client = fileURLToPath(new URL('./load-client.ts', import.meta.url));
  return new Promise((ok, fail) => {
    execFile(
      process.execPath,
      [...process.execArgv, client, JSON.stringify(o)],
      { maxBuffer: 1 << 30, timeout: (o.warmup + o.seconds) * 1000 + REQUEST_TIMEOUT_MS },
      (e, stdout, stderr) => {
        if (e) return fail(new Error(`load generator: ${e.message}\n${stderr}`));
        try {
          ok(JSON.parse(stdout) as LoadRun);
        } catch (parse) {
          fail(new Error(`load generator: no result (${String(parse)})\n${stderr}`));
        }
      },
    );
  });
}

interface LoadResult {
  concurrency: number;
  search: Stat | null;
  day: Stat | null;
  /** Requests per second over the level. */
  rps: number;
  /** Mean latency of all requests. */
  meanMs: number;
}

async function loadTest(
  path: string,
  levels: number[],
  seconds: number,
  workers: string | null,
): Promise<LoadResult[]> {
  heading(
    `3. Load over HTTP: arxiv-digest serve on 127.0.0.1 (${workers ? `--workers ${workers}` : 'default workers'}), ` +
      `${Math.round(SEARCH_SHARE * 100)} % searches / ${Math.round((1 - SEARCH_SHARE) * 100)} % day pages, ` +
      `closed loop, ${seconds} s per level`,
  );
  const { child, port } = await startChild(path, workers);
  const results: LoadResult[] = [];
  try {
    for (const c of levels) {
      const run = loadInChild({
        port,
        concurrency: c,
        seconds,
        warmup: WARMUP_SECONDS,
        pools: poolsFile(path),
        dayShare: 1 - SEARCH_SHARE,
      });
      // The server's CPU time over the measured run, which starts after the warm-up.
      await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
      const cpu0 = serverCpu(child.pid!);
      const r = await run;
      const cpu1 = serverCpu(child.pid!);
      const ok = r.samples.filter((s) => s.status === 200);
      const bad = r.samples.filter((s) => s.status !== 200);
      const search = ok.filter((s) => s.req.kind === 'search');
      const day = ok.filter((s) => s.req.kind === 'day');
      const rps = (n: number): string => (n / r.seconds).toFixed(1);
      console.log(
        `\n  ${c} concurrent clients: ${int(r.samples.length)} requests in ${r.seconds.toFixed(1)} s ` +
          `(${rps(r.samples.length)} req/s), ${bad.length} not 200, ${r.errors.length} errors`,
      );
      for (const b of bad.slice(0, 3)) console.log(`    HTTP ${b.status}: ${requestPath(b.req)}`);
      for (const e of r.errors.slice(0, 3)) console.log(`    ${e}`);
      statHeader('route');
      const searchStat = stat(search.map((s) => s.ms));
      const dayStat = stat(day.map((s) => s.ms));
      statRow('/search', searchStat, rps(search.length));
      statRow('/days/:date', dayStat, rps(day.length));
      for (const cls of SEARCH_CLASSES) {
        const xs = search.filter((s) => s.req.kind === 'search' && s.req.search.cls === cls).map((s) => s.ms);
        statRow(`  /search ${cls}`, stat(xs), rps(xs.length));
      }
      const kib = (xs: Sample[]) =>
        xs.length ? `${(xs.reduce((a, s) => a + s.bytes, 0) / xs.length / 1024).toFixed(0)} KiB` : '-';
      console.log(`  mean response size: search ${kib(search)}, day page ${kib(day)}`);
      if (cpu0 && cpu1) {
        const per = (x: number) => ms(x / Math.max(1, r.samples.length));
        const user = cpu1.user - cpu0.user;
        const sys = cpu1.sys - cpu0.sys;
        console.log(
          `  server CPU: ${per(user + sys)} ms per request (user ${per(user)}, sys ${per(sys)}), ` +
            `${((user + sys) / 1000 / r.seconds).toFixed(2)} cores busy; ` +
            `load generator: ${per(r.cpu.user + r.cpu.sys)} ms per request`,
        );
      }
      results.push({
        concurrency: c,
        search: searchStat,
        day: dayStat,
        rps: r.samples.length / r.seconds,
        meanMs: r.samples.reduce((a, x) => a + x.ms, 0) / Math.max(1, r.samples.length),
      });
    }
  } finally {
    await stopChild(child);
  }
  return results;
}

// ------------------------------------------------------------------------------------------------
// 5. costly searches

// Read as written by the stemmer (no trailing s: `res*` is read as `re*`, refused).
const PREFIXES = 'con pro dat mod net lea tra gen rel met per imp int rep sta app dev eff str sim'.split(' ');
const COMMON_WORDS = 'the of and a in to we for is that this on with by as are an our from be'.split(' ');

/** The review's bombs, then the costliest shapes the checks let through. */
const BOMBS: { name: string; path: string; fts?: string; limit?: number; offset?: number; filter?: string[] }[] = [
  { name: 'a*', path: '/api/search?q=a*', fts: 'a*' },
  {
    name: 'a* offset 10000, 100 hits',
    path: '/api/search?q=a*&offset=10000&limit=100',
    fts: 'a*',
    limit: 100,
    offset: 10_000,
  },
  {
    name: 'a* b* … z*',
    path: `/api/search?q=${encodeURIComponent(
      'abcdefghijklmnopqrstuvwxyz'
        .split('')
        .map((l) => `${l}*`)
        .join(' '),
    )}`,
    fts: 'abcdefghijklmnopqrstuvwxyz'
      .split('')
      .map((l) => `${l}*`)
      .join(' '),
  },
  {
    name: '20 common prefixes (AND)',
    path: `/api/search?q=${encodeURIComponent(PREFIXES.map((p) => `${p}*`).join(' '))}`,
    fts: PREFIXES.map((p) => `${p}*`).join(' '),
  },
  {
    name: '20 common prefixes (OR)',
    path: `/api/search?q=${encodeURIComponent(PREFIXES.map((p) => `${p}*`).join(' OR '))}`,
    fts: PREFIXES.map((p) => `${p}*`).join(' OR '),
  },
  { name: 'res* (read as re*)', path: '/api/search?q=res*', fts: 'res*' },
  {
    name: '10 common words NOT 10 more',
    path: `/api/search?q=${encodeURIComponent(`${COMMON_WORDS.slice(0, 10).join(' ')} NOT (${COMMON_WORDS.slice(10).join(' OR ')})`)}`,
    fts: `${COMMON_WORDS.slice(0, 10).join(' ')} NOT (${COMMON_WORDS.slice(10).join(' OR ')})`,
  },
  { name: 'filter keywords=the, 500', path: '/api/filter?keywords=the&limit=500', filter: ['the'] },
];
/** Accepted by the server (they pass the 400 checks): sent back to back during the attack. */
const ATTACK = BOMBS.filter((b) => !b.name.startsWith('a') && !b.name.startsWith('res'));
const BASELINE_CAP_MS = 30_000;

async function bombs(path: string, seconds: number): Promise<void> {
  heading("5. Costly searches: the security review's, and the costliest shapes still accepted");
  const store = openStore(path, { readonly: true });
  row(['search', 'unbounded (in-process)', 'served', 'status'], [30, 24, 10, 8]);
  const unbounded: string[] = [];
  for (const b of BOMBS) {
    const t0 = performance.now();
    let out: string;
    try {
      const budget = { deadline: Date.now() + BASELINE_CAP_MS };
      if (b.filter)
        runFilter(
          store,
          { category: null, keywords: b.filter, author: null, from: null, to: null, limit: 500, offset: 0 },
          { language: 'Chinese', preferredSummarizer: SUMMARIZER },
          budget,
        );
      // Below the store's refusals: what the query itself costs.
      else
        storeSearchPage(
          store.rawDatabase(),
          { fts: b.fts!, limit: b.limit ?? 20, offset: b.offset ?? 0 },
          undefined,
          undefined,
          budget,
        );
      out = `${ms(performance.now() - t0)} ms`;
    } catch (e) {
      out =
        e instanceof SearchInterrupted ? `> ${BASELINE_CAP_MS / 1000} s (stopped)` : `error: ${(e as Error).message}`;
    }
    unbounded.push(out);
  }
  store.close();
  const { child, port } = await startChild(path, null);
  const base = `http://127.0.0.1:${port}`;
  try {
    const get = async (p: string) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}${p}`);
        await res.text();
        return { ms: performance.now() - t0, status: res.status };
      } catch {
        return { ms: performance.now() - t0, status: 0 }; // the connection failed
      }
    };
    await get('/api/days'); // the first answer opens the store's pages
    for (const [i, b] of BOMBS.entries()) {
      const r = await get(b.path);
      row([b.name, unbounded[i]!, `${ms(r.ms)} ms`, String(r.status)], [30, 24, 10, 8]);
    }
    const days = (await (await fetch(`${base}/api/days`)).json()) as { days: { date: string }[] };
    const others = [
      '/api/days',
      `/days/${days.days[Math.floor(days.days.length / 2)]!.date}`,
      '/api/search?q=diffusion+model',
      '/search?q=graph+neural&category=cs.LG',
    ];
    const reader = async (until: number) => {
      const xs: { path: string; ms: number }[] = [];
      const failed: string[] = [];
      for (let i = 0; performance.now() < until; i++) {
        const path = others[i % others.length]!;
        const r = await get(path);
        if (r.status !== 200) failed.push(`${path} ${r.status}`);
        xs.push({ path, ms: r.ms });
      }
      return { xs, failed };
    };
    const quiet = await reader(performance.now() + (seconds / 3) * 1000);
    let attacking = true;
    const answered: { ms: number; status: number }[] = [];
    const attacker = async (k: number) => {
      for (let i = k; attacking; i++) answered.push(await get(ATTACK[i % ATTACK.length]!.path));
    };
    const cpu0 = serverCpu(child.pid!);
    const t0 = performance.now();
    const attackers = [attacker(0), attacker(1)];
    const loud = await reader(performance.now() + seconds * 1000);
    attacking = false;
    await Promise.all(attackers);
    const cpu1 = serverCpu(child.pid!);
    console.log(
      `\n  2 clients sending the accepted ones back to back for ${seconds} s: ${answered.length} answered ` +
        `(${answered.filter((a) => a.status === 503).length} × 503 at the budget, ${answered.filter((a) => a.status === 200).length} × 200), ` +
        `at most ${ms(Math.max(...answered.map((a) => a.ms)))} ms each` +
        (cpu0 && cpu1
          ? `; server CPU ${((cpu1.user + cpu1.sys - cpu0.user - cpu0.sys) / (performance.now() - t0)).toFixed(2)} cores`
          : ''),
    );
    console.log(`  a third client meanwhile (${others.join(', ')}):`);
    statHeader('', '');
    const by = (xs: { path: string; ms: number }[], pages: boolean) =>
      stat(xs.filter((x) => x.path.includes('search') !== pages).map((x) => x.ms));
    statRow('  pages, API: no attack', by(quiet.xs, true));
    statRow('  pages, API: under attack', by(loud.xs, true));
    statRow('  searches: no attack', by(quiet.xs, false));
    statRow('  searches: under attack', by(loud.xs, false));
    const failures = [...quiet.failed, ...loud.failed];
    console.log(`  not 200: ${failures.length ? failures.join(', ') : 'none'}`);
  } finally {
    await stopChild(child);
  }
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const path = opt('--store') ?? DEFAULT_STORE;
  const workers = opt('--workers') ?? null;
  const levels = (opt('--concurrency') ?? '1,2,4,16').split(',').map(Number);
  const seconds = Number(opt('--seconds') ?? 15);

  console.log(`serve bench (Node ${process.version}, ${process.platform}, ${os.cpus().length} cores)`);
  heading('1. Store');
  if (storedPapers(path) === 0) {
    console.log(`  ${path} has no papers: generating ${int(DEFAULT_CORPUS.papers)} (bench/generate-store.ts)`);
    const g = await generate(path, DEFAULT_CORPUS, 'store');
    console.log(`  generated in ${g.seconds.toFixed(1)} s`);
  }
  const store = openStore(path);
  const counts = store.stats();
  const size = storeBytes(path);
  console.log(`  ${path}`);
  console.log(
    `  ${int(counts.papers)} papers, ${int(counts.days)} days, ${int(counts.announcements)} announcements, ` +
      `${int(counts.summaries)} summaries`,
  );
  console.log(`  on disk: ${gib(size.db + size.wal)} (db ${gib(size.db)}, wal ${gib(size.wal)})`);
  const corpus = new Corpus({
    ...DEFAULT_CORPUS,
    papers: counts.papers,
    days: Math.max(1, Math.round((DEFAULT_CORPUS.days * counts.papers) / DEFAULT_CORPUS.papers)),
  });
  const pools = loadPools(path, store.rawDatabase(), corpus, (l) => console.log(l));
  const share = (xs: [string, number][]): string => {
    const ns = xs.map(([, n]) => n).sort((a, b) => a - b);
    return `${xs.length} queries, ${int(ns[0] ?? 0)}–${int(ns[ns.length - 1] ?? 0)} matches (median ${int(ns[ns.length >> 1] ?? 0)})`;
  };
  console.log('  query pools (matches counted in the store):');
  for (const [name, xs] of [
    ['common word', pools.common],
    ['mid word', pools.mid],
    ['rare word', pools.rare],
    ['phrase', pools.phrases],
    ['prefix*', pools.prefixes],
    ['CJK', pools.cjk],
    ['author', pools.authors],
  ] as const) {
    console.log(
      `    ${name.padEnd(12)} ${share(xs)}  e.g. ${xs
        .slice(0, 3)
        .map(([w]) => w)
        .join(', ')}`,
    );
  }

  if (!args.includes('--no-inproc')) await serviceTimes(store, new Workload(pools, 1, 1 - SEARCH_SHARE));
  store.close();

  const results = args.includes('--no-load') ? [] : await loadTest(path, levels, seconds, workers);

  heading('4. Goals');
  for (const r of results) {
    const s = r.search?.p95 ?? Infinity;
    const d = r.day?.p95 ?? Infinity;
    console.log(
      `  ${String(r.concurrency).padStart(3)} clients: search p95 ${ms(s).padStart(8)} ms < ${GOAL_SEARCH_P95_MS} ms  ${verdict(s < GOAL_SEARCH_P95_MS)}` +
        `   day page p95 ${ms(d).padStart(8)} ms < ${GOAL_DAY_P95_MS} ms  ${verdict(d < GOAL_DAY_P95_MS)}`,
    );
  }
  const final = storeBytes(path);
  console.log(`  store size on disk: ${gib(final.db + final.wal)} (db ${gib(final.db)}, wal ${gib(final.wal)})`);
  // Closed loop: N clients each waiting for its answer, so mean latency = N / throughput (Little's
  // law). Once the machine's cores are busy, throughput stops growing and every extra client adds
  // queueing that no query plan removes; the table shows where that happens.
  console.log("  saturation (closed loop, Little's law: mean latency = clients / throughput):");
  for (const r of results)
    console.log(
      `  ${String(r.concurrency).padStart(3)} clients: ${r.rps.toFixed(0).padStart(4)} req/s, mean ${ms(r.meanMs).padStart(6)} ms` +
        ` = ${r.concurrency} / ${r.rps.toFixed(0)} req/s; ${os.availableParallelism()} cores on this machine`,
    );
  if (!args.includes('--no-bombs')) await bombs(path, seconds);
}

if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '')) await main();
