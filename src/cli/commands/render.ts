/** `arxiv-digest render`: one stored day in one output format, to a file or stdout. */
import { configuredSummarizer } from '../../config/settings.js';
import { isIsoDate } from '../../core/dates.js';
import { writeFileAtomic } from '../../core/write-file.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { countDay } from '../../core/day-view.js';
import { loadDay } from '../../publish/load-day.js';
import { feedRenderer } from '../../publish/feed-files.js';
import { RENDERERS, rendererFor } from '../../publish/renderers.js';
import type { Store } from '../../store/store.js';
import { rankerFor } from '../../app/wiring.js';
import { plural, rankingSettingsFrom, resolveDate, withStore, type GlobalOptions, type Io } from '../context.js';

export interface RenderFlags {
  date: string;
  format: string;
  categories?: string;
  lang?: string;
  out?: string;
  keywords?: string;
  exclude?: string;
  authors?: string;
}

export async function renderCommand(flags: RenderFlags, globals: GlobalOptions, io: Io): Promise<number> {
  const settings = await rankingSettingsFrom(io, globals, {
    categories: flags.categories,
    lang: flags.lang,
    keywords: flags.keywords,
    exclude: flags.exclude,
    authors: flags.authors,
  });
  if (flags.format !== 'html' && !rendererFor(flags.format)) {
    throw new UsageError(
      `--format: unknown format ${JSON.stringify(flags.format)} (available: ${[...RENDERERS.map((r) => r.format), 'html'].join(', ')})`,
    );
  }
  return withStore(settings, async (store) => {
    const date = resolveDate(store, flags.date);
    const loaded = loadDay(store, {
      date,
      language: settings.language,
      categoryOrder: settings.categories,
      explicitOrder: flags.categories !== undefined,
      preferredSummarizer: configuredSummarizer(settings),
    });
    // Ranked for the reader when there is a profile, a library or ratings (scores, reasons, For you).
    const ranker = await rankerFor(settings, store, (line) => io.stderr.write(`${line}\n`));
    const day = ranker ? await ranker.rankDay(loaded) : loaded;
    // The HTML page needs the site's title and language; loaded only when asked for, so the
    // other formats do not pay for the site's code at start-up.
    const site = { title: settings.publish.siteTitle, siteUrl: settings.publish.siteUrl };
    const renderer =
      flags.format === 'rss' || flags.format === 'atom' || flags.format === 'jsonfeed'
        ? feedRenderer(flags.format, site)
        : flags.format === 'html'
          ? (await import('../../publish/site/index.js')).htmlRenderer({
              title: settings.publish.siteTitle,
              language: settings.language,
              uiLanguage: settings.uiLanguage,
              generatedAt: `${date}T00:00:00Z`,
              baseUrl: settings.publish.siteUrl,
            })
          : rendererFor(flags.format)!;
    const text = renderer.render(day);
    if (flags.out) writeFileAtomic(flags.out, text);
    else io.stdout.write(text);
    const c = countDay(day);
    const missing = [
      c.pending && `${c.pending} pending`,
      c.failed && `${c.failed} failed`,
      c.refused && `${c.refused} refused`,
      c.placeholders && `${c.placeholders} with reference placeholder text`,
    ].filter(Boolean);
    io.stderr.write(
      `render ${renderer.format} ${day.date} (${day.language}): ${plural(c.papers, 'paper')} in ${plural(day.categories.length, 'category', 'categories')}, ` +
        `${c.summarized} summarized${missing.length ? `, ${missing.join(', ')}` : ''}` +
        (day.unlisted.length && renderer.summaries
          ? `; ${plural(day.unlisted.length, 'paper')} the published digest did not list left out (in the raw JSONL; \`arxiv-digest summarize --date ${day.date}\` adds them)`
          : '') +
        `${day.forYou ? `, ${day.forYou.length} for you` : ''}${flags.out ? ` → ${flags.out}` : ''}\n`,
    );
    return 0;
  });
}
