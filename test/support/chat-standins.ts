/**
 * A loopback stand-in for the four chat platforms the digest is delivered to: one `http` server
 * on 127.0.0.1 that answers like
 *
 * - a Slack incoming webhook (`POST /slack/services/T…/B…/secret`): `ok`, or a short error code
 *   as text (`invalid_payload`, `no_text`, `invalid_blocks`, `msg_too_long`, `no_service`, …);
 * - a Discord webhook (`POST /discord/api/webhooks/ID/TOKEN`): 204, or JSON `{message, code,
 *   errors}` (50035 "Invalid Form Body" with the field, 50006 empty message, 10015 unknown
 *   webhook), 429 with `Retry-After` and `retry_after`;
 * - a Feishu/Lark custom bot (`POST /feishu/open-apis/bot/v2/hook/TOKEN`): `{code: 0, msg:
 *   'success'}`, or `{code, msg}` (19021 bad signature or stale timestamp, 9499 bad request,
 *   11232 frequency limited), checking the signature when a secret is set;
 * - the Telegram Bot API (`POST /bot<token>/sendMessage`): `{ok: true, result}`, or `{ok:
 *   false, error_code, description, parameters}` ("Unauthorized", "Bad Request: chat not
 *   found", "can't parse entities: Unsupported start tag …", "message is too long", 429 with
 *   `retry_after`).
 *
 * Each validates the payload's shape and size limits as the real service does and rejects what
 * it would reject, so a channel that passes here fits there. Every accepted post is recorded
 * with what a reader would see (`visible`: the text after the platform's markup and escapes are
 * applied), the links it carries and the mentions that would notify people (`pings`) — which
 * is how tests check that hostile text stayed text. Faults are queued per platform (429 with a
 * retry delay, 400/401/404/500 with the platform's own error body, or a hang).
 *
 * Limits checked: Slack ≤ 50 blocks, section/context text ≤ 3,000, header ≤ 150, `text` ≤
 * 40,000; Discord content ≤ 2,000, ≤ 10 embeds, title ≤ 256, description ≤ 4,096, all embeds ≤
 * 6,000; Feishu body ≤ 20 KB (20,000 bytes); Telegram text after entity parsing ≤ 4,096 UTF-16
 * code units.
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLoopback } from './loopback.js';

export type Platform = 'slack' | 'discord' | 'feishu' | 'telegram';
export const PLATFORMS: readonly Platform[] = ['slack', 'discord', 'feishu', 'telegram'];

export type ChatFault =
  /** Rate limited; `retryAfter` in seconds (default 1; Discord may use fractions). */
  | { type: '429'; retryAfter?: number }
  /** The platform's "bad request" answer, or `body` as given (JSON bodies as objects). */
  | { type: '400'; body?: string | Record<string, unknown> }
  /** The credentials are refused: Slack 403 invalid_token, Discord 401, Feishu 19021, Telegram 401. */
  | { type: 'auth' }
  /** The webhook or bot does not exist (Slack no_service, Discord 10015, Feishu 19001, Telegram 404). */
  | { type: '404' }
  | { type: '500' }
  /** Accept the request and never answer (until close). */
  | { type: 'hang' };

export interface ChatStandInOptions {
  /** Feishu signing secret; when set, requests must carry a valid `timestamp` and `sign`. */
  feishuSecret?: string | null;
  /** Clock for Feishu's one-hour timestamp window (default the real clock). */
  now?: () => Date;
  /** The bot token Telegram accepts. */
  telegramToken?: string;
  /** Chats the bot is in. */
  telegramChats?: string[];
}

export interface ReceivedPost {
  /** 1-based over all requests to the stand-in. */
  n: number;
  platform: Platform;
  path: string;
  body: Record<string, unknown>;
  rawBody: string;
  /** What a reader sees: text with markup applied and escapes removed, lines kept. */
  visible: string;
  /** Link targets (hrefs, `<url|…>`, `[…](url)`). */
  links: string[];
  /** Mentions that would notify: `@everyone`, `@here`, `@channel`, `@all`, `user:ID`. */
  pings: string[];
}

