/**
 * `arxiv-digest serve`: the local web app over the store (days, papers, search, favorites, the
 * JSON API) until Ctrl+C or SIGTERM, which close the server and then the store. Binding anything
 * but a loopback address needs an access token: refused otherwise (exit 2), since the store and
 * the reader's marks would be open to the network.
 */
import { configuredSummarizer } from '../../config/settings.js';
import { AppError, UsageError, errorMessage } from '../../errors.js';
import { isLoopbackHost } from '../../serve/security.js';
import { openStore } from '../../store/store.js';
import { settingsFrom, type GlobalOptions, type Io } from '../context.js';

export interface ServeFlags {
  host?: string;
  port?: string;
  token?: string;
}

/** Resolves on the first SIGINT or SIGTERM, and stops listening for them. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function serveCommand(
  flags: ServeFlags,
  globals: GlobalOptions,
  io: Io,
  until: () => Promise<unknown> = stopSignal,
): Promise<number> {
  const host = (flags.host ?? '127.0.0.1').trim();
  if (!host) throw new UsageError('--host: expected an address such as 127.0.0.1');
  const port = Number(flags.port ?? '8080');
  if (!/^\d{1,5}$/.test(flags.port ?? '8080') || port > 65535)
    throw new UsageError(`--port: expected a port number from 0 to 65535, got ${JSON.stringify(flags.port)}`);
  // An empty ARXIV_DIGEST_TOKEN is no token, not a token anyone can guess.
  const token = flags.token?.trim() || null;
  if (!token && !isLoopbackHost(host))
    throw new UsageError(
      `--host ${host}: serving beyond this machine needs an access token; set ARXIV_DIGEST_TOKEN (or --token) to a long random string, or keep the default --host 127.0.0.1`,
    );
  if (token && token.length < 16)
    io.stderr.write(
      `arxiv-digest: warning: the access token has ${token.length} characters; use at least 16 random ones\n`,
    );
  const settings = settingsFrom(io, globals);
  const store = openStore(settings.db);
  try {
    // Loaded here, not at the top: every other command starts without Hono.
    const { createApp } = await import('../../serve/app.js');
    const { startServer } = await import('../../serve/server.js');
    const app = createApp({
      store,
      language: settings.language,
      categoryOrder: settings.categories,
      preferredSummarizer: configuredSummarizer(settings),
      siteTitle: settings.publish.siteTitle,
      token,
    });
    const server = await startServer(app, { host, port }).catch((e: unknown) => {
      throw new AppError(`cannot listen on ${host}:${port}: ${errorMessage(e)}`, { cause: e });
    });
    io.stderr.write(`serve: ${server.url} (press Ctrl+C to stop)\n`);
    if (token)
      io.stderr.write(
        `serve: open ${server.url}/?token=… once in each browser (the token is then kept in a cookie); API clients send "Authorization: Bearer …"\n`,
      );
    const signal = await until();
    io.stderr.write(`serve: ${typeof signal === 'string' ? `${signal}, ` : ''}stopping\n`);
    await server.close();
    return 0;
  } finally {
    store.close();
  }
}
