/**
 * Rows as SQLite holds them, their conversion to the plain types of core/types.ts, and the
 * merge rules for writes. Pure; store.ts builds its SQL from the field lists here.
 */
import { redactNullable } from '../core/secrets.js';
import type { Paper, PaperInput, StoredSummary, SummaryInput, SummaryStatus } from '../core/types.js';

/** Writable columns of `papers`, in one list for INSERT, UPDATE and change detection. */
export const PAPER_FIELDS = [
  'id',
  'version',
  'title',
  'authors',
  'abstract',
  'categories',
  'primary_category',
  'categories_partial',
  'comment',
  'journal_ref',
  'doi',
  'published',
  'updated',
] as const;

export interface PaperFields {
  id: string;
  version: number | null;
  title: string;
  /** JSON array of names. */
  authors: string;
  abstract: string;
  /** JSON array, primary first. */
  categories: string;
  primary_category: string;
  categories_partial: number;
  comment: string | null;
  journal_ref: string | null;
  doi: string | null;
  published: string | null;
  updated: string | null;
}

export interface PaperRow extends PaperFields {
  n: number;
}

/** The columns toPaper reads, for joins (a day's render must not pay for the others). */
export const PAPER_COLUMNS = PAPER_FIELDS.map((c) => `p.${c}`).join(', ');

export const SUMMARY_KEY = ['paper_id', 'version', 'language', 'summarizer', 'prompt_version', 'day'] as const;
export const SUMMARY_FIELDS_STORED = [
  'status',
  'tldr',
  'motivation',
  'method',
  'result',
  'conclusion',
  'error',
  'flags',
  'tokens_in',
  'tokens_out',
  'cost_usd',
  'duration_ms',
  'attempts',
  'retry_after',
] as const;

export interface SummaryFieldsStored {
  paper_id: string;
  version: number;
  language: string;
  summarizer: string;
  prompt_version: string;
  day: string;
  status: SummaryStatus;
  tldr: string | null;
  motivation: string | null;
  method: string | null;
  result: string | null;
  conclusion: string | null;
  error: string | null;
  /** JSON array, e.g. ["placeholder"]. */
  flags: string;
  tokens_in: number | null;
  tokens_out: number | null;
  cost_usd: number | null;
  duration_ms: number | null;
  attempts: number;
  retry_after: string | null;
}

export interface SummaryRow extends SummaryFieldsStored {
  created_at: string;
  updated_at: string;
}

export const toPaper = (r: PaperFields): Paper => ({
  id: r.id,
  version: r.version,
  title: r.title,
  authors: JSON.parse(r.authors) as string[],
  abstract: r.abstract,
  categories: JSON.parse(r.categories) as string[],
  comment: r.comment,
  journalRef: r.journal_ref,
  doi: r.doi,
  published: r.published,
  updated: r.updated,
});

/**
 * Summary text as stored and as read: a provider that echoes the API key in an error (or an
 * answer) must not get it into the store, nor, for rows stored before, into anything published.
 */
const clean = redactNullable;

