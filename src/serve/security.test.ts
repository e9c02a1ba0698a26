/**
 * The web app's defences through `app.request()`: security headers on every answer, the access
 * token (missing, wrong, right; Bearer and the cookie flow), loopback host names without a token
 * (DNS rebinding), cross-site POSTs, path traversal into the assets, and the body size limit.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { testStore } from '../../test/support/fixtures.js';
import { createApp, MAX_BODY_BYTES, type AppDeps } from './app.js';
import { asset, ASSET_NAMES } from '../ui/assets.js';
import { CSP, isLoopbackHost, sameToken } from './security.js';
import { startServer } from './server.js';

const TOKEN = 'correct-horse-battery-staple-42';

function store(): Store {
  const s = testStore();
  s.upsertPapers(
    [{ id: '2601.00001', version: 1, title: 'A paper', authors: ['Ada'], abstract: 'Text.', categories: ['cs.LG'] }],
    't',
  );
  s.addAnnouncements('2026-01-06', [{ paperId: '2601.00001', category: 'cs.LG', version: 1, kind: 'new' }], 't');
  return s;
}

const app = (token: string | null = null, over: Partial<AppDeps> = {}) =>
  createApp({
    store: store(),
    language: 'English',
    categoryOrder: ['cs.LG'],
    preferredSummarizer: 'offline',
    siteTitle: 'Test digest',
    token,
    now: () => new Date('2026-01-07T08:00:00Z'),
    log: () => {},
    ...over,
  });

const favorite = (
  headers: Record<string, string>,
  body: string | ReadableStream<Uint8Array> = 'value=1',
): RequestInit => ({
  method: 'POST',
  body,
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
});

describe('serve: security headers', () => {
  it('should send the CSP, nosniff, referrer policy and no framing on pages, assets, API and errors', async () => {
    const a = app();
    for (const path of ['/', '/assets/site.js', '/api/days', '/nothing', '/days/bad', '/papers/2601.00001']) {
      const res = await a.request(path);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe-inline');
  });

  it('should serve the assets from memory with their types and long caching', async () => {
    const a = app();
    for (const name of ASSET_NAMES) {
      const served = asset(name);
      const res = await a.request(`/assets/${served.versioned}`);
      expect([name, res.status, res.headers.get('content-type')]).toEqual([name, 200, served.type]);
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect(await res.text()).toBe(served.body);
    }
  });

  it('should never let a path reach the disk: traversal attempts are 404', async () => {
    const a = app();
    for (const path of [
      '/assets/../../etc/passwd',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/assets/..%2f..%2fetc%2fpasswd',
      '/assets/%252e%252e%252fetc%252fpasswd',
      '/assets/..%5c..%5cetc%5cpasswd',
      '/assets/site.css/../../../../etc/passwd',
      '/assets/%2e%2e/package.json',
      '/assets/',
      '/assets/package.json',
    ]) {
      const res = await a.request(path);
      const text = await res.text();
      expect([path, res.status]).toEqual([path, 404]);
      expect(text).not.toContain('root:');
    }
  });
});

describe('serve: access token', () => {
  it('should refuse requests without the token, with a page that loads nothing, and JSON on the API', async () => {
    const a = app(TOKEN);
    const page = await a.request('/');
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toBe('Bearer realm="arxiv-digest"');
    const text = await page.text();
    expect(text).toContain('open any page once with ?token=YOUR_TOKEN');
    expect(text).not.toMatch(/<script|<link rel="stylesheet"/);
    expect(text).not.toContain(TOKEN);
    const api = await a.request('/api/days');
    expect([api.status, ((await api.json()) as { error: { status: number } }).error.status]).toEqual([401, 401]);
    // Every request, assets and forms included.
    expect((await a.request('/assets/site.css')).status).toBe(401);
    expect((await a.request('/papers/2601.00001/favorite', favorite({ Origin: 'http://localhost' }))).status).toBe(401);
  });

  it('should refuse a wrong token however it comes, and accept the right one as a Bearer token', async () => {
    const a = app(TOKEN);
    const wrong: Record<string, string>[] = [
      { Authorization: 'Bearer wrong' },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Basic ${TOKEN}` },
      { Cookie: 'token=wrong' },
    ];
    for (const headers of wrong) {
      expect([headers, (await a.request('/api/days', { headers })).status]).toEqual([headers, 401]);
    }
    expect((await a.request('/?token=wrong')).status).toBe(401);
    const ok = await a.request('/api/days', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    const post = await a.request(
      '/papers/2601.00001/favorite',
      favorite({ Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' }),
    );
    expect(await post.json()).toEqual({ id: '2601.00001', favorite: true, rating: 0 });
  });

  it('should set an HttpOnly SameSite=Strict cookie from ?token= once and redirect the token out of the URL', async () => {
    const a = app(TOKEN);
    const first = await a.request(`/search?q=paper&token=${TOKEN}`);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/search?q=paper');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^token=${TOKEN};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const pair = cookie.split(';')[0]!;
    const page = await a.request('/search?q=paper', { headers: { Cookie: pair } });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(TOKEN);
    expect((await a.request('/assets/site.js', { headers: { Cookie: pair } })).status).toBe(200);
    // Behind https the cookie is Secure.
    const secure = await a.request(`https://digest.example/?token=${TOKEN}`);
    expect(secure.headers.get('set-cookie')).toContain('Secure');
  });

  it('should compare tokens in constant time over equal-length digests', () => {
    expect(sameToken(TOKEN, TOKEN)).toBe(true);
    expect(sameToken('', TOKEN)).toBe(false);
    expect(sameToken(`${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });
});

describe('serve: host names and cross-site requests', () => {
  it('should answer only loopback host names without a token (no DNS rebinding), any name with one', async () => {
    const open = app();
    for (const url of ['http://localhost/', 'http://127.0.0.1:8080/', 'http://[::1]:8080/', 'http://app.localhost/'])
      expect([url, (await open.request(url)).status]).toEqual([url, 200]);
    const rebound = await open.request('http://evil.example:8080/api/days');
    expect([rebound.status, ((await rebound.json()) as { error: { message: string } }).error.message]).toEqual([
      403,
      'requests for host "evil.example" are refused: without an access token this server answers only to localhost, 127.0.0.1 and [::1]',
    ]);
    const guarded = app(TOKEN);
    expect(
      (await guarded.request('http://digest.example/', { headers: { Authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(200);
    expect(['localhost', '127.0.0.2', '[::1]', '::1'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2', 'localhost.evil.example', '127.0.0.1.nip.io'].some(isLoopbackHost)).toBe(
      false,
    );
  });

  it('should refuse cross-site POSTs with 403 and accept same-origin ones with 303', async () => {
    const a = app();
    const crossSite: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { Origin: 'http://localhost:3000' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'http://localhost' },
      { 'Sec-Fetch-Site': 'none' },
    ];
    for (const headers of crossSite) {
      const res = await a.request('/papers/2601.00001/favorite', favorite(headers));
      expect([headers, res.status]).toEqual([headers, 403]);
      expect(await res.text()).toContain('cross-site request refused');
    }
    // JSON bodies are refused as well (hono's csrf() would let them through).
    const json = await a.request('/papers/2601.00001/favorite', {
      method: 'POST',
      body: '{"value":"1"}',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    });
    expect(json.status).toBe(403);
    const sameOrigin: Record<string, string>[] = [
      { Origin: 'http://localhost' },
      { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost' },
      {},
    ];
    for (const headers of sameOrigin) {
      const res = await a.request('/papers/2601.00001/favorite', favorite(headers));
      expect([headers, res.status]).toEqual([headers, 303]);
    }
  });
});

describe('serve: cross-site reads', () => {
  // What browsers send (Sec-Fetch-*) for each way another site's page can reach this server.
  const from = (site: string, mode: string, dest: string, extra: Record<string, string> = {}) => ({
    'Sec-Fetch-Site': site,
    'Sec-Fetch-Mode': mode,
    'Sec-Fetch-Dest': dest,
    ...extra,
  });
  const paths = ['/api/search?q=paper', '/search?q=paper', '/api/days', '/', '/papers/2601.00001', '/assets/site.css'];

  it('should refuse what another site loads (img, fetch, frame, script) on pages and the API alike, before any work', async () => {
    const a = app();
    const loads: Record<string, string>[] = [
      from('cross-site', 'no-cors', 'image'), // <img src=…/api/search?q=a*…>
      from('cross-site', 'cors', 'empty', { Origin: 'https://evil.example' }), // fetch()
      from('cross-site', 'no-cors', 'script'),
      from('cross-site', 'navigate', 'iframe'),
      from('same-site', 'no-cors', 'image'), // another port of this host
      from('same-site', 'cors', 'empty', { Origin: 'http://localhost:3000' }),
      { Origin: 'https://evil.example' }, // a browser without Sec-Fetch-* that sends Origin
    ];
    for (const headers of loads)
      for (const path of paths) {
        const res = await a.request(path, { headers });
        expect([path, headers, res.status]).toEqual([path, headers, 403]);
        expect(await res.text()).toContain('cross-site request refused: pages of other sites may link to this server');
      }
  });

  it("should let links from elsewhere open (top-level navigations), and this server's own pages and curl load", async () => {
    const a = app();
    const allowed: Record<string, string>[] = [
      from('cross-site', 'navigate', 'document'), // a link on another site
      from('same-site', 'navigate', 'document'),
      from('none', 'navigate', 'document'), // typed, bookmarked
      from('same-origin', 'cors', 'empty', { Origin: 'http://localhost' }), // the app's own fetch
      from('same-origin', 'no-cors', 'style'),
      { Origin: 'http://localhost' },
      {}, // curl
    ];
    for (const headers of allowed)
      for (const path of paths) {
        const res = await a.request(`http://localhost${path}`, { headers });
        expect([path, headers, res.status]).toEqual([path, headers, 200]);
      }
    // A cross-site form posted as a navigation is still a change from elsewhere.
    const posted = await a.request('/papers/2601.00001/favorite', favorite(from('cross-site', 'navigate', 'document')));
    expect(posted.status).toBe(403);
  });

  it('should refuse an <img> bomb over real loopback HTTP with 403 and no search run', async () => {
    let searches = 0;
    const s = store();
    const a = createApp({
      store: s,
      language: 'English',
      categoryOrder: ['cs.LG'],
      preferredSummarizer: 'offline',
      siteTitle: 'Test digest',
      token: null,
      log: () => {},
      search: {
        budgetMs: 2000,
        searchPage: async (q) => (searches++, s.searchPage(q)),
        filter: async () => {
          throw new Error('not used');
        },
        close: async () => {},
      },
    });
    const server = await startServer(a, { host: '127.0.0.1', port: 0 });
    try {
      const get = (headers: Record<string, string>) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest(`${server.url}/api/search?q=paper*&limit=100`, { headers }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end();
        });
      expect(await get(from('cross-site', 'no-cors', 'image', { Referer: 'https://evil.example/' }))).toBe(403);
      expect(searches).toBe(0);
      expect(await get({})).toBe(200);
      expect(searches).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('serve: request bodies', () => {
  it('should refuse a body over the limit with 413, with or without a Content-Length', async () => {
    const a = app();
    const big = `value=1&back=${'x'.repeat(MAX_BODY_BYTES)}`;
    const sized = await a.request('/papers/2601.00001/favorite', favorite({ Origin: 'http://localhost' }, big));
    expect(sized.status).toBe(413);
    expect(await sized.text()).toContain('request body too large (limit 16 KB)');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const chunked = await a.request('/papers/2601.00001/favorite', {
      ...favorite({ Origin: 'http://localhost' }, stream),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const small = await a.request('/papers/2601.00001/favorite', favorite({ Origin: 'http://localhost' }));
    expect(small.status).toBe(303);
  });
});
