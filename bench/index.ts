/**
 * `npm run bench`: figures for the machine it runs on, and ratios against a Python baseline of
 * the reference converter timed in the same run (absolute numbers from different machines do
 * not compare; ratios from one run do).
 *
 *   1. import throughput of every fixture file into fresh stores (papers/s, peak RSS)
 *   2. in-process load+render of the largest day as Markdown
 *   3. the CLI `render` as a whole process (startup, store open, load, render, write)
 *   4. bench/reference-convert.py, as a process and in-process
 *   5. ratios and goals
 *
 * Exits 1 when any rendered output differs from the reference digest by a single byte (a fast
 * wrong answer is no result); a missed speed goal is reported, never a failure. No network.
 * Fixtures: ../shared/fixtures next to the repo, or ARXIV_DIGEST_FIXTURES.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importReferenceFile } from '../src/ingest/import-files.js';
import { loadDay, type LoadDayOptions } from '../src/publish/load-day.js';
import { renderMarkdown } from '../src/publish/markdown.js';
import { openStore, type WriteCounts } from '../src/store/store.js';
import { median, sample, summarize, timeMs, type Summary } from './stats.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(REPO, 'bin', 'arxiv-digest');
const PY_SCRIPT = fileURLToPath(new URL('./reference-convert.py', import.meta.url));
const FIXTURES = resolve(
  process.env.ARXIV_DIGEST_FIXTURES || fileURLToPath(new URL('../../shared/fixtures/', import.meta.url)),
);

/** The largest anchor day: 532 papers, a 1.6 MB digest. */
const DAY = '2026-06-02';
/** Section order of the reference digest for that day. */
const CATEGORY_ORDER = ['cs.CV', 'cs.CL', 'cs.AI', 'cs.GT', 'cs.CE', 'cs.GR', 'cs.IT'];
/** The fixtures' summary language (…_AI_enhanced_Chinese.jsonl; also the LANGUAGE default). */
const LANGUAGE = 'Chinese';
/** What `render` prefers without an API key; only imported summaries exist, so any value renders the same. */
const SUMMARIZER = 'offline';
/** The seed files' names carry no date; they belong to this day. */
const SEED_DATE = '2026-01-09';

const GOAL_IMPORT_PAPERS_PER_S = 5_000;
const GOAL_RENDER_MS = 4;

const IMPORT_ROUNDS = 3;
const RENDER_WARMUP = 20;
const RENDER_ITERATIONS = 200;
const PROCESS_WARMUP = 2;
const PROCESS_RUNS = 15;
const PY_REPEAT = 50;

const DAY_ENHANCED = join(FIXTURES, 'anchor-days', `${DAY}_AI_enhanced_${LANGUAGE}.jsonl`);
const DAY_DIGEST = join(FIXTURES, 'anchor-days', `${DAY}.md`);

// ------------------------------------------------------------------------------------------------
// output

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
const mib = (kib: number): string => `${(kib / 1024).toFixed(1)} MiB`;
const times = (r: number): string => `${r.toFixed(2)}×`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const line = (label: string, ...cols: string[]): void =>
  console.log(
    `  ${label.padEnd(48)}${cols
      .map((c) => c.padEnd(21))
      .join(' ')
      .trimEnd()}`,
  );
const heading = (s: string): void => console.log(`\n${s}`);
const timing = (label: string, s: Summary): void =>
  line(label, `median ${ms(s.median)}`, `p95 ${ms(s.p95)}`, `min ${ms(s.min)}`);

/** Outputs that differ from the reference digest; any one makes the bench exit 1. */
const mismatches: string[] = [];

/** Compares rendered bytes with the reference digest, and says where they part if they do. */
function checkIdentical(what: string, actual: Buffer, expected: Buffer): void {
  if (actual.equals(expected)) {
    line('output', `byte-identical to anchor-days/${DAY}.md (${int(expected.length)} bytes)`);
    return;
  }
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const where = `at byte ${i}: ${int(actual.length)} bytes, expected ${int(expected.length)}`;
  line('output', `DIFFERS ${where}`);
  mismatches.push(`${what}: output differs from anchor-days/${DAY}.md ${where}`);
}

