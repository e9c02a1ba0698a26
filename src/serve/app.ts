/**
 * The local web app as a Hono app: `createApp(deps)` wires the security middleware, the static
 * assets, the pages and forms (routes.ts) and the JSON API (api.ts), and has the one error
 * handler that turns every failure into a page or JSON with the right status — never a stack
 * trace. No side effects: nothing listens, nothing is opened; server.ts serves it, tests call
 * `app.request()`.
 *
 *   GET  /                      days, newest first (?page=)
 *   GET  /days/:date            a day like the static site's, with ★ 👍 👎 per paper (latest too),
 *                               ranked for the reader when there is a ranker (?sort=score)
 *   GET  /papers/:id            everything about a paper (old-style ids keep their slash)
 *   POST /papers/:id/favorite   value=1|0      } forms: 303 back without JavaScript,
 *   POST /papers/:id/rating     value=1|0|-1   } JSON with Accept: application/json
 *   GET  /search                ?q=&category=&from=&to=&author=&page=
 *   GET  /favorites             and /favorites.bib, /favorites.ris
 *   GET  /profile               the reader's profile as a form;
 *   POST /profile               save it (303 back, problems on the form) or action=reset
 *   GET  /assets/:name          site.css, site.js, serve.css, serve.js (from memory)
 *   GET  /api/…                 see api.ts
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { registerApi } from './api.js';
import { assetNamed } from '../ui/assets.js';
import { appPage, bareErrorPage } from '../ui/pages/app-frame.js';
import { errorMain } from '../ui/pages/app-search.js';
import { serveContext, type AppDeps, type ServeContext } from './context.js';
import { registerPages, statusOf } from './routes.js';
import { accessToken, limitBody, loopbackHostOnly, sameOriginOnly, securityHeaders } from './security.js';

export type { AppDeps } from './context.js';

/** Request bodies are small form fields (the profile's the largest); anything bigger is not ours. */
export const MAX_BODY_BYTES = 16 * 1024;

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 408 | 413 | 429 | 500 | 503;
const KNOWN: readonly number[] = [400, 401, 403, 404, 405, 408, 413, 429, 500, 503];

function errorResponse(c: Context, ctx: ServeContext, status: number, message: string): Response {
  const code = (KNOWN.includes(status) ? status : status >= 500 ? 500 : 400) as ErrorStatus;
  if (code === 401) c.header('WWW-Authenticate', 'Bearer realm="arxiv-digest"');
  c.header('Cache-Control', 'no-store');
  if (c.req.path.startsWith('/api/')) return c.json({ error: { status: code, message } }, code);
  const title = code === 405 ? 'Method not allowed' : ctx.app.errors[code as keyof typeof ctx.app.errors];
  // Refused before the token check passed: a page that loads nothing, since its assets would be refused too.
  if (code === 401 || code === 429) return c.html(bareErrorPage(title, message, ctx.labels.lang), code);
  return c.html(appPage(ctx.page(), { title, main: errorMain(ctx.page(), title, message) }).join(''), code);
}

export function createApp(deps: AppDeps): Hono {
  const ctx = serveContext(deps);
  const app = new Hono();

  app.use(securityHeaders());
  if (deps.token === null) app.use(loopbackHostOnly());
  app.use(sameOriginOnly());
  if (deps.token !== null) app.use(accessToken(deps.token));
  app.use(limitBody(MAX_BODY_BYTES));

  app.get('/assets/:name', (c) => {
    const asset = assetNamed(c.req.param('name'));
    if (!asset) throw new HTTPException(404, { message: 'no such asset' });
    // URLs carry a content hash: a new release has new URLs, so an old copy is never stale.
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.body(asset.body, 200, { 'Content-Type': asset.type });
  });

  registerPages(app, ctx);
  registerApi(app, ctx);

  app.notFound((c) => errorResponse(c, ctx, 404, `nothing at ${c.req.path.slice(0, 200)}`));
  app.onError((err, c) => {
    const status = statusOf(err);
    // A 503 (a search out of time) says what happened; anything else from 500 up is ours.
    if (status >= 500 && !(err instanceof HTTPException && status === 503)) {
      ctx.log(`serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
      return errorResponse(c, ctx, 500, 'internal error: the details are in the server log');
    }
    return errorResponse(c, ctx, status, err.message);
  });
  return app;
}
