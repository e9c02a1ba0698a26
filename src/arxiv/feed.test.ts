import { describe, expect, it } from 'vitest';
import { parseAnnouncementFeed } from './feed.js';
import { UnexpectedBodyError } from './types.js';

const NS =
  'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"';

function item(id: string, version: number, type: string, extra = ''): string {
  return `<item>
      <title>Paper ${id}
        wrapped</title>
      <link>https://arxiv.org/abs/${id}</link>
      <description>arXiv:${id}v${version} Announce Type: ${type} 
Abstract: The abstract of ${id}.  </description>
      <guid isPermaLink="false">oai:arXiv.org:${id}v${version}</guid>
      <category>cs.LG</category>
      <category>stat.ML</category>
      <category>cs.LG</category>
      <pubDate>Thu, 24 Sep 2026 00:00:00 -0400</pubDate>
      <arxiv:announce_type>${type}</arxiv:announce_type>
      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
      ${extra}
      <dc:creator>Ann Author, Bob Builder Jr., and Cy Coder</dc:creator>
    </item>`;
}

function rss(items: string, pubDate = 'Thu, 24 Sep 2026 00:00:00 -0400'): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss ${NS} version="2.0">
  <channel>
    <title>cs.LG updates on arXiv.org</title>
    <lastBuildDate>Thu, 24 Sep 2026 08:58:05 +0000</lastBuildDate>
    <pubDate>${pubDate}</pubDate>
    <skipDays><day>Sunday</day><day>Saturday</day></skipDays>
    ${items}
  </channel>
</rss>`;
}

describe('parseAnnouncementFeed (RSS 2.0)', () => {
  it('should read every item kind with its id, version and metadata', () => {
    const feed = parseAnnouncementFeed(
      rss(
        item('2609.26811', 1, 'new') +
          item('2205.06398', 2, 'cross', '<arxiv:DOI>10.1093/bioinformatics/btac431</arxiv:DOI>') +
          item('2009.13987', 3, 'replace', '<arxiv:journal_reference>J. Foo 1 (2026)</arxiv:journal_reference>') +
          item('2101.00001', 4, 'replace-cross'),
      ),
    );
    expect(feed.date).toBe('2026-09-24');
    expect(feed.builtAt).toBe('2026-09-24T08:58:05Z');
    expect(feed.items.map((i) => [i.id, i.version, i.kind])).toEqual([
      ['2609.26811', 1, 'new'],
      ['2205.06398', 2, 'cross'],
      ['2009.13987', 3, 'replace'],
      ['2101.00001', 4, 'replace-cross'],
    ]);
    expect(feed.items[1]).toEqual({
      id: '2205.06398',
      version: 2,
      kind: 'cross',
      title: 'Paper 2205.06398 wrapped',
      authors: ['Ann Author', 'Bob Builder Jr.', 'Cy Coder'],
      abstract: 'The abstract of 2205.06398.',
      categories: ['cs.LG', 'stat.ML'],
      doi: '10.1093/bioinformatics/btac431',
      journalRef: null,
    });
    expect(feed.items[2]!.journalRef).toBe('J. Foo 1 (2026)');
  });

  it('should read the date in the channel pubDate own offset, EST or EDT', () => {
    expect(parseAnnouncementFeed(rss('', 'Mon, 07 Dec 2026 00:00:00 -0500')).date).toBe('2026-12-07');
    expect(parseAnnouncementFeed(rss('', 'Thu, 24 Sep 2026 00:00:00 -0400')).date).toBe('2026-09-24');
  });

  it('should give no items but the date for an empty channel', () => {
    expect(parseAnnouncementFeed(rss(''))).toEqual({ date: '2026-09-24', builtAt: '2026-09-24T08:58:05Z', items: [] });
  });

  it('should throw UnexpectedBodyError naming the item for an unknown announce type', () => {
    const run = () => parseAnnouncementFeed(rss(item('2609.26811', 1, 'new') + item('2609.26812', 1, 'absonly')));
    expect(run).toThrow(UnexpectedBodyError);
    expect(run).toThrow(/feed item 2 \(2609\.26812\).*"absonly"/);
  });

  it('should throw UnexpectedBodyError for an item without an arXiv id', () => {
    const bad = rss('<item><title>x</title><guid>urn:x</guid><arxiv:announce_type>new</arxiv:announce_type></item>');
    expect(() => parseAnnouncementFeed(bad)).toThrow(/feed item 1: expected an id/);
  });

  it('should throw UnexpectedBodyError for a garbled pubDate', () => {
    expect(() => parseAnnouncementFeed(rss('', 'someday'))).toThrow(/channel <pubDate>/);
  });
});

describe('parseAnnouncementFeed (Atom)', () => {
  const atom = (entries: string): string => `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns="http://www.w3.org/2005/Atom">
  <id>http://rss.arxiv.org/atom/cs.LG</id>
  <title>cs.LG updates on arXiv.org</title>
  <updated>2026-09-25T04:00:11.600500+00:00</updated>
  ${entries}
