/**
 * The arXiv HTTP client: politeness (per-host spacing, one request in flight), retries, Retry-After,
 * timeouts and body validation. Unit tests run on a virtual clock with a fake fetch; integration
 * tests run against the loopback stand-in and measure what arrived there.
 */
import { STATUS_CODES } from 'node:http';
import { SaxesParser } from 'saxes';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  sampleWorld,
  startArxivStandIn,
  type ArxivStandIn,
  type StandInOptions,
} from '../../test/support/arxiv-standin.js';
import { errorMessage } from '../errors.js';
import { HttpError, type GetOptions } from './http.js';
import {
  ARXIV_HTTP_DEFAULTS,
  createArxivHttp,
  parseRetryAfter,
  userAgent,
  type ArxivHttpEvent,
} from './http-client.js';
import { UnexpectedBodyError } from './types.js';

// ---------------------------------------------------------------------------------------------
// A virtual clock: sleep() registers a timer; drive() fires timers in time order until the
// awaited promise settles, so minutes of backoff take no real time.

function virtualClock(start = Date.parse('2026-08-12T10:00:00Z')) {
  let t = start;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  let seq = 0;
  const sleeps: number[] = [];
  const clock = {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        timers.push({ at: t + ms, seq: seq++, resolve });
      }),
    sleeps,
    /** Runs virtual time until `p` settles. */
    async drive<T>(p: Promise<T>): Promise<T> {
      let settled = false;
      const watched = p.finally(() => {
        settled = true;
      });
      watched.catch(() => undefined);
      for (let i = 0; i < 10_000; i++) {
        // Let every pending microtask (fake fetch answers, promise chains) run first.
        await new Promise((r) => setImmediate(r));
        if (settled) return watched;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) throw new Error('virtual clock: nothing scheduled and the promise has not settled');
        t = Math.max(t, next.at);
        next.resolve();
      }
      throw new Error('virtual clock: too many steps');
    },
  };
  return clock;
}

type Clock = ReturnType<typeof virtualClock>;
type FakeAnswer = Response | Error | ((clock: Clock) => Promise<Response>);

/** A fetch that answers from a script, recording when (virtual time) and how it was called. */
function fakeFetch(clock: Clock, script: Record<string, FakeAnswer[]> | FakeAnswer[]) {
  const calls: { url: string; at: number; headers: Headers }[] = [];
  const scriptFor = (url: string) => (Array.isArray(script) ? script : (script[new URL(url).host] ?? []));
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, at: clock.now(), headers: new Headers(init?.headers) });
    const next = scriptFor(url).shift();
    if (!next) throw new Error(`fake fetch: no answer left for ${url}`);
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(clock) : next;
  }) as typeof globalThis.fetch;
  return { fetchImpl, calls };
}

const ok = (body = '<feed/>') => new Response(body, { status: 200 });
const status = (code: number, headers: Record<string, string> = {}) =>
  new Response(`<html><body>${code}</body></html>`, { status: code, statusText: STATUS_CODES[code], headers });

const API = 'https://export.arxiv.org/api/query?id_list=2608.09949';

