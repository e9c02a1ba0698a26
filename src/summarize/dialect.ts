/**
 * What an OpenAI-compatible server takes, and what its errors mean — pure rules over plain data,
 * so every provider's documented error bodies can be tested one by one.
 *
 * A Dialect is learnt per base URL + model and remembered in the store: the structured-output
 * mode (json_schema → tools → json_object → plain JSON asked for in the prompt), whether the
 * schema must go without the keywords some servers reject (`additionalProperties`, `strict`:
 * Gemini), whether the server answers only streams (Qwen's QwQ / thinking models), which name
 * the token budget goes by (`max_completion_tokens` for OpenAI's reasoning models), whether the
 * model takes a temperature, and the budget it allows.
 *
 * `judge` reads an HTTP error in the terms of the request that met it (the dialect it was sent
 * with, not whatever the shared state is by then) and says what to do: re-send in another
 * dialect, retry later, stop the run, store the paper refused or failed, or read the failed
 * generation a server sent back (Groq).
 */
import { ChatHttpError } from './chat-http.js';
import { RetryableError } from './limiter.js';
import { SUMMARY_SCHEMA } from './prompt.js';

export const MODES = ['json_schema', 'tools', 'json', 'text'] as const;
export type StructuredMode = (typeof MODES)[number];

export interface Dialect {
  mode: StructuredMode;
  /** The schema without `additionalProperties` and `strict`. */
  looseSchema: boolean;
  /** The server answers only streams. */
  stream: boolean;
  /** `stream_options: {include_usage}` is sent with streams (some servers reject it). */
  streamUsage: boolean;
  tokenParam: 'max_tokens' | 'max_completion_tokens';
  /** False when the model takes only its default temperature. */
  temperature: boolean;
  /** The completion budget sent (raised when answers are cut, never above `maxTokensCap`). */
  maxTokens: number;
  /** The most the server accepts, when it has said so. */
  maxTokensCap: number | null;
}

export const TOOL_NAME = 'paper_summary';
/** A five-field summary is 300–900 tokens; reasoning models need more and get it on the first cut. */
export const DEFAULT_MAX_TOKENS = 2048;
/** Each cut answer multiplies the budget by this, up to MAX_TOKENS_CEILING. */
export const BUDGET_GROWTH = 4;
export const MAX_TOKENS_CEILING = 32_768;

export const DEFAULT_DIALECT: Dialect = {
  mode: 'json_schema',
  looseSchema: false,
  stream: false,
  streamUsage: true,
  tokenParam: 'max_tokens',
  temperature: true,
  maxTokens: DEFAULT_MAX_TOKENS,
  maxTokensCap: null,
};

/** Position on the ladder of structured-output rungs: higher is more basic. */
export const rung = (d: Pick<Dialect, 'mode' | 'looseSchema'>): number =>
  MODES.indexOf(d.mode) * 2 + (d.looseSchema ? 1 : 0);

/**
 * The dialect of a request merged with what has been learnt meanwhile (by other requests): the
 * more basic rung, and every restriction either knows.
 */
export function merge(a: Dialect, b: Dialect): Dialect {
  const base = rung(b) > rung(a) ? b : a;
  const caps = [a.maxTokensCap, b.maxTokensCap].filter((c): c is number => c !== null);
  const cap = caps.length ? Math.min(...caps) : null;
  return {
    mode: base.mode,
    looseSchema: base.looseSchema,
    stream: a.stream || b.stream,
    streamUsage: a.streamUsage && b.streamUsage,
    tokenParam:
      a.tokenParam === 'max_completion_tokens' || b.tokenParam === 'max_completion_tokens'
        ? 'max_completion_tokens'
        : 'max_tokens',
    temperature: a.temperature && b.temperature,
    maxTokens: Math.min(Math.max(a.maxTokens, b.maxTokens), cap ?? Infinity),
    maxTokensCap: cap,
  };
}

