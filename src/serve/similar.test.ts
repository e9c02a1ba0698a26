/** The "similar papers" query: title words and the abstract's repeated terms, quoted, OR-ed. */
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/support/fixtures.js';
import { similarQuery, similarTerms } from './similar.js';

describe('serve: similar papers', () => {
  it('should take title words, then the most repeated abstract terms, without stopwords or numbers', () => {
    expect(
      similarTerms({
        title: 'Diffusion Models for Graphs: A Survey (2026)',
        abstract: 'We survey graph diffusion. Graph diffusion and spectral methods; spectral spectral kernels.',
      }),
    ).toEqual(['diffusion', 'models', 'graphs', 'survey', 'spectral', 'graph', 'kernels']);
    expect(similarTerms({ title: 'A B C', abstract: 'and the of' })).toEqual([]);
    expect(similarQuery({ title: 'The of', abstract: '' })).toBeNull();
  });

  it('should quote every term, so words like AND, OR, NEAR or column names are never syntax', () => {
    const q = similarQuery({ title: 'Fields NEAR title: OR and NOT', abstract: 'abstract: near AND abstract' });
    expect(q).toBe('{title abstract} : ("fields" OR "title" OR "abstract")');
    const store = testStore();
    store.upsertPapers(
      [{ id: '2601.00001', title: 'Near fields title', authors: ['A'], abstract: 'abstract', categories: ['cs.LG'] }],
      't',
    );
    expect(store.searchPage({ fts: q, limit: 5, offset: 0 }).hits.map((h) => h.id)).toEqual(['2601.00001']);
  });

  it('should cap the number of terms', () => {
    const abstract = Array.from({ length: 30 }, (_, i) => `term${String.fromCharCode(97 + (i % 26))}x${i}`).join(' ');
    expect(similarTerms({ title: 'Title words here', abstract }, 5)).toHaveLength(5);
  });
});
