/**
 * The OpenAI-compatible provider against the loopback stand-in, through the real `openai` SDK
 * and the shared limiter: one test per behaviour.
 */
import OpenAI from 'openai';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startOpenAiStandIn, type OpenAiStandInOptions } from '../../test/support/openai-standin.js';
import { createLimiter } from './limiter.js';
import { ProviderError, createOpenAiSummarizer, type StructuredMode } from './openai.js';
import type { SummaryRequest } from './types.js';

const paper = (n = 1, language = 'English'): SummaryRequest => ({
  paperId: `2609.0000${n}`,
  version: 1,
  title: `Sparse attention for long documents ${n}`,
  abstract: 'Long documents are costly for transformers. We propose a sparse attention scheme. It halves memory use.',
  language,
});

async function setup(options: OpenAiStandInOptions = {}, timeout = 2000) {
  const llm = await startOpenAiStandIn(options);
  onTestFinished(() => llm.close());
  const modes: StructuredMode[] = [];
  const limiter = createLimiter({ concurrency: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetries: 3 });
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: llm.url, timeout, maxRetries: 0 });
  const summarizer = createOpenAiSummarizer({
    client,
    model: 'deepseek-chat',
    limiter,
    price: { input: 0.28, output: 0.42 },
    onModeChange: (m) => modes.push(m),
  });
  return { llm, summarizer, modes, limiter };
}

describe('OpenAI-compatible provider', () => {
  it('should ask for json_schema, send the paper as delimited data, and count tokens and cost', async () => {
    const { llm, summarizer } = await setup();
    const out = await summarizer.summarize(paper(1, 'Chinese'));
    expect(out).toMatchObject({ status: 'ok', error: null, requests: 1 });
    expect(out.fields!.tldr).toContain('Sparse attention for long documents 1');
    expect(out.tokensIn).toBeGreaterThan(0);
    expect(out.costUsd).toBeCloseTo((out.tokensIn! * 0.28 + out.tokensOut! * 0.42) / 1e6, 12);
    const body = llm.requests[0]!.body!;
    const messages = body.messages as { content: string }[];
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'paper_summary', strict: true },
    });
    expect(messages[0]!.content).toContain('Write every field in Chinese.');
    expect(messages[1]!.content).toMatch(/^<paper>\n\{"title":"Sparse attention/);
    expect(summarizer.id).toBe('openai:deepseek-chat');
  });

  it.each([
    [{ jsonSchema: false }, 'tools', 2],
    [{ jsonSchema: false, tools: false }, 'json', 3],
    [{ jsonSchema: false, tools: false, jsonMode: false }, 'text', 4],
  ] as const)(
    'should step down when the server rejects a mode (%o → %s) and keep the mode',
    async (supports, mode, calls) => {
      const { llm, summarizer, modes } = await setup({ supports });
      expect((await summarizer.summarize(paper(1))).status).toBe('ok');
      expect(modes.at(-1)).toBe(mode);
      expect(llm.requests).toHaveLength(calls);
      // The next paper starts in the mode that works.
      expect(await summarizer.summarize(paper(2))).toMatchObject({ status: 'ok', requests: 1 });
    },
  );

  it('should read an answer given as a tool call', async () => {
    const { llm, summarizer } = await setup({ supports: { jsonSchema: false } });
    const out = await summarizer.summarize(paper());
    expect(out.status).toBe('ok');
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
    [{ type: 'length' as const }],
  ])('should repair an unusable answer once (%o)', async (fault) => {
    const { llm, summarizer } = await setup();
    llm.addFault(fault);
    const out = await summarizer.summarize(paper());
    expect(out).toMatchObject({ status: 'ok', requests: 2 });
    const repair = llm.requests[1]!.body!.messages as { content: string }[];
    expect(repair.at(-1)!.content).toMatch(/^That answer is not usable \(/);
  });

  it('should store a failure with the reason when the repaired answer is still unusable', async () => {
    const { llm, summarizer } = await setup();
    llm.addFault({ type: 'invalid-json-answer' }, 2);
    const out = await summarizer.summarize(paper());
    expect(out).toMatchObject({ status: 'failed', fields: null, requests: 2 });
    expect(out.error).toMatch(/^invalid answer after a repair attempt: invalid JSON/);
  });

  it('should take a JSON answer in a code fence', async () => {
    const { llm, summarizer } = await setup();
    llm.addFault({ type: 'fenced' });
    expect(await summarizer.summarize(paper())).toMatchObject({ status: 'ok', requests: 1 });
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
  ])('should retry %s and go on', async (_name, fault) => {
    const { llm, summarizer } = await setup();
    llm.addFault(fault);
    expect(await summarizer.summarize(paper())).toMatchObject({ status: 'ok', requests: 2 });
    expect(llm.requests).toHaveLength(2);
  });

  it('should wait for Retry-After on a 429 and go on', async () => {
    const { llm, summarizer, limiter } = await setup();
    llm.addFault({ type: '429', retryAfter: 1 });
    const t0 = Date.now();
    expect(await summarizer.summarize(paper())).toMatchObject({ status: 'ok' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(limiter.stats().rateLimited).toBe(1);
  });

  it('should give up on a request after the timeout and retry it', async () => {
    const { llm, summarizer } = await setup({}, 300);
    llm.addFault({ type: 'timeout' });
    expect(await summarizer.summarize(paper())).toMatchObject({ status: 'ok', requests: 2 });
  });

  it('should stop with one clear error on a bad key (every paper would fail)', async () => {
    const { summarizer } = await setup({ apiKey: 'sk-right' });
    await expect(summarizer.summarize(paper())).rejects.toBeInstanceOf(ProviderError);
    await expect(summarizer.summarize(paper())).rejects.toThrow(/HTTP 401.*check OPENAI_API_KEY/);
  });
});
