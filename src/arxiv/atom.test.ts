import { describe, expect, it } from 'vitest';
import { classifyLink, parseApiFeed } from './atom.js';
import { ArxivApiError, UnexpectedBodyError } from './types.js';

const OS = 'http://a9.com/-/spec/opensearch/1.1/';
const AX = 'http://arxiv.org/schemas/atom';

/** Legacy (to ~Oct 2025): namespaces redeclared per element, hard-wrapped text, placeholder entries. */
const legacy = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?id_list=2401.01234" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: id_list=2401.01234,2401.99999</title>
  <opensearch:totalResults xmlns:opensearch="${OS}">2</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="${OS}">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="${OS}">10</opensearch:itemsPerPage>
  <entry>
    <id>http://arxiv.org/abs/2401.01234v2</id>
    <updated>2024-02-01T10:00:00Z</updated>
    <published>2024-01-02T09:00:00Z</published>
    <title>A Hard-Wrapped Title About
  Diffusion</title>
    <summary>  First line of the abstract
second line.
</summary>
    <author><name> Ada Lovelace </name><arxiv:affiliation xmlns:arxiv="${AX}">Analytical Engine</arxiv:affiliation></author>
    <author><name>Zoë Müller</name></author>
    <arxiv:doi xmlns:arxiv="${AX}">10.1000/xyz123</arxiv:doi>
    <link title="doi" href="http://dx.doi.org/10.1000/xyz123" rel="related"/>
    <arxiv:comment xmlns:arxiv="${AX}">12 pages,
  3 figures</arxiv:comment>
    <arxiv:journal_ref xmlns:arxiv="${AX}">J. Foo 1 (2024) 2</arxiv:journal_ref>
    <link href="http://arxiv.org/abs/2401.01234v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/2401.01234v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="${AX}" term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="I.2.6" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
  <entry>
    <arxiv:primary_category xmlns:arxiv="${AX}" term="" scheme="http://arxiv.org/schemas/atom"/>
    <category term="" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>`;

/** 2025-11: namespaces on the root, links without rel/title/type. */
const nov2025 = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="${OS}" xmlns:arxiv="${AX}" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/xyz</id>
  <opensearch:itemsPerPage>10</opensearch:itemsPerPage>
  <opensearch:totalResults>1</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <entry>
    <id>http://arxiv.org/abs/hep-ph/9411242v3</id>
    <title>Old-style Paper</title>
    <updated>2005-09-17T15:04:24Z</updated>
    <link href="https://arxiv.org/abs/hep-ph/9411242v3"/>
    <link href="https://arxiv.org/pdf/hep-ph/9411242v3"/>
    <link href="https://doi.org/10.5170/CERN-2013-002.237"/>
    <summary>One line.</summary>
    <category term="hep-ph" scheme="http://arxiv.org/schemas/atom"/>
    <published>1994-11-08T11:19:41Z</published>
    <arxiv:primary_category term="hep-ph"/>
    <author><name>R. Vuopionperä</name></author>
  </entry>
</feed>`;

/** 2026: rel/title back, changed element order, alternative prefixes must not matter. */
const y2026 = `<?xml version='1.0' encoding='UTF-8'?>
<atom:feed xmlns:os="${OS}" xmlns:ax="${AX}" xmlns:atom="http://www.w3.org/2005/Atom">
  <atom:id>https://arxiv.org/api/abc</atom:id>
  <os:itemsPerPage>100</os:itemsPerPage>
  <os:totalResults>1</os:totalResults>
  <os:startIndex>0</os:startIndex>
  <atom:entry>
    <atom:id>http://arxiv.org/abs/2104.12255v1</atom:id>
    <atom:title>0</atom:title>
    <atom:updated>2021-04-20T16:07:14Z</atom:updated>
    <atom:link href="https://arxiv.org/abs/2104.12255v1" rel="alternate" type="text/html"/>
    <atom:link href="https://arxiv.org/pdf/2104.12255v1" rel="related" type="application/pdf" title="pdf"/>
    <atom:summary>What is the funniest number?</atom:summary>
    <atom:category term="cs.CR" scheme="http://arxiv.org/schemas/atom"/>
    <atom:published>2021-04-20T16:07:14Z</atom:published>
    <ax:primary_category term="cs.CR"/>
    <atom:author><atom:name>Quan Nguyen</atom:name></atom:author>
  </atom:entry>
</atom:feed>`;

