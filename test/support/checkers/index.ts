/**
 * The third-party checkers every output is run through, each as its users' tools read it:
 * feedparser (Python, what most feed readers are tested against) and xmllint for the feeds,
 * bibtool and citation-js for BibTeX, citation-js for RIS, the Nu Html Checker (vnu.jar, the
 * W3C's validator) for HTML pages and e-mail, Python's `email` package for the MIME message, and
 * — in bench/, where the install and the runs take longer — a real pdflatex + bibtex and
 * biber + BibLaTeX build.
 *
 * Each function returns what the checker said as plain data (problems as lines naming the file),
 * so a test asserts `[]` and a bench counts. A checker that is not installed is an error that says
 * how to install it: the conformance suite must never pass by not checking (`.ci/run` installs
 * them all).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export class MissingChecker extends Error {
  override name = 'MissingChecker';
}

function run(cmd: string, args: string[], opts: { cwd?: string; input?: string; timeoutMs?: number } = {}) {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeoutMs ?? 300_000,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new MissingChecker(`${cmd} is not installed`);
  if (r.error) throw r.error;
  return r;
}

const has = (cmd: string, args: string[] = ['--version']): boolean => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return !r.error && r.status === 0;
};

// ---------------------------------------------------------------------------------------------
// Python: feedparser and email

let python: string | null | undefined;

/**
 * A Python 3 that can import feedparser: Debian's python3-feedparser installs into the system
 * Python (/usr/bin/python3), which a pyenv or venv `python3` earlier on PATH does not see.
 */
export function pythonWithFeedparser(): string {
  if (python === undefined) {
    python = null;
    for (const candidate of ['/usr/bin/python3', 'python3']) {
      if (has(candidate, ['-c', 'import feedparser, email'])) {
        python = candidate;
        break;
      }
    }
  }
  if (!python) throw new MissingChecker('no python3 with feedparser (apt-get install python3-feedparser)');
  return python;
}

export interface FeedReport {
  file: string;
  /** feedparser's name of the format: rss20, atom10, json11. */
  version: string;
  encoding: string;
  bytes: number;
  title: string | null;
  link: string | null;
  feed_url: string | null;
  updated: string | null;
  entries: number;
  first_published: string | null;
  problems: string[];
}

