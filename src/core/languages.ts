/**
 * Every language the tool knows, in one table: its English name, the BCP 47 tag pages write
 * (`<html lang>`, `lang` on summary text, the e-mail) and that names its UI catalog
 * (src/ui/i18n/TAG.ts, when there is one), the tag feeds write, the script a summary in it is
 * written in (the summary check, summarize/script.ts), the name the offline summarizer's language
 * detector gives text in it, and the other ways people write it in LANGUAGE / UI_LANGUAGE:
 * native names, Chinese names, ISO 639 codes and tags, lower case.
 *
 * Languages written in several scripts without a qualifier (Serbian, Punjabi, Kurdish,
 * Kashmiri…) are left out on purpose: the summary check never flags what it cannot judge, and no
 * tag is written rather than a wrong one. A name not here is still a fine summary language: the
 * prompt says it as given. Data table; `languageOf` is the one lookup.
 */

export interface Language {
  /** English name: `Chinese`. */
  name: string;
  /** BCP 47 tag for `lang` attributes and the UI catalog's file name: `zh-CN`. */
  tag: string;
  /** Tag feeds write (RSS `<language>`, Atom `xml:lang`, JSON Feed `language`): `zh`. */
  feedTag: string;
  /** Unicode script (Script_Extensions value) it is written in; `Han+Kana` for Japanese. */
  script: string;
  /** The name the offline summarizer's language detector gives text in it, or null. */
  offline: string | null;
  /** Other spellings, lower case: native names, Chinese names, codes and tags. */
  names: readonly string[];
}

const row = (
  name: string,
  tag: string,
  script: string,
  names: readonly string[],
  extra: { feedTag?: string; offline?: string } = {},
): Language => ({ name, tag, feedTag: extra.feedTag ?? tag, script, offline: extra.offline ?? null, names });

export const JAPANESE_SCRIPT = 'Han+Kana';

