import { describe, expect, it } from 'vitest';
import { checkSearchCost, toFtsQuery } from './query.js';

describe('toFtsQuery', () => {
  it('should pass plain words, operators, prefixes, columns and parentheses through', () => {
    expect(toFtsQuery('graph AND (neural OR spik*) NOT audio')).toBe('graph AND ( neural OR spik* ) NOT audio');
    expect(toFtsQuery('title:diffusion')).toBe('title:diffusion');
  });

  it('should turn punctuated words into phrases instead of syntax errors', () => {
    expect(toFtsQuery('self-supervised GPT-4o')).toBe('"self-supervised" "GPT-4o"');
    expect(toFtsQuery('C++ state-of-the-art*')).toBe('"C++" "state-of-the-art"*');
    expect(toFtsQuery('title:self-supervised')).toBe('title:"self-supervised"');
  });

  it('should split Chinese into phrases of characters', () => {
    expect(toFtsQuery('扩散模型')).toBe('"扩 散 模 型"');
    expect(toFtsQuery('"扩散 model"')).toBe('"扩 散 model"');
  });

  it('should explain queries it cannot use', () => {
    expect(() => toFtsQuery('   ')).toThrow('empty search query');
    expect(() => toFtsQuery('"open phrase')).toThrow(/unterminated quote/);
    expect(() => toFtsQuery('+++ ---')).toThrow(/has no words to search for/);
  });
});

describe('checkSearchCost', () => {
  const cost = (q: string) => () => checkSearchCost(toFtsQuery(q));

  it('should refuse more than 20 terms, and count phrases and prefixes but not operators', () => {
    const words = Array.from({ length: 21 }, (_, i) => `word${i}`);
    expect(cost(words.join(' '))).toThrow(/the query has 21 words, phrases and prefixes; at most 20/);
    expect(cost(words.slice(0, 20).join(' OR '))).not.toThrow();
    expect(cost(`${words.slice(0, 19).join(' ')} "two words"`)).not.toThrow();
  });
});