function client(clock: Clock, fetchImpl: typeof globalThis.fetch, extra: Parameters<typeof createArxivHttp>[0] = {}) {
  const events: ArxivHttpEvent[] = [];
  const http = createArxivHttp({
    fetch: fetchImpl,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { http, events };
}

describe('userAgent and Retry-After parsing', () => {
  it('names the product, version, project and contact', () => {
    expect(userAgent('0.1.0', 'someone@example.org')).toBe(
      'arxiv-digest/0.1.0 (daily arXiv digest; mailto:someone@example.org)',
    );
    expect(userAgent('0.1.0', null)).toBe('arxiv-digest/0.1.0 (daily arXiv digest)');
  });

  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-08-12T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 12 Aug 2026 10:00:45 GMT', now)).toBe(45_000);
    expect(parseRetryAfter('Wed, 12 Aug 2026 09:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('createArxivHttp on a virtual clock', () => {
  it('sends the User-Agent, Accept-Encoding and Accept headers and returns the response', async () => {
    const clock = virtualClock();
    const { fetchImpl, calls } = fakeFetch(clock, [ok('<feed>hi</feed>')]);
    const { http } = client(clock, fetchImpl, { userAgent: 'arxiv-digest/9.9 (+x)' });
    const res = await clock.drive(http.get(API, { accept: 'application/atom+xml' }));
    expect(res).toMatchObject({ url: API, status: 200, body: '<feed>hi</feed>', attempts: 1 });
    const h = calls[0]!.headers;
    expect([h.get('user-agent'), h.get('accept-encoding'), h.get('accept')]).toEqual([
      'arxiv-digest/9.9 (+x)',
      'gzip, deflate, br',
      'application/atom+xml',
    ]);
  });

  it('spaces requests to one host by minIntervalMs, serializes them, and leaves other hosts alone', async () => {
    const clock = virtualClock();
    const t0 = clock.now();
    const { fetchImpl, calls } = fakeFetch(clock, {
      'export.arxiv.org': [ok(), ok(), ok()],
      'rss.arxiv.org': [ok()],
    });
    const { http } = client(clock, fetchImpl);
    await clock.drive(
      Promise.all([http.get(API), http.get(API), http.get(API), http.get('https://rss.arxiv.org/rss/cs.AI')]),
    );
    const at = (host: string) => calls.filter((c) => c.url.includes(host)).map((c) => c.at - t0);
    expect(at('export.arxiv.org')).toEqual([0, 3000, 6000]);
    expect(at('rss.arxiv.org')).toEqual([0]);
  });

  it('never starts a request before the previous one to that host ended', async () => {
    const clock = virtualClock();
    const t0 = clock.now();
    const slow = async (c: Clock) => {
      await c.sleep(5000);
      return ok();
    };
    const { fetchImpl, calls } = fakeFetch(clock, [slow, slow, ok()]);
    const { http } = client(clock, fetchImpl, { timeoutMs: 60_000 });
    await clock.drive(Promise.all([http.get(API), http.get(API), http.get(API)]));
    expect(calls.map((c) => c.at - t0)).toEqual([0, 5000, 10_000]);
  });

  it('waits as long as Retry-After says (seconds), holding back the requests queued behind', async () => {
    const clock = virtualClock();
    const t0 = clock.now();
    const { fetchImpl, calls } = fakeFetch(clock, [status(503, { 'retry-after': '30' }), ok('other'), ok('retried')]);
    const { http, events } = client(clock, fetchImpl);
    const [first, second] = await clock.drive(Promise.all([http.get(API), http.get(`${API}&x=2`)]));
    // The queued request goes first once the wait is over; the retry follows it, spaced.
    expect(calls.map((c) => c.at - t0)).toEqual([0, 30_000, 33_000]);
    expect([first.body, first.attempts, second.body]).toEqual(['retried', 2, 'other']);
    expect(events).toEqual([
      {
        type: 'wait',
        url: API,
        attempt: 1,
        delayMs: 30_000,
        reason: 'HTTP 503 Service Unavailable (arXiv asked us to wait 30 s)',
      },
    ]);
  });

  it('reads Retry-After as an HTTP date, and never waits less than minIntervalMs', async () => {
    const clock = virtualClock(Date.parse('2026-08-12T10:00:00Z'));
    const t0 = clock.now();
    const { fetchImpl, calls } = fakeFetch(clock, [
      status(503, { 'retry-after': 'Wed, 12 Aug 2026 10:00:45 GMT' }),
      status(429, { 'retry-after': '1' }),
      ok(),
    ]);
    const { http, events } = client(clock, fetchImpl);
    await clock.drive(http.get(API));
    expect(calls.map((c) => c.at - t0)).toEqual([0, 45_000, 48_000]);
    expect(events.map((e) => [e.type, e.delayMs])).toEqual([
      ['wait', 45_000],
      ['wait', 3000],
    ]);
  });

  it('caps an absurd Retry-After at 10 minutes and says so when it gives up', async () => {
    const clock = virtualClock();
    const t0 = clock.now();
    const { fetchImpl, calls } = fakeFetch(clock, [
      status(503, { 'retry-after': '86400' }),
      status(503, { 'retry-after': '86400' }),
    ]);
    const { http, events } = client(clock, fetchImpl, { maxRetries: 1 });
    const err = await clock.drive(http.get(API)).catch((e: unknown) => e);
    expect(calls.map((c) => c.at - t0)).toEqual([0, ARXIV_HTTP_DEFAULTS.maxRetryAfterMs]);
    expect(events[0]!.reason).toBe(
      'HTTP 503 Service Unavailable (arXiv asked us to wait 600 s; Retry-After of 86400 s capped at 600 s)',
    );
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).message).toBe(
      `GET ${API}: HTTP 503 Service Unavailable after 2 attempts (Retry-After of 86400 s capped at 600 s)`,
    );
  });

  it('backs off exponentially with full jitter, capped, then fails with the status and attempt count', async () => {
    const clock = virtualClock();
    const t0 = clock.now();
    const { fetchImpl, calls } = fakeFetch(clock, [status(500), status(502), status(503), status(504), status(500)]);
    // random 0.5 → half of 2000, 4000, 8000 (cap 5000), 16000 (cap 5000).
    const { http, events } = client(clock, fetchImpl, { minIntervalMs: 0, maxDelayMs: 5000 });
    const err = await clock.drive(http.get(API)).catch((e: unknown) => e);
    expect(calls.map((c) => c.at - t0)).toEqual([0, 1000, 3000, 5500, 8000]);
    expect(events.map((e) => [e.type, e.attempt, e.delayMs])).toEqual([
      ['retry', 1, 1000],
      ['retry', 2, 2000],
      ['retry', 3, 2500],
      ['retry', 4, 2500],
    ]);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 500, attempts: 5, url: API });
    expect((err as Error).message).toBe(`GET ${API}: HTTP 500 Internal Server Error after 5 attempts`);
  });

  it('never retries sooner than minIntervalMs, however small the jitter', async () => {
    const clock = virtualClock();
    const t0 = clock.now();
    const { fetchImpl, calls } = fakeFetch(clock, [status(429), ok()]);
    const { http } = client(clock, fetchImpl, { random: () => 0 });
    await clock.drive(http.get(API));
    expect(calls.map((c) => c.at - t0)).toEqual([0, 3000]);
  });

  it('throws other 4xx at once, and returns statuses listed in acceptStatuses', async () => {
    const clock = virtualClock();
    const { fetchImpl, calls } = fakeFetch(clock, [
      status(404),
      new Response('<feed>error</feed>', { status: 400, statusText: 'Bad Request' }),
    ]);
    const { http } = client(clock, fetchImpl);
    const err = await clock.drive(http.get(API)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 404, attempts: 1, message: `GET ${API}: HTTP 404 Not Found` });
    expect(calls).toHaveLength(1);
    const seen: number[] = [];
    const res = await clock.drive(http.get(API, { acceptStatuses: [400], validate: (_b, r) => seen.push(r.status) }));
    expect([res.status, res.body, seen]).toEqual([400, '<feed>error</feed>', [400]]);
  });

  it('retries bodies that validate rejects as unexpected, but not other validation errors', async () => {
    const clock = virtualClock();
    const { fetchImpl, calls } = fakeFetch(clock, [ok('<html>'), ok('<feed/>'), ok('<feed/>')]);
    const { http, events } = client(clock, fetchImpl);
    const validate: GetOptions['validate'] = (body) => {
      if (!body.startsWith('<feed')) throw new UnexpectedBodyError('HTML instead of Atom');
    };
    const res = await clock.drive(http.get(API, { validate }));
    expect([res.body, res.attempts]).toEqual(['<feed/>', 2]);
    expect(events[0]!.reason).toBe('unexpected body (HTTP 200): HTML instead of Atom');

    const bug = new RangeError('parser bug');
    const err = await clock
      .drive(
        http.get(API, {
          validate: () => {
            throw bug;
          },
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBe(bug);
    expect(calls).toHaveLength(3);
  });

  it('retries network errors, naming the socket error', async () => {
    const clock = virtualClock();
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    const { fetchImpl } = fakeFetch(clock, [reset, ok()]);
    const { http, events } = client(clock, fetchImpl);
    const res = await clock.drive(http.get(API));
    expect(res.attempts).toBe(2);
    expect(events[0]).toMatchObject({
      type: 'retry',
      reason: `${new URL(API).host} closed the connection (ECONNRESET)`,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Against the stand-in, in real time (small intervals)

async function standIn(options: StandInOptions = {}): Promise<ArxivStandIn> {
  const s = await startArxivStandIn(sampleWorld(), options);
  onTestFinished(() => s.close());
  return s;
}

/** Well-formed XML whose root element is `root`; anything else is an unexpected body. */
const xmlRoot =
  (root: string): GetOptions['validate'] =>
  (body) => {
    let first: string | null = null;
    try {
      const parser = new SaxesParser({ xmlns: true });
      parser.on('opentag', (t) => {
        first ??= t.local;
      });
      parser.write(body).close();
    } catch (e) {
      throw new UnexpectedBodyError(`not well-formed XML: ${errorMessage(e)}`);
    }
    if (first !== root) throw new UnexpectedBodyError(`expected <${root}>, got <${first ?? 'nothing'}>`);
  };

function realClient(extra: Parameters<typeof createArxivHttp>[0] = {}) {
  const events: ArxivHttpEvent[] = [];
  const http = createArxivHttp({
    minIntervalMs: 30,
    baseDelayMs: 20,
    maxDelayMs: 100,
    timeoutMs: 2000,
    userAgent: userAgent('0.1.0', 'tests@example.org'),
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { http, events };
}

describe('createArxivHttp against the arXiv stand-in', () => {
  it('sends the User-Agent and reads gzip-compressed answers', async () => {
    const s = await standIn();
    const { http } = realClient();
    const res = await http.get(`${s.urls.rss}/cs.AI`, { validate: xmlRoot('rss') });
    expect(res.body).toContain('<title>cs.AI updates on arXiv.org</title>');
    const req = s.requests[0]!;
    expect(req.headers['user-agent']).toBe('arxiv-digest/0.1.0 (daily arXiv digest; mailto:tests@example.org)');
    expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(req.gzip).toBe(true);
  });

  it('waits for a 503 with Retry-After in seconds, then retries', async () => {
    const s = await standIn();
    s.faults.add('/api/query', { type: '503', retryAfter: 1 });
    const { http, events } = realClient();
    const res = await http.get(`${s.urls.api}?id_list=2608.09949`, { validate: xmlRoot('feed') });
    expect([res.status, res.attempts]).toEqual([200, 2]);
    const [a, b] = s.requests;
    expect(b!.start - a!.end!).toBeGreaterThanOrEqual(995);
    expect(events.map((e) => [e.type, e.delayMs])).toEqual([['wait', 1000]]);
  });

  it('waits for a 503 with Retry-After as an HTTP date, then retries', async () => {
    const s = await standIn();
    const until = new Date(Date.now() + 1500);
    s.faults.add('/oai', { type: '503', retryAfter: until });
    const { http } = realClient();
    const res = await http.get(`${s.urls.oai}?verb=ListRecords&metadataPrefix=arXiv`, { validate: xmlRoot('OAI-PMH') });
    expect(res.attempts).toBe(2);
    // HTTP dates have whole seconds: the retry may come as soon as the second named.
    const sent = Date.parse(until.toUTCString());
    expect(performance.timeOrigin + s.requests[1]!.start).toBeGreaterThanOrEqual(sent - 1);
    expect(s.requests[1]!.start - s.requests[0]!.end!).toBeGreaterThanOrEqual(29);
  });

  it('waits for a 429 with Retry-After, then retries', async () => {
    const s = await standIn();
    s.faults.add('/rss/', { type: '429', retryAfter: 1 });
    const { http, events } = realClient();
    const res = await http.get(`${s.urls.rss}/cs.AI`, { validate: xmlRoot('rss') });
    expect(res.attempts).toBe(2);
    expect(s.requests[1]!.start - s.requests[0]!.end!).toBeGreaterThanOrEqual(995);
    expect(events[0]).toMatchObject({ type: 'wait', attempt: 1, delayMs: 1000 });
    expect(events[0]!.reason).toMatch(/^HTTP 429 Too Many Requests/);
  });

  it('backs off and retries a 500', async () => {
    const s = await standIn();
    s.faults.add('/list/', { type: '500' });
    const { http, events } = realClient({ minIntervalMs: 50 });
    const res = await http.get(`${s.urls.listing}/cs.AI/new`);
    expect([res.status, res.attempts]).toEqual([200, 2]);
    expect(res.body).toContain('Showing new listings for Wednesday, 12 August 2026');
    expect(events.map((e) => e.type)).toEqual(['retry']);
    expect(s.requests[1]!.start - s.requests[0]!.start).toBeGreaterThanOrEqual(48);
  });

  it('gives up on a hung request after timeoutMs and retries it', async () => {
    const s = await standIn();
    s.faults.add('/api/query', { type: 'timeout' });
    const { http, events } = realClient({ timeoutMs: 150 });
    const t0 = performance.now();
    const res = await http.get(`${s.urls.api}?id_list=2608.09949`, { validate: xmlRoot('feed') });
    expect(res.attempts).toBe(2);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    expect(events[0]!.reason).toBe('no complete response within 150 ms');
  });

  it('fails with HttpError when the server keeps hanging (including answers slower than the timeout)', async () => {
    const s = await standIn();
    s.faults.add('/api/query', { type: 'timeout', answerAfterMs: 400 });
    s.faults.add('/api/query', { type: 'timeout' }, Infinity);
    const { http } = realClient({ timeoutMs: 100, maxRetries: 2 });
    const url = `${s.urls.api}?id_list=2608.09949`;
    const err = await http.get(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: null, attempts: 3 });
    expect((err as Error).message).toBe(`GET ${url}: no complete response within 100 ms after 3 attempts`);
    expect(s.requests).toHaveLength(3);
  });

  it('retries a truncated body that validate rejects, and never returns it', async () => {
    const s = await standIn();
    s.faults.add('/api/query', { type: 'truncated' });
    const { http, events } = realClient();
    const res = await http.get(`${s.urls.api}?id_list=2608.09949,2608.09967`, { validate: xmlRoot('feed') });
    expect(res.attempts).toBe(2);
    expect(res.body.trimEnd().endsWith('</feed>')).toBe(true);
    expect(events[0]!.reason).toMatch(/^unexpected body \(HTTP 200\): not well-formed XML/);
  });

  it('retries an HTML error page served with HTTP 200, and never returns it', async () => {
    const s = await standIn();
    s.faults.add('/rss/', { type: 'html' }, 2);
    const { http, events } = realClient();
    const res = await http.get(`${s.urls.rss}/cs.AI`, { validate: xmlRoot('rss') });
    expect(res.attempts).toBe(3);
    expect(res.body).toContain('<rss');
    expect(events.map((e) => e.reason)).toEqual([
      'unexpected body (HTTP 200): expected <rss>, got <html>',
      'unexpected body (HTTP 200): expected <rss>, got <html>',
    ]);
  });

  it('throws HttpError with the last status and the attempt count when retries run out', async () => {
    const s = await standIn();
    s.faults.add('/rss/', { type: '503' }, Infinity);
    const { http } = realClient({ maxRetries: 2 });
    const url = `${s.urls.rss}/cs.AI`;
    const err = await http.get(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 503, attempts: 3, url });
    expect((err as Error).message).toBe(`GET ${url}: HTTP 503 Service Unavailable after 3 attempts`);
    expect(s.requests).toHaveLength(3);
  });

  it("returns the API's HTTP 400 Error feed when 400 is accepted, and throws it at once otherwise", async () => {
    const s = await standIn();
    const { http } = realClient();
    const url = `${s.urls.api}?id_list=abc`;
    const res = await http.get(url, { acceptStatuses: [400], validate: xmlRoot('feed') });
    expect(res.status).toBe(400);
    expect(res.body).toContain('<summary>incorrect id format for abc</summary>');
    const err = await http.get(url).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'HttpError', status: 400, attempts: 1 });
    expect(s.requests).toHaveLength(2);
  });

  it('keeps requests to one host at least minIntervalMs apart and never overlapping', async () => {
    const s = await standIn();
    const interval = 150;
    // The spacing is measured where the client sends, not where the stand-in (in this same
    // process) gets round to reading: on a loaded machine that can lag by tens of milliseconds.
    const sent: number[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      sent.push(performance.now());
      return fetch(input, init);
    };
    const { http } = realClient({ minIntervalMs: interval, fetch: fetchImpl });
    const url = `${s.urls.rss}/cs.AI`;
    // Warm the connection so the first measured request does not pay for the TCP handshake.
    await http.get(url);
    // Fast answers test the spacing; answers slower than the interval test one-in-flight.
    for (const latency of [20, 200]) {
      s.setLatency(latency);
      const before = s.requests.length;
      sent.length = 0;
      await Promise.all(Array.from({ length: 6 }, () => http.get(url)));
      const reqs = s.requests.slice(before).sort((a, b) => a.start - b.start);
      expect(reqs).toHaveLength(6);
      expect(sent).toHaveLength(6);
      for (let i = 0; i + 1 < reqs.length; i++) {
        expect(sent[i + 1]! - sent[i]!).toBeGreaterThanOrEqual(interval - 2);
        // Causal, so exact however loaded the machine: the next request starts after the answer ends.
        expect(reqs[i + 1]!.start).toBeGreaterThanOrEqual(reqs[i]!.end!);
      }
    }
  });

  it('does not serialize different hosts against each other', async () => {
    const [a, b] = [await standIn(), await standIn()];
    const { http } = realClient({ minIntervalMs: 200 });
    const t0 = performance.now();
    await Promise.all([0, 1, 2].flatMap(() => [http.get(`${a.urls.rss}/cs.AI`), http.get(`${b.urls.rss}/cs.AI`)]));
    const elapsed = performance.now() - t0;
    // Each host: 3 requests, 2 intervals. Serialized across hosts it would take 5 intervals.
    expect(elapsed).toBeLessThan(3 * 200);
    for (let i = 0; i < 3; i++) expect(Math.abs(a.requests[i]!.start - b.requests[i]!.start)).toBeLessThan(60);
  });
});
