/**
 * Whole-history import, the path a migration and every recovery takes (`import DIR`, and `run`
 * rebuilding a lost store from --out): a generated data branch of the reference system the size
 * of its published history — 184 calendar days, weekend copies, repeats, papers never summarized
 * (test/support/reference-history.ts) — imported by the CLI as a whole process. Prints wall and
 * CPU time, peak memory, papers per second, the same files' JSON parsing alone in this process
 * (the floor any import pays) and the ratio, a second import ("0 changed"), a `run` restoring
 * the store from the same files, and how many days render back byte for byte. No network.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDay } from '../src/publish/load-day.js';
import { enhancedJsonlRenderer, rawJsonlRenderer } from '../src/publish/jsonl.js';
import { renderMarkdown } from '../src/publish/markdown.js';
import { openStore } from '../src/store/store.js';
import { generateReferenceHistory } from '../test/support/reference-history.js';
import { timeMs } from './stats.js';

const BIN = fileURLToPath(new URL('../bin/arxiv-digest', import.meta.url));
const DAYS = Number(process.env.BENCH_HISTORY_DAYS ?? 184);
const PER_DAY = Number(process.env.BENCH_HISTORY_PAPERS ?? 190);

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const line = (label: string, ...cols: string[]) =>
  console.log(`  ${label.padEnd(44)}${cols.map((c) => c.padEnd(30)).join(' ')}`.trimEnd());

/** Runs the CLI under /usr/bin/time: wall and CPU seconds, peak RSS. */
function timed(args: string[], cwd: string): { wall: number; cpu: number; rssMiB: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: cwd, LANGUAGE: 'Chinese' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`arxiv-digest ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  const [, user, sys, rss] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: user! + sys!, rssMiB: rss! / 1024, stdout: r.stdout };
}

const tmp = mkdtempSync(join(os.tmpdir(), 'arxiv-digest-bench-history-'));
try {
  console.log(`Whole-history import: ${DAYS} calendar days, ${PER_DAY} new papers a weekday (generated, no network)`);
  const genMs = timeMs(() =>
    generateReferenceHistory(join(tmp, 'ref'), { start: '2026-01-05', days: DAYS, papersPerDay: PER_DAY }),
  );
  const data = join(tmp, 'ref', 'data');
  const files = readdirSync(data);
  const jsonlFiles = files.filter((f) => f.endsWith('.jsonl'));
  const bytes = files.reduce((n, f) => n + readFileSync(join(data, f)).length, 0);
  line(
    'history',
    `${files.length} files (${jsonlFiles.length} JSONL)`,
    `${(bytes / 1024 / 1024).toFixed(1)} MiB`,
    `generated in ${(genMs / 1000).toFixed(1)} s`,
  );

  // The floor: reading and parsing every JSONL line, in this process.
  let lines = 0;
  const parseMs = timeMs(() => {
    for (const f of jsonlFiles)
      for (const l of readFileSync(join(data, f), 'utf8').split('\n')) if (l) (JSON.parse(l), lines++);
  });

  const cwd = join(tmp, 'work');
  const first = timed(['--db', join(cwd, 'store.db'), 'import', join(tmp, 'ref')], tmp);
  const summary = first.stdout.trim().split('\n').at(-1)!;
  const store = openStore(join(cwd, 'store.db'), { readonly: true });
  const stats = store.stats();
  line(
    'import (CLI process)',
    `${first.wall.toFixed(2)} s wall, ${first.cpu.toFixed(2)} s CPU`,
    `peak ${first.rssMiB.toFixed(0)} MiB`,
    `${int(stats.papers / first.wall)} papers/s`,
  );
  line('', `${int(stats.papers)} papers, ${int(stats.summaries)} summaries, ${int(stats.announcements)} announcements`);
  line(
    'read + JSON.parse alone (in-process floor)',
    `${(parseMs / 1000).toFixed(2)} s for ${int(lines)} lines`,
    `import ÷ floor: ${(first.wall / (parseMs / 1000)).toFixed(1)}×`,
  );
  console.log(`  ${summary.slice(0, 160)}${summary.length > 160 ? '…' : ''}`);

  // Every day back, byte for byte (the migration's promise).
  let same = 0;
  let compared = 0;
  const renderMs = timeMs(() => {
    for (const f of files) {
      const date = f.slice(0, 10);
      const render = f.endsWith('.md')
        ? renderMarkdown
        : f.includes('_AI_enhanced_')
          ? enhancedJsonlRenderer.render
          : f.endsWith('.jsonl')
            ? rawJsonlRenderer.render
            : null;
      if (!render) continue;
      compared++;
      const day = loadDay(store, { date, language: 'Chinese', categoryOrder: [], preferredSummarizer: 'offline' });
      if (render(day) === readFileSync(join(data, f), 'utf8')) same++;
    }
  });
  store.close();
  line('render every day back', `${same} of ${compared} files byte-identical`, `${(renderMs / 1000).toFixed(2)} s`);

  const again = timed(['--db', join(cwd, 'store.db'), 'import', join(tmp, 'ref')], tmp);
  line(
    'import again',
    `${again.wall.toFixed(2)} s wall`,
    again.stdout.includes(': 0 changed (') ? '0 changed' : 'CHANGED',
  );

  // Recovery: a lost store rebuilt by `run` from its --out (here the same days).
  const out = join(tmp, 'out');
  cpSync(data, out, { recursive: true });
  const restore = timed(
    ['--db', join(tmp, 'restored.db'), 'run', '--no-fetch', '--no-summarize', '--no-deliver', '--out', out],
    tmp,
  );
  line(
    'run restoring a lost store from --out',
    `${restore.wall.toFixed(2)} s wall, ${restore.cpu.toFixed(2)} s CPU`,
    `peak ${restore.rssMiB.toFixed(0)} MiB`,
    '(site and feeds included)',
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
