/**
 * Ranking for the reader as real processes: quick profile flags give every paper a score and a
 * reason (JSON) and a "For you" section (Markdown) that is absent without a profile, a config
 * file's profile with a library export works the same, and `--summarize-top` spends LLM calls
 * only on the best papers while the rest are summarized offline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { jsonl, refLine, testDir } from '../support/fixtures.js';
import { cli, cliRun } from '../support/cli.js';
import { paperFromPrompt, startOpenAiStandIn } from '../support/openai-standin.js';

const DAY = '2026-01-05';

const TITLES = [
  'Sparse attention for long documents',
  'A survey of diffusion models',
  'Video diffusion models with temporal attention',
  'Compiler passes for tensor programs',
  'Protein folding with language models',
  'Diffusion policies for robot grasping',
];

/** A stored day of six papers (raw JSONL, so nothing is summarized yet). */
function storedDay(): string {
  const cwd = testDir({
    [`${DAY}.jsonl`]: jsonl(
      TITLES.map((title, i) =>
        refLine({
          id: `2401.0000${i + 1}`,
          title,
          authors: i === 3 ? ['Jane Doe'] : ['Ada Lovelace'],
          summary: `${title} are studied. We propose a method for them. It works well on benchmarks.`,
        }),
      ),
    ),
  });
  expect(cli(['import', `${DAY}.jsonl`], { cwd }).code).toBe(0);
  return cwd;
}

