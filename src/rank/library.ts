/**
 * The reader's library, from a reference manager's export (Zotero, Mendeley, JabRef…): BibTeX,
 * RIS or CSL-JSON, told apart by content, not by file name. Each entry becomes plain data:
 * title, abstract, authors ("First Last"), and the arXiv id and DOI when the export has them
 * anywhere (an eprint field, an arxiv.org URL, a 10.48550/arXiv DOI, "arXiv:2401.01234" in a note).
 *
 * A file that is not one of the three formats, or is malformed, throws LibraryError naming
 * file:line and what was expected. Entries without a title (Zotero notes, attachments) are
 * skipped and listed, not fatal.
 */
import { readFile } from 'node:fs/promises';
import { parseArxivId } from '../core/arxiv-id.js';
import { InputError, errorMessage } from '../errors.js';
import { BibtexSyntaxError, latexToText, parseBibtex, splitBibtexNames } from './bibtex.js';
import type { LibraryEntry } from './types.js';

export type LibraryFormat = 'bibtex' | 'ris' | 'csl-json';

export interface LibraryParseResult {
  format: LibraryFormat;
  entries: LibraryEntry[];
  /** Entries left out, with why (no title). */
  skipped: { line: number; reason: string }[];
}

/** A library export that cannot be read: `file:line: expected …` (no line when unreadable). */
export class LibraryError extends InputError {
  override name = 'LibraryError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${detail}`, options);
  }
}

const RIS_LINE = /^([A-Z][A-Z0-9])  ?- ?(.*)$/;

/** The format of an export by its content; null when it looks like none of them. */
export function detectLibraryFormat(text: string): LibraryFormat | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'csl-json';
  const firstLines = head.split('\n', 20);
  if (firstLines.some((l) => /^TY {1,2}- ?/.test(l))) return 'ris';
  if (/^[ \t]*@[ \t]*[A-Za-z]+/m.test(head.slice(0, 100_000))) return 'bibtex';
  return null;
}

