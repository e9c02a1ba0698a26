/**
 * Language check by writing system: a summary requested in Chinese should be written in Han
 * characters, one requested in Russian in Cyrillic. We cannot tell German from French this way —
 * both are Latin — but we can catch the common failure of an LLM answering in English (or in the
 * abstract's language) when another script was asked for.
 *
 * Rules:
 * - The language name is matched case-insensitively as an English name (Chinese, Simplified
 *   Chinese, Brazilian Portuguese), a native name (中文, 日本語, Deutsch, русский), a Chinese name
 *   (英语, 德语) or a code/BCP 47 tag (zh, zh-Hant, pt-BR, sr-Latn), with the names and scripts
 *   of core/languages.ts. A script qualifier wins:
 *   "Serbian (Cyrillic)" → Cyrillic, "Serbian (Latin)" → Latin. Languages written in several
 *   scripts without a qualifier (Serbian, Punjabi, Kurdish, Kashmiri…) and names we do not know are
 *   'unknown' and always ok: we never flag what we cannot judge.
 * - The share is measured over letters only: digits, punctuation, symbols and spaces do not count.
 *   When the expected script is not Latin, a run of Latin letters counts as one unit, not one per
 *   letter: "Transformer", "GPU" and "LoRA" are one technical term each, the size of a Chinese
 *   character or a Russian word, so a term-heavy Chinese summary still reads as Chinese while a
 *   German one asked as Chinese scores near 0.
 * - Thresholds: at least 30% of the units in the expected script for Han, Japanese and Hangul
 *   (English terms are common in CJK technical text), at least 50% for every other script.
 * - Japanese expects Han + Hiragana + Katakana, of which at least 10% must be kana: Japanese text
 *   always carries kana particles, Chinese none. Conversely Chinese is not ok when kana reach 10%
 *   of its CJK characters (that is Japanese). Simplified and Traditional Chinese are not told apart.
 * - Texts with fewer than 4 units cannot be judged and are ok; the share is 1 when there is
 *   nothing to measure.
 */
import { JAPANESE_SCRIPT, languageNames } from '../core/languages.js';
import { SUMMARY_FIELDS, type SummaryFields } from '../core/types.js';

/** Not a Unicode script: Han mixed with Hiragana/Katakana. */
const JAPANESE = JAPANESE_SCRIPT;
const UNKNOWN = 'unknown';

/** Every name and code of core/languages.ts, to the script the language is written in. */
const SCRIPT_OF = new Map<string, string>([...languageNames()].map(([name, language]) => [name, language.script]));

/** Qualifier words ("Serbian (Cyrillic)", "Romanized Hindi") and BCP 47 script subtags. */
const SCRIPT_QUALIFIERS = new Map<string, string>([
  ['cyrillic', 'Cyrillic'],
  ['cyrl', 'Cyrillic'],
  ['latin', 'Latin'],
  ['latn', 'Latin'],
  ['roman', 'Latin'],
  ['romanized', 'Latin'],
  ['romanised', 'Latin'],
  ['hans', 'Han'],
  ['hant', 'Han'],
  ['arab', 'Arabic'],
  ['deva', 'Devanagari'],
  ['devanagari', 'Devanagari'],
  ['guru', 'Gurmukhi'],
  ['gurmukhi', 'Gurmukhi'],
  ['shahmukhi', 'Arabic'],
  ['grek', 'Greek'],
  ['hebr', 'Hebrew'],
  ['jpan', JAPANESE],
  ['kore', 'Hangul'],
  ['hang', 'Hangul'],
]);

/** Two or three letters, then subtags: zh, zh-Hant-TW, sr_Latn, pt-BR. */
const LANGUAGE_TAG = /^([a-z]{2,3})((?:[-_][a-z0-9]{2,8})*)$/;
/** Words of a free-form name; codes are only trusted as a whole name or a tag ("no" is a word). */
const NAME_WORDS = /[\s,;/()[\]_-]+/;
const isCode = (word: string): boolean => /^[a-z]{2,3}$/.test(word) && word !== 'lao';

