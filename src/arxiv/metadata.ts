/**
 * Fetches full metadata for announced papers from the API's `id_list`, in batches, asking again
 * for ids an answer left out. What never arrives is returned as missing with the reason, for
 * the caller to store and the next run to ask for again.
 */
import { parseApiFeed } from './atom.js';
import type { ArxivHttp } from './http.js';
import { HttpError } from './http.js';
import { ArxivApiError, type ApiFeed, type ArxivEntry } from './types.js';

export interface WantedPaper {
  id: string;
  /** Asked for as `IDvN` so the metadata matches the announced version; null = latest. */
  version: number | null;
}

export interface MetadataResult {
  entries: ArxivEntry[];
  missing: { id: string; version: number | null; reason: string }[];
  requests: number;
}

export interface MetadataOptions {
  apiUrl: string;
  /** At most 200 ids per request (arXiv's guidance for id_list). */
  batchSize?: number;
  /** How many requests an id may appear in before it counts as missing. */
  rounds?: number;
}

const versioned = (w: WantedPaper): string => (w.version ? `${w.id}v${w.version}` : w.id);

/** GET one API URL and parse it; a malformed body is retried by the client, never read as empty. */
export async function getApiFeed(http: ArxivHttp, url: string): Promise<ApiFeed> {
  let feed: ApiFeed | undefined;
  await http.get(url, {
    accept: 'application/atom+xml',
    acceptStatuses: [400],
    // Parsing inside validate lets the client retry a truncated or HTML body; an API Error
    // feed (ArxivApiError) is not retried and reaches the caller.
    validate: (body) => {
      feed = parseApiFeed(body);
    },
  });
  return feed!;
}

export async function fetchMetadata(
  http: ArxivHttp,
  wanted: readonly WantedPaper[],
  opts: MetadataOptions,
): Promise<MetadataResult> {
  const batchSize = Math.min(opts.batchSize ?? 200, 200);
  const rounds = opts.rounds ?? 3;
  const entries: ArxivEntry[] = [];
  const missing: MetadataResult['missing'] = [];
  const tries = new Map<string, number>();
  let queue = [...new Map(wanted.map((w) => [w.id, w])).values()];
  let requests = 0;
  while (queue.length) {
    const batch = queue.slice(0, batchSize);
    queue = queue.slice(batchSize);
    const url = `${opts.apiUrl}?id_list=${batch.map(versioned).map(encodeURIComponent).join(',')}&max_results=${batch.length}`;
    requests++;
    let feed: ApiFeed;
    try {
      feed = await getApiFeed(http, url);
    } catch (e) {
      if (!(e instanceof HttpError || e instanceof ArxivApiError)) throw e;
      // arXiv is not answering (or refuses the request): stop asking, keep what arrived, and
      // report the rest so the next run asks for exactly those.
      const reason = e instanceof HttpError ? e.message : `arXiv API error: ${e.message}`;
      for (const w of [...batch, ...queue]) missing.push({ id: w.id, version: w.version, reason });
      break;
    }
    const got = new Set<string>();
    for (const entry of feed.entries) {
      got.add(entry.id);
      entries.push(entry);
    }
    for (const w of batch) {
      if (got.has(w.id)) continue;
      const n = (tries.get(w.id) ?? 0) + 1;
      tries.set(w.id, n);
      // Ask again in a later request: the API sometimes leaves ids out under load.
      if (n < rounds) queue.push(w);
      else missing.push({ id: w.id, version: w.version, reason: `not in the API's answer after ${n} requests` });
    }
  }
  return { entries, missing, requests };
}
