/**
 * The reference system's real days in ../shared/fixtures (or ARXIV_DIGEST_FIXTURES), read in
 * place — never copied into the repository: the seed digest and the five anchor days, each
 * imported into a store as a user imports a data branch, and viewed as every output sees it.
 * Used by the conformance suite and the benches; no vitest here, so a bench can use it too.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importReferenceFile } from '../../src/ingest/import-files.js';
import type { DayView } from '../../src/core/day-view.js';
import { loadDay } from '../../src/publish/load-day.js';
import { openStore, type Store } from '../../src/store/store.js';

export const FIXTURES =
  process.env.ARXIV_DIGEST_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
export const ANCHOR = join(FIXTURES, 'anchor-days');

export interface RealDay {
  /** `seed` or the anchor day's date. */
  name: string;
  date: string;
  enhanced: string;
  raw: string | null;
  markdown: string;
}

export function realDays(): RealDay[] {
  if (!existsSync(ANCHOR))
    throw new Error(`the reference fixtures are missing at ${ANCHOR} (set ARXIV_DIGEST_FIXTURES)`);
  return [
    {
      name: 'seed',
      date: '2026-01-09',
      enhanced: join(FIXTURES, 'seed/enhanced.jsonl'),
      raw: null,
      markdown: join(FIXTURES, 'seed/digest.md'),
    },
    ...readdirSync(ANCHOR)
      .filter((f) => f.endsWith('_AI_enhanced_Chinese.jsonl'))
      .sort()
      .map((f) => {
        const date = f.slice(0, 10);
        return {
          name: date,
          date,
          enhanced: join(ANCHOR, f),
          raw: join(ANCHOR, `${date}.jsonl`),
          markdown: join(ANCHOR, `${date}.md`),
        };
      }),
  ];
}

/** The category order a digest was written with: its own table of contents. */
export const tocOrder = (md: string): string[] => [...md.matchAll(/^- \[([^\]]+)\]\(#/gm)].map((m) => m[1]!);

/** Imports a day's files (enhanced, raw, Markdown) into the store; throws on any refused line. */
export function importRealDay(store: Store, day: RealDay): void {
  for (const file of [day.enhanced, day.raw, day.markdown]) {
    if (!file) continue;
    const r = importReferenceFile(store, file, { date: day.date, defaultLanguage: 'Chinese' });
    if (!('counts' in r)) throw new Error(r.error);
    if (r.rejects.length) throw new Error(`${file}: ${r.rejects.map((x) => x.reason).join('; ')}`);
  }
}

export function viewRealDay(store: Store, day: RealDay): DayView {
  return loadDay(store, {
    date: day.date,
    language: 'Chinese',
    categoryOrder: tocOrder(readFileSync(day.markdown, 'utf8')),
    preferredSummarizer: 'offline',
  });
}

/** Every real day as a DayView, each from its own store (the seed shares a date with an anchor day). */
export function loadRealDays(): { day: RealDay; view: DayView }[] {
  const dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-real-'));
  try {
    return realDays().map((day) => {
      const store = openStore(join(dir, `${day.name}.db`));
      try {
        importRealDay(store, day);
        return { day, view: viewRealDay(store, day) };
      } finally {
        store.close();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
