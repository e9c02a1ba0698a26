/**
 * The GitHub Actions template (examples/github-actions-daily.yml), played step by step as a
 * runner would run it (test/support/workflow-player.ts) against a local bare repository standing
 * for GitHub, loopback stand-ins of arXiv, an LLM and Slack: day 1, the cache lost, day 2; a
 * failed delivery; and a repository migrating from daily-arXiv-ai-enhanced whose data branch
 * simply continues.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testDir } from '../support/fixtures.js';
import { startArxivStandIn, type StandInWorld } from '../support/arxiv-standin.js';
import { generateDay } from '../support/arxiv-world.js';
import { startChatStandIn } from '../support/chat-standins.js';
import { startOpenAiStandIn } from '../support/openai-standin.js';
import { generateReferenceHistory } from '../support/reference-history.js';
import { loadWorkflow, playWorkflow, type PlayOptions } from '../support/workflow-player.js';

const TEMPLATE = fileURLToPath(new URL('../../examples/github-actions-daily.yml', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));

function git(args: string[], cwd?: string): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: cwd ?? process.cwd(),
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A bare repository with the user's main branch (the workflow) and, optionally, a data branch. */
function githubRepo(dataBranch?: string): string {
  const tmp = testDir();
  const origin = join(tmp, 'origin.git');
  git(['init', '--quiet', '--bare', '-b', 'main', origin]);
  const seed = join(tmp, 'seed');
  git(['clone', '--quiet', origin, seed]);
  mkdirSync(join(seed, '.github/workflows'), { recursive: true });
  cpSync(TEMPLATE, join(seed, '.github/workflows/arxiv-digest.yml'));
  writeFileSync(join(seed, 'README.md'), '# my arXiv digest\n');
  git(['add', '-A'], seed);
  git(['commit', '--quiet', '-m', 'workflow'], seed);
  git(['push', '--quiet', 'origin', 'main'], seed);
  if (dataBranch) {
    const data = join(tmp, 'data-seed');
    git(['init', '--quiet', '-b', 'data', data]);
    cpSync(dataBranch, data, { recursive: true });
    git(['add', '-A'], data);
    git(['commit', '--quiet', '-m', 'daily-arXiv-ai-enhanced history'], data);
    git(['push', '--quiet', origin, 'data'], data);
  }
  return origin;
}

const branchFiles = (origin: string, branch = 'data'): string[] =>
  git(['--git-dir', origin, 'ls-tree', '-r', '--name-only', branch]).trim().split('\n');

const chatCalls = (server: { requests: { path: string }[] }) =>
  server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

async function setting(world: StandInWorld) {
  const arxiv = await startArxivStandIn(world);
  onTestFinished(() => arxiv.close());
  const llm = await startOpenAiStandIn();
  onTestFinished(() => llm.close());
  const chat = await startChatStandIn();
  onTestFinished(() => chat.close());
  const tmp = testDir();
  let runId = 100;
  const base = {
    cache: join(tmp, 'cache'),
    pages: join(tmp, 'pages', 'site'),
    workspace: join(tmp, 'runner', 'work'),
    vars: {
      CATEGORIES: 'cs.AR,cs.DC,cs.LG',
      LANGUAGE: 'English',
      NAME: 'Reader',
      EMAIL: 'reader@example.org',
      ARXIV_RSS_URL: arxiv.urls.rss,
      ARXIV_API_URL: arxiv.urls.api,
      ARXIV_LISTING_URL: arxiv.urls.listing,
      ARXIV_MIN_INTERVAL_MS: '5',
    },
    secrets: {
      OPENAI_API_KEY: 'sk-test-0123456789abcdef',
      OPENAI_BASE_URL: llm.url,
      SLACK_WEBHOOK_URL: chat.slackWebhookUrl,
    },
  };
  const play = (origin: string, over: Partial<PlayOptions> = {}) =>
    playWorkflow(loadWorkflow(TEMPLATE), { ...base, origin, runId: runId++, ...over });
  return { arxiv, llm, chat, base, play };
}

const log = (r: Awaited<ReturnType<typeof playWorkflow>>) =>
  r.steps.map((s) => `${s.job}/${s.step}: ${s.code}\n${s.stdout}${s.stderr}`).join('\n');

