/**
 * The Profile page: what ranking looks for, as a plain server-rendered form (POST /profile, 303
 * back; problems shown on the form with the reader's text kept), the library paths read-only
 * (they come from the config file), and a button back to the config file's profile. Without a
 * ranker it only says that ranking is not configured. Pure.
 */
import { html, type SafeHtml } from '../html.js';
import { fill } from '../i18n/catalog.js';
import type { PageContext } from './app-frame.js';

export type ProfileField = 'keywords' | 'exclude' | 'authors' | 'categories' | 'examples';

/** The form's textareas, in order. */
export const PROFILE_FIELDS: readonly ProfileField[] = ['keywords', 'exclude', 'authors', 'categories', 'examples'];

/** The text of each textarea. */
export type ProfileForm = Record<ProfileField, string>;

/** A problem of a posted profile: where it is (the field; null for the whole) and what. */
export interface ProfileProblem {
  field: ProfileField | null;
  text: string;
}

export interface ProfileView {
  /** Null when the server has no ranker. */
  ranking: { active: boolean; library: readonly string[] } | null;
  form: ProfileForm;
  problems: readonly ProfileProblem[];
  /** What the last POST did (from the redirect's query). */
  notice: 'saved' | 'reset' | null;
  /** The reader's marks, which ranking learns from. */
  marks: { up: number; down: number; favorites: number };
}

function field(ctx: PageContext, name: ProfileField, text: string, invalid: boolean): SafeHtml {
  const [label, hint] = ctx.app.profileField[name];
  const id = `profile-${name}`;
  const rows = Math.max(3, Math.min(12, text.split('\n').length + 1));
  // The newline after the start tag is dropped by the parser, so text starting with one keeps it.
  return html`<label for="${id}">${label}</label><p class="hint" id="${`${id}-hint`}">${hint}</p>
<textarea id="${id}" name="${name}" rows="${rows}" aria-describedby="${`${id}-hint`}"${invalid ? html` aria-invalid="true"` : ''} spellcheck="false" autocomplete="off">
${text}</textarea>
`;
}

export function profileMain(ctx: PageContext, v: ProfileView): SafeHtml {
  const A = ctx.app;
  const head = html`<div class="day-head"><h1>${A.profile}</h1><p class="counts">${A.profileIntro}</p></div>\n`;
  if (!v.ranking)
    return html`${head}<p class="note" id="ranking-state" data-state="none">${A.rankingNotConfigured}</p>\n`;
  const notice = v.notice
    ? html`<p class="note" id="profile-notice" role="status">${v.notice === 'saved' ? A.profileSaved : A.profileReset}</p>\n`
    : '';
  const problems = v.problems.length
    ? html`<section class="panel error-box" role="alert" id="profile-problems"><p>${A.profileNotSaved}</p><ul>${v.problems.map((p) => html`<li>${p.text}</li>`)}</ul></section>\n`
    : '';
  const bad = new Set(v.problems.map((p) => p.field));
  const library = v.ranking.library.length
    ? html`<ul class="library">${v.ranking.library.map((path) => html`<li><code>${path}</code></li>`)}</ul>`
    : html`<p>${A.noLibrary}</p>`;
  return html`${head}${notice}<p class="note" id="ranking-state" data-state="${v.ranking.active ? 'on' : 'off'}">${v.ranking.active ? A.rankingOn : A.rankingOff}</p>
<p class="hint">${fill(A.marksLearned, { up: v.marks.up, down: v.marks.down, favorites: v.marks.favorites })}</p>
${problems}<section class="panel"><form class="profile-form" id="profile-form" method="post" action="/profile">
${PROFILE_FIELDS.map((name) => field(ctx, name, v.form[name], bad.has(name)))}<div class="panel-foot"><button type="submit" class="btn primary" name="action" value="save">${A.saveProfile}</button></div>
</form></section>
<section class="panel" id="profile-library"><h2>${A.library}</h2><p class="hint">${A.libraryHint}</p>${library}</section>
<section class="panel"><form class="profile-reset" method="post" action="/profile"><input type="hidden" name="action" value="reset"><button type="submit" class="btn">${A.resetProfile}</button><p class="hint">${A.resetHint}</p></form></section>
`;
}
