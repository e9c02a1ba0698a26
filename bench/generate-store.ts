/**
 * `node --import tsx bench/generate-store.ts [PATH] [--papers N] [--mode bulk|store] [--force] [--check]`
 *
 * Fills a store with a synthetic arXiv history for the web-app bench (bench/serve.ts): by default
 * 1,000,000 papers over 3,500 announcement days (Monday–Friday from 2012-01-02, ~286 papers a
 * day), realistic lengths and vocabulary (bench/corpus.ts), 1–4 real taxonomy categories each,
 * cross-listings and replacements, an ok summary (Chinese or English) for 30 %, code links for 12 %.
 *
 * PATH (or BENCH_STORE; default $TMPDIR/arxiv-digest-1m.db) is reused: a store that already holds
 * the requested number of papers is left alone (--force rebuilds it).
 *
 * Two ways in, same rows:
 *   --mode store  (default) the store's public methods (upsertPapers, addAnnouncements,
 *                 upsertSummaries, upsertCodeLinks), one transaction per 20 days: ~4 min for 1M
 *   --mode bulk   plain INSERTs into the same schema after openStore migrated it (~2.5 min),
 *                 search_index filled the way Store.reindex does (spaceCjk, authors joined with
 *                 ", ", ok summaries' five fields joined with "\n"), journal off during the load
 * `--check` builds the first 3,000 papers both ways into two temporary stores and compares every
 * table and the full-text rows (timestamps aside), then exits.
 *
 * Text is generated in a worker thread while the main thread writes, so both cores work.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Database as Db } from 'better-sqlite3';
import { spaceCjk } from '../src/core/cjk.js';
import type { AnnouncementInput, SummaryInput } from '../src/core/types.js';
import { openStore, type Store } from '../src/store/store.js';
import { Corpus, DEFAULT_CORPUS, type CorpusOptions, type SyntheticPaper } from './corpus.js';

export const DEFAULT_STORE = process.env.BENCH_STORE || join(os.tmpdir(), 'arxiv-digest-1m.db');
const SOURCE = 'bench';
/** Days per write batch (one transaction, one message from the worker). */
const DAYS_PER_BATCH = 20;

interface WorkerJob {
  opts: CorpusOptions;
  fromDay: number;
  toDay: number;
}

interface Batch {
  fromDay: number;
  toDay: number;
  papers: SyntheticPaper[];
}

// ------------------------------------------------------------------------------------------------
// the worker: generates batches of days, at most a few ahead of the writer

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'generate') {
  const job = (workerData as { job: WorkerJob }).job;
  const corpus = new Corpus(job.opts);
  let credit = 4;
  let day = job.fromDay;
  const pump = (): void => {
    while (credit > 0 && day < job.toDay) {
      const end = Math.min(job.toDay, day + DAYS_PER_BATCH);
      const papers: SyntheticPaper[] = [];
      for (let i = corpus.dayStart[day]!; i < corpus.dayStart[end]!; i++) papers.push(corpus.paper(i));
      parentPort!.postMessage({ fromDay: day, toDay: end, papers } satisfies Batch);
      day = end;
      credit--;
    }
    if (day >= job.toDay) parentPort!.postMessage(null);
  };
  parentPort!.on('message', () => {
    credit++;
    pump();
  });
  pump();
}

/** Batches of papers in day order, generated in a worker thread. */
async function* batches(job: WorkerJob): AsyncGenerator<Batch> {
  // Node 20 workers do not inherit tsx's loader from --import, so the worker registers it first.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { role: 'generate', job } });
  const queue: (Batch | null)[] = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  worker.on('message', (m: Batch | null) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && failure === null) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
      const b = queue.shift()!;
      if (b === null) return;
      worker.postMessage('more');
      yield b;
    }
  } finally {
    await worker.terminate();
  }
}

// ------------------------------------------------------------------------------------------------
// writers

/** Announcement rows of one day: the day's new and cross listings, then replacements due that day. */
function dayListings(papers: readonly SyntheticPaper[], replacements: Map<string, AnnouncementInput[]>) {
  const byDay = new Map<string, AnnouncementInput[]>();
  for (const p of papers) {
    let rows = byDay.get(p.date);
    if (!rows) byDay.set(p.date, (rows = []));
    rows.push(...p.listings);
    if (p.replacement) {
      const later = replacements.get(p.replacement.date) ?? [];
      later.push(p.replacement.listing);
      replacements.set(p.replacement.date, later);
    }
  }
  for (const [date, rows] of byDay) {
    const due = replacements.get(date);
    if (due) {
      rows.push(...due);
      replacements.delete(date);
    }
  }
  return byDay;
}

interface Writer {
  write(b: Batch, corpus: Corpus): void;
  finish(): void;
}

