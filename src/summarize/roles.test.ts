import { describe, expect, it } from 'vitest';
import { LABELLED } from '../../test/fixtures/offline-labelled.js';
import { ROLES, analyzeSentences, labelSentences } from './roles.js';

describe('labelSentences', () => {
  it('should label a typical abstract in the usual order', () => {
    expect(
      labelSentences([
        'Graph neural networks have become a popular tool for molecular property prediction.',
        'However, they struggle to generalize to unseen scaffolds.',
        'In this paper, we propose a contrastive pretraining method that uses unlabeled molecules.',
        'Experiments on eight benchmarks show that it outperforms the state of the art by 4.2% on average.',
        'Code is available at https://github.com/example/contrastive-mol.',
      ]),
    ).toEqual(['background', 'problem', 'method', 'result', 'conclusion']);
  });

  it('should label an abstract that starts with the method', () => {
    const roles = labelSentences([
      'We present a new dataset of 10,000 annotated street scenes recorded at night.',
      'Each scene is labelled with instance masks for 19 classes.',
      'Existing models lose up to 30% mIoU on it compared with daytime data.',
    ]);
    expect(roles[0]).toBe('method');
    expect(roles[2]).toBe('result');
  });

  it('should label cues in Chinese abstracts', () => {
    expect(
      labelSentences([
        '近年来，扩散模型在图像生成中取得了显著进展。',
        '然而，现有方法推理速度较慢。',
        '本文提出了一种快速采样方法。',
        '实验表明，该方法速度提高了10倍。',
        '代码已开源。',
      ]),
    ).toEqual(['background', 'problem', 'method', 'result', 'conclusion']);
  });

  it('should read "these results suggest" and "we believe" as conclusions', () => {
    const roles = labelSentences([
      'We propose a simple baseline for video retrieval.',
      'It matches much larger models on three benchmarks.',
      'These results suggest that data quality matters more than model size.',
    ]);
    expect(roles[2]).toBe('conclusion');
    expect(
      labelSentences([
        'We study sparse attention.',
        'We find it is 2x faster.',
        'We believe this paves the way to longer contexts.',
      ])[2],
    ).toBe('conclusion');
  });

  it('should return one role per sentence, and none for no sentences', () => {
    expect(labelSentences([])).toEqual([]);
    expect(labelSentences(['A single sentence.'])).toHaveLength(1);
    const { roles, scores } = analyzeSentences(['One.', 'Two.', 'Three.']);
    expect(roles).toHaveLength(3);
    expect(scores.every((s) => s.length === ROLES.length)).toBe(true);
  });

  it('should be deterministic', () => {
    const texts = LABELLED[3]!.sentences.map((s) => s.text);
    expect(labelSentences(texts)).toEqual(labelSentences([...texts]));
  });
});
