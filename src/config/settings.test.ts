import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as profileParser from '../rank/profile.js';
import { testDir } from '../../test/support/fixtures.js';
import { configuredSummarizer, loadSettings, parseCategoryList } from './settings.js';

describe('loadSettings', () => {
  it('should use the defaults of product.md', () => {
    const cwd = testDir();
    const s = loadSettings({ env: {}, cwd });
    expect(s).toMatchObject({
      categories: ['cs.CV', 'cs.CL'],
      language: 'Chinese',
      db: join(cwd, 'data/arxiv-digest.db'),
      configFile: null,
      openai: { apiKey: null, baseUrl: null, model: 'deepseek-chat' },
      arxiv: {
        apiUrl: 'https://export.arxiv.org/api/query',
        rssUrl: 'https://rss.arxiv.org/rss',
        minIntervalMs: 3000,
        contact: null,
      },
    });
    expect(configuredSummarizer(s)).toBe('offline');
  });

  it('should take the UI language from UI_LANGUAGE or uiLanguage, else from the summary language', () => {
    const cwd = testDir({ 'arxiv-digest.config.json': JSON.stringify({ uiLanguage: 'zh-CN' }) });
    expect(loadSettings({ env: {}, cwd: testDir() }).uiLanguage).toBe('Chinese');
    expect(loadSettings({ env: { LANGUAGE: 'English' }, cwd: testDir() }).uiLanguage).toBe('English');
    // --lang is the summary language of this command, and the words around it follow it.
    expect(loadSettings({ env: {}, cwd: testDir(), flags: { language: 'Japanese' } }).uiLanguage).toBe('Japanese');
    expect(loadSettings({ env: { LANGUAGE: 'English' }, cwd }).uiLanguage).toBe('zh-CN');
    expect(loadSettings({ env: { UI_LANGUAGE: 'English', LANGUAGE: 'Chinese' }, cwd }).uiLanguage).toBe('English');
  });

  it('should take flag over env over config file over default', () => {
    const cwd = testDir({
      'arxiv-digest.config.json': JSON.stringify({
        categories: ['cs.AR', 'cs.DC'],
        language: 'German',
        model: 'm-file',
      }),
    });
    const env = { LANGUAGE: 'Japanese', MODEL_NAME: 'm-env', OPENAI_API_KEY: 'sk-secret' };
    const s = loadSettings({ env, cwd, flags: { language: 'English' } });
    expect(s.categories).toEqual(['cs.AR', 'cs.DC']);
    expect(s.language).toBe('English');
    expect(s.openai.model).toBe('m-env');
    expect(s.configFile).toBe(join(cwd, 'arxiv-digest.config.json'));
    expect(configuredSummarizer(s)).toBe('openai:m-env');
  });

  it("should ignore gettext's LANGUAGE locale list with a warning", () => {
    const cwd = testDir();
    for (const value of ['en_US:en', 'de_DE.UTF-8', 'C', 'fr']) {
      const s = loadSettings({ env: { LANGUAGE: value }, cwd });
      expect(s.language, value).toBe('Chinese');
      expect(s.warnings[0]).toMatch(/looks like a locale list, not a language name; ignored/);
    }
    expect(loadSettings({ env: { LANGUAGE: 'English' }, cwd })).toMatchObject({ language: 'English', warnings: [] });
    expect(loadSettings({ env: { LANGUAGE: 'en_US:en' }, cwd, flags: { language: 'German' } }).warnings).toEqual([]);
  });

  it('should read the feed bound and the List-Unsubscribe URIs, refusing other schemes', () => {
    const cwd = testDir();
    const smtp = { SMTP_HOST: 'smtp.example.org', SMTP_FROM: 'd@example.org', SMTP_TO: 'r@example.org' };
    const plain = loadSettings({ env: smtp, cwd });
    expect(plain.publish.feedMaxKb).toBe(1024);
    expect(plain.deliver.smtp?.listUnsubscribe).toEqual([]);
    const set = loadSettings({
      env: { ...smtp, FEED_MAX_KB: '512', SMTP_LIST_UNSUBSCRIBE: 'https://l.example.org/u, mailto:o@example.org' },
      cwd,
    });
    expect(set.publish.feedMaxKb).toBe(512);
    expect(set.deliver.smtp?.listUnsubscribe).toEqual(['https://l.example.org/u', 'mailto:o@example.org']);
    expect(() => loadSettings({ env: { ...smtp, SMTP_LIST_UNSUBSCRIBE: 'javascript:alert(1)' }, cwd })).toThrow(
      /SMTP_LIST_UNSUBSCRIBE: expected mailto: or https:\/\/ URIs/,
    );
    expect(() => loadSettings({ env: { FEED_MAX_KB: '1' }, cwd })).toThrow(/FEED_MAX_KB/);
  });

  it('should read ARXIV_DIGEST_DB and --db', () => {
    const cwd = testDir();
    expect(loadSettings({ env: { ARXIV_DIGEST_DB: 'x/y.db' }, cwd }).db).toBe(join(cwd, 'x/y.db'));
    expect(loadSettings({ env: { ARXIV_DIGEST_DB: 'x/y.db' }, cwd, flags: { db: '/abs.db' } }).db).toBe('/abs.db');
  });

  it('should collect every problem and refuse secrets in the config file', () => {
    const cwd = testDir({
      'c.json': JSON.stringify({ apiKey: 'sk-1', colour: 'red', categories: 'cs.LG, not a cat' }),
    });
    let message = '';
    try {
      loadSettings({
        env: { ARXIV_MIN_INTERVAL_MS: 'soon', ARXIV_API_URL: 'ftp://x' },
        cwd,
        flags: { config: 'c.json' },
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('apiKey: secrets are read from the environment only');
    expect(message).toContain('colour: unknown setting');
    expect(message).toContain('not an arXiv category: not a cat');
    expect(message).toContain(
      'environment variable ARXIV_MIN_INTERVAL_MS: expected a whole number of milliseconds, got "soon"',
    );
    expect(message).toContain('environment variable ARXIV_API_URL: expected an http(s) URL');
    expect(message).not.toContain('sk-1');
  });

  it('should name the config file when it is missing or not JSON', () => {
    const cwd = testDir({ 'bad.json': '{nope' });
    expect(() => loadSettings({ env: {}, cwd, flags: { config: 'missing.json' } })).toThrow(
      /cannot read config file .*missing\.json: ENOENT/,
    );
    expect(() => loadSettings({ env: {}, cwd, flags: { config: 'bad.json' } })).toThrow(
      /config file .*bad\.json is not valid JSON/,
    );
  });
});

describe('loadSettings: ranking', () => {
  const problemsOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };

  it('should have no profile and no limits by default', () => {
    const cwd = testDir();
    expect(loadSettings({ env: {}, cwd, profileParser }).rank).toEqual({
      profile: profileParser.EMPTY_PROFILE,
      flags: {},
      baseDir: cwd,
      summarizeTop: null,
      minScore: null,
      embeddingModel: null,
    });
    // Nothing to check: the parser is not needed.
    expect(loadSettings({ env: {}, cwd }).rank.profile).toEqual(profileParser.EMPTY_PROFILE);
  });

  it('should read the profile from the config file, with the flags as given, and the config folder as base', () => {
    const cwd = testDir();
    const dir = testDir({
      'c.json': JSON.stringify({
        profile: { keywords: ['diffusion:2'], library: ['~/export.bib'] },
        summarizeTop: 20,
        minScore: 0.25,
        embeddingModel: 'text-embedding-3-small',
      }),
    });
    const flags = { config: join(dir, 'c.json'), keywords: 'video', authors: 'Jane Doe' };
    const s = loadSettings({ env: {}, cwd, flags, profileParser });
    expect(s.rank).toEqual({
      profile: {
        ...profileParser.EMPTY_PROFILE,
        keywords: [{ term: 'diffusion', weight: 2 }],
        library: ['~/export.bib'],
      },
      flags: { keywords: 'video', authors: 'Jane Doe' },
      baseDir: dir,
      summarizeTop: 20,
      minScore: 0.25,
      embeddingModel: 'text-embedding-3-small',
    });
    // Without the parser a profile is left unchecked, for commands that do not rank.
    expect(loadSettings({ env: {}, cwd, flags }).rank.profile).toBeNull();
    expect(loadSettings({ env: {}, cwd, flags: { keywords: 'x' } }).rank.profile).toBeNull();
  });

  it('should take --summarize-top and --min-score over env over the config file', () => {
    const cwd = testDir({ 'arxiv-digest.config.json': JSON.stringify({ summarizeTop: 5, minScore: 0.1 }) });
    const env = { SUMMARIZE_TOP: '10', MIN_SCORE: '0.2', EMBEDDING_MODEL: 'e' };
    expect(loadSettings({ env, cwd }).rank).toMatchObject({ summarizeTop: 10, minScore: 0.2, embeddingModel: 'e' });
    expect(loadSettings({ env, cwd, flags: { summarizeTop: '0', minScore: '-0.5' } }).rank).toMatchObject({
      summarizeTop: 0,
      minScore: -0.5,
    });
    expect(loadSettings({ env: {}, cwd }).rank).toMatchObject({ summarizeTop: 5, minScore: 0.1 });
  });

  it('should report profile problems with every other problem, naming where each came from', () => {
    const dir = testDir({
      'c.json': JSON.stringify({
        profile: { keywords: ['ok', { term: 'bad', weight: 0 }], examples: ['not-an-id'], colour: 1 },
        categories: 'bogus cat',
      }),
    });
    const message = problemsOf(() =>
      loadSettings({
        env: { MIN_SCORE: '2' },
        cwd: dir,
        flags: { config: 'c.json', summarizeTop: 'ten', exclude: 'the' },
        profileParser,
      }),
    );
    const c = join(dir, 'c.json');
    expect(message.split('\n')).toEqual([
      'invalid settings:',
      `  - ${c}: categories: not an arXiv category: bogus cat (expected names like cs.LG or hep-th)`,
      `  - ${c}: profile: unknown key "colour" (expected keywords, exclude, authors, categories, examples, library)`,
      '  - --exclude[0]: "the" has no searchable word (stopwords, bare numbers and single letters are ignored)',
      '  - --summarize-top: expected a whole number of papers ≥ 0, got "ten"',
      '  - environment variable MIN_SCORE: expected a score between -1 and 1 (0.5 = one strong signal), got "2"',
    ]);
    const shape = testDir({
      'arxiv-digest.config.json': JSON.stringify({ profile: { keywords: [{ term: 'bad', weight: 0 }] } }),
    });
    expect(problemsOf(() => loadSettings({ env: {}, cwd: shape, profileParser }))).toContain(
      `${join(shape, 'arxiv-digest.config.json')}: profile.keywords[0]: weight of "bad" must be a number in (0, 100], got 0`,
    );
  });
});

describe('parseCategoryList', () => {
  it('should split, trim and de-duplicate', () => {
    expect(parseCategoryList(' cs.AR, cs.DC,cs.LG,,cs.AR, hep-th ', 'x')).toEqual([
      'cs.AR',
      'cs.DC',
      'cs.LG',
      'hep-th',
    ]);
  });
});
