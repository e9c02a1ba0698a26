/**
 * Ranks a day's papers for the reader, before summarizing, so `--summarize-top N` and
 * `--min-score S` spend LLM money only on what the reader will read. Pure and deterministic.
 *
 * SCORE SCALE. Each signal adds *evidence* z, where 0 = no signal (or a typical paper) and
 * 1 = one strong signal:
 *   - a profile keyword: its weight × 1 in the title, × 0.6 in the abstract, × 0.5 in summaries;
 *   - a negative keyword: the same, subtracted;
 *   - a profile author: its weight (1 by default); an author the library cites twice: 0.3;
 *   - a category weight: in full for the primary category, half for a cross-list;
 *   - similarity to the library and example papers (the mean of the nearest papers' TF-IDF
 *     cosine and a BM25 relevance-feedback score), measured against the day: 0 for the day's
 *     median paper, 1 for its top tenth; bounded to [−0.25, 3]; halved once a learned model is
 *     in use (both tell of one interest);
 *   - the learned model (once trained): 0 for a typical paper, 1 for the top tenth of typical
 *     papers (measured on its training background); bounded to [−1, 3];
 *   - embeddings (when configured): like the library similarity, × 0.5, bounded to [0, 1].
 * The score is z / (1 + |z|), in (−1, 1): 0 = neutral, 0.5 = one strong signal (a weight-1
 * keyword in the title, or a paper as close to the library as the day's top tenth), 0.67 = two,
 * 0.75 = three; negative = evidence against (an excluded keyword, far from what the reader rates
 * up). So `--min-score 0.5` keeps papers with at least one strong signal.
 *
 * Reasons name profile keywords and authors as the profile spells them, categories, and arXiv
 * ids / DOIs / short titles of the reader's own library, never text from the ranked papers.
 */
import { cosine, libraryEmbeddingId } from './embeddings.js';
import {
  AuthorMatcher,
  categoryEvidence,
  compileProfile,
  exampleReference,
  feedbackScores,
  FIELD_FACTOR,
  frequentLibraryAuthors,
  hitEvidence,
  libraryReference,
  matchTerms,
  similarities,
  type Reference,
  type TermHit,
} from './lexical.js';
import { modelScorer, type LinearModel } from './learned.js';
import type { Profile } from './profile.js';
import { analyzeText, Corpus } from './text.js';
import type { LibraryEntry, RankPaper } from './types.js';

/** Evidence by signal; their sum is the paper's z. */
export interface RankParts {
  keywords: number;
  exclude: number;
  authors: number;
  categories: number;
  library: number;
  learned: number;
  embedding: number;
}

export interface RankedPaper {
  id: string;
  /** In (−1, 1), 0 = neutral; see the header. Rounded to 4 decimals. */
  score: number;
  /** "keyword 'diffusion' in title; similar to 2401.01234 from your library; author Jane Doe", or "". */
  reason: string;
  parts: RankParts;
}

/** Precomputed embedding vectors by id: papers by arXiv id, library entries by libraryEmbeddingId. */
export interface EmbeddingVectors {
  vectors: ReadonlyMap<string, Float32Array>;
}

export interface RankContext {
  profile: Profile;
  library?: readonly LibraryEntry[];
  /** The profile's example papers, resolved to their metadata by the caller. */
  examples?: readonly RankPaper[];
  /** A model from trainLinearModel, when there are enough ratings. */
  model?: LinearModel | null;
  embeddings?: EmbeddingVectors | null;
  tuning?: Partial<RankTuning>;
}

/** The blend's knobs; the defaults are what bench/rank-eval.ts measures. */
export interface RankTuning {
  /** Evidence of a library-similarity "unit" (see relativeEvidence), and its bounds. */
  library: number;
  /**
   * The same once a learned model is in use: the library and the ratings tell of one interest,
   * and the ratings (with their 👎) tell it more sharply, so the library counts less.
   */
  libraryWithModel: number;
  libraryMin: number;
  libraryMax: number;
  /** Evidence per unit of the learned model's margin (see learnedUnits), and its bounds. */
  learned: number;
  learnedMin: number;
  learnedMax: number;
  /** Evidence of an embedding-similarity unit; bounded to [0, 2 × this]. */
  embedding: number;
}

export const DEFAULT_TUNING: Readonly<RankTuning> = Object.freeze({
  library: 1,
  libraryWithModel: 0.5,
  libraryMin: -0.25,
  libraryMax: 3,
  learned: 1,
  learnedMin: -1,
  learnedMax: 3,
  embedding: 0.5,
});

