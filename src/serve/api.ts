/**
 * The JSON API under /api/: days, a day (the `render --format json` document, ranked for the
 * reader when the app has a ranker), a paper with everything stored about it, search, and the
 * filter for agents. Read-only; errors are
 * `{"error": {"status", "message"}}` (the app's error handler). Field names are snake_case like
 * the day document's.
 */
import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { absUrl } from '../core/arxiv-id.js';
import { paperLinks, renderJson, shownSummary } from '../publish/json.js';
import type { ServeContext } from './context.js';
import { plainSnippet } from '../ui/components/hits.js';
import type { PaperDetails } from '../ui/pages/app-paper.js';
import { loadPaperDetails } from './paper-data.js';
import {
  asksSomething,
  badRequest,
  categoryParam,
  dateRange,
  intParam,
  listParam,
  MAX_SEARCH_DEPTH,
  paperIdFromPath,
  searchFiltersOf,
  searchParams,
  textParam,
} from './params.js';

function paperJson(d: PaperDetails) {
  const p = d.paper;
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    authors: p.authors,
    categories: p.categories,
    primary: d.card.primary,
    abstract: p.abstract,
    comment: p.comment,
    journal_ref: p.journalRef,
    doi: p.doi,
    published: p.published,
    updated: p.updated,
    links: paperLinks(p.id, d.codeLinks[0] ?? null),
    /** The summary shown in the configured language (same rules as the day document). */
    summary: shownSummary(d.card.summary),
    summaries: d.summaries.map((x) => ({
      language: x.language,
      version: x.version,
      summarizer: x.summarizer,
      prompt_version: x.promptVersion,
      status: x.status,
      tldr: x.fields?.tldr ?? null,
      motivation: x.fields?.motivation ?? null,
      method: x.fields?.method ?? null,
      result: x.fields?.result ?? null,
      conclusion: x.fields?.conclusion ?? null,
      error: x.error ?? null,
      flags: x.flags,
      created_at: x.createdAt,
      updated_at: x.updatedAt,
    })),
    announcements: d.announcements,
    code_links: d.codeLinks.map((l) => ({ url: l.url, stars: l.stars ?? null, last_update: l.lastUpdate ?? null })),
    marks: d.mark,
    bibtex: d.bibtex,
  };
}

export function registerApi(app: Hono, ctx: ServeContext): void {
  app.get('/api/days', (c) => c.json({ days: ctx.store.listDays() }));

  // The day document of `render --format json`, of the day ranked for the reader when there is a
  // ranker: the document then carries what json.ts writes of each paper's rank.
  app.get('/api/days/:date', async (c) => {
    const date = ctx.resolveDay(c.req.param('date'));
    const { day } = await ctx.rankedDay(date);
    return c.body(renderJson(day), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.get('/api/papers/*', (c) => {
    const id = paperIdFromPath(c.req.path.slice('/api/papers/'.length));
    const details = loadPaperDetails(ctx.store, id, ctx.view, ctx.today());
    if (!details) throw new HTTPException(404, { message: `no paper ${id} in the store` });
    return c.json(paperJson(details));
  });

  app.get('/api/search', async (c) => {
    const p = searchParams((name) => c.req.query(name));
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 100, fallback: 20 });
    const offset = intParam(c.req.query('offset'), 'offset', { min: 0, max: MAX_SEARCH_DEPTH, fallback: 0 });
    if (!asksSomething(p)) throw badRequest('give a query (q) or a filter (category, from, to, author)');
    const { hits, more, order } = await ctx.search.searchPage(searchFiltersOf(p, limit, offset), c.req.raw.signal);
    return c.json({
      ...p,
      limit,
      offset,
      count: hits.length,
      more,
      order,
      hits: hits.map((h) => ({ ...h, snippet: plainSnippet(h.snippet), url: absUrl(h.id) })),
    });
  });

  app.get('/api/filter', async (c) => {
    const category = categoryParam(c.req.query('category'));
    const keywords = listParam(c.req.query('keywords'), 'keywords', { items: 50, length: 100 });
    const author = textParam(c.req.query('author'), 'author', 200);
    const { from, to } = dateRange(c.req.query('from'), c.req.query('to'));
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 500, fallback: 50 });
    const offset = intParam(c.req.query('offset'), 'offset', { min: 0, max: 10_000, fallback: 0 });
    if (!category && keywords.length === 0 && !author)
      throw badRequest('give at least one of category, keywords (comma-separated) and author');
    return c.json(await ctx.search.filter({ category, keywords, author, from, to, limit, offset }, c.req.raw.signal));
  });
}
