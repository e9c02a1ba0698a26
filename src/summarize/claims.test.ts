import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/support/fixtures.js';
import { SummarizedElsewhere, claimedSummarizer } from './claims.js';
import type { Summarizer, SummaryOutcome } from './types.js';

const OUTCOME: SummaryOutcome = {
  status: 'ok',
  fields: { tldr: 't', motivation: 'm', method: 'x', result: 'r', conclusion: 'c' },
  error: null,
  flags: [],
  tokensIn: 1,
  tokensOut: 1,
  costUsd: null,
  durationMs: 1,
  requests: 1,
};

function setup() {
  const store = testStore(() => new Date());
  store.upsertPapers(
    [{ id: '2601.00001', version: 1, title: 'T', authors: ['A'], abstract: 'B.', categories: ['cs.LG'] }],
    't',
  );
  let calls = 0;
  const inner: Summarizer = { id: 'openai:m', promptVersion: 'v1', summarize: async () => (calls++, OUTCOME) };
  const req = { paperId: '2601.00001', version: 1, title: 'T', abstract: 'B.', language: 'English' };
  const key = { paperId: req.paperId, version: 1, language: 'English', summarizer: 'openai:m', promptVersion: 'v1' };
  return { store, inner, req, key, calls: () => calls };
}

describe('claimedSummarizer', () => {
  it('should claim, summarize, and let go when the answer is stored', async () => {
    const { store, inner, req, key, calls } = setup();
    const s = claimedSummarizer(inner, { store, concurrency: 2 });
    expect(await s.summarize(req)).toBe(OUTCOME);
    expect(calls()).toBe(1);
    // Answered but not stored yet: still claimed, so no other process pays for it meanwhile.
    expect(store.summaryClaim(key)).not.toBeNull();
    const other = claimedSummarizer(inner, { store, concurrency: 1, pollMs: 10 });
    const waiting = other.summarize(req);
    await new Promise((r) => setTimeout(r, 60));
    store.upsertSummaries([{ ...key, ...OUTCOME }]);
    expect(store.summaryClaim(key)).toBeNull();
    await expect(waiting).rejects.toBeInstanceOf(SummarizedElsewhere);
    expect(calls()).toBe(1);
  });

  it('should leave a paper to the live process holding it, and find it done when it lets go (0 calls)', async () => {
    const { store, inner, req, key, calls } = setup();
    const other = `${hostname()}:${process.pid}:other`;
    expect(store.claimSummary(key, other, 60_000)).toBe(other);
    const s = claimedSummarizer(inner, { store, concurrency: 1, pollMs: 10 });
    const waiting = s.summarize(req);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls()).toBe(0);
    store.upsertSummaries([{ ...key, ...OUTCOME }]);
    store.releaseSummary(key, other);
    await expect(waiting).rejects.toBeInstanceOf(SummarizedElsewhere);
    expect(calls()).toBe(0);
  });

  it('should do a paper itself when the other process let it go unfinished, or died holding it', async () => {
    const { store, inner, req, key, calls } = setup();
    const other = `${hostname()}:${process.pid}:other`;
    store.claimSummary(key, other, 60_000);
    const s = claimedSummarizer(inner, { store, concurrency: 1, pollMs: 10 });
    const waiting = s.summarize(req);
    await new Promise((r) => setTimeout(r, 50));
    store.releaseSummary(key, other); // stopped (a cost cap) without a summary
    expect(await waiting).toBe(OUTCOME);
    store.upsertSummaries([{ ...key, status: 'failed', fields: null, error: 'stored as failed' }]);
    await new Promise((r) => setTimeout(r, 5));
    const dead = `${hostname()}:999999:gone`;
    store.claimSummary(key, dead, 60_000);
    const t = performance.now();
    const again = claimedSummarizer(inner, { store, concurrency: 1, pollMs: 10, isAlive: (pid) => pid !== 999999 });
    expect(await again.summarize(req)).toBe(OUTCOME);
    expect(performance.now() - t).toBeLessThan(1000); // at once, not after the claim's minute
    expect(calls()).toBe(2);
  });

  it('should never let a pending mark replace a finished summary', () => {
    const { store, key } = setup();
    store.upsertSummaries([{ ...key, ...OUTCOME }]);
    store.upsertSummaries([{ ...key, status: 'pending', fields: null, error: 'waiting to be summarized' }]);
    expect(store.getSummary(key)?.status).toBe('ok');
  });
});