/** A dialect read back from the store; anything unknown falls back to the default. */
export function dialectFrom(stored: unknown): Dialect | null {
  if (typeof stored === 'string') {
    // Stored before dialects: the mode alone.
    return (MODES as readonly string[]).includes(stored)
      ? { ...DEFAULT_DIALECT, mode: stored as StructuredMode }
      : null;
  }
  if (stored === null || typeof stored !== 'object') return null;
  const s = stored as Partial<Dialect>;
  if (!s.mode || !(MODES as readonly string[]).includes(s.mode)) return null;
  const d = { ...DEFAULT_DIALECT };
  d.mode = s.mode;
  if (typeof s.looseSchema === 'boolean') d.looseSchema = s.looseSchema;
  if (typeof s.stream === 'boolean') d.stream = s.stream;
  if (typeof s.streamUsage === 'boolean') d.streamUsage = s.streamUsage;
  if (s.tokenParam === 'max_completion_tokens') d.tokenParam = s.tokenParam;
  if (typeof s.temperature === 'boolean') d.temperature = s.temperature;
  if (typeof s.maxTokensCap === 'number' && s.maxTokensCap > 0) d.maxTokensCap = Math.floor(s.maxTokensCap);
  if (typeof s.maxTokens === 'number' && s.maxTokens > 0)
    d.maxTokens = Math.min(Math.floor(s.maxTokens), d.maxTokensCap ?? MAX_TOKENS_CEILING);
  return d;
}

/** `json_schema`, `json_schema (loose schema)`, `tools, streamed`: for messages and `doctor`. */
export function describeDialect(d: Dialect): string {
  const parts = [
    d.looseSchema && d.mode !== 'json' && d.mode !== 'text'
      ? `${d.mode} (schema without additionalProperties/strict)`
      : d.mode,
  ];
  if (d.stream) parts.push('streamed');
  if (d.tokenParam === 'max_completion_tokens' || d.maxTokens !== DEFAULT_MAX_TOKENS)
    parts.push(`${d.tokenParam} ${d.maxTokens}`);
  if (!d.temperature) parts.push('default temperature');
  return parts.join(', ');
}

const LOOSE_SCHEMA = { type: 'object', properties: SUMMARY_SCHEMA.properties, required: SUMMARY_SCHEMA.required };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The request body for a dialect. */
export function requestBody(
  model: string,
  d: Dialect,
  messages: readonly ChatMessage[],
  maxTokens = d.maxTokens,
): Record<string, unknown> {
  const schema = d.looseSchema ? LOOSE_SCHEMA : SUMMARY_SCHEMA;
  const body: Record<string, unknown> = { model, messages };
  if (d.temperature) body.temperature = 0.2;
  body[d.tokenParam] = Math.min(maxTokens, d.maxTokensCap ?? Infinity);
  if (d.stream) {
    body.stream = true;
    if (d.streamUsage) body.stream_options = { include_usage: true };
  }
  switch (d.mode) {
    case 'json_schema':
      body.response_format = {
        type: 'json_schema',
        json_schema: d.looseSchema ? { name: TOOL_NAME, schema } : { name: TOOL_NAME, strict: true, schema },
      };
      break;
    case 'tools':
      body.tools = [{ type: 'function', function: { name: TOOL_NAME, parameters: schema } }];
      body.tool_choice = { type: 'function', function: { name: TOOL_NAME } };
      break;
    case 'json':
      body.response_format = { type: 'json_object' };
      break;
    case 'text':
      break;
  }
  return body;
}

export type Verdict =
  /** Every paper would hit it (bad key, unknown model, no balance): stop the run. */
  | { kind: 'fatal'; message: string }
  /** Transient: the limiter retries it (429, 5xx). */
  | { kind: 'retry'; error: RetryableError }
  /** The provider's filter blocked the paper. */
  | { kind: 'refused'; reason: string }
  /** Send again as `dialect`; `certain` when the error names what was rejected. */
  | { kind: 'resend'; dialect: Dialect; certain: boolean; why: string }
  /** The server rejected the model's output but sent it back (Groq's failed_generation). */
  | { kind: 'answer'; text: string; why: string }
  /** This paper fails with this reason. */
  | { kind: 'failed'; reason: string };

function retryAfterMs(headers: Headers): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const s = headers.get('retry-after');
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s.trim())) return Number(s) * 1000;
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

const AUTH =
  /api[ _-]?key (?:not valid|is invalid|invalid)|invalid api[ _-]?key|incorrect api key|invalid[_ ]authentication|authentication (?:failed|fails|error)|unauthori[sz]ed|令牌已过期|身份验证失败|api_key_invalid/i;
const NO_MONEY =
  /insufficient[_ ](?:quota|balance)|exceeded your current quota|balance is (?:insufficient|not enough)|余额不足|欠费|arrearage|payment required|credits?\b.{0,30}\b(?:insufficient|exhausted|required)/i;