/**
 * Similarities scaled against the day: (s − median) / (p90 − median), so 0 is the day's typical
 * paper and 1 its top tenth, whatever the library's size or the text lengths. Below MIN_DAY papers
 * (or with no spread) the day's quantiles mean little and `fallback` (measured on the fixture
 * days) is used.
 */
const MIN_DAY = 20;
/** Median and 90th percentile of the nearest-library-paper cosine on the fixture days. */
export const LIBRARY_FALLBACK = { median: 0.033, p90: 0.05 };
/** The same for the feedback (BM25) score on days of 26 papers (it grows with the day's size). */
export const FEEDBACK_FALLBACK = { median: 0.6, p90: 1.1 };

export function relativeEvidence(
  values: readonly (number | null)[],
  fallback: { median: number; p90: number } | null,
): (number | null)[] {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  let q = fallback;
  if (known.length >= MIN_DAY) {
    const day = { median: known[Math.floor(known.length / 2)]!, p90: known[Math.floor(known.length * 0.9)]! };
    // A day where nine papers in ten score alike (nothing shared with the library) has no spread.
    if (day.p90 - day.median > 1e-9) q = day;
  }
  if (!q || q.p90 - q.median <= 1e-9) return values.map(() => null);
  const { median, p90 } = q;
  return values.map((v) => (v === null ? null : (v - median) / (p90 - median)));
}

/** A margin in units of the model's typical papers: 0 = a typical paper, 1 = their top tenth. */
export function learnedUnits(model: LinearModel, margin: number): number {
  const span = model.typical.p90 - model.typical.median;
  return span > 1e-9 ? (margin - model.typical.median) / span : 0;
}

/** Signals weaker than this are not worth a phrase in the reason. */
const REASON_MIN = 0.15;
const REASON_PHRASES = 4;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export const scoreOf = (z: number): number => Math.round((z / (1 + Math.abs(z))) * 1e4) / 1e4;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const quoted = (s: string): string => `'${s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, 60)}'`;
const plain = (s: string): string => s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);

const termPhrase = (h: TermHit, excluded: boolean): string =>
  `${excluded ? 'excluded keyword' : 'keyword'} ${quoted(h.term)} in ${h.field === 'summary' ? 'summary' : h.field}`;

/** Mean cosine of each paper's embedding to its nearest references' (null without vectors). */
function embeddingSimilarities(
  papers: readonly RankPaper[],
  refs: readonly { label: string; key: string; arxivId?: string }[],
  vectors: ReadonlyMap<string, Float32Array>,
): { s: number; best: string }[] | null {
  const refVectors = refs.flatMap((r) => {
    const v = vectors.get(r.key);
    return v ? [{ ...r, v }] : [];
  });
  if (!refVectors.length) return null;
  const k = Math.min(3, refVectors.length);
  return papers.map((p) => {
    const v = vectors.get(p.id);
    const scored = v
      ? refVectors
          .filter((r) => r.arxivId !== p.id)
          .map((r) => ({ label: r.label, s: cosine(v, r.v) }))
          .sort((a, b) => b.s - a.s || (a.label < b.label ? -1 : 1))
      : [];
    return scored.length
      ? { s: scored.slice(0, k).reduce((a, b) => a + b.s, 0) / k, best: scored[0]!.label }
      : { s: NaN, best: '' };
  });
}

