/**
 * `node --import tsx bench/outputs.ts`: every output of the real days (../shared/fixtures: the
 * seed and the five anchor days) through its consumers' checkers, with the figures:
 *
 *   - BibTeX: a real pdflatex + bibtex build of each day with the standard styles (plain, unsrt,
 *     alpha, abbrv; OT1, nothing loaded), and BibLaTeX + biber; bibtool; citation-js;
 *   - RIS: citation-js, and how many authors came back with a family name;
 *   - the e-mail (every paper allowed): papers sent in full, HTML and message sizes, and how many
 *     categories DIGEST_MAX_PAPERS=50 reaches; Discord's largest post.
 *
 * The TeX build is here rather than in the conformance suite because its install (texlive,
 * biber: ~250 MB, 33 s here) and its runs (~35 s) are long; the conformance suite runs the other
 * checkers (feeds, HTML, MIME) on the same days.
 * Missing tools are reported and their rows skipped (exit 0), like the other benches.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { renderDiscord } from '../src/deliver/discord.js';
import { createEmailChannel, htmlBytes, renderEmail } from '../src/deliver/email.js';
import type { DigestMessage } from '../src/deliver/types.js';
import { renderBibtex, renderRis } from '../src/publish/citations.js';
import {
  bibtexBuild,
  biberBuild,
  bibtool,
  citationJsRead,
  HAVE_BIBER,
  HAVE_TEX,
  namesWithoutFamily,
} from '../test/support/checkers/index.js';
import { loadRealDays } from '../test/support/real-days.js';

const STYLES = ['plain', 'unsrt', 'alpha', 'abbrv'];
const line = (label: string, ...cols: string[]): void =>
  console.log(`  ${label.padEnd(34)}${cols.join('  ')}`.trimEnd());

const work = mkdtempSync(join(tmpdir(), 'arxiv-digest-outputs-'));
const days = loadRealDays();
console.log(`outputs of ${days.length} real days (${days.reduce((n, d) => n + d.view.papers.length, 0)} papers)`);

// ---------------------------------------------------------------------------------------------
console.log('\nBibTeX');
const tex = HAVE_TEX();
const biber = HAVE_BIBER();
if (!tex) console.log('  pdflatex/bibtex not installed (apt-get install texlive-latex-base): TeX rows skipped');
if (!biber) console.log('  biber not installed (apt-get install biber texlive-bibtex-extra): biber rows skipped');
let texErrors = 0;
let failedDays = 0;
const started = performance.now();
for (const { day, view } of days) {
  const bib = renderBibtex(view);
  const file = join(work, `${day.name}.bib`);
  writeFileSync(file, bib);
  const bt = bibtool(file);
  const cj = await citationJsRead(bib, 'bibtex');
  const cols = [
    `${view.papers.length} entries`,
    `bibtool ${bt.entries}/${bt.problems.length} problems`,
    `citation-js ${cj.items.length}/${cj.warnings.length} warnings`,
  ];
  let dayErrors = 0;
  if (tex) {
    for (const style of STYLES) {
      const r = bibtexBuild(bib, join(work, `${day.name}-${style}`), style);
      dayErrors += r.errors.length;
      if (style === 'plain') {
        cols.push(`pdflatex+bibtex(plain) ${r.entries} typeset, ${r.errors.length} errors`);
        for (const e of r.errors.slice(0, 6)) console.log(`      ${day.name} plain: ${e.slice(0, 160)}`);
      } else if (r.errors.length) cols.push(`${style} ${r.errors.length} errors`);
    }
  }
  if (biber) {
    const r = biberBuild(bib, join(work, `${day.name}-biber`));
    dayErrors += r.errors.length;
    cols.push(`biber ${r.entries} entries, ${r.errors.length} errors`);
    for (const e of r.errors.slice(0, 4)) console.log(`      ${day.name} biber: ${e.slice(0, 160)}`);
  }
  texErrors += dayErrors;
  if (dayErrors) failedDays++;
  line(day.name, ...cols);
}
if (tex)
  line(
    'TeX builds',
    `${texErrors} errors, ${failedDays} of ${days.length} days fail`,
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

// ---------------------------------------------------------------------------------------------
console.log('\nRIS');
let authors = 0;
let literal = 0;
for (const { day, view } of days) {
  const r = await citationJsRead(renderRis(view), 'ris');
  const n = r.items.reduce((k, i) => k + (i.author?.length ?? 0), 0);
  const bad = namesWithoutFamily(r.items);
  authors += n;
  literal += bad.length;
  line(day.name, `${r.items.length} records`, `${n} authors, ${bad.length} without a family name`);
}
line('all days', `${authors} authors, ${literal} without a family name`);

// ---------------------------------------------------------------------------------------------
console.log('\nE-mail (every paper allowed, then DIGEST_MAX_PAPERS=50) and Discord');
const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
let discordMax = 0;
for (const { day, view } of days) {
  const message: DigestMessage = {
    date: view.date,
    language: view.language,
    categories: view.categories,
    papers: view.papers,
    url: `https://digest.example.org/days/${view.date}.html`,
    maxPapers: 100_000,
  };
  const all = renderEmail(message);
  const fifty = renderEmail({ ...message, maxPapers: 50 });
  const covered = new Set([...fifty.text.matchAll(/^== (\S+) — /gm)].map((m) => m[1])).size;
  let raw: Buffer | null = null;
  await createEmailChannel({
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
  }).send(message);
  for (const post of renderDiscord(message))
    discordMax = Math.max(
      discordMax,
      post.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + e.description.length, 0),
    );
  line(
    day.name,
    `${all.shown} of ${view.papers.length} papers in full`,
    `HTML ${(htmlBytes(all) / 1000).toFixed(1)} kB`,
    `message ${(raw!.length / 1000).toFixed(1)} kB`,
    `with 50: ${covered} of ${view.categories.length} categories`,
  );
}
line('Discord', `largest post: ${discordMax} of 6,000 embed characters`);

rmSync(work, { recursive: true, force: true });
