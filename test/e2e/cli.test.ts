/** The CLI contract end to end: real processes, a real SQLite file, files we write ourselves. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { ai, jsonl, refLine, testDir } from '../support/fixtures.js';
import { BIN, cleanEnv, cli, cliAsync } from '../support/cli.js';

const DAY = '2026-01-05';
const enhancedDay = () =>
  jsonl([
    refLine({ id: '2401.00001', categories: ['cs.LG', 'cs.AI'], title: 'Graph transformers at scale', AI: ai('one') }),
    refLine({ id: '2401.00002', categories: ['cs.AI'], title: '<img src=x onerror=alert(1)>', AI: ai('two') }),
    refLine({ id: '2401.00003', categories: ['cs.AR'], title: 'Systolic arrays', AI: ai('three') }),
  ]);

describe('arxiv-digest CLI', () => {
  it('should print help for the program and every command with exit 0', () => {
    const cwd = testDir();
    for (const args of [
      ['--help'],
      ['import', '--help'],
      ['render', '--help'],
      ['search', '--help'],
      ['run', '--help'],
    ]) {
      const r = cli(args, { cwd });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: arxiv-digest/);
    }
    expect(cli(['--version'], { cwd }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('should exit 2 on bad usage', () => {
    const cwd = testDir();
    expect(cli(['frobnicate'], { cwd }).code).toBe(2);
    expect(cli(['render'], { cwd }).stderr).toMatch(/required option '--date/);
    expect(cli(['render', '--date', DAY, '--format', 'pdf'], { cwd }).code).toBe(2);
    const bad = cli(['render', '--date', '2026-13-01'], { cwd });
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'arxiv-digest: --date: expected YYYY-MM-DD or latest, got "2026-13-01"\n',
    ]);
    expect(cli(['import'], { cwd }).code).toBe(2);
    expect(cli(['import', '--date', 'tomorrow', 'x.jsonl'], { cwd }).code).toBe(2);
    const settings = cli(['render', '--date', DAY], { cwd, env: { CATEGORIES: 'cs.LG,bogus cat' } });
    expect(settings.code).toBe(2);
    expect(settings.stderr).toContain('environment variable CATEGORIES: not an arXiv category: bogus cat');
  });

  it('should import, say so when nothing changed, and render markdown, jsonl and json', () => {
    const cwd = testDir({ [`${DAY}_AI_enhanced_English.jsonl`]: enhancedDay() });
    const first = cli(['import', `${DAY}_AI_enhanced_English.jsonl`], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      '2026-01-05 (enhanced-jsonl English): papers 3 new; announcements 3 new; summaries 3 new',
    );
    expect(existsSync(join(cwd, 'data/arxiv-digest.db'))).toBe(true);
    const again = cli(['import', `${DAY}_AI_enhanced_English.jsonl`], { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n').at(-1)).toBe(
      'import: 1 file, 1 day: 0 changed (3 papers, 3 summaries already stored)',
    );

    const md = cli(['render', '--date', DAY, '--lang', 'English', '--categories', 'cs.AR,cs.LG'], { cwd });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(
      /^<div id=toc><\/div>\n\n# Table of Contents\n\n- \[cs.AR\]\(#cs.AR\) \[Total: 1\]\n- \[cs.LG\]\(#cs.LG\) \[Total: 1\]\n- \[cs.AI\]\(#cs.AI\) \[Total: 1\]\n/,
    );
    expect(md.stdout).toContain('### [2] [Graph transformers at scale](https://arxiv.org/abs/2401.00001)');
    expect(md.stderr).toBe('render markdown 2026-01-05 (English): 3 papers in 3 categories, 3 summarized\n');

    const out = join(cwd, 'out/day.jsonl');
    expect(
      cli(['render', '--date', 'latest', '--format', 'jsonl', '--lang', 'English', '--out', out], { cwd }).code,
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(join(cwd, `${DAY}_AI_enhanced_English.jsonl`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => `${JSON.stringify(JSON.parse(l))}\n`)
        .map((l) => l.replace(/":/g, '": ').replace(/,"/g, ', "'))
        .join(''),
    );

    const json = JSON.parse(cli(['render', '--date', DAY, '--format', 'json'], { cwd }).stdout);
    expect(json).toMatchObject({
      date: DAY,
      language: 'Chinese',
      categories: [
        { name: 'cs.AI', count: 1 },
        { name: 'cs.AR', count: 1 },
        { name: 'cs.LG', count: 1 },
      ],
    });
    expect(json.papers[0].summary).toMatchObject({
      status: 'pending',
      reason: 'no Chinese summary yet (available in English)',
      tldr: null,
    });
  });

  it('should say once which language it assumed and which summaries are placeholders', () => {
    const placeholder = { ...ai('x'), tldr: 'Summary generation failed' };
    const cwd = testDir({
      'a.jsonl': jsonl([refLine({ id: '2401.00001', AI: placeholder })]),
      'b.jsonl': jsonl([refLine({ id: '2401.00002', AI: ai('b') })]),
    });
    const r = cli(['import', '--date', DAY, 'a.jsonl', 'b.jsonl'], { cwd, env: { LANGUAGE: 'German' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'import: note: 2 files did not name the summary language in the file name; stored as German (LANGUAGE); pass --lang to choose\n' +
        'import: note: the reference system\'s failure placeholders instead of a summary for 1 paper (2401.00001); stored flagged "placeholder", so any real summary is shown before them\n',
    );
    const json = JSON.parse(
      cli(['render', '--date', DAY, '--format', 'json'], { cwd, env: { LANGUAGE: 'German' } }).stdout,
    );
    expect(json.papers[0].summary).toMatchObject({ status: 'ok', flags: ['placeholder'] });
  });

  it('should report malformed lines as FILE:LINE, import the rest and exit 1', () => {
    const good = JSON.stringify(refLine({ id: '2401.00001' }));
    const cwd = testDir({
      [`${DAY}.jsonl`]: `${good}\n{"id": "2401.00002", "title": \n${JSON.stringify(refLine({ id: 'abc' }))}\n${JSON.stringify({ ...refLine({ id: '2401.00004' }), authors: 3 })}\n`,
    });
    const r = cli(['import', `${DAY}.jsonl`], { cwd });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^2026-01-05\.jsonl:2: not valid JSON/);
    expect(lines[1]).toBe(
      '2026-01-05.jsonl:3: field "id": expected an arXiv id such as 2401.01234 or astro-ph/0601001, got "abc"',
    );
    expect(lines[2]).toBe('2026-01-05.jsonl:4: field "authors": expected array, got number');
    expect(r.stdout).toMatch(/papers 1 new.*; 3 lines rejected\n$/);
    const store = openStore(join(cwd, 'data/arxiv-digest.db'));
    expect(store.stats()).toMatchObject({ papers: 1, announcements: 1 });
    expect(store.listRuns()[0]).toMatchObject({ command: 'import', status: 'failed' });
    store.close();
  });

  it('should refuse files that are not a reference format, and keep going with the others', () => {
    const cwd = testDir({ 'notes.txt': 'hello\n', [`${DAY}.jsonl`]: jsonl([refLine({ id: '2401.00001' })]) });
    const r = cli(['import', 'notes.txt', 'missing.jsonl', `${DAY}.jsonl`], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "notes.txt: not a reference-system file; accepted formats: the reference system's raw JSONL",
    );
    expect(r.stderr).toContain('missing.jsonl: cannot read: ENOENT');
    expect(r.stdout).toMatch(/papers 1 new.*; 2 files refused\n$/);
  });

  it('should import a Markdown digest and render it back byte for byte', () => {
    const cwd = testDir({ [`${DAY}_AI_enhanced_English.jsonl`]: enhancedDay() });
    cli(['import', `${DAY}_AI_enhanced_English.jsonl`], { cwd });
    const md = cli(['render', '--date', DAY, '--lang', 'English'], { cwd }).stdout;
    writeFileSync(join(cwd, `${DAY}.md`), md);
    const other = testDir();
    const r = cli(['--db', join(other, 's.db'), 'import', '--lang', 'English', join(cwd, `${DAY}.md`)], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-01-05 (markdown English): papers 3 new');
    expect(cli(['--db', join(other, 's.db'), 'render', '--date', DAY, '--lang', 'English'], { cwd }).stdout).toBe(md);
  });

  it('should say when a date has no papers, exit 1 and write no file', () => {
    const cwd = testDir({ [`${DAY}.jsonl`]: jsonl([refLine({ id: '2401.00001' })]) });
    cli(['import', `${DAY}.jsonl`], { cwd });
    const r = cli(['render', '--date', '2026-01-06', '--out', 'x.md'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no papers announced on 2026-01-06 in .* \(stored days: 2026-01-05\)/);
    expect(existsSync(join(cwd, 'x.md'))).toBe(false);
  });

  it('should list papers without a summary with an honest status line', () => {
    const cwd = testDir({ [`${DAY}.jsonl`]: jsonl([refLine({ id: '2401.00001' })]) });
    cli(['import', `${DAY}.jsonl`], { cwd });
    const r = cli(['render', '--date', DAY], { cwd });
    expect(r.stdout).toContain('Summary status: pending — not summarized in Chinese yet\n');
    expect(r.stdout).not.toContain('TL;DR');
    expect(r.stderr).toContain('1 paper in 1 category, 0 summarized, 1 pending');
  });

  it('should search with bm25, snippets and JSON, and explain bad queries', () => {
    const cwd = testDir({ [`${DAY}_AI_enhanced_English.jsonl`]: enhancedDay() });
    cli(['import', `${DAY}_AI_enhanced_English.jsonl`], { cwd });
    const r = cli(['search', 'graph', 'transformer'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-01-05  2401.00001  Graph transformers at scale');
    expect(r.stdout).toContain('**Graph** **transformers**');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('search: 1 hit for "graph transformer"');
    const json = JSON.parse(cli(['search', '--json', '--limit', '5', 'onerror'], { cwd }).stdout);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: '2401.00002', date: DAY, title: '<img src=x onerror=alert(1)>' });
    const hostile = testDir({
      [`${DAY}.jsonl`]: jsonl([refLine({ id: '2401.00009', title: 'Escape \u001b[2J\u001b]0;pwned\u0007 here' })]),
    });
    cli(['import', `${DAY}.jsonl`], { cwd: hostile });
    const shown = cli(['search', 'escape'], { cwd: hostile }).stdout;
    expect(shown).toContain('Escape \\u001b[2J\\u001b]0;pwned\\u0007 here');
    expect(shown).not.toContain('\u001b');
    const bad = cli(['search', 'graph', 'AND'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^arxiv-digest: invalid search query: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('should publish the reference files, the site and the feeds of the latest day with run', () => {
    const cwd = testDir({ [`${DAY}_AI_enhanced_English.jsonl`]: enhancedDay() });
    cli(['import', `${DAY}_AI_enhanced_English.jsonl`], { cwd });
    const r = cli(['run', '--no-fetch', '--no-deliver', '--lang', 'English', '--out', 'pub'], { cwd });
    expect(r.code).toBe(0);
    for (const f of [
      `${DAY}.md`,
      `${DAY}.jsonl`,
      `${DAY}_AI_enhanced_English.jsonl`,
      'site/index.html',
      `site/days/${DAY}.html`,
      'feed.xml',
      'atom.xml',
      'feed.json',
    ])
      expect(existsSync(join(cwd, 'pub', f)), f).toBe(true);
    expect(r.stdout).toMatch(
      /^run 2026-01-05: 3 papers; summaries 3 ok, 0 failed\/refused, 0 pending; 0 calls, 0 tokens; 0 code links; published \d+ files \(\d+ changed\)\n$/,
    );
  });

  it('should give a clear error when the store cannot be opened', () => {
    const cwd = testDir({ 'file.txt': 'x' });
    const r = cli(['--db', join(cwd, 'file.txt', 'store.db'), 'render', '--date', DAY], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^arxiv-digest: cannot open the store .*file\.txt\/store\.db: /);
  });

  it('should leave the store consistent when killed mid-import, and finish on the next run', async () => {
    const n = 40_000;
    const lines = Array.from({ length: n }, (_, i) =>
      JSON.stringify(refLine({ id: `2401.${String(i + 1).padStart(5, '0')}`, AI: ai(String(i)) })),
    );
    const cwd = testDir({ [`${DAY}_AI_enhanced_English.jsonl`]: `${lines.join('\n')}\n` });
    const child = cliAsync(['import', `${DAY}_AI_enhanced_English.jsonl`], { cwd });
    const db = join(cwd, 'data/arxiv-digest.db');
    // Kill once the import transaction has spilled pages into the WAL, i.e. midway through it.
    let exitedByItself = false;
    child.on('exit', () => (exitedByItself = true));
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (exitedByItself || (existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 2_000_000)) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    const killedMidway = !exitedByItself;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const store = openStore(db);
    expect(store.rawDatabase().pragma('integrity_check', { simple: true })).toBe('ok');
    const { papers, summaries } = store.stats();
    expect(papers).toBe(killedMidway ? 0 : n);
    expect(summaries).toBe(papers);
    store.close();
    const again = cli(['import', `${DAY}_AI_enhanced_English.jsonl`], { cwd });
    expect(again.code).toBe(0);
    const after = openStore(db);
    expect(after.stats()).toMatchObject({ papers: n, summaries: n, announcements: n });
    after.close();
  });
});

describe('arxiv-digest CLI: the rough edges', () => {
  it('should end quietly when the reader closes the pipe (render | head, search | head)', () => {
    const lines = Array.from({ length: 600 }, (_, i) =>
      refLine({ id: `2401.${String(10001 + i)}`, AI: ai(`long ${i} `.repeat(40)), summary: 'graph '.repeat(200) }),
    );
    const cwd = testDir({ [`${DAY}_AI_enhanced_English.jsonl`]: jsonl(lines) });
    expect(cli(['import', `${DAY}_AI_enhanced_English.jsonl`], { cwd }).code).toBe(0);
    for (const args of [`render --date ${DAY} --lang English`, 'search graph --limit 500 --json']) {
      const r = spawnSync(
        'bash',
        ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" ${args} | head -n 2 >/dev/null`],
        {
          cwd,
          encoding: 'utf8',
          env: cleanEnv(),
        },
      );
      expect(r.stderr, args).not.toMatch(/EPIPE|internal error|\n\s+at /);
      expect(r.status, args).toBe(0);
    }
  });

  it("should check CATEGORIES against arXiv's taxonomy and suggest the category meant", () => {
    const cwd = testDir();
    const typo = cli(['render', '--date', DAY], { cwd, env: { CATEGORIES: 'cs.LG,cs.LX' } });
    expect([typo.code, typo.stderr]).toEqual([
      2,
      'arxiv-digest: invalid settings:\n  - environment variable CATEGORIES: not an arXiv category: cs.LX (did you mean cs.LG?)\n',
    ]);
    const archive = cli(['render', '--date', DAY], { cwd, env: { CATEGORIES: 'cs' } });
    expect(archive.stderr).toContain(
      'environment variable CATEGORIES: cs is an archive, not a category: name its categories (cs.AI, cs.AR, cs.CC, …)',
    );
    const unknown = cli(['render', '--date', DAY], { cwd, env: { CATEGORIES: 'cs.LG,quant-bio' } });
    expect(unknown.stderr).toContain(
      "arxiv-digest: warning: environment variable CATEGORIES: quant-bio is not in arXiv's category taxonomy as this release knows it; used as given",
    );
  });

  it('should range-check numbers when settings load: an SMTP port of 99999 is a usage error', () => {
    const r = cli(['render', '--date', DAY], {
      cwd: testDir(),
      env: { SMTP_HOST: 'smtp.example.org', SMTP_PORT: '99999', SMTP_FROM: 'a@example.org', SMTP_TO: 'b@example.org' },
    });
    expect([r.code, r.stderr]).toEqual([
      2,
      'arxiv-digest: invalid settings:\n  - environment variable SMTP_PORT: expected a whole number from 1 to 65,535, got "99999"\n',
    ]);
  });
});