</feed>`;
  const entry = `<entry>
    <id>oai:arXiv.org:2402.10149v3</id>
    <title>Reconstructing particles</title>
    <updated>2026-09-25T04:00:11.609040+00:00</updated>
    <link href="https://arxiv.org/abs/2402.10149" rel="alternate" type="text/html"/>
    <summary>arXiv:2402.10149v3 Announce Type: cross 
Abstract: In collider experiments, things happen.</summary>
    <category term="hep-ph"/>
    <category term="cs.LG"/>
    <published>2026-09-25T00:00:00-04:00</published>
    <arxiv:announce_type>cross</arxiv:announce_type>
    <arxiv:DOI>10.1103/PhysRevD.111.032004</arxiv:DOI>
    <dc:creator>Callum Birch-Sykes, Brian Le</dc:creator>
  </entry>`;

  it('should read entries and take the date from the announcement midnight in <published>', () => {
    const feed = parseAnnouncementFeed(atom(entry));
    expect(feed.date).toBe('2026-09-25');
    expect(feed.builtAt).toBe('2026-09-25T04:00:11Z');
    expect(feed.items).toEqual([
      {
        id: '2402.10149',
        version: 3,
        kind: 'cross',
        title: 'Reconstructing particles',
        authors: ['Callum Birch-Sykes', 'Brian Le'],
        abstract: 'In collider experiments, things happen.',
        categories: ['hep-ph', 'cs.LG'],
        doi: '10.1103/PhysRevD.111.032004',
        journalRef: null,
      },
    ]);
  });

  it('should read Atom <author><name> when there is no dc:creator', () => {
    const withAuthors = entry.replace(
      /<dc:creator>.*<\/dc:creator>/,
      '<author><name>Ann Author</name></author><author><name>Bob, Jr.</name></author>',
    );
    expect(parseAnnouncementFeed(atom(withAuthors)).items[0]!.authors).toEqual(['Ann Author', 'Bob, Jr.']);
  });

  it('should have no date for an empty Atom feed', () => {
    expect(parseAnnouncementFeed(atom(''))).toEqual({ date: null, builtAt: '2026-09-25T04:00:11Z', items: [] });
  });
});

describe('parseAnnouncementFeed (not a feed)', () => {
  it('should throw UnexpectedBodyError for other XML roots and broken bodies', () => {
    expect(() => parseAnnouncementFeed('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"/>')).toThrow(
      /expected an RSS <rss> or Atom <feed>/,
    );
    expect(() => parseAnnouncementFeed(rss(item('2609.26811', 1, 'new')).slice(0, 600))).toThrow(UnexpectedBodyError);
    expect(() => parseAnnouncementFeed('<!DOCTYPE html><html><body>Not found<hr></body></html>')).toThrow(
      UnexpectedBodyError,
    );
    expect(() => parseAnnouncementFeed('')).toThrow(UnexpectedBodyError);
  });

  it('should throw UnexpectedBodyError for an RSS document without a channel', () => {
    expect(() => parseAnnouncementFeed('<rss version="2.0"/>')).toThrow(/<channel>/);
  });
});
