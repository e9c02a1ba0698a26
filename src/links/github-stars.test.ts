import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fetchGithubStars } from './github-stars.js';

async function fakeGithub(
  handler: (path: string, auth: string | undefined) => { status: number; body?: unknown } | null,
) {
  const server = createServer((req, res) => {
    const r = handler(req.url ?? '', req.headers.authorization);
    if (!r) return; // hang: the deadline must end it
    res.writeHead(r.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(r.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('fetchGithubStars', () => {
  it('should read stars and the last push with the token, and count failures', async () => {
    const apiUrl = await fakeGithub((path, auth) => {
      if (auth !== 'Bearer t0k') return { status: 401 };
      if (path === '/repos/a/b')
        return { status: 200, body: { stargazers_count: 42, pushed_at: '2026-09-01T10:00:00Z' } };
      return { status: 404 };
    });
    const r = await fetchGithubStars(
      ['https://github.com/a/b', 'https://github.com/x/missing', 'https://gitlab.com/g/r'],
      { token: 't0k', apiUrl },
    );
    expect([...r.stars]).toEqual([['https://github.com/a/b', { stars: 42, lastUpdate: '2026-09-01' }]]);
    expect(r.failed).toBe(1);
  });

  it('should give up at the deadline instead of blocking the run', async () => {
    const apiUrl = await fakeGithub(() => null);
    const t0 = Date.now();
    const r = await fetchGithubStars(['https://github.com/a/b', 'https://github.com/c/d'], {
      token: 't',
      apiUrl,
      deadlineMs: 200,
      concurrency: 1,
    });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.stars.size).toBe(0);
    expect(r.skipped).toBe(2);
  });
});