/** Ranks papers: best first, ties by id. */
export function rankPapers(papers: readonly RankPaper[], context: RankContext): RankedPaper[] {
  const profile = compileProfile(context.profile);
  const library = context.library ?? [];
  const examples = context.examples ?? [];
  const refs: Reference[] = [...library.map(libraryReference), ...examples.map(exampleReference)];
  const authors = new AuthorMatcher(profile.authors, frequentLibraryAuthors(library));
  const libraryIds = new Set(library.flatMap((e) => (e.arxivId ? [e.arxivId] : [])));

  const corpus = new Corpus();
  const refDocs = refs.map((r) => corpus.add(analyzeText(r.text).terms));
  const paperDocs = papers.map((p) => corpus.add(analyzeText(p).terms));
  const sims = similarities(papers, paperDocs, refs, refDocs, corpus.idf());
  const margin = context.model ? modelScorer(context.model, corpus) : null;
  const t = { ...DEFAULT_TUNING, ...context.tuning };
  const libraryWeight = margin ? t.libraryWithModel : t.library;
  const knnZ = refs.length
    ? relativeEvidence(
        sims.map((x) => x.value),
        LIBRARY_FALLBACK,
      )
    : [];
  const fbZ = refs.length
    ? relativeEvidence(feedbackScores(paperDocs, refDocs, corpus.terms.length), FEEDBACK_FALLBACK)
    : [];
  // Nearest papers and the library as a whole, equally: each catches what the other misses.
  const libraryZ = knnZ.map((z, i) => (z === null || fbZ[i] == null ? null : (z + fbZ[i]!) / 2));
  const emb = context.embeddings
    ? embeddingSimilarities(
        papers,
        [
          ...library.map((e, i) => ({
            label: refs[i]!.label,
            key: libraryEmbeddingId(e),
            ...(e.arxivId ? { arxivId: e.arxivId } : {}),
          })),
          ...examples.map((p) => ({ label: p.id, key: p.id, arxivId: p.id })),
        ],
        context.embeddings.vectors,
      )
    : null;
  // Embedding scales differ by model, so there is no fallback: too few vectors, no evidence.
  const embZ = emb
    ? relativeEvidence(
        emb.map((x) => (Number.isNaN(x.s) ? null : x.s)),
        null,
      )
    : [];

  const ranked = papers.map((p, i): RankedPaper & { z: number } => {
    const kw = matchTerms(profile.keywords, p);
    const ex = matchTerms(profile.exclude, p);
    const au = authors.match(p.authors);
    const sim = sims[i]!;
    const parts: RankParts = {
      keywords: hitEvidence(kw),
      exclude: -hitEvidence(ex),
      authors: au.reduce((s, a) => s + a.weight, 0),
      categories: categoryEvidence(profile.categories, p.categories),
      library: libraryZ[i] == null ? 0 : clamp(libraryWeight * libraryZ[i]!, t.libraryMin, t.libraryMax),
      learned: margin
        ? clamp(t.learned * learnedUnits(context.model!, margin(paperDocs[i]!)), t.learnedMin, t.learnedMax)
        : 0,
      embedding: embZ[i] == null ? 0 : clamp(t.embedding * embZ[i]!, 0, 2 * t.embedding),
    };

    const phrases: { z: number; text: string }[] = [
      ...kw.map((h) => ({ z: h.weight * FIELD_FACTOR[h.field], text: termPhrase(h, false) })),
      ...ex.map((h) => ({ z: h.weight * FIELD_FACTOR[h.field], text: termPhrase(h, true) })),
      ...au.map((a) => ({ z: a.weight, text: `author ${plain(a.name)}${a.library ? ' (in your library)' : ''}` })),
    ];
    p.categories.forEach((c, k) => {
      const w = profile.categories[c];
      if (w)
        phrases.push({
          z: Math.abs(k === 0 ? w : w / 2),
          text: `${k === 0 ? 'category' : 'cross-listed in'} ${plain(c)}${w < 0 ? ' (down-weighted)' : ''}`,
        });
    });
    if (parts.library >= REASON_MIN && sim.best) {
      const b = sim.best;
      phrases.push({
        z: parts.library,
        text: b.kind === 'example' ? `similar to your example ${b.label}` : `similar to ${b.label} from your library`,
      });
    }
    // Most papers are somewhat unlike the reader's ratings: worth saying only when clear.
    if (parts.learned >= REASON_MIN || parts.learned <= -0.5)
      phrases.push({
        z: Math.abs(parts.learned),
        text: parts.learned > 0 ? 'matches your ratings' : 'unlike papers you rated up',
      });
    const best = emb?.[i]?.best;
    if (parts.embedding >= REASON_MIN && best)
      phrases.push({ z: parts.embedding, text: `close in meaning to ${best}` });
    phrases.sort((a, b) => b.z - a.z || (a.text < b.text ? -1 : 1));
    const reason = [
      ...(libraryIds.has(p.id) ? ['in your library'] : []),
      ...phrases.slice(0, REASON_PHRASES).map((x) => x.text),
    ];

    const z = Object.values(parts).reduce((s, x) => s + x, 0);
    return { id: p.id, score: scoreOf(z), reason: reason.join('; '), parts: roundParts(parts), z };
  });

  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.map(({ z: _z, ...r }) => r);
}

function roundParts(p: RankParts): RankParts {
  const r = (x: number): number => Math.round(x * 1e4) / 1e4 || 0;
  return {
    keywords: r(p.keywords),
    exclude: r(p.exclude),
    authors: r(p.authors),
    categories: r(p.categories),
    library: r(p.library),
    learned: r(p.learned),
    embedding: r(p.embedding),
  };
}

export interface SummarySelection {
  /** At most this many papers, best first. */
  top?: number;
  /** Only papers scoring at least this. */
  minScore?: number;
}

/** The papers worth summarizing, best first: both limits apply when both are given. */
export function selectForSummary(ranked: readonly RankedPaper[], sel: SummarySelection): RankedPaper[] {
  const kept = sel.minScore === undefined ? [...ranked] : ranked.filter((r) => r.score >= sel.minScore!);
  return sel.top === undefined ? kept : kept.slice(0, Math.max(0, sel.top));
}
