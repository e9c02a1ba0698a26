/**
 * Every setting, once: its environment variable, its config-file key, its kind and range, its
 * default, whether it is a secret, and the line the README's settings table shows. Loading and
 * checking (settings.ts), `doctor`'s list of secrets and the README table (a test fails when
 * they drift) all read this table. Data.
 */

export type SettingKind =
  /** Any text. */
  | 'text'
  /** A whole number, `min`–`max`. */
  | 'int'
  /** A number, `min`–`max`. */
  | 'number'
  | 'bool'
  /** An http(s) URL; a trailing slash is dropped. */
  | 'url'
  /** A comma list (a list in the config file). */
  | 'list'
  /** A file or folder, relative to the working folder. */
  | 'path'
  /** Environment only; redacted from everything printed, stored or published. */
  | 'secret'
  /** Config file only: an object (the profile, the prices). */
  | 'object';

export interface SettingSpec {
  /** Environment variable (null: the config file only). */
  env: string | null;
  /** Other environment names accepted (the reference system's). */
  aliases?: readonly string[];
  /** Config-file key (null: not in the config file). */
  key: string | null;
  kind: SettingKind;
  min?: number;
  max?: number;
  /** The default as the environment would write it; null = unset. */
  default: string | null;
  /** The command-line flag that overrides it, when there is one. */
  flag?: string;
  /** The README's "meaning" column. */
  doc: string;
  /** The README's "default" column when the default is not just `default`. */
  defaultDoc?: string;
  /** A number's problem line, where the range alone does not say it ("a whole number of papers ≥ 0"). */
  expect?: string;
  /** The range excludes its ends. */
  exclusive?: boolean;
}

