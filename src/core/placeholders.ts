/**
 * Text the reference system published in place of a summary when its LLM call failed or its
 * content filter fired. Imported summaries made of such text are flagged `placeholder`, ranked
 * below any real summary, and re-summarized by `summarize`.
 */
import { SUMMARY_FIELDS, type SummaryFields } from './types.js';

const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^(summary generation|method extraction|conclusion extraction|result extraction|motivation extraction|processing|analysis) failed\.?$/i,
  /^(motivation|method|result|conclusion|summary) analysis unavailable\.?$/i,
  /^this content has not passed the compliance test and has been hidden\.?$/i,
  /^no concise summary available\.?$/i,
];

export const PLACEHOLDER_FLAG = 'placeholder';

export const isPlaceholderText = (text: string): boolean => {
  const t = text.trim();
  return t === '' || PLACEHOLDER_PATTERNS.some((re) => re.test(t));
};

/** True when any of the five fields is empty or a known placeholder. */
export const hasPlaceholder = (fields: SummaryFields): boolean =>
  SUMMARY_FIELDS.some((f) => isPlaceholderText(fields[f]));