export interface ChatRequest {
  n: number;
  platform: Platform | null;
  method: string;
  path: string;
  rawBody: string;
  status: number | null;
  fault: ChatFault['type'] | null;
  /** The error text answered, when the request was refused. */
  error: string | null;
}

export interface ChatStandIn {
  url: string;
  slackWebhookUrl: string;
  discordWebhookUrl: string;
  feishuWebhookUrl: string;
  /** The Bot API base URL (`apiUrl` of the Telegram channel). */
  telegramApiUrl: string;
  telegramToken: string;
  telegramChatId: string;
  /** Accepted posts, in arrival order (live array). */
  received: ReceivedPost[];
  /** Every request, accepted or not (live array). */
  requests: ChatRequest[];
  receivedBy(platform: Platform): ReceivedPost[];
  /** Queues `fault` for the next `times` requests to `platform` (default 1). */
  addFault(platform: Platform, fault: ChatFault, times?: number): void;
  setOptions(options: Partial<ChatStandInOptions>): void;
  /** Forgets received posts, requests and queued faults. */
  reset(): void;
  close(): Promise<void>;
}

export const SLACK = { blocks: 50, sectionText: 3000, headerText: 150, text: 40_000 } as const;
export const DISCORD = { content: 2000, embeds: 10, title: 256, description: 4096, total: 6000 } as const;
export const FEISHU = { bodyBytes: 20_000 } as const;
export const TELEGRAM = { text: 4096 } as const;

// ---------------------------------------------------------------------------------------------
// Answers

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

type Outcome = { reply: Reply } | { accept: Omit<ReceivedPost, 'n' | 'platform' | 'path' | 'body' | 'rawBody'> };

const text = (status: number, body: string, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers: { 'content-type': 'text/html', ...headers },
});
const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});
const refuse = (reply: Reply): Outcome => ({ reply });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Slack

const SLACK_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const slackDecode = (s: string): string => s.replace(/&(lt|gt|amp);/g, (m) => SLACK_ENTITIES[m]!);

/** Slack's mrkdwn as a reader sees it: `<url|label>` links, `<!here>` and `<@U1>` mentions, entities. */
export function slackVisible(s: string): { visible: string; links: string[]; pings: string[] } {
  const links: string[] = [];
  const pings: string[] = [];
  const visible = s.replace(/<([^<>]*)>/g, (_m, inner: string) => {
    const [target = '', ...rest] = inner.split('|');
    const label = rest.join('|');
    if (target.startsWith('!')) {
      const name = target.slice(1).split('^')[0]!;
      if (['everyone', 'here', 'channel'].includes(name)) pings.push(`@${name}`);
      return label || `@${name}`;
    }
    if (target.startsWith('@')) {
      pings.push(`user:${target.slice(1)}`);
      return label || target;
    }
    if (target.startsWith('#')) return label || target;
    links.push(slackDecode(target));
    return slackDecode(label || target);
  });
  return { visible: slackDecode(visible), links, pings };
}

