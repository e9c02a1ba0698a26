/**
 * The contract every delivery channel keeps, run for each one against a loopback stand-in of its
 * service (the chat stand-in for Slack, Discord, Feishu and Telegram; a real smtp-server with
 * AUTH PLAIN for e-mail): every paper up to the cap arrives, in order, with the cap line and a
 * link to the rest; no post is over the platform's limits and split posts are numbered; hostile
 * text arrives as text and pings no one; a paper without a summary shows its status; and a
 * refusal is a one-line DeliveryError with the service's reason and no secret. Then what is
 * particular to each channel: MIME parts and the encoded subject, SMTP errors, Feishu's
 * signature, Telegram's HTML, rate limits and retries, and the pure pieces (shortening, packing).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redactSecrets } from '../core/secrets.js';
import type { CodeLink, Paper, StoredSummary } from '../core/types.js';
import { listenLoopback } from '../../test/support/loopback.js';
import { buildDayView, withRanking, type DayView, type PaperRank } from '../core/day-view.js';
import type { DayRow } from '../store/store.js';
import {
  DISCORD,
  FEISHU,
  SLACK,
  TELEGRAM,
  feishuExpectedSign,
  startChatStandIn,
  type ChatStandIn,
  type Platform,
  type ReceivedPost,
} from '../../test/support/chat-standins.js';
import {
  createDiscordChannel,
  createFeishuChannel,
  createSlackChannel,
  createTelegramChannel,
  renderDiscord,
  renderSlack,
  renderTelegram,
} from './chat.js';
import { choosePapers, fit, hasLoneSurrogate, localeOf, planDigest, safeUrl } from './digest-content.js';
import { esc as escapeHtml } from '../ui/html.js';
import { createEmailChannel, EMAIL_HTML_MAX_BYTES, htmlBytes, renderEmail, transferEncoding } from './email.js';
import { digestItems, packParts } from './split.js';
import { escapeTelegram } from './telegram.js';
import { DeliveryError, type Channel, type DigestMessage } from './types.js';
import { retryAfterMs } from './webhook.js';

// ---------------------------------------------------------------------------------------------
// A day of 120 papers, with everything that can go wrong in one

const DATE = '2026-09-23';
const HOSTILE = '<img src=x onerror=alert(1)>';
const MENTIONS = '@everyone @here <!channel> <@123456789>';
const SITE = `https://digest.example.org/days/${DATE}.html`;
const CATS = [
  ['cs.CV', 50],
  ['cs.CL', 40],
  ['cs.LG', 30],
] as const;

const idOf = (n: number) => `2609.${String(10000 + n)}`;
const HUGE_TITLE = `${'😀'.repeat(200)} & ${'<&>'.repeat(150)} 𝔘𝔫𝔦𝔠𝔬𝔡𝔢`;
const HUGE_TLDR = `${'Δx &amp; 🚀 '.repeat(500)}end`;

/** Index (0-based) of the special papers. */
const SPECIAL = { hostile: 0, failed: 3, pending: 5, huge: 7, manyAuthors: 9, flagged: 11, code: 13 } as const;

function paperOf(i: number, category: string): Paper {
  const id = idOf(i);
  return {
    id,
    version: 1,
    title:
      i === SPECIAL.hostile
        ? HOSTILE
        : i === SPECIAL.huge
          ? HUGE_TITLE
          : `Paper ${i + 1} on ${category}: learning\nwith line breaks`,
    authors:
      i === SPECIAL.manyAuthors
        ? Array.from({ length: 200 }, (_, k) => `Author ${k + 1}`)
        : ['Zoë Ünicode', 'B. "Quote" O\'Neil', 'C & D <Lab>'],
    abstract: i === SPECIAL.hostile ? `We ${MENTIONS} study things.` : `Abstract of paper ${i + 1}.`,
    categories: [category],
    comment: null,
    journalRef: null,
    doi: null,
    published: null,
    updated: null,
  };
}

function summaryOf(i: number, language: string): StoredSummary | null {
  if (i === SPECIAL.pending) return null;
  const base = {
    paperId: idOf(i),
    version: 1,
    language,
    summarizer: 'openai:test',
    promptVersion: 'v1',
    createdAt: '2026-09-23T00:00:00Z',
    updatedAt: '2026-09-23T00:00:00Z',
  };
  if (i === SPECIAL.failed)
    return { ...base, status: 'failed', fields: null, error: 'the model refused to answer', flags: [] };
  const tldr =
    i === SPECIAL.hostile
      ? `TL ${HOSTILE} ${MENTIONS} & *bold* _it_ [x](https://evil.example) ||spoiler||`
      : i === SPECIAL.huge
        ? HUGE_TLDR
        : `Paper ${i + 1} shows that a careful method improves results on several benchmarks, ` +
          'with ablations that explain where the gains come from and what they cost in compute and data.';
  return {
    ...base,
    status: 'ok',
    fields: { tldr, motivation: 'M', method: 'Me', result: 'R', conclusion: 'C' },
    flags: i === SPECIAL.flagged ? ['unsupported-number'] : [],
  };
}

function dayOf(language: string): DayView {
  const rows: DayRow[] = [];
  let i = 0;
  for (const [cat, n] of CATS)
    for (let k = 0; k < n; k++, i++)
      rows.push({ paper: paperOf(i, cat), category: cat, kind: 'new', version: 1, position: i });
  const summaries = rows.map((_, j) => summaryOf(j, language)).filter((s): s is StoredSummary => s !== null);
  const codeLinks = new Map<string, CodeLink>([
    [idOf(SPECIAL.code), { paperId: idOf(SPECIAL.code), url: 'https://github.com/org/repo?tab=readme&x=(1)' }],
    [idOf(SPECIAL.hostile), { paperId: idOf(SPECIAL.hostile), url: 'javascript:alert(1)' }],
  ]);
  return buildDayView({
    date: DATE,
    language,
    rows,
    summaries,
    otherLanguages: new Map(),
    codeLinks,
    categoryOrder: CATS.map(([c]) => c),
    preferredSummarizer: 'openai:test',
  });
}

function digest(over: Partial<DigestMessage> = {}, language = 'English'): DigestMessage {
  const view = dayOf(language);
  return {
    date: view.date,
    language: view.language,
    categories: view.categories,
    papers: view.papers,
    url: SITE,
    maxPapers: 100,
    ...over,
  };
}

/** Picks of the ranked day, best first: paper 3, the hostile paper (hostile reason), paper 111 (past the cap of 100). */
const PICKS = [2, SPECIAL.hostile, 110] as const;
const HOSTILE_REASON = `keyword '${HOSTILE} ${MENTIONS}' in title; similar to "*x* [y](https://evil.example)" from your library`;

/** The day ranked for a reader: three picks, every other paper neutral or below. */
function rankedDigest(over: Partial<DigestMessage> = {}): DigestMessage {
  const ranks = new Map<string, PaperRank>();
  for (let i = 0; i < 120; i++) ranks.set(idOf(i), { score: i % 7 === 0 ? -0.2 : 0.1, reason: '' });
  ranks.set(idOf(2), { score: 0.8, reason: "keyword 'learning' in title; author Zoë Ünicode" });
  ranks.set(idOf(SPECIAL.hostile), { score: 0.6, reason: HOSTILE_REASON });
  ranks.set(idOf(110), { score: 0.5, reason: '' });
  const view = withRanking(dayOf('English'), ranks);
  return { ...digest(), papers: view.papers, forYou: view.forYou, ...over };
}

