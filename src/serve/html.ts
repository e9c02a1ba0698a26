/**
 * The web app's one way of writing HTML: the `markup` tagged template escapes every interpolated
 * value with the site's `esc` unless the value is already `SafeHtml` (built by `markup` itself, or
 * wrapped by `trusted` around output of the site's renderers, which escape on their own). So a
 * page cannot forget to escape a title: forgetting gives escaped text, never markup.
 *
 * Named `markup`, not `html`, on purpose: Prettier reformats the contents of templates tagged
 * `html` as HTML (`<br>` becomes `<br />`, lines are re-wrapped), which would change the pages. Pure.
 */
import { esc } from '../publish/site/html.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../store/store.js';

/** Markup known to be safe. Only `markup` and `trusted` make one. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return esc(String(value));
}

/** `markup\`<p>${title}</p>\``: strings and numbers are escaped, SafeHtml is kept, null/false vanish. */
export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Output of a renderer that escapes by itself (the static site's day and paper markup). */
export const trusted = (markup: string): SafeHtml => new SafeHtml(markup);

/**
 * Safe markup kept as its pieces (a day page: a card each), joined only as bytes (htmlBytes).
 * Only `trustedParts` makes one, around output of the site's renderers.
 */
export class SafeParts {
  constructor(readonly parts: readonly string[]) {}
}

export const trustedParts = (parts: readonly string[]): SafeParts => new SafeParts(parts);

/**
 * A page as the UTF-8 bytes of a response, encoded a few dozen kilobytes at a time. Given as one
 * string, a day page (a megabyte, mostly two-byte text) was first copied flat into a 2 MB string,
 * scanned for its Content-Length and encoded into a 3 MB buffer by the socket, each fresh memory:
 * the server's CPU per day page fell from 11.3 to about 9 ms (its system time from 3.0 to 0.65).
 */
export function htmlBytes(page: string | readonly string[]): Buffer<ArrayBuffer> {
  if (typeof page === 'string') return Buffer.from(page);
  const chunks: Uint8Array[] = [];
  let group = '';
  for (const part of page) {
    group += part;
    if (group.length >= 16_384) {
      chunks.push(Buffer.from(group));
      group = '';
    }
  }
  chunks.push(Buffer.from(group));
  return Buffer.concat(chunks);
}

/**
 * A search snippet with the store's highlight markers turned into `<mark>`: the text is escaped
 * first, so a marker can never wrap markup that came from the paper; stray markers are dropped.
 */
export function highlightSnippet(snippet: string): SafeHtml {
  const pair = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_START}${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`, 'g');
  const stray = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, 'g');
  return new SafeHtml(esc(snippet).replace(pair, '<mark>$1</mark>').replace(stray, ''));
}

/** The snippet as plain text with `**` around matches, like `search --json`. */
export const plainSnippet = (snippet: string): string =>
  snippet.replace(new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, 'g'), '**');

/** Path of a paper's page; old-style ids keep their slash (`/papers/astro-ph/0601001`). */
export const paperPath = (id: string): string => `/papers/${id.split('/').map(encodeURIComponent).join('/')}`;

/** Path of a day's page. */
export const dayPath = (date: string): string => `/days/${encodeURIComponent(date)}`;

/** A path with a query string of the non-empty values. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