function slackHandle(body: Record<string, unknown>): Outcome {
  const bad = (code: string) => refuse(text(400, code));
  const fallback = body.text;
  const blocks = body.blocks;
  if (fallback !== undefined && typeof fallback !== 'string') return bad('invalid_payload');
  if (blocks !== undefined && !Array.isArray(blocks)) return bad('invalid_blocks_format');
  if ((fallback === undefined || fallback === '') && (!Array.isArray(blocks) || blocks.length === 0))
    return bad('no_text');
  if (typeof fallback === 'string' && fallback.length > SLACK.text) return bad('msg_too_long');
  const texts: { mrkdwn: boolean; text: string }[] = [];
  /** A text object within `limit` characters, added to what the reader sees; false when invalid. */
  const textObject = (t: unknown, limit: number, plainOnly = false): boolean => {
    if (!isObject(t) || typeof t.text !== 'string') return false;
    if (t.type !== 'plain_text' && (plainOnly || t.type !== 'mrkdwn')) return false;
    if (t.text.length === 0 || t.text.length > limit) return false;
    texts.push({ mrkdwn: t.type === 'mrkdwn', text: t.text });
    return true;
  };
  if (Array.isArray(blocks)) {
    if (blocks.length > SLACK.blocks) return bad('invalid_blocks');
    for (const b of blocks as unknown[]) {
      if (!isObject(b)) return bad('invalid_blocks');
      if (b.type === 'divider') continue;
      if (b.type === 'header') {
        if (!textObject(b.text, SLACK.headerText, true)) return bad('invalid_blocks');
      } else if (b.type === 'section') {
        if (!textObject(b.text, SLACK.sectionText)) return bad('invalid_blocks');
      } else if (b.type === 'context') {
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10)
          return bad('invalid_blocks');
        for (const e of b.elements as unknown[]) if (!textObject(e, SLACK.sectionText)) return bad('invalid_blocks');
      } else return bad('invalid_blocks');
    }
  }
  // Blocks are what a reader sees; the text is only the notification then.
  if (texts.length === 0) texts.push({ mrkdwn: true, text: fallback as string });
  const all = texts.map((t) => (t.mrkdwn ? slackVisible(t.text) : { visible: t.text, links: [], pings: [] }));
  return {
    accept: {
      visible: all.map((a) => a.visible).join('\n'),
      links: all.flatMap((a) => a.links),
      pings: all.flatMap((a) => a.pings),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Discord

/** Discord Markdown as a reader sees it: escapes removed, `[label](url)` links, emphasis markers dropped. */
export function discordVisible(s: string): { visible: string; links: string[] } {
  const links: string[] = [];
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const next = s[i + 1];
    if (c === '\\' && next !== undefined && /[^0-9A-Za-z\s]/.test(next)) {
      out += next;
      i += 2;
    } else if (c === '[') {
      // A masked link: label up to an unescaped `]`, then `(url)`.
      let j = i + 1;
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      const m = /^\(([^()\s]+)\)/.exec(s.slice(j + 1));
      if (j < s.length && m) {
        const inner = discordVisible(s.slice(i + 1, j));
        out += inner.visible;
        links.push(m[1]!.replace(/^<|>$/g, ''), ...inner.links);
        i = j + 1 + m[0].length;
      } else {
        out += c;
        i++;
      }
    } else if (['**', '__', '~~', '||'].includes(s.slice(i, i + 2))) i += 2;
    else if (c === '*' || c === '_' || c === '`') i++;
    else {
      out += c;
      i++;
    }
  }
  return { visible: out, links };
}

/** Mentions in content that would notify, given allowed_mentions (embeds never notify). */
function discordPings(content: string, allowed: unknown): string[] {
  const parse = isObject(allowed) && Array.isArray(allowed.parse) ? (allowed.parse as unknown[]) : null;
  const allows = (kind: string) => parse === null || parse.includes(kind);
  const unescaped = content.replace(/\\[^0-9A-Za-z\s]/g, ' ');
  const pings: string[] = [];
  if (allows('everyone')) for (const m of unescaped.matchAll(/@(everyone|here)\b/g)) pings.push(`@${m[1]}`);
  if (allows('users')) for (const m of unescaped.matchAll(/<@!?(\d+)>/g)) pings.push(`user:${m[1]}`);
  return pings;
}

function discordHandle(body: Record<string, unknown>): Outcome {
  const formError = (path: string, code: string, message: string): Outcome => {
    const errors: Record<string, unknown> = {};
    let node = errors;
    const keys = path.split('.');
    keys.forEach((k, idx) => {
      const child: Record<string, unknown> = idx === keys.length - 1 ? { _errors: [{ code, message }] } : {};
      node[k] = child;
      node = child;
    });
    return refuse(json(400, { message: 'Invalid Form Body', code: 50035, errors }));
  };
  const content = body.content ?? '';
  if (typeof content !== 'string') return formError('content', 'BASE_TYPE_STRING', 'Must be a string.');
  if (content.length > DISCORD.content)
    return formError('content', 'BASE_TYPE_MAX_LENGTH', `Must be ${DISCORD.content} or fewer in length.`);
  const embeds = body.embeds ?? [];
  if (!Array.isArray(embeds)) return formError('embeds', 'LIST_TYPE_CONVERT', 'Must be an array.');
  if (embeds.length > DISCORD.embeds)
    return formError('embeds', 'BASE_TYPE_MAX_LENGTH', `Must be ${DISCORD.embeds} or fewer in length.`);
  let total = 0;
  const shown: string[] = [content];
  for (const [i, e] of (embeds as unknown[]).entries()) {
    if (!isObject(e)) return formError(`embeds.${i}`, 'MODEL_TYPE_CONVERT', 'Must be an object.');
    for (const [field, limit] of [
      ['title', DISCORD.title],
      ['description', DISCORD.description],
    ] as const) {
      const v = e[field];
      if (v === undefined) continue;
      if (typeof v !== 'string') return formError(`embeds.${i}.${field}`, 'BASE_TYPE_STRING', 'Must be a string.');
      if (v.length > limit)
        return formError(`embeds.${i}.${field}`, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
      total += v.length;
      shown.push(v);
    }
    if (Array.isArray(e.fields)) {
      if (e.fields.length > 25)
        return formError(`embeds.${i}.fields`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      for (const f of e.fields as unknown[])
        if (isObject(f)) total += String(f.name ?? '').length + String(f.value ?? '').length;
    }
    if (isObject(e.footer)) total += String(e.footer.text ?? '').length;
    if (isObject(e.author)) total += String(e.author.name ?? '').length;
  }
  if (total > DISCORD.total)
    return formError('embeds', 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${DISCORD.total}`);
  if (content === '' && embeds.length === 0)
    return refuse(json(400, { message: 'Cannot send an empty message', code: 50006 }));
  const parts = shown.filter(Boolean).map(discordVisible);
  return {
    accept: {
      visible: parts.map((p) => p.visible).join('\n'),
      links: parts.flatMap((p) => p.links),
      pings: discordPings(content, body.allowed_mentions),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Feishu

export const feishuExpectedSign = (timestamp: string, secret: string): string =>
  createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');

const FEISHU_STYLES = new Set(['bold', 'italic', 'underline', 'lineThrough']);

function feishuHandle(body: Record<string, unknown>, rawBody: string, options: ChatStandInOptions): Outcome {
  const fail = (code: number, msg: string, status = 200) => refuse(json(status, { code, msg, data: {} }));
  if (Buffer.byteLength(rawBody, 'utf8') > FEISHU.bodyBytes)
    return fail(9499, `Bad Request: the request body exceeds ${FEISHU.bodyBytes / 1000} KB`, 400);
  const secret = options.feishuSecret ?? null;
  if (secret) {
    const ts = typeof body.timestamp === 'number' ? String(body.timestamp) : body.timestamp;
    const now = (options.now?.() ?? new Date()).getTime() / 1000;
    if (
      typeof ts !== 'string' ||
      !/^\d+$/.test(ts) ||
      Math.abs(now - Number(ts)) > 3600 ||
      body.sign !== feishuExpectedSign(ts, secret)
    )
      return fail(19021, 'sign match fail or timestamp is not within one hour from current time');
  }
  const links: string[] = [];
  const pings: string[] = [];
  const lines: string[] = [];
  const content = body.content;
  if (body.msg_type === 'text') {
    if (!isObject(content) || typeof content.text !== 'string' || content.text === '')
      return fail(9499, 'Bad Request', 400);
    for (const m of content.text.matchAll(/<at user_id="([^"]*)">/g))
      pings.push(m[1] === 'all' ? '@all' : `user:${m[1]}`);
    lines.push(content.text);
  } else if (body.msg_type === 'post') {
    const post = isObject(content) && isObject(content.post) ? content.post : null;
    const langs = post ? Object.values(post) : [];
    if (!post || langs.length === 0) return fail(9499, 'Bad Request', 400);
    for (const lang of langs) {
      if (!isObject(lang) || !Array.isArray(lang.content)) return fail(9499, 'Bad Request', 400);
      if (lang.title !== undefined && typeof lang.title !== 'string') return fail(9499, 'Bad Request', 400);
      if (lang.title) lines.push(lang.title);
      for (const row of lang.content as unknown[]) {
        if (!Array.isArray(row)) return fail(9499, 'Bad Request', 400);
        let line = '';
        for (const el of row as unknown[]) {
          if (!isObject(el)) return fail(9499, 'Bad Request', 400);
          const style = el.style;
          if (style !== undefined && (!Array.isArray(style) || style.some((s) => !FEISHU_STYLES.has(String(s)))))
            return fail(9499, 'Bad Request', 400);
          if (el.tag === 'text' && typeof el.text === 'string') line += el.text;
          else if (el.tag === 'a' && typeof el.text === 'string' && typeof el.href === 'string') {
            if (!/^https?:\/\//.test(el.href)) return fail(9499, 'Bad Request', 400);
            line += el.text;
            links.push(el.href);
          } else if (el.tag === 'at' && typeof el.user_id === 'string') {
            pings.push(el.user_id === 'all' ? '@all' : `user:${el.user_id}`);
            line += `@${el.user_name ?? el.user_id}`;
          } else return fail(9499, 'Bad Request', 400);
        }
        lines.push(line);
      }
    }
  } else if (body.msg_type === 'interactive') {
    if (!isObject(body.card)) return fail(9499, 'Bad Request', 400);
    lines.push(JSON.stringify(body.card));
  } else return fail(9499, 'Bad Request', 400);
  return { accept: { visible: lines.join('\n'), links, pings } };
}

// ---------------------------------------------------------------------------------------------
// Telegram

const TELEGRAM_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'span',
  'tg-spoiler',
  'tg-emoji',
  'blockquote',
]);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeEntity(entity: string): string | null {
  if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
  if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
  return NAMED[entity] ?? null;
}

/**
 * Telegram's HTML parse mode: only its tags, properly nested, entities `&lt; &gt; &amp; &quot;`
 * and numeric ones. Returns the text a reader sees, or the "can't parse entities" reason.
 */
export function telegramParse(
  html: string,
): { ok: true; visible: string; links: string[]; pings: string[] } | { ok: false; error: string } {
  const offset = (i: number) => Buffer.byteLength(html.slice(0, i), 'utf8');
  const stack: string[] = [];
  const links: string[] = [];
  const pings: string[] = [];
  let out = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const m = /^<(\/?)([a-zA-Z][\w-]*)((?:\s+[a-zA-Z_-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*>/.exec(
        html.slice(i),
      );
      if (!m) return { ok: false, error: `Unexpected character "<" at byte offset ${offset(i)}` };
      const name = m[2]!.toLowerCase();
      if (!TELEGRAM_TAGS.has(name))
        return { ok: false, error: `Unsupported ${m[1] ? 'end' : 'start'} tag "${name}" at byte offset ${offset(i)}` };
      if (m[1]) {
        const open = stack.pop();
        if (open !== name)
          return {
            ok: false,
            error: `Unmatched end tag at byte offset ${offset(i)}, expected "</${open ?? ''}>", found "</${name}>"`,
          };
      } else {
        stack.push(name);
        if (name === 'a') {
          const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/.exec(m[3] ?? '');
          const raw = href?.[1] ?? href?.[2] ?? href?.[3] ?? '';
          const target = raw.replace(/&(#x?[0-9a-fA-F]+|lt|gt|amp|quot);/g, (e, n: string) => decodeEntity(n) ?? e);
          links.push(target);
          const user = /^tg:\/\/user\?id=(\d+)$/.exec(target);
          if (user) pings.push(`user:${user[1]}`);
        }
      }
      i += m[0].length;
    } else if (c === '&') {
      const m = /^&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/.exec(html.slice(i));
      const decoded = m ? decodeEntity(m[1]!) : null;
      if (m && decoded === null)
        return { ok: false, error: `Unsupported HTML entity "&${m[1]};" at byte offset ${offset(i)}` };
      out += decoded ?? '&';
      i += m ? m[0].length : 1;
    } else {
      out += c;
      i++;
    }
  }
  if (stack.length) return { ok: false, error: `Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { ok: true, visible: out, links, pings };
}

function telegramHandle(method: string, body: Record<string, unknown>, options: ChatStandInOptions): Outcome {
  const err = (status: number, description: string, extra: Record<string, unknown> = {}) =>
    refuse(json(status, { ok: false, error_code: status, description, ...extra }));
  if (method !== 'sendMessage') return err(404, 'Not Found');
  const chat = typeof body.chat_id === 'number' ? String(body.chat_id) : body.chat_id;
  if (typeof chat !== 'string' || chat === '') return err(400, 'Bad Request: chat_id is empty');
  if (!(options.telegramChats ?? ['12345']).includes(chat)) return err(400, 'Bad Request: chat not found');
  if (typeof body.text !== 'string' || body.text.trim() === '') return err(400, 'Bad Request: message text is empty');
  let visible = body.text;
  let links: string[] = [];
  let pings: string[] = [];
  if (body.parse_mode === 'HTML') {
    const parsed = telegramParse(body.text);
    if (!parsed.ok) return err(400, `Bad Request: can't parse entities: ${parsed.error}`);
    ({ visible, links, pings } = parsed);
  } else if (body.parse_mode !== undefined) return err(400, 'Bad Request: unsupported parse_mode in the stand-in');
  // Telegram counts the text after parsing, in UTF-16 code units.
  if (visible.length > TELEGRAM.text) return err(400, 'Bad Request: message is too long');
  return { accept: { visible, links, pings } };
}

// ---------------------------------------------------------------------------------------------
// Faults

function faultReply(platform: Platform, fault: ChatFault): Reply {
  const retry = fault.type === '429' ? (fault.retryAfter ?? 1) : 1;
  switch (fault.type) {
    case '429':
      if (platform === 'slack') return text(429, 'rate_limited', { 'retry-after': String(Math.ceil(retry)) });
      if (platform === 'discord')
        return json(
          429,
          { message: 'You are being rate limited.', retry_after: retry, global: false },
          { 'retry-after': String(Math.ceil(retry)) },
        );
      if (platform === 'feishu')
        return json(200, {
          code: 11232,
          msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[-1]',
          data: {},
        });
      return json(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retry}`,
        parameters: { retry_after: retry },
      });
    case '400': {
      if (fault.body !== undefined)
        return typeof fault.body === 'string' ? text(400, fault.body) : json(400, fault.body);
      if (platform === 'slack') return text(400, 'invalid_payload');
      if (platform === 'discord') return json(400, { message: 'Cannot send an empty message', code: 50006 });
      if (platform === 'feishu') return json(400, { code: 9499, msg: 'Bad Request', data: {} });
      return json(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    }
    case 'auth':
      if (platform === 'slack') return text(403, 'invalid_token');
      if (platform === 'discord') return json(401, { message: 'Invalid Webhook Token', code: 50027 });
      if (platform === 'feishu')
        return json(200, {
          code: 19021,
          msg: 'sign match fail or timestamp is not within one hour from current time',
          data: {},
        });
      return json(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    case '404':
      if (platform === 'slack') return text(404, 'no_service');
      if (platform === 'discord') return json(404, { message: 'Unknown Webhook', code: 10015 });
      if (platform === 'feishu')
        return json(200, { code: 19001, msg: 'param invalid: incoming webhook access token invalid', data: {} });
      return json(404, { ok: false, error_code: 404, description: 'Not Found' });
    case '500':
      if (platform === 'slack') return text(500, 'rollup_error');
      if (platform === 'discord') return json(500, { message: '500: Internal Server Error', code: 0 });
      if (platform === 'feishu') return text(500, 'Internal Server Error');
      return json(500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    case 'hang':
      throw new Error('hang is answered by never answering');
  }
}

// ---------------------------------------------------------------------------------------------
// The server

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const ROUTES: { platform: Platform; re: RegExp }[] = [
  { platform: 'slack', re: /^\/slack\/services\/[^/]+\/[^/]+\/[^/]+$/ },
  { platform: 'discord', re: /^\/discord\/api\/webhooks\/\d+\/[^/]+$/ },
  { platform: 'feishu', re: /^\/feishu\/open-apis\/bot\/v2\/hook\/[^/]+$/ },
  { platform: 'telegram', re: /^\/bot[^/]+\/[A-Za-z]+$/ },
];

export async function startChatStandIn(initial: ChatStandInOptions = {}): Promise<ChatStandIn> {
  let options: ChatStandInOptions = { telegramToken: '123456789:AAH-standin_token-0123456789abcdef', ...initial };
  const received: ReceivedPost[] = [];
  const requests: ChatRequest[] = [];
  const faults = new Map<Platform, { fault: ChatFault; times: number }[]>();
  const hanging = new Set<ServerResponse>();

  const takeFault = (p: Platform): ChatFault | null => {
    const queue = faults.get(p);
    const head = queue?.[0];
    if (!queue || !head) return null;
    if (--head.times <= 0) queue.shift();
    return head.fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const rawBody = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const entry: ChatRequest = {
      n: requests.length + 1,
      platform: null,
      method: req.method ?? '',
      path,
      rawBody,
      status: null,
      fault: null,
      error: null,
    };
    requests.push(entry);
    const send = (r: Reply) => {
      entry.status = r.status;
      if (r.status >= 300 || /"code":[1-9]/.test(r.body)) entry.error = r.body;
      res.writeHead(r.status, r.headers);
      res.end(r.status === 204 ? undefined : r.body);
    };
    const route = ROUTES.find((r) => r.re.test(path));
    if (!route) return send(text(404, 'no such path on the chat stand-in'));
    const platform = route.platform;
    entry.platform = platform;
    if (req.method !== 'POST') return send(text(405, 'method not allowed'));
    if (platform === 'telegram') {
      const token = /^\/bot([^/]+)\//.exec(path)?.[1];
      if (token !== options.telegramToken)
        return send(json(401, { ok: false, error_code: 401, description: 'Unauthorized' }));
    }
    const fault = takeFault(platform);
    if (fault) {
      entry.fault = fault.type;
      if (fault.type === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      return send(faultReply(platform, fault));
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = null;
    }
    if (!isObject(body) || !/application\/json/.test(req.headers['content-type'] ?? '')) {
      if (platform === 'slack') return send(text(400, 'invalid_payload'));
      if (platform === 'discord') return send(json(400, { message: 'Cannot send an empty message', code: 50006 }));
      if (platform === 'feishu') return send(json(400, { code: 9499, msg: 'Bad Request', data: {} }));
      return send(json(400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' }));
    }
    const outcome =
      platform === 'slack'
        ? slackHandle(body)
        : platform === 'discord'
          ? discordHandle(body)
          : platform === 'feishu'
            ? feishuHandle(body, rawBody, options)
            : telegramHandle(path.split('/').pop()!, body, options);
    if ('reply' in outcome) return send(outcome.reply);
    received.push({ n: entry.n, platform, path, body, rawBody, ...outcome.accept });
    if (platform === 'slack') return send(text(200, 'ok'));
    if (platform === 'discord') return send({ status: 204, body: '' });
    if (platform === 'feishu') return send(json(200, { code: 0, msg: 'success', data: {} }));
    return send(
      json(200, {
        ok: true,
        result: {
          message_id: received.length,
          chat: { id: Number(body.chat_id) || body.chat_id, type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text: outcome.accept.visible,
        },
      }),
    );
  };

  const server = await listenLoopback('chat stand-in', handle);
  const url = server.url;
  return {
    url,
    slackWebhookUrl: `${url}/slack/services/T0STANDIN/B0STANDIN/slackSecretPart0123456789`,
    discordWebhookUrl: `${url}/discord/api/webhooks/112233445566778899/discordSecretToken_0123456789-abcdef`,
    feishuWebhookUrl: `${url}/feishu/open-apis/bot/v2/hook/0f0e0d0c-feishu-secret-hook-0123456789ab`,
    telegramApiUrl: url,
    get telegramToken() {
      return options.telegramToken!;
    },
    telegramChatId: (options.telegramChats ?? ['12345'])[0]!,
    received,
    requests,
    receivedBy: (p) => received.filter((r) => r.platform === p),
    addFault(platform, fault, times = 1) {
      const queue = faults.get(platform) ?? [];
      queue.push({ fault, times });
      faults.set(platform, queue);
    },
    setOptions(o) {
      options = { ...options, ...o };
    },
    reset() {
      received.length = 0;
      requests.length = 0;
      faults.clear();
    },
    async close() {
      for (const res of hanging) res.destroy();
      await server.close();
    },
  };
}
