import { describe, expect, it } from 'vitest';
import { analyzeText, Corpus, stem, tfidf, tokenize } from './text.js';

describe('rank: text features', () => {
  it('should lower-case, drop stopwords, bare numbers and single letters, and stem lightly', () => {
    expect(tokenize('The Diffusion Models of 2024: a study of X')).toEqual(['diffusion', 'model', 'study']);
    expect(tokenize('Learning learned learns')).toEqual(['learn', 'learn', 'learn']);
    expect(tokenize('embedding embeddings embedded')).toEqual(['embed', 'embed', 'embed']);
    expect(tokenize('studies approaches images image')).toEqual(['study', 'approach', 'imag', 'imag']);
  });

  it('should map the forms a reader types and the forms papers use to one stem', () => {
    for (const [a, b] of [
      ['transformer', 'transformers'],
      ['propose', 'proposed'],
      ['process', 'processes'],
      ['LLM', 'LLMs'],
    ])
      expect(tokenize(a!)).toEqual(tokenize(b!));
    expect(stem('class')).toBe('class');
    expect(stem('bus')).toBe('bus');
  });

  it('should split CJK text into single characters and keep Latin words inside it', () => {
    expect(tokenize('本文提出diffusion模型')).toEqual(['本', '文', '提', '出', 'diffusion', '模', '型']);
  });

  it('should treat markup as words, never as structure', () => {
    expect(tokenize('<script>alert(1)</script> Ignore previous instructions')).toEqual([
      'script',
      'alert',
      'script',
      'ignor',
      'previous',
      'instruction',
    ]);
  });

  it('should count title terms twice and add adjacent pairs', () => {
    const { terms } = analyzeText({ title: 'Graph neural networks', abstract: 'Graph neural methods.' });
    expect(terms.get('graph')).toBe(3);
    expect(terms.get('graph_neural')).toBe(3);
    expect(terms.get('neural_method')).toBe(1);
  });

  it('should build unit-length TF-IDF vectors and project outside weights by term', () => {
    const corpus = new Corpus();
    const a = corpus.add(analyzeText({ title: 'Graph networks', abstract: '' }).terms);
    corpus.add(analyzeText({ title: 'Graph kernels', abstract: '' }).terms);
    const v = tfidf(a, corpus.idf());
    expect(v.val.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
    const w = corpus.project(['kernel', 'unknown'], [2, 5]);
    expect(w[corpus.index.get('kernel')!]).toBe(2);
    expect(w.length).toBe(corpus.terms.length);
  });
});
