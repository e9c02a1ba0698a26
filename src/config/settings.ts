/**
 * Settings: one place that merges command-line flags, environment, the config file and
 * defaults (in that order of precedence) and checks them, collecting every problem at once.
 * Secrets (OPENAI_API_KEY) come from the environment only and are never printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { INCLUDE_OPTIONS, type IncludeOption } from '../arxiv/select.js';
import { ARXIV_ARCHIVES, ARXIV_CATEGORIES, suggestCategory } from '../core/arxiv-categories.js';
import { registerSecret, smtpSecrets } from '../core/secrets.js';
import { grouped } from '../core/text.js';
import { UsageError } from '../errors.js';
import { endpointProblem } from './endpoints.js';
// Types only: the profile's parser (and zod, ~50 ms to load) is passed in by commands that rank.
import type { Profile, ProfileError, ProfileFlags } from '../rank/profile.js';

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

export const DEFAULTS = {
  categories: 'cs.CV, cs.CL',
  language: 'Chinese',
  db: './data/arxiv-digest.db',
  out: './data',
  configFile: './arxiv-digest.config.json',
  model: 'deepseek-chat',
  apiUrl: 'https://export.arxiv.org/api/query',
  rssUrl: 'https://rss.arxiv.org/rss',
  oaiUrl: 'https://oaipmh.arxiv.org/oai',
  listingUrl: 'https://arxiv.org/list',
  minIntervalMs: 3000,
} as const;

/** Config-file key → environment variable. The file may hold every setting but secrets. */
const KEYS = {
  categories: 'CATEGORIES',
  language: 'LANGUAGE',
  uiLanguage: 'UI_LANGUAGE',
  db: 'ARXIV_DIGEST_DB',
  out: 'ARXIV_DIGEST_OUT',
  include: 'ARXIV_DIGEST_INCLUDE',
  openaiBaseUrl: 'OPENAI_BASE_URL',
  model: 'MODEL_NAME',
  openaiApiVersion: 'OPENAI_API_VERSION',
  arxivApiUrl: 'ARXIV_API_URL',
  arxivRssUrl: 'ARXIV_RSS_URL',
  arxivOaiUrl: 'ARXIV_OAI_URL',
  arxivListingUrl: 'ARXIV_LISTING_URL',
  arxivMinIntervalMs: 'ARXIV_MIN_INTERVAL_MS',
  arxivContact: 'ARXIV_CONTACT',
  llmConcurrency: 'LLM_CONCURRENCY',
  llmRpm: 'LLM_RPM',
  llmTpm: 'LLM_TPM',
  llmTimeoutMs: 'LLM_TIMEOUT_MS',
  llmPriceInput: 'LLM_PRICE_INPUT',
  llmPriceOutput: 'LLM_PRICE_OUTPUT',
  siteUrl: 'SITE_URL',
  siteTitle: 'SITE_TITLE',
  siteDays: 'SITE_DAYS',
  feedDays: 'FEED_DAYS',
  feedMaxKb: 'FEED_MAX_KB',
  maxPapers: 'DIGEST_MAX_PAPERS',
  smtpHost: 'SMTP_HOST',
  smtpPort: 'SMTP_PORT',
  smtpSecure: 'SMTP_SECURE',
  smtpRequireTls: 'SMTP_REQUIRE_TLS',
  smtpTlsRejectUnauthorized: 'SMTP_TLS_REJECT_UNAUTHORIZED',
  smtpUser: 'SMTP_USER',
  smtpFrom: 'SMTP_FROM',
  smtpTo: 'SMTP_TO',
  smtpListUnsubscribe: 'SMTP_LIST_UNSUBSCRIBE',
  telegramChatId: 'TELEGRAM_CHAT_ID',
  telegramApiUrl: 'TELEGRAM_API_URL',
  githubApiUrl: 'GITHUB_API_URL',
  scheduleMarginMinutes: 'SCHEDULE_MARGIN_MINUTES',
  serveWorkers: 'ARXIV_DIGEST_SERVE_WORKERS',
  searchTimeoutMs: 'ARXIV_DIGEST_SEARCH_TIMEOUT_MS',
  requestTimeoutMs: 'ARXIV_DIGEST_REQUEST_TIMEOUT_MS',
  summarizeTop: 'SUMMARIZE_TOP',
  minScore: 'MIN_SCORE',
  embeddingModel: 'EMBEDDING_MODEL',
} as const;
type Key = keyof typeof KEYS;
const SECRET_KEYS = [
  'openaiApiKey',
  'apiKey',
  'OPENAI_API_KEY',
  'smtpPass',
  'password',
  'token',
  'slackWebhookUrl',
  'discordWebhookUrl',
  'feishuWebhookUrl',
  'feishuSecret',
  'telegramToken',
  'githubToken',
];

