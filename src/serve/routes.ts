/**
 * The HTML pages and the forms (favorite, rating, profile). Each handler reads its input through
 * params.ts (the profile form through profile-form.ts), the store through its named methods, the
 * reader's ranking through the context's ranker, and renders with the page-*.ts views; input
 * errors are thrown as HTTPException and rendered by the app's one error handler.
 */
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { NotFoundError, UsageError } from '../errors.js';
import { renderBibtex, renderRis } from '../publish/citations.js';
import type { ReaderMark } from '../store/store.js';
import { NO_MARK } from '../ui/components/marks.js';
import { htmlBytes } from '../ui/html.js';
import { dayPageMain, daysMain } from '../ui/pages/app-days.js';
import { appPage } from '../ui/pages/app-frame.js';
import { paperMain } from '../ui/pages/app-paper.js';
import { dayPath, paperPath, withQuery } from '../ui/pages/app-paths.js';
import { profileMain, type ProfileForm, type ProfileProblem, type ProfileView } from '../ui/pages/app-profile.js';
import { favoritesMain, searchMain, type SearchForm, type SearchOutcome } from '../ui/pages/app-search.js';
import type { ServeContext } from './context.js';
import { citationDay, loadPaperDetails, paperCards, similarPapers } from './paper-data.js';
import {
  asksSomething,
  intParam,
  localPath,
  MAX_SEARCH_DEPTH,
  orderParam,
  paperIdFromPath,
  searchFiltersOf,
  searchParams,
} from './params.js';
import { formOfBody, profileForm, readProfileForm } from './profile-form.js';

const DAYS_PER_PAGE = 50;
const HITS_PER_PAGE = 20;
const SIMILAR = 8;

/** Pages show what the store holds now: never cached (a mark changes them). */
const page = (c: Context, body: string | readonly string[], status: 200 | 400 | 503 = 200) => {
  c.header('Cache-Control', 'no-store');
  return c.body(htmlBytes(body), status, { 'Content-Type': 'text/html; charset=UTF-8' });
};

