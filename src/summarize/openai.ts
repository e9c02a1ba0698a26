/**
 * The OpenAI-compatible provider (OpenAI, DeepSeek, Qwen, Moonshot, OpenRouter, Ollama, vLLM,
 * llama.cpp …) through the `openai` SDK. It asks for structured output in the best way the
 * server supports — json_schema, else a tool call, else JSON mode, else plain text — and steps
 * down when a server rejects a mode. Every answer is validated; an invalid one gets one repair
 * attempt. Refusals and content filters are outcomes of their own. Transient errors go back to
 * the shared limiter, which paces, pauses and retries.
 */
import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { AppError } from '../errors.js';
import { RetryableError, type RateLimiter } from './limiter.js';
import { PROMPT_VERSION, SUMMARY_SCHEMA, looksLikeRefusal, readAnswer, systemPrompt, userPrompt } from './prompt.js';
import type { Summarizer, SummaryOutcome, SummaryRequest } from './types.js';

/** Structured-output modes, best first. */
export const MODES = ['json_schema', 'tools', 'json', 'text'] as const;
export type StructuredMode = (typeof MODES)[number];

/** USD per million tokens. */
export interface Price {
  input: number;
  output: number;
}

/** An error no retry can fix and that every paper would hit (bad key, unknown model): stop the run. */
export class ProviderError extends AppError {
  override name = 'ProviderError';
}

export interface OpenAiSummarizerOptions {
  client: OpenAI;
  model: string;
  limiter: RateLimiter;
  price?: Price | null;
  /** Start from a mode learnt in an earlier run (see onModeChange). */
  mode?: StructuredMode;
  onModeChange?: (mode: StructuredMode) => void;
  now?: () => number;
}

const TOOL_NAME = 'paper_summary';
/** Rough output size of a summary, for the tokens-per-minute budget. */
const OUTPUT_TOKENS_ESTIMATE = 700;

function requestFor(
  model: string,
  mode: StructuredMode,
  messages: ChatCompletionMessageParam[],
): ChatCompletionCreateParamsNonStreaming {
  const base = { model, messages, temperature: 0.2 };
  switch (mode) {
    case 'json_schema':
      return {
        ...base,
        response_format: {
          type: 'json_schema',
          json_schema: { name: TOOL_NAME, strict: true, schema: SUMMARY_SCHEMA as unknown as Record<string, unknown> },
        },
      };
    case 'tools':
      return {
        ...base,
        tools: [
          {
            type: 'function',
            function: {
              name: TOOL_NAME,
              description: 'Record the five-field summary of the paper.',
              parameters: SUMMARY_SCHEMA as unknown as Record<string, unknown>,
            },
          },
        ],
        tool_choice: { type: 'function', function: { name: TOOL_NAME } },
      };
    case 'json':
      return { ...base, response_format: { type: 'json_object' } };
    case 'text':
      return base;
  }
}

/** A 400 that says the server does not support the structured-output mode we asked for. */
function rejectsMode(e: unknown, mode: StructuredMode): boolean {
  if (!(e instanceof OpenAI.APIError) || (e.status !== 400 && e.status !== 422 && e.status !== 501)) return false;
  const text = `${e.message} ${JSON.stringify(e.error ?? '')}`.toLowerCase();
  if (mode === 'tools') return /tool|function/.test(text);
  return /response_format|json_schema|json_object|json mode|structured/.test(text);
}

function retryAfterMs(headers: Headers | undefined): number | null {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const s = headers?.get('retry-after');
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s.trim())) return Number(s) * 1000;
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** SDK errors in the limiter's terms; errors that would hit every paper become ProviderError. */
function classify(e: unknown): unknown {
  if (e instanceof OpenAI.APIConnectionTimeoutError)
    return new RetryableError('request timed out', 'timeout', null, { cause: e });
  if (e instanceof OpenAI.APIConnectionError)
    return new RetryableError(`connection failed: ${e.message}`, 'network', null, { cause: e });
  if (e instanceof OpenAI.APIError) {
    const status = e.status ?? 0;
    if (status === 429)
      return new RetryableError(`HTTP 429: ${e.message}`, 'rate-limit', retryAfterMs(e.headers), { cause: e });
    if (status >= 500 || status === 408 || status === 409)
      return new RetryableError(`HTTP ${status}: ${e.message}`, 'server', retryAfterMs(e.headers), { cause: e });
    if (status === 401 || status === 403 || status === 404) {
      return new ProviderError(
        `the provider refused the request (HTTP ${status}): ${e.message}; check OPENAI_API_KEY, OPENAI_BASE_URL and MODEL_NAME`,
        { cause: e },
      );
    }
    return e;
  }
  // A 200 whose body is not JSON (cut off, an HTML page) surfaces as a parse error: try again.
  if (e instanceof SyntaxError)
    return new RetryableError(`unreadable response: ${e.message}`, 'server', null, { cause: e });
  return e;
}