describe('ranking', () => {
  it('should give every paper a score and a reason in JSON with --keywords, --exclude and --authors', () => {
    const cwd = storedDay();
    const plain = JSON.parse(cli(['render', '--date', DAY, '--format', 'json'], { cwd }).stdout);
    expect(plain.papers.map((p: { score: unknown; reason: unknown }) => [p.score, p.reason])).toEqual(
      TITLES.map(() => [null, null]),
    );
    const r = cli(
      [
        'render',
        '--date',
        DAY,
        '--format',
        'json',
        '--keywords',
        'diffusion',
        '--exclude',
        'survey',
        '--authors',
        'Jane Doe',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'render json 2026-01-05 (Chinese): 6 papers in 1 category, 0 summarized, 6 pending, 3 for you\n',
    );
    const byId = Object.fromEntries(
      JSON.parse(r.stdout).papers.map((p: { id: string; score: number; reason: string }) => [
        p.id,
        [p.score, p.reason],
      ]),
    );
    expect(byId).toEqual({
      '2401.00001': [0, ''],
      '2401.00002': [0, "excluded keyword 'survey' in title; keyword 'diffusion' in title"],
      '2401.00003': [0.5, "keyword 'diffusion' in title"],
      '2401.00004': [0.5, 'author Jane Doe'],
      '2401.00005': [0, ''],
      '2401.00006': [0.5, "keyword 'diffusion' in title"],
    });
    const bad = cli(['render', '--date', DAY, '--keywords', 'the'], { cwd });
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'arxiv-digest: invalid settings:\n  - --keywords[0]: "the" has no searchable word (stopwords, bare numbers and single letters are ignored)\n',
    ]);
  });

  it('should add a For you section to Markdown with a profile, and leave it unchanged without one', () => {
    const cwd = storedDay();
    const before = cli(['render', '--date', DAY], { cwd }).stdout;
    const md = cli(['render', '--date', DAY, '--keywords', 'diffusion:2', '--exclude', 'survey'], { cwd }).stdout;
    expect(md).toContain(
      '# Table of Contents\n\n- [For you](#for-you) [Total: 3]\n- [cs.LG](#cs.LG) [Total: 6]\n' +
        "\n\n<div id='for-you'></div>\n\n# For you [[Back]](#toc)\n\n" +
        "- [3] [Video diffusion models with temporal attention](https://arxiv.org/abs/2401.00003) — 0.67: keyword 'diffusion' in title\n" +
        "- [6] [Diffusion policies for robot grasping](https://arxiv.org/abs/2401.00006) — 0.67: keyword 'diffusion' in title\n" +
        "- [2] [A survey of diffusion models](https://arxiv.org/abs/2401.00002) — 0.50: keyword 'diffusion' in title; excluded keyword 'survey' in title\n" +
        "\n\n<div id='cs.LG'></div>",
    );
    expect(md.slice(md.indexOf("<div id='cs.LG'>"))).toBe(before.slice(before.indexOf("<div id='cs.LG'>")));
    expect(cli(['render', '--date', DAY], { cwd }).stdout).toBe(before);
    expect(before).not.toContain('For you');
  });

  it('should rank by the config file profile and a library export next to it', () => {
    const cwd = storedDay();
    writeFileSync(
      join(cwd, 'my-library.ris'),
      'TY  - JOUR\nTI  - Denoising diffusion probabilistic models\nAU  - Ho, Jonathan\nAB  - Diffusion models for video and images.\nER  - \n',
    );
    writeFileSync(
      join(cwd, 'arxiv-digest.config.json'),
      JSON.stringify({ categories: ['cs.LG'], profile: { library: ['my-library.ris'], authors: ['Jane Doe:2'] } }),
    );
    const json = JSON.parse(cli(['render', '--date', DAY, '--format', 'json'], { cwd }).stdout);
    const byId = Object.fromEntries(json.papers.map((p: { id: string; reason: string }) => [p.id, p.reason]));
    expect(byId['2401.00004']).toBe('author Jane Doe');
    expect(byId['2401.00003']).toBe('similar to “Denoising diffusion probabilistic models” from your library');
    expect(byId['2401.00001']).toBe('');
    writeFileSync(join(cwd, 'arxiv-digest.config.json'), JSON.stringify({ profile: { library: ['missing.bib'] } }));
    const missing = cli(['render', '--date', DAY], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `arxiv-digest: ${join(cwd, 'missing.bib')}: cannot read the library file (ENOENT; profile.library has "missing.bib")\n`,
    );
  });

  it('should summarize only the top papers with the LLM and the rest offline (run --summarize-top 2)', async () => {
    const cwd = storedDay();
    const llm = await startOpenAiStandIn();
    onTestFinished(() => llm.close());
    const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: llm.url, LANGUAGE: 'English', CATEGORIES: 'cs.LG' };
    const args = ['run', '--no-fetch', '--no-deliver', '--summarize-top', '2', '--keywords', 'diffusion'];
    const r = await cliRun([...args, '--exclude', 'survey'], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    const asked = llm.requests.filter((q) => q.path === '/v1/chat/completions');
    const titles = asked.map((q) => paperFromPrompt(JSON.stringify(q.body?.messages)).title);
    expect(asked).toHaveLength(2);
    expect(
      asked.map((q) => TITLES.find((t) => JSON.stringify(q.body?.messages).includes(t))).sort(),
      String(titles),
    ).toEqual(['Diffusion policies for robot grasping', 'Video diffusion models with temporal attention']);
    expect(r.stderr).toContain('summarize: 2 by openai:deepseek-chat (top 2 by score), 4 offline\n');
    expect(r.stdout).toMatch(
      /summaries 6 ok, 0 failed\/refused, 0 pending; 2 calls, [\d,]+ tokens[^;]*; 2 chosen for the LLM, 4 offline;/,
    );

    const enhanced = readFileSync(join(cwd, 'data', `${DAY}_AI_enhanced_English.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; AI: { tldr: string } });
    expect(enhanced.map((p) => [p.id, p.AI.tldr.startsWith('This paper presents')])).toEqual([
      ['2401.00001', false],
      ['2401.00002', false],
      ['2401.00003', true],
      ['2401.00004', false],
      ['2401.00005', false],
      ['2401.00006', true],
    ]);
    const md = readFileSync(join(cwd, 'data', `${DAY}.md`), 'utf8');
    expect(md).toContain('- [For you](#for-you) [Total: 2]\n');

    // Nothing is summarized twice; the same files again.
    const again = await cliRun([...args, '--exclude', 'survey'], { cwd, env });
    expect(again.code).toBe(0);
    expect(llm.requests.filter((q) => q.path === '/v1/chat/completions')).toHaveLength(2);
    expect(readFileSync(join(cwd, 'data', `${DAY}.md`), 'utf8')).toBe(md);
  });

  it('should do the same in summarize, with MIN_SCORE from the environment', async () => {
    const cwd = storedDay();
    const llm = await startOpenAiStandIn();
    onTestFinished(() => llm.close());
    const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: llm.url, MIN_SCORE: '0.5' }; // Chinese: offline ones say so
    const r = await cliRun(['summarize', '--authors', 'Jane Doe'], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('summarize: 1 by openai:deepseek-chat (score ≥ 0.5), 5 offline\n');
    expect(r.stderr).toContain('(papers outside --summarize-top / --min-score)');
    expect(r.stdout).toMatch(/: 6 papers — 6 ok, .*; 1 chosen for the LLM, 5 offline\n$/);
    const asked = llm.requests.filter((q) => q.path === '/v1/chat/completions');
    expect(asked.map((q) => JSON.stringify(q.body?.messages).includes(TITLES[3]!))).toEqual([true]);
  });
});
