/**
 * Thirty-one papers of one announcement day, written for the tests (no real abstract is copied):
 * the sizes and shapes of real ones — five or six sentences, numbers, LaTeX, and in three of them
 * (about the 8.8 % of real abstracts that do) braces, which a careless reader of answers takes
 * for JSON.
 */
import type { PaperInput } from '../../src/core/types.js';

const TOPICS = [
  ['Sparse Attention', 'long documents', 'transformers'],
  ['Adapter Routing', 'low-resource speech translation', 'speech models'],
  ['Token Merging', 'video segmentation', 'memory-based trackers'],
  ['Contrastive Pretraining', 'medical image retrieval', 'vision encoders'],
  ['Graph Rewiring', 'molecular property prediction', 'message-passing networks'],
  ['Speculative Decoding', 'code generation', 'large language models'],
  ['Mixed-Precision Training', 'climate emulators', 'neural simulators'],
  ['Preference Optimization', 'dialogue agents', 'reward models'],
  ['Federated Averaging', 'keyboard prediction', 'on-device models'],
  ['Neural Radiance Caching', 'real-time rendering', 'path tracers'],
  ['Curriculum Sampling', 'robot grasping', 'policy learners'],
] as const;

const BRACES = [
  'We study the set $\\{x : f(x) > 0\\}$ and its covering number.',
  'The loss sums over pairs {i, j} drawn from the batch.',
  'Each configuration is written as a JSON-like record {"k": v} before compilation.',
];

export function dayPapers(n = 31): PaperInput[] {
  return Array.from({ length: n }, (_, i) => {
    const [method, task, family] = TOPICS[i % TOPICS.length]!;
    const sentences = [
      `${family[0]!.toUpperCase()}${family.slice(1)} are widely used for ${task}, but their cost grows quickly with input size.`,
      `Existing approaches trade accuracy for speed and fail on inputs longer than those seen in training.`,
      `We propose ${method} ${i + 1}, which keeps a small learned summary of the input and updates it in one pass.`,
      i % 10 === 3
        ? BRACES[(i / 10) | 0]!
        : `The summary is trained jointly with the model at no extra labelling cost.`,
      `On three benchmarks it reduces memory by ${20 + i}% while matching the accuracy of the strongest baseline.`,
      ...(i % 4 === 0 ? ['Code and models are publicly available.'] : []),
    ];
    return {
      id: `2609.${String(20001 + i)}`,
      version: 1,
      title: `${method} ${i + 1} for ${task[0]!.toUpperCase()}${task.slice(1)}`,
      authors: ['A. Author', 'B. Author'],
      abstract: sentences.join(' '),
      categories: ['cs.LG'],
    };
  });
}
