/**
 * How each OpenAI-compatible provider really answers, for the loopback stand-in: the URL it
 * lives at, how it authenticates, which structured-output modes it takes and how it says no,
 * the shape of its error bodies, and the warts of its answers — as documented by the providers
 * (and met in the wild), not as OpenAI's reference says they should be.
 *
 * Each profile is plain data plus a few small functions the stand-in calls; `generic` is the
 * stand-in's behaviour before profiles existed (OpenAI's format, modes turned off by
 * `supports`), kept so the older tests mean what they meant.
 */
import type { ChatCompletionBody, ChatMessage, Supports } from './openai-standin.js';

export const PROVIDERS = [
  'generic',
  'openai',
  'azure',
  'deepseek-chat',
  'deepseek-reasoner',
  'qwen',
  'siliconflow',
  'moonshot',
  'zhipu',
  'gemini',
  'openrouter',
  'groq',
  'ollama',
  'vllm',
  'llama.cpp',
  'lmstudio',
] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export type RequestedMode = 'json_schema' | 'tools' | 'json_object';

/** How the model's answer is dressed before it is sent. */
export interface Dressed {
  content: string;
  /** Sent apart from the content, under `reasoningField`. */
  reasoning?: string;
}

export interface ProviderProfile {
  name: ProviderName;
  /** The path OPENAI_BASE_URL ends in on this provider ('' for Azure: the resource's origin). */
  basePath: string;
  /** What MODEL_NAME is in the provider's documentation (Azure: a deployment name). */
  model: string;
  /** `bearer` (Authorization), `api-key` (Azure), or `none` (local servers take any key). */
  auth: 'bearer' | 'api-key' | 'none';
  supports: Supports;
  /** The provider's error body for a status and message. */
  error(status: number, message: string, code?: string | null, param?: string | null): Reply;
  /** Its 400 for a mode it does not take (default: the generic message). */
  rejectMode?(mode: RequestedMode): Reply;
  /** Provider-specific checks of a request the generic ones let through: a rejection, or null. */
  check?(body: ChatCompletionBody, messages: ChatMessage[], url: URL): Reply | null;
  /** The answer text as this server sends it (reasoning, tags, prose around the JSON). */
  dress?(json: string, n: number): Dressed;
  /** Where the reasoning goes: `reasoning_content` (DeepSeek, Qwen, …) or `reasoning` (OpenRouter). */
  reasoningField?: 'reasoning_content' | 'reasoning';
  /** Answers `response_format` and tools with free text anyway (older local servers). */
  ignoresStructure?: boolean;
  /** Non-stream requests are refused: only streams are served. */
  streamOnly?: Reply;
  /** Sends blank lines before the JSON while the answer is made (DeepSeek's keep-alive). */
  keepAliveLines?: boolean;
  /** Extra usage fields, as the provider reports them. */
  usageExtra?: (promptTokens: number) => Record<string, unknown>;
  /** Its 400 for a completion budget it does not accept (too large for it, or for the context), or null. */
  budget?: (asked: number, promptTokens: number) => Reply | null;
}

const openAiError = (
  status: number,
  message: string,
  code: string | null = null,
  param: string | null = null,
  type = 'invalid_request_error',
): Reply => ({
  status,
  body: JSON.stringify({ error: { message, type, param, code } }),
});

const schemaOf = (body: ChatCompletionBody): unknown =>
  body.response_format?.type === 'json_schema'
    ? body.response_format.json_schema?.schema
    : body.tools?.[0]?.function?.parameters;

/** `{"tldr": …}` inside reasoning that mentions braces, as models think aloud about JSON. */
const thoughts = (n: number) =>
  `Okay, the user wants a JSON object {tldr, motivation, method, result, conclusion} for paper #${n}. ` +
  'The abstract talks about the set {x : f(x) > 0}; I should not copy that. Draft: {"tldr": "draft"}. ' +
  'Let me write the final answer now.';

