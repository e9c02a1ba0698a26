import { describe, expect, it } from 'vitest';
import { ai, refLine } from '../../test/support/fixtures.js';
import { parseReferenceJsonl, parseReferenceLine } from './reference-jsonl.js';

const reason = (text: string) => {
  const r = parseReferenceLine(text, 7);
  return 'reason' in r ? r.reason : null;
};

describe('parseReferenceLine', () => {
  it('should read a raw line', () => {
    const r = parseReferenceLine(JSON.stringify(refLine({ id: '2401.00001', comment: '9 pages' })), 1);
    expect(r).toMatchObject({
      line: 1,
      paper: { id: '2401.00001', version: null, comment: '9 pages', categories: ['cs.LG'] },
      summary: null,
      code: null,
    });
  });

  it('should read an enhanced line with AI and code link, and a version inside the id', () => {
    const r = parseReferenceLine(
      JSON.stringify(
        refLine({
          id: '2401.00001v2',
          AI: ai('x'),
          code_url: 'https://github.com/a/b',
          code_stars: 5,
          code_last_update: '2026-01-01',
        }),
      ),
      1,
    );
    expect(r).toMatchObject({
      paper: { id: '2401.00001', version: 2 },
      summary: ai('x'),
      code: { url: 'https://github.com/a/b', stars: 5 },
    });
  });

  it('should keep a paper titled "0" and old-style ids', () => {
    expect(parseReferenceLine(JSON.stringify(refLine({ id: 'astro-ph/0601001', title: '0' })), 1)).toMatchObject({
      paper: { id: 'astro-ph/0601001', title: '0' },
    });
  });

  it('should give a reason for each kind of bad line', () => {
    expect(reason('{"id": "2401.00001",')).toMatch(/^not valid JSON/);
    expect(reason('[1,2]')).toBe('expected a JSON object, got array');
    const { title: _t, ...noTitle } = refLine({ id: '2401.00001' });
    expect(reason(JSON.stringify(noTitle))).toBe('missing field "title" (expected string)');
    const { id: _i, ...noId } = refLine({ id: '2401.00001' });
    expect(reason(JSON.stringify(noId))).toBe('missing field "id" (expected string)');
    expect(reason(JSON.stringify({ ...refLine({ id: '2401.00001' }), title: '  ' }))).toBe(
      'field "title": must not be empty',
    );
    expect(reason(JSON.stringify({ ...refLine({ id: '2401.00001' }), authors: 'Ada' }))).toBe(
      'field "authors": expected array, got string "Ada"',
    );
    expect(reason(JSON.stringify({ ...refLine({ id: '2401.00001' }), categories: [] }))).toMatch(
      /^field "categories":/,
    );
    expect(reason(JSON.stringify(refLine({ id: 'not-an-id' })))).toBe(
      'field "id": expected an arXiv id such as 2401.01234 or astro-ph/0601001, got "not-an-id"',
    );
    expect(reason(JSON.stringify({ ...refLine({ id: '2401.00001' }), AI: { ...ai('x'), method: 3 } }))).toBe(
      'field "AI.method": expected string, got number',
    );
  });
});

describe('parseReferenceJsonl', () => {
  it('should number lines from 1, skip blank lines and tolerate CRLF', () => {
    const text = `${JSON.stringify(refLine({ id: '2401.00001' }))}\r\n\n{bad\n${JSON.stringify(refLine({ id: '2401.00002' }))}`;
    const { records, rejects } = parseReferenceJsonl(text);
    expect(records.map((r) => [r.line, r.paper.id])).toEqual([
      [1, '2401.00001'],
      [4, '2401.00002'],
    ]);
    expect(rejects.map((r) => r.line)).toEqual([3]);
  });
});
