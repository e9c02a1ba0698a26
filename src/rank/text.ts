/**
 * Text features for ranking: a tokenizer (lower case, English stopwords dropped, a light suffix
 * stemmer, CJK split per character as in core/cjk.ts) and sparse TF-IDF vectors over it.
 *
 * The stemmer is deliberately light (plurals, -ing, -ed, a final -e): it only has to map the
 * forms a reader types ("transformer", "diffusion models") onto the forms papers use, and it is
 * applied to both sides, so over-stemming costs nothing as long as it is consistent.
 */
import type { RankPaper } from './types.js';

const CJK_EACH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const CJK_ANY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const DIGITS = /^\d+$/;

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either et etc few for from further had has ' +
    'have having he her here hers herself him himself his how however i if in into is it its itself just may me ' +
    'might more most much must my myself neither no nor not now of off on once only or other our ours ourselves out ' +
    'over own per same she should so some such than that the their theirs them themselves then there thereby ' +
    'therefore these they this those through thus to too under until up upon us very via was we were what when ' +
    'where whereas which while who whom whose why will with within without would yet you your'
  ).split(' '),
);

/** Undoubles `embedd` → `embed`, but keeps `ss` (`pass`, `class`). */
function undouble(w: string): string {
  const n = w.length;
  return n > 3 && w[n - 1] === w[n - 2] && w[n - 1] !== 's' && !'aeiou'.includes(w[n - 1]!) ? w.slice(0, -1) : w;
}

/** Light English stemming of one lower-case word (see the header). */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= 4) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length - 2 >= 4) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length - 1 >= 4) w = w.slice(0, -1);
  return w;
}

// Stemming is the hot path of ranking a day (hundreds of thousands of words), and the
// vocabulary of a day is small: remembering the answers makes it nearly free.
const stemCache = new Map<string, string>();
function cachedStem(w: string): string {
  let s = stemCache.get(w);
  if (s === undefined) {
    s = stem(w);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(w, s);
  }
  return s;
}

/**
 * Tokens of a text in order: words lower-cased and stemmed, stopwords, bare numbers and single
 * Latin letters dropped; each CJK character is a token of its own.
 */
export function tokenize(text: string): string[] {
  const spaced = CJK_ANY.test(text) ? text.replace(CJK_EACH, ' $& ') : text;
  const out: string[] = [];
  for (const w of spaced.toLowerCase().split(NON_WORD)) {
    if (w.length <= 3) {
      if (w.length === 0 || (w.length === 1 && !CJK_ANY.test(w)) || STOPWORDS.has(w) || DIGITS.test(w)) continue;
      out.push(w);
    } else if (!STOPWORDS.has(w) && !DIGITS.test(w)) out.push(cachedStem(w));
  }
  return out;
}

/** Term counts of a token list, with adjacent pairs (`diffus_model`) as terms of their own. */
export function addTerms(counts: Map<string, number>, tokens: readonly string[], weight = 1): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    counts.set(t, (counts.get(t) ?? 0) + weight);
    if (i > 0) {
      const b = `${tokens[i - 1]}_${t}`;
      counts.set(b, (counts.get(b) ?? 0) + weight);
    }
  }
}

/** A paper's title and abstract as tokens, and the terms it is compared by. */
export interface AnalyzedText {
  title: string[];
  abstract: string[];
  /**
   * Title terms counted twice (it is the author's own summary), then abstract terms. Summaries are
   * left out on purpose: they are written after ranking, in the reader's language, so old papers
   * would have them and new ones not.
   */
  terms: Map<string, number>;
}

const analyzed = new WeakMap<object, AnalyzedText>();

/**
 * Tokens and terms of a paper or library entry, remembered per object (a paper's text does not
 * change once built, and the same objects are ranked, trained on and compared).
 */
export function analyzeText(p: Pick<RankPaper, 'title' | 'abstract'>): AnalyzedText {
  let a = analyzed.get(p);
  if (!a) {
    const title = tokenize(p.title);
    const abstract = tokenize(p.abstract);
    const terms = new Map<string, number>();
    addTerms(terms, title, 2);
    addTerms(terms, abstract, 1);
    a = { title, abstract, terms };
    analyzed.set(p, a);
  }
  return a;
}

export const paperTerms = (p: Pick<RankPaper, 'title' | 'abstract'>): Map<string, number> => analyzeText(p).terms;

/** A sparse vector: term ids (in no particular order) and values; L2 norm 1, or empty. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** A document's terms as ids of one Corpus, with their counts. */
export interface DocTerms {
  ids: Int32Array;
  tf: Float32Array;
}

/** Smoothed inverse document frequency, as scikit-learn's TfidfVectorizer computes it. */
export const idfOf = (df: number, docs: number): number => Math.log((1 + docs) / (1 + df)) + 1;

/**
 * The documents of one ranking or training run: term ids, document frequencies, and each
 * document's terms as ids, so vectors and dot products need no more string look-ups.
 */
export class Corpus {
  readonly index = new Map<string, number>();
  readonly terms: string[] = [];
  readonly df: number[] = [];
  docs = 0;

  add(counts: ReadonlyMap<string, number>): DocTerms {
    this.docs++;
    const ids = new Int32Array(counts.size);
    const tf = new Float32Array(counts.size);
    let k = 0;
    for (const [term, n] of counts) {
      let i = this.index.get(term);
      if (i === undefined) {
        i = this.terms.length;
        this.index.set(term, i);
        this.terms.push(term);
        this.df.push(1);
      } else this.df[i]!++;
      ids[k] = i;
      tf[k++] = n;
    }
    return { ids, tf };
  }

  idf(): Float64Array {
    return Float64Array.from(this.df, (df) => idfOf(df, this.docs));
  }

  /** Values given by term (a model's weights or IDF) as a dense array by this corpus's ids; 0 when absent. */
  project(terms: readonly string[], values: ArrayLike<number>): Float64Array {
    const out = new Float64Array(this.terms.length);
    terms.forEach((t, k) => {
      const i = this.index.get(t);
      if (i !== undefined) out[i] = values[k]!;
    });
    return out;
  }
}

const EMPTY_VECTOR: SparseVector = { idx: new Int32Array(0), val: new Float32Array(0) };

/**
 * Sublinear TF (1 + ln tf) × IDF, L2-normalised. Terms whose IDF is 0 (unknown to a model, or
 * filtered out) are left out, so a model scores papers with words it never saw.
 */
export function tfidf(doc: DocTerms, idf: ArrayLike<number>): SparseVector {
  const n = doc.ids.length;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  let m = 0;
  let norm = 0;
  for (let k = 0; k < n; k++) {
    const w = idf[doc.ids[k]!]!;
    if (!w) continue;
    const v = (1 + Math.log(doc.tf[k]!)) * w;
    idx[m] = doc.ids[k]!;
    val[m++] = v;
    norm += v * v;
  }
  if (m === 0 || norm === 0) return EMPTY_VECTOR;
  const scale = 1 / Math.sqrt(norm);
  for (let k = 0; k < m; k++) val[k]! *= scale;
  return { idx: idx.subarray(0, m), val: val.subarray(0, m) };
}
