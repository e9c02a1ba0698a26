/**
 * The stand-in must be worth testing against: its documents are well-formed (checked with saxes,
 * namespaces included), shaped like the real samples, and its paging, tokens, errors and faults
 * behave as arXiv's do.
 */
import { request } from 'node:http';
import { SaxesParser } from 'saxes';
import { afterEach, describe, expect, it } from 'vitest';
import {
  oaiSetSpec,
  sampleWorld,
  startArxivStandIn,
  type ArxivStandIn,
  type StandInOptions,
  type StandInWorld,
} from './arxiv-standin.js';

interface El {
  name: string;
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parses with namespaces on; saxes throws on anything not well-formed (or cut short). */
function parseXml(text: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const doc: El = { name: '#document', local: '', uri: '', attrs: {}, children: [], text: '' };
  const stack: El[] = [doc];
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(t.attributes)) attrs[k] = a.value;
    const el: El = { name: t.name, local: t.local, uri: t.uri, attrs, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    stack.at(-1)!.text += t;
  });
  parser.write(text).close();
  return doc.children[0]!;
}

const all = (el: El, local: string): El[] =>
  el.children.flatMap((c) => (c.local === local ? [c, ...all(c, local)] : all(c, local)));
const one = (el: El, local: string): El => {
  const found = all(el, local)[0];
  if (!found) throw new Error(`no <${local}> in <${el.name}>`);
  return found;
};
const texts = (el: El, local: string): string[] => all(el, local).map((e) => e.text.trim());

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV_ATOM = 'http://arxiv.org/schemas/atom';
const OAI = 'http://www.openarchives.org/OAI/2.0/';
const OAI_ARXIV = 'http://arxiv.org/OAI/arXiv/';

let standIn: ArxivStandIn | null = null;
afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

async function start(world: StandInWorld = sampleWorld(), options: StandInOptions = {}): Promise<ArxivStandIn> {
  standIn = await startArxivStandIn(world, options);
  return standIn;
}

