/**
 * The UI's words, one catalog per UI language: a file in this folder named by its BCP 47 tag
 * (`en.ts`, `zh-CN.ts`, `ja.ts`), found by its name — adding a language is adding a file. The
 * language a reader asks for (UI_LANGUAGE, by name or tag) is looked up in core/languages.ts,
 * whose tag names the file. A catalog may cover part of the UI (`ja.ts`: the e-mail and chat
 * digest only); every part it leaves out is English, as is a language without a catalog.
 *
 * `{n}`, `{at}`, `{language}`, … are filled in by `fill`, on the server and in the browser alike.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { languageOf } from '../../core/languages.js';
import type { FLAGS } from '../../core/flags.js';
import ENGLISH from './en.js';

/** The checks a summary can fail (core/flags.ts). */
export type CheckFlag = (typeof FLAGS)[keyof typeof FLAGS];
/** Flags a summary badge explains: the checks and `placeholder` (imported failure text). */
export type BadgeFlag = CheckFlag | 'placeholder';

/** The static site's words, which the web app's pages share (both halves of a page agree). */
export interface SiteLabels {
  /** BCP 47 tag for `<html lang>`: the language these labels are in. */
  lang: string;
  days: string;
  /** [one, other]. */
  dayCount: [string, string];
  /** [one, other]. */
  papers: [string, string];
  summarized: string;
  pending: string;
  failed: string;
  refused: string;
  placeholders: string;
  noPapers: string;
  all: string;
  categories: string;
  tldr: string;
  details: string;
  motivation: string;
  method: string;
  result: string;
  conclusion: string;
  abstract: string;
  comment: string;
  absPage: string;
  pdf: string;
  html: string;
  code: string;
  doi: string;
  /** `{status}` (translated) and `{reason}` (as stored). */
  summaryStatus: string;
  status: Record<'pending' | 'failed' | 'refused', string>;
  kind: Record<'cross' | 'replace' | 'replace-cross', string>;
  /** Short badge text and a longer explanation (tooltip, `{language}`) per summary flag. */
  flags: Record<BadgeFlag, [string, string]>;
  placeholderOnly: string;
  search: string;
  searchLoading: string;
  searchFailed: string;
  noResults: string;
  results: [string, string];
  moreResults: string;
  settings: string;
  highlightKeywords: string;
  highlightAuthors: string;
  negativeKeywords: string;
  commaHint: string;
  negativeMode: string;
  hide: string;
  dim: string;
  save: string;
  close: string;
  hiddenCount: string;
  themeToggle: string;
  themeAuto: string;
  help: string;
  keys: { next: string; prev: string; open: string; search: string; help: string; close: string };
  generated: string;
  older: string;
  newer: string;
  allDays: string;
  skipToPapers: string;
  /** Heading of a ranked day's top picks. */
  forYou: string;
  /** Said in the For you section when the day was ranked but nothing scored high enough. */
  forYouNone: string;
  /** Text before a paper's score on its badge: "score 0.62". */
  score: string;
  /** The score badge's tooltip. */
  scoreTip: string;
  /** Label of a paper's ranking reason. */
  why: string;
  /** The order control of a ranked day. */
  order: string;
  byCategory: string;
  byScore: string;
  /** Heading of the one list of a day ordered by score. */
  allByScore: string;
}

/** Words of the web app that the static site does not have (favorites, search, the paper page, errors). */
export interface AppLabels {
  nav: string;
  days: string;
  favorites: string;
  searchPlaceholder: string;
  searchTitle: string;
  searchButton: string;
  searchHelp: string;
  query: string;
  category: string;
  from: string;
  to: string;
  author: string;
  /** `{q}`. */
  resultsFor: string;
  /** Shown when a query matched so many papers that they are listed newest first. */
  broadNote: string;
  /** On the last page there is, when more hits lie beyond it. */
  depthNote: string;
  page: string;
  prev: string;
  next: string;
  marks: string;
  favorite: string;
  like: string;
  dislike: string;
  similar: string;
  noSimilar: string;
  summaries: string;
  noSummaries: string;
  metadata: string;
  versions: string;
  announcements: string;
  codeLinks: string;
  bibtex: string;
  copy: string;
  copied: string;
  exportBibtex: string;
  exportRis: string;
  noFavorites: string;
  noDays: string;
  field: {
    id: string;
    version: string;
    authors: string;
    categories: string;
    published: string;
    updated: string;
    journalRef: string;
    doi: string;
    language: string;
    summarizer: string;
    promptVersion: string;
    status: string;
    flags: string;
    error: string;
    date: string;
    listing: string;
    kind: string;
    stars: string;
    lastUpdate: string;
    summarizedAt: string;
  };
  errors: Record<400 | 401 | 403 | 404 | 408 | 413 | 429 | 500 | 503, string>;
  backHome: string;
  /** Navigation entry and title of the Profile page. */
  profile: string;
  profileIntro: string;
  rankingNotConfigured: string;
  rankingOn: string;
  rankingOff: string;
  /** `{up}`, `{down}`, `{favorites}`: the reader's marks ranking learns from. */
  marksLearned: string;
  /** A day page whose ranking failed; `{reason}`. */
  rankingFailed: string;
  profileField: Record<'keywords' | 'exclude' | 'authors' | 'categories' | 'examples', [string, string]>;
  library: string;
  libraryHint: string;
  noLibrary: string;
  saveProfile: string;
  resetProfile: string;
  resetHint: string;
  profileSaved: string;
  profileReset: string;
  profileNotSaved: string;
  /** Where a profile problem is: `{field}`, `{line}`. */
  profileLine: string;
}