// prettier-ignore
export const SETTINGS = {
  categories: { env: 'CATEGORIES', key: 'categories', kind: 'list', default: 'cs.CV, cs.CL', flag: '--categories', doc: 'your categories, also the section order (checked against arXiv\'s taxonomy, with a suggestion for a typo)' },
  language: { env: 'LANGUAGE', key: 'language', kind: 'text', default: 'Chinese', flag: '--lang', doc: 'summary language, any language name (a gettext locale list such as `en_US:en`, which some desktops set, is ignored with a warning)' },
  uiLanguage: { env: 'UI_LANGUAGE', key: 'uiLanguage', kind: 'text', default: null, doc: 'language of the words around the summaries — site, web app, e-mail and chat — by name or BCP 47 tag (`zh-CN`); English where there is no catalog for it (there are English and Simplified Chinese; Japanese for e-mail and chat)', defaultDoc: 'the summary language' },
  db: { env: 'ARXIV_DIGEST_DB', key: 'db', kind: 'path', default: './data/arxiv-digest.db', flag: '--db', doc: 'SQLite store' },
  out: { env: 'ARXIV_DIGEST_OUT', key: 'out', kind: 'path', default: './data', flag: '--out', doc: 'output folder of `run`' },
  include: { env: 'ARXIV_DIGEST_INCLUDE', key: 'include', kind: 'list', default: null, flag: '--include', doc: 'announced papers beyond your primary categories: `cross`, `replace`' },
  config: { env: 'ARXIV_DIGEST_CONFIG', key: null, kind: 'path', default: null, flag: '--config', doc: 'config file', defaultDoc: '`./arxiv-digest.config.json` when present' },
  siteUrl: { env: 'SITE_URL', key: 'siteUrl', kind: 'url', default: null, doc: 'where `site/` is served (links in feeds, e-mail, chat)' },
  siteTitle: { env: 'SITE_TITLE', key: 'siteTitle', kind: 'text', default: 'arXiv digest', doc: 'title of the site and feeds' },
  siteDays: { env: 'SITE_DAYS', key: 'siteDays', kind: 'int', min: 1, max: 100_000, default: '60', doc: 'days in the site' },
  feedDays: { env: 'FEED_DAYS', key: 'feedDays', kind: 'int', min: 1, max: 3_650, default: '7', doc: 'calendar days in the feeds' },
  feedMaxKb: { env: 'FEED_MAX_KB', key: 'feedMaxKb', kind: 'int', min: 16, max: 1_048_576, default: '1024', doc: 'most KiB of one feed; the oldest items are left out beyond it' },
  maxPapers: { env: 'DIGEST_MAX_PAPERS', key: 'maxPapers', kind: 'int', min: 1, max: 100_000, default: '50', doc: 'papers sent in full by e-mail and chat' },
  smtpHost: { env: 'SMTP_HOST', key: 'smtpHost', kind: 'text', default: null, doc: 'e-mail: the SMTP server (e-mail is sent when it is set)' },
  smtpPort: { env: 'SMTP_PORT', key: 'smtpPort', kind: 'int', min: 1, max: 65_535, default: null, doc: 'its port', defaultDoc: '`587` (`465` with `SMTP_SECURE`)' },
  smtpUser: { env: 'SMTP_USER', key: 'smtpUser', kind: 'text', default: null, doc: 'the login (also the sender without `SMTP_FROM`)' },
  smtpPass: { env: 'SMTP_PASS', key: null, kind: 'secret', default: null, doc: 'SMTP password' },
  smtpFrom: { env: 'SMTP_FROM', key: 'smtpFrom', kind: 'text', default: null, doc: 'the sender' },
  smtpTo: { env: 'SMTP_TO', key: 'smtpTo', kind: 'list', default: null, doc: 'the recipients, a comma list' },
  smtpSecure: { env: 'SMTP_SECURE', key: 'smtpSecure', kind: 'bool', default: 'false', doc: 'implicit TLS' },
  smtpRequireTls: { env: 'SMTP_REQUIRE_TLS', key: 'smtpRequireTls', kind: 'bool', default: 'false', doc: 'require STARTTLS' },
  smtpTlsRejectUnauthorized: { env: 'SMTP_TLS_REJECT_UNAUTHORIZED', key: 'smtpTlsRejectUnauthorized', kind: 'bool', default: 'true', doc: 'verify certificates' },
  smtpListUnsubscribe: { env: 'SMTP_LIST_UNSUBSCRIBE', key: 'smtpListUnsubscribe', kind: 'list', default: null, doc: '`List-Unsubscribe` URIs, a comma list of `mailto:` and `https:` (one-click with an https one)', defaultDoc: '`mailto:` the sender, subject "unsubscribe"' },
  slackWebhookUrl: { env: 'SLACK_WEBHOOK_URL', key: null, kind: 'secret', default: null, doc: 'Slack incoming webhook' },
  discordWebhookUrl: { env: 'DISCORD_WEBHOOK_URL', key: null, kind: 'secret', default: null, doc: 'Discord webhook' },
  feishuWebhookUrl: { env: 'FEISHU_WEBHOOK_URL', key: null, kind: 'secret', default: null, doc: 'Feishu/Lark bot webhook' },
  feishuSecret: { env: 'FEISHU_SECRET', key: null, kind: 'secret', default: null, doc: 'its signing secret' },
  telegramBotToken: { env: 'TELEGRAM_BOT_TOKEN', key: null, kind: 'secret', default: null, doc: 'Telegram bot token' },
  telegramChatId: { env: 'TELEGRAM_CHAT_ID', key: 'telegramChatId', kind: 'text', default: null, doc: 'chat to post to' },
  telegramApiUrl: { env: 'TELEGRAM_API_URL', key: 'telegramApiUrl', kind: 'url', default: 'https://api.telegram.org', doc: 'Telegram API base' },
  githubToken: { env: 'GITHUB_TOKEN', aliases: ['TOKEN_GITHUB'], key: null, kind: 'secret', default: null, doc: 'GitHub API token for code stars' },
  githubApiUrl: { env: 'GITHUB_API_URL', key: 'githubApiUrl', kind: 'url', default: 'https://api.github.com', doc: 'GitHub API base' },
  scheduleMarginMinutes: { env: 'SCHEDULE_MARGIN_MINUTES', key: 'scheduleMarginMinutes', kind: 'int', min: 0, max: 23 * 60, default: '30', doc: 'minutes after 20:00 US Eastern for `schedule`' },
  serveWorkers: { env: 'ARXIV_DIGEST_SERVE_WORKERS', key: 'serveWorkers', kind: 'int', min: 1, max: 64, default: null, flag: '--workers', expect: 'a whole number of processes from 1 to 64', doc: 'processes answering requests in `serve`', defaultDoc: 'the CPU cores, at most 4' },
  serveToken: { env: 'ARXIV_DIGEST_TOKEN', key: null, kind: 'secret', default: null, flag: '--token', doc: 'access token of `serve` (required to bind beyond loopback; at least 16 characters; `serve --generate-token` makes one)' },
  searchTimeoutMs: { env: 'ARXIV_DIGEST_SEARCH_TIMEOUT_MS', key: 'searchTimeoutMs', kind: 'int', min: 1, max: 600_000, default: '2000', doc: 'time budget of one search of `serve` (503 after it)' },
  requestTimeoutMs: { env: 'ARXIV_DIGEST_REQUEST_TIMEOUT_MS', key: 'requestTimeoutMs', kind: 'int', min: 100, max: 3_600_000, default: '10000', doc: 'time a client of `serve` has to send a whole request, headers and body (408 after it)' },
  openaiApiKey: { env: 'OPENAI_API_KEY', key: null, kind: 'secret', default: null, doc: 'OpenAI-compatible provider key; without it the offline summarizer is used' },
  openaiBaseUrl: { env: 'OPENAI_BASE_URL', key: 'openaiBaseUrl', kind: 'url', default: null, doc: 'provider URL (see [LLM providers](#llm-providers); a trailing `/chat/completions` is ignored)', defaultDoc: '`https://api.openai.com/v1`' },
  model: { env: 'MODEL_NAME', key: 'model', kind: 'text', default: 'deepseek-chat', flag: '--model', doc: 'model (Azure OpenAI: the deployment name)' },
  openaiApiVersion: { env: 'OPENAI_API_VERSION', key: 'openaiApiVersion', kind: 'text', default: null, doc: 'Azure OpenAI\'s `api-version`: requests go to `/openai/deployments/MODEL_NAME/…` with an `api-key` header', defaultDoc: 'none (`2024-10-21` for an `*.openai.azure.com` URL)' },
  llmConcurrency: { env: 'LLM_CONCURRENCY', key: 'llmConcurrency', kind: 'int', min: 1, max: 1_000, default: '8', flag: '--concurrency', doc: 'summary requests in flight' },
  llmRpm: { env: 'LLM_RPM', key: 'llmRpm', kind: 'int', min: 1, default: null, flag: '--rpm', doc: 'requests per minute to keep to', defaultDoc: 'unlimited' },
  llmTpm: { env: 'LLM_TPM', key: 'llmTpm', kind: 'int', min: 1, default: null, flag: '--tpm', doc: 'tokens per minute to keep to', defaultDoc: 'unlimited' },
  llmTimeoutMs: { env: 'LLM_TIMEOUT_MS', key: 'llmTimeoutMs', kind: 'int', min: 100, max: 3_600_000, default: '60000', doc: 'one deadline per summary request, the whole of it (connecting, headers, answer)' },
  llmPriceInput: { env: 'LLM_PRICE_INPUT', key: 'llmPriceInput', kind: 'number', min: 0, default: null, expect: 'USD per million tokens', doc: 'USD per million input tokens of `MODEL_NAME` (with `LLM_PRICE_OUTPUT`)', defaultDoc: 'none (cost unknown)' },
  llmPriceOutput: { env: 'LLM_PRICE_OUTPUT', key: 'llmPriceOutput', kind: 'number', min: 0, default: null, expect: 'USD per million tokens', doc: 'USD per million output tokens', defaultDoc: 'none (cost unknown)' },
  prices: { env: null, key: 'prices', kind: 'object', default: null, doc: 'USD per million tokens by model: `{"model": {"input", "output"}}`' },
  arxivApiUrl: { env: 'ARXIV_API_URL', key: 'arxivApiUrl', kind: 'url', default: 'https://export.arxiv.org/api/query', doc: 'Atom API' },
  arxivRssUrl: { env: 'ARXIV_RSS_URL', key: 'arxivRssUrl', kind: 'url', default: 'https://rss.arxiv.org/rss', doc: 'announcement feed base' },
  arxivOaiUrl: { env: 'ARXIV_OAI_URL', key: 'arxivOaiUrl', kind: 'url', default: 'https://oaipmh.arxiv.org/oai', doc: 'OAI-PMH' },
  arxivListingUrl: { env: 'ARXIV_LISTING_URL', key: 'arxivListingUrl', kind: 'url', default: 'https://arxiv.org/list', doc: 'listing pages base' },
  arxivMinIntervalMs: { env: 'ARXIV_MIN_INTERVAL_MS', key: 'arxivMinIntervalMs', kind: 'int', min: 0, default: '3000', expect: 'a whole number of milliseconds', doc: 'spacing of requests to one arXiv host' },
  arxivContact: { env: 'ARXIV_CONTACT', key: 'arxivContact', kind: 'text', default: null, doc: 'e-mail put in the User-Agent' },
  profile: { env: null, key: 'profile', kind: 'object', default: null, doc: 'the reader\'s profile for ranking: `keywords`, `exclude`, `authors`, `categories`, `examples`, `library` (see [Ranking](#ranking)); quick flags `--keywords`, `--exclude`, `--authors` add to it' },
  summarizeTop: { env: 'SUMMARIZE_TOP', key: 'summarizeTop', kind: 'int', min: 0, default: null, flag: '--summarize-top', expect: 'a whole number of papers ≥ 0', doc: 'only the N best-ranked papers go to the LLM, the rest are summarized offline', defaultDoc: 'no limit' },
  minScore: { env: 'MIN_SCORE', key: 'minScore', kind: 'number', min: -1, max: 1, default: null, flag: '--min-score', expect: 'a score between -1 and 1 (0.5 = one strong signal)', exclusive: true, doc: 'only papers scoring at least S (−1 to 1) go to the LLM', defaultDoc: 'no limit' },
  embeddingModel: { env: 'EMBEDDING_MODEL', key: 'embeddingModel', kind: 'text', default: null, doc: '`/v1/embeddings` model of the provider for ranking; used only with `OPENAI_API_KEY`', defaultDoc: 'none (no embeddings)' },
} satisfies Record<string, SettingSpec>;

