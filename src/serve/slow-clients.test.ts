/**
 * Slow and guessing clients over real loopback HTTP: a half-sent request (headers or body) is
 * answered 408 and closed once the request timeout is over; wrong access tokens are limited per
 * client address (429 with Retry-After, the right token included while blocked); `serve`
 * refuses tokens shorter than 16 characters and generates one on request.
 */
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main } from '../cli/main.js';
import { testDir, testStore } from '../../test/support/fixtures.js';
import { createApp } from './app.js';
import { GUESSES_PER_MINUTE, GuessLimiter } from './security.js';
import { startServer } from './server.js';

const TOKEN = 'correct-horse-battery-staple-42';

async function server(token: string | null, requestTimeoutMs?: number) {
  const store = testStore();
  const app = createApp({
    store,
    language: 'English',
    categoryOrder: ['cs.LG'],
    preferredSummarizer: 'offline',
    siteTitle: 'Test digest',
    token,
    log: () => {},
  });
  const s = await startServer(app, { host: '127.0.0.1', port: 0, requestTimeoutMs });
  onTestFinished(() => s.close());
  return s;
}

/** Sends `text` and waits: what the server answers and when it closes the connection. */
function halfSent(port: number, text: string): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += String(d)));
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, closedAfterMs: performance.now() - t }));
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

describe('serve: slow clients', () => {
  it('should answer 408 and close a request whose headers never finish', async () => {
    const s = await server(null, 500);
    const r = await halfSent(s.port, 'GET /api/days HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(r.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(450);
    expect(r.closedAfterMs).toBeLessThan(500 + 1000);
    console.log(`slow clients: half-sent headers closed after ${Math.round(r.closedAfterMs)} ms (limit 500)`);
  });

  it('should answer 408 and close a request whose body never finishes', async () => {
    const s = await server(null, 500);
    const r = await halfSent(
      s.port,
      'POST /papers/2601.00001/favorite HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nvalue=1',
    );
    expect(r.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.closedAfterMs).toBeLessThan(500 + 1000);
  });

  it('should give a client 10 s by default', async () => {
    const { DEFAULT_REQUEST_TIMEOUT_MS } = await import('./server.js');
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(10_000);
  });
});

describe('serve: guessing clients', () => {
  it('should answer wrong tokens beyond 10 a minute with 429 — the right one too — over real HTTP', async () => {
    const s = await server(TOKEN);
    const ask = (token: string) =>
      fetch(`${s.url}/api/days`, { headers: { Authorization: `Bearer ${token}` } }).then(async (r) => ({
        status: r.status,
        retryAfter: r.headers.get('retry-after'),
        body: await r.text(),
      }));
    const t = performance.now();
    const answers = [];
    for (let i = 0; i < 300; i++) answers.push(await ask(`guess-${i}-xxxxxxxxxxxx`));
    const seconds = (performance.now() - t) / 1000;
    const wrong = answers.filter((a) => a.status === 401).length;
    expect(wrong).toBe(GUESSES_PER_MINUTE);
    expect(answers.slice(GUESSES_PER_MINUTE).every((a) => a.status === 429)).toBe(true);
    const blocked = answers.at(-1)!;
    expect(Number(blocked.retryAfter)).toBeGreaterThan(50);
    expect(JSON.parse(blocked.body).error.message).toMatch(
      /^too many wrong access tokens from this address: try again in \d+ s$/,
    );
    // Guessing on learns nothing: the right token is refused too until the minute is over.
    expect((await ask(TOKEN)).status).toBe(429);
    // The cookie route counts as well.
    expect((await fetch(`${s.url}/?token=also-wrong-xxxxxxxx`, { redirect: 'manual' })).status).toBe(429);
    console.log(
      `guessing clients: 300 wrong tokens in ${seconds.toFixed(1)} s, ${wrong} of them checked (${GUESSES_PER_MINUTE} a minute per address and process)`,
    );
  });

  it('should count per address in one-minute windows and forget them after', () => {
    let now = 0;
    const limiter = new GuessLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) limiter.wrong('a');
    expect(limiter.blockedFor('a')).toBe(60);
    expect(limiter.blockedFor('b')).toBe(0);
    now = 59_001;
    expect(limiter.blockedFor('a')).toBe(1);
    now = 60_000;
    expect(limiter.blockedFor('a')).toBe(0);
    limiter.wrong('a');
    expect(limiter.blockedFor('a')).toBe(0);
  });
});

describe('serve: access tokens', () => {
  const sink = (write: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer, _enc, done) {
        write(String(chunk));
        done();
      },
    }) as unknown as NodeJS.WriteStream;
  const run = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(['node', 'arxiv-digest', '--db', join(testDir(), 'store.db'), 'serve', ...args], {
      stdout: sink((s) => (stdout += s)),
      stderr: sink((s) => (stderr += s)),
    });
    return { code, stdout, stderr };
  };

  it('should refuse a token shorter than 16 characters (exit 2), saying how to get one', async () => {
    for (const token of ['secret', 'fifteen-chars-x']) {
      const r = await run(['--port', '0', '--token', token]);
      expect([token, r.code]).toEqual([token, 2]);
      expect(r.stderr).toContain(
        `the access token (ARXIV_DIGEST_TOKEN or --token) has ${token.length} characters: use at least 16`,
      );
      expect(r.stderr).toContain('arxiv-digest serve --generate-token prints one');
      expect(r.stderr).not.toContain(token);
    }
  });

  it('should print a new random token with --generate-token', async () => {
    const a = await run(['--generate-token']);
    const b = await run(['--generate-token']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^[A-Za-z0-9_-]{32}\n$/);
    expect(a.stdout).not.toBe(b.stdout);
  });
});