export const toSummary = (r: SummaryRow): StoredSummary => ({
  paperId: r.paper_id,
  version: r.version,
  language: r.language,
  summarizer: r.summarizer,
  promptVersion: r.prompt_version,
  day: r.day,
  status: r.status,
  fields:
    r.tldr === null
      ? null
      : {
          tldr: r.tldr,
          motivation: r.motivation ?? '',
          method: r.method ?? '',
          result: r.result ?? '',
          conclusion: r.conclusion ?? '',
        },
  error: clean(r.error),
  flags: r.flags === '[]' ? [] : (JSON.parse(r.flags) as string[]),
  tokensIn: r.tokens_in,
  tokensOut: r.tokens_out,
  costUsd: r.cost_usd,
  durationMs: r.duration_ms,
  attempts: r.attempts,
  retryAfter: r.retry_after,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function sameFields<T extends object>(old: T, next: T, fields: readonly (keyof T)[]): boolean {
  return fields.every((f) => old[f] === next[f]);
}

/**
 * What to store for an incoming paper, given what is stored. Unknown fields (undefined) keep the
 * stored value; metadata of an older version than the stored one changes nothing; a partial
 * category list (Markdown digests) never replaces a full one.
 */
export function paperWrite(old: PaperFields | undefined, p: PaperInput): PaperFields {
  const incoming: PaperFields = {
    id: p.id,
    version: p.version ?? null,
    title: p.title,
    authors: JSON.stringify(p.authors),
    abstract: p.abstract,
    categories: JSON.stringify(p.categories),
    primary_category: p.categories[0] ?? '',
    categories_partial: p.categoriesPartial ? 1 : 0,
    comment: p.comment ?? null,
    journal_ref: p.journalRef ?? null,
    doi: p.doi ?? null,
    published: p.published ?? null,
    updated: p.updated ?? null,
  };
  if (!old) return incoming;
  if (old.version !== null && p.version != null && p.version < old.version) {
    return Object.fromEntries(PAPER_FIELDS.map((f) => [f, old[f]])) as unknown as PaperFields;
  }
  const keepCategories = p.categoriesPartial === true && old.categories_partial === 0;
  const known = <K extends keyof PaperFields>(k: K, value: unknown): PaperFields[K] =>
    value === undefined ? old[k] : incoming[k];
  return {
    ...incoming,
    version: p.version == null ? old.version : incoming.version,
    categories: keepCategories ? old.categories : incoming.categories,
    primary_category: keepCategories ? old.primary_category : incoming.primary_category,
    categories_partial: keepCategories ? old.categories_partial : incoming.categories_partial,
    comment: known('comment', p.comment),
    journal_ref: known('journal_ref', p.journalRef),
    doi: known('doi', p.doi),
    published: known('published', p.published),
    updated: known('updated', p.updated),
  };
}

/**
 * What an older day's file adds to a stored paper whose row holds a newer day's metadata: only
 * what the row lacks (a version, the full category list, fields it does not know).
 */
export function paperFill(old: PaperFields, p: PaperInput): PaperFields {
  const incoming = paperWrite(undefined, p);
  const fullCategories = old.categories_partial === 1 && !p.categoriesPartial;
  const fill = <K extends keyof PaperFields>(k: K): PaperFields[K] => old[k] ?? incoming[k];
  return {
    ...(Object.fromEntries(PAPER_FIELDS.map((f) => [f, old[f]])) as unknown as PaperFields),
    version: fill('version'),
    categories: fullCategories ? incoming.categories : old.categories,
    primary_category: fullCategories ? incoming.primary_category : old.primary_category,
    categories_partial: fullCategories ? 0 : old.categories_partial,
    comment: fill('comment'),
    journal_ref: fill('journal_ref'),
    doi: fill('doi'),
    published: fill('published'),
    updated: fill('updated'),
  };
}

export const summaryWrite = (s: SummaryInput): SummaryFieldsStored => ({
  paper_id: s.paperId,
  version: s.version,
  language: s.language,
  summarizer: s.summarizer,
  prompt_version: s.promptVersion,
  day: s.day ?? '',
  status: s.status,
  tldr: clean(s.fields?.tldr ?? null),
  motivation: clean(s.fields?.motivation ?? null),
  method: clean(s.fields?.method ?? null),
  result: clean(s.fields?.result ?? null),
  conclusion: clean(s.fields?.conclusion ?? null),
  error: clean(s.error ?? null),
  flags: JSON.stringify(s.flags ?? []),
  tokens_in: s.tokensIn ?? null,
  tokens_out: s.tokensOut ?? null,
  cost_usd: s.costUsd ?? null,
  duration_ms: s.durationMs ?? null,
  attempts: s.attempts ?? 0,
  retry_after: s.retryAfter ?? null,
});

/**
 * The metadata a published day shows of a paper: what its files carry (raw JSONL and the
 * enhanced JSONL all five, a Markdown digest all but the comment and only the primary category).
 */
export type DayFields = Partial<Pick<Paper, 'title' | 'authors' | 'abstract' | 'categories' | 'comment'>>;

const DAY_FIELDS = ['title', 'authors', 'abstract', 'categories', 'comment'] as const;

/** What an incoming file says of a paper's day metadata; fields it does not know are absent. */
export function dayFieldsOf(p: PaperInput): DayFields {
  const out: DayFields = { title: p.title, authors: p.authors, abstract: p.abstract, categories: p.categories };
  if (p.comment !== undefined) out.comment = p.comment;
  return out;
}

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

/** The fields of `shown` that differ from the paper's row, or null when it shows the row as it is. */
export function dayDiff(shown: DayFields, row: Paper): DayFields | null {
  const out: DayFields = {};
  let any = false;
  for (const f of DAY_FIELDS) {
    const v = shown[f];
    if (v === undefined) continue;
    if (!sameValue(v, row[f])) {
      (out as Record<string, unknown>)[f] = v;
      any = true;
    }
  }
  return any ? out : null;
}

/** The paper as a day showed it: its row with the day's differing fields laid over. */
export const withDayFields = (p: Paper, fields: DayFields | null): Paper => (fields ? { ...p, ...fields } : p);