/**
 * A 302-paper Chinese day as the reference publishes them: cs.CV first with 150 papers, then cs.CL
 * 80 and cs.AI 72; real lengths (a 90-character title, six authors, a 120-character TL;DR).
 */
function bigDay(): DayView {
  const rows: DayRow[] = [];
  const summaries: StoredSummary[] = [];
  let i = 0;
  for (const [cat, n] of [
    ['cs.CV', 150],
    ['cs.CL', 80],
    ['cs.AI', 72],
  ] as const)
    for (let k = 0; k < n; k++, i++) {
      const id = `2607.${String(10000 + i)}`;
      const paper: Paper = {
        ...paperOf(i + 1000, cat),
        id,
        title: `${cat} paper ${k + 1}`.padEnd(90, ' of a long title about learning'),
        authors: ['Xinze Zhang', 'Wei Wang', 'Ludwig van Beethoven', 'Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
      };
      rows.push({ paper, category: cat, kind: 'new', version: 1, position: i });
      summaries.push({
        paperId: id,
        version: 1,
        language: 'Chinese',
        summarizer: 'openai:test',
        promptVersion: 'v2',
        createdAt: '2026-07-01T00:00:00Z',
        updatedAt: '2026-07-01T00:00:00Z',
        status: 'ok',
        fields: {
          tldr: '本文提出一种新方法，'.repeat(12),
          motivation: 'M',
          method: 'Me',
          result: 'R',
          conclusion: 'C',
        },
        flags: [],
      });
    }
  return buildDayView({
    date: '2026-07-01',
    language: 'Chinese',
    rows,
    summaries,
    otherLanguages: new Map(),
    codeLinks: new Map(),
    categoryOrder: ['cs.CV', 'cs.CL', 'cs.AI'],
    preferredSummarizer: 'openai:test',
  });
}

const digestOf = (view: DayView): DigestMessage => ({
  date: view.date,
  language: view.language,
  categories: view.categories,
  papers: view.papers,
  url: SITE,
  maxPapers: 50,
});

describe('choosePapers', () => {
  it('should share the cap fairly among categories, not send the first category whole', () => {
    const papers = bigDay().papers;
    // The first 50 in digest order would all be cs.CV.
    expect(new Set(papers.slice(0, 50).map((p) => p.primary))).toEqual(new Set(['cs.CV']));
    const chosen = choosePapers(papers, 50, false);
    const count = (cat: string) => chosen.filter((p) => p.primary === cat).length;
    expect([count('cs.CV'), count('cs.CL'), count('cs.AI')]).toEqual([17, 17, 16]);
    // Unranked: the first of each category, in digest order.
    expect(chosen.filter((p) => p.primary === 'cs.CL').map((p) => p.paper.id)).toEqual(
      papers
        .filter((p) => p.primary === 'cs.CL')
        .slice(0, 17)
        .map((p) => p.paper.id),
    );
  });

  it("should give a small category's unused share to the others, the remainder in the reader's order", () => {
    const papers = bigDay().papers;
    const few = [
      ...papers.filter((p) => p.primary !== 'cs.AI'),
      ...papers.filter((p) => p.primary === 'cs.AI').slice(0, 3),
    ];
    const chosen = choosePapers(few, 40, false);
    const count = (cat: string) => chosen.filter((p) => p.primary === cat).length;
    expect([count('cs.CV'), count('cs.CL'), count('cs.AI')]).toEqual([19, 18, 3]);
    expect(choosePapers(few, 0, false)).toEqual([]);
    expect(choosePapers(few, 1000, false)).toEqual(few);
  });

  it("should take each category's best papers by score on a ranked day, best first", () => {
    const view = bigDay();
    const ranks = new Map<string, PaperRank>(
      view.papers.map((p, i) => [p.paper.id, { score: ((i * 37) % 100) / 100, reason: '' }]),
    );
    const ranked = withRanking(view, ranks).papers;
    const chosen = choosePapers(ranked, 30, true);
    for (const cat of ['cs.CV', 'cs.CL', 'cs.AI']) {
      const mine = chosen.filter((p) => p.primary === cat).map((p) => p.rank!.score);
      const all = ranked
        .filter((p) => p.primary === cat)
        .map((p) => p.rank!.score)
        .sort((a, b) => b - a);
      expect(mine).toEqual(all.slice(0, 10));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// E-mail: a real SMTP server and a small MIME reader

const SMTP_USER = 'digest-bot';
const SMTP_PASS = 'correct horse battery staple';
const SMTP_SIZE = 5 * 1024 * 1024;

interface Mail {
  raw: string;
  headers: string;
  subject: string;
  parts: { type: string; charset: string; body: string }[];
}

/** `=?UTF-8?Q?…?=` / `?B?` encoded words, adjacent ones joined before decoding (bytes may span them). */
function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes: Buffer[] = [];
    for (const m of run.matchAll(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g)) {
      if (m[1]!.toUpperCase() === 'B') bytes.push(Buffer.from(m[2]!, 'base64'));
      else bytes.push(qpBytes(m[2]!.replace(/_/g, ' ')));
    }
    return Buffer.concat(bytes).toString('utf8') + (/\s$/.test(run) && !/=\s*$/.test(run) ? ' ' : '');
  });
}

function qpBytes(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(out);
}

const headerOf = (headers: string, name: string): string =>
  new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
    .exec(headers)?.[1]!
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim() ?? '';

function parseMail(raw: string): Mail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const boundary = /boundary="?([^";]+)"?/.exec(headerOf(headers, 'Content-Type'))?.[1];
  const parts: Mail['parts'] = [];
  if (boundary)
    for (const chunk of body.split(`--${boundary}`).slice(1, -1)) {
      const at = chunk.indexOf('\r\n\r\n');
      const h = chunk.slice(0, at);
      let content = chunk.slice(at + 4).replace(/\r\n$/, '');
      const enc = headerOf(h, 'Content-Transfer-Encoding').toLowerCase();
      const ct = headerOf(h, 'Content-Type');
      if (enc === 'quoted-printable') content = qpBytes(content.replace(/=\r\n/g, '')).toString('utf8');
      else if (enc === 'base64') content = Buffer.from(content, 'base64').toString('utf8');
      parts.push({
        type: ct.split(';')[0]!.trim(),
        charset: /charset=([^;\s]+)/i.exec(ct)?.[1] ?? '',
        body: content.replace(/\r\n/g, '\n'),
      });
    }
  return { raw, headers, subject: decodeWords(headerOf(headers, 'Subject')), parts };
}

interface SmtpSink {
  port: number;
  mails: Mail[];
  close(): Promise<void>;
}

async function startSmtp(): Promise<SmtpSink> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN'],
    // No TLS on loopback: AUTH over plain text is what this test server is for.
    allowInsecureAuth: true,
    size: SMTP_SIZE,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) return callback(null, { user: SMTP_USER });
      const e = Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 });
      return callback(e);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const emailOptions = (port: number, over: Partial<Parameters<typeof createEmailChannel>[0]> = {}) => ({
  host: '127.0.0.1',
  port,
  secure: false,
  user: SMTP_USER,
  pass: SMTP_PASS,
  from: 'arxiv-digest <digest@example.org>',
  to: ['reader@example.org', 'lab@example.org'],
  // The test server offers no STARTTLS; say so rather than rely on nodemailer noticing.
  transport: { ignoreTLS: true },
  timeoutMs: 5000,
  ...over,
});

