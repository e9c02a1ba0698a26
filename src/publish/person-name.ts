/**
 * An arXiv author name ("Xinze Zhang", "Ludwig van Beethoven", "John Smith Jr.", "ZHANG Xinze",
 * "山田太郎", "ATLAS Collaboration") split into family and given names, so citation files can
 * write them the way reference managers read them: RIS `Zhang, Xinze` (a name without a comma
 * is taken whole as a literal, with no family name to sort or cite by) and BibTeX
 * `van Beethoven, Ludwig`. Pure.
 *
 * arXiv has one string per author, given names first. The rules, BibTeX's own where it has one:
 * - a comma means it is already "Family, Given" — unless what follows is a suffix (`Jr.`, `III`);
 * - the family name is the last word, with the lowercase words before it (`van der`, `de la`:
 *   BibTeX's "von" part) and the capitalised particles that cannot be a given name there
 *   (`De`, `Van`, `Da` after a given name: "Ryan De Vooght");
 * - a trailing `Jr.`, `Sr.`, `II`–`IV` is a suffix;
 * - a first word in capitals followed by ordinary words is a family name written first
 *   ("ZHANG Xinze", a common way to mark it);
 * - a name in Chinese, Japanese or Korean script is family-first: the first word when spaced;
 *   unspaced, a Chinese name's surname is its first character (or a known two-character one,
 *   欧阳, 司马, …), a Korean name's its first syllable (or 남궁, 선우, …), a Japanese name's the
 *   kanji before the kana (田中さくら); four kanji alone split two and two (山田太郎);
 * - a collaboration, consortium, team or other body has no family name: it is kept whole.
 */

export interface PersonName {
  /** With its particles: `van Beethoven`, `De Vooght`, `Zhang`. */
  family: string;
  given: string;
  suffix: string;
}

const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|v|2nd|3rd|phd|ph\.d\.|md|m\.d\.)$/i;
/** Particles written with a capital that are not given names when they precede the last word. */
const CAPITAL_PARTICLES = new Set([
  'Van',
  'Von',
  'De',
  'Der',
  'Den',
  'Del',
  'Della',
  'Da',
  'Das',
  'Dos',
  'Du',
  'Di',
  'Ter',
  'Ten',
  'Vander',
]);
const BODY =
  /\b(?:collaboration|consortium|team|group|project|initiative|alliance|committee|society|association|organi[sz]ation|institute|laborator(?:y|ies)|university|centre|center|council|foundation|network|working|inc|ltd|llc|corporation|et al)\b|(?:^|\s)and(?:\s|$)/i;

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const CHINESE_COMPOUND = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 轩辕 澹台 司徒 端木 独孤 南宫 西门 歐陽 諸葛 東方 長孫 軒轅 獨孤 南宮 西門'.split(
    ' ',
  ),
);
const KOREAN_COMPOUND = new Set('남궁 황보 제갈 선우 독고 사공 서문'.split(' '));

/** A word that starts with a lowercase letter (BibTeX's test for the "von" part), braces and accents skipped. */
const lowercaseWord = (w: string): boolean => {
  const first = /\p{L}/u.exec(w)?.[0];
  return first !== undefined && first === first.toLowerCase() && first !== first.toUpperCase();
};
const allCaps = (w: string): boolean => /\p{L}{2,}/u.test(w) && w === w.toUpperCase() && w !== w.toLowerCase();

function splitCjk(name: string): PersonName | null {
  const words = name.split(' ');
  if (words.length > 1) return { family: words[0]!, given: words.slice(1).join(' '), suffix: '' };
  const chars = [...name];
  if (HANGUL.test(name) && !HAN.test(name)) {
    if (chars.length < 2) return null;
    const two = chars.slice(0, 2).join('');
    const n = chars.length > 2 && KOREAN_COMPOUND.has(two) ? 2 : 1;
    return { family: chars.slice(0, n).join(''), given: chars.slice(n).join(''), suffix: '' };
  }
  if (KANA.test(name)) {
    const lead = /^\p{Script=Han}+/u.exec(name)?.[0];
    if (!lead || lead === name) return null;
    return { family: lead, given: name.slice(lead.length), suffix: '' };
  }
  if (!chars.every((c) => HAN.test(c)) || chars.length < 2 || chars.length > 4) return null;
  const two = chars.slice(0, 2).join('');
  const n = chars.length > 2 && CHINESE_COMPOUND.has(two) ? 2 : chars.length === 4 ? 2 : 1;
  return { family: chars.slice(0, n).join(''), given: chars.slice(n).join(''), suffix: '' };
}

/** The name split; null when it has no family name (a collaboration, one word) and is kept whole. */
export function splitName(raw: string): PersonName | null {
  // arXiv's author lists now and then leave the "and" of the last name in it ("and Wen Tong").
  const name = raw.replace(/\s+/g, ' ').trim().replace(/^and /i, '');
  if (!name || BODY.test(name)) return null;
  if (CJK.test(name) && !/\p{Script=Latin}/u.test(name)) return splitCjk(name);

  const commas = name.split(',').map((s) => s.trim());
  if (commas.length > 1) {
    const last = commas[commas.length - 1]!;
    if (SUFFIX.test(last) && commas.length === 2) {
      const inner = splitName(commas[0]!);
      return inner && !inner.suffix ? { ...inner, suffix: last } : null;
    }
    // "Family, Given" or BibTeX's "Family, Jr., Given".
    if (commas.some((c) => c === '')) return null;
    if (commas.length === 3) return { family: commas[0]!, given: commas[2]!, suffix: commas[1]! };
    if (commas.length === 2) return { family: commas[0]!, given: commas[1]!, suffix: '' };
    return null;
  }

  const words = name.split(' ');
  let suffix = '';
  if (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop()!;
  if (words.length === 1) return null;
  // "ZHANG Xinze": the family name in capitals, written first.
  if (allCaps(words[0]!) && !words.slice(1).some(allCaps))
    return { family: words[0]!, given: words.slice(1).join(' '), suffix };
  // The family name: the last word and the particles before it (never the first word).
  let start = words.length - 1;
  while (start > 1 && (lowercaseWord(words[start - 1]!) || CAPITAL_PARTICLES.has(words[start - 1]!))) start--;
  // BibTeX's "von Last": from the first lowercase word after the given names on.
  const firstLower = words.findIndex((w, i) => i > 0 && i < words.length - 1 && lowercaseWord(w));
  if (firstLower > 0 && firstLower < start) start = firstLower;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' '), suffix };
}
