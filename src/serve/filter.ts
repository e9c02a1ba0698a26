/**
 * The filter for agents (`GET /api/filter`): papers in a category AND (matching any keyword OR
 * by the author), newest first, each with the reason it is there. One FTS5 query finds them;
 * the reason is asked of the index too (which of the hits each keyword and the author match),
 * so it agrees with the search's stemming and CJK handling instead of guessing with substrings.
 */
import { absUrl } from '../core/arxiv-id.js';
import { isPlaceholderText } from '../core/placeholders.js';
import { chooseSummary } from '../core/day-view.js';
import { toFtsQuery } from '../search/query.js';
import { checkBudget, type SearchBudget, type Store } from '../store/store.js';
import type { ViewOptions } from './paper-data.js';

export interface FilterRequest {
  category: string | null;
  keywords: string[];
  author: string | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

export interface FilterPaper {
  id: string;
  title: string;
  authors: string[];
  categories: string[];
  /** Last announcement date. */
  date: string | null;
  url: string;
  /** TL;DR in the configured language, or null when there is no real one. */
  tldr: string | null;
  /** What matched, in words: `category cs.LG; keywords: diffusion; author: Jane Doe`. */
  reason: string;
  matched: { keywords: string[]; author: boolean };
}

export interface FilterResult {
  category: string | null;
  keywords: string[];
  author: string | null;
  from: string | null;
  to: string | null;
  count: number;
  more: boolean;
  papers: FilterPaper[];
}

/** A keyword is a phrase ("large language model" in that order); CJK keywords match inside text. */
export const keywordQuery = (keyword: string): string => toFtsQuery(`"${keyword.replace(/"/g, ' ')}"`);

/** The author as a phrase in the authors column (`Jane Doe` also matches `Mary Jane Doe`). */
export const authorQuery = (author: string): string => `authors:"${author.replace(/"/g, ' ').trim()}"`;

export function runFilter(
  store: Store,
  req: FilterRequest,
  opts: ViewOptions,
  budget: SearchBudget | null = null,
): FilterResult {
  const keywordQueries = req.keywords.map((k) => ({ keyword: k, fts: keywordQuery(k) }));
  const byAuthor = req.author ? authorQuery(req.author) : null;
  const alternatives = [...keywordQueries.map((k) => k.fts), ...(byAuthor ? [byAuthor] : [])];
  const { hits, more } = store.searchPage(
    {
      fts: alternatives.length ? alternatives.map((q) => `(${q})`).join(' OR ') : null,
      category: req.category,
      from: req.from,
      to: req.to,
      order: 'newest',
      limit: req.limit,
      offset: req.offset,
    },
    budget,
  );
  const ids = hits.map((h) => h.id);
  // The budget holds across the lookups that explain the hits, too (one per keyword, one per hit).
  const keywordHits = keywordQueries.map((k) => {
    checkBudget(budget);
    return { keyword: k.keyword, ids: store.matchingPapers(k.fts, ids) };
  });
  const authorHits = byAuthor ? store.matchingPapers(byAuthor, ids) : new Set<string>();
  const papers = hits.map((h): FilterPaper => {
    checkBudget(budget);
    const keywords = keywordHits.filter((k) => k.ids.has(h.id)).map((k) => k.keyword);
    const author = authorHits.has(h.id);
    const reason = [
      req.category && `category ${req.category}`,
      keywords.length > 0 && `keywords: ${keywords.join(', ')}`,
      author && `author: ${req.author}`,
      (req.from || req.to) && `announced ${req.from ?? '…'} to ${req.to ?? '…'}`,
    ]
      .filter(Boolean)
      .join('; ');
    const summaries = store.getSummaries(h.id).filter((s) => s.language === opts.language);
    const state = chooseSummary(summaries, opts.preferredSummarizer, opts.language);
    const tldr = state.status === 'ok' ? state.summary.fields!.tldr.trim() : null;
    return {
      id: h.id,
      title: h.title,
      authors: h.authors,
      categories: h.categories,
      date: h.date,
      url: absUrl(h.id),
      tldr: tldr && !isPlaceholderText(tldr) ? tldr : null,
      reason,
      matched: { keywords, author },
    };
  });
  return {
    category: req.category,
    keywords: req.keywords,
    author: req.author,
    from: req.from,
    to: req.to,
    count: papers.length,
    more,
    papers,
  };
}
