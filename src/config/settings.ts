/**
 * Settings: one place that merges command-line flags, environment, the config file and
 * defaults (in that order of precedence) and checks them, collecting every problem at once.
 * Secrets (OPENAI_API_KEY) come from the environment only and are never printed.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { registerSecret, smtpSecrets } from '../core/secrets.js';
import { UsageError } from '../errors.js';
import { endpointProblem } from './endpoints.js';
import type { ProfileParser, RankSettings, Settings } from './settings-types.js';
import { checkTaxonomy, expectation, parseCategoryList, parseIncludeList, readConfigFile } from './values.js';
import { SETTING_IDS, SETTINGS, type SettingId, type SettingSpec } from './table.js';
// Types only: the profile's parser (and zod, ~50 ms to load) is passed in by commands that rank.
import type { Profile, ProfileError, ProfileFlags } from '../rank/profile.js';

/** Where the config file is looked for when neither --config nor ARXIV_DIGEST_CONFIG names one. */
const DEFAULT_CONFIG_FILE = './arxiv-digest.config.json';

/** Config-file key → setting, for the settings the file may hold (all but secrets). */
const BY_KEY = new Map(
  SETTING_IDS.flatMap((id) => {
    const k = (SETTINGS[id] as SettingSpec).key;
    return k ? [[k, id] as const] : [];
  }),
);
/** Config-file keys that would be secrets (refused in the file, whatever their spelling). */
const SECRET_KEYS = [
  ...SETTING_IDS.filter((id) => SETTINGS[id].kind === 'secret'),
  'apiKey',
  'OPENAI_API_KEY',
  'password',
  'token',
  'telegramToken',
];
type Key = SettingId;

/** Config-file keys that hold an object rather than one value. */
const STRUCTURED_KEYS = ['$schema', 'prices', 'profile'];

export interface SettingsSources {
  /** Flags given on the command line (undefined = not given). */
  flags?: Partial<Record<Key, string | undefined>> & { config?: string } & ProfileFlags;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Checks the config file's `profile` and the profile flags; without it they are left unchecked (null). */
  profileParser?: ProfileParser;
}

const EMPTY_PROFILE: Profile = { keywords: [], exclude: [], authors: [], categories: {}, examples: [], library: [] };

export type { ProfileParser, RankSettings, Settings } from './settings-types.js';
export { parseCategoryList, parseServeWorkers } from './values.js';

