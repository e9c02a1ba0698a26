/**
 * What stands between the network and the store, as Hono middleware, in the order the app uses
 * them:
 * 1. `securityHeaders`: a CSP that lets the pages load only this server's own files and never be
 *    framed, no MIME sniffing, no referrer to other sites — on every response, errors included.
 * 2. `loopbackHostOnly` (when there is no token): the `Host` must be a loopback name, so a web
 *    page cannot use DNS rebinding (its own name pointed at 127.0.0.1) to read the app as if it
 *    were same-origin.
 * 3. `sameOriginOnly`: a request another site's page makes is refused (403) before any work —
 *    an `<img src="…/api/search?q=…">`, a `fetch()`, a frame, a form post — on pages and the API
 *    alike. Only a top-level navigation (a link from elsewhere, GET or HEAD) is let through, so
 *    links to the app still open. Told by `Sec-Fetch-Site`/`-Mode`/`-Dest` when the browser
 *    sends them (all current ones do), else by a foreign `Origin`. Changes (POST) come only from
 *    this server's own pages. Clients that send none of these (curl) are not browsers and cannot
 *    be tricked into a cross-site request.
 * 4. `accessToken` (when there is one): every request needs `Authorization: Bearer T` or the
 *    `token` cookie, set by visiting any page once with `?token=T` (the URL is then cleaned by a
 *    redirect). Compared in constant time, on the server only. Wrong tokens are rate-limited per
 *    client address (GuessLimiter): after GUESSES_PER_MINUTE of them, every request from that
 *    address is a 429 until the minute is over — the right token included, so guessing on
 *    learns nothing.
 * 5. `bodyLimit`: request bodies over the limit are refused (413) before anything reads them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { isLoopbackHost } from '../core/loopback.js';

export const TOKEN_COOKIE = 'token';

/**
 * Only this server's scripts, styles and fetches; forms post only here; no plugins, no base
 * rewriting, no framing. `data:` images for the site's empty favicon.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}

export { isLoopbackHost };

export function loopbackHostOnly(): MiddlewareHandler {
  return async function loopbackHostOnly(c, next) {
    const host = new URL(c.req.url).hostname;
    if (!isLoopbackHost(host))
      throw new HTTPException(403, {
        message: `requests for host ${JSON.stringify(host)} are refused: without an access token this server answers only to localhost, 127.0.0.1 and [::1]`,
      });
    await next();
  };
}

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
const LOAD_REFUSED = 'cross-site request refused: pages of other sites may link to this server, not load from it';

/** Why a request is refused as cross-site, or null when it may go on (see the header, 3). */
export function crossSiteRefusal(req: {
  method: string;
  url: string;
  header: (name: string) => string | undefined;
}): string | null {
  const site = req.header('sec-fetch-site');
  const origin = req.header('origin');
  const foreign = origin !== undefined && origin !== new URL(req.url).origin;
  if (!SAFE_METHOD.test(req.method)) {
    const refused = site !== undefined ? site !== 'same-origin' : foreign;
    return refused ? 'cross-site request refused: changes are accepted only from pages of this server' : null;
  }
  // A typed address or a bookmark (none), or this server's own pages.
  if (site === 'same-origin' || site === 'none') return null;
  if (site !== undefined) {
    const dest = req.header('sec-fetch-dest');
    const navigation =
      (req.method === 'GET' || req.method === 'HEAD') &&
      req.header('sec-fetch-mode') === 'navigate' &&
      (dest === undefined || dest === 'document');
    return navigation ? null : LOAD_REFUSED;
  }
  return foreign ? LOAD_REFUSED : null;
}

export function sameOriginOnly(): MiddlewareHandler {
  return async function sameOriginOnly(c, next) {
    const refusal = crossSiteRefusal({ method: c.req.method, url: c.req.url, header: (n) => c.req.header(n) });
    if (refusal) throw new HTTPException(403, { message: refusal });
    await next();
  };
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time equality: both sides are hashed first, so neither length nor content leaks. */
export const sameToken = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

const COOKIE_MAX_AGE = 180 * 24 * 3600;

/** Wrong access tokens a client address may send per minute (in each `serve` process). */
export const GUESSES_PER_MINUTE = 10;
/** The shortest access token `serve` accepts. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * Counts wrong tokens per client address in fixed one-minute windows. Addresses are forgotten
 * once their window is over; at most `maxClients` are kept (a flood of addresses starts afresh
 * rather than growing without bound).
 */
export class GuessLimiter {
  private readonly windows = new Map<string, { start: number; wrong: number }>();
  constructor(
    private readonly limit = GUESSES_PER_MINUTE,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 10_000,
  ) {}

  /** Seconds until `client` may try again, or 0 when it may now. */
  blockedFor(client: string): number {
    const w = this.windows.get(client);
    if (!w) return 0;
    const left = w.start + this.windowMs - this.now();
    if (left <= 0) {
      this.windows.delete(client);
      return 0;
    }
    return w.wrong >= this.limit ? Math.ceil(left / 1000) : 0;
  }

  wrong(client: string): void {
    let w = this.windows.get(client);
    if (!w || w.start + this.windowMs <= this.now()) {
      if (this.windows.size >= this.maxClients) this.windows.clear();
      this.windows.set(client, (w = { start: this.now(), wrong: 0 }));
    }
    w.wrong++;
  }
}

/** The client's address as the socket saw it (node-server's `incoming`); `unknown` in app.request() tests. */
const clientOf = (env: unknown): string =>
  (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ??
  'unknown';

export function accessToken(token: string, limiter = new GuessLimiter()): MiddlewareHandler {
  return async function accessToken(c, next) {
    const client = clientOf(c.env);
    const wait = limiter.blockedFor(client);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new HTTPException(429, {
        message: `too many wrong access tokens from this address: try again in ${wait} s`,
      });
    }
    const refuse = (): never => {
      limiter.wrong(client);
      throw new HTTPException(401, { message: 'wrong access token' });
    };
    const url = new URL(c.req.url);
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      if (!sameToken(fromQuery, token)) refuse();
      // HttpOnly: no script ever sees it; Strict: no other site's page can send it along.
      setCookie(c, TOKEN_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: url.protocol === 'https:',
        maxAge: COOKIE_MAX_AGE,
      });
      url.searchParams.delete('token');
      // The token leaves the address bar (and the history, and any copied link).
      return c.redirect(url.pathname + url.search, 303);
    }
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const given = bearer ?? getCookie(c, TOKEN_COOKIE);
    if (given === undefined)
      throw new HTTPException(401, {
        message:
          'this server needs its access token: open any page once with ?token=YOUR_TOKEN, or send "Authorization: Bearer YOUR_TOKEN"',
      });
    if (!sameToken(given, token)) refuse();
    await next();
  };
}

export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HTTPException(413, { message: `request body too large (limit ${Math.round(maxBytes / 1024)} KB)` });
    },
  });
}
