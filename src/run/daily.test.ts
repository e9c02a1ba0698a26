/**
 * The daily composition (runDaily) with its edges injected: a real store in a temp folder, a
 * fake arXiv client, a counting summarizer, recording channels. Each step's outcome, how a
 * failing step leaves the later ones running, and what a second run, or a run after a lost
 * store, does again (nothing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArxivHttp } from '../arxiv/http.js';
import { UnexpectedBodyError } from '../arxiv/types.js';
import { DeliveryError, type Channel, type DigestMessage } from '../deliver/types.js';
import { openStore } from '../store/store.js';
import type { Summarizer } from '../summarize/types.js';
import { ai, testDir, testStore } from '../../test/support/fixtures.js';
import { runDaily, type DailyDeps, type DailyOptions } from './daily.js';

const DAY = '2026-01-05';

function storeWithDay(path?: string) {
  const store = path ? openStore(path) : testStore();
  store.upsertPapers(
    ['2601.00001', '2601.00002', '2601.00003'].map((id, i) => ({
      id,
      version: 1,
      title: `Paper ${i}`,
      authors: ['Ada'],
      abstract: `We study problem ${i}. We propose a method. It works.`,
      categories: ['cs.LG'],
    })),
    'test',
  );
  store.addAnnouncements(
    DAY,
    ['2601.00001', '2601.00002', '2601.00003'].map((paperId) => ({
      paperId,
      category: 'cs.LG',
      version: 1,
      kind: 'new',
    })),
    'test',
  );
  return store;
}

function counting(): Summarizer & { calls: string[] } {
  const calls: string[] = [];
  return {
    id: 'fake:model',
    promptVersion: 'p1',
    calls,
    async summarize(req) {
      calls.push(req.paperId);
      return {
        status: 'ok',
        fields: ai(req.paperId),
        error: null,
        flags: [],
        tokensIn: 10,
        tokensOut: 5,
        costUsd: null,
        durationMs: 1,
        requests: 1,
      };
    },
  };
}

const recording = (id: string, fail = false): Channel & { sent: DigestMessage[] } => {
  const sent: DigestMessage[] = [];
  return {
    id,
    target: `${id}:test`,
    sent,
    async send(m) {
      if (fail) throw new DeliveryError(`${id}: the service said no`);
      sent.push(m);
    },
  };
};

const offline: ArxivHttp = {
  get: async () => {
    throw new UnexpectedBodyError('no network in this test');
  },
};

const options = (outDir: string, over: Partial<DailyOptions> = {}): DailyOptions => ({
  date: 'latest',
  steps: { fetch: false, summarize: true, deliver: true },
  fetch: { categories: ['cs.LG'], include: new Set(), urls: { api: 'x', rss: 'x', listing: 'x' } },
  language: 'English',
  categoryOrder: ['cs.LG'],
  preferredSummarizer: 'fake:model',
  outDir,
  site: { title: 'Digest', siteUrl: null, siteDays: 60, feedDays: 7, feedMaxBytes: 1024 * 1024 },
  maxPapers: 50,
  retryFailed: false,
  maxCostUsd: null,
  ...over,
});

const deps = (store: DailyDeps['store'], summarizer: Summarizer, channels: Channel[]): DailyDeps => ({
  store,
  http: offline,
  summarizer,
  channels,
  log: () => {},
  now: () => new Date('2026-01-06T02:00:00Z'),
});

describe('runDaily', () => {
  it('should summarize, publish and deliver a day once, and do nothing again on a second run', async () => {
    const out = testDir();
    const store = storeWithDay();
    const summarizer = counting();
    const mail = recording('email');
    const first = await runDaily(deps(store, summarizer, [mail]), options(out));
    expect(first.problems).toEqual([]);
    expect(first.summarize).toMatchObject({ ok: 3, requests: 3 });
    expect(summarizer.calls.sort()).toEqual(['2601.00001', '2601.00002', '2601.00003']);
    expect(first.deliveries.map((d) => d.status)).toEqual(['sent']);
    expect(mail.sent[0]!.papers).toHaveLength(3);
    for (const f of [
      `${DAY}.md`,
      `${DAY}.jsonl`,
      `${DAY}_AI_enhanced_English.jsonl`,
      `${DAY}_arxiv-digest_English.json`,
      'site/index.html',
    ])
      expect(existsSync(join(out, f)), f).toBe(true);

    const second = await runDaily(deps(store, summarizer, [mail]), options(out));
    expect(summarizer.calls).toHaveLength(3);
    expect(second.deliveries.map((d) => d.status)).toEqual(['already-sent']);
    expect(second.written).toBe(0);
  });

  it('should record a failing step and still run the later ones', async () => {
    const out = testDir();
    const store = storeWithDay();
    const ok = recording('slack');
    const r = await runDaily(
      deps(store, counting(), [recording('email', true), ok]),
      options(out, { steps: { fetch: true, summarize: true, deliver: true } }),
    );
    expect(r.problems).toEqual([expect.stringMatching(/^fetch: /), 'deliver email:test: email: the service said no']);
    expect(r.counts.summarized).toBe(3);
    expect(ok.sent).toHaveLength(1);
    expect(readFileSync(join(out, `${DAY}.md`), 'utf8')).toContain('TLDR 2601.00002');
  });

  it('should rebuild a lost store from --out, paying and sending nothing again', async () => {
    const out = testDir();
    const db = join(testDir(), 'store.db');
    const store = storeWithDay(db);
    const mail = recording('email');
    await runDaily(deps(store, counting(), [mail]), options(out));
    store.close();

    const fresh = testStore();
    const summarizer = counting();
    const again = await runDaily(deps(fresh, summarizer, [mail]), options(out));
    expect(again.restored?.days.map((d) => d.date)).toEqual([DAY]);
    expect(summarizer.calls).toEqual([]);
    expect(again.deliveries.map((d) => d.status)).toEqual(['already-sent']);
    expect(mail.sent).toHaveLength(1);
    expect(fresh.getSummaries('2601.00001').map((s) => s.summarizer)).toEqual(['fake:model']);
  });
});
