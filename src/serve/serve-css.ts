/**
 * The web app's few additions to the site's stylesheet (`/assets/serve.css`, loaded after
 * `site.css`): navigation, the favorite and rating buttons, the search filters, tables of the
 * paper page, the BibTeX block, the pager and the profile form. Colours come from the site's custom properties,
 * so dark mode needs nothing here.
 */

export const SERVE_CSS = `.app-nav { display: flex; gap: 0.75rem; font-size: 0.95rem; }
.app-nav a { color: var(--muted); }
.app-nav a[aria-current='page'] { color: var(--text); font-weight: 600; }
.bar .search { display: flex; margin: 0; }

/* favorite and rating buttons */
.marks { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.55rem 0 0; }
.mark {
  font: inherit;
  font-size: 0.85rem;
  padding: 0.15rem 0.6rem;
  border-radius: 999px;
  border: 1px solid var(--border);
  background: var(--card);
  color: var(--muted);
  cursor: pointer;
}
.mark:hover { background: var(--chip); }
.mark[aria-pressed='true'] { background: var(--chip-on); color: var(--chip-on-text); border-color: var(--chip-on); }
.mark-favorite[aria-pressed='true'] { background: var(--mark); color: var(--mark-text); border-color: var(--mark); }

/* search form and results */
.search-form { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.5rem 0.75rem; align-items: end; }
.search-form label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); gap: 0.15rem; }
.search-form .wide { grid-column: 1 / -1; }
.search-form input {
  font: inherit;
  font-size: 0.95rem;
  padding: 0.3rem 0.5rem;
  border: 1px solid var(--border);
  border-radius: 6px;
  background: var(--bg);
  color: var(--text);
  min-width: 0;
}
.search-form .btn { justify-self: start; }
.hint { color: var(--muted); font-size: 0.82rem; margin: 0.35rem 0 0; }
.hits { list-style: none; margin: 0; padding: 0; }
.hits > li { padding: 0.6rem 0; border-top: 1px solid var(--border); }
.hits > li:first-child { border-top: 0; }
.hits .r-title { font-weight: 600; }
.hits .marks { margin-top: 0.3rem; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; font-size: 0.95rem; }
.error-box { border-left: 3px solid var(--accent); }
.error-box p { overflow-wrap: anywhere; white-space: pre-wrap; }

/* the paper page */
.paper-page h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.facts { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
.facts th, .facts td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-top: 1px solid var(--border); overflow-wrap: anywhere; }
.facts th { color: var(--muted); font-weight: 600; white-space: nowrap; width: 1%; }
.facts thead th { border-top: 0; width: auto; }
.summary-card { margin: 0 0 0.75rem; }
.summary-card h3 { font-size: 1rem; margin: 0 0 0.35rem; }
.summary-card .facts { margin-bottom: 0.5rem; }
pre.bibtex {
  font: 0.82rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: var(--bg);
  border: 1px solid var(--border);
  border-radius: 6px;
  padding: 0.6rem 0.75rem;
  overflow-x: auto;
  white-space: pre;
  margin: 0 0 0.5rem;
}
.day-head .actions { margin: 0.4rem 0 0; display: flex; gap: 1rem; font-size: 0.92rem; }

/* notes, and the profile form */
.note { margin: 0.5rem 0; padding: 0.4rem 0.75rem; border-radius: 6px; background: var(--chip); font-size: 0.92rem; }
.note[data-state='on'] { border-left: 3px solid var(--hl); }
.profile-form label { display: block; font-weight: 600; margin-top: 0.9rem; }
.profile-form label:first-child { margin-top: 0; }
.profile-form .hint { margin: 0.1rem 0 0.3rem; }
.profile-form textarea {
  width: 100%;
  font: 0.92rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  padding: 0.4rem 0.5rem;
  border: 1px solid var(--border);
  border-radius: 6px;
  background: var(--bg);
  color: var(--text);
  resize: vertical;
}
.profile-form textarea[aria-invalid='true'] { border-color: var(--accent); }
.error-box ul { margin: 0.25rem 0 0; padding-left: 1.25rem; overflow-wrap: anywhere; }
.library { margin: 0; padding-left: 1.25rem; }
.library code { font-size: 0.88rem; overflow-wrap: anywhere; }
.profile-reset { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.profile-reset .hint { margin: 0; }
@media (max-width: 640px) {
  .app-nav { order: 2; }
  .bar .search { order: 3; }
}
`;
