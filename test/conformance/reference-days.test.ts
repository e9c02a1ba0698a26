/**
 * Conformance with the reference system on its real data (../shared/fixtures, read in place):
 * importing each day's enhanced JSONL and rendering it gives the reference Markdown byte for
 * byte, and the JSONL files come back byte for byte too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReferenceFile } from '../../src/ingest/import-files.js';
import { loadDay } from '../../src/publish/load-day.js';
import { enhancedJsonlRenderer, rawJsonlRenderer } from '../../src/publish/jsonl.js';
import { renderMarkdown } from '../../src/publish/markdown.js';
import type { Store } from '../../src/store/store.js';
import { testDir, testStore } from '../support/fixtures.js';
import { cli } from '../support/cli.js';
import { ANCHOR, realDays, tocOrder, type RealDay } from '../support/real-days.js';

const days: RealDay[] = realDays();

function importOk(store: Store, file: string, date: string) {
  const r = importReferenceFile(store, file, { date, defaultLanguage: 'Chinese' });
  expect(r.error).toBeUndefined();
  if (!('counts' in r)) throw new Error(r.error);
  expect(r.rejects).toEqual([]);
  return r.counts;
}

const view = (store: Store, date: string, md: string) =>
  loadDay(store, { date, language: 'Chinese', categoryOrder: tocOrder(md), preferredSummarizer: 'offline' });

describe('reference fixtures', () => {
  it('should find the fixtures beside the repository', () => {
    expect(existsSync(ANCHOR), `${ANCHOR} (set ARXIV_DIGEST_FIXTURES)`).toBe(true);
    expect(days.length).toBe(6);
  });
});

describe.each(days)('reference day $name', (day) => {
  const md = readFileSync(day.markdown, 'utf8');

  it('should render the enhanced JSONL as the reference Markdown, byte for byte', () => {
    const store = testStore();
    importOk(store, day.enhanced, day.date);
    expect(renderMarkdown(view(store, day.date, md))).toBe(md);
  });

  it('should render the enhanced JSONL back (bytes for the ASCII-escaped anchor days, objects for the seed)', () => {
    const store = testStore();
    importOk(store, day.enhanced, day.date);
    const input = readFileSync(day.enhanced, 'utf8');
    const output = enhancedJsonlRenderer.render(view(store, day.date, md));
    if (day.raw) expect(output).toBe(input);
    else
      expect(
        output
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual(
        input
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      );
  });

  it('should be idempotent: a second import changes nothing', () => {
    const store = testStore();
    importOk(store, day.enhanced, day.date);
    const again = importOk(store, day.enhanced, day.date);
    for (const c of [again.papers, again.announcements, again.summaries, again.codeLinks])
      expect(c.inserted + c.updated).toBe(0);
  });

  it('should import the Markdown digest itself and render it back byte for byte', () => {
    const store = testStore();
    const r = importOk(store, day.markdown, day.date);
    expect(r.papers.inserted).toBe([...md.matchAll(/^### \[/gm)].length);
    expect(renderMarkdown(view(store, day.date, md))).toBe(md);
  });

  it.runIf(day.raw)('should give back all three files byte for byte, whichever file is imported first', () => {
    const raw = readFileSync(day.raw!, 'utf8');
    const enhanced = readFileSync(day.enhanced, 'utf8');
    for (const order of [
      [day.enhanced, day.raw!, day.markdown],
      [day.raw!, day.markdown, day.enhanced],
      [day.markdown, day.enhanced, day.raw!],
    ]) {
      const store = testStore();
      for (const f of order) importOk(store, f, day.date);
      // The day's own category order (from its Markdown), not the one passed here.
      const v = loadDay(store, {
        date: day.date,
        language: 'Chinese',
        categoryOrder: [],
        preferredSummarizer: 'offline',
      });
      expect(rawJsonlRenderer.render(v)).toBe(raw);
      // Papers the reference crawled but never summarized stay stored (raw JSONL, search) and
      // out of the digest, as it published the day.
      expect(enhancedJsonlRenderer.render(v)).toBe(enhanced);
      expect(renderMarkdown(v)).toBe(md);
      expect(v.unlisted.length).toBe(
        new Set(
          raw
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l).id),
        ).size - v.papers.length,
      );
    }
  });
});

describe('reference seed through the CLI', () => {
  it('should import and render the seed digest byte for byte as whole processes', () => {
    const cwd = testDir();
    const seed = days[0]!;
    expect(cli(['import', '--date', seed.date, seed.enhanced], { cwd }).code).toBe(0);
    const r = cli(['render', '--date', seed.date, '--format', 'markdown', '--categories', 'cs.AR,cs.DC,cs.LG'], {
      cwd,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(seed.markdown, 'utf8'));
  });
});
