/**
 * Static assets served from memory: the site's stylesheet and script, and the app's additions.
 * A request names an asset; it never names a file, so no path (`../`, `%2e%2e`, `%2f`) can reach
 * the disk — anything not in the map is a 404. URLs carry a content hash, so they can be cached
 * for good.
 */
import { shortHash } from '../publish/site/html.js';
import { SITE_CSS } from '../publish/site/site-css.js';
import { SITE_JS } from '../publish/site/site-js.js';
import { SERVE_CSS } from './serve-css.js';
import { SERVE_JS } from './serve-js.js';

export interface Asset {
  body: string;
  type: string;
  /** URL with the `?v=` content hash, for pages to link. */
  href: string;
}

const asset = (name: string, body: string, type: string): [string, Asset] => [
  name,
  { body, type, href: `/assets/${name}?v=${shortHash(body)}` },
];

/** Asset name (the last path segment under /assets/) → content. */
export const ASSETS: ReadonlyMap<string, Asset> = new Map([
  // site.css and site.js are the static site's, so the app looks and behaves the same.
  asset('site.css', SITE_CSS, 'text/css; charset=utf-8'),
  asset('site.js', SITE_JS, 'text/javascript; charset=utf-8'),
  asset('serve.css', SERVE_CSS, 'text/css; charset=utf-8'),
  asset('serve.js', SERVE_JS, 'text/javascript; charset=utf-8'),
]);

export const assetHref = (name: 'serve.css' | 'serve.js'): string => ASSETS.get(name)!.href;
