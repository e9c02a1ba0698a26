/**
 * One Chat Completions request over HTTP, read the way OpenAI-compatible servers really answer.
 *
 * Why not the `openai` SDK here: its timeout ends when the headers arrive (a server that sends
 * headers and then nothing hangs the call for ever), it reads only OpenAI-shaped error bodies (a
 * Gemini error wrapped in an array, vLLM's top-level `message`, SiliconFlow's `{code, message}`
 * all become "400 status code (no body)"), and it hands back a 200 whose body is an error object
 * as if it were a completion. This client is small because everything it does is one of those:
 *
 * - one deadline (`deadlineMs`) covers the whole exchange: connecting, headers, every byte of
 *   the body or stream; a body larger than `maxBytes` is cut off (a hostile or broken server
 *   cannot fill memory);
 * - a non-2xx answer becomes a ChatHttpError with the message found in any body shape;
 * - a 200 with an error body, without `choices`, or that is not JSON is a retryable server error;
 * - an SSE answer (asked for, or sent unasked by a proxy) is read as a stream of deltas:
 *   content, tool-call arguments, reasoning, finish reason and usage;
 * - secrets (the API key) are removed from every message, even when a server echoes them.
 */
import { createParser } from 'eventsource-parser';
import { RetryableError } from './limiter.js';

export interface ChatEndpoint {
  /** The chat completions URL (Azure: the deployment's, with `api-version`). */
  url: string;
  /** Authentication and any headers the provider needs. */
  headers: Record<string, string>;
  /** Never shown in a message, even when a server echoes them back. */
  secrets: readonly string[];
}

export interface ChatReply {
  /** The message content, or the forced tool call's arguments. */
  text: string | null;
  /** `reasoning_content` / `reasoning`, kept apart from the answer. */
  reasoning: string | null;
  refusal: string | null;
  finishReason: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** True when the answer came as server-sent events. */
  streamed: boolean;
}

/** A non-2xx answer, its message read from whatever shape the body has. */
export class ChatHttpError extends Error {
  override name = 'ChatHttpError';
  constructor(
    readonly status: number,
    message: string,
    /** The parsed body (any shape), or the text when it is not JSON. */
    readonly body: unknown,
    readonly headers: Headers,
    /** `code` / `type` of the error when the body names them. */
    readonly code: string | null,
    readonly type: string | null,
  ) {
    super(message);
  }
}

export interface PostChatOptions {
  deadlineMs: number;
  /** Aborts the request from outside (the limiter's breaker). */
  signal?: AbortSignal;
  /** Largest body read (default 8 MB). */
  maxBytes?: number;
  fetch?: typeof fetch;
}

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join('***');
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/**
 * The message, code and type of an error body in any of the shapes servers send: OpenAI's
 * `{error: {message, code, type}}`, `{error: "text"}` (LM Studio), an array of those (Gemini),
 * a top-level `{message, code}` (vLLM, SiliconFlow), FastAPI's `{detail}`, or plain text.
 */
export function errorOf(body: unknown): { message: string | null; code: string | null; type: string | null } {
  const first = Array.isArray(body) ? body[0] : body;
  if (typeof first === 'string') return { message: first.trim().slice(0, 500) || null, code: null, type: null };
  if (!isObject(first)) return { message: null, code: null, type: null };
  const e = first.error;
  if (typeof e === 'string') return { message: e, code: str(first.code), type: str(first.type) };
  if (isObject(e)) {
    const meta = isObject(e.metadata) ? e.metadata : null;
    // OpenRouter puts the upstream provider's own words in metadata.raw.
    const raw = meta && typeof meta.raw === 'string' ? ` (${meta.raw.slice(0, 300)})` : '';
    return {
      message: (str(e.message) ?? JSON.stringify(e)) + raw,
      code: str(e.code) ?? str(e.status),
      type: str(e.type) ?? str(e.status),
    };
  }
  if (typeof first.message === 'string')
    return { message: first.message, code: str(first.code), type: str(first.type) };
  if (first.detail !== undefined)
    return {
      message: typeof first.detail === 'string' ? first.detail : JSON.stringify(first.detail),
      code: null,
      type: null,
    };
  if (typeof first.msg === 'string') return { message: first.msg, code: str(first.code), type: null };
  return { message: null, code: null, type: null };
}

