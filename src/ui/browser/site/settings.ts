/**
 * The reader's settings, saved in the browser: keywords and authors to highlight, negative
 * keywords whose papers are hidden or dimmed. Applied to every paper of the page.
 */
import { STORAGE_KEYS, type PageLabels } from '../page-data.js';
import { all, byId, doc, fill, lower, store, stored } from './dom.js';
import { clearMarks, cleanList, hasTerm, markTerms, parseList } from './highlight.js';
import { setCurrent, state, syncButtons, togglePanel, visible, closeButtons } from './page.js';

interface Settings {
  highlight: string[];
  authors: string[];
  negative: string[];
  mode: 'hide' | 'dim';
}

let settings: Settings;

/** Reads the saved settings; first of all, on DOMContentLoaded. */
export function readSettings(): Settings {
  let s: Record<string, unknown> = {};
  try {
    s = JSON.parse(stored(STORAGE_KEYS.settings) || '{}') || {};
  } catch (e) {
    s = {};
  }
  settings = {
    highlight: cleanList(s.highlight),
    authors: cleanList(s.authors),
    negative: cleanList(s.negative),
    mode: s.mode === 'dim' ? 'dim' : 'hide',
  };
  return settings;
}

const input = (id: string): HTMLInputElement => byId(id) as HTMLInputElement;

function fillForm(): void {
  const h = byId('set-highlight') as HTMLInputElement | null;
  if (!h) return;
  h.value = settings.highlight.join(', ');
  input('set-authors').value = settings.authors.join(', ');
  input('set-negative').value = settings.negative.join(', ');
  const radio = doc.querySelector<HTMLInputElement>('input[name="negmode"][value="' + settings.mode + '"]');
  if (radio) radio.checked = true;
}

export function setupSettings(L: Partial<PageLabels>): void {
  const panel = byId('settings');
  const form = byId('settings-form') as HTMLFormElement | null;
  const button = byId('settings-toggle');
  if (!panel || !form) return;
  if (button)
    button.addEventListener('click', () => {
      fillForm();
      togglePanel('settings');
    });
  closeButtons(panel);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const mode = form.querySelector<HTMLInputElement>('input[name="negmode"]:checked');
    settings = {
      highlight: parseList(input('set-highlight').value),
      authors: parseList(input('set-authors').value),
      negative: parseList(input('set-negative').value),
      mode: mode && mode.value === 'dim' ? 'dim' : 'hide',
    };
    store(STORAGE_KEYS.settings, JSON.stringify(settings));
    applySettings(L);
    panel.hidden = true;
    syncButtons();
  });
  fillForm();
}

/** Highlights and negative keywords on every paper; the count of hidden ones in the note. */
export function applySettings(L: Partial<PageLabels>): void {
  const hl = settings.highlight.map(lower);
  const au = settings.authors.map(lower);
  const neg = settings.negative.map(lower);
  let hidden = 0;
  state.papers.forEach((p) => {
    const texts = all('[data-hl]', p);
    let hit = false;
    texts.forEach((t) => {
      clearMarks(t);
      if (markTerms(t, hl)) hit = true;
    });
    all('.author', p).forEach((a) => {
      const name = lower(a.textContent);
      const on = au.some((term) => hasTerm(name, term));
      a.classList.toggle('hl-author', on);
      if (on) hit = true;
    });
    const text = lower(texts.map((t) => t.textContent).join('\n'));
    const isNeg = neg.some((term) => hasTerm(text, term));
    p.classList.toggle('has-hl', hit && !isNeg);
    p.classList.toggle('neg-hide', isNeg && settings.mode === 'hide');
    p.classList.toggle('neg-dim', isNeg && settings.mode === 'dim');
    if (isNeg && settings.mode === 'hide' && !p.classList.contains('revealed')) hidden++;
  });
  const note = byId('hidden-note');
  if (note) {
    note.hidden = hidden === 0;
    note.textContent = fill(L.hiddenCount, hidden);
  }
  if (state.current && !visible(state.current)) setCurrent(null);
}
