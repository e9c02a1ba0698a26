/**
 * The prebuilt search index over every day of the site, shipped as `assets/search-index.js`:
 * a script that assigns one global, because pages opened from disk (file://) may load scripts
 * but may not fetch() JSON. Compact on purpose — it is every paper of every day: one array per
 * paper instead of an object, dates and categories as indexes into shared tables, whitespace
 * collapsed, and only a prefix of the abstract. Pure.
 */
import { isPlaceholderText } from '../../core/placeholders.js';
import { SEARCH_GLOBAL, type SearchEntry, type SearchIndex } from '../../ui/browser/page-data.js';
import { scriptJson } from '../../ui/html.js';
import type { DayView } from '../../core/day-view.js';

export { SEARCH_GLOBAL, type SearchEntry, type SearchIndex };

/** Characters of the abstract kept: enough for a snippet and the key terms of the opening. */
export const ABSTRACT_PREFIX_CHARS = 200;

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The first `max` characters, cut at a word boundary when there is one nearby, with an ellipsis. */
export function prefix(text: string, max = ABSTRACT_PREFIX_CHARS): string {
  const t = squash(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // Keep a word boundary only when it is close: CJK text has no spaces to cut at.
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}

/** Every paper of every day, newest day first, in each day's display order. */
export function buildSearchIndex(days: readonly DayView[]): SearchIndex {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const catIndex = new Map<string, number>();
  const cats: string[] = [];
  const catId = (c: string): number => {
    let i = catIndex.get(c);
    if (i === undefined) {
      i = cats.length;
      cats.push(c);
      catIndex.set(c, i);
    }
    return i;
  };
  const papers: SearchEntry[] = [];
  sorted.forEach((day, dateIdx) => {
    for (const p of day.papers) {
      const s = p.summary;
      const tldr =
        s.status === 'ok' && s.summary.fields && !isPlaceholderText(s.summary.fields.tldr) ? s.summary.fields.tldr : '';
      const categories = p.paper.categories.length ? p.paper.categories : [p.primary];
      papers.push([
        p.paper.id,
        dateIdx,
        squash(p.paper.title),
        p.paper.authors.map(squash).join(', '),
        categories.map(catId),
        squash(tldr),
        prefix(p.paper.abstract),
      ]);
    }
  });
  return { v: 1, dates: sorted.map((d) => d.date), cats, papers };
}

/** The index as a script; `<` is escaped so no title can end a script element or open a comment. */
export const searchIndexScript = (index: SearchIndex): string => `window.${SEARCH_GLOBAL}=${scriptJson(index)};\n`;