const generic: ProviderProfile = {
  name: 'generic',
  basePath: '/v1',
  model: 'deepseek-chat',
  auth: 'bearer',
  supports: { jsonSchema: true, tools: true, jsonMode: true },
  error: (status, message, code, param) => openAiError(status, message, code ?? null, param ?? null),
};

/** OpenAI itself: strict schemas checked; reasoning models (o-series, gpt-5) refuse max_tokens and temperature. */
const openai: ProviderProfile = {
  ...generic,
  name: 'openai',
  model: 'gpt-5-mini',
  check(body) {
    const reasoningModel = /^(o\d|gpt-5)/.test(String(body.model));
    if (reasoningModel && body.max_tokens !== undefined)
      return openAiError(
        400,
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        'unsupported_parameter',
        'max_tokens',
      );
    if (reasoningModel && body.temperature !== undefined && body.temperature !== 1)
      return openAiError(
        400,
        `Unsupported value: 'temperature' does not support ${String(body.temperature)} with this model. Only the default (1) value is supported.`,
        'unsupported_value',
        'temperature',
      );
    const strict = body.response_format?.json_schema?.strict === true;
    const schema = schemaOf(body) as { additionalProperties?: unknown } | undefined;
    if (strict && schema && schema.additionalProperties !== false)
      return openAiError(
        400,
        `Invalid schema for response_format '${body.response_format?.json_schema?.name}': In context=(), 'additionalProperties' is required to be supplied and to be false.`,
        'invalid_json_schema',
        'response_format',
      );
    return null;
  },
  usageExtra: () => ({ completion_tokens_details: { reasoning_tokens: 192 } }),
};

/** Azure OpenAI: a deployment in the path, api-version in the query, the key in `api-key`, a prompt filter. */
const azure: ProviderProfile = {
  ...generic,
  name: 'azure',
  basePath: '',
  model: 'summaries-4o',
  auth: 'api-key',
  error: (status, message, code) => ({
    status,
    body: JSON.stringify({ error: { code: code ?? String(status), message, param: null, type: null } }),
  }),
  check(body, messages, url) {
    const version = url.searchParams.get('api-version');
    if (!version)
      return { status: 404, body: JSON.stringify({ error: { code: '404', message: 'Resource not found' } }) };
    const deployment = /\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname)?.[1];
    if (deployment !== 'summaries-4o')
      return {
        status: 404,
        body: JSON.stringify({
          error: {
            code: 'DeploymentNotFound',
            message:
              'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
          },
        }),
      };
    if (body.response_format?.type === 'json_schema' && version < '2024-08-01')
      return openAiError(
        400,
        'response_format value as json_schema is enabled only for api versions 2024-08-01-preview and later',
        'BadRequest',
      );
    if (messages.some((m) => typeof m.content === 'string' && m.content.includes('FILTER-ME')))
      return {
        status: 400,
        body: JSON.stringify({
          error: {
            message:
              "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
            type: null,
            param: 'prompt',
            code: 'content_filter',
            status: 400,
            innererror: {
              code: 'ResponsibleAIPolicyViolation',
              content_filter_result: { violence: { filtered: true, severity: 'medium' } },
            },
          },
        }),
      };
    return null;
  },
};

const deepseekError = (status: number, message: string) => openAiError(status, message, 'invalid_request_error', null);

/** DeepSeek: no json_schema ("unavailable now"); a budget of at most 8192; blank keep-alive lines before the JSON. */
const deepseekChat: ProviderProfile = {
  ...generic,
  name: 'deepseek-chat',
  basePath: '',
  model: 'deepseek-chat',
  supports: { jsonSchema: false, tools: true, jsonMode: true },
  error: (status, message) => deepseekError(status, message),
  rejectMode: () => deepseekError(400, 'This response_format type is unavailable now'),
  keepAliveLines: true,
  usageExtra: (p) => ({ prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: p }),
  budget: (asked) =>
    asked > 8192 ? deepseekError(400, 'Invalid max_tokens value, the valid range of max_tokens is [1, 8192]') : null,
};

