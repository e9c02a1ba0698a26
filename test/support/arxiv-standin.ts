/**
 * A loopback stand-in for arXiv: one `http` server on 127.0.0.1 that serves the announcement
 * feed (`/rss/CATS`), the API (`/api/query`), OAI-PMH (`/oai`) and listing pages
 * (`/list/CAT/new`) from a small world of plain data, in the formats arXiv really sends (modelled
 * on the samples in shared/fixtures/arxiv and on arXiv's own templates: arxiv-feed, arxiv-browse,
 * oaipmh). Tests point the ARXIV_*_URL settings at `urls`, inject faults (503 + Retry-After,
 * 429, 500, hangs, truncated or HTML bodies, missing ids, API errors) and read the request log
 * to check how politely the client behaved (spacing, overlap, headers).
 *
 * Where arXiv's documentation and its code disagree, the stand-in follows the code and the real
 * samples, with an option for the other reading:
 * - RSS items are new → cross → replace → replace-cross and id-*ascending* within a group: the
 *   feed's query sorts ids descending but feedgen prepends each entry, and the real 2026 sample
 *   lists 2609.26811 before 2609.26820 (`rssIdOrder: 'descending'` gives the other order);
 * - the 2025 OAI token's expiry attribute is `expirationDate` (OAI-PMH, arxiv.md); arXiv's template
 *   writes `expires` (`oaiExpiryAttribute: 'expires'`).
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { listenLoopback } from './loopback.js';
import { gzipSync } from 'node:zlib';
import type { AnnouncementKind } from '../../src/core/types.js';

// ---------------------------------------------------------------------------------------------
// The world

/** One paper, at its latest version. */
export interface StandInPaper {
  /** Without version: `2608.09949`, `astro-ph/0601001`. */
  id: string;
  /** Latest version. */
  version: number;
  title: string;
  authors: string[];
  abstract: string;
  /** Primary first. */
  categories: string[];
  comment?: string | null;
  journalRef?: string | null;
  doi?: string | null;
  /** ISO 8601: v1 submitted (API `published`, OAI `created`, `submittedDate` searches). */
  published: string;
  /** ISO 8601: latest version submitted (API `updated` of the latest version, OAI `updated`). */
  updated: string;
  /** Licence URL (RSS `dc:rights`, OAI `license`); default CC BY 4.0. */
  license?: string | null;
  /** OAI datestamp (last modification, YYYY-MM-DD); default the date of `updated`. */
  datestamp?: string;
  /** OAI only: a deleted record (header status="deleted", no metadata). */
  deleted?: boolean;
}

/**
 * One paper in one day's announcement. `kind` is what happened, seen from the paper's primary
 * category: `new` (a new submission), `cross` (an older paper newly cross-listed), `replace` or
 * `replace-cross` (both mean a replacement). Feeds and listings derive their own kind relative to
 * the categories asked for, as arXiv does.
 */
export interface StandInAnnouncement {
  paperId: string;
  version: number;
  kind: AnnouncementKind;
  /** The categories it is listed in that day (for a new paper or a replacement: all of them). */
  categories: string[];
}

export interface StandInWorld {
  papers: StandInPaper[];
  /** Announcement date (YYYY-MM-DD) → what was announced; `[]` is a day without updates. */
  days: Record<string, StandInAnnouncement[]>;
  /** The day RSS and `/list/…/new` serve; default the newest day in `days`. */
  currentDay?: string;
  /** A day the RSS feed serves instead of currentDay: arXiv's stale-feed problem (arxiv.md §3). */
  rssDay?: string;
}

// ---------------------------------------------------------------------------------------------
// Faults and the request log

export type StandInFault =
  /** `retryAfter`: seconds, or a Date sent as an HTTP date. */
  | { type: '503'; retryAfter?: number | Date }
  | { type: '429'; retryAfter?: number | Date }
  | { type: '500' }
  /** Accept and never answer, or answer normally after `answerAfterMs`. */
  | { type: 'timeout'; answerAfterMs?: number }
  /** The real document cut at `fraction` of its length (default 0.5), HTTP 200, ended cleanly. */
  | { type: 'truncated'; fraction?: number }
  /** An HTML error page with HTTP 200, as a CDN or a maintenance page sends it. */
  | { type: 'html' }
  /** The API answer without these ids (as if arXiv did not know them today). */
  | { type: 'missing-ids'; ids: string[] }
  /** The API's Error feed with HTTP 400. */
  | { type: 'error400'; message?: string };

export interface FaultRule {
  /** Matched as a prefix of the request path, e.g. `/api/query`, `/rss/`, `/oai`. */
  path: string;
  fault: StandInFault;
  /** How many more requests it applies to (Infinity: until cleared). */
  times: number;
}

export interface FaultQueue {
  /** Queues a fault for the next `times` requests whose path starts with `path` (default once). */
  add(path: string, fault: StandInFault, times?: number): void;
  clear(): void;
  /** Rules not used up yet, in order. */
  readonly pending: readonly FaultRule[];
}

export interface StandInRequest {
  /** The Host header (hostname:port), as the client addressed us. */
  host: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** performance.now() when the request arrived and when the response finished or was closed. */
  start: number;
  end: number | null;
  status: number | null;
  fault: StandInFault['type'] | null;
  /** The body was sent gzip-compressed. */
  gzip: boolean;
}

export interface StandInOptions {
  /** Delay before every answer (default 0). */
  latencyMs?: number;
  /** OAI ListRecords page size (arXiv: 2500; legacy: 1000). Default 2500. */
  oaiPageSize?: number;
  /** `2025`: url-quoted params + skip, expiry, no cursor (default); `legacy`: `123|1001` with cursor. */
  oaiTokenStyle?: 'legacy' | '2025';
  oaiExpiryAttribute?: 'expirationDate' | 'expires';
  rssIdOrder?: 'ascending' | 'descending';
  /** Compress with gzip when the client accepts it (default true, as arXiv does). */
  gzip?: boolean;
  /** Clock for generated timestamps (feed `updated`, OAI responseDate, token expiry). */
  now?: () => Date;
}

