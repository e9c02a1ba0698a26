import { describe, expect, it } from 'vitest';
import { UnexpectedBodyError } from './types.js';
import {
  child,
  children,
  createXmlSubtreeStream,
  isoToUtc,
  parseXmlDocument,
  rfc822CalendarDate,
  rfc822ToIso,
  splitAuthorList,
  textOf,
  type XmlNode,
} from './xml.js';

const A = 'urn:a';
const B = 'urn:b';

describe('parseXmlDocument', () => {
  it('should identify elements by namespace URI and local name whatever the prefix', () => {
    const root = parseXmlDocument(
      `<r xmlns="${A}"><x:item xmlns:x="${B}">one</x:item><y:item xmlns:y="${B}">two</y:item><item>three</item></r>`,
    );
    expect(root).toMatchObject({ uri: A, local: 'r' });
    expect(children(root, B, 'item').map((n) => n.text)).toEqual(['one', 'two']);
    expect(textOf(root, A, 'item')).toBe('three');
    expect(child(root, B, 'missing')).toBeUndefined();
    expect(textOf(root, B, 'missing')).toBeNull();
  });

  it('should key attributes by local name and leave out namespace declarations', () => {
    const root = parseXmlDocument(`<r xmlns="${A}" xmlns:b="${B}" b:term="cs.AI" scheme="s" xml:lang="en"/>`);
    expect(root.attrs).toEqual({ term: 'cs.AI', scheme: 's', lang: 'en' });
  });

  it('should concatenate direct text and CDATA and decode entities', () => {
    const root = parseXmlDocument('<r>a &amp; <![CDATA[<b>]]> c<i>inner</i> d</r>');
    expect(root.text).toBe('a & <b> c d');
    expect(root.children[0]!.text).toBe('inner');
  });

  it('should throw UnexpectedBodyError with the position for a truncated body', () => {
    const run = () => parseXmlDocument('<feed xmlns="urn:a">\n  <entry><title>Cut');
    expect(run).toThrow(UnexpectedBodyError);
    expect(run).toThrow(/line 2, column \d+: unclosed tag/);
    expect(run).toThrow(/expected a complete, well-formed XML document/);
  });

  it('should throw UnexpectedBodyError for an HTML error page', () => {
    const html =
      '<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>502</title></head><body>Bad gateway</body></html>';
    expect(() => parseXmlDocument(html)).toThrow(UnexpectedBodyError);
    expect(() => parseXmlDocument(html)).toThrow(/<html> document at line 2/);
  });

  it('should throw UnexpectedBodyError for plain text and for empty bodies', () => {
    expect(() => parseXmlDocument('Rate exceeded.')).toThrow(UnexpectedBodyError);
    expect(() => parseXmlDocument('')).toThrow(/empty body/);
    expect(() => parseXmlDocument('  \n ')).toThrow(/empty body/);
    expect(() => parseXmlDocument('<?xml version="1.0"?>')).toThrow(UnexpectedBodyError);
  });

  it('should reject undefined entities and unbound prefixes', () => {
    expect(() => parseXmlDocument('<r>&nbsp;</r>')).toThrow(UnexpectedBodyError);
    expect(() => parseXmlDocument('<r><p:x/></r>')).toThrow(UnexpectedBodyError);
  });
});

