import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../ingest/import-files.js';
import { PROFILE_STATE } from '../rank/ranker.js';
import { testDir, testStore } from '../../test/support/fixtures.js';
import { writeReaderState } from './reader-state.js';

const paper = (id: string) => ({
  id,
  title: `Paper ${id}`,
  authors: ['Ada'],
  abstract: 'An abstract.',
  categories: ['cs.LG'],
});

describe("the reader's state beside the day files", () => {
  it('should write nothing when there is nothing to keep', () => {
    expect(writeReaderState(testStore(), testDir())).toBeNull();
  });

  it('should come back into a new store: newer marks win, a saved profile fills a gap', () => {
    const out = testDir();
    const a = testStore(() => new Date('2026-05-01T10:00:00Z'));
    a.upsertPapers([paper('2601.00001'), paper('2601.00002')], 'test');
    a.setMark('2601.00001', { favorite: true, rating: 1 });
    a.setMark('2601.00002', { rating: -1 });
    a.setState(PROFILE_STATE, { keywords: ['diffusion'] });
    expect(writeReaderState(a, out)).toBe('arxiv-digest-reader.json');
    expect(readFileSync(join(out, 'arxiv-digest-reader.json'), 'utf8')).toContain('"format": "arxiv-digest/reader@1"');

    // A store with the papers (restored from the day files) and one newer mark of its own.
    const b = testStore(() => new Date('2026-06-01T10:00:00Z'));
    b.upsertPapers([paper('2601.00001'), paper('2601.00002')], 'test');
    b.setMark('2601.00002', { rating: 1 });
    const r = importPaths(b, [out], { defaultLanguage: 'English', now: () => new Date() });
    expect(r.reader).toEqual({ files: 1, marks: { inserted: 1, updated: 0, unchanged: 1 }, state: 1 });
    expect(b.getMarks(['2601.00001', '2601.00002'])).toEqual(
      new Map([
        ['2601.00001', { favorite: true, rating: 1 }],
        ['2601.00002', { favorite: false, rating: 1 }],
      ]),
    );
    expect(b.getState(PROFILE_STATE)).toEqual({ keywords: ['diffusion'] });
  });
});
