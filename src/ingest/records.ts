/**
 * Reads our own day records and reader state (see core/day-record.ts) back, checking their
 * shape so that a damaged file is refused with the field that is wrong, not half-applied.
 */
import { z } from 'zod';
import { DAY_RECORD_FORMAT, READER_RECORD_FORMAT, type DayRecord, type ReaderRecord } from '../core/day-record.js';
import { ANNOUNCEMENT_KINDS } from '../core/types.js';
import { InputError } from '../errors.js';

const nullableString = z.string().max(1_000).nullable();
const count = z.number().int().min(0).nullable();

const summarySchema = z.object({
  summarizer: z.string().min(1).max(200),
  promptVersion: z.string().min(1).max(200),
  version: z.number().int().min(0),
  day: z.string().max(10),
  status: z.enum(['ok', 'failed', 'refused', 'pending']),
  error: z.string().max(10_000).nullable(),
  flags: z.array(z.string().max(100)).max(50),
  tokensIn: count,
  tokensOut: count,
  costUsd: z.number().min(0).nullable(),
  durationMs: count,
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
});

const dayRecordSchema = z.object({
  format: z.literal(DAY_RECORD_FORMAT),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  language: z.string().min(1).max(100),
  categoryOrder: z.array(z.string().max(100)).max(1_000),
  announcements: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        category: z.string().min(1).max(100),
        kind: z.enum(ANNOUNCEMENT_KINDS as [string, ...string[]]),
        version: z.number().int().min(1).nullable(),
      }),
    )
    .max(100_000),
  papers: z.record(
    z.string().max(64),
    z.object({
      version: z.number().int().min(1).nullable(),
      journalRef: nullableString,
      doi: nullableString,
      published: nullableString,
      updated: nullableString,
      summary: summarySchema.nullable(),
    }),
  ),
  deliveries: z
    .array(
      z.object({
        channel: z.string().max(100),
        target: z.string().max(200),
        status: z.enum(['sent', 'failed']),
        attempts: z.number().int().min(0),
        updatedAt: z.string().max(40),
      }),
    )
    .max(1_000),
});

const readerSchema = z.object({
  format: z.literal(READER_RECORD_FORMAT),
  marks: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        favorite: z.boolean(),
        rating: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
        updatedAt: z.string().max(40),
      }),
    )
    .max(1_000_000),
  state: z.record(z.string().max(100), z.unknown()),
});

function parseWith<T>(schema: z.ZodType<T>, file: string, text: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new InputError(`${file}: not ${what}: field "${i.path.join('.')}": ${i.message}`);
  }
  return r.data;
}

export const parseDayRecord = (file: string, text: string): DayRecord =>
  parseWith(dayRecordSchema as z.ZodType<DayRecord>, file, text, 'an arxiv-digest day record');

export const parseReaderRecord = (file: string, text: string): ReaderRecord =>
  parseWith(readerSchema as z.ZodType<ReaderRecord>, file, text, "an arxiv-digest reader's state");
