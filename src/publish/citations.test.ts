/**
 * BibTeX and RIS exports, read back with small parsers written here the way BibTeX and RIS
 * readers work (brace counting; `TAG  - value` lines), so an entry that would swallow its
 * neighbours or lose a field shows up as a parse failure.
 */
import { describe, expect, it } from 'vitest';
import type { Paper } from '../core/types.js';
import { buildDayView, type DayView } from '../core/day-view.js';
import { bibtexAuthors, bibtexKey, bibtexText, paperYear, renderBibtex, renderRis } from './citations.js';

const paper = (id: string, over: Partial<Paper> = {}): Paper => ({
  id,
  version: 1,
  title: `Title ${id}`,
  authors: ['Ada Lovelace', 'Alan Turing'],
  abstract: `Abstract of ${id}.`,
  categories: ['cs.LG', 'stat.ML'],
  comment: null,
  journalRef: null,
  doi: null,
  published: null,
  updated: null,
  ...over,
});

function day(papers: Paper[]): DayView {
  return buildDayView({
    date: '2026-01-05',
    language: 'English',
    rows: papers.map((p, position) => ({
      paper: p,
      category: p.categories[0]!,
      kind: 'new' as const,
      version: 1,
      position,
    })),
    summaries: [],
    otherLanguages: new Map(),
    codeLinks: new Map(),
    categoryOrder: ['cs.LG'],
    preferredSummarizer: 'offline',
  });
}

const sampleDay = (): DayView =>
  day([
    paper('2401.00001', {
      title: 'Learning $\\mathcal{O}(n)$ 100% of {the}\n  time & #1 with \\% kept',
      authors: ['Zoë Ünicode', 'Sandy and Co', 'John Smith, Jr.'],
      abstract: 'First line\nsecond line ]]> and a }{ brace.',
      doi: '10.1234/abc.5678',
      journalRef: 'Nature 600, 1 (2026)',
      comment: '12 pages, 3 figures',
      published: '2024-01-02T18:00:00Z',
    }),
    paper('2401.00002', { title: 'Unbalanced } here { and \\} there', categories: ['cs.AI'] }),
    paper('hep-th/9901001', { categories: ['hep-th'] }),
  ]);

interface BibEntry {
  type: string;
  key: string;
  fields: Map<string, string>;
}

/** A BibTeX reader: `@type{key,` then `name = {value}` pairs, values by brace counting (as BibTeX does). */
function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const expectChar = (c: string) => {
    skipSpace();
    if (text[i] !== c) fail(`expected ${c}`);
    i++;
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return entries;
    const head = /^@(\w+)\{([^,\s{}]+),/.exec(text.slice(i));
    if (!head) fail('expected an entry');
    i += head![0].length;
    const fields = new Map<string, string>();
    for (;;) {
      skipSpace();
      if (text[i] === '}') {
        i++;
        break;
      }
      const name = /^(\w+)\s*=\s*/.exec(text.slice(i));
      if (!name) fail('expected a field');
      i += name![0].length;
      expectChar('{');
      const start = i;
      let depth = 1;
      while (depth > 0) {
        if (i >= text.length) fail('unterminated value');
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
        i++;
      }
      if (fields.has(name![1]!)) fail(`repeated field ${name![1]}`);
      fields.set(name![1]!, text.slice(start, i - 1));
      skipSpace();
      if (text[i] === ',') i++;
    }
    entries.push({ type: head![1]!, key: head![2]!, fields });
  }
}

