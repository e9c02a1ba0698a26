/**
 * Reading a model's answer as the five fields, as forgiving as is safe, so that what small or
 * chatty models really send costs no repair request:
 *
 * - reasoning removed: `<think>…</think>` (also `<thinking>`, `<reasoning>`, and the lone
 *   `</think>` of templates that open the block in the prompt), before anything is looked at —
 *   thoughts may contain braces;
 * - the first complete JSON object taken (a fenced block first), whatever prose or fences are
 *   around it and whatever braces the prose has; the scan knows JSON strings, so a `}` inside one
 *   does not end the object;
 * - JSON as models write it: LaTeX backslashes (`\alpha`, `\%`), raw newlines in strings,
 *   trailing commas, single quotes (jsonrepair), and `\frac`, `\times`, `\beta` that JSON reads
 *   as control characters put back;
 * - fields as models name and shape them: `TL;DR`, `Motivation`, `results`; the object nested in
 *   a wrapper (`{"summary": {…}}`, a tool call written as text with `arguments`); a field given
 *   as an array of strings or as `{"text": …}`; whitespace around values;
 * - as a last resort, five labelled lines (`**TL;DR:** …`) when there is no JSON at all.
 *
 * A truncated object is never completed: only balanced spans are read, so text cut by
 * `max_tokens` stays unusable and is asked for again.
 */
import { jsonrepair } from 'jsonrepair';
import { SUMMARY_FIELDS, type SummaryField, type SummaryFields } from '../core/types.js';

export type AnswerCheck = { ok: true; fields: SummaryFields } | { ok: false; reason: string };

/** Keys models use for each field, normalised (lower case, letters and digits only). */
const ALIASES: Record<SummaryField, readonly string[]> = {
  tldr: [
    'tldr',
    'toolongdidntread',
    'tldrsummary',
    'oneline',
    'onelinesummary',
    'onesentencesummary',
    'gist',
    '太长不看',
    '一句话总结',
    '摘要',
  ],
  motivation: ['motivation', 'motivations', 'background', 'problem', 'researchmotivation', '动机', '研究动机'],
  method: ['method', 'methods', 'methodology', 'approach', 'proposedmethod', '方法', '研究方法'],
  result: ['result', 'results', 'findings', 'keyresults', 'mainresults', 'experiments', '结果', '实验结果'],
  conclusion: ['conclusion', 'conclusions', 'implications', 'takeaway', '结论'],
};
const FIELD_OF = new Map<string, SummaryField>(
  SUMMARY_FIELDS.flatMap((f) => ALIASES[f].map((a) => [a, f] as [string, SummaryField])),
);
const normKey = (k: string): string => k.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Removes reasoning blocks: a model's thoughts are not its answer (and may hold braces). */
export function stripReasoning(text: string): string {
  let t = text.replace(/<(think|thinking|reasoning|thought)>[\s\S]*?<\/\1>/gi, '');
  // A template that opened <think> in the prompt leaves only the closing tag in the answer.
  const close = /<\/(?:think|thinking|reasoning|thought)>/i.exec(t);
  if (close) t = t.slice(close.index + close[0].length);
  // An unclosed block (cut off while thinking) holds no answer.
  const open = /<(?:think|thinking|reasoning|thought)>/i.exec(t);
  if (open) t = t.slice(0, open.index);
  return t.trim();
}

/** Balanced `{…}` spans in order of their start, strings respected; unbalanced tails are dropped. */
function* objectSpans(text: string): Generator<string> {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        yield text.slice(start, i + 1);
        break;
      }
    }
  }
}

/**
 * Inside JSON strings: a backslash JSON does not know is a LaTeX one (doubled), and raw control
 * characters are escaped. Outside strings nothing changes.
 */
function escapeLoosely(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (!inString) {
      if (c === '"') inString = true;
      out += c;
      continue;
    }
    if (c === '"') {
      inString = false;
      out += c;
    } else if (c === '\\') {
      const next = json[i + 1] ?? '';
      const unicode = next === 'u' && /^[0-9a-fA-F]{4}$/.test(json.slice(i + 2, i + 6));
      if (next === 'u' ? unicode : '"\\/bfnrt'.includes(next) && next !== '') {
        out += c + next;
        i++;
      } else out += '\\\\';
    } else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else out += c;
  }
  return out;
}

/**
 * JSON read `\frac`, `\beta`, `\times`, `\rho` as form feed, backspace, tab and carriage return
 * followed by letters: in a summary those are LaTeX, never control characters.
 */
const restoreLatex = (s: string): string =>
  s
    .replace(/\f/g, '\\f')
    .replace(/\x08/g, '\\b')
    .replace(/\t(?=[a-z]{2})/g, '\\t')
    .replace(/\r(?=[a-z]{2})/g, '\\r')
    .replace(/\n(?=(?:abla|eq|u\b|ot\b|olimits|ewline|ewcommand|i\b))/g, '\\n');

function parseObject(span: string): Record<string, unknown> | null {
  const attempts = [
    () => JSON.parse(span),
    () => JSON.parse(escapeLoosely(span)),
    () => JSON.parse(jsonrepair(escapeLoosely(span))),
  ];
  for (const attempt of attempts) {
    try {
      const v: unknown = attempt();
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
      return null;
    } catch {
      // try the next, more forgiving reading
    }
  }
  return null;
}

