/**
 * Feishu/Lark custom bot webhook: the digest as `post` rich-text messages (a title, then
 * paragraphs of `text` and `a` elements). Post elements are data, not markup — nothing in a
 * paper's text can become a link, an @all or a format — so no escaping is needed. Feishu refuses
 * request bodies over 20 KB (its documentation; the brief's ~30 KB is the card limit), measured
 * here in UTF-8 bytes of the JSON sent, signature included. With a signing secret each request
 * carries `timestamp` (seconds) and `sign` = Base64(HMAC-SHA256(key = "timestamp\nsecret", "")).
 */
import { createHmac } from 'node:crypto';
import {
  ENTRY_BUDGET,
  fit,
  planDigest,
  type DigestPlan,
  type Locale,
  type PaperItem,
  type PickItem,
} from './digest-content.js';
import { digestItems, groupItems, packParts, partLabel, type DigestItem, type PartInfo } from './split.js';
import type { Channel, DigestMessage } from './types.js';
import { type FetchFn, jsonObject, shortText, type SleepFn, type Verdict, webhookChannel } from './webhook.js';

export interface FeishuOptions {
  webhookUrl: string;
  /** The bot's signing secret ("签名校验"), when signing is turned on. */
  secret?: string | null;
  fetch?: FetchFn;
  sleep?: SleepFn;
  /** The clock the signature's timestamp comes from. */
  now?: () => Date;
  timeoutMs?: number;
}

export const FEISHU_LIMITS = { bodyBytes: 20_000 } as const;

export type FeishuElement =
  { tag: 'text'; text: string; style?: ('bold' | 'italic')[] } | { tag: 'a'; text: string; href: string };

export interface FeishuPost {
  msg_type: 'post';
  content: { post: Partial<Record<'zh_cn' | 'en_us' | 'ja_jp', { title: string; content: FeishuElement[][] }>> };
  timestamp?: string;
  sign?: string;
}

/** Feishu's keys of a post's language (it knows these three); others are posted as English. */
const LOCALE_KEY: Record<Locale, 'zh_cn' | 'en_us' | 'ja_jp'> = { zh: 'zh_cn', en: 'en_us', ja: 'ja_jp' };

