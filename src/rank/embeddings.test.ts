/** Embeddings against a loopback /v1/embeddings stand-in speaking the real wire format. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { listenLoopback } from '../../test/support/loopback.js';
import {
  createOpenAiEmbeddingSource,
  embedItems,
  EmbeddingError,
  embeddingText,
  libraryEmbeddingId,
  MemoryEmbeddingCache,
} from './embeddings.js';

const DIM = 16;

/** A bag of words hashed into DIM buckets: texts sharing words get close vectors. */
function fakeVector(text: string): number[] {
  const v = new Array<number>(DIM).fill(0);
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    let h = 0;
    for (const c of w) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    v[h % DIM]! += 1;
  }
  return v;
}

interface Request {
  body: { model: string; input: string[]; encoding_format?: string; dimensions?: number };
}

async function standIn(answer?: (body: Request['body']) => { status: number; body: unknown } | null) {
  const requests: Request[] = [];
  const server = await listenLoopback('embeddings stand-in', async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = JSON.parse(raw) as Request['body'];
    requests.push({ body });
    const custom = answer?.(body);
    const reply = custom ?? {
      status: 200,
      body: {
        object: 'list',
        model: body.model,
        // Out of order on purpose: clients must sort by index.
        data: body.input.map((t, index) => ({ object: 'embedding', index, embedding: fakeVector(t) })).reverse(),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      },
    };
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0 });
  closers.push(server.close);
  return { requests, client };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

describe('rank: embeddings', () => {
  it('should ask for floats in batches and keep the input order', async () => {
    const { requests, client } = await standIn();
    const source = createOpenAiEmbeddingSource({ client, model: 'text-embedding-3-small', batchSize: 2 });
    const texts = ['graph networks', 'speech audio', 'graph kernels'];
    const vectors = await source.embed(texts);
    expect(requests.map((r) => r.body.input)).toEqual([['graph networks', 'speech audio'], ['graph kernels']]);
    expect(requests[0]!.body.encoding_format).toBe('float');
    expect(requests[0]!.body.dimensions).toBeUndefined();
    expect(vectors.map((v) => Array.from(v))).toEqual(texts.map(fakeVector));
  });

  it('should embed only what the cache lacks, once per id, and keep models apart', async () => {
    const { requests, client } = await standIn();
    const cache = new MemoryEmbeddingCache();
    const source = createOpenAiEmbeddingSource({ client, model: 'm1' });
    const items = [
      { id: 'b', text: 'beta' },
      { id: 'a', text: 'alpha' },
      { id: 'a', text: 'alpha' },
    ];
    const first = await embedItems(source, cache, items);
    expect([...first.keys()].sort()).toEqual(['a', 'b']);
    expect(requests.map((r) => r.body.input)).toEqual([['alpha', 'beta']]);
    await embedItems(source, cache, [...items, { id: 'c', text: 'gamma' }]);
    expect(requests.map((r) => r.body.input)).toEqual([['alpha', 'beta'], ['gamma']]);
    expect(cache.get(['a', 'c'], 'm2').size).toBe(0);
  });

  it('should turn provider failures and unusable answers into EmbeddingError with the cause', async () => {
    const failing = await standIn(() => ({ status: 500, body: { error: { message: 'boom', type: 'server_error' } } }));
    const source = createOpenAiEmbeddingSource({ client: failing.client, model: 'm' });
    const error = await source.embed(['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as Error).message).toMatch(/^embeddings request failed \(model m\): 500/);
    expect((error as Error).cause).toBeInstanceOf(OpenAI.APIError);

    const short = await standIn(() => ({ status: 200, body: { object: 'list', data: [], model: 'm' } }));
    await expect(createOpenAiEmbeddingSource({ client: short.client, model: 'm' }).embed(['x'])).rejects.toThrow(
      'embeddings answer has 0 vectors for 1 inputs (model m)',
    );
  });

  it('should key library entries by arXiv id, DOI or title', () => {
    expect(libraryEmbeddingId({ title: 'T', abstract: '', authors: [], arxivId: '2401.00001' })).toBe('2401.00001');
    expect(libraryEmbeddingId({ title: 'T', abstract: '', authors: [], doi: '10.1/ABC' })).toBe('doi:10.1/abc');
    expect(libraryEmbeddingId({ title: ' A  Title ', abstract: '', authors: [] })).toBe(
      libraryEmbeddingId({ title: 'a title', abstract: '', authors: [] }),
    );
    expect(embeddingText({ title: ' T ', abstract: 'A' })).toBe('T\n\nA');
  });
});