/** feedparser's reading of each feed (bozo exceptions, entries without title, link, id, date, summary). */
export function feedparser(files: readonly string[]): FeedReport[] {
  if (!files.length) return [];
  const r = run(pythonWithFeedparser(), [join(HERE, 'feed_check.py'), ...files]);
  if (r.status !== 0) throw new Error(`feedparser failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as FeedReport[];
}

export interface EmailPart {
  type: string;
  charset: string | null;
  transfer_encoding: string | null;
  decoded_bytes: number;
  encoded_bytes: number;
  text: string | null;
}

export interface EmailReport {
  file: string;
  bytes: number;
  content_type: string;
  headers: Record<string, string>;
  parts: EmailPart[];
  /** The parser's defect classes (`InvalidHeaderDefect`, `MissingHeaderBodySeparatorDefect`, …). */
  defects: string[];
  /** RFC 5322 forbids lines over 998 characters. */
  lines_over_998: number;
}

/** Python's `email` package (policy.default) reading raw messages. */
export function pythonEmail(files: readonly string[]): EmailReport[] {
  if (!files.length) return [];
  const r = run(pythonWithFeedparser(), [join(HERE, 'email_check.py'), ...files]);
  if (r.status !== 0) throw new Error(`python email failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as EmailReport[];
}

// ---------------------------------------------------------------------------------------------
// feedsmith (npm): RSS, Atom and JSON Feed; the only one of the three that reads JSON Feed

export interface FeedsmithReport {
  format: string | null;
  items: number;
  problems: string[];
}

/** feedsmith's reading of a feed, and the JSON Feed 1.1 fields it leaves to the reader checked here. */
export async function feedsmith(text: string): Promise<FeedsmithReport> {
  const fs = await import('feedsmith');
  try {
    const r = fs.parseFeed(text);
    const feed = r.feed as { items?: unknown[]; entries?: unknown[] };
    const items = (feed.items ?? feed.entries ?? []) as Record<string, unknown>[];
    const problems: string[] = [];
    if (r.format === 'json') {
      const doc = JSON.parse(text) as Record<string, unknown>;
      if (doc.version !== 'https://jsonfeed.org/version/1.1') problems.push(`version ${String(doc.version)}`);
      for (const k of ['title', 'home_page_url', 'feed_url']) if (typeof doc[k] !== 'string') problems.push(`no ${k}`);
      const bad = items.filter(
        (i) => typeof i.id !== 'string' || (typeof i.content_html !== 'string' && typeof i.content_text !== 'string'),
      );
      if (bad.length) problems.push(`${bad.length} items without id or content`);
    }
    return { format: r.format, items: items.length, problems };
  } catch (e) {
    return { format: null, items: 0, problems: [`feedsmith: ${(e as Error).message}`] };
  }
}

// ---------------------------------------------------------------------------------------------
// xmllint

/** libxml2's well-formedness check; one line per error, naming the file and line. */
export function xmllint(files: readonly string[]): string[] {
  if (!files.length) return [];
  const r = run('xmllint', ['--noout', '--nonet', ...files]);
  return r.stderr
    .split('\n')
    .filter((l) => /(parser )?error/i.test(l))
    .map((l) => l.trim());
}

// ---------------------------------------------------------------------------------------------
// BibTeX: bibtool and citation-js

export interface BibtoolReport {
  /** Entries bibtool wrote back. */
  entries: number;
  /** `*** BibTool ERROR …` and `*** BibTool WARNING …` lines, with the line they point at. */
  problems: string[];
}

/** bibtool reads the file and writes it back; every error or warning it prints is a problem. */
export function bibtool(file: string): BibtoolReport {
  // -d reports double entries; -- check.double.delete off keeps them (only reported).
  const r = run('bibtool', ['-d', '-i', file]);
  const problems = r.stderr
    .split('\n')
    .filter((l) => /\*\*\* BibTool (ERROR|WARNING)/.test(l))
    .map((l) => `${basename(file)}: ${l.replace(/^\*\*\* /, '')}`);
  return { entries: [...r.stdout.matchAll(/^@\w+\s*\{/gm)].length, problems };
}

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  note?: string;
  URL?: string;
  DOI?: string;
  issued?: unknown;
  [key: string]: unknown;
}

interface CiteModule {
  Cite: { async(input: string, options?: { forceType?: string }): Promise<{ data: CslItem[] }> };
  logger: { _log: unknown[]; level: string };
}

let cite: CiteModule | undefined;
async function citationJs(): Promise<CiteModule> {
  if (!cite) {
    cite = (await import(require.resolve('@citation-js/core'))) as CiteModule;
    await import(require.resolve('@citation-js/plugin-bibtex'));
    await import(require.resolve('@citation-js/plugin-ris'));
    // Not its strict mode: that knows no required fields for @misc and refuses every entry of the type.
  }
  return cite;
}

export interface CitationReport {
  items: CslItem[];
  /** Warnings citation-js logged while reading (unbalanced entries, unknown commands). */
  warnings: string[];
}

/** citation-js (Zotero-style CSL-JSON) reading a BibTeX or RIS file. */
export async function citationJsRead(text: string, format: 'bibtex' | 'ris'): Promise<CitationReport> {
  const c = await citationJs();
  const before = c.logger._log.length;
  const r = await c.Cite.async(text, { forceType: format === 'bibtex' ? '@biblatex/text' : '@ris/file' });
  const log = c.logger._log.slice(before);
  const warnings: string[] = [];
  for (let i = 0; i + 1 < log.length; i += 2) warnings.push(`${String(log[i])} ${JSON.stringify(log[i + 1])}`);
  return { items: r.data, warnings };
}

/** Authors that came back without a family name (a literal or nothing): RIS `AU` not `Last, First`. */
export function namesWithoutFamily(items: readonly CslItem[]): string[] {
  return items.flatMap((i) => (i.author ?? []).filter((a) => !a.family).map((a) => `${i.id}: ${JSON.stringify(a)}`));
}

// ---------------------------------------------------------------------------------------------
// The Nu Html Checker

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: 'warning' | 'fatal' | 'io' | 'schema' | 'internal';
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** vnu.jar from the npm package `vnu-jar`, run by a Java 11+ on PATH. */
export function vnuJar(): string {
  if (!has('java', ['-version'])) throw new MissingChecker('no Java runtime (apt-get install default-jre-headless)');
  const jar = join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
  if (!existsSync(jar)) throw new MissingChecker(`vnu.jar is missing at ${jar} (npm ci installs vnu-jar)`);
  return jar;
}

/** The Nu Html Checker over HTML files (one JVM for all); errors and warnings per file. */
export function vnu(files: readonly string[]): { errors: string[]; warnings: string[] } {
  if (!files.length) return { errors: [], warnings: [] };
  const r = run('java', ['-Xss4m', '-jar', vnuJar(), '--format', 'json', '--exit-zero-always', ...files], {
    timeoutMs: 600_000,
  });
  // vnu writes its JSON report to stderr.
  const report = JSON.parse(r.stderr || r.stdout) as { messages: VnuMessage[] };
  const line = (m: VnuMessage) =>
    `${basename(decodeURIComponent(m.url ?? '').replace(/^file:/, ''))}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.replace(/\s+/g, ' ').slice(0, 120)}]` : ''}`;
  return {
    errors: report.messages.filter((m) => m.type !== 'info').map(line),
    warnings: report.messages.filter((m) => m.type === 'info' && m.subType === 'warning').map(line),
  };
}

// ---------------------------------------------------------------------------------------------
// TeX (bench only: Debian's texlive-latex-base, texlive-latex-recommended, texlive-bibtex-extra, biber)

export const HAVE_TEX = (): boolean => has('pdflatex') && has('bibtex');
export const HAVE_BIBER = (): boolean => has('biber');

export interface TexReport {
  /** LaTeX errors (`! …` lines with the line they stopped at) and BibTeX errors. */
  errors: string[];
  /** BibTeX / biber warnings (not failures: "empty year", "I didn't find a database entry"). */
  warnings: string[];
  /** Entries typeset (`\bibitem`s in the .bbl, or biber's count). */
  entries: number;
  pdfBytes: number;
}

/** `! Undefined control sequence.` and the `l.12 …` line after it, as one line each. */
function latexErrors(log: string): string[] {
  const lines = log.split('\n');
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (!l.startsWith('! ')) return;
    const at = lines.slice(i + 1, i + 8).find((x) => /^l\.\d+/.test(x)) ?? '';
    out.push(`${l.slice(2)} ${at.trim()}`.trim());
  });
  for (const l of lines) if (/^(Package inputenc Error|LaTeX Error)/.test(l)) out.push(l);
  return [...new Set(out)];
}

const TEX_ENV = { ...process.env, max_print_line: '1000', error_line: '254', half_error_line: '238' };

function tex(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: TEX_ENV, timeout: 600_000, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r;
}

/**
 * A plain document citing every entry of `bib`, built as its users build it: pdflatex, bibtex,
 * pdflatex twice, in batch mode (an error stops nothing, it is counted). `preamble` is what the
 * document loads besides \documentclass{article} (nothing: OT1 and the kernel's UTF-8 only).
 */
export function bibtexBuild(bib: string, dir: string, style = 'plain', preamble = ''): TexReport {
  // A fresh folder: a .bbl or .aux left by an earlier build would hide this one's errors.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'refs.bib'), bib);
  writeFileSync(
    join(dir, 'doc.tex'),
    `\\documentclass{article}\n${preamble}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{${style}}\n\\bibliography{refs}\n\\end{document}\n`,
  );
  const latex = () => tex('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'], dir);
  const l1 = latex();
  const b = tex('bibtex', ['doc'], dir);
  const errors: string[] = [];
  const blg = existsSync(join(dir, 'doc.blg')) ? readFileSync(join(dir, 'doc.blg'), 'utf8') : b.stdout;
  for (const l of blg.split('\n'))
    if (/error message|^I was expecting|^You're missing|---line \d+/.test(l)) errors.push(`bibtex: ${l}`);
  const warnings = blg.split('\n').filter((l) => l.startsWith('Warning--'));
  // -halt-on-error so the log names the first error of each run; run without it to count them all.
  const full = () => tex('pdflatex', ['-interaction=nonstopmode', 'doc.tex'], dir);
  full();
  full();
  const log = readFileSync(join(dir, 'doc.log'), 'latin1');
  errors.push(...latexErrors(log));
  if (l1.status !== 0 && !errors.length) errors.push(...latexErrors(l1.stdout));
  const bbl = existsSync(join(dir, 'doc.bbl')) ? readFileSync(join(dir, 'doc.bbl'), 'utf8') : '';
  const pdf = join(dir, 'doc.pdf');
  return {
    errors,
    warnings,
    entries: [...bbl.matchAll(/\\bibitem/g)].length,
    pdfBytes: existsSync(pdf) ? readFileSync(pdf).length : 0,
  };
}

/** The same document with BibLaTeX (style numeric) and biber, as biblatex users build it. */
export function biberBuild(bib: string, dir: string, preamble = ''): TexReport {
  // A fresh folder: a .bbl or .aux left by an earlier build would hide this one's errors.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'refs.bib'), bib);
  writeFileSync(
    join(dir, 'doc.tex'),
    `\\documentclass{article}\n${preamble}\n\\usepackage[backend=biber,style=numeric]{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n`,
  );
  const latex = () => tex('pdflatex', ['-interaction=nonstopmode', 'doc.tex'], dir);
  latex();
  const b = tex('biber', ['doc'], dir);
  const errors = b.stdout
    .split('\n')
    .filter((l) => /^ERROR|^FATAL/.test(l))
    .map((l) => `biber: ${l}`);
  const warnings = b.stdout.split('\n').filter((l) => /^WARN/.test(l));
  latex();
  latex();
  const log = readFileSync(join(dir, 'doc.log'), 'latin1');
  errors.push(...latexErrors(log));
  const bbl = existsSync(join(dir, 'doc.bbl')) ? readFileSync(join(dir, 'doc.bbl'), 'utf8') : '';
  const pdf = join(dir, 'doc.pdf');
  return {
    errors,
    warnings,
    entries: [...bbl.matchAll(/\\entry\{/g)].length,
    pdfBytes: existsSync(pdf) ? readFileSync(pdf).length : 0,
  };
}
