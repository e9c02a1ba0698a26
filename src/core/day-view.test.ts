import { describe, expect, it } from 'vitest';
import type { Paper, StoredSummary } from './types.js';
import { ai, testPaper } from '../../test/support/fixtures.js';
import { buildDayView, chooseSummary, countDay, orderCategories } from './day-view.js';

const stored = (over: Partial<StoredSummary>): StoredSummary => ({
  paperId: '2401.00001',
  version: 1,
  language: 'English',
  summarizer: 'offline',
  promptVersion: 'v1',
  status: 'ok',
  fields: ai('x'),
  flags: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('orderCategories', () => {
  it('should put named categories first in order, the rest alphabetically', () => {
    expect(orderCategories(['cs.LG', 'cs.AI', 'math.OC', 'cs.CV', 'cs.AR'], ['cs.CV', 'cs.LG', 'cs.XX'])).toEqual([
      'cs.CV',
      'cs.LG',
      'cs.AI',
      'cs.AR',
      'math.OC',
    ]);
  });
});

describe('chooseSummary', () => {
  it('should prefer the configured summarizer, then the newest', () => {
    const a = stored({ summarizer: 'imported', updatedAt: '2026-03-01T00:00:00Z' });
    const b = stored({ summarizer: 'openai:m', updatedAt: '2026-01-01T00:00:00Z' });
    const c = stored({ summarizer: 'offline', updatedAt: '2026-02-01T00:00:00Z' });
    expect(chooseSummary([a, b, c], 'openai:m', 'English')).toMatchObject({
      status: 'ok',
      summary: { summarizer: 'openai:m' },
    });
    expect(chooseSummary([a, b, c], 'other', 'English')).toMatchObject({
      status: 'ok',
      summary: { summarizer: 'imported' },
    });
  });

  it('should rank a flagged placeholder below any real summary', () => {
    const placeholder = stored({ summarizer: 'openai:m', flags: ['placeholder'], updatedAt: '2026-03-01T00:00:00Z' });
    const real = stored({ summarizer: 'offline' });
    expect(chooseSummary([placeholder, real], 'openai:m', 'English')).toMatchObject({
      summary: { summarizer: 'offline' },
    });
  });

  it('should report the newest attempt when nothing is ok', () => {
    const failed = stored({ status: 'failed', fields: null, error: 'HTTP 500 after 3 tries', summarizer: 'openai:m' });
    expect(chooseSummary([failed], 'openai:m', 'English')).toEqual({
      status: 'failed',
      reason: 'HTTP 500 after 3 tries (openai:m)',
      summary: failed,
    });
    expect(chooseSummary([stored({ status: 'refused', fields: null, error: null })], 'x', 'English')).toMatchObject({
      status: 'refused',
      reason: 'no reason recorded (offline)',
    });
  });

  it('should say pending, and which languages exist, when there is no summary in the language', () => {
    expect(chooseSummary([], 'x', 'German')).toEqual({
      status: 'pending',
      reason: 'not summarized in German yet',
      summary: null,
    });
    expect(chooseSummary([], 'x', 'German', ['Chinese', 'English'])).toMatchObject({
      reason: 'no German summary yet (available in Chinese, English)',
    });
  });
});

describe('buildDayView', () => {
  it('should group unique papers by primary category in the given order and keep every listing', () => {
    const p1 = testPaper('2401.00001', ['cs.LG', 'cs.CV']);
    const p2 = testPaper('2401.00002', ['cs.CV']);
    const p3 = testPaper('2401.00003', ['cs.LG']);
    const row = (paper: Paper, category: string, position: number) => ({
      paper,
      category,
      kind: 'new' as const,
      version: null,
      position,
    });
    const view = buildDayView({
      date: '2026-01-05',
      language: 'English',
      rows: [row(p1, 'cs.LG', 0), row(p2, 'cs.CV', 1), row(p1, 'cs.CV', 2), row(p3, 'cs.LG', 3)],
      summaries: [stored({ paperId: '2401.00002' })],
      otherLanguages: new Map(),
      codeLinks: new Map(),
      categoryOrder: ['cs.CV'],
      preferredSummarizer: 'offline',
    });
    expect(view.categories).toEqual([
      { name: 'cs.CV', count: 1 },
      { name: 'cs.LG', count: 2 },
    ]);
    expect(view.papers.map((p) => p.paper.id)).toEqual(['2401.00002', '2401.00001', '2401.00003']);
    expect(view.listings.map((l) => `${l.paper.paper.id}@${l.category}`)).toEqual([
      '2401.00001@cs.LG',
      '2401.00002@cs.CV',
      '2401.00001@cs.CV',
      '2401.00003@cs.LG',
    ]);
    expect(countDay(view)).toEqual({ papers: 3, summarized: 1, pending: 2, failed: 0, refused: 0, placeholders: 0 });
  });
});
