import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { EMPTY_PROFILE, mergeProfileFlags, parseProfile, profileToConfig, ProfileError } from './profile.js';

describe('rank: profile', () => {
  it('should read every form of the config file profile', () => {
    const p = parseProfile({
      keywords: ['diffusion:2', { term: 'video generation', weight: 1.5 }, 'graph'],
      exclude: ['survey'],
      authors: ['Jane Doe', 'Yann LeCun:2'],
      categories: { 'cs.CV': 1, 'cs.CL': -0.5 },
      examples: ['2401.01234v3', 'arXiv:hep-th/9901001'],
      library: '~/Zotero/export.bib',
    });
    expect(p.keywords).toEqual([
      { term: 'diffusion', weight: 2 },
      { term: 'video generation', weight: 1.5 },
      { term: 'graph', weight: 1 },
    ]);
    expect(p.exclude).toEqual([{ term: 'survey', weight: 1 }]);
    expect(p.authors).toEqual([
      { name: 'Jane Doe', weight: 1 },
      { name: 'Yann LeCun', weight: 2 },
    ]);
    expect(p.categories).toEqual({ 'cs.CV': 1, 'cs.CL': -0.5 });
    expect(p.examples).toEqual(['2401.01234', 'hep-th/9901001']);
    expect(p.library).toEqual(['~/Zotero/export.bib']);
  });

  it('should give the empty profile when there is none', () => {
    expect(parseProfile(undefined)).toEqual(EMPTY_PROFILE);
  });

  it('should name every problem at once, with the source, as a usage error', () => {
    let error: unknown;
    try {
      parseProfile(
        { keywords: ['the', 'x:0', ''], examples: ['not-an-id'], categories: { CS: 1, 'cs.CL': 50 } },
        'arxiv-digest.config.json',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toMatch(/^arxiv-digest\.config\.json: /);
    expect(message).toContain('profile.keywords[0]: "the" has no searchable word');
    expect(message).toContain('profile.keywords[1]: weight of "x" must be a number in (0, 100], got 0');
    expect(message).toContain('profile.keywords[2]: expected a keyword');
    expect(message).toContain('profile.examples[0]: expected an arXiv id such as 2401.01234, got "not-an-id"');
    expect(message).toContain('expected an arXiv category such as cs.CL, got "CS"');
    expect(message).toContain('profile.categories.cs.CL: weight must be in [-10, 10]');
    expect((error as ProfileError).problems).toHaveLength(6);
  });

  it('should reject unknown keys and wrong shapes with the expected form', () => {
    expect(() => parseProfile({ keyword: ['a'] })).toThrow(/unknown key "keyword" \(expected keywords, exclude/);
    expect(() => parseProfile({ keywords: [3] })).toThrow(/profile\.keywords\.0: expected "term", "term:weight"/);
  });

  it('should treat two spellings of one keyword as one, the later winning', () => {
    const p = parseProfile({ keywords: ['Diffusion Models', 'diffusion model:3'] });
    expect(p.keywords).toEqual([{ term: 'diffusion model', weight: 3 }]);
  });

  it('should add quick flags to the config profile, a flag overriding weights and sides', () => {
    const base = parseProfile({ keywords: ['diffusion', 'survey'], exclude: ['benchmark'], authors: ['Jane Doe'] });
    const merged = mergeProfileFlags(base, {
      keywords: 'diffusion:2, benchmark ,video',
      exclude: 'survey',
      authors: 'J. Smith,Jane Doe:3',
    });
    expect(merged.keywords).toEqual([
      { term: 'diffusion', weight: 2 },
      { term: 'benchmark', weight: 1 },
      { term: 'video', weight: 1 },
    ]);
    expect(merged.exclude).toEqual([{ term: 'survey', weight: 1 }]);
    expect(merged.authors).toEqual([
      { name: 'Jane Doe', weight: 3 },
      { name: 'J. Smith', weight: 1 },
    ]);
    expect(mergeProfileFlags(base, {})).toEqual(base);
  });

  it('should name the flag in errors', () => {
    expect(() => mergeProfileFlags(EMPTY_PROFILE, { keywords: 'a:-1,ok' })).toThrow(
      /^command line: --keywords\[0\]: weight of "a" must be/,
    );
  });

  it('should write the compact config form back, and read it to the same profile', () => {
    const p = parseProfile({ keywords: ['diffusion:2', { term: 'gpt:4', weight: 1 }], authors: ['Jane Doe'] });
    const config = profileToConfig(p);
    expect(config.keywords).toEqual(['diffusion:2', { term: 'gpt:4', weight: 1 }]);
    expect(parseProfile(config)).toEqual(p);
  });
});
