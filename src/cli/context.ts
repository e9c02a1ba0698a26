/** What every command needs: settings resolved from flags/env/config, and the store. */
import { loadSettings, type Settings } from '../config/settings.js';
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
}

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Resolves settings for a command and prints their warnings to stderr. */
export function settingsFrom(io: Io, globals: GlobalOptions, flags: CommandFlags = {}, env = process.env): Settings {
  const settings = loadSettings({
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
    },
  });
  for (const w of settings.warnings) io.stderr.write(`arxiv-digest: warning: ${w}\n`);
  return settings;
}

/** Opens the store, runs fn, closes the store even when fn throws. */
export async function withStore<T>(settings: Settings, fn: (store: Store) => T | Promise<T>): Promise<T> {
  const store = openStore(settings.db);
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
