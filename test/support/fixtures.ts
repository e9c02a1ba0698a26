/** Builders and temp folders for tests (never shipped: excluded from the build). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Paper, SummaryFields } from '../../src/core/types.js';
import { openStore, type Store } from '../../src/store/store.js';

/** A temp folder removed when the current test ends. */
export function testDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A fresh store in a temp folder, closed when the test ends. A fixed clock unless given. */
export function testStore(now: () => Date = () => new Date('2026-11-28T12:00:00Z')): Store {
  const store = openStore(join(testDir(), 'store.db'), { now });
  onTestFinished(() => store.close());
  return store;
}

export interface RefLine {
  id: string;
  categories: string[];
  authors: string[];
  title: string;
  comment: string | null;
  summary: string;
  AI?: SummaryFields;
  code_url?: string;
  code_stars?: number;
  code_last_update?: string;
}

/** One line of the reference system's JSONL, with sensible defaults. */
export function refLine(over: Partial<RefLine> & { id: string }): Record<string, unknown> {
  const o: RefLine = {
    categories: ['cs.LG'],
    authors: ['Ada Lovelace', 'Alan Turing'],
    title: `Paper ${over.id}`,
    comment: null,
    summary: `We study problem ${over.id}. We propose a method. It improves accuracy by 3%.`,
    ...over,
  };
  const { AI, code_url, code_stars, code_last_update, ...raw } = o;
  return {
    id: raw.id,
    categories: raw.categories,
    pdf: `https://arxiv.org/pdf/${raw.id}`,
    abs: `https://arxiv.org/abs/${raw.id}`,
    authors: raw.authors,
    title: raw.title,
    comment: raw.comment,
    summary: raw.summary,
    ...(code_url !== undefined ? { code_url } : {}),
    ...(code_stars !== undefined ? { code_stars, code_last_update } : {}),
    ...(AI ? { AI } : {}),
  };
}

export const ai = (tag: string): SummaryFields => ({
  tldr: `TLDR ${tag}`,
  motivation: `Motivation ${tag}`,
  method: `Method ${tag}`,
  result: `Result ${tag}`,
  conclusion: `Conclusion ${tag}`,
});

export const jsonl = (objects: unknown[]): string => objects.map((o) => `${JSON.stringify(o)}\n`).join('');

/** A paper with plain metadata, for building days in tests. */
export const testPaper = (id: string, categories = ['cs.LG']): Paper => ({
  id,
  version: null,
  title: `Title ${id}`,
  authors: ['A'],
  abstract: 'Abstract.',
  categories,
  comment: null,
  journalRef: null,
  doi: null,
  published: null,
  updated: null,
});
