/**
 * Search across every day of the site, from the prebuilt index (assets/search-index.js), loaded
 * on first use with a script element: fetch() of a local file is refused on file://. Results are
 * built with DOM nodes only; the terms in them are marked.
 */
import type { PageData, PageLabels, SearchIndex } from '../page-data.js';
import { byId, doc, fill, lower, plural } from './dom.js';
import { hasTerm, markTerms } from './highlight.js';

declare global {
  interface Window {
    ARXIV_DIGEST_SEARCH?: SearchIndex;
  }
}

const MAX_RESULTS = 100;

interface Entry {
  id: string;
  date: string;
  title: string;
  authors: string;
  cats: string[];
  tldr: string;
  abs: string;
  lTitle: string;
  lAuthors: string;
  lRest: string;
}

export interface SearchBox {
  focus(): void;
  hide(): void;
}

function prepare(index: SearchIndex): Entry[] {
  const dates = index.dates || [];
  const cats = index.cats || [];
  return (index.papers || []).map((p) => {
    const title = p[2] || '';
    const authors = p[3] || '';
    const entryCats = (p[4] || []).map((i) => cats[i] || '');
    const tldr = p[5] || '';
    const abs = p[6] || '';
    return {
      id: p[0],
      date: dates[p[1]] || '',
      title,
      authors,
      cats: entryCats,
      tldr,
      abs,
      lTitle: lower(title),
      lAuthors: lower(authors),
      lRest: lower(entryCats.join(' ') + '\n' + tldr + '\n' + abs),
    };
  });
}

function score(e: Entry, terms: readonly string[]): number {
  let total = 0;
  for (const t of terms) {
    const s = hasTerm(e.lTitle, t) ? 4 : hasTerm(e.lAuthors, t) ? 3 : hasTerm(e.lRest, t) ? 1 : 0;
    if (!s) return 0;
    total += s;
  }
  return total;
}

function resultItem(data: PageData, e: Entry, terms: readonly string[]): HTMLLIElement {
  const li = doc.createElement('li');
  const a = doc.createElement('a');
  a.href = (data.root || '') + 'days/' + e.date + '.html#' + e.id;
  const date = doc.createElement('span');
  date.className = 'r-date';
  date.textContent = e.date;
  const title = doc.createElement('span');
  title.className = 'r-title';
  title.textContent = e.title;
  markTerms(title, terms);
  a.appendChild(date);
  a.appendChild(title);
  li.appendChild(a);
  const meta = doc.createElement('div');
  meta.className = 'r-meta';
  meta.textContent = e.authors + (e.cats.length ? ' \u00b7 ' + e.cats.join(' ') : '');
  markTerms(meta, terms);
  li.appendChild(meta);
  const snippet = doc.createElement('div');
  snippet.className = 'r-snippet';
  snippet.textContent = e.tldr || e.abs;
  markTerms(snippet, terms);
  li.appendChild(snippet);
  return li;
}

export function setupSearch(data: PageData, L: Partial<PageLabels>): SearchBox | null {
  const input = byId('q') as HTMLInputElement | null;
  const panel = byId('search-panel');
  const status = byId('search-status');
  const list = byId('results');
  if (!input || !panel || !status || !list || !data.index) return null;
  let entries: Entry[] | null = null;
  let loading = false;
  let timer = 0;

  function accept(index: SearchIndex | undefined): void {
    // An index of another format version (a stale cached file) is refused, not misread.
    if (!index || index.v !== 1) {
      status!.textContent = L.searchFailed || '';
      return;
    }
    entries = prepare(index);
    if (input!.value.trim()) run();
  }
  function load(): void {
    if (entries || loading) return;
    if (window.ARXIV_DIGEST_SEARCH) {
      accept(window.ARXIV_DIGEST_SEARCH);
      return;
    }
    loading = true;
    const s = doc.createElement('script');
    s.src = (data.root || '') + data.index;
    s.addEventListener('load', () => {
      loading = false;
      accept(window.ARXIV_DIGEST_SEARCH);
    });
    s.addEventListener('error', () => {
      loading = false;
      status!.textContent = L.searchFailed || '';
    });
    doc.head.appendChild(s);
  }
  function run(): void {
    const q = input!.value.trim();
    list!.textContent = '';
    if (!q) {
      panel!.hidden = true;
      return;
    }
    panel!.hidden = false;
    if (!entries) {
      status!.textContent = L.searchLoading || '';
      load();
      return;
    }
    const terms = lower(q)
      .split(/\s+/)
      .filter((t) => t.length > 0);
    const hits: { e: Entry; s: number }[] = [];
    entries.forEach((e) => {
      const s = score(e, terms);
      if (s) hits.push({ e, s });
    });
    hits.sort((a, b) => b.s - a.s || (a.e.date < b.e.date ? 1 : a.e.date > b.e.date ? -1 : 0));
    status!.textContent = hits.length
      ? plural(L.results, hits.length) +
        (hits.length > MAX_RESULTS ? ' \u00b7 ' + fill(L.moreResults, MAX_RESULTS) : '')
      : L.noResults || '';
    const frag = doc.createDocumentFragment();
    hits.slice(0, MAX_RESULTS).forEach((h) => frag.appendChild(resultItem(data, h.e, terms)));
    list!.appendChild(frag);
  }
  input.addEventListener('focus', load);
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, 60);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      clearTimeout(timer);
      run();
      const first = list.querySelector('a');
      if (first) {
        e.preventDefault();
        first.click();
      }
    } else if (e.key === 'ArrowDown') {
      const link = list.querySelector('a');
      if (link) {
        e.preventDefault();
        link.focus();
      }
    }
  });
  return {
    focus: () => {
      input.focus();
      input.select();
    },
    hide: () => {
      panel.hidden = true;
    },
  };
}
