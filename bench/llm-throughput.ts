/**
 * LLM call throughput through `createLimiter`, against the loopback OpenAI stand-in with 200 ms
 * latency (no network). Run: `node --import tsx bench/llm-throughput.ts` (about 40 s).
 *
 *   a. An rpm limit: the stand-in enforces 600 rpm, the limiter is set to the same 600 with 16
 *      workers, 300 requests. Goals: throughput ≥ 95 % of the limit, ≤ 1 % of requests answered 429.
 *      The stand-in's window is 10 s (600 rpm = 100 per sliding 10 s) instead of 60 s: in a 30 s
 *      run a 60 s window never fills, so a client that burst would pass unnoticed. The control
 *      line shows the same server does answer a burst with 429s.
 *   b. No limit, 8 workers, 200 requests: throughput vs the ideal concurrency / latency = 40 req/s.
 */
import { createLimiter, RetryableError, type RateLimiter } from '../src/summarize/limiter.js';
import { startOpenAiStandIn, type OpenAiStandIn } from '../test/support/openai-standin.js';

const LATENCY_MS = 200;
const RPM = 600;
const WINDOW_MS = 10_000;
const GOAL_SHARE_OF_LIMIT = 0.95;
const GOAL_429_SHARE = 0.01;

const line = (label: string, ...cols: string[]) =>
  console.log(`  ${label.padEnd(44)}${cols.map((c) => c.padEnd(26)).join('')}`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const body = JSON.stringify({
  model: 'deepseek-chat',
  messages: [
    { role: 'system', content: 'Summarize the paper as JSON with tldr, motivation, method, result, conclusion.' },
    { role: 'user', content: 'Title: A benchmark paper\nAbstract: Nothing to see here.' },
  ],
  response_format: { type: 'json_object' },
});

/** One chat completion, with the errors mapped as the provider adapter will map them. */
async function complete(url: string): Promise<void> {
  const res = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body,
  });
  await res.text();
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after'));
    throw new RetryableError('HTTP 429', 'rate-limit', Number.isFinite(seconds) ? seconds * 1000 : null);
  }
  if (res.status >= 500) throw new RetryableError(`HTTP ${res.status}`, 'server', null);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
}

/** Runs `n` calls through the limiter; returns seconds from the first start to the last answer. */
async function drive(limiter: RateLimiter, standIn: OpenAiStandIn, n: number): Promise<number> {
  const first = standIn.requests.length;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, () => limiter.run(0, () => complete(standIn.url))));
  const startedAt = standIn.requests[first]?.start ?? t0;
  return (performance.now() - startedAt) / 1000;
}

/** What a client with no pacing gets from the same server: 16 workers for 3 s. */
async function control(): Promise<void> {
  const standIn = await startOpenAiStandIn({ latencyMs: LATENCY_MS, rpm: RPM, rateWindowMs: WINDOW_MS });
  try {
    const until = performance.now() + 3000;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (performance.now() < until) await complete(standIn.url).catch(() => {});
      }),
    );
    const limited = standIn.requests.filter((r) => r.status === 429).length;
    line(
      'control: 16 workers, no pacing, 3 s',
      `${standIn.requests.length} requests`,
      `${pct(limited / standIn.requests.length)} answered 429`,
    );
  } finally {
    await standIn.close();
  }
}

async function benchRpm(): Promise<void> {
  console.log(
    `\na. rpm ${RPM} enforced by the stand-in (sliding ${WINDOW_MS / 1000} s window), limiter rpm ${RPM}, 16 workers, ${LATENCY_MS} ms latency`,
  );
  await control();
  const standIn = await startOpenAiStandIn({ latencyMs: LATENCY_MS, rpm: RPM, rateWindowMs: WINDOW_MS });
  try {
    const events: string[] = [];
    const limiter = createLimiter({ concurrency: 16, rpm: RPM, onEvent: (e) => events.push(`${e.type}: ${e.detail}`) });
    const n = 300;
    const seconds = await drive(limiter, standIn, n);
    const limited = standIn.requests.filter((r) => r.status === 429).length;
    const ok = standIn.requests.filter((r) => r.status === 200).length;
    const starts = standIn.requests.map((r) => r.start);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    const share = ok / seconds / (RPM / 60);
    const startRate = ((starts.length - 1) / ((starts.at(-1)! - starts[0]!) / 1000)) * 60;
    line(
      'limiter, 300 calls',
      `${ok} answered in ${seconds.toFixed(1)} s`,
      `${(ok / seconds).toFixed(2)} req/s of ${RPM / 60}`,
    );
    line(
      'throughput (answers / time)',
      pct(share),
      `goal ≥ ${pct(GOAL_SHARE_OF_LIMIT)}`,
      verdict(share >= GOAL_SHARE_OF_LIMIT),
    );
    line(
      'requests answered 429',
      `${limited} of ${standIn.requests.length} = ${pct(limited / standIn.requests.length)}`,
      `goal ≤ ${pct(GOAL_429_SHARE)}`,
      verdict(limited / standIn.requests.length <= GOAL_429_SHARE),
    );
    line(
      'start rate seen by the server',
      `${startRate.toFixed(1)} rpm`,
      `gaps ${Math.min(...gaps).toFixed(1)}–${Math.max(...gaps).toFixed(1)} ms`,
    );
    line('limiter stats', JSON.stringify(limiter.stats()));
    if (events.length > 0) for (const e of events.slice(0, 5)) line('  event', e);
  } finally {
    await standIn.close();
  }
}

async function benchUnlimited(): Promise<void> {
  const concurrency = 8;
  const ideal = concurrency / (LATENCY_MS / 1000);
  console.log(`\nb. no limit, ${concurrency} workers, ${LATENCY_MS} ms latency (ideal ${ideal} req/s)`);
  const standIn = await startOpenAiStandIn({ latencyMs: LATENCY_MS });
  try {
    const limiter = createLimiter({ concurrency });
    const n = 200;
    const seconds = await drive(limiter, standIn, n);
    const rate = n / seconds;
    line(`limiter, ${n} calls`, `${seconds.toFixed(2)} s`, `${rate.toFixed(2)} req/s`);
    line(
      'ratio to concurrency / latency',
      `${(rate / ideal).toFixed(3)}`,
      'goal ≥ 0.95',
      verdict(rate / ideal >= 0.95),
    );
    line('limiter stats', JSON.stringify(limiter.stats()));
  } finally {
    await standIn.close();
  }
}

console.log(`llm-throughput — Node ${process.version}`);
await benchRpm();
await benchUnlimited();