export type SettingId = keyof typeof SETTINGS;
export const SETTING_IDS = Object.keys(SETTINGS) as SettingId[];
export const spec = (id: SettingId): SettingSpec => SETTINGS[id];

/** Every secret's environment names (aliases included). */
export const SECRET_ENVS: readonly string[] = SETTING_IDS.flatMap((id) => {
  const s: SettingSpec = SETTINGS[id];
  return s.kind === 'secret' ? [s.env!, ...(s.aliases ?? [])] : [];
});

const code = (s: string) => `\`${s}\``;

/** The README's settings table, one row per setting, from this table. */
export function settingsTableMarkdown(): string {
  const rows = SETTING_IDS.map((id) => {
    const s: SettingSpec = SETTINGS[id];
    const env = s.env ? [s.env, ...(s.aliases ?? [])].map(code).join(' or ') : '—';
    const key =
      s.kind === 'secret'
        ? '— (secret)'
        : s.key
          ? `${code(s.key)}${s.kind === 'list' ? ' (string or list)' : s.kind === 'object' ? ' (object)' : ''}`
          : '—';
    const range =
      s.min !== undefined && s.max !== undefined && s.kind === 'int'
        ? ` (${s.min}–${s.max.toLocaleString('en-US')})`
        : '';
    const flag = s.flag ? `; \`${s.flag}\` wins` : '';
    const dflt = s.defaultDoc ?? (s.default === null ? 'none' : code(s.default));
    return `| ${env} | ${key} | ${s.doc}${range}${flag} | ${dflt} |`;
  });
  return ['| env | config file key | meaning | default |', '|---|---|---|---|', ...rows].join('\n');
}
