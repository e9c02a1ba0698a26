/**
 * The learned scorer: L2-regularised logistic regression over TF-IDF terms of title and abstract,
 * trained on the reader's ratings the way arxiv-sanity trains an SVM per tag. 👍 and favorites
 * are positives, 👎 negatives, and unrated papers from the store a weak negative background (most
 * papers are not for the reader). Classes are balanced, so a margin of 0 means "as likely liked
 * as not" whatever the numbers of ratings.
 *
 * Training is deterministic (a fixed example order shuffled by a seed derived from the ratings),
 * and `ratingsFingerprint` says when ratings changed, so the caller keeps a model in the store and
 * retrains only then. A model is plain JSON.
 */
import { seededRandom } from '../core/random.js';
import { createHash } from 'node:crypto';
import { Corpus, idfOf, paperTerms, tfidf, type DocTerms, type SparseVector } from './text.js';
import type { RankPaper } from './types.js';

/** Bumped when features or training change: a stored model of another version is retrained. */
export const MODEL_VERSION = 1;

/** A model is trained once the reader has given at least this many 👍/favorites… */
export const MIN_POSITIVE_RATINGS = 5;
/** …and this many ratings in all (👎 included). */
export const MIN_RATINGS = 10;

export type RatingLabel = 1 | -1;

export interface Rating {
  id: string;
  label: RatingLabel;
}

/** What the store keeps per paper (store.ts ReaderMark). */
export interface MarkLike {
  favorite: boolean;
  rating: -1 | 0 | 1;
}

/** 👎 wins over a favorite (the later, explicit judgement); 👍 or favorite is positive. Sorted by id. */
export function ratingsFromMarks(marks: ReadonlyMap<string, MarkLike>): Rating[] {
  const out: Rating[] = [];
  for (const [id, m] of marks) {
    if (m.rating === -1) out.push({ id, label: -1 });
    else if (m.rating === 1 || m.favorite) out.push({ id, label: 1 });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function hasEnoughRatings(ratings: readonly Rating[]): boolean {
  return ratings.filter((r) => r.label === 1).length >= MIN_POSITIVE_RATINGS && ratings.length >= MIN_RATINGS;
}

/** Same ratings (in any order) → same fingerprint; any change or a new MODEL_VERSION → another. */
export function ratingsFingerprint(ratings: readonly Rating[]): string {
  const lines = ratings.map((r) => `${r.id}\t${r.label}`).sort();
  return createHash('sha256')
    .update(`v${MODEL_VERSION}\n${lines.join('\n')}`)
    .digest('hex')
    .slice(0, 16);
}

export interface LinearModel {
  version: number;
  fingerprint: string;
  terms: string[];
  idf: number[];
  weights: number[];
  bias: number;
  trainedOn: { positive: number; negative: number; background: number };
  /**
   * Median and 90th percentile of the margins of the unrated background papers: what a typical
   * paper scores, which rank.ts measures margins against (a raw margin of 0 is not "undecided" for
   * papers the model has not seen: they share fewer of its terms).
   */
  typical: { median: number; p90: number };
}

export interface TrainingData {
  /** The rated papers with their labels. */
  rated: readonly { paper: RankPaper; label: RatingLabel }[];
  /** Unrated papers (e.g. recent days from the store), weak negatives. */
  background?: readonly RankPaper[];
}

export interface TrainOptions {
  /** L2 strength. */
  lambda?: number;
  epochs?: number;
  /** Weight of a background paper relative to a 👎. */
  backgroundWeight?: number;
  /** Terms in fewer training papers than this are left out (they cannot generalise). */
  minDf?: number;
}

export const TRAIN_DEFAULTS: Required<TrainOptions> = { lambda: 1e-2, epochs: 20, backgroundWeight: 0.3, minDf: 2 };

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** Trains a model; throws when there is not one positive and one negative example. */
export function trainLinearModel(data: TrainingData, options: TrainOptions = {}): LinearModel {
  const o = { ...TRAIN_DEFAULTS, ...options };
  const background = data.background ?? [];
  const ratedIds = new Set(data.rated.map((r) => r.paper.id));
  // Sorted by id, so the model does not depend on the order the caller listed papers in.
  const byId = (a: { paper: RankPaper }, b: { paper: RankPaper }): number =>
    a.paper.id < b.paper.id ? -1 : a.paper.id > b.paper.id ? 1 : 0;
  const docs = [
    ...data.rated.map((r) => ({ paper: r.paper, y: r.label, w: 1, bg: false })).sort(byId),
    ...background
      .filter((p) => !ratedIds.has(p.id))
      .map((paper) => ({ paper, y: -1 as const, w: o.backgroundWeight, bg: true }))
      .sort(byId),
  ];
  const positives = docs.filter((d) => d.y === 1).length;
  if (positives === 0 || positives === docs.length) throw new Error('training needs positive and negative examples');

  const corpus = new Corpus();
  const docTerms = docs.map((d) => corpus.add(paperTerms(d.paper)));
  // Terms in too few papers get IDF 0, which leaves them out of the vectors.
  const idf = Float64Array.from(corpus.df, (df) => (df >= o.minDf ? idfOf(df, corpus.docs) : 0));
  const xs: SparseVector[] = docTerms.map((d) => tfidf(d, idf));

  // Balanced classes: each side weighs half of the total.
  const posW = docs.length / 2 / positives;
  const negRaw = docs.reduce((s, d) => s + (d.y === -1 ? d.w : 0), 0);
  const negW = docs.length / 2 / negRaw;
  const sw = docs.map((d) => (d.y === 1 ? posW : d.w * negW));

  // SGD with Bottou's step size 1/(λ(t0 + t)) and the weight vector kept as scale × v, so the L2
  // shrink is O(1) per step.
  const v = new Float64Array(corpus.terms.length);
  let scale = 1;
  let bias = 0;
  const eta0 = 0.5;
  const t0 = 1 / (o.lambda * eta0);
  const fingerprint = ratingsFingerprint(data.rated.map((r) => ({ id: r.paper.id, label: r.label })));
  const rand = seededRandom(parseInt(fingerprint.slice(0, 8), 16));
  const order = docs.map((_, i) => i);
  let t = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const x = xs[i]!;
      const y = docs[i]!.y;
      const eta = 1 / (o.lambda * (t0 + t++));
      let dot = 0;
      for (let k = 0; k < x.idx.length; k++) dot += v[x.idx[k]!]! * x.val[k]!;
      const margin = scale * dot + bias;
      const g = -y * sigmoid(-y * margin) * sw[i]!;
      scale *= 1 - eta * o.lambda;
      if (scale < 1e-9) {
        for (let k = 0; k < v.length; k++) v[k]! *= scale;
        scale = 1;
      }
      const step = (eta * g) / scale;
      for (let k = 0; k < x.idx.length; k++) v[x.idx[k]!]! -= step * x.val[k]!;
      bias -= eta * g * 0.1;
    }
  }
  // Kept terms in a stable (sorted) order, so the same data gives the same JSON.
  const kept = corpus.terms.map((t, i) => ({ t, i })).filter(({ i }) => idf[i]! > 0);
  kept.sort((x, y) => (x.t < y.t ? -1 : 1));
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return {
    version: MODEL_VERSION,
    fingerprint,
    terms: kept.map(({ t }) => t),
    idf: kept.map(({ i }) => round(idf[i]!)),
    weights: kept.map(({ i }) => round(v[i]! * scale)),
    bias: round(bias),
    typical: typicalMargins(docs, xs, v, scale, bias, round),
    trainedOn: {
      positive: positives,
      negative: data.rated.length - positives,
      background: docs.length - data.rated.length,
    },
  };
}

