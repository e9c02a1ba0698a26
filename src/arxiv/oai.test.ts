import { describe, expect, it } from 'vitest';
import { createOaiListRecordsParser, parseOaiListRecords } from './oai.js';
import { ArxivApiError, UnexpectedBodyError, type OaiRecord } from './types.js';

const envelope = (body: string, verb = 'ListRecords'): string => `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <responseDate>2025-06-01T00:00:00Z</responseDate>
  <request verb="${verb}" metadataPrefix="arXiv">https://oaipmh.arxiv.org/oai</request>
  ${body}
</OAI-PMH>`;

const header = (id: string, extra = '') =>
  `<header${extra}><identifier>oai:arXiv.org:${id}</identifier><datestamp>2025-05-30</datestamp><setSpec>cs:cs:AI</setSpec><setSpec>cs:cs:LG</setSpec></header>`;

const arxivRecord = `<record>${header('2401.01234')}<metadata>
  <arXiv xmlns="http://arxiv.org/OAI/arXiv/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <id>2401.01234</id><created>2024-01-02</created><updated>2024-03-04</updated>
    <authors>
      <author><keyname>Lovelace</keyname><forenames>Ada</forenames></author>
      <author><keyname>van der Berg</keyname><forenames>Jan  Piet</forenames><suffix>Jr</suffix><affiliation>X</affiliation></author>
      <author><keyname>Collaboration ATLAS</keyname></author>
    </authors>
    <title>A Title
        Re-indented</title>
    <categories>cs.AI cs.LG stat.ML</categories>
    <comments>12 pages</comments><journal-ref>J. Foo 1 (2024)</journal-ref><doi>10.1000/abc</doi>
    <license>http://creativecommons.org/licenses/by/4.0/</license>
    <abstract>  First line
        second   line.
    </abstract>
  </arXiv></metadata></record>`;

const rawRecord = `<record>${header('cond-mat/0207270')}<metadata>
  <arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/">
    <id>cond-mat/0207270</id><submitter>A. Person</submitter>
    <version version="v1"><date>Thu, 11 Jul 2002 12:00:00 GMT</date><size>10kb</size><source_type>D</source_type></version>
    <version version="v3"><date>Fri, 6 Sep 2013 03:16:08 GMT</date><size>0kb</size></version>
    <version version="v2"><date>Mon, 2 Sep 2002 08:30:00 GMT</date><size>12kb</size></version>
    <title>Raw Title</title>
    <authors>K. Fritsch, R. D'Ortenzio (Univ. X), M. Ferreira Jr., and D.
        Venus</authors>
    <categories>cond-mat.str-el</categories>
    <abstract>Raw abstract.</abstract>
  </arXivRaw></metadata></record>`;

const dcRecord = `<record>${header('1303.2033')}<metadata>
  <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:title>Extended Fourier analysis of signals</dc:title>
    <dc:creator>Liepins, Vilnis</dc:creator>
    <dc:subject>Computer Science - Information Theory</dc:subject>
    <dc:description> The abstract. </dc:description>
    <dc:description>Comment: 32 pages, 9 figures</dc:description>
    <dc:date>2013-03-08</dc:date><dc:date>2024-01-23</dc:date>
    <dc:identifier>http://arxiv.org/abs/1303.2033</dc:identifier>
    <dc:identifier>doi:10.1000/dc</dc:identifier>
  </oai_dc:dc></metadata></record>`;

const deletedRecord = `<record>${header('2402.00002', ' status="deleted"')}</record>`;