/** deepseek-reasoner: no json_schema, no tools; `reasoning_content` beside the answer, and refused in input. */
const deepseekReasoner: ProviderProfile = {
  ...deepseekChat,
  name: 'deepseek-reasoner',
  model: 'deepseek-reasoner',
  supports: { jsonSchema: false, tools: false, jsonMode: true },
  rejectMode: (mode) =>
    mode === 'tools'
      ? deepseekError(400, 'deepseek-reasoner does not support Function Calling')
      : deepseekError(400, 'This response_format type is unavailable now'),
  check(body) {
    const msgs = (body.messages as Record<string, unknown>[]) ?? [];
    if (msgs.some((m) => m.reasoning_content !== undefined))
      return deepseekError(
        400,
        'The reasoning_content is an intermediate result for display purposes only and will not be included in the context for inference. Please remove the reasoning_content from your API request before making the next request.',
      );
    return null;
  },
  reasoningField: 'reasoning_content',
  // R1 thinks at length: about 2,500 tokens, more than a 2,048-token budget leaves room for.
  dress: (json, n) => ({ content: json, reasoning: `${thoughts(n)} `.repeat(40) }),
  budget: (asked) =>
    asked > 65536 ? deepseekError(400, 'Invalid max_tokens value, the valid range of max_tokens is [1, 65536]') : null,
};

const dashscopeError = (status: number, message: string, code = 'invalid_parameter_error'): Reply => ({
  status,
  body: JSON.stringify({
    error: {
      code,
      param: null,
      message: `<${status}> InternalError.Algo.InvalidParameter: ${message}`,
      type: 'invalid_request_error',
    },
    id: 'chatcmpl-standin',
    request_id: '7f3a2c1e-standin',
  }),
});

/** Qwen on DashScope (compatible-mode): QwQ answers only streams, reasoning first; DashScope's error wrapping. */
const qwen: ProviderProfile = {
  ...generic,
  name: 'qwen',
  basePath: '/compatible-mode/v1',
  model: 'qwq-plus',
  supports: { jsonSchema: false, tools: true, jsonMode: true },
  error: (status, message, code) => dashscopeError(status, message, code ?? undefined),
  rejectMode: (mode) =>
    dashscopeError(400, `The parameter 'response_format.type' with value '${mode}' is not supported by this model.`),
  streamOnly: dashscopeError(400, 'This model only support stream mode, please enable the stream parameter.'),
  reasoningField: 'reasoning_content',
  dress: (json, n) => ({ content: json, reasoning: thoughts(n) }),
};

const siliconflowError = (status: number, code: number, message: string): Reply => ({
  status,
  body: JSON.stringify({ code, message, data: null }),
});

/** SiliconFlow: errors as `{code, message, data}` at the top, and a json_schema 400 that does not say why. */
const siliconflow: ProviderProfile = {
  ...generic,
  name: 'siliconflow',
  basePath: '/v1',
  model: 'deepseek-ai/DeepSeek-V3',
  supports: { jsonSchema: false, tools: true, jsonMode: true },
  error: (status, message) =>
    siliconflowError(status, status === 401 ? 20401 : status === 429 ? 50603 : 20015, message),
  rejectMode: () => siliconflowError(400, 20015, 'The parameter is invalid. Please check again.'),
};