describe('parseApiFeed', () => {
  it('should parse a legacy feed with redeclared namespaces and hard-wrapped text', () => {
    const feed = parseApiFeed(legacy);
    expect(feed).toMatchObject({ totalResults: 2, startIndex: 0, itemsPerPage: 10 });
    expect(feed.entries).toEqual([
      {
        id: '2401.01234',
        version: 2,
        title: 'A Hard-Wrapped Title About Diffusion',
        authors: ['Ada Lovelace', 'Zoë Müller'],
        abstract: 'First line of the abstract\nsecond line.',
        categories: ['cs.LG', 'cs.AI', 'I.2.6'],
        comment: '12 pages, 3 figures',
        journalRef: 'J. Foo 1 (2024) 2',
        doi: '10.1000/xyz123',
        published: '2024-01-02T09:00:00Z',
        updated: '2024-02-01T10:00:00Z',
      },
    ]);
  });

  it('should skip the legacy empty entry of a missing id', () => {
    expect(parseApiFeed(legacy).entries.map((e) => e.id)).toEqual(['2401.01234']);
  });

  it('should parse 2025-11 entries whose links have no rel or title', () => {
    const [entry] = parseApiFeed(nov2025).entries;
    expect(entry).toMatchObject({
      id: 'hep-ph/9411242',
      version: 3,
      title: 'Old-style Paper',
      authors: ['R. Vuopionperä'],
      categories: ['hep-ph'],
      comment: null,
      journalRef: null,
      // No arxiv:doi: the DOI comes from the doi.org link, classified by its href.
      doi: '10.5170/CERN-2013-002.237',
    });
  });

  it('should parse the 2026 element order by namespace whatever the prefixes', () => {
    const feed = parseApiFeed(y2026);
    expect(feed.totalResults).toBe(1);
    expect(feed.entries[0]).toMatchObject({ id: '2104.12255', version: 1, title: '0', categories: ['cs.CR'] });
  });

  it('should throw ArxivApiError with arXiv message for an Error feed', () => {
    const error = `<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <id>https://arxiv.org/api/errors#incorrect_id_format_for_abc</id><title>Error</title>
      <summary>incorrect id format for abc</summary><author><name>arXiv api core</name></author>
    </entry></feed>`;
    expect(() => parseApiFeed(error)).toThrow(ArxivApiError);
    expect(() => parseApiFeed(error)).toThrow('incorrect id format for abc');
  });

  it('should take a paper titled Error as a paper', () => {
    const paper = `<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <id>http://arxiv.org/abs/2401.00001v1</id><title>Error</title><summary>On errors.</summary>
    </entry></feed>`;
    expect(parseApiFeed(paper).entries[0]).toMatchObject({ id: '2401.00001', title: 'Error' });
  });

  it('should throw UnexpectedBodyError for an entry whose id is not an arXiv URL', () => {
    const bad = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:x</id><title>T</title></entry></feed>`;
    expect(() => parseApiFeed(bad)).toThrow(/API entry 1: expected an arXiv abstract URL/);
  });

  it('should throw UnexpectedBodyError when the root is not an Atom feed', () => {
    expect(() => parseApiFeed('<feed><entry/></feed>')).toThrow(UnexpectedBodyError);
    expect(() => parseApiFeed('<rss version="2.0"><channel/></rss>')).toThrow(
      /expected the arXiv API's Atom <feed>, got <rss>/,
    );
  });

  it('should throw UnexpectedBodyError for truncated, HTML and empty bodies', () => {
    expect(() => parseApiFeed(legacy.slice(0, legacy.length / 2))).toThrow(UnexpectedBodyError);
    expect(() => parseApiFeed('<html><body><h1>503 Service Unavailable</h1><br></body></html>')).toThrow(
      UnexpectedBodyError,
    );
    expect(() => parseApiFeed('')).toThrow(UnexpectedBodyError);
  });

  it('should reject opensearch numbers that are not numbers', () => {
    const bad = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:o="${OS}"><o:totalResults>many</o:totalResults></feed>`;
    expect(() => parseApiFeed(bad)).toThrow(UnexpectedBodyError);
  });
});

describe('classifyLink', () => {
  it('should classify by title and rel when present', () => {
    expect(classifyLink({ href: 'http://arxiv.org/abs/1v1', rel: 'alternate', type: 'text/html' })).toBe('abs');
    expect(classifyLink({ href: 'x', rel: 'related', title: 'pdf' })).toBe('pdf');
    expect(classifyLink({ href: 'x', rel: 'related', title: 'doi' })).toBe('doi');
  });

  it('should fall back on the href when there is no rel or title', () => {
    expect(classifyLink({ href: 'https://arxiv.org/abs/2201.13452v1' })).toBe('abs');
    expect(classifyLink({ href: 'https://arxiv.org/pdf/2201.13452v1' })).toBe('pdf');
    expect(classifyLink({ href: 'https://doi.org/10.1/x' })).toBe('doi');
    expect(classifyLink({ href: 'https://example.org/' })).toBe('other');
  });
});
