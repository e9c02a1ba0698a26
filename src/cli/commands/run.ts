/**
 * `arxiv-digest run`: the daily job. This release has the store and publishing; discovering and
 * fetching from arXiv (fetch), summarizing (summarize) and delivery join this composition as
 * they land. Today it publishes a stored day's reference files into --out.
 */
import { join } from 'node:path';
import { configuredSummarizer } from '../../config/settings.js';
import { writeFileAtomic } from '../../core/write-file.js';
import { countDay } from '../../publish/day-view.js';
import { enhancedJsonlRenderer, rawJsonlRenderer } from '../../publish/jsonl.js';
import { loadDay } from '../../publish/load-day.js';
import { markdownRenderer } from '../../publish/markdown.js';
import { plural, recordRun, settingsFrom, withStore, type GlobalOptions, type Io } from '../context.js';
import { resolveDate } from './render.js';

export interface RunFlags {
  date?: string;
  categories?: string;
  lang?: string;
  out?: string;
}

const PUBLISHED = [markdownRenderer, rawJsonlRenderer, enhancedJsonlRenderer];

export async function runCommand(flags: RunFlags, globals: GlobalOptions, io: Io): Promise<number> {
  const settings = settingsFrom(io, globals, flags);
  return withStore(settings, (store) =>
    recordRun(store, 'run', flags, () => {
      const day = loadDay(store, {
        date: resolveDate(store, flags.date ?? 'latest'),
        language: settings.language,
        categoryOrder: settings.categories,
        preferredSummarizer: configuredSummarizer(settings),
      });
      const files = PUBLISHED.map((r) => {
        const path = join(settings.out, r.fileName(day));
        writeFileAtomic(path, r.render(day));
        return path;
      });
      const c = countDay(day);
      io.stdout.write(
        `run ${day.date}: ${plural(c.papers, 'paper')}, ${c.summarized} summarized, ${c.pending} pending, ${c.failed + c.refused} failed; ` +
          `published ${files.map((f) => f.slice(settings.out.length + 1)).join(', ')} in ${settings.out}\n`,
      );
      return {
        code: 0,
        counts: {
          papers: c.papers,
          summarized: c.summarized,
          pending: c.pending,
          failed: c.failed,
          files: files.length,
        },
      };
    }),
  );
}
