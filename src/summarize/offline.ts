/**
 * The offline summarizer: what `summarize` uses without an API key. It is extractive — every
 * field is made of the abstract's own sentences (or the title), never of new words — so it
 * cannot invent a fact, a number or a claim. The price is that it writes in the abstract's
 * language, whatever language was asked for; it then sets the `untranslated` flag and the
 * caller says so in one line.
 *
 * Pipeline: splitSentences → analyzeSentences (roles and per-role scores) → pick sentences per
 * field. Deterministic and synchronous at its core (`offlineSummary`); the Summarizer wrapper
 * only measures time.
 *
 * Fallbacks, so that every field is non-empty whenever the abstract has a sentence:
 * - tldr: a proposal ("we propose / present / …") that also states a result → the first
 *   proposal → in a theory paper without one, the first "we prove that …" → the strongest
 *   method sentence → the strongest result sentence → the sentence that scores highest as
 *   method; lead-ins ("In this paper,", "To address this gap,") are dropped and a sentence
 *   over TLDR_MAX is cut at a clause boundary with "…". A one-sentence abstract too long for a
 *   TL;DR gives the title instead (a title says what the paper does in a few words, a cut
 *   sentence may not);
 * - motivation: background and problem sentences → the sentence that scores highest as
 *   problem or background;
 * - method: method sentences → the sentence that scores highest as method;
 * - result: result sentences → the sentence that scores highest as result;
 * - conclusion: conclusion sentences → the last sentence.
 */
import { performance } from 'node:perf_hooks';
import { languageOf } from '../core/languages.js';
import type { SummaryFields } from '../core/types.js';
import { ROLES, analyzeSentences, type Role } from './roles.js';
import { splitSentences } from './sentences.js';
import { type Summarizer, type SummaryOutcome, type SummaryRequest } from './types.js';
import { FLAGS } from '../core/flags.js';

export { OFFLINE_SUMMARIZER_ID } from '../core/types.js';
import { OFFLINE_SUMMARIZER_ID } from '../core/types.js';
/** Bump whenever a change to the splitter, the role model or the selection changes output. */
export const OFFLINE_PROMPT_VERSION = 'offline-2';

/** A TL;DR longer than this (in characters; CJK characters count double) is cut. */
export const TLDR_MAX = 220;
/** A cut TL;DR keeps at least this much, so it still says something. */
const TLDR_MIN = 80;
/** Limits per field: enough for the gist, short enough to read in a digest. */
const LIMITS: Record<Exclude<keyof SummaryFields, 'tldr'>, { count: number; chars: number }> = {
  motivation: { count: 2, chars: 450 },
  method: { count: 3, chars: 650 },
  result: { count: 3, chars: 650 },
  conclusion: { count: 2, chars: 400 },
};

const ROLE_INDEX = Object.fromEntries(ROLES.map((role, i) => [role, i])) as Record<Role, number>;

// ------------------------------------------------------------------------------------------------
// language

const CJK_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const KANA_ALL = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL_ALL = /\p{Script=Hangul}/gu;
const LATIN_ALL = /\p{Script=Latin}/gu;
const LETTER_ALL = /\p{L}/gu;

const WORDLIKE = /[\p{L}\p{N}]/u;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/**
 * Function words that tell the common Latin-script languages apart. A language other than
 * English is only named when its words clearly outnumber English ones: English is the safe
 * default for arXiv, and a wrong "German" would hide an untranslated summary.
 */
const STOPWORDS: Record<string, ReadonlySet<string>> = {
  English: new Set('the and of we is that for with are this to in on our by from be which an as'.split(' ')),
  German: new Set('und der die das wir nicht mit ist für eine einer werden von auf sich dass des den dem'.split(' ')),
  French: new Set('les des nous une est dans pour sur avec que qui par du aux cette sont ces leur'.split(' ')),
  Spanish: new Set('los las del una que por con para nosotros este esta como sobre también entre sus'.split(' ')),
};

