/**
 * `arxiv-digest serve` refusals, in process (they happen before anything listens): beyond
 * loopback without a token is exit 2, like a bad port or worker count. Then `--workers` with
 * real processes (the built CLI): two workers answer on one port over one store, a dead worker
 * is replaced, SIGTERM stops them all; a taken port and workers that keep dying are exit 1. The
 * app itself is tested in test/browser/serve.test.ts.
 */
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { BIN, cliAsync, cliRun } from '../../test/support/cli.js';
import { serveCommand } from '../cli/commands/serve.js';
import { loadSettings } from '../config/settings.js';
import { main } from '../cli/main.js';
import { openStore } from '../store/store.js';
import { testDir } from '../../test/support/fixtures.js';
import { SERVED_BY_ENV } from './cluster.js';

const sink = (write: (s: string) => void) =>
  new Writable({
    write(chunk: Buffer, _enc, done) {
      write(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const db = join(testDir(), 'store.db');
  return main(['node', 'arxiv-digest', '--db', db, 'serve', ...args], {
    stdout: sink(() => {}),
    stderr: sink((s) => (stderr += s)),
  }).then((code) => ({ code, stderr }));
}

describe('serve command', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('should refuse to bind beyond loopback without an access token (exit 2)', async () => {
    vi.stubEnv('ARXIV_DIGEST_TOKEN', '');
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      const r = await run(['--host', host, '--port', '0']);
      expect([host, r.code]).toEqual([host, 2]);
      expect(r.stderr).toContain(`--host ${host}: serving beyond this machine needs an access token`);
    }
  });

  it('should refuse a port that is not a port (exit 2)', async () => {
    for (const port of ['http', '-1', '65536', '80.5']) {
      const r = await run(['--port', port]);
      expect([port, r.code]).toEqual([port, 2]);
      expect(r.stderr).toContain('--port: expected a port number from 0 to 65535');
    }
  });

  it('should refuse a worker count that is not 1 to 64, from the flag or the environment (exit 2)', async () => {
    for (const workers of ['0', '65', 'two', '1.5', '-1', '']) {
      const r = await run(['--port', '0', '--workers', workers]);
      expect([workers, r.code]).toEqual([workers, 2]);
      expect(r.stderr).toContain(
        `--workers: expected a whole number of processes from 1 to 64, got ${JSON.stringify(workers)}`,
      );
    }
    vi.stubEnv('ARXIV_DIGEST_SERVE_WORKERS', '100');
    const r = await run(['--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('environment variable ARXIV_DIGEST_SERVE_WORKERS: expected a whole number');
  });

  it('should read the worker count from the environment before the config file', () => {
    const cwd = testDir({ 'arxiv-digest.config.json': JSON.stringify({ serveWorkers: 3 }) });
    expect(loadSettings({ cwd, env: {} }).serveWorkers).toBe(3);
    expect(loadSettings({ cwd, env: { ARXIV_DIGEST_SERVE_WORKERS: '2' } }).serveWorkers).toBe(2);
    expect(loadSettings({ cwd: testDir(), env: {} }).serveWorkers).toBeNull();
    const bad = testDir({ 'arxiv-digest.config.json': JSON.stringify({ serveWorkers: 2.5 }) });
    expect(() => loadSettings({ cwd: bad, env: {} })).toThrow(
      /serveWorkers: expected a whole number of processes from 1 to 64, got "2.5"/,
    );
  });
});

/** A store with one paper on one day, for the processes below. */
function seededStore(): { cwd: string; db: string } {
  const cwd = testDir();
  const db = join(cwd, 'store.db');
  const store = openStore(db);
  store.upsertPapers(
    [
      {
        id: '2601.00001',
        version: 1,
        title: 'Diffusion transformers',
        authors: ['Ada'],
        abstract: 'A.',
        categories: ['cs.CV'],
      },
    ],
    'test',
  );
  store.addAnnouncements('2026-01-06', [{ paperId: '2601.00001', category: 'cs.CV', version: 1, kind: 'new' }], 'test');
  store.close();
  return { cwd, db };
}

interface Answer {
  status: number;
  servedBy: number;
  body: string;
}

/** One request on a new connection, so the primary hands each to the next worker. */
function request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode!, servedBy: Number(res.headers['x-served-by']), body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Asks until a worker other than `not` (any worker when null) answers; a new one may still be starting. */
async function requestFrom(url: string, not: number | null, init?: Parameters<typeof request>[1]): Promise<Answer> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const answers = await Promise.all([request(url, init), request(url, init)]);
    const other = answers.find((a) => a.servedBy !== not);
    if (other) return other;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`only worker ${not} answered`);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, what: string): Promise<void> {
  for (let t = 0; t < 200; t++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('serve --workers', { timeout: 30_000 }, () => {
  const URL_LINE = /^serve: (http:\/\/127\.0\.0\.1:\d+) \(press Ctrl\+C to stop\)$/gm;
  const urls = (stderr: string): string[] => [...stderr.matchAll(URL_LINE)].map((m) => m[1]!);

  it('should answer from two processes over one store and port, and stop them all on SIGTERM (exit 0)', async () => {
    if (!existsSync(join(BIN, '..', '..', 'dist', 'cli', 'entry.js'))) throw new Error('build first: npm run build');
    const { cwd, db } = seededStore();
    const child = cliAsync(['--db', db, 'serve', '--port', '0', '--workers', '2', '--keywords', 'diffusion'], {
      cwd,
      env: { [SERVED_BY_ENV]: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(() => urls(stderr).length > 0, 'the URL line');
      const base = urls(stderr)[0]!;

      // Two processes, neither of them the one started, answer on the port printed.
      const a = await requestFrom(`${base}/api/days`, null);
      const b = await requestFrom(`${base}/api/days`, a.servedBy);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(JSON.parse(b.body)).toEqual({ days: [{ date: '2026-01-06', papers: 1 }] });
      const workers = [a.servedBy, b.servedBy];
      expect(workers).not.toContain(child.pid);
      expect(new Set(workers).size).toBe(2);

      // Both rank the day for --keywords (passed on to the workers).
      for (const w of [null, a.servedBy]) {
        const day = await requestFrom(`${base}/days/2026-01-06`, w);
        expect(day.body).toContain('class="for-you');
        expect(day.body).toContain('keyword &#39;diffusion&#39; in title');
      }

      // A favorite set through one worker is what the other one shows.
      const set = await request(`${base}/papers/2601.00001/favorite`, {
        method: 'POST',
        body: 'value=1',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      });
      expect(set.status).toBe(200);
      expect(JSON.parse(set.body)).toMatchObject({ favorite: true });
      const seen = await requestFrom(`${base}/api/papers/2601.00001`, set.servedBy);
      expect(JSON.parse(seen.body).marks).toMatchObject({ favorite: true });

      // A worker that dies is replaced, and the port keeps answering.
      process.kill(a.servedBy, 'SIGKILL');
      await until(
        () => stderr.includes(`serve: worker process ${a.servedBy} was killed by SIGKILL; starting another`),
        'the crash line',
      );
      const replaced = await requestFrom(`${base}/api/days`, b.servedBy);
      expect(replaced.status).toBe(200);
      expect(replaced.servedBy).not.toBe(a.servedBy);
      workers.push(replaced.servedBy);

      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stderr).toMatch(/serve: SIGTERM, stopping\n$/);
      expect(urls(stderr)).toEqual([base]);
      expect(workers.filter(alive)).toEqual([]);
      // Every worker closed its store: the last one checkpointed the WAL away.
      expect(existsSync(`${db}-wal`)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('should report a port that is taken once, and exit 1', async () => {
    const { cwd, db } = seededStore();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as AddressInfo).port;
    const r = await cliRun(['--db', db, 'serve', '--port', String(port), '--workers', '3'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/serve: worker process \d+ exited with code 1 before it could listen\n$/);
  });

  it('should stop when `until` resolves, in process, with the workers started from the CLI entry', async () => {
    const { db } = seededStore();
    let stderr = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = {
      stdout: sink(() => {}),
      stderr: sink((s) => (stderr += s)),
    };
    const done = serveCommand({ port: '0', workers: '2' }, { db }, io, () => stopped, {
      workerExec: BIN,
      workerExecArgv: [],
    });
    await until(() => urls(stderr).length > 0, 'the URL line');
    const base = urls(stderr)[0]!;
    const res = await request(`${base}/api/days`);
    expect(res.status).toBe(200);
    stop();
    expect(await done).toBe(0);
    expect(stderr).toMatch(/\nserve: stopping\n$/);
  });

  it('should give up, exit 1, when workers keep dying within a second of starting', async () => {
    // A stand-in worker: listens on the port it is given, then dies.
    const dir = testDir({
      'worker.mjs': `import { createServer } from 'node:http';
const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
createServer((q, r) => r.end()).listen(port, '127.0.0.1', () => setTimeout(() => process.exit(3), 20));
`,
    });
    let stderr = '';
    const io = { stdout: sink(() => {}), stderr: sink((s) => (stderr += s)) };
    const done = serveCommand(
      { port: '0', workers: '2' },
      { db: join(dir, 'store.db') },
      io,
      () => new Promise(() => {}),
      {
        workerExec: join(dir, 'worker.mjs'),
        workerExecArgv: [],
      },
    );
    await expect(done).rejects.toThrow(
      /serve: worker processes keep exiting within 1 s of starting \(5 in a row, the last one exited with code 3\); giving up/,
    );
    expect(stderr).toContain('exited with code 3; starting another');
  });
});
