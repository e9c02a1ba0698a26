import { describe, expect, it } from 'vitest';
import { findCodeLinks } from './code-links.js';

describe('findCodeLinks', () => {
  it('should find GitHub, GitLab and Hugging Face repositories, GitHub first, each once', () => {
    const abstract =
      'Models at https://huggingface.co/org/model-7b. Code: https://github.com/Owner/CSGOTrading.git, see also https://github.com/owner/csgotrading and https://gitlab.com/group/sub/tool.';
    expect(findCodeLinks(abstract)).toEqual([
      { host: 'github', url: 'https://github.com/Owner/CSGOTrading' },
      { host: 'gitlab', url: 'https://gitlab.com/group/sub/tool' },
      { host: 'huggingface', url: 'https://huggingface.co/org/model-7b' },
    ]);
  });

  it('should strip a .git suffix, not characters (the reference bug)', () => {
    expect(findCodeLinks('https://github.com/a/CSGOTrading.git')[0]!.url).toBe('https://github.com/a/CSGOTrading');
    expect(findCodeLinks('https://github.com/a/digit')[0]!.url).toBe('https://github.com/a/digit');
    expect(findCodeLinks('(https://github.com/a/b).')[0]!.url).toBe('https://github.com/a/b');
  });

  it('should read comments too and ignore GitHub pages that are not repositories', () => {
    expect(
      findCodeLinks(null, 'Project page: https://github.com/features/copilot; code https://github.com/x/y'),
    ).toEqual([{ host: 'github', url: 'https://github.com/x/y' }]);
    expect(findCodeLinks('no links here')).toEqual([]);
  });
});
