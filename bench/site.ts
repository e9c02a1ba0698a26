/**
 * `node --import tsx bench/site.ts`: how long the static site takes for a month of big days.
 *
 *   1. builds 30 synthetic days × 300 papers with realistic lengths (title ~100 characters,
 *      5 authors, abstract ~1,300 characters, five summary fields; a few failed, pending and
 *      flagged summaries and code links, as real days have) — not timed
 *   2. times renderSite (pure) and writing its files into a fresh temp folder, over a few rounds
 *   3. reports seconds, files, MB written (and the search index's share), and the goal: the
 *      whole site in < 5 s
 *
 * A missed goal is reported, never a failure (exit 0), like the other benches. No network.
 * `--keep` leaves the last round's site on disk (path printed) to open in a browser.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Paper, StoredSummary, SummaryFields } from '../src/core/types.js';
import { buildDayView, type DayView } from '../src/core/day-view.js';
import { renderSite, type SiteOptions } from '../src/publish/site/index.js';
import { median } from './stats.js';

const DAYS = 30;
const PAPERS_PER_DAY = 300;
const ROUNDS = 3;
const GOAL_SECONDS = 5;
const KEEP = process.argv.includes('--keep');
const CATEGORIES = ['cs.CV', 'cs.CL', 'cs.LG', 'cs.AI', 'cs.RO', 'stat.ML'];

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const line = (label: string, ...cols: string[]): void =>
  console.log(`  ${label.padEnd(40)}${cols.join('  ')}`.trimEnd());

// ------------------------------------------------------------------------------------------------
// 1. synthetic days (deterministic: the same text on every run and machine)

let seed = 42;
/** Park–Miller LCG: enough randomness for text, and reproducible. */
const rand = (): number => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const WORDS = (
  'model learning neural network transformer diffusion attention language vision graph training data ' +
  'benchmark method results propose show improve performance efficient robust large scale representation ' +
  'task dataset accuracy baseline framework approach optimization reinforcement policy agent reasoning ' +
  'generation image video text speech retrieval alignment evaluation inference latent sparse'
).split(' ');
const NAMES = 'Ada Alan Grace Edsger Barbara Donald John Frances Leslie Tim Radia Yann Fei-Fei Geoffrey Yoshua'.split(
  ' ',
);
const SURNAMES =
  'Lovelace Turing Hopper Dijkstra Liskov Knuth McCarthy Allen Lamport Berners-Lee Perlman LeCun Li Hinton Bengio Zhang Wang'.split(
    ' ',
  );

/** Sentences of random words until the text is about `chars` long. */
function prose(chars: number): string {
  let out = '';
  while (out.length < chars) {
    const n = 8 + Math.floor(rand() * 14);
    const words = Array.from({ length: n }, () => pick(WORDS));
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    if (rand() < 0.3) words.push(`by ${(rand() * 40).toFixed(1)}%`);
    out += `${out ? ' ' : ''}${words.join(' ')}.`;
  }
  return out;
}

function title(): string {
  const t = prose(100).replace(/\.$/, '');
  return t.length > 110 ? t.slice(0, t.lastIndexOf(' ', 105)) : t;
}

