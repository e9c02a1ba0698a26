/**
 * What the parts of the site's script share about the page: its items (papers or day rows), the
 * current one (keyboard navigation), the category shown, and the panels (settings, help, search
 * results), of which one at a time is open besides the search results.
 */
import { all, byId } from './dom.js';

export const state = {
  /** Papers and day rows in reading order (changes when a ranked day is reordered). */
  items: [] as HTMLElement[],
  papers: [] as HTMLElement[],
  current: null as HTMLElement | null,
  activeCat: '',
};

export function collectItems(): void {
  state.items = all('.paper, .day-row');
}

// ---- panels ---------------------------------------------------------------------------------

const PANELS = ['search-panel', 'settings', 'help'];

export function syncButtons(): void {
  [
    ['settings-toggle', 'settings'],
    ['help-toggle', 'help'],
  ].forEach(([button, panel]) => {
    const b = byId(button!);
    const p = byId(panel!);
    if (b && p) b.setAttribute('aria-expanded', String(!p.hidden));
  });
}

function openPanel(id: string): void {
  PANELS.forEach((p) => {
    const el = byId(p);
    if (el && p !== id && p !== 'search-panel') el.hidden = true;
  });
  const el = byId(id);
  if (el) el.hidden = false;
  syncButtons();
}

export function closePanels(): void {
  PANELS.forEach((p) => {
    const el = byId(p);
    if (el) el.hidden = true;
  });
  syncButtons();
}

export function togglePanel(id: string): void {
  const el = byId(id);
  if (!el) return;
  if (el.hidden) openPanel(id);
  else {
    el.hidden = true;
    syncButtons();
  }
}

/** The panel's `data-close` buttons close it. */
export function closeButtons(panel: HTMLElement): void {
  all('[data-close]', panel).forEach((b) =>
    b.addEventListener('click', () => {
      panel.hidden = true;
      syncButtons();
    }),
  );
}

// ---- the current item -----------------------------------------------------------------------

export const visible = (el: Element): boolean => el.getClientRects().length > 0;

export function setCurrent(el: HTMLElement | null, scroll = false): void {
  if (state.current) state.current.classList.remove('current');
  state.current = el;
  if (!el) return;
  el.classList.add('current');
  el.focus({ preventScroll: true });
  if (scroll) el.scrollIntoView({ block: 'start' });
}

export function move(step: number): void {
  const shown = state.items.filter(visible);
  if (!shown.length) return;
  const i = state.current ? shown.indexOf(state.current) : -1;
  let next: HTMLElement;
  if (i === -1) {
    // Nothing chosen yet: start from the first item on screen, not the top of the page.
    next = shown.filter((el) => el.getBoundingClientRect().bottom > 80)[0] || shown[0]!;
  } else next = shown[Math.max(0, Math.min(shown.length - 1, i + step))]!;
  setCurrent(next, true);
}

export function openCurrent(): void {
  const current = state.current;
  if (!current) return;
  if (current.classList.contains('day-row')) {
    const link = current.querySelector('a');
    if (link) link.click();
    return;
  }
  const details = current.querySelector('details');
  if (details) details.open = !details.open;
}

// ---- category filter ------------------------------------------------------------------------

export function setCategory(cat: string): void {
  state.activeCat = cat;
  all('.chip[data-cat]').forEach((chip) => {
    chip.setAttribute('aria-pressed', String((chip.getAttribute('data-cat') || '') === cat));
  });
  all('section.category[data-cat]').forEach((section) => {
    if (section.classList.contains('by-score')) {
      // One list of every category: the filter hides cards, not the list.
      all('.paper', section).forEach((p) => {
        p.hidden = cat !== '' && p.getAttribute('data-cat') !== cat;
      });
    } else section.hidden = cat !== '' && section.getAttribute('data-cat') !== cat;
  });
  if (state.current && !visible(state.current)) setCurrent(null);
}

export function setupFilter(): void {
  all('.chip[data-cat]').forEach((chip) => {
    chip.addEventListener('click', () => setCategory(chip.getAttribute('data-cat') || ''));
  });
}