/** Feishu's signature: the HMAC key is "timestamp\nsecret" and the signed data is empty. */
export function feishuSign(timestamp: string, secret: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

const text = (t: string, style?: ('bold' | 'italic')[]): FeishuElement => ({
  tag: 'text',
  text: t,
  ...(style ? { style } : {}),
});

function entry(p: PaperItem, plan: DigestPlan): FeishuElement[][] {
  const l = plan.labels;
  const rows: FeishuElement[][] = [[{ tag: 'a', text: fit(p.title, ENTRY_BUDGET.title), href: p.absUrl }]];
  if (p.authors) rows.push([text(fit(p.authors, ENTRY_BUDGET.authors))]);
  if (p.tldr !== null) rows.push([text(`${l.tldr} `, ['bold']), text(fit(p.tldr, ENTRY_BUDGET.tldr))]);
  else if (p.status) rows.push([text(fit(p.status, ENTRY_BUDGET.status), ['italic'])]);
  for (const n of p.notes.slice(0, ENTRY_BUDGET.notes)) rows.push([text(`⚠ ${fit(n, ENTRY_BUDGET.note)}`)]);
  const links: FeishuElement[] = [
    { tag: 'a', text: l.abs, href: p.absUrl },
    text(' · '),
    { tag: 'a', text: l.pdf, href: p.pdfUrl },
  ];
  if (p.codeUrl) links.push(text(' · '), { tag: 'a', text: l.code, href: p.codeUrl });
  rows.push(links);
  return rows;
}

/** One pick of a ranked day: the title linked and its score, then the reason. */
function pickEntry(p: PickItem): FeishuElement[][] {
  const rows: FeishuElement[][] = [
    [{ tag: 'a', text: fit(p.title, ENTRY_BUDGET.title), href: p.absUrl }, text(` · ${p.score}`)],
  ];
  if (p.reason) rows.push([text(fit(p.reason, ENTRY_BUDGET.reason), ['italic'])]);
  return rows;
}

/** Stands in for the real signature while packing, so the size check counts its bytes. */
const SIGN_PLACEHOLDER = { timestamp: '0000000000', sign: 'x'.repeat(44) };

export function renderFeishuPost(
  plan: DigestPlan,
  items: readonly DigestItem[],
  info: PartInfo,
  signed: boolean,
): FeishuPost {
  const l = plan.labels;
  const rows: FeishuElement[][] = [];
  if (info.index === 0) {
    if (plan.overview) rows.push([text(fit(plan.overview, 2000))]);
    if (plan.url) rows.push([{ tag: 'a', text: l.fullDigest, href: plan.url }]);
  }
  for (const g of groupItems(items)) {
    rows.push([text('')]);
    const heading = g.picks ? l.forYou : g.category !== null ? l.category(g.category, g.count) : null;
    if (heading !== null) rows.push([text(`${heading}${g.continued ? ` ${l.continued}` : ''}`, ['bold'])]);
    g.items.forEach((item, i) => {
      if (i > 0) rows.push([text('')]);
      if (item.kind === 'paper') rows.push(...entry(item.paper, plan));
      else if (item.kind === 'pick') rows.push(...pickEntry(item.pick));
      else {
        const line: FeishuElement[] = [text(`${plan.moreLine ?? ''} `)];
        // At most 60 links (~7 KB), so the cap line always fits in a post beside the overview.
        plan.rest.slice(0, 60).forEach((r, j) => {
          if (j > 0) line.push(text(' · '));
          line.push({ tag: 'a', text: r.label, href: r.url });
        });
        rows.push(line);
      }
    });
  }
  return {
    msg_type: 'post',
    content: {
      post: { [LOCALE_KEY[plan.locale] ?? 'en_us']: { title: `${plan.title}${partLabel(info)}`, content: rows } },
    },
    ...(signed ? SIGN_PLACEHOLDER : {}),
  };
}

export const feishuBytes = (post: FeishuPost): number => Buffer.byteLength(JSON.stringify(post), 'utf8');

export function feishuProblem(post: FeishuPost): string | null {
  const bytes = feishuBytes(post);
  return bytes > FEISHU_LIMITS.bodyBytes ? `${bytes} bytes of JSON (limit ${FEISHU_LIMITS.bodyBytes})` : null;
}

export function renderFeishu(message: DigestMessage, signed = false): FeishuPost[] {
  const plan = planDigest(message);
  return packParts(
    'feishu',
    digestItems(plan),
    (items, info) => renderFeishuPost(plan, items, info, signed),
    feishuProblem,
  );
}

const FEISHU_HINTS: Record<number, string> = {
  19021: 'check the signing secret and this machine’s clock',
  19022: 'this machine’s IP address is not on the bot’s allow list',
  19024: 'the message lacks the bot’s custom keyword',
  9499: 'the request was malformed',
};

/** Feishu answers JSON `{code, msg}` (older bots `{StatusCode, StatusMessage}`); 0 is success. */
function interpretFeishu(status: number, _headers: Headers, body: string): Verdict {
  const json = jsonObject(body);
  const code =
    typeof json?.code === 'number' ? json.code : typeof json?.StatusCode === 'number' ? json.StatusCode : null;
  const msg =
    typeof json?.msg === 'string'
      ? json.msg
      : typeof json?.StatusMessage === 'string'
        ? json.StatusMessage
        : shortText(body) || '(no text)';
  if (status >= 200 && status < 300 && code === 0) return { kind: 'ok' };
  const reason = `Feishu answered ${code !== null ? `code ${code}` : `HTTP ${status}`}: ${msg}`;
  // 11232: "frequency limited" — 100 messages a minute and 5 a second per bot.
  if (status === 429 || code === 11232) return { kind: 'retry', afterMs: null, reason: `rate limited (${reason})` };
  if (status >= 500) return { kind: 'retry', afterMs: null, reason };
  const hint = code !== null ? FEISHU_HINTS[code] : undefined;
  return { kind: 'fail', reason: hint ? `${reason} (${hint})` : reason };
}

export function createFeishuChannel(options: FeishuOptions): Channel {
  const now = options.now ?? (() => new Date());
  const secret = options.secret || null;
  return webhookChannel('feishu', options, {
    render: (message) => renderFeishu(message, secret !== null),
    // 5 messages a second per bot at most.
    intervalMs: 250,
    interpret: interpretFeishu,
    // Signed at sending time: Feishu refuses a timestamp more than an hour off.
    prepare: (post) => {
      if (!secret) return post;
      const timestamp = String(Math.floor(now().getTime() / 1000));
      return { ...post, timestamp, sign: feishuSign(timestamp, secret) };
    },
    secrets: secret ? [secret] : [],
  });
}
