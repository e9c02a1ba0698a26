import { describe, expect, it } from 'vitest';
import { SUMMARY_FIELDS, type SummaryFields } from '../core/types.js';
import { LABELLED } from '../../test/fixtures/offline-labelled.js';
import {
  OFFLINE_PROMPT_VERSION,
  TLDR_MAX,
  canonicalLanguage,
  createOfflineSummarizer,
  detectLanguage,
  offlineSummary,
  shorten,
} from './offline.js';
import { splitSentences } from './sentences.js';
import { type SummaryRequest } from './types.js';
import { FLAGS } from '../core/flags.js';

const request = (abstract: string, language = 'English', title = 'A Title'): SummaryRequest => ({
  paperId: '2601.00001',
  version: 1,
  title,
  abstract,
  language,
});

const ABSTRACT = [
  'Retrieval-augmented generation has become a standard way to ground language models in external knowledge.',
  'However, retrievers are trained separately from the generator and often return passages that the generator cannot use.',
  'In this paper, we propose a joint training objective that rewards the retriever for passages that lower the generator’s loss.',
  'On four open-domain question answering benchmarks, our method improves exact match by 3.1 points over a strong baseline.',
  'These results suggest that retrievers should be trained for their readers.',
].join('\n');

/** Collapsed white space: the summarizer works on sentences with inner line breaks collapsed. */
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * True when every sentence of `field` is copied from the source: a substring of the abstract or
 * title, allowing the TL;DR's cut ("…"), a dropped lead-in ("In this paper, ") and its
 * re-capitalized first letter.
 */
function isFaithful(field: string, abstract: string, title: string): boolean {
  const source = `${flat(abstract)}\n${flat(title)}`;
  return splitSentences(field).every((sentence) => {
    const s = sentence.replace(/…$/, '');
    if (source.includes(s)) return true;
    const rest = s.slice(1);
    return source.includes(s[0]!.toLowerCase() + rest) || source.includes(rest);
  });
}

const fieldsOk = (f: SummaryFields | null): SummaryFields => {
  expect(f).not.toBeNull();
  return f!;
};

