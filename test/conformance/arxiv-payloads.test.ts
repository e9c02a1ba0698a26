/**
 * Every real arXiv payload in ../shared/fixtures/arxiv (read in place, never copied) goes through
 * its parser with real field values checked: three generations of the API's Atom, OAI-PMH pages
 * in three metadata formats, both announcement feed variants and a listing page. A payload file
 * without an entry in the table below fails the suite, so new samples cannot go untested.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseApiFeed } from '../../src/arxiv/atom.js';
import { parseAnnouncementFeed } from '../../src/arxiv/feed.js';
import { parseListingPage } from '../../src/arxiv/listing.js';
import { createOaiListRecordsParser, parseOaiListRecords } from '../../src/arxiv/oai.js';
import { ArxivApiError, type ArxivEntry, type OaiRecord } from '../../src/arxiv/types.js';

const FIXTURES =
  process.env.ARXIV_DIGEST_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const ARXIV = join(FIXTURES, 'arxiv');
const read = (name: string): string => readFileSync(join(ARXIV, name), 'utf8');

const api = (name: string) => parseApiFeed(read(name));
const byId = (entries: ArxivEntry[], id: string): ArxivEntry => {
  const entry = entries.find((e) => e.id === id);
  if (entry === undefined) throw new Error(`no entry ${id}`);
  return entry;
};
const oai = (name: string) => parseOaiListRecords(read(name));
const recordById = (records: OaiRecord[], id: string): ArxivEntry => {
  const entry = records.find((r) => r.header.id === id)?.entry;
  if (entry == null) throw new Error(`no record ${id}`);
  return entry;
};

/** One check per payload file, keyed by file name. */
const payloads: Record<string, () => void> = {
  // --- API, legacy (2025-08): namespaces redeclared per element, hard-wrapped text
  'api-query-legacy-2025-08-search-electron-proton-10-entries.xml': () => {
    const feed = api('api-query-legacy-2025-08-search-electron-proton-10-entries.xml');
    expect(feed).toMatchObject({ totalResults: 7370, startIndex: 0, itemsPerPage: 10 });
    expect(feed.entries).toHaveLength(10);
    expect(feed.entries[0]).toMatchObject({
      id: 'astro-ph/9904306',
      version: 1,
      title: 'Improved scenario of baryogenesis',
      authors: ['D. L. Khokhlov'],
      categories: ['astro-ph'],
      comment: '3 pages LaTeX',
      published: '1999-04-22T15:54:59Z',
    });
    const prelc = byId(feed.entries, 'hep-ph/9411242');
    expect(prelc.title).toBe(
      'Proton-ring and Electron-linac Collider (PRELC) as a (first) TeV-rangeelectron-proton or photon-proton collider',
    );
    expect(prelc.authors).toEqual(['Raimo Vuopionperä']);
    // Trimmed, but the legacy hard wrap inside is kept as sent.
    expect(prelc.abstract).toMatch(
      /^The use of the existing proton storage rings combined with electron linear\naccelerator as/,
    );
    expect(byId(feed.entries, '1706.01836')).toMatchObject({
      version: 2,
      doi: '10.1063/1.4996038',
      published: '2017-06-06T16:12:51Z',
      updated: '2017-09-24T14:21:38Z',
      categories: ['physics.chem-ph'],
    });
    expect(byId(feed.entries, '1403.6944').authors).toContain('H. Mäntysaari');
  },
  'api-query-legacy-2025-08-idlist-empty-result.xml': () => {
    // Legacy quirk: totalResults counts an id that is not there.
    expect(api('api-query-legacy-2025-08-idlist-empty-result.xml')).toEqual({
      totalResults: 1,
      startIndex: 0,
      itemsPerPage: 10,
      entries: [],
    });
  },
  'api-query-legacy-2025-08-idlist-partial-missing.xml': () => {
    const feed = api('api-query-legacy-2025-08-idlist-partial-missing.xml');
    expect(feed.totalResults).toBe(4);
    expect(feed.entries.map((e) => e.id)).toEqual(['2201.13452']);
    expect(feed.entries[0]).toMatchObject({
      version: 1,
      title: 'Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease',
      authors: ['Hong-Ming Yin', 'Jun Zou'],
      categories: ['math.AP', '35'],
      comment: '34 pages',
      journalRef: null,
      doi: null,
    });
  },
  'api-query-legacy-2025-08-search-cat-math.CA-AND-ti-diffuse.xml': () => {
    const feed = api('api-query-legacy-2025-08-search-cat-math.CA-AND-ti-diffuse.xml');
    expect(feed.totalResults).toBe(96);
    expect(feed.entries).toHaveLength(10);
    expect(byId(feed.entries, '1005.2786')).toMatchObject({
      doi: '10.1088/0951-7715/23/10/006',
      journalRef: 'Nonlinearity 23 (2010) 2457-2481',
      categories: ['math.CA', '35K57, 35R10 (Primary), 92D25 (Secondary)'],
    });
    expect(byId(feed.entries, '1711.09634').authors[0]).toBe('María Crespo');
    expect(byId(feed.entries, '0802.0463').authors).toContain('Peter Sjögren');
  },

  // --- API, 2025-11: links without rel/title
  'api-query-2025-11-search-electron-proton-10-entries.xml': () => {
    const feed = api('api-query-2025-11-search-electron-proton-10-entries.xml');
    expect(feed).toMatchObject({ totalResults: 7432, startIndex: 0, itemsPerPage: 10 });
    expect(feed.entries).toHaveLength(10);
    expect(feed.entries[0]).toMatchObject({
      id: 'nucl-ex/0408020',
      version: 1,
      categories: ['nucl-ex', 'hep-ph'],
      published: '2004-08-18T23:13:32Z',
      updated: '2005-09-17T15:04:24Z',
    });
    expect(feed.entries[0]!.authors).toHaveLength(9);
    expect(byId(feed.entries, '1309.4668')).toMatchObject({
      doi: '10.5170/CERN-2013-002.237',
      journalRef: 'CERN Yellow Report CERN-2013-002, pp.237-240',
    });
    expect(byId(feed.entries, '1205.6628').authors).toContain('Ulf-G. Meißner');
    expect(feed.entries.filter((e) => e.doi !== null)).toHaveLength(7);
  },
  'api-query-2025-11-idlist-empty-result.xml': () => {
    expect(api('api-query-2025-11-idlist-empty-result.xml')).toEqual({
      totalResults: 0,
      startIndex: 0,
      itemsPerPage: 10,
      entries: [],
    });
  },
  'api-query-2025-11-idlist-partial-missing.xml': () => {
    const feed = api('api-query-2025-11-idlist-partial-missing.xml');
    expect(feed.totalResults).toBe(1);
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]).toMatchObject({
      id: '2201.13452',
      version: 1,
      categories: ['math.AP'],
      updated: '2022-02-01T04:27:03Z',
    });
  },
  'api-query-2025-11-search-cat-math.CA-AND-ti-diffuse.xml': () => {
    const feed = api('api-query-2025-11-search-cat-math.CA-AND-ti-diffuse.xml');
    expect(feed.totalResults).toBe(100);
    expect(feed.entries.map((e) => e.id).slice(0, 3)).toEqual(['1506.07840', '2311.05385', '1810.03952']);
    expect(byId(feed.entries, '2311.05385')).toMatchObject({ version: 2, categories: ['math.AP', 'math.CA'] });
    expect(byId(feed.entries, '2311.05385').authors[0]).toBe('Eduardo Muñoz-Hernández');
    expect(byId(feed.entries, '1209.0245')).toMatchObject({ version: 3, doi: '10.1016/j.acha.2013.03.001' });
    expect(byId(feed.entries, 'math/0702122').categories).toEqual(['math.SP', 'math.CA']);
  },

  // --- API, 2026: changed element order, rel/title back
  'api-query-2026-04-search-testing-start0-max10.xml': () => {
    const feed = api('api-query-2026-04-search-testing-start0-max10.xml');
    expect(feed).toMatchObject({ totalResults: 214881, startIndex: 0, itemsPerPage: 10 });
    expect(feed.entries).toHaveLength(10);
    expect(feed.entries[0]).toMatchObject({
      id: '2202.12139',
      version: 1,
      title: 'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
      categories: ['cs.SE', 'cs.LG'],
      doi: '10.1109/ICSTW55395.2022.00035',
    });
    expect(byId(feed.entries, '2405.13786').authors).toEqual([
      'Aurora Ramírez',
      'Mario Berrios',
      'José Raúl Romero',
      'Robert Feldt',
    ]);
    expect(byId(feed.entries, '2302.03287').title).toBe('ChatGPT and Software Testing Education: Promises & Perils');
  },
  'api-query-2026-04-search-testing-start10-max10.xml': () => {
    const second = api('api-query-2026-04-search-testing-start10-max10.xml');
    expect(second).toMatchObject({ totalResults: 214881, startIndex: 10, itemsPerPage: 10 });
    expect(second.entries[0]).toMatchObject({
      id: '2403.16981',
      version: 2,
      categories: ['math.ST', 'cs.IT', 'stat.ML'],
    });
    expect(byId(second.entries, '2202.06271').authors[0]).toBe('Katharina Götz');
    // The paging pair does not overlap.
    const first = new Set(api('api-query-2026-04-search-testing-start0-max10.xml').entries.map((e) => e.id));
    expect(second.entries.filter((e) => first.has(e.id))).toEqual([]);
  },
  'api-query-2026-04-search-testing-start0-max100.xml': () => {
    const feed = api('api-query-2026-04-search-testing-start0-max100.xml');
    expect(feed).toMatchObject({ totalResults: 214881, startIndex: 0, itemsPerPage: 100 });
    expect(feed.entries).toHaveLength(100);
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(100);
    const pages = ['start0-max10', 'start10-max10'].flatMap((p) =>
      api(`api-query-2026-04-search-testing-${p}.xml`).entries.map((e) => e.id),
    );
    expect(feed.entries.slice(0, 20).map((e) => e.id)).toEqual(pages);
    expect(feed.entries.every((e) => e.title !== '' && e.categories.length > 0 && e.version !== null)).toBe(true);
  },
  'api-query-2026-04-error-400-incorrect-id-format.xml': () => {
    const run = () => api('api-query-2026-04-error-400-incorrect-id-format.xml');
    expect(run).toThrow(ArxivApiError);
    expect(run).toThrow(/^incorrect id format for abc$/);
  },
  'api-query-2026-04-idlist-empty-result.xml': () => {
    expect(api('api-query-2026-04-idlist-empty-result.xml')).toEqual({
      totalResults: 0,
      startIndex: 0,
      itemsPerPage: 100,
      entries: [],
    });
  },
  'api-query-2026-04-idlist-single.xml': () => {
    expect(api('api-query-2026-04-idlist-single.xml').entries).toEqual([
      expect.objectContaining({
        id: '1605.08386',
        version: 1,
        title: 'Heat-bath random walks with Markov bases',
        authors: ['Caprice Stanley', 'Tobias Windisch'],
        categories: ['math.CO', 'math.ST'],
        comment: '20 pages, 3 figures',
        journalRef: null,
        doi: null,
        published: '2016-05-26T17:59:46Z',
      }),
    ]);
  },
  'api-query-2026-04-idlist-two-ids-one-missing.xml': () => {
    const feed = api('api-query-2026-04-idlist-two-ids-one-missing.xml');
    expect(feed.totalResults).toBe(1);
    expect(feed.entries.map((e) => e.id)).toEqual(['1707.08567']);
    expect(feed.entries[0]!.authors).toHaveLength(34);
    expect(feed.entries[0]!.authors).toContain('Dirk Wübben');
    expect(feed.entries[0]!.categories).toEqual(['cs.IT']);
  },
  'api-query-2026-04-idlist-title-zero.xml': () => {
    const [entry] = api('api-query-2026-04-idlist-title-zero.xml').entries;
    expect(entry).toMatchObject({ id: '2104.12255', version: 1, title: '0', categories: ['cs.CR'] });
    expect(entry!.authors).toEqual(['Quan Thoi Minh Nguyen']);
  },
  'api-query-2026-04-idlist-old-style-versioned.xml': () => {
    expect(api('api-query-2026-04-idlist-old-style-versioned.xml').entries[0]).toMatchObject({
      id: 'quant-ph/0201082',
      version: 1,
      categories: ['quant-ph', 'cs.PL'],
      authors: ['Stephen Blaha'],
      comment: '32 pages',
    });
  },
  'api-query-2026-05-idlist-old-style-id.xml': () => {
    expect(api('api-query-2026-05-idlist-old-style-id.xml').entries).toEqual([
      expect.objectContaining({
        id: 'astro-ph/0601001',
        version: 1,
        categories: ['astro-ph'],
        journalRef: 'ActaAstron.56:1-50,2006',
        authors: ['Andrew Gould', 'Susan Dorsher', 'B. Scott Gaudi', 'Andrzej Udalski'],
      }),
    ]);
  },

  // --- OAI-PMH
  'oai-listrecords-legacy-2024-01-oai_dc-set-cs-5-records.xml': () => {
    const { records, token } = oai('oai-listrecords-legacy-2024-01-oai_dc-set-cs-5-records.xml');
    expect(token).toEqual({ token: '6960524|1001', cursor: 0, completeListSize: 1162, expirationDate: null });
    expect(records.map((r) => r.header.id)).toEqual([
      '1303.2033',
      '2401.14034',
      '2401.14036',
      '2401.14038',
      '2401.14040',
    ]);
    expect(records[0]!.header).toEqual({ id: '1303.2033', datestamp: '2024-01-25', sets: ['cs'], deleted: false });
    expect(records[0]!.entry).toMatchObject({
      title: 'Extended Fourier analysis of signals',
      authors: ['Vilnis Liepins'],
      comment: '32 pages, 9 figures',
      published: '2013-03-08',
      updated: '2024-01-23',
    });
    expect(records[0]!.entry!.abstract).toMatch(/^This summary of the doctoral thesis .* real alternative\.$/);
    expect(recordById(records, '2401.14034').authors).toHaveLength(6);
    const hadis = recordById(records, '2401.14038');
    expect(hadis).toMatchObject({
      title: 'Deep Clustering with Diffused Sampling and Hardness-aware Self-distillation',
      authors: ['Hai-Xin Zhang', 'Dong Huang'],
      comment: null,
      categories: [],
    });
    expect(hadis.abstract).toMatch(/^Deep clustering has gained .* https:\/\/github\.com\/Regan-Zhang\/HaDis\.$/);
    expect(recordById(records, '2401.14040').title).toBe(
      '(Chat)GPT v BERT: Dawn of Justice for Semantic Change Detection',
    );
  },
  'oai-listrecords-legacy-2016-10-arXivRaw-reindented.xml': () => {
    const text = read('oai-listrecords-legacy-2016-10-arXivRaw-reindented.xml');
    const records: OaiRecord[] = [];
    const parser = createOaiListRecordsParser({ onRecord: (r) => records.push(r) });
    for (let i = 0; i < text.length; i += 64 * 1024) parser.write(text.slice(i, i + 64 * 1024));
    const { token } = parser.close();
    expect(token).toEqual({ token: '1403493|1001', cursor: 0, completeListSize: 1440, expirationDate: null });
    expect(records).toHaveLength(387);
    expect(records.every((r) => !r.header.deleted && r.entry !== null && r.entry.version !== null)).toBe(true);
    expect(records.filter((r) => r.entry?.doi != null)).toHaveLength(163);
    expect(records.filter((r) => r.entry?.journalRef != null)).toHaveLength(157);
    expect(records[0]!.entry).toMatchObject({
      id: '0803.4354',
      version: 6,
      title: 'A O(n^8) X O(n^7) Linear Programming Model of the Traveling Salesman Problem',
      authors: ['Moustapha Diaby'],
      categories: ['cs.DM'],
      published: '2008-03-30T23:26:50Z',
      updated: '2016-10-20T16:58:38Z',
    });
    expect(records[0]!.entry!.abstract).toMatch(
      /^In this paper, we present a new linear programming \(LP\) formulation of the Traveling/,
    );
    expect(records[0]!.entry!.abstract).not.toMatch(/\s{2}|\n/);
    expect(records[387 - 1]!.entry).toMatchObject({
      id: '1606.07946',
      journalRef: 'J. Number Theory 172 (2017) 1-20',
      categories: ['math.NT'],
    });
    expect(records.find((r) => r.entry?.doi === '10.1103/PhysRevB.94.161404')?.entry?.journalRef).toBe(
      'Phys. Rev. B 94, 161404(R) (2016)',
    );
    expect(records.find((r) => r.header.id === '0910.4952')?.header.sets).toEqual(['physics:quant-ph']);
    expect(recordById(records, '1509.04989').authors).toEqual([
      'Rodolfo Casana',
      'Manoel M. Ferreira Jr.',
      'Alexsandro Lucena Mota',
    ]);
    expect(recordById(records, '1408.0799').authors).toEqual([
      'Maciej Bilicki',
      'John A. Peacock',
      'Thomas H. Jarrett',
      'Michelle E. Cluver',
      'Louise Steward',
    ]);
    expect(recordById(records, '1010.0657').authors).toEqual(['K. Fritsch', "R. D'Ortenzio", 'D. Venus']);
    // The whole page parsed at once gives the same records.
    expect(parseOaiListRecords(text).records).toEqual(records);
  },
  'oai-getrecord-legacy-2016-10-arXivRaw-0804.2273.xml': () => {
    const { records, token } = oai('oai-getrecord-legacy-2016-10-arXivRaw-0804.2273.xml');
    expect(token).toBeNull();
    expect(records).toEqual([
      {
        header: { id: '0804.2273', datestamp: '2008-04-16', sets: ['cs'], deleted: false },
        entry: expect.objectContaining({
          id: '0804.2273',
          version: 1,
          title: 'Object Re-Use & Exchange: A Resource-Centric Approach',
          authors: [
            'Carl Lagoze',
            'Herbert Van de Sompel',
            'Michael L. Nelson',
            'Simeon Warner',
            'Robert Sanderson',
            'Pete Johnston',
          ],
          categories: ['cs.DL', 'cs.NI'],
          published: '2008-04-14T21:02:00Z',
          updated: '2008-04-14T21:02:00Z',
        }),
      },
    ]);
  },

  // --- Announcement feeds
  'rss-2024format-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-excerpt.xml': () => {
    const feed = parseAnnouncementFeed(read('rss-2024format-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-excerpt.xml'));
    expect(feed.date).toBe('2026-09-24');
    expect(feed.builtAt).toBe('2026-09-24T08:58:05Z');
    expect(feed.items.map((i) => [i.id, i.version, i.kind])).toEqual([
      ['2609.26811', 1, 'new'],
      ['2609.26820', 1, 'new'],
      ['2205.06398', 2, 'cross'],
      ['2009.13987', 3, 'replace'],
    ]);
    expect(feed.items[0]).toMatchObject({
      title: 'The Drift Contract: Spectral Updates for Depth-Robust Local Learning',
      authors: ['Fabien Polly'],
      categories: ['cs.LG'],
      doi: null,
      journalRef: null,
    });
    expect(feed.items[0]!.abstract).toMatch(/^Local learning trains each layer .* normalization is absent\.$/);
    expect(feed.items[1]!.authors).toEqual(['Naser Mansour', 'Sidahmed Benabderrahmane', 'Ameer Rahwan']);
    expect(feed.items[2]).toMatchObject({
      categories: ['stat.ME', 'stat.AP', 'stat.ML'],
      doi: '10.1093/bioinformatics/btac431',
      authors: ['Pritam Dey', 'Zhengwu Zhang', 'David B. Dunson'],
    });
    expect(feed.items[3]!.categories).toEqual(['cs.LG', 'math.MG', 'stat.ML']);
  },
  'rss-atom-2024format-cs.LG-2026-09-25-excerpt-abstracts-truncated.xml': () => {
    const feed = parseAnnouncementFeed(read('rss-atom-2024format-cs.LG-2026-09-25-excerpt-abstracts-truncated.xml'));
    expect(feed.date).toBe('2026-09-25');
    expect(feed.builtAt).toBe('2026-09-25T04:00:11Z');
    expect(feed.items.map((i) => [i.id, i.version, i.kind])).toEqual([
      ['2609.28553', 1, 'new'],
      ['2402.10149', 3, 'cross'],
      ['2401.08875', 3, 'replace'],
    ]);
    expect(feed.items[0]).toMatchObject({
      title: 'SMILESGNN: Interpretable Clinical Toxicity Prediction via SMILES-Graph Cross-Attention Fusion',
      categories: ['cs.LG', 'cs.AI'],
      doi: '10.1109/MAPR72750.2026.11685822',
      journalRef: '2026 International Conference on Multimedia Analysis and Pattern Recognition (MAPR)',
    });
    expect(feed.items[0]!.authors).toHaveLength(6);
    expect(feed.items[1]).toMatchObject({
      categories: ['hep-ph', 'cs.LG', 'hep-ex'],
      doi: '10.1103/PhysRevD.111.032004',
    });
    expect(feed.items[2]!.abstract).toBe(
      'Multi-touch attribution (MTA) is essential for estimating the contribution of individual advertising touchpoints to user conversions.',
    );
  },

  // --- Listing page
  'listing-new-cs.AI-2026-08-12-excerpt.html': () => {
    const listing = parseListingPage(read('listing-new-cs.AI-2026-08-12-excerpt.html'), 'cs.AI');
    expect(listing.date).toBe('2026-08-12');
    expect(listing.empty).toBe(false);
    expect(listing.sections).toEqual([
      { kind: 'new', shown: 2, total: 2 },
      { kind: 'cross', shown: 2, total: 2 },
      { kind: 'replace', shown: 2, total: 2 },
    ]);
    expect(listing.entries.map((e) => [e.id, e.version, e.kind, e.categories[0]])).toEqual([
      ['2608.09949', 1, 'new', 'cs.AI'],
      ['2608.09967', 1, 'new', 'cs.AI'],
      ['2505.11635', 2, 'cross', 'cs.LG'],
      ['2607.28646', null, 'cross', 'cs.HC'],
      ['2112.07752', 5, 'replace', 'cs.AI'],
      ['2505.23399', 2, 'replace', 'cs.AI'],
    ]);
    expect(listing.entries[0]).toMatchObject({
      title: 'Closed-Loop LLM Co-Pilots for Digital Agriculture',
      authors: ['Serge Kernbach'],
      categories: ['cs.AI', 'physics.bio-ph'],
      comment: null,
      journalRef: null,
    });
    expect(listing.entries[3]).toMatchObject({
      title:
        '"YES! YES! I absolutely love this insight!" Affirmative Narration as Interactional Strategy in Dialogues with LLM Chatbots',
      authors: ['Hanna-Riikka Roine', 'Anne Sigrid Refsum', 'Jill Walker Rettberg'],
      comment: 'In review for a special issue of Narrative Inquiry',
      journalRef: '2026 Narrative Inquiry 23 (2)',
    });
    expect(listing.entries[1]!.abstract).toContain("the policy's action preferences");
    expect(listing.entries[4]!.categories).toEqual(['cs.AI', 'cs.GT', 'cs.LG']);
    expect(listing.entries[5]!.authors).toHaveLength(8);
    expect(listing.entries[5]!.comment).toBe('Accepted at NeurIPS 2025. Code available at this https URL');
    // Seen from the cs.LG listing, the cs.AI replacements are cross-list replacements.
    const fromLg = parseListingPage(read('listing-new-cs.AI-2026-08-12-excerpt.html'), 'cs.LG');
    expect(fromLg.entries.slice(4).map((e) => e.kind)).toEqual(['replace-cross', 'replace-cross']);
  },
};

/** Data that is not an arXiv response body: only checked to be readable. */
const taxonomy: Record<string, (rows: unknown[]) => void> = {
  'taxonomy-arXiv_category_def.json': (rows) => expect(rows).toHaveLength(184),
  'taxonomy-arXiv_categories.json': (rows) => expect(rows).toHaveLength(193),
};

describe('arXiv payload fixtures', () => {
  for (const [name, check] of Object.entries(payloads)) {
    it(`should parse ${name}`, check);
  }

  for (const [name, check] of Object.entries(taxonomy)) {
    it(`should read ${name} as JSON`, () => {
      const data: unknown = JSON.parse(read(name));
      expect(Array.isArray(data)).toBe(true);
      check(data as unknown[]);
    });
  }

  it('should cover every payload file in the fixture folder', () => {
    const files = readdirSync(ARXIV).filter((f) => /\.(xml|html?)$/i.test(f));
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(payloads).length);
    expect(files.filter((f) => !(f in payloads))).toEqual([]);
  });
});