// prettier-ignore
export const LANGUAGES: readonly Language[] = [
  // ---- Han, kana, Hangul
  row('Chinese', 'zh-CN', 'Han', ['zh', 'zho', 'chi', 'cmn', 'zh-cn', 'mandarin', '中文', '汉语', '漢語', '华语', '華語', '国语', '國語', '普通话', '普通話', '中国語', '중국어'], { feedTag: 'zh', offline: 'Chinese' }),
  row('Simplified Chinese', 'zh-CN', 'Han', ['chinese (simplified)', 'zh-hans', '简体中文', '简体'], { feedTag: 'zh-Hans', offline: 'Chinese' }),
  row('Traditional Chinese', 'zh-TW', 'Han', ['chinese (traditional)', 'zh-hant', 'zh-tw', 'zh-hk', '繁体中文', '繁體中文', '繁体', '繁體'], { feedTag: 'zh-Hant', offline: 'Chinese' }),
  row('Cantonese', 'yue', 'Han', ['yue', '粤语', '粵語']),
  row('Japanese', 'ja', JAPANESE_SCRIPT, ['ja', 'jpn', '日本語', '日本语', '日语', '日文'], { offline: 'Japanese' }),
  row('Korean', 'ko', 'Hangul', ['ko', 'kor', '한국어', '한국말', '조선말', '조선어', '韩语', '韓語', '韩文', '韓國語', '韓国語'], { offline: 'Korean' }),
  // ---- Cyrillic
  row('Russian', 'ru', 'Cyrillic', ['ru', 'rus', 'русский', '俄语', '俄文']),
  row('Ukrainian', 'uk', 'Cyrillic', ['uk', 'ukr', 'українська']),
  row('Belarusian', 'be', 'Cyrillic', ['byelorussian', 'be', 'bel', 'беларуская']),
  row('Bulgarian', 'bg', 'Cyrillic', ['bg', 'bul', 'български']),
  row('Macedonian', 'mk', 'Cyrillic', ['mk', 'mkd', 'македонски']),
  row('Kazakh', 'kk', 'Cyrillic', ['kk', 'kaz', 'қазақ']),
  row('Kyrgyz', 'ky', 'Cyrillic', ['kirghiz', 'ky', 'kir', 'кыргызча']),
  row('Tajik', 'tg', 'Cyrillic', ['tg', 'tgk', 'тоҷикӣ']),
  row('Mongolian', 'mn', 'Cyrillic', ['mn', 'mon', 'монгол']),
  row('Tatar', 'tt', 'Cyrillic', ['tt', 'татарча']),
  row('Bashkir', 'ba', 'Cyrillic', ['ba']),
  row('Chechen', 'ce', 'Cyrillic', ['ce']),
  row('Chuvash', 'cv', 'Cyrillic', ['cv']),
  row('Ossetian', 'os', 'Cyrillic', ['os']),
  // ---- other scripts of Europe and the Middle East
  row('Greek', 'el', 'Greek', ['el', 'ell', 'gre', 'ελληνικά', 'ελληνικα', '希腊语']),
  row('Arabic', 'ar', 'Arabic', ['ar', 'ara', 'العربية', 'عربي', '阿拉伯语']),
  row('Persian', 'fa', 'Arabic', ['farsi', 'fa', 'fas', 'per', 'فارسی', 'فارسي']),
  row('Dari', 'prs', 'Arabic', ['prs']),
  row('Urdu', 'ur', 'Arabic', ['ur', 'urd', 'اردو']),
  row('Pashto', 'ps', 'Arabic', ['pushto', 'ps', 'pus', 'پښتو']),
  row('Sindhi', 'sd', 'Arabic', ['sd', 'snd', 'سنڌي']),
  row('Uyghur', 'ug', 'Arabic', ['uighur', 'ug', 'uig', 'ئۇيغۇرچە']),
  row('Sorani', 'ckb', 'Arabic', ['ckb']),
  row('Punjabi (Shahmukhi)', 'pa-Arab', 'Arabic', ['shahmukhi']),
  row('Hebrew', 'he', 'Hebrew', ['he', 'iw', 'heb', 'עברית']),
  row('Yiddish', 'yi', 'Hebrew', ['yi', 'yid', 'ייִדיש', 'יידיש']),
  row('Georgian', 'ka', 'Georgian', ['ka', 'kat', 'geo', 'ქართული']),
  row('Armenian', 'hy', 'Armenian', ['hy', 'hye', 'arm', 'հայերեն']),
  // ---- South and Southeast Asia, Africa
  row('Hindi', 'hi', 'Devanagari', ['hi', 'hin', 'हिन्दी', 'हिंदी', '印地语']),
  row('Marathi', 'mr', 'Devanagari', ['mr', 'mar', 'मराठी']),
  row('Nepali', 'ne', 'Devanagari', ['ne', 'nep', 'नेपाली']),
  row('Sanskrit', 'sa', 'Devanagari', ['sa', 'san', 'संस्कृतम्', 'संस्कृत']),
  row('Konkani', 'kok', 'Devanagari', ['kok']),
  row('Maithili', 'mai', 'Devanagari', ['mai']),
  row('Bhojpuri', 'bho', 'Devanagari', ['bho']),
  row('Awadhi', 'awa', 'Devanagari', []),
  row('Dogri', 'doi', 'Devanagari', []),
  row('Bengali', 'bn', 'Bengali', ['bangla', 'bn', 'ben', 'বাংলা']),
  row('Assamese', 'as', 'Bengali', ['as', 'asm', 'অসমীয়া']),
  row('Punjabi (Gurmukhi)', 'pa-Guru', 'Gurmukhi', ['gurmukhi']),
  row('Gujarati', 'gu', 'Gujarati', ['gu', 'guj', 'ગુજરાતી']),
  row('Odia', 'or', 'Oriya', ['oriya', 'or', 'ori', 'ଓଡ଼ିଆ']),
  row('Tamil', 'ta', 'Tamil', ['ta', 'tam', 'தமிழ்']),
  row('Telugu', 'te', 'Telugu', ['te', 'tel', 'తెలుగు']),
  row('Kannada', 'kn', 'Kannada', ['kn', 'kan', 'ಕನ್ನಡ']),
  row('Malayalam', 'ml', 'Malayalam', ['ml', 'mal', 'മലയാളം']),
  row('Sinhala', 'si', 'Sinhala', ['sinhalese', 'si', 'sin', 'සිංහල']),
  row('Thai', 'th', 'Thai', ['th', 'tha', 'ไทย', 'ภาษาไทย', '泰语']),
  row('Lao', 'lo', 'Lao', ['laotian', 'lo', 'ລາວ']),
  row('Khmer', 'km', 'Khmer', ['cambodian', 'km', 'khm', 'ខ្មែរ']),
  row('Burmese', 'my', 'Myanmar', ['myanmar', 'my', 'mya', 'bur', 'မြန်မာ']),
  row('Tibetan', 'bo', 'Tibetan', ['bo', 'bod', 'tib', 'བོད་སྐད']),
  row('Dzongkha', 'dz', 'Tibetan', ['dz', 'dzo']),
  row('Amharic', 'am', 'Ethiopic', ['am', 'amh', 'አማርኛ']),
  row('Tigrinya', 'ti', 'Ethiopic', ['ti', 'tir', 'ትግርኛ']),
  row('Tigre', 'tig', 'Ethiopic', []),
  row('Dhivehi', 'dv', 'Thaana', ['divehi', 'maldivian', 'dv', 'div', 'ދިވެހި']),
  // ---- Latin
  row('English', 'en', 'Latin', ['en', 'eng', '英语', '英文', '英語', '영어'], { offline: 'English' }),
  row('German', 'de', 'Latin', ['de', 'deu', 'ger', 'deutsch', '德语', '德文'], { offline: 'German' }),
  row('French', 'fr', 'Latin', ['fr', 'fra', 'fre', 'français', 'francais', '法语', '法文'], { offline: 'French' }),
  row('Spanish', 'es', 'Latin', ['castilian', 'es', 'spa', 'español', 'espanol', '西班牙语'], { offline: 'Spanish' }),
  row('Portuguese', 'pt', 'Latin', ['pt', 'por', 'português', 'portugues', '葡萄牙语']),
  row('Italian', 'it', 'Latin', ['it', 'ita', 'italiano', '意大利语']),
  row('Dutch', 'nl', 'Latin', ['flemish', 'nl', 'nld', 'dut', 'nederlands', '荷兰语']),
  row('Polish', 'pl', 'Latin', ['pl', 'pol', 'polski']),
  row('Turkish', 'tr', 'Latin', ['tr', 'tur', 'türkçe', 'turkce']),
  row('Vietnamese', 'vi', 'Latin', ['vi', 'vie', 'tiếng việt', 'tieng viet', '越南语']),
  row('Indonesian', 'id', 'Latin', ['id', 'ind', 'bahasa indonesia']),
  row('Malay', 'ms', 'Latin', ['ms', 'msa', 'may', 'bahasa melayu']),
  row('Swedish', 'sv', 'Latin', ['sv', 'swe', 'svenska']),
  row('Norwegian', 'no', 'Latin', ['bokmål', 'bokmal', 'nynorsk', 'no', 'nor', 'nb', 'nob', 'nn', 'nno', 'norsk']),
  row('Danish', 'da', 'Latin', ['da', 'dan', 'dansk']),
  row('Finnish', 'fi', 'Latin', ['fi', 'fin', 'suomi']),
  row('Icelandic', 'is', 'Latin', ['is', 'isl', 'íslenska']),
  row('Faroese', 'fo', 'Latin', ['fo']),
  row('Czech', 'cs', 'Latin', ['cs', 'ces', 'cze', 'čeština', 'cestina']),
  row('Slovak', 'sk', 'Latin', ['sk', 'slk', 'slovenčina']),
  row('Slovenian', 'sl', 'Latin', ['slovene', 'sl', 'slv', 'slovenščina']),
  row('Croatian', 'hr', 'Latin', ['hr', 'hrv', 'hrvatski']),
  row('Bosnian', 'bs', 'Latin', ['bs', 'bos', 'bosanski']),
  row('Hungarian', 'hu', 'Latin', ['hu', 'hun', 'magyar']),
  row('Romanian', 'ro', 'Latin', ['moldovan', 'ro', 'ron', 'rum', 'română', 'romana']),
  row('Albanian', 'sq', 'Latin', ['sq', 'sqi', 'alb', 'shqip']),
  row('Lithuanian', 'lt', 'Latin', ['lt', 'lit', 'lietuvių']),
  row('Latvian', 'lv', 'Latin', ['lv', 'lav', 'latviešu']),
  row('Estonian', 'et', 'Latin', ['et', 'est', 'eesti']),
  row('Irish', 'ga', 'Latin', ['ga', 'gle', 'gaeilge']),
  row('Welsh', 'cy', 'Latin', ['cy', 'cym', 'cymraeg']),
  row('Scottish Gaelic', 'gd', 'Latin', ['gaelic', 'gd']),
  row('Breton', 'br', 'Latin', ['br']),
  row('Basque', 'eu', 'Latin', ['eu', 'eus', 'euskara']),
  row('Catalan', 'ca', 'Latin', ['valencian', 'ca', 'cat', 'català']),
  row('Galician', 'gl', 'Latin', ['gl', 'glg', 'galego']),
  row('Occitan', 'oc', 'Latin', ['oc']),
  row('Corsican', 'co', 'Latin', ['co']),
  row('Frisian', 'fy', 'Latin', ['fy']),
  row('Luxembourgish', 'lb', 'Latin', ['lb', 'ltz']),
  row('Maltese', 'mt', 'Latin', ['mt', 'mlt']),
  row('Esperanto', 'eo', 'Latin', ['eo', 'epo']),
  row('Latin', 'la', 'Latin', ['la', 'lat']),
  row('Filipino', 'fil', 'Latin', ['tagalog', 'fil', 'tl', 'tgl']),
  row('Cebuano', 'ceb', 'Latin', ['ceb']),
  row('Javanese', 'jv', 'Latin', ['jv', 'jav']),
  row('Sundanese', 'su', 'Latin', ['su', 'sun']),
  row('Malagasy', 'mg', 'Latin', ['mg']),
  row('Swahili', 'sw', 'Latin', ['sw', 'swa', 'kiswahili']),
  row('Hausa', 'ha', 'Latin', ['ha', 'hau']),
  row('Yoruba', 'yo', 'Latin', ['yo', 'yor']),
  row('Igbo', 'ig', 'Latin', ['ig', 'ibo']),
  row('Zulu', 'zu', 'Latin', ['zu', 'zul']),
  row('Xhosa', 'xh', 'Latin', ['xh', 'xho']),
  row('Afrikaans', 'af', 'Latin', ['af', 'afr']),
  row('Somali', 'so', 'Latin', ['so', 'som']),
  row('Kinyarwanda', 'rw', 'Latin', ['rw']),
  row('Shona', 'sn', 'Latin', ['sn']),
  row('Sesotho', 'st', 'Latin', ['st']),
  row('Wolof', 'wo', 'Latin', ['wo']),
  row('Quechua', 'qu', 'Latin', ['qu']),
  row('Guarani', 'gn', 'Latin', ['gn']),
  row('Aymara', 'ay', 'Latin', []),
  row('Hawaiian', 'haw', 'Latin', []),
  row('Maori', 'mi', 'Latin', ['mi']),
  row('Samoan', 'sm', 'Latin', ['sm']),
  row('Tongan', 'to', 'Latin', []),
  row('Fijian', 'fj', 'Latin', []),
  row('Haitian Creole', 'ht', 'Latin', ['creole', 'ht']),
  row('Uzbek', 'uz', 'Latin', ['uz', 'uzb', 'oʻzbek', "o'zbek"]),
  row('Azerbaijani', 'az', 'Latin', ['azeri', 'az', 'aze', 'azərbaycan']),
  row('Turkmen', 'tk', 'Latin', ['tk', 'tuk', 'türkmen']),
  row('Kurmanji', 'kmr', 'Latin', []),
];

