/**
 * Slack incoming webhook: the digest as Block Kit posts — a header, the day's categories, one
 * mrkdwn section per paper — split below Slack's limits (50 blocks per message, 3,000 characters
 * per section, 150 per header, 40,000 in all). Text is escaped as Slack asks (`&`, `<`, `>`
 * only), so a hostile title cannot form a link or a `<!channel>` mention.
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
import { type FetchFn, shortText, type SleepFn, type Verdict, webhookChannel } from './webhook.js';

export interface SlackOptions {
  webhookUrl: string;
  fetch?: FetchFn;
  sleep?: SleepFn;
  timeoutMs?: number;
}

export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150, messageText: 40_000 } as const;

/** Slack's escaping: exactly these three characters. */
export const escapeSlack = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A URL inside `<url|label>`: `|`, `<`, `>` would end it, so they are percent-encoded. */
const slackUrl = (url: string): string => escapeSlack(url.replace(/[|<>]/g, (c) => encodeURIComponent(c)));
const link = (url: string, label: string): string => `<${slackUrl(url)}|${label}>`;

interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
}
export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] };

export interface SlackPost {
  /** The notification and fallback text. */
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

const mrkdwn = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

const SLACK_MARKUP: TextMarkup = {
  escape: escapeSlack,
  link,
  bold: (s) => `*${s}*`,
  italic: (s) => `_${s}_`,
  authors: (s) => s,
  warning: ':warning:',
};

export function renderSlackPost(plan: DigestPlan, items: readonly DigestItem[], info: PartInfo): SlackPost {
  const l = plan.labels;
  const title = `${plan.title}${partLabel(info)}`;
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: fit(title, 150) } }];
  const overview = [fit(plan.overview, 2000, escapeSlack), plan.url ? link(plan.url, escapeSlack(l.fullDigest)) : '']
    .filter(Boolean)
    .join(' · ');
  // Slack refuses an empty text object, so a day without papers has no context line.
  if (info.index === 0 && overview) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: overview }] });
  for (const g of groupItems(items)) {
    const heading = g.picks ? l.forYou : g.category !== null ? l.category(g.category, g.count) : null;
    if (heading !== null)
      blocks.push(mrkdwn(`*${escapeSlack(heading)}*${g.continued ? ` ${escapeSlack(l.continued)}` : ''}`));
    for (const item of g.items) {
      if (item.kind === 'paper') blocks.push(mrkdwn(textEntry(item.paper, plan.labels, SLACK_MARKUP)));
      else if (item.kind === 'pick') blocks.push(mrkdwn(textPick(item.pick, SLACK_MARKUP)));
      else {
        const head = escapeSlack(plan.moreLine ?? '');
        const links = plan.rest.map((r) => link(r.url, escapeSlack(r.label)));
        blocks.push(mrkdwn(`${head} ${joinWithin(links, ' · ', SLACK_LIMITS.sectionText - head.length - 1)}`));
      }
    }
  }
  return { text: escapeSlack(title), blocks, unfurl_links: false, unfurl_media: false };
}

/** Why a post is over Slack's limits, or null. */
export function slackProblem(post: SlackPost): string | null {
  if (post.blocks.length > SLACK_LIMITS.blocks) return `${post.blocks.length} blocks (limit ${SLACK_LIMITS.blocks})`;
  let total = post.text.length;
  for (const b of post.blocks) {
    const texts = b.type === 'context' ? b.elements : [b.text];
    const limit = b.type === 'header' ? SLACK_LIMITS.headerText : SLACK_LIMITS.sectionText;
    for (const t of texts) {
      if (t.text.length > limit) return `a ${b.type} block of ${t.text.length} characters (limit ${limit})`;
      total += t.text.length;
    }
  }
  return total > SLACK_LIMITS.messageText ? `${total} characters (limit ${SLACK_LIMITS.messageText})` : null;
}

export function renderSlack(message: DigestMessage): SlackPost[] {
  const plan = planDigest(message);
  return packParts('slack', digestItems(plan), (items, info) => renderSlackPost(plan, items, info), slackProblem);
}

const SLACK_HINTS: Record<string, string> = {
  no_service: 'the webhook was removed or the URL is wrong',
  invalid_token: 'the webhook URL is wrong',
  channel_is_archived: 'the channel is archived',
  channel_not_found: 'the channel was deleted',
  action_prohibited: 'a workspace admin restricted posting',
  posting_to_general_channel_denied: 'only admins may post to that channel',
};

/** Slack answers `ok` with 200, else a short error code as plain text. */
function interpretSlack(status: number, _headers: Headers, text: string): Verdict {
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const code = shortText(text) || '(no text)';
  const reason = `Slack answered HTTP ${status} ${code}`;
  if (status === 429) return { kind: 'retry', afterMs: null, reason: `rate limited (${reason})` };
  if (status >= 500) return { kind: 'retry', afterMs: null, reason };
  const hint = SLACK_HINTS[code];
  return { kind: 'fail', reason: hint ? `${reason}: ${hint}` : reason };
}

export function createSlackChannel(options: SlackOptions): Channel {
  // Slack allows about one message per second per webhook, with short bursts.
  return webhookChannel('slack', options, { render: renderSlack, intervalMs: 1000, interpret: interpretSlack });
}
