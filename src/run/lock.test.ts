import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../test-support/fixtures.js';
import { LockHeldError, acquireLock } from './lock.js';

describe('acquireLock', () => {
  it('should let one run in and tell the second who holds the lock', () => {
    const path = join(testDir(), 'arxiv-digest.lock');
    const a = acquireLock(path, { command: 'run', pid: 111, host: 'h', isAlive: () => true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: 111, host: 'h', command: 'run' });
    expect(() => acquireLock(path, { command: 'run', pid: 222, host: 'h', isAlive: () => true })).toThrow(
      LockHeldError,
    );
    expect(() => acquireLock(path, { command: 'run', pid: 222, host: 'h', isAlive: () => true })).toThrow(
      /another run holds .*: run \(pid 111 on h, since /,
    );
    a.release();
    expect(existsSync(path)).toBe(false);
  });

  it('should take over a stale lock from a dead process, and say so', () => {
    const path = join(testDir(), 'arxiv-digest.lock');
    writeFileSync(path, JSON.stringify({ pid: 999999, host: 'h', command: 'run', startedAt: '2026-01-01T00:00:00Z' }));
    const b = acquireLock(path, { command: 'run', pid: 5, host: 'h', isAlive: () => false });
    expect(b.tookOver).toMatchObject({ pid: 999999 });
    b.release();
  });

  it('should not take over a lock from another host', () => {
    const path = join(testDir(), 'arxiv-digest.lock');
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'elsewhere', command: 'run', startedAt: 'x' }));
    expect(() => acquireLock(path, { command: 'run', pid: 5, host: 'h', isAlive: () => false })).toThrow(
      /remove the file if that host is gone/,
    );
  });

  it('should use the real process table by default', () => {
    const path = join(testDir(), 'arxiv-digest.lock');
    const held = acquireLock(path, { command: 'run' });
    expect(() => acquireLock(path, { command: 'run' })).toThrow(LockHeldError); // this very process is alive
    held.release();
  });
});