describe('parseOaiListRecords', () => {
  it('should read the arXiv metadata format', () => {
    const { records } = parseOaiListRecords(envelope(`<ListRecords>${arxivRecord}</ListRecords>`));
    expect(records).toEqual([
      {
        header: { id: '2401.01234', datestamp: '2025-05-30', sets: ['cs:cs:AI', 'cs:cs:LG'], deleted: false },
        entry: {
          id: '2401.01234',
          version: null,
          title: 'A Title Re-indented',
          authors: ['Ada Lovelace', 'Jan Piet van der Berg Jr', 'Collaboration ATLAS'],
          abstract: 'First line second line.',
          categories: ['cs.AI', 'cs.LG', 'stat.ML'],
          comment: '12 pages',
          journalRef: 'J. Foo 1 (2024)',
          doi: '10.1000/abc',
          published: '2024-01-02',
          updated: '2024-03-04',
        },
      },
    ]);
  });

  it('should read arXivRaw versions, dates and the author string', () => {
    const { records } = parseOaiListRecords(envelope(`<ListRecords>${rawRecord}</ListRecords>`));
    expect(records[0]!.entry).toEqual({
      id: 'cond-mat/0207270',
      version: 3,
      title: 'Raw Title',
      authors: ['K. Fritsch', "R. D'Ortenzio", 'M. Ferreira Jr.', 'D. Venus'],
      abstract: 'Raw abstract.',
      categories: ['cond-mat.str-el'],
      comment: null,
      journalRef: null,
      doi: null,
      published: '2002-07-11T12:00:00Z',
      updated: '2013-09-06T03:16:08Z',
    });
  });

  it('should read what oai_dc carries', () => {
    const { records } = parseOaiListRecords(envelope(`<ListRecords>${dcRecord}</ListRecords>`));
    expect(records[0]!.entry).toEqual({
      id: '1303.2033',
      version: null,
      title: 'Extended Fourier analysis of signals',
      authors: ['Vilnis Liepins'],
      abstract: 'The abstract.',
      categories: [],
      comment: '32 pages, 9 figures',
      journalRef: null,
      doi: '10.1000/dc',
      published: '2013-03-08',
      updated: '2024-01-23',
    });
  });

  it('should give deleted records a header and no entry', () => {
    const { records } = parseOaiListRecords(envelope(`<ListRecords>${deletedRecord}</ListRecords>`));
    expect(records).toEqual([
      {
        header: { id: '2402.00002', datestamp: '2025-05-30', sets: ['cs:cs:AI', 'cs:cs:LG'], deleted: true },
        entry: null,
      },
    ]);
  });

  it('should read a legacy resumption token', () => {
    const xml = envelope(
      `<ListRecords>${arxivRecord}<resumptionToken cursor="0" completeListSize="1162">6960524|1001</resumptionToken></ListRecords>`,
    );
    expect(parseOaiListRecords(xml).token).toEqual({
      token: '6960524|1001',
      cursor: 0,
      completeListSize: 1162,
      expirationDate: null,
    });
  });

  it('should read a 2025 resumption token as sent, without decoding it', () => {
    const token = 'verb%3DListRecords%26metadataPrefix%3DarXiv%26skip%3D2500';
    const xml = envelope(
      `<ListRecords>${arxivRecord}<resumptionToken expirationDate="2025-06-02T00:00:00Z">${token}</resumptionToken></ListRecords>`,
    );
    expect(parseOaiListRecords(xml).token).toEqual({
      token,
      cursor: null,
      completeListSize: null,
      expirationDate: '2025-06-02T00:00:00Z',
    });
  });

  it('should end the list on an empty or absent resumption token', () => {
    expect(
      parseOaiListRecords(envelope(`<ListRecords>${arxivRecord}<resumptionToken/></ListRecords>`)).token,
    ).toBeNull();
    const legacyLast = `<ListRecords>${arxivRecord}<resumptionToken cursor="1000" completeListSize="1162"></resumptionToken></ListRecords>`;
    expect(parseOaiListRecords(envelope(legacyLast)).token).toBeNull();
    expect(parseOaiListRecords(envelope(`<ListRecords>${arxivRecord}</ListRecords>`)).token).toBeNull();
  });

  it('should take noRecordsMatch as an empty list', () => {
    const xml = envelope('<error code="noRecordsMatch">No records match</error>');
    expect(parseOaiListRecords(xml)).toEqual({ records: [], token: null });
  });

  it('should throw ArxivApiError with the code for other OAI errors', () => {
    const xml = envelope('<error code="badResumptionToken">noDataForResultSet - may have expired</error>');
    expect(() => parseOaiListRecords(xml)).toThrow(ArxivApiError);
    expect(() => parseOaiListRecords(xml)).toThrow('badResumptionToken: noDataForResultSet - may have expired');
    try {
      parseOaiListRecords(xml);
    } catch (e) {
      expect((e as ArxivApiError).code).toBe('badResumptionToken');
    }
  });

  it('should also read a GetRecord response', () => {
    const { records, token } = parseOaiListRecords(envelope(`<GetRecord>${rawRecord}</GetRecord>`, 'GetRecord'));
    expect(records.map((r) => r.header.id)).toEqual(['cond-mat/0207270']);
    expect(token).toBeNull();
  });

  it('should throw UnexpectedBodyError for truncated, HTML, empty and foreign bodies', () => {
    const whole = envelope(`<ListRecords>${arxivRecord}${rawRecord}</ListRecords>`);
    expect(() => parseOaiListRecords(whole.slice(0, whole.length - 40))).toThrow(UnexpectedBodyError);
    expect(() =>
      parseOaiListRecords('<html><head><title>503</title></head><body>Retry later<br></body></html>'),
    ).toThrow(UnexpectedBodyError);
    expect(() => parseOaiListRecords('')).toThrow(/empty body/);
    expect(() => parseOaiListRecords('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toThrow(
      /expected an OAI-PMH response/,
    );
    expect(() => parseOaiListRecords(envelope('<Identify/>'))).toThrow(/expected <ListRecords>/);
  });

  it('should throw UnexpectedBodyError for an unknown metadata format or identifier', () => {
    const other = `<record>${header('2401.01234')}<metadata><x xmlns="urn:other"/></metadata></record>`;
    expect(() => parseOaiListRecords(envelope(`<ListRecords>${other}</ListRecords>`))).toThrow(
      /unsupported metadata format/,
    );
    const badId = `<record><header><identifier>oai:example.org:1</identifier></header></record>`;
    expect(() => parseOaiListRecords(envelope(`<ListRecords>${badId}</ListRecords>`))).toThrow(/oai:arXiv.org:ID/);
  });
});

describe('createOaiListRecordsParser', () => {
  it('should deliver records as they complete whatever the chunking', () => {
    const xml = envelope(
      `<ListRecords>${arxivRecord}${deletedRecord}${rawRecord}${dcRecord}<resumptionToken cursor="0" completeListSize="4">1|5</resumptionToken></ListRecords>`,
    );
    const whole = parseOaiListRecords(xml);
    for (const size of [1, 7, 64]) {
      const records: OaiRecord[] = [];
      const parser = createOaiListRecordsParser({ onRecord: (r) => records.push(r) });
      for (let i = 0; i < xml.length; i += size) parser.write(xml.slice(i, i + size));
      expect({ records, token: parser.close().token }).toEqual(whole);
    }
    expect(whole.records.map((r) => r.header.id)).toEqual([
      '2401.01234',
      '2402.00002',
      'cond-mat/0207270',
      '1303.2033',
    ]);
  });

  it('should report an OAI error as soon as it is read', () => {
    const parser = createOaiListRecordsParser({ onRecord: () => {} });
    expect(() => parser.write(envelope('<error code="badArgument">bad from</error>'))).toThrow(ArxivApiError);
  });
});
