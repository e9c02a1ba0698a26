import { describe, expect, it } from 'vitest';
import type { SummaryFields } from '../core/types.js';
import { extractNumbers, findUnsupportedNumbers } from './faithfulness.js';

const TITLE = 'FastKV: 3$\\times$ Smaller KV Caches for Long-Context Inference';
const ABSTRACT =
  'Large language models such as GPT-4 and Llama-3-8B struggle with long contexts because the KV cache ' +
  'grows linearly. We propose FastKV, which compresses the cache by 3$\\times$ and improves accuracy by ' +
  '2.8\\% on LongBench while reducing latency by 45--65\\%. We train on 100,000 documents collected in 2024 ' +
  'with a learning rate of $10^{-4}$ on eight H100 GPUs, and evaluate on three benchmarks.';
const SOURCE = { title: TITLE, abstract: ABSTRACT };

const summary = (overrides: Partial<SummaryFields> = {}): SummaryFields => ({
  tldr: 'FastKV shrinks the KV cache 3x for long-context inference.',
  motivation: 'The KV cache of models like GPT-4 grows linearly with context length.',
  method: 'Cache compression trained on 100,000 documents with a learning rate of 1e-4.',
  result: 'Accuracy improves by 2.8% on LongBench and latency drops by 45-65%.',
  conclusion: 'Long contexts become cheaper without losing accuracy.',
  ...overrides,
});

const unsupported = (text: string, abstract = ABSTRACT, title = TITLE): string[] =>
  findUnsupportedNumbers(summary({ tldr: text, motivation: '', method: '', result: '', conclusion: '' }), {
    title,
    abstract,
  });

