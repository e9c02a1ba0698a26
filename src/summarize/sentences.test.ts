import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('should split plain sentences ending in full stops, question and exclamation marks', () => {
    expect(splitSentences('Models are big. Can they be small? Yes! We show how.')).toEqual([
      'Models are big.',
      'Can they be small?',
      'Yes!',
      'We show how.',
    ]);
  });

  it('should return nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\t ')).toEqual([]);
  });

  it('should keep text without a final terminator as a sentence', () => {
    expect(splitSentences('We propose X. It works')).toEqual(['We propose X.', 'It works']);
  });

  it('should not split after abbreviations that need a continuation', () => {
    const text =
      'Large models, e.g. GPT-4, i.e. decoders, cf. Eq. 3 and Fig. 2, are compared vs. BERT by Dr. Lee at approx. 3 sites.';
    expect(splitSentences(text)).toEqual([text]);
  });

  it('should split after "et al." and "etc." only before a new sentence', () => {
    expect(splitSentences('Smith et al. (2020) proposed BERT. Lee et al. [3] refined it.')).toEqual([
      'Smith et al. (2020) proposed BERT.',
      'Lee et al. [3] refined it.',
    ]);
    expect(splitSentences('As shown by Smith et al. We extend it.')).toEqual([
      'As shown by Smith et al.',
      'We extend it.',
    ]);
    expect(splitSentences('We use CNNs, RNNs, etc. The rest follows.')).toEqual([
      'We use CNNs, RNNs, etc.',
      'The rest follows.',
    ]);
    expect(splitSentences('Accuracy is 90% and 85%, resp. 80% otherwise.')).toEqual([
      'Accuracy is 90% and 85%, resp. 80% otherwise.',
    ]);
  });

  it('should keep initials with the name but split after a lone capital ending a sentence', () => {
    expect(splitSentences('As conjectured by J. R. Smith and A. Lee, it holds. Next.')).toEqual([
      'As conjectured by J. R. Smith and A. Lee, it holds.',
      'Next.',
    ]);
    expect(splitSentences('Let the matrix have size N. We show the bound.')).toEqual([
      'Let the matrix have size N.',
      'We show the bound.',
    ]);
  });

  it('should not split inside decimals, version numbers and numbers before "No."', () => {
    const text = 'Accuracy rose from 0.87 to 3.5 points with v2.1.3 of PyTorch 2.0 (see No. 5).';
    expect(splitSentences(`${text} Then it fell.`)).toEqual([text, 'Then it fell.']);
    expect(splitSentences('The answer is no. We explain why.')).toEqual(['The answer is no.', 'We explain why.']);
  });

  it('should not split inside URLs and should leave the final full stop to the sentence', () => {
    expect(splitSentences('Code is at https://github.com/x/y.git. See www.example.org/a.b for more. Thanks.')).toEqual([
      'Code is at https://github.com/x/y.git.',
      'See www.example.org/a.b for more.',
      'Thanks.',
    ]);
  });

  it('should not split inside LaTeX math, braces or after an escaped percent sign', () => {
    expect(
      splitSentences(
        'We bound $f(x). G$ by $$a. B$$ and \\(x. Y\\) in \\textbf{Sec. 3. Results} here. It gains 5\\%. Done.',
      ),
    ).toEqual([
      'We bound $f(x). G$ by $$a. B$$ and \\(x. Y\\) in \\textbf{Sec. 3. Results} here.',
      'It gains 5\\%.',
      'Done.',
    ]);
  });

  it('should treat ellipses as a boundary only before a new sentence', () => {
    expect(splitSentences('For $x_1, \\dots, x_n$ and 1, 2, ..., n we sum… nothing. Wait... Next one.')).toEqual([
      'For $x_1, \\dots, x_n$ and 1, 2, ..., n we sum… nothing.',
      'Wait...',
      'Next one.',
    ]);
  });

  it('should attach a fragment without letters or digits to a neighbouring sentence', () => {
    expect(splitSentences('It remains open. ... We previously proposed X.')).toEqual([
      'It remains open. ...',
      'We previously proposed X.',
    ]);
    expect(splitSentences('... We start here. Then go on.')).toEqual(['... We start here.', 'Then go on.']);
  });

  it('should tell titles from look-alike acronyms and units', () => {
    expect(splitSentences('Dr. Lee and Prof. Kim agree. It detects DR. Both run in 27 ms. Then we stop.')).toEqual([
      'Dr. Lee and Prof. Kim agree.',
      'It detects DR.',
      'Both run in 27 ms.',
      'Then we stop.',
    ]);
  });

  it('should not split after a dotted abbreviation before a number', () => {
    expect(splitSentences('It beats the baseline (48.4% v.s. 46.7%). We release it.')).toEqual([
      'It beats the baseline (48.4% v.s. 46.7%).',
      'We release it.',
    ]);
  });

  it('should keep closing quotes and brackets with the sentence they end', () => {
    expect(splitSentences('He called it "robust." (It is not.) We disagree.')).toEqual([
      'He called it "robust."',
      '(It is not.)',
      'We disagree.',
    ]);
  });

  it('should start a new sentence at a list marker and keep enumerators with their item', () => {
    expect(splitSentences('We contribute: (1) a model. (2) a dataset. (3) a benchmark.')).toEqual([
      'We contribute: (1) a model.',
      '(2) a dataset.',
      '(3) a benchmark.',
    ]);
    expect(splitSentences('Our contributions: 1. We propose X. 2. We test it.')).toEqual([
      'Our contributions: 1. We propose X.',
      '2. We test it.',
    ]);
  });

  it('should split at CJK sentence ends with or without spaces, and at a full stop between CJK characters', () => {
    expect(splitSentences('近年来，模型发展迅速。然而成本很高！我们能否降低成本？ 实验表明可以.代码已开源。')).toEqual([
      '近年来，模型发展迅速。',
      '然而成本很高！',
      '我们能否降低成本？',
      '实验表明可以.',
      '代码已开源。',
    ]);
    expect(splitSentences('「これは例です。」次の文です。')).toEqual(['「これは例です。」', '次の文です。']);
  });

  it('should collapse inner line breaks and split at blank lines', () => {
    expect(splitSentences('  We propose\n  a model\tfor  X.\nIt works.\n\nBackground section\n\nMore text.  ')).toEqual(
      ['We propose a model for X.', 'It works.', 'Background section', 'More text.'],
    );
  });

  it('should not split a sentence before a lower-case word', () => {
    expect(splitSentences('The w.r.t. loss and the i.i.d. case hold. the end')).toEqual([
      'The w.r.t. loss and the i.i.d. case hold. the end',
    ]);
  });

  it('should never lose, reorder or add a character other than white space, whatever the input', () => {
    const parts = [
      'a',
      'B',
      'We',
      ' ',
      '.',
      '. ',
      '?',
      '!',
      '$',
      '{',
      '}',
      '\\',
      '(',
      ')',
      '1',
      '2.5',
      'e.g.',
      'et al.',
      'https://x.y/z',
      '。',
      '模型',
      '\n',
      '\n\n',
      '"',
      '…',
      '...',
      'Fig.',
      'J.',
      ';',
    ];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const bare = (s: string): string => s.replace(/\s+/g, '');
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = 1 + Math.floor(next() * 40); i > 0; i--) text += parts[Math.floor(next() * parts.length)];
      const out = splitSentences(text);
      expect(bare(out.join('')), JSON.stringify(text)).toBe(bare(text));
      expect(
        out.every((s) => s !== '' && s === s.trim()),
        JSON.stringify(text),
      ).toBe(true);
    }
  });

  it('should give back every character apart from white space', () => {
    const text = 'A b. C d? E f! (1) G h. 中文。 I $j. K$ l.';
    expect(splitSentences(text).join(' ')).toBe(text);
  });
});
