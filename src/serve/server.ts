/**
 * The only place that listens on a port: serves a Hono app with @hono/node-server, reports the
 * URL it is reachable at (port 0 picks a free one), and closes cleanly — open keep-alive
 * connections included, so a stopped server does not wait for a browser tab to go away.
 *
 * A client gets `requestTimeoutMs` to send a whole request, headers and body (Node answers 408
 * and closes the connection after it): one that sends half a request and waits holds nothing for
 * long. Node checks its connections for this every `connectionsCheckingInterval` (30 s by
 * default, far longer than the limit), so the check runs a few times per limit instead.
 */
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  /** `http://127.0.0.1:8080` (IPv6 hosts in brackets). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const hostInUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/** Default time a client has to send a request (ARXIV_DIGEST_REQUEST_TIMEOUT_MS). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** `app` is a Hono app, or anything with its fetch (a test wrapper, say). */
export function startServer(
  app: Pick<Hono, 'fetch'>,
  options: { host: string; port: number; requestTimeoutMs?: number },
): Promise<RunningServer> {
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const serverOptions = {
    requestTimeout: timeout,
    headersTimeout: timeout,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.round(timeout / 4))),
  };
  return new Promise((resolve, reject) => {
    const listen = { fetch: app.fetch, hostname: options.host, port: options.port, serverOptions };
    const server = serve(listen, (info: AddressInfo) => {
      server.off('error', reject);
      resolve({
        url: `http://${hostInUrl(options.host)}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    // EADDRINUSE, EACCES, an address this machine does not have: the caller says which.
    server.once('error', reject);
  });
}
