/**
 * The reader's profile as the Profile page's form holds it — one textarea per part, one entry per
 * line, a weight after a colon (`diffusion:2`, `cs.CL:-0.5`) — and back. Reading a posted form
 * checks it with the config file's own rules (`parseProfile`), so the web app can never save a
 * profile the config file would refuse; each problem is told with the field and line it is on.
 * Pure.
 */
import { parseProfile, parseWeighted, ProfileError, type Profile, type WeightedTerm } from '../rank/profile.js';
import { fill, type AppLabels } from '../ui/i18n/catalog.js';
import { PROFILE_FIELDS, type ProfileField, type ProfileForm, type ProfileProblem } from '../ui/pages/app-profile.js';

export type FormOutcome = { ok: true; profile: Profile } | { ok: false; problems: ProfileProblem[] };

/**
 * `term`, or `term:weight` when the weight is not 1 — and always when the term itself ends in
 * `:number` (`ratio 1:2` is written `ratio 1:2:1`), which would otherwise be read as its weight.
 */
function entry(term: string, weight: number): string {
  return weight === 1 && parseWeighted(term).term === term ? term : `${term}:${weight}`;
}

const lines = (items: readonly WeightedTerm[]): string => items.map((t) => entry(t.term, t.weight)).join('\n');

/** The form showing a profile. */
export function profileForm(p: Profile): ProfileForm {
  return {
    keywords: lines(p.keywords),
    exclude: lines(p.exclude),
    authors: lines(p.authors.map((a) => ({ term: a.name, weight: a.weight }))),
    categories: Object.entries(p.categories)
      .map(([c, w]) => `${c}:${w}`)
      .join('\n'),
    examples: p.examples.join('\n'),
  };
}

/** The posted fields as text (a field that is missing or a file is empty). */
export function formOfBody(body: Record<string, unknown>): ProfileForm {
  const text = (name: ProfileField) => (typeof body[name] === 'string' ? body[name] : '');
  return {
    keywords: text('keywords'),
    exclude: text('exclude'),
    authors: text('authors'),
    categories: text('categories'),
    examples: text('examples'),
  };
}

interface Entry {
  text: string;
  /** 1-based line of the textarea. */
  line: number;
}

/** Non-empty lines; example ids may also be separated by commas or spaces on one line. */
function entriesOf(text: string, splitWords = false): Entry[] {
  return text.split(/\r\n|\r|\n/).flatMap((raw, i) => {
    const t = raw.trim();
    if (!t) return [];
    const parts = splitWords ? t.split(/[\s,]+/).filter((s) => s !== '') : [t];
    return parts.map((text) => ({ text, line: i + 1 }));
  });
}

const problemsOf = (e: unknown): string[] => {
  if (e instanceof ProfileError) return e.problems;
  throw e;
};

const INDEXED = /^profile\.(keywords|exclude|authors|examples)\[(\d+)\]: /;

/**
 * The profile a posted form describes, with `library` (the config file's paths, not editable
 * here) kept as it is; or every problem, each with where it is.
 */
export function readProfileForm(form: ProfileForm, library: readonly string[], A: AppLabels): FormOutcome {
  const entries: Record<ProfileField, Entry[]> = {
    keywords: entriesOf(form.keywords),
    exclude: entriesOf(form.exclude),
    authors: entriesOf(form.authors),
    categories: entriesOf(form.categories),
    examples: entriesOf(form.examples, true),
  };
  const where = (field: ProfileField, line: number) => fill(A.profileLine, { field: A.profileField[field][0], line });
  const problems: ProfileProblem[] = [];
  // Category weights are a map, whose problems name the category, not a line: checked line by line.
  const categories: Record<string, number> = {};
  for (const e of entries.categories) {
    const { term, weight } = parseWeighted(e.text);
    try {
      parseProfile({ categories: { [term]: weight } });
      categories[term] = weight;
    } catch (err) {
      for (const p of problemsOf(err))
        problems.push({
          field: 'categories',
          text: `${where('categories', e.line)}: ${p.replace(/^profile\.categories[^:]*: /, '')}`,
        });
    }
  }
  const value = {
    keywords: entries.keywords.map((e) => e.text),
    exclude: entries.exclude.map((e) => e.text),
    authors: entries.authors.map((e) => e.text),
    categories,
    examples: entries.examples.map((e) => e.text),
    library: [...library],
  };
  // In the form's order, whichever check found them.
  const inOrder = () => {
    const rank = (p: ProfileProblem) => (p.field ? PROFILE_FIELDS.indexOf(p.field) : -1);
    return [...problems].sort((a, b) => rank(a) - rank(b));
  };
  try {
    const profile = parseProfile(value, 'profile form');
    return problems.length ? { ok: false, problems: inOrder() } : { ok: true, profile };
  } catch (err) {
    for (const p of problemsOf(err)) {
      const m = INDEXED.exec(p);
      if (!m) problems.push({ field: null, text: p });
      else {
        const field = m[1] as ProfileField;
        const line = entries[field][Number(m[2])]?.line ?? 0;
        problems.push({ field, text: `${where(field, line)}: ${p.slice(m[0].length)}` });
      }
    }
    return { ok: false, problems: inOrder() };
  }
}
