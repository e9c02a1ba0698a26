/**
 * A lock file in the data folder so two runs never overlap. The second run is told who holds
 * it; a lock left by a process that no longer exists (on this host) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { AppError } from '../errors.js';

export interface LockInfo {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
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

const defaultIsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock or throws LockHeldError; returns a release function and whether a stale lock was taken over. */
export function acquireLock(path: string, opts: LockOptions): { release: () => void; tookOver: LockInfo | null } {
  const me: LockInfo = {
    pid: opts.pid ?? process.pid,
    host: opts.host ?? hostname(),
    command: opts.command,
    startedAt: (opts.now ?? (() => new Date()))().toISOString(),
  };
  const isAlive = opts.isAlive ?? defaultIsAlive;
  let tookOver: LockInfo | null = null;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' creates atomically and fails if the file exists: two runs cannot both win.
      const fd = openSync(path, 'wx');
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      return {
        tookOver,
        release: () => {
          try {
            const held = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
            if (held.pid === me.pid && held.host === me.host) rmSync(path, { force: true });
          } catch {
            // already gone
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new AppError(`cannot create the lock file ${path}: ${(e as Error).message}`, { cause: e });
    }
    let held: LockInfo | null = null;
    try {
      held = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    } catch {
      held = null; // unreadable: a crash while writing it; treat as stale
    }
    const stale = !held || (held.host === me.host && !isAlive(held.pid));
    if (!stale) {
      throw new LockHeldError(
        `another run holds ${path}: ${held!.command} (pid ${held!.pid} on ${held!.host}, since ${held!.startedAt}); ` +
          `it must finish first${held!.host === me.host ? '' : ' (or remove the file if that host is gone)'}`,
      );
    }
    tookOver = held ?? { pid: 0, host: '?', command: '?', startedAt: '?' };
    rmSync(path, { force: true });
  }
  throw new LockHeldError(`another run took ${path} while this one was taking over a stale lock`);
}
