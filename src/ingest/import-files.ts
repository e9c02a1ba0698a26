/**
 * `import`: published days from their files into the store. Paths may be files or folders (the
 * reference system's data branch, our own `--out`): folders are searched recursively and files
 * recognised by name and content; anything else is skipped and counted. A day's files are
 * merged (published-day.ts) and stored in one transaction, so a killed import leaves whole days
 * stored or not stored and a re-run finishes the job. Importing the same files again changes
 * nothing.
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDayRecordFileName, READER_RECORD_FILE, type DayRecord, type ReaderRecord } from '../core/day-record.js';
import { announcementDateProblem } from '../core/dates.js';
import type { DayImportCounts, Store, WriteCounts } from '../store/store.js';
import { emptyCounts } from '../store/store.js';
import { AppError, InputError, errorMessage } from '../errors.js';
import { mergeDay } from './published-day.js';
import { parseDayRecord, parseReaderRecord } from './records.js';
import { dateFromFileName, parseReferenceFile, type ReferenceFile } from './reference-file.js';
import type { LineRejection } from './reference-record.js';

/** Names of the files a published day consists of (the reference's data-branch layout and ours). */
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})(\.jsonl|_AI_enhanced_[^./\\]+\.jsonl|\.md)$/;
/** Folders never searched: version control, dependencies, our own generated site. */
const SKIP_DIRS = new Set(['node_modules', 'site']);
/** A day's file larger than this is not a digest (the largest real days are a few MB). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface ImportOptions {
  /** --date: the date of every file given (for files whose names do not say). */
  date?: string;
  /** --lang: the summary language of every enhanced JSONL and Markdown file. */
  language?: string;
  /** LANGUAGE: the language of a Markdown digest when nothing else says. */
  defaultLanguage: string;
  now: () => Date;
  /** Import only days the store does not have (run restoring its history from --out). */
  onlyMissing?: boolean;
  /** Called before each day is read: for a progress bar. */
  onDay?: (done: number, total: number, date: string) => void;
}

export interface FileRefusal {
  file: string;
  error: string;
}

export interface DayImport {
  date: string;
  files: Pick<ReferenceFile, 'file' | 'format' | 'language'>[];
  records: number;
  counts: DayImportCounts;
  rejects: (LineRejection & { file: string })[];
  notes: string[];
  /** Papers the raw files list but no digest of the day did (the reference never summarized them). */
  unlisted: number;
  placeholders: string[];
  /** Files whose summary language was assumed to be LANGUAGE. */
  languageAssumed: string[];
  /** Set when the whole day was refused (its date cannot be an announcement date). */
  error?: string;
}

export interface ImportReport {
  days: DayImport[];
  /** Days already in the store, left alone (onlyMissing). */
  present: string[];
  /** Files in the folders that are not digest files (README, file lists, the site...). */
  skipped: string[];
  refused: FileRefusal[];
  reader: { files: number; marks: WriteCounts; state: number };
}

interface Found {
  /** Day files by date (reference files and our day records). */
  days: Map<string, { files: string[]; records: string[] }>;
  readers: string[];
  skipped: string[];
  refused: FileRefusal[];
}

/** The files to import: folders searched recursively, files classified by name. */
export function findImportFiles(paths: readonly string[], opts: Pick<ImportOptions, 'date'>): Found {
  const found: Found = { days: new Map(), readers: [], skipped: [], refused: [] };
  const add = (date: string, kind: 'files' | 'records', file: string) => {
    let day = found.days.get(date);
    if (!day) found.days.set(date, (day = { files: [], records: [] }));
    day[kind].push(file);
  };
  const classify = (file: string, explicit: boolean) => {
    const name = basename(file);
    if (name === READER_RECORD_FILE) return found.readers.push(file);
    const record = parseDayRecordFileName(name);
    if (record) return add(opts.date ?? record.date, 'records', file);
    const m = DAY_FILE.exec(name);
    if (!m && !explicit) return found.skipped.push(file);
    // A file named outright is read whatever its name; its date comes from the name or --date
    // (without one it is refused when read, with the first thing that is wrong with it).
    add(opts.date ?? m?.[1] ?? dateFromFileName(file) ?? '', 'files', file);
  };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (e) {
      found.refused.push({ file: dir, error: `${dir}: cannot read the folder: ${codeOf(e)}` });
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) walk(path);
      } else if (e.isFile()) classify(path, false);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // Unreadable or missing: refused with the reason when read.
    }
    if (isDir) walk(p);
    else classify(p, true);
  }
  return found;
}

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? errorMessage(e);