// ---------------------------------------------------------------------------------------------
// The harnesses: one per channel, all speaking the same language

/** One post (chat) or message (e-mail) as it arrived. */
interface Delivered {
  /** What a reader sees. */
  visible: string;
  /** The bytes as sent (the JSON body, or the MIME message). */
  raw: string;
  links: string[];
  pings: string[];
}

interface Harness {
  name: string;
  make(): Channel;
  delivered(): Delivered[];
  /** Why a delivered post is over the platform's limits, else null (checked independently of the channel's code). */
  overLimit(d: Delivered): string | null;
  /** The hostile title did not arrive as markup of this platform. */
  inert(d: Delivered): boolean;
  /** A channel whose sending is refused, the secrets it holds, and the reason expected. */
  refused(): { channel: Channel; secrets: string[]; reason: RegExp };
  /** Splits into several posts (e-mail sends one message). */
  splits: boolean;
}

let chat: ChatStandIn;
let smtp: SmtpSink;
/** Sleeps asked for by channels (instead of waiting). */
let slept: number[] = [];
const sleep = async (ms: number) => {
  slept.push(ms);
};

beforeAll(async () => {
  chat = await startChatStandIn({ telegramChats: ['12345', '-1001234567890'] });
  smtp = await startSmtp();
});
afterAll(async () => {
  await chat.close();
  await smtp.close();
});
beforeEach(() => {
  chat.reset();
  chat.setOptions({ feishuSecret: null, now: undefined });
  smtp.mails.length = 0;
  slept = [];
});

const fromChat = (r: ReceivedPost): Delivered => ({
  visible: r.visible,
  raw: r.rawBody,
  links: r.links,
  pings: r.pings,
});
const bodyOf = (d: Delivered) => JSON.parse(d.raw) as Record<string, unknown>;
const secretOfUrl = (url: string) => url.split('/').pop()!;

const HARNESSES: Harness[] = [
  {
    name: 'slack',
    splits: true,
    make: () => createSlackChannel({ webhookUrl: chat.slackWebhookUrl, sleep }),
    delivered: () => chat.receivedBy('slack').map(fromChat),
    overLimit(d) {
      const b = bodyOf(d) as {
        text: string;
        blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
      };
      if (b.blocks.length > SLACK.blocks) return `${b.blocks.length} blocks`;
      let total = b.text.length;
      for (const block of b.blocks)
        for (const t of block.type === 'context' ? block.elements! : [block.text!]) {
          if (t.text.length > (block.type === 'header' ? SLACK.headerText : SLACK.sectionText))
            return `${block.type} of ${t.text.length}`;
          total += t.text.length;
        }
      return total > SLACK.text ? `${total} characters` : null;
    },
    inert: (d) => !d.raw.includes('<img') && !d.raw.includes('<!channel>') && !d.raw.includes('<@123456789>'),
    refused() {
      chat.addFault('slack', { type: '400' });
      return {
        channel: createSlackChannel({ webhookUrl: chat.slackWebhookUrl, sleep }),
        secrets: [chat.slackWebhookUrl, secretOfUrl(chat.slackWebhookUrl)],
        reason: /^slack: Slack answered HTTP 400 invalid_payload/,
      };
    },
  },
  {
    name: 'discord',
    splits: true,
    make: () => createDiscordChannel({ webhookUrl: chat.discordWebhookUrl, sleep }),
    delivered: () => chat.receivedBy('discord').map(fromChat),
    overLimit(d) {
      const b = bodyOf(d) as { content: string; embeds: { title?: string; description: string }[] };
      if (b.content.length > DISCORD.content) return `content of ${b.content.length}`;
      if (b.embeds.length > DISCORD.embeds) return `${b.embeds.length} embeds`;
      let total = 0;
      for (const e of b.embeds) {
        if ((e.title ?? '').length > DISCORD.title || e.description.length > DISCORD.description) return 'an embed';
        total += (e.title ?? '').length + e.description.length;
      }
      return total > DISCORD.total ? `${total} characters in embeds` : null;
    },
    // Discord shows `\<` as `<`: the raw text may hold the title only with every `<` escaped.
    inert: (d) =>
      !/(?<!\\)<img/.test(
        JSON.parse(d.raw)
          .embeds.map((e: { description: string }) => e.description)
          .join(''),
      ),
    refused() {
      chat.addFault('discord', { type: '404' });
      return {
        channel: createDiscordChannel({ webhookUrl: chat.discordWebhookUrl, sleep }),
        secrets: [chat.discordWebhookUrl, secretOfUrl(chat.discordWebhookUrl)],
        reason: /^discord: Discord answered HTTP 404: Unknown Webhook \(code 10015\)/,
      };
    },
  },
  {
    name: 'feishu',
    splits: true,
    make: () => createFeishuChannel({ webhookUrl: chat.feishuWebhookUrl, sleep }),
    delivered: () => chat.receivedBy('feishu').map(fromChat),
    overLimit: (d) =>
      Buffer.byteLength(d.raw, 'utf8') > FEISHU.bodyBytes ? `${Buffer.byteLength(d.raw)} bytes` : null,
    // Post elements are data: the title may only ever sit in a text or link element.
    inert(d) {
      const post = (bodyOf(d).content as { post: Record<string, { content: { tag: string }[][] }> }).post;
      return Object.values(post).every((l) => l.content.flat().every((e) => e.tag === 'text' || e.tag === 'a'));
    },
    refused() {
      chat.setOptions({ feishuSecret: 'the-real-secret' });
      return {
        channel: createFeishuChannel({ webhookUrl: chat.feishuWebhookUrl, secret: 'a-wrong-secret', sleep }),
        secrets: [chat.feishuWebhookUrl, secretOfUrl(chat.feishuWebhookUrl), 'a-wrong-secret', 'the-real-secret'],
        reason: /^feishu: Feishu answered code 19021: sign match fail .*\(check the signing secret/,
      };
    },
  },
  {
    name: 'telegram',
    splits: true,
    make: () =>
      createTelegramChannel({ token: chat.telegramToken, chatId: '12345', apiUrl: chat.telegramApiUrl, sleep }),
    delivered: () => chat.receivedBy('telegram').map(fromChat),
    overLimit(d) {
      const t = (bodyOf(d) as { text: string }).text;
      return t.length > TELEGRAM.text || d.visible.length > TELEGRAM.text ? `${t.length} characters` : null;
    },
    inert: (d) => !(bodyOf(d) as { text: string }).text.includes('<img'),
    refused: () => ({
      channel: createTelegramChannel({
        token: '987654321:AAWrongToken_abcdefghijklmnop',
        chatId: '12345',
        apiUrl: chat.telegramApiUrl,
        sleep,
      }),
      secrets: ['987654321:AAWrongToken_abcdefghijklmnop', 'AAWrongToken_abcdefghijklmnop'],
      reason: /^telegram: Telegram answered 401: Unauthorized \(the bot token is wrong or revoked\)/,
    }),
  },
  {
    name: 'email',
    splits: false,
    make: () => createEmailChannel(emailOptions(smtp.port)),
    delivered: () =>
      smtp.mails.map((m) => {
        const html = m.parts.find((p) => p.type === 'text/html')?.body ?? '';
        const text = m.parts.find((p) => p.type === 'text/plain')?.body ?? '';
        const links = [...html.matchAll(/href="([^"]*)"/g)].map((x) =>
          x[1]!
            .replace(/&amp;/g, '&')
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'"),
        );
        return { visible: `${m.subject}\n${text}`, raw: m.raw, links, pings: [] };
      }),
    overLimit: (d) => (Buffer.byteLength(d.raw) > SMTP_SIZE ? `${Buffer.byteLength(d.raw)} bytes` : null),
    inert(d) {
      const html = parseMail(d.raw).parts.find((p) => p.type === 'text/html')?.body ?? '';
      return html.includes(escapeHtml(HOSTILE)) && !html.includes('<img') && !html.includes('javascript:');
    },
    refused: () => ({
      channel: createEmailChannel(emailOptions(smtp.port, { pass: 'a wrong password' })),
      secrets: ['a wrong password', Buffer.from(`\u0000${SMTP_USER}\u0000a wrong password`).toString('base64')],
      reason: new RegExp(
        `^e-mail: the SMTP server at 127\\.0\\.0\\.1:\\d+ refused the login for ${SMTP_USER} \\(535 .*Authentication credentials invalid\\)$`,
      ),
    }),
  },
];

