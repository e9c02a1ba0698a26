/**
 * Faithfulness check: every number a summary states should be traceable to the paper's title or
 * abstract, the only text a summarizer sees. An LLM that writes "improves accuracy by 12%" when
 * the abstract says 2.8% gets the summary flagged `unsupported-number`.
 *
 * The check is asymmetric on purpose. The summary is read conservatively — only numeric claims
 * count, so names and enumerations cannot raise false alarms — while the source is read
 * generously: every number it contains in any form, including digits inside model names and
 * number words, so that a faithful claim is never flagged for lack of support.
 *
 * Rules (what tests pin down):
 * - Normalization before reading either side: LaTeX (`\%`, `\times`, `$…$`, `{,}`, `\,`,
 *   `10^{-4}`), unicode minus and dashes, full-width and other non-ASCII decimal digits,
 *   superscript exponents (10⁻⁴), thin/no-break spaces as thousands separators. A plain space is
 *   never a thousands separator ("1 000" is two numbers).
 * - Values: `1,000` = `1000` = `1k` = `1 thousand`; `10万` = `十万` = `100,000`; `1.2亿` = `1.2B`;
 *   `2.50` = `2.5`; `1e-4` = `10^{-4}` = `1 × 10^-4`. A lone comma or dot before exactly three
 *   digits is read both ways (`1,000` or German `1.000` = 1000; `1,5` = 1.5) and either reading
 *   may match.
 * - Kinds: percent (`45%`, `45 %`, `45 percent`, `45 percentage points`, `45 pp`, `百分之四十五`,
 *   `45个百分点`, Turkish `%45`), multiplier (`3x`, `3×`, `×3`, `3-fold`, `3 times`, `three
 *   times`, `threefold`, `3倍`, `三倍`) and count (everything else).
 * - Matching: a percentage in the summary is supported only by the same value used as a
 *   percentage in the source — 45% is not supported by "45 layers" nor 90.07% by "90.07 average
 *   accuracy". In the source (only there) "16 points", "a 10.4-point gain" count as percentage
 *   points, since that is what they mean in abstracts. A multiplier is supported by a
 *   multiplier or a plain number of the same value ("a speedup of 3"), never by a percentage. A
 *   plain number is supported by any source number of that value. Signs are ignored ("−3%" and
 *   "drops by 3%" are the same number; the direction is in the words).
 * - Rounding: a summary value written with at least two significant digits may round the source
 *   value to the precision it shows (12.5% for 12.47%, 12% for 12.4%, 1.2M for 1,234,567). One
 *   significant digit must match exactly (3× does not stand for 2.8×, 5% not for 4.6%).
 * - Ranges (`45-65%`, `45–65%`, `45--65\%`, `45~65%`, `45 to 65%`, `45%至65%`, `3-5x`, `7-8B`):
 *   each end is a number; an end without a unit takes the unit and magnitude of the other end.
 *   The source keeps the bare reading too ("Llama 3.3-70B" is not a range).
 * - Ambiguous suffixes: B is billions (7B), but a mantissa of 1000 or more also reads as a unit
 *   (1,372B bytes). A source's "8,9" is 8.9 and also the list 8, 9.
 * - Not claims: digits glued to a Latin/Greek/Cyrillic name or joined to one by `-_/@.` (GPT-4,
 *   Llama-3-8B, ResNet-50, CIFAR-10, H100, F1, Top-1, Qwen2.5, ViT-B/16), digits with a
 *   non-unit letter suffix (3D, 2D, 5G, 1st, 3DGS), exponents after a name (UniD^3, n^2),
 *   versions (1.2.3), list markers ((1), 1), 1、, and 1. at the start of a line or after ；。;:),
 *   ordinals and references (第一, 第3, Table 2, Fig. 3, Step 1, 图1), Chinese month and day
 *   numbers (2025年11月, 1月8日 — the source spells months as words), URLs, arXiv ids and
 *   bracketed citations. Identifiers are never flagged, whether or not the source mentions them:
 *   a renamed model is not a numeric claim, and this check is about numbers. Quantities with a
 *   unit (10ms, 64GB, 7B, 1.2M) are claims.
 * - Years are plain numbers: 2024 in the summary is supported when the source mentions 2024 (or
 *   "COCO 2017" when the source says "COCO 2017"), and flagged otherwise, because a year the
 *   abstract never mentions is an unsupported fact.
 * - Number words: English words count in the source ("three benchmarks", "twice as fast",
 *   "doubles"); in a summary they are claims only as multipliers or percentages ("three times",
 *   "tenfold", "twelve percent"), since "one of the" is not a claim. Other languages' number
 *   words (German "dreimal", French "trois fois") are not read. Chinese numerals are claims with
 *   倍 or 百分之/百分点, or when they are multi-character quantities with a unit character
 *   (二十, 三百, 十万, 一亿); bare small numerals (三个, 一种, 统一, 三维) are too ambiguous to check,
 *   and 数十亿/几百万 ("billions", "millions") are not exact numbers.
 * - A fraction is not a percentage: 85% is not supported by "an F1 of 0.85".
 *
 * Pure and linear: a handful of anchored regexes per number found, no nested quantifiers.
 */
