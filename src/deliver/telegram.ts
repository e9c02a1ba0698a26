/**
 * Telegram bot: `sendMessage` with `parse_mode: 'HTML'`, link previews off (`link_preview_options`,
 * which replaced the deprecated `disable_web_page_preview` in Bot API 7.0), split into messages
 * of at most 4,096 characters. Telegram counts the text after parsing the HTML; we count the
 * HTML as sent (always at least as long), so a message can never come back "too long". Data is
 * escaped as Telegram's HTML mode asks (`&`, `<`, `>`; also `"` inside an `href`), and tags are
 * only ever ours (b, i, a), each opened and closed within one entry.
 */
import {
  fit,
  joinWithin,
  planDigest,
  textEntry,
  textPick,
  type DigestPlan,
  type TextMarkup,
} from './digest-content.js';
import { digestItems, groupItems, packParts, partLabel, type DigestItem, type PartInfo } from './split.js';
import type { Channel, DigestMessage } from './types.js';
import {
  defaultSleep,
  jsonObject,
  postJson,
  sendPosts,
  shortText,
  type FetchFn,
  type SleepFn,
  type Verdict,
} from './webhook.js';

export interface TelegramOptions {
  token: string;
  /** A numeric chat id (`12345`, `-100…` for groups and channels) or `@channelname`. */
  chatId: string;
  /** Bot API server; default `https://api.telegram.org` (a local Bot API server works too). */
  apiUrl?: string;
  fetch?: FetchFn;
  sleep?: SleepFn;
  timeoutMs?: number;
}

export const TELEGRAM_LIMITS = { text: 4096 } as const;

export const escapeTelegram = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string): string => escapeTelegram(s).replace(/"/g, '&quot;');
const link = (url: string, label: string): string => `<a href="${attr(url)}">${label}</a>`;

export interface TelegramMessage {
  chat_id: string;
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: true };
}

const TELEGRAM_MARKUP: TextMarkup = {
  escape: escapeTelegram,
  link,
  bold: (s) => `<b>${s}</b>`,
  italic: (s) => `<i>${s}</i>`,
  authors: (s) => `<i>${s}</i>`,
  warning: '⚠',
};

export function renderTelegramText(plan: DigestPlan, items: readonly DigestItem[], info: PartInfo): string {
  const l = plan.labels;
  let out = `<b>${escapeTelegram(plan.title)}</b>${partLabel(info)}`;
  if (info.index === 0) {
    if (plan.overview) out += `\n${fit(plan.overview, 1000, escapeTelegram)}`;
    if (plan.url) out += `\n${link(plan.url, escapeTelegram(l.fullDigest))}`;
  }
  for (const g of groupItems(items)) {
    const heading = g.picks ? l.forYou : g.category !== null ? l.category(g.category, g.count) : null;
    if (heading !== null)
      out += `\n\n<b>${escapeTelegram(heading)}</b>${g.continued ? ` ${escapeTelegram(l.continued)}` : ''}`;
    for (const item of g.items) {
      if (item.kind === 'paper') out += `\n\n${textEntry(item.paper, plan.labels, TELEGRAM_MARKUP)}`;
      else if (item.kind === 'pick') out += `\n\n${textPick(item.pick, TELEGRAM_MARKUP)}`;
      else
        out += `\n\n${escapeTelegram(plan.moreLine ?? '')} ${joinWithin(
          plan.rest.map((r) => link(r.url, escapeTelegram(r.label))),
          ' · ',
          // Room for the title and the overview (1,000) when the cap line is in the first post.
          TELEGRAM_LIMITS.text - 1600,
        )}`;
    }
  }
  return out;
}

export const telegramProblem = (text: string): string | null =>
  text.length > TELEGRAM_LIMITS.text ? `${text.length} characters (limit ${TELEGRAM_LIMITS.text})` : null;

export function renderTelegram(message: DigestMessage, chatId: string): TelegramMessage[] {
  const plan = planDigest(message);
  return packParts(
    'telegram',
    digestItems(plan),
    (items, info) => renderTelegramText(plan, items, info),
    telegramProblem,
  ).map((text) => ({ chat_id: chatId, text, parse_mode: 'HTML', link_preview_options: { is_disabled: true } }));
}

/** Bot API answers `{ok, result}` or `{ok: false, error_code, description, parameters?}`. */
function interpretTelegram(status: number, _headers: Headers, text: string): Verdict {
  const body = jsonObject(text);
  if (status >= 200 && status < 300 && body?.ok === true) return { kind: 'ok' };
  const description = typeof body?.description === 'string' ? body.description : shortText(text) || '(no text)';
  const params = (body?.parameters ?? {}) as { retry_after?: unknown; migrate_to_chat_id?: unknown };
  const reason = `Telegram answered ${status}: ${description}`;
  if (status === 429) {
    const after = typeof params.retry_after === 'number' ? params.retry_after * 1000 : null;
    return { kind: 'retry', afterMs: after, reason: `rate limited (${reason})` };
  }
  if (status >= 500) return { kind: 'retry', afterMs: null, reason };
  let hint = '';
  if (typeof params.migrate_to_chat_id === 'number' || typeof params.migrate_to_chat_id === 'string')
    hint = ` (the group is now chat ${params.migrate_to_chat_id}; set the chat id to it)`;
  else if (status === 401 || status === 404) hint = ' (the bot token is wrong or revoked)';
  else if (/chat not found/i.test(description)) hint = ' (the chat id is wrong, or the bot was never added to it)';
  return { kind: 'fail', reason: reason + hint };
}

export function createTelegramChannel(options: TelegramOptions): Channel {
  const apiUrl = (options.apiUrl ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const url = `${apiUrl}/bot${options.token}/sendMessage`;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  return {
    id: 'telegram',
    target: `telegram:chat ${options.chatId}`,
    async send(message) {
      await sendPosts({
        platform: 'telegram',
        posts: renderTelegram(message, options.chatId),
        sleep,
        // Telegram asks bots to stay near one message a second in a chat.
        intervalMs: 1000,
        send: (body) =>
          postJson({
            url,
            body,
            fetch: fetchFn,
            sleep,
            timeoutMs: options.timeoutMs ?? 30_000,
            secrets: [url, options.token, `bot${options.token}`],
            interpret: interpretTelegram,
          }),
      });
    },
  };
}
