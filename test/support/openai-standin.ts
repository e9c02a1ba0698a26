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
 * The answer comes from `answer(view)`; the default is a valid five-field summary in Chinese when
 * the system prompt asks for Chinese (else English) that quotes the paper's title, so a test can
 * see which paper was summarized.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { listenLoopback } from './loopback.js';
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
  | { type: 'length' };

/** A queued fault; `times` (default 1) is how many answered requests it applies to. */
export type QueuedFault = OpenAiFault & { times?: number };

export interface Supports {
  jsonSchema: boolean;
  tools: boolean;
  jsonMode: boolean;
}

export interface OpenAiStandInOptions {
  /** Delay before every answer (default 0); 429s from the rpm limit are answered at once. */
  latencyMs?: number;
  /** Requests per minute over a sliding window; null = unlimited (default). */
  rpm?: number | null;
  /**
   * The sliding window's length (default 60 000). A shorter one scales the limit
   * (rpm × window / 60 s requests per window) so a test or bench of seconds still fills it.
   */
  rateWindowMs?: number;
  /** Structured-output modes the server accepts (default all). */
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
  /** Base URL ending in `/v1` (OPENAI_BASE_URL / the SDK's baseURL). */
  url: string;
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
  // arxiv-digest's own prompt: the paper as a JSON object between <paper> tags.
  const tagged = /<paper>\s*(\{[\s\S]*\})\s*<\/paper>/.exec(user);
  if (tagged) {
    try {
      const data = JSON.parse(tagged[1]!) as { title?: unknown; abstract?: unknown };
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

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const DEFAULT_SUPPORTS: Supports = { jsonSchema: true, tools: true, jsonMode: true };

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
  let supports: Supports = { ...DEFAULT_SUPPORTS, ...initial.supports };
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
  const validate = (body: ChatCompletionBody): { error: Reply } | { mode: AnswerMode; messages: ChatMessage[] } => {
    if (typeof body.model !== 'string' || body.model === '')
      return { error: badRequest('you must provide a model parameter', 'model') };
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return { error: badRequest("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter') };
    const messages = body.messages as ChatMessage[];
    if (messages.some((m) => typeof m !== 'object' || m === null || typeof m.role !== 'string'))
      return { error: badRequest("Invalid type for 'messages': each message needs a role.", 'messages') };
    if (body.stream === true) return { error: badRequest('stream is not supported by the stand-in', 'stream') };
    const format = body.response_format?.type;
    if (format === 'json_schema') {
      if (!supports.jsonSchema)
        return { error: badRequest('response_format json_schema is not supported', 'response_format') };
      if (typeof body.response_format?.json_schema?.name !== 'string')
        return {
          error: badRequest(
            "Missing required parameter: 'response_format.json_schema.name'.",
            'response_format.json_schema.name',
            'missing_required_parameter',
          ),
        };
    } else if (format === 'json_object') {
      if (!supports.jsonMode)
        return { error: badRequest('response_format json_object is not supported', 'response_format') };
      if (!messages.some((m) => /json/i.test(textOf(m))))
        return {
          error: badRequest(
            "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
            'messages',
          ),
        };
    } else if (format !== undefined && format !== 'text')
      return {
        error: badRequest(
          `Invalid value: '${String(format)}'. Supported values are: 'json_object', 'json_schema', and 'text'.`,
          'response_format.type',
        ),
      };
    const tools = body.tools;
    if (tools !== undefined) {
      if (!supports.tools) return { error: badRequest('tools is not supported', 'tools') };
      if (!Array.isArray(tools) || tools.some((t) => t.type !== 'function' || typeof t.function?.name !== 'string'))
        return { error: badRequest("Invalid 'tools': each tool needs type 'function' and a function name.", 'tools') };
      const choice = body.tool_choice;
      if (typeof choice === 'object' && choice !== null) {
        const name = choice.function?.name;
        if (!tools.some((t) => t.function?.name === name))
          return {
            error: badRequest(
              `Invalid value for 'tool_choice': 'tool_choice' references '${String(name)}' which is not present in 'tools'.`,
              'tool_choice',
            ),
          };
      }
      if (tools.length > 0 && choice !== 'none') return { mode: 'tools', messages };
    }
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

    let finish: string = 'stop';
    let refusal: string | null = null;
    let asToolCall = mode === 'tools';
    switch (fault?.type) {
      case 'invalid-json-answer':
        if (fault.variant === 'missing-field' && object) {
          const { conclusion: _dropped, ...rest } = object;
          text = JSON.stringify(rest);
        } else text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
        break;
      case 'empty-field':
        if (object) {
          object = { ...object, [fault.field ?? 'method']: '' };
          text = JSON.stringify(object);
        }
        break;
      case 'prose': {
        const parts = object ? SUMMARY_FIELDS.map((f) => String(object?.[f] ?? '')).filter(Boolean) : [text];
        text = `Sure! Here is a summary of the paper. ${parts.join(' ')}`;
        asToolCall = false;
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
    }
    const maxTokens = body.max_completion_tokens ?? body.max_tokens;
    if (typeof maxTokens === 'number' && refusal === null && estimateTokens(text) > maxTokens) {
      // Cut at about maxTokens tokens, as a real model stops mid-sentence.
      let cut = text;
      while (cut.length > 0 && estimateTokens(cut) > maxTokens) cut = cut.slice(0, Math.floor(cut.length * 0.9));
      text = cut;
      finish = 'length';
    }

    const forced = typeof body.tool_choice === 'object' || body.tool_choice === 'required';
    const toolName = (() => {
      const choice = body.tool_choice;
      if (typeof choice === 'object' && choice !== null) return choice.function?.name ?? '';
      return body.tools?.[0]?.function?.name ?? '';
    })();
    const message = asToolCall
      ? {
          role: 'assistant',
          content: null,
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
      : { role: 'assistant', content: refusal === null ? text : null, refusal, annotations: [] };
    // OpenAI ends a tool call with `tool_calls`, but with `stop` when the call was forced.
    if (asToolCall && finish === 'stop') finish = forced ? 'stop' : 'tool_calls';
    const promptTokens = estimateTokens(messages.map(textOf).join('\n')) + 3 * messages.length;
    const completionTokens = estimateTokens(refusal ?? text);
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
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_standin',
    };
  };

  const handleChat = async (entry: OpenAiStandInRequest, res: ServerResponse): Promise<Reply | null> => {
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
    const checked = validate(entry.body);
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
    if (options.latencyMs) await wait(options.latencyMs);
    switch (fault?.type) {
      case '500':
        return {
          status: 500,
          headers: rateHeaders,
          body: errorBody(
            'The server had an error while processing your request. Sorry about that!',
            'server_error',
            null,
            null,
          ),
        };
      case '503':
        return {
          status: 503,
          headers: {
            ...rateHeaders,
            ...(fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }),
          },
          body: errorBody('The engine is currently overloaded, please try again later.', 'server_error', null, null),
        };
      case '429':
        return {
          status: 429,
          headers: { ...rateHeaders, 'retry-after': String(fault.retryAfter ?? 1) },
          body: errorBody(
            'Rate limit reached for requests. Please try again later.',
            'requests',
            null,
            'rate_limit_exceeded',
          ),
        };
    }
    const json = JSON.stringify(await completion(entry.n, entry.body, checked.mode, checked.messages, fault));
    const body = fault?.type === 'truncated' ? json.slice(0, Math.floor(json.length * (fault.fraction ?? 0.5))) : json;
    return { status: 200, headers: { ...rateHeaders, 'openai-processing-ms': String(options.latencyMs ?? 0) }, body };
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
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
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
    } else if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      reply = {
        status: 401,
        body: errorBody(
          'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
          'invalid_request_error',
          null,
          'invalid_api_key',
        ),
      };
    } else if (path === '/v1/chat/completions' && req.method === 'POST') {
      reply = await handleChat(entry, res);
    } else if (path === '/v1/embeddings' && req.method === 'POST' && options.embeddingDims) {
      reply = embeddingsReply(body);
    } else if (path === '/v1/models' && req.method === 'GET') {
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
    url: `${loopback.url}/v1`,
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
