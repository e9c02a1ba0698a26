/**
 * The one HTTP client for every arXiv host (API, announcement feeds, OAI-PMH, listing pages).
 *
 * arXiv's terms of use allow one request per 3 s and one connection at a time, and arXiv throttles
 * with `503 Retry-After`; so politeness lives here, in one place, not in each caller:
 *
 * - a per-host gate (a promise chain): at most one request in flight per `host` (hostname:port),
 *   and each request starts at least `minIntervalMs` after the previous one to that host started,
 *   and never before it ended;
 * - retries with exponential backoff and full jitter on 5xx, 429, network errors, timeouts and
 *   bodies the caller's `validate` rejects (UnexpectedBodyError); `Retry-After` (seconds or an
 *   HTTP date) is honoured, and a wait asked for by the server holds back every request to that
 *   host, not only the one that got it;
 * - a timeout per attempt that covers reading the body too, so a hung server cannot hang us.
 *
 * Every side effect (fetch, clock, sleep, randomness) is injectable so the behaviour can be tested
 * with a fake clock; the defaults are in ARXIV_HTTP_DEFAULTS.
 */
import { describeNetworkError, hostOf } from '../core/network.js';
import { setTimeout as delay } from 'node:timers/promises';
import { productVersion } from '../core/version.js';
import { errorMessage } from '../errors.js';
import { HttpError, type ArxivHttp, type GetOptions, type HttpResponseData } from './http.js';
import { UnexpectedBodyError } from './types.js';

export const PRODUCT_NAME = 'arxiv-digest';
/** Where arXiv's operators can read what this client is (put in the User-Agent). */
export const ARXIV_HTTP_DEFAULTS = {
  /** ARXIV_MIN_INTERVAL_MS: arXiv's terms allow one request per 3 s per client. */
  minIntervalMs: 3000,
  timeoutMs: 30_000,
  maxRetries: 4,
  baseDelayMs: 2000,
  maxDelayMs: 60_000,
  /** A Retry-After longer than this is taken as a mistake and capped (and said so). */
  maxRetryAfterMs: 10 * 60_000,
  acceptEncoding: 'gzip, deflate, br',
} as const;

/** `arxiv-digest/0.1.0 (daily arXiv digest; mailto:someone@example.org)`. */
export function userAgent(version: string, contact: string | null): string {
  const mail = contact?.trim();
  // No project URL: the product has no public home yet, and a made-up one would mislead arXiv.
  return `${PRODUCT_NAME}/${version} (daily arXiv digest${mail ? `; mailto:${mail}` : ''})`;
}

export interface ArxivHttpEvent {
  /** `wait`: the server asked us to wait (Retry-After); `retry`: our own backoff. */
  type: 'retry' | 'wait';
  url: string;
  /** The attempt that failed (1-based); the next one is attempt + 1. */
  attempt: number;
  delayMs: number;
  /**
   * What went wrong, without the delay: `HTTP 503 Service Unavailable (arXiv asked us to wait
   * 30 s)`, `HTTP 500 Internal Server Error`, `no complete response within 30000 ms`.
   */
  reason: string;
}

export interface ArxivHttpOptions {
  fetch?: typeof globalThis.fetch;
  /** Minimum spacing of request starts per host (ARXIV_MIN_INTERVAL_MS). */
  minIntervalMs?: number;
  /** Full User-Agent header; build it with userAgent(version, ARXIV_CONTACT). */
  userAgent?: string;
  /** Per attempt, headers and body together. */
  timeoutMs?: number;
  /** Retries after the first attempt (4 → at most 5 requests). */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch; also used to read Retry-After HTTP dates. */
  now?: () => number;
  /** In [0, 1), for the backoff jitter. */
  random?: () => number;
  onEvent?: (event: ArxivHttpEvent) => void;
}

/** How one attempt went, decided inside the host gate. */
type Outcome =
  | { ok: true; response: HttpResponseData }
  | { ok: false; retryable: false; error: unknown }
  | {
      ok: false;
      retryable: true;
      status: number | null;
      reason: string;
      cause?: unknown;
      /** From Retry-After, already capped; null when the server did not say. */
      retryAfterMs: number | null;
      /** Set when the server asked for more than maxRetryAfterMs. */
      cappedNote: string | null;
    };

/** One per host: the tail of the queue and the earliest time the next request may start. */
interface HostGate {
  tail: Promise<unknown>;
  notBefore: number;
}

