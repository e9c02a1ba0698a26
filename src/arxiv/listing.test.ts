import { describe, expect, it } from 'vitest';
import { parseListingPage } from './listing.js';
import { UnexpectedBodyError } from './types.js';

interface Sample {
  n: number;
  id: string;
  version?: number;
  marker?: string;
  title: string;
  authors: string[];
  subjects: [string, string][];
  comments?: string;
  journal?: string;
  abstract?: string;
}

/** One `<dt>/<dd>` pair in the markup of arxiv-browse's list macros (note `href =`). */
function entry(s: Sample): string {
  const html =
    s.version === undefined ? '' : `<a href="https://arxiv.org/html/${s.id}v${s.version}" title="View HTML">html</a>, `;
  const [primary, ...rest] = s.subjects;
  return `<dt>
      <a name='item${s.n}'>[${s.n}]</a>
      <a href ="/abs/${s.id}" title="Abstract" id="${s.id}">
        arXiv:${s.id}
      </a>
      ${s.marker ?? ''}
        [<a href="/pdf/${s.id}" title="Download PDF">pdf</a>, ${html}<a href="/format/${s.id}" title="Other formats">other</a>]
    </dt>
    <dd>
      <div class='meta'>
        <div class='list-title mathjax'><span class='descriptor'>Title:</span>
          ${s.title}
        </div>
        <div class='list-authors'>${s.authors.map((a) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${encodeURIComponent(a)}">${a}</a>`).join(', ')}</div>
        ${s.comments === undefined ? '' : `<div class='list-comments mathjax'><span class='descriptor'>Comments:</span>\n          ${s.comments}\n        </div>`}
        ${s.journal === undefined ? '' : `<div class='list-journal-ref'><span class='descriptor'>Journal-ref:</span>\n          ${s.journal}\n        </div>`}
        <div class='list-subjects'><span class='descriptor'>Subjects:</span>
          <span class="primary-subject">${primary![0]} (${primary![1]})</span>${rest.map(([name, code]) => `; ${name} (${code})`).join('')}
        </div>
        ${s.abstract === undefined ? '' : `<p class='mathjax'>\n          ${s.abstract}\n        </p>`}
      </div>
    </dd>`;
}

const page = (body: string): string =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Artificial Intelligence</title></head><body>
<div id='dlpage'><h1>Artificial Intelligence</h1>
<ul><li><a href="#item1">New submissions</a></li><li><a href="#item2">Cross-lists</a></li><li><a href="#item3">Replacements</a></li></ul>
<h3>Showing new listings for Tuesday, 13 January 2026</h3>
${body}
</div></body></html>\n`;

const section = (heading: string, entries: string): string =>
  `<dl id='articles'>\n<h3>${heading}</h3>\n${entries}\n</dl>`;

const full = page(
  section(
    'New submissions (showing 1 of 1 entries)',
    entry({
      n: 1,
      id: '2601.00001',
      version: 1,
      title: 'Caf&eacute; &amp; &#34;Quotes&#34;: A\n          Study',
      authors: ['Zoë Müller', 'Jean-Luc O&#39;Neil'],
      subjects: [
        ['Artificial Intelligence', 'cs.AI'],
        ['Machine Learning', 'cs.LG'],
      ],
      comments: '12 pages, code at <a href="https://github.com/x/y">this https URL</a>',
      abstract: 'We study $x &lt; y$ and the policy&#39;s\n          preferences.',
    }),
  ) +
    section(
      'Cross submissions (showing 1 of 1 entries)',
      entry({
        n: 2,
        id: '2512.09999',
        version: 2,
        marker: '(cross-list from cs.LG)',
        title: 'A Cross-List',
        authors: ['A. One'],
        subjects: [
          ['Machine Learning', 'cs.LG'],
          ['Artificial Intelligence', 'cs.AI'],
        ],
        journal: 'J. Foo 1 (2026) 2',
      }),
    ) +
    section(
      'Replacement submissions (showing 2 of 2 entries)',
      entry({
        n: 3,
        id: '2112.07752',
        version: 5,
        marker: '(replaced)',
        title: 'Own Replacement',
        authors: ['B. Two'],
        subjects: [['Artificial Intelligence', 'cs.AI']],
        abstract: 'Replaced.',
      }) +
        entry({
          n: 4,
          id: 'cs/0101001',
          marker: '(replaced)',
          title: 'Old Cross Replacement',
          authors: ['C. Three'],
          subjects: [
            ['Computation and Language', 'cs.CL'],
            ['Artificial Intelligence', 'cs.AI'],
          ],
        }),
    ),
);

