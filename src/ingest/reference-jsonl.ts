/**
 * Parses the reference system's raw and enhanced JSONL (one paper per line) into plain records.
 * Pure: takes text, returns records and per-line rejections with a reason.
 */
import { z } from 'zod';
import { parseArxivId } from '../core/arxiv-id.js';
import { grouped } from '../core/text.js';
import { SUMMARY_FIELDS, type SummaryFields } from '../core/types.js';
import type { LineRejection, ReferenceRecord } from './reference-record.js';

/**
 * Sane sizes for one paper's fields, far above arXiv's own (an abstract may have 1,920
 * characters; the longest author lists have a few thousand names): a file past them is broken
 * or hostile, and storing it whole would cost memory in every later step.
 */
export const FIELD_LIMITS = {
  id: 64,
  title: 2_000,
  abstract: 20_000,
  authors: 10_000,
  author: 1_000,
  comment: 5_000,
  categories: 50,
  summaryField: 20_000,
  url: 2_000,
  /** One line of JSONL: checked before parsing, so a huge line never reaches JSON.parse. */
  line: 1_000_000,
} as const;

const text = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what} may have at most ${grouped(max)} characters`)
    // A NUL ends the text for SQLite's full-text index: the rest would not be searchable.
    .refine((t) => !t.includes('\u0000'), 'contains a NUL character (U+0000)');
const str = text(FIELD_LIMITS.summaryField, 'a summary field');
const STATUSES = ['failed', 'refused', 'pending'] as const;
const lineSchema = z.object({
  id: text(FIELD_LIMITS.id, 'an id'),
  categories: z.array(text(100, 'a category').min(1)).min(1).max(FIELD_LIMITS.categories),
  pdf: text(FIELD_LIMITS.url, 'a URL').optional(),
  abs: text(FIELD_LIMITS.url, 'a URL').optional(),
  authors: z.array(text(FIELD_LIMITS.author, 'an author name')).max(FIELD_LIMITS.authors),
  title: text(FIELD_LIMITS.title, 'a title').refine((t) => t.trim() !== '', 'must not be empty'),
  comment: text(FIELD_LIMITS.comment, 'a comment').nullable().optional(),
  summary: text(FIELD_LIMITS.abstract, 'an abstract'),
  // Fields may be missing: the reference's Markdown leaves such a paper out, and so do we.
  AI: z
    .object(
      Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, str.nullable().optional()])) as Record<
        (typeof SUMMARY_FIELDS)[number],
        z.ZodOptional<z.ZodNullable<typeof str>>
      >,
    )
    .optional(),
  // Written by our own enhanced JSONL: the checks a summary failed, and a paper's status without one.
  AI_flags: z.array(text(100, 'a flag')).optional(),
  summary_status: z.object({ status: z.enum(STATUSES), reason: text(FIELD_LIMITS.comment, 'a reason') }).optional(),
  code_url: text(FIELD_LIMITS.url, 'a URL').nullable().optional(),
  // JSON.parse reads 1e400 as Infinity, which z.number() would call "expected number, got number".
  code_stars: z
    .custom<number>((v) => typeof v === 'number', 'expected a number')
    .refine(Number.isFinite, { message: 'expected an integer, got a number too large to store', abort: true })
    .refine((n) => Number.isInteger(n) && n >= 0, 'expected a whole number of stars')
    .nullable()
    .optional(),
  code_last_update: text(100, 'a date').nullable().optional(),
});

function describeIssue(value: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  let at: unknown = value;
  for (const k of issue.path)
    at = at != null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[k] : undefined;
  if (issue.code === 'invalid_type' && at === undefined) return `missing field "${path}" (expected ${issue.expected})`;
  if (issue.code === 'invalid_type') return `field "${path}": expected ${issue.expected}, got ${describeValue(at)}`;
  if (issue.code === 'too_big' && issue.origin === 'array')
    return `field "${path}": ${grouped((at as unknown[]).length)} entries, more than the ${grouped(Number(issue.maximum))} allowed`;
  if (issue.code === 'too_big' && typeof at === 'string')
    return `field "${path}": ${grouped(at.length)} characters; ${issue.message}`;
  if (issue.code === 'unrecognized_keys') return `field "${path}": unexpected keys ${issue.keys.join(', ')}`;
  return `field "${path}": ${issue.message}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v;
}

const complete = (ai: Partial<Record<(typeof SUMMARY_FIELDS)[number], string | null>>): ai is SummaryFields =>
  SUMMARY_FIELDS.every((f) => typeof ai[f] === 'string');

/** Parses one line; returns a record or the reason it was rejected. */
export function parseReferenceLine(text: string, line: number): ReferenceRecord | LineRejection {
  if (text.length > FIELD_LIMITS.line)
    return {
      line,
      reason: `the line has ${grouped(text.length)} characters, more than the ${grouped(FIELD_LIMITS.line)} a paper's line may have`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { line, reason: `not valid JSON (${(e as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, reason: `expected a JSON object, got ${describeValue(value)}` };
  }
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) return { line, reason: parsed.error.issues.map((i) => describeIssue(value, i)).join('; ') };
  const o = parsed.data;
  const id = parseArxivId(o.id);
  if (!id)
    return {
      line,
      reason: `field "id": expected an arXiv id such as 2401.01234 or astro-ph/0601001, got ${JSON.stringify(o.id)}`,
    };
  return {
    line,
    paper: {
      id: id.id,
      version: id.version,
      title: o.title,
      authors: o.authors,
      abstract: o.summary,
      categories: o.categories,
      // The reference format always writes comment; a missing key means "unknown".
      comment: o.comment === undefined ? undefined : o.comment,
    },
    summary: o.AI && complete(o.AI) ? o.AI : null,
    ...(o.AI && !complete(o.AI) ? { incomplete: true } : {}),
    ...(o.AI_flags?.length ? { flags: o.AI_flags } : {}),
    ...(o.summary_status && !o.AI ? { status: o.summary_status } : {}),
    code: o.code_url ? { url: o.code_url, stars: o.code_stars, lastUpdate: o.code_last_update } : null,
  };
}

export function parseReferenceJsonl(text: string): { records: ReferenceRecord[]; rejects: LineRejection[] } {
  const records: ReferenceRecord[] = [];
  const rejects: LineRejection[] = [];
  // A byte order mark (some editors add one) is not part of the first line.
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const r = parseReferenceLine(raw, i + 1);
    if ('reason' in r) rejects.push(r);
    else records.push(r);
  }
  return { records, rejects };
}
