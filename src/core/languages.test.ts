/** The languages table: one lookup by name, spelling or tag, and tags that agree with each use. */
import { describe, expect, it } from 'vitest';
import { languageOf, LANGUAGES, languageNames } from './languages.js';

describe('languageOf', () => {
  it('should find a language by its name, a native or Chinese name, a code or a tag, in any case', () => {
    for (const name of ['Chinese', ' chinese ', '中文', '汉语', 'zh', 'zho', 'ZH-cn', '普通话'])
      expect(languageOf(name)?.name, name).toBe('Chinese');
    for (const name of ['Japanese', '日本語', 'ja', 'jpn', 'ja_JP', 'ja-JP'])
      expect(languageOf(name)?.name, name).toBe('Japanese');
    expect(languageOf('Deutsch')?.name).toBe('German');
    expect(languageOf('Español')?.tag).toBe('es');
  });

  it('should read a tag by its longest known prefix', () => {
    expect(languageOf('zh-Hant-TW')?.name).toBe('Traditional Chinese');
    expect(languageOf('zh-Hans-CN')?.name).toBe('Simplified Chinese');
    expect(languageOf('pt-BR')?.name).toBe('Portuguese');
    expect(languageOf('en_GB')?.name).toBe('English');
  });

  it('should know nothing of names it does not have', () => {
    for (const name of ['Klingon', '', 'Serbian', 'sr-Latn', 'english (us)']) expect(languageOf(name), name).toBeNull();
  });

  it('should give pages and feeds the tags they have always written', () => {
    expect(languageOf('Chinese')).toMatchObject({ tag: 'zh-CN', feedTag: 'zh', script: 'Han', offline: 'Chinese' });
    expect(languageOf('Simplified Chinese')).toMatchObject({ tag: 'zh-CN', feedTag: 'zh-Hans' });
    expect(languageOf('Traditional Chinese')).toMatchObject({ tag: 'zh-TW', feedTag: 'zh-Hant', offline: 'Chinese' });
    expect(languageOf('English')).toMatchObject({ tag: 'en', feedTag: 'en', script: 'Latin', offline: 'English' });
    expect(languageOf('Japanese')).toMatchObject({ tag: 'ja', script: 'Han+Kana' });
  });
});

describe('LANGUAGES', () => {
  it('should spell every language one way only, lower case, with a well-formed tag', () => {
    const owner = new Map<string, string>();
    for (const l of LANGUAGES) {
      expect(l.tag, l.name).toMatch(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/);
      expect(l.feedTag, l.name).toMatch(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);
      for (const n of [l.name.toLowerCase(), ...l.names]) {
        expect(n, l.name).toBe(n.normalize('NFKC').toLowerCase().trim());
        expect([n, owner.get(n) ?? l.name], n).toEqual([n, l.name]);
        owner.set(n, l.name);
      }
    }
    expect(languageNames().size).toBe(owner.size);
  });
});