/** Config-file keys that hold an object or a list rather than one value. */
const STRUCTURED_KEYS = ['$schema', 'prices', 'profile'];

/** How a flag is spelt on the command line, where it is not `--` + its config key. */
const FLAG_NAMES: Partial<Record<Key, string>> = { summarizeTop: '--summarize-top', minScore: '--min-score' };

export interface SettingsSources {
  /** Flags given on the command line (undefined = not given). */
  flags?: Partial<Record<Key, string | undefined>> & { config?: string } & ProfileFlags;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Checks the config file's `profile` and the profile flags; without it they are left unchecked (null). */
  profileParser?: ProfileParser;
}

const EMPTY_PROFILE: Profile = { keywords: [], exclude: [], authors: [], categories: {}, examples: [], library: [] };

const CATEGORY = /^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$/;

/** `cs.AR, cs.DC,cs.LG` → ['cs.AR','cs.DC','cs.LG']; throws naming the source on a bad entry. */
export function parseCategoryList(text: string, source: string): string[] {
  const list = text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const bad = list.filter((c) => !CATEGORY.test(c));
  if (bad.length)
    throw new UsageError(`${source}: not an arXiv category: ${bad.join(', ')} (expected names like cs.LG or hep-th)`);
  return [...new Set(list)];
}

/**
 * The reader's categories against arXiv's taxonomy: an archive with subject classes (`cs`) or a
 * likely typo (`cs.LX`, `CS.lg`) is a problem, with the category meant; a well-formed name this
 * release does not know (arXiv adds categories now and then) is used, with a warning.
 */
function checkTaxonomy(categories: readonly string[], source: string, problems: string[], warnings: string[]): void {
  for (const c of categories) {
    if (ARXIV_CATEGORIES.has(c)) continue;
    if (ARXIV_ARCHIVES.has(c)) {
      const some = [...ARXIV_CATEGORIES].filter((x) => x.startsWith(`${c}.`)).slice(0, 3);
      problems.push(`${source}: ${c} is an archive, not a category: name its categories (${some.join(', ')}, …)`);
      continue;
    }
    const meant = suggestCategory(c);
    if (meant) problems.push(`${source}: not an arXiv category: ${c} (did you mean ${meant}?)`);
    else warnings.push(`${source}: ${c} is not in arXiv's category taxonomy as this release knows it; used as given`);
  }
}

/** The most processes `serve --workers` starts: more than enough for SQLite, few enough to notice a typo. */
export const MAX_SERVE_WORKERS = 64;

/** `serve`'s process count: a whole number from 1 to 64; throws naming the source otherwise. */
export function parseServeWorkers(text: string, source: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || n < 1 || n > MAX_SERVE_WORKERS)
    throw new UsageError(
      `${source}: expected a whole number of processes from 1 to ${MAX_SERVE_WORKERS}, got ${JSON.stringify(text)}`,
    );
  return n;
}

function parseIncludeList(text: string, source: string, problems: string[]): IncludeOption[] {
  const list = text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.filter((x) => !(INCLUDE_OPTIONS as readonly string[]).includes(x));
  if (bad.length)
    problems.push(`${source}: unknown ${bad.join(', ')} (expected a list of: ${INCLUDE_OPTIONS.join(', ')})`);
  return [...new Set(list.filter((x): x is IncludeOption => (INCLUDE_OPTIONS as readonly string[]).includes(x)))];
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      cause: e,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`config file ${path}: expected a JSON object of settings`);
  }
  return value as Record<string, unknown>;
}