/** A field's value as text: a string, strings in an array, or an object's one text. */
function textValue(v: unknown): string | null {
  if (typeof v === 'string') return restoreLatex(v).trim();
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'))
    return v
      .map((x) => restoreLatex(x as string).trim())
      .filter(Boolean)
      .join(' ');
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    for (const k of ['text', 'content', 'value', 'summary']) if (typeof o[k] === 'string') return textValue(o[k]);
    const strings = Object.values(o).filter((x) => typeof x === 'string');
    if (strings.length === 1) return textValue(strings[0]);
  }
  return null;
}

/** How many of the five fields an object names (directly, by alias). */
const fieldCount = (o: Record<string, unknown>): number =>
  new Set(
    Object.keys(o)
      .map((k) => FIELD_OF.get(normKey(k)))
      .filter(Boolean),
  ).size;

/** The object holding the fields: this one, or one nested in a wrapper (`summary`, `arguments`, …). */
function fieldsHolder(o: Record<string, unknown>, depth = 0): Record<string, unknown> {
  if (fieldCount(o) >= 3 || depth >= 3) return o;
  let best: Record<string, unknown> | null = null;
  for (const v of Object.values(o)) {
    let inner: unknown = v;
    // A tool call written as text carries its arguments as a JSON string.
    if (typeof v === 'string' && v.trimStart().startsWith('{')) inner = parseObject(v.trim());
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) continue;
    const holder = fieldsHolder(inner as Record<string, unknown>, depth + 1);
    if (fieldCount(holder) > (best ? fieldCount(best) : fieldCount(o))) best = holder;
  }
  return best ?? o;
}

function fieldsOf(o: Record<string, unknown>): AnswerCheck {
  const holder = fieldsHolder(o);
  const found = new Map<SummaryField, unknown>();
  for (const [k, v] of Object.entries(holder)) {
    const f = FIELD_OF.get(normKey(k));
    // The exact key wins over an alias (`summary` may be the TL;DR or a wrapper).
    if (f && (!found.has(f) || normKey(k) === f)) found.set(f, v);
  }
  const problems: string[] = [];
  const fields = {} as SummaryFields;
  for (const f of SUMMARY_FIELDS) {
    const v = found.get(f);
    const text = v === undefined ? null : textValue(v);
    if (v === undefined) problems.push(`missing ${f}`);
    else if (text === null) problems.push(`${f} is not a string`);
    else if (!text) problems.push(`${f} is empty`);
    else fields[f] = text;
  }
  return problems.length ? { ok: false, reason: problems.join(', ') } : { ok: true, fields };
}

/** `**TL;DR:** …` / `Motivation: …` lines, when all five are there. */
function labelledLines(text: string): SummaryFields | null {
  const fields: Partial<SummaryFields> = {};
  let current: SummaryField | null = null;
  for (const raw of text.split('\n')) {
    const m = /^\s*(?:[-*#>\d.]+\s*)?\**\s*([\p{L}; _'’-]{2,40}?)\s*\**\s*[:：]\s*\**\s*(.*)$/u.exec(raw);
    const f = m ? FIELD_OF.get(normKey(m[1]!)) : undefined;
    if (f && m) {
      current = f;
      fields[f] = m[2]!.trim();
    } else if (current && raw.trim()) fields[current] = `${fields[current]} ${raw.trim()}`.trim();
  }
  return SUMMARY_FIELDS.every((f) => fields[f]) ? (fields as SummaryFields) : null;
}

/** Reads an answer's text as the five fields; the reason says what is wrong when it cannot. */
export function readAnswer(text: string | null | undefined): AnswerCheck {
  if (!text || !text.trim()) return { ok: false, reason: 'empty answer' };
  const body = stripReasoning(text);
  if (!body) return { ok: false, reason: 'only reasoning, no answer' };
  const fenced = [...body.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)].map((m) => m[1]!);
  /** The reason of the object that looked most like an answer (a stray `{…}` in prose says little). */
  let best: { read: AnswerCheck; score: number } | null = null;
  let sawObject = false;
  for (const source of [...fenced, body]) {
    for (const span of objectSpans(source)) {
      const o = parseObject(span);
      if (!o) continue;
      sawObject = true;
      const read = fieldsOf(o);
      if (read.ok) return read;
      const score = fieldCount(fieldsHolder(o));
      if (!best || score > best.score) best = { read, score };
    }
  }
  const lines = labelledLines(body);
  if (lines)
    return { ok: true, fields: Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, lines[f].trim()])) as SummaryFields };
  if (best) return best.read;
  if (body.includes('{'))
    return { ok: false, reason: sawObject ? 'no usable JSON object' : 'invalid JSON: no complete object' };
  return { ok: false, reason: `not JSON: ${JSON.stringify(body.slice(0, 80))}` };
}

/** A refusal written as text instead of a summary (no JSON object at all). */
export function looksLikeRefusal(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = stripReasoning(text);
  return (
    !t.includes('{') &&
    /^(i['’]m sorry|i am sorry|sorry,|i cannot|i can['’]t|i won['’]t|i am unable|i'm unable|as an ai|抱歉|对不起|很抱歉|我不能|我无法)|has not passed the compliance test/i.test(
      t,
    )
  );
}
