/**
 * Dark mode: the saved theme is applied before the body is painted (site.ts runs this first,
 * from `<head>`), the toggle flips it, "follow the system" forgets it, and another tab's change
 * is followed.
 */
import { STORAGE_KEYS } from '../page-data.js';
import { byId, root, store, stored } from './dom.js';

export function applyTheme(theme: string | null): void {
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  else root.removeAttribute('data-theme');
}

/** Before the first paint: the `js` class (controls that need scripts show) and the saved theme. */
export function bootTheme(): void {
  root.classList.add('js');
  applyTheme(stored(STORAGE_KEYS.theme));
}

function effectiveTheme(): string {
  const t = root.getAttribute('data-theme');
  if (t) return t;
  return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function setupTheme(): void {
  const toggle = byId('theme-toggle');
  const auto = byId('theme-auto');
  function show(): void {
    if (!toggle) return;
    const dark = effectiveTheme() === 'dark';
    toggle.setAttribute('aria-pressed', String(dark));
    toggle.textContent = dark ? '\u2600' : '\u263e';
  }
  if (toggle)
    toggle.addEventListener('click', () => {
      const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
      applyTheme(next);
      store(STORAGE_KEYS.theme, next);
      show();
    });
  if (auto)
    auto.addEventListener('click', () => {
      applyTheme(null);
      store(STORAGE_KEYS.theme, null);
      show();
    });
  if (window.matchMedia) {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    if (mq.addEventListener) mq.addEventListener('change', show);
  }
  // Another tab changed the theme: follow it.
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEYS.theme) {
      applyTheme(e.newValue);
      show();
    }
  });
  show();
}
