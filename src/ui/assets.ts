/**
 * The browser's files: src/ui/browser/{site,serve}.ts and .css, bundled and minified by esbuild
 * at build time (`npm run build`) into dist/ui/browser/, read from there on first use — from
 * dist/ui/ and from src/ui/ (tests, benches) alike, both being two levels below the package.
 * Each carries the two hashes pages need: a short one for `?v=` in URLs (a static host's cache
 * never serves last week's script) and the CSP source of its text, for a page that inlines it.
 * A request names an asset; it never names a file, so no path can reach the disk.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import { cspHash, shortHash } from './html.js';

export type AssetName = 'site.css' | 'site.js' | 'serve.css' | 'serve.js';

export const ASSET_NAMES: readonly AssetName[] = ['site.css', 'site.js', 'serve.css', 'serve.js'];

export interface Asset {
  name: AssetName;
  body: string;
  type: string;
  /** `name?v=HASH`, to be put after the folder the page links it from. */
  versioned: string;
  /** `'sha256-…'`, for a CSP that allows this text inline. */
  csp: string;
}

const BUNDLES = new URL('../../dist/ui/browser/', import.meta.url);

const cache = new Map<AssetName, Asset>();

export function asset(name: AssetName): Asset {
  let a = cache.get(name);
  if (!a) {
    const file = new URL(name, BUNDLES);
    let body: string;
    try {
      body = readFileSync(file, 'utf8');
    } catch (e) {
      throw new AppError(
        `the browser bundle ${fileURLToPath(file)} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}): run "npm run build"`,
        { cause: e },
      );
    }
    const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    a = { name, body, type, versioned: `${name}?v=${shortHash(body)}`, csp: cspHash(body) };
    cache.set(name, a);
  }
  return a;
}

/** The asset a request names, or null: anything not one of ours is a 404. */
export const assetNamed = (name: string): Asset | null =>
  (ASSET_NAMES as readonly string[]).includes(name) ? asset(name as AssetName) : null;
