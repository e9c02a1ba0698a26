/**
 * The day record and the reader's state (core/day-record.ts) as `run` writes them beside the day
 * files: what only the store knows, so that `import` of `--out` rebuilds the store. Pure.
 */
import {
  DAY_RECORD_FORMAT,
  READER_RECORD_FORMAT,
  recordedTarget,
  type DayRecord,
  type ReaderRecord,
  type RecordedSummary,
} from '../core/day-record.js';
import type { StoredSummary } from '../core/types.js';
import type { DayPaper, DayView } from '../core/day-view.js';

const recorded = (s: StoredSummary): RecordedSummary => ({
  summarizer: s.summarizer,
  promptVersion: s.promptVersion,
  version: s.version,
  day: s.day ?? '',
  status: s.status,
  error: s.error ?? null,
  flags: s.flags,
  tokensIn: s.tokensIn ?? null,
  tokensOut: s.tokensOut ?? null,
  costUsd: s.costUsd ?? null,
  durationMs: s.durationMs ?? null,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

const summaryOf = (p: DayPaper): RecordedSummary | null => (p.summary.summary ? recorded(p.summary.summary) : null);

export interface DeliveryRow {
  channel: string;
  target: string;
  status: 'sent' | 'failed';
  attempts: number;
  updatedAt: string;
}

/** The day as published: its announcements exactly, each paper's provenance, its deliveries. */
export function renderDayRecord(day: DayView, deliveries: readonly DeliveryRow[]): string {
  const papers: DayRecord['papers'] = {};
  for (const p of [...day.papers, ...day.unlisted])
    papers[p.paper.id] = {
      version: p.paper.version,
      journalRef: p.paper.journalRef,
      doi: p.paper.doi,
      published: p.paper.published,
      updated: p.paper.updated,
      summary: summaryOf(p),
    };
  const record: DayRecord = {
    format: DAY_RECORD_FORMAT,
    date: day.date,
    language: day.language,
    categoryOrder: day.categories.map((c) => c.name),
    announcements: day.listings.map((l) => ({
      id: l.paper.paper.id,
      category: l.category,
      kind: l.kind,
      version: l.version ?? null,
    })),
    papers,
    deliveries: deliveries.map((d) => ({
      channel: d.channel,
      target: d.target.startsWith('sha256:') ? d.target : recordedTarget(d.target),
      status: d.status,
      attempts: d.attempts,
      updatedAt: d.updatedAt,
    })),
  };
  return lineJson(record);
}

/**
 * JSON with one entry of each list (an announcement, a paper, a mark) per line: compact, and a
 * day that changes shows as a few changed lines in the data branch's history.
 */
function lineJson(o: object): string {
  const parts = Object.entries(o).map(([k, v]) => {
    const key = JSON.stringify(k);
    if (Array.isArray(v) && v.length && typeof v[0] === 'object')
      return `${key}: [\n${v.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n ]`;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length)
      return `${key}: {\n${Object.entries(v)
        .map(([id, x]) => `  ${JSON.stringify(id)}: ${JSON.stringify(x)}`)
        .join(',\n')}\n }`;
    return `${key}: ${JSON.stringify(v)}`;
  });
  return `{\n ${parts.join(',\n ')}\n}\n`;
}

export function renderReaderRecord(r: Omit<ReaderRecord, 'format'>): string {
  const record: ReaderRecord = { format: READER_RECORD_FORMAT, marks: r.marks, state: r.state };
  return lineJson(record);
}
