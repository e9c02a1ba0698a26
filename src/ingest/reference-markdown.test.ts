import { describe, expect, it } from 'vitest';
import { buildDayView } from '../core/day-view.js';
import { testPaper } from '../../test/support/fixtures.js';
import { renderMarkdown } from '../publish/markdown.js';
import { ai } from '../../test/support/fixtures.js';
import { looksLikeDigest, parseReferenceMarkdown } from './reference-markdown.js';

const ENTRY = `### [1] [A [bracketed] title (v2)](https://arxiv.org/abs/2401.00001)
*Ada Lovelace,Alan Turing*

Main category: cs.LG

TL;DR: Short.


<details>
  <summary>Details</summary>
Motivation: Why.

Method: How.

Result: What.

Conclusion: So.

Abstract: Line one
line two.

</details>
`;

const digest = (body: string) =>
  `<div id=toc></div>\n\n# Table of Contents\n\n- [cs.LG](#cs.LG) [Total: 1]\n\n\n<div id='cs.LG'></div>\n\n# cs.LG [[Back]](#toc)\n\n${body}`;

describe('parseReferenceMarkdown', () => {
  it('should read entries back into papers and summaries', () => {
    const md = parseReferenceMarkdown(digest(ENTRY));
    expect(looksLikeDigest(digest(ENTRY))).toBe(true);
    expect(md.categories).toEqual(['cs.LG']);
    expect(md.rejects).toEqual([]);
    expect(md.records[0]).toMatchObject({
      line: 12,
      paper: {
        id: '2401.00001',
        title: 'A [bracketed] title (v2)',
        authors: ['Ada Lovelace', 'Alan Turing'],
        abstract: 'Line one\nline two.',
        categories: ['cs.LG'],
        categoriesPartial: true,
      },
      summary: { tldr: 'Short.', motivation: 'Why.', method: 'How.', result: 'What.', conclusion: 'So.' },
    });
  });

  it('should reject a broken entry with its line and keep the others', () => {
    const broken = ENTRY.replace('1]', '2]')
      .replace('Main category: cs.LG', 'Category cs.LG')
      .replace('2401.00001', '2401.00002');
    const md = parseReferenceMarkdown(digest(`${ENTRY}\n\n${broken}`));
    expect(md.records.map((r) => r.paper.id)).toEqual(['2401.00001']);
    expect(md.rejects).toEqual([{ line: 36, reason: 'expected "Main category: CATEGORY" after the authors' }]);
  });

  it('should round-trip what render writes, including a paper without a summary', () => {
    const view = buildDayView({
      date: '2026-01-05',
      language: 'English',
      rows: [
        {
          paper: { ...testPaper('2401.00001'), abstract: 'Multi\nline' },
          category: 'cs.LG',
          kind: 'new',
          version: null,
          position: 0,
        },
        { paper: testPaper('2401.00002', ['cs.AI']), category: 'cs.AI', kind: 'new', version: null, position: 1 },
      ],
      summaries: [
        {
          paperId: '2401.00001',
          version: 0,
          language: 'English',
          summarizer: 'imported',
          promptVersion: 'reference',
          status: 'ok',
          fields: ai('a'),
          flags: [],
          createdAt: 'x',
          updatedAt: 'x',
        },
      ],
      otherLanguages: new Map(),
      codeLinks: new Map(),
      categoryOrder: [],
      preferredSummarizer: 'offline',
    });
    const md = parseReferenceMarkdown(renderMarkdown(view));
    expect(md.rejects).toEqual([]);
    expect(md.records.map((r) => [r.paper.id, r.paper.abstract, r.summary?.tldr ?? null])).toEqual([
      ['2401.00002', 'Abstract.', null],
      ['2401.00001', 'Multi\nline', 'TLDR a'],
    ]);
  });
});