export function createArxivHttp(options: ArxivHttpOptions = {}): ArxivHttp {
  const d = ARXIV_HTTP_DEFAULTS;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const minIntervalMs = options.minIntervalMs ?? d.minIntervalMs;
  const ua = options.userAgent ?? userAgent(productVersion(), null);
  const timeoutMs = options.timeoutMs ?? d.timeoutMs;
  const maxRetries = options.maxRetries ?? d.maxRetries;
  const baseDelayMs = options.baseDelayMs ?? d.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? d.maxDelayMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? d.maxRetryAfterMs;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  // performance.now() is monotonic and sub-millisecond; added to timeOrigin it is also epoch time,
  // which Retry-After dates are compared with.
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const random = options.random ?? Math.random;
  const onEvent = options.onEvent ?? (() => {});
  const gates = new Map<string, HostGate>();

  /** Runs `task` alone on its host, once the host's spacing allows. */
  function throughGate<T>(host: string, task: (gate: HostGate) => Promise<T>): Promise<T> {
    let gate = gates.get(host);
    if (!gate) {
      gate = { tail: Promise.resolve(), notBefore: -Infinity };
      gates.set(host, gate);
    }
    const g = gate;
    const run = async (): Promise<T> => {
      // A few rounds, because timers may fire a fraction of a millisecond early.
      for (let i = 0; i < 3; i++) {
        const wait = g.notBefore - now();
        if (wait <= 0) break;
        await sleep(Math.ceil(wait));
      }
      const start = now();
      try {
        return await task(g);
      } finally {
        g.notBefore = Math.max(g.notBefore, start + minIntervalMs, now());
      }
    };
    const result = g.tail.then(run);
    g.tail = result.catch(() => undefined);
    return result;
  }

  async function attempt(url: string, opts: GetOptions, attemptNo: number): Promise<Outcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const headers: Record<string, string> = { 'user-agent': ua, 'accept-encoding': d.acceptEncoding };
    if (opts.accept) headers.accept = opts.accept;
    let status: number | null = null;
    let res: Response;
    let body: string;
    try {
      res = await fetchImpl(url, { headers, signal: controller.signal, redirect: 'follow' });
      status = res.status;
      // Read the body under the same timeout: a server may send headers and then stall.
      body = await res.text();
    } catch (e) {
      const reason = controller.signal.aborted
        ? `no complete response within ${timeoutMs} ms`
        : status === null
          ? describeNetworkError(e, hostOf(url))
          : `connection lost while reading the body (HTTP ${status}): ${describeNetworkError(e, hostOf(url))}`;
      return { ok: false, retryable: true, status, reason, cause: e, retryAfterMs: null, cappedNote: null };
    } finally {
      clearTimeout(timer);
    }

    const accepted = opts.acceptStatuses?.includes(res.status) ?? false;
    if (res.ok || accepted) {
      try {
        opts.validate?.(body, { status: res.status, headers: res.headers });
      } catch (e) {
        // Only "not the document expected" is worth asking again; a caller's other errors are not.
        if (!(e instanceof UnexpectedBodyError)) return { ok: false, retryable: false, error: e };
        const reason = `unexpected body (HTTP ${res.status}): ${e.message}`;
        return { ok: false, retryable: true, status, reason, cause: e, retryAfterMs: null, cappedNote: null };
      }
      return {
        ok: true,
        response: { url: res.url || url, status: res.status, headers: res.headers, body, attempts: attemptNo },
      };
    }
    if (res.status >= 500 || res.status === 429) {
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now());
      let retryAfterMs: number | null = null;
      let cappedNote: string | null = null;
      if (retryAfter !== null) {
        retryAfterMs = Math.min(retryAfter, maxRetryAfterMs);
        if (retryAfter > maxRetryAfterMs) {
          cappedNote = `Retry-After of ${seconds(retryAfter)} capped at ${seconds(maxRetryAfterMs)}`;
        }
      }
      return { ok: false, retryable: true, status, reason: httpReason(res), retryAfterMs, cappedNote };
    }
    // Other 4xx (and 3xx fetch did not follow) will not get better by asking again; a 403 means
    // arXiv is blocking us, and hammering on would make it worse.
    const error = new HttpError(`GET ${url}: ${httpReason(res)}`, url, res.status, attemptNo);
    return { ok: false, retryable: false, error };
  }

  async function get(url: string, opts: GetOptions = {}): Promise<HttpResponseData> {
    const host = new URL(url).host;
    let cappedNote: string | null = null;
    for (let attemptNo = 1; ; attemptNo++) {
      const outcome = await throughGate(host, async (gate) => {
        const o = await attempt(url, opts, attemptNo);
        if (!o.ok && o.retryable && attemptNo <= maxRetries) {
          // Decided before the gate opens again, so a wait arXiv asked for also holds back the
          // requests queued behind this one.
          const backoff = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attemptNo - 1));
          const waitMs =
            o.retryAfterMs !== null ? Math.max(o.retryAfterMs, minIntervalMs) : Math.max(backoff, minIntervalMs);
          gate.notBefore = Math.max(gate.notBefore, now() + waitMs);
          const asked = o.retryAfterMs !== null;
          onEvent({
            type: asked ? 'wait' : 'retry',
            url,
            attempt: attemptNo,
            delayMs: Math.round(waitMs),
            reason: asked
              ? `${o.reason} (arXiv asked us to wait ${seconds(o.retryAfterMs ?? 0)}${o.cappedNote ? `; ${o.cappedNote}` : ''})`
              : o.reason,
          });
        }
        return o;
      });
      if (outcome.ok) return outcome.response;
      if (!outcome.retryable) throw outcome.error;
      cappedNote = outcome.cappedNote ?? cappedNote;
      if (attemptNo > maxRetries) {
        const note = cappedNote ? ` (${cappedNote})` : '';
        throw new HttpError(
          `GET ${url}: ${outcome.reason} after ${attemptNo} attempt${attemptNo === 1 ? '' : 's'}${note}`,
          url,
          outcome.status,
          attemptNo,
          { cause: outcome.cause },
        );
      }
    }
  }

  return { get };
}

/**
 * Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP date. Null when absent or
 * unreadable (then our own backoff applies); a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

function httpReason(res: Response): string {
  return `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