describe('createXmlSubtreeStream', () => {
  const doc = `<?xml version="1.0"?><root xmlns="${A}"><skip><item>no</item></skip>
    <item n="1">first<sub>s</sub></item><item n="2"><![CDATA[second]]></item><end/></root>`;

  const collect = (chunks: string[]): { nodes: XmlNode[]; seen: string[] } => {
    const nodes: XmlNode[] = [];
    const seen: string[] = [];
    const stream = createXmlSubtreeStream({
      select: (uri, local, depth) => {
        seen.push(`${depth}:${local}`);
        return uri === A && local === 'item' && depth === 1;
      },
      onSubtree: (node) => nodes.push(node),
    });
    for (const c of chunks) stream.write(c);
    stream.close();
    return { nodes, seen };
  };

  it('should build only the selected subtrees and ask about every other element', () => {
    const { nodes, seen } = collect([doc]);
    expect(nodes.map((n) => [n.attrs.n, n.text, n.children.map((c) => c.text)])).toEqual([
      ['1', 'first', ['s']],
      ['2', 'second', []],
    ]);
    // Descendants of selected subtrees are built without asking; the rest is asked once each.
    expect(seen).toEqual(['0:root', '1:skip', '2:item', '1:item', '1:item', '1:end']);
  });

  it('should give the same result whatever the chunk boundaries', () => {
    const whole = collect([doc]).nodes;
    expect(collect([...doc]).nodes).toEqual(whole);
    expect(collect([doc.slice(0, 77), doc.slice(77, 80), doc.slice(80)]).nodes).toEqual(whole);
  });

  it('should let select reject the document at its root', () => {
    const stream = createXmlSubtreeStream({
      select: (_uri, local) => {
        throw new UnexpectedBodyError(`not ${local}`);
      },
      onSubtree: () => {},
    });
    expect(() => stream.write('<html>')).toThrow('not html');
  });

  it('should stay failed after an error', () => {
    const stream = createXmlSubtreeStream({ select: () => false, onSubtree: () => {} });
    expect(() => stream.write('<a></b>')).toThrow(UnexpectedBodyError);
    expect(() => stream.write('</a>')).toThrow(UnexpectedBodyError);
    expect(() => stream.close()).toThrow(UnexpectedBodyError);
  });

  it('should report a body cut in the middle only at close', () => {
    const stream = createXmlSubtreeStream({ select: () => true, onSubtree: () => {} });
    stream.write('<root><item>partial');
    expect(() => stream.close()).toThrow(/unclosed tag/);
  });
});

describe('splitAuthorList', () => {
  it('should split on commas and "and", with or without an Oxford comma', () => {
    expect(splitAuthorList('A. One, B. Two and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
    expect(splitAuthorList('A. One, B. Two, and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
    expect(splitAuthorList('A. One and B. Two and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
  });

  it('should keep suffixes with their name and collapse re-wrapped whitespace', () => {
    expect(splitAuthorList('Manoel M. Ferreira Jr., Ana\n      Mota')).toEqual(['Manoel M. Ferreira Jr.', 'Ana Mota']);
    expect(splitAuthorList('John Smith, Jr., Jane Doe, III Kings, Xi')).toEqual([
      'John Smith Jr.',
      'Jane Doe',
      'III Kings',
      'Xi',
    ]);
  });

  it('should drop parenthesised affiliations and not split inside them', () => {
    expect(splitAuthorList('Servane Gey (MAP5)')).toEqual(['Servane Gey']);
    expect(
      splitAuthorList('M. Bilicki (1,2), J. Peacock (3) and L. Steward (1) ((1) Cape Town, (2) Zielona Gora)'),
    ).toEqual(['M. Bilicki', 'J. Peacock', 'L. Steward']);
    expect(splitAuthorList('F. Etayo (Cantabria and Leon) and R. Santamaria')).toEqual(['F. Etayo', 'R. Santamaria']);
  });

  it('should keep names that merely contain "and"', () => {
    expect(splitAuthorList('Sandra Anderson, Alexander Andrews')).toEqual(['Sandra Anderson', 'Alexander Andrews']);
    expect(splitAuthorList('')).toEqual([]);
  });
});

describe('dates', () => {
  it('should read an RFC 822 date as the calendar date of its own offset', () => {
    expect(rfc822CalendarDate('Thu, 24 Sep 2026 00:00:00 -0400')).toBe('2026-09-24');
    expect(rfc822CalendarDate('Mon, 07 Dec 2026 00:00:00 -0500')).toBe('2026-12-07');
    expect(rfc822CalendarDate('Fri, 6 Sep 2013 03:16:08 GMT')).toBe('2013-09-06');
    expect(rfc822CalendarDate('31 Feb 2026 00:00:00 GMT')).toBeNull();
    expect(rfc822CalendarDate('yesterday')).toBeNull();
  });

  it('should convert RFC 822 and ISO date-times to UTC instants', () => {
    expect(rfc822ToIso('Thu, 24 Sep 2026 00:00:00 -0400')).toBe('2026-09-24T04:00:00Z');
    expect(rfc822ToIso('Mon, 07 Dec 2026 00:00:00 -0500')).toBe('2026-12-07T05:00:00Z');
    expect(rfc822ToIso('Mon, 14 Apr 2008 21:02:00 GMT')).toBe('2008-04-14T21:02:00Z');
    expect(isoToUtc('2026-09-25T04:00:11.600500+00:00')).toBe('2026-09-25T04:00:11Z');
    expect(isoToUtc('2026-09-25T00:00:00-04:00')).toBe('2026-09-25T04:00:00Z');
    expect(isoToUtc('25 Sep 2026')).toBeNull();
  });
});
