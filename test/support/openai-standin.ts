/**
 * A loopback stand-in for an OpenAI-compatible provider: one `http` server on 127.0.0.1 that
 * answers `POST /v1/chat/completions` and `GET /v1/models` in the real Chat Completions format
 * (ids, `choices[0].message.content` or `tool_calls[0].function.arguments`, `finish_reason`,
 * `usage`, OpenAI-style error bodies and `x-ratelimit-*` headers), so the provider adapter and the
 * limiter are tested against what the `openai` SDK and real servers actually exchange.
 *
 * - Structured output: `response_format` `json_schema` and `json_object`, and `tools` +
 *   `tool_choice` (answered as a tool call). `supports` turns each off; the server then answers
 *   HTTP 400 as DeepSeek/Ollama-style servers do, so a fallback chain can be exercised.
 * - Checks real servers make and a careless client fails: `json_object` needs the word "json" in
 *   the messages; a `json_schema` needs a name; a forced tool must be among `tools`;
 *   `max_tokens` cuts the answer with `finish_reason: 'length'`.
 * - An `rpm` limit over a sliding window (429 + Retry-After + `rate_limit_exceeded`), latency, and
 *   faults from a queue (`faults`, one entry per answered request, `times` to repeat, `null` to
 *   answer normally) or from `faultFor(n, body)`.
 * - Every request is logged (time, body, status, fault) for assertions.
 * - `POST /v1/embeddings` when `embeddingDims` is set (else 404, as a chat-only server answers): a
 *   deterministic vector per input (words hashed into `embeddingDims` buckets, normalised, so texts
 *   that share words are close), as floats or base64 as asked; `embeddingStatus` answers every
 *   embeddings request with that HTTP error instead.
 *
 * - `provider` makes it speak one provider's dialect (provider-dialects.ts): its base path, auth,
 *   the modes it takes and the 400s it gives for the others, its error-body shape, streams only,
 *   reasoning beside or inside the content, prose around the JSON, budget limits.
 * - Streams: `stream: true` is answered with server-sent events (role, reasoning, content or
 *   tool-call deltas, finish, usage when `stream_options.include_usage`, `[DONE]`); `alwaysStream`
 *   streams every answer (a proxy), `streamOnly` refuses requests that do not stream.
 *
 * The answer comes from `answer(view)`; the default is a valid five-field summary in Chinese when
 * the system prompt asks for Chinese (else English) that quotes the paper's title, so a test can
 * see which paper was summarized.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { listenLoopback } from './loopback.js';
import {
  PROFILES,
  type ProviderName,
  type ProviderProfile,
  type Reply,
  type RequestedMode,
} from './provider-dialects.js';
import { SUMMARY_FIELDS, type SummaryField, type SummaryFields } from '../../src/core/types.js';

// ---------------------------------------------------------------------------------------------
// Requests as the stand-in understands them

export interface ChatMessage {
  role: string;
  /** A string, or the content-parts form (`[{type:'text', text}]`). */
  content?: string | { type: string; text?: string }[] | null;
}

export interface ChatTool {
  type: string;
  function?: { name?: string; parameters?: unknown; strict?: boolean };
}

