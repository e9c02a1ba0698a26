/**
 * Discord webhook: each post has a short `content` line (the digest's title) and up to 10 embeds,
 * one per category run, whose descriptions list the papers with masked links. Split below
 * Discord's limits: content 2,000 characters; 10 embeds; title 256, description 4,096; 6,000
 * characters over all embeds of a message (packed to 5,400, see DISCORD_LIMITS). Markdown characters in data are backslash-escaped
 * and `allowed_mentions: {parse: []}` turns off every ping, so an `@everyone` in a paper's text
 * notifies no one.
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
  type FetchFn,
  jsonObject,
  retryAfterMs,
  shortText,
  type SleepFn,
  type Verdict,
  webhookChannel,
} from './webhook.js';

export interface DiscordOptions {
  webhookUrl: string;
  fetch?: FetchFn;
  sleep?: SleepFn;
  timeoutMs?: number;
}

/**
 * Discord's published limits, the 6,000 over all embeds kept with a margin of 600: Discord counts
 * characters in its own way (code points, after its own trimming and with text it adds), so
 * packing to the last unit of our count (5,993 of 6,000 was seen) leaves a post one mismeasure
 * away from a 400.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  embedTotal: 6000,
  embedBudget: 5400,
} as const;

/**
 * Backslash before every character Discord's Markdown gives a meaning (emphasis, code, spoilers,
 * links, headings, lists, quotes, mentions, timestamps). Discord shows `\x` as `x` for any
 * punctuation, so escaping more than needed is harmless.
 */
export const escapeDiscord = (s: string): string => s.replace(/[\\*_~`|[\]()<>#@-]/g, '\\$&');

/** A URL inside `[label](url)`: parentheses and spaces would end it. */
const discordUrl = (url: string): string =>
  url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const link = (url: string, label: string): string => `[${label}](${discordUrl(url)})`;

export interface DiscordEmbed {
  title?: string;
  description: string;
  color: number;
}

export interface DiscordPost {
  content: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: never[] };
}

/** arXiv's red. */
const COLOR = 0xb31b1b;

const DISCORD_MARKUP: TextMarkup = {
  escape: escapeDiscord,
  link,
  bold: (s) => `**${s}**`,
  italic: (s) => `*${s}*`,
  authors: (s) => s,
  warning: '⚠',
};

export function renderDiscordPost(plan: DigestPlan, items: readonly DigestItem[], info: PartInfo): DiscordPost {
  const l = plan.labels;
  let content = `**${escapeDiscord(plan.title)}**${partLabel(info)}`;
  if (info.index === 0) {
    if (plan.overview) content += `\n${fit(plan.overview, 1200, escapeDiscord)}`;
    // <url> keeps Discord from adding a preview of the page.
    if (plan.url) content += `\n${escapeDiscord(l.fullDigest)}: <${discordUrl(plan.url)}>`;
  }
  const embeds: DiscordEmbed[] = [];
  for (const g of groupItems(items)) {
    const texts = g.items.map((item) =>
      item.kind === 'paper'
        ? textEntry(item.paper, plan.labels, DISCORD_MARKUP)
        : item.kind === 'pick'
          ? textPick(item.pick, DISCORD_MARKUP)
          : `${escapeDiscord(plan.moreLine ?? '')}\n${joinWithin(
              plan.rest.map((r) => link(r.url, escapeDiscord(r.label))),
              ' · ',
              DISCORD_LIMITS.description - 400,
            )}`,
    );
    const heading = g.picks ? l.forYou : g.category !== null ? l.category(g.category, g.count) : null;
    const title =
      heading === null ? undefined : fit(`${heading}${g.continued ? ` ${l.continued}` : ''}`, DISCORD_LIMITS.title);
    // A category run longer than one description continues in the next embed, without a title.
    let current: DiscordEmbed = { ...(title ? { title } : {}), description: '', color: COLOR };
    for (const t of texts) {
      const next = current.description ? `${current.description}\n\n${t}` : t;
      if (next.length > DISCORD_LIMITS.description && current.description) {
        embeds.push(current);
        current = { description: t, color: COLOR };
      } else current.description = next;
    }
    embeds.push(current);
  }
  return { content, embeds, allowed_mentions: { parse: [] } };
}

export function discordProblem(post: DiscordPost): string | null {
  const L = DISCORD_LIMITS;
  if (post.content.length > L.content) return `content of ${post.content.length} characters (limit ${L.content})`;
  if (post.embeds.length > L.embeds) return `${post.embeds.length} embeds (limit ${L.embeds})`;
  let total = 0;
  for (const e of post.embeds) {
    if ((e.title?.length ?? 0) > L.title) return `an embed title of ${e.title?.length} characters (limit ${L.title})`;
    if (e.description.length > L.description)
      return `an embed description of ${e.description.length} characters (limit ${L.description})`;
    total += (e.title?.length ?? 0) + e.description.length;
  }
  return total > L.embedBudget
    ? `${total} characters in embeds (limit ${L.embedTotal}, kept to ${L.embedBudget})`
    : null;
}

export function renderDiscord(message: DigestMessage): DiscordPost[] {
  const plan = planDigest(message);
  return packParts('discord', digestItems(plan), (items, info) => renderDiscordPost(plan, items, info), discordProblem);
}

/** The first field error of a 50035 "Invalid Form Body": `embeds.0.description: Must be 4096 or fewer in length.` */
function firstFieldError(errors: unknown, path: string[] = []): string | null {
  if (typeof errors !== 'object' || errors === null) return null;
  const list = (errors as { _errors?: unknown })._errors;
  if (Array.isArray(list)) {
    const first = list[0] as { message?: unknown } | undefined;
    if (typeof first?.message === 'string') return `${path.join('.')}: ${first.message}`;
  }
  for (const [k, v] of Object.entries(errors)) {
    if (k === '_errors') continue;
    const found = firstFieldError(v, [...path, k]);
    if (found) return found;
  }
  return null;
}

/** Discord answers 204 (or 200 with `?wait=true`); errors are JSON `{message, code, errors?}`. */
function interpretDiscord(status: number, headers: Headers, text: string): Verdict {
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const body = jsonObject(text);
  const msg = typeof body?.message === 'string' ? body.message : shortText(text) || '(no text)';
  const code = typeof body?.code === 'number' ? ` (code ${body.code})` : '';
  const field = firstFieldError(body?.errors);
  const reason = `Discord answered HTTP ${status}: ${msg}${code}${field ? ` — ${field}` : ''}`;
  if (status === 429) {
    // The body's retry_after is in seconds with a fraction; the header is rounded up.
    const after = typeof body?.retry_after === 'number' ? Math.ceil(body.retry_after * 1000) : null;
    return {
      kind: 'retry',
      afterMs: after ?? retryAfterMs(headers.get('retry-after')),
      reason: `rate limited (${reason})`,
    };
  }
  if (status >= 500) return { kind: 'retry', afterMs: null, reason };
  const hint =
    body?.code === 10015 ? ': the webhook was deleted or the URL is wrong' : status === 401 ? ': the URL is wrong' : '';
  return { kind: 'fail', reason: reason + hint };
}

export function createDiscordChannel(options: DiscordOptions): Channel {
  // A webhook may post about 5 messages per 2 seconds; a steady pace avoids most 429s.
  return webhookChannel('discord', options, { render: renderDiscord, intervalMs: 500, interpret: interpretDiscord });
}