/**
 * The language an abstract is written in, simply: by the share of CJK characters (kana means
 * Japanese, Hangul Korean, else Chinese), else by function words among Latin-script languages
 * (English unless another clearly wins). Null when unsure: no letters, no function words, a
 * balanced mix of CJK and Latin, or a script neither covers.
 */
export function detectLanguage(text: string): string | null {
  const letters = count(text, LETTER_ALL);
  if (letters === 0) return null;
  const cjk = count(text, CJK_ALL);
  const share = cjk / letters;
  if (share >= 0.3) {
    if (count(text, HANGUL_ALL) > cjk / 2) return 'Korean';
    if (count(text, KANA_ALL) >= cjk * 0.05) return 'Japanese';
    return 'Chinese';
  }
  if (share > 0.05 || count(text, LATIN_ALL) < (letters - cjk) * 0.8) return null;
  const tally: Record<string, number> = {};
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const [lang, words] of Object.entries(STOPWORDS)) if (words.has(word)) tally[lang] = (tally[lang] ?? 0) + 1;
  }
  // Letters but no function word at all (a formula, a list of names): no language to go by.
  if (Object.keys(tally).length === 0) return null;
  const english = tally.English ?? 0;
  let best = 'English';
  for (const [lang, n] of Object.entries(tally)) {
    if (lang !== 'English' && n >= 5 && n > 2 * english && n > (tally[best] ?? 0)) best = lang;
  }
  return best;
}

/**
 * The language asked for, named as detectLanguage names what it finds (`zh-CN`, `Chinese`, `中文`,
 * `Traditional Chinese` → `Chinese`: core/languages.ts); a language it cannot find keeps its
 * table name, an unknown name is kept (capitalized). Equal to detectLanguage's answer only when
 * the abstract is already in the language asked for.
 */
export function canonicalLanguage(name: string): string {
  const key = name.trim().toLowerCase();
  // `German-Swiss`, `en_US`: the part before a dash names the language too.
  const known = languageOf(key) ?? languageOf(key.split(/[-_]/)[0] ?? '');
  if (known) return known.offline ?? known.name;
  return key ? key[0]!.toUpperCase() + key.slice(1) : key;
}

// ------------------------------------------------------------------------------------------------
// selection

const hasCjkText = (text: string): boolean =>
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);

/** Display length: a CJK character carries about as much as a short word, and is twice as wide. */
function displayLength(text: string): number {
  return text.length + count(text, CJK_ALL);
}

/** How much a sentence says: longer is better up to ~40 words, very short says little. */
function informativeness(sentence: string): number {
  const words = hasCjkText(sentence) ? count(sentence, CJK_ALL) / 2 : sentence.split(' ').length;
  if (words < 6) return 0.2;
  return Math.min(words, 40) / 40 - (words > 70 ? 0.3 : 0);
}

interface Analysis {
  sentences: string[];
  roles: Role[];
  scores: number[][];
}

const score = (a: Analysis, i: number, role: Role): number => a.scores[i]![ROLE_INDEX[role]]!;

/** Index of the sentence (among `indices`) with the highest value; ties go to the earlier one. */
function argmax(indices: readonly number[], value: (i: number) => number): number | undefined {
  let best: number | undefined;
  for (const i of indices) if (best === undefined || value(i) > value(best)) best = i;
  return best;
}

/**
 * Up to `limit.count` of the candidates, best first by `rank`, within `limit.chars` (the best
 * one always), given back in abstract order so the field reads as the abstract does.
 */
function pick(
  candidates: readonly number[],
  rank: (i: number) => number,
  a: Analysis,
  limit: { count: number; chars: number },
): number[] {
  const ordered = [...candidates].sort((x, y) => rank(y) - rank(x) || x - y);
  const chosen: number[] = [];
  let chars = 0;
  for (const i of ordered) {
    if (chosen.length >= limit.count) break;
    const len = displayLength(a.sentences[i]!);
    if (chosen.length > 0 && chars + len > limit.chars) continue;
    chosen.push(i);
    chars += len;
  }
  return chosen.sort((x, y) => x - y);
}