/** Moonshot (Kimi): json_object only for structure; tool_choice may only be none or auto. */
const moonshot: ProviderProfile = {
  ...generic,
  name: 'moonshot',
  basePath: '/v1',
  model: 'kimi-k2-0905-preview',
  supports: { jsonSchema: false, tools: true, jsonMode: true },
  rejectMode: () => openAiError(400, 'Invalid request: response_format type json_schema is not supported'),
  check(body) {
    if (typeof body.tool_choice === 'object' || body.tool_choice === 'required')
      return openAiError(400, "Invalid request: tool_choice only supports 'none' and 'auto'");
    if (typeof body.temperature === 'number' && (body.temperature < 0 || body.temperature > 1))
      return openAiError(400, 'Invalid request: temperature must be in [0, 1]');
    return null;
  },
};

const zhipuError = (status: number, code: string, message: string): Reply => ({
  status,
  body: JSON.stringify({ error: { code, message } }),
});

/** Zhipu GLM: numbered codes with Chinese messages; 1210 ("wrong parameters") says nothing about which. */
const zhipu: ProviderProfile = {
  ...generic,
  name: 'zhipu',
  basePath: '/api/paas/v4',
  model: 'glm-4.5',
  supports: { jsonSchema: false, tools: true, jsonMode: true },
  error: (status, message) => zhipuError(status, status === 401 ? '1000' : status === 429 ? '1302' : '1210', message),
  rejectMode: () => zhipuError(400, '1210', 'API 调用参数有误，请检查文档。'),
  check(body) {
    // GLM's tool_choice takes only "auto".
    if (body.tool_choice !== undefined && body.tool_choice !== 'auto')
      return zhipuError(400, '1210', 'API 调用参数有误，请检查文档。');
    return null;
  },
  reasoningField: 'reasoning_content',
  dress: (json, n) => ({ content: json, reasoning: thoughts(n) }),
};

const googleError = (status: number, message: string, reason = 'INVALID_ARGUMENT'): Reply => ({
  status,
  body: JSON.stringify([{ error: { code: status, message, status: status === 429 ? 'RESOURCE_EXHAUSTED' : reason } }]),
});

/** Gemini's OpenAI-compatible endpoint: errors wrapped in an array; `additionalProperties` unknown to its schema. */
const gemini: ProviderProfile = {
  ...generic,
  name: 'gemini',
  basePath: '/v1beta/openai',
  model: 'gemini-2.5-flash',
  error: (status, message) =>
    status === 401 ? googleError(400, 'API key not valid. Please pass a valid API key.') : googleError(status, message),
  check(body) {
    const schema = schemaOf(body);
    if (schema && JSON.stringify(schema).includes('"additionalProperties"'))
      return googleError(
        400,
        'Invalid JSON payload received. Unknown name "additionalProperties" at \'generation_config.response_schema\': Cannot find field.',
      );
    return null;
  },
};

/** OpenRouter: json_schema routed nowhere (404); errors of the upstream provider inside an HTTP 200. */
const openrouter: ProviderProfile = {
  ...generic,
  name: 'openrouter',
  basePath: '/api/v1',
  model: 'deepseek/deepseek-chat-v3.1',
  supports: { jsonSchema: false, tools: true, jsonMode: true },
  error: (status, message) => ({ status, body: JSON.stringify({ error: { message, code: status } }) }),
  rejectMode: () => ({
    status: 404,
    body: JSON.stringify({
      error: {
        message:
          'No endpoints found that can handle the requested parameters. To learn more about provider routing, visit: https://openrouter.ai/docs/provider-routing',
        code: 404,
      },
    }),
  }),
  reasoningField: 'reasoning',
};

/** Groq: json_schema only on some models; a tool call it cannot parse comes back as a 400 with the text. */
const groq: ProviderProfile = {
  ...generic,
  name: 'groq',
  basePath: '/openai/v1',
  model: 'qwen/qwen3-32b',
  supports: { jsonSchema: false, tools: true, jsonMode: true },
  rejectMode: () =>
    openAiError(400, '`response_format.type` `json_schema` is not supported with this model', null, 'response_format'),
  budget: (asked) =>
    asked > 40960
      ? openAiError(
          400,
          '`max_tokens` must be less than or equal to `40960`, the maximum value for `max_tokens` is less than the `context_window` for this model',
        )
      : null,
};