describe('the GitHub Actions template', () => {
  it('should commit each day to the data branch, deploy both days, and pay nothing again after losing the cache', async () => {
    const d1 = generateDay('2026-09-22', 9, 0, '2609');
    const d2 = generateDay('2026-09-23', 7, 0, '2610');
    const { arxiv, llm, chat, base, play } = await setting(d1.world);
    const origin = githubRepo();

    const first = await play(origin);
    expect(first.jobs, log(first)).toEqual({ digest: 'success', deploy: 'success' });
    expect(chatCalls(llm)).toBe(d1.mine.length);
    expect(branchFiles(origin)).toEqual([
      '.gitignore',
      'assets/file-list.txt',
      'data/2026-09-22.jsonl',
      'data/2026-09-22.md',
      'data/2026-09-22_AI_enhanced_English.jsonl',
      'data/2026-09-22_arxiv-digest_English.json',
    ]);
    expect(readdirSync(join(base.pages, 'days'))).toContain('2026-09-22.html');
    expect(chat.receivedBy('slack').length).toBeGreaterThan(0);

    // The cache entry is evicted (7 days unused); the next announcement comes.
    rmSync(base.cache, { recursive: true, force: true });
    arxiv.setWorld({
      papers: [...d1.world.papers, ...d2.world.papers],
      days: { ...d1.world.days, ...d2.world.days },
      currentDay: '2026-09-23',
    });
    const second = await play(origin);
    expect(second.jobs, log(second)).toEqual({ digest: 'success', deploy: 'success' });
    // Day 1 costs no call, and is neither fetched nor sent again.
    expect(chatCalls(llm)).toBe(d1.mine.length + d2.mine.length);
    expect(log(second)).toContain('reading back 1 day');
    const files = branchFiles(origin);
    for (const d of ['2026-09-22', '2026-09-23'])
      for (const f of [`data/${d}.md`, `data/${d}.jsonl`, `data/${d}_AI_enhanced_English.jsonl`])
        expect(files).toContain(f);
    expect(files.some((f) => f.includes('site/') || f.endsWith('.db'))).toBe(false);
    expect(readdirSync(join(base.pages, 'days'))).toEqual(
      expect.arrayContaining(['2026-09-22.html', '2026-09-23.html']),
    );
    expect(git(['--git-dir', origin, 'log', '--format=%an <%ae>|%s', 'data']).trim().split('\n')).toEqual([
      'Reader <reader@example.org>|arxiv-digest: 2026-09-23',
      'Reader <reader@example.org>|arxiv-digest: 2026-09-22',
    ]);
    expect(git(['--git-dir', origin, 'show', 'data:assets/file-list.txt'])).toBe(
      '2026-09-22.jsonl\n2026-09-22_AI_enhanced_English.jsonl\n2026-09-23.jsonl\n2026-09-23_AI_enhanced_English.jsonl\n',
    );
  });

  it('should still commit and deploy the day when a delivery fails, and report the failure', async () => {
    const d1 = generateDay('2026-09-22', 6, 0, '2609');
    const { chat, base, play } = await setting(d1.world);
    chat.addFault('slack', { type: '400' });
    const origin = githubRepo();
    const r = await play(origin);
    expect(r.jobs, log(r)).toEqual({ digest: 'failure', deploy: 'success' });
    expect(r.deployed).toBe(true);
    expect(branchFiles(origin)).toContain('data/2026-09-22.md');
    expect(existsSync(join(base.pages, 'days', '2026-09-22.html'))).toBe(true);
    const failed = r.steps.find((s) => s.step === "Report the run's failures")!;
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('arxiv-digest run exited with 1; the day was still published');
  });

  it("should continue a migrating repository's data branch without changing its history", async () => {
    const reference = testDir();
    const history = generateReferenceHistory(reference, { start: '2026-03-02', days: 8, papersPerDay: 10 });
    const last = history.days.at(-1)!.date;
    // A weekend: nothing newer is announced.
    const { llm, base, play } = await setting({ papers: [], days: { [last]: [] } });
    const origin = githubRepo(reference);
    const before = git(['--git-dir', origin, 'rev-parse', 'data']).trim();
    const r = await play(origin, { vars: { ...base.vars, CATEGORIES: 'cs.CV,cs.CL', LANGUAGE: 'Chinese' } });
    expect(r.jobs, log(r)).toEqual({ digest: 'success', deploy: 'success' });
    expect(chatCalls(llm)).toBe(0);
    // One commit on top of the reference's; its files untouched, ours added beside them.
    expect(git(['--git-dir', origin, 'rev-parse', 'data~1']).trim()).toBe(before);
    const changed = git(['--git-dir', origin, 'diff', '--name-status', before, 'data']).trim().split('\n');
    expect(changed.filter((l) => !l.startsWith('A\t'))).toEqual([]);
    expect(changed).toContain(`A\tdata/${last}_arxiv-digest_Chinese.json`);
    expect(readdirSync(join(base.pages, 'days')).filter((f) => f.endsWith('.html')).length).toBe(history.days.length);
  });

  it('should map every setting the README documents, and the reference system names', () => {
    const wf = loadWorkflow(TEMPLATE);
    const env = wf.jobs.digest!.env ?? {};
    const settings = readFileSync(README, 'utf8').split('## Settings')[1]!.split('\n## ')[0]!;
    const names = [...settings.matchAll(/^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*)/gm)].flatMap((m) =>
      [...m[1]!.matchAll(/`([A-Z_]+)`/g)].map((n) => n[1]!),
    );
    // Settings of the web app and of `schedule`, which the workflow does not run.
    const notForRun = [
      'ARXIV_DIGEST_SERVE_WORKERS',
      'ARXIV_DIGEST_TOKEN',
      'ARXIV_DIGEST_SEARCH_TIMEOUT_MS',
      'ARXIV_DIGEST_REQUEST_TIMEOUT_MS',
      'SCHEDULE_MARGIN_MINUTES',
    ];
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => !notForRun.includes(n) && !(n in env))).toEqual([]);
    expect(env.GITHUB_TOKEN).toContain('secrets.TOKEN_GITHUB');
    expect(env.OPENAI_BASE_URL).toContain('secrets.OPENAI_BASE_URL');
    expect(env.COMMIT_NAME).toContain('vars.NAME');
    expect(env.COMMIT_EMAIL).toContain('vars.EMAIL');
  });
});