/** How a name is compared: NFKC, trimmed, lower case, one space between words, `_` as `-`. */
export const languageKey = (name: string): string =>
  name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/_/g, '-');

const BY_NAME = new Map<string, Language>();
for (const l of LANGUAGES) for (const n of [l.name.toLowerCase(), ...l.names]) if (!BY_NAME.has(n)) BY_NAME.set(n, l);

/** A tag: a language subtag and more (`zh-hant-tw`, `pt-br`), after languageKey. */
const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})+$/;

/**
 * The language a name or tag means: its name or one of its spellings, or — for a tag — the
 * longest known prefix of it (`zh-Hant-TW` → `zh-Hant`, Traditional Chinese; `pt-BR` → `pt`).
 * Null for a name not in the table.
 */
export function languageOf(name: string): Language | null {
  const key = languageKey(name);
  const known = BY_NAME.get(key);
  if (known) return known;
  if (!TAG.test(key)) return null;
  const subtags = key.split('-');
  for (let n = subtags.length - 1; n >= 1; n--) {
    const prefix = BY_NAME.get(subtags.slice(0, n).join('-'));
    if (prefix) return prefix;
  }
  return null;
}

/** Every spelling the table has (names and `names`, lower case) with its language. */
export const languageNames = (): ReadonlyMap<string, Language> => BY_NAME;
