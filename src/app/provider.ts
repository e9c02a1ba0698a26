/**
 * The one place the LLM provider is built from settings: the chat endpoint (OpenAI's form, or
 * Azure OpenAI's deployment + api-version), the shared limiter with its circuit breaker, the
 * summarizer starting from the dialect the store remembers for this base URL and model, the SDK
 * client that embeddings use, and doctor's one-request probe. `summarize`, `run`, `doctor` and
 * ranking's embeddings all come here, so they talk to the same server the same way.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import type { Settings } from '../config/settings.js';
import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { ChatEndpoint } from '../summarize/chat-http.js';
import { claimedSummarizer } from '../summarize/claims.js';
import { DEFAULT_DIALECT, describeDialect, dialectFrom, type Dialect } from '../summarize/dialect.js';
import { createLimiter, type LimiterEvent, type RateLimiter } from '../summarize/limiter.js';
import { createOfflineSummarizer } from '../summarize/offline.js';
import { createOpenAiSummarizer } from '../summarize/openai.js';
import type { Summarizer } from '../summarize/types.js';

type OpenAiSettings = Settings['openai'];

/** Azure's GA api-version with structured outputs, used for an Azure host when none is set. */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21';
/** Failures in a row (no answer, 5xx) after which a run stops asking the provider. */
export const BREAK_AFTER = 6;

const isAzureHost = (host: string) =>
  /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/i.test(host);

