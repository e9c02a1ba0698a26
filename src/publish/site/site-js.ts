/**
 * The site's one script (`assets/site.js`, inlined into single-day pages), plain ES2017 with no
 * framework. It is loaded in `<head>` without `defer` on purpose: its first lines set the saved
 * theme and the `js` class before the body is painted (no flash of the wrong theme, no flash of
 * controls that need JavaScript); the rest waits for DOMContentLoaded.
 *
 * Safety rules it keeps: data (paper text, search index entries) reaches the DOM only through
 * textContent, createElement and createTextNode — never innerHTML — and no handler is inline,
 * so a CSP that allows only the site's own scripts holds. localStorage may be unavailable
 * (private windows, some file:// policies): every access is guarded and the page still works.
 *
 * Written as a string, not compiled TypeScript, because the site has no build step for the
 * browser; test/browser/site.test.ts runs it in Chromium and fails on any page error.
 */

export const SITE_JS = String.raw`(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  var THEME_KEY = 'arxiv-digest.theme';
  var SETTINGS_KEY = 'arxiv-digest.settings';
  var ORDER_KEY = 'arxiv-digest.order';
  var MAX_RESULTS = 100;
  // Latin letters and digits: a keyword must start a word ("GAN" is not in "organ"). CJK has no
  // spaces between words, so a CJK keyword matches anywhere.
  var WORD_CHAR = /[a-z0-9\u00c0-\u024f]/;

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* storage disabled: the choice lasts for this page only */ }
  }
  function applyTheme(theme) {
    if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
    else root.removeAttribute('data-theme');
  }

  root.classList.add('js');
  applyTheme(stored(THEME_KEY));

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();

  function fill(template, n) { return String(template || '').replace('{n}', String(n)); }
  function plural(forms, n) { return fill(forms && (n === 1 ? forms[0] : forms[1]), n); }
  function lower(s) { return String(s).toLowerCase(); }

  /** Start offsets of term in text (both lower case) where a word starts. */
  function occurrences(text, term) {
    var out = [];
    var checkStart = WORD_CHAR.test(term.charAt(0));
    var i = text.indexOf(term);
    while (i !== -1) {
      if (!checkStart || i === 0 || !WORD_CHAR.test(text.charAt(i - 1))) out.push(i);
      i = text.indexOf(term, i + 1);
    }
    return out;
  }
  function hasTerm(text, term) { return occurrences(text, term).length > 0; }

  /** Sorted, merged [start, end) ranges of every term in text. */
  function ranges(text, terms) {
    var all = [];
    terms.forEach(function (term) {
      occurrences(text, term).forEach(function (i) { all.push([i, i + term.length]); });
    });
    all.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    all.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /** Wraps the terms found in el's text in <mark class="hl">, with DOM nodes only. */
  function markTerms(el, terms) {
    if (!terms.length) return false;
    var walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var found = false;
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var low = lower(text);
      var rs = ranges(low, terms);
      if (!rs.length) return;
      found = true;
      // A few characters change length when lower-cased; offsets would be wrong, so no marks.
      if (low.length !== text.length) return;
      var frag = doc.createDocumentFragment();
      var pos = 0;
      rs.forEach(function (r) {
        if (r[0] > pos) frag.appendChild(doc.createTextNode(text.slice(pos, r[0])));
        var mark = doc.createElement('mark');
        mark.className = 'hl';
        mark.textContent = text.slice(r[0], r[1]);
        frag.appendChild(mark);
        pos = r[1];
      });
      if (pos < text.length) frag.appendChild(doc.createTextNode(text.slice(pos)));
      node.parentNode.replaceChild(frag, node);
    });
    return found;
  }
  function clearMarks(el) {
    var marks = el.querySelectorAll('mark.hl');
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i];
      m.parentNode.replaceChild(doc.createTextNode(m.textContent), m);
    }
    el.normalize();
  }

  function parseList(text) {
    return String(text || '')
      .split(/[,\uff0c;\uff1b\n]/)
      .map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
  }
  function cleanList(v) {
    return Array.isArray(v) ? v.filter(function (s) { return typeof s === 'string' && s.trim(); }).map(function (s) { return s.trim(); }) : [];
  }

  function start() {
    var data = {};
    var dataEl = doc.getElementById('site-data');
    try { data = JSON.parse(dataEl ? dataEl.textContent : '{}') || {}; } catch (e) { data = {}; }
    var L = data.labels || {};
    var items = [].slice.call(doc.querySelectorAll('.paper, .day-row'));
    var papers = items.filter(function (el) { return el.classList.contains('paper'); });
    var current = null;
    var activeCat = '';
    var settings = readSettings();
    var byId = function (id) { return doc.getElementById(id); };
    var panels = ['search-panel', 'settings', 'help'];

    setupTheme();
    setupFilter();
    setupOrder();
    setupSettings();
    setupHelp();
    var search = setupSearch();
    setupKeys();
    applySettings();
    window.addEventListener('hashchange', goToHash);
    goToHash();

    // ---- theme ------------------------------------------------------------------------------
    function effectiveTheme() {
      var t = root.getAttribute('data-theme');
      if (t) return t;
      return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }
    function setupTheme() {
      var toggle = byId('theme-toggle');
      var auto = byId('theme-auto');
      function show() {
        if (!toggle) return;
        var dark = effectiveTheme() === 'dark';
        toggle.setAttribute('aria-pressed', String(dark));
        toggle.textContent = dark ? '\u2600' : '\u263e';
      }
      if (toggle) toggle.addEventListener('click', function () {
        var next = effectiveTheme() === 'dark' ? 'light' : 'dark';
        applyTheme(next);
        store(THEME_KEY, next);
        show();
      });
      if (auto) auto.addEventListener('click', function () {
        applyTheme(null);
        store(THEME_KEY, null);
        show();
      });
      if (window.matchMedia) {
        var mq = window.matchMedia('(prefers-color-scheme: dark)');
        if (mq.addEventListener) mq.addEventListener('change', show);
      }
      // Another tab changed the theme: follow it.
      window.addEventListener('storage', function (e) {
        if (e.key === THEME_KEY) { applyTheme(e.newValue); show(); }
      });
      show();
    }

    // ---- panels -----------------------------------------------------------------------------
    function openPanel(id) {
      panels.forEach(function (p) {
        var el = byId(p);
        if (el && p !== id && p !== 'search-panel') el.hidden = true;
      });
      var el = byId(id);
      if (el) el.hidden = false;
      syncButtons();
    }
    function closePanels() {
      panels.forEach(function (p) { var el = byId(p); if (el) el.hidden = true; });
      syncButtons();
    }
    function togglePanel(id) {
      var el = byId(id);
      if (!el) return;
      if (el.hidden) openPanel(id);
      else { el.hidden = true; syncButtons(); }
    }
    function syncButtons() {
      [['settings-toggle', 'settings'], ['help-toggle', 'help']].forEach(function (pair) {
        var b = byId(pair[0]);
        var p = byId(pair[1]);
        if (b && p) b.setAttribute('aria-expanded', String(!p.hidden));
      });
    }
    function closeButtons(panel) {
      var buttons = panel.querySelectorAll('[data-close]');
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].addEventListener('click', function () { panel.hidden = true; syncButtons(); });
      }
    }

    // ---- category filter --------------------------------------------------------------------
    function setupFilter() {
      var chips = [].slice.call(doc.querySelectorAll('.chip[data-cat]'));
      chips.forEach(function (chip) {
        chip.addEventListener('click', function () { setCategory(chip.getAttribute('data-cat') || ''); });
      });
    }
    function setCategory(cat) {
      activeCat = cat;
      [].slice.call(doc.querySelectorAll('.chip[data-cat]')).forEach(function (chip) {
        chip.setAttribute('aria-pressed', String((chip.getAttribute('data-cat') || '') === cat));
      });
      [].slice.call(doc.querySelectorAll('section.category[data-cat]')).forEach(function (section) {
        if (section.classList.contains('by-score')) {
          // One list of every category: the filter hides cards, not the list.
          [].slice.call(section.querySelectorAll('.paper')).forEach(function (p) {
            p.hidden = cat !== '' && p.getAttribute('data-cat') !== cat;
          });
        } else section.hidden = cat !== '' && section.getAttribute('data-cat') !== cat;
      });
      if (current && !visible(current)) setCurrent(null);
    }

    // ---- order of a ranked day: by category (as written) or by score ------------------------
    // The cards are moved, not restyled, so reading order, keyboard order and print agree. Each
    // card's place in its category section is remembered to put it back.
    function setupOrder() {
      var buttons = [].slice.call(doc.querySelectorAll('button[data-order]'));
      var control = buttons.length ? buttons[0].parentNode : null;
      var container = byId('papers');
      if (!control || !container) return;
      var homes = papers.map(function (p) { return { el: p, parent: p.parentNode }; });
      var list = null;
      function score(el) {
        var s = parseFloat(el.getAttribute('data-score'));
        return isFinite(s) ? s : 0;
      }
      function setOrder(order) {
        buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-order') === order)); });
        if (order === 'score' && !list) {
          list = doc.createElement('section');
          list.className = 'category by-score';
          list.setAttribute('data-cat', '');
          var h = doc.createElement('h2');
          h.textContent = (control.getAttribute('data-by-score') || '') + ' ';
          var n = doc.createElement('span');
          n.className = 'n';
          n.textContent = '(' + homes.length + ')';
          h.appendChild(n);
          list.appendChild(h);
          homes
            .map(function (home, i) { return { el: home.el, i: i, s: score(home.el) }; })
            .sort(function (a, b) { return b.s - a.s || a.i - b.i; })
            .forEach(function (x) { list.appendChild(x.el); });
          [].slice.call(container.querySelectorAll('section.category')).forEach(function (section) {
            section.hidden = true;
          });
          container.insertBefore(list, container.firstChild);
        } else if (order !== 'score' && list) {
          homes.forEach(function (home) {
            home.el.hidden = false;
            home.parent.appendChild(home.el);
          });
          container.removeChild(list);
          list = null;
          [].slice.call(container.querySelectorAll('section.category')).forEach(function (section) {
            section.hidden = false;
          });
        } else return;
        items = [].slice.call(doc.querySelectorAll('.paper, .day-row'));
        setCategory(activeCat);
      }
      buttons.forEach(function (b) {
        b.addEventListener('click', function () {
          var order = b.getAttribute('data-order') === 'score' ? 'score' : 'category';
          store(ORDER_KEY, order === 'score' ? 'score' : null);
          setOrder(order);
        });
      });
      if (stored(ORDER_KEY) === 'score') setOrder('score');
    }

    // ---- settings: highlights and negative keywords ------------------------------------------
    function readSettings() {
      var s = {};
      try { s = JSON.parse(stored(SETTINGS_KEY) || '{}') || {}; } catch (e) { s = {}; }
      return {
        highlight: cleanList(s.highlight),
        authors: cleanList(s.authors),
        negative: cleanList(s.negative),
        mode: s.mode === 'dim' ? 'dim' : 'hide',
      };
    }
    function setupSettings() {
      var panel = byId('settings');
      var form = byId('settings-form');
      var button = byId('settings-toggle');
      if (!panel || !form) return;
      if (button) button.addEventListener('click', function () { fillForm(); togglePanel('settings'); });
      closeButtons(panel);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var mode = form.querySelector('input[name="negmode"]:checked');
        settings = {
          highlight: parseList(byId('set-highlight').value),
          authors: parseList(byId('set-authors').value),
          negative: parseList(byId('set-negative').value),
          mode: mode && mode.value === 'dim' ? 'dim' : 'hide',
        };
        store(SETTINGS_KEY, JSON.stringify(settings));
        applySettings();
        panel.hidden = true;
        syncButtons();
      });
      fillForm();
    }
    function fillForm() {
      var h = byId('set-highlight');
      if (!h) return;
      h.value = settings.highlight.join(', ');
      byId('set-authors').value = settings.authors.join(', ');
      byId('set-negative').value = settings.negative.join(', ');
      var radio = doc.querySelector('input[name="negmode"][value="' + settings.mode + '"]');
      if (radio) radio.checked = true;
    }
    function applySettings() {
      var hl = settings.highlight.map(lower);
      var au = settings.authors.map(lower);
      var neg = settings.negative.map(lower);
      var hidden = 0;
      papers.forEach(function (p) {
        var texts = [].slice.call(p.querySelectorAll('[data-hl]'));
        var hit = false;
        texts.forEach(function (t) {
          clearMarks(t);
          if (markTerms(t, hl)) hit = true;
        });
        [].slice.call(p.querySelectorAll('.author')).forEach(function (a) {
          var name = lower(a.textContent);
          var on = au.some(function (term) { return hasTerm(name, term); });
          a.classList.toggle('hl-author', on);
          if (on) hit = true;
        });
        var all = lower(texts.map(function (t) { return t.textContent; }).join('\n'));
        var isNeg = neg.some(function (term) { return hasTerm(all, term); });
        p.classList.toggle('has-hl', hit && !isNeg);
        p.classList.toggle('neg-hide', isNeg && settings.mode === 'hide');
        p.classList.toggle('neg-dim', isNeg && settings.mode === 'dim');
        if (isNeg && settings.mode === 'hide' && !p.classList.contains('revealed')) hidden++;
      });
      var note = byId('hidden-note');
      if (note) {
        note.hidden = hidden === 0;
        note.textContent = fill(L.hiddenCount, hidden);
      }
      if (current && !visible(current)) setCurrent(null);
    }

    // ---- help -------------------------------------------------------------------------------
    function setupHelp() {
      var button = byId('help-toggle');
      var panel = byId('help');
      if (button) button.addEventListener('click', function () { togglePanel('help'); });
      if (panel) closeButtons(panel);
    }

    // ---- search across all days -------------------------------------------------------------
    function setupSearch() {
      var input = byId('q');
      var panel = byId('search-panel');
      var status = byId('search-status');
      var list = byId('results');
      if (!input || !panel || !status || !list || !data.index) return null;
      var entries = null;
      var loading = false;
      var timer = 0;

      function prepare(index) {
        var dates = index.dates || [];
        var cats = index.cats || [];
        return (index.papers || []).map(function (p) {
          var e = {
            id: p[0], date: dates[p[1]] || '', title: p[2] || '', authors: p[3] || '',
            cats: (p[4] || []).map(function (i) { return cats[i] || ''; }), tldr: p[5] || '', abs: p[6] || '',
          };
          e.lTitle = lower(e.title);
          e.lAuthors = lower(e.authors);
          e.lRest = lower(e.cats.join(' ') + '\n' + e.tldr + '\n' + e.abs);
          return e;
        });
      }
      function accept(index) {
        // An index of another format version (a stale cached file) is refused, not misread.
        if (!index || index.v !== 1) { status.textContent = L.searchFailed || ''; return; }
        entries = prepare(index);
        if (input.value.trim()) run();
      }
      function load() {
        if (entries || loading) return;
        if (window.ARXIV_DIGEST_SEARCH) { accept(window.ARXIV_DIGEST_SEARCH); return; }
        loading = true;
        // A script element, not fetch(): fetch of a local file is refused on file://.
        var s = doc.createElement('script');
        s.src = (data.root || '') + data.index;
        s.addEventListener('load', function () {
          loading = false;
          accept(window.ARXIV_DIGEST_SEARCH);
        });
        s.addEventListener('error', function () {
          loading = false;
          status.textContent = L.searchFailed || '';
        });
        doc.head.appendChild(s);
      }
      function score(e, terms) {
        var total = 0;
        for (var i = 0; i < terms.length; i++) {
          var t = terms[i];
          var s = hasTerm(e.lTitle, t) ? 4 : hasTerm(e.lAuthors, t) ? 3 : hasTerm(e.lRest, t) ? 1 : 0;
          if (!s) return 0;
          total += s;
        }
        return total;
      }
      function run() {
        var q = input.value.trim();
        list.textContent = '';
        if (!q) { panel.hidden = true; return; }
        panel.hidden = false;
        if (!entries) { status.textContent = L.searchLoading || ''; load(); return; }
        var terms = lower(q).split(/\s+/).filter(function (t) { return t.length > 0; });
        var hits = [];
        entries.forEach(function (e) {
          var s = score(e, terms);
          if (s) hits.push({ e: e, s: s });
        });
        hits.sort(function (a, b) { return b.s - a.s || (a.e.date < b.e.date ? 1 : a.e.date > b.e.date ? -1 : 0); });
        status.textContent = hits.length
          ? plural(L.results, hits.length) + (hits.length > MAX_RESULTS ? ' \u00b7 ' + fill(L.moreResults, MAX_RESULTS) : '')
          : L.noResults || '';
        var frag = doc.createDocumentFragment();
        hits.slice(0, MAX_RESULTS).forEach(function (h) { frag.appendChild(resultItem(h.e, terms)); });
        list.appendChild(frag);
      }
      function resultItem(e, terms) {
        var li = doc.createElement('li');
        var a = doc.createElement('a');
        a.href = (data.root || '') + 'days/' + e.date + '.html#' + e.id;
        var date = doc.createElement('span');
        date.className = 'r-date';
        date.textContent = e.date;
        var title = doc.createElement('span');
        title.className = 'r-title';
        title.textContent = e.title;
        markTerms(title, terms);
        a.appendChild(date);
        a.appendChild(title);
        li.appendChild(a);
        var meta = doc.createElement('div');
        meta.className = 'r-meta';
        meta.textContent = e.authors + (e.cats.length ? ' \u00b7 ' + e.cats.join(' ') : '');
        markTerms(meta, terms);
        li.appendChild(meta);
        var snippet = doc.createElement('div');
        snippet.className = 'r-snippet';
        snippet.textContent = e.tldr || e.abs;
        markTerms(snippet, terms);
        li.appendChild(snippet);
        return li;
      }
      input.addEventListener('focus', load);
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(run, 60);
      });
      input.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') {
          clearTimeout(timer);
          run();
          var first = list.querySelector('a');
          if (first) { e.preventDefault(); first.click(); }
        } else if (e.key === 'ArrowDown') {
          var link = list.querySelector('a');
          if (link) { e.preventDefault(); link.focus(); }
        }
      });
      return {
        focus: function () { input.focus(); input.select(); },
        hide: function () { panel.hidden = true; },
      };
    }

    // ---- keyboard navigation ----------------------------------------------------------------
    function visible(el) { return el.getClientRects().length > 0; }
    function setCurrent(el, scroll) {
      if (current) current.classList.remove('current');
      current = el;
      if (!el) return;
      el.classList.add('current');
      el.focus({ preventScroll: true });
      if (scroll) el.scrollIntoView({ block: 'start' });
    }
    function move(step) {
      var shown = items.filter(visible);
      if (!shown.length) return;
      var i = current ? shown.indexOf(current) : -1;
      var next;
      if (i === -1) {
        // Nothing chosen yet: start from the first item on screen, not the top of the page.
        next = shown.filter(function (el) { return el.getBoundingClientRect().bottom > 80; })[0] || shown[0];
      } else next = shown[Math.max(0, Math.min(shown.length - 1, i + step))];
      setCurrent(next, true);
    }
    function openCurrent() {
      if (!current) return;
      if (current.classList.contains('day-row')) {
        var link = current.querySelector('a');
        if (link) link.click();
        return;
      }
      var details = current.querySelector('details');
      if (details) details.open = !details.open;
    }
    function setupKeys() {
      doc.addEventListener('keydown', function (e) {
        if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
        var t = e.target;
        var tag = t && t.tagName;
        var typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable);
        if (e.key === 'Escape') {
          closePanels();
          if (typing && t.blur) t.blur();
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

    // ---- #id: a search result or a shared link ----------------------------------------------
    function goToHash() {
      var id = '';
      try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
      if (!id) return;
      var el = byId(id);
      if (!el || !el.classList.contains('paper')) return;
      if (activeCat && el.getAttribute('data-cat') !== activeCat) setCategory('');
      // A paper the reader's negative keywords hide is shown when asked for by name.
      el.classList.add('revealed');
      applySettings();
      if (search) search.hide();
      setCurrent(el, true);
    }
  }
})();
`;
