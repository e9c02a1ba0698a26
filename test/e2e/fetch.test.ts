/** `fetch` and `backfill` as real processes against the loopback arXiv stand-in. */
import { describe, expect, it, onTestFinished } from 'vitest';
import { testDir } from '../support/fixtures.js';
import { cliRun } from '../support/cli.js';
import { standInEnv, startArxivStandIn, type StandInWorld } from '../support/arxiv-standin.js';
import { generateDay } from '../support/arxiv-world.js';

const DAY = '2026-09-23';

async function setup(world: StandInWorld) {
  const arxiv = await startArxivStandIn(world, { oaiPageSize: 5 });
  onTestFinished(() => arxiv.close());
  const env: Record<string, string> = { CATEGORIES: 'cs.AR,cs.DC,cs.LG', ...standInEnv(arxiv) };
  return { arxiv, cwd: testDir(), env };
}

describe('arxiv-digest fetch', () => {
  it('should fetch the latest day politely, say so when run again, and render it', async () => {
    const day = generateDay(DAY, 16, 1);
    const { arxiv, cwd, env } = await setup(day.world);
    const r = await cliRun(['fetch'], { cwd, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'fetch 2026-09-23 (announcement feed): 12 papers in cs.AR, cs.DC, cs.LG; papers 12 new; listings 17 new; ' +
        'not included: 4 cross-lists from other categories (--include cross), 1 replacement (--include replace); 2 requests; nothing missing\n',
    );
    expect(arxiv.requests[0]!.headers['user-agent']).toMatch(
      /^arxiv-digest\/\d+\.\d+\.\d+ \(daily arXiv digest; mailto:tests@example\.org\)$/,
    );

    const again = await cliRun(['fetch'], { cwd, env });
    expect([again.code, again.stdout]).toEqual([0, 'fetch: no new announcement since 2026-09-23 (already stored)\n']);

    const md = await cliRun(['render', '--date', DAY, '--lang', 'English'], { cwd, env });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('- [cs.LG](#cs.LG) [Total: 6]');
    expect(md.stdout).toContain('Summary status: pending — not summarized in English yet');
  });

  it('should exit 1 and list the papers whose metadata is missing, and warn without ARXIV_CONTACT', async () => {
    const { arxiv, cwd, env } = await setup(generateDay(DAY, 8).world);
    arxiv.faults.add('/api/query', { type: 'error400', message: 'incorrect id format' });
    const { ARXIV_CONTACT: _c, ...noContact } = env;
    const r = await cliRun(['fetch'], { cwd, env: noContact });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('arxiv-digest: warning: ARXIV_CONTACT is not set');
    expect(r.stderr).toMatch(
      /fetch: 2609\.10001 \(2026-09-23\): metadata missing: arXiv API error: incorrect id format\n/,
    );
    expect(r.stdout).toMatch(/; 6 papers missing metadata\n$/);
    const next = await cliRun(['fetch'], { cwd, env });
    expect(next.code).toBe(0);
    expect(next.stdout).toBe('fetch: no new announcement since 2026-09-23 (already stored)\n');
  });

  it('should reject a malformed date with exit 2', async () => {
    const { cwd, env } = await setup(generateDay(DAY, 2).world);
    const r = await cliRun(['fetch', '--date', 'yesterday'], { cwd, env });
    expect([r.code, r.stderr]).toEqual([2, 'arxiv-digest: --date: expected YYYY-MM-DD or latest, got "yesterday"\n']);
  });
});

describe('arxiv-digest backfill', () => {
  it('should harvest OAI-PMH pages into the store and report the counts', async () => {
    const day = generateDay(DAY, 20);
    const { cwd, env } = await setup(day.world);
    const r = await cliRun(['backfill', '--from', '2026-09-01', '--to', '2026-09-30'], { cwd, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'backfill 2026-09-01..2026-09-30 (sets cs, arXivRaw): 4 pages, 20 records, 16 in cs.AR, cs.DC, cs.LG; papers 16 new; listings 22 new on 1 day\n',
    );
    expect(r.stderr).toContain('backfill cs: page 4, 20 records, 16 in your categories');
  });
});
