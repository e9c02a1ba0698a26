/**
 * `arxiv-digest serve`: the local web app over the store (days, papers, search, favorites, the
 * JSON API) until Ctrl+C or SIGTERM, which close the server and then the store. Binding anything
 * but a loopback address needs an access token: refused otherwise (exit 2), since the store and
 * the reader's marks would be open to the network.
 *
 * `--workers N` (default: the cores, at most 4) answers in N processes (src/serve/cluster.ts);
 * `--workers 1` serves in this process alone.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import cluster from 'node:cluster';
import { configuredSummarizer, loadSettings, parseServeWorkers, type Settings } from '../../config/settings.js';
import { AppError, UsageError, errorMessage } from '../../errors.js';
import {
  SERVED_BY_ENV,
  isServeWorker,
  leaveCluster,
  serveCluster,
  withServedBy,
  workerStopRequest,
} from '../../serve/cluster.js';
import { MIN_TOKEN_LENGTH, isLoopbackHost } from '../../serve/security.js';
import type { RunningServer } from '../../serve/server.js';
import { openStore, type Store } from '../../store/store.js';
import { writeReaderState } from '../../run/reader-state.js';
import { createRankerFor } from '../../app/wiring.js';
import { rankingSettingsFrom, type GlobalOptions, type Io } from '../context.js';

export interface ServeFlags {
  host?: string;
  port?: string;
  token?: string;
  /** Print a new random access token and exit. */
  generateToken?: boolean;
  workers?: string;
  /** Profile quick flags: ranking of the day pages (see src/rank). */
  keywords?: string;
  exclude?: string;
  authors?: string;
}

const profileFlags = (flags: ServeFlags) => ({
  keywords: flags.keywords,
  exclude: flags.exclude,
  authors: flags.authors,
});

export interface ServeOptions {
  /**
   * The script the worker processes run (default: this process's own, process.argv[1]) and Node's
   * flags for them (default: this process's). Tests that call serveCommand in their own process
   * point it at the CLI entry.
   */
  workerExec?: string;
  workerExecArgv?: string[];
}

/** Without --workers or a setting: one process per core, up to 4 (SQLite, not the CPU, limits beyond). */
export const defaultWorkers = (): number => Math.min(availableParallelism(), 4);

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

interface Listen {
  host: string;
  port: number;
  token: string | null;
}

/** --host, --port and the token, checked (UsageError, exit 2, when wrong). */
function listenFlags(flags: ServeFlags): Listen {
  const host = (flags.host ?? '127.0.0.1').trim();
  if (!host) throw new UsageError('--host: expected an address such as 127.0.0.1');
  const port = Number(flags.port ?? '8080');
  if (!/^\d{1,5}$/.test(flags.port ?? '8080') || port > 65535)
    throw new UsageError(`--port: expected a port number from 0 to 65535, got ${JSON.stringify(flags.port)}`);
  // An empty ARXIV_DIGEST_TOKEN is no token, not a token anyone can guess.
  const token = flags.token?.trim() || null;
  if (!token && !isLoopbackHost(host))
    throw new UsageError(
      `--host ${host}: serving beyond this machine needs an access token; set ARXIV_DIGEST_TOKEN (or --token) to a long random string (arxiv-digest serve --generate-token prints one), or keep the default --host 127.0.0.1`,
    );
  if (token && token.length < MIN_TOKEN_LENGTH)
    throw new UsageError(
      `the access token (ARXIV_DIGEST_TOKEN or --token) has ${token.length} characters: use at least ${MIN_TOKEN_LENGTH} random ones; arxiv-digest serve --generate-token prints one`,
    );
  return { host, port, token };
}

/** The app over this store, listening; day pages ranked for the reader (profile, ratings). */
async function listen(
  settings: Settings,
  store: Store,
  { host, port, token }: Listen,
  log: (line: string) => void,
): Promise<RunningServer> {
  // Loaded here, not at the top: every other command starts without Hono.
  const { createApp } = await import('../../serve/app.js');
  const { startServer } = await import('../../serve/server.js');
  const { searchThreads } = await import('../../serve/search-pool.js');
  const ranker = await createRankerFor(settings, store, log);
  const preferredSummarizer = configuredSummarizer(settings);
  // Searches run in threads of their own, each within its time budget: a costly one never holds
  // up this process's other requests.
  const search = searchThreads({
    db: settings.db,
    view: { language: settings.language, preferredSummarizer },
    budgetMs: settings.searchTimeoutMs,
    log,
  });
  const app = createApp({
    store,
    ranker,
    language: settings.language,
    uiLanguage: settings.uiLanguage,
    categoryOrder: settings.categories,
    preferredSummarizer,
    siteTitle: settings.publish.siteTitle,
    token,
    search,
    // Kept beside the day files (when --out has any), so a lost store loses no mark.
    onReaderChange: () => {
      if (existsSync(settings.out)) writeReaderState(store, settings.out);
    },
  });
  const served = isServeWorker() && process.env[SERVED_BY_ENV] === '1' ? withServedBy(app) : app;
  const server = await startServer(served, { host, port, requestTimeoutMs: settings.requestTimeoutMs }).catch(
    async (e: unknown) => {
      await search.close();
      throw new AppError(`cannot listen on ${host}:${port}: ${errorMessage(e)}`, { cause: e });
    },
  );
  return {
    ...server,
    close: async () => {
      await server.close();
      await search.close();
    },
  };
}

