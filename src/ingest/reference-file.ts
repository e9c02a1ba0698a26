/**
 * Reads one reference-system file (raw JSONL, enhanced JSONL or Markdown digest) into records,
 * with the date and language its name says. Pure; published-day.ts merges a day's files.
 */
import { basename } from 'node:path';
import { isIsoDate } from '../core/dates.js';
import { InputError } from '../errors.js';
import { parseReferenceJsonl } from './reference-jsonl.js';
import { looksLikeDigest, parseReferenceMarkdown } from './reference-markdown.js';
import type { LineRejection, ReferenceFormat, ReferenceRecord } from './reference-record.js';

export const ACCEPTED_FORMATS =
  "accepted formats: the reference system's raw JSONL (YYYY-MM-DD.jsonl), enhanced JSONL " +
  '(YYYY-MM-DD_AI_enhanced_Language.jsonl) and Markdown digest (YYYY-MM-DD.md)';

export interface ReferenceFileOptions {
  /** --date: overrides the date in the file name. */
  date?: string;
  /** --lang: overrides the language in the file name. */
  language?: string;
}

/** One reference-system file, parsed: its records and what its name and content say. */
export interface ReferenceFile {
  file: string;
  format: ReferenceFormat;
  date: string;
  /** Summary language from --lang or the file name (enhanced JSONL); null when neither says. */
  language: string | null;
  /** The Markdown's table of contents: the category order the digest was published with. */
  categoryOrder: string[] | null;
  lines: number;
  records: ReferenceRecord[];
  rejects: LineRejection[];
}

export function detectFormat(text: string): 'jsonl' | 'markdown' | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'jsonl';
  if (looksLikeDigest(text)) return 'markdown';
  return null;
}

export function dateFromFileName(file: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(basename(file));
  return m && isIsoDate(m[1]!) ? m[1]! : null;
}

export function languageFromFileName(file: string): string | null {
  const m = /_AI_enhanced_([^./\\]+)\.jsonl$/i.exec(basename(file));
  return m ? m[1]! : null;
}

export function parseReferenceFile(file: string, text: string, opts: ReferenceFileOptions): ReferenceFile {
  const kind = detectFormat(text);
  if (!kind) {
    const what = text.trim() === '' ? 'the file is empty' : 'not a reference-system file';
    throw new InputError(`${file}: ${what}; ${ACCEPTED_FORMATS}`);
  }
  const named = /^(\d{4}-\d{2}-\d{2})/.exec(basename(file))?.[1];
  if (!opts.date && named && !isIsoDate(named))
    throw new InputError(`${file}: the date in the file name, ${named}, is not a calendar date; pass --date`);
  const date = opts.date ?? dateFromFileName(file);
  if (!date) {
    throw new InputError(
      `${file}: cannot tell the announcement date: the file name does not start with YYYY-MM-DD; pass --date`,
    );
  }
  let records: ReferenceRecord[];
  let rejects: LineRejection[];
  let format: ReferenceFormat;
  let categoryOrder: string[] | null = null;
  if (kind === 'markdown') {
    let categories: string[];
    ({ records, rejects, categories } = parseReferenceMarkdown(text));
    categoryOrder = categories;
    format = 'markdown';
  } else {
    ({ records, rejects } = parseReferenceJsonl(text));
    format =
      records.some((r) => r.summary || r.status || r.incomplete) || languageFromFileName(file)
        ? 'enhanced-jsonl'
        : 'raw-jsonl';
  }
  if (records.length === 0 && rejects.length === 0)
    throw new InputError(`${file}: no papers in the file; ${ACCEPTED_FORMATS}`);
  const language = format === 'raw-jsonl' ? null : (opts.language ?? languageFromFileName(file));
  return { file, format, date, language, categoryOrder, lines: records.length + rejects.length, records, rejects };
}
