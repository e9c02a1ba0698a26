/** The catalogs: lookup by language name or tag, fallback, completeness, and the template filler. */
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../core/languages.js';
import { catalogFor, catalogTags, count, fill } from './catalog.js';

const labelsFor = (language: string) => catalogFor(language).site;
const languageTag = (language: string) => languageOf(language)?.tag ?? null;

describe('catalogFor', () => {
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

describe('the catalog files', () => {
  it('should be found by their names, English first, each part saying its own language', () => {
    expect(catalogTags()).toEqual(['en', 'ja', 'zh-CN']);
    for (const tag of catalogTags()) {
      const c = catalogFor(tag);
      expect(c.tag).toBe(tag);
      // A part a file leaves out is English, and says so.
      for (const [part, lang] of [
        ['site', c.site.lang],
        ['digest', c.digest.lang],
      ] as const)
        expect([tag, part, lang === tag || lang === 'en']).toEqual([tag, part, true]);
    }
    expect(catalogFor('Japanese').digest.lang).toBe('ja');
    expect(catalogFor('Japanese').site.lang).toBe('en');
  });

  it('should give a catalog for a tag by its longest known prefix, and English without one', () => {
    expect(catalogFor('zh-Hans-CN').tag).toBe('zh-CN');
    expect(catalogFor('ja_JP').tag).toBe('ja');
    expect(catalogFor('zh-TW').tag).toBe('en');
    expect(catalogFor('German').tag).toBe('en');
  });
});