/**
 * The writing system a language is written in: a Unicode script name ('Han', 'Cyrillic',
 * 'Latin', …), 'Han+Kana' for Japanese, or 'unknown'.
 */
export function scriptOfLanguage(language: string): string {
  const name = language.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (name === '') return UNKNOWN;
  const whole = SCRIPT_OF.get(name);
  if (whole !== undefined) return whole;

  const tag = LANGUAGE_TAG.exec(name);
  if (tag !== null) {
    const subtags = (tag[2] ?? '').split(/[-_]/).filter((s) => s.length === 4);
    for (const s of subtags) {
      const script = SCRIPT_QUALIFIERS.get(s);
      if (script !== undefined) return script;
    }
    return SCRIPT_OF.get(tag[1] ?? '') ?? UNKNOWN;
  }

  const words = name.split(NAME_WORDS).filter((w) => w !== '');
  // "Latin" alone is the language (Latin script too); next to another word it qualifies it.
  for (const w of words) {
    const script = SCRIPT_QUALIFIERS.get(w);
    if (script !== undefined && w.length > 4) return script;
  }
  // "Simplified Chinese", "Brazilian Portuguese", "中文 (简体)": every known word must agree.
  const found = new Set<string>();
  for (const w of words) {
    const script = isCode(w) ? undefined : SCRIPT_OF.get(w);
    if (script !== undefined) found.add(script);
  }
  if (found.size === 0) {
    // Native names written without spaces: 中文简体, 简体中文版.
    for (const key of ['中文', '汉语', '漢語', '日本語', '한국어']) {
      if (name.includes(key)) found.add(SCRIPT_OF.get(key) ?? UNKNOWN);
    }
  }
  const [only] = found;
  return found.size === 1 && only !== undefined ? only : UNKNOWN;
}

const counters = new Map<string, RegExp>();
/** Letters (not marks, digits or punctuation) whose Script_Extensions include `script`. */
function lettersOf(script: string): RegExp {
  let re = counters.get(script);
  if (re === undefined) {
    re = new RegExp(`(?=\\p{scx=${script}})\\p{L}`, 'gu');
    counters.set(script, re);
  }
  return re;
}
const LETTER = /\p{L}/gu;
const KANA_LETTER = /(?=[\p{scx=Hiragana}\p{scx=Katakana}])\p{L}/gu;
const LATIN_RUN = /\p{Script=Latin}+/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

const MIN_UNITS = 4;

/** Does the text look written in the language's script? See the module rules. */
export function checkScript(text: string, language: string): { ok: boolean; expected: string; share: number } {
  const expected = scriptOfLanguage(language);
  if (expected === UNKNOWN) return { ok: true, expected, share: 1 };

  const letters = count(LETTER, text);
  // Outside Latin-script languages a Latin word is one unit (see module header).
  const units = expected === 'Latin' ? letters : letters - count(LATIN_LETTER, text) + count(LATIN_RUN, text);
  const sinitic = expected === JAPANESE || expected === 'Han';
  // One class for kana: the prolonged sound mark ー belongs to both Hiragana and Katakana.
  const kana = sinitic ? count(KANA_LETTER, text) : 0;
  const han = sinitic ? count(lettersOf('Han'), text) : 0;
  const matching = expected === JAPANESE ? han + kana : expected === 'Han' ? han : count(lettersOf(expected), text);
  if (units === 0) return { ok: true, expected, share: 1 };
  const share = Math.min(1, matching / units);
  if (units < MIN_UNITS) return { ok: true, expected, share };

  const cjk = expected === 'Han' || expected === JAPANESE || expected === 'Hangul';
  let ok = share >= (cjk ? 0.3 : 0.5);
  const kanaShare = han + kana === 0 ? 0 : kana / (han + kana);
  if (expected === JAPANESE) ok &&= kanaShare >= 0.1;
  if (expected === 'Han') ok &&= kanaShare < 0.1;
  return { ok, expected, share };
}

/** The five fields, read as one text, are in the script of the requested language. */
export function summaryLanguageOk(fields: SummaryFields, language: string): boolean {
  return checkScript(SUMMARY_FIELDS.map((f) => fields[f]).join('\n'), language).ok;
}
