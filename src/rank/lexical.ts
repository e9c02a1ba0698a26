/**
 * The cheap, explainable half of ranking: profile matches (keywords, negative keywords, authors,
 * categories) and TF-IDF similarity to the reader's library and example papers. Pure; every
 * function returns evidence in the units rank.ts documents (1 = one strong signal).
 */
import { authorKey, termKey, type Profile } from './profile.js';
import { analyzeText, tfidf, tokenize, type DocTerms } from './text.js';
import type { LibraryEntry, RankPaper } from './types.js';

export type Field = 'title' | 'abstract' | 'summary';

/** How much a match counts by where it is: the title says what a paper is about. */
export const FIELD_FACTOR: Record<Field, number> = { title: 1, abstract: 0.6, summary: 0.5 };

export interface TermHit {
  term: string;
  weight: number;
  field: Field;
}

export interface CompiledTerm {
  term: string;
  weight: number;
  tokens: string[];
  /**
   * Substrings every text containing the phrase has (each stem less its last letter, which the
   * stemmer may have changed), to skip tokenising summaries that cannot match.
   */
  probes: string[];
}

export interface CompiledAuthor {
  name: string;
  weight: number;
  words: string[];
  /** The words sorted: "Wei Zhang" and "Zhang Wei" are one person. */
  sorted: string;
}

export interface CompiledProfile {
  keywords: CompiledTerm[];
  exclude: CompiledTerm[];
  authors: CompiledAuthor[];
  categories: Record<string, number>;
}

const compileTerms = (terms: Profile['keywords']): CompiledTerm[] =>
  terms
    .map((t) => {
      const tokens = termKey(t.term).split(' ');
      return { ...t, tokens, probes: tokens.map((w) => w.slice(0, Math.max(1, w.length - 1))) };
    })
    .filter((t) => t.tokens[0] !== '');

export function compileAuthor(name: string, weight: number): CompiledAuthor {
  const words = authorKey(name).split(' ');
  return { name, weight, words, sorted: [...words].sort().join(' ') };
}

export function compileProfile(p: Profile): CompiledProfile {
  return {
    keywords: compileTerms(p.keywords),
    exclude: compileTerms(p.exclude),
    authors: p.authors.map((a) => compileAuthor(a.name, a.weight)).filter((a) => a.words[0] !== ''),
    categories: p.categories,
  };
}

function hasPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  for (let p = tokens.indexOf(phrase[0]!); p >= 0; p = tokens.indexOf(phrase[0]!, p + 1)) {
    let k = 1;
    while (k < phrase.length && tokens[p + k] === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}

/**
 * Each term found, in its best field: title, then abstract, then summaries (any language, so a
 * term written in English inside a Chinese summary is found too).
 */
export function matchTerms(
  terms: readonly CompiledTerm[],
  paper: Pick<RankPaper, 'title' | 'abstract' | 'summaryText'>,
): TermHit[] {
  if (!terms.length) return [];
  const text = analyzeText(paper);
  let summary: string[] | null = null;
  let summaryLower: string | null = null;
  const hits: TermHit[] = [];
  for (const t of terms) {
    let field: Field | null = hasPhrase(text.title, t.tokens)
      ? 'title'
      : hasPhrase(text.abstract, t.tokens)
        ? 'abstract'
        : null;
    if (!field && paper.summaryText) {
      summaryLower ??= paper.summaryText.toLowerCase();
      if (t.probes.every((p) => summaryLower!.includes(p))) {
        summary ??= tokenize(paper.summaryText);
        if (hasPhrase(summary, t.tokens)) field = 'summary';
      }
    }
    if (field) hits.push({ term: t.term, weight: t.weight, field });
  }
  return hits;
}

export const hitEvidence = (hits: readonly TermHit[]): number =>
  hits.reduce((s, h) => s + h.weight * FIELD_FACTOR[h.field], 0);

type AuthorWords = Pick<CompiledAuthor, 'words' | 'sorted'>;

/**
 * "Jane Doe" is "J. Doe", "Doe Jane" and "Jane M. Doe", but not "John Doe": the same words in any
 * order, or the same last name and first names equal or one of them an initial.
 */
export function sameAuthor(a: AuthorWords, b: AuthorWords): boolean {
  if (a.sorted === b.sorted) return true;
  if (a.words.length < 2 || b.words.length < 2 || a.words[a.words.length - 1] !== b.words[b.words.length - 1])
    return false;
  const fa = a.words[0]!;
  const fb = b.words[0]!;
  return fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
}

export interface AuthorHit {
  name: string;
  weight: number;
  /** From the library's authors rather than the profile. */
  library: boolean;
}

/** Weight of an author the reader's library cites at least twice (a profile author counts 1). */
export const LIBRARY_AUTHOR_WEIGHT = 0.3;

/** Profile authors first, then library authors, looked up by last word and by sorted words. */
export class AuthorMatcher {
  readonly #index = new Map<string, { a: CompiledAuthor; library: boolean }[]>();

  constructor(profile: readonly CompiledAuthor[], library: readonly CompiledAuthor[]) {
    const add = (key: string, v: { a: CompiledAuthor; library: boolean }): void => {
      const list = this.#index.get(key);
      if (!list) this.#index.set(key, [v]);
      else if (!list.includes(v)) list.push(v);
    };
    // A library author who is also a profile author counts once, as the profile's.
    const libraryOnly = library.filter((a) => !profile.some((p) => sameAuthor(p, a)));
    for (const [list, lib] of [
      [profile, false],
      [libraryOnly, true],
    ] as const) {
      for (const a of list) {
        const v = { a, library: lib };
        add(a.words[a.words.length - 1]!, v);
        add(a.sorted, v);
      }
    }
  }

  match(paperAuthors: readonly string[]): AuthorHit[] {
    if (!this.#index.size) return [];
    const hits: AuthorHit[] = [];
    const seen = new Set<CompiledAuthor>();
    for (const name of paperAuthors) {
      const w = compileAuthor(name, 0);
      const found = [...(this.#index.get(w.words[w.words.length - 1]!) ?? []), ...(this.#index.get(w.sorted) ?? [])];
      for (const { a, library } of found) {
        if (seen.has(a) || !sameAuthor(a, w)) continue;
        seen.add(a);
        hits.push({ name: a.name, weight: a.weight, library });
      }
    }
    return hits.sort((x, y) => Number(x.library) - Number(y.library));
  }
}

/** Authors appearing in at least two library entries, as the library spells them first. */
export function frequentLibraryAuthors(entries: readonly LibraryEntry[]): CompiledAuthor[] {
  const seen = new Map<string, { name: string; count: number }>();
  for (const e of entries) {
    for (const name of new Set(e.authors)) {
      const words = authorKey(name).split(' ');
      if (words.length < 2) continue;
      // Last name + first initial: the key every spelling of one person shares.
      const key = `${words[words.length - 1]} ${words[0]![0]}`;
      const s = seen.get(key);
      if (s) s.count++;
      else seen.set(key, { name, count: 1 });
    }
  }
  return [...seen.values()].filter((s) => s.count >= 2).map((s) => compileAuthor(s.name, LIBRARY_AUTHOR_WEIGHT));
}

/** Primary category counts fully, cross-lists half. */
export function categoryEvidence(weights: Readonly<Record<string, number>>, categories: readonly string[]): number {
  let z = 0;
  categories.forEach((c, i) => {
    const w = weights[c];
    if (w !== undefined) z += i === 0 ? w : w / 2;
  });
  return z;
}

// ---------------------------------------------------------------------------------------------
// Similarity to the library and example papers

/** A paper the reader already has or pointed at. */
export interface Reference {
  /** How a reason names it: an arXiv id, `doi:…`, or a short title in quotes. */
  label: string;
  kind: 'library' | 'example';
  arxivId?: string;
  /** The entry or paper itself (its analysed text is remembered per object). */
  text: Pick<RankPaper, 'title' | 'abstract'>;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A title cut to a few words, for a reason: the reader's own data, but still kept short. */
export function shortTitle(title: string, maxChars = 48): string {
  const t = title.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (t.length <= maxChars) return t;
  const cut = t.slice(0, maxChars);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxChars / 2))}…`;
}

export function libraryReference(e: LibraryEntry): Reference {
  const label = e.arxivId ?? (e.doi ? `doi:${e.doi}` : `“${shortTitle(e.title)}”`);
  return { label, kind: 'library', text: e, ...(e.arxivId ? { arxivId: e.arxivId } : {}) };
}

export const exampleReference = (p: RankPaper): Reference => ({ label: p.id, kind: 'example', arxivId: p.id, text: p });

export interface Similarity {
  /** Mean cosine of the SIMILAR_K nearest references, in [0, 1]. */
  value: number;
  /** The nearest reference, or null when there are none. */
  best: Reference | null;
}

/** How many nearest references the similarity averages: one near-duplicate alone is weak evidence. */
export const SIMILAR_K = 5;

/**
 * TF-IDF cosine of each paper to its nearest references, all documents of one corpus (IDF from
 * papers and references together). An inverted index over the references keeps it at one pass
 * over shared terms. A reference with the paper's own arXiv id is not compared (the library may
 * hold the paper).
 */
export function similarities(
  papers: readonly RankPaper[],
  paperDocs: readonly DocTerms[],
  refs: readonly Reference[],
  refDocs: readonly DocTerms[],
  idf: ArrayLike<number>,
): Similarity[] {
  if (!refs.length) return papers.map(() => ({ value: 0, best: null }));
  const postRef: number[][] = [];
  const postW: number[][] = [];
  refDocs.forEach((d, r) => {
    const v = tfidf(d, idf);
    for (let k = 0; k < v.idx.length; k++) {
      const i = v.idx[k]!;
      (postRef[i] ??= []).push(r);
      (postW[i] ??= []).push(v.val[k]!);
    }
  });
  const acc = new Float64Array(refs.length);
  const k = Math.min(SIMILAR_K, refs.length);
  const top = new Float64Array(k);
  return papers.map((p, i) => {
    const v = tfidf(paperDocs[i]!, idf);
    acc.fill(0);
    for (let j = 0; j < v.idx.length; j++) {
      const rs = postRef[v.idx[j]!];
      if (!rs) continue;
      const ws = postW[v.idx[j]!]!;
      const x = v.val[j]!;
      for (let q = 0; q < rs.length; q++) acc[rs[q]!]! += x * ws[q]!;
    }
    top.fill(0);
    let best = -1;
    for (let r = 0; r < refs.length; r++) {
      if (refs[r]!.arxivId === p.id) continue;
      const s = acc[r]!;
      if (best < 0 || s > acc[best]! || (s === acc[best]! && refs[r]!.label < refs[best]!.label)) best = r;
      let m = 0;
      for (let q = 1; q < k; q++) if (top[q]! < top[m]!) m = q;
      if (s > top[m]!) top[m] = s;
    }
    const value = top.reduce((a, b) => a + b, 0) / k;
    return { value, best: best >= 0 && acc[best]! > 0 ? refs[best]! : null };
  });
}

/**
 * BM25 with relevance information: each term weighs its Robertson–Sparck Jones log-odds of being
 * in a library paper rather than in one of the day's papers (only terms that favour the library
 * count), with BM25's saturating TF, over the paper's length. It sees what the library as a whole
 * is about, where the nearest-neighbour similarity sees single papers.
 */
export function feedbackScores(paperDocs: readonly DocTerms[], refDocs: readonly DocTerms[], terms: number): number[] {
  const dfL = new Float64Array(terms);
  const dfD = new Float64Array(terms);
  for (const d of refDocs) for (const i of d.ids) dfL[i]!++;
  for (const d of paperDocs) for (const i of d.ids) dfD[i]!++;
  const R = refDocs.length;
  const N = paperDocs.length;
  const w = new Float64Array(terms);
  for (let i = 0; i < terms; i++) {
    const r = dfL[i]!;
    if (!r) continue;
    const n = dfD[i]!;
    w[i] = Math.max(0, Math.log(((r + 0.5) / (R - r + 0.5)) * ((N - n + 0.5) / (n + 0.5))));
  }
  return paperDocs.map((d) => {
    let s = 0;
    let len = 0;
    for (let k = 0; k < d.ids.length; k++) {
      const tf = d.tf[k]!;
      len += tf;
      s += (w[d.ids[k]!]! * tf * 2.2) / (tf + 1.2);
    }
    return len ? s / Math.sqrt(len) : 0;
  });
}
