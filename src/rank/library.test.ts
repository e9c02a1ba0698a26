import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { testDir } from '../../test/support/fixtures.js';
import { latexToText } from './bibtex.js';
import { detectLibraryFormat, findArxivId, LibraryError, parseLibrary, readLibraryFile } from './library.js';

// As Zotero (Better BibTeX) and Mendeley write them.
const BIBTEX = String.raw`% Exported by Zotero; contact me@example.org
@string{ neurips = "Advances in Neural Information Processing Systems" }

@article{vaswani2017attention,
  title = {Attention Is {All} You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and {Google Brain} and others},
  journal = neurips # " 30",
  year = 2017,
  eprint = {1706.03762},
  archivePrefix = {arXiv},
  abstract = {The dominant sequence transduction models are based on
    complex recurrent or convolutional neural networks.},
  keywords = {transformers, attention; NLP},
}

@comment{ this is @not an entry }

@misc{muller2024,
  title = "Sch{\"o}n und schnell: {\'E}tude de la {\v{S}}koda",
  author = {M{\"u}ller, J{\"o}rg and Garc\'{\i}a, Jos\'e and de la Cruz, Jr., Ana},
  arxivId = {2401.01234},
  doi = {10.1000/xyz123},
}

@inproceedings{notitle, author = {Doe, Jane}, year = {2020}}
`;

const RIS = `TY  - JOUR
TI  - Denoising Diffusion Probabilistic Models
AU  - Ho, Jonathan
AU  - Jain, Ajay
AB  - We present high quality image synthesis results
  using diffusion probabilistic models.
KW  - diffusion
UR  - http://arxiv.org/abs/2006.11239v2
DO  - 10.48550/arXiv.2006.11239
ER  - 

TY  - GEN
N1  - a note without a title
ER  - 
`;

const CSL = `[
  {
    "id": "http://zotero.org/users/1/items/ABC",
    "type": "article",
    "title": "Scaling Laws for Neural Language Models",
    "author": [{ "family": "Kaplan", "given": "Jared" }, { "literal": "OpenAI" }],
    "abstract": "We study empirical scaling laws.",
    "number": "arXiv:2001.08361",
    "DOI": "10.48550/arXiv.2001.08361",
    "keyword": "scaling, language models"
  },
  { "id": "note1", "type": "document" }
]`;

