/**
 * Network failures in words. Node's fetch says only "fetch failed" and hides the socket's code
 * (ENOTFOUND, EAI_AGAIN, ECONNREFUSED …) in its cause; a reader needs to know what could not be
 * reached, and that the machine may simply be offline.
 */

const OFFLINE = 'this machine may be offline';

/** Words for the codes worth explaining; `{host}` is the host that was asked. */
const WORDS: Record<string, string> = {
  ENOTFOUND: `{host} does not resolve: no such host (check the URL, or ${OFFLINE})`,
  EAI_AGAIN: `{host} could not be looked up: no answer from DNS (${OFFLINE}, or without DNS)`,
  EAI_FAIL: `{host} could not be looked up: DNS failed (${OFFLINE}, or without DNS)`,
  ECONNREFUSED: `{host} refused the connection: nothing listens there`,
  ECONNRESET: `{host} closed the connection`,
  EPIPE: `{host} closed the connection`,
  UND_ERR_SOCKET: `{host} closed the connection`,
  ETIMEDOUT: `no connection to {host} in time (${OFFLINE}, or a firewall drops the traffic)`,
  UND_ERR_CONNECT_TIMEOUT: `no connection to {host} in time (${OFFLINE}, or a firewall drops the traffic)`,
  ENETUNREACH: `{host} is unreachable: no route to its network (${OFFLINE})`,
  EHOSTUNREACH: `{host} is unreachable: no route to it (${OFFLINE})`,
  ENETDOWN: `{host} is unreachable: the network is down (${OFFLINE})`,
};

interface Coded {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown[];
}

/** The socket's code behind an error (in `cause`, or in the first of an AggregateError's). */
export function networkCode(e: unknown): string | null {
  for (let x = e as Coded | undefined, depth = 0; x && depth < 4; depth++) {
    if (typeof x.code === 'string' && /^[A-Z][A-Z_0-9]+$/.test(x.code)) return x.code;
    const inner = Array.isArray(x.errors) ? (x.errors[0] as Coded | undefined) : undefined;
    if (inner && typeof inner.code === 'string') return inner.code;
    x = x.cause as Coded | undefined;
  }
  return null;
}

/**
 * `api.openai.com could not be looked up: no answer from DNS (this machine may be offline, or
 * without DNS) (EAI_AGAIN)`. The URL itself is not repeated: it may carry a secret.
 */
export function describeNetworkError(e: unknown, host: string): string {
  const code = networkCode(e);
  if (code && WORDS[code]) return `${WORDS[code]!.replace('{host}', host)} (${code})`;
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return `the TLS certificate of ${host} is not trusted (${code})`;
  let detail = e instanceof Error ? e.message : String(e);
  const cause = (e as Coded | undefined)?.cause as Coded | undefined;
  if (typeof cause?.message === 'string' && cause.message) detail = cause.message;
  return `network error reaching ${host}: ${detail.split('\n')[0]}${code ? ` (${code})` : ''}`;
}

/** The host (and port) of a URL, or the text as it is when it is not one. */
export function hostOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]+)/i.exec(url);
  return m ? m[1]! : url;
}
