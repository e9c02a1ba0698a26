/**
 * Turns what a person types into an FTS5 query. Words with punctuation (`self-supervised`,
 * `GPT-4o`, `C++`) become phrases instead of syntax errors, CJK text becomes phrases of single
 * characters (see core/cjk.ts), and FTS5 syntax (AND/OR/NOT, "phrases", prefix*, column:term,
 * parentheses) passes through.
 */
import { spaceCjk } from '../core/cjk.js';
import { UsageError } from '../errors.js';

const BAREWORD = /^[\p{L}\p{N}_]+\*?$/u;
const COLUMNS = new Set(['title', 'authors', 'abstract', 'summaries']);
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

const phrase = (text: string): string => `"${spaceCjk(text).trim().replace(/\s+/g, ' ').replace(/"/g, '""')}"`;

function term(word: string): string {
  if (OPERATORS.has(word)) return word;
  const col = /^([a-z]+):(.+)$/.exec(word);
  if (col && COLUMNS.has(col[1]!)) return `${col[1]}:${term(col[2]!)}`;
  if (BAREWORD.test(word) && spaceCjk(word) === word) return word;
  const prefix = word.endsWith('*');
  const core = prefix ? word.slice(0, -1) : word;
  return core.replace(/[\p{P}\p{S}]/gu, ' ').trim() === '' ? '' : phrase(core) + (prefix ? '*' : '');
}

export function toFtsQuery(input: string): string {
  const text = input.trim();
  if (!text) throw new UsageError('empty search query');
  const out: string[] = [];
  const re = /"([^"]*)("?)|([()])|([^\s()"]+)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) {
      if (!m[2]) throw new UsageError(`invalid search query: unterminated quote in ${JSON.stringify(input)}`);
      if (m[1].trim()) out.push(phrase(m[1]));
    } else if (m[3]) out.push(m[3]);
    else {
      const t = term(m[4]!);
      if (t) out.push(t);
    }
  }
  if (out.length === 0) throw new UsageError(`search query ${JSON.stringify(input)} has no words to search for`);
  return out.join(' ');
}

/**
 * The most words, phrases and prefixes a web query may have. Each costs a walk over its list of
 * papers, some of them in one step SQLite cannot interrupt (FTS5 scoring a query's terms, or
 * finding that nothing matches `x NOT y`): 30 common prefixes took 3.6 s on 1,000,000 papers.
 * (Prefixes too short to search are refused by the store, which knows how the index reads them.)
 */
export const MAX_TERMS = 20;

/** Refuses (UsageError) an FTS5 query from toFtsQuery with more than MAX_TERMS terms. */
export function checkSearchCost(fts: string): void {
  const terms = (fts.match(/"(?:[^"]|"")*"\*?|[^\s()"]+/g) ?? []).filter((t) => !OPERATORS.has(t) && t !== 'NEAR');
  if (terms.length > MAX_TERMS)
    throw new UsageError(
      `the query has ${terms.length} words, phrases and prefixes; at most ${MAX_TERMS} are searched at once (each one more makes the search slower for everyone)`,
    );
}
