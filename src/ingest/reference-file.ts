/**
 * Turns one reference-system file (raw JSONL, enhanced JSONL or Markdown digest) into the plain
 * data the store takes: papers, the day's announcements, summaries and code links. Pure.
 */
import { basename } from 'node:path';
import { hasPlaceholder, PLACEHOLDER_FLAG } from '../core/placeholders.js';
import {
  IMPORTED_PROMPT_VERSION,
  IMPORTED_SUMMARIZER,
  type AnnouncementInput,
  type CodeLink,
  type PaperInput,
  type SummaryInput,
} from '../core/types.js';
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
  /** LANGUAGE setting, used when neither the name nor --lang says. */
  defaultLanguage: string;
}

export interface ReferenceFile {
  file: string;
  format: ReferenceFormat;
  date: string;
  /** Summary language (enhanced JSONL and Markdown). */
  language: string | null;
  /** True when neither the file name nor --lang said the language (LANGUAGE was used). */
  languageAssumed: boolean;
  /** Papers whose summaries are the reference system's failure placeholders. */
  placeholders: string[];
  lines: number;
  papers: PaperInput[];
  announcements: AnnouncementInput[];
  summaries: SummaryInput[];
  codeLinks: CodeLink[];
  rejects: LineRejection[];
  /** Things worth a line: repeated lines of a paper beyond its categories. */
  notes: string[];
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
  const date = opts.date ?? dateFromFileName(file);
  if (!date) {
    throw new InputError(
      `${file}: cannot tell the announcement date: the file name does not start with YYYY-MM-DD; pass --date`,
    );
  }
  const notes: string[] = [];
  let records: ReferenceRecord[];
  let rejects: LineRejection[];
  let format: ReferenceFormat;
  if (kind === 'markdown') {
    ({ records, rejects } = parseReferenceMarkdown(text));
    format = 'markdown';
  } else {
    ({ records, rejects } = parseReferenceJsonl(text));
    format = records.some((r) => r.summary) || languageFromFileName(file) ? 'enhanced-jsonl' : 'raw-jsonl';
  }
  if (records.length === 0 && rejects.length === 0)
    throw new InputError(`${file}: no papers in the file; ${ACCEPTED_FORMATS}`);

  let language: string | null = null;
  let languageAssumed = false;
  if (format !== 'raw-jsonl') {
    language = opts.language ?? languageFromFileName(file);
    languageAssumed = !language;
    language ??= opts.defaultLanguage;
  }

  const papers = new Map<string, PaperInput>();
  const announcements: AnnouncementInput[] = [];
  const summaries = new Map<string, SummaryInput>();
  const codeLinks: CodeLink[] = [];
  const listings = new Map<string, number>();
  let duplicates = 0;
  const placeholders: string[] = [];
  for (const r of records) {
    const p = r.paper;
    // The reference system writes a paper once per listing it appeared in (its own category
    // and each of yours it was cross-listed to). We keep each occurrence as an announcement in
    // the next of the paper's categories, so the raw file renders back line for line.
    const n = listings.get(p.id) ?? 0;
    listings.set(p.id, n + 1);
    if (n === 0) papers.set(p.id, p);
    if (n < p.categories.length && !(n > 0 && p.categoriesPartial)) {
      announcements.push({
        paperId: p.id,
        category: p.categories[n]!,
        version: p.version ?? null,
        kind: n === 0 ? 'new' : 'cross',
      });
    } else duplicates++;
    if (n > 0) continue;
    if (r.summary && language) {
      const flags = hasPlaceholder(r.summary) ? [PLACEHOLDER_FLAG] : [];
      if (flags.length) placeholders.push(p.id);
      summaries.set(p.id, {
        paperId: p.id,
        version: 0,
        language,
        summarizer: IMPORTED_SUMMARIZER,
        promptVersion: IMPORTED_PROMPT_VERSION,
        status: 'ok',
        fields: r.summary,
        flags,
      });
    }
    if (r.code) codeLinks.push({ paperId: p.id, ...r.code });
  }
  if (duplicates)
    notes.push(
      `${duplicates} repeated ${duplicates === 1 ? 'entry' : 'entries'} of a paper already in the file skipped`,
    );
  return {
    file,
    format,
    date,
    language,
    languageAssumed,
    placeholders,
    lines: records.length + rejects.length,
    papers: [...papers.values()],
    announcements,
    summaries: [...summaries.values()],
    codeLinks,
    rejects,
    notes,
  };
}
