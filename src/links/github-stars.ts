/**
 * Stars and last push of GitHub repositories, when a token is set. Time-boxed: the whole
 * lookup has a deadline and every failure is only counted, so it never blocks or fails a run.
 */

export interface StarsOptions {
  token: string;
  /** Default https://api.github.com (tests point it at a loopback server). */
  apiUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Whole lookup, default 15 s. */
  deadlineMs?: number;
  /** Requests at once, default 4. */
  concurrency?: number;
}

export interface StarsResult {
  stars: Map<string, { stars: number; lastUpdate: string | null }>;
  failed: number;
  /** Repositories not asked for because the deadline came first. */
  skipped: number;
}

export async function fetchGithubStars(urls: readonly string[], opts: StarsOptions): Promise<StarsResult> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const api = (opts.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const deadline = AbortSignal.timeout(opts.deadlineMs ?? 15_000);
  const result: StarsResult = { stars: new Map(), failed: 0, skipped: 0 };
  const queue = [...new Set(urls.filter((u) => u.startsWith('https://github.com/')))];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      if (deadline.aborted) {
        result.skipped++;
        continue;
      }
      const repo = url.slice('https://github.com/'.length);
      try {
        const res = await doFetch(`${api}/repos/${repo}`, {
          headers: {
            authorization: `Bearer ${opts.token}`,
            accept: 'application/vnd.github+json',
            'user-agent': 'arxiv-digest',
          },
          signal: deadline,
        });
        if (!res.ok) {
          result.failed++;
          continue;
        }
        const body = (await res.json()) as { stargazers_count?: unknown; pushed_at?: unknown };
        if (typeof body.stargazers_count !== 'number') {
          result.failed++;
          continue;
        }
        result.stars.set(url, {
          stars: body.stargazers_count,
          lastUpdate: typeof body.pushed_at === 'string' ? body.pushed_at.slice(0, 10) : null,
        });
      } catch {
        if (deadline.aborted) result.skipped++;
        else result.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  return result;
}
