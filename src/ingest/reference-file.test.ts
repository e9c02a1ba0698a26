import { describe, expect, it } from 'vitest';
import { ai, jsonl, refLine } from '../../test/support/fixtures.js';
import { mergeDay } from './published-day.js';
import { dateFromFileName, detectFormat, languageFromFileName, parseReferenceFile } from './reference-file.js';

const opts = {};
/** One file as its day: what import stores for it. */
const asDay = (f: ReturnType<typeof parseReferenceFile>) =>
  mergeDay({ date: f.date, files: [f], records: [] }, { defaultLanguage: 'Chinese' });

describe('parseReferenceFile', () => {
  it('should take date and language from the reference file names', () => {
    expect(dateFromFileName('/x/2026-06-02_AI_enhanced_Chinese.jsonl')).toBe('2026-06-02');
    expect(dateFromFileName('2026-02-30.jsonl')).toBeNull();
    expect(languageFromFileName('/x/2026-06-02_AI_enhanced_Japanese.jsonl')).toBe('Japanese');
    expect(languageFromFileName('2026-06-02.jsonl')).toBeNull();
  });

  it('should detect formats by content, not by name', () => {
    expect(detectFormat('\n  {"id": 1}')).toBe('jsonl');
    expect(detectFormat('<div id=toc></div>\n\n# Table of Contents\n\n')).toBe('markdown');
    expect(detectFormat('id,title\n1,x')).toBeNull();
  });

  it('should refuse an unknown format and name the accepted ones', () => {
    expect(() => parseReferenceFile('papers.csv', 'id,title\n', opts)).toThrow(
      /papers\.csv: not a reference-system file; accepted formats: .*raw JSONL.*enhanced JSONL.*Markdown digest/,
    );
    expect(() => parseReferenceFile('2026-01-05.jsonl', '', opts)).toThrow(/the file is empty/);
    expect(() => parseReferenceFile('2026-02-30.jsonl', '{"id": 1}\n', opts)).toThrow(
      '2026-02-30.jsonl: the date in the file name, 2026-02-30, is not a calendar date; pass --date',
    );
  });

  it('should require a date when the name has none', () => {
    const text = jsonl([refLine({ id: '2401.00001' })]);
    expect(() => parseReferenceFile('papers.jsonl', text, opts)).toThrow(
      /cannot tell the announcement date.*pass --date/,
    );
    expect(parseReferenceFile('papers.jsonl', text, { ...opts, date: '2026-01-05' }).date).toBe('2026-01-05');
  });

  it('should let --date and --lang override the name', () => {
    const text = jsonl([refLine({ id: '2401.00001', AI: ai('a') })]);
    const f = parseReferenceFile('2026-01-05_AI_enhanced_Chinese.jsonl', text, {
      ...opts,
      date: '2026-01-06',
      language: 'English',
    });
    expect([f.date, f.language, asDay(f).day.summaries[0]!.language]).toEqual(['2026-01-06', 'English', 'English']);
  });

  it('should turn repeated lines into one paper listed in its next categories, like the reference crawler', () => {
    const a = refLine({ id: '2401.00001', categories: ['cs.CV', 'cs.AI'] });
    const f = parseReferenceFile('2026-01-05.jsonl', jsonl([a, refLine({ id: '2401.00002' }), a, a]), opts);
    expect(f.format).toBe('raw-jsonl');
    const { day, notes } = asDay(f);
    expect(day.papers.map((p) => p.paper.id)).toEqual(['2401.00001', '2401.00002']);
    expect(day.announcements.map((x) => `${x.paperId}@${x.category}:${x.kind}`)).toEqual([
      '2401.00001@cs.CV:new',
      '2401.00002@cs.LG:new',
      '2401.00001@cs.AI:cross',
    ]);
    expect(notes).toEqual(['1 repeated entry of a paper already in the file skipped']);
  });

  it("should flag the reference system's placeholder summaries", () => {
    const bad = {
      tldr: 'Summary generation failed',
      motivation: 'Motivation analysis unavailable',
      method: 'Method extraction failed',
      result: 'Result analysis unavailable',
      conclusion: 'Conclusion extraction failed',
    };
    const f = parseReferenceFile(
      '2026-01-05_AI_enhanced_English.jsonl',
      jsonl([refLine({ id: '2401.00001', AI: bad }), refLine({ id: '2401.00002', AI: ai('ok') })]),
      opts,
    );
    const { day, placeholders } = asDay(f);
    expect(day.summaries.map((s) => s.flags)).toEqual([['placeholder'], []]);
    expect(placeholders).toEqual(['2401.00001']);
  });

  it('should say which language it assumed when the name has none', () => {
    const f = parseReferenceFile('enhanced.jsonl', jsonl([refLine({ id: '2401.00001', AI: ai('a') })]), {
      ...opts,
      date: '2026-01-05',
    });
    const m = asDay(f);
    expect([f.language, m.day.summaries[0]!.language, m.languageAssumed]).toEqual([
      null,
      'Chinese',
      ['enhanced.jsonl'],
    ]);
  });
});
