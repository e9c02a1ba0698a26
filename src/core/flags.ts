/**
 * The checks' flags a summary can carry, wherever it was written: stored with it, and shown
 * wherever it is shown (each catalog in src/ui/i18n/ says them in words).
 */
export const FLAGS = {
  /** A number in the summary is not in the title or abstract. */
  unsupportedNumber: 'unsupported-number',
  /** The text is not in the script of the requested language. */
  languageMismatch: 'language-mismatch',
  /** Offline: written in the abstract's language, not the requested one. */
  untranslated: 'untranslated',
  /** The title or abstract was too long and was cut for the prompt. */
  inputTruncated: 'input-truncated',
  /** The summary shares almost nothing with the title and abstract (relevance.ts). */
  unrelated: 'unrelated',
  /** The summary contains text addressed to a model: injected instructions, template tokens. */
  instructionLike: 'instruction-like',
} as const;
