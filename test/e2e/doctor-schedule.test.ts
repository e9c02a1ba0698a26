/** `doctor` and `schedule --dry-run` as real processes. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testDir } from '../support/fixtures.js';
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
    expect(r.stdout).toMatch(/^✓ store: .*schema \d+, integrity ok, 0 papers/m);
    expect(r.stdout).toMatch(/^✓ arXiv API: http:\/\/127\.0\.0\.1:\d+\/ answers$/m);
    expect(r.stdout).toMatch(/^· OPENAI_API_KEY: set$/m);
    expect(r.stdout).toMatch(/^✓ LLM provider: .* answers; model deepseek-chat listed$/m);
    // One tiny summary request, as a run would send it: which structured-output mode it takes.
    expect(r.stdout).toMatch(/^✓ LLM summary: deepseek-chat summarizes; takes json_schema \(1 request, \d+ tokens\)$/m);
    expect(r.stdout).toMatch(
      /^✗ Slack webhook: set; http:\/\/127\.0\.0\.1:\d+\/: 127\.0\.0\.1:\d+ refused the connection: nothing listens there \(ECONNREFUSED\)$/m,
    );
    expect(r.stdout + r.stderr).not.toContain('sk-secret-value');
    expect(r.stdout + r.stderr).not.toContain('very-secret');
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^doctor: \d+ ok, 1 failed, 0 warnings, \d+ informational$/);
  });

  it('should report a missing ARXIV_CONTACT as a warning, not a failure', async () => {
    const arxiv = await startArxivStandIn(sampleWorld());
    onTestFinished(() => arxiv.close());
    const env = {
      ARXIV_RSS_URL: arxiv.urls.rss,
      ARXIV_API_URL: arxiv.urls.api,
      ARXIV_OAI_URL: arxiv.urls.oai,
      ARXIV_LISTING_URL: arxiv.urls.listing,
    };
    const r = await cliRun(['doctor'], { cwd: testDir(), env });
    expect(r.stdout).toMatch(/^! ARXIV_CONTACT: not set: arXiv asks clients to identify themselves/m);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^doctor: \d+ ok, 0 failed, 1 warning, \d+ informational$/);
    expect(r.code).toBe(0);
  });

  it('should check the ranking profile and read every library export, naming a broken one by line', async () => {
    const cwd = testDir({
      'arxiv-digest.config.json': JSON.stringify({
        profile: { keywords: ['diffusion:2', 'video'], authors: ['Jane Doe'], library: ['lib.bib', 'broken.ris'] },
      }),
      'lib.bib': '@article{a, title = {Diffusion models}, author = {Doe, Jane}, eprint = {2401.01234}}\n',
      'broken.ris': 'TY  - JOUR\nTI  - Unfinished entry\n',
    });
    const r = await cliRun(['doctor'], {
      cwd,
      env: {
        ARXIV_API_URL: 'http://127.0.0.1:9/',
        ARXIV_RSS_URL: 'http://127.0.0.1:9/',
        ARXIV_OAI_URL: 'http://127.0.0.1:9/',
        ARXIV_LISTING_URL: 'http://127.0.0.1:9/',
      },
    });
    expect(r.stdout).toMatch(
      /^· ranking: profile from .*arxiv-digest\.config\.json: 2 keywords, 0 excluded, 1 authors, 0 category weights, 0 examples; ratings: 0 favorites or 👍, 0 👎/m,
    );
    expect(r.stdout).toMatch(/^✓ library: .*lib\.bib: bibtex, 1 entries$/m);
    expect(r.stdout).toMatch(/^✗ library: .*broken\.ris:\d+: /m);
    const bad = testDir({ 'arxiv-digest.config.json': JSON.stringify({ profile: { keywords: ['x:-3'] } }) });
    const b = await cliRun(['doctor'], { cwd: bad });
    expect(b.code).toBe(1);
    expect(b.stdout).toMatch(/^✗ settings: invalid settings/m);
    expect(b.stdout).toContain('arxiv-digest.config.json: profile.keywords[0]: weight of "x" must be a number');
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