// ------------------------------------------------------------------------------------------------
// 1. import

interface ImportJob {
  file: string;
  date?: string;
}

/** Every anchor day's raw JSONL, enhanced JSONL and Markdown digest, then the seed pair. */
function importJobs(): ImportJob[] {
  const dir = join(FIXTURES, 'anchor-days');
  const days = readdirSync(dir)
    .filter((f) => /\.(jsonl|md)$/.test(f))
    .sort()
    .map((f) => ({ file: join(dir, f) }));
  const seed = ['enhanced.jsonl', 'digest.md'].map((f) => ({ file: join(FIXTURES, 'seed', f), date: SEED_DATE }));
  return [...days, ...seed];
}

const processed = (c: WriteCounts): number => c.inserted + c.updated + c.unchanged;

/**
 * One import of every job into a fresh store. Opening the store (file creation, migrations) is
 * left out of the clock: it is a once-per-process cost, which the CLI figure already carries.
 */
function importRound(dbPath: string, jobs: readonly ImportJob[]): { ms: number; papers: number } {
  const store = openStore(dbPath);
  try {
    let papers = 0;
    const elapsed = timeMs(() => {
      for (const job of jobs) {
        const r = importReferenceFile(store, job.file, { date: job.date, defaultLanguage: LANGUAGE });
        // A refused file or rejected line would make the figure describe less work than it claims.
        if (!('counts' in r) || r.error) throw new Error(`import refused ${job.file}: ${r.error}`);
        const rejects = r.rejects;
        if (rejects.length) throw new Error(`${job.file}:${rejects[0]!.line}: ${rejects[0]!.reason}`);
        papers += processed(r.counts.papers);
      }
    });
    return { ms: elapsed, papers };
  } finally {
    store.close();
  }
}

/** Returns the median rate in papers/s. */
function benchImport(tmp: string): number {
  const jobs = importJobs();
  heading(`1. Import: ${jobs.length} fixture files into a fresh store, ${IMPORT_ROUNDS} rounds`);
  const rates: number[] = [];
  for (let round = 1; round <= IMPORT_ROUNDS; round++) {
    globalThis.gc?.();
    const r = importRound(join(tmp, `import-${round}.db`), jobs);
    const rate = r.papers / (r.ms / 1000);
    rates.push(rate);
    line(`round ${round}`, `${int(r.papers)} papers`, ms(r.ms), `${int(rate)} papers/s`);
  }
  const best = Math.max(...rates);
  const med = median(rates);
  line('best', `${int(best)} papers/s`);
  line(
    'median',
    `${int(med)} papers/s`,
    `goal ≥ ${int(GOAL_IMPORT_PAPERS_PER_S)}`,
    verdict(med >= GOAL_IMPORT_PAPERS_PER_S),
  );
  line('peak RSS so far', mib(process.resourceUsage().maxRSS));
  return med;
}

// ------------------------------------------------------------------------------------------------
// 2. in-process render

interface RenderTimes {
  loadRender: Summary;
  renderOnly: Summary;
}

/**
 * The render store holds the day's enhanced file only. The import store above also holds the
 * day's raw JSONL, whose extra announcements (papers never summarized) the reference digest
 * does not list, so rendering from it would not reproduce the digest.
 */
