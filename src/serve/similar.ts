/**
 * "Similar papers": an FTS5 query of a paper's title words and the terms its abstract repeats
 * most, any of which may match (OR), limited to titles and abstracts so shared authors or
 * summary boilerplate do not count. bm25 then ranks papers sharing more, and rarer, terms first.
 * Cheap (one indexed query) and explainable, which a reader of a digest needs more than
 * embeddings. Pure.
 */
import { hasCjk } from '../core/cjk.js';
import type { Paper } from '../core/types.js';

// Words that every abstract has: matching them says nothing about the topic.
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having here how however i ' +
    'if in into is it its itself just more most much must near new no nor not now of off on once only or other our ' +
    'out over own paper papers per propose proposed present show shows shown same so some such than that the their ' +
    'them then there these they this those through thus to too under until up upon use used using very via was we ' +
    'were what when where which while who whom why will with within without would yet approach approaches method ' +
    'methods result results based work study studies existing novel first two one three well able different various ' +
    'demonstrate demonstrates experiments experimental significantly state art'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

const usable = (w: string, minLength: number): boolean =>
  w.length >= minLength && !STOPWORDS.has(w) && !/^\d+$/.test(w) && !hasCjk(w);

/** The terms, title words first, then the abstract's most repeated; lower case, unique. */
export function similarTerms(paper: Pick<Paper, 'title' | 'abstract'>, maxTerms = 12): string[] {
  const terms: string[] = [];
  for (const w of paper.title.toLowerCase().match(WORD) ?? []) {
    if (usable(w, 3) && !terms.includes(w)) terms.push(w);
  }
  const counts = new Map<string, number>();
  for (const w of paper.abstract.toLowerCase().match(WORD) ?? []) {
    if (usable(w, 4)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // Most repeated first; among equals, longer words (more specific) first, then as written.
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  for (const [w] of ranked) {
    if (terms.length >= maxTerms) break;
    if (!terms.includes(w)) terms.push(w);
  }
  return terms.slice(0, maxTerms);
}

/** The FTS5 query, or null when the paper has no usable words. Terms are quoted: never syntax. */
export function similarQuery(paper: Pick<Paper, 'title' | 'abstract'>, maxTerms = 12): string | null {
  const terms = similarTerms(paper, maxTerms);
  return terms.length ? `{title abstract} : (${terms.map((t) => `"${t}"`).join(' OR ')})` : null;
}
