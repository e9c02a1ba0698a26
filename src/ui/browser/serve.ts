/**
 * The web app's script (`/assets/serve.js`, deferred, beside the site's `site.js` which keeps
 * dark mode, the category filter, highlights and keyboard navigation). Everything here is an
 * enhancement of markup that already works without it:
 * - a paper's favorite and rating form is sent with fetch() (the pressed button's formaction and
 *   value) and the buttons updated in place (without JavaScript the form posts and the server
 *   redirects back with 303);
 * - the BibTeX copy button (hidden without JavaScript) copies the `<pre>` next to it;
 * - `/` focuses the search box (site.js only does so on the static site, which has its own).
 * Same rules as site.js: no innerHTML, no inline handlers (the CSP forbids them).
 */

const doc = document;

interface Mark {
  id: string;
  favorite: boolean;
  rating: -1 | 0 | 1;
}

function setMark(group: Element, kind: string, on: boolean, next: string): void {
  const button = group.querySelector<HTMLButtonElement>('button.mark-' + kind);
  if (!button) return;
  button.setAttribute('aria-pressed', String(on));
  button.value = next;
}

/** Every control of the paper on this page shows the state the server answered with. */
function showMarks(m: Mark): void {
  const groups = doc.querySelectorAll('.marks[data-id]');
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g.getAttribute('data-id') !== m.id) continue;
    setMark(g, 'favorite', m.favorite === true, m.favorite ? '0' : '1');
    setMark(g, 'like', m.rating === 1, m.rating === 1 ? '0' : '1');
    setMark(g, 'dislike', m.rating === -1, m.rating === -1 ? '0' : '-1');
  }
}

/** Without fetch() the pressed button's own action and value, posted as a plain form would. */
function postNatively(form: HTMLFormElement, button: HTMLButtonElement): void {
  const input = doc.createElement('input');
  input.type = 'hidden';
  input.name = button.name;
  input.value = button.value;
  form.appendChild(input);
  form.action = button.formAction;
  form.submit();
}

function onSubmit(e: SubmitEvent): void {
  const form = e.target as HTMLFormElement | null;
  if (!form || !form.classList || !form.classList.contains('marks')) return;
  // The pressed button carries the action (favorite or rating) and the value; a browser that
  // does not say which one was pressed posts the form itself.
  const button = e.submitter as HTMLButtonElement | null;
  if (!button || !button.formAction || button.form !== form) return;
  if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
  e.preventDefault();
  const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
  body.set(button.name, button.value);
  button.disabled = true;
  fetch(button.formAction, {
    method: 'POST',
    body,
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  })
    .then((r) => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json() as Promise<Mark>;
    })
    .then((m) => {
      button.disabled = false;
      showMarks(m);
    })
    .catch(() => {
      // Let the server answer in full (an error page says what went wrong).
      button.disabled = false;
      postNatively(form, button);
    });
}

function onCopy(button: HTMLElement): void {
  const pre = doc.getElementById(button.getAttribute('data-copy') || '');
  if (!pre) return;
  const text = pre.textContent || '';
  const done = (): void => {
    const label = button.getAttribute('data-label') || button.textContent || '';
    button.setAttribute('data-label', label);
    button.textContent = button.getAttribute('data-done') || label;
    setTimeout(() => {
      button.textContent = label;
    }, 1500);
  };
  const select = (): void => {
    const range = doc.createRange();
    range.selectNodeContents(pre);
    const sel = window.getSelection();
    if (sel) {
      sel.removeAllRanges();
      sel.addRange(range);
    }
  };
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, select);
  else select();
}

function start(): void {
  doc.addEventListener('submit', onSubmit);
  doc.addEventListener('click', (e) => {
    const t = e.target as Element | null;
    if (t && t.closest) {
      const b = t.closest<HTMLElement>('button[data-copy]');
      if (b) onCopy(b);
    }
  });
  doc.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.key !== '/') return;
    const t = e.target as HTMLElement | null;
    const tag = t && t.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) return;
    const input = doc.getElementById('app-q') as HTMLInputElement | null;
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}

if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
else start();