function typicalMargins(
  docs: readonly { y: number; bg: boolean }[],
  xs: readonly SparseVector[],
  v: Float64Array,
  scale: number,
  bias: number,
  round: (x: number) => number,
): { median: number; p90: number } {
  // The background when there is one, else every negative.
  const useBg = docs.some((d) => d.bg);
  const margins = xs
    .filter((_, i) => (useBg ? docs[i]!.bg : docs[i]!.y === -1))
    .map((x) => {
      let s = 0;
      for (let k = 0; k < x.idx.length; k++) s += v[x.idx[k]!]! * x.val[k]!;
      return s * scale + bias;
    })
    .sort((a, b) => a - b);
  return {
    median: round(margins[Math.floor(margins.length / 2)]!),
    p90: round(margins[Math.floor(margins.length * 0.9)]!),
  };
}

/**
 * A model's margins for the documents of a corpus: > 0 leans liked, < 0 leans not, 0 = undecided.
 * The model is projected onto the corpus once, so each paper costs one pass over its terms.
 */
export function modelScorer(model: LinearModel, corpus: Corpus): (doc: DocTerms) => number {
  const idf = corpus.project(model.terms, model.idf);
  const weights = corpus.project(model.terms, model.weights);
  return (doc) => {
    const x = tfidf(doc, idf);
    let s = model.bias;
    for (let k = 0; k < x.idx.length; k++) s += weights[x.idx[k]!]! * x.val[k]!;
    return s;
  };
}

/** The margin of one paper (modelScorer is the way for many). */
export function linearMargin(model: LinearModel, paper: Pick<RankPaper, 'title' | 'abstract'>): number {
  const corpus = new Corpus();
  const doc = corpus.add(paperTerms(paper));
  return modelScorer(model, corpus)(doc);
}

/** Whether a stored model still fits the ratings (same fingerprint and version). */
export const modelIsCurrent = (model: LinearModel | null | undefined, ratings: readonly Rating[]): boolean =>
  !!model && model.version === MODEL_VERSION && model.fingerprint === ratingsFingerprint(ratings);
