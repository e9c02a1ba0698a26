/** Summaries and the claims concurrent processes take on them. SQL over the store's connection (see store.ts, the facade). */
import type { StoredSummary, SummaryInput } from '../core/types.js';
import { SUMMARY_FIELDS_STORED, SUMMARY_KEY, sameFields, summaryWrite, toSummary, type SummaryRow } from './rows.js';
import { WriteCounts, emptyCounts, SummaryKey } from './shared.js';
import type { StoreContext } from './context.js';
import { reindex } from './search.js';

export function upsertSummaries(c: StoreContext, summaries: readonly SummaryInput[]): WriteCounts {
  const counts = emptyCounts();
  const select = c.stmt(
    'SELECT * FROM summaries WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ? AND day = ?',
  );
  const upsert = c.stmt(
    `INSERT INTO summaries (${SUMMARY_KEY.join(', ')}, ${SUMMARY_FIELDS_STORED.join(', ')}, created_at, updated_at)
     VALUES (${[...SUMMARY_KEY, ...SUMMARY_FIELDS_STORED].map((c) => `@${c}`).join(', ')}, @now, @now)
     ON CONFLICT (${SUMMARY_KEY.join(', ')}) DO UPDATE SET
       ${SUMMARY_FIELDS_STORED.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`,
  );
  const endClaim = c.stmt(
    'DELETE FROM summary_claims WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ?',
  );
  c.transaction(() => {
    const now = c.now();
    const touched = new Set<string>();
    for (const s of summaries) {
      const row = summaryWrite(s);
      const old = select.get(s.paperId, s.version, s.language, s.summarizer, s.promptVersion, row.day) as
        SummaryRow | undefined;
      // A summary that is done is never marked to do again: another process may have finished
      // it since this one read the day (its pending mark would erase a paid summary).
      if (old && ((old.status === 'ok' && row.status === 'pending') || sameFields(old, row, SUMMARY_FIELDS_STORED))) {
        counts.unchanged++;
        continue;
      }
      upsert.run({ ...row, now });
      // A finished summary ends its claim in the same transaction: a process waiting for the
      // paper sees it done, never released but not yet stored (it would pay for it again).
      if (row.status !== 'pending' && row.day === '')
        endClaim.run(s.paperId, s.version, s.language, s.summarizer, s.promptVersion);
      if (old) counts.updated++;
      else counts.inserted++;
      // The search index holds ok summaries only: a pending or failed row that was not ok leaves it as it is.
      if (row.status === 'ok' || old?.status === 'ok') touched.add(s.paperId);
    }
    reindex(c, [...touched]);
  });
  return counts;
}

/** Our summary (not one read from a published day) stored under this key, or null. */
export function getSummary(c: StoreContext, key: SummaryKey): StoredSummary | null {
  const row = c
    .stmt(
      "SELECT * FROM summaries WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ? AND day = ''",
    )
    .get(key.paperId, key.version, key.language, key.summarizer, key.promptVersion) as SummaryRow | undefined;
  return row ? toSummary(row) : null;
}

/**
 * Claims the key for `holder` until now + ttlMs, atomically: when nobody holds it, its claim
 * has expired, `holder` holds it already, or it is held by `replacing` (a holder found dead).
 * Returns who holds it afterwards.
 */
export function claimSummary(
  c: StoreContext,
  key: SummaryKey,
  holder: string,
  ttlMs: number,
  replacing: string | null = null,
): string {
  const now = Date.now();
  const params = [key.paperId, key.version, key.language, key.summarizer, key.promptVersion] as const;
  c.stmt(
    `INSERT INTO summary_claims (paper_id, version, language, summarizer, prompt_version, holder, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (paper_id, version, language, summarizer, prompt_version) DO UPDATE
       SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE summary_claims.expires_at < ? OR summary_claims.holder = excluded.holder OR summary_claims.holder = ?`,
  ).run(...params, holder, now + ttlMs, now, replacing ?? '');
  return (
    c
      .stmt(
        `SELECT holder FROM summary_claims
       WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ?`,
      )
      .get(...params) as { holder: string }
  ).holder;
}

/** Who holds the key's claim (null: nobody, or it expired). */
export function summaryClaim(c: StoreContext, key: SummaryKey): string | null {
  const row = c
    .stmt(
      `SELECT holder FROM summary_claims
     WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ? AND expires_at >= ?`,
    )
    .get(key.paperId, key.version, key.language, key.summarizer, key.promptVersion, Date.now()) as
    { holder: string } | undefined;
  return row?.holder ?? null;
}

/** Keeps every claim of `holder` for another ttlMs. */
export function renewSummaryClaims(c: StoreContext, holder: string, ttlMs: number): void {
  c.stmt('UPDATE summary_claims SET expires_at = ? WHERE holder = ?').run(Date.now() + ttlMs, holder);
}

export function releaseSummary(c: StoreContext, key: SummaryKey, holder: string): void {
  c.stmt(
    `DELETE FROM summary_claims
     WHERE paper_id = ? AND version = ? AND language = ? AND summarizer = ? AND prompt_version = ? AND holder = ?`,
  ).run(key.paperId, key.version, key.language, key.summarizer, key.promptVersion, holder);
}

/** Every summary of the day's papers in one language (all statuses, all summarizers). */
export function getDaySummaries(c: StoreContext, date: string, language: string): StoredSummary[] {
  return (
    c
      .stmt(
        `
      SELECT * FROM summaries WHERE language = ? AND paper_id IN (SELECT paper_id FROM announcements WHERE date = ?)`,
      )
      .all(language, date) as SummaryRow[]
  ).map(toSummary);
}

/** For each of the day's papers, the other languages it has ok summaries in. */
export function getDayOtherLanguages(c: StoreContext, date: string, language: string): Map<string, string[]> {
  const rows = c
    .stmt(
      `
    SELECT DISTINCT paper_id, language FROM summaries
    WHERE status = 'ok' AND language <> ? AND paper_id IN (SELECT paper_id FROM announcements WHERE date = ?)
    ORDER BY language`,
    )
    .all(language, date) as { paper_id: string; language: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.paper_id, [...(out.get(r.paper_id) ?? []), r.language]);
  return out;
}

export function getSummaries(c: StoreContext, paperId: string): StoredSummary[] {
  return (
    c.stmt('SELECT * FROM summaries WHERE paper_id = ? ORDER BY language, updated_at DESC').all(paperId) as SummaryRow[]
  ).map(toSummary);
}