const abs = (i: number) => `https://arxiv.org/abs/${idOf(i)}`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

describe.each(HARNESSES.map((h) => [h.name, h] as const))('channel contract: %s', (_name, h) => {
  it('should deliver a fair share of every category up to the cap in digest order, then the cap line with a link to the rest', async () => {
    const message = digest();
    await h.make().send(message);
    const got = h.delivered();
    expect(got.length).toBeGreaterThan(0);
    const links = got.flatMap((d) => d.links);
    const visible = got.map((d) => d.visible).join('\n');
    const firstAt = (i: number) => links.indexOf(abs(i));
    // 100 of cs.CV 50, cs.CL 40, cs.LG 30: 35, 35 and all 30 (not the first 100 in digest order).
    const sent = [...range(0, 35), ...range(50, 85), ...range(90, 120)];
    for (const i of sent) expect(firstAt(i), `paper ${i + 1} (${idOf(i)})`).toBeGreaterThanOrEqual(0);
    for (let k = 1; k < sent.length; k++) expect(firstAt(sent[k]!)).toBeGreaterThan(firstAt(sent[k - 1]!));
    for (const i of [...range(35, 50), ...range(85, 90)]) expect(links).not.toContain(abs(i));
    expect(visible).toContain('Paper 2 on cs.CV: learning with line breaks');
    expect(visible).toContain('… and 20 more papers not listed here:');
    expect(links).toContain(SITE);
    // The cap line comes last.
    expect(links.lastIndexOf(SITE)).toBeGreaterThan(firstAt(119));
  });

  it("should link to arXiv's listings of what was left out when there is no site", async () => {
    await h.make().send(digest({ url: null, maxPapers: 75 }));
    const links = h.delivered().flatMap((d) => d.links);
    // 25 of each category: cs.CV and cs.CL lose papers, cs.LG (30) loses 5.
    for (const c of ['cs.CV', 'cs.CL', 'cs.LG']) expect(links).toContain(`https://arxiv.org/catchup/${c}/${DATE}`);
    await h.make().send(digest({ url: null, maxPapers: 110 }));
    // 40, 40 and 30: only cs.CV loses papers.
    const second = h.delivered().slice(-1)[0]!;
    const more = h.delivered().flatMap((d) => d.links);
    expect(more).toContain(`https://arxiv.org/catchup/cs.CV/${DATE}`);
    expect(
      second.visible +
        h
          .delivered()
          .map((d) => d.visible)
          .join('\n'),
    ).toContain('… and 10 more papers not listed here:');
  });

  it('should keep every post within the platform limits, never cutting a character, and number the parts', async () => {
    await h.make().send(digest({ maxPapers: 120 }));
    const got = h.delivered();
    for (const d of got) {
      expect(h.overLimit(d)).toBeNull();
      expect(hasLoneSurrogate(d.raw) || hasLoneSurrogate(d.visible)).toBe(false);
    }
    // The stand-in refused nothing: every request was within its checks too.
    expect(chat.requests.filter((r) => r.status !== null && r.status >= 300)).toEqual([]);
    if (h.splits) {
      expect(got.length).toBeGreaterThan(1);
      got.forEach((d, k) => expect(d.visible).toContain(`(${k + 1}/${got.length})`));
    } else expect(got).toHaveLength(1);
    const links = got.flatMap((d) => d.links);
    for (let i = 0; i < 120; i++) expect(links).toContain(abs(i));
    // The huge title was shortened on a character boundary, never dropped.
    expect(got.map((d) => d.visible).join('\n')).toContain('😀😀😀');
  });

  it('should deliver hostile text as inert text and notify no one', async () => {
    await h.make().send(digest({ maxPapers: 20 }));
    const got = h.delivered();
    const visible = got.map((d) => d.visible).join('\n');
    expect(visible).toContain(HOSTILE);
    expect(visible).toContain(`TL ${HOSTILE} ${MENTIONS}`);
    expect(got.every((d) => h.inert(d))).toBe(true);
    expect(got.flatMap((d) => d.pings)).toEqual([]);
    // A stored code link that is not http(s) is never linked.
    expect(got.flatMap((d) => d.links).some((l) => l.startsWith('javascript:'))).toBe(false);
  });

  it('should show the status of papers without a summary and the check notes of flagged ones', async () => {
    await h.make().send(digest({ maxPapers: 40 }));
    const visible = h
      .delivered()
      .map((d) => d.visible)
      .join('\n');
    expect(visible).toContain('Summary status: failed — the model refused to answer (openai:test)');
    expect(visible).toContain('Summary status: pending — not summarized in English yet');
    expect(visible).toContain('Check: this summary has a number that is not in the abstract.');
  });

  it('should start a ranked day with the For you picks (title, score, reason), then deliver the rest as before', async () => {
    await h.make().send(rankedDigest());
    const got = h.delivered();
    const links = got.flatMap((d) => d.links);
    const visible = got.map((d) => d.visible).join('\n');
    // The picks come first, best first; a pick past the cap is still a pick.
    const firstAt = (i: number) => links.indexOf(abs(i));
    expect(PICKS.map(firstAt)).toEqual([...PICKS.map(firstAt)].sort((a, b) => a - b));
    expect(firstAt(PICKS[2])).toBeLessThan(firstAt(1));
    expect(visible.indexOf('For you')).toBeLessThan(visible.indexOf('cs.CV — 50 papers'));
    expect(visible).toContain('score 0.80');
    expect(visible).toContain("keyword 'learning' in title; author Zoë Ünicode");
    expect(visible).toContain(HOSTILE_REASON);
    // The rest: a fair share of each category (35, 35, 30), its best papers by score, best first
    // (their last link), and the cap line: the 20 left out are cs.CV's and cs.CL's lowest.
    const lastAt = (i: number) => links.lastIndexOf(abs(i));
    const score = (i: number) => rankedDigest().papers[i]!.rank!.score;
    for (const [from, to, keep] of [
      [0, 50, 35],
      [50, 90, 35],
      [90, 120, 30],
    ] as const) {
      const best = range(from, to).sort((a, b) => score(b) - score(a) || a - b);
      const order = best.slice(0, keep);
      for (let k = 1; k < order.length; k++)
        expect(lastAt(order[k]!), `paper ${order[k]! + 1}`).toBeGreaterThan(lastAt(order[k - 1]!));
      for (const i of best.slice(keep)) expect(links, `paper ${i + 1}`).not.toContain(abs(i));
    }
    // Paper 111: its pick, then its entry (title and arXiv link) as the best of cs.LG.
    expect(links.filter((l) => l === abs(110))).toHaveLength(3);
    expect(visible).toContain('… and 20 more papers not listed here:');
    // Within limits, inert, pinging no one.
    for (const d of got) expect(h.overLimit(d)).toBeNull();
    expect(chat.requests.filter((r) => r.status !== null && r.status >= 300)).toEqual([]);
    expect(got.every((d) => h.inert(d))).toBe(true);
    expect(got.flatMap((d) => d.pings)).toEqual([]);
  });

  it('should fail with one DeliveryError line giving the service’s reason and no secret', async () => {
    const { channel, secrets, reason } = h.refused();
    const error = await channel.send(digest({ maxPapers: 5 })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    const msg = (error as DeliveryError).message;
    expect(msg).toMatch(reason);
    expect(msg).not.toContain('\n');
    for (const s of secrets) expect(msg).not.toContain(s);
    for (const s of secrets) expect(channel.target).not.toContain(s);
  });
});

// ---------------------------------------------------------------------------------------------
// E-mail

describe('e-mail', () => {
  it('should send multipart/alternative with an HTML and a plain-text part and a UTF-8 subject', async () => {
    await createEmailChannel(emailOptions(smtp.port, { subjectPrefix: '[arXiv]' })).send(digest({}, 'Chinese'));
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(headerOf(mail.headers, 'Content-Type')).toMatch(/^multipart\/alternative;/);
    expect(mail.parts.map((p) => p.type)).toEqual(['text/plain', 'text/html']);
    expect(mail.parts.every((p) => p.charset.toLowerCase() === 'utf-8')).toBe(true);
    // The raw header is encoded (RFC 2047); decoded it is the Chinese subject.
    expect(headerOf(mail.headers, 'Subject')).toMatch(/=\?UTF-8\?[QB]\?/i);
    expect(mail.subject).toBe('[arXiv] arXiv 每日论文 2026-09-23 — 120 篇');
    expect(headerOf(mail.headers, 'To')).toBe('reader@example.org, lab@example.org');
    const text = mail.parts[0]!.body;
    const html = mail.parts[1]!.body;
    expect(text).toContain('== cs.CV — 50 篇 ==');
    expect(text).toContain('== cs.LG — 30 篇 ==');
    expect(text).toContain(`[1] ${HOSTILE}`);
    expect(text).toContain('摘要状态：失败（failed）— the model refused to answer (openai:test)');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`${escapeHtml(HOSTILE)}</a>`);
    expect(html).toContain('…… 另有 20 篇未在此列出：');
  });

  it('should report a refused login with the SMTP reply, and never the password', async () => {
    const e = await createEmailChannel(emailOptions(smtp.port, { pass: 'hunter2-wrong' }))
      .send(digest({ maxPapers: 1 }))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeliveryError);
    expect((e as Error).message).toBe(
      `e-mail: the SMTP server at 127.0.0.1:${smtp.port} refused the login for digest-bot (535 Authentication credentials invalid)`,
    );
    expect(smtp.mails).toHaveLength(0);
  });

  it('should report a refused connection in one line', async () => {
    const closed = await startSmtp();
    await closed.close();
    const e = await createEmailChannel(emailOptions(closed.port))
      .send(digest({ maxPapers: 1 }))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeliveryError);
    expect((e as Error).message).toBe(
      `e-mail: cannot connect to the SMTP server at 127.0.0.1:${closed.port} (connection refused)`,
    );
  });

  it('should explain TLS settings that do not match the server', async () => {
    const fail = (over: Partial<Parameters<typeof createEmailChannel>[0]>) =>
      createEmailChannel(emailOptions(smtp.port, { transport: {}, ...over }))
        .send(digest({ maxPapers: 1 }))
        .then(
          () => 'sent',
          (e: unknown) => (e as Error).message,
        );
    expect(await fail({ secure: true })).toBe(
      `e-mail: TLS with the SMTP server at 127.0.0.1:${smtp.port} failed: the server does not speak TLS on this port ` +
        '(SMTP_SECURE is for implicit TLS, usually port 465; use false for 587)',
    );
    expect(await fail({ requireTls: true })).toMatch(
      /^e-mail: the SMTP server at 127\.0\.0\.1:\d+ does not offer STARTTLS, which SMTP_REQUIRE_TLS demands \(5\d\d /,
    );
    expect(smtp.mails).toHaveLength(0);
  });

  it('should render both parts purely, escape every value and link only http(s)', () => {
    const m = renderEmail(digest({ maxPapers: 42 }));
    expect(m.subject).toBe('arXiv digest 2026-09-23 — 120 papers');
    expect(m.html).not.toMatch(/<img|javascript:|<Lab>|"Quote"/);
    expect(m.html).toContain('C &amp; D &lt;Lab&gt;');
    expect(m.html).toContain('href="https://github.com/org/repo?tab=readme&amp;x=(1)"');
    expect(m.text).toContain('Code: https://github.com/org/repo?tab=readme&x=(1)');
    expect(m.text).toContain('Author 10 et al.');
    expect(m.text).not.toContain('Author 11');
    expect(m.text).toContain('… and 78 more papers not listed here:');
    // 42 shared fairly: 14 papers of each category.
    expect(m.text).toContain('== cs.LG — 30 papers ==');
    expect([...m.text.matchAll(/^\[\d+\] /gm)]).toHaveLength(42);
    expect(renderEmail(digest({ papers: [], categories: [] })).subject).toBe('arXiv digest 2026-09-23 — 0 papers');
  });

  it('should put the For you picks first in both parts, reasons escaped in the HTML', () => {
    const m = renderEmail(rankedDigest({ maxPapers: 5 }));
    const picks = /<h2 [^>]*>For you<\/h2>\n<ol [^>]*>\n([^]*?)<\/ol>/.exec(m.html)![1]!;
    expect(m.html.indexOf('>For you</h2>')).toBeLessThan(m.html.indexOf('cs.CV — 50 papers'));
    expect(picks.match(/<li /g)).toHaveLength(3);
    expect(picks).toContain(
      `<a href="https://arxiv.org/abs/${idOf(2)}" style="font-weight:600;color:#b31b1b;text-decoration:none;">Paper 3 on cs.CV: learning with line breaks</a> <span style="color:#2f7d32;font-size:13px;font-weight:600;white-space:nowrap;">score 0.80</span>`,
    );
    expect(picks).toContain(escapeHtml(HOSTILE_REASON));
    expect(m.html).not.toMatch(/<img|href="https:\/\/evil/);
    expect(m.text).toContain(
      `== For you ==\n\n1. Paper 3 on cs.CV: learning with line breaks (score 0.80)\n   keyword 'learning' in title; author Zoë Ünicode\n   https://arxiv.org/abs/${idOf(2)}\n`,
    );
    // A pick without a reason has no empty line; the picks do not count against the cap.
    expect(m.text).toContain(
      `3. Paper 111 on cs.LG: learning with line breaks (score 0.50)\n   https://arxiv.org/abs/${idOf(110)}\n`,
    );
    expect(m.text).toContain('… and 115 more papers not listed here:');
  });

  it('should send a day that was not ranked exactly as before, whatever its papers carry', () => {
    const plain = digest({ maxPapers: 10 });
    const { forYou: _picks, ...ranksOnly } = rankedDigest({ maxPapers: 10 });
    expect(renderEmail(ranksOnly)).toEqual(renderEmail(plain));
    expect(renderSlack(ranksOnly)).toEqual(renderSlack(plain));
    // Ranked, but nothing stood out: no For you section either (the papers are chosen by score).
    expect(renderTelegram({ ...ranksOnly, forYou: [] }, '1')[0]!.text).not.toContain('For you');
  });

  it('should name the For you section in the digest language', () => {
    const zh = renderEmail({ ...rankedDigest({ maxPapers: 3 }), language: 'Chinese' });
    expect(zh.text).toContain('== 为你推荐 ==');
    expect(zh.text).toContain('(匹配度 0.80)');
    const ja = renderDiscord({ ...rankedDigest({ maxPapers: 3 }), language: 'Japanese' });
    expect(ja[0]!.embeds[0]!.title).toBe('あなたへのおすすめ');
    expect(ja[0]!.embeds[0]!.description).toContain('スコア 0.80');
  });

  it('should carry List-Unsubscribe, one-click with an https URI, and List-Id', async () => {
    await createEmailChannel(emailOptions(smtp.port)).send(digest({ maxPapers: 3 }));
    const plain = smtp.mails[0]!.headers;
    expect(headerOf(plain, 'List-Unsubscribe')).toBe('<mailto:digest@example.org?subject=unsubscribe>');
    // RFC 8058: one-click only over https.
    expect(headerOf(plain, 'List-Unsubscribe-Post')).toBe('');
    expect(headerOf(plain, 'List-Id')).toBe('arXiv digest <arxiv-digest.example.org>');
    const listUnsubscribe = ['https://lists.example.org/u/abc', 'mailto:owner@example.org?subject=stop'];
    await createEmailChannel(emailOptions(smtp.port, { listUnsubscribe })).send(digest({ maxPapers: 3 }));
    const oneClick = smtp.mails[1]!.headers;
    expect(headerOf(oneClick, 'List-Unsubscribe')).toBe(
      '<https://lists.example.org/u/abc>, <mailto:owner@example.org?subject=stop>',
    );
    expect(headerOf(oneClick, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('should keep a 302-paper day under 100 KB of HTML, a fair share of each category sent, the rest linked', () => {
    const day = bigDay();
    const m = renderEmail({ ...digestOf(day), maxPapers: 302 }, {});
    const bytes = htmlBytes(m);
    expect(bytes).toBeLessThanOrEqual(EMAIL_HTML_MAX_BYTES);
    // Not a handful: the budget is used.
    expect(bytes).toBeGreaterThan(EMAIL_HTML_MAX_BYTES * 0.95);
    expect(m.shown).toBeGreaterThan(60);
    expect(m.shown).toBeLessThan(302);
    const sections = [...m.text.matchAll(/^== (cs\.\w+) — \d+ 篇 ==$/gm)].map((x) => x[1]);
    expect(sections).toEqual(['cs.CV', 'cs.CL', 'cs.AI']);
    const perCategory = (cat: string) => (m.html.match(new RegExp(`>${cat} paper \\d+<`, 'g')) ?? []).length;
    const counts = ['cs.CV', 'cs.CL', 'cs.AI'].map(perCategory);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(m.text).toContain(`…… 另有 ${302 - m.shown} 篇未在此列出：`);
    expect(m.html).toContain(`href="${SITE}"`);
    // Within the budget the whole day is sent.
    expect(renderEmail({ ...digestOf(day), maxPapers: 302 }, { maxHtmlBytes: 10_000_000 }).shown).toBe(302);
  });
  it('should choose the smaller transfer encoding: base64 for a Chinese digest, quoted-printable for English', () => {
    expect(transferEncoding('本文提出一种新方法'.repeat(100))).toBe('base64');
    expect(transferEncoding(`<p>${'We propose a method. '.repeat(100)}</p>`)).toBe('quoted-printable');
    expect(transferEncoding(renderEmail(digestOf(bigDay())).html)).toBe('base64');
  });

  it('should name the recipients as its target', () => {
    expect(createEmailChannel(emailOptions(1)).target).toBe('email:reader@example.org,lab@example.org');
  });
});

// ---------------------------------------------------------------------------------------------
// Feishu

describe('feishu', () => {
  const NOW = new Date('2026-09-23T20:30:00Z');

  it('should sign every request with the timestamp and HMAC-SHA256 of "timestamp\\nsecret"', async () => {
    chat.setOptions({ feishuSecret: 's3cret-feishu', now: () => NOW });
    await createFeishuChannel({
      webhookUrl: chat.feishuWebhookUrl,
      secret: 's3cret-feishu',
      now: () => NOW,
      sleep,
    }).send(digest({ maxPapers: 30 }));
    const got = chat.receivedBy('feishu');
    expect(got.length).toBeGreaterThan(1);
    for (const r of got) {
      expect(r.body.timestamp).toBe(String(Math.floor(NOW.getTime() / 1000)));
      expect(r.body.sign).toBe(feishuExpectedSign('1790195400', 's3cret-feishu'));
      expect(r.body.msg_type).toBe('post');
    }
    // Unsigned when there is no secret.
    chat.reset();
    chat.setOptions({ feishuSecret: null });
    await createFeishuChannel({ webhookUrl: chat.feishuWebhookUrl, sleep }).send(digest({ maxPapers: 1 }));
    expect(chat.receivedBy('feishu')[0]!.body).not.toHaveProperty('sign');
  });

  it('should be refused with a clock more than an hour off', async () => {
    chat.setOptions({ feishuSecret: 'k', now: () => NOW });
    const e = await createFeishuChannel({
      webhookUrl: chat.feishuWebhookUrl,
      secret: 'k',
      now: () => new Date(NOW.getTime() - 2 * 3600_000),
      sleep,
    })
      .send(digest({ maxPapers: 1 }))
      .catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/code 19021/);
  });

  it('should write Chinese digests in the zh_cn post', async () => {
    await createFeishuChannel({ webhookUrl: chat.feishuWebhookUrl, sleep }).send(digest({ maxPapers: 3 }, 'Chinese'));
    const post = (chat.receivedBy('feishu')[0]!.body.content as { post: Record<string, { title: string }> }).post;
    expect(Object.keys(post)).toEqual(['zh_cn']);
    expect(post.zh_cn!.title).toBe('arXiv 每日论文 2026-09-23 — 120 篇');
  });
});

// ---------------------------------------------------------------------------------------------
// Telegram

describe('telegram', () => {
  const make = (over: Partial<Parameters<typeof createTelegramChannel>[0]> = {}) =>
    createTelegramChannel({ token: chat.telegramToken, chatId: '12345', apiUrl: chat.telegramApiUrl, sleep, ...over });

  it('should send HTML with data escaped and link previews off', async () => {
    await make({ apiUrl: `${chat.telegramApiUrl}/` }).send(digest({ maxPapers: 40 }));
    const bodies = chat.receivedBy('telegram').map((r) => r.body as Record<string, unknown> & { text: string });
    for (const b of bodies) {
      expect(b).toMatchObject({ chat_id: '12345', parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      // Deprecated since Bot API 7.0.
      expect(b).not.toHaveProperty('disable_web_page_preview');
    }
    const all = bodies.map((b) => b.text).join('\n');
    expect(all).toContain(`<b><a href="${abs(0)}">&lt;img src=x onerror=alert(1)&gt;</a></b>`);
    expect(all).toContain('<i>Zoë Ünicode, B. "Quote" O\'Neil, C &amp; D &lt;Lab&gt;</i>');
    expect(all).toContain('<a href="https://github.com/org/repo?tab=readme&amp;x=(1)">Code</a>');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).not.toContain('<!channel>');
  });

  it('should give Telegram’s description and a hint for an unknown chat', async () => {
    const e = await make({ chatId: '999' })
      .send(digest({ maxPapers: 1 }))
      .catch((x: unknown) => x);
    expect((e as Error).message).toBe(
      'telegram: Telegram answered 400: Bad Request: chat not found (the chat id is wrong, or the bot was never added to it)',
    );
    expect(make({ chatId: '999' }).target).toBe('telegram:chat 999');
  });

  it('should name the new chat id when a group was upgraded to a supergroup', async () => {
    chat.addFault('telegram', {
      type: '400',
      body: {
        ok: false,
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -1001234567890 },
      },
    });
    const e = await make()
      .send(digest({ maxPapers: 1 }))
      .catch((x: unknown) => x);
    expect((e as Error).message).toContain('(the group is now chat -1001234567890; set the chat id to it)');
  });
});

// ---------------------------------------------------------------------------------------------
// Rate limits and retries, per platform

const CHAT_MAKERS: Record<Platform, () => Channel> = {
  slack: () => createSlackChannel({ webhookUrl: chat.slackWebhookUrl, sleep }),
  discord: () => createDiscordChannel({ webhookUrl: chat.discordWebhookUrl, sleep }),
  feishu: () => createFeishuChannel({ webhookUrl: chat.feishuWebhookUrl, sleep }),
  telegram: () =>
    createTelegramChannel({ token: chat.telegramToken, chatId: '12345', apiUrl: chat.telegramApiUrl, sleep }),
};

describe.each([
  // Slack: Retry-After header; Discord: retry_after in the body, with fractions; Telegram:
  // parameters.retry_after; Feishu gives no delay with its 11232, so we back off from 1 s.
  ['slack', 2, 2000],
  ['discord', 1.5, 1500],
  ['telegram', 3, 3000],
  ['feishu', 2, 1000],
] as const)('rate limits: %s', (platform, retryAfter, expectedWait) => {
  it('should wait as asked and send again', async () => {
    chat.addFault(platform, { type: '429', retryAfter });
    await CHAT_MAKERS[platform]().send(digest({ maxPapers: 2 }));
    expect(chat.receivedBy(platform)).toHaveLength(1);
    expect(chat.requests.map((r) => r.status)).toEqual([
      platform === 'feishu' ? 200 : 429,
      platform === 'discord' ? 204 : 200,
    ]);
    expect(slept).toEqual([expectedWait]);
  });

  it('should give up after a few attempts with the platform’s words', async () => {
    chat.addFault(platform, { type: '429', retryAfter }, 10);
    const e = await CHAT_MAKERS[platform]()
      .send(digest({ maxPapers: 2 }))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeliveryError);
    expect((e as Error).message).toMatch(new RegExp(`^${platform}: rate limited \\(.*\\); gave up after 4 attempts$`));
    expect(chat.requests).toHaveLength(4);
  });

  it('should retry a server error and then succeed', async () => {
    chat.addFault(platform, { type: '500' }, 2);
    await CHAT_MAKERS[platform]().send(digest({ maxPapers: 2 }));
    expect(chat.receivedBy(platform)).toHaveLength(1);
    expect(slept).toEqual([1000, 2000]);
  });
});

describe('chat posts', () => {
  it('should name the post that failed and how many were already sent', async () => {
    const posts = renderTelegram(digest(), '12345').length;
    expect(posts).toBeGreaterThan(3);
    // The third post is refused; the first two are already in the chat.
    let n = 0;
    const thirdRefused: typeof fetch = async (input, init) => {
      if (++n === 3)
        chat.addFault('telegram', { type: '400', body: { ok: false, error_code: 400, description: 'Bad Request: x' } });
      return fetch(input, init);
    };
    const e = await createTelegramChannel({
      token: chat.telegramToken,
      chatId: '12345',
      apiUrl: chat.telegramApiUrl,
      sleep,
      fetch: thirdRefused,
    })
      .send(digest())
      .catch((x: unknown) => x);
    expect((e as Error).message).toBe(
      `telegram: Telegram answered 400: Bad Request: x (post 3 of ${posts}; 2 were sent)`,
    );
    expect(chat.receivedBy('telegram')).toHaveLength(2);
  });

  it('should time out a hanging request, retry, and report it', async () => {
    chat.addFault('slack', { type: 'hang' }, 4);
    const e = await createSlackChannel({ webhookUrl: chat.slackWebhookUrl, sleep, timeoutMs: 150 })
      .send(digest({ maxPapers: 1 }))
      .catch((x: unknown) => x);
    expect((e as Error).message).toBe('slack: no answer within 150 ms; gave up after 4 attempts');
  });

  it('should report a refused connection without the URL', async () => {
    const closed = await startSmtp();
    await closed.close();
    const webhookUrl = `http://127.0.0.1:${closed.port}/api/webhooks/1/tok_secret_value`;
    const e = await createDiscordChannel({ webhookUrl, sleep })
      .send(digest({ maxPapers: 1 }))
      .catch((x: unknown) => x);
    expect((e as Error).message).toBe(
      `discord: 127.0.0.1:${closed.port} refused the connection: nothing listens there (ECONNREFUSED); gave up after 4 attempts`,
    );
  });

  it('should show targets without secrets', () => {
    expect(createSlackChannel({ webhookUrl: 'https://hooks.slack.com/services/T1/B2/xyz' }).target).toBe(
      'slack:hooks.slack.com',
    );
    expect(createDiscordChannel({ webhookUrl: 'https://discord.com/api/webhooks/1/abc' }).target).toBe(
      'discord:discord.com',
    );
    expect(createFeishuChannel({ webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc' }).target).toBe(
      'feishu:open.feishu.cn',
    );
  });

  it('should refuse a malformed webhook URL when sending, without echoing it', async () => {
    const channel = createSlackChannel({ webhookUrl: 'hooks.slack.com/services/T1/B2/s3cr3t' });
    expect(channel.target).toBe('slack:invalid-url');
    await expect(channel.send(digest({ maxPapers: 1 }))).rejects.toThrow(
      new DeliveryError('slack: the webhook URL is not a valid http(s) URL'),
    );
  });

  it('should keep the cap line within limits when dozens of categories are left out', async () => {
    const base = digest();
    const papers = base.papers.map((p, i) => ({ ...p, primary: `math.X${String(i % 60).padStart(2, '0')}` }));
    const message = { ...base, papers, categories: [], url: null, maxPapers: 0 };
    await CHAT_MAKERS.slack().send(message);
    await CHAT_MAKERS.discord().send(message);
    await CHAT_MAKERS.telegram().send(message);
    await CHAT_MAKERS.feishu().send(message);
    expect(chat.received.map((r) => r.platform)).toEqual(['slack', 'discord', 'telegram', 'feishu']);
    for (const r of chat.received) {
      expect(r.visible, r.platform).toContain('… and 120 more papers not listed here:');
      expect(r.links).toContain(`https://arxiv.org/catchup/math.X00/${DATE}`);
    }
  });

  it('should escape Slack mrkdwn so no link or mention can be formed', () => {
    const post = renderSlack(digest({ maxPapers: 1 }))[0]!;
    const entry = post.blocks.find((b) => b.type === 'section' && b.text.text.includes('img'));
    expect(entry && entry.type === 'section' ? entry.text.text : '').toContain(
      'TL &lt;img src=x onerror=alert(1)&gt; @everyone @here &lt;!channel&gt; &lt;@123456789&gt; &amp; *bold*',
    );
  });

  it('should pack Discord embeds to 5,400 of the 6,000 characters, a margin for how Discord counts', () => {
    for (const message of [digest({ maxPapers: 120 }), digestOf(bigDay())]) {
      const posts = renderDiscord({ ...message, maxPapers: 302 });
      const totals = posts.map((p) => p.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + e.description.length, 0));
      expect(Math.max(...totals)).toBeLessThanOrEqual(5400);
      // Packed, not sparse: most posts are near the budget.
      expect(totals.filter((t) => t > 4000).length).toBeGreaterThanOrEqual(totals.length / 2 - 1);
    }
  });

  it('should turn off Discord mentions and escape its Markdown', () => {
    const post = renderDiscord(digest({ maxPapers: 1 }))[0]!;
    expect(post.allowed_mentions).toEqual({ parse: [] });
    expect(post.embeds[0]!.description).toContain(
      'TL \\<img src=x onerror=alert\\(1\\)\\> \\@everyone \\@here \\<!channel\\> \\<\\@123456789\\> & \\*bold\\* \\_it\\_ \\[x\\]\\(https://evil.example\\) \\|\\|spoiler\\|\\|',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The pure pieces

describe('fit', () => {
  it('should shorten on grapheme boundaries, never inside a surrogate pair or an escape', () => {
    expect(fit('😀😀😀😀', 5)).toBe('😀😀…');
    expect(hasLoneSurrogate(fit('a😀😀😀', 4))).toBe(false);
    expect(fit('&&&&', 12, escapeTelegram)).toBe('&amp;&amp;…');
    // A family emoji is one grapheme of 8 code units: kept whole or left out whole.
    expect(fit('👩‍👩‍👧 family', 10)).toBe('👩‍👩‍👧…');
    expect(fit('👩‍👩‍👧 family', 6)).toBe('…');
    expect(fit('short', 10)).toBe('short');
  });
});

describe('packParts', () => {
  it('should fill posts in order and number them only when there are several', () => {
    const plan = planDigest(digest({ maxPapers: 10 }));
    const items = digestItems(plan);
    const posts = packParts(
      'test',
      items,
      (part, info) => ({ n: part.length, info }),
      (p) => (p.n > 4 ? 'too many' : null),
    );
    expect(posts.map((p) => p.n)).toEqual([4, 4, 3]);
    expect(posts.map((p) => p.info)).toEqual([0, 1, 2].map((index) => ({ index, count: 3 })));
    expect(() =>
      packParts(
        'test',
        items,
        () => 1,
        () => 'never fits',
      ),
    ).toThrow(new DeliveryError('test: one digest entry does not fit in a post (never fits)'));
  });

  it('should fail rather than drop an item that fits nowhere, wherever it comes', () => {
    const items = digestItems(planDigest(digest({ maxPapers: 3 })));
    expect(items.map((i) => i.kind)).toEqual(['paper', 'paper', 'paper', 'more']);
    const refuseMore = (part: readonly { kind: string }[]) => (part.some((i) => i.kind === 'more') ? 'no' : null);
    expect(() => packParts('test', items, (part) => part, refuseMore)).toThrow(/does not fit/);
    expect(() => packParts('test', items.slice(3), (part) => part, refuseMore)).toThrow(/does not fit/);
  });

  it('should send a header-only post for a day with no papers', async () => {
    const empty = digest({ papers: [], categories: [] });
    expect(renderTelegram(empty, '1')).toHaveLength(1);
    for (const make of Object.values(CHAT_MAKERS)) await make().send(empty);
    expect(chat.received.map((r) => r.visible.split('\n')[0])).toEqual([
      'arXiv digest 2026-09-23 — 0 papers',
      '**arXiv digest 2026-09-23 — 0 papers**'.replace(/\*/g, ''),
      'arXiv digest 2026-09-23 — 0 papers',
      'arXiv digest 2026-09-23 — 0 papers',
    ]);
  });
});

describe('webhooks and redirects', () => {
  it('should not follow a redirect: a 307 loop gets one POST per channel and a clear failure', async () => {
    let posts = 0;
    const loop = await listenLoopback('redirect-loop', async (req, res) => {
      for await (const _ of req);
      posts++;
      // Back to itself, as the review's server did: each followed hop re-posted the digest.
      res.writeHead(307, { location: req.url ?? '/' }).end();
    });
    try {
      const channels: Channel[] = [
        createSlackChannel({ webhookUrl: `${loop.url}/services/T0/B0/slacktokenslacktoken`, sleep: async () => {} }),
        createDiscordChannel({ webhookUrl: `${loop.url}/api/webhooks/1/discordtokendiscord`, sleep: async () => {} }),
        createFeishuChannel({ webhookUrl: `${loop.url}/open-apis/bot/v2/hook/feishutoken`, sleep: async () => {} }),
        createTelegramChannel({
          token: '1:telegramtokentelegram',
          chatId: '42',
          apiUrl: loop.url,
          sleep: async () => {},
        }),
      ];
      for (const channel of channels) {
        posts = 0;
        const failure = await channel.send(digest({ maxPapers: 1 })).catch((e: Error) => e);
        expect([channel.id, posts]).toEqual([channel.id, 1]);
        expect(String(failure)).toContain('answered with a redirect (HTTP 307), which is not followed');
        expect(String(failure)).not.toMatch(/token/);
      }
    } finally {
      await loop.close();
    }
  });
});

describe('helpers', () => {
  it('should recognise the summary language', () => {
    expect(['Chinese', '中文', 'zh-CN', 'Simplified Chinese', 'Japanese', 'German'].map(localeOf)).toEqual([
      'zh',
      'zh',
      'zh',
      'zh',
      'ja',
      'en',
    ]);
  });

  it('should word the digest in the UI language when it is set apart from the summary language', () => {
    const mail = renderEmail(digest({ uiLanguage: 'zh-CN' }));
    expect(mail.subject).toBe('arXiv 每日论文 2026-09-23 — 120 篇');
    expect(mail.html).toContain('<html lang="zh-CN">');
    expect(renderEmail(digest({ uiLanguage: 'Japanese' }, 'Chinese')).html).toContain('<html lang="ja">');
    // A language without a catalog is worded in English.
    expect(renderEmail(digest({ uiLanguage: 'German' }, 'Chinese')).subject).toBe(
      'arXiv digest 2026-09-23 — 120 papers',
    );
  });

  it('should link only http(s) URLs', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://x.org/a"onmouseover=')).toBeNull();
    expect(safeUrl('https://github.com/a/b')).toBe('https://github.com/a/b');
  });

  it('should redact secrets and read Retry-After', () => {
    expect(redactSecrets('POST https://h/x/SECRET failed (SECRET)', ['SECRET'])).toBe(
      'POST https://h/x/*** failed (***)',
    );
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('1.5')).toBe(1500);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs(null)).toBeNull();
  });
});
