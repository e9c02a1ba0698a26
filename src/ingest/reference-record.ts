/** What every reference-format parser (JSONL, Markdown) produces. */
import type { PaperInput, SummaryFields } from '../core/types.js';

export interface ReferenceRecord {
  /** 1-based line in the source file, for messages. */
  line: number;
  paper: PaperInput;
  summary: SummaryFields | null;
  /** The checks the summary failed (our own enhanced JSONL writes them as `AI_flags`). */
  flags?: string[];
  /** The line had an `AI` object with fields missing (no summary is taken from it). */
  incomplete?: boolean;
  /** Our own enhanced JSONL: a paper listed without a summary, with its status and reason. */
  status?: { status: 'failed' | 'refused' | 'pending'; reason: string };
  code: { url: string; stars?: number | null; lastUpdate?: string | null } | null;
}

export interface LineRejection {
  line: number;
  reason: string;
}

export type ReferenceFormat = 'raw-jsonl' | 'enhanced-jsonl' | 'markdown';
