/**
 * The OpenAI-compatible provider against the loopback stand-in, through the shared limiter:
 * one test per behaviour of a single paper (whole runs are in providers.test.ts).
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { startOpenAiStandIn, type OpenAiStandInOptions } from '../../test/support/openai-standin.js';
import type { Dialect } from './dialect.js';
import { createLimiter } from './limiter.js';
import { ProviderError, createOpenAiSummarizer } from './openai.js';
import type { SummaryRequest } from './types.js';

const paper = (n = 1, language = 'English'): SummaryRequest => ({
  paperId: `2609.0000${n}`,
  version: 1,
  title: `Sparse attention for long documents ${n}`,
  abstract: 'Long documents are costly for transformers. We propose a sparse attention scheme. It halves memory use.',
  language,
});

async function setup(
  options: OpenAiStandInOptions = {},
  { deadlineMs = 2000, dialect = null as Dialect | null, concurrency = 4 } = {},
) {
  const llm = await startOpenAiStandIn(options);
  onTestFinished(() => llm.close());
  const dialects: Dialect[] = [];
  const limiter = createLimiter({ concurrency, baseDelayMs: 5, maxDelayMs: 20, maxRetries: 3 });
  const summarizer = createOpenAiSummarizer({
    endpoint: {
      url: `${llm.url}/chat/completions`,
      headers: { authorization: 'Bearer sk-test-secret' },
      secrets: ['sk-test-secret'],
    },
    model: 'deepseek-chat',
    limiter,
    deadlineMs,
    price: { input: 0.28, output: 0.42 },
    dialect,
    onDialectChange: (d) => dialects.push(d),
  });
  const chat = () => llm.requests.filter((r) => r.path.endsWith('/chat/completions'));
  return { llm, summarizer, dialects, limiter, chat };
}

describe('OpenAI-compatible provider', () => {
  it('should ask for json_schema with max_tokens, send the paper as JSON data, and count tokens and cost', async () => {
    const { llm, summarizer } = await setup();
    const out = await summarizer.summarize(paper(1, 'Chinese'));
    expect(out).toMatchObject({ status: 'ok', error: null, requests: 1, flags: [] });
    expect(out.fields!.tldr).toContain('Sparse attention for long documents 1');
    expect(out.tokensIn).toBeGreaterThan(0);
    expect(out.costUsd).toBeCloseTo((out.tokensIn! * 0.28 + out.tokensOut! * 0.42) / 1e6, 12);
    const body = llm.requests[0]!.body!;
    const messages = body.messages as { content: string }[];
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'paper_summary', strict: true },
    });
    expect(body.max_tokens).toBe(2048);
    expect(messages[0]!.content).toContain('Summarize the paper in Chinese');
    expect(JSON.parse(messages[1]!.content)).toMatchObject({ title: 'Sparse attention for long documents 1' });
    expect(summarizer.id).toBe('openai:deepseek-chat');
    expect(summarizer.usage!()).toMatchObject({
      requests: 1,
      retries: 0,
      tokensIn: out.tokensIn,
      tokensOut: out.tokensOut,
    });
  });

  it.each([
    [{ jsonSchema: false }, 'tools', 2],
    [{ jsonSchema: false, tools: false }, 'json', 3],
    [{ jsonSchema: false, tools: false, jsonMode: false }, 'text', 4],
  ] as const)(
    'should step down when the server rejects a mode (%o → %s) and keep the mode',
    async (supports, mode, calls) => {
      const { llm, summarizer, dialects } = await setup({ supports });
      expect((await summarizer.summarize(paper(1))).status).toBe('ok');
      expect(dialects.at(-1)!.mode).toBe(mode);
      expect(llm.requests).toHaveLength(calls);
      // The next paper starts in the mode that works.
      expect(await summarizer.summarize(paper(2))).toMatchObject({ status: 'ok', requests: 1 });
    },
  );

  it('should let the first paper find the mode while the others wait, then send them all in it', async () => {
    const { chat, summarizer, dialects } = await setup(
      { supports: { jsonSchema: false }, latencyMs: 20 },
      { concurrency: 8 },
    );
    const outs = await Promise.all(Array.from({ length: 8 }, (_, i) => summarizer.summarize(paper(i + 1))));
    expect(outs.every((o) => o.status === 'ok')).toBe(true);
    expect(chat().map((r) => r.status)).toEqual([400, ...Array(8).fill(200)]);
    expect(
      chat()
        .slice(1)
        .every((r) => r.mode === 'tools'),
    ).toBe(true);
    expect(dialects.map((d) => d.mode)).toEqual(['tools']);
  });

  it('should start from a dialect learnt earlier, all papers at once', async () => {
    const known: Dialect = {
      mode: 'json',
      looseSchema: false,
      stream: false,
      streamUsage: true,
      tokenParam: 'max_tokens',
      temperature: true,
      maxTokens: 2048,
      maxTokensCap: null,
    };
    const { chat, summarizer } = await setup(
      { supports: { jsonSchema: false, tools: false }, latencyMs: 30 },
      { dialect: known, concurrency: 4 },
    );
    await Promise.all(Array.from({ length: 4 }, (_, i) => summarizer.summarize(paper(i + 1))));
    expect(chat().map((r) => r.mode)).toEqual(['json_object', 'json_object', 'json_object', 'json_object']);
    const starts = chat().map((r) => r.start);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(25); // in parallel, not one by one
  });

  it('should read an answer given as a tool call', async () => {
    const { llm, summarizer } = await setup({ supports: { jsonSchema: false } });
    expect((await summarizer.summarize(paper())).status).toBe('ok');
    expect(llm.requests.at(-1)!.body!.tool_choice).toMatchObject({
      type: 'function',
      function: { name: 'paper_summary' },
    });
  });

  it.each([
    [{ type: 'invalid-json-answer' as const }],
    [{ type: 'invalid-json-answer' as const, variant: 'missing-field' as const }],
    [{ type: 'empty-field' as const }],
    [{ type: 'prose' as const }],
  ])('should repair an unusable answer once (%o)', async (fault) => {
    const { llm, summarizer } = await setup();
    llm.addFault(fault);
    const out = await summarizer.summarize(paper());
    expect(out).toMatchObject({ status: 'ok', requests: 2 });
    const repair = llm.requests[1]!.body!.messages as { content: string }[];
    expect(repair.at(-1)!.content).toMatch(/^That answer is not usable \(/);
  });

  it.each([
    ['think', 'reasoning with braces before the JSON'],
    ['prose-after', 'JSON then prose'],
    ['fence-prose', 'a fence in prose with braces'],
    ['array-field', 'a field as an array'],
    ['renamed-key', 'TL;DR and capitalised keys'],
    ['nested', 'the object nested in another'],
    ['whitespace', 'padded values'],
    ['fenced', 'a fence'],
  ] as const)('should read %s (%s) without a repair request', async (type, _what) => {
    const { llm, summarizer } = await setup();
    llm.addFault({ type });
    expect(await summarizer.summarize(paper())).toMatchObject({ status: 'ok', requests: 1 });
  });

  it('should ask again with a larger max_tokens when the answer is cut, without showing the cut text', async () => {
    const { llm, summarizer, dialects } = await setup();
    llm.addFault({ type: 'length' });
    expect(await summarizer.summarize(paper())).toMatchObject({ status: 'ok', requests: 2 });
    const [first, second] = llm.requests.map((r) => r.body!);
    expect([first!.max_tokens, second!.max_tokens]).toEqual([2048, 8192]);
    expect(second!.messages).toEqual(first!.messages);
    expect(dialects.at(-1)!.maxTokens).toBe(8192);
  });

  it('should fail with the reason when the repaired answer is still unusable', async () => {
    const { llm, summarizer } = await setup();
    llm.addFault({ type: 'invalid-json-answer' }, 2);
    const out = await summarizer.summarize(paper());
    expect(out).toMatchObject({ status: 'failed', fields: null, requests: 2 });
    expect(out.error).toMatch(/^invalid answer after a repair attempt: invalid JSON/);
  });

  it('should store refusals and content-filter answers as refused, never as a summary', async () => {
    const { llm, summarizer } = await setup();
    llm.addFault({ type: 'refusal', message: 'I cannot help with that.' });
    expect(await summarizer.summarize(paper(1))).toMatchObject({
      status: 'refused',
      fields: null,
      error: 'refused: I cannot help with that.',
    });
    llm.addFault({ type: 'content-filter' });
    expect(await summarizer.summarize(paper(2))).toMatchObject({
      status: 'refused',
      error: "refused by the provider's content filter",
    });
  });

  it.each([
    ['500', { type: '500' as const }],
    ['503', { type: '503' as const }],
    ['a truncated body', { type: 'truncated' as const }],
    ['a 200 whose body is an error (OpenRouter)', { type: 'error-200' as const }],
    ['a 200 without choices', { type: 'no-choices' as const }],
    ['headers then silence', { type: 'silence' as const }],
    ['no answer at all', { type: 'timeout' as const }],
  ])('should retry %s and go on', async (_name, fault) => {
    const { llm, summarizer } = await setup({}, { deadlineMs: 300 });
    llm.addFault(fault);
    expect(await summarizer.summarize(paper())).toMatchObject({ status: 'ok', requests: 2 });
    expect(llm.requests).toHaveLength(2);
    expect(summarizer.usage!()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('should read a stream sent unasked, and stream when the server only streams', async () => {
    const proxy = await setup({ alwaysStream: true });
    expect(await proxy.summarizer.summarize(paper(1))).toMatchObject({ status: 'ok', requests: 1 });
    const only = await setup({ streamOnly: true });
    const out = await only.summarizer.summarize(paper(2));
    expect(out).toMatchObject({ status: 'ok', requests: 2 });
    expect(out.tokensIn).toBeGreaterThan(0); // usage asked for with stream_options
    expect(only.llm.requests[1]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(only.dialects.at(-1)).toMatchObject({ stream: true });
  });

  it('should wait for Retry-After on a 429 and go on', async () => {
    const { llm, summarizer, limiter } = await setup();
    llm.addFault({ type: '429', retryAfter: 1 });
    const t0 = Date.now();
    expect(await summarizer.summarize(paper())).toMatchObject({ status: 'ok' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(limiter.stats().rateLimited).toBe(1);
  });

  it('should fail the paper with its true request count once retries are used up', async () => {
    const { llm, summarizer } = await setup();
    llm.addFault({ type: '500' }, 10);
    const out = await summarizer.summarize(paper());
    expect(out).toMatchObject({ status: 'failed', requests: 4 });
    expect(out.error).toMatch(/^HTTP 500: The server had an error .*\(after 4 requests\)$/);
  });

  it('should cut an oversized title or abstract for the prompt and flag the summary', async () => {
    const { llm, summarizer } = await setup();
    const out = await summarizer.summarize({ ...paper(), abstract: 'word '.repeat(100_000) });
    expect(out).toMatchObject({ status: 'ok', flags: ['input-truncated'] });
    expect(llm.requests[0]!.rawBody.length).toBeLessThan(6000);
  });

  it('should stop with one clear error on a bad key, and never show the key', async () => {
    const { summarizer } = await setup({ apiKey: 'sk-right' });
    await expect(summarizer.summarize(paper())).rejects.toBeInstanceOf(ProviderError);
    await expect(summarizer.summarize(paper())).rejects.toThrow(/HTTP 401.*check OPENAI_API_KEY/);
    // A server that echoes the key in its error: the message keeps it out.
    const echoing = createOpenAiSummarizer({
      endpoint: { url: 'http://127.0.0.1:9/v1/chat/completions', headers: {}, secrets: ['sk-test-secret'] },
      model: 'm',
      limiter: createLimiter({ concurrency: 1 }),
      deadlineMs: 1000,
      fetch: async () =>
        new Response(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-test-secret.' } }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        }),
    });
    const err = (await echoing.summarize(paper()).catch((x: unknown) => x)) as Error;
    expect(err.message).toContain('Incorrect API key provided: ***.');
    expect(err.message).not.toContain('sk-test-secret');
  });
});