describe('parseListingPage', () => {
  it('should read the date and the sections with their counts', () => {
    const listing = parseListingPage(full, 'cs.AI');
    expect(listing.date).toBe('2026-01-13');
    expect(listing.empty).toBe(false);
    expect(listing.sections).toEqual([
      { kind: 'new', shown: 1, total: 1 },
      { kind: 'cross', shown: 1, total: 1 },
      { kind: 'replace', shown: 2, total: 2 },
    ]);
  });

  it('should give each entry its kind: replace-cross when the primary category is elsewhere', () => {
    const listing = parseListingPage(full, 'cs.AI');
    expect(listing.entries.map((e) => [e.id, e.version, e.kind])).toEqual([
      ['2601.00001', 1, 'new'],
      ['2512.09999', 2, 'cross'],
      ['2112.07752', 5, 'replace'],
      ['cs/0101001', null, 'replace-cross'],
    ]);
  });

  it('should count a replacement in the archive listing of its primary category as a replace', () => {
    expect(parseListingPage(full, 'cs').entries.map((e) => e.kind)).toEqual(['new', 'cross', 'replace', 'replace']);
  });

  it('should decode entities, strip descriptors and collapse whitespace', () => {
    const [first, second] = parseListingPage(full, 'cs.AI').entries;
    expect(first).toEqual({
      id: '2601.00001',
      version: 1,
      kind: 'new',
      title: 'Café & "Quotes": A Study',
      authors: ['Zoë Müller', "Jean-Luc O'Neil"],
      abstract: "We study $x < y$ and the policy's preferences.",
      categories: ['cs.AI', 'cs.LG'],
      comment: '12 pages, code at this https URL',
      journalRef: null,
    });
    expect(second).toMatchObject({ abstract: null, comment: null, journalRef: 'J. Foo 1 (2026) 2' });
  });

  it('should tolerate the "continued" and range wordings of paged sections', () => {
    const one = (n: number) =>
      entry({ n, id: `2601.0000${n}`, title: 'T', authors: ['A'], subjects: [['Artificial Intelligence', 'cs.AI']] });
    const listing = parseListingPage(
      page(
        section('New submissions (continued, showing 2 of 79 entries)', one(1) + one(2)) +
          section('Cross submissions (showing first 1 of 132 entries)', one(3)) +
          section('Replacement submissions (showing 4-5 of 126 entries)', one(4) + one(5)),
      ),
      'cs.AI',
    );
    expect(listing.sections).toEqual([
      { kind: 'new', shown: 2, total: 79 },
      { kind: 'cross', shown: 1, total: 132 },
      { kind: 'replace', shown: 2, total: 126 },
    ]);
    expect(listing.entries).toHaveLength(5);
  });

  it('should say empty for "No updates today"', () => {
    const listing = parseListingPage(page('<p>No updates today.</p>'), 'cs.AI');
    expect(listing).toEqual({ date: '2026-01-13', entries: [], sections: [], empty: true });
  });

  it('should throw UnexpectedBodyError for a page that is not a listing', () => {
    const other = '<!DOCTYPE html><html><body><h1>Search</h1><p>Nothing here</p></body></html>';
    expect(() => parseListingPage(other, 'cs.AI')).toThrow(UnexpectedBodyError);
    expect(() => parseListingPage(other, 'cs.AI')).toThrow(/Showing new listings/);
    expect(() => parseListingPage('', 'cs.AI')).toThrow(/empty body/);
  });

  it('should throw UnexpectedBodyError for a page cut short', () => {
    const cut = full.slice(0, full.indexOf("<div class='list-subjects'>", full.indexOf('2112.07752')));
    expect(() => parseListingPage(cut, 'cs.AI')).toThrow(/truncated listing page/);
    // Complete HTML but fewer entries than the heading announces.
    const short = full.replace('Replacement submissions (showing 2 of 2', 'Replacement submissions (showing 3 of 3');
    expect(() => parseListingPage(short, 'cs.AI')).toThrow(/announces 3 entries but 2 were found/);
  });

  it('should throw UnexpectedBodyError for an entry without an /abs/ link', () => {
    const broken = full.replace('<a href ="/abs/2601.00001"', '<a href ="/nowhere"');
    expect(() => parseListingPage(broken, 'cs.AI')).toThrow(/without an \/abs\/ link/);
  });
});
