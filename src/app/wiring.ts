/**
 * The wiring: each part a command needs, built from settings in one place — the polite arXiv
 * client, the summarizers (the provider, and the offline one for what a selection leaves out),
 * the reader's ranker, the delivery channels, the GitHub stars lookup, the clock. Commands ask
 * here and stay thin; they never import each other. Heavy parts (the provider, e-mail, ranking)
 * are loaded only when built, so a command that does not need them does not pay at start-up.
 */
import { createArxivHttp, userAgent } from '../arxiv/http-client.js';
import type { ArxivHttp } from '../arxiv/http.js';
import type { Settings } from '../config/settings.js';
import { productVersion } from '../core/version.js';
import type { Channel } from '../deliver/types.js';
import { fetchGithubStars, type StarsResult } from '../links/github-stars.js';
import type { Profile } from '../rank/profile.js';
import type { SummarySelection } from '../rank/rank.js';
import { PROFILE_STATE, type Ranker } from '../rank/ranker.js';
import type { Store } from '../store/store.js';
import type { RateLimiter } from '../summarize/limiter.js';
import type { Summarizer } from '../summarize/types.js';

/** The clock every command runs on. */
export const clock = (): Date => new Date();

/**
 * arXiv's client: one connection per host at the configured spacing, the User-Agent with
 * ARXIV_CONTACT (its absence said once, when the client will be used), retries said on `to`.
 */
export function arxivHttp(
  settings: Settings,
  to: NodeJS.WritableStream,
  opts: { fetch?: typeof fetch; warnContact?: boolean } = {},
): ArxivHttp {
  if ((opts.warnContact ?? true) && !settings.arxiv.contact) {
    to.write(
      'arxiv-digest: warning: ARXIV_CONTACT is not set; arXiv asks API users to identify themselves (an e-mail in the User-Agent)\n',
    );
  }
  return createArxivHttp({
    fetch: opts.fetch,
    minIntervalMs: settings.arxiv.minIntervalMs,
    userAgent: userAgent(productVersion(), settings.arxiv.contact),
    onEvent: (e) =>
      to.write(`fetch: ${e.reason}; retrying in ${(e.delayMs / 1000).toFixed(1)} s (attempt ${e.attempt + 1})\n`),
  });
}

export interface Summarizers {
  /** The configured summarizer: the provider with OPENAI_API_KEY, else offline. */
  summarizer: Summarizer;
  /** Summarizes what a selection leaves out (--summarize-top, --min-score). */
  fallback: Summarizer;
  /** The provider's shared limiter (null offline): its stop() ends the run's requests. */
  limiter: RateLimiter | null;
}

export async function summarizers(
  settings: Settings,
  store: Store,
  log: (line: string) => void,
  provider?: string,
): Promise<Summarizers> {
  const { summarizerFromSettings } = await import('./provider.js');
  const { createOfflineSummarizer } = await import('../summarize/offline.js');
  const { summarizer, limiter } = summarizerFromSettings(settings, store, { log, provider });
  return { summarizer, fallback: createOfflineSummarizer(), limiter };
}

/** `--summarize-top` / `--min-score` (or their settings), or null when neither is set. */
export function summarySelection(settings: Settings): SummarySelection | null {
  const { summarizeTop, minScore } = settings.rank;
  if (summarizeTop === null && minScore === null) return null;
  return {
    ...(summarizeTop !== null ? { top: summarizeTop } : {}),
    ...(minScore !== null ? { minScore } : {}),
  };
}

/** The delivery channels the settings configure (e-mail, Slack, Discord, Feishu/Lark, Telegram). */
export async function channels(settings: Settings): Promise<Channel[]> {
  const { createChannels } = await import('./channels.js');
  return createChannels(settings);
}

/** GitHub stars of code links, time-boxed; undefined without a token (no stars then). */
export function githubStars(settings: Settings): ((urls: string[]) => Promise<StarsResult>) | undefined {
  const token = settings.github.token;
  return token ? (urls) => fetchGithubStars(urls, { token, apiUrl: settings.github.apiUrl }) : undefined;
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
    const { sdkClient } = await import('./provider.js');
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