/** The fields of a Chat Completions request body the stand-in reads; the rest is logged as sent. */
export interface ChatCompletionBody {
  model?: unknown;
  messages?: unknown;
  response_format?: { type?: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
  tools?: ChatTool[];
  tool_choice?: 'none' | 'auto' | 'required' | { type: string; function?: { name?: string } };
  max_tokens?: number;
  max_completion_tokens?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  [key: string]: unknown;
}

export type AnswerMode = 'json_schema' | 'json_object' | 'tools' | 'text';

/** What `answer` sees: the body plus the parts a fake model needs. */
export interface ChatRequestView {
  /** 1-based number of this request among all requests. */
  n: number;
  body: ChatCompletionBody;
  messages: ChatMessage[];
  /** System and developer messages, joined by newlines. */
  system: string;
  /** User messages, joined by newlines. */
  user: string;
  /** The language the default answer is written in. */
  language: 'Chinese' | 'English';
  mode: AnswerMode;
}

/** An object is sent as JSON (content or tool arguments); a string is sent as it is. */
export type AnswerValue = Record<string, unknown> | string;
export type AnswerFn = (request: ChatRequestView) => AnswerValue | Promise<AnswerValue>;

// ---------------------------------------------------------------------------------------------
// Faults, options and the log

export type OpenAiFault =
  /** HTTP 500, OpenAI's `server_error` body. */
  | { type: '500' }
  /** HTTP 503 (overloaded), with Retry-After when given. */
  | { type: '503'; retryAfter?: number }
  /** HTTP 429 now, whatever the rpm (e.g. a quota); Retry-After seconds, default 1. */
  | { type: '429'; retryAfter?: number }
  /** Accept and never answer (until close), or answer normally after `answerAfterMs`. */
  | { type: 'timeout'; answerAfterMs?: number }
  /** The JSON response body cut at `fraction` (default 0.5), HTTP 200, ended cleanly. */
  | { type: 'truncated'; fraction?: number }
  /** HTTP 200, but the answer is not valid JSON (`syntax`, default) or lacks a field (`missing-field`). */
  | { type: 'invalid-json-answer'; variant?: 'syntax' | 'missing-field' }
  /** `message.refusal` set, content null. */
  | { type: 'refusal'; message?: string }
  /** `finish_reason: 'content_filter'`, with the first third of the answer (as Azure sends it). */
  | { type: 'content-filter' }
  /** One field (default `method`) is "". */
  | { type: 'empty-field'; field?: SummaryField }
  /** Content is prose, not JSON (and no tool call even when one was asked for). */
  | { type: 'prose' }
  /** The JSON wrapped in a ```json fence, as chatty models do. */
  | { type: 'fenced' }
  /** `finish_reason: 'length'` with the answer cut at half. */
  | { type: 'length' }
  /** HTTP 200 whose body is an error object (OpenRouter when the upstream provider fails). */
  | { type: 'error-200' }
  /** HTTP 200 with an empty `choices`. */
  | { type: 'no-choices' }
  /** The answer as server-sent events though no stream was asked for (some proxies). */
  | { type: 'sse' }
  /** Headers (200) sent, then nothing, until close. */
  | { type: 'silence' }
  /** `<think>…</think>` before the JSON, the thoughts holding braces and a draft object. */
  | { type: 'think' }
  /** The JSON followed by prose, no fence. */
  | { type: 'prose-after' }
  /** Prose with braces, the JSON in a fence, more prose with braces. */
  | { type: 'fence-prose' }
  /** One field (default `result`) as an array of strings. */
  | { type: 'array-field'; field?: SummaryField }
  /** Keys as small models write them: `TL;DR`, `Motivation`, `Methods`, `Results`, `Conclusion`. */
  | { type: 'renamed-key' }
  /** The five fields inside `{"summary": {…}}`. */
  | { type: 'nested' }
  /** Values padded with spaces and newlines. */
  | { type: 'whitespace' }
  /** Groq's 400 for a tool call it could not parse, the model's text in `failed_generation`. */
  | { type: 'tool-use-failed' };

/** A queued fault; `times` (default 1) is how many answered requests it applies to. */
export type QueuedFault = OpenAiFault & { times?: number };

export interface Supports {
  jsonSchema: boolean;
  tools: boolean;
  jsonMode: boolean;
}

export interface OpenAiStandInOptions {
  /** The provider whose dialect is spoken (default `generic`: OpenAI's format, modes set by `supports`). */
  provider?: ProviderName;
  /** Answer every request as a stream, asked for or not (a proxy). */
  alwaysStream?: boolean;
  /** Refuse requests that do not stream (400). */
  streamOnly?: boolean;
  /** Delay before every answer (default 0); 429s from the rpm limit are answered at once. */
  latencyMs?: number;
  /** Requests per minute over a sliding window; null = unlimited (default). */
  rpm?: number | null;
  /**
   * The sliding window's length (default 60 000). A shorter one scales the limit
   * (rpm × window / 60 s requests per window) so a test or bench of seconds still fills it.
   */
  rateWindowMs?: number;
  /** Structured-output modes the server accepts (default: the provider's). */
  supports?: Partial<Supports>;
  /** The model's answer (default `defaultSummary`). */
  answer?: AnswerFn;
  /** Replaces the fault queue. `null` entries answer one request normally. */
  faults?: (QueuedFault | null)[];
  /** Asked when the queue is empty: a fault for the n-th request, or null. */
  faultFor?: ((n: number, body: ChatCompletionBody) => OpenAiFault | null) | null;
  /** When set, requests must send `Authorization: Bearer <apiKey>` (else 401). */
  apiKey?: string | null;
  /** Served by `GET /v1/models` (default `deepseek-chat`, `gpt-4o-mini`). */
  models?: string[];
  /** Serves `POST /v1/embeddings` with vectors of this length; unset = 404 (a chat-only server). */
  embeddingDims?: number | null;
  /** When set, every embeddings request is answered with this HTTP status and an error body. */
  embeddingStatus?: number | null;
  /**
   * When set, every request is answered with this HTTP status and an error that quotes the API
   * key it was sent (some providers and proxies do: `Incorrect API key provided: sk-…`).
   */
  echoKeyStatus?: number | null;
}

export interface OpenAiStandInRequest {
  /** 1-based, over all requests. */
  n: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (null when absent or not JSON) and the text as received. */
  body: ChatCompletionBody | null;
  rawBody: string;
  /** Date.now() when the request arrived. */
  time: number;
  /** performance.now() when it arrived and when the response finished or was closed. */
  start: number;
  end: number | null;
  status: number | null;
  /** The fault applied; `rate-limit` for a 429 from the rpm limit. */
  fault: OpenAiFault['type'] | 'rate-limit' | null;
  mode: AnswerMode | null;
}

export interface OpenAiStandIn {
  /** The base URL, as OPENAI_BASE_URL is set for the provider (`…/v1` for generic). */
  url: string;
  /** The provider profile spoken. */
  profile: ProviderProfile;
  /** Every request so far, in arrival order (the array is live). */
  requests: OpenAiStandInRequest[];
  /** Changes options for the following requests (`supports` is merged, `faults` replaces the queue). */
  setOptions(options: Partial<OpenAiStandInOptions>): void;
  /** Queues `fault` for the next `times` answered requests (default 1). */
  addFault(fault: OpenAiFault, times?: number): void;
  /** Stops the server, dropping hanging connections. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The default answer

/** `Title: …` and `Abstract: …` lines of the user message; else its first line and the rest. */
export function paperFromPrompt(user: string): { title: string; abstract: string } {
  // arxiv-digest's own prompt: the paper as a JSON object on a line of its own (v1: between <paper> tags).
  const tagged = /<paper>\s*(\{[\s\S]*\})\s*<\/paper>/.exec(user);
  for (const candidate of [tagged?.[1], ...user.split('\n').filter((l) => l.trimStart().startsWith('{'))]) {
    if (!candidate) continue;
    try {
      const data = JSON.parse(candidate) as { title?: unknown; abstract?: unknown };
      if (typeof data.title === 'string' && typeof data.abstract === 'string')
        return { title: data.title, abstract: data.abstract };
    } catch {
      // not our prompt after all: fall through to the line-based reading
    }
  }
  const field = (name: string) => new RegExp(`^\\s*${name}\\s*[:：]\\s*(.+)$`, 'im').exec(user)?.[1]?.trim();
  const lines = user.trim().split('\n');
  const title = field('title') ?? lines[0]?.trim() ?? '';
  const abstract = field('abstract') ?? lines.slice(1).join(' ').trim();
  return { title, abstract };
}

/**
 * A valid summary that quotes the title (and, in English, the abstract's first sentence) and has
 * no number of its own, so checks for invented numbers stay quiet.
 */
export function defaultSummary(view: Pick<ChatRequestView, 'user' | 'language'>): SummaryFields {
  const { title, abstract } = paperFromPrompt(view.user);
  if (view.language === 'Chinese')
    return {
      tldr: `本文介绍了《${title}》中提出的新方法。`,
      motivation: '现有方法在效率和准确性方面仍有不足，作者希望解决这一问题。',
      method: '作者提出了一个新的框架，并结合理论分析与实验加以验证。',
      result: '实验表明，该方法优于现有的基线方法。',
      conclusion: '这项工作为后续研究提供了新的思路。',
    };
  const first = /^.*?[.!?](\s|$)/s.exec(abstract)?.[0].trim() ?? abstract;
  return {
    tldr: `This paper presents "${title}".`,
    motivation: first ? `The authors start from this problem: ${first}` : 'The authors address an open problem.',
    method: 'The authors propose a new approach and describe how it works.',
    result: 'Experiments show that the approach improves over strong baselines.',
    conclusion: 'The work offers a useful direction for future research.',
  };
}

// ---------------------------------------------------------------------------------------------
// Embeddings

/** Words of a text hashed into `dims` buckets (FNV-1a), normalised: shared words, close vectors. */
export function standInEmbedding(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
    v[h % dims]! += 1;
  }
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return norm ? v.map((x) => Math.round((x / norm) * 1e6) / 1e6) : v.map((_, i) => (i === 0 ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// The server

/** What a model says while thinking before the JSON: braces, a draft object. */
const THOUGHTS =
  'The user wants a JSON object {tldr, motivation, method, result, conclusion}. The abstract defines the set ' +
  '{x : f(x) > 0}; I will not copy it. Draft: {"tldr": "draft"}. Now the final answer.';

const promptTokensOf = (messages: ChatMessage[]): number =>
  estimateTokens(messages.map(textOf).join('\n')) + 3 * messages.length;

/** `text` cut to about `tokens` tokens, as a model stops mid-sentence. */
function cutTo(text: string, tokens: number): string {
  let cut = text;
  while (cut.length > 0 && estimateTokens(cut) > tokens) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return cut;
}

/**
 * A completion as server-sent events, the way OpenAI streams one: a role chunk, reasoning and
 * content (or tool-call arguments) in pieces, a finish chunk, usage when asked, then [DONE].
 */
function sseOf(
  c: {
    id: string;
    created: number;
    model: unknown;
    choices: { message: Record<string, unknown>; finish_reason: string }[];
    usage: unknown;
  },
  withUsage: boolean,
): string {
  const m = c.choices[0]!.message;
  const head = { id: c.id, object: 'chat.completion.chunk', created: c.created, model: c.model };
  const event = (delta: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({ ...head, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  const pieces = (s: string) => s.match(/[\s\S]{1,24}/g) ?? [];
  let out = event({ role: 'assistant', content: '' });
  for (const field of ['reasoning_content', 'reasoning'])
    if (typeof m[field] === 'string') for (const p of pieces(m[field] as string)) out += event({ [field]: p });
  const calls = m.tool_calls as { id: string; function: { name: string; arguments: string } }[] | undefined;
  if (calls?.[0]) {
    const call = calls[0];
    out += event({
      tool_calls: [{ index: 0, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }],
    });
    for (const p of pieces(call.function.arguments))
      out += event({ tool_calls: [{ index: 0, function: { arguments: p } }] });
  } else if (typeof m.content === 'string') for (const p of pieces(m.content)) out += event({ content: p });
  if (typeof m.refusal === 'string') out += event({ refusal: m.refusal });
  out += event({}, c.choices[0]!.finish_reason);
  if (withUsage) out += `data: ${JSON.stringify({ ...head, choices: [], usage: c.usage })}\n\n`;
  return `${out}data: [DONE]\n\n`;
}

const errorBody = (message: string, type: string, param: string | null, code: string | null): string =>
  JSON.stringify({ error: { message, type, param, code } });

const badRequest = (message: string, param: string | null, code: string | null = null): Reply => ({
  status: 400,
  body: errorBody(message, 'invalid_request_error', param, code),
});

const textOf = (m: ChatMessage): string =>
  typeof m.content === 'string'
    ? m.content
    : Array.isArray(m.content)
      ? m.content.map((p) => (typeof p.text === 'string' ? p.text : '')).join('')
      : '';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** A rough tokenizer: one token per CJK character, one per 4 other characters. */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 4);
}

/** OpenAI's reset format: `20ms`, `1.5s`, `6m0s`. */
function resetText(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.ceil(ms))}ms`;
  const s = ms / 1000;
  if (s < 60) return `${Number(s.toFixed(3))}s`;
  return `${Math.floor(s / 60)}m${Math.floor(s % 60)}s`;
}

export async function startOpenAiStandIn(initial: OpenAiStandInOptions = {}): Promise<OpenAiStandIn> {
  let options: OpenAiStandInOptions = { ...initial };
  const profile = PROFILES[initial.provider ?? 'generic'];
  let supports: Supports = { ...profile.supports, ...initial.supports };
  const queue: { fault: OpenAiFault | null; times: number }[] = [];
  const enqueue = (faults: (QueuedFault | null)[]) => {
    for (const f of faults) {
      if (f === null) queue.push({ fault: null, times: 1 });
      else {
        const { times = 1, ...fault } = f;
        queue.push({ fault: fault as OpenAiFault, times });
      }
    }
  };
  enqueue(initial.faults ?? []);
  const requests: OpenAiStandInRequest[] = [];
  /** Arrival times of requests counted by the rpm limit (all but its own 429s). */
  const accepted: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const hanging = new Set<ServerResponse>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const takeFault = (n: number, body: ChatCompletionBody): OpenAiFault | null => {
    const head = queue[0];
    if (head) {
      if (--head.times <= 0) queue.shift();
      return head.fault;
    }
    return options.faultFor?.(n, body) ?? null;
  };

  /** Rate-limit headers and, when the window is full, the 429 to send instead. */
  const rateCheck = (now: number): { headers: Record<string, string>; limited: Reply | null } => {
    const rpm = options.rpm ?? null;
    if (rpm === null) return { headers: {}, limited: null };
    const windowMs = options.rateWindowMs ?? 60_000;
    const limit = Math.max(1, Math.floor((rpm * windowMs) / 60_000));
    while (accepted.length > 0 && accepted[0]! <= now - windowMs) accepted.shift();
    const full = accepted.length >= limit;
    const freeInMs = accepted.length > 0 ? accepted[0]! + windowMs - now : 0;
    if (!full) accepted.push(now);
    const headers = {
      'x-ratelimit-limit-requests': String(limit),
      'x-ratelimit-remaining-requests': String(Math.max(0, limit - accepted.length)),
      'x-ratelimit-reset-requests': resetText(freeInMs),
    };
    if (!full) return { headers, limited: null };
    const retryAfter = Math.max(1, Math.ceil(freeInMs / 1000));
    return {
      headers,
      limited: {
        status: 429,
        headers: { ...headers, 'retry-after': String(retryAfter) },
        body: errorBody(
          `Rate limit reached for requests on model in organization org-standin: Limit ${limit}, Used ${accepted.length}, ` +
            `Requested 1. Please try again in ${resetText(freeInMs)}.`,
          'requests',
          null,
          'rate_limit_exceeded',
        ),
      },
    };
  };

  /** The 400s a real server gives for this body, or the mode to answer in. */
  const validate = (
    body: ChatCompletionBody,
    url: URL,
  ): { error: Reply } | { mode: AnswerMode; messages: ChatMessage[] } => {
    const reject = (message: string, param: string | null, code: string | null = null): { error: Reply } => ({
      error: profile.name === 'generic' ? badRequest(message, param, code) : profile.error(400, message, code, param),
    });
    const rejectMode = (mode: RequestedMode, message: string, param: string): { error: Reply } =>
      profile.rejectMode ? { error: profile.rejectMode(mode) } : reject(message, param);
    if (typeof body.model !== 'string' || body.model === '')
      return reject('you must provide a model parameter', 'model');
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return reject("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
    const messages = body.messages as ChatMessage[];
    if (messages.some((m) => typeof m !== 'object' || m === null || typeof m.role !== 'string'))
      return reject("Invalid type for 'messages': each message needs a role.", 'messages');
    if (body.stream !== true && (options.streamOnly || profile.streamOnly))
      return {
        error: profile.streamOnly ?? badRequest('stream must be set to true: this server only streams', 'stream'),
      };
    const format = body.response_format?.type;
    if (format === 'json_schema') {
      if (!supports.jsonSchema)
        return rejectMode('json_schema', 'response_format json_schema is not supported', 'response_format');
      if (typeof body.response_format?.json_schema?.name !== 'string')
        return reject(
          "Missing required parameter: 'response_format.json_schema.name'.",
          'response_format.json_schema.name',
          'missing_required_parameter',
        );
    } else if (format === 'json_object') {
      if (!supports.jsonMode)
        return rejectMode('json_object', 'response_format json_object is not supported', 'response_format');
      if (!messages.some((m) => /json/i.test(textOf(m))))
        return reject(
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
          'messages',
        );
    } else if (format !== undefined && format !== 'text')
      return reject(
        `Invalid value: '${String(format)}'. Supported values are: 'json_object', 'json_schema', and 'text'.`,
        'response_format.type',
      );
    const tools = body.tools;
    let toolMode = false;
    if (tools !== undefined) {
      if (!supports.tools) return rejectMode('tools', 'tools is not supported', 'tools');
      if (!Array.isArray(tools) || tools.some((t) => t.type !== 'function' || typeof t.function?.name !== 'string'))
        return reject("Invalid 'tools': each tool needs type 'function' and a function name.", 'tools');
      const choice = body.tool_choice;
      if (typeof choice === 'object' && choice !== null) {
        const name = choice.function?.name;
        if (!tools.some((t) => t.function?.name === name))
          return reject(
            `Invalid value for 'tool_choice': 'tool_choice' references '${String(name)}' which is not present in 'tools'.`,
            'tool_choice',
          );
      }
      toolMode = tools.length > 0 && choice !== 'none';
    }
    const own = profile.check?.(body, messages, url);
    if (own) return { error: own };
    const asked = body.max_completion_tokens ?? body.max_tokens;
    if (typeof asked === 'number' && profile.budget) {
      const tooMany = profile.budget(asked, promptTokensOf(messages));
      if (tooMany) return { error: tooMany };
    }
    if (profile.ignoresStructure) return { mode: 'text', messages };
    if (toolMode) return { mode: 'tools', messages };
    const mode: AnswerMode =
      format === 'json_schema' ? 'json_schema' : format === 'json_object' ? 'json_object' : 'text';
    return { mode, messages };
  };

  const completion = async (
    n: number,
    body: ChatCompletionBody,
    mode: AnswerMode,
    messages: ChatMessage[],
    fault: OpenAiFault | null,
  ) => {
    const system = messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map(textOf)
      .join('\n');
    const user = messages
      .filter((m) => m.role === 'user')
      .map(textOf)
      .join('\n');
    // The language is what the instructions ask for; an abstract about Chinese NLP must not switch it.
    const asksChinese = (text: string) => /chinese|中文|简体|汉语/i.test(text);
    const language = asksChinese(system || messages.map(textOf).join('\n')) ? 'Chinese' : 'English';
    const view: ChatRequestView = { n, body, messages, system, user, language, mode };
    const value = await (options.answer ?? defaultSummary)(view);
    let object: Record<string, unknown> | null = typeof value === 'string' ? null : { ...value };
    let text = typeof value === 'string' ? value : JSON.stringify(value);
    const json = text;

    let finish: string = 'stop';
    let refusal: string | null = null;
    let asToolCall = mode === 'tools';
    let dressed = true;
    const rewrite = (o: Record<string, unknown>) => {
      object = o;
      text = JSON.stringify(o);
    };
    switch (fault?.type) {
      case 'invalid-json-answer':
        if (fault.variant === 'missing-field' && object) {
          const { conclusion: _dropped, ...rest } = object;
          text = JSON.stringify(rest);
        } else text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
        break;
      case 'empty-field':
        if (object) rewrite({ ...object, [fault.field ?? 'method']: '' });
        break;
      case 'prose': {
        const parts = object ? SUMMARY_FIELDS.map((f) => String(object?.[f] ?? '')).filter(Boolean) : [text];
        text = `Sure! Here is a summary of the paper. ${parts.join(' ')}`;
        asToolCall = false;
        dressed = false;
        break;
      }
      case 'fenced':
        text = `\`\`\`json\n${text}\n\`\`\``;
        break;
      case 'refusal':
        refusal = fault.message ?? "I'm sorry, but I can't assist with that request.";
        asToolCall = false;
        break;
      case 'content-filter':
        text = text.slice(0, Math.floor(text.length / 3));
        finish = 'content_filter';
        break;
      case 'length':
        text = text.slice(0, Math.floor(text.length / 2));
        finish = 'length';
        break;
      case 'think':
        text = `<think>\n${THOUGHTS}\n</think>\n\n${json}`;
        asToolCall = false;
        break;
      case 'prose-after':
        text = `${json}\n\nThis summary covers the main points; tell me if you want it shorter.`;
        asToolCall = false;
        break;
      case 'fence-prose':
        text = `Here is the summary {as JSON}:\n\`\`\`json\n${json}\n\`\`\`\nNote: the fields {tldr, motivation} are short.`;
        asToolCall = false;
        break;
      case 'array-field':
        if (object) {
          const f = fault.field ?? 'result';
          const v = String(object[f] ?? '');
          const half = Math.max(1, v.indexOf(' ', Math.floor(v.length / 2)));
          rewrite({ ...object, [f]: [v.slice(0, half), v.slice(half + 1)].filter(Boolean) });
        }
        break;
      case 'renamed-key':
        if (object)
          rewrite({
            'TL;DR': object.tldr,
            Motivation: object.motivation,
            Methods: object.method,
            Results: object.result,
            Conclusion: object.conclusion,
          });
        break;
      case 'nested':
        if (object) rewrite({ summary: object });
        break;
      case 'whitespace':
        if (object) rewrite(Object.fromEntries(Object.entries(object).map(([k, v]) => [k, `\n  ${String(v)}  \n`])));
        break;
    }
    // The provider's own dress (reasoning, tags, prose) on an answer the model wrote as asked.
    let reasoning: string | null = null;
    if (profile.dress && dressed && refusal === null && !asToolCall) {
      const d = profile.dress(text, n);
      text = d.content;
      reasoning = d.reasoning ?? null;
    } else if (profile.dress && profile.reasoningField && asToolCall)
      reasoning = profile.dress(text, n).reasoning ?? null;
    const maxTokens = body.max_completion_tokens ?? body.max_tokens;
    if (typeof maxTokens === 'number' && refusal === null) {
      // The budget covers the reasoning first, then the answer; a real model stops mid-sentence.
      const thinking = reasoning ? estimateTokens(reasoning) : 0;
      const room = maxTokens - thinking;
      if (room <= 0) {
        reasoning = cutTo(reasoning!, maxTokens);
        text = '';
        finish = 'length';
      } else if (estimateTokens(text) > room) {
        text = cutTo(text, room);
        finish = 'length';
      }
    }

    const forced = typeof body.tool_choice === 'object' || body.tool_choice === 'required';
    const toolName = (() => {
      const choice = body.tool_choice;
      if (typeof choice === 'object' && choice !== null) return choice.function?.name ?? '';
      return body.tools?.[0]?.function?.name ?? '';
    })();
    const reasoningPart = reasoning !== null && profile.reasoningField ? { [profile.reasoningField]: reasoning } : {};
    const message = asToolCall
      ? {
          role: 'assistant',
          content: null,
          ...reasoningPart,
          refusal: null,
          annotations: [],
          tool_calls: [
            {
              id: `call_standin${String(n).padStart(6, '0')}`,
              type: 'function',
              function: { name: toolName, arguments: text },
            },
          ],
        }
      : { role: 'assistant', content: refusal === null ? text : null, ...reasoningPart, refusal, annotations: [] };
    // OpenAI ends a tool call with `tool_calls`, but with `stop` when the call was forced.
    if (asToolCall && finish === 'stop') finish = forced ? 'stop' : 'tool_calls';
    const promptTokens = promptTokensOf(messages);
    const completionTokens = estimateTokens(refusal ?? text) + (reasoning ? estimateTokens(reasoning) : 0);
    return {
      id: `chatcmpl-standin${String(n).padStart(6, '0')}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: reasoning ? estimateTokens(reasoning) : 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
        ...profile.usageExtra?.(promptTokens),
      },
      service_tier: 'default',
      system_fingerprint: 'fp_standin',
    };
  };

  const handleChat = async (entry: OpenAiStandInRequest, res: ServerResponse, url: URL): Promise<Reply | null> => {
    if (entry.body === null) {
      return badRequest(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
        null,
      );
    }
    const { headers: rateHeaders, limited } = rateCheck(entry.start);
    if (limited) {
      entry.fault = 'rate-limit';
      return limited;
    }
    const checked = validate(entry.body, url);
    if ('error' in checked) return { ...checked.error, headers: { ...rateHeaders, ...checked.error.headers } };
    entry.mode = checked.mode;
    const fault = takeFault(entry.n, entry.body);
    entry.fault = fault?.type ?? null;
    if (fault?.type === 'timeout') {
      if (fault.answerAfterMs === undefined) {
        hanging.add(res);
        return null; // never answered; close() drops the connection
      }
      await wait(fault.answerAfterMs);
    }
    if (fault?.type === 'silence') {
      // Headers, then nothing: a proxy whose upstream went away.
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-request-id': `req_standin${String(entry.n).padStart(6, '0')}`,
      });
      res.flushHeaders();
      hanging.add(res);
      return null;
    }
    if (options.latencyMs) await wait(options.latencyMs);
    const err = (
      status: number,
      message: string,
      type: string,
      code: string | null,
      headers: Record<string, string> = {},
    ): Reply => {
      const r =
        profile.name === 'generic'
          ? { status, body: errorBody(message, type, null, code) }
          : profile.error(status, message, code);
      return { ...r, headers: { ...rateHeaders, ...headers } };
    };
    switch (fault?.type) {
      case '500':
        return err(
          500,
          'The server had an error while processing your request. Sorry about that!',
          'server_error',
          null,
        );
      case '503':
        return err(
          503,
          'The engine is currently overloaded, please try again later.',
          'server_error',
          null,
          fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) },
        );
      case '429':
        return err(429, 'Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded', {
          'retry-after': String(fault.retryAfter ?? 1),
        });
      case 'error-200':
        return {
          status: 200,
          headers: rateHeaders,
          body: JSON.stringify({
            error: {
              message: 'Provider returned error',
              code: 502,
              metadata: { raw: 'upstream connect error or disconnect/reset before headers', provider_name: 'Standin' },
            },
            user_id: 'user_standin',
          }),
        };
      case 'no-choices':
        return {
          status: 200,
          headers: rateHeaders,
          body: JSON.stringify({
            id: `chatcmpl-standin${entry.n}`,
            object: 'chat.completion',
            model: entry.body.model,
            choices: [],
          }),
        };
      case 'tool-use-failed': {
        const c = await completion(entry.n, entry.body, 'text', checked.messages, null);
        const generated = String((c.choices[0]!.message as { content?: unknown }).content ?? '');
        return {
          status: 400,
          headers: rateHeaders,
          body: JSON.stringify({
            error: {
              message:
                "Failed to call a function. Please adjust your prompt. See 'failed_generation' for more details.",
              type: 'invalid_request_error',
              code: 'tool_use_failed',
              failed_generation: `<tool_call>\n{"name": "paper_summary", "arguments": ${generated}}\n</tool_call>`,
            },
          }),
        };
      }
    }
    const c = await completion(entry.n, entry.body, checked.mode, checked.messages, fault);
    if (entry.body.stream === true || options.alwaysStream || fault?.type === 'sse') {
      const usage = entry.body.stream !== true || entry.body.stream_options?.include_usage === true;
      return { status: 200, headers: { ...rateHeaders, 'content-type': 'text/event-stream' }, body: sseOf(c, usage) };
    }
    const json = JSON.stringify(c);
    const body = fault?.type === 'truncated' ? json.slice(0, Math.floor(json.length * (fault.fraction ?? 0.5))) : json;
    return {
      status: 200,
      headers: { ...rateHeaders, 'openai-processing-ms': String(options.latencyMs ?? 0) },
      body: profile.keepAliveLines ? `\n\n${body}` : body,
    };
  };

  /** Where this provider serves what: its chat, models and embeddings paths. */
  const routeOf = (path: string): 'chat' | 'models' | 'embeddings' | null => {
    if (profile.name === 'azure') {
      if (/^\/openai\/deployments\/[^/]+\/chat\/completions$/.test(path)) return 'chat';
      if (/^\/openai\/deployments\/[^/]+\/embeddings$/.test(path)) return 'embeddings';
      return path === '/openai/models' ? 'models' : null;
    }
    const rest = path.startsWith(profile.basePath) ? path.slice(profile.basePath.length) : null;
    return rest === '/chat/completions'
      ? 'chat'
      : rest === '/models'
        ? 'models'
        : rest === '/embeddings'
          ? 'embeddings'
          : null;
  };

  const authorized = (req: IncomingMessage): boolean => {
    if (!options.apiKey || profile.auth === 'none') return true;
    if (profile.auth === 'api-key') return req.headers['api-key'] === options.apiKey;
    return req.headers.authorization === `Bearer ${options.apiKey}`;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: ChatCompletionBody | null = null;
    try {
      const parsed: unknown = rawBody ? JSON.parse(rawBody) : null;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as ChatCompletionBody;
    } catch {
      body = null;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '');
    const entry: OpenAiStandInRequest = {
      n: requests.length + 1,
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      rawBody,
      time: Date.now(),
      start: performance.now(),
      end: null,
      status: null,
      fault: null,
      mode: null,
    };
    requests.push(entry);
    res.on('close', () => {
      entry.end = performance.now();
      hanging.delete(res);
    });

    const route = routeOf(path);
    let reply: Reply | null;
    if (options.echoKeyStatus) {
      const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      reply = {
        status: options.echoKeyStatus,
        // Retried at once (Retry-After: 0), so a test sees every retry's message quickly.
        headers: { 'retry-after': '0' },
        body: errorBody(
          `Incorrect API key provided: ${key} (sent as "Authorization: Bearer ${key}", url-encoded ${encodeURIComponent(key)}).`,
          'server_error',
          null,
          null,
        ),
      };
    } else if (!authorized(req)) {
      reply =
        profile.name === 'generic' || profile.name === 'openai'
          ? {
              status: 401,
              body: errorBody(
                'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
                'invalid_request_error',
                null,
                'invalid_api_key',
              ),
            }
          : profile.error(401, 'Authentication failed: the API key is invalid.', 'invalid_api_key');
    } else if (route === 'chat' && req.method === 'POST') {
      reply = await handleChat(entry, res, url);
    } else if (route === 'embeddings' && req.method === 'POST' && options.embeddingDims) {
      reply = embeddingsReply(body);
    } else if (route === 'models' && req.method === 'GET') {
      const created = Math.floor(Date.now() / 1000);
      const models = options.models ?? ['deepseek-chat', 'gpt-4o-mini'];
      reply = {
        status: 200,
        body: JSON.stringify({
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', created, owned_by: 'standin' })),
        }),
      };
    } else {
      reply = {
        status: 404,
        body: errorBody(`Invalid URL (${req.method ?? 'GET'} ${path})`, 'invalid_request_error', null, null),
      };
    }
    if (reply === null || res.destroyed) return;
    entry.status = reply.status;
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(reply.body)),
      'x-request-id': `req_standin${String(entry.n).padStart(6, '0')}`,
      ...reply.headers,
    });
    res.end(reply.body);
  };

  const embeddingsReply = (body: ChatCompletionBody | null): Reply => {
    if (options.embeddingStatus)
      return {
        status: options.embeddingStatus,
        body: errorBody('The embeddings endpoint failed (stand-in fault).', 'server_error', null, null),
      };
    const input = body?.input;
    const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input : null;
    if (typeof body?.model !== 'string' || !texts || texts.some((t) => typeof t !== 'string'))
      return badRequest("'input' must be a string or a list of strings, and 'model' a string.", 'input');
    const dims = options.embeddingDims!;
    const base64 = body.encoding_format === 'base64';
    const data = (texts as string[]).map((text, index) => {
      const vector = standInEmbedding(text, dims);
      const embedding = base64 ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    const tokens = (texts as string[]).reduce((n, t) => n + estimateTokens(t), 0);
    return {
      status: 200,
      body: JSON.stringify({
        object: 'list',
        data,
        model: body.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      }),
    };
  };

  const loopback = await listenLoopback('openai-standin', handle);

  return {
    url: `${loopback.url}${profile.basePath}`,
    profile,
    requests,
    setOptions(next) {
      const { faults, supports: nextSupports, ...rest } = next;
      options = { ...options, ...rest };
      if (nextSupports) supports = { ...supports, ...nextSupports };
      if (faults) {
        queue.length = 0;
        enqueue(faults);
      }
    },
    addFault(fault, times = 1) {
      queue.push({ fault, times });
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const res of hanging) res.destroy();
      return loopback.close();
    },
  };
}
