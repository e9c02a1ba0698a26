/**
 * One JSON POST to a chat platform, as every chat channel sends it: a timeout, waiting out rate
 * limits (the platform's Retry-After or `retry_after`, else backoff), a few retries on 5xx and
 * network errors, and the platform's own error text when it refuses. Webhook URLs and bot
 * tokens are secrets: they never appear in an error (each message is scrubbed of them too).
 */
import { describeNetworkError } from '../core/network.js';
import { redactSecrets, urlSecrets } from '../core/secrets.js';
import { errorMessage } from '../errors.js';
import { DeliveryError, type Channel, type DigestMessage } from './types.js';

export type FetchFn = typeof fetch;
export type SleepFn = (ms: number) => Promise<void>;

export const defaultSleep: SleepFn = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a platform reads one answer. */
export type Verdict =
  | { kind: 'ok' }
  /** Wait (`afterMs`, or backoff when null) and send the same post again. */
  | { kind: 'retry'; afterMs: number | null; reason: string }
  | { kind: 'fail'; reason: string };

export interface PostOptions {
  url: string;
  body: unknown;
  fetch: FetchFn;
  sleep: SleepFn;
  timeoutMs: number;
  /** Strings never to show (webhook URL, its path, a token). */
  secrets: readonly string[];
  interpret(status: number, headers: Headers, text: string): Verdict;
}

/** Retries after the first attempt (rate limits, 5xx, network errors). */
export const MAX_RETRIES = 3;
/** A rate limit asking for longer than this is reported rather than waited out. */
export const MAX_WAIT_MS = 5 * 60_000;
const BACKOFF_MS = [1000, 2000, 4000];

/** Seconds from a Retry-After header (seconds or an HTTP date), as milliseconds; null when absent. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const s = Number(value);
  if (Number.isFinite(s)) return Math.max(0, Math.ceil(s * 1000));
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** Posts `body` as JSON until the platform accepts it; throws a DeliveryError with a one-line reason. */
export async function postJson(o: PostOptions): Promise<void> {
  const payload = JSON.stringify(o.body);
  let lastReason = '';
  for (let attempt = 0; ; attempt++) {
    let verdict: Verdict;
    try {
      const res = await o.fetch(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: payload,
        signal: AbortSignal.timeout(o.timeoutMs),
        // A redirect would re-post the digest (and the URL's token) wherever it points; a 307
        // loop re-posted it ~21 times per attempt. Platforms do not redirect their webhooks.
        redirect: 'manual',
      });
      const text = await res.text();
      verdict =
        res.status >= 300 && res.status < 400
          ? { kind: 'fail', reason: `answered with a redirect (HTTP ${res.status}), which is not followed` }
          : o.interpret(res.status, res.headers, text);
      if (verdict.kind === 'retry' && verdict.afterMs === null && res.headers.get('retry-after'))
        verdict = { ...verdict, afterMs: retryAfterMs(res.headers.get('retry-after')) };
    } catch (e) {
      verdict = { kind: 'retry', afterMs: null, reason: networkReason(e, o.timeoutMs, hostOf(o.url) ?? 'the webhook') };
    }
    if (verdict.kind === 'ok') return;
    if (verdict.kind === 'fail') throw new DeliveryError(redactSecrets(verdict.reason, o.secrets));
    lastReason = verdict.reason;
    if (verdict.afterMs !== null && verdict.afterMs > MAX_WAIT_MS)
      throw new DeliveryError(
        redactSecrets(
          `${lastReason}; asked to wait ${Math.round(verdict.afterMs / 1000)} s, more than we wait`,
          o.secrets,
        ),
      );
    if (attempt >= MAX_RETRIES)
      throw new DeliveryError(redactSecrets(`${lastReason}; gave up after ${MAX_RETRIES + 1} attempts`, o.secrets));
    await o.sleep(verdict.afterMs ?? BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!);
  }
}

/** `hooks.slack.com refused the connection … (ECONNREFUSED)`, `no answer within 30 s`: never the URL. */
function networkReason(e: unknown, timeoutMs: number, host: string): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
    return `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`;
  return describeNetworkError(e, host);
}

/**
 * The host of a webhook URL, for the channel's target (`slack:hooks.slack.com`); null when the
 * URL is malformed. A malformed URL fails that channel's send, not the construction of every
 * channel, and the value is never echoed: it is a secret, and a malformed one may be mostly right.
 */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.host : null;
  } catch {
    return null;
  }
}

/** The DeliveryError for a webhook URL that is not an http(s) URL. */
export const invalidUrl = (platform: string): DeliveryError =>
  new DeliveryError(`${platform}: the webhook URL is not a valid http(s) URL`);

/** A JSON object from a response body, or null. */
export function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The first line of a body, shortened: platform error texts are short, HTML error pages are not. */
export const shortText = (text: string, max = 200): string => {
  const chars = [...(text.trim().split('\n')[0] ?? '')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

/**
 * Sends the posts of one digest in order, `intervalMs` apart (platforms ask for about one post a
 * second per webhook or chat). A failure names the post and how many were already delivered,
 * since those cannot be taken back.
 */
export async function sendPosts<P>(o: {
  platform: string;
  posts: readonly P[];
  send: (post: P) => Promise<void>;
  sleep: SleepFn;
  intervalMs: number;
}): Promise<void> {
  for (const [i, post] of o.posts.entries()) {
    if (i > 0 && o.intervalMs > 0) await o.sleep(o.intervalMs);
    try {
      await o.send(post);
    } catch (e) {
      const where =
        o.posts.length > 1 ? ` (post ${i + 1} of ${o.posts.length}; ${i} ${i === 1 ? 'was' : 'were'} sent)` : '';
      throw new DeliveryError(`${o.platform}: ${errorMessage(e)}${where}`, { cause: e });
    }
  }
}

export interface WebhookOptions {
  webhookUrl: string;
  fetch?: FetchFn;
  sleep?: SleepFn;
  timeoutMs?: number;
}

/**
 * The shape every webhook channel shares: the digest rendered into posts, each POSTed to the
 * webhook URL at a steady pace, the target named by host only. `prepare` finishes a post at
 * sending time (Feishu signs it then); `secrets` adds strings to keep out of errors.
 */
export function webhookChannel<P>(
  platform: string,
  options: WebhookOptions,
  spec: {
    render: (message: DigestMessage) => P[];
    intervalMs: number;
    interpret: PostOptions['interpret'];
    prepare?: (post: P) => unknown;
    secrets?: readonly string[];
  },
): Channel {
  const host = hostOf(options.webhookUrl);
  const fetchFn = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  return {
    id: platform,
    target: `${platform}:${host ?? 'invalid-url'}`,
    async send(message) {
      if (host === null) throw invalidUrl(platform);
      await sendPosts({
        platform,
        posts: spec.render(message),
        sleep,
        intervalMs: spec.intervalMs,
        send: (post) =>
          postJson({
            url: options.webhookUrl,
            body: spec.prepare ? spec.prepare(post) : post,
            fetch: fetchFn,
            sleep,
            timeoutMs: options.timeoutMs ?? 30_000,
            secrets: [...urlSecrets(options.webhookUrl), ...(spec.secrets ?? [])],
            interpret: spec.interpret,
          }),
      });
    },
  };
}
