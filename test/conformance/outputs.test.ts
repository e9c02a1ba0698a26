/**
 * Every output of the real days (../shared/fixtures: the seed and the anchor days, read in place)
 * through the checkers its consumers use — really run, never skipped (.ci/run installs them):
 *
 *   BibTeX      bibtool, citation-js          (pdflatex + bibtex and biber: bench/outputs.ts)
 *   RIS         citation-js (every person with a family name)
 *   RSS, Atom   feedparser (Python), xmllint, feedsmith
 *   JSON Feed   feedsmith (+ JSON Feed 1.1's required fields)
 *   site, HTML  the Nu Html Checker (vnu.jar)
 *   e-mail      Python's `email` (MIME, headers, defects), the Nu Html Checker on its HTML part
 *   chat        each platform's published limits (Slack, Discord with its margin, Telegram, Feishu)
 *
 * and `run` over the imported anchor days as a user runs it (its site and feeds, per category
 * too, with FEED_DAYS reaching every day so the size bound is exercised), with its enhanced JSONL
 * compared to the reference's: the same but for the code links `run` finds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordProblem, renderDiscord } from '../../src/deliver/discord.js';
import { createEmailChannel, EMAIL_HTML_MAX_BYTES } from '../../src/deliver/email.js';
import { feishuProblem, renderFeishu } from '../../src/deliver/feishu.js';
import { renderSlack, slackProblem } from '../../src/deliver/slack.js';
import { renderTelegram, telegramProblem } from '../../src/deliver/telegram.js';
import type { DigestMessage } from '../../src/deliver/types.js';
import { renderBibtex, renderRis } from '../../src/publish/citations.js';
import type { DayView } from '../../src/core/day-view.js';
import { feedRenderer } from '../../src/publish/feed-files.js';
import { splitName } from '../../src/publish/person-name.js';
import { renderDayPage } from '../../src/publish/site/index.js';
import {
  bibtool,
  citationJsRead,
  feedparser,
  feedsmith,
  pythonEmail,
  vnu,
  xmllint,
  type CslItem,
} from '../support/checkers/index.js';
import { cli } from '../support/cli.js';
import { ANCHOR, loadRealDays, realDays, type RealDay } from '../support/real-days.js';

const SITE_URL = 'https://digest.example.org';
const FEED_MAX_BYTES = 1024 * 1024;

let work: string;
let days: { day: RealDay; view: DayView }[];
/** What each checker said, for the summary line at the end. */
const tally = new Map<string, { runs: number; problems: number }>();
const count = (checker: string, problems: number) => {
  const t = tally.get(checker) ?? { runs: 0, problems: 0 };
  tally.set(checker, { runs: t.runs + 1, problems: t.problems + problems });
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'arxiv-digest-conformance-'));
  days = loadRealDays();
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  const line = [...tally].map(([c, t]) => `${c} ${t.problems} problems in ${t.runs} runs`).join('; ');
  process.stdout.write(`conformance checkers: ${line}\n`);
});

const file = (name: string, text: string): string => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};

const names = () => realDays().map((d) => d.name);
const dayNamed = (name: string) => days.find((d) => d.day.name === name)!;

// ---------------------------------------------------------------------------------------------