/** The base URL as users paste it, tidied: no trailing slash, no `/chat/completions`. */
function baseOf(openai: OpenAiSettings): string {
  return (openai.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
}

/** True when requests go to an Azure deployment (`/openai/deployments/MODEL/…?api-version=`). */
function azureDeployment(openai: OpenAiSettings): { endpoint: string; apiVersion: string } | null {
  const base = baseOf(openai);
  const url = new URL(base);
  // Azure's newer v1 API (…/openai/v1) is OpenAI's own form with an api-key header.
  if (/\/openai\/v1$/.test(url.pathname)) return null;
  const apiVersion = openai.apiVersion ?? (isAzureHost(url.hostname) ? AZURE_DEFAULT_API_VERSION : null);
  if (!apiVersion) return null;
  return {
    endpoint: `${url.origin}${url.pathname.replace(/\/openai(\/deployments.*)?$/, '').replace(/\/+$/, '')}`,
    apiVersion,
  };
}

/** Where chat requests go and how they authenticate. */
export function chatEndpoint(openai: OpenAiSettings): ChatEndpoint {
  const key = openai.apiKey ?? '';
  const azure = azureDeployment(openai);
  if (azure)
    return {
      url: `${azure.endpoint}/openai/deployments/${encodeURIComponent(openai.model)}/chat/completions?api-version=${encodeURIComponent(azure.apiVersion)}`,
      headers: { 'api-key': key },
      secrets: [key],
    };
  const base = baseOf(openai);
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (isAzureHost(new URL(base).hostname)) headers['api-key'] = key;
  return { url: `${base}/chat/completions`, headers, secrets: [key] };
}

/** The provider for messages: its origin, never a key or a path with secrets. */
export function providerLabel(openai: OpenAiSettings): string {
  return new URL(baseOf(openai)).origin;
}

/** Where the learnt dialect of this server and model is kept in the store. */
export const dialectKey = (openai: OpenAiSettings): string =>
  `llm-dialect:${openai.baseUrl ?? 'default'}:${openai.model}`;
/** Where runs before dialects kept the structured-output mode alone. */
const legacyModeKey = (openai: OpenAiSettings): string => `llm-mode:${openai.baseUrl ?? 'default'}:${openai.model}`;

export function storedDialect(store: Store, openai: OpenAiSettings): Dialect | null {
  return dialectFrom(store.getState(dialectKey(openai))) ?? dialectFrom(store.getState(legacyModeKey(openai)));
}

export interface ProviderOptions {
  /** `--provider`: openai or offline; default openai with OPENAI_API_KEY, else offline. */
  provider?: string;
  /** Lines for stderr (limiter events, dialect changes, the offline notice). */
  log: (line: string) => void;
  fetch?: typeof fetch;
}

/** The limiter every request of a run goes through, with the breaker and its hint. */
export function limiterFor(settings: Settings, onEvent?: (e: LimiterEvent) => void): RateLimiter {
  const { llm, openai } = settings;
  return createLimiter({
    concurrency: llm.concurrency,
    rpm: llm.rpm,
    tpm: llm.tpm,
    breakAfter: BREAK_AFTER,
    breakerHint: `check that ${providerLabel(openai)} answers (OPENAI_BASE_URL), the network, and the provider's status; each request may take ${llm.timeoutMs} ms (LLM_TIMEOUT_MS)`,
    onEvent,
  });
}

/** The run's summarizer: the provider with a key (or `--provider openai`), else offline. */
export function summarizerFromSettings(
  settings: Settings,
  store: Store,
  opts: ProviderOptions,
): { summarizer: Summarizer; limiter: RateLimiter | null } {
  const provider = opts.provider ?? (settings.openai.apiKey ? 'openai' : 'offline');
  if (provider === 'offline') {
    if (!opts.provider)
      opts.log(
        'summarize: no OPENAI_API_KEY: using the offline summarizer (sentences from each abstract, in its own language)',
      );
    return { summarizer: createOfflineSummarizer(), limiter: null };
  }
  if (provider !== 'openai')
    throw new UsageError(`--provider: expected openai or offline, got ${JSON.stringify(provider)}`);
  if (!settings.openai.apiKey) throw new UsageError('--provider openai needs OPENAI_API_KEY in the environment');
  const { llm, openai } = settings;
  const limiter = limiterFor(settings, (e) => opts.log(`summarize: ${e.detail}`));
  const paid = createOpenAiSummarizer({
    endpoint: chatEndpoint(openai),
    model: openai.model,
    limiter,
    deadlineMs: llm.timeoutMs,
    price: llm.prices[openai.model] ?? null,
    dialect: storedDialect(store, openai),
    fetch: opts.fetch,
    onDialectChange: (d, why) => {
      store.setState(dialectKey(openai), d);
      opts.log(
        `summarize: ${why}; sending ${describeDialect(d)} from now on (kept for ${providerLabel(openai)} ${openai.model})`,
      );
    },
  });
  // Concurrent summarize and run processes share the day's papers: each is paid once.
  return { summarizer: claimedSummarizer(paid, { store, concurrency: llm.concurrency }), limiter };
}

/** The `openai` SDK client for the provider's other endpoints (embeddings, the model list). */
export function sdkClient(settings: Pick<Settings, 'openai' | 'llm'>, maxRetries = 2): OpenAI {
  const { openai, llm } = settings;
  const azure = azureDeployment(openai);
  if (azure)
    return new AzureOpenAI({
      apiKey: openai.apiKey ?? undefined,
      endpoint: azure.endpoint,
      apiVersion: azure.apiVersion,
      timeout: llm.timeoutMs,
      maxRetries,
    });
  return new OpenAI({
    apiKey: openai.apiKey ?? undefined,
    baseURL: baseOf(openai),
    timeout: llm.timeoutMs,
    maxRetries,
  });
}

export interface ProbeResult {
  ok: boolean;
  /** One line: what the provider took, or what went wrong. */
  detail: string;
  dialect: Dialect | null;
}

/**
 * `doctor`'s check: one tiny summary request (a three-sentence paper), negotiated as a run would,
 * reporting the dialect the provider takes. Nothing is stored.
 */
export async function probeProvider(
  settings: Settings,
  timeoutMs: number,
  fetchImpl?: typeof fetch,
): Promise<ProbeResult> {
  const { openai, llm } = settings;
  let learnt: Dialect = DEFAULT_DIALECT;
  const limiter = createLimiter({ concurrency: 1, maxRetries: 1, baseDelayMs: 200, breakAfter: 2 });
  const summarizer = createOpenAiSummarizer({
    endpoint: chatEndpoint(openai),
    model: openai.model,
    limiter,
    deadlineMs: Math.min(timeoutMs, llm.timeoutMs),
    fetch: fetchImpl,
    onDialectChange: (d) => (learnt = d),
  });
  try {
    const out = await summarizer.summarize({
      paperId: 'doctor',
      version: 0,
      title: 'A check of the summary request',
      abstract: 'This is a short test abstract. We send it to check the provider. It should be summarized.',
      language: settings.language,
    });
    const used = summarizer.usage!();
    const cost = `${used.requests} request${used.requests === 1 ? '' : 's'}, ${used.tokensIn + used.tokensOut} tokens`;
    if (out.status === 'ok')
      return {
        ok: true,
        detail: `${openai.model} summarizes; takes ${describeDialect(learnt)} (${cost})`,
        dialect: learnt,
      };
    return { ok: false, detail: `${openai.model}: ${out.status}: ${out.error} (${cost})`, dialect: learnt };
  } catch (e) {
    return {
      ok: false,
      detail: e instanceof Error ? e.message.replace(/^limiter stopped: /, '') : String(e),
      dialect: null,
    };
  }
}
