/**
 * The OpenAI stand-in must be worth testing against: it speaks the Chat Completions format the
 * real `openai` SDK parses (structured output, tool calls, errors, rate-limit headers), refuses
 * what limited servers refuse, and each fault looks on the wire as it does from real providers.
 */
import OpenAI from 'openai';
import {
  APIConnectionTimeoutError,
  BadRequestError,
  ContentFilterFinishReasonError,
  InternalServerError,
  LengthFinishReasonError,
  RateLimitError,
} from 'openai/error';
import { zodFunction, zodResponseFormat } from 'openai/helpers/zod';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SUMMARY_FIELDS } from '../../src/core/types.js';
import { startOpenAiStandIn, type OpenAiStandIn, type OpenAiStandInOptions } from './openai-standin.js';

const TITLE = 'Sparse Mixture of Adapters for Low-Resource Speech Translation';
const ABSTRACT =
  'Speech translation for low-resource languages lacks paired data. We route each utterance to a few adapters. ' +
  'On 8 language pairs the method gains 2.1 BLEU.';
const USER = `Title: ${TITLE}\nAbstract: ${ABSTRACT}`;
const systemFor = (language: string) =>
  `You summarize arXiv papers. Answer in ${language} with a JSON object with the keys tldr, motivation, method, result, conclusion.`;

const SUMMARY_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, { type: 'string' }])),
  required: [...SUMMARY_FIELDS],
  additionalProperties: false,
};

const chatBody = (extra: Record<string, unknown> = {}, language = 'English') => ({
  model: 'deepseek-chat',
  messages: [
    { role: 'system', content: systemFor(language) },
    { role: 'user', content: USER },
  ],
  ...extra,
});
const jsonSchemaFormat = {
  type: 'json_schema',
  json_schema: { name: 'summary', strict: true, schema: SUMMARY_SCHEMA },
};
const summaryTool = { type: 'function', function: { name: 'record_summary', parameters: SUMMARY_SCHEMA } };

