/** `doctor` and `schedule --dry-run` as real processes. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testDir } from '../../src/test-support/fixtures.js';
import { startArxivStandIn, sampleWorld } from '../support/arxiv-standin.js';
import { cli, cliRun } from '../support/cli.js';
import { startOpenAiStandIn } from '../support/openai-standin.js';

describe('arxiv-digest doctor', () => {
  it('should check the store, each endpoint and the key, and never print a secret', async () => {
    const arxiv = await startArxivStandIn(sampleWorld());
    onTestFinished(() => arxiv.close());
    const llm = await startOpenAiStandIn({ apiKey: 'sk-secret-value' });
    onTestFinished(() => llm.close());
    // A port that was free a moment ago: nothing answers there.
    const closed = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const env = {
      ARXIV_RSS_URL: arxiv.urls.rss,
      ARXIV_API_URL: arxiv.urls.api,
      ARXIV_OAI_URL: arxiv.urls.oai,
      ARXIV_LISTING_URL: arxiv.urls.listing,
      ARXIV_CONTACT: 'tests@example.org',
      OPENAI_API_KEY: 'sk-secret-value',
      OPENAI_BASE_URL: llm.url,
      SLACK_WEBHOOK_URL: `http://127.0.0.1:${closed}/services/T000/B000/very-secret`,
    };
    const r = await cliRun(['doctor'], { cwd: testDir(), env });
    expect(r.stdout).toMatch(/^✓ settings: no config file; categories cs\.CV, cs\.CL; language Chinese$/m);
    expect(r.stdout).toMatch(/^✓ store: .*schema 7, integrity ok, 0 papers/m);
    expect(r.stdout).toMatch(/^✓ arXiv API: http:\/\/127\.0\.0\.1:\d+\/ answers$/m);
    expect(r.stdout).toMatch(/^· OPENAI_API_KEY: set$/m);
    expect(r.stdout).toMatch(/^✓ LLM provider: .* answers; model deepseek-chat listed$/m);
    expect(r.stdout).toMatch(/^✗ Slack webhook: set; http:\/\/127\.0\.0\.1:\d+\/: ECONNREFUSED$/m);
    expect(r.stdout + r.stderr).not.toContain('sk-secret-value');
    expect(r.stdout + r.stderr).not.toContain('very-secret');
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^doctor: \d+ ok, 1 failed, \d+ informational$/);
  });
});

describe('arxiv-digest schedule', () => {
  it('should list the coming runs after each announcement plus the margin', () => {
    const r = cli(['schedule', '--dry-run', '--count', '3', '--margin-minutes', '45'], { cwd: testDir() });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines)
      expect(l).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:45:00\.000Z {2}\((Sun|Mon|Tue|Wed|Thu), .* 08:45 PM (EST|EDT)\)$/);
  });
});