describe('rank: library exports', () => {
  it('should tell the three formats apart by content', () => {
    expect(detectLibraryFormat(BIBTEX)).toBe('bibtex');
    expect(detectLibraryFormat(RIS)).toBe('ris');
    expect(detectLibraryFormat(`\uFEFF  ${CSL}`)).toBe('csl-json');
    expect(detectLibraryFormat('just some notes')).toBeNull();
  });

  it('should read BibTeX: macros, concatenation, LaTeX, names, arXiv ids, skipped entries', () => {
    const r = parseLibrary(BIBTEX, 'lib.bib');
    expect(r.format).toBe('bibtex');
    expect(r.entries).toEqual([
      {
        title: 'Attention Is All You Need',
        abstract:
          'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Google Brain'],
        arxivId: '1706.03762',
        keywords: ['transformers', 'attention', 'NLP'],
        line: 4,
      },
      {
        title: 'Schön und schnell: Étude de la Škoda',
        abstract: '',
        authors: ['Jörg Müller', 'José García', 'Ana de la Cruz Jr.'],
        arxivId: '2401.01234',
        doi: '10.1000/xyz123',
        line: 18,
      },
    ]);
    expect(r.skipped).toEqual([{ line: 25, reason: '@inproceedings{notitle} has no title' }]);
  });

  it('should turn LaTeX into plain text', () => {
    expect(latexToText(String.raw`{\"U}ber \emph{fast} 50\% {\ss} \o{} -- {$\alpha$}~test`)).toBe(
      'Über fast 50% ß ø – test',
    );
  });

  it('should name file:line and what was expected for malformed BibTeX', () => {
    const cases: [string, RegExp][] = [
      ['@article{key,\n  title = {Open\n', /^x\.bib:2: expected '}' closing a value opened here, got end of file/],
      ['@article{key,\n  title {x}\n}', /^x\.bib:2: expected '=' after field "title" in @article\{key/],
      ['@article{key,\n  title = {x}\n  year = 1', /^x\.bib:3: expected ',' or '}' after field "title"/],
      ['@article{key title = {x}}', /^x\.bib:1: expected ',' after the key of @article\{key/],
      ['\n\n@article key', /^x\.bib:3: expected '\{' after "@article"/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        parseLibrary(text, 'x.bib');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LibraryError);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
  });

  it('should read RIS records, wrapped lines included', () => {
    const r = parseLibrary(RIS, 'lib.ris');
    expect(r.entries).toEqual([
      {
        title: 'Denoising Diffusion Probabilistic Models',
        abstract: 'We present high quality image synthesis results using diffusion probabilistic models.',
        authors: ['Jonathan Ho', 'Ajay Jain'],
        arxivId: '2006.11239',
        doi: '10.48550/arXiv.2006.11239',
        keywords: ['diffusion'],
        line: 1,
      },
    ]);
    expect(r.skipped).toEqual([{ line: 12, reason: 'record of type GEN has no title (TI/T1)' }]);
  });

  it('should name file:line for malformed RIS', () => {
    expect(() => parseLibrary('TY  - JOUR\nTI  - A\n', 'a.ris')).toThrow(
      /^a\.ris:3: expected "ER {2}-" closing the record opened at line 1/,
    );
    expect(() => parseLibrary('TY  - JOUR\nER  -\nTI  - orphan\n', 'a.ris')).toThrow(
      /^a\.ris:3: expected "TY {2}-" to open a record before "TI {2}-"/,
    );
    expect(() => parseLibrary('TY  - JOUR\nTY  - JOUR\n', 'a.ris')).toThrow(/^a\.ris:2: expected "ER/);
  });

  it('should read CSL-JSON items, skipping those without a title', () => {
    const r = parseLibrary(CSL, 'lib.json');
    expect(r.entries).toEqual([
      {
        title: 'Scaling Laws for Neural Language Models',
        abstract: 'We study empirical scaling laws.',
        authors: ['Jared Kaplan', 'OpenAI'],
        arxivId: '2001.08361',
        doi: '10.48550/arXiv.2001.08361',
        keywords: ['scaling', 'language models'],
        line: 2,
      },
    ]);
    expect(r.skipped).toEqual([{ line: 12, reason: 'item 2 (id note1) has no title' }]);
  });

  it('should name the line of invalid JSON and of an item that is not an object', () => {
    expect(() => parseLibrary('[\n  {"title": "a"},\n  {"title": }\n]', 'l.json')).toThrow(
      /^l\.json:3: expected CSL-JSON, not valid JSON/,
    );
    expect(() => parseLibrary('[\n  {"title": "a"},\n  [1]\n]', 'l.json')).toThrow(
      /^l\.json:3: expected a CSL-JSON item \(an object\) as item 2/,
    );
  });

  it('should say what a file that is none of the formats was expected to be', () => {
    expect(() => parseLibrary('hello', 'notes.txt')).toThrow(
      /^notes\.txt:1: expected a library export: BibTeX .* RIS .* or CSL-JSON/,
    );
  });

  it('should find arXiv ids in URLs, DOIs and notes', () => {
    expect(findArxivId('https://arxiv.org/pdf/2401.01234v2.pdf')).toBe('2401.01234');
    expect(findArxivId('arXiv preprint arXiv:2312.00001')).toBe('2312.00001');
    expect(findArxivId('see arxiv.org/abs/hep-th/9901001')).toBe('hep-th/9901001');
    expect(findArxivId('10.1000/unrelated', undefined)).toBeUndefined();
  });

  it('should read a file from disk, and name an unreadable one', async () => {
    const dir = testDir({ 'lib.ris': RIS });
    expect((await readLibraryFile(join(dir, 'lib.ris'))).entries).toHaveLength(1);
    const missing = join(dir, 'missing.bib');
    await expect(readLibraryFile(missing)).rejects.toThrow(`${missing}: cannot read the library file (ENOENT`);
  });
});