import { SUMMARY_FIELDS, type SummaryFields } from '../core/types.js';

export type NumberKind = 'percent' | 'multiplier' | 'count';

export interface ExtractedNumber {
  /** The number as written (after normalization: `45\%` is reported as `45%`). */
  raw: string;
  /** Signed value with magnitude applied; a percentage is in percent (12.5 for 12.5%). */
  value: number;
  kind: NumberKind;
}

/** One reading of a written number; `step` is the precision it was written with (0 = exact). */
interface Reading {
  value: number;
  step: number;
}

interface Found {
  raw: string;
  kind: NumberKind;
  index: number;
  /** The first reading is the one reported; others are alternatives (1.000 = 1 or 1000). */
  readings: Reading[];
  /** Significant digits as written; rounding is tolerated only from 2 up. */
  sig: number;
  /** True once a magnitude, exponent or unit was applied (a range end then keeps its own). */
  scaled: boolean;
}

type Mode = 'claims' | 'source';

// ---------------------------------------------------------------------------------------------
// Normalization

/** Zero of each decimal-digit block we map to ASCII (full-width, Arabic-Indic, Indic, Thai, …). */
const DIGIT_ZEROS = [
  0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0,
  0x0f20, 0x1040, 0x17e0,
];
const OTHER_DIGIT = new RegExp(
  `[${DIGIT_ZEROS.map((z) => `\\u${z.toString(16).padStart(4, '0')}-\\u${(z + 9).toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);
const toAsciiDigit = (ch: string): string => {
  const code = ch.charCodeAt(0);
  for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
  return ch;
};

const PUNCT_MAP: Record<string, string> = {
  '％': '%',
  '٪': '%',
  '＋': '+',
  '～': '~',
  '（': '(',
  '）': ')',
  '．': '.',
  '٫': '.',
  '٬': ',',
  '✕': '×',
  '✖': '×',
  '⨯': '×',
};
const PUNCT = /[％٪＋～（）．٫٬✕✖⨯]/g;
/** Hyphens, dashes and minus signs; which one is a sign and which a range is decided by context. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁺': '+',
  '⁻': '-',
};
/** Only after a digit: "10⁻⁴" is an exponent, "m²" or a footnote mark "accuracy¹" is not. */
const SUPERSCRIPT_EXPONENT = /(?<=\d)[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/** LaTeX commands whose argument is plain text: drop the command, keep the argument. */
const TEXT_COMMANDS = new Set([
  'text',
  'mathrm',
  'textrm',
  'mathbf',
  'textbf',
  'textit',
  'mathit',
  'emph',
  'mathsf',
  'textsf',
  'texttt',
  'mathtt',
  'operatorname',
  'boldsymbol',
  'bm',
]);
const LATEX_SYMBOLS: Record<string, string> = {
  '%': '%',
  // A thin space: a thousands separator between digit groups (1\,000), a space elsewhere.
  ',': '\u2009',
  times: '×',
  cdot: '·',
  pm: '±',
  sim: ' ≈ ',
  approx: ' ≈ ',
};
const LATEX_COMMAND = /\\([a-zA-Z]+|[%,;:! \\$])/g;

/** No-break and thin spaces between a digit and a group of exactly three digits (French, SI). */
const SPACE_THOUSANDS = /(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))/g;

const URL = /\bhttps?:\/\/\S+/g;
const ARXIV_ID = /\b(?:arXiv:)?\d{4}\.\d{4,5}(?:v\d+)?\b/gi;
const CITATION = /\[\d+(?:\s*[,-]\s*\d+)*\]/g;

function normalize(text: string): string {
  return text
    .replace(URL, ' ')
    .replace(ARXIV_ID, ' ')
    .replace(OTHER_DIGIT, toAsciiDigit)
    .replace(PUNCT, (ch) => PUNCT_MAP[ch] ?? ch)
    .replace(DASHES, '-')
    .replace(SUPERSCRIPT_EXPONENT, (sup) => `^${[...sup].map((ch) => SUPERSCRIPTS[ch] ?? ch).join('')}`)
    .replaceAll('{,}', ',')
    .replace(LATEX_COMMAND, (_, name: string) => LATEX_SYMBOLS[name] ?? (TEXT_COMMANDS.has(name) ? '' : ' '))
    .replaceAll('}{', ' ') // \frac{225}{64}: two numbers
    .replace(/[{}]/g, '')
    .replaceAll('$', ' ')
    .replace(SPACE_THOUSANDS, '')
    .replace(CITATION, ' ');
}

// ---------------------------------------------------------------------------------------------
// Arabic-digit numbers

/**
 * A digit run with `.`/`,` groups, or `.5`. Each repetition must consume a separator, so the
 * match is linear; the cap keeps the resume-after-comma path below linear too on a long
 * `1,2,3,…` list. Whether the separators are decimal or thousands is decided by parseCore.
 */
const CORE = /(?<![\p{L}\d])\.\d+|\d+(?:[.,]\d+){0,6}/gu;

/**
 * Suffix lookaheads exclude only Latin/Greek/Cyrillic letters and digits: Chinese text follows
 * numbers without a space (3x提升, 0.005M额外参数).
 */
const NOT_NAME = '(?![\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\d])';
const SCI_E = new RegExp(`^[eE]([+-]?\\d{1,3})${NOT_NAME}`, 'u');
const SCI_TIMES = /^\s{0,2}[×x*·]\s{0,2}10\s?\^\s?([+-]?\d{1,3})/u;
const POW10 = /^\s?\^\s?([+-]?\d{1,3})/u;
/** `3x3`, `224 × 224`: sizes, not multipliers (`3× 3` with lopsided spaces is a multiplier). */
const DIMENSION = /^(?:[x×]\d|\s[x×]\s\d)/;
const MAG_WORD = new RegExp(`^\\s{1,2}(thousand|million|billion|trillion)${NOT_NAME}`, 'iu');
const MAG_LETTER = new RegExp(`^(k|K|M|B|bn|T)${NOT_NAME}`, 'u');
/** 10万, 1.2亿, 200多万 (two million and more). */
const MAG_CJK = /^\s?[多余]?([十百千]?万|万?亿)/u;
const PERCENT = new RegExp(
  `^(?:\\s{0,2}%|\\s{1,2}(?:percent(?:age[- ]points?)?|per cent)${NOT_NAME}|\\s?(?:pp${NOT_NAME}|p\\.p\\.)|\\s?个?百分点)`,
  'iu',
);
/**
 * Source only: "16 points", "a 10.4-point gain", "5 pts". In abstracts these are percentage
 * points, which a summary writes as 16个百分点 or 16 pp.
 */
const POINTS = new RegExp(`^(?:-|\\s{1,2})(?:percentage[- ])?(?:points?|pts)${NOT_NAME}`, 'iu');
const MULTIPLIER = new RegExp(
  `^(?:\\s?[x×X]${NOT_NAME}|(?:-|\\s)?fold${NOT_NAME}|\\s{1,2}times${NOT_NAME}|\\s?倍)`,
  'u',
);
const GLUED_LETTERS = /^[\p{Script=Latin}µμ]+/u;
/** Range connectors between two numbers (the gap must be exactly one of these). */
const RANGE_GAP = /^\s?(?:-{1,3}|~|to|至|到)\s?[+-]?$/;
/** Words after which a number is a reference or a step, not a quantity. */
const REFERENCE_BEFORE =
  /(?:\b(?:sections?|sec|tables?|tab|figures?|figs?|eqs?|equations?|appendix|algorithm|theorems?|lemmas?|corollary|proposition|definition|chapter|step|stage|phase)\.?\s?|[第图表式节章]\s?)$/iu;

/** 2025年11月, 1月8日: month and day numbers, which an English source spells as month names. */
const DATE_PART = /^[月日号]/u;

const MAGNITUDES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  B: 1e9,
  bn: 1e9,
  T: 1e12,
};
const CJK_MAGNITUDE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/**
 * Unit symbols glued to a number that make it a quantity (10ms, 64GB) rather than a name (3D, 5G).
 * Longer symbols are compared case-insensitively; single letters exactly, since 5G is not 5 g.
 */
