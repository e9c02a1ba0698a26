/**
 * The order of a ranked day: by category (as written) or by score. The cards are moved, not
 * restyled, so reading order, keyboard order and print agree. Each card's place in its category
 * section is remembered to put it back. The choice is saved for the next day's page.
 */
import { STORAGE_KEYS } from '../page-data.js';
import { all, byId, doc, store, stored } from './dom.js';
import { collectItems, setCategory, state } from './page.js';

export function setupOrder(): void {
  const buttons = all('button[data-order]');
  const control = buttons.length ? (buttons[0]!.parentNode as HTMLElement) : null;
  const container = byId('papers');
  if (!control || !container) return;
  const homes = state.papers.map((p) => ({ el: p, parent: p.parentNode as HTMLElement }));
  let list: HTMLElement | null = null;
  const score = (el: HTMLElement): number => {
    const s = parseFloat(el.getAttribute('data-score') ?? '');
    return isFinite(s) ? s : 0;
  };
  function setOrder(order: 'score' | 'category'): void {
    buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.getAttribute('data-order') === order)));
    if (order === 'score' && !list) {
      list = doc.createElement('section');
      list.className = 'category by-score';
      list.setAttribute('data-cat', '');
      const h = doc.createElement('h2');
      h.textContent = (control!.getAttribute('data-by-score') || '') + ' ';
      const n = doc.createElement('span');
      n.className = 'n';
      n.textContent = '(' + homes.length + ')';
      h.appendChild(n);
      list.appendChild(h);
      const byScore = list;
      homes
        .map((home, i) => ({ el: home.el, i, s: score(home.el) }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .forEach((x) => byScore.appendChild(x.el));
      all('section.category', container!).forEach((section) => (section.hidden = true));
      container!.insertBefore(list, container!.firstChild);
    } else if (order !== 'score' && list) {
      homes.forEach((home) => {
        home.el.hidden = false;
        home.parent.appendChild(home.el);
      });
      container!.removeChild(list);
      list = null;
      all('section.category', container!).forEach((section) => (section.hidden = false));
    } else return;
    collectItems();
    setCategory(state.activeCat);
  }
  buttons.forEach((b) => {
    b.addEventListener('click', () => {
      const order = b.getAttribute('data-order') === 'score' ? 'score' : 'category';
      store(STORAGE_KEYS.order, order === 'score' ? 'score' : null);
      setOrder(order);
    });
  });
  if (stored(STORAGE_KEYS.order) === 'score') setOrder('score');
}
