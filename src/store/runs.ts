/** The runs log, deliveries per day and channel, and counts. SQL over the store's connection (see store.ts, the facade). */
import { redactNullable, redactSecrets } from '../core/secrets.js';
import { RunRecord } from './shared.js';
import type { StoreContext } from './context.js';

export function startRun(c: StoreContext, command: string, args: unknown): number {
  const info = c
    .stmt("INSERT INTO runs (command, args, started_at, status) VALUES (?, ?, ?, 'running')")
    .run(command, redactSecrets(JSON.stringify(args ?? {})), c.now());
  return Number(info.lastInsertRowid);
}

export function finishRun(
  c: StoreContext,
  id: number,
  status: 'ok' | 'failed',
  counts: Record<string, number>,
  error?: string,
): void {
  c.stmt('UPDATE runs SET finished_at = ?, status = ?, counts = ?, error = ? WHERE id = ?').run(
    c.now(),
    status,
    JSON.stringify(counts),
    redactNullable(error ?? null),
    id,
  );
}

export function listRuns(c: StoreContext, limit = 20): RunRecord[] {
  const rows = c.stmt('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit) as {
    id: number;
    command: string;
    status: RunRecord['status'];
    started_at: string;
    finished_at: string | null;
    counts: string | null;
    error: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    command: r.command,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : null,
    error: redactNullable(r.error),
  }));
}

/** Counts for `doctor` and tests. */
export function stats(c: StoreContext): { papers: number; days: number; announcements: number; summaries: number } {
  return c
    .stmt(
      `SELECT (SELECT count(*) FROM papers) AS papers,
    (SELECT count(DISTINCT date) FROM announcements) AS days,
    (SELECT count(*) FROM announcements) AS announcements,
    (SELECT count(*) FROM summaries) AS summaries`,
    )
    .get() as {
    papers: number;
    days: number;
    announcements: number;
    summaries: number;
  };
}

export function getDelivery(
  c: StoreContext,
  date: string,
  channel: string,
  target: string,
): { status: 'sent' | 'failed'; error: string | null; attempts: number } | null {
  const row = c
    .stmt('SELECT status, error, attempts FROM deliveries WHERE date = ? AND channel = ? AND target = ?')
    .get(date, channel, target) as { status: 'sent' | 'failed'; error: string | null; attempts: number } | undefined;
  return row ? { ...row, error: redactNullable(row.error) } : null;
}

/** The deliveries of a day, for its record. */
export function listDeliveries(
  c: StoreContext,
  date: string,
): { channel: string; target: string; status: 'sent' | 'failed'; attempts: number; updatedAt: string }[] {
  return (
    c
      .stmt(
        'SELECT channel, target, status, attempts, updated_at FROM deliveries WHERE date = ? ORDER BY channel, target',
      )
      .all(date) as {
      channel: string;
      target: string;
      status: 'sent' | 'failed';
      attempts: number;
      updated_at: string;
    }[]
  ).map((r) => ({
    channel: r.channel,
    target: r.target,
    status: r.status,
    attempts: r.attempts,
    updatedAt: r.updated_at,
  }));
}

/** Deliveries restored from a day record, where the store has none for the day, channel and target. */
export function restoreDeliveries(
  c: StoreContext,
  date: string,
  rows: readonly {
    channel: string;
    target: string;
    status: 'sent' | 'failed';
    attempts: number;
    updatedAt: string;
  }[],
): number {
  const put = c.stmt(
    `INSERT OR IGNORE INTO deliveries (date, channel, target, status, error, attempts, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)`,
  );
  return c.transaction(() =>
    rows.reduce((n, r) => n + put.run(date, r.channel, r.target, r.status, r.attempts, r.updatedAt).changes, 0),
  );
}

export function recordDelivery(
  c: StoreContext,
  date: string,
  channel: string,
  target: string,
  status: 'sent' | 'failed',
  error: string | null = null,
): void {
  c.stmt(
    `
    INSERT INTO deliveries (date, channel, target, status, error, attempts, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)
    ON CONFLICT (date, channel, target) DO UPDATE SET status = excluded.status, error = excluded.error,
      attempts = attempts + 1, updated_at = excluded.updated_at`,
  ).run(date, channel, target, status, redactNullable(error), c.now());
}

/**
 * SQLite's own check of the file: `quick_check` (structure, minutes on nothing but huge stores)
 * or the full `integrity_check` (indexes against tables too). "ok" when sound.
 */
export function integrity(c: StoreContext, full = false): string {
  return String(c.db.pragma(full ? 'integrity_check' : 'quick_check', { simple: true }));
}
