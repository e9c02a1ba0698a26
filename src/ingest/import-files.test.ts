/**
 * Importing whole days: folders, files recognised by name, a day's files merged richest first,
 * idempotence — and hostile or damaged input, which gets a clear error naming file, line and
 * field and never corrupts what is stored.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDay } from '../publish/load-day.js';
import { renderMarkdown } from '../publish/markdown.js';
import { ai, jsonl, refLine, testDir, testStore } from '../../test/support/fixtures.js';
import { changedIn, importPaths, type ImportOptions } from './import-files.js';

const DAY = '2026-01-05';
const opts: ImportOptions = { defaultLanguage: 'English', now: () => new Date('2026-06-01T00:00:00Z') };
const view = (store: ReturnType<typeof testStore>, date = DAY) =>
  loadDay(store, { date, language: 'English', categoryOrder: [], preferredSummarizer: 'offline' });

describe('import of folders', () => {
  it('should search folders recursively, recognise day files by name and skip the rest', () => {
    const root = testDir();
    mkdirSync(join(root, 'data'));
    mkdirSync(join(root, 'assets'));
    mkdirSync(join(root, '.git'));
    writeFileSync(
      join(root, 'data', `${DAY}_AI_enhanced_English.jsonl`),
      jsonl([refLine({ id: '2401.00001', AI: ai('a') })]),
    );
    writeFileSync(
      join(root, 'data', `${DAY}.jsonl`),
      jsonl([refLine({ id: '2401.00001' }), refLine({ id: '2401.00002' })]),
    );
    writeFileSync(join(root, 'assets', 'file-list.txt'), `${DAY}.jsonl\n`);
    writeFileSync(join(root, 'README.md'), '# hi\n');
    writeFileSync(join(root, '.git', `${DAY}.jsonl`), 'not searched');
    const store = testStore();
    const r = importPaths(store, [root], opts);
    expect(r.skipped.map((f) => f.slice(root.length + 1)).sort()).toEqual(['README.md', 'assets/file-list.txt']);
    expect(r.days.map((d) => [d.date, d.files.map((f) => f.format), d.unlisted])).toEqual([
      [DAY, ['raw-jsonl', 'enhanced-jsonl'], 1],
    ]);
    const day = view(store);
    expect(day.papers.map((p) => p.paper.id)).toEqual(['2401.00001']);
    expect(day.unlisted.map((p) => p.paper.id)).toEqual(['2401.00002']);
    const again = importPaths(store, [root], opts);
    expect(again.days.map((d) => changedIn(d.counts))).toEqual([0]);
  });
});

describe('import: richer files win, and nothing contradicts them', () => {
  it('should keep the JSONL where a Markdown digest contradicts it, and add no paper from it', () => {
    const dir = testDir();
    writeFileSync(
      join(dir, `${DAY}_AI_enhanced_English.jsonl`),
      jsonl([refLine({ id: '2401.00001', title: 'The real title', authors: ['Ada Lovelace'], AI: ai('real') })]),
    );
    const store = testStore();
    importPaths(store, [join(dir, `${DAY}_AI_enhanced_English.jsonl`)], opts);
    const md = renderMarkdown(view(store))
      .replace('The real title', 'A forged title')
      .replace('TL;DR: TLDR real', 'TL;DR: forged')
      .replace('*Ada Lovelace*', '*Mallory*');
    const bogus =
      md.replace(/### \[1\][\s\S]*$/, '') + md.slice(md.indexOf('### [1]')).replace(/2401\.00001/g, '2401.09999');
    writeFileSync(join(dir, `${DAY}.md`), `${md}\n\n${bogus.slice(bogus.indexOf('### [1]'))}`);
    const r = importPaths(store, [dir], opts);
    expect(r.days[0]!.notes).toEqual([
      'the Markdown lists 1 paper the enhanced JSONL does not (2401.09999): left out',
      "the Markdown's titles differ from the JSONL's for 1 papers: the JSONL is kept",
    ]);
    const day = view(store);
    expect(day.papers.map((p) => [p.paper.id, p.paper.title, p.paper.authors])).toEqual([
      ['2401.00001', 'The real title', ['Ada Lovelace']],
    ]);
    expect(day.papers[0]!.summary.status === 'ok' && day.papers[0]!.summary.summary.fields!.tldr).toBe('TLDR real');
    expect(store.getPaper('2401.09999')).toBeNull();
  });
});

describe('import: damaged and hostile files', () => {
  const importOne = (name: string, content: string | Buffer) => {
    const dir = testDir();
    writeFileSync(join(dir, name), content);
    const store = testStore();
    return { store, r: importPaths(store, [join(dir, name)], opts), file: join(dir, name) };
  };

  it('should read a JSONL file with a byte order mark from its first line', () => {
    const { store, r } = importOne(`${DAY}.jsonl`, `\uFEFF${jsonl([refLine({ id: '2401.00001' })])}`);
    expect(r.days[0]!.rejects).toEqual([]);
    expect(store.getPaper('2401.00001')).not.toBeNull();
  });

  it('should refuse a file that is not UTF-8, naming the line, and store nothing of it', () => {
    const good = Buffer.from(jsonl([refLine({ id: '2401.00001' })]));
    const before = Buffer.from('{"id": "2401.00002", "title": "Bad ');
    const bad = Buffer.concat([good, before, Buffer.from([0xff, 0xfe, 0x28]), Buffer.from(' here"}\n')]);
    const { store, r, file } = importOne(`${DAY}.jsonl`, bad);
    expect(r.refused).toEqual([
      { file, error: `${file}:2: not valid UTF-8 (byte ${good.length + before.length}); the file was left out` },
    ]);
    expect(store.stats().papers).toBe(0);
  });

  it('should refuse dates that cannot be announcement dates, with the reason', () => {
    const text = jsonl([refLine({ id: '2401.00001' })]);
    const feb = importOne('2026-02-30.jsonl', text);
    expect(feb.r.refused[0]!.error).toBe(
      `${feb.file}: the date in the file name, 2026-02-30, is not a calendar date; pass --date`,
    );
    const future = importOne('9999-12-31.jsonl', text);
    expect(future.r.days[0]!.error).toBe(
      `${future.file}: 9999-12-31 is in the future: not an announcement date; the day was left out`,
    );
    expect(future.store.listDays()).toEqual([]);
  });

  it('should reject a line whose title holds a NUL, naming line and field', () => {
    const { store, r } = importOne(
      `${DAY}.jsonl`,
      jsonl([refLine({ id: '2401.00001', title: 'Hidden\u0000 rest' }), refLine({ id: '2401.00002' })]),
    );
    expect(r.days[0]!.rejects.map((x) => [x.line, x.reason])).toEqual([
      [1, 'field "title": contains a NUL character (U+0000)'],
    ]);
    expect(store.stats().papers).toBe(1);
  });

  it('should reject oversized fields and lines before they cost memory', () => {
    const huge = 'x'.repeat(1_100_000);
    const long = 'y'.repeat(25_000);
    const { r } = importOne(
      `${DAY}.jsonl`,
      jsonl([
        refLine({ id: '2401.00001', summary: huge }),
        refLine({ id: '2401.00002', summary: long }),
        refLine({ id: '2401.00003' }),
      ]),
    );
    expect(r.days[0]!.rejects.map((x) => x.reason)).toEqual([
      expect.stringMatching(/^the line has 1,100,[\d,]+ characters, more than the 1,000,000 a paper's line may have$/),
      'field "summary": 25,000 characters; an abstract may have at most 20,000 characters',
    ]);
  });

  it('should say what is wrong with a number too large to store', () => {
    const { r } = importOne(
      `${DAY}_AI_enhanced_English.jsonl`,
      `{"id": "2401.00001", "categories": ["cs.LG"], "authors": [], "title": "T", "comment": null, "summary": "S", "code_url": "https://github.com/a/b", "code_stars": 1e400, "AI": ${JSON.stringify(ai('a'))}}\n`,
    );
    expect(r.days[0]!.rejects.map((x) => x.reason)).toEqual([
      'field "code_stars": expected an integer, got a number too large to store',
    ]);
  });
});