const UNITS = new Set(
  (
    'ms sec secs min mins hr hrs us µs μs ns ps bit bits byte bytes kb mb gb tb pb kib mib gib tib ' +
    'kbps mbps gbps fps hz khz mhz ghz kw mw gw kwh mwh kj mj ev kev mev gev tev km cm mm nm um µm μm ' +
    'kg mg ml db dbm flops gflops tflops pflops px ppm ppb deg'
  ).split(' '),
);
const SINGLE_LETTER_UNITS = new Set(['s', 'h', 'm', 'g', 'W', 'J', 'L', 'l', 'V', 'A']);
const isUnit = (symbol: string): boolean =>
  symbol.length === 1 ? SINGLE_LETTER_UNITS.has(symbol) : UNITS.has(symbol.toLowerCase());

const NAME_LETTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const isNameLetter = (ch: string): boolean => ch !== '' && NAME_LETTER.test(ch);
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9' && ch.length === 1;

interface ParsedCore {
  readings: { value: number; decimals: number }[];
  sig: number;
}

/**
 * `1,234.5`, `1.234,5`, `1,000`, `1.000`, `12,5`, `.5`. Null when the separators do not make one
 * number (`1.2.3`, `85.2,90.1`).
 */
function parseCore(core: string): ParsedCore | null {
  const sig = core.replace(/[.,]/g, '').replace(/^0+/, '').length;
  const commas = core.split(',').length - 1;
  const dots = core.split('.').length - 1;
  const plain = (intPart: string, frac: string) => ({
    value: Number(`${intPart || '0'}.${frac || '0'}`),
    decimals: frac.length,
  });
  if (commas === 0 && dots === 0) return { readings: [{ value: Number(core), decimals: 0 }], sig };
  const isGrouped = (groups: string[]): boolean => {
    const [first, ...others] = groups;
    return (
      first !== undefined &&
      first.length >= 1 &&
      first.length <= 3 &&
      !first.startsWith('0') &&
      others.every((g) => g.length === 3)
    );
  };
  if (commas > 0 && dots > 0) {
    // The separator that comes last and once is the decimal one; the other groups thousands.
    const [dec, thousands] = core.lastIndexOf('.') > core.lastIndexOf(',') ? ['.', ','] : [',', '.'];
    const parts = core.split(dec);
    const [intPart, frac] = parts;
    if (parts.length !== 2 || intPart === undefined || frac === undefined) return null;
    if (frac.includes(thousands) || !isGrouped(intPart.split(thousands))) return null;
    return { readings: [plain(intPart.split(thousands).join(''), frac)], sig };
  }
  const sep = commas > 0 ? ',' : '.';
  const groups = core.split(sep);
  const grouped = isGrouped(groups);
  const [intPart = '', frac = ''] = groups;
  if (groups.length === 2) {
    const decimal = plain(intPart, frac);
    if (!grouped) return { readings: [decimal], sig };
    const thousands = { value: Number(intPart + frac), decimals: 0 };
    // English reads `1,000` as thousands and `1.000` as a decimal; German the other way round.
    return { readings: sep === ',' ? [thousands, decimal] : [decimal, thousands], sig };
  }
  return grouped ? { readings: [{ value: Number(groups.join('')), decimals: 0 }], sig } : null;
}

