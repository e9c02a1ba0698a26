/**
 * SQLite's unicode61 tokenizer treats a run of Chinese/Japanese/Korean characters as one token, so
 * a search for a word inside a sentence would never match. We index CJK text with each character
 * spaced out, and turn CJK runs in queries into phrases of single characters.
 */

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_EACH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const SPACED = / ?([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]) ?/gu;

export const hasCjk = (text: string): boolean => CJK_CHAR.test(text);

/** `提出模型` → ` 提  出  模  型 ` (index form). Text without CJK is returned as is. */
export function spaceCjk(text: string): string {
  return hasCjk(text) ? text.replace(CJK_EACH, ' $& ') : text;
}

/** Undoes spaceCjk for display (snippets come back in index form). */
export function unspaceCjk(text: string): string {
  return hasCjk(text) ? text.replace(SPACED, '$1') : text;
}

/** `提出模型` → `"提 出 模 型"` (a phrase query of single characters). */
export function cjkRunsToPhrases(text: string): string {
  return text.replace(CJK_RUN, (run) => `"${[...run].join(' ')}"`);
}
