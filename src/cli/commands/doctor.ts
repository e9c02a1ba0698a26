/**
 * `arxiv-digest doctor`: checks the settings, the store, whether each configured endpoint
 * answers, and which secrets are present (never their values). Exit 1 when a check fails.
 */
import nodemailer from 'nodemailer';
import { loadSettings, type Settings } from '../../config/settings.js';
import { SECRET_ENVS } from '../../config/table.js';
import { describeNetworkError, hostOf } from '../../core/network.js';
import { productVersion } from '../../core/version.js';
import { PROFILE_STATE } from '../../rank/ranker.js';
import { openStore, type ReaderMark } from '../../store/store.js';
import { userAgent } from '../../arxiv/http-client.js';
import { probeProvider, providerLabel, sdkClient } from '../../app/provider.js';
import type { GlobalOptions, Io } from '../context.js';

interface Check {
  name: string;
  /** null = not configured / information only; 'warn' = works, but worth fixing (exit 0). */
  ok: boolean | null | 'warn';
  detail: string;
}

const TIMEOUT_MS = 8000;

/** Any HTTP answer means the host is reachable; only the origin is contacted (no secrets in paths). */
async function reachable(url: string, ua: string): Promise<Check['ok'] | string> {
  try {
    const res = await fetch(url, {
      method: 'HEAD',
      headers: { 'user-agent': ua },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
    return res.status < 500 ? true : `HTTP ${res.status}`;
  } catch (e) {
    return describeNetworkError(e, hostOf(url));
  }
}

const origin = (url: string): string => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}/`;
};

async function checks(s: Settings, io: Io): Promise<Check[]> {
  const out: Check[] = [];
  const ua = userAgent(productVersion(), s.arxiv.contact);
  out.push({
    name: 'settings',
    ok: true,
    detail: `${s.configFile ? `config ${s.configFile}` : 'no config file'}; categories ${s.categories.join(', ')}; language ${s.language}`,
  });
  for (const w of s.warnings) out.push({ name: 'settings', ok: 'warn', detail: w });
  if (!s.arxiv.contact)
    out.push({
      name: 'ARXIV_CONTACT',
      ok: 'warn',
      detail: 'not set: arXiv asks clients to identify themselves (an e-mail address in the User-Agent)',
    });

  let marks: ReaderMarks = { saved: false, marks: new Map() };
  try {
    const store = openStore(s.db);
    // What ranking checks below need, read while the store is open.
    marks = { saved: store.getState(PROFILE_STATE) !== null, marks: store.listMarks() };
    const quick = store.integrity();
    const st = store.stats();
    const last = store.listRuns(1)[0];
    const missing = store.listMissing().length;
    out.push({
      name: 'store',
      ok: quick === 'ok',
      detail:
        `${s.db}: schema ${store.schemaVersion}, integrity ${String(quick)}, ${st.papers} papers, ${st.days} days, ${st.summaries} summaries` +
        (missing ? `, ${missing} papers missing metadata` : '') +
        (last ? `; last run: ${last.command} ${last.status} at ${last.startedAt}` : ''),
    });
    store.close();
  } catch (e) {
    out.push({ name: 'store', ok: false, detail: e instanceof Error ? e.message : String(e) });
  }

  out.push(...(await rankingChecks(s, marks)));

  const endpoints: [string, string][] = [
    ['arXiv feed', s.arxiv.rssUrl],
    ['arXiv API', s.arxiv.apiUrl],
    ['arXiv OAI-PMH', s.arxiv.oaiUrl],
    ['arXiv listings', s.arxiv.listingUrl],
  ];
  for (const [name, url] of endpoints) {
    const r = await reachable(origin(url), ua);
    out.push({ name, ok: r === true, detail: r === true ? `${origin(url)} answers` : `${origin(url)}: ${r}` });
  }

  // Every secret the settings know (src/config/table.ts), by name only: which are set.
  const present = SECRET_ENVS.filter((name) => process.env[name]?.trim());
  out.push({
    name: 'secrets',
    ok: null,
    detail: `set: ${present.join(', ') || 'none'}; read from the environment only, never printed`,
  });
  out.push({
    name: 'OPENAI_API_KEY',
    ok: null,
    detail: s.openai.apiKey ? 'set' : 'not set (the offline summarizer is used)',
  });
  if (s.openai.apiKey) {
    const where = providerLabel(s.openai);
    try {
      const models = await sdkClient({ ...s, llm: { ...s.llm, timeoutMs: TIMEOUT_MS } }, 0).models.list();
      const ids = models.data.map((m) => m.id);
      out.push({
        name: 'LLM provider',
        ok: true,
        detail: `${where} answers; ${ids.includes(s.openai.model) ? `model ${s.openai.model} listed` : `model ${s.openai.model} not in its list of ${ids.length}`}`,
      });
    } catch (e) {
      // Some servers have no model list (Azure deployments, proxies): the summary request below decides.
      out.push({
        name: 'LLM provider',
        ok: null,
        detail: `${where}: no model list (${e instanceof Error ? e.message : String(e)})`,
      });
    }
    // One tiny summary request, negotiated as a run would: which structured-output mode it takes.
    const probe = await probeProvider(s, TIMEOUT_MS * 2);
    out.push({ name: 'LLM summary', ok: probe.ok, detail: probe.detail });
  }

  const smtp = s.deliver.smtp;
  out.push({ name: 'SMTP_PASS', ok: null, detail: smtp?.pass ? 'set' : 'not set' });
  if (smtp) {
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      requireTLS: smtp.requireTls,
      tls: { rejectUnauthorized: smtp.rejectUnauthorized },
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
      connectionTimeout: TIMEOUT_MS,
    });
    try {
      await transport.verify();
      out.push({
        name: 'e-mail',
        ok: true,
        detail: `${smtp.host}:${smtp.port} accepts the login; ${smtp.to.length} recipients`,
      });
    } catch (e) {
      out.push({
        name: 'e-mail',
        ok: false,
        detail: `${smtp.host}:${smtp.port}: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  const hooks: [string, string | null][] = [
    ['Slack webhook', s.deliver.slackWebhookUrl],
    ['Discord webhook', s.deliver.discordWebhookUrl],
    ['Feishu/Lark webhook', s.deliver.feishu?.webhookUrl ?? null],
  ];
  for (const [name, url] of hooks) {
    if (!url) continue;
    const r = await reachable(origin(url), ua);
    out.push({
      name,
      ok: r === true,
      detail: r === true ? `set; ${origin(url)} answers` : `set; ${origin(url)}: ${r}`,
    });
  }
  if (s.deliver.telegram) {
    const t = s.deliver.telegram;
    try {
      const res = await fetch(`${t.apiUrl}/bot${t.token}/getMe`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      out.push({
        name: 'Telegram bot',
        ok: res.ok,
        detail: res.ok ? `token accepted; chat ${t.chatId}` : `the token was refused (HTTP ${res.status})`,
      });
    } catch (e) {
      out.push({
        name: 'Telegram bot',
        ok: false,
        detail: (e as { cause?: { code?: string } }).cause?.code ?? String(e),
      });
    }
  }
  out.push({
    name: 'GitHub token',
    ok: null,
    detail: s.github.token ? 'set (code stars are looked up)' : 'not set (no stars)',
  });
  void io;
  return out;
}

/** The reader's marks and whether a profile was saved from the web app (none when the store failed). */
interface ReaderMarks {
  saved: boolean;
  marks: Map<string, ReaderMark>;
}

/**
 * Ranking: what the profile in force holds, each library export read and parsed (entries, or
 * the FILE:LINE problem), and the ratings the model learns from. Information when nothing is set.
 */
async function rankingChecks(s: Settings, { saved, marks }: ReaderMarks): Promise<Check[]> {
  const profile = s.rank.profile;
  if (!profile) return [];
  const { libraryPath } = await import('../../rank/for-day.js');
  const { readLibraryFile } = await import('../../rank/library.js');
  const { MIN_RATINGS, MIN_POSITIVE_RATINGS, ratingsFromMarks } = await import('../../rank/learned.js');
  const out: Check[] = [];
  const labels = ratingsFromMarks(marks).map((r) => r.label);
  const ratings = { up: labels.filter((l) => l === 1).length, down: labels.filter((l) => l === -1).length };
  const parts = [
    `${profile.keywords.length} keywords`,
    `${profile.exclude.length} excluded`,
    `${profile.authors.length} authors`,
    `${Object.keys(profile.categories).length} category weights`,
    `${profile.examples.length} examples`,
  ];
  out.push({
    name: 'ranking',
    ok: null,
    detail:
      `profile from ${s.configFile ?? 'no config file'}: ${parts.join(', ')}` +
      (saved ? '; a profile saved from the web app replaces it' : '') +
      `; ratings: ${ratings.up} favorites or 👍, ${ratings.down} 👎 (the model learns from ${MIN_POSITIVE_RATINGS} positive, ${MIN_RATINGS} in all)`,
  });
  for (const path of profile.library) {
    const file = libraryPath(path, s.rank.baseDir);
    try {
      const r = await readLibraryFile(file);
      out.push({
        name: 'library',
        ok: true,
        detail: `${file}: ${r.format}, ${r.entries.length} entries${r.skipped.length ? `, ${r.skipped.length} skipped (no title)` : ''}`,
      });
    } catch (e) {
      out.push({ name: 'library', ok: false, detail: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

export async function doctorCommand(globals: GlobalOptions, io: Io): Promise<number> {
  let settings: Settings;
  try {
    // With the profile parser: a profile with a problem is a settings problem here as in `run`.
    settings = loadSettings({
      flags: { config: globals.config, db: globals.db },
      profileParser: await import('../../rank/profile.js'),
    });
  } catch (e) {
    io.stdout.write(`✗ settings: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const results = await checks(settings, io);
  const mark = (c: Check) => (c.ok === null ? '·' : c.ok === 'warn' ? '!' : c.ok ? '✓' : '✗');
  for (const c of results) io.stdout.write(`${mark(c)} ${c.name}: ${c.detail}\n`);
  const count = (ok: Check['ok']) => results.filter((c) => c.ok === ok).length;
  const failed = count(false);
  io.stdout.write(
    `doctor: ${count(true)} ok, ${failed} failed, ${count('warn')} ${count('warn') === 1 ? 'warning' : 'warnings'}, ${count(null)} informational\n`,
  );
  return failed ? 1 : 0;
}
