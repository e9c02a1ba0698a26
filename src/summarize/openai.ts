/**
 * The OpenAI-compatible provider (OpenAI, Azure, DeepSeek, Qwen, SiliconFlow, Moonshot, Zhipu,
 * Gemini, OpenRouter, Groq, Ollama, vLLM, llama.cpp, LM Studio …): one paper, one outcome.
 *
 * - Negotiation per request (dialect.ts): each request is read in the terms of the dialect it
 *   was sent with; a rejected one is sent again one step down, and what is learnt is shared with
 *   the other requests and remembered (onDialectChange). Until the first paper has found out
 *   what the server takes, the others wait, so eight parallel first requests do not all meet the
 *   same 400 — and a server that gives no answer at all releases them at once.
 * - Every answer is read forgivingly (answer.ts) before any repair request; an answer cut by
 *   `max_tokens` (always sent) is asked for again with a larger budget, without feeding the cut
 *   text back; an invalid one gets one repair request.
 * - Refusals and content filters are outcomes of their own; transient errors go back to the
 *   shared limiter, which paces, retries and breaks the circuit when the provider is dead.
 */
import { postChat, ChatHttpError, type ChatEndpoint, type ChatReply } from './chat-http.js';
import { looksLikeRefusal, readAnswer, stripReasoning } from './answer.js';
import {
  BUDGET_GROWTH,
  DEFAULT_DIALECT,
  MAX_TOKENS_CEILING,
  describeDialect,
  judge,
  merge,
  requestBody,
  rung,
  type ChatMessage,
  type Dialect,
  type Verdict,
} from './dialect.js';
import { AppError } from '../errors.js';
import { RetryableError, type RateLimiter } from './limiter.js';
import { PROMPT_VERSION, boundedPaper, systemPrompt, userPrompt } from './prompt.js';
import { type Summarizer, type SummarizerUsage, type SummaryOutcome, type SummaryRequest } from './types.js';
import { FLAGS } from '../core/flags.js';

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
  endpoint: ChatEndpoint;
  model: string;
  limiter: RateLimiter;
  /** One deadline for each request: connecting, headers and the whole body. */
  deadlineMs: number;
  price?: Price | null;
  /** What an earlier run learnt about this server (see onDialectChange). */
  dialect?: Dialect | null;
  onDialectChange?: (dialect: Dialect, why: string) => void;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Rough output size of a summary, for the tokens-per-minute budget. */
const OUTPUT_TOKENS_ESTIMATE = 700;
/** Cut answers asked for again with a larger budget, per paper. */
const MAX_LENGTH_RETRIES = 2;
/** Re-sends in other dialects, per completion (the ladder has 6 rungs, plus stream and parameters). */
const MAX_RESENDS = 10;

/**
 * The dialect shared by all requests, and the gate that lets the first paper find it out before
 * the others start. `settle()` opens the gate for good: when that paper is done, or at once on a
 * failure that says nothing about the dialect (a timeout, a dropped connection, a 5xx). A dialect
 * known from an earlier run opens it from the start.
 */
class Negotiation {
  private first = true;
  private open: () => void = () => {};
  private readonly opened = new Promise<void>((resolve) => (this.open = resolve));
  constructor(
    public current: Dialect,
    known: boolean,
    private readonly onChange: (d: Dialect, why: string) => void,
  ) {
    if (known) this.settle();
  }

  /** The first caller goes at once; the others wait until the gate opens. */
  async turn(): Promise<void> {
    if (this.first) this.first = false;
    else await this.opened;
  }

  settle(): void {
    this.open();
  }

  /** Takes in what a request learnt; says so when it changes what is sent. */
  learn(d: Dialect, why: string): void {
    const merged = merge(this.current, d);
    const changed = JSON.stringify(merged) !== JSON.stringify(this.current);
    this.current = merged;
    if (changed) this.onChange(merged, why);
  }
}