interface Answer {
  text: string | null;
  refusal: string | null;
  finishReason: string | null;
}

function answerOf(c: ChatCompletion): Answer {
  const choice = c.choices[0];
  const m = choice?.message;
  const call = m?.tool_calls?.find((t) => t.type === 'function' && t.function.name === TOOL_NAME) ?? m?.tool_calls?.[0];
  const args = call && call.type === 'function' ? call.function.arguments : null;
  return { text: args ?? m?.content ?? null, refusal: m?.refusal ?? null, finishReason: choice?.finish_reason ?? null };
}

export function createOpenAiSummarizer(opts: OpenAiSummarizerOptions): Summarizer {
  let mode: StructuredMode = opts.mode ?? 'json_schema';
  const now = opts.now ?? (() => performance.now());

  return {
    id: `openai:${opts.model}`,
    promptVersion: PROMPT_VERSION,
    async summarize(req: SummaryRequest): Promise<SummaryOutcome> {
      const started = now();
      let tokensIn = 0;
      let tokensOut = 0;
      let requests = 0;
      const messages: ChatCompletionMessageParam[] = [
        { role: 'system', content: systemPrompt(req.language) },
        { role: 'user', content: userPrompt(req) },
      ];
      const estimate = Math.ceil(
        messages.reduce((n, m) => n + String(m.content).length, 0) / 3.5 + OUTPUT_TOKENS_ESTIMATE,
      );

      /** One completion through the limiter, stepping down modes the server rejects. */
      const complete = (msgs: ChatCompletionMessageParam[]): Promise<Answer> =>
        opts.limiter.run(estimate, async () => {
          for (;;) {
            requests++;
            try {
              const c = await opts.client.chat.completions.create(requestFor(opts.model, mode, msgs));
              tokensIn += c.usage?.prompt_tokens ?? 0;
              tokensOut += c.usage?.completion_tokens ?? 0;
              return answerOf(c);
            } catch (e) {
              const next = MODES[MODES.indexOf(mode) + 1];
              if (next && rejectsMode(e, mode)) {
                mode = next;
                opts.onModeChange?.(mode);
                continue;
              }
              throw classify(e);
            }
          }
        });

      const outcome = (o: Pick<SummaryOutcome, 'status' | 'fields' | 'error'>): SummaryOutcome => ({
        ...o,
        flags: [],
        tokensIn,
        tokensOut,
        costUsd: opts.price ? (tokensIn * opts.price.input + tokensOut * opts.price.output) / 1e6 : null,
        durationMs: Math.round(now() - started),
        requests,
      });
      const refused = (a: Answer): string | null =>
        a.refusal?.trim()
          ? `refused: ${a.refusal.trim()}`
          : a.finishReason === 'content_filter'
            ? "refused by the provider's content filter"
            : looksLikeRefusal(a.text)
              ? `refused: ${a.text!.trim().slice(0, 200)}`
              : null;

      let answer = await complete(messages);
      let why = refused(answer);
      if (why) return outcome({ status: 'refused', fields: null, error: why });
      let read = readAnswer(answer.text);
      if (!read.ok) {
        // One repair attempt: show the model its answer and what was wrong with it.
        const first = read.reason;
        answer = await complete([
          ...messages,
          { role: 'assistant', content: answer.text ?? '' },
          {
            role: 'user',
            content: `That answer is not usable (${first}). Answer again with only the JSON object with the five non-empty string fields tldr, motivation, method, result, conclusion.`,
          },
        ]);
        why = refused(answer);
        if (why) return outcome({ status: 'refused', fields: null, error: why });
        read = readAnswer(answer.text);
        if (!read.ok)
          return outcome({
            status: 'failed',
            fields: null,
            error: `invalid answer after a repair attempt: ${read.reason} (first: ${first})`,
          });
      }
      return outcome({ status: 'ok', fields: read.fields, error: null });
    },
  };
}
