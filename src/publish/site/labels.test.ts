/** The labels table: lookup by language name, fallback, and the template filler. */
import { describe, expect, it } from 'vitest';
import { count, fill, labelsFor, languageTag } from './labels.js';

describe('labelsFor', () => {
  it('should find Chinese and English by name, in any case and by common aliases', () => {
    for (const name of ['Chinese', 'chinese ', '中文', '简体中文', 'zh', 'Simplified Chinese'])
      expect(labelsFor(name).lang, name).toBe('zh-CN');
    for (const name of ['English', 'ENGLISH', 'en']) expect(labelsFor(name).lang, name).toBe('en');
  });

  it('should fall back to English for a language without a table', () => {
    expect(labelsFor('Klingon')).toBe(labelsFor('English'));
    expect(labelsFor('')).toBe(labelsFor('English'));
  });
});

describe('fill and count', () => {
  it('should fill named slots and leave unknown ones, without reading $ patterns in values', () => {
    expect(fill('{n} of {m} {x}', { n: 1, m: '$& $1' })).toBe('1 of $& $1 {x}');
  });

  it('should pick the singular only for one', () => {
    const forms: [string, string] = ['{n} paper', '{n} papers'];
    expect([0, 1, 2].map((n) => count(forms, n))).toEqual(['0 papers', '1 paper', '2 papers']);
  });
});

describe('languageTag', () => {
  it('should tag known summary languages and return null for unknown ones', () => {
    expect(languageTag('Japanese')).toBe('ja');
    expect(languageTag('中文')).toBe('zh-CN');
    expect(languageTag('Klingon')).toBeNull();
  });
});
