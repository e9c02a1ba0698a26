/**
 * The reader's profile: what ranking looks for. It comes from the config file's `profile` object
 * (also what the web app edits and writes back) and from quick flags that add to it for one run:
 * `--keywords "diffusion:2,video generation" --exclude "survey" --authors "Jane Doe"`.
 *
 * Config form (every key optional):
 * ```json
 * "profile": {
 *   "keywords": ["diffusion:2", {"term": "video generation", "weight": 1.5}],
 *   "exclude": ["survey"],
 *   "authors": ["Jane Doe", "Yann LeCun:2"],
 *   "categories": {"cs.CV": 1, "cs.CL": -0.5},
 *   "examples": ["2401.01234"],
 *   "library": ["~/Zotero/export.bib"]
 * }
 * ```
 * A weight is written as a `:number` suffix or as an object; it defaults to 1.
 */
import { z } from 'zod';
import { parseArxivId } from '../core/arxiv-id.js';
import { UsageError } from '../errors.js';
import { tokenize } from './text.js';

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface WeightedAuthor {
  name: string;
  weight: number;
}

export interface Profile {
  keywords: WeightedTerm[];
  /** Negative keywords: a match lowers the score by its weight. */
  exclude: WeightedTerm[];
  authors: WeightedAuthor[];
  /** Category → weight, negative to push a category down. */
  categories: Record<string, number>;
  /** arXiv ids (no version) of papers like the ones the reader wants. */
  examples: string[];
  /** Paths of library exports (BibTeX, RIS or CSL-JSON), as written in the config. */
  library: string[];
}

export const EMPTY_PROFILE: Profile = Object.freeze({
  keywords: [],
  exclude: [],
  authors: [],
  categories: {},
  examples: [],
  library: [],
}) as Profile;

/** A profile term or author carries a weight in (0, MAX_WEIGHT]. */
export const MAX_WEIGHT = 100;
/** Category weights are in [-MAX_CATEGORY_WEIGHT, MAX_CATEGORY_WEIGHT]. */
export const MAX_CATEGORY_WEIGHT = 10;