/** After `第`, `Table`, `Fig.`…: a reference, not a quantity. */
const isReference = (text: string, i: number): boolean => REFERENCE_BEFORE.test(text.slice(Math.max(0, i - 14), i));

/**
 * `(1)`, `1)`, `1、`, and `1.` starting a line or a clause (`；2. `, `。3. `): enumeration, not a
 * quantity. A sentence ending in a number ("ranked 1.") is not preceded by such a boundary.
 */
function isListMarker(text: string, i: number, end: number, core: string): boolean {
  if (core.length > 2 || !/^\d+$/.test(core)) return false;
  const before = text[i - 1] ?? '';
  const after = text[end] ?? '';
  const boundary = before === '' || /[\s,;:，；：。!?！？]/.test(before);
  if (after === ')') return before === '(' || boundary;
  if (after === '、') return boundary;
  if (after === '.') {
    const clauseStart = before === ' ' ? (text[i - 2] ?? '') : before;
    return clauseStart === '' || /[\n;:；：。，！？]/.test(clauseStart);
  }
  return false;
}

/** Where `×3` starts (a multiplier written before the number), or -1; `3 × 3` is a size. */
function multiplierPrefixAt(text: string, i: number): number {
  let k = i - 1;
  if (text[k] === ' ') k--;
  if (text[k] !== '×') return -1;
  const at = k;
  k--;
  if (text[k] === ' ') k--;
  return isDigit(text[k] ?? '') ? -1 : at;
}

