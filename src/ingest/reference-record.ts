/** What every reference-format parser (JSONL, Markdown) produces. */
import type { PaperInput, SummaryFields } from '../core/types.js';

export interface ReferenceRecord {
  /** 1-based line in the source file, for messages. */
  line: number;
  paper: PaperInput;
  summary: SummaryFields | null;
  code: { url: string; stars?: number | null; lastUpdate?: string | null } | null;
}

export interface LineRejection {
  line: number;
  reason: string;
}

export type ReferenceFormat = 'raw-jsonl' | 'enhanced-jsonl' | 'markdown';
