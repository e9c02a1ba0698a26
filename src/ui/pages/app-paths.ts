/** The web app's URLs, shared by its pages (which link them) and its routes (which answer them). Pure. */

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
