/**
 * Parses the reference system's raw and enhanced JSONL (one paper per line) into plain records.
 * Pure: takes text, returns records and per-line rejections with a reason.
 */
import { z } from 'zod';
import { parseArxivId } from '../core/arxiv-id.js';
import { SUMMARY_FIELDS } from '../core/types.js';
import type { LineRejection, ReferenceRecord } from './reference-record.js';

const str = z.string();
const lineSchema = z.object({
  id: str,
  categories: z.array(str.min(1)).min(1),
  pdf: str.optional(),
  abs: str.optional(),
  authors: z.array(str),
  title: str.refine((t) => t.trim() !== '', 'must not be empty'),
  comment: str.nullable().optional(),
  summary: str,
  AI: z
    .object(
      Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, str])) as Record<(typeof SUMMARY_FIELDS)[number], typeof str>,
    )
    .optional(),
  code_url: str.nullable().optional(),
  code_stars: z.number().int().nullable().optional(),
  code_last_update: str.nullable().optional(),
});

function describeIssue(value: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  let at: unknown = value;
  for (const k of issue.path)
    at = at != null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[k] : undefined;
  if (issue.code === 'invalid_type' && at === undefined) return `missing field "${path}" (expected ${issue.expected})`;
  if (issue.code === 'invalid_type') return `field "${path}": expected ${issue.expected}, got ${describeValue(at)}`;
  if (issue.code === 'unrecognized_keys') return `field "${path}": unexpected keys ${issue.keys.join(', ')}`;
  return `field "${path}": ${issue.message}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v;
}

/** Parses one line; returns a record or the reason it was rejected. */
export function parseReferenceLine(text: string, line: number): ReferenceRecord | LineRejection {
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
    summary: o.AI ?? null,
    code: o.code_url ? { url: o.code_url, stars: o.code_stars, lastUpdate: o.code_last_update } : null,
  };
}

export function parseReferenceJsonl(text: string): { records: ReferenceRecord[]; rejects: LineRejection[] } {
  const records: ReferenceRecord[] = [];
  const rejects: LineRejection[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const r = parseReferenceLine(raw, i + 1);
    if ('reason' in r) rejects.push(r);
    else records.push(r);
  }
  return { records, rejects };
}
