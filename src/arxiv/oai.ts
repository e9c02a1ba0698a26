/**
 * OAI-PMH `ListRecords` pages (also `GetRecord`) → OaiRecord callbacks and the resumption token,
 * streamed: only each `<record>`, `<resumptionToken>` and `<error>` subtree is materialised, so
 * a page of thousands of records is read with flat memory. Metadata formats `arXiv`, `arXivRaw`
 * and (partly) `oai_dc` are read; see arxiv.md §2 and the XSDs in fixtures/arxiv/schemas/.
 *
 * Whitespace: titles, comments, journal refs and abstracts are whitespace-collapsed, because
 * OAI text is hard-wrapped and harvested copies are often re-indented.
 */
import { parseArxivId } from '../core/arxiv-id.js';
import {
  ArxivApiError,
  UnexpectedBodyError,
  type ArxivEntry,
  type OaiHeader,
  type OaiRecord,
  type ResumptionToken,
} from './types.js';
import {
  child,
  children,
  collapseWhitespace,
  createXmlSubtreeStream,
  describeElement,
  optionalText,
  rfc822ToIso,
  splitAuthorList,
  textOf,
  uniqueNonEmpty,
  type XmlNode,
} from './xml.js';

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const ARXIV_NS = 'http://arxiv.org/OAI/arXiv/';
const ARXIV_RAW_NS = 'http://arxiv.org/OAI/arXivRaw/';
const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

export interface OaiListRecordsParser {
  write(chunk: string): void;
  /** Ends the page; `token` null means the list is complete. */
  close(): { token: ResumptionToken | null };
}

/**
 * Streams one ListRecords page. OAI `<error>`s: `noRecordsMatch` is an empty list; any other code
 * throws ArxivApiError(message, code) as soon as it is read.
 */
export function createOaiListRecordsParser(handlers: { onRecord(record: OaiRecord): void }): OaiListRecordsParser {
  let sawResult = false;
  let token: ResumptionToken | null = null;
  const stream = createXmlSubtreeStream({
    select(uri, local, depth) {
      if (depth === 0) {
        if (uri !== OAI_NS || local !== 'OAI-PMH') {
          throw new UnexpectedBodyError(`expected an OAI-PMH response, got ${describeElement({ uri, local })}`);
        }
        return false;
      }
      if (uri !== OAI_NS) return false;
      if (depth === 1) {
        if (local === 'ListRecords' || local === 'GetRecord') sawResult = true;
        return local === 'error';
      }
      return depth === 2 && (local === 'record' || local === 'resumptionToken');
    },
    onSubtree(node) {
      if (node.local === 'record') handlers.onRecord(parseRecord(node));
      else if (node.local === 'resumptionToken') token = parseResumptionToken(node);
      else if (node.local === 'error') {
        const code = node.attrs.code ?? '';
        if (code === 'noRecordsMatch') sawResult = true;
        else throw new ArxivApiError(`arXiv OAI-PMH error ${code}: ${collapseWhitespace(node.text)}`, code || null);
      }
    },
  });
  return {
    write: (chunk) => stream.write(chunk),
    close() {
      stream.close();
      if (!sawResult) {
        throw new UnexpectedBodyError('expected <ListRecords>, <GetRecord> or an <error> in the OAI-PMH response');
      }
      return { token };
    },
  };
}

/** The whole page at once (small pages, tests). */
export function parseOaiListRecords(xml: string): { records: OaiRecord[]; token: ResumptionToken | null } {
  const records: OaiRecord[] = [];
  const parser = createOaiListRecordsParser({ onRecord: (r) => records.push(r) });
  parser.write(xml);
  return { records, token: parser.close().token };
}

/**
 * Legacy tokens are `6960524|1001` with cursor and completeListSize; 2025 tokens are url-quoted
 * request parameters with `skip=N` and an expirationDate but no cursor. Both are returned as
 * sent, to be passed back verbatim. An empty element ends the list.
 */
function parseResumptionToken(node: XmlNode): ResumptionToken | null {
  const token = node.text.trim();
  if (token === '') return null;
  return {
    token,
    cursor: integerAttr(node, 'cursor'),
    completeListSize: integerAttr(node, 'completeListSize'),
    expirationDate: optionalText(node.attrs.expirationDate),
  };
}

