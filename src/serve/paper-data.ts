/**
 * What the paper page, the favorites and the API read about single papers, gathered from the
 * store (the only I/O here) into the publish stage's own shapes: a `DayPaper` so the site's card
 * renders it exactly like on a day page, and one-paper `DayView`s so the site's BibTeX and RIS
 * writers cite it exactly like a day's export.
 */
import type { CodeLink, Paper, StoredSummary } from '../core/types.js';
import { renderBibtex } from '../publish/citations.js';
import { chooseSummary, type DayPaper, type DayView } from '../core/day-view.js';
import type { SearchHit, Store } from '../store/store.js';
import { NO_MARK } from '../ui/components/marks.js';
import type { Announcement, PaperDetails } from '../ui/pages/app-paper.js';
import { similarQuery } from './similar.js';

export interface ViewOptions {
  language: string;
  preferredSummarizer: string;
}

/** A paper as the site's card shows it: the summary to show in the reader's language, code. */
export function paperCard(
  paper: Paper,
  summaries: readonly StoredSummary[],
  announcements: readonly Announcement[],
  codeLinks: readonly CodeLink[],
  opts: ViewOptions,
): DayPaper {
  const inLanguage = summaries.filter((s) => s.language === opts.language);
  const others = [
    ...new Set(summaries.filter((s) => s.status === 'ok' && s.language !== opts.language).map((s) => s.language)),
  ].sort();
  const latest = announcements[0]?.date;
  const listings = announcements.filter((a) => a.date === latest).map((a) => ({ category: a.category, kind: a.kind }));
  return {
    paper,
    primary: paper.categories[0] ?? listings[0]?.category ?? '',
    kind: listings[0]?.kind ?? 'new',
    listings,
    summary: chooseSummary(inLanguage, opts.preferredSummarizer, opts.language, others),
    code: codeLinks[0] ?? null,
  };
}

/** Cards of several papers (favorites): one summaries query per paper, no announcements. */
export function paperCards(store: Store, papers: readonly Paper[], opts: ViewOptions): DayPaper[] {
  return papers.map((p) => paperCard(p, store.getSummaries(p.id), store.getAnnouncements(p.id), [], opts));
}

/** Papers as a `DayView`, the shape the citation writers take; `date` dates papers without a year. */
export function citationDay(papers: readonly DayPaper[], date: string, language: string): DayView {
  return { date, language, categories: [], papers: [...papers], listings: [], unlisted: [] };
}

/** Papers sharing the most title and abstract terms with this one, itself excluded. */
export function similarPapers(store: Store, paper: Paper, limit: number): SearchHit[] {
  const fts = similarQuery(paper);
  if (!fts) return [];
  return store
    .searchPage({ fts, order: 'rank', limit: limit + 1, offset: 0 })
    .hits.filter((h) => h.id !== paper.id)
    .slice(0, limit);
}

export function loadPaperDetails(store: Store, id: string, opts: ViewOptions, today: string): PaperDetails | null {
  const paper = store.getPaper(id);
  if (!paper) return null;
  const summaries = store.getSummaries(id);
  const announcements = store.getAnnouncements(id);
  const codeLinks = store.getCodeLinks(id);
  const card = paperCard(paper, summaries, announcements, codeLinks, opts);
  return {
    paper,
    card,
    summaries,
    announcements,
    codeLinks,
    mark: store.getMarks([id]).get(id) ?? NO_MARK,
    bibtex: renderBibtex(citationDay([card], announcements[0]?.date ?? today, opts.language)),
  };
}
