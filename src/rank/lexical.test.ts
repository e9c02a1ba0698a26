import { describe, expect, it } from 'vitest';
import {
  AuthorMatcher,
  compileAuthor,
  compileProfile,
  feedbackScores,
  frequentLibraryAuthors,
  libraryReference,
  matchTerms,
  sameAuthor,
  shortTitle,
  similarities,
} from './lexical.js';
import { parseProfile } from './profile.js';
import { analyzeText, Corpus } from './text.js';
import type { LibraryEntry, RankPaper } from './types.js';

const paper = (id: string, title: string, abstract = '', more: Partial<RankPaper> = {}): RankPaper => ({
  id,
  title,
  abstract,
  authors: [],
  categories: ['cs.LG'],
  ...more,
});

describe('rank: lexical matching', () => {
  it('should find keyword phrases in their best field, in any inflection', () => {
    const { keywords } = compileProfile(parseProfile({ keywords: ['diffusion model', 'graph', 'video', 'agent'] }));
    const p = paper('1', 'Graph Diffusion Models', 'We study graphs and videos.', {
      summaryText: '本文研究多智能体 agent 系统',
    });
    expect(matchTerms(keywords, p)).toEqual([
      { term: 'diffusion model', weight: 1, field: 'title' },
      { term: 'graph', weight: 1, field: 'title' },
      { term: 'video', weight: 1, field: 'abstract' },
      { term: 'agent', weight: 1, field: 'summary' },
    ]);
  });

  it('should match a phrase only as a phrase, and Chinese keywords in Chinese summaries', () => {
    const { keywords } = compileProfile(parseProfile({ keywords: ['model diffusion', '扩散模型'] }));
    const p = paper('1', 'Diffusion models', '', { summaryText: '提出一种新的扩散模型。' });
    expect(matchTerms(keywords, p)).toEqual([{ term: '扩散模型', weight: 1, field: 'summary' }]);
  });

  it('should know one author under several spellings, and not two authors sharing a name', () => {
    const jane = compileAuthor('Jane Doe', 1);
    for (const other of ['J. Doe', 'Jane M. Doe', 'Doe Jane', 'JANE DOE', 'Jáne Doe'])
      expect(sameAuthor(jane, compileAuthor(other, 1))).toBe(true);
    for (const other of ['John Doe', 'Jane Smith', 'Doe'])
      expect(sameAuthor(jane, compileAuthor(other, 1))).toBe(false);
  });

  it('should match profile authors before library authors, each once', () => {
    const library: LibraryEntry[] = [
      { title: 'a', abstract: '', authors: ['Wei Zhang', 'Jane Doe'] },
      { title: 'b', abstract: '', authors: ['W. Zhang', 'Jane Doe'] },
      { title: 'c', abstract: '', authors: ['Only Once'] },
    ];
    const m = new AuthorMatcher([compileAuthor('Jane Doe', 2)], frequentLibraryAuthors(library));
    expect(m.match(['Zhang Wei', 'J. Doe', 'Only Once'])).toEqual([
      { name: 'Jane Doe', weight: 2, library: false },
      { name: 'Wei Zhang', weight: 0.3, library: true },
    ]);
  });

  it('should find the nearest library paper, never the paper itself', () => {
    const library: LibraryEntry[] = [
      { title: 'Protein folding with transformers', abstract: 'protein structure', authors: [], arxivId: '2401.00001' },
      { title: 'Graph neural networks for molecules', abstract: 'molecular graphs', authors: [] },
    ];
    const refs = library.map(libraryReference);
    const papers = [
      paper('2401.00001', 'Protein folding with transformers', 'protein structure'),
      paper('2', 'Molecular graph neural networks', 'graphs of molecules'),
      // The rest of the day: what the library is told apart from.
      ...['Speech recognition', 'Image segmentation', 'Game theory', 'Compilers'].map((t, i) => paper(`x${i}`, t)),
    ];
    const corpus = new Corpus();
    const refDocs = refs.map((r) => corpus.add(analyzeText(r.text).terms));
    const paperDocs = papers.map((p) => corpus.add(analyzeText(p).terms));
    const sims = similarities(papers, paperDocs, refs, refDocs, corpus.idf());
    expect(sims[0]!.best).toBeNull(); // its own entry is skipped, and it shares nothing with the other
    expect(sims[1]!.best?.label).toBe('“Graph neural networks for molecules”');
    expect(sims[1]!.value).toBeGreaterThan(sims[0]!.value);
    const fb = feedbackScores(paperDocs, refDocs, corpus.terms.length);
    expect(fb[1]).toBeGreaterThan(0);
    expect(fb.slice(2)).toEqual([0, 0, 0, 0]);
  });

  it('should cut long titles for reasons at a word', () => {
    expect(shortTitle('A very long title about graph neural networks and their many friends')).toBe(
      'A very long title about graph neural networks…',
    );
    expect(shortTitle('Line\nbreak\u0007')).toBe('Line break');
  });
});