/** Through the store's public methods. */
function storeWriter(store: Store): Writer {
  const replacements = new Map<string, AnnouncementInput[]>();
  return {
    write(b) {
      store.transaction(() => {
        store.upsertPapers(
          b.papers.map((p) => p.paper),
          SOURCE,
        );
        for (const [date, rows] of dayListings(b.papers, replacements)) store.addAnnouncements(date, rows, SOURCE);
        store.upsertSummaries(b.papers.flatMap((p) => (p.summary ? [p.summary] : [])));
        store.upsertCodeLinks(
          b.papers.flatMap((p) => (p.codeUrl ? [{ paperId: p.paper.id, url: p.codeUrl }] : [])),
          SOURCE,
        );
      });
    },
    finish() {},
  };
}

const summaryText = (s: SummaryInput | null): string =>
  s && s.status === 'ok' && s.fields
    ? [s.fields.tldr, s.fields.motivation, s.fields.method, s.fields.result, s.fields.conclusion].join('\n')
    : '';

/** Plain INSERTs into the migrated schema; the rows the store's methods would write. */
function bulkWriter(db: Db, now: string): Writer {
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576'); // 1 GiB
  db.pragma('foreign_keys = OFF');
  const paper = db.prepare(`
    INSERT INTO papers (n, id, version, title, authors, abstract, categories, primary_category, categories_partial,
      comment, journal_ref, doi, published, updated, source, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const announcement = db.prepare(`
    INSERT INTO announcements (date, category, paper_id, version, kind, position, source, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const summary = db.prepare(`
    INSERT INTO summaries (paper_id, version, language, summarizer, prompt_version, status, tldr, motivation, method,
      result, conclusion, error, flags, tokens_in, tokens_out, cost_usd, duration_ms, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '[]', ?, ?, NULL, NULL, ?, ?)`);
  const code = db.prepare(
    'INSERT INTO code_links (paper_id, url, stars, last_update, source, updated_at) VALUES (?, ?, NULL, NULL, ?, ?)',
  );
  const fts = db.prepare(
    'INSERT INTO search_index (rowid, title, authors, abstract, summaries) VALUES (?, ?, ?, ?, ?)',
  );
  const replacements = new Map<string, AnnouncementInput[]>();
  const write = db.transaction((b: Batch) => {
    for (const { n, paper: p, summary: s, codeUrl } of b.papers) {
      paper.run(
        n,
        p.id,
        p.version,
        p.title,
        JSON.stringify(p.authors),
        p.abstract,
        JSON.stringify(p.categories),
        p.categories[0],
        p.comment ?? null,
        p.journalRef ?? null,
        p.doi ?? null,
        p.published,
        p.updated ?? null,
        SOURCE,
        now,
        now,
      );
      if (s?.fields) {
        const f = s.fields;
        summary.run(s.paperId, s.version, s.language, s.summarizer, s.promptVersion, s.status, f.tldr, f.motivation,
          f.method, f.result, f.conclusion, s.tokensIn ?? null, s.tokensOut ?? null, now, now); // prettier-ignore
      }
      if (codeUrl) code.run(p.id, codeUrl, SOURCE, now);
      fts.run(n, spaceCjk(p.title), p.authors.join(', '), spaceCjk(p.abstract), spaceCjk(summaryText(s)));
    }
    for (const [date, rows] of dayListings(b.papers, replacements)) {
      rows.forEach((a, position) =>
        announcement.run(date, a.category, a.paperId, a.version, a.kind, position, SOURCE, now),
      );
    }
  });
  return {
    write: (b) => write(b),
    finish() {
      db.pragma('foreign_keys = ON');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    },
  };
}

// ------------------------------------------------------------------------------------------------
// generation

export function storeBytes(path: string): { db: number; wal: number } {
  const size = (p: string): number => (existsSync(p) ? statSync(p).size : 0);
  return { db: size(path), wal: size(`${path}-wal`) };
}

const gib = (n: number): string => `${(n / 2 ** 30).toFixed(2)} GiB`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export interface GenerateResult {
  papers: number;
  seconds: number;
  bytes: { db: number; wal: number };
}

export async function generate(
  path: string,
  opts: CorpusOptions,
  mode: 'bulk' | 'store',
  log: (s: string) => void = console.log,
): Promise<GenerateResult> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const t0 = performance.now();
  const store = openStore(path);
  const corpus = new Corpus(opts);
  const now = new Date().toISOString();
  const writer = mode === 'bulk' ? bulkWriter(store.rawDatabase(), now) : storeWriter(store);
  let done = 0;
  let writeMs = 0;
  let lastLog = t0;
  try {
    for await (const b of batches({ opts, fromDay: 0, toDay: opts.days })) {
      const w0 = performance.now();
      writer.write(b, corpus);
      const t = performance.now();
      writeMs += t - w0;
      done += b.papers.length;
      if (t - lastLog > 5_000) {
        lastLog = t;
        const rate = done / ((t - t0) / 1000);
        const size = storeBytes(path);
        log(
          `  ${int(done).padStart(9)} / ${int(opts.papers)} papers  ${int(rate)} papers/s  ` +
            `day ${b.toDay}/${opts.days} (${corpus.days[b.toDay - 1]})  ${gib(size.db + size.wal)}  ` +
            `writer busy ${Math.round((100 * writeMs) / (t - t0))} %  ETA ${Math.round((opts.papers - done) / rate)} s`,
        );
      }
    }
    writer.finish();
    store.rawDatabase().pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    store.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  log(`  writer busy ${Math.round((100 * writeMs) / 1000 / seconds)} % of ${seconds.toFixed(1)} s`);
  return { papers: done, seconds, bytes: storeBytes(path) };
}

/** Papers in an existing store at PATH, or 0. */
export function storedPapers(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const store = openStore(path, { readonly: true });
    try {
      return (store.rawDatabase().prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
    } finally {
      store.close();
    }
  } catch {
    return 0;
  }
}

// ------------------------------------------------------------------------------------------------
// --check: both writers give the same rows

async function check(opts: CorpusOptions): Promise<boolean> {
  const dir = mkdtempSync(join(os.tmpdir(), 'arxiv-digest-gen-check-'));
  try {
    const small: CorpusOptions = { ...opts, papers: 3_000, days: 10 };
    const a = join(dir, 'store.db');
    const b = join(dir, 'bulk.db');
    await generate(a, small, 'store', () => {});
    await generate(b, small, 'bulk', () => {});
    const sa = openStore(a, { readonly: true });
    const sb = openStore(b, { readonly: true });
    const queries = [
      'SELECT n, id, version, title, authors, abstract, categories, primary_category, categories_partial, comment, journal_ref, doi, published, updated, source FROM papers ORDER BY n',
      'SELECT date, category, paper_id, version, kind, position, source FROM announcements ORDER BY date, category, paper_id',
      'SELECT paper_id, version, language, summarizer, prompt_version, status, tldr, motivation, method, result, conclusion, error, flags, tokens_in, tokens_out FROM summaries ORDER BY paper_id',
      'SELECT paper_id, url, stars, last_update, source FROM code_links ORDER BY paper_id',
      'SELECT rowid, title, authors, abstract, summaries FROM search_index ORDER BY rowid',
      "SELECT rowid FROM search_index WHERE search_index MATCH 'model' ORDER BY rank LIMIT 50",
      'SELECT rowid FROM search_index WHERE search_index MATCH \'"提 出"\' ORDER BY rank LIMIT 50',
    ];
    let ok = true;
    for (const q of queries) {
      const ra = JSON.stringify(sa.rawDatabase().prepare(q).all());
      const rb = JSON.stringify(sb.rawDatabase().prepare(q).all());
      const table = /FROM (\w+)/.exec(q)![1];
      const rows = (sa.rawDatabase().prepare(q).all() as unknown[]).length;
      console.log(`  ${table!.padEnd(14)} ${String(rows).padStart(6)} rows  ${ra === rb ? 'identical' : 'DIFFERENT'}`);
      ok &&= ra === rb;
    }
    sa.close();
    sb.close();
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const papers = Number(flag('--papers') ?? DEFAULT_CORPUS.papers);
  const mode = (flag('--mode') ?? 'store') as 'bulk' | 'store';
  const force = args.includes('--force');
  const doCheck = args.includes('--check');
  const path = args.find((a) => !a.startsWith('--')) ?? DEFAULT_STORE;
  const days = Math.max(1, Math.round((DEFAULT_CORPUS.days * papers) / DEFAULT_CORPUS.papers));
  const opts: CorpusOptions = { ...DEFAULT_CORPUS, papers, days };

  if (doCheck) {
    console.log('check: first 3,000 papers through the store methods and through the bulk path');
    const ok = await check(opts);
    console.log(ok ? 'check: identical' : 'check: DIFFERENT');
    process.exitCode = ok ? 0 : 1;
    return;
  }
  const have = storedPapers(path);
  if (have === papers && !force) {
    const size = storeBytes(path);
    console.log(`${path}: already holds ${int(have)} papers (${gib(size.db + size.wal)}); --force rebuilds it`);
    return;
  }
  console.log(
    `generating ${int(papers)} papers over ${int(days)} days into ${path} (mode ${mode}, Node ${process.version})`,
  );
  const r = await generate(path, opts, mode);
  console.log(
    `generated ${int(r.papers)} papers in ${r.seconds.toFixed(1)} s (${int(r.papers / r.seconds)} papers/s); ` +
      `store on disk ${gib(r.bytes.db + r.bytes.wal)} (db ${gib(r.bytes.db)}, wal ${gib(r.bytes.wal)})`,
  );
}

if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await main();
}
