/**
 * Publishing under faults, as real processes: `run` killed with SIGKILL while it writes the site
 * (every link of the index still opens; the next run leaves no temp file), a full disk under
 * --out (one line naming the file; the later steps still run), and a full disk under the store
 * (one line, no stack trace, nothing half-stored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { ai, jsonl, refLine, testDir } from '../support/fixtures.js';
import { startChatStandIn } from '../support/chat-standins.js';
import { cli, cliAsync, cliRun } from '../support/cli.js';
import { generateReferenceHistory } from '../support/reference-history.js';

/** Every file under a folder, relative. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('run killed while publishing', () => {
  it('should leave a site whose every link opens, and no temp file after the next run', async () => {
    const root = testDir();
    generateReferenceHistory(root, { start: '2026-03-02', days: 20, papersPerDay: 60, warts: false });
    const cwd = testDir();
    expect(cli(['import', root], { cwd }).code).toBe(0);
    const args = ['run', '--no-fetch', '--no-summarize', '--no-deliver', '--out', 'out'];
    expect((await cliRun(args, { cwd })).code).toBe(0);
    const site = join(cwd, 'out', 'site');
    let killedMidway = 0;
    for (const [i, delayMs] of [120, 250, 400, 550].entries()) {
      // A new title each time: every page changes, so the killed run is rewriting the whole site.
      const child = cliAsync(args, { cwd, env: { SITE_TITLE: `Digest ${i}` } });
      const exited = new Promise((r) => child.on('exit', r));
      let done = false;
      void exited.then(() => (done = true));
      await new Promise((r) => setTimeout(r, delayMs));
      if (!done) killedMidway++;
      child.kill('SIGKILL');
      await exited;
      const index = readFileSync(join(site, 'index.html'), 'utf8');
      const links = [...index.matchAll(/href="(days\/[^"#]+)"/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(5);
      for (const l of links) expect(existsSync(join(site, l)), `${l} after a kill at ${delayMs} ms`).toBe(true);
    }
    expect(killedMidway).toBeGreaterThan(0);
    expect((await cliRun(args, { cwd })).code).toBe(0);
    expect(walk(join(cwd, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

/** A tiny file system of its own (tmpfs); null where this machine does not allow mounting. */
function tinyDisk(kib: number): string | null {
  const dir = join(testDir(), 'disk');
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  onTestFinished(() => void spawnSync('umount', ['-l', dir]));
  return dir;
}

const bigDay = (n: number) =>
  jsonl(
    Array.from({ length: n }, (_, i) =>
      refLine({
        id: `2401.${String(10001 + i)}`,
        AI: ai(`${i} `.repeat(200)),
        summary: 'A long abstract. '.repeat(60),
      }),
    ),
  );

describe('a full disk', () => {
  let canMount = false;
  beforeAll(() => {
    const probe = mkdtempSync(join(tmpdir(), 'arxiv-digest-mount-'));
    canMount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
    if (canMount) spawnSync('umount', [probe]);
    rmSync(probe, { recursive: true, force: true });
  });

  it('under --out: one line naming the file, and the later steps (delivery) still run', async (ctx) => {
    if (!canMount) ctx.skip();
    const disk = tinyDisk(256)!;
    const cwd = testDir({ '2026-01-05_AI_enhanced_English.jsonl': bigDay(150) });
    expect(cli(['import', '2026-01-05_AI_enhanced_English.jsonl'], { cwd }).code).toBe(0);
    const chat = await startChatStandIn();
    onTestFinished(() => chat.close());
    const r = await cliRun(['run', '--no-fetch', '--no-summarize', '--lang', 'English', '--out', disk], {
      cwd,
      env: { SLACK_WEBHOOK_URL: chat.slackWebhookUrl },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^run: publish: cannot write ${disk}/\\S+: the disk is full \\(ENOSPC\\)$`, 'm'),
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('deliveries 1 sent, 0 already sent, 0 failed');
    expect(chat.receivedBy('slack').length).toBeGreaterThan(0);
  });

  it('under the store: one line, no stack trace, nothing half-stored', async (ctx) => {
    if (!canMount) ctx.skip();
    const disk = tinyDisk(1024)!;
    const cwd = testDir({ '2026-01-05_AI_enhanced_English.jsonl': bigDay(400) });
    const r = await cliRun(['--db', join(disk, 'store.db'), 'import', '2026-01-05_AI_enhanced_English.jsonl'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^arxiv-digest: the store cannot be written: the disk is full \(SQLITE_FULL\); what was being written is not kept$/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const store = openStore(join(disk, 'store.db'), { readonly: true });
    expect(store.stats().papers).toBe(0);
    store.close();
  });
});