export function loadSettings(sources: SettingsSources = {}): Settings {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  const flags = sources.flags ?? {};
  const problems: string[] = [];

  // Empty means unset, as for every setting (a CI template passes unset variables as '').
  const explicitConfig = flags.config ?? (env.ARXIV_DIGEST_CONFIG || undefined);
  const configPath = resolve(cwd, explicitConfig ?? DEFAULT_CONFIG_FILE);
  const hasConfig = explicitConfig !== undefined || existsSync(configPath);
  const file: Record<string, unknown> = hasConfig ? readConfigFile(configPath) : {};
  for (const k of Object.keys(file)) {
    if (SECRET_KEYS.includes(k))
      problems.push(`${k}: secrets are read from the environment only (OPENAI_API_KEY), never from the config file`);
    else if (!BY_KEY.has(k) && !STRUCTURED_KEYS.includes(k))
      problems.push(`${k}: unknown setting (known: ${[...BY_KEY.keys()].join(', ')})`);
  }

  /**
   * flag > env > config file > default (the table's, unless given); returns the value and where
   * it came from.
   */
  const pick = (
    key: Key,
    fallback: string | null = SETTINGS[key].default,
    { skipEnv = false } = {},
  ): { value: string | null; source: string } => {
    const sp: SettingSpec = SETTINGS[key];
    const flag = (flags as Record<string, string | undefined>)[key];
    if (flag !== undefined) return { value: flag, source: sp.flag ?? `--${key}` };
    const e = skipEnv || !sp.env ? undefined : env[sp.env];
    if (e !== undefined && e !== '') return { value: e, source: `environment variable ${sp.env}` };
    const f = sp.key ? file[sp.key] : undefined;
    if (f !== undefined && f !== null) {
      if (sp.kind === 'list' && Array.isArray(f)) return { value: f.join(','), source: `${configPath}: ${key}` };
      if (typeof f === 'string' || typeof f === 'number') return { value: String(f), source: `${configPath}: ${key}` };
      problems.push(`${key}: expected a string${sp.kind === 'list' ? ' or a list of strings' : ''} in ${configPath}`);
    }
    return { value: fallback, source: 'default' };
  };

  const url = (key: Key, fallback = SETTINGS[key].default ?? ''): string => {
    const { value, source } = pick(key, fallback);
    // A pattern, not new URL(): the URL parser's first use costs milliseconds on every command.
    if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value!))
      problems.push(`${source}: expected an http(s) URL, got ${JSON.stringify(value)}`);
    return value!.replace(/\/+$/, '');
  };

  const warnings: string[] = [];
  let categories: string[] = [];
  const cats = pick('categories');
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
    gettext ? pick('language', SETTINGS.language.default, { skipEnv: true }) : pick('language')
  ).value!.trim();
  if (!language) problems.push('language: must not be empty');
  // The words around the summaries follow the summary language unless asked otherwise.
  const uiLanguage = pick('uiLanguage', language).value!.trim() || language;

  /**
   * A number within its range in the table, or null when unset. Checked here, when settings load,
   * so a port of 99999 is a usage error now rather than a failure at delivery time.
   */
  const num = (key: Key, fallback = SETTINGS[key].default): number | null => {
    const sp: SettingSpec = SETTINGS[key];
    const { value, source } = pick(key, fallback);
    if (value === null || value === '') return null;
    const n = Number(value);
    const whole = sp.kind === 'int';
    const { min = -Infinity, max = Infinity } = sp;
    const inRange = sp.exclusive ? n > min && n < max : n >= min && n <= max;
    if (!/^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(value) || (whole && !Number.isInteger(n)) || !inRange) {
      problems.push(`${source}: expected ${expectation(key)}, got ${JSON.stringify(value)}`);
      return null;
    }
    return n;
  };
  /** A number with a default in the table: the default when the value given is wrong (said). */
  const whole = (key: Key): number => num(key) ?? Number(SETTINGS[key].default);
  const int = num;
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

  const baseUrl = pick('openaiBaseUrl').value;
  const model = pick('model').value!;
  const priceIn = num('llmPriceInput');
  const priceOut = num('llmPriceOutput');
  if ((priceIn === null) !== (priceOut === null)) problems.push('LLM_PRICE_INPUT and LLM_PRICE_OUTPUT go together');
  else if (priceIn !== null && priceOut !== null) prices[model] = { input: priceIn, output: priceOut };

  const bool = (key: Key, fallback = SETTINGS[key].default ?? 'false'): boolean => {
    const { value, source } = pick(key, fallback);
    if (/^(1|true|yes|on)$/i.test(value!)) return true;
    if (/^(0|false|no|off)$/i.test(value!)) return false;
    problems.push(`${source}: expected true or false, got ${JSON.stringify(value)}`);
    return fallback === 'true';
  };
  /** A secret, from the environment only (its aliases too: daily-arXiv-ai-enhanced's names). */
  const secret = (key: Key): string | null => {
    const sp: SettingSpec = SETTINGS[key];
    for (const name of [sp.env!, ...(sp.aliases ?? [])]) {
      const v = env[name]?.trim();
      if (v) return v;
    }
    return null;
  };
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
  const secretEndpoint = (key: Key): string | null =>
    endpoint(secret(key), `environment variable ${SETTINGS[key].env}`);
  const checkedUrl = (key: Key): string => endpoint(url(key), pick(key).source, SETTINGS[key].default ?? undefined);

  const smtpHost = pick('smtpHost').value;
  const smtpTo = (pick('smtpTo').value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  let smtp: Settings['deliver']['smtp'] = null;
  if (smtpHost) {
    const secure = bool('smtpSecure');
    const from = pick('smtpFrom').value ?? pick('smtpUser').value;
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
      port: int('smtpPort', secure ? '465' : '587') ?? 587,
      secure,
      requireTls: bool('smtpRequireTls'),
      rejectUnauthorized: bool('smtpTlsRejectUnauthorized'),
      user: pick('smtpUser').value,
      pass: secret('smtpPass'),
      from: from ?? '',
      to: smtpTo,
      listUnsubscribe,
    };
  }
  const feishuUrl = secretEndpoint('feishuWebhookUrl');
  const telegramToken = secret('telegramBotToken');
  const telegramChat = pick('telegramChatId').value;
  if (telegramToken && !telegramChat) problems.push('TELEGRAM_CHAT_ID: needed with TELEGRAM_BOT_TOKEN');
  const siteUrl = pick('siteUrl').value;
  if (siteUrl && !/^https?:\/\/\S+$/i.test(siteUrl))
    problems.push(`SITE_URL: expected an http(s) URL, got ${JSON.stringify(siteUrl)}`);

  const serveWorkers = num('serveWorkers');

  const rank = rankSettings(flags, sources.profileParser, {
    file,
    configPath,
    baseDir: hasConfig ? dirname(configPath) : cwd,
    pick,
    num,
    problems,
  });

  const settings: Settings = {
    categories,
    language,
    uiLanguage,
    db: resolve(cwd, pick('db').value!),
    out: resolve(cwd, pick('out').value!),
    include,
    publish: {
      siteUrl: siteUrl ? siteUrl.replace(/\/+$/, '') : null,
      siteTitle: pick('siteTitle').value!,
      siteDays: whole('siteDays'),
      feedDays: whole('feedDays'),
      feedMaxKb: whole('feedMaxKb'),
      maxPapers: whole('maxPapers'),
    },
    deliver: {
      smtp,
      slackWebhookUrl: secretEndpoint('slackWebhookUrl'),
      discordWebhookUrl: secretEndpoint('discordWebhookUrl'),
      feishu: feishuUrl ? { webhookUrl: feishuUrl, secret: secret('feishuSecret') } : null,
      telegram:
        telegramToken && telegramChat
          ? {
              token: telegramToken,
              chatId: telegramChat,
              apiUrl: checkedUrl('telegramApiUrl'),
            }
          : null,
    },
    github: {
      token: secret('githubToken'),
      apiUrl: checkedUrl('githubApiUrl'),
    },
    scheduleMarginMinutes: whole('scheduleMarginMinutes'),
    serveWorkers,
    searchTimeoutMs: whole('searchTimeoutMs'),
    requestTimeoutMs: whole('requestTimeoutMs'),
    configFile: hasConfig ? configPath : null,
    warnings,
    openai: {
      apiKey: secret('openaiApiKey'),
      baseUrl: baseUrl ? endpoint(url('openaiBaseUrl', baseUrl), pick('openaiBaseUrl').source) : null,
      model,
      apiVersion: pick('openaiApiVersion').value?.trim() || null,
    },
    llm: {
      concurrency: whole('llmConcurrency'),
      rpm: num('llmRpm'),
      tpm: num('llmTpm'),
      timeoutMs: whole('llmTimeoutMs'),
      prices,
    },
    arxiv: {
      apiUrl: url('arxivApiUrl'),
      rssUrl: url('arxivRssUrl'),
      oaiUrl: url('arxivOaiUrl'),
      listingUrl: url('arxivListingUrl'),
      minIntervalMs: whole('arxivMinIntervalMs'),
      contact: pick('arxivContact').value,
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
    num: (key: Key) => number | null;
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

  const summarizeTop = ctx.num('summarizeTop');
  const minScore = ctx.num('minScore');
  const embeddingModel = ctx.pick('embeddingModel', null).value?.trim() || null;
  return { profile, flags: profileFlags, baseDir: ctx.baseDir, summarizeTop, minScore, embeddingModel };
}

/** The summarizer whose summaries a render prefers: the one a run would use. */
export const configuredSummarizer = (s: Settings): string => (s.openai.apiKey ? `openai:${s.openai.model}` : 'offline');