export function loadSettings(sources: SettingsSources = {}): Settings {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  const flags = sources.flags ?? {};
  const problems: string[] = [];

  // Empty means unset, as for every setting (a CI template passes unset variables as '').
  const explicitConfig = flags.config ?? (env.ARXIV_DIGEST_CONFIG || undefined);
  const configPath = resolve(cwd, explicitConfig ?? DEFAULTS.configFile);
  const hasConfig = explicitConfig !== undefined || existsSync(configPath);
  const file: Record<string, unknown> = hasConfig ? readConfigFile(configPath) : {};
  for (const k of Object.keys(file)) {
    if (SECRET_KEYS.includes(k))
      problems.push(`${k}: secrets are read from the environment only (OPENAI_API_KEY), never from the config file`);
    else if (!(k in KEYS) && !STRUCTURED_KEYS.includes(k))
      problems.push(`${k}: unknown setting (known: ${[...Object.keys(KEYS), 'prices', 'profile'].join(', ')})`);
  }

  /** flag > env > config file > default; returns the value and where it came from. */
  const pick = (
    key: Key,
    fallback: string | null,
    { skipEnv = false } = {},
  ): { value: string | null; source: string } => {
    const flag = flags[key];
    if (flag !== undefined) return { value: flag, source: FLAG_NAMES[key] ?? `--${key}` };
    const e = skipEnv ? undefined : env[KEYS[key]];
    if (e !== undefined && e !== '') return { value: e, source: `environment variable ${KEYS[key]}` };
    const f = file[key];
    if (f !== undefined && f !== null) {
      if ((key === 'categories' || key === 'include') && Array.isArray(f)) {
        return { value: f.join(','), source: `${configPath}: ${key}` };
      }
      if (typeof f === 'string' || typeof f === 'number') return { value: String(f), source: `${configPath}: ${key}` };
      problems.push(`${key}: expected a string${key === 'categories' ? ' or a list of strings' : ''} in ${configPath}`);
    }
    return { value: fallback, source: 'default' };
  };

  const url = (key: Key, fallback: string): string => {
    const { value, source } = pick(key, fallback);
    // A pattern, not new URL(): the URL parser's first use costs milliseconds on every command.
    if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value!))
      problems.push(`${source}: expected an http(s) URL, got ${JSON.stringify(value)}`);
    return value!.replace(/\/+$/, '');
  };

  const warnings: string[] = [];
  let categories: string[] = [];
  const cats = pick('categories', DEFAULTS.categories);
  try {
    categories = parseCategoryList(cats.value!, cats.source);
    if (categories.length === 0) problems.push(`${cats.source}: no categories given`);
    checkTaxonomy(categories, cats.source, problems, warnings);
  } catch (e) {
    problems.push((e as Error).message);
  }

  // LANGUAGE is also gettext's locale list (Debian and Ubuntu desktops set `en_US:en`); such a
  // value is not a language name to summarize in, so it is ignored rather than sent to the LLM.
  const gettext = env.LANGUAGE !== undefined && /^(C|POSIX)$|^[a-z]{2,3}([_.@:][\w.@:-]*)?$/.test(env.LANGUAGE.trim());
  if (gettext && flags.language === undefined) {
    warnings.push(
      `environment variable LANGUAGE=${JSON.stringify(env.LANGUAGE)} looks like a locale list, not a language name; ` +
        'ignored (set LANGUAGE=English, Chinese, … or pass --lang)',
    );
  }
  const language = (
    gettext ? pick('language', DEFAULTS.language, { skipEnv: true }) : pick('language', DEFAULTS.language)
  ).value!.trim();
  if (!language) problems.push('language: must not be empty');
  // The words around the summaries follow the summary language unless asked otherwise.
  const uiLanguage = pick('uiLanguage', language).value!.trim() || language;

  const interval = pick('arxivMinIntervalMs', String(DEFAULTS.minIntervalMs));
  const minIntervalMs = Number(interval.value);
  if (!Number.isInteger(minIntervalMs) || minIntervalMs < 0) {
    problems.push(`${interval.source}: expected a whole number of milliseconds, got ${JSON.stringify(interval.value)}`);
  }

  /**
   * A whole number from min to max, or null when unset and nullable. Checked here, when settings
   * load, so a port of 99999 is a usage error now rather than a failure at delivery time.
   */
  const int = (key: Key, fallback: string | null, min: number, max = Number.MAX_SAFE_INTEGER): number | null => {
    const { value, source } = pick(key, fallback);
    if (value === null || value === '') return null;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${grouped(max)}`;
      problems.push(`${source}: expected a whole number ${range}, got ${JSON.stringify(value)}`);
      return null;
    }
    return n;
  };
  const priceNumber = (key: Key): number | null => {
    const { value, source } = pick(key, null);
    if (value === null) return null;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0)
      problems.push(`${source}: expected USD per million tokens, got ${JSON.stringify(value)}`);
    return n;
  };
  const prices: Settings['llm']['prices'] = {};
  if (file.prices !== undefined) {
    const table = file.prices;
    if (table === null || typeof table !== 'object' || Array.isArray(table))
      problems.push(`prices: expected {"model": {"input": USD, "output": USD}} in ${configPath}`);
    else {
      for (const [model, p] of Object.entries(table as Record<string, unknown>)) {
        const q = p as { input?: unknown; output?: unknown } | null;
        if (!q || typeof q.input !== 'number' || typeof q.output !== 'number' || q.input < 0 || q.output < 0) {
          problems.push(
            `prices.${model}: expected {"input": USD per million tokens, "output": USD per million tokens} in ${configPath}`,
          );
        } else prices[model] = { input: q.input, output: q.output };
      }
    }
  }

  const inc = pick('include', '');
  const include = parseIncludeList(inc.value!, inc.source, problems);

  const baseUrl = pick('openaiBaseUrl', null).value;
  const model = pick('model', DEFAULTS.model).value!;
  const priceIn = priceNumber('llmPriceInput');
  const priceOut = priceNumber('llmPriceOutput');
  if ((priceIn === null) !== (priceOut === null)) problems.push('LLM_PRICE_INPUT and LLM_PRICE_OUTPUT go together');
  else if (priceIn !== null && priceOut !== null) prices[model] = { input: priceIn, output: priceOut };

  const bool = (key: Key, fallback: string): boolean => {
    const { value, source } = pick(key, fallback);
    if (/^(1|true|yes|on)$/i.test(value!)) return true;
    if (/^(0|false|no|off)$/i.test(value!)) return false;
    problems.push(`${source}: expected true or false, got ${JSON.stringify(value)}`);
    return fallback === 'true';
  };
  const secret = (name: string): string | null => env[name]?.trim() || null;
  /**
   * An endpoint a secret is sent to (config/endpoints.ts), checked only when set: the defaults
   * are known good, and the URL parser costs every command milliseconds. A webhook URL is itself
   * the secret: its problem is said without it.
   */
  const endpoint = <T extends string | null>(value: T, source: string, fallback?: string): T => {
    const problem = value && value !== fallback ? endpointProblem(value) : null;
    if (problem) problems.push(`${source}: ${problem}`);
    return value;
  };
  const secretEndpoint = (name: string): string | null => endpoint(secret(name), `environment variable ${name}`);
  const checkedUrl = (key: Key, fallback: string): string =>
    endpoint(url(key, fallback), pick(key, fallback).source, fallback);

  const smtpHost = pick('smtpHost', null).value;
  const smtpTo = (pick('smtpTo', '').value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  let smtp: Settings['deliver']['smtp'] = null;
  if (smtpHost) {
    const secure = bool('smtpSecure', 'false');
    const from = pick('smtpFrom', null).value ?? pick('smtpUser', null).value;
    if (!from) problems.push('SMTP_FROM: needed with SMTP_HOST (or SMTP_USER as the sender)');
    if (smtpTo.length === 0) problems.push('SMTP_TO: needed with SMTP_HOST (comma-separated recipients)');
    const unsubscribe = pick('smtpListUnsubscribe', '');
    const listUnsubscribe = (unsubscribe.value ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    for (const u of listUnsubscribe)
      if (!/^(mailto:[^\s<>,]+@[^\s<>,]+|https?:\/\/[^\s<>,]+)$/i.test(u))
        problems.push(
          `${unsubscribe.source}: expected mailto: or https:// URIs separated by commas, got ${JSON.stringify(u)}`,
        );
    smtp = {
      host: smtpHost,
      port: int('smtpPort', secure ? '465' : '587', 1, 65_535) ?? 587,
      secure,
      requireTls: bool('smtpRequireTls', 'false'),
      rejectUnauthorized: bool('smtpTlsRejectUnauthorized', 'true'),
      user: pick('smtpUser', null).value,
      pass: secret('SMTP_PASS'),
      from: from ?? '',
      to: smtpTo,
      listUnsubscribe,
    };
  }
  const feishuUrl = secretEndpoint('FEISHU_WEBHOOK_URL');
  const telegramToken = secret('TELEGRAM_BOT_TOKEN');
  const telegramChat = pick('telegramChatId', null).value;
  if (telegramToken && !telegramChat) problems.push('TELEGRAM_CHAT_ID: needed with TELEGRAM_BOT_TOKEN');
  const siteUrl = pick('siteUrl', null).value;
  if (siteUrl && !/^https?:\/\/\S+$/i.test(siteUrl))
    problems.push(`SITE_URL: expected an http(s) URL, got ${JSON.stringify(siteUrl)}`);

  const workers = pick('serveWorkers', null);
  let serveWorkers: number | null = null;
  if (workers.value !== null) {
    try {
      serveWorkers = parseServeWorkers(workers.value, workers.source);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }

  const rank = rankSettings(flags, sources.profileParser, {
    file,
    configPath,
    baseDir: hasConfig ? dirname(configPath) : cwd,
    pick,
    problems,
  });

  const settings: Settings = {
    categories,
    language,
    uiLanguage,
    db: resolve(cwd, pick('db', DEFAULTS.db).value!),
    out: resolve(cwd, pick('out', DEFAULTS.out).value!),
    include,
    publish: {
      siteUrl: siteUrl ? siteUrl.replace(/\/+$/, '') : null,
      siteTitle: pick('siteTitle', 'arXiv digest').value!,
      siteDays: int('siteDays', '60', 1, 100_000) ?? 60,
      feedDays: int('feedDays', '7', 1, 3_650) ?? 7,
      feedMaxKb: int('feedMaxKb', '1024', 16, 1_048_576) ?? 1024,
      maxPapers: int('maxPapers', '50', 1, 100_000) ?? 50,
    },
    deliver: {
      smtp,
      slackWebhookUrl: secretEndpoint('SLACK_WEBHOOK_URL'),
      discordWebhookUrl: secretEndpoint('DISCORD_WEBHOOK_URL'),
      feishu: feishuUrl ? { webhookUrl: feishuUrl, secret: secret('FEISHU_SECRET') } : null,
      telegram:
        telegramToken && telegramChat
          ? {
              token: telegramToken,
              chatId: telegramChat,
              apiUrl: checkedUrl('telegramApiUrl', 'https://api.telegram.org'),
            }
          : null,
    },
    github: {
      token: secret('GITHUB_TOKEN') ?? secret('TOKEN_GITHUB'),
      apiUrl: checkedUrl('githubApiUrl', 'https://api.github.com'),
    },
    scheduleMarginMinutes: int('scheduleMarginMinutes', '30', 0, 23 * 60) ?? 30,
    serveWorkers,
    searchTimeoutMs: int('searchTimeoutMs', '2000', 1, 600_000) ?? 2000,
    requestTimeoutMs: int('requestTimeoutMs', '10000', 100, 3_600_000) ?? 10000,
    configFile: hasConfig ? configPath : null,
    warnings,
    openai: {
      apiKey: env.OPENAI_API_KEY?.trim() || null,
      baseUrl: baseUrl ? endpoint(url('openaiBaseUrl', baseUrl), pick('openaiBaseUrl', null).source) : null,
      model,
      apiVersion: pick('openaiApiVersion', null).value?.trim() || null,
    },
    llm: {
      concurrency: int('llmConcurrency', '8', 1, 1_000) ?? 8,
      rpm: int('llmRpm', null, 1),
      tpm: int('llmTpm', null, 1),
      timeoutMs: int('llmTimeoutMs', '60000', 100, 3_600_000) ?? 60000,
      prices,
    },
    arxiv: {
      apiUrl: url('arxivApiUrl', DEFAULTS.apiUrl),
      rssUrl: url('arxivRssUrl', DEFAULTS.rssUrl),
      oaiUrl: url('arxivOaiUrl', DEFAULTS.oaiUrl),
      listingUrl: url('arxivListingUrl', DEFAULTS.listingUrl),
      minIntervalMs,
      contact: pick('arxivContact', null).value,
    },
    rank,
  };
  registerSecrets(settings, env);
  if (problems.length) {
    throw new UsageError(`invalid settings:\n  - ${problems.join('\n  - ')}`);
  }
  return settings;
}