/** Reads the body as text under the size cap. */
async function readText(res: Response, maxBytes: number, onChunk?: (text: string) => void): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new RetryableError(`the answer is larger than ${Math.round(maxBytes / 1024)} KB; cut off`, 'server', null);
    }
    const chunk = decoder.decode(value, { stream: true });
    if (onChunk) onChunk(chunk);
    else text += chunk;
  }
  const tail = decoder.decode();
  if (onChunk) onChunk(tail);
  else text += tail;
  return text;
}

/** Message text: a string, or the content-parts form some servers use. */
function contentText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v))
    return v.map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : typeof p === 'string' ? p : '')).join('');
  return null;
}

const args = (v: unknown): string | null => (typeof v === 'string' ? v : isObject(v) ? JSON.stringify(v) : null);

/** A completion object's first choice as a reply; a body without choices is the server's fault. */
function replyOf(body: unknown): ChatReply {
  if (isObject(body) && body.error !== undefined && body.error !== null) {
    const e = errorOf(body);
    const rateLimited = e.code === '429' || /rate.?limit/i.test(e.message ?? '');
    throw new RetryableError(
      `HTTP 200 with an error in the body: ${e.message ?? 'no message'}`,
      rateLimited ? 'rate-limit' : 'server',
      null,
    );
  }
  const choices = isObject(body) ? body.choices : undefined;
  const choice = Array.isArray(choices) ? choices[0] : undefined;
  if (!isObject(choice)) throw new RetryableError('HTTP 200 without choices', 'server', null);
  const m = isObject(choice.message) ? choice.message : {};
  const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
  const call = calls.find((c) => isObject(c) && isObject(c.function));
  const usage = isObject(body) && isObject(body.usage) ? body.usage : {};
  // OpenRouter ends a generation its upstream gave up on with finish_reason "error".
  if (choice.finish_reason === 'error')
    throw new RetryableError('the provider ended the answer with an error', 'server', null);
  return {
    text:
      (call && isObject(call) && isObject(call.function) ? args(call.function.arguments) : null) ??
      contentText(m.content),
    reasoning: contentText(m.reasoning_content) ?? contentText(m.reasoning),
    refusal: typeof m.refusal === 'string' ? m.refusal : null,
    finishReason: str(choice.finish_reason),
    promptTokens: typeof usage.prompt_tokens === 'number' ? usage.prompt_tokens : null,
    completionTokens: typeof usage.completion_tokens === 'number' ? usage.completion_tokens : null,
    streamed: false,
  };
}

/** Accumulates server-sent chunks into one reply. */
class StreamReader {
  private content = '';
  private reasoning = '';
  private refusal = '';
  private readonly toolArgs = new Map<number, string>();
  private finishReason: string | null = null;
  private promptTokens: number | null = null;
  private completionTokens: number | null = null;
  private done = false;
  private error: RetryableError | null = null;
  private readonly parser = createParser({ onEvent: (e) => this.onData(e.data, e.event) });

  feed(text: string): void {
    if (!this.error) this.parser.feed(text);
    if (this.error) throw this.error;
  }