export interface ArxivStandIn {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Values for ARXIV_API_URL, ARXIV_RSS_URL, ARXIV_OAI_URL and ARXIV_LISTING_URL. */
  urls: { api: string; rss: string; oai: string; listing: string };
  /** Every request so far, in arrival order (the array is live). */
  requests: StandInRequest[];
  faults: FaultQueue;
  setWorld(world: StandInWorld): void;
  setLatency(ms: number): void;
  /** Stops the server, dropping hanging connections. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The server

interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** The settings that point arxiv-digest at a stand-in, polite but quick, as a test's environment. */
export function standInEnv(arxiv: Pick<ArxivStandIn, 'urls'>): Record<string, string> {
  return {
    ARXIV_RSS_URL: arxiv.urls.rss,
    ARXIV_API_URL: arxiv.urls.api,
    ARXIV_LISTING_URL: arxiv.urls.listing,
    ARXIV_OAI_URL: arxiv.urls.oai,
    ARXIV_MIN_INTERVAL_MS: '5',
    ARXIV_CONTACT: 'tests@example.org',
  };
}

export async function startArxivStandIn(world: StandInWorld, options: StandInOptions = {}): Promise<ArxivStandIn> {
  let current = checkWorld(world);
  let latencyMs = options.latencyMs ?? 0;
  const now = options.now ?? (() => new Date());
  const requests: StandInRequest[] = [];
  const rules: FaultRule[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const legacyTokens = new Map<string, { params: Record<string, string>; skip: number }>();
  let legacyResultSet = 6960524;
  let url = '';

  const faults: FaultQueue = {
    add(path, fault, times = 1) {
      rules.push({ path, fault, times });
    },
    clear() {
      rules.length = 0;
    },
    get pending() {
      return rules.filter((r) => r.times > 0);
    },
  };

  const takeFault = (path: string): StandInFault | null => {
    const rule = rules.find((r) => r.times > 0 && path.startsWith(r.path));
    if (!rule) return null;
    rule.times--;
    return rule.fault;
  };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const route = (path: string, query: URLSearchParams, fault: StandInFault | null): Reply => {
    const ctx: RenderContext = {
      world: current,
      now: now(),
      baseUrl: url,
      options,
      legacy: { tokens: legacyTokens, nextResultSet: () => legacyResultSet++ },
    };
    if (path === '/api/query') {
      if (fault?.type === 'error400') return apiErrorReply(fault.message ?? 'incorrect id format for abc', ctx.now);
      return apiReply(ctx, query, fault?.type === 'missing-ids' ? fault.ids : []);
    }
    const rss = /^\/rss\/([^/]+)$/.exec(path);
    if (rss) return rssReply(ctx, decodeURIComponent(rss[1]!).split(/[+ ]/).filter(Boolean));
    const list = /^\/list\/([^/]+)\/new\/?$/.exec(path);
    if (list) return listingReply(ctx, decodeURIComponent(list[1]!));
    if (path === '/oai') return oaiReply(ctx, query);
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: `arxiv-standin: no route for ${path}\n` };
  };

  const send = (req: IncomingMessage, res: ServerResponse, record: StandInRequest, reply: Reply) => {
    let body: Buffer = Buffer.from(reply.body, 'utf8');
    const headers: Record<string, string> = { 'content-type': reply.contentType, ...reply.headers };
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (options.gzip !== false && /\bgzip\b/.test(accepts)) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
      record.gzip = true;
    }
    headers['content-length'] = String(body.length);
    record.status = reply.status;
    res.writeHead(reply.status, headers);
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now();
    const u = new URL(req.url ?? '/', 'http://standin.invalid');
    const record: StandInRequest = {
      host: req.headers.host ?? '',
      method: req.method ?? 'GET',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: req.headers,
      start,
      end: null,
      status: null,
      fault: null,
      gzip: false,
    };
    requests.push(record);
    const finish = () => {
      record.end ??= performance.now();
    };
    res.on('finish', finish);
    res.on('close', finish);

    if (latencyMs > 0) await wait(latencyMs);
    if (res.destroyed) return;
    const fault = takeFault(u.pathname);
    record.fault = fault?.type ?? null;
    switch (fault?.type) {
      case '503':
      case '429': {
        const headers: Record<string, string> = {};
        if (fault.retryAfter !== undefined) {
          headers['retry-after'] =
            fault.retryAfter instanceof Date ? fault.retryAfter.toUTCString() : String(fault.retryAfter);
        }
        const title = fault.type === '503' ? 'Service Unavailable' : 'Too Many Requests';
        send(req, res, record, { status: Number(fault.type), ...htmlErrorPage(title), headers });
        return;
      }
      case '500':
        send(req, res, record, { status: 500, ...htmlErrorPage('Internal Server Error') });
        return;
      case 'html':
        send(req, res, record, { status: 200, ...htmlErrorPage('arXiv is temporarily unavailable') });
        return;
      case 'timeout':
        if (fault.answerAfterMs === undefined) return; // hang until the client gives up or we close
        await wait(fault.answerAfterMs);
        if (res.destroyed) return;
        break;
      default:
        break;
    }
    let reply = route(u.pathname, u.searchParams, fault);
    if (fault?.type === 'truncated') {
      const cut = Math.floor(reply.body.length * (fault.fraction ?? 0.5));
      reply = { ...reply, status: 200, body: reply.body.slice(0, cut) };
    }
    send(req, res, record, reply);
  };

  const loopback = await listenLoopback('arxiv-standin', handle);
  url = loopback.url;

  return {
    url,
    urls: { api: `${url}/api/query`, rss: `${url}/rss`, oai: `${url}/oai`, listing: `${url}/list` },
    requests,
    faults,
    setWorld(next) {
      current = checkWorld(next);
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return loopback.close();
    },
  };
}

/** Refuses a world whose announcements name papers it does not have (a test bug). */
function checkWorld(world: StandInWorld): StandInWorld {
  const ids = new Set(world.papers.map((p) => p.id));
  for (const [day, list] of Object.entries(world.days)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`arxiv-standin: day ${day} is not YYYY-MM-DD`);
    for (const a of list) {
      if (!ids.has(a.paperId)) throw new Error(`arxiv-standin: ${day} announces unknown paper ${a.paperId}`);
    }
  }
  if (world.currentDay !== undefined && !(world.currentDay in world.days)) {
    throw new Error(`arxiv-standin: currentDay ${world.currentDay} is not in days`);
  }
  return world;
}

