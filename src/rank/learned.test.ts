import { describe, expect, it } from 'vitest';
import {
  hasEnoughRatings,
  linearMargin,
  MIN_POSITIVE_RATINGS,
  modelIsCurrent,
  ratingsFingerprint,
  ratingsFromMarks,
  trainLinearModel,
  type LinearModel,
  type TrainingData,
} from './learned.js';
import type { RankPaper } from './types.js';

const TOPICS = {
  graph: ['graph neural network', 'message passing', 'node classification', 'graph transformer', 'link prediction'],
  speech: ['speech recognition', 'acoustic model', 'speaker verification', 'audio tokenizer', 'spoken language'],
  vision: ['image segmentation', 'object detection', 'vision transformer', 'video tracking', 'depth estimation'],
};

/** Papers of a topic: a few of its phrases mixed deterministically, plus shared filler. */
function papers(topic: keyof typeof TOPICS, n: number, from = 0): RankPaper[] {
  const words = TOPICS[topic];
  return Array.from({ length: n }, (_, k) => {
    const i = k + from;
    return {
      id: `${topic}-${String(i).padStart(3, '0')}`,
      title: `${words[i % 5]} with ${words[(i + 2) % 5]}`,
      abstract: `We propose a method for ${words[(i + 1) % 5]} and ${words[(i + 3) % 5]}. Experiments show gains.`,
      authors: [],
      categories: ['cs.LG'],
    };
  });
}

function data(): TrainingData {
  return {
    rated: [
      ...papers('graph', 8).map((paper) => ({ paper, label: 1 as const })),
      ...papers('speech', 4).map((paper) => ({ paper, label: -1 as const })),
    ],
    background: [...papers('vision', 20), ...papers('speech', 10, 4), ...papers('graph', 3, 8)],
  };
}

describe('rank: learned scorer', () => {
  it('should read 👍 and favorites as positive and 👎 as negative, 👎 winning', () => {
    const marks = new Map([
      ['b', { favorite: true, rating: 0 as const }],
      ['a', { favorite: false, rating: 1 as const }],
      ['c', { favorite: true, rating: -1 as const }],
      ['d', { favorite: false, rating: 0 as const }],
    ]);
    expect(ratingsFromMarks(marks)).toEqual([
      { id: 'a', label: 1 },
      { id: 'b', label: 1 },
      { id: 'c', label: -1 },
    ]);
  });

  it('should say when there are enough ratings to train', () => {
    const up = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i}`, label: 1 as const }));
    const down = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i}`, label: -1 as const }));
    expect(hasEnoughRatings([...up(MIN_POSITIVE_RATINGS - 1), ...down(20)])).toBe(false);
    expect(hasEnoughRatings(up(MIN_POSITIVE_RATINGS))).toBe(false);
    expect(hasEnoughRatings([...up(MIN_POSITIVE_RATINGS), ...down(5)])).toBe(true);
  });

  it('should fingerprint ratings regardless of order, and change with any rating', () => {
    const a = ratingsFingerprint([
      { id: 'x', label: 1 },
      { id: 'y', label: -1 },
    ]);
    expect(
      ratingsFingerprint([
        { id: 'y', label: -1 },
        { id: 'x', label: 1 },
      ]),
    ).toBe(a);
    expect(
      ratingsFingerprint([
        { id: 'x', label: 1 },
        { id: 'y', label: 1 },
      ]),
    ).not.toBe(a);
    expect(ratingsFingerprint([{ id: 'x', label: 1 }])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it('should rank unseen papers of the liked topic above others', () => {
    const model = trainLinearModel(data());
    const liked = papers('graph', 5, 20).map((p) => linearMargin(model, p));
    const others = [...papers('speech', 5, 20), ...papers('vision', 5, 20)].map((p) => linearMargin(model, p));
    expect(Math.min(...liked)).toBeGreaterThan(Math.max(...others));
    expect(model.trainedOn).toEqual({ positive: 8, negative: 4, background: 33 });
    expect(model.typical.p90).toBeGreaterThan(model.typical.median);
  });

  it('should train the same model from the same ratings, in any order, and survive JSON', () => {
    const a = trainLinearModel(data());
    const shuffled = data();
    shuffled.rated = [...shuffled.rated].reverse();
    shuffled.background = [...shuffled.background!].reverse();
    const b = trainLinearModel(shuffled);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const back = JSON.parse(JSON.stringify(a)) as LinearModel;
    const p = papers('graph', 1, 30)[0]!;
    expect(linearMargin(back, p)).toBeCloseTo(linearMargin(a, p), 9);
  });

  it('should tell a stored model that no longer fits the ratings', () => {
    const d = data();
    const model = trainLinearModel(d);
    const ratings = d.rated.map((r) => ({ id: r.paper.id, label: r.label }));
    expect(modelIsCurrent(model, ratings)).toBe(true);
    expect(modelIsCurrent(model, ratings.slice(1))).toBe(false);
    expect(modelIsCurrent({ ...model, version: 0 }, ratings)).toBe(false);
    expect(modelIsCurrent(null, ratings)).toBe(false);
  });

  it('should refuse to train without both positive and negative examples', () => {
    expect(() => trainLinearModel({ rated: papers('graph', 3).map((paper) => ({ paper, label: 1 })) })).toThrow(
      /positive and negative/,
    );
  });
});