/** The error of a profile that does not have the expected shape; lists every problem found. */
export class ProfileError extends UsageError {
  override name = 'ProfileError';
  constructor(
    readonly problems: string[],
    source: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${problems.join('; ')}`, options);
  }
}

const WEIGHT_SUFFIX = /^(.*?)\s*:\s*(-?\d+(?:\.\d+)?)\s*$/s;
const CATEGORY = /^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/;

/** `"diffusion:2"` → `{term: "diffusion", weight: 2}`; no suffix means weight 1. */
export function parseWeighted(text: string): WeightedTerm {
  const m = WEIGHT_SUFFIX.exec(text);
  return m ? { term: m[1]!.trim(), weight: Number(m[2]) } : { term: text.trim(), weight: 1 };
}

/** Two spellings of one keyword ("Diffusion Models", "diffusion model") are the same keyword. */
export const termKey = (term: string): string => tokenize(term).join(' ');

/** Author names compare without case, accents, dots or hyphens: "José-Luis Núñez" = "jose luis nunez". */
export const authorKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const weightedItem = z.union([
  z.string(),
  z.object({ term: z.string(), weight: z.number().optional() }).strict(),
  z.object({ name: z.string(), weight: z.number().optional() }).strict(),
]);
const stringList = z.union([z.string(), z.array(z.string())]);

const profileSchema = z
  .object({
    keywords: z.array(weightedItem).optional(),
    exclude: z.array(weightedItem).optional(),
    authors: z.array(weightedItem).optional(),
    categories: z.record(z.string(), z.number()).optional(),
    examples: stringList.optional(),
    library: stringList.optional(),
  })
  .strict();

type WeightedItem = z.infer<typeof weightedItem>;

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

function itemOf(item: WeightedItem): WeightedTerm {
  if (typeof item === 'string') return parseWeighted(item);
  return { term: ('term' in item ? item.term : item.name).trim(), weight: item.weight ?? 1 };
}

function checkWeight(where: string, t: WeightedTerm, problems: string[]): boolean {
  if (!Number.isFinite(t.weight) || t.weight <= 0 || t.weight > MAX_WEIGHT) {
    problems.push(`${where}: weight of "${t.term}" must be a number in (0, ${MAX_WEIGHT}], got ${t.weight}`);
    return false;
  }
  return true;
}

/** Keywords checked and deduplicated (the later spelling wins, in the earlier one's place). */
function terms(where: string, items: readonly WeightedItem[], problems: string[]): WeightedTerm[] {
  const byKey = new Map<string, WeightedTerm>();
  items.forEach((item, i) => {
    const t = itemOf(item);
    const at = `${where}[${i}]`;
    if (!t.term) return problems.push(`${at}: expected a keyword, got an empty string`);
    if (!checkWeight(at, t, problems)) return;
    const key = termKey(t.term);
    if (!key) {
      return problems.push(
        `${at}: "${t.term}" has no searchable word (stopwords, bare numbers and single letters are ignored)`,
      );
    }
    byKey.set(key, t);
  });
  return [...byKey.values()];
}

function authors(where: string, items: readonly WeightedItem[], problems: string[]): WeightedAuthor[] {
  const byKey = new Map<string, WeightedAuthor>();
  items.forEach((item, i) => {
    const t = itemOf(item);
    const at = `${where}[${i}]`;
    if (!authorKey(t.term)) return problems.push(`${at}: expected an author name, got ${JSON.stringify(t.term)}`);
    if (checkWeight(at, t, problems)) byKey.set(authorKey(t.term), { name: t.term, weight: t.weight });
  });
  return [...byKey.values()];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = ['profile', ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    return `${path}: unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected keywords, exclude, authors, categories, examples, library)`;
  }
  if (issue.code === 'invalid_union') return `${path}: expected "term", "term:weight" or {"term", "weight"}`;
  return `${path}: ${issue.message}`;
}

/**
 * Checks and normalises the config file's `profile` value (undefined → the empty profile).
 * Throws ProfileError naming every problem, `source` first (the config file's path).
 */
export function parseProfile(value: unknown, source = 'config file'): Profile {
  if (value === undefined || value === null) return { ...EMPTY_PROFILE };
  const parsed = profileSchema.safeParse(value);
  if (!parsed.success) throw new ProfileError(parsed.error.issues.map(describeIssue), source);
  const o = parsed.data;
  const problems: string[] = [];
  const profile: Profile = {
    keywords: terms('profile.keywords', o.keywords ?? [], problems),
    exclude: terms('profile.exclude', o.exclude ?? [], problems),
    authors: authors('profile.authors', o.authors ?? [], problems),
    categories: {},
    examples: [],
    library: asList(o.library)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  };
  for (const [cat, weight] of Object.entries(o.categories ?? {})) {
    if (!CATEGORY.test(cat))
      problems.push(`profile.categories: expected an arXiv category such as cs.CL, got "${cat}"`);
    else if (!Number.isFinite(weight) || Math.abs(weight) > MAX_CATEGORY_WEIGHT)
      problems.push(`profile.categories.${cat}: weight must be in [-${MAX_CATEGORY_WEIGHT}, ${MAX_CATEGORY_WEIGHT}]`);
    else profile.categories[cat] = weight;
  }
  asList(o.examples).forEach((text, i) => {
    const id = parseArxivId(text.replace(/^arxiv:/i, ''));
    if (!id) problems.push(`profile.examples[${i}]: expected an arXiv id such as 2401.01234, got "${text}"`);
    else if (!profile.examples.includes(id.id)) profile.examples.push(id.id);
  });
  dropConflicts(profile, 'exclude');
  if (problems.length) throw new ProfileError(problems, source);
  return profile;
}

/** Quick flags as the command line gives them (comma lists); absent flags are undefined. */
export interface ProfileFlags {
  keywords?: string;
  exclude?: string;
  authors?: string;
}

const splitFlag = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A keyword both wanted and excluded keeps the side named by `winner` (the later source). */
function dropConflicts(p: Profile, winner: 'keywords' | 'exclude'): void {
  const loser = winner === 'keywords' ? 'exclude' : 'keywords';
  const keep = new Set(p[winner].map((t) => termKey(t.term)));
  p[loser] = p[loser].filter((t) => !keep.has(termKey(t.term)));
}

/**
 * The profile for one run: the config's, plus the flags. A flag keyword replaces the same keyword's
 * weight, and a keyword excluded by a flag is no longer wanted (and the other way round).
 * Throws ProfileError naming the flag.
 */
export function mergeProfileFlags(base: Profile, flags: ProfileFlags): Profile {
  const problems: string[] = [];
  const merged: Profile = { ...base, categories: { ...base.categories }, examples: [...base.examples] };
  if (flags.keywords !== undefined) {
    merged.keywords = terms('--keywords', [...base.keywords, ...splitFlag(flags.keywords)], problems);
    dropConflicts(merged, 'keywords');
  }
  if (flags.exclude !== undefined) {
    merged.exclude = terms('--exclude', [...merged.exclude, ...splitFlag(flags.exclude)], problems);
    dropConflicts(merged, 'exclude');
  }
  if (flags.authors !== undefined) {
    const items = [...base.authors.map((a) => ({ name: a.name, weight: a.weight })), ...splitFlag(flags.authors)];
    merged.authors = authors('--authors', items, problems);
  }
  if (problems.length) throw new ProfileError(problems, 'command line');
  return merged;
}

/** The compact config form of a profile (what the web app writes back): `"term"` or `"term:2"`. */
export function profileToConfig(p: Profile): Record<string, unknown> {
  // A term that itself ends in ":number" would be read back as a weight: write it as an object.
  const short = (term: string, weight: number): string | WeightedTerm =>
    WEIGHT_SUFFIX.test(term) ? { term, weight } : weight === 1 ? term : `${term}:${weight}`;
  return {
    keywords: p.keywords.map((t) => short(t.term, t.weight)),
    exclude: p.exclude.map((t) => short(t.term, t.weight)),
    authors: p.authors.map((a) => short(a.name, a.weight)),
    categories: { ...p.categories },
    examples: [...p.examples],
    library: [...p.library],
  };
}