/** What ends a completion other than an answer. */
type Final = Exclude<Verdict, { kind: 'resend' } | { kind: 'retry' }>;

/** A verdict carried out of the limiter (which rethrows anything not retryable at once). */
class Judged extends Error {
  constructor(readonly verdict: Exclude<Verdict, { kind: 'retry' }>) {
    super(verdict.kind);
  }
}

type Asked = { reply: ChatReply } | { verdict: Final };

export function createOpenAiSummarizer(opts: OpenAiSummarizerOptions): Summarizer {
  const now = opts.now ?? (() => performance.now());
  const negotiation = new Negotiation(opts.dialect ?? DEFAULT_DIALECT, Boolean(opts.dialect), (d, why) =>
    opts.onDialectChange?.(d, why),
  );
  const meter: SummarizerUsage = { requests: 0, retries: 0, tokensIn: 0, tokensOut: 0, costUsd: opts.price ? 0 : null };
  const costOf = (tokensIn: number, tokensOut: number): number | null =>
    opts.price ? (tokensIn * opts.price.input + tokensOut * opts.price.output) / 1e6 : null;

  return {
    id: `openai:${opts.model}`,
    promptVersion: PROMPT_VERSION,
    usage: () => ({ ...meter }),
    async summarize(req: SummaryRequest): Promise<SummaryOutcome> {
      const started = now();
      let tokensIn = 0;
      let tokensOut = 0;
      let requests = 0;
      const flags: string[] = boundedPaper(req).truncated ? [FLAGS.inputTruncated] : [];
      const messages: ChatMessage[] = [
        { role: 'system', content: systemPrompt(req.language) },
        { role: 'user', content: userPrompt(req) },
      ];
      const estimate = Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 3.5 + OUTPUT_TOKENS_ESTIMATE);

      /** One completion, re-sent in other dialects as the server's errors say. */
      const ask = async (msgs: ChatMessage[], maxTokens: number): Promise<Asked> => {
        let d = { ...negotiation.current, maxTokens };
        for (let resend = 0; resend <= MAX_RESENDS; resend++) {
          d = { ...merge(d, negotiation.current), maxTokens: Math.min(maxTokens, d.maxTokensCap ?? Infinity) };
          const sent = d;
          try {
            const reply = await opts.limiter.run(estimate, async (_attempt, signal) => {
              meter.requests++;
              if (requests++ > 0) meter.retries++;
              try {
                return await postChat(opts.endpoint, requestBody(opts.model, sent, msgs), {
                  deadlineMs: opts.deadlineMs,
                  signal,
                  fetch: opts.fetch,
                });
              } catch (e) {
                if (!(e instanceof ChatHttpError)) {
                  // A timeout or a dropped connection says nothing about the dialect: stop waiting for one.
                  negotiation.settle();
                  throw e;
                }
                const v = judge(e, sent);
                if (v.kind === 'retry') {
                  negotiation.settle();
                  throw v.error;
                }
                throw new Judged(v);
              }
            });
            tokensIn += reply.promptTokens ?? 0;
            tokensOut += reply.completionTokens ?? 0;
            meter.tokensIn += reply.promptTokens ?? 0;
            meter.tokensOut += reply.completionTokens ?? 0;
            meter.costUsd = costOf(meter.tokensIn, meter.tokensOut);
            // An uncertain step down that worked is now certain; a budget that worked is kept.
            if (rung(sent) > rung(negotiation.current) || sent.maxTokens > negotiation.current.maxTokens)
              negotiation.learn(sent, `${describeDialect(sent)} works`);
            return { reply };
          } catch (e) {
            if (!(e instanceof Judged)) throw e;
            const v = e.verdict;
            if (v.kind === 'resend') {
              if (v.certain) negotiation.learn(v.dialect, v.why);
              d = v.dialect;
              continue;
            }
            return { verdict: v };
          }
        }
        return { verdict: { kind: 'failed', reason: `no request shape the server accepts (${describeDialect(d)})` } };
      };

      const outcome = (o: Pick<SummaryOutcome, 'status' | 'fields' | 'error'>): SummaryOutcome => ({
        ...o,
        flags,
        tokensIn,
        tokensOut,
        costUsd: costOf(tokensIn, tokensOut),
        durationMs: Math.round(now() - started),
        requests,
      });

      /** The answer text of a completion, or the outcome it ends in. */
      const textOf = (a: Asked): { text: string | null; finish: string | null } | SummaryOutcome => {
        if ('verdict' in a) {
          const v = a.verdict;
          if (v.kind === 'fatal') throw new ProviderError(v.message);
          if (v.kind === 'refused') return outcome({ status: 'refused', fields: null, error: v.reason });
          if (v.kind === 'failed') return outcome({ status: 'failed', fields: null, error: v.reason });
          return { text: v.text, finish: null };
        }
        const { reply } = a;
        if (reply.refusal?.trim())
          return outcome({ status: 'refused', fields: null, error: `refused: ${reply.refusal.trim()}` });
        if (reply.finishReason === 'content_filter')
          return outcome({ status: 'refused', fields: null, error: "refused by the provider's content filter" });
        if (looksLikeRefusal(reply.text))
          return outcome({
            status: 'refused',
            fields: null,
            error: `refused: ${stripReasoning(reply.text!).slice(0, 200)}`,
          });
        return { text: reply.text, finish: reply.finishReason };
      };

      const run = async (): Promise<SummaryOutcome> => {
        let budget = negotiation.current.maxTokens;
        let got = textOf(await ask(messages, budget));
        if ('status' in got) return got;
        let read = readAnswer(got.text);
        // Cut by the budget: ask again with more room, never showing the model its cut text.
        for (let tries = 0; !read.ok && got.finish === 'length' && tries < MAX_LENGTH_RETRIES; tries++) {
          const cap = Math.min(negotiation.current.maxTokensCap ?? MAX_TOKENS_CEILING, MAX_TOKENS_CEILING);
          const larger = Math.min(cap, budget * BUDGET_GROWTH);
          if (larger <= budget) break;
          budget = larger;
          got = textOf(await ask(messages, budget));
          if ('status' in got) return got;
          read = readAnswer(got.text);
        }
        if (!read.ok && got.finish === 'length')
          return outcome({
            status: 'failed',
            fields: null,
            error: `the answer was cut at ${budget} tokens (max_tokens) every time`,
          });
        if (!read.ok) {
          // One repair attempt: show the model its answer (without its reasoning) and what was wrong.
          const first = read.reason;
          got = textOf(
            await ask(
              [
                ...messages,
                { role: 'assistant', content: (got.text ?? '').slice(0, 8000) },
                {
                  role: 'user',
                  content: `That answer is not usable (${first}). Answer again with only the JSON object with the five non-empty string fields tldr, motivation, method, result, conclusion.`,
                },
              ],
              budget,
            ),
          );
          if ('status' in got) return got;
          read = readAnswer(got.text);
          if (!read.ok)
            return outcome({
              status: 'failed',
              fields: null,
              error: `invalid answer after a repair attempt: ${read.reason} (first: ${first})`,
            });
        }
        return outcome({ status: 'ok', fields: read.fields, error: null });
      };

      // Until the first paper has found out what the server takes (mode, stream, budget), the
      // others wait: eight first requests would all meet the same 400 or the same cut answer.
      await negotiation.turn();
      try {
        return await run();
      } catch (e) {
        // Retries used up: this paper failed, with its requests counted (a stop goes on to the run).
        if (e instanceof RetryableError)
          return outcome({ status: 'failed', fields: null, error: `${e.message} (after ${requests} requests)` });
        throw e;
      } finally {
        negotiation.settle();
      }
    },
  };
}
