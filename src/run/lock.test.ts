import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testDir } from '../../test/support/fixtures.js';
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

describe('acquireLock takeover races', () => {
  const stale = { pid: 999999, host: 'h', command: 'run', startedAt: '2026-01-01T00:00:00Z' };

  it('should not remove the fresh lock of a taker that got there first', () => {
    const path = join(testDir(), 'arxiv-digest.lock');
    writeFileSync(path, JSON.stringify(stale));
    let b: ReturnType<typeof acquireLock> | null = null;
    // A judges the lock stale; before it removes it, B takes it over (the old code's race: A then
    // removed B's fresh lock and both ran).
    const alive = (pid: number) => {
      if (pid === 999999 && !b)
        b = acquireLock(path, { command: 'run B', pid: 2, host: 'h', isAlive: (p) => p !== 999999 });
      return pid !== 999999;
    };
    expect(() => acquireLock(path, { command: 'run A', pid: 1, host: 'h', isAlive: alive })).toThrow(
      /another run holds .*: run B \(pid 2 on h/,
    );
    expect(b!.tookOver).toMatchObject({ pid: 999999 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: 2, command: 'run B' });
    b!.release();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dirname(path))).toEqual([]); // no guard or temporary file left
  });

  it('should count an empty lock file being written as held, and an old one as stale', () => {
    const path = join(testDir(), 'arxiv-digest.lock');
    writeFileSync(path, '');
    expect(() => acquireLock(path, { command: 'run', pid: 5, host: 'h', isAlive: () => false })).toThrow(
      /another run is creating .*arxiv-digest\.lock/,
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    const taken = acquireLock(path, { command: 'run', pid: 5, host: 'h', isAlive: () => false });
    expect(taken.tookOver).toMatchObject({ pid: 0 });
    taken.release();
  });

  it('should take over a guard left by a taker that died midway', () => {
    const path = join(testDir(), 'arxiv-digest.lock');
    const text = JSON.stringify(stale);
    writeFileSync(path, text);
    const guard = `${path}.${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    writeFileSync(guard, JSON.stringify({ pid: 999998, host: 'h', command: 'run', startedAt: 'x' }));
    const taken = acquireLock(path, { command: 'run', pid: 5, host: 'h', isAlive: (p) => p < 999990 });
    expect(taken.tookOver).toMatchObject({ pid: 999999 });
    expect(existsSync(guard)).toBe(false);
    taken.release();
  });

  it('should never let two of 6 real processes taking over a stale lock at the same moment hold it together', async () => {
    const dir = testDir();
    const path = join(dir, 'arxiv-digest.lock');
    // A pid that is certainly dead: a process that has exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(path, JSON.stringify({ ...stale, pid: dead, host: hostname() }));
    const lockModule = pathToFileURL(fileURLToPath(new URL('../../dist/run/lock.js', import.meta.url))).href;
    const start = Date.now() + 2500;
    // Each waits for the same instant, tries, and holds the lock for a moment when it gets it.
    const script = `
      const { acquireLock } = await import(${JSON.stringify(lockModule)});
      while (Date.now() < ${start}) {}
      try {
        const l = acquireLock(${JSON.stringify(path)}, { command: 'racer' });
        const t = Date.now(); while (Date.now() - t < 400) {}
        const end = Date.now();
        l.release();
        console.log(JSON.stringify({ from: t, to: end, tookOver: l.tookOver !== null }));
      } catch (e) { console.log(JSON.stringify({ refused: e.name })); }`;
    const outs = await Promise.all(
      Array.from(
        { length: 6 },
        () =>
          new Promise<string>((resolve) => {
            const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' });
            let out = '';
            child.stdout.on('data', (d: Buffer) => (out += String(d)));
            child.stderr.on('data', (d: Buffer) => (out += String(d)));
            child.on('close', () => resolve(out.trim()));
          }),
      ),
    );
    const results = outs.map(
      (o) => JSON.parse(o) as { from?: number; to?: number; tookOver?: boolean; refused?: string },
    );
    const held = results.filter((r) => r.from !== undefined).sort((x, y) => x.from! - y.from!);
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(held.filter((r) => r.tookOver).length).toBeLessThanOrEqual(1); // the stale lock was taken over once at most
    for (let i = 1; i < held.length; i++) expect(held[i]!.from).toBeGreaterThanOrEqual(held[i - 1]!.to!);
    expect(results.filter((r) => r.refused).every((r) => r.refused === 'LockHeldError')).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 20_000);
});
