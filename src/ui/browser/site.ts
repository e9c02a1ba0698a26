/**
 * The site's one script (`assets/site.js`, inlined into single-day pages; the web app loads it
 * too), bundled by esbuild at build time into ES2017 with no framework. It is loaded in `<head>`
 * without `defer` on purpose: its first lines set the saved theme and the `js` class before the
 * body is painted (no flash of the wrong theme, no flash of controls that need JavaScript); the
 * rest waits for DOMContentLoaded.
 *
 * Safety rules it keeps: data (paper text, search index entries) reaches the DOM only through
 * textContent, createElement and createTextNode — never innerHTML — and no handler is inline,
 * so a CSP that allows only the site's own scripts holds. test/browser/site.test.ts runs it in
 * Chromium and fails on any page error.
 */
import { PAGE_DATA_ID, type PageData } from './page-data.js';
import { byId, doc } from './site/dom.js';
import {
  closeButtons,
  closePanels,
  collectItems,
  move,
  openCurrent,
  setCategory,
  setCurrent,
  setupFilter,
  state,
  togglePanel,
} from './site/page.js';
import { setupOrder } from './site/order.js';
import { setupSearch, type SearchBox } from './site/search.js';
import { applySettings, readSettings, setupSettings } from './site/settings.js';
import { bootTheme, setupTheme } from './site/theme.js';

bootTheme();
if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
else start();

function readData(): PageData {
  const el = byId(PAGE_DATA_ID);
  try {
    return JSON.parse(el ? (el.textContent ?? '') : '{}') || {};
  } catch (e) {
    return {} as PageData;
  }
}

function start(): void {
  const data = readData();
  const L = data.labels || {};
  collectItems();
  state.papers = state.items.filter((el) => el.classList.contains('paper'));
  readSettings();

  setupTheme();
  setupFilter();
  setupOrder();
  setupSettings(L);
  setupHelp();
  const search = setupSearch(data, L);
  setupKeys(search);
  applySettings(L);
  const goToHash = (): void => {
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return;
    }
    if (!id) return;
    const el = byId(id);
    if (!el || !el.classList.contains('paper')) return;
    if (state.activeCat && el.getAttribute('data-cat') !== state.activeCat) setCategory('');
    // A paper the reader's negative keywords hide is shown when asked for by name.
    el.classList.add('revealed');
    applySettings(L);
    if (search) search.hide();
    setCurrent(el, true);
  };
  // #id: a search result or a shared link.
  window.addEventListener('hashchange', goToHash);
  goToHash();
}

function setupHelp(): void {
  const button = byId('help-toggle');
  const panel = byId('help');
  if (button) button.addEventListener('click', () => togglePanel('help'));
  if (panel) closeButtons(panel);
}

/** j/k (and arrows) move, o/Enter open, / searches, ? helps, Esc closes. */
function setupKeys(search: SearchBox | null): void {
  doc.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    const tag = t && t.tagName;
    const typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable);
    if (e.key === 'Escape') {
      closePanels();
      if (typing && t) t.blur();
      return;
    }
    if (typing) return;
    switch (e.key) {
      case 'j':
      case 'ArrowRight':
        move(1);
        break;
      case 'k':
      case 'ArrowLeft':
        move(-1);
        break;
      case 'o':
        openCurrent();
        break;
      case 'Enter':
        // Enter on a link or button keeps its own meaning.
        if (tag === 'A' || tag === 'BUTTON' || tag === 'SUMMARY') return;
        openCurrent();
        break;
      case '/':
        if (!search) return;
        search.focus();
        break;
      case '?':
        togglePanel('help');
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