type NonOk = 'pending' | 'failed' | 'refused';

/** What the e-mail and chat digests say around the papers (deliver/digest-content.ts). */
export interface DigestLabels {
  /** BCP 47 tag for the e-mail's `<html lang>`. */
  lang: string;
  title(date: string, papers: number): string;
  category(name: string, count: number): string;
  continued: string;
  tldr: string;
  status(status: NonOk, reason: string): string;
  /** The note for a flag this catalog has no sentence for (`checks`). */
  otherCheck(flag: string): string;
  /** The cap line, before its links. */
  more(omitted: number): string;
  fullDigest: string;
  /** Label of the link to one category's arXiv listing of the day. */
  listing(category: string): string;
  abs: string;
  pdf: string;
  code: string;
  etAl: string;
  placeholderReason: string;
  footer: string;
  /** Heading of the reader's top picks of a ranked day. */
  forYou: string;
  /** `score 0.62` for a formatted score. */
  score(score: string): string;
}

export interface Catalog {
  /** BCP 47 tag: the file's name. */
  tag: string;
  site: SiteLabels;
  app: AppLabels;
  digest: DigestLabels;
  /**
   * One sentence per check a summary failed, wherever a summary is shown as text (Markdown and
   * feeds in English, e-mail and chat in the UI language): one voice everywhere.
   */
  checks: Record<CheckFlag, string>;
}

/** What a catalog file exports: its tag and the parts of the UI it covers. */
export type CatalogFile = { tag: string } & Partial<Omit<Catalog, 'tag'>>;

/** Fills `{name}` slots; unknown slots stay as written. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** Singular or plural form for a count (Chinese has one form, written twice). */
export const count = (forms: readonly [string, string], n: number): string =>
  fill(n === 1 ? forms[0] : forms[1], { n });

// ---- the catalogs in this folder, by tag --------------------------------------------------------

const CATALOG_FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.(?:ts|js)$/;
const HERE = new URL('.', import.meta.url);
// Sources under tsx/vitest, compiled files in dist/: each folder holds only its own kind.
const OWN_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

async function loadCatalogs(): Promise<Map<string, Catalog>> {
  const byTag = new Map<string, Catalog>([[ENGLISH.tag.toLowerCase(), ENGLISH]]);
  for (const name of readdirSync(fileURLToPath(HERE)).sort()) {
    const m = CATALOG_FILE.exec(name);
    if (!m || !name.endsWith(OWN_EXTENSION) || m[1] === ENGLISH.tag) continue;
    const file = ((await import(new URL(name, HERE).href)) as { default: CatalogFile }).default;
    if (file.tag !== m[1]) throw new Error(`src/ui/i18n/${name}: its tag is ${JSON.stringify(file.tag)}, not ${m[1]}`);
    byTag.set(file.tag.toLowerCase(), { ...ENGLISH, ...file });
  }
  return byTag;
}

const CATALOGS = await loadCatalogs();

/** Tags of the catalogs there are ('en' first). */
export const catalogTags = (): string[] => [...CATALOGS.values()].map((c) => c.tag);

/**
 * The catalog for a UI language, given by name (`Chinese`, `中文`) or tag (`zh-CN`): the file its
 * tag names, else English. Parts the file leaves out are English.
 */
export function catalogFor(language: string): Catalog {
  const tag = languageOf(language)?.tag;
  return (tag && CATALOGS.get(tag.toLowerCase())) || ENGLISH;
}