describe('offline summarizer', () => {
  it('should identify itself as offline with its algorithm version', () => {
    const s = createOfflineSummarizer();
    expect(s.id).toBe('offline');
    expect(s.promptVersion).toBe(OFFLINE_PROMPT_VERSION);
  });

  it('should fill the five fields from the matching sentences', async () => {
    const out = await createOfflineSummarizer().summarize(request(ABSTRACT));
    expect(out.status).toBe('ok');
    const f = fieldsOk(out.fields);
    expect(f.tldr).toBe(
      'We propose a joint training objective that rewards the retriever for passages that lower the generator’s loss.',
    );
    expect(f.motivation).toContain('However, retrievers are trained separately');
    expect(f.method).toContain('we propose a joint training objective');
    expect(f.result).toContain('improves exact match by 3.1 points');
    expect(f.conclusion).toBe('These results suggest that retrievers should be trained for their readers.');
  });

  it('should report an offline outcome: no tokens, no cost, no requests, a measured duration', async () => {
    const out = await createOfflineSummarizer().summarize(request(ABSTRACT));
    expect(out).toMatchObject({ error: null, flags: [], tokensIn: null, tokensOut: null, costUsd: 0, requests: 0 });
    expect(out.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('should fail on an empty abstract', async () => {
    for (const abstract of ['', '   \n ', ' … ']) {
      const out = await createOfflineSummarizer().summarize(request(abstract));
      expect(out).toMatchObject({ status: 'failed', fields: null, error: 'empty abstract', requests: 0 });
    }
  });

  it('should be deterministic', async () => {
    const s = createOfflineSummarizer();
    for (const a of LABELLED.slice(0, 10)) {
      const abstract = a.sentences.map((x) => x.text).join(' ');
      const [one, two] = await Promise.all([s.summarize(request(abstract)), s.summarize(request(abstract))]);
      expect(one.fields).toEqual(two.fields);
      expect(one.flags).toEqual(two.flags);
    }
  });

  it('should fill every field with text copied from the abstract or title, for every labelled abstract', () => {
    for (const a of LABELLED) {
      const abstract = a.sentences.map((x) => x.text).join(' ');
      const f = fieldsOk(offlineSummary(a.title, abstract));
      for (const field of SUMMARY_FIELDS) {
        expect(f[field].trim(), `${a.title}: ${field}`).not.toBe('');
        expect(isFaithful(f[field], abstract, a.title), `${a.title}: ${field}: ${f[field]}`).toBe(true);
      }
      expect(f.tldr.length, a.title).toBeLessThanOrEqual(TLDR_MAX + 1);
    }
  });

  it('should fill every field of a one-sentence abstract, and use the title as TL;DR when the sentence is too long', () => {
    const one = fieldsOk(offlineSummary('Title', 'We prove that every planar graph is 4-colourable.'));
    for (const field of SUMMARY_FIELDS) expect(one[field]).toBe('We prove that every planar graph is 4-colourable.');
    const long = `We study ${'very '.repeat(60)}long sentences.`;
    const f = fieldsOk(offlineSummary('  Long Sentences\nin Abstracts ', long));
    expect(f.tldr).toBe('Long Sentences in Abstracts');
    expect(f.method).toBe(long);
  });

  it('should drop lead-ins from the TL;DR and keep the rest of the sentence word for word', () => {
    const f = fieldsOk(
      offlineSummary(
        'T',
        'Existing retrievers ignore tables. To address this gap in current systems, we introduce TabRet, a table-aware retriever. ' +
          'It improves recall by 12%.',
      ),
    );
    expect(f.tldr).toBe('We introduce TabRet, a table-aware retriever.');
    expect(f.method).toBe('To address this gap in current systems, we introduce TabRet, a table-aware retriever.');
  });

  it('should take the main theorem as the TL;DR of a paper that proposes nothing', () => {
    const a = LABELLED.find((x) => x.title.startsWith('Rational Points'))!;
    const f = fieldsOk(offlineSummary(a.title, a.sentences.map((s) => s.text).join(' ')));
    expect(f.tldr).toBe(a.sentences[0]!.text);
  });

  it('should fall back to the last sentence for the conclusion and reuse sentences for missing roles', () => {
    const f = fieldsOk(
      offlineSummary(
        'T',
        'We propose a new sorting network for GPUs. It sorts one billion keys in 0.3 s on one device.',
      ),
    );
    expect(f.conclusion).toBe('It sorts one billion keys in 0.3 s on one device.');
    expect(f.motivation).not.toBe('');
    expect(f.result).toBe('It sorts one billion keys in 0.3 s on one device.');
  });

  it('should summarize Chinese abstracts in Chinese, joining sentences without spaces', () => {
    const a = LABELLED.find((x) => x.title.startsWith('基于一致性蒸馏'))!;
    const f = fieldsOk(offlineSummary(a.title, a.sentences.map((s) => s.text).join('')));
    expect(f.tldr).toBe('本文提出了一种基于一致性蒸馏的快速采样方法，只需四步即可生成高质量图像。');
    expect(f.motivation).toBe(
      '近年来，扩散模型在图像生成任务中取得了显著进展。然而，现有方法的采样过程通常需要数百步迭代，推理速度较慢，难以满足实时应用的需求。',
    );
    expect(f.conclusion).toBe('代码已在GitHub上开源。');
  });

  it('should flag untranslated when the requested language is not the abstract’s', async () => {
    const s = createOfflineSummarizer();
    expect((await s.summarize(request(ABSTRACT, 'Chinese'))).flags).toEqual([FLAGS.untranslated]);
    expect((await s.summarize(request(ABSTRACT, 'German'))).flags).toEqual([FLAGS.untranslated]);
    expect((await s.summarize(request(ABSTRACT, 'English'))).flags).toEqual([]);
    expect((await s.summarize(request(ABSTRACT, 'en'))).flags).toEqual([]);
    const zh = '近年来，大模型发展迅速。本文提出了一种新方法。实验表明该方法有效。';
    expect((await s.summarize(request(zh, 'Chinese'))).flags).toEqual([]);
    expect((await s.summarize(request(zh, 'zh-CN'))).flags).toEqual([]);
    expect((await s.summarize(request(zh, 'English'))).flags).toEqual([FLAGS.untranslated]);
  });

  it('should not flag when the abstract’s language is unsure', async () => {
    const out = await createOfflineSummarizer().summarize(request('$x = 1$. $y = 2$.', 'Chinese'));
    expect(out.status).toBe('ok');
    expect(detectLanguage('12 34. 56.')).toBeNull();
    expect(out.flags).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it('should tell Chinese, Japanese, Korean and English apart', () => {
    expect(detectLanguage('本文提出了一种基于 Transformer 的方法，在 ImageNet 上达到 85.2% 的准确率。')).toBe(
      'Chinese',
    );
    expect(detectLanguage('本研究では、新しい手法を提案し、その有効性を実験により示す。')).toBe('Japanese');
    expect(detectLanguage('본 논문에서는 새로운 방법을 제안하고 실험을 통해 그 효과를 보인다.')).toBe('Korean');
    expect(detectLanguage('We propose a method and show that it works on three benchmarks.')).toBe('English');
  });

  it('should name a Latin-script language other than English only when its function words clearly win', () => {
    expect(
      detectLanguage(
        'Wir stellen eine neue Methode vor, die mit wenigen Daten auskommt und die für die Praxis geeignet ist.',
      ),
    ).toBe('German');
    expect(detectLanguage('We use the Kalman filter und die Methode.')).toBe('English');
  });

  it('should be unsure about text without letters or with a balanced mix of scripts', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('3.14 + 2.71 = 5.85')).toBeNull();
    expect(detectLanguage('Большие языковые модели')).toBeNull();
    expect(detectLanguage('Large language models for code generation 大模型')).toBeNull();
  });

  it('should map language names and codes to detected names', () => {
    expect(canonicalLanguage(' zh-CN ')).toBe('Chinese');
    expect(canonicalLanguage('中文')).toBe('Chinese');
    expect(canonicalLanguage('ja_JP')).toBe('Japanese');
    expect(canonicalLanguage('english')).toBe('English');
    expect(canonicalLanguage('Italian')).toBe('Italian');
  });
});

describe('shorten', () => {
  it('should keep short sentences as they are', () => {
    expect(shorten('We propose X.')).toBe('We propose X.');
  });

  it('should cut a long sentence at a clause boundary and mark the cut', () => {
    const sentence =
      'We propose a retrieval model that indexes every paragraph of the corpus with a learned sparse representation and a dense one; ' +
      'both are combined at query time with weights that depend on the query, which lets the model adapt to keyword and semantic queries alike.';
    const short = shorten(sentence);
    expect(short).toBe(
      'We propose a retrieval model that indexes every paragraph of the corpus with a learned sparse representation and a dense one…',
    );
    expect(sentence.startsWith(short.slice(0, -1))).toBe(true);
  });

  it('should cut at ", which" when there is no stronger boundary, and at a word when there is none at all', () => {
    const which = `We introduce a benchmark of ${'hard '.repeat(30)}problems, which covers ${'many '.repeat(30)}domains.`;
    expect(shorten(which)).toBe(`We introduce a benchmark of ${'hard '.repeat(30)}problems…`);
    const words = shorten('word '.repeat(100));
    expect(words.length).toBeLessThanOrEqual(TLDR_MAX + 1);
    expect(words.endsWith('word…')).toBe(true);
  });

  it('should count CJK characters double', () => {
    const zh = `${'模型'.repeat(40)}，${'方法'.repeat(40)}。`;
    const short = shorten(zh);
    expect(short).toBe(`${'模型'.repeat(40)}…`);
  });
});