const ARXIV_IN_TEXT = [
  /arxiv\.org\/(?:abs|pdf|html)\/([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i,
  /10\.48550\/arxiv\.(\d{4}\.\d{4,5})/i,
  /arxiv\s*[:/]?\s*(?:id\s*:?\s*)?([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i,
];

/** The first arXiv id found in any of the texts (URLs, DOIs, "arXiv:…" notes). */
export function findArxivId(...texts: (string | undefined)[]): string | undefined {
  for (const t of texts) {
    if (!t) continue;
    for (const re of ARXIV_IN_TEXT) {
      const m = re.exec(t);
      const id = m ? parseArxivId(m[1]!) : null;
      if (id) return id.id;
    }
  }
  return undefined;
}

const cleanDoi = (doi: string | undefined): string | undefined => {
  const m = /10\.\d{4,9}\/\S+/.exec(doi ?? '');
  return m ? m[0].replace(/[.,;]+$/, '') : undefined;
};

const splitKeywords = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');

/** An entry with optional fields left out when empty, so entries compare and print cleanly. */
function entryOf(
  e: { title: string; abstract?: string; authors: string[]; keywords?: string[]; line: number },
  arxivId: string | undefined,
  doi: string | undefined,
): LibraryEntry {
  const out: LibraryEntry = {
    title: e.title.replace(/\s+/g, ' ').trim(),
    abstract: (e.abstract ?? '').replace(/\s+/g, ' ').trim(),
    authors: e.authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a !== ''),
    line: e.line,
  };
  if (arxivId) out.arxivId = arxivId;
  if (doi) out.doi = doi;
  if (e.keywords?.length) out.keywords = e.keywords;
  return out;
}

// ---------------------------------------------------------------------------------------------
// BibTeX

function fromBibtex(text: string, file: string): LibraryParseResult {
  let raw;
  try {
    raw = parseBibtex(text);
  } catch (e) {
    if (e instanceof BibtexSyntaxError) throw new LibraryError(file, e.line, e.message, { cause: e });
    throw e;
  }
  const result: LibraryParseResult = { format: 'bibtex', entries: [], skipped: [] };
  for (const r of raw) {
    const f = (name: string): string | undefined =>
      r.fields[name] === undefined ? undefined : latexToText(r.fields[name]);
    const title = f('title') ?? '';
    if (!title) {
      result.skipped.push({ line: r.line, reason: `@${r.type}{${r.key}} has no title` });
      continue;
    }
    const eprintIsArxiv = !f('archiveprefix') || /arxiv/i.test(f('archiveprefix') ?? f('eprinttype') ?? '');
    const arxivId =
      (eprintIsArxiv ? parseArxivId(f('eprint') ?? '')?.id : undefined) ??
      parseArxivId(f('arxivid') ?? '')?.id ??
      findArxivId(f('url'), f('doi'), f('journal'), f('note'), f('howpublished'), f('eprint'));
    result.entries.push(
      entryOf(
        {
          title,
          abstract: f('abstract'),
          authors: r.fields.author ? splitBibtexNames(r.fields.author) : [],
          keywords: splitKeywords(f('keywords')),
          line: r.line,
        },
        arxivId,
        cleanDoi(f('doi')),
      ),
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// RIS

/** `Doe, Jane` → `Jane Doe` (RIS and CSL write last name first). */
const lastFirst = (name: string): string => {
  const [last, first, suffix] = name.split(',').map((s) => s.trim());
  return [first, last, suffix].filter((s) => s).join(' ');
};

function fromRis(text: string, file: string): LibraryParseResult {
  const result: LibraryParseResult = { format: 'ris', entries: [], skipped: [] };
  let record: Map<string, string[]> | null = null;
  let recordLine = 0;
  let lastTag: string | null = null;

  const finish = (): void => {
    const r = record!;
    const one = (...tags: string[]): string | undefined => tags.map((t) => r.get(t)?.join(' ')).find((v) => v);
    const title = one('TI', 'T1', 'CT', 'BT') ?? '';
    if (!title) {
      result.skipped.push({ line: recordLine, reason: `record of type ${one('TY') ?? '?'} has no title (TI/T1)` });
      return;
    }
    const all = [...r.entries()].filter(([t]) => t !== 'AB' && t !== 'N2').flatMap(([, v]) => v);
    result.entries.push(
      entryOf(
        {
          title,
          abstract: one('AB', 'N2'),
          authors: [...(r.get('AU') ?? r.get('A1') ?? [])].map(lastFirst),
          keywords: r.get('KW')?.flatMap((k) => splitKeywords(k)),
          line: recordLine,
        },
        findArxivId(one('UR'), one('DO'), one('L1'), one('L2'), one('AN'), ...all),
        cleanDoi(one('DO')),
      ),
    );
  };

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((l, i) => {
    const m = RIS_LINE.exec(l);
    if (!m) {
      // Exporters wrap long abstracts onto untagged lines.
      if (l.trim() === '') return;
      if (record && lastTag) {
        const v = record.get(lastTag)!;
        v[v.length - 1] += ` ${l.trim()}`;
        return;
      }
      throw new LibraryError(
        file,
        i + 1,
        `expected a RIS line such as "TY  - JOUR", got ${JSON.stringify(l.slice(0, 40))}`,
      );
    }
    const [, tag, value] = m as unknown as [string, string, string];
    if (tag === 'TY') {
      if (record)
        throw new LibraryError(file, i + 1, `expected "ER  -" closing the record opened at line ${recordLine}`);
      record = new Map([['TY', [value.trim()]]]);
      recordLine = i + 1;
    } else if (!record) {
      throw new LibraryError(file, i + 1, `expected "TY  -" to open a record before "${tag}  -"`);
    } else if (tag === 'ER') {
      finish();
      record = null;
    } else {
      const list = record.get(tag) ?? [];
      list.push(value.trim());
      record.set(tag, list);
    }
    lastTag = tag;
  });
  if (record)
    throw new LibraryError(file, lines.length, `expected "ER  -" closing the record opened at line ${recordLine}`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON

/** 1-based line of each top-level array element's start (a scan that knows JSON strings). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return lines;
}

const lineAt = (text: string, pos: number): number => text.slice(0, pos).split('\n').length;

/**
 * The line of a JSON.parse error: V8 gives a position for some errors, and for an unexpected
 * token only a snippet of about ten characters each side, which is looked up in the text.
 */
function jsonErrorLine(text: string, e: unknown): number {
  const message = errorMessage(e);
  const p = /position (\d+)/.exec(message);
  if (p) return lineAt(text, Number(p[1]));
  const m = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  const at = m ? text.indexOf(m[3]!) : -1;
  if (m && at >= 0) return lineAt(text, at + (m[2] ? 10 : m[3]!.indexOf(m[1]!)));
  return /end of JSON input/.test(message) ? lineAt(text, text.length) : 1;
}

type CslName = { family?: unknown; given?: unknown; literal?: unknown };

function cslNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return (value as CslName[])
    .map((n) =>
      typeof n?.literal === 'string'
        ? n.literal
        : [n?.given, n?.family].filter((p): p is string => typeof p === 'string').join(' '),
    )
    .filter((n) => n.trim() !== '');
}

function fromCslJson(text: string, file: string): LibraryParseResult {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new LibraryError(file, jsonErrorLine(body, e), `expected CSL-JSON, not valid JSON (${errorMessage(e)})`, {
      cause: e,
    });
  }
  // Some tools write one item, or {"items": [...]}.
  const items: unknown = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && 'items' in value
      ? value.items
      : [value];
  if (!Array.isArray(items)) throw new LibraryError(file, 1, 'expected a CSL-JSON array of items');
  const lines = Array.isArray(value) ? elementLines(body) : [];
  const result: LibraryParseResult = { format: 'csl-json', entries: [], skipped: [] };
  items.forEach((item: unknown, i) => {
    const line = lines[i] ?? 1;
    if (!item || typeof item !== 'object' || Array.isArray(item))
      throw new LibraryError(file, line, `expected a CSL-JSON item (an object) as item ${i + 1}`);
    const o = item as Record<string, unknown>;
    const s = (k: string): string | undefined => {
      const v = o[k];
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    };
    const title = s('title')?.trim() ?? '';
    if (!title) {
      result.skipped.push({ line, reason: `item ${i + 1}${s('id') ? ` (id ${s('id')})` : ''} has no title` });
      return;
    }
    result.entries.push(
      entryOf(
        { title, abstract: s('abstract'), authors: cslNames(o.author), keywords: splitKeywords(s('keyword')), line },
        findArxivId(s('URL'), s('DOI'), s('number'), s('archive_location'), s('note'), s('container-title'), s('id')),
        cleanDoi(s('DOI')),
      ),
    );
  });
  return result;
}

// ---------------------------------------------------------------------------------------------

/** Parses a library export given as text; `file` names it in errors. */
export function parseLibrary(text: string, file: string): LibraryParseResult {
  const format = detectLibraryFormat(text);
  if (format === 'bibtex') return fromBibtex(text, file);
  if (format === 'ris') return fromRis(text, file);
  if (format === 'csl-json') return fromCslJson(text, file);
  throw new LibraryError(
    file,
    1,
    'expected a library export: BibTeX ("@article{…"), RIS ("TY  - JOUR" lines) or CSL-JSON (a JSON array of items)',
  );
}

/** Reads and parses one export file. */
export async function readLibraryFile(path: string): Promise<LibraryParseResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new LibraryError(path, null, `cannot read the library file (${errorMessage(e)})`, { cause: e });
  }
  return parseLibrary(text, path);
}
