/** `arxiv-digest import FILE...`: reference-system files into the store. */
import { isIsoDate } from '../../core/dates.js';
import { UsageError } from '../../errors.js';
import { changed, importReferenceFile, type FileImport } from '../../ingest/import-files.js';
import { addCounts, emptyCounts, type WriteCounts } from '../../store/store.js';
import { describeCounts, plural, recordRun, settingsFrom, withStore, type GlobalOptions, type Io } from '../context.js';
import { createProgress } from '../progress.js';

export interface ImportFlags {
  date?: string;
  lang?: string;
}

const total = (c: WriteCounts): number => c.inserted + c.updated + c.unchanged;

export async function importCommand(
  files: string[],
  flags: ImportFlags,
  globals: GlobalOptions,
  io: Io,
): Promise<number> {
  if (flags.date !== undefined && !isIsoDate(flags.date))
    throw new UsageError(`--date: expected YYYY-MM-DD, got ${JSON.stringify(flags.date)}`);
  if (flags.lang !== undefined && !flags.lang.trim()) throw new UsageError('--lang: must not be empty');
  const settings = settingsFrom(io, globals, { lang: flags.lang });
  return withStore(settings, (store) =>
    recordRun(store, 'import', { files, ...flags }, () => {
      const results: FileImport[] = [];
      const progress = createProgress({ label: 'import', total: files.length, stream: io.stderr });
      for (const [i, file] of files.entries()) {
        const r = importReferenceFile(store, file, {
          date: flags.date,
          language: flags.lang,
          defaultLanguage: settings.language,
        });
        results.push(r);
        progress.update(i + 1, file);
        if (r.error) {
          progress.log(io.stderr, `${r.error}\n`);
          continue;
        }
        const p = r.parsed!;
        for (const rej of p.rejects) progress.log(io.stderr, `${file}:${rej.line}: ${rej.reason}\n`);
        for (const note of p.notes) progress.log(io.stderr, `${file}: note: ${note}\n`);
        progress.log(
          io.stdout,
          `${file}: ${p.format} for ${p.date}${p.language ? ` (${p.language})` : ''}: ` +
            `papers ${describeCounts(r.papers)}; announcements ${describeCounts(r.announcements)}` +
            (p.format === 'raw-jsonl' ? '' : `; summaries ${describeCounts(r.summaries)}`) +
            (p.rejects.length ? `; ${plural(p.rejects.length, 'line')} rejected` : '') +
            '\n',
        );
      }
      progress.stop();

      const ok = results.filter((r) => !r.error);
      const sum = (pick: (r: FileImport) => WriteCounts) => ok.map(pick).reduce(addCounts, emptyCounts());
      const papers = sum((r) => r.papers);
      const summaries = sum((r) => r.summaries);
      const announcements = sum((r) => r.announcements);
      const rejected = ok.reduce((n, r) => n + r.parsed!.rejects.length, 0);
      const refused = results.length - ok.length;
      const days = new Set(ok.map((r) => r.parsed!.date)).size;
      const nothingChanged =
        changed(papers) +
          changed(summaries) +
          changed(announcements) +
          ok.reduce((n, r) => n + changed(r.codeLinks), 0) ===
        0;
      const assumed = ok.filter((r) => r.parsed!.languageAssumed);
      if (assumed.length) {
        io.stderr.write(
          `import: note: ${plural(assumed.length, 'file')} did not name the summary language in the file name; ` +
            `stored as ${settings.language} (LANGUAGE); pass --lang to choose\n`,
        );
      }
      const placeholders = new Set(ok.flatMap((r) => r.parsed!.placeholders));
      if (placeholders.size) {
        const ids = [...placeholders];
        io.stderr.write(
          `import: note: the reference system's failure placeholders instead of a summary for ` +
            `${plural(ids.length, 'paper')} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}); ` +
            `stored flagged "placeholder", so any real summary is shown before them\n`,
        );
      }
      const problems = [
        rejected && `${plural(rejected, 'line')} rejected`,
        refused && `${plural(refused, 'file')} refused`,
      ].filter(Boolean);
      const line =
        nothingChanged && ok.length
          ? `import: nothing changed — ${plural(ok.length, 'file')} already stored (${plural(total(papers), 'paper')}, ${plural(total(summaries), 'summary', 'summaries')})`
          : `import: ${plural(ok.length, 'file')}, ${plural(days, 'day')}: papers ${describeCounts(papers)}; summaries ${describeCounts(summaries)}; announcements ${describeCounts(announcements)}`;
      io.stdout.write(`${line}${problems.length ? `; ${problems.join(', ')}` : ''}\n`);
      return {
        code: problems.length ? 1 : 0,
        counts: {
          files: files.length,
          refused,
          rejected,
          papersNew: papers.inserted,
          papersUpdated: papers.updated,
          summariesNew: summaries.inserted,
          summariesUpdated: summaries.updated,
        },
        problem: problems.join(', ') || undefined,
      };
    }),
  );
}