interface Completion {
  id: string;
  object: string;
  model: string;
  choices: {
    finish_reason: string;
    message: {
      role: string;
      content: string | null;
      refusal: string | null;
      tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
    };
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

let standIn: OpenAiStandIn | null = null;
afterEach(async () => {
  await standIn?.close();
  standIn = null;
});
const start = async (options: OpenAiStandInOptions = {}) => (standIn = await startOpenAiStandIn(options));

async function post(s: OpenAiStandIn, body: unknown, init: RequestInit = {}) {
  const res = await fetch(`${s.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-key' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
  return { res, text: await res.text() };
}
const completionOf = (text: string) => JSON.parse(text) as Completion;
const contentOf = (text: string) =>
  JSON.parse(completionOf(text).choices[0]!.message.content!) as Record<string, string>;

describe('OpenAI stand-in over plain fetch', () => {
  it('answers json_schema with a valid summary of the paper asked for, in the real format', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const { res, text } = await post(s, chatBody({ response_format: jsonSchemaFormat }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const c = completionOf(text);
    expect(c).toMatchObject({ id: 'chatcmpl-standin000001', object: 'chat.completion', model: 'deepseek-chat' });
    expect(c.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', refusal: null } });
    const summary = contentOf(text);
    expect(Object.keys(summary)).toEqual([...SUMMARY_FIELDS]);
    expect(SUMMARY_FIELDS.every((f) => (summary[f] ?? '').length > 0)).toBe(true);
    expect(summary.tldr).toContain(TITLE);
    expect(summary.motivation).toContain('lacks paired data');
    expect(c.usage.prompt_tokens).toBeGreaterThan(40);
    expect(c.usage.total_tokens).toBe(c.usage.prompt_tokens + c.usage.completion_tokens);
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({
      n: 1,
      method: 'POST',
      path: '/v1/chat/completions',
      status: 200,
      mode: 'json_schema',
    });
    expect(s.requests[0]!.body?.response_format?.type).toBe('json_schema');
    expect(s.requests[0]!.time).toBeGreaterThan(Date.now() - 10_000);
  });

  it('answers in Chinese when the system prompt asks for Chinese, and in English even when the abstract mentions Chinese', async () => {
    const s = await start();
    const zh = contentOf((await post(s, chatBody({ response_format: jsonSchemaFormat }, 'Chinese'))).text);
    for (const f of SUMMARY_FIELDS) expect(zh[f]).toMatch(/\p{Script=Han}{4}/u);
    expect(zh.tldr).toContain(TITLE);
    const body = chatBody({ response_format: { type: 'json_object' } });
    body.messages[1]!.content = `Title: Chinese word segmentation\nAbstract: We segment Chinese text.`;
    const en = contentOf((await post(s, body)).text);
    expect(en.tldr).toBe('This paper presents "Chinese word segmentation".');
  });

  it('refuses unsupported modes with HTTP 400 and an OpenAI error body, as DeepSeek/Ollama-style servers do', async () => {
    const s = await start({ supports: { jsonSchema: false } });
    const refused = await post(s, chatBody({ response_format: jsonSchemaFormat }));
    expect(refused.res.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({
      error: {
        message: 'response_format json_schema is not supported',
        type: 'invalid_request_error',
        param: 'response_format',
        code: null,
      },
    });
    // json_object still works here (the usual fallback) …
    const fallback = await post(s, chatBody({ response_format: { type: 'json_object' } }));
    expect(fallback.res.status).toBe(200);
    expect(contentOf(fallback.text).tldr).toContain(TITLE);
    // … but, as on OpenAI, only when the messages mention JSON.
    const noJsonWord = chatBody({ response_format: { type: 'json_object' } });
    noJsonWord.messages[0]!.content = 'Summarize the paper.';
    const r = await post(s, noJsonWord);
    expect(r.res.status).toBe(400);
    expect(JSON.parse(r.text).error.param).toBe('messages');

    s.setOptions({ supports: { jsonMode: false, tools: false } });
    expect(JSON.parse((await post(s, chatBody({ response_format: { type: 'json_object' } }))).text).error.message).toBe(
      'response_format json_object is not supported',
    );
    const tools = await post(s, chatBody({ tools: [summaryTool] }));
    expect(tools.res.status).toBe(400);
    expect(JSON.parse(tools.text).error).toMatchObject({ message: 'tools is not supported', param: 'tools' });
    expect(s.requests.map((q) => q.status)).toEqual([400, 200, 400, 400, 400]);
    // Plain text still answers (the last resort: schema in the prompt).
    expect(contentOf((await post(s, chatBody())).text).tldr).toContain(TITLE);
  });

  it('answers tools + tool_choice with a tool call whose arguments are the JSON', async () => {
    const s = await start();
    const forced = await post(
      s,
      chatBody({ tools: [summaryTool], tool_choice: { type: 'function', function: { name: 'record_summary' } } }),
    );
    const c = completionOf(forced.text);
    const call = c.choices[0]!.message.tool_calls![0]!;
    expect(c.choices[0]!.message.content).toBeNull();
    expect(c.choices[0]!.finish_reason).toBe('stop'); // OpenAI says `stop` when the call was forced
    expect(call).toMatchObject({ type: 'function', function: { name: 'record_summary' } });
    expect(call.id).toMatch(/^call_/);
    expect((JSON.parse(call.function.arguments) as Record<string, string>).tldr).toContain(TITLE);

    const auto = completionOf((await post(s, chatBody({ tools: [summaryTool], tool_choice: 'auto' }))).text);
    expect(auto.choices[0]!.finish_reason).toBe('tool_calls');
    const wrong = await post(
      s,
      chatBody({ tools: [summaryTool], tool_choice: { type: 'function', function: { name: 'nope' } } }),
    );
    expect(wrong.res.status).toBe(400);
    expect(JSON.parse(wrong.text).error.param).toBe('tool_choice');
  });

  it('enforces an rpm over a sliding window with 429, Retry-After and x-ratelimit headers', async () => {
    const s = await start({ rpm: 180, rateWindowMs: 1000 }); // 3 per sliding second
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(s, chatBody())).res.status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const { res, text } = await post(s, chatBody());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('x-ratelimit-limit-requests')).toBe('3');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(res.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+ms$/);
    expect(JSON.parse(text).error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(s.requests.at(-1)!.fault).toBe('rate-limit');
    const freeAt = s.requests[0]!.start + 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, freeAt - performance.now()) + 20));
    const again = await post(s, chatBody());
    expect(again.res.status).toBe(200);
    // The 429s never counted; of the first three, those still inside the second before this one
    // do (on a quiet machine none: they were sent within a few ms).
    const at = s.requests.at(-1)!.start;
    const inWindow = s.requests.slice(0, 3).filter((r) => r.start > at - 1000).length;
    expect(again.res.headers.get('x-ratelimit-remaining-requests')).toBe(String(2 - inWindow));

    // The default 60 s window: Retry-After in whole seconds, up to 60.
    const minute = await startOpenAiStandIn({ rpm: 2 });
    try {
      await post(minute, chatBody());
      await post(minute, chatBody());
      const limited = await post(minute, chatBody());
      expect(limited.res.status).toBe(429);
      expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
      expect(Number(limited.res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    } finally {
      await minute.close();
    }
  });

  it('delays answers by latencyMs', async () => {
    const s = await start({ latencyMs: 120 });
    const t0 = performance.now();
    await post(s, chatBody());
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
    expect(s.requests[0]!.end! - s.requests[0]!.start).toBeGreaterThanOrEqual(115);
  });

  it('plays the fault queue: 500, 503, 429, truncated, invalid JSON, refusal, filter, empty field, prose, fence, length', async () => {
    const s = await start({
      faults: [
        { type: '500' },
        { type: '503', retryAfter: 2 },
        { type: '429', retryAfter: 3 },
        { type: 'truncated' },
        { type: 'invalid-json-answer' },
        { type: 'invalid-json-answer', variant: 'missing-field' },
        { type: 'refusal' },
        { type: 'content-filter' },
        { type: 'empty-field', field: 'result' },
        { type: 'prose' },
        { type: 'fenced' },
        { type: 'length' },
      ],
    });
    const body = chatBody({ response_format: jsonSchemaFormat });
    const r500 = await post(s, body);
    expect(r500.res.status).toBe(500);
    expect(JSON.parse(r500.text).error.type).toBe('server_error');
    const r503 = await post(s, body);
    expect([r503.res.status, r503.res.headers.get('retry-after')]).toEqual([503, '2']);
    const r429 = await post(s, body);
    expect([r429.res.status, r429.res.headers.get('retry-after')]).toEqual([429, '3']);
    expect(JSON.parse(r429.text).error.code).toBe('rate_limit_exceeded');

    const truncated = await post(s, body);
    expect(truncated.res.status).toBe(200);
    expect(() => JSON.parse(truncated.text)).toThrow(SyntaxError);

    const syntax = completionOf((await post(s, body)).text);
    expect(() => JSON.parse(syntax.choices[0]!.message.content!)).toThrow(SyntaxError);
    const missing = contentOf((await post(s, body)).text);
    expect(Object.keys(missing)).toEqual(['tldr', 'motivation', 'method', 'result']);

    const refusal = completionOf((await post(s, body)).text).choices[0]!;
    expect(refusal.message.content).toBeNull();
    expect(refusal.message.refusal).toMatch(/can't assist/);
    expect(refusal.finish_reason).toBe('stop');

    const filtered = completionOf((await post(s, body)).text).choices[0]!;
    expect(filtered.finish_reason).toBe('content_filter');
    expect(() => JSON.parse(filtered.message.content!)).toThrow(SyntaxError);

    expect(contentOf((await post(s, body)).text).result).toBe('');

    const prose = completionOf((await post(s, body)).text).choices[0]!.message.content!;
    expect(prose).toMatch(/^Sure! Here is a summary of the paper\. This paper presents/);
    expect(() => JSON.parse(prose)).toThrow(SyntaxError);

    const fenced = completionOf((await post(s, body)).text).choices[0]!.message.content!;
    expect(fenced).toMatch(/^```json\n\{"tldr"/);
    expect(fenced.endsWith('}\n```')).toBe(true);

    const length = completionOf((await post(s, body)).text).choices[0]!;
    expect(length.finish_reason).toBe('length');

    expect(s.requests.map((q) => q.fault)).toEqual([
      '500',
      '503',
      '429',
      'truncated',
      'invalid-json-answer',
      'invalid-json-answer',
      'refusal',
      'content-filter',
      'empty-field',
      'prose',
      'fenced',
      'length',
    ]);
    // The queue is used up: normal answers again.
    expect((await post(s, body)).res.status).toBe(200);
  });

  it('repeats a fault `times`, skips with null entries, asks faultFor per request number, and leaves 400s out', async () => {
    const s = await start({ faults: [null, { type: '500', times: 2 }] });
    s.setOptions({ faultFor: (n) => (n % 2 === 0 ? { type: '500' } : null) });
    const statuses: number[] = [];
    statuses.push((await post(s, chatBody({ tools: 'not-a-list' }))).res.status); // 400: takes no fault
    for (let i = 0; i < 6; i++) statuses.push((await post(s, chatBody())).res.status);
    // #1 400, #2 null, #3 #4 500 (queue), then faultFor: #5 ok, #6 500, #7 ok
    expect(statuses).toEqual([400, 200, 500, 500, 200, 500, 200]);
    s.addFault({ type: 'empty-field' });
    s.setOptions({ faultFor: null });
    expect(contentOf((await post(s, chatBody({ response_format: jsonSchemaFormat }))).text).method).toBe('');
  });

  it('hangs on a timeout fault until the client gives up, and close() drops the connection', async () => {
    const s = await start({ faults: [{ type: 'timeout' }, { type: 'timeout', answerAfterMs: 150 }] });
    await expect(post(s, chatBody(), { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    const t0 = performance.now();
    expect((await post(s, chatBody())).res.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    expect(s.requests[0]!.status).toBeNull();
    expect(s.requests[0]!.fault).toBe('timeout');
  });

  it('cuts an answer at max_tokens with finish_reason length', async () => {
    const s = await start();
    const c = completionOf((await post(s, chatBody({ response_format: jsonSchemaFormat, max_tokens: 10 }))).text);
    expect(c.choices[0]!.finish_reason).toBe('length');
    expect(c.usage.completion_tokens).toBeLessThanOrEqual(10);
  });

  it('uses a pluggable answer; serves /v1/models, 404s, bad JSON bodies and a wrong API key like OpenAI', async () => {
    const s = await start({
      answer: (view) =>
        view.mode === 'text' ? `echo #${view.n}: ${view.user.split('\n')[0]}` : { tldr: view.language },
    });
    expect(completionOf((await post(s, chatBody())).text).choices[0]!.message.content).toBe(`echo #1: Title: ${TITLE}`);
    expect(contentOf((await post(s, chatBody({ response_format: jsonSchemaFormat }, 'Chinese'))).text)).toEqual({
      tldr: 'Chinese',
    });

    const models = (await (await fetch(`${s.url}/models`)).json()) as { object: string; data: { id: string }[] };
    expect(models.object).toBe('list');
    expect(models.data.map((m) => m.id)).toContain('deepseek-chat');
    const missing = await fetch(`${s.url}/embeddings`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    const broken = await post(s, '{"model": "x", "messages": [');
    expect(broken.res.status).toBe(400);
    expect(JSON.parse(broken.text).error.message).toMatch(/could not parse the JSON body/);
    expect(s.requests.at(-1)!.rawBody).toBe('{"model": "x", "messages": [');
    expect(s.requests.at(-1)!.body).toBeNull();

    s.setOptions({ apiKey: 'sk-right' });
    const denied = await post(s, chatBody());
    expect(denied.res.status).toBe(401);
    expect(JSON.parse(denied.text).error.code).toBe('invalid_api_key');
  });
});

describe('OpenAI stand-in with the real openai SDK', () => {
  const Summary = z.object({
    tldr: z.string(),
    motivation: z.string(),
    method: z.string(),
    result: z.string(),
    conclusion: z.string(),
  });
  const client = (s: OpenAiStandIn, extra: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
    new OpenAI({ baseURL: s.url, apiKey: 'test-key', maxRetries: 0, ...extra });
  const messages = [
    { role: 'system' as const, content: systemFor('Chinese') },
    { role: 'user' as const, content: USER },
  ];

  it('parses json_schema output with zodResponseFormat and reads usage', async () => {
    const s = await start();
    const completion = await client(s).chat.completions.parse({
      model: 'deepseek-chat',
      messages,
      response_format: zodResponseFormat(Summary, 'summary'),
    });
    const parsed = completion.choices[0]!.message.parsed!;
    expect(parsed.tldr).toContain(TITLE);
    expect(parsed.method).toMatch(/\p{Script=Han}/u);
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
    expect(s.requests[0]!.body?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'summary', strict: true },
    });
  });

  it('parses a forced tool call with zodFunction', async () => {
    const s = await start();
    const completion = await client(s).chat.completions.parse({
      model: 'deepseek-chat',
      messages,
      tools: [zodFunction({ name: 'record_summary', parameters: Summary })],
      tool_choice: { type: 'function', function: { name: 'record_summary' } },
    });
    const call = completion.choices[0]!.message.tool_calls?.[0];
    if (!call) throw new Error('no tool call');
    expect(call.type).toBe('function');
    if (call.type !== 'function') throw new Error('not a function call');
    expect((call.function.parsed_arguments as z.infer<typeof Summary>).tldr).toContain(TITLE);
  });

  it('surfaces 429, 400, 500 and timeouts as the SDK error classes, with status and headers', async () => {
    const s = await start({ rpm: 60, rateWindowMs: 1000, supports: { jsonSchema: false } });
    const c = client(s);
    const ask = (extra: Record<string, unknown> = {}) =>
      c.chat.completions.create({ model: 'deepseek-chat', messages, ...extra }).then(
        (v) => v,
        (e: unknown) => e,
      );
    await ask(); // uses the one request of this window
    const limited = await ask();
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).status).toBe(429);
    expect((limited as RateLimitError).headers?.get('retry-after')).toBe('1');
    expect((limited as RateLimitError).code).toBe('rate_limit_exceeded');

    s.setOptions({ rpm: null });
    const unsupported = await ask({
      response_format: { type: 'json_schema', json_schema: { name: 's', schema: SUMMARY_SCHEMA } },
    });
    expect(unsupported).toBeInstanceOf(BadRequestError);
    expect((unsupported as BadRequestError).param).toBe('response_format');
    expect((unsupported as BadRequestError).message).toContain('response_format json_schema is not supported');

    s.addFault({ type: '500' });
    expect(await ask()).toBeInstanceOf(InternalServerError);

    s.addFault({ type: 'timeout' });
    const timedOut = await c.chat.completions
      .create({ model: 'deepseek-chat', messages }, { timeout: 200 })
      .catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('retries a 429 itself after Retry-After when allowed to', async () => {
    const s = await start({ faults: [{ type: '429', retryAfter: 1 }] });
    const t0 = performance.now();
    const completion = await client(s, { maxRetries: 1 }).chat.completions.create({ model: 'deepseek-chat', messages });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(950);
    expect(completion.choices[0]!.message.content).toContain(TITLE);
    expect(s.requests.map((q) => q.status)).toEqual([429, 200]);
  });

  it('serves /v1/embeddings as floats and as base64 (the SDK default), close for shared words, and fails on demand', async () => {
    const s = await start({ embeddingDims: 16 });
    const c = client(s);
    const input = ['sparse attention for long documents', 'sparse attention for long videos', 'protein folding'];
    const floats = await c.embeddings.create({ model: 'emb', input, encoding_format: 'float' });
    expect(floats.data.map((d) => [d.index, d.embedding.length])).toEqual([
      [0, 16],
      [1, 16],
      [2, 16],
    ]);
    const dot = (a: number[], b: number[]) => a.reduce((x, v, i) => x + v * b[i]!, 0);
    const [a, b, other] = floats.data.map((d) => d.embedding);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, other!));
    const decoded = await c.embeddings.create({ model: 'emb', input }); // base64 on the wire, decoded by the SDK
    expect(decoded.data[0]!.embedding[3]).toBeCloseTo(a![3]!, 5);
    s.setOptions({ embeddingStatus: 500 });
    await expect(c.embeddings.create({ model: 'emb', input: 'x' })).rejects.toBeInstanceOf(InternalServerError);
    expect(s.requests.map((r) => [r.path, r.status])).toEqual([
      ['/v1/embeddings', 200],
      ['/v1/embeddings', 200],
      ['/v1/embeddings', 500],
    ]);
  });

  it('reports refusal, content filter, length and a truncated body the way the SDK understands them', async () => {
    const s = await start({
      faults: [{ type: 'refusal' }, { type: 'content-filter' }, { type: 'length' }, { type: 'truncated' }],
    });
    const c = client(s);
    const parse = () =>
      c.chat.completions.parse({
        model: 'deepseek-chat',
        messages,
        response_format: zodResponseFormat(Summary, 'summary'),
      });
    const refused = await parse();
    expect(refused.choices[0]!.message.refusal).toMatch(/can't assist/);
    expect(refused.choices[0]!.message.parsed).toBeNull();
    await expect(parse()).rejects.toBeInstanceOf(ContentFilterFinishReasonError);
    await expect(parse()).rejects.toBeInstanceOf(LengthFinishReasonError);
    // A cut body is HTTP 200 with invalid JSON: the SDK fails to read it (not an APIError).
    const cut = await parse().catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(Error);
    expect(cut).not.toBeInstanceOf(OpenAI.APIError);
  });
});

describe('OpenAI stand-in: streams and provider dialects', () => {
  it('streams as OpenAI does — role, content in pieces, finish, usage when asked, [DONE] — readable by the SDK', async () => {
    const s = await start();
    const { res, text } = await post(s, chatBody({ stream: true, stream_options: { include_usage: true } }));
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = text.trim().split('\n\n');
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map(
      (e) =>
        JSON.parse(e.slice(6)) as {
          choices: { delta: { content?: string }; finish_reason: string | null }[];
          usage?: { prompt_tokens: number };
        },
    );
    expect(chunks.length).toBeGreaterThan(5);
    expect(JSON.parse(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).tldr).toContain(TITLE);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.at(-1)!.usage!.prompt_tokens).toBeGreaterThan(0);
    // The SDK's own stream reader takes it.
    const c = new OpenAI({ apiKey: 'k', baseURL: s.url, maxRetries: 0 });
    let content = '';
    for await (const chunk of await c.chat.completions.create({
      model: 'm',
      messages: chatBody().messages as never,
      stream: true,
    }))
      content += chunk.choices[0]?.delta.content ?? '';
    expect(JSON.parse(content).tldr).toContain(TITLE);
  });

  it('streams unasked (alwaysStream), refuses non-streams (streamOnly), and sends headers then nothing (silence)', async () => {
    const s = await start({ alwaysStream: true });
    expect((await post(s, chatBody())).res.headers.get('content-type')).toBe('text/event-stream');
    const only = await startOpenAiStandIn({ streamOnly: true, faults: [{ type: 'silence' }] });
    try {
      expect((await post(only, chatBody())).res.status).toBe(400);
      const res = await fetch(`${only.url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify(chatBody({ stream: true })),
        signal: AbortSignal.timeout(300),
      });
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow(/abort|timeout/i);
    } finally {
      await only.close();
    }
  });

  it('serves each provider at its own base path, with its auth and its error shape', async () => {
    const cases = [
      ['deepseek-chat', '', { error: { message: 'This response_format type is unavailable now' } }],
      ['gemini', '/v1beta/openai', [{ error: { code: 400, status: 'INVALID_ARGUMENT' } }]],
      ['siliconflow', '/v1', { code: 20015, data: null }],
      ['zhipu', '/api/paas/v4', { error: { code: '1210', message: 'API 调用参数有误，请检查文档。' } }],
      ['openrouter', '/api/v1', { error: { code: 404 } }],
      ['lmstudio', '/v1', { error: "'response_format.type' must be 'json_schema' or 'text'" }],
    ] as const;
    for (const [provider, base, shape] of cases) {
      const p = await startOpenAiStandIn({ provider, apiKey: 'k' });
      try {
        expect(p.url.endsWith(base) && p.url.slice(-base.length - 1) !== '/').toBe(true);
        const format = provider === 'lmstudio' ? { type: 'json_object' } : jsonSchemaFormat;
        const schema = provider === 'gemini' ? jsonSchemaFormat : format;
        const { res, text } = await post(
          p,
          { ...chatBody({ response_format: schema }), model: p.profile.model },
          { headers: { authorization: 'Bearer k' } },
        );
        expect([provider, res.status]).toEqual([provider, provider === 'openrouter' ? 404 : 400]);
        expect(JSON.parse(text)).toMatchObject(shape);
        const unauth = await post(p, chatBody(), { headers: {} });
        // Gemini says a bad key with a 400; local servers (LM Studio) take any key.
        expect(unauth.res.status).toBe(provider === 'gemini' ? 400 : provider === 'lmstudio' ? 200 : 401);
      } finally {
        await p.close();
      }
    }
  });

  it('puts Azure behind a deployment and api-version with an api-key header', async () => {
    const s = await start({ provider: 'azure', apiKey: 'az-key' });
    const call = (path: string, headers: Record<string, string> = { 'api-key': 'az-key' }) =>
      fetch(`${s.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(chatBody()),
      });
    expect((await call('/openai/deployments/summaries-4o/chat/completions?api-version=2024-10-21')).status).toBe(200);
    expect((await call('/openai/deployments/summaries-4o/chat/completions')).status).toBe(404);
    expect(
      await (await call('/openai/deployments/other/chat/completions?api-version=2024-10-21')).json(),
    ).toMatchObject({ error: { code: 'DeploymentNotFound' } });
    expect(
      (
        await call('/openai/deployments/summaries-4o/chat/completions?api-version=2024-10-21', {
          authorization: 'Bearer az-key',
        })
      ).status,
    ).toBe(401);
  });

  it('dresses answers as each server does: reasoning beside the content, <think> inside it, prose around it', async () => {
    const reasoner = await start({ provider: 'deepseek-reasoner' });
    const r = completionOf((await post(reasoner, chatBody({ response_format: { type: 'json_object' } }))).text);
    const m = r.choices[0]!.message as unknown as { content: string; reasoning_content: string };
    expect(m.reasoning_content.length).toBeGreaterThan(8000);
    expect(JSON.parse(m.content).tldr).toContain(TITLE);
    // Reasoning sent back is refused, as DeepSeek documents.
    const back = chatBody();
    (back.messages as unknown[]).push({ role: 'assistant', content: 'x', reasoning_content: 'y' });
    expect((await post(reasoner, back)).res.status).toBe(400);
    const vllm = await startOpenAiStandIn({ provider: 'vllm' });
    try {
      const v = completionOf((await post(vllm, chatBody({ response_format: jsonSchemaFormat, max_tokens: 512 }))).text);
      expect(v.choices[0]!.message.content).toMatch(/^<think>\n[\s\S]*\{x : f\(x\) > 0\}[\s\S]*<\/think>\n\n\{"tldr"/);
      expect((await post(vllm, chatBody({ max_tokens: 4096 }))).text).toMatch(/maximum context length is 2048 tokens/);
    } finally {
      await vllm.close();
    }
  });

  it('plays the new faults: an error in a 200, no choices, a stream unasked, small-model shapes', async () => {
    const s = await start({
      faults: [
        { type: 'error-200' },
        { type: 'no-choices' },
        { type: 'sse' },
        { type: 'renamed-key' },
        { type: 'nested' },
        { type: 'array-field' },
        { type: 'tool-use-failed' },
      ],
    });
    const body = chatBody({ response_format: jsonSchemaFormat });
    const e200 = await post(s, body);
    expect([e200.res.status, JSON.parse(e200.text).error.metadata.provider_name]).toEqual([200, 'Standin']);
    expect(JSON.parse((await post(s, body)).text).choices).toEqual([]);
    expect((await post(s, body)).res.headers.get('content-type')).toBe('text/event-stream');
    expect(Object.keys(contentOf((await post(s, body)).text))).toEqual([
      'TL;DR',
      'Motivation',
      'Methods',
      'Results',
      'Conclusion',
    ]);
    expect(Object.keys(contentOf((await post(s, body)).text))).toEqual(['summary']);
    expect(Array.isArray(contentOf((await post(s, body)).text).result)).toBe(true);
    const groq = await post(s, chatBody({ tools: [summaryTool] }));
    expect([groq.res.status, JSON.parse(groq.text).error.code]).toEqual([400, 'tool_use_failed']);
    expect(JSON.parse(groq.text).error.failed_generation).toMatch(
      /^<tool_call>\n\{"name": "paper_summary", "arguments": \{"tldr"/,
    );
  });
});
