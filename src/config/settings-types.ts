/** What settings loading gives the rest of the program (see settings.ts, table.ts). */
import type { IncludeOption } from '../arxiv/select.js';
import type { Profile, ProfileFlags } from '../rank/profile.js';

export interface Settings {
  categories: string[];
  language: string;
  /** Language of the site's, the web app's, e-mail's and chat's own words; default `language`. */
  uiLanguage: string;
  db: string;
  out: string;
  publish: {
    /** Where the site will be served (links in feeds and e-mail); null = relative/arXiv links. */
    siteUrl: string | null;
    siteTitle: string;
    /** Days in site/ (its search covers them all) and in the feeds. */
    siteDays: number;
    feedDays: number;
    /** Most KiB of one feed (FEED_MAX_KB): the oldest items are left out beyond it. */
    feedMaxKb: number;
    /** Papers sent in full by e-mail and chat; the rest get a line and a link. */
    maxPapers: number;
  };
  deliver: {
    smtp: {
      host: string;
      port: number;
      secure: boolean;
      requireTls: boolean;
      rejectUnauthorized: boolean;
      user: string | null;
      pass: string | null;
      from: string;
      to: string[];
      /** `List-Unsubscribe` URIs (mailto:, http(s):); empty = a mailto: to the sender. */
      listUnsubscribe: string[];
    } | null;
    slackWebhookUrl: string | null;
    discordWebhookUrl: string | null;
    feishu: { webhookUrl: string; secret: string | null } | null;
    telegram: { token: string; chatId: string; apiUrl: string } | null;
  };
  github: { token: string | null; apiUrl: string };
  /** Minutes after 20:00 US Eastern that `schedule` starts `run`. */
  scheduleMarginMinutes: number;
  /** Processes `serve` answers requests in (1 = the command's own); null = as many as cores, at most 4. */
  serveWorkers: number | null;
  /** Milliseconds a search of `serve` may take before it is stopped (503). */
  searchTimeoutMs: number;
  /** Milliseconds a client of `serve` has to send a whole request, headers and body (408 after). */
  requestTimeoutMs: number;
  /** Announced papers beyond the default (primary category yours): cross-lists, replacements. */
  include: IncludeOption[];
  /** The config file that was read, if any. */
  configFile: string | null;
  /** Settings that were ignored or look wrong, one line each, for the command to print. */
  warnings: string[];
  openai: {
    apiKey: string | null;
    baseUrl: string | null;
    model: string;
    /** Azure OpenAI's `api-version` (MODEL_NAME is then the deployment); null = not Azure's deployment API. */
    apiVersion: string | null;
  };
  llm: {
    /** Requests in flight at once. */
    concurrency: number;
    /** Requests / tokens per minute the client keeps to; null = as fast as the provider answers. */
    rpm: number | null;
    tpm: number | null;
    /** Per request, the whole of it: connecting, headers and body (LLM_TIMEOUT_MS). */
    timeoutMs: number;
    /** USD per million tokens, by model name. */
    prices: Record<string, { input: number; output: number }>;
  };
  arxiv: {
    apiUrl: string;
    rssUrl: string;
    oaiUrl: string;
    listingUrl: string;
    minIntervalMs: number;
    contact: string | null;
  };
  rank: RankSettings;
}

/** What ranking for the reader needs (src/rank/for-day.ts createRanker). */
export interface RankSettings {
  /**
   * The config file's `profile`, checked (the empty profile without one). null when there is a
   * profile or a profile flag to check and the settings were loaded without a ProfileParser:
   * commands that rank load them with one (cli/context.ts rankingSettingsFrom).
   */
  profile: Profile | null;
  /** `--keywords`, `--exclude`, `--authors` as given (checked with the profile); on top of the profile in force. */
  flags: ProfileFlags;
  /** The folder relative library paths are read from: the config file's, else the working folder. */
  baseDir: string;
  /** Only the best N papers go to the LLM summarizer (`--summarize-top`); null = no limit. */
  summarizeTop: number | null;
  /** Only papers scoring at least this go to the LLM summarizer (`--min-score`); null = no limit. */
  minScore: number | null;
  /** `/v1/embeddings` model of the chat provider; used only with OPENAI_API_KEY. null = no embeddings. */
  embeddingModel: string | null;
}

/** parseProfile and mergeProfileFlags of src/rank/profile.ts, passed in by commands that rank. */
export interface ProfileParser {
  parseProfile(value: unknown, source: string): Profile;
  mergeProfileFlags(base: Profile, flags: ProfileFlags): Profile;
}