export function registerPages(app: Hono, ctx: ServeContext): void {
  app.get('/', (c) => {
    const all = ctx.store.listDays();
    const pages = Math.max(1, Math.ceil(all.length / DAYS_PER_PAGE));
    const n = intParam(c.req.query('page'), 'page', { min: 1, max: pages, fallback: 1 });
    const main = daysMain(ctx.page(), {
      days: all.slice((n - 1) * DAYS_PER_PAGE, n * DAYS_PER_PAGE),
      totalDays: all.length,
      totalPapers: ctx.store.stats().papers,
      page: n,
      prev: n > 1 ? withQuery('/', { page: n - 1 }) : null,
      next: n < pages ? withQuery('/', { page: n + 1 }) : null,
    });
    return page(c, appPage(ctx.page(), { title: ctx.siteTitle, main, section: 'days' }));
  });

  app.get('/days/:date', async (c) => {
    const raw = c.req.param('date');
    const order = orderParam(c.req.query('sort'));
    const days = ctx.store.listDays();
    const date = ctx.resolveDay(raw, days);
    if (raw === 'latest') return c.redirect(order === 'score' ? `${dayPath(date)}?sort=score` : dayPath(date), 302);
    const i = days.findIndex((d) => d.date === date);
    const { day, problem } = await ctx.rankedDay(date);
    const marks = ctx.store.getMarks(day.papers.map((p) => p.paper.id));
    const main = dayPageMain(ctx.page(), day, marks, {
      older: days[i + 1]?.date ?? null,
      newer: i > 0 ? (days[i - 1]?.date ?? null) : null,
      order,
      rankingProblem: problem,
    });
    return page(c, appPage(ctx.page(), { title: date, main, section: 'days' }));
  });

  app.get('/papers/*', (c) => {
    const rest = c.req.path.slice('/papers/'.length);
    if (/\/(favorite|rating)$/.test(rest))
      throw new HTTPException(405, { message: 'send favorites and ratings with POST' });
    const id = paperIdFromPath(rest);
    const details = loadPaperDetails(ctx.store, id, ctx.view, ctx.today());
    if (!details) throw new HTTPException(404, { message: `no paper ${id} in the store` });
    const main = paperMain(details, similarPapers(ctx.store, details.paper, SIMILAR), ctx.page(), ctx.view.language);
    return page(c, appPage(ctx.page(), { title: details.paper.title, main }));
  });

  app.post('/papers/*', async (c) => {
    const m = /^(.+)\/(favorite|rating)$/.exec(c.req.path.slice('/papers/'.length));
    if (!m) throw new HTTPException(404, { message: 'nothing to post here' });
    const id = paperIdFromPath(m[1]!);
    const body = await c.req.parseBody();
    const value = typeof body.value === 'string' ? body.value : undefined;
    let change: Partial<ReaderMark>;
    if (m[2] === 'favorite') {
      if (value !== '1' && value !== '0') throw new HTTPException(400, { message: 'value: expected 1 or 0' });
      change = { favorite: value === '1' };
    } else {
      if (value !== '1' && value !== '0' && value !== '-1')
        throw new HTTPException(400, { message: 'value: expected 1, 0 or -1' });
      change = { rating: Number(value) as ReaderMark['rating'] };
    }
    if (!ctx.store.setMark(id, change)) throw new HTTPException(404, { message: `no paper ${id} in the store` });
    ctx.readerChanged();
    const mark = ctx.store.getMarks([id]).get(id) ?? NO_MARK;
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json({ id, ...mark });
    return c.redirect(localPath(body.back) ?? paperPath(id), 303);
  });

  app.get('/search', async (c) => {
    const raw = (name: string) => c.req.query(name) ?? '';
    const form: SearchForm = {
      q: raw('q').slice(0, 500),
      category: raw('category').slice(0, 40),
      from: raw('from').slice(0, 10),
      to: raw('to').slice(0, 10),
      author: raw('author').slice(0, 200),
    };
    const render = (outcome: SearchOutcome | null, error: string | null, status: 400 | 503 = 400) =>
      page(
        c,
        appPage(ctx.page(), {
          title: form.q || ctx.app.searchTitle,
          main: searchMain(ctx.page(), form, outcome, error, ctx.categoryOrder),
          section: 'search',
          query: form.q,
        }),
        error ? status : 200,
      );
    try {
      const p = searchParams((name) => c.req.query(name));
      const n = intParam(c.req.query('page'), 'page', { min: 1, max: 500, fallback: 1 });
      if (!asksSomething(p)) return render(null, null);
      const { hits, more, order } = await ctx.search.searchPage(
        searchFiltersOf(p, HITS_PER_PAGE, (n - 1) * HITS_PER_PAGE),
        c.req.raw.signal,
      );
      // The last page there is (MAX_SEARCH_DEPTH) says so instead of linking to one that is refused.
      const deepest = n * HITS_PER_PAGE + HITS_PER_PAGE > MAX_SEARCH_DEPTH;
      const at = (p: number) => withQuery('/search', { ...form, page: p > 1 ? p : null });
      return render(
        {
          hits,
          page: n,
          prev: n > 1 ? at(n - 1) : null,
          next: more && !deepest ? at(n + 1) : null,
          broad: Boolean(p.q) && order === 'newest',
          depthLimit: more && deepest ? MAX_SEARCH_DEPTH : null,
        },
        null,
      );
    } catch (e) {
      // The reader's own input: shown on the form they can fix, not on an error page.
      if (e instanceof HTTPException && (e.status === 400 || e.status === 503))
        return render(null, e.message, e.status);
      if (e instanceof UsageError) return render(null, e.message);
      throw e;
    }
  });

  app.get('/favorites', (c) => {
    const favorites = ctx.store.listFavorites();
    const cards = paperCards(ctx.store, favorites, ctx.view);
    const marks = ctx.store.getMarks(favorites.map((p) => p.id));
    return page(
      c,
      appPage(ctx.page(), {
        title: ctx.app.favorites,
        main: favoritesMain(ctx.page(), cards, marks, ctx.view.language),
        section: 'favorites',
      }),
    );
  });

  const profilePage = (c: Context, form: ProfileForm | null, problems: readonly ProfileProblem[]) => {
    const r = ctx.ranker;
    let up = 0;
    let down = 0;
    let favorites = 0;
    for (const m of ctx.store.listMarks().values()) {
      if (m.rating === 1) up++;
      else if (m.rating === -1) down++;
      if (m.favorite) favorites++;
    }
    const notice = c.req.query('saved') !== undefined ? 'saved' : c.req.query('reset') !== undefined ? 'reset' : null;
    const view: ProfileView = {
      ranking: r ? { active: r.active(), library: r.profile().library } : null,
      form: form ?? (r ? profileForm(r.profile()) : formOfBody({})),
      problems,
      notice: problems.length ? null : notice,
      marks: { up, down, favorites },
    };
    const body = appPage(ctx.page(), {
      title: ctx.app.profile,
      main: profileMain(ctx.page(), view),
      section: 'profile',
    });
    return page(c, body, problems.length ? 400 : 200);
  };

  app.get('/profile', (c) => profilePage(c, null, []));

  app.post('/profile', async (c) => {
    const ranker = ctx.ranker;
    if (!ranker)
      throw new HTTPException(404, {
        message: 'ranking is not configured on this server: there is no profile to edit',
      });
    const body = await c.req.parseBody();
    if (body.action === 'reset') {
      ranker.saveProfile(null);
      ctx.readerChanged();
      return c.redirect('/profile?reset', 303);
    }
    const form = formOfBody(body);
    const outcome = readProfileForm(form, ranker.profile().library, ctx.app);
    // The reader's own input: shown on the form they can fix, with their text kept.
    if (!outcome.ok) return profilePage(c, form, outcome.problems);
    ranker.saveProfile(outcome.profile);
    ctx.readerChanged();
    return c.redirect('/profile?saved', 303);
  });

  const citations = (format: 'bib' | 'ris') => (c: Context) => {
    const cards = paperCards(ctx.store, ctx.store.listFavorites(), ctx.view);
    const day = citationDay(cards, ctx.today(), ctx.view.language);
    const type = format === 'bib' ? 'application/x-bibtex' : 'application/x-research-info-systems';
    c.header('Content-Disposition', `attachment; filename="favorites.${format}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(format === 'bib' ? renderBibtex(day) : renderRis(day), 200, {
      'Content-Type': `${type}; charset=utf-8`,
    });
  };
  app.get('/favorites.bib', citations('bib'));
  app.get('/favorites.ris', citations('ris'));
}

/** Status of an error for the client: our typed errors keep their meaning, the rest is a 500. */
export function statusOf(err: Error): number {
  if (err instanceof HTTPException) return err.status;
  if (err instanceof UsageError) return 400;
  if (err instanceof NotFoundError) return 404;
  return 500;
}