/** The file's text; refuses what is not a day's file: too large, or not UTF-8. */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES)
      throw new InputError(
        `${file}: ${Math.round(size / 1024 / 1024)} MB, larger than a day's file can be (${MAX_FILE_BYTES / 1024 / 1024} MB)`,
      );
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new InputError(`${file}: cannot read: ${codeOf(e)}`, { cause: e });
  }
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    throw new InputError(`${file}:${line}: not valid UTF-8 (byte ${at}); the file was left out`);
  }
  return bytes.toString('utf8');
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

export function importPaths(store: Store, paths: readonly string[], opts: ImportOptions): ImportReport {
  const found = findImportFiles(paths, opts);
  const report: ImportReport = {
    days: [],
    present: [],
    skipped: found.skipped,
    refused: [...found.refused],
    reader: { files: 0, marks: emptyCounts(), state: 0 },
  };
  let dates = [...found.days.keys()].sort();
  if (opts.onlyMissing) {
    report.present = dates.filter((d) => store.countAnnouncements(d) > 0);
    const present = new Set(report.present);
    dates = dates.filter((d) => !present.has(d));
  }
  dates.forEach((date, i) => {
    opts.onDay?.(i, dates.length, date);
    const day = importDay(store, date, found.days.get(date)!, opts, report.refused);
    if (day) report.days.push(day);
  });
  if (dates.length) opts.onDay?.(dates.length, dates.length, '');
  // Restoring (onlyMissing), the reader's state is taken only with the days it belongs to: a
  // store that has its days has newer state of its own (a cleared profile must stay cleared).
  const readers = opts.onlyMissing && report.days.length === 0 ? [] : found.readers;
  for (const file of readers) {
    try {
      const r = applyReaderRecord(store, parseReaderRecord(file, readText(file)));
      report.reader.files++;
      report.reader.marks = r.marks;
      report.reader.state += r.state;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      report.refused.push({ file, error: e.message });
    }
  }
  return report;
}

function importDay(
  store: Store,
  date: string,
  paths: { files: string[]; records: string[] },
  opts: ImportOptions,
  refused: FileRefusal[],
): DayImport | null {
  const files: ReferenceFile[] = [];
  const records: DayRecord[] = [];
  const read = <T>(file: string, parse: (text: string) => T): T | null => {
    try {
      return parse(readText(file));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refused.push({ file, error: e.message });
      return null;
    }
  };
  for (const file of paths.files) {
    const f = read(file, (text) => parseReferenceFile(file, text, { date: opts.date, language: opts.language }));
    if (f) files.push(f);
  }
  for (const file of paths.records) {
    const r = read(file, (text) => parseDayRecord(file, text));
    if (r) records.push(r);
  }
  if (!files.length) return null;
  const result: DayImport = {
    date,
    files: files.map((f) => ({ file: f.file, format: f.format, language: f.language })),
    records: records.length,
    counts: { papers: emptyCounts(), announcements: emptyCounts(), summaries: emptyCounts(), codeLinks: emptyCounts() },
    rejects: files.flatMap((f) => f.rejects.map((r) => ({ ...r, file: f.file }))),
    notes: [],
    unlisted: 0,
    placeholders: [],
    languageAssumed: [],
  };
  const problem = date ? announcementDateProblem(date, opts.now()) : 'no date';
  if (problem)
    return { ...result, error: `${files[0]!.file}: ${problem}: not an announcement date; the day was left out` };
  const merged = mergeDay({ date, files, records }, { defaultLanguage: opts.defaultLanguage });
  result.counts = store.importDay(merged.day);
  result.notes = merged.notes;
  result.unlisted = merged.unlisted.length;
  result.placeholders = merged.placeholders;
  result.languageAssumed = merged.languageAssumed;
  return result;
}

/** The reader's state from its record: a mark newer than the store's wins; a saved profile fills a gap. */
function applyReaderRecord(store: Store, r: ReaderRecord): { marks: WriteCounts; state: number } {
  const marks = store.mergeMarks(r.marks);
  let state = 0;
  for (const [key, value] of Object.entries(r.state))
    if (store.getState(key) === null) {
      store.setState(key, value);
      state++;
    }
  return { marks, state };
}

/** One file into the store (the conformance suite and benches): the day of that file alone. */
export function importReferenceFile(
  store: Store,
  file: string,
  opts: { date?: string; language?: string; defaultLanguage: string },
): DayImport | FileRefusal {
  const refused: FileRefusal[] = [];
  const date = opts.date ?? dateFromFileName(file) ?? '';
  const day = importDay(store, date, { files: [file], records: [] }, { ...opts, now: () => new Date() }, refused);
  return day ?? refused[0] ?? { file, error: `${file}: nothing to import` };
}

export const changed = (c: WriteCounts): number => c.inserted + c.updated;

/** Everything a day's import changed. */
export const changedIn = (c: DayImportCounts): number =>
  changed(c.papers) + changed(c.announcements) + changed(c.summaries) + changed(c.codeLinks);
