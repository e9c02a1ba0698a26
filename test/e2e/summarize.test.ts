/** `summarize` as a real process: offline, against the OpenAI-compatible stand-in, and after kill -9. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { jsonl, refLine, testDir } from '../support/fixtures.js';
import { cli, cliAsync, cliRun } from '../support/cli.js';
import { startOpenAiStandIn, type OpenAiStandInOptions } from '../support/openai-standin.js';

const DAY = '2026-01-05';

function dayWith(n: number) {
  const lines = Array.from({ length: n }, (_, i) =>
    refLine({
      id: `2401.${String(10001 + i)}`,
      title: `Sparse attention for long documents, part ${i}`,
      summary: `Long documents are costly for transformers. We propose a sparse attention scheme for them. It halves memory use on three benchmarks.`,
    }),
  );
  const cwd = testDir({ [`${DAY}.jsonl`]: jsonl(lines) });
  expect(cli(['import', `${DAY}.jsonl`], { cwd }).code).toBe(0);
  return cwd;
}

async function llm(options: OpenAiStandInOptions = {}) {
  const server = await startOpenAiStandIn(options);
  onTestFinished(() => server.close());
  const env = {
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: server.url,
    LLM_PRICE_INPUT: '0.28',
    LLM_PRICE_OUTPUT: '0.42',
  };
  return { server, env };
}

const chatRequests = (server: { requests: { path: string }[] }) =>
  server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

describe('arxiv-digest summarize', () => {
  it('should summarize offline without a key, say so once, and skip everything on a re-run', async () => {
    const cwd = dayWith(3);
    const r = await cliRun(['summarize'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/no OPENAI_API_KEY: using the offline summarizer/g)).toHaveLength(1);
    expect(
      r.stderr.match(
        /summarize: note: the offline summarizer writes in each abstract's language; 3 summaries are not in Chinese/g,
      ),
    ).toHaveLength(1);
    expect(r.stdout).toMatch(
      /^summarize 2026-01-05 \(Chinese, offline, prompt offline-2\): 3 papers — 3 ok, 0 failed, 0 refused, 0 skipped; flagged: 3 untranslated \(offline\); tokens 0 in \/ 0 out; cost \$0\.0000; [\d.]+ s; 0 requests, 0\.0 req\/s\n$/,
    );
    const again = await cliRun(['summarize'], { cwd });
    expect(again.stdout).toContain('3 papers — 0 ok, 0 failed, 0 refused, 3 skipped');
    const md = cli(['render', '--date', DAY], { cwd }).stdout;
    expect(md).toContain('TL;DR: We propose a sparse attention scheme for them.');
    expect(md).toContain("⚠ Offline summary in the abstract's language (not translated).");
  });

  it('should summarize through an OpenAI-compatible server once, with tokens and cost', async () => {
    const cwd = dayWith(4);
    const { server, env } = await llm();
    const r = await cliRun(['summarize', '--lang', 'English', '--concurrency', '2'], { cwd, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^summarize 2026-01-05 \(English, openai:deepseek-chat, prompt v2\): 4 papers — 4 ok, 0 failed, 0 refused, 0 skipped; tokens [\d,]+ in \/ [\d,]+ out; cost \$0\.\d{4}; [\d.]+ s; 4 requests, [\d.]+ req\/s\n$/,
    );
    expect(chatRequests(server)).toBe(4);
    const again = await cliRun(['summarize', '--lang', 'English'], { cwd, env });
    expect(again.stdout).toContain('4 papers — 0 ok, 0 failed, 0 refused, 4 skipped');
    expect(chatRequests(server)).toBe(4);
    const md = cli(['render', '--date', DAY, '--lang', 'English'], { cwd, env }).stdout;
    expect(md).toContain('TL;DR: This paper presents "Sparse attention for long documents, part 0".');
  });

  it('should do only the unfinished papers after kill -9', async () => {
    const cwd = dayWith(12);
    const { server, env } = await llm({ latencyMs: 150 });
    const child = cliAsync(['summarize', '--lang', 'English', '--concurrency', '2'], { cwd, env });
    // Kill once three summaries are stored (read from the store itself, as the next run will).
    const db = join(cwd, 'data/arxiv-digest.db');
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        let stored = 0;
        try {
          const peek = new Database(db, { readonly: true, fileMustExist: true });
          stored = (peek.prepare("SELECT count(*) AS n FROM summaries WHERE status = 'ok'").get() as { n: number }).n;
          peek.close();
        } catch {
          // not created yet
        }
        if (stored >= 3) {
          clearInterval(t);
          resolve();
        }
      }, 5);
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const store = openStore(db);
    const rows = store.getDaySummaries(DAY, 'English');
    store.close();
    const ok = rows.filter((s) => s.status === 'ok').length;
    expect(ok).toBeGreaterThanOrEqual(3);
    expect(ok).toBeLessThan(12);
    expect(rows.filter((s) => s.status === 'pending')).toHaveLength(12 - ok);
    const before = chatRequests(server);
    const r = await cliRun(['summarize', '--lang', 'English'], { cwd, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`12 papers — ${12 - ok} ok, 0 failed, 0 refused, ${ok} skipped`);
    expect(chatRequests(server) - before).toBe(12 - ok);
  });

  it('should stop with one message on a bad key and leave the papers pending', async () => {
    const cwd = dayWith(3);
    const { env } = await llm({ apiKey: 'sk-other' });
    const r = await cliRun(['summarize', '--lang', 'English'], { cwd, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/arxiv-digest: the provider refused the request \(HTTP 401: .*\); check OPENAI_API_KEY/);
    expect(cli(['render', '--date', DAY, '--lang', 'English'], { cwd }).stdout).toContain('Summary status: pending');
  });

  it('should refuse --max-cost-usd without a price, and --provider openai without a key', async () => {
    const cwd = dayWith(1);
    const { server } = await llm();
    const noPrice = await cliRun(['summarize', '--max-cost-usd', '1'], {
      cwd,
      env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: server.url },
    });
    expect([noPrice.code, noPrice.stderr]).toEqual([
      2,
      expect.stringContaining('--max-cost-usd needs the price of deepseek-chat'),
    ]);
    const noKey = await cliRun(['summarize', '--provider', 'openai'], { cwd });
    expect([noKey.code, noKey.stderr]).toEqual([
      2,
      'arxiv-digest: --provider openai needs OPENAI_API_KEY in the environment\n',
    ]);
  });

  it('should pay for each paper once when two summarize processes run at the same time, sharing the work', async () => {
    const cwd = dayWith(40);
    const { server, env } = await llm({ latencyMs: 60 });
    const args = ['summarize', '--lang', 'English', '--concurrency', '4'];
    const [a, b] = await Promise.all([cliRun(args, { cwd, env }), cliRun(args, { cwd, env })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(chatRequests(server)).toBe(40);
    const ok = (r: { stdout: string }) => Number(/40 papers — (\d+) ok/.exec(r.stdout)![1]);
    const skipped = (r: { stdout: string }) => Number(/(\d+) skipped/.exec(r.stdout)![1]);
    expect(ok(a) + ok(b)).toBe(40);
    expect(ok(a) + skipped(a)).toBe(40);
    expect(ok(b) + skipped(b)).toBe(40);
    // Shared, not one waiting for the other: both did a good part of the day.
    expect(Math.min(ok(a), ok(b))).toBeGreaterThanOrEqual(8);
    const db = new Database(join(cwd, 'data', 'arxiv-digest.db'), { readonly: true });
    expect(db.prepare('SELECT status, count(*) AS n FROM summaries GROUP BY status').all()).toEqual([
      { status: 'ok', n: 40 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM summary_claims').get()).toEqual({ n: 0 });
    db.close();
    console.log(`two summarize processes: ${chatRequests(server)} requests for 40 papers (${ok(a)} + ${ok(b)})`);
  });

  it('should share the work between summarize and run at the same time', async () => {
    const cwd = dayWith(30);
    const { server, env } = await llm({ latencyMs: 60 });
    const [s, r] = await Promise.all([
      cliRun(['summarize', '--lang', 'English', '--concurrency', '4'], { cwd, env }),
      cliRun(['run', '--no-fetch', '--no-deliver', '--lang', 'English'], {
        cwd,
        env: { ...env, LLM_CONCURRENCY: '4' },
      }),
    ]);
    expect([s.code, r.code, r.stderr]).toEqual([0, 0, expect.any(String)]);
    expect(chatRequests(server)).toBe(30);
    expect(r.stdout).toMatch(/summaries 30 ok, 0 failed\/refused, 0 pending/);
  });
});
