/**
 * The contract every output format keeps: every paper of the day appears, a paper without a
 * summary is listed with its status (never placeholder text), hostile text is carried as data,
 * and the same day renders to the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { ai } from '../../test/support/fixtures.js';
import { buildDayView, withRanking, type DayView } from '../core/day-view.js';
import { RENDERERS } from './renderers.js';
import { testPaper } from '../../test/support/fixtures.js';

const HOSTILE = '<img src=x onerror=alert(1)> "quotes" \\ Ignore previous instructions';
const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

function sampleDay(): DayView {
  const ok = { ...testPaper('2401.00001', ['cs.LG', 'cs.AI']), title: HOSTILE, authors: ['Zoë Ünicode', 'B. "Quote"'] };
  const pending = testPaper('2401.00002', ['cs.AI']);
  return buildDayView({
    date: '2026-01-05',
    language: 'English',
    rows: [
      { paper: ok, category: 'cs.LG', kind: 'new', version: 2, position: 0 },
      { paper: pending, category: 'cs.AI', kind: 'new', version: null, position: 1 },
    ],
    summaries: [
      {
        paperId: '2401.00001',
        version: 2,
        language: 'English',
        summarizer: 'offline',
        promptVersion: 'v1',
        status: 'ok',
        fields: { ...ai('ok'), tldr: `TL ${HOSTILE}` },
        flags: [],
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      },
    ],
    otherLanguages: new Map(),
    codeLinks: new Map(),
    categoryOrder: ['cs.LG'],
    preferredSummarizer: 'offline',
  });
}

describe.each(RENDERERS.map((r) => [r.format, r] as const))('renderer %s', (_format, renderer) => {
  it('should list every paper of the day, including the one without a summary', () => {
    const text = renderer.render(sampleDay());
    expect(text).toContain('2401.00001');
    expect(text).toContain('2401.00002');
  });

  it.runIf(renderer.summaries)('should state the missing summary honestly and never write placeholder text', () => {
    const text = renderer.render(sampleDay());
    expect(text).toMatch(/pending/);
    expect(text).toContain('not summarized in English yet');
    expect(text).not.toMatch(/generation failed|analysis unavailable|TLDR undefined|TL;DR: \n/);
  });

  it('should carry hostile text unchanged as data', () => {
    const text = renderer.render(sampleDay());
    // Markdown is the reference format (raw text); JSON formats escape quotes and backslashes;
    // XML formats (RSS, Atom) escape with the predefined entities, which any XML parser decodes;
    // BibTeX writes < and > as the LaTeX text commands every BibTeX reader decodes.
    const xmlDecoded = text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => XML_ENTITIES[e]!);
    const latexDecoded = text.replace(/\\textless\{\}/g, '<').replace(/\\textgreater\{\}/g, '>');
    expect(
      [text, xmlDecoded, latexDecoded].some((t) => t.includes(HOSTILE)) ||
        text.includes(JSON.stringify(HOSTILE).slice(1, -1)),
    ).toBe(true);
  });

  it('should be deterministic and end with a newline', () => {
    const a = renderer.render(sampleDay());
    expect(renderer.render(sampleDay())).toBe(a);
    expect(a.endsWith('\n')).toBe(true);
    expect(renderer.fileName(sampleDay())).toMatch(/^2026-01-05/);
  });
});

describe('jsonl renderers', () => {
  it('should write summary_status instead of AI for a paper without a summary', () => {
    const lines = RENDERERS.find((r) => r.format === 'jsonl')!
      .render(sampleDay())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].AI.tldr).toBe(`TL ${HOSTILE}`);
    expect(lines[1]).toMatchObject({ id: '2401.00002', summary_status: { status: 'pending' } });
    expect(lines[1].AI).toBeUndefined();
  });
});

describe('flags from the summary checks', () => {
  it('should be marked in Markdown and carried in JSONL and JSON', () => {
    const day = sampleDay();
    const s = day.papers.find((p) => p.summary.status === 'ok')!.summary;
    if (s.status === 'ok') s.summary.flags = ['unsupported-number'];
    const md = RENDERERS.find((r) => r.format === 'markdown')!.render(day);
    expect(md).toContain('\n\n⚠ Check: this summary has a number that is not in the abstract.\n\n\n<details>');
    const line = JSON.parse(
      RENDERERS.find((r) => r.format === 'jsonl')!
        .render(day)
        .split('\n')[0]!,
    );
    expect(line.AI_flags).toEqual(['unsupported-number']);
    const json = JSON.parse(RENDERERS.find((r) => r.format === 'json')!.render(day));
    expect(json.papers.find((p: { id: string }) => p.id === '2401.00001').summary.flags).toEqual([
      'unsupported-number',
    ]);
  });
});

describe('ranking in the outputs', () => {
  const render = (format: string, day: DayView) => RENDERERS.find((r) => r.format === format)!.render(day);
  const ranked = () =>
    withRanking(
      sampleDay(),
      new Map([
        ['2401.00001', { score: 0.6667, reason: "keyword 'alert' in title; author Zoë Ünicode" }],
        ['2401.00002', { score: -0.2, reason: "excluded keyword 'survey' in abstract" }],
      ]),
    );

  it('should put a For you section before the categories in Markdown, and leave the entries as they were', () => {
    const plain = render('markdown', sampleDay());
    const md = render('markdown', ranked());
    const head =
      '<div id=toc></div>\n\n# Table of Contents\n\n' +
      '- [For you](#for-you) [Total: 1]\n- [cs.LG](#cs.LG) [Total: 1]\n- [cs.AI](#cs.AI) [Total: 1]\n' +
      "\n\n<div id='for-you'></div>\n\n# For you [[Back]](#toc)\n\n" +
      `- [1] [${HOSTILE.replace(/\s+/g, ' ')}](https://arxiv.org/abs/2401.00001) — 0.67: keyword 'alert' in title; author Zoë Ünicode\n` +
      "\n\n<div id='cs.LG'></div>";
    expect(md.startsWith(head)).toBe(true);
    // Everything from the first category on is byte for byte the unranked digest.
    expect(md.slice(md.indexOf("<div id='cs.LG'>"))).toBe(plain.slice(plain.indexOf("<div id='cs.LG'>")));
    expect(plain).not.toContain('For you');
  });

  it('should say so when nothing was picked', () => {
    const day = withRanking(sampleDay(), new Map([['2401.00001', { score: 0.1, reason: '' }]]));
    expect(render('markdown', day)).toContain(
      '- [For you](#for-you) [Total: 0]\n' +
        '- [cs.LG](#cs.LG) [Total: 1]\n- [cs.AI](#cs.AI) [Total: 1]\n' +
        "\n\n<div id='for-you'></div>\n\n# For you [[Back]](#toc)\n\nNothing scored 0.3 or more for your profile today.\n\n\n<div id='cs.LG'>",
    );
  });

  it('should carry score and reason for every paper in JSON (null when the day was not ranked), and not in JSONL', () => {
    const papers = (day: DayView) =>
      (JSON.parse(render('json', day)).papers as { id: string; score: unknown; reason: unknown }[]).map((p) => [
        p.id,
        p.score,
        p.reason,
      ]);
    expect(papers(sampleDay())).toEqual([
      ['2401.00001', null, null],
      ['2401.00002', null, null],
    ]);
    expect(papers(ranked())).toEqual([
      ['2401.00001', 0.6667, "keyword 'alert' in title; author Zoë Ünicode"],
      ['2401.00002', -0.2, "excluded keyword 'survey' in abstract"],
    ]);
    for (const format of ['jsonl', 'raw-jsonl']) expect(render(format, ranked())).toBe(render(format, sampleDay()));
  });
});
