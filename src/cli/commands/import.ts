/** `arxiv-digest import PATH...`: published days (files or whole folders) into the store. */
import { isIsoDate } from '../../core/dates.js';
import { UsageError } from '../../errors.js';
import { changed, changedIn, importPaths, type DayImport, type ImportReport } from '../../ingest/import-files.js';
import type { Store } from '../../store/store.js';
import { addCounts, emptyCounts, type WriteCounts } from '../../store/store.js';
import { describeCounts, plural, recordRun, settingsFrom, withStore, type GlobalOptions, type Io } from '../context.js';
import { createProgress } from '../progress.js';

export interface ImportFlags {
  date?: string;
  lang?: string;
}

/** `enhanced-jsonl Chinese, raw-jsonl, markdown` */
const filesOf = (d: DayImport): string =>
  d.files.map((f) => `${f.format}${f.language ? ` ${f.language}` : ''}`).join(', ') +
  (d.records ? `, ${plural(d.records, 'day record')}` : '');

function dayLine(d: DayImport): string {
  const c = d.counts;
  return (
    `${d.date} (${filesOf(d)}): papers ${describeCounts(c.papers)}; announcements ${describeCounts(c.announcements)}` +
    (d.files.some((f) => f.format !== 'raw-jsonl') ? `; summaries ${describeCounts(c.summaries)}` : '') +
    (d.unlisted ? `; ${plural(d.unlisted, 'paper')} never summarized` : '') +
    (d.rejects.length ? `; ${plural(d.rejects.length, 'line')} rejected` : '')
  );
}

/** Prints what the import did: one line per day, the problems, notes, and one summary line. */
export function describeImport(report: ImportReport, io: Io, log: (to: NodeJS.WriteStream, text: string) => void) {
  for (const d of report.days) {
    if (d.error) {
      log(io.stderr, `${d.error}\n`);
      continue;
    }
    for (const r of d.rejects) log(io.stderr, `${r.file}:${r.line}: ${r.reason}\n`);
    for (const note of d.notes) log(io.stderr, `${d.date}: note: ${note}\n`);
    log(io.stdout, `${dayLine(d)}\n`);
  }
  for (const r of report.refused) log(io.stderr, `${r.error}\n`);
}

export function summarizeImport(report: ImportReport, language: string, stored: { papers: number; summaries: number }) {
  const ok = report.days.filter((d) => !d.error);
  const sum = (pick: (d: DayImport) => WriteCounts) => ok.map(pick).reduce(addCounts, emptyCounts());
  const papers = sum((d) => d.counts.papers);
  const summaries = sum((d) => d.counts.summaries);
  const announcements = sum((d) => d.counts.announcements);
  const files = ok.reduce((n, d) => n + d.files.length + d.records, 0) + report.reader.files;
  const rejected = ok.reduce((n, d) => n + d.rejects.length, 0);
  const refused = report.refused.length + report.days.length - ok.length;
  const unlisted = ok.filter((d) => d.unlisted);
  const unlistedPapers = unlisted.reduce((n, d) => n + d.unlisted, 0);
  const nothingChanged =
    ok.reduce((n, d) => n + changedIn(d.counts), 0) + changed(report.reader.marks) + report.reader.state === 0;
  const notes: string[] = [];
  const assumed = ok.flatMap((d) => d.languageAssumed);
  if (assumed.length)
    notes.push(
      `${plural(assumed.length, 'file')} did not name the summary language in the file name; ` +
        `stored as ${language} (LANGUAGE); pass --lang to choose`,
    );
  const placeholders = [...new Set(ok.flatMap((d) => d.placeholders))];
  if (placeholders.length)
    notes.push(
      `the reference system's failure placeholders instead of a summary for ` +
        `${plural(placeholders.length, 'paper')} (${placeholders.slice(0, 5).join(', ')}${placeholders.length > 5 ? ', …' : ''}); ` +
        `stored flagged "placeholder", so any real summary is shown before them`,
    );
  const problems = [
    rejected && `${plural(rejected, 'line')} rejected`,
    refused && `${plural(refused, 'file')} refused`,
  ].filter(Boolean) as string[];
  const counted = `${plural(files, 'file')}, ${plural(ok.length, 'day')}`;
  let line = nothingChanged
    ? `import: ${counted}: 0 changed (${plural(stored.papers, 'paper')}, ${plural(stored.summaries, 'summary', 'summaries')} already stored)`
    : `import: ${counted}: papers ${describeCounts(papers)}; summaries ${describeCounts(summaries)}; announcements ${describeCounts(announcements)}`;
  if (report.reader.files)
    line += `; reader's marks ${describeCounts(report.reader.marks)}${report.reader.state ? `, ${plural(report.reader.state, 'saved setting')}` : ''}`;
  if (unlistedPapers)
    line +=
      `; ${plural(unlistedPapers, 'paper')} on ${plural(unlisted.length, 'day')} never summarized by the reference ` +
      `(left out of those days' digests, as published; \`arxiv-digest summarize --date ${unlisted.at(-1)!.date}\` fills a day)`;
  if (problems.length) line += `; ${problems.join(', ')}`;
  if (report.skipped.length) line += `; ${plural(report.skipped.length, 'other file')} skipped`;
  return { line, notes, problems, papers, summaries, rejected, refused };
}

export async function importCommand(
  paths: string[],
  flags: ImportFlags,
  globals: GlobalOptions,
  io: Io,
): Promise<number> {
  if (flags.date !== undefined && !isIsoDate(flags.date))
    throw new UsageError(`--date: expected YYYY-MM-DD, got ${JSON.stringify(flags.date)}`);
  if (flags.lang !== undefined && !flags.lang.trim()) throw new UsageError('--lang: must not be empty');
  const settings = settingsFrom(io, globals, { lang: flags.lang });
  return withStore(settings, (store: Store) =>
    recordRun(store, 'import', { paths, ...flags }, () => {
      let progress: ReturnType<typeof createProgress> | null = null;
      const report = importPaths(store, paths, {
        date: flags.date,
        language: flags.lang,
        defaultLanguage: settings.language,
        now: () => new Date(),
        onDay: (done, all, date) => {
          progress ??= createProgress({ label: 'import', total: all, stream: io.stderr });
          progress.update(done, date);
        },
      });
      const log = (to: NodeJS.WriteStream, text: string) => (progress ? progress.log(to, text) : to.write(text));
      describeImport(report, io, log);
      (progress as ReturnType<typeof createProgress> | null)?.stop();
      const s = summarizeImport(report, settings.language, store.stats());
      for (const note of s.notes) io.stderr.write(`import: note: ${note}\n`);
      io.stdout.write(`${s.line}\n`);
      return {
        code: s.problems.length ? 1 : 0,
        counts: {
          days: report.days.length,
          refused: s.refused,
          rejected: s.rejected,
          skipped: report.skipped.length,
          papersNew: s.papers.inserted,
          papersUpdated: s.papers.updated,
          summariesNew: s.summaries.inserted,
          summariesUpdated: s.summaries.updated,
        },
        problem: s.problems.join(', ') || undefined,
      };
    }),
  );
}