  private onData(data: string, event: string | undefined): void {
    if (this.done || this.error) return;
    if (data.trim() === '[DONE]') {
      this.done = true;
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      this.error = new RetryableError(`unreadable stream event: ${JSON.stringify(data.slice(0, 80))}`, 'server', null);
      return;
    }
    if (event === 'error' || (isObject(chunk) && chunk.error !== undefined && chunk.error !== null)) {
      this.error = new RetryableError(
        `error in the stream: ${errorOf(chunk).message ?? data.slice(0, 200)}`,
        'server',
        null,
      );
      return;
    }
    if (!isObject(chunk)) return;
    if (isObject(chunk.usage)) {
      if (typeof chunk.usage.prompt_tokens === 'number') this.promptTokens = chunk.usage.prompt_tokens;
      if (typeof chunk.usage.completion_tokens === 'number') this.completionTokens = chunk.usage.completion_tokens;
    }
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    if (!isObject(choice)) return;
    const d = isObject(choice.delta) ? choice.delta : isObject(choice.message) ? choice.message : {};
    this.content += contentText(d.content) ?? '';
    this.reasoning += contentText(d.reasoning_content) ?? contentText(d.reasoning) ?? '';
    if (typeof d.refusal === 'string') this.refusal += d.refusal;
    if (Array.isArray(d.tool_calls))
      for (const [i, c] of d.tool_calls.entries()) {
        if (!isObject(c) || !isObject(c.function)) continue;
        const index = typeof c.index === 'number' ? c.index : i;
        this.toolArgs.set(index, (this.toolArgs.get(index) ?? '') + (args(c.function.arguments) ?? ''));
      }
    if (typeof choice.finish_reason === 'string') this.finishReason = choice.finish_reason;
  }

  reply(): ChatReply {
    this.parser.reset({ consume: true });
    if (this.error) throw this.error;
    if (this.finishReason === 'error')
      throw new RetryableError('the provider ended the stream with an error', 'server', null);
    if (!this.done && this.finishReason === null)
      throw new RetryableError('the stream ended before the answer did', 'server', null);
    const tool = [...this.toolArgs.entries()].sort((a, b) => a[0] - b[0])[0]?.[1];
    return {
      text: tool ?? (this.content || null),
      reasoning: this.reasoning || null,
      refusal: this.refusal || null,
      finishReason: this.finishReason,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      streamed: true,
    };
  }
}

/** `fetch failed` says nothing; the socket's code (ECONNREFUSED, ENOTFOUND, …) does. */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

export async function postChat(endpoint: ChatEndpoint, body: object, opts: PostChatOptions): Promise<ChatReply> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.deadlineMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) controller.abort();
  const clean = (s: string) => redact(s, endpoint.secrets);
  try {
    const res = await (opts.fetch ?? fetch)(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...endpoint.headers,
      },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const sse = /text\/event-stream/i.test(res.headers.get('content-type') ?? '');
    if (res.ok && sse) {
      const stream = new StreamReader();
      await readText(res, maxBytes, (t) => stream.feed(t));
      return stream.reply();
    }
    const text = await readText(res, maxBytes);
    let parsed: unknown = text;
    try {
      parsed = text.trim() ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    if (!res.ok) {
      const e = errorOf(parsed);
      const message = e.message ?? (text.trim() ? text.trim().replace(/\s+/g, ' ').slice(0, 300) : 'no body');
      throw new ChatHttpError(res.status, clean(`HTTP ${res.status}: ${message}`), parsed, res.headers, e.code, e.type);
    }
    if (typeof parsed === 'string' && /^\s*(data|event):/.test(parsed)) {
      // A proxy that streams whatever was asked, without saying so in its content type.
      const stream = new StreamReader();
      stream.feed(parsed);
      return stream.reply();
    }
    if (typeof parsed === 'string' || parsed === null)
      throw new RetryableError(`unreadable answer (not JSON): ${JSON.stringify(text.slice(0, 80))}`, 'server', null);
    return replyOf(parsed);
  } catch (e) {
    if (opts.signal?.aborted)
      throw opts.signal.reason instanceof Error ? opts.signal.reason : new RetryableError('aborted', 'network', null);
    if (timedOut)
      throw new RetryableError(`no complete answer within ${opts.deadlineMs} ms`, 'timeout', null, { cause: e });
    if (e instanceof ChatHttpError) throw e;
    if (e instanceof RetryableError) throw new RetryableError(clean(e.message), e.kind, e.retryAfterMs, { cause: e });
    // fetch and body reads fail with a TypeError ("fetch failed", "terminated") carrying the socket's cause.
    if (e instanceof TypeError || (e instanceof Error && (e.name === 'AbortError' || 'cause' in e)))
      throw new RetryableError(`connection failed: ${networkReason(e)}`, 'network', null, { cause: e });
    throw e;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
