/** The prebuilt search index: every paper of every day, compact, newest day first. */
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../core/types.js';
import { ai } from '../../../test/support/fixtures.js';
import { buildDayView, type DayView } from '../../core/day-view.js';
import { ABSTRACT_PREFIX_CHARS, buildSearchIndex, prefix, searchIndexScript } from './search-index.js';

const paper = (id: string, over: Partial<Paper> = {}): Paper => ({
  id,
  version: 1,
  title: `Title\n  ${id}`,
  authors: ['Ada  Lovelace', 'Alan Turing'],
  abstract: 'word '.repeat(100),
  categories: ['cs.LG', 'cs.AI'],
  comment: null,
  journalRef: null,
  doi: null,
  published: null,
  updated: null,
  ...over,
});

function day(date: string, papers: Paper[], summarized: string[]): DayView {
  return buildDayView({
    date,
    language: 'English',
    rows: papers.map((p, i) => ({ paper: p, category: p.categories[0]!, kind: 'new', version: 1, position: i })),
    summaries: summarized.map((id) => ({
      paperId: id,
      version: 1,
      language: 'English',
      summarizer: 'offline',
      promptVersion: 'v1',
      status: 'ok',
      fields: ai(id),
      flags: [],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    })),
    otherLanguages: new Map(),
    codeLinks: new Map(),
    categoryOrder: [],
    preferredSummarizer: 'offline',
  });
}

describe('buildSearchIndex', () => {
  it('should hold every paper of every day, newest day first, with shared date and category tables', () => {
    const index = buildSearchIndex([
      day('2026-01-05', [paper('2601.00010')], ['2601.00010']),
      day('2026-01-06', [paper('2601.00001', { categories: ['cs.CV'] }), paper('2601.00002')], ['2601.00001']),
    ]);
    expect(index.v).toBe(1);
    expect(index.dates).toEqual(['2026-01-06', '2026-01-05']);
    expect(index.cats).toEqual(['cs.CV', 'cs.LG', 'cs.AI']);
    expect(index.papers.map((p) => [p[0], p[1], p[4]])).toEqual([
      ['2601.00001', 0, [0]],
      ['2601.00002', 0, [1, 2]],
      ['2601.00010', 1, [1, 2]],
    ]);
  });

  it('should collapse whitespace, join authors, keep the TL;DR of ok summaries only and a prefix of the abstract', () => {
    const [first, second] = buildSearchIndex([
      day('2026-01-06', [paper('2601.00001'), paper('2601.00002')], ['2601.00001']),
    ]).papers;
    expect(first!.slice(2, 4)).toEqual(['Title 2601.00001', 'Ada Lovelace, Alan Turing']);
    expect(first![5]).toBe('TLDR 2601.00001');
    expect(second![5]).toBe('');
    expect(first![6].length).toBeLessThanOrEqual(ABSTRACT_PREFIX_CHARS + 1);
    expect(first![6]).toMatch(/^word word .* word…$/);
  });
});

describe('prefix', () => {
  it('should keep short text whole and cut long text at a nearby word boundary', () => {
    expect(prefix('  short   text ')).toBe('short text');
    expect(prefix('alpha beta gamma delta', 12)).toBe('alpha beta…');
  });

  it('should cut text without spaces (Chinese) at the limit', () => {
    expect(prefix('扩散模型'.repeat(10), 6)).toBe('扩散模型扩散…');
  });
});

describe('searchIndexScript', () => {
  it('should assign one global and escape <', () => {
    const script = searchIndexScript({ v: 1, dates: [], cats: [], papers: [['x', 0, '</script>', '', [], '', '']] });
    expect(script).toBe(
      'window.ARXIV_DIGEST_SEARCH={"v":1,"dates":[],"cats":[],"papers":[["x",0,"\\u003c/script>","",[],"",""]]};\n',
    );
  });
});
