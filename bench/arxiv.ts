/**
 * `npm run bench` (second part): arXiv ingest figures for the machine it runs on, with raw
 * saxes as the same-run baseline for parser overhead.
 *
 *   1. API Atom parse throughput on a real 100-entry response (MB/s)
 *   2. OAI-PMH streaming throughput and peak RSS on a generated 100 MB harvest (child process)
 *   3. what one day of three categories with 300 papers costs in requests (loopback stand-in)
 *
 * No network: the stand-in listens on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { parseApiFeed } from '../src/arxiv/atom.js';
import { fetchDay } from '../src/arxiv/fetch-day.js';
import { createArxivHttp } from '../src/arxiv/http-client.js';
import { openStore } from '../src/store/store.js';
import { startArxivStandIn } from '../test/support/arxiv-standin.js';
import { MY_CATEGORIES, generateDay } from '../test/support/arxiv-world.js';
import { median, sample } from './stats.js';

const FIXTURES = process.env.ARXIV_DIGEST_FIXTURES || fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
const ATOM = join(FIXTURES, 'arxiv', 'api-query-2026-04-search-testing-start0-max100.xml');
const HARVEST_MB = Number(process.env.BENCH_OAI_MB ?? 100);
const GOAL_STREAM_MBS = 50;
const GOAL_RSS_MB = 150;

const line = (label: string, ...cols: string[]) =>
  console.log(`  ${label.padEnd(44)}${cols.map((c) => c.padEnd(24)).join('')}`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function benchAtom(): void {
  console.log('\n6. API Atom parse (real 100-entry response, 200 parses after 20 warm-up)');
  const xml = readFileSync(ATOM, 'utf8');
  const mb = Buffer.byteLength(xml) / 1024 / 1024;
  let entries = 0;
  const ours = median(sample(() => (entries = parseApiFeed(xml).entries.length), 20, 200));
  const raw = median(
    sample(
      () => {
        const p = new SaxesParser({ xmlns: true });
        p.write(xml).close();
      },
      20,
      200,
    ),
  );
  line('document', `${(mb * 1024).toFixed(0)} KiB, ${entries} entries`);
  line('parseApiFeed', `${(mb / (ours / 1000)).toFixed(1)} MB/s`, `${ours.toFixed(2)} ms/parse`);
  line(
    'baseline: raw saxes (xmlns, no tree)',
    `${(mb / (raw / 1000)).toFixed(1)} MB/s`,
    `ratio ${(ours / raw).toFixed(2)}× the time`,
  );
}

function streamChild(mode: 'ours' | 'saxes') {
  const script = fileURLToPath(new URL('./oai-stream.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script, mode, String(HARVEST_MB)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`oai-stream ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { mb: number; seconds: number; records: number; maxRssMb: number };
}

function benchOai(): void {
  console.log(
    `\n7. OAI-PMH streaming: a generated ${HARVEST_MB} MB ListRecords harvest in 64 KiB chunks (separate processes)`,
  );
  const ours = streamChild('ours');
  const raw = streamChild('saxes');
  const rate = ours.mb / ours.seconds;
  line(
    'createOaiListRecordsParser',
    `${rate.toFixed(1)} MB/s`,
    `${ours.records.toLocaleString('en-US')} records`,
    `peak RSS ${ours.maxRssMb.toFixed(0)} MB`,
  );
  line(
    'baseline: raw saxes (xmlns)',
    `${(raw.mb / raw.seconds).toFixed(1)} MB/s`,
    `ratio ${(ours.seconds / raw.seconds).toFixed(2)}× the time`,
    `peak RSS ${raw.maxRssMb.toFixed(0)} MB`,
  );
  line(
    `goal ≥ ${GOAL_STREAM_MBS} MB/s, RSS < ${GOAL_RSS_MB} MB`,
    verdict(rate >= GOAL_STREAM_MBS && ours.maxRssMb < GOAL_RSS_MB),
  );
}

async function benchRequests(): Promise<void> {
  console.log('\n8. Requests for one day of cs.AR, cs.DC, cs.LG with 300 papers (loopback stand-in)');
  const day = generateDay('2026-09-23', 400);
  const arxiv = await startArxivStandIn(day.world);
  const store = openStore(':memory:');
  try {
    const t0 = performance.now();
    const r = await fetchDay(
      {
        http: createArxivHttp({ minIntervalMs: 0 }),
        store,
        log: () => {},
        now: () => new Date('2026-09-23T12:00:00Z'),
      },
      { date: 'latest', categories: MY_CATEGORIES, include: new Set(), urls: arxiv.urls },
    );
    const ms = performance.now() - t0;
    const feed = arxiv.requests.filter((q) => q.path.startsWith('/rss/')).length;
    const api = arxiv.requests.filter((q) => q.path === '/api/query').length;
    line('papers stored', `${r.selected}`, `${r.papers.inserted} new`);
    line(
      'requests',
      `${feed} feed + ${api} API = ${feed + api}`,
      `goal 1 feed + 2 API`,
      verdict(feed === 1 && api === 2),
    );
    line(
      'wall time without the 3 s spacing',
      `${ms.toFixed(0)} ms`,
      `at 3 s spacing: ≥ ${((feed + api - 1) * 3).toFixed(0)} s`,
    );
  } finally {
    store.close();
    await arxiv.close();
  }
}

benchAtom();
benchOai();
await benchRequests();