function scanDigits(text: string, mode: Mode, out: Found[]): void {
  let prevEnd = -1;
  let prevIdentifier = false;
  let prevItem: Found | null = null;
  CORE.lastIndex = 0;
  for (let m = CORE.exec(text); m !== null; m = CORE.exec(text)) {
    let core = m[0];
    const i = m.index;
    let parsed = parseCore(core);
    if (parsed === null && core.includes(',')) {
      // `85.2,90.1` (a list without spaces): read up to the comma, resume after it.
      core = core.slice(0, core.indexOf(','));
      CORE.lastIndex = i + core.length;
      parsed = parseCore(core);
    }
    const end = i + core.length;
    const c1 = text[i - 1] ?? '';
    const c2 = text[i - 2] ?? '';
    const gap = prevEnd >= 0 && i - prevEnd <= 5 ? text.slice(prevEnd, i) : null;
    const inRange = prevItem !== null && gap !== null && RANGE_GAP.test(gap);

    let identifier = parsed === null;
    let sign = '';
    if (c1 === '-' && gap === '-' && prevIdentifier) {
      identifier = true; // the 7B of Llama-2-7B
    } else if (inRange) {
      // the second end of 45-65%: the dash is not a minus
    } else if ((c1 === 'x' || c1 === '×') && isDigit(c2)) {
      // the second side of 3x3
    } else if (isNameLetter(c1) || c1 === '^') {
      identifier = true; // H100, UniD^3, n^2
    } else if (c1 !== '' && '-_/@.'.includes(c1) && isNameLetter(c2)) {
      identifier = true; // GPT-4, ViT-B/16, Pass@1
    } else if ((c1 === '-' || c1 === '+') && !isNameLetter(c2) && !isDigit(c2)) {
      sign = c1;
    }
    const skip =
      !identifier &&
      (isReference(text, i) ||
        isListMarker(text, i, end, core) ||
        (DATE_PART.test(text.slice(end, end + 2)) && Number(core) <= 31));

    // Suffixes: exponent, magnitude, then unit.
    const rest = text.slice(end, end + 40);
    let consumed = 0;
    let exponent = 0;
    // `10^-4` is 1e-4: the written 10 is the base, not a mantissa.
    let powerOfTen = false;
    let scale = 1;
    let scaled = false;
    let kind: NumberKind = 'count';
    let sm: RegExpExecArray | null;
    if ((sm = SCI_E.exec(rest)) !== null || (sm = SCI_TIMES.exec(rest)) !== null) {
      exponent = Number(sm[1]);
      consumed = sm[0].length;
      scaled = true;
    } else if (core === '10' && (sm = POW10.exec(rest)) !== null) {
      exponent = Number(sm[1]);
      powerOfTen = true;
      consumed = sm[0].length;
      scaled = true;
    }
    let after = rest.slice(consumed);
    let letterMagnitude = false;
    if (!scaled && DIMENSION.test(after)) {
      // a size such as 224×224: plain counts
    } else {
      if ((sm = MAG_WORD.exec(after)) !== null || (sm = MAG_LETTER.exec(after)) !== null) {
        const word = sm[1] ?? '';
        scale = MAGNITUDES[word] ?? MAGNITUDES[word.toLowerCase()] ?? 1;
        letterMagnitude = word.length <= 2;
      } else if ((sm = MAG_CJK.exec(after)) !== null) {
        scale = [...(sm[1] ?? '')].reduce((acc, ch) => acc * (CJK_MAGNITUDE[ch] ?? 1), 1);
      }
      if (sm !== null && scale !== 1) {
        consumed += sm[0].length;
        after = rest.slice(consumed);
        scaled = true;
      }
      if ((sm = PERCENT.exec(after)) !== null || (mode === 'source' && (sm = POINTS.exec(after)) !== null)) {
        kind = 'percent';
        consumed += sm[0].length;
      } else if ((sm = MULTIPLIER.exec(after)) !== null) {
        kind = 'multiplier';
        consumed += sm[0].length;
      } else if ((sm = GLUED_LETTERS.exec(after)) !== null) {
        // 10ms is a quantity; 3D, 1st, 5G or 3DGS are names.
        if (isUnit(sm[0])) {
          consumed += sm[0].length;
          scaled = true;
        } else if (!letterMagnitude) identifier = true;
      }
    }
    let start = sign === '' ? i : i - 1;
    if (kind === 'count' && !identifier) {
      if (c1 === '%' && !isDigit(c2)) {
        kind = 'percent'; // Turkish %45
        start = i - 1;
      } else if (/百分之\s?$/u.test(text.slice(Math.max(0, i - 4), i))) kind = 'percent';
      else if (multiplierPrefixAt(text, i) >= 0) {
        kind = 'multiplier';
        start = multiplierPrefixAt(text, i);
      }
    }

    const suffixEnd = end + consumed;
    if (consumed > 0 && CORE.lastIndex < suffixEnd) CORE.lastIndex = suffixEnd;
    let item: Found | null = null;
    if (parsed !== null && (mode === 'source' || (!identifier && !skip))) {
      // Through decimal strings: V8's 10 ** -4 is 0.00009999999999999999.
      const readings = parsed.readings.map((r) => ({
        value: (sign === '-' ? -1 : 1) * scale * Number(powerOfTen ? `1e${exponent}` : `${r.value}e${exponent}`),
        step: powerOfTen ? 0 : scale * Number(`1e${exponent - r.decimals}`),
      }));
      // A source's "Llama-2-7B" also supports a bare 7; and 1,372B or 4,096K are bytes or tokens.
      if (letterMagnitude && (mode === 'source' || (parsed.readings[0]?.value ?? 0) >= 1000)) {
        readings.push(...parsed.readings.map((r) => ({ value: r.value, step: 10 ** -r.decimals })));
      }
      // A source's "8,9" may be a list as well as 8.9.
      if (mode === 'source' && core.includes(',')) {
        for (const part of core.split(',')) readings.push({ value: Number(part), step: 0 });
      }
      item = {
        raw: text.slice(start, suffixEnd).trim(),
        kind,
        index: i,
        readings,
        sig: powerOfTen ? 1 : parsed.sig,
        scaled,
      };
      out.push(item);
      if (
        inRange &&
        prevItem !== null &&
        !prevItem.scaled &&
        prevItem.kind === 'count' &&
        (kind !== 'count' || scale !== 1)
      ) {
        // 45-65% and 10-20k: the bare end takes the other end's unit and magnitude. The source
        // keeps both readings, since "Llama 3.3-70B" is not a range.
        const readings = prevItem.readings.map((r) => ({ value: r.value * scale, step: r.step * scale }));
        if (mode === 'source') out.push({ ...prevItem, kind, readings, scaled: true });
        else {
          prevItem.kind = kind;
          prevItem.readings = readings;
        }
      }
    }
    prevEnd = suffixEnd;
    prevIdentifier = identifier;
    prevItem = identifier || skip ? null : item;
  }
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_RUN = /[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?/gu;

/** 十二 → 12, 三千万 → 3e7, 一亿三千万 → 1.3e8, 一九九八 → 1998, 十二点五 → 12.5. */
function parseChineseNumber(run: string): number | null {
  const [intPart = '', frac = ''] = run.split('点');
  let value: number;
  if (![...intPart].some((ch) => ch in CJK_MAGNITUDE)) {
    value = 0;
    for (const ch of intPart) value = value * 10 + (CN_DIGITS[ch] ?? 0);
  } else {
    let total = 0;
    let section = 0;
    let digit = 0;
    for (const ch of intPart) {
      const d = CN_DIGITS[ch];
      if (d !== undefined) digit = d;
      else if (ch === '万') {
        section = (section + digit) * 1e4;
        digit = 0;
      } else if (ch === '亿') {
        total = (total + section + digit) * 1e8;
        section = 0;
        digit = 0;
      } else {
        // 十 alone is ten: 十二 = 12
        section += (digit === 0 ? 1 : digit) * (CJK_MAGNITUDE[ch] ?? 1);
        digit = 0;
      }
    }
    value = total + section + digit;
  }
  if (frac !== '') value += Number(`0.${[...frac].map((ch) => CN_DIGITS[ch] ?? 0).join('')}`);
  return Number.isFinite(value) ? value : null;
}

/**
 * A Chinese numeral that reads as a quantity on its own: several characters, starting with a
 * digit (or 十 followed by more), with a unit character — 二十, 三百, 十万, 一亿. Single
 * characters (一种, 三维, 统一) and runs such as 千万 ("by all means") or 万一 are words.
 */
function isChineseQuantity(run: string): boolean {
  const [intPart = ''] = run.split('点');
  const first = intPart[0] ?? '';
  const startsAsNumber =
    (first in CN_DIGITS && first !== '零' && first !== '〇') || (first === '十' && intPart.length >= 2);
  return startsAsNumber && intPart.length >= 2 && [...intPart].some((ch) => ch in CJK_MAGNITUDE);
}

function scanChinese(text: string, mode: Mode, out: Found[]): void {
  CN_RUN.lastIndex = 0;
  for (let m = CN_RUN.exec(text); m !== null; m = CN_RUN.exec(text)) {
    let run = m[0];
    const i = m.index;
    // The 百 of 百分之 introduces a percentage; it is not a hundred.
    if (run.endsWith('百') && text.startsWith('分之', i + run.length)) run = run.slice(0, -1);
    if (run === '') continue;
    const before = text[i - 1] ?? '';
    // 10万 was read with its digits; 第三 is an ordinal; 数十亿 and 几百万 are "billions", "millions".
    if (isDigit(before) || before === '.' || (mode === 'claims' && /[第数几]/u.test(before))) continue;
    const value = parseChineseNumber(run);
    if (value === null) continue;
    const after = text.slice(i + run.length, i + run.length + 6);
    let kind: NumberKind = 'count';
    let raw = run;
    if (/百分之\s?$/u.test(text.slice(Math.max(0, i - 4), i))) {
      kind = 'percent';
      raw = `百分之${run}`;
    } else if (/^\s?倍/u.test(after)) {
      kind = 'multiplier';
      raw = `${run}倍`;
    } else {
      const points = /^\s?个?百分点/u.exec(after);
      if (points !== null) {
        kind = 'percent';
        raw = run + points[0];
      }
    }
    if (mode === 'claims' && kind === 'count' && !isChineseQuantity(run)) continue;
    out.push({ raw, kind, index: i, readings: [{ value, step: 0 }], sig: 0, scaled: true });
  }
}

// ---------------------------------------------------------------------------------------------
// English number words

const UNITS_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const SMALL_WORDS = [
  'zero',
  ...UNITS_WORDS,
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORD_VALUE = new Map<string, number>([
  ...SMALL_WORDS.map((w, n): [string, number] => [w, n]),
  ...TENS_WORDS.map((w, n): [string, number] => [w, 20 + 10 * n]),
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
]);
/** Longest alternatives first, so "seventeen" is not read as "seven". */
const byLength = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const WORD_NUMBER = new RegExp(
  `\\b(?:(${TENS_WORDS.join('|')})(?:[- ](${UNITS_WORDS.join('|')}))?|(${byLength(SMALL_WORDS)}))` +
    `(?:[- ](hundred|thousand|million|billion))?` +
    `(?:(-?fold)(?![a-z])|(?![a-z])(?:\\s{1,2}(times|percent|per cent|percentage points?)(?![a-z]))?)`,
  'gi',
);
/** Source-only: words that state a factor. */
const FACTOR_WORDS = /\b(twice|double[sd]?|doubling|triple[sd]?|tripling|quadruple[sd]?|quadrupling)\b/gi;

function scanWords(text: string, mode: Mode, out: Found[]): void {
  WORD_NUMBER.lastIndex = 0;
  for (let m = WORD_NUMBER.exec(text); m !== null; m = WORD_NUMBER.exec(text)) {
    const [raw, tens, unit, small, magnitude, fold, unitWord] = m;
    let value = WORD_VALUE.get((tens ?? small ?? '').toLowerCase()) ?? 0;
    value += WORD_VALUE.get((unit ?? '').toLowerCase()) ?? 0;
    value *= WORD_VALUE.get((magnitude ?? '').toLowerCase()) ?? 1;
    let kind: NumberKind = 'count';
    if (fold !== undefined || unitWord?.toLowerCase() === 'times') kind = 'multiplier';
    else if (unitWord !== undefined) kind = 'percent';
    if (mode === 'claims' && kind === 'count') continue;
    out.push({ raw: raw.trim(), kind, index: m.index, readings: [{ value, step: 0 }], sig: 0, scaled: true });
  }
  if (mode !== 'source') return;
  FACTOR_WORDS.lastIndex = 0;
  for (let m = FACTOR_WORDS.exec(text); m !== null; m = FACTOR_WORDS.exec(text)) {
    const word = m[0].toLowerCase();
    const value = word.startsWith('quadrupl') ? 4 : word.startsWith('tripl') ? 3 : 2;
    out.push({ raw: m[0], kind: 'multiplier', index: m.index, readings: [{ value, step: 0 }], sig: 0, scaled: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

function collect(text: string, mode: Mode): Found[] {
  const normalized = normalize(text);
  const out: Found[] = [];
  scanDigits(normalized, mode, out);
  scanChinese(normalized, mode, out);
  scanWords(normalized, mode, out);
  return out.sort((a, b) => a.index - b.index);
}

/** The numeric claims in a text, in reading order (see the module rules for what is a claim). */
export function extractNumbers(text: string): ExtractedNumber[] {
  return collect(text, 'claims').map(({ raw, kind, readings }) => ({ raw, value: readings[0]?.value ?? 0, kind }));
}

function readingMatches(claim: Reading, sig: number, source: Reading): boolean {
  const a = Math.abs(claim.value);
  const b = Math.abs(source.value);
  const diff = Math.abs(a - b);
  if (diff <= 1e-9 * Math.max(a, b)) return true;
  // Rounded to the precision the summary shows: 12.5 for 12.47, never 3 for 2.8.
  return sig >= 2 && claim.step > 0 && diff <= (claim.step / 2) * (1 + 1e-9);
}

function isSupported(claim: Found, support: readonly Found[]): boolean {
  return support.some((s) => {
    if (claim.kind === 'percent' && s.kind !== 'percent') return false;
    if (claim.kind === 'multiplier' && s.kind === 'percent') return false;
    return claim.readings.some((c) => s.readings.some((r) => readingMatches(c, claim.sig, r)));
  });
}

/**
 * The numbers the summary states that the title and abstract do not (as written in the summary,
 * once each, in reading order). Empty means every number is supported.
 */
export function findUnsupportedNumbers(fields: SummaryFields, source: { title: string; abstract: string }): string[] {
  const claims = collect(SUMMARY_FIELDS.map((f) => fields[f]).join('\n'), 'claims');
  if (claims.length === 0) return [];
  const support = collect(`${source.title}\n${source.abstract}`, 'source');
  const unsupported = new Set<string>();
  for (const claim of claims) if (!isSupported(claim, support)) unsupported.add(claim.raw);
  return [...unsupported];
}
