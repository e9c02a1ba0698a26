/**
 * A lock file in the data folder so two runs never overlap. The second run is told who holds
 * it; a lock left by a process that no longer exists (on this host) is taken over.
 *
 * Race-free without file locking (Node has none):
 * - A lock file is never seen half-written: its content is written to a private temporary file
 *   first, which is then hard-linked to the lock's name — link() creates the name atomically and
 *   fails when it exists, so exactly one of several runs wins.
 * - A stale lock is removed only by the one taker that created its *guard*: a file named after
 *   the stale content (`LOCK.<hash>`), created the same way. The taker re-reads the lock under
 *   the guard and removes it only if it still is that stale content — only a guard holder removes
 *   a lock of that content, and a new lock is created only where there is none, so the lock
 *   cannot change between that check and the removal. Two takers can therefore never remove each
 *   other's fresh lock. A guard left by a taker that died is stale in turn and taken over the
 *   same way.
 * - An empty or unreadable lock file younger than a few seconds is one being written (by an
 *   older release, which wrote after creating) and counts as held; an old one is stale.
 */
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { processAlive } from '../core/process-alive.js';
import { AppError } from '../errors.js';

export interface LockInfo {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
  /** Random, so two locks (or guards) of the same process are told apart. */
  nonce?: string;
}

export class LockHeldError extends AppError {
  override name = 'LockHeldError';
}

export interface LockOptions {
  command: string;
  now?: () => Date;
  pid?: number;
  host?: string;
  /** Whether a pid is alive on this host (injected in tests). */
  isAlive?: (pid: number) => boolean;
}

/** A lock file that cannot be read as a lock is being written when younger than this; else stale. */
export const UNREADABLE_GRACE_MS = 10_000;
/** Takeovers in a row before giving up (each means another process changed the lock meanwhile). */
const ATTEMPTS = 8;

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** The file's text, or null when it is gone. */
function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw new AppError(`cannot read the lock file ${path}: ${(e as Error).message}`, { cause: e });
  }
}

function parse(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo> | null;
    return v && typeof v.pid === 'number' && typeof v.host === 'string' ? (v as LockInfo) : null;
  } catch {
    return null;
  }
}

/** What a file found at a lock's (or a guard's) name means. */
type Judgement = { state: 'held'; info: LockInfo | null } | { state: 'stale'; info: LockInfo | null };

interface Ctx {
  me: LockInfo;
  isAlive: (pid: number) => boolean;
  /** My content, already in a private file, to be linked to a name. */
  mine: string;
  now: number;
}

function judge(path: string, text: string, ctx: Ctx): Judgement {
  const info = parse(text);
  if (!info) {
    let age = Infinity;
    try {
      age = ctx.now - statSync(path).mtimeMs;
    } catch {
      // gone meanwhile: the caller finds out when it looks again
    }
    return { state: age < UNREADABLE_GRACE_MS ? 'held' : 'stale', info: null };
  }
  return { state: info.host === ctx.me.host && !ctx.isAlive(info.pid) ? 'stale' : 'held', info };
}

/** Creates `path` with my content; false when it exists. */
function linkMine(path: string, ctx: Ctx): boolean {
  try {
    linkSync(ctx.mine, path);
    return true;
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    throw new AppError(`cannot create the lock file ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** Waits without an event loop: acquiring is synchronous, and a takeover takes microseconds. */
const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const guardOf = (path: string, text: string): string =>
  `${path}.${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;

/**
 * Removes `path` if it still holds `stale` (judged stale by the caller); true when it is gone
 * (by us or anyone), false when another live taker is at it. See the header for why it is safe.
 */
function removeStale(path: string, stale: string, ctx: Ctx, depth = 0): boolean {
  const guard = guardOf(path, stale);
  for (let attempt = 0; !linkMine(guard, ctx); attempt++) {
    const text = readText(guard);
    if (text === null) continue; // its taker just finished: try again
    if (attempt >= ATTEMPTS || depth >= ATTEMPTS || judge(guard, text, ctx).state === 'held') return false;
    removeStale(guard, text, ctx, depth + 1);
  }
  try {
    if (readText(path) === stale) rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/** Takes the lock or throws LockHeldError; returns a release function and whether a stale lock was taken over. */
export function acquireLock(path: string, opts: LockOptions): { release: () => void; tookOver: LockInfo | null } {
  const me: LockInfo = {
    pid: opts.pid ?? process.pid,
    host: opts.host ?? hostname(),
    command: opts.command,
    startedAt: (opts.now ?? (() => new Date()))().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
  const content = `${JSON.stringify(me)}\n`;
  mkdirSync(dirname(path), { recursive: true });
  const mine = `${path}.${me.pid}.${me.nonce}.tmp`;
  try {
    writeFileSync(mine, content, { flag: 'wx' });
  } catch (e) {
    throw new AppError(`cannot create the lock file ${path}: ${(e as Error).message}`, { cause: e });
  }
  const ctx: Ctx = { me, isAlive: opts.isAlive ?? processAlive, mine, now: Date.now() };
  let tookOver: LockInfo | null = null;
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (linkMine(path, ctx)) {
        const release = () => {
          // Only our own lock: a lock taken over from us (we were thought dead) is not ours to remove.
          try {
            if (readText(path) === content) rmSync(path, { force: true });
          } catch {
            // unreadable now: left for the next run to judge
          }
        };
        return { tookOver, release };
      }
      const text = readText(path);
      if (text === null) continue; // released meanwhile
      ctx.now = Date.now();
      const held = judge(path, text, ctx);
      if (held.state === 'held') throw heldError(path, held.info, me);
      if (removeStale(path, text, ctx)) tookOver = held.info ?? { pid: 0, host: '?', command: '?', startedAt: '?' };
      else pause(20); // another taker is at it: its lock (or its release) is there in a moment
    }
    throw new LockHeldError(`another run took ${path} while this one was taking over a stale lock`);
  } finally {
    rmSync(mine, { force: true });
  }
}

function heldError(path: string, held: LockInfo | null, me: LockInfo): LockHeldError {
  if (!held)
    return new LockHeldError(`another run is creating ${path} (it has no content yet); try again in a few seconds`);
  return new LockHeldError(
    `another run holds ${path}: ${held.command} (pid ${held.pid} on ${held.host}, since ${held.startedAt}); ` +
      `it must finish first${held.host === me.host ? '' : ' (or remove the file if that host is gone)'}`,
  );
}
