/**
 * The ranker the pipeline and the web app use (the `Ranker` of ranker.ts): the I/O edge of
 * src/rank. It builds the profile in force (the one saved from the web app, else the config
 * file's, with the command line's quick flags on top), reads the reader's library exports, finds
 * the example papers in the store, keeps the learned model current with the ratings, fetches
 * embeddings when configured, and hands all of it to the pure scorer (rank.ts).
 *
 * What is costly is done once: library files are parsed once per (path, mtime), the model is
 * trained only when the ratings change (kept in the store's state `rank-model`), and embedding
 * vectors are cached per paper in the store. Each thing worth saying (skipped library entries,
 * missing example papers, an embeddings failure) is said once through `log`.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { grouped, plural } from '../core/text.js';
import type { Paper } from '../core/types.js';
import { errorMessage } from '../errors.js';
import { byScore, withRanking, type DayPaper, type DayView, type PaperRank } from '../core/day-view.js';
import type { Store } from '../store/store.js';
import {
  embedItems,
  embeddingText,
  libraryEmbeddingId,
  type EmbeddingCache,
  type EmbeddingSource,
} from './embeddings.js';
import {
  hasEnoughRatings,
  modelIsCurrent,
  ratingsFingerprint,
  ratingsFromMarks,
  trainLinearModel,
  type LinearModel,
  type Rating,
} from './learned.js';
import { LibraryError, readLibraryFile, type LibraryParseResult } from './library.js';
import { mergeProfileFlags, parseProfile, profileToConfig, type Profile, type ProfileFlags } from './profile.js';
import { rankPapers, selectForSummary, type RankedPaper, type SummarySelection } from './rank.js';
import { MODEL_STATE, PROFILE_STATE, type Ranker } from './ranker.js';

export { MODEL_STATE, PROFILE_STATE } from './ranker.js';
import type { LibraryEntry, RankPaper } from './types.js';

/** Unrated papers announced before the day the model is trained with, as weak negatives. */
export const BACKGROUND_PAPERS = 1500;
/** After an embeddings failure, ranking goes on without them for this long before asking again. */
const EMBEDDINGS_PAUSE_MS = 10 * 60_000;

export interface RankerOptions {
  store: Store;
  /** The config file's profile (settings.rank.profile); the empty profile without one. */
  configProfile: Profile;
  /** `--keywords`, `--exclude`, `--authors`, applied on top of the profile in force. */
  flags: ProfileFlags;
  /** The config file's folder: relative library paths are read from there (a leading ~ is home). */
  baseDir: string;
  /** `/v1/embeddings` of the provider, when EMBEDDING_MODEL is set; null = lexical and learned only. */
  embeddings: EmbeddingSource | null;
  log: (line: string) => void;
  /** Clock for the embeddings pause (tests). */
  now?: () => number;
}

/** True when the profile asks for anything: a keyword, author, category weight, example or library. */
export const profileHasSignals = (p: Profile): boolean =>
  p.keywords.length > 0 ||
  p.exclude.length > 0 ||
  p.authors.length > 0 ||
  Object.keys(p.categories).length > 0 ||
  p.examples.length > 0 ||
  p.library.length > 0;

/** A library path as written in the profile → the file: `~/x.bib` is in the home folder, `x.bib` in baseDir. */
export function libraryPath(path: string, baseDir: string): string {
  const expanded = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  return resolve(baseDir, expanded);
}

const rankPaperOf = (p: Paper, summaryText?: string): RankPaper => ({
  id: p.id,
  title: p.title,
  abstract: p.abstract,
  authors: p.authors,
  categories: p.categories,
  ...(summaryText ? { summaryText } : {}),
});

/** The paper with the summary the day shows (its five fields), which ranking searches too. */
function dayRankPaper(dp: DayPaper): RankPaper {
  const s = dp.summary;
  const f = s.status === 'ok' ? s.summary.fields : null;
  return rankPaperOf(dp.paper, f ? [f.tldr, f.motivation, f.method, f.result, f.conclusion].join('\n') : undefined);
}

/** The vector cache of embeddings.ts, kept in the store. */
const storeCache = (store: Store): EmbeddingCache => ({
  get: (ids, model) => store.getEmbeddings(ids, model),
  put: (entries, model) =>
    store.putEmbeddings(
      [...entries].map(([key, vector]) => ({ key, vector })),
      model,
    ),
});