function benchRender(dbPath: string, expected: Buffer): RenderTimes {
  heading(`2. In-process render: ${DAY} as Markdown, ${RENDER_WARMUP} warm-up + ${RENDER_ITERATIONS} timed`);
  const store = openStore(dbPath);
  try {
    const imported = importReferenceFile(store, DAY_ENHANCED, { defaultLanguage: LANGUAGE });
    if (!('counts' in imported) || imported.error) throw new Error(imported.error);
    const opts: LoadDayOptions = {
      date: DAY,
      language: LANGUAGE,
      categoryOrder: CATEGORY_ORDER,
      preferredSummarizer: SUMMARIZER,
    };
    line('store', `${int(processed(imported.counts.papers))} papers (enhanced file only)`);

    // The result is kept outside the closure so V8 cannot drop the work as dead code, and read
    // (flattened) inside it: a string built by concatenation is a rope until first read, and
    // writing it to a file or stdout reads it, so the flattening is part of rendering.
    const flat = (s: string): string => (s.charCodeAt(s.length - 1), s);
    let text = '';
    const loadRender = summarize(
      sample(() => (text = flat(renderMarkdown(loadDay(store, opts)))), RENDER_WARMUP, RENDER_ITERATIONS),
    );
    timing('loadDay + renderMarkdown', loadRender);
    checkIdentical('in-process render', Buffer.from(text, 'utf8'), expected);

    const day = loadDay(store, opts);
    const renderOnly = summarize(sample(() => (text = flat(renderMarkdown(day))), RENDER_WARMUP, RENDER_ITERATIONS));
    timing('renderMarkdown only', renderOnly);
    // The goal is the render step (DayView → Markdown); reading the day out of SQLite is the
    // store's cost and is compared with Python's load + convert in the ratios below.
    line('goal (render, median)', `≤ ${ms(GOAL_RENDER_MS)}`, verdict(renderOnly.median <= GOAL_RENDER_MS));
    return { loadRender, renderOnly };
  } finally {
    store.close();
  }
}

// ------------------------------------------------------------------------------------------------
// processes (CLI and Python)

/**
 * Wall times of whole processes, spawned synchronously so nothing else in this process runs
 * meanwhile. `check` runs after each timed run, off the clock.
 */