/** A RIS reader: records from `TY` to `ER`, each line `XX  - value`, repeated tags collected. */
function parseRis(text: string): Map<string, string[]>[] {
  const records: Map<string, string[]>[] = [];
  let current: Map<string, string[]> | null = null;
  for (const [n, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const m = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!m) throw new Error(`line ${n + 1} is not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = m as unknown as [string, string, string];
    if (tag === 'TY') {
      if (current) throw new Error(`line ${n + 1}: TY before ER`);
      current = new Map();
    } else if (!current) throw new Error(`line ${n + 1}: ${tag} outside a record`);
    if (tag === 'ER') {
      records.push(current!);
      current = null;
      continue;
    }
    current!.set(tag, [...(current!.get(tag) ?? []), value]);
  }
  if (current) throw new Error('last record has no ER');
  return records;
}

describe('renderBibtex', () => {
  it('should parse back with every field of every entry and unique keys', () => {
    const text = renderBibtex(sampleDay());
    const entries = parseBibtex(text);
    expect(entries.map((e) => e.key)).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002', 'arxiv:hep-th_9901001']);
    for (const e of entries) {
      expect(e.type).toBe('misc');
      for (const f of ['title', 'author', 'year', 'eprint', 'archivePrefix', 'primaryClass', 'url']) {
        expect(e.fields.get(f), `${e.key}.${f}`).toBeTruthy();
      }
      expect(e.fields.get('archivePrefix')).toBe('arXiv');
      expect(e.fields.get('url')).toBe(`https://arxiv.org/abs/${e.fields.get('eprint')}`);
    }
    const [first, second, third] = entries;
    expect(first!.fields.get('eprint')).toBe('2401.00001');
    expect(first!.fields.get('primaryClass')).toBe('cs.LG');
    expect(first!.fields.get('year')).toBe('2024');
    expect(first!.fields.get('doi')).toBe('10.1234/abc.5678');
    expect(first!.fields.get('note')).toBe('Nature 600, 1 (2026); 12 pages, 3 figures');
    expect(second!.fields.has('doi')).toBe(false);
    expect(third!.fields.get('eprint')).toBe('hep-th/9901001');
    expect(third!.fields.get('year')).toBe('1999');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('should keep arXiv LaTeX, escape %, & and # and join the title onto one line', () => {
    const title = parseBibtex(renderBibtex(sampleDay()))[0]!.fields.get('title');
    expect(title).toBe('Learning {$\\mathcal{O}(n)$} 100\\% of {the} time \\& \\#1 with \\% kept');
  });

  it('should write authors "Family, Given" joined by "and", bodies and odd names braced whole', () => {
    const author = parseBibtex(renderBibtex(sampleDay()))[0]!.fields.get('author');
    expect(author).toBe('{\\"U}nicode, Zo{\\"e} and {Sandy and Co} and Smith, Jr., John');
    expect(bibtexAuthors(['A', 'Anderson Brandt'])).toBe('{A} and Brandt, Anderson');
    expect(bibtexAuthors(['Ludwig van Beethoven', 'ATLAS Collaboration', 'Xinze Zhang'])).toBe(
      'van Beethoven, Ludwig and {ATLAS Collaboration} and Zhang, Xinze',
    );
  });

  it('should start the file with an @preamble only when an entry needs a default command', () => {
    expect(renderBibtex(sampleDay())).toMatch(/^@misc\{/);
    const text = renderBibtex(
      day([paper('2401.00009', { title: 'Codes over $\\mathbb{F}_2$', authors: ['Anna Mączyńska'] })]),
    );
    expect(text.split('\n')[0]).toBe(
      '@preamble{ "\\ProvideTextCommandDefault{\\k}[1]{\\UseTextAccent{T1}{\\k}{#1}} \\providecommand{\\mathbb}[1]{\\mathbf{#1}}" }',
    );
    expect(parseBibtex(text.slice(text.indexOf('@misc')))[0]!.fields.get('author')).toBe("M{\\k{a}}czy{\\'n}ska, Anna");
  });

  it('should be the same text on every run', () => {
    expect(renderBibtex(sampleDay())).toBe(renderBibtex(sampleDay()));
  });
});

describe('bibtexText', () => {
  it('should drop unmatched braces, escaped or not, and keep matched ones', () => {
    expect(bibtexText('Unbalanced } here { and \\} there')).toBe('Unbalanced  here  and  there');
    expect(bibtexText('$\\{0,1\\}^n$ and {A}')).toBe('{$\\{0,1\\}^n$} and {A}');
    expect(bibtexText('open \\{ set')).toBe('open  set');
    expect(bibtexText('ends with \\')).toBe('ends with ');
  });

  it('should leave escaped specials alone and escape ones after an escaped backslash', () => {
    expect(bibtexText('\\% \\& \\#')).toBe('\\% \\& \\#');
    expect(bibtexText('a\\\\%b')).toBe('a\\\\\\%b');
  });

  it('should give keys without characters BibTeX keys cannot hold', () => {
    expect(bibtexKey('math.GT/0309136')).toBe('arxiv:math.GT_0309136');
  });
});

describe('paperYear', () => {
  it('should use the first version date, else the id, else the announcement date', () => {
    expect(paperYear(paper('2401.00001', { published: '2023-12-31T23:00:00Z' }), '2026-01-05')).toBe('2023');
    expect(paperYear(paper('2401.00001'), '2026-01-05')).toBe('2024');
    expect(paperYear(paper('astro-ph/0601001'), '2026-01-05')).toBe('2006');
    expect(paperYear(paper('weird'), '2026-01-05')).toBe('2026');
  });
});

describe('renderRis', () => {
  it('should parse back with the fields of every record', () => {
    const records = parseRis(renderRis(sampleDay()));
    expect(records).toHaveLength(3);
    for (const r of records) {
      for (const tag of ['TY', 'TI', 'AU', 'AB', 'PY', 'UR', 'KW', 'M1']) expect(r.get(tag), tag).toBeDefined();
      expect(r.get('UR')).toEqual([`https://arxiv.org/abs/${r.get('M1')![0]}`]);
    }
    const [first, second, third] = records;
    expect(first!.get('TY')).toEqual(['JOUR']);
    expect(second!.get('TY')).toEqual(['GEN']);
    expect(first!.get('AU')).toEqual(['Ünicode, Zoë', 'Sandy and Co', 'Smith, John, Jr.']);
    expect(first!.get('TI')).toEqual(['Learning $\\mathcal{O}(n)$ 100% of {the} time & #1 with \\% kept']);
    expect(first!.get('AB')).toEqual(['First line second line ]]> and a }{ brace.']);
    expect(first!.get('PY')).toEqual(['2024']);
    expect(first!.get('DA')).toEqual(['2024/01/02']);
    expect(first!.get('DO')).toEqual(['10.1234/abc.5678']);
    expect(first!.get('KW')).toEqual(['cs.LG', 'stat.ML']);
    expect(first!.get('M1')).toEqual(['2401.00001']);
    expect(first!.get('N1')).toEqual(['Nature 600, 1 (2026); 12 pages, 3 figures']);
    expect(second!.has('DO')).toBe(false);
    expect(third!.get('M1')).toEqual(['hep-th/9901001']);
    expect(third!.get('PY')).toEqual(['1999']);
  });

  it('should end every record with "ER  - " and the file with a newline', () => {
    const text = renderRis(sampleDay());
    expect(text.match(/^ER {2}- $/gm)).toHaveLength(3);
    expect(text.endsWith('ER  - \n')).toBe(true);
    expect(renderRis(sampleDay())).toBe(text);
  });
});

describe('RIS authors', () => {
  it('should write every person "Family, Given[, Suffix]" and a collaboration whole', () => {
    const records = parseRis(
      renderRis(
        day([
          paper('2401.00010', {
            authors: [
              'Xinze Zhang',
              'Ludwig van Beethoven',
              'Jean de la Fontaine',
              'Martin Luther King Jr.',
              'ZHANG Xinze',
              '张新泽',
              '欧阳修',
              '田中さくら',
              '김민수',
              'ATLAS Collaboration',
              'and Wen Tong',
            ],
          }),
        ]),
      ),
    );
    expect(records[0]!.get('AU')).toEqual([
      'Zhang, Xinze',
      'van Beethoven, Ludwig',
      'de la Fontaine, Jean',
      'King, Martin Luther, Jr.',
      'ZHANG, Xinze',
      '张, 新泽',
      '欧阳, 修',
      '田中, さくら',
      '김, 민수',
      'ATLAS Collaboration',
      'Tong, Wen',
    ]);
  });
});