function integerAttr(node: XmlNode, name: string): number | null {
  const value = node.attrs[name]?.trim();
  if (value === undefined || value === '') return null;
  if (!/^\d+$/.test(value)) {
    throw new UnexpectedBodyError(`expected a number in resumptionToken ${name}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

function parseRecord(node: XmlNode): OaiRecord {
  const header = parseHeader(node);
  if (header.deleted) return { header, entry: null };
  const metadata = child(node, OAI_NS, 'metadata')?.children[0];
  const where = `OAI record ${header.id}`;
  if (metadata === undefined) throw new UnexpectedBodyError(`${where}: expected <metadata>`);
  const read = METADATA_READERS.find((r) => r.uri === metadata.uri && r.local === metadata.local)?.read;
  if (read === undefined) {
    throw new UnexpectedBodyError(`${where}: unsupported metadata format ${describeElement(metadata)}`);
  }
  return { header, entry: read(metadata, header) };
}

function parseHeader(record: XmlNode): OaiHeader {
  const header = child(record, OAI_NS, 'header');
  if (header === undefined) throw new UnexpectedBodyError('OAI record without <header>');
  const identifier = (textOf(header, OAI_NS, 'identifier') ?? '').trim();
  const parsed = parseArxivId(identifier.replace(/^oai:arXiv\.org:/i, ''));
  if (parsed === null) {
    throw new UnexpectedBodyError(
      `OAI record header: expected an identifier like oai:arXiv.org:ID, got ${JSON.stringify(identifier)}`,
    );
  }
  return {
    id: parsed.id,
    datestamp: (textOf(header, OAI_NS, 'datestamp') ?? '').trim(),
    sets: children(header, OAI_NS, 'setSpec').map((s) => s.text.trim()),
    deleted: header.attrs.status === 'deleted',
  };
}

/** The metadata's own `<id>` when it is a valid arXiv id, else the header's. */
function metadataId(metadata: XmlNode, uri: string, header: OaiHeader): string {
  const own = textOf(metadata, uri, 'id');
  return (own === null ? null : parseArxivId(own)?.id) ?? header.id;
}

/** Fields named alike in `arXiv` and `arXivRaw`. */
function commonFields(
  m: XmlNode,
  uri: string,
): Pick<ArxivEntry, 'title' | 'abstract' | 'categories' | 'comment' | 'journalRef' | 'doi'> {
  return {
    title: collapseWhitespace(textOf(m, uri, 'title') ?? ''),
    abstract: collapseWhitespace(textOf(m, uri, 'abstract') ?? ''),
    categories: uniqueNonEmpty((textOf(m, uri, 'categories') ?? '').trim().split(/\s+/)),
    comment: optionalText(textOf(m, uri, 'comments')),
    journalRef: optionalText(textOf(m, uri, 'journal-ref')),
    doi: optionalText(textOf(m, uri, 'doi')),
  };
}

/** `arXiv` format: split author names, `created` (v1) and `updated` (latest, if revised) dates. */
function fromArxiv(m: XmlNode, header: OaiHeader): ArxivEntry {
  const authorList = child(m, ARXIV_NS, 'authors');
  const authors = (authorList === undefined ? [] : children(authorList, ARXIV_NS, 'author')).map((a) =>
    collapseWhitespace(['forenames', 'keyname', 'suffix'].map((part) => textOf(a, ARXIV_NS, part) ?? '').join(' ')),
  );
  const created = optionalText(textOf(m, ARXIV_NS, 'created'));
  return {
    id: metadataId(m, ARXIV_NS, header),
    version: null,
    authors: authors.filter((name) => name !== ''),
    ...commonFields(m, ARXIV_NS),
    published: created,
    // Without revisions there is no <updated>: the latest version is v1.
    updated: optionalText(textOf(m, ARXIV_NS, 'updated')) ?? created,
  };
}

/** `arXivRaw`: one author string, and `<version version="vN"><date>RFC 822</date>` per version. */
function fromArxivRaw(m: XmlNode, header: OaiHeader): ArxivEntry {
  const versions = children(m, ARXIV_RAW_NS, 'version')
    .map((v) => ({
      n: Number(/^v(\d+)$/.exec((v.attrs.version ?? '').trim())?.[1] ?? NaN),
      date: rfc822ToIso(textOf(v, ARXIV_RAW_NS, 'date') ?? ''),
    }))
    .filter((v) => Number.isInteger(v.n))
    .sort((a, b) => a.n - b.n);
  const first = versions[0];
  const latest = versions[versions.length - 1];
  return {
    id: metadataId(m, ARXIV_RAW_NS, header),
    version: latest?.n ?? null,
    authors: splitAuthorList(textOf(m, ARXIV_RAW_NS, 'authors') ?? ''),
    ...commonFields(m, ARXIV_RAW_NS),
    published: first?.date ?? null,
    updated: latest?.date ?? null,
  };
}

/**
 * `oai_dc` carries less: creators as "Keyname, Forenames", category *names* rather than codes (so
 * categories stay empty), the abstract plus a "Comment: …" description, v1 and latest dates.
 */
function fromOaiDc(m: XmlNode, header: OaiHeader): ArxivEntry {
  const descriptions = children(m, DC_NS, 'description').map((d) => collapseWhitespace(d.text));
  const comment = descriptions.find((d) => d.startsWith('Comment:'));
  const dates = children(m, DC_NS, 'date')
    .map((d) => d.text.trim())
    .filter((d) => d !== '');
  const doi = children(m, DC_NS, 'identifier')
    .map((i) => /^doi:\s*(\S+)/i.exec(i.text.trim())?.[1])
    .find((d) => d !== undefined);
  return {
    id: header.id,
    version: null,
    title: collapseWhitespace(textOf(m, DC_NS, 'title') ?? ''),
    authors: children(m, DC_NS, 'creator')
      .map((c) => dcCreatorName(c.text))
      .filter((name) => name !== ''),
    abstract: descriptions.find((d) => !d.startsWith('Comment:')) ?? '',
    categories: [],
    comment: comment === undefined ? null : optionalText(comment.slice('Comment:'.length)),
    journalRef: null,
    doi: doi ?? null,
    published: dates[0] ?? null,
    updated: dates[dates.length - 1] ?? null,
  };
}

/** `Liepins, Vilnis` → `Vilnis Liepins`; `Smith, John, Jr` → `John Smith Jr`. */
function dcCreatorName(text: string): string {
  const [keyname = '', forenames = '', ...rest] = text.split(',').map(collapseWhitespace);
  return collapseWhitespace([forenames, keyname, ...rest].join(' '));
}

/** The metadata formats read, by the namespace and name of their root element. */
const METADATA_READERS: { uri: string; local: string; read: (m: XmlNode, header: OaiHeader) => ArxivEntry }[] = [
  { uri: ARXIV_NS, local: 'arXiv', read: fromArxiv },
  { uri: ARXIV_RAW_NS, local: 'arXivRaw', read: fromArxivRaw },
  { uri: OAI_DC_NS, local: 'dc', read: fromOaiDc },
];
