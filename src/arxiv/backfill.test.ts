/** backfill against the stand-in's OAI-PMH: paging, both token styles, resuming, expiry. */
import { describe, expect, it, onTestFinished } from 'vitest';
import { startArxivStandIn, type StandInOptions, type StandInWorld } from '../../test/support/arxiv-standin.js';
import { MY_CATEGORIES, generateDay } from '../../test/support/arxiv-world.js';
import { testStore } from '../../test/support/fixtures.js';
import { backfill, oaiSetFor, type BackfillOptions } from './backfill.js';
import { createArxivHttp } from './http-client.js';

const DAY = '2026-09-23';

async function setup(world: StandInWorld, options: StandInOptions = {}) {
  const arxiv = await startArxivStandIn(world, { oaiPageSize: 7, ...options });
  onTestFinished(() => arxiv.close());
  const store = testStore();
  const http = createArxivHttp({ minIntervalMs: 1, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 1000, maxRetries: 1 });
  const run = (over: Partial<BackfillOptions> = {}, log: (line: string) => void = () => {}) =>
    backfill(
      { http, store, log },
      {
        from: '2026-09-01',
        until: '2026-09-30',
        categories: MY_CATEGORIES,
        include: new Set(),
        format: 'arXivRaw',
        oaiUrl: arxiv.urls.oai,
        ...over,
      },
    );
  return { arxiv, store, run };
}

describe('oaiSetFor', () => {
  it('should name the archive set of a category', () => {
    expect(
      ['cs.LG', 'math.NA', 'stat.ML', 'hep-th', 'astro-ph.GA', 'q-bio.NC', 'physics.optics', 'nlin.CD'].map(oaiSetFor),
    ).toEqual(['cs', 'math', 'stat', 'physics:hep-th', 'physics:astro-ph', 'q-bio', 'physics:physics', 'nlin']);
  });
});

describe.each(['legacy', '2025'] as const)('backfill with %s resumption tokens', (oaiTokenStyle) => {
  it('should harvest every page, keep your categories, and date announcements from the v1 submission', async () => {
    const day = generateDay(DAY, 40);
    const { arxiv, store, run } = await setup(day.world, { oaiTokenStyle });
    const r = await run();
    // 40 papers in sets cs (35: 30 of yours + cs.LG cross-lists) and math/stat → only set cs is asked.
    expect(r.sets).toEqual(['cs']);
    expect(r.pages).toBe(arxiv.requests.length);
    expect(r.pages).toBeGreaterThan(1);
    expect(r.matched).toBe(day.mine.length);
    expect(r.papers.inserted).toBe(day.mine.length);
    expect(r.days).toBe(1);
    expect(new Set(store.getDay(DAY).map((x) => x.paper.id))).toEqual(new Set(day.mine));
    expect(store.getState(`backfill:${arxiv.urls.oai}:cs:arXivRaw:2026-09-01:2026-09-30`)).toBeNull();
    // Running it again changes nothing.
    const again = await run();
    expect(again.papers).toEqual({ inserted: 0, updated: 0, unchanged: day.mine.length });
  });

  it('should continue an interrupted harvest where it stopped', async () => {
    const day = generateDay(DAY, 40);
    const { arxiv, store, run } = await setup(day.world, { oaiTokenStyle });
    // Page 1 arrives and is stored; from then on arXiv answers 503 to every retry.
    const first = run({}, () => arxiv.faults.add('/oai', { type: '503' }, Infinity));
    await expect(first).rejects.toThrow(/HTTP 503/);
    const stored = store.stats().papers;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(day.mine.length);
    arxiv.faults.clear();
    const before = arxiv.requests.length;
    const r = await run();
    expect(r.resumed).toBe(true);
    expect(arxiv.requests[before]!.query.resumptionToken).toBeTruthy();
    expect(store.stats().papers).toBe(day.mine.length);
  });
});

describe('backfill', () => {
  it('should start the set again when the saved token has expired', async () => {
    const day = generateDay(DAY, 20);
    const { arxiv, store, run } = await setup(day.world, { oaiTokenStyle: 'legacy' });
    store.setState(`backfill:${arxiv.urls.oai}:cs:arXivRaw:2026-09-01:2026-09-30`, '999999|1001');
    const r = await run();
    expect(r.notes[0]).toMatch(/resumption token for cs had expired/);
    expect(store.stats().papers).toBe(day.mine.length);
  });

  it('should store metadata without announcement days from the arXiv format', async () => {
    const day = generateDay(DAY, 16);
    const { store, run } = await setup(day.world);
    const r = await run({ format: 'arXiv' });
    expect(r.matched).toBe(day.mine.length);
    expect(r.days).toBe(0);
    expect(store.listDays()).toEqual([]);
    expect(store.getPaper(day.mine[0]!)).toMatchObject({
      authors: ['Author 0', 'Zoë Ünicode'],
      categories: ['cs.LG', 'cs.AR'],
    });
  });
});