/**
 * Every secret of these settings (and the web app's access token, which commander reads) is
 * redacted from whatever this process prints, stores or publishes (core/secrets.ts).
 */
function registerSecrets(s: Settings, env: NodeJS.ProcessEnv): void {
  const smtp = s.deliver.smtp;
  for (const v of [
    s.openai.apiKey,
    ...(smtp?.pass ? smtpSecrets(smtp.user, smtp.pass) : []),
    s.deliver.feishu?.secret,
    s.deliver.telegram?.token,
    env.TELEGRAM_BOT_TOKEN?.trim(),
    s.github.token,
    env.ARXIV_DIGEST_TOKEN?.trim(),
  ])
    registerSecret(v);
  for (const url of [s.deliver.slackWebhookUrl, s.deliver.discordWebhookUrl, s.deliver.feishu?.webhookUrl])
    registerSecret(url, 'url');
}

/** A number and where it came from, as `pick` in loadSettings gives it. */
type Picked = { value: string | null; source: string };

function rankSettings(
  flags: NonNullable<SettingsSources['flags']>,
  parser: ProfileParser | undefined,
  ctx: {
    file: Record<string, unknown>;
    configPath: string;
    baseDir: string;
    pick: (key: Key, fallback: string | null) => Picked;
    problems: string[];
  },
): RankSettings {
  const { file, configPath, problems } = ctx;
  const profileFlags: ProfileFlags = {};
  if (flags.keywords !== undefined) profileFlags.keywords = flags.keywords;
  if (flags.exclude !== undefined) profileFlags.exclude = flags.exclude;
  if (flags.authors !== undefined) profileFlags.authors = flags.authors;

  let profile: Profile | null = EMPTY_PROFILE;
  if (file.profile !== undefined || Object.keys(profileFlags).length) {
    if (!parser) profile = null;
    else {
      /** ProfileError lists its problems; each is reported on its own line like the other settings. */
      const collect = (e: unknown, source: string | null) => {
        const listed = (e as Partial<ProfileError>).problems;
        if (!listed) throw e;
        problems.push(...listed.map((p) => (source ? `${source}: ${p}` : p)));
      };
      try {
        profile = parser.parseProfile(file.profile, configPath);
      } catch (e) {
        collect(e, configPath);
        profile = EMPTY_PROFILE;
      }
      // Checked on their own, so a problem's index is the item's place in the flag.
      try {
        parser.mergeProfileFlags(EMPTY_PROFILE, profileFlags);
      } catch (e) {
        collect(e, null); // each problem names its flag
      }
    }
  }

  const top = ctx.pick('summarizeTop', null);
  let summarizeTop: number | null = null;
  if (top.value !== null && top.value !== '') {
    summarizeTop = Number(top.value);
    if (!/^\s*\d+\s*$/.test(top.value)) {
      problems.push(`${top.source}: expected a whole number of papers ≥ 0, got ${JSON.stringify(top.value)}`);
      summarizeTop = null;
    }
  }
  const min = ctx.pick('minScore', null);
  let minScore: number | null = null;
  if (min.value !== null && min.value !== '') {
    minScore = Number(min.value);
    if (!/^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(min.value) || minScore <= -1 || minScore >= 1) {
      problems.push(
        `${min.source}: expected a score between -1 and 1 (0.5 = one strong signal), got ${JSON.stringify(min.value)}`,
      );
      minScore = null;
    }
  }
  const embeddingModel = ctx.pick('embeddingModel', null).value?.trim() || null;
  return { profile, flags: profileFlags, baseDir: ctx.baseDir, summarizeTop, minScore, embeddingModel };
}

/** The summarizer whose summaries a render prefers: the one a run would use. */
export const configuredSummarizer = (s: Settings): string => (s.openai.apiKey ? `openai:${s.openai.model}` : 'offline');
