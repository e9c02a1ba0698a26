/**
 * Sentence splitting for abstracts, the offline summarizer's unit of text.
 *
 * The summarizer only ever copies whole sentences, so a wrong split shows up verbatim in a
 * digest ("…compared with Smith et al." as a "result"). Abstracts are full of full stops that
 * end nothing — abbreviations, initials, decimals, version numbers, URLs, LaTeX math — so a
 * full stop ends a sentence only when it is outside protected spans (math, URLs, LaTeX braces),
 * is followed by white space and a character that can start a sentence, and the word before it
 * is not an abbreviation that needs a continuation. CJK full stops (。！？) always end one.
 *
 * Each sentence keeps its original characters; only its ends are trimmed and white-space runs
 * inside it (line breaks of the arXiv feed) become one space.
 */

/** Where a sentence may end: Latin terminators, CJK terminators, or a blank line. */
const TERMINATOR = /[.!?…。！？．]|\n[ \t\r]*\n/g;
/** Characters that close a quote or bracket and belong to the sentence they follow. */
const CLOSERS = new Set([')', ']', '}', '"', "'", '”', '’', '»', '」', '』', '）', '》', '】', '〉']);
const OPENERS = new Set(['(', '[', '"', "'", '“', '‘', '«']);
const CJK_TERMINATORS = new Set(['。', '！', '？', '．']);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const WS = /\s/;
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Abbreviations that are always followed by more of the same sentence ("e.g. BERT", "Fig. 3",
 * "Dr. Smith", "vs. GPT-4"); lowercased, without the final full stop.
 */
const CONTINUING = new Set([
  'e.g',
  'i.e',
  'cf',
  'vs',
  'v',
  'viz',
  'fig',
  'figs',
  'eq',
  'eqs',
  'eqn',
  'eqns',
  'tab',
  'sec',
  'secs',
  'sect',
  'ch',
  'chap',
  'app',
  'appx',
  'thm',
  'lem',
  'cor',
  'prop',
  'def',
  'alg',
  'ref',
  'refs',
  'approx',
  'ca',
  'esp',
  'incl',
  'ph.d',
  'w.r.t',
  'a.k.a',
  'i.i.d',
]);

/**
 * Titles before a name, matched with their case: "DR." (diabetic retinopathy) and "ms."
 * (milliseconds) end sentences.
 */
const TITLES = new Set(['Dr', 'Mr', 'Mrs', 'Ms', 'Prof', 'St']);

/** Abbreviations that continue only before a number ("No. 5", "pp. 3–9"): "no." is also a word. */
const BEFORE_NUMBER = new Set(['no', 'nos', 'p', 'pp', 'vol', 'vols', 'nr']);

/**
 * Abbreviations that often end a sentence ("…, CNNs, etc. We …", "Smith et al. We …"): they end
 * one when an upper-case word follows, and not before a citation ("et al. (2020)", "et al. [3]").
 */
const MAY_END = new Set(['etc', 'al', 'resp', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp']);

/**
 * Capitalized words that begin sentences in abstracts. After a lone capital ("J. Smith" vs
 * "of size N. We show") or a dotted abbreviation ("U.S."), only these mark a new sentence.
 */
const STARTERS = new Set(
  (
    'we our this these that those the it its in on for to by as at with without from using unlike although though ' +
    'while despite however moreover furthermore additionally finally further also thus hence therefore consequently ' +
    'specifically notably importantly overall here there then next first second third lastly experiments experimental ' +
    'extensive results code a an they their both all each such most many several existing recent previous prior ' +
    'current given under building inspired motivated empirically theoretically compared when if since because where ' +
    'what how why which surprisingly interestingly instead yet but and or so nevertheless nonetheless meanwhile ' +
    'similarly likewise conversely along across beyond among based applying applied combining leveraging evaluations ' +
    'evaluation ablation ablations simulations numerical data source together one two key no neither to our'
  ).split(' '),
);

/** A list marker that starts a sentence: "(1) We …", "(ii) …", "(a) …". */
const LIST_MARKER = /^\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s/i;
/** An enumerator written as "1." or "ii." at the start of a sentence or after a colon. */
const ENUMERATOR = /^(?:\d{1,2}|[ivx]{1,4})$/i;
/** Dotted abbreviations such as "U.S", "w.r.t", "e.g" (the final dot already removed). */
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;

/**
 * Spans inside which no terminator counts: display and inline math, `\(..\)`, `\[..\]`, URLs
 * (without their trailing punctuation, which usually ends the sentence).
 */
const PROTECTED =
  /\$\$[\s\S]{1,2000}?\$\$|(?<!\\)\$(?:[^$\\]|\\[\s\S]){1,400}?\$|\\\([\s\S]{1,2000}?\\\)|\\\[[\s\S]{1,2000}?\\\]|(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]}'’”]/gi;

type Span = readonly [start: number, end: number];

/** Protected spans, sorted and non-overlapping. Cheap when the text has none of the markers. */
function protectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes('$') || text.includes('\\') || text.includes('://') || text.includes('www.')) {
    PROTECTED.lastIndex = 0;
    for (let m = PROTECTED.exec(text); m; m = PROTECTED.exec(text)) spans.push([m.index, m.index + m[0].length]);
  }
  // LaTeX arguments (`\textbf{…}`, `\cite{a.b}`) nest, which a regular expression cannot follow.
  if (text.includes('{')) {
    let depth = 0;
    let open = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '{') {
        if (depth++ === 0) open = i;
      } else if (c === '}' && depth > 0 && --depth === 0) spans.push([open, i + 1]);
    }
  }
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** The word ending just before `dot` (leading brackets and quotes removed). */
function wordBefore(text: string, dot: number, from: number): { word: string; start: number } {
  let s = dot;
  while (s > from && !WS.test(text[s - 1]!)) s--;
  while (s < dot && OPENERS.has(text[s]!)) s++;
  return { word: text.slice(s, dot), start: s };
}

