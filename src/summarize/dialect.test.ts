/**
 * Each provider's documented error bodies, read through the HTTP client as they arrive, and
 * what `judge` makes of them in the terms of the request that met them.
 */
import { describe, expect, it } from 'vitest';
import { PROFILES, type Reply } from '../../test/support/provider-dialects.js';
import { ChatHttpError, errorOf, postChat } from './chat-http.js';
import { DEFAULT_DIALECT, budgetCap, dialectFrom, judge, merge, requestBody, rung, type Dialect } from './dialect.js';

/** The ChatHttpError postChat makes of a reply. */
async function errorFrom(reply: Reply): Promise<ChatHttpError> {
  const fetchStub = async () =>
    new Response(reply.body, {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  const e = await postChat(
    { url: 'http://127.0.0.1:9/v1/chat/completions', headers: {}, secrets: [] },
    {},
    { deadlineMs: 1000, fetch: fetchStub },
  ).catch((x: unknown) => x);
  if (!(e instanceof ChatHttpError)) throw new Error(`not an HTTP error: ${String(e)}`);
  return e;
}

const at = (over: Partial<Dialect>): Dialect => ({ ...DEFAULT_DIALECT, ...over });
const reject = (name: keyof typeof PROFILES, mode: 'json_schema' | 'tools' | 'json_object' = 'json_schema') =>
  PROFILES[name].rejectMode!(mode);

describe('errorOf', () => {
  it("should find the message in every provider's error shape", () => {
    expect(errorOf({ error: { message: 'm', code: 'c', type: 't' } })).toEqual({ message: 'm', code: 'c', type: 't' });
    expect(errorOf({ error: "'response_format.type' must be 'json_schema' or 'text'" }).message).toMatch(/must be/); // LM Studio
    expect(errorOf([{ error: { code: 400, message: 'Unknown name', status: 'INVALID_ARGUMENT' } }])).toEqual({
      message: 'Unknown name',
      code: '400',
      type: 'INVALID_ARGUMENT',
    }); // Gemini
    expect(errorOf({ object: 'error', message: 'ctx', type: 'BadRequestError', code: 400 }).message).toBe('ctx'); // vLLM
    expect(errorOf({ code: 20015, message: 'The parameter is invalid.', data: null })).toMatchObject({
      message: 'The parameter is invalid.',
      code: '20015',
    }); // SiliconFlow
    expect(errorOf({ detail: [{ loc: ['body', 'tools'], msg: 'extra' }] }).message).toContain('extra'); // FastAPI 422
    expect(
      errorOf({ error: { message: 'Provider returned error', code: 502, metadata: { raw: 'upstream reset' } } })
        .message,
    ).toBe('Provider returned error (upstream reset)');
  });
});

describe('judge', () => {
  it('should step DeepSeek down from json_schema to tools, and deepseek-reasoner from tools to json', async () => {
    expect(judge(await errorFrom(reject('deepseek-chat')), at({}))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { mode: 'tools', looseSchema: false },
    });
    expect(judge(await errorFrom(reject('deepseek-reasoner', 'tools')), at({ mode: 'tools' }))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { mode: 'json' },
    });
  });

  it("should try Gemini's json_schema without the keywords it rejects before giving the mode up", async () => {
    const e = await errorFrom(
      PROFILES.gemini.check!(
        {
          model: 'g',
          response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { additionalProperties: false } } },
        },
        [],
        new URL('http://x/'),
      ) as Reply,
    );
    expect(e.message).toMatch(/^HTTP 400: Invalid JSON payload received\. Unknown name "additionalProperties"/);
    expect(judge(e, at({}))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { mode: 'json_schema', looseSchema: true },
    });
    // Loose already: the mode itself goes.
    expect(judge(e, at({ looseSchema: true }))).toMatchObject({
      kind: 'resend',
      dialect: { mode: 'tools', looseSchema: false },
    });
    // Gemini's bad key is a 400, and stops the run.
    expect(judge(await errorFrom(PROFILES.gemini.error(401, 'x')), at({}))).toMatchObject({
      kind: 'fatal',
      message: expect.stringMatching(/API key not valid.*check OPENAI_API_KEY/),
    });
  });

  it('should step down on a 422 in plain text, and read its words', async () => {
    const e = await errorFrom({ status: 422, body: 'Unprocessable Entity: field "tools" not allowed' });
    expect(e.message).toBe('HTTP 422: Unprocessable Entity: field "tools" not allowed');
    expect(judge(e, at({ mode: 'tools' }))).toMatchObject({ kind: 'resend', certain: true, dialect: { mode: 'json' } });
  });

  it('should step down on a 400 that does not say why (SiliconFlow, Zhipu), but only as a guess', async () => {
    for (const name of ['siliconflow', 'zhipu'] as const)
      expect(judge(await errorFrom(reject(name)), at({}))).toMatchObject({
        kind: 'resend',
        certain: false,
        dialect: { mode: 'tools' },
      });
    // In text mode there is nowhere left to go.
    expect(judge(await errorFrom(reject('zhipu')), at({ mode: 'text' }))).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/in every structured-output mode/),
    });
  });

  it("should read OpenRouter's 404 for routing as a mode rejection, and other 404s as a wrong model or address", async () => {
    expect(judge(await errorFrom(reject('openrouter')), at({}))).toMatchObject({
      kind: 'resend',
      dialect: { mode: 'tools' },
    });
    const azure404 = PROFILES.azure.check!(
      { model: 'm' },
      [],
      new URL('http://x/openai/deployments/other/chat/completions?api-version=2024-10-21'),
    )!;
    expect(judge(await errorFrom(azure404), at({}))).toMatchObject({
      kind: 'fatal',
      message: expect.stringMatching(/DeploymentNotFound|deployment/i),
    });
  });

  it('should step Moonshot and LM Studio down by what they name, and Ollama and llama.cpp off tools', async () => {
    expect(judge(await errorFrom(reject('moonshot')), at({}))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { mode: 'tools' },
    });
    const toolChoice = PROFILES.moonshot.check!(
      { model: 'k', tool_choice: { type: 'function', function: { name: 'x' } } },
      [],
      new URL('http://x/'),
    )!;
    expect(judge(await errorFrom(toolChoice), at({ mode: 'tools' }))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { mode: 'json' },
    });
    expect(judge(await errorFrom(reject('lmstudio', 'json_object')), at({ mode: 'json' }))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { mode: 'text' },
    });
    expect(judge(await errorFrom(reject('ollama', 'tools')), at({ mode: 'tools' }))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { mode: 'json' },
    });
    expect(judge(await errorFrom(reject('llama.cpp', 'tools')), at({ mode: 'tools' }))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { mode: 'json' },
    });
  });

  it("should stream for Qwen's stream-only models, and adapt OpenAI reasoning models' parameters", async () => {
    expect(judge(await errorFrom(PROFILES.qwen.streamOnly!), at({}))).toMatchObject({
      kind: 'resend',
      certain: true,
      dialect: { stream: true, mode: 'json_schema' },
    });
    const oai = PROFILES.openai.check!;
    expect(
      judge(await errorFrom(oai({ model: 'gpt-5-mini', max_tokens: 5 }, [], new URL('http://x/'))!), at({})),
    ).toMatchObject({ kind: 'resend', dialect: { tokenParam: 'max_completion_tokens' } });
    expect(
      judge(await errorFrom(oai({ model: 'o4-mini', temperature: 0.2 }, [], new URL('http://x/'))!), at({})),
    ).toMatchObject({ kind: 'resend', dialect: { temperature: false } });
  });

  it('should lower the budget to what the server allows (DeepSeek, vLLM, Groq) and fail a paper that cannot fit', async () => {
    expect(
      judge(await errorFrom(PROFILES['deepseek-chat'].budget!(32768, 400)!), at({ maxTokens: 32768 })),
    ).toMatchObject({ kind: 'resend', dialect: { maxTokensCap: 8192, maxTokens: 8192 } });
    expect(judge(await errorFrom(PROFILES.vllm.budget!(2048, 420)!), at({}))).toMatchObject({
      kind: 'resend',
      dialect: { maxTokensCap: 2048 - 420 - 205 },
    });
    expect(judge(await errorFrom(PROFILES.groq.budget!(65536, 400)!), at({ maxTokens: 65536 }))).toMatchObject({
      kind: 'resend',
      dialect: { maxTokensCap: 40960 },
    });
    expect(judge(await errorFrom(PROFILES.vllm.budget!(100, 2000)!), at({ maxTokens: 100 }))).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/does not fit the model's context of 2048 tokens/),
    });
    expect(budgetCap('max_tokens is too large: 100000. This model supports at most 16384 completion tokens')).toEqual({
      cap: 16384,
    });
  });

  it("should store Azure's prompt filter as refused, read Groq's failed generation, and retry 429/5xx", async () => {
    const filtered = PROFILES.azure.check!(
      { model: 'm' },
      [{ role: 'user', content: 'FILTER-ME' }],
      new URL('http://x/openai/deployments/summaries-4o/chat/completions?api-version=2024-10-21'),
    )!;
    expect(judge(await errorFrom(filtered), at({}))).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/^refused by the provider's content filter \(HTTP 400: The response was filtered/),
    });
    const groq = {
      status: 400,
      body: JSON.stringify({
        error: {
          message: "Failed to call a function. See 'failed_generation'.",
          type: 'invalid_request_error',
          code: 'tool_use_failed',
          failed_generation: '{"tldr": "a"}',
        },
      }),
    };
    expect(judge(await errorFrom(groq), at({ mode: 'tools' }))).toMatchObject({
      kind: 'answer',
      text: '{"tldr": "a"}',
    });
    const r429 = judge(
      await errorFrom({
        ...PROFILES.moonshot.error(429, 'The engine is currently overloaded'),
        headers: { 'retry-after': '2' },
      }),
      at({}),
    );
    expect(r429).toMatchObject({ kind: 'retry', error: { kind: 'rate-limit', retryAfterMs: 2000 } });
    expect(judge(await errorFrom(PROFILES.zhipu.error(503, '服务繁忙')), at({}))).toMatchObject({
      kind: 'retry',
      error: { kind: 'server' },
    });
  });

  it('should stop the run on a bad key, no credit, or an unknown model', async () => {
    expect(
      judge(await errorFrom(PROFILES.azure.error(401, 'Access denied due to invalid subscription key')), at({})),
    ).toMatchObject({ kind: 'fatal' });
    expect(judge(await errorFrom(PROFILES['deepseek-chat'].error(402, 'Insufficient Balance')), at({}))).toMatchObject({
      kind: 'fatal',
      message: expect.stringMatching(/lack of credit/),
    });
    expect(
      judge(
        await errorFrom(PROFILES.generic.error(429, 'You exceeded your current quota', 'insufficient_quota')),
        at({}),
      ),
    ).toMatchObject({ kind: 'fatal' });
    expect(
      judge(
        await errorFrom(PROFILES.siliconflow.error(400, 'Model does not exist. Please check it carefully.')),
        at({}),
      ),
    ).toMatchObject({ kind: 'fatal' });
  });
});

