/**
 * Request input, checked once: every query parameter and path part a route reads goes through
 * here and comes out typed, or the request ends in a 400 that says what was expected. Pure
 * (throws HTTPException, which the app's one error handler turns into a page or JSON).
 */
import { HTTPException } from 'hono/http-exception';
import { parseArxivId } from '../core/arxiv-id.js';
import { isIsoDate } from '../core/dates.js';
import { checkSearchCost, toFtsQuery } from '../search/query.js';
import type { SearchFilters } from '../store/store.js';

export const badRequest = (message: string): HTTPException => new HTTPException(400, { message });

type Raw = string | undefined;

/** Optional text, trimmed; empty is null. */
export function textParam(value: Raw, name: string, maxLength: number): string | null {
  const v = value?.trim() ?? '';
  if (!v) return null;
  if (v.length > maxLength) throw badRequest(`${name}: at most ${maxLength} characters, got ${v.length}`);
  return v;
}

/** Optional `YYYY-MM-DD`; a real calendar date. */
export function dateParam(value: Raw, name: string): string | null {
  const v = value?.trim() ?? '';
  if (!v) return null;
  if (!isIsoDate(v)) throw badRequest(`${name}: expected a date as YYYY-MM-DD, got ${JSON.stringify(v.slice(0, 40))}`);
  return v;
}

/** A `from`..`to` pair where `from` is not after `to`. */
export function dateRange(from: Raw, to: Raw): { from: string | null; to: string | null } {
  const range = { from: dateParam(from, 'from'), to: dateParam(to, 'to') };
  if (range.from && range.to && range.from > range.to)
    throw badRequest(`from (${range.from}) is after to (${range.to})`);
  return range;
}

/** What to search for: the fields of the search page and of /api/search. */
export interface SearchParams {
  q: string | null;
  category: string | null;
  from: string | null;
  to: string | null;
  author: string | null;
}

export function searchParams(query: (name: string) => Raw): SearchParams {
  return {
    q: textParam(query('q'), 'q', 500),
    category: categoryParam(query('category')),
    ...dateRange(query('from'), query('to')),
    author: textParam(query('author'), 'author', 200),
  };
}

/** True when the reader asked for something: a query or a filter. */
export const asksSomething = (p: SearchParams): boolean => Boolean(p.q || p.category || p.from || p.to || p.author);

/**
 * Hits are listed up to this depth (offset + limit): deeper pages cost more with every page (each
 * is found by walking past the ones before it), and nobody reads the 1,001st hit of a search
 * that could be narrowed instead.
 */
export const MAX_SEARCH_DEPTH = 1000;

/**
 * The store's filters for one page of these hits; a 400 for a page beyond MAX_SEARCH_DEPTH and
 * for a query too costly to answer (search/query.ts checkSearchCost).
 */
export function searchFiltersOf(p: SearchParams, limit: number, offset: number): SearchFilters {
  if (offset + limit > MAX_SEARCH_DEPTH)
    throw badRequest(
      `hits are listed up to the ${MAX_SEARCH_DEPTH.toLocaleString('en-US')}th (offset + limit at most ${MAX_SEARCH_DEPTH}); ` +
        'narrow the search with more words, a category or dates to reach others',
    );
  const fts = p.q ? toFtsQuery(p.q) : null;
  if (fts) checkSearchCost(fts);
  return { fts, category: p.category, from: p.from, to: p.to, author: p.author, limit, offset };
}

/** Optional whole number within bounds; absent or empty is the default. */
export function intParam(value: Raw, name: string, bounds: { min: number; max: number; fallback: number }): number {
  const v = value?.trim() ?? '';
  if (!v) return bounds.fallback;
  const n = /^-?\d{1,9}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < bounds.min || n > bounds.max)
    throw badRequest(
      `${name}: expected a whole number from ${bounds.min} to ${bounds.max}, got ${JSON.stringify(v.slice(0, 40))}`,
    );
  return n;
}

// arXiv archives and subject classes: `cs.LG`, `hep-th`, `math.GT`, `astro-ph.CO`.
const CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z-]{1,10})?$/;

export function categoryParam(value: Raw): string | null {
  const v = value?.trim() ?? '';
  if (!v) return null;
  if (v.length > 40 || !CATEGORY.test(v))
    throw badRequest(`category: expected an arXiv category such as cs.LG, got ${JSON.stringify(v.slice(0, 40))}`);
  return v;
}

/** A comma-separated list (keywords), trimmed, empty entries dropped. */
export function listParam(value: Raw, name: string, limits: { items: number; length: number }): string[] {
  const items = (value ?? '')
    .split(/[,\uff0c]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length > limits.items) throw badRequest(`${name}: at most ${limits.items} entries, got ${items.length}`);
  for (const s of items)
    if (s.length > limits.length)
      throw badRequest(
        `${name}: each entry at most ${limits.length} characters, got ${JSON.stringify(s.slice(0, 40))}…`,
      );
  return items;
}

/**
 * The arXiv id in what follows a route prefix (`/papers/…`): old-style ids have a slash, which
 * may also arrive encoded (`astro-ph%2F0601001`). A version suffix is accepted and dropped.
 */
export function paperIdFromPath(rest: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    throw badRequest('not a valid URL path');
  }
  const parsed = parseArxivId(decoded);
  if (!parsed) throw badRequest(`not an arXiv id: ${JSON.stringify(decoded.slice(0, 60))}`);
  return parsed.id;
}

/** A redirect target from a form: a path on this server, never another site (`//evil`, `/\evil`). */
export function localPath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return /^\/(?![/\\])[\x21-\x7e]{0,500}$/.test(value) ? value : null;
}

/** `?sort=` of a day page: `score` (a ranked day best first) or `category` (the default). */
export function orderParam(value: Raw): 'category' | 'score' {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'category') return 'category';
  if (v === 'score') return 'score';
  throw badRequest(`sort: expected score or category, got ${JSON.stringify(v.slice(0, 40))}`);
}
