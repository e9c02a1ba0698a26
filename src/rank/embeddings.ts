/**
 * Optional semantic similarity through an OpenAI-compatible `/v1/embeddings` endpoint. Vectors
 * are cached per item and model through an injected cache (the store backs it with SQLite), so a
 * paper is embedded once. Fetching is here; scoring with the vectors is pure (rank.ts).
 */
import { createHash } from 'node:crypto';
import type OpenAI from 'openai';
import { AppError, errorMessage } from '../errors.js';
import type { LibraryEntry, RankPaper } from './types.js';

/** Turns texts into vectors, one per text, in order. */
export interface EmbeddingSource {
  /** Part of the cache key: vectors of two models never mix. */
  readonly model: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export interface EmbeddingCache {
  /** The cached vectors of those ids (missing ids are absent from the map). */
  get(ids: readonly string[], model: string): Map<string, Float32Array>;
  put(entries: ReadonlyMap<string, Float32Array>, model: string): void;
}

/** A provider's embeddings request failed or answered something unusable. */
export class EmbeddingError extends AppError {
  override name = 'EmbeddingError';
}

/** For tests and one-off runs. */
export class MemoryEmbeddingCache implements EmbeddingCache {
  readonly #byModel = new Map<string, Map<string, Float32Array>>();

  get(ids: readonly string[], model: string): Map<string, Float32Array> {
    const m = this.#byModel.get(model);
    const out = new Map<string, Float32Array>();
    for (const id of ids) {
      const v = m?.get(id);
      if (v) out.set(id, v);
    }
    return out;
  }

  put(entries: ReadonlyMap<string, Float32Array>, model: string): void {
    let m = this.#byModel.get(model);
    if (!m) this.#byModel.set(model, (m = new Map()));
    for (const [id, v] of entries) m.set(id, v);
  }
}

export interface OpenAiEmbeddingOptions {
  client: OpenAI;
  model: string;
  /** Inputs per request (providers cap it; 64 is safe for OpenAI, DeepSeek-style and vLLM). */
  batchSize?: number;
  /** Ask for shorter vectors (text-embedding-3-*); omitted when undefined. */
  dimensions?: number;
}

export function createOpenAiEmbeddingSource(opts: OpenAiEmbeddingOptions): EmbeddingSource {
  const batchSize = opts.batchSize ?? 64;
  return {
    model: opts.model,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let at = 0; at < texts.length; at += batchSize) {
        const input = texts.slice(at, at + batchSize);
        let res;
        try {
          // Floats asked for explicitly: the SDK's default (base64) is not served by every
          // "OpenAI-compatible" server.
          res = await opts.client.embeddings.create({
            model: opts.model,
            input,
            encoding_format: 'float',
            ...(opts.dimensions ? { dimensions: opts.dimensions } : {}),
          });
        } catch (e) {
          throw new EmbeddingError(`embeddings request failed (model ${opts.model}): ${errorMessage(e)}`, { cause: e });
        }
        const data = [...(res.data ?? [])].sort((a, b) => a.index - b.index);
        if (data.length !== input.length) {
          throw new EmbeddingError(
            `embeddings answer has ${data.length} vectors for ${input.length} inputs (model ${opts.model})`,
          );
        }
        for (const d of data) {
          if (!Array.isArray(d.embedding) || !d.embedding.length || d.embedding.some((x) => !Number.isFinite(x)))
            throw new EmbeddingError(
              `embeddings answer has an invalid vector at index ${d.index} (model ${opts.model})`,
            );
          out.push(Float32Array.from(d.embedding));
        }
      }
      return out;
    },
  };
}

/** What is embedded for a paper or library entry: title and abstract, like the lexical features. */
export const embeddingText = (p: Pick<RankPaper, 'title' | 'abstract'>): string =>
  `${p.title.trim()}\n\n${p.abstract.trim()}`.slice(0, 4000);

/**
 * The cache key of a library entry: its arXiv id (shared with the paper itself), else its DOI,
 * else a hash of its title.
 */
export function libraryEmbeddingId(e: LibraryEntry): string {
  if (e.arxivId) return e.arxivId;
  if (e.doi) return `doi:${e.doi.toLowerCase()}`;
  return `title:${createHash('sha256').update(e.title.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16)}`;
}

/**
 * Vectors for the items: cached ones from the cache, the rest from the source (then cached).
 * Duplicated ids are embedded once.
 */
export async function embedItems(
  source: EmbeddingSource,
  cache: EmbeddingCache,
  items: readonly { id: string; text: string }[],
): Promise<Map<string, Float32Array>> {
  const unique = new Map(items.map((i) => [i.id, i.text]));
  const found = cache.get([...unique.keys()], source.model);
  const missing = [...unique.keys()].filter((id) => !found.has(id)).sort();
  if (missing.length) {
    const vectors = await source.embed(missing.map((id) => unique.get(id)!));
    const fresh = new Map(missing.map((id, i) => [id, vectors[i]!]));
    cache.put(fresh, source.model);
    for (const [id, v] of fresh) found.set(id, v);
  }
  return found;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
