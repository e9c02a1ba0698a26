/**
 * What the server's pages and the browser's scripts agree on: the page's data block (written by
 * the frame, read by site.js), the search index's shape and the global its script assigns, and
 * the keys the reader's choices are saved under. Shared by both sides, so it imports nothing and
 * uses neither Node nor DOM types.
 */

/** Id of the `<script type="application/json">` element holding the page's `PageData`. */
export const PAGE_DATA_ID = 'site-data';

/** The few words site.js writes itself (the search panel, the note on hidden papers). */
export interface PageLabels {
  searchLoading: string;
  searchFailed: string;
  noResults: string;
  /** [one, other], `{n}` filled in. */
  results: [string, string];
  moreResults: string;
  hiddenCount: string;
}

export interface PageData {
  /** Relative way back to the site root ('' or '../'); '/' in the web app. */
  root: string;
  /** Search index path relative to root (with `?v=`), or null for a page without search. */
  index: string | null;
  labels: PageLabels;
}

/** Name of the global the search index script assigns (`window.ARXIV_DIGEST_SEARCH = …`). */
export const SEARCH_GLOBAL = 'ARXIV_DIGEST_SEARCH';

/** [id, date index, title, authors joined by ", ", category indexes, TL;DR or "", abstract prefix]. */
export type SearchEntry = [string, number, string, string, number[], string, string];

export interface SearchIndex {
  /** Format version, so site.js can refuse an index it does not understand. */
  v: 1;
  dates: string[];
  cats: string[];
  papers: SearchEntry[];
}

/** localStorage keys of the reader's choices on the static site (and the web app's pages). */
export const STORAGE_KEYS = {
  theme: 'arxiv-digest.theme',
  settings: 'arxiv-digest.settings',
  order: 'arxiv-digest.order',
} as const;