describe.each(names())('citations of the real day %s', (name) => {
  it('should be read by bibtool and citation-js with every entry, field and person intact', async () => {
    const { view } = dayNamed(name);
    const bib = renderBibtex(view);
    const bt = bibtool(file(`${name}.bib`, bib));
    count('bibtool', bt.problems.length);
    expect(bt.problems).toEqual([]);
    // The @preamble is written back as an entry too.
    expect(bt.entries - (bib.startsWith('@preamble') ? 1 : 0)).toBe(view.papers.length);
    const cj = await citationJsRead(bib, 'bibtex');
    count('citation-js (BibTeX)', cj.warnings.length);
    expect(cj.warnings).toEqual([]);
    expect(cj.items).toHaveLength(view.papers.length);
    const byId = new Map(cj.items.map((i) => [i.id, i]));
    for (const p of view.papers) {
      const item = byId.get(`arxiv:${p.paper.id.replace(/\//g, '_')}`)!;
      expect(item, p.paper.id).toBeDefined();
      expect(item.title, p.paper.id).toBeTruthy();
      expect(item.URL ?? item.url, p.paper.id).toBe(`https://arxiv.org/abs/${p.paper.id}`);
      expect(item.author?.length, p.paper.id).toBe(p.paper.authors.length);
      // What LaTeX must not see raw comes back as the text it stands for.
      expect(item.title).not.toMatch(/\\textless|\\textasciicircum|\\_/);
    }
    expect(bib).not.toContain('<img');
  });

  it('should write RIS whose every person has a family name (Family, Given)', async () => {
    const { view } = dayNamed(name);
    const cj = await citationJsRead(renderRis(view), 'ris');
    expect(cj.items).toHaveLength(view.papers.length);
    const bodies = new Set(view.papers.flatMap((p) => p.paper.authors).filter((a) => splitName(a) === null));
    const literal = cj.items.flatMap((i: CslItem) => (i.author ?? []).filter((a) => !a.family));
    count('citation-js (RIS)', literal.filter((a) => !bodies.has(a.literal ?? '')).length);
    for (const a of literal) expect(bodies, JSON.stringify(a)).toContain(a.literal);
    const authors = cj.items.reduce((n, i) => n + (i.author?.length ?? 0), 0);
    expect(literal.length).toBeLessThan(authors / 100 + 1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('one-day feeds of the real days', () => {
  it('should be read by feedparser, xmllint and feedsmith without a problem, pointing at the site', async () => {
    for (const { day, view } of days) {
      const site = { title: 'arXiv digest', siteUrl: SITE_URL };
      const rss = file(`${day.name}.rss.xml`, feedRenderer('rss', site).render(view));
      const atom = file(`${day.name}.atom.xml`, feedRenderer('atom', site).render(view));
      const json = feedRenderer('jsonfeed', site).render(view);
      const fp = feedparser([rss, atom]);
      for (const r of fp) {
        count('feedparser', r.problems.length);
        expect(r.problems, r.file).toEqual([]);
        expect(r.entries, r.file).toBe(view.papers.length);
        expect(r.link).toBe(`${SITE_URL}/days/${view.date}.html`);
      }
      const lint = xmllint([rss, atom]);
      count('xmllint', lint.length);
      expect(lint).toEqual([]);
      for (const text of [readFileSync(rss, 'utf8'), readFileSync(atom, 'utf8'), json]) {
        const fs = await feedsmith(text);
        count('feedsmith', fs.problems.length);
        expect(fs.problems).toEqual([]);
        expect(fs.items).toBe(view.papers.length);
      }
      const doc = JSON.parse(json) as { feed_url: string; home_page_url: string };
      expect(doc.feed_url).toBe(`${SITE_URL}/feed.json`);
      expect(doc.home_page_url).toBe(`${SITE_URL}/days/${view.date}.html`);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('the e-mail of each real day, every paper allowed', () => {
  it('should be a clean MIME message under 100 KB of HTML with List-Unsubscribe, valid HTML, all categories', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const emls: string[] = [];
    const htmls: string[] = [];
    for (const { day, view } of days) {
      let raw: Buffer | null = null;
      const channel = createEmailChannel({
        host: 'smtp.invalid',
        port: 587,
        secure: false,
        from: 'arxiv-digest <digest@example.org>',
        to: ['reader@example.org'],
        transport: {
          async sendMail(mail) {
            raw = ((await transport.sendMail(mail)) as { message: Buffer }).message;
          },
        },
      });
      const message: DigestMessage = {
        date: view.date,
        language: view.language,
        categories: view.categories,
        papers: view.papers,
        url: `${SITE_URL}/days/${view.date}.html`,
        maxPapers: 100_000,
      };
      await channel.send(message);
      emls.push(file(`${day.name}.eml`, raw!.toString('latin1')));
    }
    const reports = pythonEmail(emls);
    reports.forEach((r, k) => {
      const { view } = days[k]!;
      count('python email', r.defects.length + r.lines_over_998);
      expect(r.defects, r.file).toEqual([]);
      expect(r.lines_over_998).toBe(0);
      expect(r.content_type).toBe('multipart/alternative');
      expect(r.headers['List-Unsubscribe']).toBe('<mailto:digest@example.org?subject=unsubscribe>');
      expect(r.headers['List-Id']).toBe('arXiv digest <arxiv-digest.example.org>');
      expect(r.parts.map((p) => p.type)).toEqual(['text/plain', 'text/html']);
      const html = r.parts[1]!;
      expect(html.decoded_bytes, r.file).toBeLessThan(EMAIL_HTML_MAX_BYTES);
      // Every category of the day has papers in it (a fair share, not the first N).
      for (const c of view.categories) expect(html.text, `${r.file} ${c.name}`).toContain(`>${c.name} — `);
      htmls.push(file(`${days[k]!.day.name}.email.html`, html.text!));
    });
    const v = vnu(htmls);
    count('vnu (e-mail)', v.errors.length);
    expect(v.errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('chat posts of each real day, every paper allowed', () => {
  it("should stay within each platform's published limits (Discord with its margin)", () => {
    for (const { view } of days) {
      const message: DigestMessage = {
        date: view.date,
        language: view.language,
        categories: view.categories,
        papers: view.papers,
        url: `${SITE_URL}/days/${view.date}.html`,
        maxPapers: 100_000,
      };
      const problems = [
        ...renderSlack(message).map(slackProblem),
        ...renderDiscord(message).map(discordProblem),
        ...renderTelegram(message, '1').map((m) => telegramProblem(m.text)),
        ...renderFeishu(message, true).map(feishuProblem),
      ].filter((p) => p !== null);
      count('chat limits', problems.length);
      expect(problems).toEqual([]);
      for (const m of renderTelegram(message, '1')) expect(m.link_preview_options).toEqual({ is_disabled: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('run over the imported anchor days', () => {
  let out: string;

  beforeAll(() => {
    const cwd = join(work, 'run');
    out = join(cwd, 'data');
    const env = {
      ARXIV_DIGEST_DB: join(cwd, 'store.db'),
      SITE_URL,
      FEED_DAYS: '400',
      LANGUAGE: 'Chinese',
      CATEGORIES: 'cs.CV,cs.CL,cs.AI,cs.GT,cs.IT,cs.CE,cs.GR',
    };
    const imported = cli(['import', ANCHOR], { cwd: work, env });
    expect(imported.code, imported.stderr).toBe(0);
    const r = cli(['run', '--no-fetch', '--no-summarize', '--no-deliver', '--date', 'latest', '--out', out], {
      cwd: work,
      env,
    });
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);

  it('should publish feeds of every paper and per category that every reader reads, each within the bound', async () => {
    const site = join(out, 'site');
    const categoryFeeds = readdirSync(join(site, 'feeds')).map((f) => join(site, 'feeds', f));
    expect(categoryFeeds.length).toBe(3 * 7);
    const xml = [join(out, 'feed.xml'), join(out, 'atom.xml'), ...categoryFeeds.filter((f) => f.endsWith('.xml'))];
    const fp = feedparser(xml);
    for (const r of fp) {
      count('feedparser', r.problems.length);
      expect(r.problems, r.file).toEqual([]);
      expect(r.bytes, r.file).toBeLessThanOrEqual(FEED_MAX_BYTES);
      expect(r.entries, r.file).toBeGreaterThan(0);
    }
    const lint = xmllint(xml);
    count('xmllint', lint.length);
    expect(lint).toEqual([]);
    for (const f of [...xml, join(out, 'feed.json'), ...categoryFeeds.filter((x) => x.endsWith('.json'))]) {
      const text = readFileSync(f, 'utf8');
      expect(Buffer.byteLength(text), f).toBeLessThanOrEqual(FEED_MAX_BYTES);
      const fs = await feedsmith(text);
      count('feedsmith', fs.problems.length);
      expect(fs.problems, f).toEqual([]);
    }
    // 1,083 papers over five days do not fit in 1 MiB: the newest are kept, and the feed says so.
    const main = fp.find((r) => r.file.endsWith('/feed.xml'))!;
    expect(main.entries).toBeLessThan(1083);
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toMatch(
      /The newest \d+ of 1083 papers; all of them are on the site\./,
    );
    expect(main.first_published).toContain('25 Jun 2026');
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('href="feeds/cs.CV.xml"');
  });

  it('should publish a site the Nu Html Checker finds no error in', () => {
    const site = join(out, 'site');
    const pages = [join(site, 'index.html'), ...readdirSync(join(site, 'days')).map((f) => join(site, 'days', f))];
    const { view } = dayNamed('seed');
    pages.push(
      file(
        'seed.html',
        renderDayPage(view, { title: 'arXiv digest', language: 'Chinese', generatedAt: '2026-01-09T00:00:00Z' }),
      ),
    );
    const v = vnu(pages);
    count('vnu (site)', v.errors.length);
    expect(v.errors).toEqual([]);
  });

  it("should write the day's enhanced JSONL as the reference did, but for code links it found (documented)", () => {
    const date = '2026-06-25';
    const ours = readFileSync(join(out, `${date}_AI_enhanced_Chinese.jsonl`), 'utf8')
      .trim()
      .split('\n');
    const ref = readFileSync(join(ANCHOR, `${date}_AI_enhanced_Chinese.jsonl`), 'utf8')
      .trim()
      .split('\n');
    expect(ours).toHaveLength(ref.length);
    let enriched = 0;
    ours.forEach((line, k) => {
      if (line === ref[k]) return;
      const a = JSON.parse(line) as Record<string, unknown>;
      const b = JSON.parse(ref[k]!) as Record<string, unknown>;
      // The only difference allowed: a code link where the reference had none.
      expect(b.code_url, `line ${k + 1}`).toBeUndefined();
      expect(typeof a.code_url, `line ${k + 1}`).toBe('string');
      for (const key of ['code_url', 'code_stars', 'code_last_update']) delete a[key];
      expect(a, `line ${k + 1}`).toEqual(b);
      enriched++;
    });
    expect(enriched).toBeLessThan(ref.length);
    // `render` of the imported day, without `run`, is the reference byte for byte.
    const env = { ARXIV_DIGEST_DB: join(work, 'render.db'), LANGUAGE: 'Chinese' };
    expect(cli(['import', join(ANCHOR, `${date}_AI_enhanced_Chinese.jsonl`)], { cwd: work, env }).code).toBe(0);
    const rendered = cli(['render', '--date', date, '--format', 'jsonl'], { cwd: work, env });
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toBe(readFileSync(join(ANCHOR, `${date}_AI_enhanced_Chinese.jsonl`), 'utf8'));
  });
});