const FILTERED =
  /content[_ ]?filter|content management policy|data_inspection_failed|inappropriate content|sensitive (?:content|information)|不安全或敏感|敏感内容|safety (?:system|filter)|blocked by (?:the )?(?:safety|moderation)/i;
const NEEDS_STREAM =
  /only supports? stream|stream mode only|only streams|enable the stream parameter|stream(?:ing)?\W{0,3} must be (?:set to )?(?:true|enabled)|must (?:set|use|enable) stream|stream(?:ing)? (?:is |must be )?required|requires? stream(?:ing)?|must be streamed|non-streaming (?:calls?|requests?) (?:are|is) not supported/i;
const NO_STREAM = /stream(?:ing)? (?:is )?not supported|does not support stream/i;
const MISSING_MODEL =
  /model[^.]{0,60}(?:not found|does not exist|not exist|unknown|invalid|is not available|not supported)|(?:no such|unknown|invalid) model|deployment[^.]{0,40}(?:not found|does not exist)|DeploymentNotFound|resource not found|模型不存在/i;
/** An error about keywords inside the schema (not about the mode as a whole). */
const SCHEMA_KEYWORD =
  /additionalProperties|\bstrict\b|unknown name|cannot find field|\$schema|invalid (?:json )?schema|schema keyword|(?:keyword|property|field)[^.]{0,40}(?:not (?:supported|allowed|permitted)|unsupported) in (?:the )?(?:json )?schema|invalid json payload/i;
const MODE_WORDS: Record<StructuredMode, RegExp> = {
  json_schema: /json_schema|response_format|response format|structured output|responseformat|guided/i,
  tools: /tool|function/i,
  json: /json_object|json mode|response_format|response format|json output/i,
  text: /$^/,
};
/** A 404 about the request's parameters, not about the model (OpenRouter's routing). */
const PARAMS_404 =
  /no endpoints found|requested parameters|support(?:s|ing)? (?:tool|the provided|response_format|structured)/i;

