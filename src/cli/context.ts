/** What every command needs: settings resolved from flags/env/config, and the store. */
import { loadSettings, type Settings, type SettingsSources } from '../config/settings.js';
import { isIsoDate } from '../core/dates.js';
import { NotFoundError, UsageError } from '../errors.js';
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

/** `latest` → the newest stored announcement date; otherwise checks YYYY-MM-DD. */
export function resolveDate(store: Store, date: string): string {
  if (date === 'latest') {
    const newest = store.listDays()[0];
    if (!newest)
      throw new NotFoundError(
        `the store ${store.path} has no announcement days yet: import some with "arxiv-digest import FILE..."`,
      );
    return newest.date;
  }
  if (!isIsoDate(date)) throw new UsageError(`--date: expected YYYY-MM-DD or latest, got ${JSON.stringify(date)}`);
  return date;
}
