/**
 * The site's one stylesheet (`assets/site.css`, inlined into single-day pages). Colours are
 * custom properties so dark mode is one block: it follows `prefers-color-scheme` unless the
 * reader chose a theme, which `site.js` writes to `<html data-theme>` before the first paint.
 * No fonts or images are fetched: the CSP allows nothing but the site's own files.
 */

export const SITE_CSS = `:root {
  color-scheme: light;
  --bg: #f7f7f5;
  --card: #ffffff;
  --text: #1d1f23;
  --muted: #5d6470;
  --border: #dfe1e5;
  --accent: #b31b1b;
  --link: #1a56b3;
  --chip: #eef0f3;
  --chip-on: #1d1f23;
  --chip-on-text: #ffffff;
  --warn-bg: #fff4d6;
  --warn-text: #7a4b00;
  --bad-bg: #fde5e4;
  --bad-text: #8a1c17;
  --mark: #ffe58a;
  --mark-text: #1d1f23;
  --hl: #2f7d32;
  --focus: #1a56b3;
  --shadow: 0 1px 2px rgba(0, 0, 0, 0.05);
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme='light']) {
    color-scheme: dark;
    --bg: #121417;
    --card: #1b1e23;
    --text: #e4e6ea;
    --muted: #9aa2ae;
    --border: #2e333b;
    --accent: #ff7b72;
    --link: #7fb0ff;
    --chip: #262a31;
    --chip-on: #e4e6ea;
    --chip-on-text: #121417;
    --warn-bg: #3b2f12;
    --warn-text: #f2c96b;
    --bad-bg: #41201e;
    --bad-text: #ffb3ad;
    --mark: #6b5a12;
    --mark-text: #fff7d6;
    --hl: #7bd88f;
    --focus: #7fb0ff;
    --shadow: none;
  }
}
:root[data-theme='dark'] {
  color-scheme: dark;
  --bg: #121417;
  --card: #1b1e23;
  --text: #e4e6ea;
  --muted: #9aa2ae;
  --border: #2e333b;
  --accent: #ff7b72;
  --link: #7fb0ff;
  --chip: #262a31;
  --chip-on: #e4e6ea;
  --chip-on-text: #121417;
  --warn-bg: #3b2f12;
  --warn-text: #f2c96b;
  --bad-bg: #41201e;
  --bad-text: #ffb3ad;
  --mark: #6b5a12;
  --mark-text: #fff7d6;
  --hl: #7bd88f;
  --focus: #7fb0ff;
  --shadow: none;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif;
}
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
[hidden] { display: none !important; }
html:not(.js) .js-only { display: none !important; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 0.5rem; z-index: 20; background: var(--card); padding: 0.25rem 0.5rem; }
.wrap { max-width: 56rem; margin: 0 auto; padding: 0 1rem; }

/* header: title, search, buttons; sticky so search and settings stay at hand */
.top {
  position: sticky;
  top: 0;
  z-index: 10;
  background: var(--card);
  border-bottom: 1px solid var(--border);
}
.bar { display: flex; align-items: center; gap: 0.75rem; min-height: 3.25rem; flex-wrap: wrap; padding-top: 0.4rem; padding-bottom: 0.4rem; }
.top .panel { margin: 0 0 0.75rem; }
.brand { font-weight: 700; color: var(--text); white-space: nowrap; }
.brand::before { content: ''; display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 2px; background: var(--accent); margin-right: 0.45rem; vertical-align: 0.05rem; }
.search { flex: 1 1 14rem; min-width: 0; }
.search input {
  width: 100%;
  font: inherit;
  font-size: 0.95rem;
  padding: 0.35rem 0.6rem;
  border: 1px solid var(--border);
  border-radius: 6px;
  background: var(--bg);
  color: var(--text);
}
.tools { display: flex; gap: 0.35rem; margin-left: auto; }
.tool {
  font: inherit;
  font-size: 0.95rem;
  min-width: 2.1rem;
  height: 2.1rem;
  padding: 0 0.5rem;
  border: 1px solid var(--border);
  border-radius: 6px;
  background: var(--card);
  color: var(--text);
  cursor: pointer;
}
.tool:hover { background: var(--chip); }

/* panels: search results, settings, help */
.panel {
  background: var(--card);
  border: 1px solid var(--border);
  border-radius: 8px;
  margin: 0.75rem 0;
  padding: 0.75rem 1rem;
  box-shadow: var(--shadow);
}
.top .panel { max-height: 75vh; overflow: auto; }
.panel h2 { font-size: 1rem; margin: 0 0 0.5rem; }
.panel-foot { display: flex; gap: 0.5rem; justify-content: flex-end; margin-top: 0.75rem; }
.search-status { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.4rem; }
.results { list-style: none; margin: 0; padding: 0; }
.results li { padding: 0.45rem 0; border-top: 1px solid var(--border); }
.results li:first-child { border-top: 0; }
.r-date { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.5rem; font-size: 0.85rem; }
.r-title { font-weight: 600; }
.r-meta, .r-snippet { font-size: 0.85rem; color: var(--muted); margin-top: 0.1rem; }
.settings label { display: block; font-weight: 600; font-size: 0.9rem; margin-top: 0.6rem; }
.settings label small { font-weight: 400; color: var(--muted); }
.settings input[type='text'] {
  width: 100%;
  font: inherit;
  padding: 0.3rem 0.5rem;
  border: 1px solid var(--border);
  border-radius: 6px;
  background: var(--bg);
  color: var(--text);
}
.settings fieldset { border: 0; padding: 0; margin: 0.6rem 0 0; font-size: 0.9rem; }
.settings fieldset label { display: inline; font-weight: 400; margin-right: 0.75rem; }
.help dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
.help dt { white-space: nowrap; }
.help dd { margin: 0; color: var(--muted); }
kbd {
  font: 0.8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  padding: 0.05rem 0.35rem;
  border: 1px solid var(--border);
  border-bottom-width: 2px;
  border-radius: 4px;
  background: var(--bg);
}
.btn {
  font: inherit;
  font-size: 0.9rem;
  padding: 0.3rem 0.9rem;
  border-radius: 6px;
  border: 1px solid var(--border);
  background: var(--chip);
  color: var(--text);
  cursor: pointer;
}
.btn.primary { background: var(--chip-on); color: var(--chip-on-text); border-color: var(--chip-on); }

/* day heading, counts, navigation between days */
.day-head { margin: 1.25rem 0 0.5rem; }
.day-head h1 { font-size: 1.6rem; margin: 0; font-variant-numeric: tabular-nums; }
.counts { color: var(--muted); margin: 0.15rem 0 0; font-size: 0.95rem; }
.counts span + span::before { content: ' · '; }
.day-nav { display: flex; justify-content: space-between; gap: 1rem; font-size: 0.9rem; margin: 0.5rem 0; }
.hidden-note { color: var(--muted); font-size: 0.85rem; margin: 0.25rem 0; }

/* category filter */
.chips { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.75rem 0 0.5rem; padding: 0; list-style: none; }
.chip {
  font: inherit;
  font-size: 0.85rem;
  padding: 0.2rem 0.7rem;
  border-radius: 999px;
  border: 1px solid var(--border);
  background: var(--chip);
  color: var(--text);
  cursor: pointer;
}
.chip[aria-pressed='true'] { background: var(--chip-on); color: var(--chip-on-text); border-color: var(--chip-on); }
.chip .n { opacity: 0.7; margin-left: 0.3rem; font-variant-numeric: tabular-nums; }

/* categories and papers */
.category h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; color: var(--muted); font-weight: 600; }
.category h2 .n { font-weight: 400; }
.paper {
  background: var(--card);
  border: 1px solid var(--border);
  border-left: 3px solid transparent;
  border-radius: 8px;
  padding: 0.85rem 1rem;
  margin: 0 0 0.75rem;
  box-shadow: var(--shadow);
  scroll-margin-top: 4.5rem;
}
.paper:focus { outline: none; }
.paper.current { border-left-color: var(--focus); }
.paper:target { border-left-color: var(--accent); }
.paper.has-hl { border-left-color: var(--hl); }
.paper.current.has-hl { border-left-color: var(--focus); }
.paper.neg-dim { opacity: 0.4; }
.paper.neg-dim:hover, .paper.neg-dim.current { opacity: 0.85; }
.paper.neg-hide:not(.revealed) { display: none; }
.paper h3 { font-size: 1.08rem; line-height: 1.35; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
.paper h3 a { color: var(--text); }
.paper h3 a:hover { color: var(--link); }
.authors { margin: 0 0 0.35rem; font-size: 0.92rem; color: var(--muted); overflow-wrap: anywhere; }
.author.hl-author { color: var(--hl); font-weight: 600; }
.meta { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; margin: 0 0 0.5rem; font-size: 0.8rem; }
.arxiv-id { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin-right: 0.2rem; }
.cat { padding: 0.05rem 0.45rem; border-radius: 4px; background: var(--chip); color: var(--muted); }
.cat.primary { color: var(--text); font-weight: 600; }
.kind { padding: 0.05rem 0.45rem; border-radius: 4px; border: 1px dashed var(--border); color: var(--muted); }
.badge { padding: 0.05rem 0.45rem; border-radius: 4px; background: var(--warn-bg); color: var(--warn-text); font-weight: 600; cursor: help; }
.badge::before { content: '⚠ '; }
.tldr { margin: 0.25rem 0 0.5rem; }
.tldr-label { font-weight: 700; margin-right: 0.35rem; }
.status { margin: 0.25rem 0 0.5rem; padding: 0.4rem 0.6rem; border-radius: 6px; background: var(--bad-bg); color: var(--bad-text); font-size: 0.92rem; }
.status.status-pending { background: var(--chip); color: var(--muted); }
.abstract { margin: 0.35rem 0 0.5rem; font-size: 0.93rem; }
.comment { font-size: 0.85rem; color: var(--muted); margin: 0 0 0.4rem; overflow-wrap: anywhere; }
.comment-label { font-weight: 600; margin-right: 0.3rem; }
details { margin: 0.25rem 0 0.5rem; }
details > summary { cursor: pointer; color: var(--link); font-size: 0.92rem; width: max-content; }
.fields { margin: 0.5rem 0 0; }
.fields dt { font-weight: 700; font-size: 0.88rem; margin-top: 0.5rem; }
.fields dd { margin: 0.1rem 0 0; font-size: 0.93rem; }
.links { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0.4rem 0 0; font-size: 0.88rem; }
.links .stars { color: var(--muted); margin-left: 0.2rem; }
mark, mark.hl { background: var(--mark); color: var(--mark-text); border-radius: 2px; padding: 0 0.05em; }

/* ranking: the For you picks, score badges and reasons, the order control */
.for-you {
  background: var(--card);
  border: 1px solid var(--border);
  border-left: 3px solid var(--hl);
  border-radius: 8px;
  padding: 0.6rem 1rem;
  margin: 0.75rem 0;
  box-shadow: var(--shadow);
}
.for-you h2 { font-size: 1.05rem; margin: 0 0 0.35rem; }
.for-you h2 .n { color: var(--muted); font-weight: 400; }
.picks { margin: 0; padding-left: 1.5rem; }
.picks li { margin: 0.35rem 0; overflow-wrap: anywhere; }
.picks a { font-weight: 600; margin-right: 0.45rem; }
.picks .reason { display: block; margin: 0.1rem 0 0; }
.picks-none { color: var(--muted); margin: 0; font-size: 0.92rem; }
.score { padding: 0.05rem 0.45rem; border-radius: 4px; background: var(--chip); color: var(--muted); font-size: 0.8rem; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; cursor: help; }
.score.score-high { color: var(--hl); border: 1px solid var(--hl); padding: 0 0.4rem; }
.score.score-low { color: var(--bad-text); }
.reason { font-size: 0.85rem; color: var(--muted); margin: 0 0 0.45rem; overflow-wrap: anywhere; }
.reason-label { font-weight: 600; margin-right: 0.3rem; }
.order { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin: 0 0 0.5rem; font-size: 0.85rem; }
.order-label { color: var(--muted); margin-right: 0.1rem; }
.order-option {
  font: inherit;
  padding: 0.15rem 0.7rem;
  border-radius: 999px;
  border: 1px solid var(--border);
  background: var(--card);
  color: var(--text);
  cursor: pointer;
}
a.order-option:hover { text-decoration: none; background: var(--chip); }
.order-option[aria-pressed='true'], .order-option[aria-current='page'] { background: var(--chip-on); color: var(--chip-on-text); border-color: var(--chip-on); }

/* index: the list of days */
.days { list-style: none; padding: 0; margin: 1rem 0; }
.day-row {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 0.25rem 1rem;
  background: var(--card);
  border: 1px solid var(--border);
  border-left: 3px solid transparent;
  border-radius: 8px;
  padding: 0.6rem 1rem;
  margin: 0 0 0.5rem;
  box-shadow: var(--shadow);
}
.day-row.current { border-left-color: var(--focus); }
.day-row .date { font-weight: 700; font-size: 1.05rem; font-variant-numeric: tabular-nums; }
.day-row p, .day-row .counts { margin: 0; }
.day-row .cats { flex-basis: 100%; font-size: 0.82rem; color: var(--muted); }
footer { color: var(--muted); font-size: 0.82rem; margin: 2rem 0 3rem; text-align: center; }

/* phones: one column, a header that scrolls away, bigger touch targets */
@media (max-width: 640px) {
  body { font-size: 15px; }
  .top { position: static; }
  .bar { gap: 0.5rem; }
  .search { flex-basis: 100%; order: 3; }
  .paper { padding: 0.75rem; border-radius: 6px; scroll-margin-top: 0.5rem; }
  .paper h3 { font-size: 1rem; }
  .chips { flex-wrap: nowrap; overflow-x: auto; padding-bottom: 0.25rem; }
  .chip { white-space: nowrap; padding: 0.3rem 0.8rem; }
  .links { gap: 0.25rem 0.9rem; font-size: 0.95rem; }
  .links a { padding: 0.2rem 0; }
  .help dl { grid-template-columns: 1fr; }
  .day-head h1 { font-size: 1.35rem; }
}
@media print {
  .top, .chips, .order, .tools, .day-nav, details > summary { display: none; }
  details > * { display: block; }
  .paper { break-inside: avoid; box-shadow: none; }
}
`;