function syntheticDay(dayIndex: number): DayView {
  const date = new Date(Date.UTC(2026, 0, 1 + dayIndex)).toISOString().slice(0, 10);
  const papers: Paper[] = [];
  const summaries: StoredSummary[] = [];
  const codeLinks = new Map<string, { paperId: string; url: string; stars: number }>();
  for (let i = 0; i < PAPERS_PER_DAY; i++) {
    const id = `26${String(1 + Math.floor(dayIndex / 28)).padStart(2, '0')}.${String(dayIndex * 1000 + i).padStart(5, '0')}`;
    const primary = pick(CATEGORIES);
    papers.push({
      id,
      version: 1 + Math.floor(rand() * 2),
      title: title(),
      authors: Array.from({ length: 5 }, () => `${pick(NAMES)} ${pick(SURNAMES)}`),
      abstract: prose(1_300),
      categories: rand() < 0.5 ? [primary] : [primary, pick(CATEGORIES)].filter((c, k, a) => a.indexOf(c) === k),
      comment: rand() < 0.5 ? `${8 + Math.floor(rand() * 20)} pages, ${Math.floor(rand() * 10)} figures` : null,
      journalRef: null,
      doi: null,
      published: `${date}T00:00:00Z`,
      updated: null,
    });
    const r = rand();
    // ~2 % failed, ~1 % pending (no summary row), the rest ok; ~4 % of those flagged.
    if (r < 0.02) {
      summaries.push(summary(id, 'failed', null, [], 'HTTP 500 after 3 tries'));
    } else if (r >= 0.03) {
      const fields: SummaryFields = {
        tldr: prose(150),
        motivation: prose(260),
        method: prose(300),
        result: prose(260),
        conclusion: prose(200),
      };
      summaries.push(summary(id, 'ok', fields, rand() < 0.04 ? ['unsupported-number'] : []));
    }
    if (rand() < 0.2)
      codeLinks.set(id, { paperId: id, url: `https://github.com/lab/${id}`, stars: Math.floor(rand() * 500) });
  }
  return buildDayView({
    date,
    language: 'English',
    rows: papers.map((paper, position) => ({
      paper,
      category: paper.categories[0]!,
      kind: 'new',
      version: paper.version,
      position,
    })),
    summaries,
    otherLanguages: new Map(),
    codeLinks,
    categoryOrder: CATEGORIES,
    preferredSummarizer: 'offline',
  });
}

function summary(
  paperId: string,
  status: StoredSummary['status'],
  fields: SummaryFields | null,
  flags: string[],
  error: string | null = null,
): StoredSummary {
  return {
    paperId,
    version: 1,
    language: 'English',
    summarizer: 'offline',
    promptVersion: 'v1',
    status,
    fields,
    error,
    flags,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

// ------------------------------------------------------------------------------------------------
// 2. render and write

function writeSite(files: Map<string, string>, dir: string): number {
  let bytes = 0;
  const made = new Set<string>();
  for (const [rel, text] of files) {
    const path = join(dir, rel);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function main(): void {
  console.log(`site bench: ${DAYS} days × ${PAPERS_PER_DAY} papers, ${ROUNDS} rounds (Node ${process.version})`);
  const t0 = performance.now();
  const days = Array.from({ length: DAYS }, (_, i) => syntheticDay(i));
  line('synthetic days built (not timed)', `${((performance.now() - t0) / 1000).toFixed(2)} s`);

  const options: SiteOptions = { title: 'arXiv digest', language: 'English', generatedAt: '2026-02-01T00:00:00Z' };
  const renderS: number[] = [];
  const writeS: number[] = [];
  let files = new Map<string, string>();
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-site-bench-'));
    try {
      const a = performance.now();
      files = renderSite(days, options);
      const b = performance.now();
      bytes = writeSite(files, dir);
      const c = performance.now();
      renderS.push((b - a) / 1000);
      writeS.push((c - b) / 1000);
    } finally {
      if (KEEP && round === ROUNDS - 1) line('kept', dir);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  const totals = renderS.map((r, i) => r + writeS[i]!);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const indexBytes = Buffer.byteLength(files.get('assets/search-index.js') ?? '');
  const dayBytes = [...files].filter(([p]) => p.startsWith('days/')).map(([, t]) => Buffer.byteLength(t));

  line(
    'renderSite (median)',
    `${median(renderS).toFixed(2)} s`,
    `rounds: ${renderS.map((s) => s.toFixed(2)).join(', ')}`,
  );
  line(
    'write files (median)',
    `${median(writeS).toFixed(2)} s`,
    `rounds: ${writeS.map((s) => s.toFixed(2)).join(', ')}`,
  );
  line('files written', String(files.size));
  line('written', mb(bytes));
  line('  search index', mb(indexBytes), `(${Math.round(indexBytes / (DAYS * PAPERS_PER_DAY))} bytes/paper)`);
  line('  one day page (median)', mb(median(dayBytes)));
  const total = median(totals);
  line(`goal: render + write < ${GOAL_SECONDS} s`, `${total.toFixed(2)} s`, verdict(total < GOAL_SECONDS));
}

main();