/** What a 400 about the token budget allows, when it says. */
export function budgetCap(message: string): { cap: number } | { promptTooLong: number } | null {
  const context = /maximum context length is (\d+) tokens[\s\S]*?\((\d+) in the messages/i.exec(message);
  if (context) {
    // A margin for the next paper's prompt being a little longer than this one's.
    const room = Number(context[1]) - Number(context[2]) - Math.max(64, Math.round(Number(context[1]) / 10));
    return room >= 256 ? { cap: room } : { promptTooLong: Number(context[1]) };
  }
  const patterns = [
    /range of max_(?:completion_)?tokens is \[\s*\d+\s*,\s*(\d+)\s*\]/i,
    /supports at most (\d+) completion tokens/i,
    /max_(?:completion_)?tokens`?\s*(?:must be|should be) (?:less than or equal to|<=|at most) `?(\d+)/i,
    /max_(?:completion_)?tokens[^.]{0,40}(?:exceeds?|greater than|larger than|too large)[^.\d]{0,40}(?:maximum|limit|max)?[^.\d]{0,20}(\d{3,})/i,
  ];
  for (const p of patterns) {
    const m = p.exec(message);
    if (m) return { cap: Number(m[1]) };
  }
  return null;
}

const next = (d: Dialect): Dialect | null => {
  const i = MODES.indexOf(d.mode);
  return i + 1 < MODES.length ? { ...d, mode: MODES[i + 1]!, looseSchema: false } : null;
};

/** Reads an HTTP error met by a request sent as `sent`. */
export function judge(e: ChatHttpError, sent: Dialect): Verdict {
  const { status } = e;
  const text = `${e.message} ${e.code ?? ''} ${e.type ?? ''}`;
  const check = 'check OPENAI_API_KEY, OPENAI_BASE_URL and MODEL_NAME';
  if (status === 401 || status === 403 || (status === 400 && AUTH.test(text)))
    return { kind: 'fatal', message: `the provider refused the request (${e.message}); ${check}` };
  if (status === 402 || NO_MONEY.test(text))
    return {
      kind: 'fatal',
      message: `the provider refused the request for lack of credit (${e.message}); top up the account or set another provider`,
    };
  if (status === 429)
    return { kind: 'retry', error: new RetryableError(e.message, 'rate-limit', retryAfterMs(e.headers), { cause: e }) };
  if (status >= 500 || status === 408 || status === 409 || status === 425)
    return { kind: 'retry', error: new RetryableError(e.message, 'server', retryAfterMs(e.headers), { cause: e }) };
  if (FILTERED.test(text))
    return { kind: 'refused', reason: `refused by the provider's content filter (${e.message})` };
  if (NEEDS_STREAM.test(text) && !sent.stream)
    return {
      kind: 'resend',
      dialect: { ...sent, stream: true },
      certain: true,
      why: 'the server answers only streams',
    };
  if (NO_STREAM.test(text) && sent.stream)
    return { kind: 'resend', dialect: { ...sent, stream: false }, certain: true, why: 'the server does not stream' };
  if (/stream_options/i.test(text) && sent.stream && sent.streamUsage)
    return {
      kind: 'resend',
      dialect: { ...sent, streamUsage: false },
      certain: true,
      why: 'the server rejects stream_options',
    };
  if (sent.tokenParam === 'max_tokens' && /max_completion_tokens/i.test(text) && /max_tokens/i.test(text))
    return {
      kind: 'resend',
      dialect: { ...sent, tokenParam: 'max_completion_tokens' },
      certain: true,
      why: 'the model takes max_completion_tokens',
    };
  if (
    sent.temperature &&
    /temperature/i.test(text) &&
    /unsupported|not supported|does not support|only the default|invalid|must be/i.test(text)
  )
    return {
      kind: 'resend',
      dialect: { ...sent, temperature: false },
      certain: true,
      why: 'the model takes only its default temperature',
    };
  const budget = /max_(?:completion_)?tokens|context length|context size|context window/i.test(text)
    ? budgetCap(e.message)
    : null;
  if (budget && 'promptTooLong' in budget)
    return {
      kind: 'failed',
      reason: `the paper does not fit the model's context of ${budget.promptTooLong} tokens (${e.message})`,
    };
  if (budget && budget.cap < (sent.maxTokensCap ?? Infinity) && budget.cap < sent.maxTokens) {
    const cap = Math.max(1, budget.cap);
    return {
      kind: 'resend',
      dialect: { ...sent, maxTokensCap: cap, maxTokens: cap },
      certain: true,
      why: `the server allows at most ${cap} tokens`,
    };
  }
  if (
    /exceed(?:s|ed)? (?:the )?(?:available )?context|context (?:size|length) (?:exceeded|is too small)|prompt is too long/i.test(
      text,
    )
  )
    return { kind: 'failed', reason: `the paper does not fit the model's context (${e.message})` };
  // Groq checks JSON mode and tool calls itself and sends the model's output back when it fails.
  const failed =
    typeof e.body === 'object' && e.body !== null
      ? (e.body as { error?: { failed_generation?: unknown } }).error?.failed_generation
      : undefined;
  if (typeof failed === 'string' && failed.trim()) return { kind: 'answer', text: failed, why: e.message };
  if (/json_validate_failed|tool_use_failed|failed to (?:generate|call a function|parse tool call)/i.test(text))
    return { kind: 'retry', error: new RetryableError(e.message, 'server', null, { cause: e }) };
  if (status === 404 && !PARAMS_404.test(text))
    return { kind: 'fatal', message: `the provider does not know the model or the address (${e.message}); ${check}` };
  if (status === 400 && MISSING_MODEL.test(text) && !MODE_WORDS[sent.mode].test(text))
    return { kind: 'fatal', message: `the provider does not know the model (${e.message}); ${check}` };
  if (![400, 404, 415, 422, 501].includes(status)) return { kind: 'failed', reason: e.message };
  // What is left is about the request's shape: step down, surest first.
  const structured = sent.mode === 'json_schema' || sent.mode === 'tools';
  if (structured && !sent.looseSchema && SCHEMA_KEYWORD.test(text))
    return {
      kind: 'resend',
      dialect: { ...sent, looseSchema: true },
      certain: true,
      why: `the server rejects the schema's keywords in ${sent.mode}`,
    };
  const lower = next(sent);
  if (!lower) return { kind: 'failed', reason: `${e.message} (in every structured-output mode)` };
  return MODE_WORDS[sent.mode].test(text)
    ? { kind: 'resend', dialect: lower, certain: true, why: `the server does not take ${sent.mode}` }
    : { kind: 'resend', dialect: lower, certain: false, why: `${sent.mode} met "${e.message}"` };
}