describe('dialects', () => {
  it('should merge to the more basic rung and every restriction, and read back what was stored', () => {
    const m = merge(
      at({ mode: 'tools', maxTokens: 8192 }),
      at({ mode: 'json_schema', looseSchema: true, stream: true, maxTokensCap: 4000 }),
    );
    expect(m).toMatchObject({ mode: 'tools', looseSchema: false, stream: true, maxTokens: 4000, maxTokensCap: 4000 });
    expect(rung(at({ mode: 'json_schema', looseSchema: true }))).toBeLessThan(rung(at({ mode: 'tools' })));
    expect(dialectFrom('tools')).toEqual(at({ mode: 'tools' })); // stored before dialects: the mode alone
    expect(dialectFrom(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(dialectFrom({ mode: 'nonsense' })).toBeNull();
  });

  it('should build each mode as servers expect it', () => {
    const msgs = [{ role: 'user' as const, content: 'json please' }];
    expect(requestBody('m', at({}), msgs)).toMatchObject({
      temperature: 0.2,
      max_tokens: 2048,
      response_format: { type: 'json_schema', json_schema: { strict: true, schema: { additionalProperties: false } } },
    });
    const loose = requestBody('m', at({ looseSchema: true }), msgs);
    expect(JSON.stringify(loose)).not.toMatch(/additionalProperties|strict/);
    expect(requestBody('m', at({ mode: 'tools' }), msgs)).toMatchObject({
      tool_choice: { type: 'function', function: { name: 'paper_summary' } },
    });
    expect(
      requestBody(
        'm',
        at({ mode: 'text', stream: true, temperature: false, tokenParam: 'max_completion_tokens' }),
        msgs,
      ),
    ).toEqual({
      model: 'm',
      messages: msgs,
      max_completion_tokens: 2048,
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});
