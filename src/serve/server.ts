/**
 * The only place that listens on a port: serves a Hono app with @hono/node-server, reports the
 * URL it is reachable at (port 0 picks a free one), and closes cleanly — open keep-alive
 * connections included, so a stopped server does not wait for a browser tab to go away.
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

/** `app` is a Hono app, or anything with its fetch (a test wrapper, say). */
export function startServer(app: Pick<Hono, 'fetch'>, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
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
