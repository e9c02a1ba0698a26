/**
 * fetch end to end against the loopback arXiv stand-in: real HTTP, real parsers, a real SQLite
 * store. One test per fault shows the outcome the issue asks for.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { startArxivStandIn, type StandInWorld } from '../../test/support/arxiv-standin.js';
import { MY_CATEGORIES, generateDay } from '../../test/support/arxiv-world.js';
import { testStore } from '../../test/support/fixtures.js';
import { fetchDay, type FetchDayOptions } from './fetch-day.js';
import { createArxivHttp } from './http-client.js';
import type { IncludeOption } from './select.js';

const DAY = '2026-09-23'; // a Wednesday listing: announced Tue 22 Sep 20:00 EDT
const AFTER_ANNOUNCEMENT = new Date('2026-09-23T12:00:00Z');

async function setup(world: StandInWorld) {
  const arxiv = await startArxivStandIn(world);
  onTestFinished(() => arxiv.close());
  const store = testStore();
  const http = createArxivHttp({ minIntervalMs: 2, baseDelayMs: 2, maxDelayMs: 20, timeoutMs: 1000, maxRetries: 2 });
  const log: string[] = [];
  const fetch = (date = 'latest', now = AFTER_ANNOUNCEMENT, include: IncludeOption[] = []) => {
    const opts: FetchDayOptions = { date, categories: MY_CATEGORIES, include: new Set(include), urls: arxiv.urls };
    return fetchDay({ http, store, log: (l) => log.push(l), now: () => now }, opts);
  };
  const paths = () => arxiv.requests.map((r) => r.path.split('/').slice(0, 2).join('/'));
  return { arxiv, store, fetch, log, paths };
}

describe('fetch latest', () => {
  it('should store a 300-paper day of three categories with 1 feed request and 2 API requests', async () => {
    const day = generateDay(DAY, 400, 5);
    const { store, fetch, paths } = await setup(day.world);
    const r = await fetch();
    expect(r).toMatchObject({ outcome: 'fetched', date: DAY, source: 'rss', selected: 300, requests: 3, missing: [] });
    expect(r.skipped).toEqual({ crossFromElsewhere: 100, replacements: 5 });
    expect(r.papers.inserted).toBe(300);
    expect(paths()).toEqual(['/rss', '/api', '/api']);
    const rows = store.getDay(DAY);
    expect(new Set(rows.map((x) => x.paper.id)).size).toBe(300);
    // A paper cross-listed between your categories has one row per listing, the primary's 'new'.
    const first = rows.filter((x) => x.paper.id === day.mine[0]);
    expect(first.map((x) => `${x.category}:${x.kind}`)).toEqual(['cs.LG:new', 'cs.AR:cross']);
    // Full metadata came from the API (the feed has no comments).
    expect(store.getPaper(day.mine[0]!)).toMatchObject({
      version: 1,
      comment: '10 pages',
      authors: ['Author 0', 'Zoë Ünicode'],
    });
  });

  it('should add cross-lists from elsewhere and replacements when asked', async () => {
    const day = generateDay(DAY, 16, 2);
    const { fetch } = await setup(day.world);
    const r = await fetch('latest', AFTER_ANNOUNCEMENT, ['cross', 'replace']);
    expect(r.selected).toBe(18);
    expect(r.skipped).toEqual({ crossFromElsewhere: 0, replacements: 0 });
  });

  it('should say there is no new announcement, and store nothing twice, when the feed repeats a stored day', async () => {
    const { store, fetch, paths } = await setup(generateDay(DAY, 24).world);
    await fetch();
    const before = store.stats();
    const again = await fetch();
    expect(again).toMatchObject({
      outcome: 'already-stored',
      message: `no new announcement since ${DAY} (already stored)`,
    });
    expect(store.stats()).toEqual(before);
    expect(paths().slice(-1)).toEqual(['/rss']);
  });

  it('should say so on an empty feed (weekend or holiday) and store no day', async () => {
    const world = generateDay(DAY, 8).world;
    world.days['2026-09-26'] = [];
    const { store, fetch } = await setup({ ...world, currentDay: '2026-09-26' });
    const r = await fetch();
    expect(r.outcome).toBe('no-announcement');
    expect(r.message).toMatch(/^no new announcement since the store began \(the feed is empty/);
    expect(store.listDays()).toEqual([]);
  });

  it('should read the listing pages when the feed serves a stored day after a newer one was announced', async () => {
    const older = generateDay(DAY, 16, 0, '2609');
    const newer = generateDay('2026-09-24', 16, 0, '2610');
    const world: StandInWorld = {
      papers: [...older.world.papers, ...newer.world.papers],
      days: { ...older.world.days, ...newer.world.days },
    };
    const { arxiv, store, fetch, paths } = await setup({ ...world, currentDay: DAY });
    await fetch();
    arxiv.setWorld({ ...world, currentDay: '2026-09-24', rssDay: DAY });
    const r = await fetch('latest', new Date('2026-09-24T12:00:00Z'));
    expect(r).toMatchObject({ outcome: 'fetched', date: '2026-09-24', source: 'listing', selected: newer.mine.length });
    expect(paths().slice(-5)).toEqual(['/rss', '/list', '/list', '/list', '/api']);
    expect(store.listDays().map((d) => d.date)).toEqual(['2026-09-24', DAY]);
    // Read from three listings (cs.AR first), a paper new in cs.LG and cross-listed to cs.AR is still new in cs.LG.
    const rows = store.getDay('2026-09-24').filter((x) => x.paper.id === newer.mine[0]);
    expect(rows.map((x) => `${x.category}:${x.kind}`).sort()).toEqual(['cs.AR:cross', 'cs.LG:new']);
  });

  it('should retry a truncated feed, never reading it as an empty day', async () => {
    const { arxiv, fetch, paths } = await setup(generateDay(DAY, 16).world);
    arxiv.faults.add('/rss/', { type: 'truncated' });
    const r = await fetch();
    expect(r).toMatchObject({ outcome: 'fetched', selected: 12 });
    expect(paths().slice(0, 2)).toEqual(['/rss', '/rss']);
  });

  it('should fall back to the listing pages when the feed keeps answering with an HTML page', async () => {
    const { arxiv, fetch } = await setup(generateDay(DAY, 16).world);
    arxiv.faults.add('/rss/', { type: 'html' }, Infinity);
    const r = await fetch();
    expect(r).toMatchObject({ outcome: 'fetched', source: 'listing', date: DAY, selected: 12 });
    expect(r.notes[0]).toMatch(
      /the announcement feed failed \(GET .*after 3 attempts\); the listing pages were read instead/,
    );
  });

  it('should wait for 503 Retry-After and go on', async () => {
    const { arxiv, fetch } = await setup(generateDay(DAY, 8).world);
    arxiv.faults.add('/api/query', { type: '503', retryAfter: 1 });
    const t0 = Date.now();
    const r = await fetch();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(r).toMatchObject({ outcome: 'fetched', missing: [] });
  });

  it('should store papers missing from the API from the feed, report them, and ask for exactly those next time', async () => {
    const day = generateDay(DAY, 24);
    const { arxiv, store, fetch } = await setup(day.world);
    const lost = [day.mine[1]!, day.mine[4]!];
    arxiv.faults.add('/api/query', { type: 'missing-ids', ids: lost }, Infinity);
    const r = await fetch();
    expect(r.outcome).toBe('fetched');
    expect(r.missing.map((m) => m.id).sort()).toEqual([...lost].sort());
    expect(r.missing[0]!.reason).toBe("not in the API's answer after 3 requests");
    // Listed all the same, from the feed's metadata.
    expect(store.getPaper(lost[0]!)).toMatchObject({ title: expect.stringContaining('Paper'), comment: null });
    expect(new Set(store.getDay(DAY).map((x) => x.paper.id)).size).toBe(18);

    arxiv.faults.clear();
    const before = arxiv.requests.length;
    const next = await fetch();
    const asked = arxiv.requests.slice(before).find((q) => q.path === '/api/query')!;
    expect(asked.query.id_list!.split(',').sort()).toEqual(lost.map((id) => `${id}v1`).sort());
    expect(next).toMatchObject({ queueResolved: 2, missing: [], outcome: 'already-stored' });
  });

  it('should keep what was fetched and record the rest with a reason when the API stays down', async () => {
    const { arxiv, store, fetch } = await setup(generateDay(DAY, 24).world);
    arxiv.faults.add('/api/query', { type: '503' }, Infinity);
    const r = await fetch();
    expect(r.missing).toHaveLength(18);
    expect(r.missing[0]!.reason).toMatch(/HTTP 503 .*after 3 attempts/);
    expect(store.listMissing()).toHaveLength(18);
    arxiv.faults.clear();
    expect((await fetch()).missing).toEqual([]);
  });

  it("should report the API's Error feed with arXiv's message", async () => {
    const { arxiv, fetch } = await setup(generateDay(DAY, 8).world);
    arxiv.faults.add('/api/query', { type: 'error400', message: 'incorrect id format for 2609.1x' });
    const r = await fetch();
    expect(r.missing[0]!.reason).toBe('arXiv API error: incorrect id format for 2609.1x');
  });
});

describe('fetch a past date', () => {
  it("should page through the API's submittedDate window of that listing date", async () => {
    const day = generateDay(DAY, 40);
    const { arxiv, store, fetch } = await setup(day.world);
    const r = await fetch(DAY);
    expect(r).toMatchObject({ outcome: 'fetched', source: 'api', date: DAY, selected: day.mine.length, requests: 1 });
    expect(arxiv.requests[0]!.query.search_query).toBe(
      '(cat:cs.AR OR cat:cs.DC OR cat:cs.LG) AND submittedDate:[202609211800 TO 202609221759]',
    );
    expect(r.notes[0]).toMatch(/replacements are not included/);
    expect(new Set(store.getDay(DAY).map((x) => x.paper.id))).toEqual(new Set(day.mine));
  });

  it('should say when no listing carries the date', async () => {
    const { fetch, arxiv } = await setup(generateDay(DAY, 4).world);
    const r = await fetch('2026-09-26');
    expect(r).toMatchObject({ outcome: 'no-announcement', requests: 0 });
    expect(r.message).toMatch(/no listing is dated 2026-09-26/);
    expect(arxiv.requests).toHaveLength(0);
  });
});

describe('fetch round-trips awkward metadata', () => {
  it('should keep old-style ids, versions, a title "0", non-ASCII names, DOI and journal ref', async () => {
    const papers = [
      {
        id: 'astro-ph/0601001',
        version: 3,
        title: 'Old-style identifiers still work',
        authors: ['Jörg Müller', 'Zoë Ångström', '王小明'],
        abstract: 'An abstract with <b>markup</b> & ampersands.',
        categories: ['cs.LG'],
        doi: '10.1103/PhysRevD.73.123456',
        journalRef: 'Phys. Rev. D 73 (2006) 123456',
        comment: '5 pages',
        published: '2026-09-21T20:00:00Z',
        updated: '2026-09-22T10:00:00Z',
      },
      {
        id: '2609.00042',
        version: 1,
        title: '0',
        authors: ['N. N.'],
        abstract: 'Zero.',
        categories: ['cs.DC'],
        published: '2026-09-22T01:00:00Z',
        updated: '2026-09-22T01:00:00Z',
      },
    ];
    const world: StandInWorld = {
      papers,
      days: {
        [DAY]: papers.map((p) => ({
          paperId: p.id,
          version: p.version,
          kind: 'new' as const,
          categories: p.categories,
        })),
      },
    };
    const { store, fetch } = await setup(world);
    const r = await fetch();
    expect(r).toMatchObject({ outcome: 'fetched', selected: 2, missing: [] });
    expect(store.getPaper('astro-ph/0601001')).toMatchObject({
      version: 3,
      authors: ['Jörg Müller', 'Zoë Ångström', '王小明'],
      abstract: 'An abstract with <b>markup</b> & ampersands.',
      doi: '10.1103/PhysRevD.73.123456',
      journalRef: 'Phys. Rev. D 73 (2006) 123456',
      comment: '5 pages',
    });
    expect(store.getPaper('2609.00042')).toMatchObject({ title: '0', version: 1 });
  });
});