const CJK_END = /[。！？．\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

/** Sentences joined as the abstract joins them: with a space, or nothing between CJK sentences. */
function join(a: Analysis, indices: readonly number[]): string {
  let out = '';
  for (const i of indices) {
    const s = a.sentences[i]!;
    out += out === '' || (CJK_END.test(out) && hasCjkText(s[0]!)) ? s : ` ${s}`;
  }
  return out;
}

const all = (a: Analysis): number[] => a.sentences.map((_, i) => i);
const withRole = (a: Analysis, ...roles: Role[]): number[] => all(a).filter((i) => roles.includes(a.roles[i]!));

/**
 * Lead-ins a TL;DR can do without: list markers, "In this paper,", connectives and purpose
 * clauses before "we" ("To address this gap, we introduce …" → "we introduce …").
 */
const ANNOUNCING =
  /^(?:\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s*|(?:in this (?:paper|work|study|article|letter|note)|here|to this end|for this purpose|为此|对此)\s*[,，]?\s*(?=\S)|(?:finally|first|moreover|furthermore|in addition|additionally|specifically|concretely|therefore|thus|(?:to|in order to|motivated by|inspired by|building on|based on|guided by|towards?) [^,;]{1,120}),\s+(?=we\b))/i;

/** A method score this high comes from an explicit "we propose / present / …". */
const STRONG_METHOD = 1.5;
/** A result score this high comes from a number, a comparison or an explicit finding. */
const STATES_RESULT = 1.0;
/** The sentence that states a theory paper's main result. */
const THEOREM =
  /^(?:(?:here|in this (?:paper|note|work|article)),? )?we (?:prove|show|establish|determine|classify|characterize) (?:that|the|a|an)\b/i;

/** Where a long TL;DR may be cut, strongest first; the cut keeps the text before the match. */
const CUT_TIERS: readonly RegExp[] = [
  /; |: | — | – | -- |；|：/g,
  /, (?:which|where|while|whereas|thereby|achieving|yielding|allowing|enabling|leading|resulting|so that|but|and|with|using|without)\b| \(|，/g,
  /, /g,
  / /g,
];

/**
 * A faithful short form of `sentence`: itself when short enough, else its longest prefix that
 * ends at the strongest clause boundary within the limit, followed by "…".
 */
export function shorten(sentence: string, max = TLDR_MAX): string {
  if (displayLength(sentence) <= max) return sentence;
  const cjk = hasCjkText(sentence);
  // Character positions where the display length passes the limits.
  const posAt = (limit: number): number => {
    let len = 0;
    for (let i = 0; i < sentence.length; i++) {
      len += cjk && hasCjkText(sentence[i]!) ? 2 : 1;
      if (len > limit) return i;
    }
    return sentence.length;
  };
  const hi = posAt(max - 1);
  const lo = posAt(TLDR_MIN);
  for (const tier of CUT_TIERS) {
    let cut = -1;
    tier.lastIndex = 0;
    for (let m = tier.exec(sentence); m; m = tier.exec(sentence)) {
      if (m.index > hi) break;
      if (m.index >= lo) cut = m.index;
    }
    if (cut > 0) return `${sentence.slice(0, cut).replace(/[\s,;:，；：—–-]+$/u, '')}…`;
  }
  return `${sentence.slice(0, hi).trimEnd()}…`;
}

function tldrOf(a: Analysis, title: string): string {
  const n = a.sentences.length;
  if (n === 1) {
    const only = a.sentences[0]!;
    return displayLength(only) <= TLDR_MAX || !title.trim() ? shorten(only) : title.trim().replace(/\s+/g, ' ');
  }
  const methods = withRole(a, 'method');
  // Abstracts name their main contribution first; later "we also propose …" are add-ons.
  const proposals = methods.filter((i) => score(a, i, 'method') >= STRONG_METHOD);
  // A proposal that also reports a finding says both what the paper does and what it finds.
  const both = proposals.filter((i) => score(a, i, 'result') >= STATES_RESULT);
  // Theory papers propose nothing: their contribution is the statement they prove.
  const theorem = proposals.length ? undefined : all(a).find((i) => THEOREM.test(a.sentences[i]!));
  const chosen =
    argmax(both, (i) => score(a, i, 'method') + score(a, i, 'result')) ??
    proposals[0] ??
    theorem ??
    argmax(methods, (i) => score(a, i, 'method')) ??
    argmax(withRole(a, 'result'), (i) => score(a, i, 'result')) ??
    argmax(all(a), (i) => score(a, i, 'method'))!;
  const sentence = a.sentences[chosen]!;
  const trimmed = sentence.replace(ANNOUNCING, '');
  // "In this paper, we propose …" → "We propose …": the same words, capitalized as a sentence.
  const text = /^we\b/.test(trimmed) ? `W${trimmed.slice(1)}` : trimmed;
  return shorten(text);
}

/** Ranking inside a role: how sure the model is, plus how much the sentence says. */
const rankIn =
  (a: Analysis, role: Role) =>
  (i: number): number =>
    score(a, i, role) + informativeness(a.sentences[i]!);

function fieldsOf(a: Analysis, title: string): SummaryFields {
  const last = a.sentences.length - 1;
  const motivation = withRole(a, 'background', 'problem');
  const motivationRank = (i: number): number =>
    (a.roles[i] === 'problem' ? 1 : 0) +
    Math.max(score(a, i, 'problem'), score(a, i, 'background')) * 0.3 +
    informativeness(a.sentences[i]!);
  const method = withRole(a, 'method');
  const result = withRole(a, 'result');
  const conclusion = withRole(a, 'conclusion');
  const best = (role: Role): number => argmax(all(a), (i) => score(a, i, role))!;
  return {
    tldr: tldrOf(a, title),
    motivation: join(
      a,
      motivation.length
        ? pick(motivation, motivationRank, a, LIMITS.motivation)
        : [argmax(all(a), (i) => Math.max(score(a, i, 'problem'), score(a, i, 'background')))!],
    ),
    method: join(a, method.length ? pick(method, rankIn(a, 'method'), a, LIMITS.method) : [best('method')]),
    result: join(a, result.length ? pick(result, rankIn(a, 'result'), a, LIMITS.result) : [best('result')]),
    conclusion: join(a, conclusion.length ? pick(conclusion, rankIn(a, 'conclusion'), a, LIMITS.conclusion) : [last]),
  };
}

/**
 * The five fields from the abstract's own sentences; null when the abstract has none (blank,
 * or only punctuation such as "…", which would make five fields of nothing).
 */
export function offlineSummary(title: string, abstract: string): SummaryFields | null {
  if (!WORDLIKE.test(abstract)) return null;
  const sentences = splitSentences(abstract);
  const { roles, scores } = analyzeSentences(sentences);
  return fieldsOf({ sentences, roles, scores }, title);
}

export function createOfflineSummarizer(): Summarizer {
  return {
    id: OFFLINE_SUMMARIZER_ID,
    promptVersion: OFFLINE_PROMPT_VERSION,
    summarize(request: SummaryRequest): Promise<SummaryOutcome> {
      const t0 = performance.now();
      const fields = offlineSummary(request.title, request.abstract);
      const flags: string[] = [];
      if (fields) {
        const written = detectLanguage(request.abstract);
        if (written !== null && written !== canonicalLanguage(request.language)) flags.push(FLAGS.untranslated);
      }
      return Promise.resolve({
        status: fields ? 'ok' : 'failed',
        fields,
        error: fields ? null : 'empty abstract',
        flags,
        tokensIn: null,
        tokensOut: null,
        costUsd: 0,
        durationMs: performance.now() - t0,
        requests: 0,
      });
    },
  };
}