async function get(url: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

describe('announcement feed /rss/CATS', () => {
  it('serves the 2024 RSS format with types relative to the requested set, in arXiv order', async () => {
    const s = await start();
    const { status, body, headers } = await get(`${s.urls.rss}/cs.AI+cs.LG`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const rss = parseXml(body);
    expect(rss.local).toBe('rss');
    expect(rss.attrs.version).toBe('2.0');
    const channel = one(rss, 'channel');
    expect(one(channel, 'title').text).toBe('cs.AI, cs.LG updates on arXiv.org');
    expect(channel.children.find((c) => c.local === 'pubDate')!.text).toBe('Wed, 12 Aug 2026 00:00:00 -0400');
    expect(texts(one(channel, 'skipDays'), 'day')).toEqual(['Sunday', 'Saturday']);

    const items = all(channel, 'item').map((it) => ({
      id: one(it, 'link').text.replace('https://arxiv.org/abs/', ''),
      guid: one(it, 'guid').text,
      type: one(it, 'announce_type').text,
      typeNs: one(it, 'announce_type').uri,
      categories: texts(it, 'category'),
      creator: one(it, 'creator').text,
      description: one(it, 'description').text,
    }));
    expect(items.map((i) => [i.id, i.type])).toEqual([
      ['2608.09949', 'new'],
      ['2608.09967', 'new'],
      // An old paper newly cross-listed stays a cross even though its primary (cs.LG) is asked for.
      ['2505.11635', 'cross'],
      // Its primary (cs.HC) is not asked for.
      ['2607.28646', 'cross'],
      ['2112.07752', 'replace'],
      ['2505.23399', 'replace'],
    ]);
    const first = items[0]!;
    expect(first.guid).toBe('oai:arXiv.org:2608.09949v1');
    expect(first.typeNs).toBe(ARXIV_ATOM);
    expect(first.categories).toEqual(['cs.AI', 'physics.bio-ph']);
    expect(first.description).toMatch(/^arXiv:2608\.09949v1 Announce Type: new \nAbstract: This study/);
    expect(items[2]!.guid).toBe('oai:arXiv.org:2505.11635v2');
    expect(items.find((i) => i.id === '2607.28646')!.creator).toBe(
      'Hanna-Riikka Roine, Anne Sigrid Refsum, Jill Walker Rettberg',
    );
  });

  it('gives replace-cross for replacements listed outside their primary, and DOI/journal-ref extensions', async () => {
    const s = await start();
    const lg = parseXml((await get(`${s.urls.rss}/cs.LG`)).body);
    const types = Object.fromEntries(
      all(lg, 'item').map((it) => [one(it, 'link').text.slice(-10), one(it, 'announce_type').text]),
    );
    // 2505.11635 (primary cs.LG) was only newly listed in cs.AI that day, so cs.LG does not show it.
    expect(types).toEqual({ '2608.09967': 'cross', '2112.07752': 'replace-cross' });

    const ml = parseXml((await get(`${s.urls.rss}/stat.ML`)).body);
    const item = one(ml, 'item');
    expect(one(item, 'announce_type').text).toBe('cross');
    const doi = one(item, 'DOI');
    expect([doi.uri, doi.text]).toEqual([ARXIV_ATOM, '10.1093/bioinformatics/btac431']);
    expect(one(item, 'rights').text).toBe('http://creativecommons.org/licenses/by-sa/4.0/');

    const hc = parseXml((await get(`${s.urls.rss}/cs.HC`)).body);
    expect(one(hc, 'journal_reference').text).toBe('2026 Narrative Inquiry 23 (2)');
  });

  it('covers an archive (cs), orders ids descending on request, and is an empty channel on an empty day', async () => {
    const world = sampleWorld();
    const s = await start(world, { rssIdOrder: 'descending' });
    const cs = parseXml((await get(`${s.urls.rss}/cs`)).body);
    expect(all(cs, 'item').map((i) => one(i, 'link').text.slice(-10))).toEqual([
      '2608.09967',
      '2608.09949',
      '2607.28646',
      '2505.11635',
      '2505.23399',
      '2112.07752',
    ]);

    s.setWorld({ ...world, days: { ...world.days, '2026-08-15': [] } });
    const empty = parseXml((await get(`${s.urls.rss}/cs.AI`)).body);
    expect(all(empty, 'item')).toHaveLength(0);
    expect(one(empty, 'title').text).toBe('cs.AI updates on arXiv.org');
    // 15 Aug 2026 is a Saturday, in EDT; and a January day is in EST.
    expect(one(empty, 'channel').children.find((c) => c.local === 'pubDate')!.text).toBe(
      'Sat, 15 Aug 2026 00:00:00 -0400',
    );
    s.setWorld({ ...world, days: { '2026-01-13': [] } });
    expect((await get(`${s.urls.rss}/cs.AI`)).body).toContain('<pubDate>Tue, 13 Jan 2026 00:00:00 -0500</pubDate>');
  });

  it('drops replacements of version 6 or more, as arXiv does', async () => {
    const world = sampleWorld();
    world.papers.find((p) => p.id === '2112.07752')!.version = 6;
    world.days['2026-08-12']!.find((a) => a.paperId === '2112.07752')!.version = 6;
    const s = await start(world);
    expect((await get(`${s.urls.rss}/cs.AI`)).body).not.toContain('2112.07752');
  });
});

describe('API /api/query', () => {
  it('answers id_list with versioned and unversioned ids, omitting unknown ones (current API)', async () => {
    const s = await start();
    const { status, body } = await get(`${s.urls.api}?id_list=2608.09949,2505.11635v1,0000.0000&max_results=10`);
    expect(status).toBe(200);
    const feed = parseXml(body);
    expect([feed.local, feed.uri]).toEqual(['feed', ATOM]);
    expect(one(feed, 'totalResults').text).toBe('2');
    expect(one(feed, 'itemsPerPage').text).toBe('10');
    expect(one(feed, 'startIndex').text).toBe('0');
    expect(one(feed, 'title').text).toBe(
      'arXiv Query: search_query=&id_list=2608.09949,2505.11635v1,0000.0000&start=0&max_results=10',
    );
    const entries = all(feed, 'entry');
    expect(entries.map((e) => one(e, 'id').text)).toEqual([
      'http://arxiv.org/abs/2608.09949v1',
      'http://arxiv.org/abs/2505.11635v1',
    ]);
    // v1 of a paper now at v2: `updated` is when v1 was submitted, i.e. `published`.
    expect(one(entries[1]!, 'updated').text).toBe('2025-05-16T19:05:27Z');
    expect(one(entries[1]!, 'published').text).toBe('2025-05-16T19:05:27Z');
  });

  it('writes entries in the 2026 element order, with namespaced extensions and the three links', async () => {
    const world = sampleWorld();
    Object.assign(
      world.papers.find((p) => p.id === '2607.28646')!,
      { doi: '10.1000/xyz&1' },
    );
    const s = await start(world);
    const entry = one(parseXml((await get(`${s.urls.api}?id_list=2607.28646`)).body), 'entry');
    expect(entry.children.map((c) => c.name)).toEqual([
      'id',
      'title',
      'updated',
      'link',
      'link',
      'summary',
      'category',
      'category',
      'published',
      'arxiv:comment',
      'arxiv:primary_category',
      'arxiv:journal_ref',
      'author',
      'author',
      'author',
      'arxiv:doi',
      'link',
    ]);
    expect(one(entry, 'primary_category').uri).toBe(ARXIV_ATOM);
    expect(one(entry, 'primary_category').attrs.term).toBe('cs.HC');
    expect(one(entry, 'title').text).toBe(
      '"YES! YES! I absolutely love this insight!" Affirmative Narration as Interactional Strategy in Dialogues with LLM Chatbots',
    );
    const links = all(entry, 'link').map((l) => l.attrs);
    expect(links).toEqual([
      { href: 'https://arxiv.org/abs/2607.28646v1', rel: 'alternate', type: 'text/html' },
      { href: 'https://arxiv.org/pdf/2607.28646v1', rel: 'related', type: 'application/pdf', title: 'pdf' },
      { rel: 'related', href: 'https://doi.org/10.1000/xyz&1', title: 'doi' },
    ]);
    expect(all(entry, 'category').map((c) => c.attrs)).toEqual([
      { term: 'cs.HC', scheme: ARXIV_ATOM },
      { term: 'cs.AI', scheme: ARXIV_ATOM },
    ]);
  });

  it('answers an invalid id with the HTTP 400 Error feed', async () => {
    const s = await start();
    const { status, body } = await get(`${s.urls.api}?id_list=abc`);
    expect(status).toBe(400);
    const feed = parseXml(body);
    const entry = one(feed, 'entry');
    expect(one(entry, 'title').text).toBe('Error');
    expect(one(entry, 'summary').text).toBe('incorrect id format for abc');
    expect(one(entry, 'id').text).toBe('https://arxiv.org/api/errors#incorrect_id_format_for_abc');
  });

  it('searches cat: terms OR-ed with a submittedDate range, sorted and paged', async () => {
    const s = await start();
    const q = encodeURIComponent('(cat:cs.AI OR cat:cs.HC) AND submittedDate:[202608110000 TO 202608111100]');
    const page = async (start: number, order: string) => {
      const feed = parseXml(
        (
          await get(
            `${s.urls.api}?search_query=${q}&sortBy=submittedDate&sortOrder=${order}&start=${start}&max_results=1`,
          )
        ).body,
      );
      return {
        total: one(feed, 'totalResults').text,
        ids: all(feed, 'entry').map((e) => one(e, 'id').text.slice(-12)),
      };
    };
    // 2607.28646 was submitted at 12:03, after the range.
    expect(await page(0, 'ascending')).toEqual({ total: '2', ids: ['2608.09949v1'] });
    expect(await page(1, 'ascending')).toEqual({ total: '2', ids: ['2608.09967v1'] });
    expect(await page(2, 'ascending')).toEqual({ total: '2', ids: [] });
    expect(await page(0, 'descending')).toEqual({ total: '2', ids: ['2608.09967v1'] });
  });

  it('refuses search terms it does not implement instead of matching everything', async () => {
    const s = await start();
    const { status, body } = await get(`${s.urls.api}?search_query=${encodeURIComponent('ti:diffusion')}`);
    expect(status).toBe(400);
    expect(body).toContain('does not support this search_query');
  });
});

describe('OAI-PMH /oai ListRecords', () => {
  const harvest = async (s: ArxivStandIn, first: string) => {
    const pages: El[] = [];
    let url: string | null = `${s.urls.oai}?${first}`;
    while (url) {
      const { status, body } = await get(url);
      expect(status).toBe(200);
      const doc = parseXml(body);
      expect([doc.local, doc.uri]).toEqual(['OAI-PMH', OAI]);
      pages.push(doc);
      const token = all(doc, 'resumptionToken')[0];
      url = token?.text ? `${s.urls.oai}?verb=ListRecords&resumptionToken=${encodeURIComponent(token.text)}` : null;
      if (pages.length > 10) throw new Error('endless token chain');
    }
    return pages;
  };
  const ids = (doc: El) => all(doc, 'record').map((r) => one(one(r, 'header'), 'identifier').text);

  it('pages with 2025-style tokens (quoted params + skip, expiry, no cursor) and an empty last token', async () => {
    const s = await start(sampleWorld(), { oaiPageSize: 3 });
    const pages = await harvest(s, 'verb=ListRecords&metadataPrefix=arXiv&set=cs&from=2026-08-01');
    expect(pages.map(ids)).toEqual([
      ['oai:arXiv.org:2009.13987', 'oai:arXiv.org:2505.11635', 'oai:arXiv.org:2112.07752'],
      ['oai:arXiv.org:2505.23399', 'oai:arXiv.org:2607.28646', 'oai:arXiv.org:2608.09949'],
      ['oai:arXiv.org:2608.09967'],
    ]);
    const token = one(pages[0]!, 'resumptionToken');
    expect(token.text).toBe('verb%3DListRecords%26metadataPrefix%3DarXiv%26set%3Dcs%26from%3D2026-08-01%26skip%3D3');
    expect(token.attrs.expirationDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(token.attrs.cursor).toBeUndefined();
    const last = one(pages[2]!, 'resumptionToken');
    expect([last.text, last.attrs]).toEqual(['', {}]);
    // The request element echoes what was asked.
    expect(one(pages[1]!, 'request').attrs).toEqual({ verb: 'ListRecords', resumptionToken: token.text });
  });

  it('writes records in the arXiv metadata format', async () => {
    const s = await start();
    const doc = parseXml(
      (await get(`${s.urls.oai}?verb=ListRecords&metadataPrefix=arXiv&set=cs:cs:HC&from=2026-08-11`)).body,
    );
    const record = one(doc, 'record');
    expect(texts(one(record, 'header'), 'setSpec')).toEqual(['cs:cs:HC', 'cs:cs:AI']);
    const meta = one(record, 'arXiv');
    expect(meta.uri).toBe(OAI_ARXIV);
    expect(one(meta, 'id').text).toBe('2607.28646');
    expect(one(meta, 'created').text).toBe('2026-08-11');
    expect(all(meta, 'updated')).toHaveLength(0);
    expect(one(meta, 'categories').text).toBe('cs.HC cs.AI');
    expect(one(meta, 'journal-ref').text).toBe('2026 Narrative Inquiry 23 (2)');
    const first = one(meta, 'author');
    expect([one(first, 'keyname').text, one(first, 'forenames').text]).toEqual(['Roine', 'Hanna-Riikka']);
    expect(one(meta, 'abstract').text.trim()).toMatch(/^This article analyses/);
    // No resumption token at all when the whole list fits one response.
    expect(all(doc, 'resumptionToken')).toHaveLength(0);
  });

  it('pages with legacy tokens (cursor, completeListSize, N|M) and refuses unknown tokens', async () => {
    const s = await start(sampleWorld(), { oaiPageSize: 5, oaiTokenStyle: 'legacy' });
    const pages = await harvest(s, 'verb=ListRecords&metadataPrefix=arXiv');
    expect(pages.map((p) => ids(p).length)).toEqual([5, 3]);
    const token = one(pages[0]!, 'resumptionToken');
    expect(token.text).toMatch(/^\d+\|6$/);
    expect(token.attrs).toEqual({ cursor: '0', completeListSize: '8' });
    const last = one(pages[1]!, 'resumptionToken');
    expect([last.text, last.attrs]).toEqual(['', { cursor: '5', completeListSize: '8' }]);

    const bad = parseXml((await get(`${s.urls.oai}?verb=ListRecords&resumptionToken=123%7C1001`)).body);
    expect(one(bad, 'error').attrs.code).toBe('badResumptionToken');
  });

  it('says noRecordsMatch, badResumptionToken and cannotDisseminateFormat with HTTP 200', async () => {
    const s = await start();
    const none = await get(`${s.urls.oai}?verb=ListRecords&metadataPrefix=arXiv&from=2030-01-01`);
    expect(none.status).toBe(200);
    expect(one(parseXml(none.body), 'error').attrs.code).toBe('noRecordsMatch');
    const badToken = await get(`${s.urls.oai}?verb=ListRecords&resumptionToken=garbage`);
    expect(one(parseXml(badToken.body), 'error').attrs.code).toBe('badResumptionToken');
    const format = await get(`${s.urls.oai}?verb=ListRecords&metadataPrefix=marc`);
    expect(one(parseXml(format.body), 'error').attrs.code).toBe('cannotDisseminateFormat');
  });

  it('maps categories to arXiv set specs', () => {
    expect(['cs.AI', 'hep-th', 'astro-ph.GA', 'stat.ML', 'math.NA'].map(oaiSetSpec)).toEqual([
      'cs:cs:AI',
      'physics:hep-th',
      'physics:astro-ph:GA',
      'stat:stat:ML',
      'math:math:NA',
    ]);
  });
});

describe('listing page /list/CAT/new', () => {
  it('shows the day in sections with continuous numbering, markers and versioned html links', async () => {
    const s = await start();
    const { status, body } = await get(`${s.urls.listing}/cs.AI/new`);
    expect(status).toBe(200);
    expect(body).toContain('<h3>Showing new listings for Wednesday, 12 August 2026</h3>');
    expect(
      [...body.matchAll(/<h3>(\w+ submissions) \(showing (\d+) of (\d+) entries\)<\/h3>/g)].map((m) => m.slice(1)),
    ).toEqual([
      ['New submissions', '2', '2'],
      ['Cross submissions', '2', '2'],
      ['Replacement submissions', '2', '2'],
    ]);
    const entries = [...body.matchAll(/<a name='item(\d+)'>\[\d+\]<\/a>\s*<a href ="\/abs\/([^"]+)"[^]*?<\/dt>/g)].map(
      (m) => [
        m[1],
        m[2],
        /\((cross-list from [\w.]+|replaced)\)/.exec(m[0])?.[1] ?? null,
        /html\/(\S+?)"/.exec(m[0])?.[1],
      ],
    );
    expect(entries).toEqual([
      ['1', '2608.09949', null, '2608.09949v1'],
      ['2', '2608.09967', null, '2608.09967v1'],
      ['3', '2505.11635', 'cross-list from cs.LG', '2505.11635v2'],
      ['4', '2607.28646', 'cross-list from cs.HC', '2607.28646v1'],
      ['5', '2112.07752', 'replaced', '2112.07752v5'],
      ['6', '2505.23399', 'replaced', '2505.23399v2'],
    ]);
    expect(body).toContain(
      '<span class="primary-subject">Human-Computer Interaction (cs.HC)</span>; Artificial Intelligence (cs.AI)',
    );
    expect(body).toContain('&#34;YES! YES! I absolutely love this insight!&#34; Affirmative Narration');
    expect(body).toContain('query=Goldman,+C+V">Claudia V. Goldman</a>');
    expect(body).toContain("<div class='list-journal-ref'><span class='descriptor'>Journal-ref:</span>");
  });

  it('says "No updates today." on an empty day', async () => {
    const world = sampleWorld();
    const s = await start({ ...world, currentDay: '2026-08-13', days: { ...world.days, '2026-08-13': [] } });
    const { body } = await get(`${s.urls.listing}/cs.AI/new`);
    expect(body).toContain('<p>No updates today.</p>');
    expect(body).toContain('Showing new listings for Thursday, 13 August 2026');
    expect(body).not.toContain('<dt>');
  });
});

describe('faults, latency and the request log', () => {
  it('logs each request with host, path, query, timing and the fault it got', async () => {
    const s = await start(sampleWorld(), { latencyMs: 30 });
    s.faults.add('/api/query', { type: '503', retryAfter: 7 });
    const first = await fetch(`${s.urls.api}?id_list=2608.09949`);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(await first.text()).toContain('Service Unavailable');
    const second = await fetch(`${s.urls.api}?id_list=2608.09949`);
    expect(second.status).toBe(200);
    await second.text();
    const [a, b] = s.requests;
    expect(a).toMatchObject({
      host: new URL(s.url).host,
      method: 'GET',
      path: '/api/query',
      query: { id_list: '2608.09949' },
      status: 503,
      fault: '503',
    });
    expect(b).toMatchObject({ status: 200, fault: null });
    expect(a!.end! - a!.start).toBeGreaterThanOrEqual(29);
    expect(b!.start).toBeGreaterThanOrEqual(a!.end!);
  });

  it('sends Retry-After as an HTTP date, and 429 and 500 statuses', async () => {
    const s = await start();
    const at = new Date('2026-08-12T10:00:00Z');
    s.faults.add('/rss/', { type: '503', retryAfter: at });
    s.faults.add('/rss/', { type: '429', retryAfter: 2 });
    s.faults.add('/rss/', { type: '500' });
    const r1 = await fetch(`${s.urls.rss}/cs.AI`);
    expect([r1.status, r1.headers.get('retry-after')]).toEqual([503, 'Wed, 12 Aug 2026 10:00:00 GMT']);
    const r2 = await fetch(`${s.urls.rss}/cs.AI`);
    expect([r2.status, r2.headers.get('retry-after')]).toEqual([429, '2']);
    const r3 = await fetch(`${s.urls.rss}/cs.AI`);
    expect(r3.status).toBe(500);
    expect((await fetch(`${s.urls.rss}/cs.AI`)).status).toBe(200);
  });

  it('matches faults by path prefix and repeats them the given number of times', async () => {
    const s = await start();
    s.faults.add('/oai', { type: '500' }, 2);
    s.faults.add('/list/', { type: 'html' }, Infinity);
    expect((await fetch(`${s.urls.rss}/cs.AI`)).status).toBe(200);
    expect((await fetch(`${s.urls.oai}?verb=ListRecords&metadataPrefix=arXiv`)).status).toBe(500);
    expect((await fetch(`${s.urls.oai}?verb=ListRecords&metadataPrefix=arXiv`)).status).toBe(500);
    expect((await fetch(`${s.urls.oai}?verb=ListRecords&metadataPrefix=arXiv`)).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const r = await get(`${s.urls.listing}/cs.AI/new`);
      expect([r.status, r.body.includes('arXiv is temporarily unavailable')]).toEqual([200, true]);
    }
    expect(s.faults.pending).toEqual([{ path: '/list/', fault: { type: 'html' }, times: Infinity }]);
    s.faults.clear();
    expect((await get(`${s.urls.listing}/cs.AI/new`)).body).toContain('Showing new listings');
  });

  it('truncates a real document so that it is no longer well-formed', async () => {
    const s = await start();
    s.faults.add('/api/query', { type: 'truncated', fraction: 0.6 });
    const cut = await get(`${s.urls.api}?id_list=2608.09949,2608.09967`);
    const full = await get(`${s.urls.api}?id_list=2608.09949,2608.09967`);
    expect(cut.status).toBe(200);
    expect(cut.body.length).toBeLessThan(full.body.length);
    expect(full.body.startsWith(cut.body.slice(0, 300))).toBe(true);
    expect(() => parseXml(cut.body)).toThrow();
    expect(() => parseXml(full.body)).not.toThrow();
  });

  it('drops given ids from an API answer, and answers with the Error feed on demand', async () => {
    const s = await start();
    s.faults.add('/api/query', { type: 'missing-ids', ids: ['2608.09967'] });
    s.faults.add('/api/query', { type: 'error400', message: 'max_results must be less than 30000' });
    const feed = parseXml((await get(`${s.urls.api}?id_list=2608.09949,2608.09967`)).body);
    expect(all(feed, 'entry').map((e) => one(e, 'id').text)).toEqual(['http://arxiv.org/abs/2608.09949v1']);
    expect(one(feed, 'totalResults').text).toBe('1');
    const err = await get(`${s.urls.api}?id_list=2608.09949`);
    expect(err.status).toBe(400);
    expect(one(parseXml(err.body), 'summary').text).toBe('max_results must be less than 30000');
  });

  it('answers late on a delayed "timeout", and never on a plain one until closed', async () => {
    const s = await start();
    s.faults.add('/rss/', { type: 'timeout', answerAfterMs: 120 });
    const t0 = performance.now();
    expect((await fetch(`${s.urls.rss}/cs.AI`)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);

    s.faults.add('/rss/', { type: 'timeout' });
    const hung = await fetch(`${s.urls.rss}/cs.AI`, { signal: AbortSignal.timeout(150) }).catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(Error);
    expect((hung as Error).name).toBe('TimeoutError');
    await new Promise((r) => setTimeout(r, 20));
    const last = s.requests.at(-1)!;
    expect([last.fault, last.status]).toEqual(['timeout', null]);
    expect(last.end).not.toBeNull();
  });

  it('gzips only when the client accepts it', async () => {
    const s = await start();
    await get(`${s.urls.rss}/cs.AI`); // fetch sends accept-encoding: gzip, deflate, br
    expect(s.requests[0]!.gzip).toBe(true);
    const plain = await new Promise<{ encoding: string | undefined; body: string }>((resolve, reject) => {
      request(`${s.urls.rss}/cs.AI`, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body }));
      })
        .on('error', reject)
        .end();
    });
    expect(plain.encoding).toBeUndefined();
    expect(plain.body).toContain('<rss');
    expect(s.requests[1]!.gzip).toBe(false);
  });

  it('refuses a world that announces papers it does not have', async () => {
    const world = sampleWorld();
    world.days['2026-08-12']!.push({ paperId: '2608.00001', version: 1, kind: 'new', categories: ['cs.AI'] });
    await expect(startArxivStandIn(world)).rejects.toThrow(/unknown paper 2608\.00001/);
  });
});