/** The letters starting at `i`. */
function wordAt(text: string, i: number): string {
  let e = i;
  while (e < text.length && /\p{L}/u.test(text[e]!)) e++;
  return text.slice(i, e);
}

/**
 * Decides whether a single full stop at `dot`, followed by white space and then `next` (the
 * index of the next non-space character), ends the sentence that began at `from`.
 */
function fullStopEnds(text: string, dot: number, next: number, from: number): boolean {
  const c = text[next]!;
  const { word, start } = wordBefore(text, dot, from);
  const lower = word.toLowerCase();
  const following = wordAt(text, next);
  const upperNext = UPPER.test(c) || CJK.test(c);

  if (ENUMERATOR.test(word)) {
    // "Contributions: 1. We …" — the number is a list marker, not a sentence of its own.
    const before = text.slice(from, start).trimEnd();
    if (before === '' || before.endsWith(':')) return false;
  }
  if (CONTINUING.has(lower) || TITLES.has(word)) return false;
  if (BEFORE_NUMBER.has(lower) && /[\d(]/.test(c)) return false;
  if (MAY_END.has(lower)) return upperNext || LIST_MARKER.test(text.slice(next, next + 8));
  if (DOTTED.test(lower)) {
    // "U.S.", "v.s. 46.7%", "w.r.t. X": a new sentence only if a common sentence opener follows.
    return upperNext && STARTERS.has(following.toLowerCase());
  }
  if (/^\p{Lu}$/u.test(word) && UPPER.test(c)) {
    // An initial ("J. Smith", "J. R. Smith") unless a common sentence opener follows.
    if (following.length === 1 && text[next + 1] === '.') return false;
    return STARTERS.has(following.toLowerCase());
  }
  return true;
}

/**
 * Splits an abstract into sentences. Never loses or reorders a character other than white
 * space: the sentences joined with single spaces are the input with white space collapsed
 * (plus a space between CJK sentences that were written without one).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // A fragment without letters or digits (an elision "...", a stray bracket) is no sentence:
  // it joins the sentence before it, or the one after it at the start.
  let pending = '';
  const push = (from: number, to: number): void => {
    const s = text.slice(from, to).trim().replace(/\s+/g, ' ');
    if (!s) return;
    if (!WORDLIKE.test(s)) {
      if (out.length) out[out.length - 1] += ` ${s}`;
      else pending = pending ? `${pending} ${s}` : s;
    } else {
      out.push(pending ? `${pending} ${s}` : s);
      pending = '';
    }
  };
  const spans = protectedSpans(text);
  let span = 0;
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    const i = m.index;
    while (span < spans.length && spans[span]![1] <= i) span++;
    const sp = spans[span];
    if (sp && sp[0] <= i) {
      TERMINATOR.lastIndex = sp[1];
      continue;
    }
    if (m[0].length > 1) {
      // A blank line is a paragraph break: always a boundary.
      push(start, i);
      start = i + m[0].length;
      continue;
    }
    // The run of terminators ("?!", "...", "。」") and the closing quotes and brackets after it.
    let end = i + 1;
    while (end < text.length && /[.!?…。！？．]/.test(text[end]!)) end++;
    const run = text.slice(i, end);
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    TERMINATOR.lastIndex = end;

    let boundary: boolean;
    if ([...run].some((ch) => CJK_TERMINATORS.has(ch))) boundary = true;
    else if (end >= text.length) boundary = true;
    else if (!WS.test(text[end]!)) {
      // "方法.实验" — a Latin full stop typed between CJK characters still ends the sentence.
      boundary = run === '.' && i > 0 && CJK.test(text[i - 1]!) && CJK.test(text[end]!);
    } else {
      let next = end;
      while (next < text.length && WS.test(text[next]!)) next++;
      if (next >= text.length) boundary = true;
      else if (LOWER.test(text[next]!)) boundary = false;
      else if (run === '.') boundary = fullStopEnds(text, i, next, start);
      else boundary = true;
    }
    if (boundary) {
      push(start, end);
      start = end;
    }
  }
  push(start, text.length);
  if (pending) out.push(pending);
  return out;
}
