/**
 * The web app's script (`/assets/serve.js`, deferred, beside the site's `site.js` which keeps
 * dark mode, the category filter, highlights and keyboard navigation). Everything here is an
 * enhancement of markup that already works without it:
 * - favorite and rating forms are sent with fetch() and the buttons updated in place (without
 *   JavaScript they post and the server redirects back with 303);
 * - the BibTeX copy button (hidden without JavaScript) copies the `<pre>` next to it;
 * - `/` focuses the search box (site.js only does so on the static site, which has its own).
 * Same rules as site.js: plain ES2017, no innerHTML, no inline handlers (the CSP forbids them).
 */

export const SERVE_JS = String.raw`(function () {
  'use strict';
  var doc = document;

  function setMark(group, kind, on, next) {
    var form = group.querySelector('form[data-mark="' + kind + '"]');
    if (!form) return;
    var button = form.querySelector('button');
    var input = form.querySelector('input[name="value"]');
    if (button) button.setAttribute('aria-pressed', String(on));
    if (input) input.value = next;
  }

  /** Every control of the paper on this page shows the state the server answered with. */
  function showMarks(m) {
    var groups = doc.querySelectorAll('.marks[data-id]');
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      if (g.getAttribute('data-id') !== m.id) continue;
      setMark(g, 'favorite', m.favorite === true, m.favorite ? '0' : '1');
      setMark(g, 'like', m.rating === 1, m.rating === 1 ? '0' : '1');
      setMark(g, 'dislike', m.rating === -1, m.rating === -1 ? '0' : '-1');
    }
  }

  function onSubmit(e) {
    var form = e.target;
    if (!form || !form.classList || !form.classList.contains('mark-form')) return;
    if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
    e.preventDefault();
    var button = form.querySelector('button');
    if (button) button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (m) {
        if (button) button.disabled = false;
        showMarks(m);
      })
      .catch(function () {
        // Let the server answer in full (an error page says what went wrong).
        if (button) button.disabled = false;
        form.submit();
      });
  }

  function onCopy(button) {
    var pre = doc.getElementById(button.getAttribute('data-copy') || '');
    if (!pre) return;
    var text = pre.textContent || '';
    var done = function () {
      var label = button.getAttribute('data-label') || button.textContent;
      button.setAttribute('data-label', label);
      button.textContent = button.getAttribute('data-done') || label;
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    var select = function () {
      var range = doc.createRange();
      range.selectNodeContents(pre);
      var sel = window.getSelection();
      if (sel) { sel.removeAllRanges(); sel.addRange(range); }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, select);
    } else select();
  }

  function start() {
    doc.addEventListener('submit', onSubmit);
    doc.addEventListener('click', function (e) {
      var t = e.target;
      if (t && t.closest) {
        var b = t.closest('button[data-copy]');
        if (b) onCopy(b);
      }
    });
    doc.addEventListener('keydown', function (e) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.key !== '/') return;
      var t = e.target;
      var tag = t && t.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) return;
      var input = doc.getElementById('app-q');
      if (!input) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