interface RenderContext {
  world: StandInWorld;
  now: Date;
  baseUrl: string;
  options: StandInOptions;
  legacy: {
    tokens: Map<string, { params: Record<string, string>; skip: number }>;
    nextResultSet: () => number;
  };
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

const DEFAULT_LICENSE = 'http://creativecommons.org/licenses/by/4.0/';

/** XML text and attribute escaping. */
const x = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML escaping as Jinja does it (arxiv-browse): `"` → &#34;, `'` → &#39;. */
const h = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/** `2026-04-12T22:09:36Z` (the API's form: no milliseconds). */
const isoSeconds = (d: Date | string): string => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function ymd(day: string): { y: number; m: number; d: number; weekday: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** US Eastern offset at midnight of `day`: EDT from the 2nd Sunday of March to the 1st of November. */
function easternOffset(day: string): '-0400' | '-0500' {
  const { y, m, d } = ymd(day);
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + 7 * (n - 1);
  };
  const md = m * 100 + d;
  // At midnight the switch (02:00) has not happened yet on either Sunday.
  return md > 300 + nthSunday(3, 2) && md <= 1100 + nthSunday(11, 1) ? '-0400' : '-0500';
}

/** `Thu, 24 Sep 2026 00:00:00 -0400`: midnight of the announcement day in New York. */
function rfc822Midnight(day: string): string {
  const { y, m, d, weekday } = ymd(day);
  const dd = String(d).padStart(2, '0');
  return `${WEEKDAYS[weekday]!.slice(0, 3)}, ${dd} ${MONTHS[m - 1]!.slice(0, 3)} ${y} 00:00:00 ${easternOffset(day)}`;
}

/** `Wednesday, 12 August 2026` (the listing heading). */
function longDate(day: string): string {
  const { y, m, d, weekday } = ymd(day);
  return `${WEEKDAYS[weekday]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

const currentDay = (world: StandInWorld): string | null =>
  world.currentDay ?? Object.keys(world.days).sort().at(-1) ?? null;

const paperMap = (world: StandInWorld): Map<string, StandInPaper> => new Map(world.papers.map((p) => [p.id, p]));

/** Does listed category `cat` fall under a requested category or archive (`cs` covers `cs.AI`)? */
const within = (cat: string, requested: string): boolean => cat === requested || cat.startsWith(`${requested}.`);
const inAny = (cat: string, requested: readonly string[]): boolean => requested.some((r) => within(cat, r));

/** Ids in arXiv's order: `2608.9999` before `2608.10000` (digit runs compare as numbers). */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function htmlErrorPage(title: string): { contentType: string; body: string } {
  return {
    contentType: 'text/html; charset=utf-8',
    body:
      `<!DOCTYPE html>\n<html lang="en">\n<head><title>${title} - arXiv</title></head>\n<body>\n` +
      `<h1>${title}</h1>\n<p>We are sorry, arXiv cannot serve this request right now. Please try again later.</p>\n` +
      `</body>\n</html>\n`,
  };
}

// ---------------------------------------------------------------------------------------------
// API (export.arxiv.org/api/query), 2026 format

const ATOM_CT = 'application/atom+xml; charset=utf-8';
const FEED_OPEN =
  `<?xml version='1.0' encoding='UTF-8'?>\n` +
  `<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n`;

/** The API's Error feed (HTTP 400), as `api-query-2026-04-error-400-incorrect-id-format.xml`. */
function apiErrorReply(message: string, now: Date): Reply {
  const anchor = `https://arxiv.org/api/errors#${message.replace(/[^A-Za-z0-9.]+/g, '_')}`;
  const updated = isoSeconds(now);
  const body =
    FEED_OPEN +
    `  <id>https://arxiv.org/</id>\n  <title>arXiv Search Results</title>\n  <updated>${updated}</updated>\n` +
    `  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>\n  <opensearch:totalResults>1</opensearch:totalResults>\n` +
    `  <opensearch:startIndex>0</opensearch:startIndex>\n  <entry>\n    <id>${x(anchor)}</id>\n    <title>Error</title>\n` +
    `    <updated>${updated}</updated>\n    <link href="${x(anchor)}" rel="alternate" type="text/html"/>\n` +
    `    <summary>${x(message)}</summary>\n    <author>\n      <name>arXiv api core</name>\n    </author>\n  </entry>\n</feed>\n`;
  return { status: 400, contentType: ATOM_CT, body };
}

interface SearchFilter {
  categories: string[];
  from: string | null;
  to: string | null;
}

/**
 * The part of `search_query` we need: `cat:X` terms (OR-ed) and one
 * `submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM]`, joined by AND/OR and parentheses. Anything else
 * is refused loudly rather than silently matching everything.
 */
function parseSearchQuery(q: string): SearchFilter | string {
  const filter: SearchFilter = { categories: [], from: null, to: null };
  let rest = q.replace(/submittedDate:\[\s*(\d{8,14})\s+TO\s+(\d{8,14})\s*\]/g, (_m, a: string, b: string) => {
    filter.from = a;
    filter.to = b;
    return ' ';
  });
  rest = rest.replace(/cat:([A-Za-z.\-*]+)/g, (_m, c: string) => {
    filter.categories.push(c);
    return ' ';
  });
  const leftover = rest.replace(/\b(AND|OR)\b|[()\s]/g, '');
  return leftover ? `arxiv-standin does not support this search_query: ${q}` : filter;
}

/** `2026-08-10T14:22:05Z` → `20260810142205` cut to the length of the query's bound. */
const compactTime = (iso: string, length: number): string => isoSeconds(iso).replace(/\D/g, '').slice(0, length);

function matchesSearch(p: StandInPaper, f: SearchFilter): boolean {
  if (f.categories.length) {
    const ok = f.categories.some((c) =>
      c.endsWith('.*') ? p.categories.some((pc) => within(pc, c.slice(0, -2))) : p.categories.includes(c),
    );
    if (!ok) return false;
  }
  if (f.from !== null && f.to !== null) {
    // Both bounds are inclusive, at the precision the query gives (minutes, usually).
    if (compactTime(p.published, f.from.length) < f.from || compactTime(p.published, f.to.length) > f.to) return false;
  }
  return true;
}

interface ApiEntryView {
  paper: StandInPaper;
  version: number;
}

/**
 * The API checks the form of an id only: `0000.0000` is a well-formed id that matches nothing
 * (api-query-2026-04-idlist-empty-result.xml), `abc` is an error.
 */
const API_ID = /^(\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v(\d+))?$/;

function apiReply(ctx: RenderContext, query: URLSearchParams, missing: readonly string[]): Reply {
  const searchQuery = query.get('search_query') ?? '';
  const idList = query.get('id_list') ?? '';
  const start = Math.max(0, Number(query.get('start') ?? '0') || 0);
  const maxResults = Math.max(0, Number(query.get('max_results') ?? '10') || 0);
  const papers = paperMap(ctx.world);

  let views: ApiEntryView[];
  if (idList.trim()) {
    views = [];
    for (const raw of idList
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = API_ID.exec(raw);
      if (!m) return apiErrorReply(`incorrect id format for ${raw}`, ctx.now);
      const paper = papers.get(m[1]!);
      const version = m[2] === undefined ? null : Number(m[2]);
      // The current API omits ids it does not know (and versions that do not exist yet).
      if (!paper || paper.deleted || (version !== null && version > paper.version)) continue;
      views.push({ paper, version: version ?? paper.version });
    }
  } else {
    views = ctx.world.papers.filter((p) => !p.deleted).map((paper) => ({ paper, version: paper.version }));
  }
  if (searchQuery.trim()) {
    const filter = parseSearchQuery(searchQuery);
    if (typeof filter === 'string') return apiErrorReply(filter, ctx.now);
    views = views.filter((v) => matchesSearch(v.paper, filter));
    const sortBy = query.get('sortBy') ?? 'relevance';
    const descending = (query.get('sortOrder') ?? 'descending') === 'descending';
    const key = (v: ApiEntryView) =>
      sortBy === 'submittedDate' ? v.paper.published : sortBy === 'lastUpdatedDate' ? v.paper.updated : null;
    if (sortBy !== 'relevance') {
      views.sort((a, b) => {
        const c = (key(a) ?? '').localeCompare(key(b) ?? '') || compareIds(a.paper.id, b.paper.id);
        return descending ? -c : c;
      });
    }
  }
  views = views.filter((v) => !missing.includes(v.paper.id));

  const page = views.slice(start, start + maxResults);
  const canonical = `search_query=${searchQuery}&id_list=${idList}&start=${start}&max_results=${maxResults}`;
  const feedId = createHash('sha1').update(canonical).digest('base64').replace(/=+$/, '');
  const link = `https://arxiv.org/api/query?search_query=${searchQuery}&start=${start}&max_results=${maxResults}&id_list=${idList}`;
  let body =
    FEED_OPEN +
    `  <id>https://arxiv.org/api/${x(feedId)}</id>\n  <title>arXiv Query: ${x(canonical)}</title>\n` +
    `  <updated>${isoSeconds(ctx.now)}</updated>\n  <link href="${x(link)}" type="application/atom+xml"/>\n` +
    `  <opensearch:itemsPerPage>${maxResults}</opensearch:itemsPerPage>\n` +
    `  <opensearch:totalResults>${views.length}</opensearch:totalResults>\n` +
    `  <opensearch:startIndex>${start}</opensearch:startIndex>\n`;
  for (const v of page) body += apiEntry(v);
  body += '</feed>\n';
  return { status: 200, contentType: ATOM_CT, body };
}

/** One entry in the 2026 element order (see arxiv.md, "Format drift"). */
export function apiEntry({ paper: p, version }: ApiEntryView): string {
  const idv = `${p.id}v${version}`;
  // Only the latest version's date is in the world; v1 was submitted at `published`.
  const updated = version === p.version ? p.updated : version === 1 ? p.published : p.updated;
  let s =
    `  <entry>\n    <id>http://arxiv.org/abs/${x(idv)}</id>\n    <title>${x(p.title)}</title>\n` +
    `    <updated>${isoSeconds(updated)}</updated>\n` +
    `    <link href="https://arxiv.org/abs/${x(idv)}" rel="alternate" type="text/html"/>\n` +
    `    <link href="https://arxiv.org/pdf/${x(idv)}" rel="related" type="application/pdf" title="pdf"/>\n` +
    `    <summary>${x(p.abstract)}</summary>\n`;
  for (const c of p.categories) s += `    <category term="${x(c)}" scheme="http://arxiv.org/schemas/atom"/>\n`;
  s += `    <published>${isoSeconds(p.published)}</published>\n`;
  if (p.comment) s += `    <arxiv:comment>${x(p.comment)}</arxiv:comment>\n`;
  s += `    <arxiv:primary_category term="${x(p.categories[0] ?? '')}"/>\n`;
  if (p.journalRef) s += `    <arxiv:journal_ref>${x(p.journalRef)}</arxiv:journal_ref>\n`;
  for (const a of p.authors) s += `    <author>\n      <name>${x(a)}</name>\n    </author>\n`;
  if (p.doi) {
    s += `    <arxiv:doi>${x(p.doi)}</arxiv:doi>\n`;
    s += `    <link rel="related" href="https://doi.org/${x(p.doi)}" title="doi"/>\n`;
  }
  return `${s}  </entry>\n`;
}

// ---------------------------------------------------------------------------------------------
// Announcement feed (rss.arxiv.org/rss/CATS), 2024 format

interface FeedItemView {
  paper: StandInPaper;
  version: number;
  type: AnnouncementKind;
}

const KIND_ORDER: Record<AnnouncementKind, number> = { new: 0, cross: 1, replace: 2, 'replace-cross': 3 };

/**
 * The day's items for `requested` (categories or archives), as arxiv-feed's database.py selects
 * them: one per paper (new > cross > replace when a paper has several), replacements of version
 * ≥ 6 left out, and the type relative to the requested set.
 */
export function feedItems(world: StandInWorld, day: string, requested: readonly string[]): FeedItemView[] {
  const papers = paperMap(world);
  const chosen = new Map<string, StandInAnnouncement>();
  for (const a of world.days[day] ?? []) {
    if (!a.categories.some((c) => inAny(c, requested))) continue;
    const isReplace = a.kind === 'replace' || a.kind === 'replace-cross';
    if (isReplace && a.version >= 6) continue;
    // A paper with several actions that day is listed once, by the first of new, cross, replace.
    const action = (k: AnnouncementKind) => (k === 'new' ? 0 : k === 'cross' ? 1 : 2);
    const prev = chosen.get(a.paperId);
    if (!prev || action(a.kind) < action(prev.kind)) chosen.set(a.paperId, a);
  }
  const items: FeedItemView[] = [];
  for (const a of chosen.values()) {
    const paper = papers.get(a.paperId)!;
    const primaryIn = inAny(paper.categories[0] ?? '', requested);
    const type: AnnouncementKind =
      a.kind === 'new'
        ? primaryIn
          ? 'new'
          : 'cross'
        : a.kind === 'cross'
          ? 'cross'
          : primaryIn
            ? 'replace'
            : 'replace-cross';
    items.push({ paper, version: a.version, type });
  }
  return items;
}

function rssReply(ctx: RenderContext, requested: string[]): Reply {
  const day = ctx.world.rssDay ?? currentDay(ctx.world);
  const joined = requested.join('+');
  const listed = requested.join(', ');
  const descending = ctx.options.rssIdOrder === 'descending';
  const items = day ? feedItems(ctx.world, day, requested) : [];
  items.sort(
    (a, b) => KIND_ORDER[a.type] - KIND_ORDER[b.type] || compareIds(a.paper.id, b.paper.id) * (descending ? -1 : 1),
  );
  const pubDate = day ? rfc822Midnight(day) : new Date(ctx.now).toUTCString().replace('GMT', '+0000');
  const built = day ? `${rfc822Midnight(day).slice(0, 16)} 04:00:11 +0000` : pubDate;
  let body =
    `<?xml version='1.0' encoding='UTF-8'?>\n` +
    `<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">\n` +
    `  <channel>\n    <title>${x(listed)} updates on arXiv.org</title>\n` +
    `    <link>http://rss.arxiv.org/rss/${x(joined)}</link>\n` +
    `    <description>${x(listed)} updates on the arXiv.org e-print archive.</description>\n` +
    `    <atom:link href="http://rss.arxiv.org/rss/${x(joined)}" rel="self" type="application/rss+xml"/>\n` +
    `    <docs>http://www.rssboard.org/rss-specification</docs>\n    <language>en-us</language>\n` +
    `    <lastBuildDate>${built}</lastBuildDate>\n    <managingEditor>rss-help@arxiv.org</managingEditor>\n` +
    `    <pubDate>${pubDate}</pubDate>\n` +
    `    <skipDays>\n      <day>Sunday</day>\n      <day>Saturday</day>\n    </skipDays>\n`;
  for (const it of items) {
    const p = it.paper;
    const idv = `${p.id}v${it.version}`;
    body +=
      `    <item>\n      <title>${x(p.title)}</title>\n      <link>https://arxiv.org/abs/${x(p.id)}</link>\n` +
      `      <description>arXiv:${x(idv)} Announce Type: ${it.type} \nAbstract: ${x(p.abstract)}</description>\n` +
      `      <guid isPermaLink="false">oai:arXiv.org:${x(idv)}</guid>\n`;
    for (const c of p.categories) body += `      <category>${x(c)}</category>\n`;
    body +=
      `      <pubDate>${pubDate}</pubDate>\n      <arxiv:announce_type>${it.type}</arxiv:announce_type>\n` +
      `      <dc:rights>${x(p.license ?? DEFAULT_LICENSE)}</dc:rights>\n`;
    if (p.journalRef) body += `      <arxiv:journal_reference>${x(p.journalRef)}</arxiv:journal_reference>\n`;
    if (p.doi) body += `      <arxiv:DOI>${x(p.doi)}</arxiv:DOI>\n`;
    body += `      <dc:creator>${x(p.authors.join(', '))}</dc:creator>\n    </item>\n`;
  }
  body += '  </channel>\n</rss>\n';
  return { status: 200, contentType: 'application/rss+xml; charset=utf-8', body };
}

// ---------------------------------------------------------------------------------------------
// Listing page (arxiv.org/list/CAT/new), arxiv-browse 2026 markup

type ListingSection = 'new' | 'cross' | 'replace';

interface ListingItem {
  paper: StandInPaper;
  version: number;
  section: ListingSection;
}

/** The day's entries of `/list/CAT/new`, by section, ids ascending (as the real page). */
export function listingItems(world: StandInWorld, day: string, cat: string): ListingItem[] {
  const papers = paperMap(world);
  const seen = new Set<string>();
  const items: ListingItem[] = [];
  for (const a of world.days[day] ?? []) {
    if (seen.has(a.paperId) || !a.categories.some((c) => within(c, cat))) continue;
    seen.add(a.paperId);
    const paper = papers.get(a.paperId)!;
    const primaryHere = within(paper.categories[0] ?? '', cat);
    const section: ListingSection =
      a.kind === 'new' && primaryHere ? 'new' : a.kind === 'new' || a.kind === 'cross' ? 'cross' : 'replace';
    items.push({ paper, version: a.version, section });
  }
  const order: Record<ListingSection, number> = { new: 0, cross: 1, replace: 2 };
  return items.sort((a, b) => order[a.section] - order[b.section] || compareIds(a.paper.id, b.paper.id));
}

function listingReply(ctx: RenderContext, cat: string): Reply {
  const day = currentDay(ctx.world);
  const items = day ? listingItems(ctx.world, day, cat) : [];
  const name = CATEGORY_NAMES.get(cat) ?? cat;
  const headings: Record<ListingSection, string> = {
    new: 'New submissions',
    cross: 'Cross submissions',
    replace: 'Replacement submissions',
  };
  const indexNames: Record<ListingSection, string> = {
    new: 'New submissions',
    cross: 'Cross-lists',
    replace: 'Replacements',
  };
  const sections = (['new', 'cross', 'replace'] as const).map((s) => ({
    kind: s,
    items: items.filter((i) => i.section === s),
  }));
  let n = 0;
  let firstIndex = 1;
  let index = '<ul>\n';
  for (const s of sections) {
    if (s.items.length) {
      index += `  <li><a href="/list/${h(cat)}/new?skip=0&amp;show=2000#item${firstIndex}" rel="nofollow">${indexNames[s.kind]}</a></li>\n`;
    }
    firstIndex += s.items.length;
  }
  index += '</ul>\n';

  let body =
    `<!DOCTYPE html>\n<html lang="en">\n<head>  <title>${h(name)}  authors/titles &#34;new&#34;</title>\n` +
    `  <meta charset="utf-8"/>\n  <meta name="viewport" content="width=device-width, initial-scale=1"/>\n</head>\n` +
    `<body  class="with-cu-identity">\n<main>\n<div id="content">\n<div id='content-inner'>\n<div id='dlpage'>\n` +
    `<h1>${h(name)}</h1>\n<h2>Authors and titles for new submissions</h2>\n` +
    (items.length ? index : '') +
    `<p>See <a id="recent-${h(cat)}" aria-labelledby="recent-${h(cat)}" href="/list/${h(cat)}/recent">recent</a> articles</p>\n` +
    `<h3>Showing new listings for ${day ? longDate(day) : ''}</h3>\n`;
  for (const s of sections) {
    if (!s.items.length) continue;
    body += `<dl id='articles'>\n<h3>${headings[s.kind]} (showing ${s.items.length} of ${s.items.length} entries)</h3>\n`;
    for (const it of s.items) body += listingEntry(it, ++n, cat);
    body += '</dl>\n';
  }
  if (!items.length) body += '<p>No updates today.</p>\n';
  body += `</div>\n</div>\n</div>\n</main>\n</body>\n</html>\n`;
  return { status: 200, contentType: 'text/html; charset=utf-8', body };
}

/** `Claudia V. Goldman` → `Goldman,+C+V` (arXiv's author-search query). */
function authorQuery(name: string): string {
  const { keyname, forenames } = splitName(name);
  const initials = (forenames ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((f) => f[0] ?? '');
  return initials.length ? `${keyname},+${initials.join('+')}` : keyname;
}

function listingEntry(it: ListingItem, n: number, cat: string): string {
  const p = it.paper;
  const id = h(p.id);
  const group = (cat.split('.')[0] ?? cat).replace(
    /^(astro-ph|cond-mat|gr-qc|hep-.*|nucl-.*|quant-ph|nlin)$/,
    'physics',
  );
  const marker =
    it.section === 'cross'
      ? `\n          (cross-list from ${h(p.categories[0] ?? '')})\n`
      : it.section === 'replace'
        ? '\n          (replaced)\n'
        : '\n      \n';
  const authors = p.authors
    .map(
      (a) => `<a href="https://arxiv.org/search/${group}?searchtype=author&amp;query=${h(authorQuery(a))}">${h(a)}</a>`,
    )
    .join(', ');
  const [primary, ...others] = p.categories;
  const subjects =
    `<span class="primary-subject">${h(categoryDisplay(primary ?? ''))}</span>` +
    others.map((c) => `; ${h(categoryDisplay(c))}`).join('');
  let s =
    `<dt>\n      <a name='item${n}'>[${n}]</a>\n` +
    `      <a href ="/abs/${id}" title="Abstract" id="${id}">\n        arXiv:${id}\n      </a>${marker}\n` +
    `        [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}" aria-labelledby="pdf-${id}">pdf</a>, ` +
    `<a href="https://arxiv.org/html/${id}v${it.version}" title="View HTML" id="html-${id}" aria-labelledby="html-${id}" rel="noopener noreferrer" target="_blank">html</a>, ` +
    `<a href="/format/${id}" title="Other formats" id="oth-${id}" aria-labelledby="oth-${id}">other</a>]\n    </dt>\n` +
    `    <dd>\n      <div class='meta'>\n        <div class='list-title mathjax'><span class='descriptor'>Title:</span>\n` +
    `          ${h(p.title)}\n        </div>\n        <div class='list-authors'>${authors}</div>\n\n`;
  if (p.comment) {
    s += `        <div class='list-comments mathjax'><span class='descriptor'>Comments:</span>\n          ${h(p.comment)}\n        </div>\n\n`;
  }
  if (p.journalRef) {
    s += `        <div class='list-journal-ref'><span class='descriptor'>Journal-ref:</span>\n          ${h(p.journalRef)}\n        </div>\n\n`;
  }
  s +=
    `        <div class='list-subjects'><span class='descriptor'>Subjects:</span>\n          ${subjects}\n        </div>\n\n` +
    `        <p class='mathjax'>\n          ${h(p.abstract)}\n        </p>\n      </div>\n    </dd>\n`;
  return s;
}

const categoryDisplay = (c: string): string => `${CATEGORY_NAMES.get(c) ?? c} (${c})`;

/** Display names for the categories tests use (arXiv_category_def); others show their code. */
const CATEGORY_NAMES = new Map(
  `astro-ph.GA Astrophysics of Galaxies|cond-mat.dis-nn Disordered Systems and Neural Networks|cs.AI Artificial Intelligence|cs.AR Hardware Architecture|cs.CC Computational Complexity|cs.CE Computational Engineering, Finance, and Science|cs.CG Computational Geometry|cs.CL Computation and Language|cs.CR Cryptography and Security|cs.CV Computer Vision and Pattern Recognition|cs.CY Computers and Society|cs.DB Databases|cs.DC Distributed, Parallel, and Cluster Computing|cs.DL Digital Libraries|cs.DM Discrete Mathematics|cs.DS Data Structures and Algorithms|cs.ET Emerging Technologies|cs.FL Formal Languages and Automata Theory|cs.GL General Literature|cs.GR Graphics|cs.GT Computer Science and Game Theory|cs.HC Human-Computer Interaction|cs.IR Information Retrieval|cs.IT Information Theory|cs.LG Machine Learning|cs.LO Logic in Computer Science|cs.MA Multiagent Systems|cs.MM Multimedia|cs.MS Mathematical Software|cs.NA Numerical Analysis|cs.NE Neural and Evolutionary Computing|cs.NI Networking and Internet Architecture|cs.OH Other Computer Science|cs.OS Operating Systems|cs.PF Performance|cs.PL Programming Languages|cs.RO Robotics|cs.SC Symbolic Computation|cs.SD Sound|cs.SE Software Engineering|cs.SI Social and Information Networks|cs.SY Systems and Control|econ.EM Econometrics|econ.GN General Economics|econ.TH Theoretical Economics|eess.AS Audio and Speech Processing|eess.IV Image and Video Processing|eess.SP Signal Processing|eess.SY Systems and Control|hep-th High Energy Physics - Theory|math.IT Information Theory|math.MG Metric Geometry|math.NA Numerical Analysis|math.OC Optimization and Control|math.PR Probability|math.ST Statistics Theory|physics.bio-ph Biological Physics|physics.comp-ph Computational Physics|physics.data-an Data Analysis, Statistics and Probability|q-bio.NC Neurons and Cognition|q-bio.QM Quantitative Methods|quant-ph Quantum Physics|stat.AP Applications|stat.CO Computation|stat.ME Methodology|stat.ML Machine Learning|stat.OT Other Statistics|stat.TH Statistics Theory`
    .split('|')
    .map((line) => {
      const i = line.indexOf(' ');
      return [line.slice(0, i), line.slice(i + 1)] as const;
    }),
);

// ---------------------------------------------------------------------------------------------
// OAI-PMH (oaipmh.arxiv.org/oai), ListRecords in the `arXiv` metadata format

const PHYSICS_ARCHIVES =
  /^(astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|physics|quant-ph)$/;

/** `cs.AI` → `cs:cs:AI`, `hep-th` → `physics:hep-th`, `astro-ph.GA` → `physics:astro-ph:GA`. */
export function oaiSetSpec(cat: string): string {
  const [archive = cat, sub] = cat.split('.');
  const group = PHYSICS_ARCHIVES.test(archive) ? 'physics' : archive;
  return sub === undefined ? `${group}:${archive}` : `${group}:${archive}:${sub}`;
}

/** A record is in set `s` when one of its set specs is `s` or lies under it (`cs`, `cs:cs`). */
const inSet = (p: StandInPaper, set: string): boolean =>
  p.categories.map(oaiSetSpec).some((spec) => spec === set || spec.startsWith(`${set}:`));

const datestampOf = (p: StandInPaper): string => p.datestamp ?? isoSeconds(p.updated).slice(0, 10);

/** Python's urllib.parse.quote (safe='/'): what arXiv's ResToken uses over urlencode(params). */
const pyQuote = (s: string): string =>
  encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/');

function oaiReply(ctx: RenderContext, query: URLSearchParams): Reply {
  const base = `${ctx.baseUrl}/oai`;
  const responseDate = isoSeconds(ctx.now);
  const xmlHead =
    `<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" \n` +
    `         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n` +
    `         xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n` +
    `    <responseDate>${responseDate}</responseDate>\n`;
  const reply = (inner: string): Reply => ({
    status: 200, // OAI-PMH errors are HTTP 200 with an <error> element (arXiv/oaipmh factory.py)
    contentType: 'text/xml; charset=utf-8',
    body: `${xmlHead}${inner}</OAI-PMH>\n`,
  });
  const requestEl = (params: Record<string, string>) =>
    `    <request${Object.entries(params)
      .map(([k, v]) => ` ${k}="${x(v)}"`)
      .join('')}>${x(base)}</request>\n`;
  const error = (code: string, message: string, params: Record<string, string> = {}) =>
    reply(`${requestEl(params)}    <error code='${code}'>${x(message)}</error>\n`);

  const given = Object.fromEntries(query);
  const verb = query.get('verb');
  if (verb !== 'ListRecords') return error('badVerb', `Invalid verb provided: ${verb ?? '(none)'}`);

  // Resolve the resumption token into the original parameters and the number of records to skip.
  let params: Record<string, string>;
  let skip = 0;
  const token = query.get('resumptionToken');
  const legacy = ctx.options.oaiTokenStyle === 'legacy';
  if (token !== null) {
    const state = legacy ? ctx.legacy.tokens.get(token) : decode2025Token(token);
    if (!state) return error('badResumptionToken', 'Token decoding failed or format is invalid.', given);
    params = state.params;
    skip = state.skip;
  } else {
    params = { ...given };
  }
  const prefix = params.metadataPrefix;
  if (!prefix) return error('badArgument', 'metadataPrefix is required', given);
  if (prefix !== 'arXiv' && prefix !== 'arXivRaw')
    return error('cannotDisseminateFormat', `Did not recognize requested format: ${prefix}`, given);

  const from = params.from ?? '0000-00-00';
  const until = params.until ?? '9999-99-99';
  const set = params.set;
  const all = ctx.world.papers
    .filter((p) => {
      const d = datestampOf(p);
      return d >= from && d <= until && (set === undefined || inSet(p, set));
    })
    .sort((a, b) => datestampOf(a).localeCompare(datestampOf(b)) || compareIds(a.id, b.id));
  if (!all.length) return error('noRecordsMatch', 'No records match the query.', given);

  const pageSize = ctx.options.oaiPageSize ?? 2500;
  const page = all.slice(skip, skip + pageSize);
  const nextSkip = skip + page.length;
  let inner = `${requestEl(given)}    <ListRecords>\n`;
  for (const p of page) inner += prefix === 'arXivRaw' ? oaiRawRecord(p) : oaiRecord(p);

  const more = nextSkip < all.length;
  const expires = new Date(ctx.now);
  expires.setUTCHours(24, 0, 0, 0); // next UTC midnight, as arXiv's ResToken
  const expiryAttr = ctx.options.oaiExpiryAttribute ?? 'expirationDate';
  if (legacy) {
    const attrs = `cursor="${skip}" completeListSize="${all.length}"`;
    if (more) {
      const t = `${ctx.legacy.nextResultSet()}|${nextSkip + 1}`;
      ctx.legacy.tokens.set(t, { params, skip: nextSkip });
      inner += `<resumptionToken ${attrs}>${x(t)}</resumptionToken>\n`;
    } else if (token !== null) {
      inner += `<resumptionToken ${attrs}/>\n`;
    }
  } else if (more) {
    const t = pyQuote(new URLSearchParams({ ...params, skip: String(nextSkip) }).toString());
    inner += `        <resumptionToken ${expiryAttr}='${isoSeconds(expires)}'>${x(t)}</resumptionToken>\n`;
  } else if (token !== null) {
    // The list was split: its last page says so with an empty token (OAI-PMH; arXiv's token.xml).
    inner += '        <resumptionToken/>\n';
  }
  inner += '    </ListRecords>\n';
  return reply(inner);
}

function decode2025Token(token: string): { params: Record<string, string>; skip: number } | null {
  let decoded: URLSearchParams;
  try {
    decoded = new URLSearchParams(decodeURIComponent(token));
  } catch {
    return null;
  }
  const skip = decoded.get('skip');
  if (skip === null || !/^\d+$/.test(skip)) return null;
  decoded.delete('skip');
  return { params: Object.fromEntries(decoded), skip: Number(skip) };
}

/** `Claudia V. Goldman` → keyname `Goldman`, forenames `Claudia V.` (arXiv's author split). */
function splitName(name: string): { keyname: string; forenames: string | null } {
  const parts = name.trim().split(/\s+/);
  const keyname = parts.pop() ?? '';
  return { keyname, forenames: parts.length ? parts.join(' ') : null };
}

/** One record as arXiv/oaipmh's record_formats.xml writes the `arXiv` format. */
export function oaiRecord(p: StandInPaper): string {
  let s =
    `        <record>\n            <header${p.deleted ? ' status="deleted"' : ''}>\n` +
    `                <identifier>oai:arXiv.org:${x(p.id)}</identifier>\n` +
    `                <datestamp>${datestampOf(p)}</datestamp>\n`;
  for (const c of p.categories) s += `                <setSpec>${x(oaiSetSpec(c))}</setSpec>\n`;
  s += '            </header>\n';
  if (p.deleted) return `${s}        </record>\n`;
  s +=
    `            <metadata>\n` +
    `    <arXiv xmlns="http://arxiv.org/OAI/arXiv/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://arxiv.org/OAI/arXiv/ http://arxiv.org/OAI/arXiv.xsd">\n` +
    `        <id>${x(p.id)}</id>\n        <created>${isoSeconds(p.published).slice(0, 10)}</created>\n`;
  if (p.version > 1) s += `        <updated>${isoSeconds(p.updated).slice(0, 10)}</updated>\n`;
  s += '        <authors>\n';
  for (const a of p.authors) {
    const { keyname, forenames } = splitName(a);
    s += `                <author>\n                    <keyname>${x(keyname)}</keyname>\n`;
    if (forenames) s += `                    <forenames>${x(forenames)}</forenames>\n`;
    s += '                </author>\n';
  }
  s += `        </authors>\n        <title>${x(p.title)}</title>\n`;
  s += `        <categories>${x(p.categories.join(' '))}</categories>\n`;
  if (p.comment) s += `        <comments>${x(p.comment)}</comments>\n`;
  if (p.journalRef) s += `        <journal-ref>${x(p.journalRef)}</journal-ref>\n`;
  if (p.doi) s += `        <doi>${x(p.doi)}</doi>\n`;
  s += `        <license>${x(p.license ?? DEFAULT_LICENSE)}</license>\n`;
  // arXiv stores abstracts with two leading spaces and a trailing newline; parsers must trim.
  s += `        <abstract>  ${x(p.abstract)}\n</abstract>\n    </arXiv>\n            </metadata>\n        </record>\n`;
  return s;
}

/** RFC 822 date as arXivRaw writes it: `Mon, 14 Apr 2008 21:02:00 GMT`. */
const rfc822 = (iso: string): string => new Date(iso).toUTCString();

/**
 * One record in the `arXivRaw` format (as in oai-getrecord-legacy-2016-10-arXivRaw-0804.2273.xml):
 * authors as one string, one `<version>` per version with its submission date. Versions between
 * the first and the latest are dated halfway, which is all a harvest test needs.
 */
export function oaiRawRecord(p: StandInPaper): string {
  let s =
    `        <record>\n            <header${p.deleted ? ' status="deleted"' : ''}>\n` +
    `                <identifier>oai:arXiv.org:${x(p.id)}</identifier>\n` +
    `                <datestamp>${datestampOf(p)}</datestamp>\n`;
  for (const c of p.categories) s += `                <setSpec>${x(oaiSetSpec(c))}</setSpec>\n`;
  s += '            </header>\n';
  if (p.deleted) return `${s}        </record>\n`;
  s += `            <metadata>\n                <arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://arxiv.org/OAI/arXivRaw/ http://arxiv.org/OAI/arXivRaw.xsd">\n`;
  s += `                    <id>${x(p.id)}</id><submitter>${x(p.authors[0] ?? 'Unknown')}</submitter>`;
  for (let v = 1; v <= p.version; v++) {
    const t =
      v === 1
        ? p.published
        : v === p.version
          ? p.updated
          : new Date((Date.parse(p.published) + Date.parse(p.updated)) / 2).toISOString();
    s += `<version version="v${v}"><date>${rfc822(t)}</date><size>100kb</size></version>`;
  }
  s += `<title>${x(p.title)}</title><authors>${x(p.authors.join(', '))}</authors><categories>${x(p.categories.join(' '))}</categories>`;
  if (p.comment) s += `<comments>${x(p.comment)}</comments>`;
  if (p.journalRef) s += `<journal-ref>${x(p.journalRef)}</journal-ref>`;
  if (p.doi) s += `<doi>${x(p.doi)}</doi>`;
  s += `<license>${x(p.license ?? DEFAULT_LICENSE)}</license><abstract>  ${x(p.abstract)}\n</abstract></arXivRaw>\n            </metadata>\n        </record>\n`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// A small realistic world (papers from the real samples in shared/fixtures/arxiv)

/**
 * Eight real papers (metadata from the 12 Aug 2026 cs.AI listing and the 24 Sep 2026 RSS
 * samples, abstracts shortened) announced over two days, the second one current. cs.AI on
 * 2026-08-12 has 2 new, 2 cross and 2 replacements, like the listing sample.
 */
export function sampleWorld(): StandInWorld {
  const papers: StandInPaper[] = [
    {
      id: '2608.09949',
      version: 1,
      title: 'Closed-Loop LLM Co-Pilots for Digital Agriculture',
      authors: ['Serge Kernbach'],
      abstract:
        'This study evaluates the application of Large Language Models (LLMs) in complex biological systems, evolving from data analysis to autonomous, AI-guided experimentation.',
      categories: ['cs.AI', 'physics.bio-ph'],
      published: '2026-08-11T09:14:02Z',
      updated: '2026-08-11T09:14:02Z',
    },
    {
      id: '2608.09967',
      version: 1,
      title: 'SPOTting the Future: Lookahead Explanations for Deep Reinforcement Learning',
      authors: ['Tamar Gozlan', 'Claudia V. Goldman'],
      abstract:
        "Deep reinforcement learning (DRL) agents achieve strong performance in complex environments, yet their decision-making processes remain difficult to interpret. The tree provides an empirical representation of the policy's action preferences.",
      categories: ['cs.AI', 'cs.LG'],
      published: '2026-08-11T10:40:51Z',
      updated: '2026-08-11T10:40:51Z',
    },
    {
      id: '2505.11635',
      version: 2,
      title: 'The Gaussian-Multinoulli Restricted Boltzmann Machine: A Potts Model Extension of the GRBM',
      authors: ['Nikhil Kapasi', 'Mohamed Elfouly', 'William Whitehead', 'Luke Theogarajan'],
      abstract:
        'Many real-world tasks, from associative memory to symbolic reasoning, benefit from discrete, structured representations that standard continuous latent models can struggle to express.',
      categories: ['cs.LG', 'cs.AI'],
      comment: '11 pages, 3 figures (1 figure has 2 subfigures), conference',
      published: '2025-05-16T19:05:27Z',
      updated: '2026-08-10T17:22:40Z',
    },
    {
      id: '2607.28646',
      version: 1,
      title:
        '"YES! YES! I absolutely love this insight!" Affirmative Narration as Interactional Strategy in Dialogues with LLM Chatbots',
      authors: ['Hanna-Riikka Roine', 'Anne Sigrid Refsum', 'Jill Walker Rettberg'],
      abstract:
        "This article analyses narrative mechanisms that are common in dialogues with LLM chatbots. Affirmative narration serves to convince users of the chatbot's utility.",
      categories: ['cs.HC', 'cs.AI'],
      comment: 'In review for a special issue of Narrative Inquiry',
      journalRef: '2026 Narrative Inquiry 23 (2)',
      published: '2026-08-11T12:03:19Z',
      updated: '2026-08-11T12:03:19Z',
    },
    {
      id: '2112.07752',
      version: 5,
      title: 'Representation and Invariance in Reinforcement Learning',
      authors: ['Samuel Alexander', 'Arthur Paul Pedersen'],
      abstract:
        "Researchers have formalized reinforcement learning (RL) in different ways. If an agent in one RL framework is to run within another RL framework's environments, the agent must first be converted, or mapped, into that other framework.",
      categories: ['cs.AI', 'cs.GT', 'cs.LG'],
      comment: '16 pages, 1 figure',
      published: '2021-12-14T21:19:01Z',
      updated: '2026-08-11T16:45:12Z',
    },
    {
      id: '2505.23399',
      version: 2,
      title: 'GAM-Agent: Game-Theoretic and Uncertainty-Aware Collaboration for Complex Visual Reasoning',
      authors: ['Jusheng Zhang', 'Yijia Fan', 'Wenjun Lin', 'Ruiqi Chen'],
      abstract: 'We propose GAM-Agent, a game-theoretic multi-agent framework for enhancing vision-language reasoning.',
      categories: ['cs.AI'],
      comment: 'Accepted at NeurIPS 2025. Code available at https://github.com/jushengzhang/Gam-Agent',
      published: '2025-05-29T12:58:41Z',
      updated: '2026-08-11T08:02:33Z',
    },
    {
      id: '2205.06398',
      version: 2,
      title: 'Outlier Detection for Multi-Network Data',
      authors: ['Pritam Dey', 'Zhengwu Zhang', 'David B. Dunson'],
      abstract:
        'It has become routine in neuroscience studies to measure brain networks for different individuals using neuroimaging.',
      categories: ['stat.ME', 'stat.AP', 'stat.ML'],
      doi: '10.1093/bioinformatics/btac431',
      license: 'http://creativecommons.org/licenses/by-sa/4.0/',
      published: '2022-05-13T00:49:26Z',
      updated: '2022-07-06T15:10:02Z',
    },
    {
      id: '2009.13987',
      version: 3,
      title: 'Random Polytope Descriptors',
      authors: ['Michael Joswig', 'Marek Kaluba', 'Lukas Ruff'],
      abstract:
        'We introduce a class of random polytopes which simultaneously generalizes several known constructions.',
      categories: ['cs.LG', 'math.MG', 'stat.ML'],
      license: 'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
      published: '2020-09-29T13:10:37Z',
      updated: '2026-08-10T11:31:56Z',
    },
  ];
  const all = (id: string) => papers.find((p) => p.id === id)!.categories;
  return {
    papers,
    days: {
      '2026-08-11': [
        { paperId: '2009.13987', version: 3, kind: 'replace', categories: all('2009.13987') },
        { paperId: '2505.11635', version: 2, kind: 'replace', categories: all('2505.11635') },
      ],
      '2026-08-12': [
        { paperId: '2608.09949', version: 1, kind: 'new', categories: all('2608.09949') },
        { paperId: '2608.09967', version: 1, kind: 'new', categories: all('2608.09967') },
        { paperId: '2607.28646', version: 1, kind: 'new', categories: all('2607.28646') },
        // An older paper newly cross-listed to cs.AI: a cross with version 2 (as 2205.06398v2 in the RSS sample).
        { paperId: '2505.11635', version: 2, kind: 'cross', categories: ['cs.AI'] },
        { paperId: '2112.07752', version: 5, kind: 'replace', categories: all('2112.07752') },
        { paperId: '2505.23399', version: 2, kind: 'replace', categories: all('2505.23399') },
        { paperId: '2205.06398', version: 2, kind: 'cross', categories: ['stat.ML'] },
      ],
    },
  };
}
