/**
 * `arxiv-digest serve` refusals, in process (they happen before anything listens): beyond
 * loopback without a token is exit 2, like a bad port. The running server is tested in
 * test/browser/serve.test.ts.
 */
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main.js';
import { testDir } from '../test-support/fixtures.js';

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const sink = (write: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer, _enc, done) {
        write(String(chunk));
        done();
      },
    }) as unknown as NodeJS.WriteStream;
  const db = join(testDir(), 'store.db');
  return main(['node', 'arxiv-digest', '--db', db, 'serve', ...args], {
    stdout: sink(() => {}),
    stderr: sink((s) => (stderr += s)),
  }).then((code) => ({ code, stderr }));
}

describe('serve command', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('should refuse to bind beyond loopback without an access token (exit 2)', async () => {
    vi.stubEnv('ARXIV_DIGEST_TOKEN', '');
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      const r = await run(['--host', host, '--port', '0']);
      expect([host, r.code]).toEqual([host, 2]);
      expect(r.stderr).toContain(`--host ${host}: serving beyond this machine needs an access token`);
    }
  });

  it('should refuse a port that is not a port (exit 2)', async () => {
    for (const port of ['http', '-1', '65536', '80.5']) {
      const r = await run(['--port', port]);
      expect([port, r.code]).toEqual([port, 2]);
      expect(r.stderr).toContain('--port: expected a port number from 0 to 65535');
    }
  });
});
