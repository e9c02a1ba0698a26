/**
 * The load generator of bench/serve.ts, run as a process of its own:
 * `node --import tsx bench/load-client.ts '{"port":…,"concurrency":…,"seconds":…,"warmup":…,
 * "pools":"FILE","dayShare":…}'` prints one JSON line: the samples, the measured time, the errors
 * and the CPU time it spent.
 *
 * Why a process: in the bench's own (whose heap holds the corpus and the in-process results), the
 * megabyte of Buffers each day page arrives in triggered full collections of that heap, and the
 * load generator spent a quarter of its time in GC (2.5 instead of 0.4 ms of CPU per request),
 * on the cores the server needs. Here the heap holds the query pools only.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { requestPath, Workload, type AppRequest, type Pools } from './workload.js';

/** A request slower than this is an error (bounds every wait). */
export const REQUEST_TIMEOUT_MS = 120_000;

export interface LoadOptions {
  port: number;
  concurrency: number;
  seconds: number;
  /** Seconds of the same load before measuring (another seed), to warm the server. */
  warmup: number;
  /** JSON file of the query pools (bench/workload.ts). */
  pools: string;
  /** Share of requests that are day pages. */
  dayShare: number;
}

export interface Sample {
  req: AppRequest;
  ms: number;
  status: number;
  bytes: number;
}

export interface LoadRun {
  samples: Sample[];
  seconds: number;
  errors: string[];
  /** CPU time (ms) this process spent during the measured run. */
  cpu: { user: number; sys: number };
}

function get(port: number, path: string, agent: http.Agent): Promise<{ status: number; bytes: number }> {
  return new Promise((ok, fail) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => ok({ status: res.statusCode ?? 0, bytes }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${REQUEST_TIMEOUT_MS} ms: ${path}`)));
    req.on('error', fail);
  });
}

/** N clients, each sending its next request when the previous answer has arrived, until the deadline. */
async function runLoad(
  port: number,
  concurrency: number,
  seconds: number,
  workload: Workload,
): Promise<Omit<LoadRun, 'cpu'>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const samples: Sample[] = [];
  const errors: string[] = [];
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const req = workload.next();
      const a = performance.now();
      try {
        const r = await get(port, requestPath(req), agent);
        samples.push({ req, ms: performance.now() - a, status: r.status, bytes: r.bytes });
      } catch (e) {
        errors.push(String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  agent.destroy();
  return { samples, seconds: (performance.now() - t0) / 1000, errors };
}

async function main(o: LoadOptions): Promise<LoadRun> {
  const pools = JSON.parse(readFileSync(o.pools, 'utf8')) as Pools;
  await runLoad(o.port, o.concurrency, o.warmup, new Workload(pools, 1000 + o.concurrency, o.dayShare));
  const cpu0 = process.cpuUsage();
  const run = await runLoad(o.port, o.concurrency, o.seconds, new Workload(pools, o.concurrency, o.dayShare));
  const cpu = process.cpuUsage(cpu0);
  return { ...run, cpu: { user: cpu.user / 1000, sys: cpu.system / 1000 } };
}

if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? ''))
  process.stdout.write(`${JSON.stringify(await main(JSON.parse(process.argv[2] ?? '{}') as LoadOptions))}\n`);
