/**
 * The Profile page: what ranking looks for, as a plain server-rendered form (POST /profile, 303
 * back; problems shown on the form with the reader's text kept), the library paths read-only
 * (they come from the config file), and a button back to the config file's profile. Without a
 * ranker it only says that ranking is not configured. Pure.
 */
import { fill } from '../publish/site/labels.js';
import { markup, type SafeHtml } from './html.js';
import type { PageContext } from './layout.js';
import { PROFILE_FIELDS, type ProfileField, type ProfileForm, type ProfileProblem } from './profile-form.js';

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
  return markup`<label for="${id}">${label}</label><p class="hint" id="${`${id}-hint`}">${hint}</p>
<textarea id="${id}" name="${name}" rows="${rows}" aria-describedby="${`${id}-hint`}"${invalid ? markup` aria-invalid="true"` : ''} spellcheck="false" autocomplete="off">
${text}</textarea>
`;
}

export function profileMain(ctx: PageContext, v: ProfileView): SafeHtml {
  const A = ctx.app;
  const head = markup`<div class="day-head"><h1>${A.profile}</h1><p class="counts">${A.profileIntro}</p></div>\n`;
  if (!v.ranking)
    return markup`${head}<p class="note" id="ranking-state" data-state="none">${A.rankingNotConfigured}</p>\n`;
  const notice = v.notice
    ? markup`<p class="note" id="profile-notice" role="status">${v.notice === 'saved' ? A.profileSaved : A.profileReset}</p>\n`
    : '';
  const problems = v.problems.length
    ? markup`<section class="panel error-box" role="alert" id="profile-problems"><p>${A.profileNotSaved}</p><ul>${v.problems.map((p) => markup`<li>${p.text}</li>`)}</ul></section>\n`
    : '';
  const bad = new Set(v.problems.map((p) => p.field));
  const library = v.ranking.library.length
    ? markup`<ul class="library">${v.ranking.library.map((path) => markup`<li><code>${path}</code></li>`)}</ul>`
    : markup`<p>${A.noLibrary}</p>`;
  return markup`${head}${notice}<p class="note" id="ranking-state" data-state="${v.ranking.active ? 'on' : 'off'}">${v.ranking.active ? A.rankingOn : A.rankingOff}</p>
<p class="hint">${fill(A.marksLearned, { up: v.marks.up, down: v.marks.down, favorites: v.marks.favorites })}</p>
${problems}<section class="panel"><form class="profile-form" id="profile-form" method="post" action="/profile">
${PROFILE_FIELDS.map((name) => field(ctx, name, v.form[name], bad.has(name)))}<div class="panel-foot"><button type="submit" class="btn primary" name="action" value="save">${A.saveProfile}</button></div>
</form></section>
<section class="panel" id="profile-library"><h2>${A.library}</h2><p class="hint">${A.libraryHint}</p>${library}</section>
<section class="panel"><form class="profile-reset" method="post" action="/profile"><input type="hidden" name="action" value="reset"><button type="submit" class="btn">${A.resetProfile}</button><p class="hint">${A.resetHint}</p></form></section>
`;
}
