/** Code links of papers, and the one each day showed. SQL over the store's connection (see store.ts, the facade). */
import type { CodeLink } from '../core/types.js';
import { WriteCounts, emptyCounts } from './shared.js';
import type { StoreContext } from './context.js';

/** Stores code links; `keep`: a link already stored keeps its stars (an older day's file). */
export function upsertCodeLinks(
  c: StoreContext,
  links: readonly CodeLink[],
  source: string,
  opts: { keep?: boolean } = {},
): WriteCounts {
  const counts = emptyCounts();
  const select = c.stmt('SELECT stars, last_update FROM code_links WHERE paper_id = ? AND url = ?');
  const upsert = c.stmt(`
    INSERT INTO code_links (paper_id, url, stars, last_update, source, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (paper_id, url) DO UPDATE SET stars = excluded.stars, last_update = excluded.last_update,
      source = excluded.source, updated_at = excluded.updated_at`);
  c.transaction(() => {
    const now = c.now();
    for (const l of links) {
      const old = select.get(l.paperId, l.url) as { stars: number | null; last_update: string | null } | undefined;
      const stars = l.stars === undefined ? (old?.stars ?? null) : l.stars;
      const lastUpdate = l.lastUpdate === undefined ? (old?.last_update ?? null) : l.lastUpdate;
      if (old && ((old.stars === stars && old.last_update === lastUpdate) || opts.keep)) {
        counts.unchanged++;
        continue;
      }
      upsert.run(l.paperId, l.url, stars, lastUpdate, source, now);
      if (old) counts.updated++;
      else counts.inserted++;
    }
  });
  return counts;
}

export function getDayCodeLinks(c: StoreContext, date: string): Map<string, CodeLink> {
  const rows = c
    .stmt(
      `
    SELECT paper_id, url, stars, last_update FROM code_links
    WHERE paper_id IN (SELECT paper_id FROM announcements WHERE date = ?) ORDER BY paper_id, updated_at`,
    )
    .all(date) as {
    paper_id: string;
    url: string;
    stars: number | null;
    last_update: string | null;
  }[];
  const out = new Map<string, CodeLink>();
  for (const r of rows) {
    if (!out.has(r.paper_id))
      out.set(r.paper_id, { paperId: r.paper_id, url: r.url, stars: r.stars, lastUpdate: r.last_update });
  }
  // A published day shows the code link its files had (or none), not what is known since.
  const shown = c.stmt('SELECT paper_id, code FROM day_entries WHERE date = ? AND code IS NOT NULL').all(date) as {
    paper_id: string;
    code: string;
  }[];
  for (const r of shown) {
    const code = JSON.parse(r.code) as Omit<CodeLink, 'paperId'> | null;
    if (code) out.set(r.paper_id, { paperId: r.paper_id, ...code });
    else out.delete(r.paper_id);
  }
  return out;
}

export function getCodeLinks(c: StoreContext, id: string): CodeLink[] {
  return (
    c
      .stmt('SELECT paper_id, url, stars, last_update FROM code_links WHERE paper_id = ? ORDER BY updated_at')
      .all(id) as {
      paper_id: string;
      url: string;
      stars: number | null;
      last_update: string | null;
    }[]
  ).map((r) => ({ paperId: r.paper_id, url: r.url, stars: r.stars, lastUpdate: r.last_update }));
}