function announce(io: Io, url: string, token: string | null): void {
  io.stderr.write(`serve: ${url} (press Ctrl+C to stop)\n`);
  if (token)
    io.stderr.write(
      `serve: open ${url}/?token=… once in each browser (the token is then kept in a cookie); API clients send "Authorization: Bearer …"\n`,
    );
}

const stoppingLine = (signal: unknown): string => `serve: ${typeof signal === 'string' ? `${signal}, ` : ''}stopping\n`;

export async function serveCommand(
  flags: ServeFlags,
  globals: GlobalOptions,
  io: Io,
  until: () => Promise<unknown> = stopSignal,
  options: ServeOptions = {},
): Promise<number> {
  if (isServeWorker()) return serveWorker(flags, globals);
  if (flags.generateToken) {
    // 24 random bytes: 32 URL-safe characters, 192 bits — no guessing at any rate a server allows.
    io.stdout.write(`${randomBytes(24).toString('base64url')}\n`);
    return 0;
  }
  const where = listenFlags(flags);
  const workerFlag = flags.workers === undefined ? null : parseServeWorkers(flags.workers, '--workers');
  const settings = await rankingSettingsFrom(io, globals, profileFlags(flags));
  // In another tool's cluster worker (pm2's cluster mode, say) there is no forking: one process.
  const workers = cluster.isWorker ? 1 : (workerFlag ?? settings.serveWorkers ?? defaultWorkers());
  if (workers > 1) return serveInWorkers(workers, settings, where, profileFlags(flags), io, until, options);

  const store = openStore(settings.db, { log: (l) => io.stderr.write(`${l}\n`) });
  try {
    const server = await listen(settings, store, where, (l) => io.stderr.write(`${l}\n`));
    announce(io, server.url, where.token);
    const signal = await until();
    io.stderr.write(stoppingLine(signal));
    await server.close();
    return 0;
  } finally {
    store.close();
  }
}

/** The primary of `--workers N`: the store is migrated here, once; the workers serve. */
async function serveInWorkers(
  workers: number,
  settings: Settings,
  { host, port, token }: Listen,
  rankFlags: ReturnType<typeof profileFlags>,
  io: Io,
  until: () => Promise<unknown>,
  options: ServeOptions,
): Promise<number> {
  openStore(settings.db, { log: (l) => io.stderr.write(`${l}\n`) }).close();
  const { hostInUrl } = await import('../../serve/server.js');
  const exec = options.workerExec ?? process.argv[1];
  if (!exec) throw new AppError('serve: cannot tell which script to start the worker processes with');
  const profile = Object.entries(rankFlags).flatMap(([k, v]) => (v === undefined ? [] : [`--${k}`, v]));
  const code = await serveCluster({
    workers,
    exec,
    execArgv: options.workerExecArgv ?? process.execArgv,
    // Resolved paths, so every worker reads the same store and settings as this process.
    args: [
      '--db',
      settings.db,
      ...(settings.configFile ? ['--config', settings.configFile] : []),
      'serve',
      '--host',
      host,
      '--port',
      String(port),
      ...profile,
    ],
    // The token goes by environment, never by argument: `ps` shows arguments to every user.
    env: { ARXIV_DIGEST_TOKEN: token ?? '' },
    until,
    log: (line) => io.stderr.write(`${line}\n`),
    ready: (actual) => announce(io, `http://${hostInUrl(host)}:${actual}`, token),
    stopping: (signal) => io.stderr.write(stoppingLine(signal)),
  });
  // Workers that close together may each find the other still open and leave the WAL file for
  // the last one; opened alone here, the store checkpoints it away and is one file again.
  openStore(settings.db).close();
  return code;
}

/**
 * A worker of `--workers N`: the same checks as the primary's, settings read without printing
 * their warnings again, its own store connection; serves until the primary says stop.
 */
async function serveWorker(flags: ServeFlags, globals: GlobalOptions): Promise<number> {
  const stop = workerStopRequest();
  try {
    const where = listenFlags(flags);
    const settings = loadSettings({
      flags: { config: globals.config, db: globals.db, ...profileFlags(flags) },
      profileParser: await import('../../rank/profile.js'),
    });
    const store = openStore(settings.db);
    // A primary that is gone (killed) ends its workers at once (Node's cluster calls process.exit):
    // the store is still closed, and its WAL checkpointed, on the way out.
    const closeOnExit = () => store.close();
    process.once('exit', closeOnExit);
    try {
      const server = await listen(settings, store, where, (l) => process.stderr.write(`${l}\n`));
      await stop;
      await server.close();
      return 0;
    } finally {
      process.off('exit', closeOnExit);
      store.close();
    }
  } finally {
    leaveCluster();
  }
}