describe('findUnsupportedNumbers', () => {
  it('should find nothing in a faithful English summary', () => {
    expect(findUnsupportedNumbers(summary(), SOURCE)).toEqual([]);
  });

  it('should flag a hallucinated improvement', () => {
    const fields = summary({ result: 'The method improves accuracy by 12% on LongBench.' });
    expect(findUnsupportedNumbers(fields, SOURCE)).toEqual(['12%']);
  });

  it('should find nothing in a faithful Chinese summary', () => {
    const fields: SummaryFields = {
      tldr: 'FastKV将KV缓存压缩3倍，适用于长上下文推理。',
      motivation: 'GPT-4和Llama-3-8B等大模型的KV缓存随上下文长度线性增长。',
      method: '在10万篇文档上训练，学习率为$10^{-4}$，使用八块H100。',
      result: '在LongBench上准确率提升2.8%，延迟降低45%至65%。',
      conclusion: '长上下文推理的成本显著降低，在三个基准上表现良好。',
    };
    expect(findUnsupportedNumbers(fields, SOURCE)).toEqual([]);
  });

  it('should flag hallucinations in a Chinese summary', () => {
    const fields: SummaryFields = {
      tldr: 'FastKV将KV缓存压缩5倍。',
      motivation: '长上下文推理代价高。',
      method: '在20万篇文档上训练。',
      result: '准确率提升12%，延迟降低百分之三十。',
      conclusion: '效果显著。',
    };
    expect(findUnsupportedNumbers(fields, SOURCE)).toEqual(['5倍', '20万', '12%', '百分之三十']);
  });

  it('should report each unsupported number once, in reading order', () => {
    const fields = summary({ tldr: 'Gains of 7% and 9%.', result: 'Again 7%.' });
    expect(findUnsupportedNumbers(fields, SOURCE)).toEqual(['7%', '9%']);
  });

  it('should accept numbers that appear only in the title', () => {
    expect(unsupported('A 3× smaller cache.', 'No numbers here.')).toEqual([]);
  });

  describe('multipliers', () => {
    it('should treat 3×, 3x, 3X, ×3, 3-fold, 3 times, three times and threefold alike', () => {
      for (const text of [
        '3×',
        '3x',
        '3X',
        '×3',
        '3-fold',
        '3 fold',
        '3 times',
        'three times',
        'threefold',
        '三倍',
        '3倍',
      ]) {
        expect(unsupported(`The cache is ${text} smaller.`), text).toEqual([]);
      }
    });

    it('should be supported by multiplier words in the source', () => {
      expect(unsupported('3x faster', 'It runs three times faster.', '')).toEqual([]);
      expect(unsupported('2× faster', 'It runs twice as fast.', '')).toEqual([]);
      expect(unsupported('2x fewer tokens', 'It halves the tokens and doubles throughput.', '')).toEqual([]);
    });

    it('should be supported by a plain number but not by a percentage', () => {
      expect(unsupported('a 2.5× speedup', 'We obtain a speedup of 2.5 on A100.', '')).toEqual([]);
      expect(unsupported('a 2.5× speedup', 'Accuracy rises by 2.5%.', '')).toEqual(['2.5×']);
    });

    it('should not round a one-digit multiplier', () => {
      expect(unsupported('about 3× faster', 'It is 2.8× faster.', '')).toEqual(['3×']);
    });

    it('should read 3x3 and 224 × 224 as sizes', () => {
      expect(extractNumbers('3x3 kernels on 224 × 224 images')).toEqual([
        { raw: '3', value: 3, kind: 'count' },
        { raw: '3', value: 3, kind: 'count' },
        { raw: '224', value: 224, kind: 'count' },
        { raw: '224', value: 224, kind: 'count' },
      ]);
    });
  });

  describe('percentages', () => {
    it('should match LaTeX 45\\% and 45 % and 45 percent with 45%', () => {
      expect(unsupported('45%', 'Error falls by 45\\%.', '')).toEqual([]);
      expect(unsupported('45\\%', 'Error falls by 45%.', '')).toEqual([]);
      expect(unsupported('$45\\%$', 'Error falls by 45 percent.', '')).toEqual([]);
      expect(unsupported('45 %', 'Error falls by 45%.', '')).toEqual([]);
      expect(unsupported('45 percentage points', 'Error falls by 45%.', '')).toEqual([]);
      expect(unsupported('百分之四十五', 'Error falls by 45%.', '')).toEqual([]);
      expect(unsupported('提升了两个百分点', 'Accuracy rises by 2 percentage points.', '')).toEqual([]);
    });

    it('should not let a bare number in the source support a percentage', () => {
      expect(unsupported('45% fewer layers', 'The model has 45 layers.', '')).toEqual(['45%']);
    });

    it('should let a percentage in the source support a bare number', () => {
      expect(unsupported('a gain of 2.8 points', 'Accuracy improves by 2.8%.', '')).toEqual([]);
    });

    it('should not read a fraction as a percentage', () => {
      expect(unsupported('an F1 of 85%', 'We reach an F1 of 0.85.', '')).toEqual(['85%']);
    });

    it('should read decimal commas', () => {
      expect(unsupported('Die Genauigkeit steigt um 12,5 %.', 'Accuracy improves by 12.5%.', '')).toEqual([]);
      expect(unsupported('Accuracy improves by 12.5%.', 'Die Genauigkeit steigt um 12,5 %.', '')).toEqual([]);
    });

    it('should read Turkish percent signs', () => {
      expect(unsupported('Doğruluk %12 arttı.', 'Accuracy improves by 12%.', '')).toEqual([]);
    });
  });

  describe('ranges', () => {
    it('should check each end of a range', () => {
      expect(unsupported('latency drops by 45-65%')).toEqual([]);
      expect(unsupported('latency drops by 45–65 %')).toEqual([]);
      expect(unsupported('latency drops by 45%~65%')).toEqual([]);
      expect(unsupported('latency drops by 45 to 65%')).toEqual([]);
      expect(unsupported('latency drops by 40-65%')).toEqual(['40']);
      expect(unsupported('latency drops by 45-70%')).toEqual(['70%']);
    });

    it('should give the bare end the unit and magnitude of the other', () => {
      expect(extractNumbers('45-65% and 3-5x and 10-20k')).toEqual([
        { raw: '45', value: 45, kind: 'percent' },
        { raw: '65%', value: 65, kind: 'percent' },
        { raw: '3', value: 3, kind: 'multiplier' },
        { raw: '5x', value: 5, kind: 'multiplier' },
        { raw: '10', value: 10_000, kind: 'count' },
        { raw: '20k', value: 20_000, kind: 'count' },
      ]);
    });

    it('should support a single end with a range in the source', () => {
      expect(unsupported('latency drops by up to 65%')).toEqual([]);
      expect(unsupported('latency drops by at least 45%')).toEqual([]);
    });
  });

  describe('counts and magnitudes', () => {
    it('should match 10万, 十万, 100,000, 100000, 100k and 100 thousand', () => {
      for (const text of [
        '10万',
        '十万',
        '100,000',
        '100000',
        '100k',
        '100K',
        '100 thousand',
        '0.1M',
        '100\u202f000',
      ]) {
        expect(unsupported(`trained on ${text} documents`), text).toEqual([]);
      }
      expect(unsupported('100,000 documents', '训练数据包含10万篇文档。', '')).toEqual([]);
      expect(unsupported('20万篇文档')).toEqual(['20万']);
    });

    it('should match thousands separators, LaTeX groups and trailing zeros', () => {
      expect(unsupported('1,000 samples', 'We use 1{,}000 samples.', '')).toEqual([]);
      expect(unsupported('1000 samples', 'We use 1\\,000 samples.', '')).toEqual([]);
      expect(unsupported('a loss of 2.50', 'The loss is 2.5.', '')).toEqual([]);
      expect(unsupported('1.000 Proben', 'We use 1,000 samples.', '')).toEqual([]);
      expect(unsupported('1,024 samples', 'We use 1,000 samples.', '')).toEqual(['1,024']);
    });

    it('should read k/M/B suffixes and million/billion words', () => {
      expect(unsupported('a 7B model', 'We fine-tune a 7 billion parameter model.', '')).toEqual([]);
      expect(unsupported('a 7B model', 'We fine-tune Llama-2-7B.', '')).toEqual([]);
      expect(unsupported('1.2M images', 'a dataset of 1.2 million images', '')).toEqual([]);
      expect(unsupported('2 million tokens', 'trained on 2,000,000 tokens', '')).toEqual([]);
      expect(unsupported('12亿参数', 'a model with 1.2B parameters', '')).toEqual([]);
      expect(unsupported('a 13B model', 'We fine-tune Llama-2-7B.', '')).toEqual(['13B']);
    });

    it('should read full-width and other non-ASCII digits', () => {
      expect(unsupported('准确率为１２.５％', 'Accuracy is 12.5%.', '')).toEqual([]);
      expect(unsupported('Accuracy is 12.5%.', '准确率为１２．５％', '')).toEqual([]);
      expect(unsupported('दक्षता में १२% सुधार', 'Efficiency improves by 12%.', '')).toEqual([]);
    });

    it('should read English number words in the source', () => {
      expect(unsupported('evaluated on 3 benchmarks')).toEqual([]);
      expect(unsupported('on 8 GPUs')).toEqual([]);
      expect(unsupported('on 16 GPUs')).toEqual(['16']);
    });

    it('should treat quantities with units as claims', () => {
      expect(unsupported('latency of 10ms', 'latency of 10 ms', '')).toEqual([]);
      expect(unsupported('latency of 12ms and 64GB of memory', 'latency of 10 ms', '')).toEqual(['12ms', '64GB']);
    });

    it('should tolerate rounding only to the precision the summary shows, from two digits', () => {
      expect(unsupported('12.5%', 'gains 12.47%', '')).toEqual([]);
      expect(unsupported('12%', 'gains 12.4%', '')).toEqual([]);
      expect(unsupported('1.2M images', 'on 1,234,567 images', '')).toEqual([]);
      expect(unsupported('12.4%', 'gains 12%', '')).toEqual(['12.4%']);
      expect(unsupported('5%', 'gains 4.6%', '')).toEqual(['5%']);
    });
  });

  describe('signs and scientific notation', () => {
    it('should compare signed values by magnitude', () => {
      expect(extractNumbers('+2.8 and −3 and -3%')).toEqual([
        { raw: '+2.8', value: 2.8, kind: 'count' },
        { raw: '-3', value: -3, kind: 'count' },
        { raw: '-3%', value: -3, kind: 'percent' },
      ]);
      expect(unsupported('+2.8% accuracy')).toEqual([]);
      expect(unsupported('a change of −2.8%')).toEqual([]);
    });

    it('should match 1e-4, 10^{-4}, $10^{-4}$, 10⁻⁴ and 1 \\times 10^{-4}', () => {
      for (const text of [
        '1e-4',
        '1E-4',
        '10^{-4}',
        '$10^{-4}$',
        '10^-4',
        '10⁻⁴',
        '1 \\times 10^{-4}',
        '1×10^-4',
        '0.0001',
      ]) {
        expect(unsupported(`learning rate ${text}`), text).toEqual([]);
      }
      expect(unsupported('learning rate 1e-3')).toEqual(['1e-3']);
      expect(unsupported('learning rate 2.5e-4', 'learning rate $2.5 \\times 10^{-4}$', '')).toEqual([]);
    });
  });

  describe('what is not a claim', () => {
    it('should accept years the source mentions and flag those it does not', () => {
      expect(unsupported('documents collected in 2024')).toEqual([]);
      expect(unsupported('documents collected in 2023')).toEqual(['2023']);
      expect(unsupported('results on COCO 2017', 'We report results on COCO 2017.', '')).toEqual([]);
    });

    it('should never flag model and dataset names, with or without the source', () => {
      const text =
        'Compared with GPT-4, Llama-3, Llama-2-7B, Qwen2.5-7B, ResNet-50, ViT-B/16 and T5 on CIFAR-10 ' +
        'with H100 and A100 GPUs; 3D and 2D inputs, 5G links, the F1 score, top-1 accuracy, Pass@1, YOLOv8, v1.2.3.';
      expect(extractNumbers(text)).toEqual([]);
      expect(unsupported(text, 'No numbers at all.', '')).toEqual([]);
    });

    it('should skip list markers, ordinals and references', () => {
      const text =
        '(1) compress the cache; 2) evaluate it.\n1. First point\n第一，第3个模块；如图1和表2所示；' +
        'see Table 2, Fig. 3, Section 4 and Step 1; the 1st and 2nd stages.';
      expect(extractNumbers(text)).toEqual([]);
    });

    it('should skip URLs, arXiv ids and citations', () => {
      expect(extractNumbers('Code at https://github.com/org/repo2024, see arXiv:2401.01234 and [12, 13].')).toEqual([]);
    });

    it('should not read small Chinese numerals inside words as numbers', () => {
      expect(extractNumbers('提出一种统一的三维表示，进一步在三个数据集上验证，二分类任务')).toEqual([]);
      expect(extractNumbers('二十个任务、三倍加速、十万条数据')).toEqual([
        { raw: '二十', value: 20, kind: 'count' },
        { raw: '三倍', value: 3, kind: 'multiplier' },
        { raw: '十万', value: 100_000, kind: 'count' },
      ]);
    });

    it('should not read English number words as claims unless they are factors or percentages', () => {
      expect(extractNumbers('one of the two main ideas')).toEqual([]);
      expect(extractNumbers('three times faster, a tenfold gain, twelve percent better')).toEqual([
        { raw: 'three times', value: 3, kind: 'multiplier' },
        { raw: 'tenfold', value: 10, kind: 'multiplier' },
        { raw: 'twelve percent', value: 12, kind: 'percent' },
      ]);
    });
  });

  describe('regressions from real Chinese summaries', () => {
    it('should skip list markers after Chinese and English clause punctuation', () => {
      expect(extractNumbers('1. 定义概念图；2. 推导DCG；3. 指导模型。4. 评估\n5. 总结; 6. done')).toEqual([]);
      expect(extractNumbers('the model ranked 1. Then')).toEqual([{ raw: '1', value: 1, kind: 'count' }]);
    });

    it('should skip Chinese month and day numbers but keep years', () => {
      expect(extractNumbers('截至2025年1月8日，在2025年11月的比赛中，训练3个月')).toEqual([
        { raw: '2025', value: 2025, kind: 'count' },
        { raw: '2025', value: 2025, kind: 'count' },
        { raw: '3', value: 3, kind: 'count' },
      ]);
    });

    it('should read suffixes directly followed by Chinese text', () => {
      expect(extractNumbers('仅引入0.004-0.005M额外参数，速度提升3x以上')).toEqual([
        { raw: '0.004', value: 4000, kind: 'count' },
        { raw: '0.005M', value: 5000, kind: 'count' },
        { raw: '3x', value: 3, kind: 'multiplier' },
      ]);
    });

    it('should read 200多万 and ignore 数十亿', () => {
      expect(extractNumbers('包含200多万个片段，服务数十亿用户')).toEqual([
        { raw: '200多万', value: 2_000_000, kind: 'count' },
      ]);
    });

    it('should match 个百分点 with points in the source', () => {
      expect(unsupported('提升16个百分点', 'outperforms the baseline by 16 points', '')).toEqual([]);
      expect(unsupported('提升10.4个百分点', 'a 10.4-point absolute gain', '')).toEqual([]);
      expect(unsupported('下降5.8个百分点', 'lowers accuracy by $5.8$ points', '')).toEqual([]);
      expect(unsupported('6-16个百分点的差距', 'a 6-16 percentage-point gap', '')).toEqual([]);
      expect(unsupported('宏平均+12.8%至+25.3%', 'gains of +12.8 to +25.3 percentage points', '')).toEqual([]);
    });

    it('should still flag percentages the source gives as bare scores', () => {
      expect(unsupported('达到90.07%平均准确率', 'the final system obtains 90.07 average accuracy', '')).toEqual([
        '90.07%',
      ]);
    });

    it('should read LaTeX fractions as two numbers', () => {
      expect(unsupported('上界为225/64≈3.516', 'a bound of $\\frac{225}{64}\\approx 3.516$', '')).toEqual([]);
    });

    it('should read a large mantissa with B as bytes too', () => {
      expect(unsupported('达到359,883,431B', 'achieves $359{,}883{,}431$ B', '')).toEqual([]);
    });

    it('should read a source list written with commas', () => {
      expect(unsupported('块长度n=8-14', 'for block lengths $n = 8,9,\\dots,14$', '')).toEqual([]);
    });

    it('should not take a model version for a range end', () => {
      expect(unsupported('使用Llama 3.3处理', 'with Llama 3.3-70B', '')).toEqual([]);
      expect(unsupported('在4个7-8B模型对上', 'Across four 7-8B model pairs', '')).toEqual([]);
      expect(unsupported('在1.7B到4B之间', 'between Qwen3-1.7B and Qwen3-4B', '')).toEqual([]);
    });

    it('should catch a wrongly converted magnitude', () => {
      // 1,116,306 is 111.6万, not 116万.
      expect(unsupported('使用116万行诗歌数据', 'a large corpus of 1,116,306 mesras', '')).toEqual(['116万']);
      expect(unsupported('包含41万+单跳QA', 'it produced 411,409 single-hop QAs', '')).toEqual([]);
    });
  });

  describe('extractNumbers', () => {
    it('should report raw text, value and kind', () => {
      expect(extractNumbers('improves accuracy by 12.5 % with 1.2M images and a 3× speedup')).toEqual([
        { raw: '12.5 %', value: 12.5, kind: 'percent' },
        { raw: '1.2M', value: 1_200_000, kind: 'count' },
        { raw: '3×', value: 3, kind: 'multiplier' },
      ]);
    });

    it('should read Chinese percent, multiplier and magnitude forms', () => {
      expect(extractNumbers('提升百分之十二点五，快1.5倍，使用1.2亿参数')).toEqual([
        { raw: '百分之十二点五', value: 12.5, kind: 'percent' },
        { raw: '1.5倍', value: 1.5, kind: 'multiplier' },
        { raw: '1.2亿', value: 120_000_000, kind: 'count' },
      ]);
    });

    it('should split a list written without spaces', () => {
      expect(extractNumbers('分别为85.2,90.1').map((n) => n.value)).toEqual([85.2, 90.1]);
    });

    it('should stay fast on long and adversarial text', () => {
      const text = [
        '1,'.repeat(20_000),
        'GPT-4-'.repeat(10_000),
        '[1,2,3'.repeat(5_000),
        '一二三四五六七八九十'.repeat(5_000),
        '12.5% '.repeat(5_000),
      ].join('\n');
      const started = performance.now();
      extractNumbers(text);
      findUnsupportedNumbers(summary({ result: text.slice(0, 20_000) }), { title: '', abstract: text });
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });
});