function timeProcess(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, check: () => void): Summary {
  const run = (): void => {
    const r = spawnSync(cmd, args, { cwd: REPO, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  };
  for (let i = 0; i < PROCESS_WARMUP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < PROCESS_RUNS; i++) {
    samples.push(timeMs(run));
    check();
  }
  return summarize(samples);
}

/** Reads a process's output file and compares it, reporting only the first mismatch of a series. */
function outputChecker(what: string, outFile: string, expected: Buffer): { check: () => void; report: () => void } {
  let bad: Buffer | null = null;
  let last: Buffer = Buffer.alloc(0);
  return {
    check: () => {
      last = readFileSync(outFile);
      if (!bad && !last.equals(expected)) bad = last;
    },
    report: () => checkIdentical(what, bad ?? last, expected),
  };
}

// ------------------------------------------------------------------------------------------------
// 3. CLI render

function benchCli(dbPath: string, outFile: string, expected: Buffer): Summary {
  heading(`3. CLI render process: node bin/arxiv-digest render, ${PROCESS_WARMUP} warm-up + ${PROCESS_RUNS} timed`);
  // --lang pins the language: LANGUAGE is also gettext's locale variable, which some systems set.
  const args = [
    BIN,
    '--db',
    dbPath,
    'render',
    '--date',
    DAY,
    '--format',
    'markdown',
    '--categories',
    CATEGORY_ORDER.join(','),
    '--lang',
    LANGUAGE,
    '--out',
    outFile,
  ];
  const out = outputChecker('CLI render', outFile, expected);
  const s = timeProcess(process.execPath, args, process.env, out.check);
  timing('process wall time', s);
  out.report();
  return s;
}

// ------------------------------------------------------------------------------------------------
// 4. Python baseline

interface PyInProcess {
  repeat: number;
  median_ms: number;
  p95_ms: number;
  convert_median_ms: number;
  convert_p95_ms: number;
  python: string;
}

interface PyResult {
  process: Summary;
  inProcess: PyInProcess;
}

function pythonVersion(): string | null {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return `${r.stdout}${r.stderr}`.trim();
}

function benchPython(outFile: string, expected: Buffer): PyResult | null {
  const version = pythonVersion();
  heading(`4. Python baseline: bench/reference-convert.py${version ? ` (${version})` : ''}`);
  if (!version) {
    line('skipped', 'python3 not found on PATH; no baseline, no ratios');
    return null;
  }
  const env = { ...process.env, CATEGORIES: CATEGORY_ORDER.join(',') };
  const args = [PY_SCRIPT, '--data', DAY_ENHANCED, '--out', outFile];

  const out = outputChecker('Python process', outFile, expected);
  const proc = timeProcess('python3', args, env, out.check);
  timing(`process (${PROCESS_WARMUP} warm-up + ${PROCESS_RUNS})`, proc);
  out.report();

  const r = spawnSync('python3', [...args, '--repeat', String(PY_REPEAT)], { cwd: REPO, env, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw new Error(`reference-convert.py --repeat exited ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  const inProcess = JSON.parse(r.stdout) as PyInProcess;
  const { repeat } = inProcess;
  line(`in-process load + convert (×${repeat})`, `median ${ms(inProcess.median_ms)}`, `p95 ${ms(inProcess.p95_ms)}`);
  const convertOnly = [`median ${ms(inProcess.convert_median_ms)}`, `p95 ${ms(inProcess.convert_p95_ms)}`];
  line(`in-process convert only (×${repeat})`, ...convertOnly);
  checkIdentical('Python in-process', readFileSync(outFile), expected);
  return { process: proc, inProcess };
}

// ------------------------------------------------------------------------------------------------
// 5. summary

/** One ratio line: ours / theirs, with both medians so the ratio can be checked by eye. */
const ratio = (label: string, ours: number, theirs: number): void =>
  line(label, times(ours / theirs), `${ms(ours)} vs ${ms(theirs)}`);

function report(importRate: number, render: RenderTimes, cli: Summary, py: PyResult | null): void {
  heading('5. Ratios (arxiv-digest / Python, medians; below 1 means arxiv-digest is faster)');
  if (py) {
    ratio('CLI process / Python process', cli.median, py.process.median);
    ratio('load+render / Python load+convert', render.loadRender.median, py.inProcess.median_ms);
    ratio('render only / Python convert only', render.renderOnly.median, py.inProcess.convert_median_ms);
  } else line('skipped', 'no Python baseline');

  heading('Goals');
  const importOk = importRate >= GOAL_IMPORT_PAPERS_PER_S;
  line(`import ≥ ${int(GOAL_IMPORT_PAPERS_PER_S)} papers/s (median)`, `${int(importRate)} papers/s`, verdict(importOk));
  const renderOk = render.renderOnly.median <= GOAL_RENDER_MS;
  line(`in-process render ≤ ${GOAL_RENDER_MS} ms (render median)`, ms(render.renderOnly.median), verdict(renderOk));
  line(
    'in-process load + render (median)',
    ms(render.loadRender.median),
    py ? `Python load + convert ${ms(py.inProcess.median_ms)}` : '',
  );
  const cliLabel = 'CLI render ≤ Python process (median)';
  if (py) line(cliLabel, `${ms(cli.median)} vs ${ms(py.process.median)}`, verdict(cli.median <= py.process.median));
  else line(cliLabel, ms(cli.median), 'SKIPPED (no python3)');
  line('peak RSS of the bench process', mib(process.resourceUsage().maxRSS));
}

function machine(): string {
  const cpus = os.cpus();
  return [
    `${os.type()} ${os.release()} ${os.arch()}`,
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `Node ${process.version}`,
  ].join(', ');
}

function main(): number {
  if (!existsSync(DAY_ENHANCED) || !existsSync(DAY_DIGEST)) {
    console.error(
      `bench: fixtures not found in ${FIXTURES} (expected anchor-days/ and seed/); set ARXIV_DIGEST_FIXTURES`,
    );
    return 1;
  }
  console.log(`arxiv-digest bench — ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(`fixtures: ${FIXTURES}`);
  if (!globalThis.gc) console.log('note: run with node --expose-gc (npm run bench does) for steadier figures');

  const expected = readFileSync(DAY_DIGEST);
  const tmp = mkdtempSync(join(os.tmpdir(), 'arxiv-digest-bench-'));
  try {
    const started = performance.now();
    const importRate = benchImport(tmp);
    const renderDb = join(tmp, 'render.db');
    const render = benchRender(renderDb, expected);
    const cli = benchCli(renderDb, join(tmp, 'cli.md'), expected);
    const py = benchPython(join(tmp, 'python.md'), expected);
    report(importRate, render, cli, py);
    console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  if (mismatches.length) {
    console.error(`\nFAIL: ${mismatches.length} output(s) not byte-identical:\n  ${mismatches.join('\n  ')}`);
    return 1;
  }
  console.log('all outputs byte-identical');
  return 0;
}

process.exitCode = main();
