/** What every command needs: settings resolved from flags/env/config, and the store. */
import { loadSettings, type Settings, type SettingsSources } from '../config/settings.js';
import { UsageError } from '../errors.js';
import type { Profile } from '../rank/profile.js';
import { PROFILE_STATE, type Ranker } from '../rank/ranker.js';
import { openStore, type Store, type WriteCounts } from '../store/store.js';
import { grouped } from '../core/text.js';

export interface GlobalOptions {
  db?: string;
  config?: string;
}

export interface CommandFlags {
  categories?: string;
  include?: string;
  model?: string;
  concurrency?: string;
  rpm?: string;
  tpm?: string;
  lang?: string;
  out?: string;
  /** Profile quick flags (run, render, summarize, serve). */
  keywords?: string;
  exclude?: string;
  authors?: string;
  /** run, summarize */
  summarizeTop?: string;
  minScore?: string;
}

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const sourcesOf = (globals: GlobalOptions, flags: CommandFlags, env: NodeJS.ProcessEnv): SettingsSources => ({
  env,
  flags: {
    config: globals.config,
    db: globals.db,
    categories: flags.categories,
    include: flags.include,
    model: flags.model,
    llmConcurrency: flags.concurrency,
    llmRpm: flags.rpm,
    llmTpm: flags.tpm,
    language: flags.lang,
    out: flags.out,
    keywords: flags.keywords,
    exclude: flags.exclude,
    authors: flags.authors,
    summarizeTop: flags.summarizeTop,
    minScore: flags.minScore,
  },
});

const warned = (io: Io, settings: Settings): Settings => {
  for (const w of settings.warnings) io.stderr.write(`arxiv-digest: warning: ${w}\n`);
  return settings;
};

/**
 * Resolves settings for a command and prints their warnings to stderr. The ranking profile is
 * left unchecked (settings.rank.profile null when there is one): commands that rank use
 * rankingSettingsFrom.
 */
export function settingsFrom(io: Io, globals: GlobalOptions, flags: CommandFlags = {}, env = process.env): Settings {
  return warned(io, loadSettings(sourcesOf(globals, flags, env)));
}

/**
 * settingsFrom for commands that rank: the config file's `profile` and the profile flags are
 * checked too, with the other settings. The profile parser (and zod) is loaded only when there is
 * a profile to check, so a reader without one does not pay for it at start-up.
 */
export async function rankingSettingsFrom(
  io: Io,
  globals: GlobalOptions,
  flags: CommandFlags = {},
  env = process.env,
): Promise<Settings> {
  const sources = sourcesOf(globals, flags, env);
  try {
    const settings = loadSettings(sources);
    if (settings.rank.profile !== null) return warned(io, settings);
  } catch (e) {
    // Loaded again with the parser below, so profile problems are listed with the others.
    if (!(e instanceof UsageError)) throw e;
  }
  const profileParser = await import('../rank/profile.js');
  return warned(io, loadSettings({ ...sources, profileParser }));
}

/**
 * The reader's ranker, or null when there is nothing to rank by: no profile in the config, no
 * profile flag, none saved from the web app and no ratings. Ranking's code (and the embeddings
 * client) is loaded only when there may be something; `log` says what ranking notices.
 */
export async function rankerFor(settings: Settings, store: Store, log: (line: string) => void): Promise<Ranker | null> {
  const profile = checkedProfile(settings);
  const quiet =
    !Object.keys(settings.rank.flags).length &&
    isEmptyProfile(profile) &&
    store.getState(PROFILE_STATE) === null &&
    store.listMarks().size === 0;
  if (quiet) return null;
  const ranker = await createRankerFor(settings, store, log);
  return ranker.active() ? ranker : null;
}

/**
 * A ranker over the store from the settings (loaded by rankingSettingsFrom), active or not: for a
 * long-lived process (serve) where a profile or ratings may come later. Embeddings are used when
 * EMBEDDING_MODEL and OPENAI_API_KEY are set, through the chat provider's base URL.
 */
export async function createRankerFor(settings: Settings, store: Store, log: (line: string) => void): Promise<Ranker> {
  const { rank } = settings;
  const { createRanker } = await import('../rank/for-day.js');
  let embeddings = null;
  if (rank.embeddingModel && settings.openai.apiKey) {
    const { sdkClient } = await import('../summarize/from-settings.js');
    const { createOpenAiEmbeddingSource } = await import('../rank/embeddings.js');
    embeddings = createOpenAiEmbeddingSource({ client: sdkClient(settings), model: rank.embeddingModel });
  }
  return createRanker({
    store,
    configProfile: checkedProfile(settings),
    flags: rank.flags,
    baseDir: rank.baseDir,
    embeddings,
    log,
  });
}

const checkedProfile = (settings: Settings): Profile => {
  if (!settings.rank.profile)
    throw new Error('ranking needs settings loaded with the profile parser (rankingSettingsFrom)');
  return settings.rank.profile;
};

const isEmptyProfile = (p: Profile): boolean =>
  !p.keywords.length &&
  !p.exclude.length &&
  !p.authors.length &&
  !Object.keys(p.categories).length &&
  !p.examples.length &&
  !p.library.length;

/** Opens the store, runs fn, closes the store even when fn throws. */
export async function withStore<T>(settings: Settings, fn: (store: Store) => T | Promise<T>): Promise<T> {
  // A slow migration (rebuilding the search index of a large store) says so instead of hanging.
  const store = openStore(settings.db, { log: (line) => process.stderr.write(`${line}\n`) });
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

export interface RunOutcome {
  code: number;
  counts: Record<string, number>;
  /** One line saying what went wrong, for the runs log. */
  problem?: string;
}

/** Records the command in the store's runs log, also when it throws. */
export async function recordRun(
  store: Store,
  command: string,
  args: unknown,
  fn: () => RunOutcome | Promise<RunOutcome>,
): Promise<number> {
  const id = store.startRun(command, args);
  try {
    const outcome = await fn();
    store.finishRun(id, outcome.code === 0 ? 'ok' : 'failed', outcome.counts, outcome.problem);
    return outcome.code;
  } catch (e) {
    store.finishRun(id, 'failed', {}, e instanceof Error ? e.message : String(e));
    throw e;
  }
}

export { grouped, plural } from '../core/text.js';

/** `12 new, 3 updated, 40 unchanged` (or `none`). */
export const describeCounts = (c: WriteCounts): string =>
  [
    c.inserted && `${grouped(c.inserted)} new`,
    c.updated && `${grouped(c.updated)} updated`,
    c.unchanged && `${grouped(c.unchanged)} unchanged`,
  ]
    .filter(Boolean)
    .join(', ') || 'none';
