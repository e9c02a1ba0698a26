/** The I/O edge of publishing: reads one day from the store and builds its DayView. */
import type { Store } from '../store/store.js';
import { NotFoundError } from '../errors.js';
import { buildDayView, type DayView } from '../core/day-view.js';

export interface LoadDayOptions {
  date: string;
  language: string;
  /** Category order for a day that has none of its own (days read from files keep theirs). */
  categoryOrder: readonly string[];
  /** --categories: the order given wins over the day's own. */
  explicitOrder?: boolean;
  preferredSummarizer: string;
}

export function loadDay(store: Store, opts: LoadDayOptions): DayView {
  const rows = store.getDay(opts.date);
  if (rows.length === 0) {
    const days = store.listDays();
    const hint = days.length
      ? `stored days: ${days
          .slice(0, 5)
          .map((d) => d.date)
          .join(', ')}${days.length > 5 ? ', …' : ''}`
      : 'the store has no days yet: import some with "arxiv-digest import FILE..."';
    throw new NotFoundError(`no papers announced on ${opts.date} in ${store.path} (${hint})`);
  }
  const digest = store.getDayDigest(opts.date, opts.language);
  return buildDayView({
    date: opts.date,
    language: opts.language,
    rows,
    summaries: store.getDaySummaries(opts.date, opts.language),
    otherLanguages: store.getDayOtherLanguages(opts.date, opts.language),
    codeLinks: store.getDayCodeLinks(opts.date),
    categoryOrder: opts.categoryOrder,
    preferredSummarizer: opts.preferredSummarizer,
    digest: digest && opts.explicitOrder ? { categoryOrder: null } : digest,
  });
}
