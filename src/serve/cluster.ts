/**
 * `serve --workers N` (N > 1): the same app in N processes behind one listening socket, so a slow
 * request (a search over a large history) does not hold up the others. better-sqlite3 is
 * synchronous, so one process answers one request at a time; SQLite in WAL mode lets several
 * processes read at once, and its busy timeout makes their writes (favorites, ratings) wait for
 * each other instead of failing.
 *
 * The primary runs no app: it forks the workers with node:cluster (they share its socket, port 0
 * included: every worker gets the same free port), prints the URL once, replaces a worker that
 * dies — but gives up, exit 1, when workers keep dying within a second of starting — and on
 * SIGINT or SIGTERM asks each worker to close its server and its store, then exits 0.
 *
 * A worker runs the same CLI entry with `serve --host H --port P` and the access token in its
 * environment (never in its arguments, which `ps` shows to every user): it parses and checks them
 * like the primary did and serves until the primary asks it to stop or goes away. Signals are the
 * primary's to act on: Ctrl+C reaches the whole process group, and a worker that stopped on it
 * by itself would look like a crash.
 */
import cluster, { type Worker } from 'node:cluster';
import { AppError } from '../errors.js';

/** Set in the environment of the workers this module forks. */
export const WORKER_ENV = 'ARXIV_DIGEST_SERVE_WORKER';
/**
 * Test-only: a worker started with this set to 1 names its process id in an `X-Served-By`
 * response header, so a test can tell which worker answered.
 */
export const SERVED_BY_ENV = 'ARXIV_DIGEST_SERVE_TEST_SERVED_BY';

const STOP = 'arxiv-digest:serve:stop';
/** A worker that exits sooner than this after its fork "died at start". */
export const QUICK_EXIT_MS = 1000;
/** Workers dying at start this many times in a row: the primary gives up. */
export const MAX_QUICK_EXITS = 5;
/** How long a stopping worker may take to close before it is killed. */
const STOP_GRACE_MS = 10_000;

/** True in a worker process forked by serveCluster (not in any other cluster's worker). */
export const isServeWorker = (): boolean => cluster.isWorker && process.env[WORKER_ENV] === '1';

/**
 * In a worker: resolves when the primary asks it to stop. From the first call on, SIGINT and
 * SIGTERM no longer stop the process. (A primary that goes away without asking — killed — takes
 * its workers with it: Node's cluster exits a worker whose channel to the primary closes.)
 */
export function workerStopRequest(): Promise<void> {
  const ignore = () => {};
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== STOP) return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
  });
}

/** In a worker, at the end: closes the channel to the primary, which would keep the process alive. */
export function leaveCluster(): void {
  if (process.connected) cluster.worker?.disconnect();
}

/** Test-only (see SERVED_BY_ENV): the app's answers with an `X-Served-By: <pid>` header. */
export function withServedBy<A extends { fetch: (...args: never[]) => Response | Promise<Response> }>(
  app: A,
): Pick<A, 'fetch'> {
  const fetch = async (...args: Parameters<A['fetch']>) => {
    const res = await app.fetch(...args);
    const headers = new Headers(res.headers);
    headers.set('X-Served-By', String(process.pid));
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
  return { fetch } as Pick<A, 'fetch'>;
}

export interface ClusterPlan {
  workers: number;
  /** The script each worker runs, its arguments and Node's own flags. */
  exec: string;
  args: string[];
  execArgv: string[];
  /** Added to each worker's environment. */
  env: Record<string, string>;
  /** Resolves (with the signal's name, say) when the server should stop; called once, at the start. */
  until: () => Promise<unknown>;
  /** One line to stderr. */
  log(line: string): void;
  /** Once, when the first workers all listen: the port they share. */
  ready(port: number): void;
  /** Once, before the workers are asked to stop, with what `until` resolved to. */
  stopping(reason: unknown): void;
}

interface Running {
  worker: Worker;
  startedAt: number;
  listening: boolean;
}

const ended = (code: number | null, signal: string | null): string =>
  signal ? `was killed by ${signal}` : `exited with code ${code}`;

/** Runs the primary until `until` resolves (0) or the workers cannot be kept running (throws). */
export async function serveCluster(plan: ClusterPlan): Promise<number> {
  cluster.setupPrimary({ exec: plan.exec, args: plan.args, execArgv: plan.execArgv });
  const env = { ...plan.env, [WORKER_ENV]: '1' };
  const running = new Map<number, Running>();
  let stopping = false;
  let port: number | null = null;
  let quickExits = 0;
  let fail!: (e: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  let firstListening!: () => void;
  const first = new Promise<null>((resolve) => (firstListening = () => resolve(null)));
  let allListening!: () => void;
  const all = new Promise<null>((resolve) => (allListening = () => resolve(null)));
  let allExited: () => void = () => {};

  const start = (): void => {
    const worker = cluster.fork(env);
    const run: Running = { worker, startedAt: Date.now(), listening: false };
    running.set(worker.id, run);
    worker.on('listening', (address: { port: number }) => {
      run.listening = true;
      if (port === null) {
        port = address.port;
        firstListening();
      } else if (address.port !== port) {
        // Only with --port 0, after every worker had died: the replacements got a new free port.
        port = address.port;
        plan.log(`serve: now listening on port ${port}`);
      }
      if ([...running.values()].filter((r) => r.listening).length === plan.workers) allListening();
    });
    // A failed IPC send (to a worker that just died): its 'exit' follows, which is handled below.
    worker.on('error', () => {});
    worker.on('exit', (code: number | null, signal: string | null) => {
      running.delete(worker.id);
      if (stopping) {
        if (running.size === 0) allExited();
        return;
      }
      const pid = worker.process.pid;
      if (port === null) {
        fail(new AppError(`serve: worker process ${pid} ${ended(code, signal)} before it could listen`));
        return;
      }
      quickExits = Date.now() - run.startedAt < QUICK_EXIT_MS ? quickExits + 1 : 0;
      if (quickExits >= MAX_QUICK_EXITS) {
        fail(
          new AppError(
            `serve: worker processes keep exiting within ${QUICK_EXIT_MS / 1000} s of starting (${quickExits} in a row, the last one ${ended(code, signal)}); giving up`,
          ),
        );
        return;
      }
      plan.log(`serve: worker process ${pid} ${ended(code, signal)}; starting another`);
      start();
    });
  };

  const stopAll = async (): Promise<void> => {
    stopping = true;
    if (running.size === 0) return;
    const exited = new Promise<void>((resolve) => (allExited = resolve));
    for (const { worker, listening } of running.values()) {
      // A worker still starting up may not hear the request yet; it has served nothing.
      if (listening && worker.isConnected()) worker.send({ type: STOP });
      else worker.process.kill('SIGKILL');
    }
    const timer = setTimeout(() => {
      for (const { worker } of running.values()) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const stop = plan.until().then((reason) => ({ reason }));
  try {
    // One worker first: a port that is taken or a store that cannot be opened is reported once.
    start();
    if ((await Promise.race([stop, failed, first])) === null) {
      for (let i = 1; i < plan.workers; i++) start();
      if ((await Promise.race([stop, failed, all])) === null) plan.ready(port!);
    }
    const { reason } = await Promise.race([stop, failed]);
    plan.stopping(reason);
    return 0;
  } finally {
    await stopAll();
  }
}