export function createRanker(opts: RankerOptions): Ranker {
  const { store, log } = opts;
  const now = opts.now ?? Date.now;
  const said = new Set<string>();
  const sayOnce = (key: string, line: string): void => {
    if (said.has(key)) return;
    said.add(key);
    log(line);
  };

  // -------------------------------------------------------------------------------------------
  // The profile in force

  let saved: { json: string; profile: Profile | null } | null = null;
  /** The profile saved from the web app, parsed once per value; null when none (or unusable). */
  const savedProfile = (): Profile | null => {
    const value = store.getState<unknown>(PROFILE_STATE);
    if (value === null) return null;
    const json = JSON.stringify(value);
    if (saved?.json !== json) {
      try {
        saved = {
          json,
          profile: parseProfile(value, `the profile saved from the web app (store state "${PROFILE_STATE}")`),
        };
      } catch (e) {
        sayOnce(`saved:${json}`, `rank: ${errorMessage(e)}; using the config file's profile`);
        saved = { json, profile: null };
      }
    }
    return saved.profile;
  };
  const profile = (): Profile => mergeProfileFlags(savedProfile() ?? opts.configProfile, opts.flags);

  // -------------------------------------------------------------------------------------------
  // Ratings and the learned model

  /** The reader's ratings of papers the store has (a mark on an unknown paper cannot teach anything). */
  const ratingsNow = (): { ratings: Rating[]; papers: Map<string, Paper> } => {
    const marks = store.listMarks();
    if (marks.size === 0) return { ratings: [], papers: new Map() };
    const all = ratingsFromMarks(marks);
    const papers = new Map(store.getPapers(all.map((r) => r.id)).map((p) => [p.id, p]));
    return { ratings: all.filter((r) => papers.has(r.id)), papers };
  };

  let model: LinearModel | null = null;
  const currentModel = (ratings: Rating[], papers: Map<string, Paper>, date: string): LinearModel | null => {
    if (!hasEnoughRatings(ratings)) return null;
    if (modelIsCurrent(model, ratings)) return model;
    const kept = store.getState<LinearModel>(MODEL_STATE);
    if (modelIsCurrent(kept, ratings)) return (model = kept);
    const fingerprint = ratingsFingerprint(ratings);
    if (said.has(`train:${fingerprint}`)) return null; // failed for these ratings already
    try {
      const background = store.recentPapers(BACKGROUND_PAPERS, date).map((p) => rankPaperOf(p));
      model = trainLinearModel({
        rated: ratings.map((r) => ({ paper: rankPaperOf(papers.get(r.id)!), label: r.label })),
        background,
      });
    } catch (e) {
      sayOnce(
        `train:${fingerprint}`,
        `rank: cannot train the model on your ratings (${errorMessage(e)}); ranking without it`,
      );
      return null;
    }
    store.setState(MODEL_STATE, model);
    const t = model.trainedOn;
    log(
      `rank: trained the model on your ratings (${t.positive} up, ${t.negative} down) and ${plural(t.background, 'other paper')}`,
    );
    return model;
  };

  // -------------------------------------------------------------------------------------------
  // The library and the example papers

  const libraries = new Map<string, { mtimeMs: number; size: number; result: LibraryParseResult }>();
  const libraryEntries = async (paths: readonly string[]): Promise<LibraryEntry[]> => {
    const out: LibraryEntry[] = [];
    for (const written of paths) {
      const file = libraryPath(written, opts.baseDir);
      let stat;
      try {
        stat = statSync(file);
      } catch (e) {
        throw new LibraryError(
          file,
          null,
          `cannot read the library file (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}; profile.library has "${written}")`,
          { cause: e },
        );
      }
      let cached = libraries.get(file);
      if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
        const result = await readLibraryFile(file);
        cached = { mtimeMs: stat.mtimeMs, size: stat.size, result };
        libraries.set(file, cached);
        const skipped = result.skipped;
        if (skipped.length) {
          sayOnce(
            `skipped:${file}:${stat.mtimeMs}`,
            `rank: library ${file}: ${plural(result.entries.length, 'entry', 'entries')} read, ` +
              `${plural(skipped.length, 'entry', 'entries')} skipped (${skipped[0]!.reason} at line ${skipped[0]!.line}` +
              `${skipped.length > 1 ? `, and ${grouped(skipped.length - 1)} more` : ''})`,
          );
        }
      }
      out.push(...cached.result.entries);
    }
    return out;
  };

  const examplePapers = (ids: readonly string[]): RankPaper[] => {
    if (!ids.length) return [];
    const found = store.getPapers(ids);
    const have = new Set(found.map((p) => p.id));
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length)
      sayOnce(
        `examples:${missing.join(',')}`,
        `rank: example ${missing.length === 1 ? 'paper' : 'papers'} not in the store, left out: ${missing.join(', ')} ` +
          '(fetch or import the day that announced them)',
      );
    return found.sort((a, b) => (a.id < b.id ? -1 : 1)).map((p) => rankPaperOf(p));
  };

  // -------------------------------------------------------------------------------------------
  // Embeddings

  const cache = storeCache(store);
  let pausedUntil = 0;
  const vectorsFor = async (
    papers: readonly RankPaper[],
    library: readonly LibraryEntry[],
    examples: readonly RankPaper[],
  ): Promise<Map<string, Float32Array> | null> => {
    const source = opts.embeddings;
    // Vectors are compared with the library and the examples: without them they say nothing.
    if (!source || now() < pausedUntil || (!library.length && !examples.length)) return null;
    const items = [
      ...papers.map((p) => ({ id: p.id, text: embeddingText(p) })),
      ...library.map((e) => ({ id: libraryEmbeddingId(e), text: embeddingText(e) })),
      ...examples.map((p) => ({ id: p.id, text: embeddingText(p) })),
    ];
    try {
      return await embedItems(source, cache, items);
    } catch (e) {
      pausedUntil = now() + EMBEDDINGS_PAUSE_MS;
      sayOnce(`embeddings:${errorMessage(e)}`, `rank: ${errorMessage(e)}; ranking without embeddings`);
      return null;
    }
  };

  // -------------------------------------------------------------------------------------------

  const state = () => {
    const p = profile();
    const r = ratingsNow();
    return { profile: p, ...r, active: profileHasSignals(p) || hasEnoughRatings(r.ratings) };
  };

  // The last days ranked, by what their ranks depend on: the web app ranks a day on every view
  // (80 ms for 500 papers with a library), and most views are of the same few days.
  const recent = new Map<string, Map<string, PaperRank>>();
  const RECENT_DAYS = 8;
  const keyOf = (day: DayView, p: Profile): string =>
    JSON.stringify([
      day.date,
      day.language,
      day.papers.length,
      store.version(),
      p,
      [...libraries.entries()].map(([file, c]) => [file, c.mtimeMs, c.size]),
    ]);

  return {
    profile,
    active: () => state().active,
    async rankDay(day: DayView): Promise<DayView> {
      const s = state();
      if (!s.active) return day;
      const library = await libraryEntries(s.profile.library);
      // Keyed after reading the library, whose files' stamps are part of the key.
      const known = recent.get(keyOf(day, s.profile));
      if (known) return withRanking(day, known);
      const examples = examplePapers(s.profile.examples);
      const papers = day.papers.map(dayRankPaper);
      const vectors = await vectorsFor(papers, library, examples);
      const ranked = rankPapers(papers, {
        profile: s.profile,
        library,
        examples,
        model: currentModel(s.ratings, s.papers, day.date),
        embeddings: vectors ? { vectors } : null,
      });
      const ranks = new Map<string, PaperRank>(ranked.map((r) => [r.id, { score: r.score, reason: r.reason }]));
      // Training the model or storing vectors changed the store: keyed by the version after. Not
      // kept when embeddings are configured but missing: the next view may get them.
      if (!opts.embeddings || vectors) recent.set(keyOf(day, s.profile), ranks);
      if (recent.size > RECENT_DAYS) recent.delete(recent.keys().next().value!);
      return withRanking(day, ranks);
    },
    saveProfile(p: Profile | null): void {
      if (p) store.setState(PROFILE_STATE, profileToConfig(p));
      else store.deleteState(PROFILE_STATE);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Choosing what the LLM summarizes

export interface SummaryPlan {
  /** Ids of the papers for the configured (LLM) summarizer, best first. */
  selected: string[];
  /** The limits in words: "top 20 by score", "score ≥ 0.5", "top 20 by score, score ≥ 0.5". */
  label: string;
}

const NO_PARTS: RankedPaper['parts'] = {
  keywords: 0,
  exclude: 0,
  authors: 0,
  categories: 0,
  library: 0,
  learned: 0,
  embedding: 0,
};

export const describeSelection = (sel: SummarySelection): string =>
  [sel.top !== undefined && `top ${grouped(sel.top)} by score`, sel.minScore !== undefined && `score ≥ ${sel.minScore}`]
    .filter(Boolean)
    .join(', ');

/**
 * The papers of a (ranked) day that `--summarize-top` / `--min-score` give to the LLM: best score
 * first, a paper without a rank counting 0 (neutral), ties in digest order.
 */
export function planSummaries(day: DayView, sel: SummarySelection): SummaryPlan {
  const ranked = byScore(day.papers).map((p): RankedPaper => ({
    id: p.paper.id,
    score: p.rank?.score ?? 0,
    reason: p.rank?.reason ?? '',
    parts: NO_PARTS,
  }));
  return { selected: selectForSummary(ranked, sel).map((r) => r.id), label: describeSelection(sel) };
}

/**
 * planSummaries for `summarize` and `run`, saying in one line where the papers go
 * ("summarize: 20 by openai:deepseek-chat (top 20 by score), 480 offline"), and that every paper
 * scores 0 when the day was not ranked (nothing to rank by).
 */
export function chooseForLlm(
  day: DayView,
  sel: SummarySelection,
  summarizerId: string,
  log: (line: string) => void,
): Set<string> {
  if (!day.papers.some((p) => p.rank))
    log(
      'summarize: no profile, library or ratings to rank by (README: Ranking): every paper scores 0, ' +
        'so the first papers of the digest are chosen',
    );
  const plan = planSummaries(day, sel);
  log(
    `summarize: ${grouped(plan.selected.length)} by ${summarizerId} (${plan.label}), ` +
      `${grouped(day.papers.length - plan.selected.length)} offline`,
  );
  return new Set(plan.selected);
}