/** Ollama (older): takes `response_format` and answers as it likes — a fence, prose with braces; `<think>` inline. */
const ollama: ProviderProfile = {
  ...generic,
  name: 'ollama',
  basePath: '/v1',
  model: 'deepseek-r1:8b',
  auth: 'none',
  supports: { jsonSchema: true, tools: false, jsonMode: true },
  error: (status, message) => openAiError(status, message, null, null, 'api_error'),
  rejectMode: () =>
    openAiError(400, 'registry.ollama.ai/library/deepseek-r1:8b does not support tools', null, null, 'api_error'),
  ignoresStructure: true,
  dress: (json, n) => ({
    content: `<think>\n${thoughts(n)}\n</think>\n\nHere is the summary of the paper {as requested}:\n\`\`\`json\n${json}\n\`\`\`\nLet me know if you need anything else {or a shorter version}.`,
  }),
};

/** vLLM: top-level error objects; a 2,048-token context; Qwen3 served without a reasoning parser thinks in the content. */
const vllm: ProviderProfile = {
  ...generic,
  name: 'vllm',
  basePath: '/v1',
  model: 'Qwen/Qwen3-8B',
  auth: 'none',
  error: (status, message) => ({
    status,
    body: JSON.stringify({ object: 'error', message, type: 'BadRequestError', param: null, code: status }),
  }),
  dress: (json, n) => ({ content: `<think>\n${thoughts(n)}\n</think>\n\n${json}` }),
  budget: (asked, prompt) =>
    asked + prompt <= 2048
      ? null
      : {
          status: 400,
          body: JSON.stringify({
            object: 'error',
            message: `This model's maximum context length is 2048 tokens. However, you requested ${asked + prompt} tokens (${prompt} in the messages, ${asked} in the completion). Please reduce the length of the messages or completion.`,
            type: 'BadRequestError',
            param: null,
            code: 400,
          }),
        },
};

/** llama.cpp's server (without --jinja): no tools; an older build ignores response_format and adds prose. */
const llamaCpp: ProviderProfile = {
  ...generic,
  name: 'llama.cpp',
  basePath: '/v1',
  model: 'qwen2.5-7b-instruct-q4_k_m.gguf',
  auth: 'none',
  supports: { jsonSchema: true, tools: false, jsonMode: true },
  error: (status, message) => ({
    status,
    body: JSON.stringify({ error: { code: status, message, type: 'invalid_request_error' } }),
  }),
  rejectMode: () => ({
    status: 400,
    body: JSON.stringify({
      error: { code: 400, message: 'tools param requires --jinja flag', type: 'invalid_request_error' },
    }),
  }),
  ignoresStructure: true,
  dress: (json) => ({
    content: `${json}\n\nThis summary covers the main points of the paper; each field is one or two sentences.`,
  }),
};

/** LM Studio: json_schema yes, json_object no — said with a plain string as the error. */
const lmstudio: ProviderProfile = {
  ...generic,
  name: 'lmstudio',
  basePath: '/v1',
  model: 'qwen2.5-7b-instruct',
  auth: 'none',
  supports: { jsonSchema: true, tools: true, jsonMode: false },
  error: (status, message) => ({ status, body: JSON.stringify({ error: message }) }),
  rejectMode: () => ({
    status: 400,
    body: JSON.stringify({ error: "'response_format.type' must be 'json_schema' or 'text'" }),
  }),
};

export const PROFILES: Record<ProviderName, ProviderProfile> = {
  generic,
  openai,
  azure,
  'deepseek-chat': deepseekChat,
  'deepseek-reasoner': deepseekReasoner,
  qwen,
  siliconflow,
  moonshot,
  zhipu,
  gemini,
  openrouter,
  groq,
  ollama,
  vllm,
  'llama.cpp': llamaCpp,
  lmstudio,
};
